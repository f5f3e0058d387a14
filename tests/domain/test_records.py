"""A record behaves as the frozen dataclass it replaces: each test makes the same class both ways."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace
from pathlib import Path

import pytest

from customer_room_desktop.domain.records import record


def _both(make):
    """``make(decorator)`` -> class, made once as a record and once as a frozen dataclass."""
    return make(record), make(dataclass(frozen=True))


def _wall(decorate):
    @decorate
    class Wall:
        """A wall and what it shows."""

        number: int
        view: str = "stage"
        borrowed_by: tuple[str, ...] = ()
        tags: frozenset[str] = field(default_factory=frozenset)

    return Wall


def _notes(decorate):
    @decorate
    class Notes:
        lines: list[str] = field(default_factory=list)

    return Notes


def _empty(decorate):
    @decorate
    class Blackout:
        pass

    return Blackout


def test_made_alike_the_two_classes_initialise_compare_hash_and_show_alike():
    ours, theirs = _both(_wall)
    for args, kwargs in [((1,), {}), ((2, "journey"), {}), ((3,), {"borrowed_by": ("call",), "tags": frozenset("x")})]:
        a, b = ours(*args, **kwargs), theirs(*args, **kwargs)
        assert repr(a) == repr(b)
        assert asdict(a) == asdict(b)
        assert hash(a) == hash(b)
        assert a == ours(*args, **kwargs) and a != ours(99)
    assert [(f.name, f.type) for f in fields(ours)] == [(f.name, f.type) for f in fields(theirs)]
    assert ours.__match_args__ == theirs.__match_args__ == ("number", "view", "borrowed_by", "tags")
    assert dataclasses.is_dataclass(ours(1))


def test_a_record_equals_only_records_of_its_own_class():
    ours, theirs = _both(_wall)
    assert ours(1) != theirs(1)
    assert ours(1).__eq__(theirs(1)) is NotImplemented
    assert ours(1) != (1, "stage", (), frozenset())


def test_each_record_gets_a_fresh_default_from_its_factory():
    ours, theirs = _both(_notes)
    first, second = ours(), ours()
    first.lines.append("kept apart")
    assert second.lines == []
    for cls in (ours, theirs):
        with pytest.raises(TypeError, match="unhashable"):
            hash(cls())


def test_assigning_or_deleting_a_field_is_refused_as_a_frozen_dataclass_refuses_it():
    ours, theirs = _both(_wall)
    for made in (ours(1), theirs(1)):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'view'"):
            made.view = "journey"
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'view'"):
            del made.view
        with pytest.raises(FrozenInstanceError):
            made.anything_else = 1


def test_replace_makes_a_new_record_and_leaves_the_old_one():
    ours, _ = _both(_wall)
    old = ours(1, "stage")
    new = replace(old, view="tally")
    assert (old.view, new.view, new.number) == ("stage", "tally", 1)
    assert type(new) is ours


def test_wrong_arguments_are_refused_as_python_refuses_them():
    ours, theirs = _both(_wall)
    for cls in (ours, theirs):
        with pytest.raises(TypeError):
            cls()
        with pytest.raises(TypeError):
            cls(1, colour="red")


def test_a_wrong_argument_is_named_in_the_error_as_dataclasses_name_it():
    ours, theirs = _both(_wall)
    for call in (lambda cls: cls(), lambda cls: cls(1, colour="red"), lambda cls: cls(1, "a", (), frozenset(), 5),
                 lambda cls: cls(1, number=2)):
        with pytest.raises(TypeError) as mine:
            call(ours)
        with pytest.raises(TypeError) as stdlib:
            call(theirs)
        assert str(mine.value).split("()", 1)[1] == str(stdlib.value).split("()", 1)[1]


def test_records_of_one_shape_keep_their_own_names_defaults_and_factories():
    @record
    class Seat:
        row: str
        number: int = 1
        guests: list[str] = field(default_factory=list)

    @record
    class Page:
        title: str
        page: int = 7
        marks: list[str] = field(default_factory=lambda: ["first"])

    assert Seat("B") == Seat(row="B", number=1, guests=[]) and Seat("B").guests is not Seat("B").guests
    assert Page("Claim") == Page(title="Claim", page=7, marks=["first"])
    assert Page(page=3, title="Renewal").page == 3 and Seat(number=4, row="C").row == "C"
    assert [f.name for f in fields(Page)] == ["title", "page", "marks"]


def test_a_record_with_no_fields_is_one_value():
    ours, theirs = _both(_empty)
    assert ours() == ours() and hash(ours()) == hash(theirs())
    assert repr(ours()) == repr(theirs()) == "_empty.<locals>.Blackout()"


def test_a_record_keeps_its_docstring_or_gets_one_naming_its_fields():
    ours, _ = _both(_wall)
    assert ours.__doc__ == "A wall and what it shows."

    @record
    class Undocumented:
        key: str
        page: int = 1

    assert Undocumented.__doc__ == "Undocumented(key, page)"


def test_pattern_matching_reads_a_record_by_position():
    ours, _ = _both(_wall)
    match ours(4, "complaints"):
        case ours(number, view):
            assert (number, view) == (4, "complaints")
        case _:
            pytest.fail("a record did not match its own class")


def test_what_a_record_cannot_be_is_refused_when_the_class_is_made():
    with pytest.raises(TypeError, match="plain fields only"):
        @record
        class Checked:
            value: int

            def __post_init__(self) -> None:
                pass
    with pytest.raises(TypeError, match="none of them named self"):
        @record
        class Selfish:
            self: int


def test_the_program_makes_every_frozen_dataclass_a_record():
    """A frozen dataclass costs four times a record to make (records.py says why); a new one slips in
    easily, so the package is read for any."""
    package = Path(record.__code__.co_filename).parents[1]
    found = [str(path.relative_to(package)) for path in sorted(package.rglob("*.py"))
             if path.name != "records.py" and "dataclass(frozen=True)" in path.read_text(encoding="utf-8")]
    assert found == []
