from customer_room_desktop.app import cli
from customer_room_desktop.app.room_app import load_overview, style_sheet
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.ui.stage_list_window import StageListWindow


def test_demo_room_is_built_once_into_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTOMER_ROOM_DATA_DIR", str(tmp_path / "data"))
    first = cli.ensure_demo_room()
    assert first == tmp_path / "data" / "harbourline-demo.croom"
    stamp = first.stat().st_mtime_ns
    assert cli.ensure_demo_room() == first
    assert first.stat().st_mtime_ns == stamp


def test_first_window_shows_every_stage_in_journey_order(sample_room, qtbot, tmp_path):
    with RoomFile.open(sample_room, read_only=True) as room:
        overview = load_overview(room)
    window = StageListWindow(overview, style_sheet("stage_list"))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    assert len(window.cards) == 7
    texts = [label.text() for card in window.cards for label in card.findChildren(type(window.cards[0].children()[1]))]
    assert "I look for cover" in texts and "I renew or leave" in texts
    assert overview.stages[4].complaints > overview.stages[0].complaints  # claims are the worst stage
    image = window.grab().toImage()
    assert image.width() == 1920
    image.save(str(tmp_path / "first-window.png"))


def test_read_only_room_says_so_on_screen(sample_room):
    with RoomFile.open(sample_room, read_only=True) as room:
        assert "viewing only" in load_overview(room).notice
