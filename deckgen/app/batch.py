"""Batches: which decks a build makes, building each (possibly in worker processes), results.

A job is one deck: an outline, an optional audience, an output path. Jobs run
independently; a failing job never stops the others, and its error is reported with it.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import time
import traceback
from collections.abc import Callable, Collection, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Any

from deckgen.errors import DeckgenError, OutlineError, Problem, UsageError
from deckgen.outline.audiences import emptied_audience
from deckgen.outline.loader import load_outline
from deckgen.app.epoch import source_date_epoch
from deckgen.app.shards import shard_of
from deckgen.app.stopping import Terminated
from deckgen.app.manifest import Record, inputs_digest, is_up_to_date, manifest_problem, read_manifest, write_manifest
from deckgen.outline.model import Outline, deck_stem
from deckgen.plan.notices import TemplateNotice, merged
from deckgen.plan.slides import DeckPlan
from deckgen.app.output import refuse_inputs, write_atomically
from deckgen.app.finding import find_outlines as find_outlines  # re-exported for callers of the batch API
from deckgen.app.library_warnings import caught_warnings
from deckgen.app.jobs import Job, Result, build_words, input_files, kit_words



def _lines(error: DeckgenError) -> tuple[str, ...]:
    return tuple(error.message.splitlines())


def run_job(job: Job) -> Result:
    """Build one deck; never raises for bad input (the error is in the result)."""
    started = time.perf_counter()
    return dataclasses.replace(_run_job(job), seconds=time.perf_counter() - started)


def _run_job(job: Job) -> Result:
    """Build one deck (and its kit); what the libraries warn on the way joins its warnings."""
    with caught_warnings() as library_warnings:
        result = _built(job)
    if not library_warnings:
        return result
    return dataclasses.replace(result, warnings=(*result.warnings, *(f"{job.outline}: {line}" for line in library_warnings)))


def _built(job: Job) -> Result:
    try:
        from deckgen.app.build import (
            render_outline,  # imports python-pptx: only when building
        )

        outline = load_outline(job.outline, audience=job.audience)
        deck = render_outline(outline, job.template)
        files = input_files(outline, deck.template)
        refuse_inputs(job.output, files)
        write_atomically(job.output, deck.data)
        record = Record(inputs_digest(files, build_words(job)), sha256(deck.data).hexdigest(), tuple(map(str, files)))
        kit = _write_kit(job, outline, deck.plan, files) if job.kit else ()
        warnings = tuple(str(dataclasses.replace(w, path=job.outline)) for w in emptied_audience(outline))
        lints = tuple(dataclasses.replace(lint, path=job.outline if lint.path else None) for lint in deck.lints)
        return Result(job, "built", deck.slides, warnings=warnings, lints=lints, record=record, kit_records=kit,
                      language=outline.language, notices=deck.notices)
    except DeckgenError as error:
        return Result(job, "failed", errors=_lines(error))
    except Exception as error:  # a bug must not stop the batch; report it like a failure
        detail = traceback.format_exc() if os.environ.get("DECKGEN_DEBUG") else f"{type(error).__name__}: {error}"
        return Result(job, "failed", errors=(f"{job.outline}: internal error while building ({detail}); please report it",))


def _write_kit(job: Job, outline: Outline, plan: DeckPlan, files: list[Path]) -> tuple[tuple[str, Record], ...]:
    """Write the kit's guide and handout beside the deck (``plan``: the deck's, whose slide
    numbers the guide names); their manifest records."""
    from deckgen.app.kit import digest, write_kit_documents

    written = write_kit_documents(outline, job.output, plan, source_date_epoch(), job.template)
    names = tuple(map(str, files))
    return tuple(
        (item.path.name, Record(inputs_digest(files, kit_words(job, item.kind)), digest(data), names))
        for item, data in written.items()
    )


def kit_outputs(job: Job, with_pdfs: bool, with_handout_pdf: bool = True) -> list[tuple[Path, str]]:
    """The kit files ``job`` should have beside its deck (path, kind); PDFs only ``with_pdfs``."""
    from deckgen.app.kit import kit_documents, kit_pdfs

    files = [(item.path, item.kind) for item in kit_documents(job.output)]
    if with_pdfs:
        pdfs = kit_pdfs(job.output)
        files += [(item.path, item.kind) for item, c in pdfs if with_handout_pdf or c.kind != "document"]
    return files


def _with_pdfs() -> tuple[bool, bool]:
    """Whether LibreOffice can make the kit's deck PDFs, and its handout PDFs."""
    from deckgen.app.pdf import soffice_path, writer_missing

    return soffice_path() is not None, not writer_missing()


