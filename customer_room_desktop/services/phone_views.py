"""What a phone is shown, as JSON-ready dicts: the room (for the remote and the leaders) and the vote.

``VoteSheet`` reads the vote's shared part once (candidates, attendees, who has voted, the totals when
revealed); ``for_phone`` adds what one phone may see: its own dots for a leader, who has not voted yet
for the facilitator. No phone gets totals before the reveal.
"""

from __future__ import annotations


from ..domain.ballot_box import BallotBox, VoteProgress
from ..domain.room_state import RoomState
from ..storage.ballots import ballot_candidates, dots_of, voters_of
from ..storage.focus import tally_of
from ..storage.room_file import RoomFile
from ..storage.session_plans import attendees_of, session_row
from .room_state_reply import state_reply
from ..domain.records import record


def room_view(state: RoomState) -> dict:
    """The stage on the walls and the one after, the blackout and the session; the stages to jump to."""
    full = state_reply(state)
    session = full["session"]
    return {"stage": full["stage"], "next": full["next"], "blackout": full["blackout"], "cover": full["cover"],
            "session": {"title": session["title"], "status": session["status"],
                        "conversation": session["conversation"]},
            "stages": [{"number": n, "name": ref.name} for n, ref in enumerate(state.stages, start=1)]}


@record
class VoteSheet:
    """The vote of the room's session as it stands, read once for every phone told about it."""

    shared: dict
    progress: VoteProgress
    session_id: int | None

    @classmethod
    def read(cls, room: RoomFile, state: RoomState, box: BallotBox) -> VoteSheet:
        session_id = state.session.id
        if session_id is None:
            empty = VoteProgress((), frozenset(), frozenset())
            return cls({"phase": box.phase.value, "live": False, "dots_per_leader": 0, "candidates": [],
                        "names": [], "line": "", "answered": 0, "of": 0}, empty, None)
        attendees = [a.name for a in attendees_of(room, session_id)]
        progress = box.progress(attendees, voters_of(room, session_id))
        shared: dict = {
            "phase": box.phase.value, "live": state.session.live,
            "dots_per_leader": session_row(room, session_id).dots_per_leader,
            "candidates": [{"key": key, "title": title, "stage": stage}
                           for key, title, stage in ballot_candidates(room)],
            "names": [{"name": name, "taken": name in box.claims} for name in attendees],
            "line": progress.line, "answered": progress.answered, "of": len(attendees)}
        if box.totals_shown:
            shared["totals"] = [{"key": key, "title": title, "dots": dots}
                                for key, title, dots in tally_of(room, session_id)]
        return cls(shared, progress, session_id)

    def for_phone(self, room: RoomFile, box: BallotBox, *, leader_device: str = "", controller: bool = False) -> dict:
        view = dict(self.shared)
        if controller:
            view["waiting"] = list(self.progress.waiting)
        if leader_device:
            name = box.name_of(leader_device)
            view["me"] = None if name is None or self.session_id is None else {
                "name": name, "dots": dots_of(room, self.session_id, name), "skipped": name in box.skipped}
        return view
