"""A ``@record(frozen=True)`` class behaves as the same class under ``@dataclass(frozen=True)``.

Each class is declared twice, once each way, and the two must construct, compare, hash,
show, refuse assignment, pickle and copy alike; the outline model is checked too.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, ClassVar

import pytest

from deckgen.outline.loader import load_outline
from deckgen.records import record

from tests.conftest import SORA


@dataclass(frozen=True)
class PlainMany:
    """Many kinds of field."""

    KIND: ClassVar[str] = "many"
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    note: str = field(default="", hash=False)
    shown: float = field(default=0.0, repr=False)
    _: KW_ONLY
    late: list[int] = field(default_factory=list, hash=False)
    flag: bool = True

    @property
    def total(self) -> int:
        return self.count + len(self.tags)


@record(frozen=True)
class RecordMany:
    """Many kinds of field."""

    KIND: ClassVar[str] = "many"
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    note: str = field(default="", hash=False)
    shown: float = field(default=0.0, repr=False)
    _: KW_ONLY
    late: list[int] = field(default_factory=list, hash=False)
    flag: bool = True

    @property
    def total(self) -> int:
        return self.count + len(self.tags)


@dataclass(frozen=True)
class PlainOne:
    """One field."""

    value: float


@record(frozen=True)
class RecordOne:
    """One field."""

    value: float


@dataclass(frozen=True)
class PlainNone:
    """No fields at all."""


@record(frozen=True)
class RecordNone:
    """No fields at all."""


@dataclass(frozen=True)
class PlainHolder:
    """A mutable container that may hold the record itself."""

    items: list[object]


@record(frozen=True)
class RecordHolder:
    """A mutable container that may hold the record itself."""

    items: list[object]


NAN = float("nan")
PAIRS: list[tuple[type, type, list[tuple[tuple[Any, ...], dict[str, Any]]]]] = [
    (PlainMany, RecordMany, [(("a",), {}), (("a", 2, ("x",), {"k": 1}, "n", 1.5), {"late": [1], "flag": False}),
                             (("a", 2, ("x",), {}, "other", 9.0), {}), (("b",), {"flag": False})]),
    (PlainOne, RecordOne, [((1.0,), {}), ((2.0,), {}), ((NAN,), {})]),
    (PlainNone, RecordNone, [((), {})]),
]


def _show(text: str) -> str:
    return text.replace("Plain", "").replace("Record", "")


@pytest.mark.parametrize(("plain", "made", "arguments"), PAIRS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_record_is_made_compares_hashes_and_shows_as_a_frozen_dataclass(
        plain: type, made: type, arguments: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> None:
    assert _show(str(inspect.signature(made))) == _show(str(inspect.signature(plain)))
    assert made.__match_args__ == plain.__match_args__
    assert [(f.name, f.kw_only) for f in dataclasses.fields(made)] == [(f.name, f.kw_only) for f in dataclasses.fields(plain)]
    plains = [plain(*a, **k) for a, k in arguments]
    records = [made(*a, **k) for a, k in arguments]
    for p1, r1 in zip(plains, records):
        assert _show(repr(r1)) == _show(repr(p1))
        assert hash(r1) == hash(p1)
        assert dataclasses.asdict(r1) == dataclasses.asdict(p1) or NAN in dataclasses.astuple(p1)
        for p2, r2 in zip(plains, records):
            assert (r1 == r2) == (p1 == p2)
            assert (r1 != r2) == (p1 != p2)
        for twin in (pickle.loads(pickle.dumps(r1)), copy.deepcopy(r1), copy.copy(r1)):
            assert type(twin) is made and _show(repr(twin)) == _show(repr(r1))
        assert (r1 == copy.copy(r1)) == (p1 == copy.copy(p1))
    assert records[0] != plains[0] and records[0] != object()


def test_default_factories_make_a_new_value_for_each_record() -> None:
    first, second = RecordMany("a"), RecordMany("a")
    assert first.cache == {} and first.late == [] and first.cache is not second.cache and first.late is not second.late
    assert RecordMany("a", cache={"x": 1}) == RecordMany("a")  # compare=False fields are left out
    assert RecordMany("a", note="x") != RecordMany("a", note="y")  # hash=False fields are still compared
    assert hash(RecordMany("a", note="x")) == hash(RecordMany("a", note="y"))
    assert RecordMany("a", 2, ("x", "y")).total == 4 and RecordMany.KIND == "many"


@pytest.mark.parametrize(("plain", "made"), [(PlainMany, RecordMany), (PlainOne, RecordOne)])
def test_wrong_arguments_fail_as_for_a_dataclass(plain: type, made: type) -> None:
    for arguments in [(), ("a", 1, (), {}, "", 0.0, "extra")]:
        with pytest.raises(TypeError) as expected:
            plain(*arguments)
        with pytest.raises(TypeError) as got:
            made(*arguments)
        assert _show(str(got.value)) == _show(str(expected.value))
    with pytest.raises(TypeError):
        made(1.0, unknown=2)


def test_a_record_stays_frozen_and_a_dataclass() -> None:
    one, plain = RecordMany("a", 2), PlainMany("a", 2)
    actions = [lambda o: setattr(o, "count", 3), lambda o: setattr(o, "new", 1), lambda o: delattr(o, "count"),
               lambda o: delattr(o, "new")]
    for action in actions:
        with pytest.raises(dataclasses.FrozenInstanceError) as got:
            action(one)
        with pytest.raises(dataclasses.FrozenInstanceError) as expected:
            action(plain)
        assert str(got.value) == str(expected.value)
    assert dataclasses.is_dataclass(one)
    assert repr(RecordMany.__dataclass_params__) == repr(PlainMany.__dataclass_params__)  # type: ignore[attr-defined]

    @dataclass(frozen=True)
    class Wider(RecordMany):  # a frozen dataclass may extend a record, as it may a frozen dataclass
        extra: int = 0

    assert Wider("a", extra=1).extra == 1 and Wider("a") != RecordMany("a")
    assert dataclasses.replace(one, count=3) == RecordMany("a", 3)
    match one:
        case RecordMany("a", 2):
            pass
        case _:
            pytest.fail("a record matches by its fields as a dataclass does")


def test_an_undocumented_record_is_documented_by_its_signature_as_a_dataclass_is() -> None:
    @dataclass(frozen=True)
    class Bare:
        value: int = 0

    plain_doc = Bare.__doc__

    @record(frozen=True)  # type: ignore[no-redef]
    class Bare:
        value: int = 0

    assert Bare.__doc__ == plain_doc == "Bare(value: 'int' = 0)"


def test_a_record_inside_itself_shows_an_ellipsis_as_a_dataclass_does() -> None:
    plain, made = PlainHolder([]), RecordHolder([])
    plain.items.append(plain)
    made.items.append(made)
    assert _show(repr(made)) == _show(repr(plain)) == "Holder(items=[...])"


def test_what_a_record_does_not_support_is_refused_when_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match="frozen"):
        record(frozen=False)
    with pytest.raises(TypeError, match="init=False"):
        @record(frozen=True)
        class Hidden:
            value: int = field(default=0, init=False)
    with pytest.raises(TypeError, match="__eq__"):
        @record(frozen=True)
        class OwnEquality:
            value: int

            def __eq__(self, other: object) -> bool:
                return True
    with pytest.raises(TypeError, match="follows default"):
        @record(frozen=True)
        class Misordered:
            first: int = 0
            second: int  # type: ignore[misc]


def test_outlines_compare_and_show_by_value() -> None:
    first, second = load_outline(SORA), load_outline(SORA)
    assert first is not second and first == second and repr(first) == repr(second)
    assert repr(first).startswith(f"Outline(path={SORA!r}, version=1, title=")
    assert dataclasses.replace(first, title="Other") != first
    assert hash(first.sections[0]) == hash(second.sections[0])
    assert pickle.loads(pickle.dumps(first)) == first