def is_current(job: Job, manifests: dict[Path, dict[str, Record]]) -> bool:
    """True when ``job``'s deck (and, for a kit, every kit file) exists and nothing it was
    built from has changed."""
    if job.force:
        return False
    folder = job.output.parent
    if folder not in manifests:
        manifests[folder] = read_manifest(folder)
    if not is_up_to_date(job.output, build_words(job), manifests[folder]):
        return False
    return not job.kit or all(
        is_up_to_date(path, kit_words(job, kind), manifests[folder]) for path, kind in kit_outputs(job, *_with_pdfs()))


def current_jobs(jobs: Sequence[Job]) -> frozenset[int]:
    """The indexes of ``jobs`` whose decks are up to date (see :func:`is_current`)."""
    manifests: dict[Path, dict[str, Record]] = {}
    return frozenset(index for index, job in enumerate(jobs) if is_current(job, manifests))


def run_jobs(jobs: Sequence[Job], workers: int, on_result: Callable[[Result], None],
             current: Collection[int] | None = None) -> list[Result]:
    """Run ``jobs`` with up to ``workers`` processes, calling ``on_result`` as each finishes.

    Up-to-date decks (``current``, the indexes :func:`current_jobs` gives, found here when
    not given) are skipped before any worker starts. Results come back in job order, so
    reports and manifests do not depend on timing.
    """
    if current is None:
        current = current_jobs(jobs)
    results: dict[int, Result] = {}
    todo: list[tuple[int, Job]] = []
    for index, job in enumerate(jobs):
        if index in current:
            results[index] = Result(job, "skipped")
            on_result(results[index])
        else:
            todo.append((index, job))
    with closing(_build_all([job for _, job in todo], workers)) as built:  # closed at once on SIGTERM
        for (index, _job), result in zip(todo, built):
            results[index] = result
            on_result(result)
    return [results[index] for index in range(len(jobs))]


def _build_all(jobs: Sequence[Job], workers: int) -> Generator[Result, None, None]:
    if workers <= 1 or len(jobs) <= 1:
        yield from map(run_job, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import deckgen.app.build  # noqa: F401  (loaded once here, inherited by forked workers)

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=_start_worker) as pool:
        try:
            yield from pool.map(_run_in_worker, jobs, chunksize=_chunk(len(jobs), workers))
        except BaseException:  # SIGTERM, Ctrl-C, a failing caller: no worker may go on writing
            _stop_workers(pool)
            raise


_worker_state = {"stopping": False, "in_job": False}
"""In a worker process: whether SIGTERM arrived, and whether a job is running now."""


def _start_worker() -> None:
    signal.signal(signal.SIGTERM, _worker_sigterm)


def _worker_sigterm(signum: int, frame: object) -> None:
    """SIGTERM in a worker: abandon the running job (its temporary file is removed as the
    exception unwinds) and skip every job still queued; the worker then exits normally."""
    _worker_state["stopping"] = True
    if _worker_state["in_job"]:
        raise Terminated()


def _run_in_worker(job: Job) -> Result:
    stopped = Result(job, "failed", errors=(f"{job.outline}: not built (stopped by SIGTERM)",))
    if _worker_state["stopping"]:
        return stopped
    _worker_state["in_job"] = True
    try:
        return run_job(job)
    except Terminated:
        return stopped
    finally:
        _worker_state["in_job"] = False


def _stop_workers(pool: Any) -> None:
    """Drop the jobs not started, send every worker SIGTERM so each abandons its job, and
    wait until they are gone (their temporary files with them)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()
    for process in workers:
        process.join(timeout=30)


def _chunk(count: int, workers: int) -> int:
    """Jobs per hand-off to a worker: big enough to amortise it, small enough to balance."""
    return max(1, min(8, count // (workers * 4)))


@dataclass
class Plan:
    """The jobs of a build, plus problems found before any job ran (clashing outputs)."""

    jobs: list[Job] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Things the build works around, e.g. a damaged manifest it ignores."""
    notes: list[str] = field(default_factory=list)
    """How the build adapts to its inputs, e.g. fewer workers for a very large template."""


def _variants(outline: Path, audience: str | None, all_audiences: bool) -> Iterator[str | None]:
    if audience is not None:
        yield audience
        return
    yield None
    if all_audiences:
        yield from load_outline(outline).audiences


