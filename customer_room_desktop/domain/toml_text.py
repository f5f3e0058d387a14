"""Writing TOML for the files this program hands back to people (a room source, a kiosk programme): values
only, never parsing (tomllib reads). Written the same way every time, so a file written twice is the same."""

from __future__ import annotations

import json
import math
import re

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
INDENT = "  "


def toml_value(value: object, indent: str = "") -> str:
    """A TOML value: text as a basic string, numbers, booleans, arrays, and inline tables (None fields left
    out). A list of tables is written one table a line, which TOML allows inside an array."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
        return repr(value)
    if isinstance(value, str):
        # JSON escapes '"', '\' and every control character below U+0020 as TOML does; TOML also wants DEL escaped
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, dict):
        fields = [f"{toml_key(k)} = {toml_value(v, indent)}" for k, v in value.items() if v is not None]
        return "{ " + ", ".join(fields) + " }" if fields else "{}"
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(item, dict) for item in value):
            deeper = indent + INDENT
            return "[\n" + "".join(f"{deeper}{toml_value(item, deeper)},\n" for item in value) + f"{indent}]"
        return "[" + ", ".join(toml_value(item, indent) for item in value) + "]"
    raise ValueError(f"A TOML file cannot hold the value {value!r} ({type(value).__name__}).")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def toml_table(header: str, fields: dict[str, object]) -> list[str]:
    """``[header]`` or ``[[header]]`` (as given) and one line per field; None values are left out."""
    return [header, *(f"{toml_key(name)} = {toml_value(value)}" for name, value in fields.items() if value is not None)]
