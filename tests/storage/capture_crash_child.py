"""The process that test_capture_crash.py kills: it captures into a room until it is stopped.

Usage: python capture_crash_child.py ROOM SESSION_ID SEED

It opens the room the way the application does and captures decisions, notes and commitments in
an order chosen by SEED, each with a uid of its own making ("SEED-N"). Only after a capture
function has returned does it print that uid and flush stdout: a printed uid is the promise the
console makes when it shows a capture as saved, so the parent may hold us to every one of them.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from customer_room_desktop.storage.captures import capture_commitment, capture_decision, capture_note
from customer_room_desktop.storage.room_file import RoomFile


def capture_one(room: RoomFile, session_id: int, kind: str, uid: str) -> None:
    """Save one capture of the given kind under ``uid``; return only once it is committed."""
    if kind == "decision":
        capture_decision(room, session_id, f"Decision {uid}", uid=uid)
    elif kind == "note":
        capture_note(room, session_id, f"Note {uid}", uid=uid)
    else:
        capture_commitment(room, session_id, f"Commitment {uid}", "Crash Test Owner",
                           date.today() + timedelta(days=7), uid=uid)


def main(room_path: str, session_id: int, seed: int) -> None:
    """Capture forever; the parent ends this with SIGKILL."""
    rng = random.Random(seed)
    room = RoomFile.open(room_path)
    number = 0
    while True:
        uid = f"{seed}-{number}"
        capture_one(room, session_id, rng.choice(("decision", "note", "commitment")), uid)
        print(uid, flush=True)
        number += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
