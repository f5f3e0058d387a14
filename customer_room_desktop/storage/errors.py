"""Errors a room file can raise; each message is one sentence a user can act on."""

from ..domain.refusal import Refusal


class RoomFileError(Refusal):
    """Base class: the file could not be used as a room. ``str(error)`` is the sentence to show."""


class RoomNotFoundError(RoomFileError):
    pass


class NotARoomError(RoomFileError):
    pass


class CorruptRoomError(RoomFileError):
    pass


class NewerRoomError(RoomFileError):
    pass


class ReadOnlyRoomError(RoomFileError):
    """A change was attempted on a room opened for viewing only."""


class ImportRefused(Refusal):
    """An import was refused as a whole; the message names the file, line and reason."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line
