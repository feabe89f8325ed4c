"""A :class:`~deckgen.records.Record` dataclass behaves as ``@dataclass(frozen=True)`` would.

Each class is declared twice, once each way, and their instances must compare, hash and
show the same; the outline model, which users' tools print and compare, is checked too.
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from deckgen.outline.loader import load_outline
from deckgen.records import Record

from tests.conftest import SORA


@dataclass(frozen=True)
class PlainMany:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    note: str = field(default="", hash=False)
    shown: float = field(default=0.0, repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class RecordMany(Record):
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    note: str = field(default="", hash=False)
    shown: float = field(default=0.0, repr=False)


@dataclass(frozen=True)
class PlainOne:
    value: float


@dataclass(frozen=True, eq=False, repr=False)
class RecordOne(Record):
    value: float


@dataclass(frozen=True)
class PlainNone:
    """No fields at all."""


@dataclass(frozen=True, eq=False, repr=False)
class RecordNone(Record):
    """No fields at all."""


@dataclass(frozen=True)
class PlainHolder:
    items: list[object]


@dataclass(frozen=True, eq=False, repr=False)
class RecordHolder(Record):
    items: list[object]


PAIRS = [
    (PlainMany, RecordMany, [("a",), ("a", 2, ("x",), {"k": 1}, "n", 1.5), ("a", 2, ("x",), {}, "other", 9.0)]),
    (PlainOne, RecordOne, [(1.0,), (2.0,), (float("nan"),)]),
    (PlainNone, RecordNone, [()]),
]


def _show(text: str) -> str:
    return text.replace("Plain", "").replace("Record", "")


@pytest.mark.parametrize(("plain", "record", "arguments"), PAIRS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_record_compares_hashes_and_shows_as_a_frozen_dataclass(plain: type, record: type,
                                                                  arguments: list[tuple[object, ...]]) -> None:
    plains = [plain(*a) for a in arguments]
    records = [record(*a) for a in arguments]
    for p1, r1 in zip(plains, records):
        assert _show(repr(r1)) == _show(repr(p1))
        assert hash(r1) == hash(p1) if not isinstance(p1, PlainNone) else hash(r1) == hash(())
        for p2, r2 in zip(plains, records):
            assert (r1 == r2) == (p1 == p2)
            assert (r1 != r2) == (p1 != p2)
        assert (r1 == pickle.loads(pickle.dumps(r1))) == (p1 == pickle.loads(pickle.dumps(p1)))
    assert records[0] != plains[0] and records[0] != object()
    nan = record(*arguments[-1])
    assert (nan == nan) == (plain(*arguments[-1]) == plain(*arguments[-1]))


def test_a_record_stays_frozen_and_a_dataclass() -> None:
    one = RecordMany("a", 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.count = 3  # type: ignore[misc]
    assert dataclasses.replace(one, count=3) == RecordMany("a", 3)
    assert [f.name for f in dataclasses.fields(one)] == ["name", "count", "tags", "cache", "note", "shown"]
    assert RecordMany("a", cache={"x": 1}) == RecordMany("a")  # compare=False fields are left out
    assert RecordMany("a", note="x") != RecordMany("a", note="y")  # hash=False fields are still compared
    assert hash(RecordMany("a", note="x")) == hash(RecordMany("a", note="y"))


def test_a_record_inside_itself_shows_an_ellipsis_as_a_dataclass_does() -> None:
    plain, record = PlainHolder([]), RecordHolder([])
    plain.items.append(plain)
    record.items.append(record)
    assert _show(repr(record)) == _show(repr(plain)) == "Holder(items=[...])"


def test_outlines_compare_and_show_by_value() -> None:
    first, second = load_outline(SORA), load_outline(SORA)
    assert first is not second and first == second and repr(first) == repr(second)
    assert repr(first).startswith(f"Outline(path={SORA!r}, version=1, title=")
    assert dataclasses.replace(first, title="Other") != first
    assert hash(first.sections[0]) == hash(second.sections[0])
