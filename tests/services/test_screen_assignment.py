from customer_room_desktop.services.screen_assignment import (
    AssignmentStore, ScreenInfo, journey_slice, walls_of,
)

LAPTOP = ScreenInfo("laptop", 0, 0, 1920, 1080, primary=True)
WALL_A = ScreenInfo("HDMI-1", 1920, 0, 3840, 2160, "Samsung", "QM55", "S123")
WALL_B = ScreenInfo("HDMI-2", 5760, 0, 3840, 2160, "Samsung", "QM55", "S456")
WALL_C = ScreenInfo("DP-1", 9600, 0, 1920, 1080)


def test_walls_are_every_screen_but_the_console_left_to_right():
    assert walls_of([WALL_C, LAPTOP, WALL_B, WALL_A]) == [WALL_A, WALL_B, WALL_C]


def test_identity_ignores_coordinates_and_uses_the_name_when_there_is_no_serial():
    assert ScreenInfo("DP-1", 0, 0, 1920, 1080).identity == ScreenInfo("DP-1", 500, 0, 1920, 1080).identity
    assert WALL_A.identity != WALL_B.identity  # same model, told apart by serial


def test_journey_is_shared_out_over_the_journey_walls():
    assert [journey_slice(i, 3, 7) for i in range(3)] == [(1, 3), (4, 5), (6, 7)]
    assert journey_slice(0, 1, 7) == (1, 7)
    assert journey_slice(5, 9, 3) == (3, 3)


def test_store_remembers_per_room_and_machine(tmp_path):
    path = tmp_path / "walls.json"
    store = AssignmentStore(path, "harbourline", "laptop-1")
    store.remember(WALL_A.identity, "journey")
    assert AssignmentStore(path, "harbourline", "laptop-1").load() == {WALL_A.identity: "journey"}
    assert AssignmentStore(path, "harbourline", "room-pc").load() == {}
    assert AssignmentStore(path, "other-room", "laptop-1").load() == {}
    path.write_text("not json")
    assert store.load() == {}
