"""Run by call_benchmarks.py: import a 2 GB recording into a room and play it, seeking across it."""

import json
import resource
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from customer_room_desktop.services.call_player import CallPlayer
from customer_room_desktop.storage.media_store import add_media_file
from customer_room_desktop.storage.room_file import RoomFile


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(work: str, megabytes: int) -> None:
    work_dir = Path(work)
    recording = work_dir / "long-interview.wav"
    seconds = megabytes * 2**20 // (48_000 * 2 * 2)
    subprocess.run(["sox", "-n", "-r", "48000", "-c", "2", "-b", "16", str(recording), "synth", str(seconds),
                    "sine", "220", "sine", "330", "vol", "0.3"], check=True)
    QApplication([])  # the player's signals need one
    room = RoomFile.create(work_dir / "big.croom", "Big recording")
    before_import = rss_mb()
    info = add_media_file(room.writer, recording)
    after_import = rss_mb()
    room.close()
    recording.unlink()
    player = CallPlayer(work_dir / "big.croom")
    player.load(info.sha256, "A long interview", seconds * 1000)
    player.play()
    pause(1500)
    heard = []
    for fraction in (0.25, 0.5, 0.75, 0.98):
        player.seek(int(seconds * 1000 * fraction))
        pause(1500)
        heard.append(player.position_ms / 1000)
    player.release()
    print(json.dumps({"megabytes": info.size / 2**20, "seconds": seconds, "rss_before_import_mb": before_import,
                      "rss_after_import_mb": after_import, "rss_while_playing_mb": rss_mb(),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "positions_after_seeks_s": heard}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
