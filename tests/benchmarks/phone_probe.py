"""Run in a fresh process on virtual screens by phone_benchmarks.py: a crowd of phones votes at once in a live
room with a wall on the tally, and this process (the room and its phones' server) measures.

The session is planned through the console's own path (``SessionController.plan``, i.e. ``plan_session``)
with one attendee per phone, started, and its vote opened on the laptop; the phones are another process
(phone_crowd.py). Latency runs from a ballot's send (the phone's ``time.monotonic()``) to the moment the
tally wall's data changes with that ballot in it: ``LiveRoom.changed`` after the walls have followed, when
the tally wall's (revision, data) differs from before; the ballots saved since are read from the journal.
Memory is this process's resident set, its peak during the burst (VmHWM, reset just before); CPU is this
process's user + system seconds during the burst, and those of the server's thread and of the Qt thread.
Prints one JSON line.
"""

import json
import os
import resource
import statistics
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QProcess, QTimer

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.phone_bridge import phone_bridge_for
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.services.session_wall_data import tally_data
from customer_room_desktop.storage.ballots import UID_PREFIX, ballot_candidates
from customer_room_desktop.storage.focus import votes_by_leader
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import attendees_of, session_row

ROOT = Path(__file__).resolve().parents[2]
TICK = os.sysconf("SC_CLK_TCK")
SETUP_TIMEOUT_S = 120
BURST_TIMEOUT_S = 300


def run_until(condition, timeout_s: float) -> None:
    """Let Qt run (the room answers the phones) until ``condition()``; a timeout is an error."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer(interval=10)
    poll.timeout.connect(lambda: condition() and loop.quit())
    limit = QTimer(singleShot=True, interval=int(timeout_s * 1000))
    limit.timeout.connect(loop.quit)
    poll.start()
    limit.start()
    loop.exec()
    poll.stop()
    limit.stop()
    if not condition():
        raise TimeoutError(f"still waiting after {timeout_s:.0f} s")


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def reset_peak() -> bool:
    """Start VmHWM again from the current resident set (Linux 4.0 and later); False when refused."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def thread_cpu_s(native_id: int | None) -> float:
    if native_id is None:
        return 0.0
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime (fields 14 and 15 of stat)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class TallyWatch:
    """Each time the tally wall's data changes: when, and which ballots (journal uids) it newly holds."""

    def __init__(self, live: LiveRoom, room: RoomFile):
        self.live, self.room = live, room
        self.shown = self.tally_plan()
        self.last_event = room.db.execute("SELECT coalesce(max(id), 0) FROM journal_events").fetchone()[0]
        self.seen: dict[str, float] = {}  # ballot uid -> monotonic s when the tally wall's data first held it
        self.changes = 0
        live.changed.connect(self.follow)

    def tally_plan(self):
        return next((plan.session for plan in self.live.presenter.plans if plan.view == "tally"), None)

    def follow(self, _changes) -> None:
        now = time.monotonic()
        shown = self.tally_plan()
        if shown == self.shown:
            return
        self.shown = shown
        self.changes += 1
        for event_id, uid in self.room.db.execute(
                "SELECT id, uid FROM journal_events WHERE id > ? AND kind = 'vote_cast' ORDER BY id",
                (self.last_event,)).fetchall():
            self.last_event = event_id
            if uid.startswith(UID_PREFIX):
                self.seen.setdefault(uid[len(UID_PREFIX):], now)


def plan_and_start(live: LiveRoom, names: list[str]) -> int:
    """The session the phones vote in, planned as the console plans one, then started."""
    live.session.plan({"title": f"Dot vote from {len(names)} phones", "cadence": "workshop",
                       "scheduled_on": date.today(), "attendees": names, "dots_per_leader": 3,
                       "max_priorities": 3})
    session_id = live.state.session.id
    if session_id is None or [a.name for a in attendees_of(live.engine.room, session_id)] != names:
        raise RuntimeError("the console did not plan the session")
    live.send(cmd.StartSession())
    if not live.state.session.live:
        raise RuntimeError("the session did not start")
    return session_id