def _output_for(outline: Path, audience: str | None, out: Path, single_file: bool) -> Path:
    if single_file:
        return out
    return out / f"{deck_stem(outline, audience)}.pptx"


def plan_jobs(
    outlines: Sequence[Path], out: Path, *, audience: str | None = None, all_audiences: bool = False,
    template: str | None = None, force: bool = False, kit: bool = False, pdf: bool = False,
) -> Plan:
    """One job per outline and variant; ``out`` is a folder, or a .pptx file for one deck.

    When two jobs would write one file (two decks, or one deck's PDF and another's kit file),
    or a job would write over an outline, the plan has a problem per clash and no jobs:
    a build that would overwrite its own output writes nothing at all.
    """
    plan = Plan()
    single_file = out.suffix.lower() == ".pptx"
    for outline in outlines:
        try:
            variants = list(_variants(outline, audience, all_audiences))
        except OutlineError as error:
            plan.problems.extend(error.problems)
            continue
        if single_file and (len(outlines) > 1 or len(variants) > 1):
            raise UsageError(f"-o {out}: several decks cannot share one file; give a folder")
        for variant in variants:
            plan.jobs.append(Job(outline, _output_for(outline, variant, out, single_file), variant, template, force, kit))
    clashes = _clashes(plan.jobs, outlines, pdf)
    if clashes:
        plan.problems.extend(clashes)
        plan.jobs = []
    return plan


_KINDS = {"deck": "deck", "slides": "slides PDF", "notes": "notes PDF", "handout-pdf": "handout PDF",
          "guide-md": "Markdown guide", "guide-docx": "Word guide", "handout-docx": "Word handout",
          "recap-docx": "Word recap"}
"""What each output of a job is, as messages name it."""


def job_outputs(job: Job, pdf: bool = False) -> list[tuple[Path, str]]:
    """Every file ``job`` may write (path, kind): its deck, its PDF with ``pdf`` or a kit, and
    every other kit file, the PDFs counted whether or not LibreOffice is installed here."""
    if job.kit:
        return [(job.output, "deck"), *kit_outputs(job, with_pdfs=True)]
    return [(job.output, "deck"), *([(job.output.with_suffix(".pdf"), "slides")] if pdf else [])]


def _clashes(jobs: Sequence[Job], outlines: Sequence[Path], pdf: bool) -> list[Problem]:
    """A problem for each two jobs that would write one file (the first such file names the
    pair), and for each job that would write over an outline."""
    owners: dict[str, tuple[Job | None, str]] = {_file_key(outline): (None, "outline") for outline in outlines}
    problems = []
    for job in jobs:
        reported: set[int] = set()
        for path, kind in job_outputs(job, pdf):
            other, other_kind = owners.setdefault(_file_key(path), (job, kind))
            if (other is not job or other_kind != kind) and id(other) not in reported:
                reported.add(id(other))
                problems.append(_clash(job, kind, path, other, other_kind))
    return problems


def _file_key(path: Path) -> str:
    """``path`` as the file system names it, so ``out/a.pdf`` and ``./out/a.pdf`` are one file."""
    return os.path.normcase(os.path.abspath(path))


def _clash(job: Job, kind: str, path: Path, other: Job | None, other_kind: str) -> Problem:
    """``job``'s output ``path`` is also ``other``'s (or, with no other job, an outline)."""
    what = f"its {_KINDS.get(kind, kind)} would be {path}"
    if other is None:
        return Problem(job.outline, 0, 0, f"{what}, which is an outline of this build",
                       _audience_of(job), "rename the outline or choose another -o (nothing was built)")
    audience = job.audience or other.audience
    if other.outline == job.outline:
        rename = f"rename the audience '{audience}'"
    else:
        rename = f"rename an outline or the audience '{audience}'" if audience else "rename one of the outlines"
    by = f"{other.outline}" + (f" (audience '{other.audience}')" if other.audience else "")
    return Problem(job.outline, 0, 0, f"{what}, which is also the {_KINDS.get(other_kind, other_kind)} of {by}",
                   _audience_of(job), f"{rename} so no two outputs share a name (nothing was built)")


def _audience_of(job: Job) -> str:
    """Where in the outline the job's variant is declared ("" for the base deck)."""
    return f"audiences.{job.audience}" if job.audience else ""


