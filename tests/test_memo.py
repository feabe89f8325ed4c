"""Templates kept per process: within one budget, least recently used dropped first."""

from __future__ import annotations

import pytest

from deckgen.render.template import memo
from deckgen.render.template.memo import TemplateMemo, make_room

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _own_memos(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only this test's memos share the budget (100 MB)."""
    monkeypatch.setattr(memo, "_MEMOS", [])
    monkeypatch.setattr(memo, "KEPT_TEMPLATE_BYTES", 100 * MB)


def test_templates_are_kept_until_they_pass_the_budget_together() -> None:
    lean, prepared = TemplateMemo[str, str](), TemplateMemo[str, str]()
    lean.put("a", "lean a", 40 * MB)
    prepared.put("a", "prepared a", 40 * MB)
    assert lean.get("a") == "lean a" and prepared.get("a") == "prepared a"
    prepared.put("b", "prepared b", 40 * MB)  # 120 MB: the least recently used goes, in either memo
    assert lean.get("a") is None
    assert prepared.get("a") == "prepared a" and prepared.get("b") == "prepared b"


def test_the_template_just_kept_stays_whatever_its_size() -> None:
    kept = TemplateMemo[str, str]()
    kept.put("small", "s", 1 * MB)
    kept.put("huge", "h", 500 * MB)
    assert kept.get("huge") == "h"
    assert kept.get("small") is None


def test_a_use_makes_a_template_the_last_to_go() -> None:
    kept = TemplateMemo[str, str]()
    kept.put("a", "a", 40 * MB)
    kept.put("b", "b", 40 * MB)
    kept.get("a")
    kept.put("c", "c", 40 * MB)
    assert [kept.get(key) for key in "abc"] == ["a", None, "c"]


def test_room_is_made_before_a_large_template_is_read() -> None:
    kept = TemplateMemo[str, str]()
    kept.put("a", "a", 10 * MB)
    make_room(1 * MB)  # reading a 1 MB template needs about 11 MB: both fit
    assert kept.get("a") == "a"
    make_room(9 * MB)  # about 99 MB: the kept one goes first
    assert kept.get("a") is None
