"""Prepared templates kept per process, within a bound on the bytes they hold together.

A process that builds decks on several templates keeps each one ready for its next deck,
but a template may hold up to 100 MB of pictures: kept without a bound, a batch of outlines
on a few such templates held gigabytes. The templates kept (prepared for python-pptx, or
ready for the lean writer) share one budget of :data:`KEPT_TEMPLATE_BYTES`: the least
recently used are dropped before a new one is read and after it is kept, never the one
just kept. A dropped template is loaded again from the on-disk cache when a deck needs it.
"""

from __future__ import annotations

import gc
import itertools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from deckgen.render.ooxml.zipwriter import ZipEntry

KEPT_TEMPLATE_BYTES = 128 * 1024 * 1024
"""Bytes of template parts one process keeps between decks (the template in use may hold more)."""
READING_COPIES = 11
"""Preparing a template holds about this many times its file's size at once (the file, the
vetted package, python-pptx's parts, the cleaned package, its compressed parts, the cache
entry being written); room is made for that before a template is read."""

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(eq=False)
class _Kept(Generic[V]):
    """A kept template, the bytes it holds, and when it was last used (a tick of :data:`_CLOCK`)."""

    value: V
    size: int
    used: int


class TemplateMemo(Generic[K, V]):
    """Templates by key, least recently used first; every memo shares the one budget."""

    def __init__(self) -> None:
        self._kept: OrderedDict[K, _Kept[V]] = OrderedDict()
        _MEMOS.append(self)

    def get(self, key: K) -> V | None:
        """The template kept under ``key`` (now the most recently used), or None."""
        kept = self._kept.pop(key, None)
        if kept is None:
            return None
        kept.used = next(_CLOCK)
        self._kept[key] = kept
        return kept.value

    def put(self, key: K, value: V, size: int) -> V:
        """Keep ``value``, which holds ``size`` bytes; older templates go past the budget."""
        self._kept[key] = kept = _Kept(value, size, next(_CLOCK))
        _drop_oldest_until(lambda: held() <= KEPT_TEMPLATE_BYTES, spare=kept)
        return value

    def held(self) -> int:
        """Bytes held by the templates kept here."""
        return sum(kept.size for kept in self._kept.values())

    def oldest(self) -> _Kept[V] | None:
        """The least recently used template kept here, or None."""
        return next(iter(self._kept.values()), None)

    def drop_oldest(self) -> None:
        """Forget the least recently used template kept here."""
        self._kept.popitem(last=False)


_MEMOS: list[TemplateMemo[Any, Any]] = []
_CLOCK = itertools.count()


def held() -> int:
    """Bytes held by every template kept in this process."""
    return sum(memo.held() for memo in _MEMOS)


def make_room(file_size: int) -> None:
    """Before a template of ``file_size`` bytes is read: drop kept templates, least recently
    used first, until reading it fits the budget (a large one is never read beside old ones)."""
    _drop_oldest_until(lambda: held() + READING_COPIES * file_size <= KEPT_TEMPLATE_BYTES, spare=None)


def _drop_oldest_until(enough: Callable[[], bool], spare: _Kept[Any] | None) -> None:
    dropped = False
    while not enough():
        oldest = [memo for memo in _MEMOS if (kept := memo.oldest()) is not None and kept is not spare]
        if not oldest:
            break
        min(oldest, key=lambda memo: memo.oldest().used).drop_oldest()  # type: ignore[union-attr]
        dropped = True
    if dropped:
        _free_memory()


def _free_memory() -> None:
    """Free a dropped template's memory now: python-pptx's parts refer to each other, so only
    the cycle collector frees them, and glibc keeps freed memory in holes that the next large
    template does not fit in, unless asked to hand it back to the system."""
    gc.collect()
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim  # glibc only; elsewhere the memory is reused as it is
    except (OSError, AttributeError, TypeError):
        return
    trim(0)


def entries_size(entries: Iterable[ZipEntry]) -> int:
    """Bytes held by a template's zip entries."""
    return sum(len(entry.data) for entry in entries)
