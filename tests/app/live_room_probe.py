"""Run by test_live_room.py in a fresh process, on virtual screens given by QT_QPA_PLATFORM.

Drives a real LiveRoom on the sample room and prints what it observed as JSON.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def settle(app, rounds=5):
    for _ in range(rounds):
        app.processEvents()


def _view_name(wall):
    """What the wall shows: the view its current frame was rendered from, or the live widget."""
    if wall.currentWidget() is wall.frame_view and wall.shown_signature:
        kind = wall.shown_signature[0]
        return {"stage": "StagePanel", "complaints": "ComplaintsFocus", "journey": "JourneySpan",
                "cover": "PlainScreen", "plain": "PlainScreen", "call": "CallView"}[kind]
    return type(wall.currentWidget()).__name__


def wait_until(condition, timeout_ms=15_000):
    """Let the room run until ``condition`` holds (the player reports through Qt's event loop)."""
    waited = 0
    while not condition() and waited < timeout_ms:
        QTest.qWait(20)
        waited += 20


def observe(live):
    walls = []
    for identity, wall in live.walls.items():
        screen = live.present.get(identity)
        walls.append({
            "identity": identity, "visible": wall.isVisible(), "full_screen": wall.isFullScreen(),
            "geometry": list(wall.geometry().getRect()),
            "screen": list(screen.geometry().getRect()) if screen else None,
            "view": _view_name(wall),
            "stage": wall.shown_signature[1] if wall.shown_signature and wall.shown_signature[0] == "stage" else None,
        })
    return {"position": live.position, "cover": live.cover, "walls": walls,
            "console_text": live.console.now.text()}


def main(room_path: str, store_path: str) -> None:
    app = QApplication.instance() or QApplication([])
    room = RoomFile.open(room_path)  # a private copy: the probe saves a bookmark
    steps = {}
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "sample", "test-machine"))
    live.start()
    # the first picture, before any event: the stage wall's frame was drawn with all its thumbnails
    first = live.factory.stage_data(1)
    drawn_without = live.presenter._drawn_without.items()
    steps["first_frame_missing_thumbnails"] = [len(missing) for (_, signature), missing in drawn_without
                                               if signature[:2] == ("stage", 1)]
    steps["first_stage_artifacts"] = len(first.artifacts)
    settle(app)
    steps["start"] = observe(live)
    steps["agenda"] = [live.console.agenda_title.text()] + [live.console.agenda.item(i).text()
                                                           for i in range(live.console.agenda.count())]
    steps["planned_stage_seconds"] = live.clock.planned
    console = live.console
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space):
        QTest.keyClick(console, key)
    steps["three_next"] = observe(live)
    QTest.keyClick(console, Qt.Key.Key_Left)
    steps["previous"] = observe(live)
    QTest.keyClick(console, Qt.Key.Key_B)
    steps["black"] = observe(live)
    QTest.keyClick(console, Qt.Key.Key_Period)
    steps["unblack"] = observe(live)
    QTest.keyClicks(console, "6")
    QTest.keyClick(console, Qt.Key.Key_Return)
    steps["jump_6"] = observe(live)
    QTest.keyClick(console, Qt.Key.Key_End)
    steps["end"] = observe(live)
    QTest.keyClick(console, Qt.Key.Key_Home)
    steps["home"] = observe(live)
    live.prefetcher.wait()
    settle(app)
    stage_wall = next(iter(live.present))
    height = live.walls[stage_wall].height()
    from customer_room_desktop.ui.walls.stage_panel import thumbnail_box, thumbnails_shown
    second = live.factory.stage_data(2)
    steps["neighbour_prepared"] = all(live.factory.images.get(a.media_sha256, 0, thumbnail_box(height)) is not None
                                      for a in thumbnails_shown(second.artifacts))
    wall = live.walls[stage_wall]
    frames = live.presenter.frames[stage_wall]
    steps["frame_ready_before_switch"] = ("stage", 2, (wall.width(), wall.height())) in frames
    QTest.keyClick(console, Qt.Key.Key_PageDown)
    steps["thumbnails_on_switch"] = [len(live.factory.ready_thumbnails(second, height)),
                                     len(thumbnails_shown(second.artifacts))]
    QTest.keyClick(console, Qt.Key.Key_Home)
    # console pictures: every wall and the next stage, shortly after a switch
    QTest.qWait(400)
    live.prefetcher.wait()
    QTest.qWait(300)
    steps["console_wall_pictures"] = sum(1 for label in live.console.wall_images.values()
                                         if label.pixmap() is not None and not label.pixmap().isNull())
    preview = live.console.preview.pixmap()
    steps["console_preview"] = [preview is not None and not preview.isNull(),
                                live.console.preview_caption.text()]
    live.go_to(5)
    steps["console_verbatim"] = live.console.verbatim.text()
    steps["wall_verbatim"] = live.factory.stage_data(5).verbatims[0]
    QTest.keyClick(console, Qt.Key.Key_Home)
    # a call chosen on the console plays on the first wall, captions following; a bookmark replays a moment
    QTest.keyClick(console, Qt.Key.Key_5)
    QTest.keyClick(console, Qt.Key.Key_Return)
    panel = live.console.call_panel
    live.session.start()  # plays are journaled for the live session's minutes
    steps["stage_calls"] = [panel.calls.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.calls.count())]
    live.console.call_panel.call_requested.emit("burst-pipe")
    call_wall = live.walls[next(iter(live.present))]
    steps["call_wall"] = _view_name(call_wall)
    live.calls.play_pause()
    player = live.calls.player
    wait_until(lambda: player.state == "playing" and player.position_ms >= 1000)  # libVLC starts on first use
    steps["call_playing"] = [live.calls.player.state, live.calls.player.position_ms, call_wall.call_view.position_ms]
    live.calls.play_moment(22_000, 23_000)
    wait_until(lambda: player.position_ms >= 22_000 and player.state == "paused")
    steps["after_moment"] = [live.calls.player.state, live.calls.player.position_ms,
                             call_wall.call_view.caption]
    live.calls.save_bookmark("Isn't it on your screen?", 22_000, 27_500)
    steps["bookmarks"] = [panel.bookmarks.item(i).text() for i in range(panel.bookmarks.count())]
    live.calls.close_call()
    from customer_room_desktop.storage.journal import events_of
    steps["journal"] = [json.loads(detail) for _, _, detail in events_of(room, live.session.session_id, "call_played")]
    steps["after_close"] = _view_name(call_wall)
    QTest.keyClick(console, Qt.Key.Key_Home)
    # an artifact chosen on the console: the first wall lends itself, pages turn, a stage change ends it
    key = live.factory.stage_data(live.position).artifacts[0].key
    pdf = next(a.key for p in range(1, 8) for a in live.factory.stage_data(p).artifacts if a.key == "renewal-notice")
    live.console.artifact_requested.emit(pdf)
    live.console.page_requested.emit(1)
    wall = live.walls[next(iter(live.present))]
    steps["artifact_on_wall"] = [type(wall.currentWidget()).__name__, wall.artifact.data.key, wall.artifact.page]
    QTest.keyClick(console, Qt.Key.Key_PageDown)
    steps["artifact_after_stage_change"] = _view_name(wall)
    steps["artifact_after_stage_change_state"] = [live.position, live.state.shown(live.state.walls[0]),
                                                  live.console.message.text()]
    QTest.keyClick(console, Qt.Key.Key_Home)
    # cycle mode: each wall moves on by itself after its own dwell time
    walls = list(live.present) + [None]
    live.set_dwell(walls[0], 1)
    live.set_dwell(walls[1], 60)
    live.console.cycle_button.setChecked(True)
    QTest.qWait(1600)
    steps["cycle_positions"] = [live.walls[i].shown_signature[1] for i in walls[:2] if i]
    live.console.cycle_button.setChecked(False)
    steps["after_cycle_positions"] = [live.walls[i].shown_signature[1] for i in walls[:2] if i]
    steps["unused_key"] = key
    # conversation 1: the three walls lend themselves to the asset bridge, early warning and listening path
    live.console.session_panel.conversation_buttons[0].click()
    steps["conversation_1"] = [type(live.walls[i].currentWidget()).__name__ for i in live.present]
    for number, identity in enumerate(live.present, start=1):
        live.walls[identity].grab().save(str(Path(store_path).with_name(f"conversation-1-wall-{number}.png")))
    live.console.session_panel.conversation_buttons[1].click()  # the walk opens with the personas...
    steps["conversation_2"] = [type(live.walls[i].currentWidget()).__name__ for i in live.present]
    QTest.keyClick(console, Qt.Key.Key_PageDown)  # ...and the walls follow the stages once it moves on
    QTest.keyClick(console, Qt.Key.Key_Home)
    first_wall = next(iter(live.present))
    live.set_view(first_wall, "journey")
    steps["first_wall_journey"] = observe(live)
    live.identify_screens()
    steps["identify_labels"] = sum(1 for w in app.topLevelWidgets() if w.isVisible() and w.metaObject().className()
                                   == "QLabel")
    live.shut_down()
    restarted = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "sample", "test-machine"))
    restarted.start()
    settle(app)
    steps["restart"] = observe(restarted)
    print(json.dumps(steps))
    restarted.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
