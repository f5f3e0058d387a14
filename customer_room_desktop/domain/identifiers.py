"""The identifiers of rows: a random one for each capture, and a stable one for what a rebuild makes again.

``uuid`` is imported by the first identifier made, not while a room opens: it brings ``platform`` with
it, 5 ms of the cold start on the benchmark machine, and opening a room makes no identifier.
"""

from __future__ import annotations


def new_uid() -> str:
    """A fresh random identifier (a version 4 UUID): two machines never make the same one."""
    import uuid

    return str(uuid.uuid4())


def stable_uid(*parts: str) -> str:
    """The same identifier for the same parts on every rebuild, so a rebuilt room never duplicates a capture."""
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, "customer-room:" + "/".join(parts)))
