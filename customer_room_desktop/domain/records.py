"""``@record``: a frozen dataclass, made in less than half the time.

The room's commands, its state and the walls' view data are frozen dataclasses, and 142 of them are
made while a room opens. On Python 3.11, ``dataclasses`` compiles six methods for each, one ``exec``
apiece, and reads a signature to write the docstring of each class that has none: 150-190 ms of the
cold start on this machine, the largest share of it this program controls. ``record`` asks
``dataclasses`` for the fields alone (no methods, so nothing compiled), compiles ``__init__`` as
dataclasses does, and makes the other five from the field names without compiling anything: a
quarter of the time (0.35 against 1.34 ms for a class of five fields here).

A record behaves as ``@dataclass(frozen=True)`` makes it: the same ``__init__`` (defaults and
``field(default_factory=...)`` included), ``repr``, equality with its own class only, hashing by its
fields, ``FrozenInstanceError`` on assignment or deletion, ``__match_args__``; ``dataclasses.fields``,
``replace``, ``asdict`` and ``is_dataclass`` work on it (tests/domain/test_records.py compares them).
Only ``__dataclass_params__`` differs: it says not frozen, which nothing here reads; a record may not be
inherited by a stdlib dataclass. Records have no ``__post_init__`` or keyword-only fields, which this
module refuses rather than ignore.
"""

from __future__ import annotations

import dataclasses
import operator
import types
from collections.abc import Callable
from typing import TypeVar, dataclass_transform

_Class = TypeVar("_Class", bound=type)
_FACTORY = object()  # the default of a parameter whose field has a default_factory


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: _Class) -> _Class:
    """Make ``cls`` a frozen dataclass (see the module's docstring)."""
    documented = bool(cls.__doc__)
    if not documented:
        cls.__doc__ = cls.__name__  # so dataclasses reads no signature for it; replaced below
    dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(field.kw_only is True or field.name == "self" for field in fields):
        raise TypeError(f"{cls.__qualname__}: a record takes plain fields only, none of them named self")
    names = tuple(field.name for field in fields)
    if not documented:
        cls.__doc__ = f"{cls.__name__}({', '.join(names)})"
    methods = {"__init__": _init(fields), **_value_methods(cls, names)}
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    return cls


def _init(fields: tuple[dataclasses.Field, ...]) -> Callable[..., None]:
    """``__init__`` as dataclasses makes it (defaults, factories, arguments named in errors), the only
    method compiled: once for each shape of fields (which have a default, which a factory), then copied
    with the fields' names: the 133 records a room's start makes compile 53 times, and take 12.1 ms
    instead of 16.4."""
    names = tuple(field.name for field in fields)
    kinds = tuple("factory" if field.default_factory is not dataclasses.MISSING else
                  "default" if field.default is not dataclasses.MISSING else "plain" for field in fields)
    template = _TEMPLATES.get(kinds)
    if template is None:
        template = _TEMPLATES[kinds] = _compiled_template(kinds)
    placeholders = {f"_field_{index}": name for index, name in enumerate(names)}
    code = template.replace(co_varnames=("self", *names),
                            co_consts=tuple(placeholders.get(value, value) if isinstance(value, str) else value
                                            for value in template.co_consts))
    namespace: dict[str, object] = {"__FACTORY": _FACTORY, "__set": object.__setattr__}
    defaults = []
    for index, (field, kind) in enumerate(zip(fields, kinds, strict=True)):
        if kind == "factory":
            namespace[f"__factory_{index}"] = field.default_factory
        if kind != "plain":
            defaults.append(_FACTORY if kind == "factory" else field.default)
    return types.FunctionType(code, namespace, "__init__", tuple(defaults) or None)


_TEMPLATES: dict[tuple[str, ...], types.CodeType] = {}


def _compiled_template(kinds: tuple[str, ...]) -> types.CodeType:
    """The code of an ``__init__`` taking parameters _0, _1... of these kinds and setting fields named by
    the constants "_field_0", "_field_1"...: the names are put in by ``_init``."""
    parameters, body = ["self"], []
    for index, kind in enumerate(kinds):
        value = f"_{index}"
        if kind == "factory":
            value = f"__factory_{index}() if _{index} is __FACTORY else _{index}"
        parameters.append(f"_{index}=None" if kind != "plain" else f"_{index}")
        body.append(f" __set(self, '_field_{index}', {value})")
    source = "\n".join([f"def __init__({', '.join(parameters)}):", *(body or [" pass"])])
    namespace: dict[str, object] = {}
    exec(source, namespace)  # noqa: S102 - source made of numbered names only
    return namespace["__init__"].__code__  # type: ignore[attr-defined]


def _value_methods(cls: type, names: tuple[str, ...]) -> dict[str, Callable]:
    """repr, equality, hashing and refusing changes, from the field names: nothing compiled."""
    values: Callable[[object], tuple]
    if len(names) > 1:
        values = operator.attrgetter(*names)
    elif names:
        one = operator.attrgetter(names[0])
        values = lambda made: (one(made),)  # noqa: E731 - a tuple even of one field, as dataclasses hashes
    else:
        values = lambda made: ()  # noqa: E731
    field_names = frozenset(names)

    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    def __eq__(self: object, other: object) -> bool:
        return values(self) == values(other) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self: object) -> int:
        return hash(values(self))

    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)  # records inherit from nothing that sets otherwise

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in field_names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    return {"__repr__": __repr__, "__eq__": __eq__, "__hash__": __hash__, "__setattr__": __setattr__,
            "__delattr__": __delattr__}