def main(room_path: str, store_path: str, phones: int, out_dir: str) -> None:
    from customer_room_desktop.app.qt_app import qt_application

    app = qt_application()  # as the app makes it
    room = RoomFile.open(room_path)
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "bench", "bench"))
    live.start()
    app.processEvents()
    names = [f"Leader {number:02d}" for number in range(1, phones + 1)]
    session_id = plan_and_start(live, names)
    if not live.present:
        raise RuntimeError("no wall is present to show the tally")
    live.send(cmd.Assign(1, "tally"))
    bridge = phone_bridge_for(live)
    url = bridge.start("127.0.0.1")
    bridge.open_vote()
    watch = TallyWatch(live, room)
    if watch.shown is None:
        raise RuntimeError("the tally wall has no data")
    candidates = [key for key, _, _ in ballot_candidates(room)]
    dots_per_leader = session_row(room, session_id).dots_per_leader
    out = Path(out_dir) / "phone-crowd.json"
    said: list[str] = []  # what the phones printed, as it comes
    lines = lambda: "".join(said).split()  # noqa: E731
    crowd = QProcess()
    crowd.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
    crowd.setWorkingDirectory(str(ROOT))
    crowd.readyReadStandardOutput.connect(
        lambda: said.append(bytes(crowd.readAllStandardOutput().data()).decode()))
    crowd.start(sys.executable, ["-m", "tests.benchmarks.phone_crowd", url + "ws", bridge.leaders_url.split("#t=")[1],
                                 json.dumps(names), json.dumps(candidates), str(dots_per_leader), str(out)])
    ended = lambda: crowd.state() == QProcess.ProcessState.NotRunning  # noqa: E731
    run_until(lambda: "ready" in lines() or ended(), SETUP_TIMEOUT_S)
    if "ready" not in lines():
        raise RuntimeError(f"the phones did not get ready (exit code {crowd.exitCode()})")
    server_thread = bridge.server._thread if bridge.server else None  # noqa: SLF001 - its CPU time is measured
    server_tid = server_thread.native_id if server_thread else None
    qt_tid = threading.main_thread().native_id
    app.processEvents()
    peak_reset = reset_peak()
    rss_before, cpu_before = rss_mb(), cpu_s()
    server_before, qt_before = thread_cpu_s(server_tid), thread_cpu_s(qt_tid)
    crowd.write(b"go\n")
    run_until(lambda: "done" in lines() or ended(), BURST_TIMEOUT_S)
    cpu_burst, server_burst, qt_burst = cpu_s() - cpu_before, thread_cpu_s(server_tid) - server_before, \
        thread_cpu_s(qt_tid) - qt_before
    rss_after, rss_peak = rss_mb(), peak_mb()
    run_until(ended, 60)
    if crowd.exitCode() != 0 or not out.exists():
        raise RuntimeError(f"the phones failed (exit code {crowd.exitCode()})")
    app.processEvents()
    result = json.loads(out.read_text())
    out.unlink()
    shown, changes, seen = watch.tally_plan(), watch.changes, watch.seen
    present = len(live.present)
    bridge.stop()
    live.shut_down()
    room.close()
    with RoomFile.open(room_path, read_only=True) as reopened:  # what the file holds, read afresh from disk
        figures = check(reopened, session_id, result, seen, shown)
    figures.update({
        "phones": phones, "candidates": len(candidates), "dots_per_leader": dots_per_leader, "walls": present,
        "burst_s": result["finished"] - result["started"],
        "rss_before_mb": rss_before, "rss_after_mb": rss_after, "rss_peak_mb": rss_peak,
        "peak_is_the_bursts": peak_reset,
        "cpu_s": cpu_burst, "server_thread_cpu_s": server_burst, "qt_thread_cpu_s": qt_burst,
        "tally_changes": changes,
    })
    print(json.dumps(figures))


def check(room: RoomFile, session_id: int, result: dict, seen: dict[str, float], shown: tuple | None) -> dict:
    """What the room file holds against what every phone last sent; each ballot's latency."""
    stored = votes_by_leader(room, session_id)
    lost, refused, retried_again, retried_applied, latencies, round_trips, never_shown = [], [], 0, [], [], [], []
    for phone in result["phones"]:
        if stored.get(phone["name"]) != phone["ballots"][-1]["dots"]:
            lost.append(f"{phone['name']}: sent {phone['ballots'][-1]['dots']} last, the room holds "
                        f"{stored.get(phone['name'])}")
        for ballot in phone["ballots"]:
            reply = ballot["reply"]
            if not reply.get("ok") or not reply.get("saved") or reply.get("again"):
                refused.append(f"{phone['name']} {ballot['uid']}: {reply}")
            round_trips.append((ballot["answered"] - ballot["sent"]) * 1000)
            if ballot["uid"] in seen:
                latencies.append((seen[ballot["uid"]] - ballot["sent"]) * 1000)
            else:
                never_shown.append(ballot["uid"])
        for retry in phone["retries"]:
            if retry["reply"].get("ok") and retry["reply"].get("again"):
                retried_again += 1
            else:
                retried_applied.append(f"{phone['name']} ({retry['kind']}): {retry['reply']}")
    uids = [ballot["uid"] for phone in result["phones"] for ballot in phone["ballots"]]
    counted = dict(room.db.execute(
        "SELECT uid, count(*) FROM journal_events WHERE session_id = ? AND kind = 'vote_cast' GROUP BY uid",
        (session_id,)).fetchall())
    missing = [uid for uid in uids if counted.get(UID_PREFIX + uid, 0) == 0]
    twice = [uid for uid in uids if counted.get(UID_PREFIX + uid, 0) > 1]
    extra = sum(counted.values()) - sum(counted.get(UID_PREFIX + uid, 0) for uid in uids)
    tally = tally_data(room, session_id)
    expected_dots = sum(sum(phone["ballots"][-1]["dots"].values()) for phone in result["phones"])
    return {
        "ballots": len(uids), "distinct_uids": len(set(uids)),
        "retries": sum(len(phone["retries"]) for phone in result["phones"]),
        "retries_answered_again": retried_again,
        "retries_applied_again": retried_applied,
        "votes_lost": lost, "ballots_refused": refused,
        "uids_missing_from_journal": missing, "uids_counted_twice": twice, "other_vote_events": extra,
        "tally_leaders_voted": len(tally.progress.voted), "tally_dots": sum(row.dots for row in tally.rows),
        "expected_dots": expected_dots,
        # the wall holds the final tally, its totals hidden: the vote is open and has not been revealed
        "tally_wall_shows_the_final_tally": shown is not None and replace(shown[1], totals_hidden=False) == tally,
        "tally_wall_hides_the_totals": shown is not None and shown[1].totals_hidden,
        "ballots_never_seen_on_the_tally_wall": len(never_shown),
        "latency_ms": {"p50": statistics.median(latencies), "p95": percentile(latencies, 0.95),
                       "max": max(latencies)} if latencies else None,
        "round_trip_ms": {"p50": statistics.median(round_trips), "p95": percentile(round_trips, 0.95),
                          "max": max(round_trips)},
        "pushes_received": sum(phone["pushes"] for phone in result["phones"]),
    }


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
