from customer_room_desktop.app import cli


def test_demo_room_is_built_once_into_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_ROOM_DATA_DIR", str(tmp_path / "data"))
    first = cli.ensure_demo_room()
    assert first == tmp_path / "data" / "harbourline-demo.croom"
    stamp = first.stat().st_mtime_ns
    assert cli.ensure_demo_room() == first
    assert first.stat().st_mtime_ns == stamp
