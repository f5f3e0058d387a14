"""The keys a room source uses to point at its own rows, resolved to row ids while it is built."""

from __future__ import annotations

from .room_manifest import BuildError


class SourceKeys:
    """Keys seen so far, resolved to row ids, with a clear error for a dangling reference."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, int]] = {}

    def add(self, table: str, key: str, row_id: int) -> None:
        self.tables.setdefault(table, {})[key] = row_id

    def get(self, table: str, key: str | None, where: str, required: bool = True) -> int | None:
        if key is None or key == "":
            if required:
                raise BuildError(f"{where}: the {table[:-1]} is missing.")
            return None
        found = self.tables.get(table, {}).get(key)
        if found is None:
            raise BuildError(f"{where}: there is no {table[:-1]} with the key '{key}'.")
        return found