def shard(jobs: Sequence[Job], index: int, count: int) -> list[Job]:
    """The ``index``-th of ``count`` slices of ``jobs`` (1-based), for CI matrices.

    A deck's slice depends only on its file name (see :mod:`deckgen.app.shards`), so adding
    outlines never moves existing decks to another runner.
    """
    return [job for job in jobs if shard_of(job.output, count) == index]


@dataclass
class BatchOutcome:
    """What a whole ``build`` did: each deck's result and the problems outside any deck."""

    results: list[Result]
    problems: list[Problem]
    """Outlines that could not be planned (bad YAML, clashing outputs)."""
    pdf_failures: list[DeckgenError]
    """PDF exports that failed (only with ``pdf=True`` or ``kit=True``)."""
    skipped_pdfs: list[Path] = field(default_factory=list)
    """Kit PDFs not made because LibreOffice is not installed (``kit=True``)."""

    @property
    def notices(self) -> list[TemplateNotice]:
        """What the build did to each template, merged over every deck built on it."""
        return merged(notice for result in self.results for notice in result.notices)

    @property
    def failed(self) -> int:
        """Failed decks, unplannable outlines and failed exports, counted together."""
        decks = sum(result.status == "failed" for result in self.results)
        return decks + len(self.problems) + len(self.pdf_failures)


def build_batch(
    outlines: Sequence[Path], out: Path, *, audience: str | None = None, all_audiences: bool = False,
    template: str | None = None, force: bool = False, workers: int = 1, pdf: bool = False, kit: bool = False,
    shard_slice: tuple[int, int] | None = None, on_planned: Callable[[Plan, int], None] | None = None,
    on_result: Callable[[Result], None] = lambda result: None,
) -> BatchOutcome:
    """Plan, build and record a batch of decks: the use case behind ``deckgen build``.

    ``on_planned`` hears the plan and the number of decks this shard builds before any is
    built (so a caller can report plan problems and size a progress bar); ``on_result``
    hears each deck as it finishes. Manifests are written for every folder that got a deck.
    """
    source_date_epoch()  # a bad SOURCE_DATE_EPOCH fails the batch once, before any deck
    if pdf or kit:
        from deckgen.app.libreoffice import time_limit

        time_limit(0)  # a bad DECKGEN_SOFFICE_TIMEOUT fails the batch once, before any deck
    plan = plan_jobs(outlines, out, audience=audience, all_audiences=all_audiences,
                     template=template, force=force, kit=kit, pdf=pdf)
    todo = shard(plan.jobs, *shard_slice) if shard_slice else plan.jobs
    if not force:
        problems = (manifest_problem(folder) for folder in sorted({job.output.parent for job in todo}))
        plan.warnings.extend(problem for problem in problems if problem)
    current = current_jobs(todo)
    deck_workers = _deck_workers([job for index, job in enumerate(todo) if index not in current], workers, plan)
    if on_planned is not None:
        on_planned(plan, len(todo))
    results = run_jobs(todo, deck_workers, on_result, current)
    _write_manifests(results)
    if kit:
        from deckgen.app.kit_pdfs import export_kit_pdfs

        failures, skipped = export_kit_pdfs(results, processes=workers)
        return BatchOutcome(results, plan.problems, failures, skipped)
    pdf_failures: list[DeckgenError] = []
    if pdf:
        from deckgen.app.pdf import export_pdfs

        pdf_failures.extend(export_pdfs([(r.job.output, r.language) for r in results if r.status != "failed"], processes=workers))
    return BatchOutcome(results, plan.problems, pdf_failures)


def _deck_workers(jobs: Sequence[Job], workers: int, plan: Plan) -> int:
    """The workers for ``jobs``, the decks to build: fewer than asked when a template is too
    large for that many (noted in ``plan``). Only decks that are built count, so a rebuild
    that skips every deck reads no outline."""
    workers = min(workers, len(jobs))
    if workers <= 1:
        return workers
    from deckgen.app.workers import workers_for

    fitting, note = workers_for(((job.outline, job.audience, job.template) for job in jobs), workers)
    if note:
        plan.notes.append(note)
    return fitting


def _write_manifests(results: Sequence[Result]) -> None:
    for folder in sorted({r.job.output.parent for r in results if r.record}):
        records = {}
        for result in results:
            if result.record and result.job.output.parent == folder:
                records[result.job.output.name] = result.record
                records.update(result.kit_records)
        write_manifest(folder, records)
