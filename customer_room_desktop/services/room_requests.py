"""One request to the live room, answered: the control socket and the phones' remote both come here.

A request is a decoded JSON object such as ``{"id": 1, "cmd": "next"}``. Its reply is
``{"id": 1, "ok": true, "state": {...}}`` (with "message" and "result" when the command gives them), or
``{"id": 1, "ok": false, "error": "one sentence"}``. The command table is the room's own
(``room_commands.command_from_request``); this module only turns a request into a reply.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Collection

from ..domain import room_commands as cmd
from ..domain.refusal import Refusal
from ..domain.room_changes import Changes
from ..domain.room_commands import command_from_request
from ..domain.room_state import RoomState
from .room_state_reply import state_reply

Execute = Callable[[cmd.Command], Changes]


def answer_request(request: object, execute: Execute, state: Callable[[], RoomState],
                   allowed: Collection[str] | None = None) -> dict:
    """The reply to one decoded request; ``allowed`` limits which "cmd" names are accepted (None: all)."""
    request_id = request.get("id") if isinstance(request, dict) else None
    try:
        if allowed is not None and isinstance(request, dict) and request.get("cmd") not in allowed:
            name = request.get("cmd")
            return {"id": request_id, "ok": False,
                    "error": f"'{name}' cannot be sent from here; the commands are {', '.join(allowed)}."}
        command = command_from_request(request)
        changes = execute(command) if command is not None else None
    except (Refusal, ValueError) as refused:
        return {"id": request_id, "ok": False, "error": str(refused)}
    except Exception as failure:  # noqa: BLE001 - the room keeps running; the client is told in words
        traceback.print_exc()  # for whoever reads the room's log
        return {"id": request_id, "ok": False, "error": plain_failure(failure)}
    reply: dict = {"id": request_id, "ok": True}
    if changes is not None and changes.message:
        reply["message"] = changes.message  # what happened when it was not what was asked (e.g. Next at the end)
    if changes is not None and changes.result is not None:
        reply["result"] = changes.result  # what the command made: a capture's uid
    reply["state"] = state_reply(state())
    return reply


def plain_failure(failure: Exception) -> str:
    """An unexpected failure in words (the room keeps running; details go to the log, not the client)."""
    if isinstance(failure, OSError):
        return f"The room could not do that: {failure.strerror or 'the system refused'}."
    return "The room could not do that because of an internal error; it is still running."
