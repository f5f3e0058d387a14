"""Run by call_benchmarks.py in a fresh process: play-start latency, caption lag, memory over many plays."""

import json
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from customer_room_desktop.domain.captions import caption_index
from customer_room_desktop.services.call_player import CallPlayer
from customer_room_desktop.storage.journey_queries import list_calls
from customer_room_desktop.storage.room_file import RoomFile


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def wait(player, states, seconds=10.0):
    """Wait on the event loop (no sleeping) until the player reaches one of ``states``."""
    if player.state in states:
        return
    loop = QEventLoop()

    def arrived(state):
        if state in states:
            loop.quit()

    player.state_changed.connect(arrived)
    timer = QTimer(singleShot=True, interval=int(seconds * 1000))
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    player.state_changed.disconnect(arrived)


def run(room_path: str, plays: int, caption_calls: int = 6, caption_seconds: int = 15) -> dict:
    QApplication.instance() or QApplication([])  # the player's signals need one
    with RoomFile.open(room_path, read_only=True) as room:
        calls = list_calls(room.db)
    player = CallPlayer(Path(room_path))
    # 1. from the play command to libVLC's playing state, on the GUI thread
    starts = []
    for call in calls * 3:
        player.load(call.media_sha256, call.title, call.duration_ms)
        started = time.perf_counter()
        player.play()
        if player.state != "playing":
            wait(player, {"playing", "error"})
        starts.append((time.perf_counter() - started) * 1000)
        player.stop()
        wait(player, {"stopped"}, 2)
    # 2. caption lag: when the shown caption changes, how far past the line's start is the audio?
    lags, estimate_errors = [], []
    # how far the position shown had drifted from libVLC's own clock when libVLC next reported it
    player._bridge.time.connect(lambda ms: estimate_errors.append(player.position_ms - ms),  # noqa: SLF001
                                Qt.ConnectionType.DirectConnection)
    for call in calls[:caption_calls]:
        shown = [None]

        def on_position(ms, call=call, shown=shown):
            index = caption_index(call.segments, ms)
            if index is not None and index != shown[0]:
                if shown[0] is not None and index == shown[0] + 1:
                    lags.append(ms - call.segments[index].start_ms)
                shown[0] = index

        player.position_changed.connect(on_position)
        player.load(call.media_sha256, call.title, call.duration_ms)
        player.play()
        wait(player, {"playing"})
        loop = QEventLoop()
        QTimer.singleShot(caption_seconds * 1000, loop.quit)  # the first lines of each call
        loop.exec()
        player.position_changed.disconnect(on_position)
        player.stop()
        wait(player, {"stopped"}, 2)
    # 3. resident memory over many plays
    memory = []
    for number in range(plays):
        call = calls[number % len(calls)]
        player.load(call.media_sha256, call.title, call.duration_ms)
        player.play()
        wait(player, {"playing", "error"}, 5)
        player.stop()
        wait(player, {"stopped"}, 2)
        if number in (min(49, plays // 2), plays - 1):
            memory.append(rss_mb())
    player.release()
    return {
        "start_ms": {"p50": statistics.median(starts), "p95": sorted(starts)[int(0.95 * (len(starts) - 1))],
                     "max": max(starts), "n": len(starts)},
        "caption_lag_ms": {"p50": statistics.median(lags), "p95": sorted(lags)[int(0.95 * (len(lags) - 1))],
                           "max": max(lags), "n": len(lags)},
        "shown_minus_libvlc_at_its_reports_ms": {"median": statistics.median(estimate_errors),
                                                 "max_abs": max(abs(e) for e in estimate_errors),
                                                 "n": len(estimate_errors)},
        "rss_after_50_mb": memory[0], "rss_after_all_mb": memory[-1], "plays": plays,
    }


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:5]))))
