"""What can be wrong with a picture, said in plain words; shared by the Qt and the Pillow decoders."""

from __future__ import annotations

MAX_PIXELS = 80_000_000  # larger than any real scan; beyond it a file is treated as a decompression bomb
NOT_SHOWABLE = "the file is not a picture or PDF this room can show"
CUT_SHORT = "the file is cut short"
DAMAGED_PICTURE = "the picture is damaged or cut short"
# how common picture files begin; one that begins so but will not open is damaged, not of another kind
_PICTURE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


class ImageUnavailable(Exception):
    """The artifact cannot be shown; str() is the reason, in one sentence."""


def looks_like_a_picture(data: bytes) -> bool:
    return data.startswith(_PICTURE_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or (
        data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif"))
