"""The facts of a build or check as report entries (see :mod:`deckgen.app.reports`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from deckgen.app.reports import Entry

if TYPE_CHECKING:
    from deckgen.app.batch import BatchOutcome
    from deckgen.app.check import CheckResult


def build_entries(outcome: BatchOutcome) -> list[Entry]:
    """One entry per deck, then one per outline that could not be planned and per failed PDF."""
    entries = [
        Entry(str(r.job.output), str(r.job.outline), r.job.audience, r.status, r.seconds, r.errors,
              r.warnings + tuple(str(lint) for lint in r.lints))
        for r in outcome.results
    ]
    for problem in outcome.problems:
        outline = str(problem.path) if problem.path else ""
        entries.append(Entry(outline, outline, None, "failed", 0.0, (str(problem),)))
    for failure in outcome.pdf_failures:
        lines = tuple(str(p) for p in failure.problems)
        entries.append(Entry(f"PDF export: {lines[0].split(':', 1)[0]}", "", None, "failed", 0.0, lines))
    return entries


def check_entries(results: Sequence[CheckResult], timings: Sequence[float], strict: bool) -> list[Entry]:
    """One entry per outline checked; with ``strict``, warnings fail it too."""
    entries = []
    for result, seconds in zip(results, timings):
        failed = result.failed(strict)
        problems = [str(p) for p in result.errors] + ([str(p) for p in result.warnings] if strict else [])
        warnings = () if strict else tuple(str(p) for p in result.warnings)
        entries.append(Entry(str(result.path), str(result.path), None, "failed" if failed else "ok", seconds,
                             tuple(problems), warnings))
    return entries
