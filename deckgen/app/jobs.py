"""A batch's records: one deck to build (a job), what became of it (a result), and what decides its bytes.

Kept apart from the batch runner so the kit's PDF export, the reports and the CLI can read
results without importing the runner.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.app.epoch import epoch_word
from deckgen.app.manifest import Record
from deckgen.errors import Problem
from deckgen.outline.model import Outline
from deckgen.plan.notices import TemplateNotice
from deckgen.records import record
from deckgen.version import __version__


@record(frozen=True)
class Job:
    """One deck to build."""

    outline: Path
    output: Path
    audience: str | None = None
    template: str | None = None
    """The CLI's --template, overriding the outline's own."""
    force: bool = False
    kit: bool = False
    """Also write the facilitator kit's guide and handout beside the deck (``build --kit``)."""


@record(frozen=True)
class Result:
    """What happened to one job."""

    job: Job
    status: str
    """``built``, ``skipped`` (inputs unchanged) or ``failed``."""
    slides: int = 0
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """What else the build tells about the deck: an audience that leaves it without questions
    or points, libraries' warnings."""
    lints: tuple[Problem, ...] = ()
    """What ``check`` warns about the deck's outline (variant), at the outline as named; a
    run tells each once (:func:`deckgen.app.check.tell`)."""
    record: Record | None = None
    """For the manifest: digests of the inputs and the written file."""
    kit_records: tuple[tuple[str, Record], ...] = ()
    """For the manifest: the kit files written beside the deck, by file name."""
    language: str | None = None
    """The deck's language (for its PDFs' properties)."""
    seconds: float = 0.0
    """How long building it took (0 for a skipped deck)."""
    notices: tuple[TemplateNotice, ...] = ()
    """What the build did to the deck's template, told once per template for the whole run."""

    @property
    def all_warnings(self) -> tuple[str, ...]:
        """The deck's own warnings, its outline's lints and its template's notices, as lines
        (for per-deck reports)."""
        return self.warnings + tuple(str(lint) for lint in self.lints) + tuple(notice.message for notice in self.notices)


def input_files(outline: Outline, template_file: Path) -> list[Path]:
    """Every file a deck is built from: outline, images, template and its brand file."""
    images = sorted({p.image.path for s in outline.sections for p in s.points if p.image})
    brand = [template_file.with_suffix(".yaml")] if template_file.with_suffix(".yaml").is_file() else []
    return [outline.path, *images, template_file, *brand]


def build_words(job: Job) -> list[str]:
    """What else decides a deck's bytes: deckgen's version, the variant, --template, the epoch,
    and which outline it is (so another outline built to the same file is never "unchanged")."""
    return [__version__, job.audience or "", job.template or "", epoch_word(), str(job.outline.absolute())]


def kit_words(job: Job, kind: str) -> list[str]:
    """What decides a kit file's bytes: the deck's words, plus which kit file it is."""
    return [*build_words(job), "kit", kind]
