"""`open ROOM --control PATH`: the room driven over a local socket, one JSON object per line.

In the spirit of mpv's JSON IPC. A request ``{"id": 1, "cmd": "next"}`` gets the reply
``{"id": 1, "ok": true, "state": {...}}``, or ``{"id": 1, "ok": false, "error": "one sentence"}``.
The commands are the room's own (room_commands.py), answered by services/room_requests.py, which the
phones' remote uses too: a socket client, a phone, a key and a console button all go the same way.
The socket is a Unix socket at PATH (a named pipe on Windows) that only its owner may use; nothing
listens unless --control is given.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..domain import room_commands as cmd
from ..domain.refusal import Refusal
from ..domain.room_commands import CommandRefused
from ..domain.room_changes import Changes
from ..domain.room_state import RoomState
from ..services.room_requests import answer_request

MAX_LINE = 64 * 1024  # a request longer than this is refused, and the client disconnected


class ControlSocketError(Refusal):
    """The control socket could not listen; the message says where and why."""


class ControlSocket(QObject):
    def __init__(self, path: str, execute: Callable[[cmd.Command], Changes], state: Callable[[], RoomState]):
        super().__init__()
        self._execute = execute
        self._state = state
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(path)  # a socket file left by a crashed room
        if not self.server.listen(path):
            raise ControlSocketError(f"The control socket could not listen at {path}: "
                                     f"{self.server.errorString().lower()}.")
        self.server.newConnection.connect(self._accept)
        self.path = path

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            client = self.server.nextPendingConnection()
            self._buffers[client] = b""
            client.readyRead.connect(lambda client=client: self._read(client))
            client.disconnected.connect(lambda client=client: self._forget(client))

    def _forget(self, client: QLocalSocket) -> None:
        self._buffers.pop(client, None)
        client.deleteLater()

    def _read(self, client: QLocalSocket) -> None:
        buffer = self._buffers.get(client, b"") + bytes(client.readAll().data())
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            if line.strip():
                self._reply(client, self.answer(line))
        if len(buffer) > MAX_LINE:
            self._reply(client, {"id": None, "ok": False, "error": "A request must be one line of at most 64 KB."})
            client.disconnectFromServer()
            buffer = b""
        self._buffers[client] = buffer

    def answer(self, line: bytes) -> dict:
        """The reply to one request line (also what tests call without a socket)."""
        try:
            request = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return {"id": None, "ok": False, "error": "A request must be one JSON object on one line, in UTF-8."}
        return answer_request(request, self._execute, self._state)

    @staticmethod
    def _reply(client: QLocalSocket, reply: dict) -> None:
        client.write(json.dumps(reply, ensure_ascii=False).encode("utf-8") + b"\n")
        client.flush()

    def close(self) -> None:
        for client in list(self._buffers):
            client.disconnectFromServer()
        self.server.close()


__all__ = ["ControlSocket", "ControlSocketError", "CommandRefused"]
