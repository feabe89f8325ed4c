"""PDF export through LibreOffice (optional: only --pdf, --kit's PDFs and preview need it).

A batch shares LibreOffice: each ``soffice`` call converts several files (starting
LibreOffice costs more than converting a deck), a few calls run side by side, and each
concurrent process has its own private profile, so neither a user's open LibreOffice nor
another call gets in the way. A call that fails or times out loses nothing: the files it
did not produce are retried once, one per call, and only those that still fail are reported.

LibreOffice is not trusted to finish or to write what it should. Every call of an export runs
under the export's one deadline (see :mod:`deckgen.app.libreoffice`), and when a call times out
before any PDF of the export was made, LibreOffice is taken to hang: the export stops at once
rather than waiting out every other call and retry, and says so in one line. A file LibreOffice
leaves is copied to its output path only if it is a PDF (``%PDF-`` at its start, ``%%EOF`` near
its end).

Every PDF is tagged (accessible: structure, reading order, alt text) and carries the
document's title and language, which LibreOffice takes from the deck's or document's
own properties.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from deckgen.app.libreoffice import TIMEOUT_ENV, Call, Office, time_limit
from deckgen.app.output import copy_atomically, open_regular_file
from deckgen.errors import BuildError
from deckgen.records import record

CONVERT_TIMEOUT_S = 300
"""Longest wait for one file retried in a call of its own (and for pdftoppm)."""
CALL_TIMEOUT_BASE_S = 60
CALL_TIMEOUT_PER_FILE_S = 45
"""A call of several files may take the base time plus this much per file."""
FILES_PER_CALL = 12
"""Files one ``soffice`` call converts; more amortise the start, fewer lose less on a crash."""
PDF_TAIL_BYTES = 1024
"""A PDF's ``%%EOF`` marker must lie within this many bytes of its end."""
SHOWN_PDFS = 6
"""PDFs named in one message before "and N more"."""
INSTALL_HINT = "install LibreOffice (e.g. apt-get install libreoffice-impress libreoffice-writer, or brew install --cask libreoffice)"

PdfKind = Literal["slides", "notes", "document"]
"""A deck's slides, a deck's notes pages (one page per slide with its notes), a Word document."""

_FILTERS: dict[PdfKind, tuple[str, dict[str, bool]]] = {
    "slides": ("impress_pdf_Export", {"ExportHiddenSlides": True}),
    "notes": ("impress_pdf_Export", {"ExportHiddenSlides": True, "ExportNotesPages": True, "ExportOnlyNotesPages": True}),
    "document": ("writer_pdf_Export", {}),
}
"""Each kind's export filter and options. Hidden slides (optional items) are exported too: a
deck's PDFs keep a page per slide, so the slide numbers the guide quotes are their pages."""


@dataclass(frozen=True)
class Conversion:
    """One PDF to make: ``source`` (.pptx or .docx) exported as ``kind`` to ``target``."""

    source: Path
    target: Path
    kind: PdfKind = "slides"
    language: str = "en-US"
    """The document's language (BCP-47): LibreOffice writes it as the PDF's /Lang."""


class ConversionError(BuildError):
    """PDFs LibreOffice could not make; ``conversions`` says which (one, unless LibreOffice
    hung or ran out of time, which costs every PDF not yet made)."""

    def __init__(self, message: str, conversions: Sequence[Conversion]) -> None:
        super().__init__(message)
        self.conversions = tuple(conversions)

    @property
    def conversion(self) -> Conversion:
        """The PDF not made (the first, when there are several)."""
        return self.conversions[0]


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def writer_missing() -> bool:
    """True when LibreOffice is installed without Writer (Debian's libreoffice-impress alone),
    which Word handouts need. Where the layout is unknown (macOS bundles all), assume not."""
    found = soffice_path()
    if found is None:
        return False
    program = Path(found).resolve().parent
    impress_here = any(program.glob("libsdlo.*")) or any(program.glob("libmergedlo.*"))
    return impress_here and not any(program.glob("libswlo.*"))


def _soffice() -> str:
    found = soffice_path()
    if found is None:
        raise BuildError(f"LibreOffice (soffice) is not installed; {INSTALL_HINT} to use --pdf, --kit's PDFs or preview")
    return found


def convert_to_pdf(deck: Path, pdf: Path, kind: PdfKind = "slides", language: str = "en-US") -> Path:
    """Convert one file to ``pdf`` (a call of its own); raise :class:`BuildError` on failure."""
    failures = convert_all([Conversion(deck, pdf, kind, language)], processes=1)
    if failures:
        raise failures[0]
    return pdf


def export_pdfs(decks: Sequence[tuple[Path, str | None]], processes: int = 2) -> list[ConversionError]:
    """Export each deck (with its language, when known) to PDF beside it; the failures."""
    conversions = [Conversion(deck, deck.with_suffix(".pdf"), "slides", language or "en-US") for deck, language in decks]
    return convert_all(conversions, processes=processes)


def convert_all(conversions: Sequence[Conversion], processes: int = 2, per_call: int = FILES_PER_CALL) -> list[ConversionError]:
    """Make every PDF of ``conversions``, sharing LibreOffice processes; the failures, in order.

    Files of one kind are converted ``per_call`` at a time; up to ``processes`` calls run at
    once, each with its own profile (kept for the whole batch, so it is set up once). If
    deckgen is stopped meanwhile (SIGTERM, Ctrl-C), every LibreOffice it started ends with it.
    """
    if not conversions:
        return []
    office = Office(_soffice(), time_limit(len(conversions)))
    batches = list(_batches(conversions, per_call, processes))
    workers = max(1, min(processes, len(batches)))
    with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as work:
        export = _Export(office, Path(work), workers)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            try:
                failed = export.run(pool, batches)
            except BaseException:
                office.stop()
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    return _errors(conversions, failed, export)


@record(frozen=True)
class _Missed:
    """A PDF a call did not make."""

    conversion: Conversion
    call: Call
    why: str
    """Why, as a phrase: the call's failure, or what was wrong with the file it left."""
    alone: bool
    """Whether the call converted this file alone (so the same call again is no retry)."""


class _Export:
    """One :func:`convert_all` run: its calls, their folders and profiles, and whether
    LibreOffice was found to hang."""

    def __init__(self, office: Office, work: Path, workers: int) -> None:
        self.office = office
        self.work = work
        self.hung: Call | None = None
        """The call that timed out before any PDF was made, when one did."""
        self._made = threading.Event()
        self._slots: queue.SimpleQueue[int] = queue.SimpleQueue()
        for slot in range(workers):
            self._slots.put(slot)

    def run(self, pool: ThreadPoolExecutor, batches: Sequence[list[Conversion]]) -> list[_Missed]:
        """Convert ``batches``, then retry alone what they missed; what is still missing."""
        calls = [pool.submit(self._call, batch, CALL_TIMEOUT_BASE_S + CALL_TIMEOUT_PER_FILE_S * len(batch)) for batch in batches]
        missed = [item for call in calls for item in call.result()]
        retries = {id(item): pool.submit(self._call, [item.conversion], CONVERT_TIMEOUT_S)
                   for item in missed if self._worth_retrying(item)}
        still: list[_Missed] = []
        for item in missed:
            still.extend(retries[id(item)].result() if id(item) in retries else [item])
        return still

    def _worth_retrying(self, item: _Missed) -> bool:
        """Each PDF is retried at most once, while LibreOffice works and time is left, and not
        when its own call (of it alone) already ran out of time."""
        if self.hung is not None or self.office.stopped or self.office.remaining() <= 0:
            return False
        return item.call.ending in ("done", "failed") or (item.call.ending == "timeout" and not item.alone)

    def _call(self, batch: list[Conversion], timeout: float) -> list[_Missed]:
        """Convert ``batch`` in one call of at most ``timeout`` seconds; the files it did not make."""
        folder = Path(tempfile.mkdtemp(prefix="call-", dir=self.work))
        inputs = [_staged(conversion, index, folder) for index, conversion in enumerate(batch)]
        slot = self._slots.get()  # one call per profile at a time
        try:
            profile = _profile(self.work / f"profile-{slot}-{_xml_safe(batch[0].language)}", batch[0].language)
            call = self.office.run(_arguments(batch[0].kind, inputs, profile, folder / "out"), timeout)
        finally:
            self._slots.put(slot)
        missed = []
        for conversion, staged in zip(batch, inputs):
            problem = _take_pdf(folder / "out" / f"{staged.stem}.pdf", conversion.target)
            if problem:
                missed.append(_Missed(conversion, call, call.reason or problem, len(batch) == 1))
            else:
                self._made.set()
        if call.ending == "timeout" and not self._made.is_set() and self.hung is None:
            self.hung = call
            self.office.stop()  # the other calls would hang as long: end them now
        return missed


def _batches(conversions: Sequence[Conversion], per_call: int, processes: int) -> Iterator[list[Conversion]]:
    """Conversions of one kind and language, at most ``per_call`` per ``soffice`` call, split
    so that ``processes`` calls can run side by side."""
    for kind in _FILTERS:
        for language in sorted({c.language for c in conversions if c.kind == kind}):
            same = [c for c in conversions if c.kind == kind and c.language == language]
            size = max(1, min(per_call, -(-len(same) // max(1, processes))))
            for start in range(0, len(same), size):
                yield same[start:start + size]


_LOCALE_SETTING = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{language}</value></prop></item>
</oor:items>
"""


def _profile(folder: Path, language: str) -> Path:
    """A private LibreOffice profile whose locale is ``language`` (LibreOffice writes a
    presentation's PDF /Lang from it), created on first use."""
    settings = folder / "user" / "registrymodifications.xcu"
    if not settings.exists():
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(_LOCALE_SETTING.format(language=_xml_safe(language)), encoding="utf-8")
    return folder


def _xml_safe(language: str) -> str:
    return "".join(ch for ch in language if ch.isalnum() or ch == "-") or "en-US"


def _take_pdf(produced: Path, target: Path) -> str:
    """Copy the PDF a call left at ``produced`` to ``target``; why not, or "" once done.

    Anything but a regular file that looks like a whole PDF is left where it is: a broken or
    impostor ``soffice`` must not put garbage (or a link to another file) at the output path.
    """
    try:
        stream = open_regular_file(produced, follow_links=False)
    except OSError:
        return "it produced no PDF"
    with stream:
        problem = _not_a_pdf(stream)
        if problem:
            return problem
        stream.seek(0)
        copy_atomically(stream, target)
    return ""


def _not_a_pdf(stream: BinaryIO) -> str:
    """What shows that ``stream`` is not a whole PDF, or "" (header and end marker only:
    cheap, and enough to catch an error page, an empty file or a file cut short)."""
    size = os.fstat(stream.fileno()).st_size
    if size == 0:
        return "it wrote an empty file"
    if stream.read(5) != b"%PDF-":
        return "it wrote a file that is not a PDF: no %PDF- header"
    stream.seek(max(0, size - PDF_TAIL_BYTES))
    if b"%%EOF" not in stream.read():
        return "it wrote a PDF that is cut short: no %%EOF at its end"
    return ""


def _staged(conversion: Conversion, index: int, folder: Path) -> Path:
    """The source under a unique name in ``folder`` (two decks may share a stem; LibreOffice
    names each PDF after its input)."""
    staged = folder / f"{index:04d}{conversion.source.suffix.lower()}"
    try:
        os.link(conversion.source, staged)
    except OSError:
        shutil.copyfile(conversion.source, staged)
    return staged


def _arguments(kind: PdfKind, inputs: Sequence[Path], profile: Path, out: Path) -> list[str]:
    """The arguments of one ``soffice --convert-to pdf`` call."""
    return [f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", export_filter(kind), "--outdir", str(out), *map(str, inputs)]


def export_filter(kind: PdfKind) -> str:
    """``pdf:<filter>:<options as JSON>`` for ``soffice --convert-to``: tagged PDF, hidden slides
    included, plus notes pages for ``notes``."""
    name, extra = _FILTERS[kind]
    options = {"UseTaggedPDF": True, **extra}
    typed = {key: {"type": "boolean", "value": "true" if value else "false"} for key, value in options.items()}
    return f"pdf:{name}:{json.dumps(typed, separators=(',', ':'))}"


def _errors(conversions: Sequence[Conversion], failed: Sequence[_Missed], export: _Export) -> list[ConversionError]:
    """One error per PDF not made, in the order of ``conversions``; those LibreOffice did not
    make for want of time (it hung, or the export reached its deadline) share one error."""
    order = {id(conversion): index for index, conversion in enumerate(conversions)}
    timed = [item for item in failed if item.call.ending in ("deadline", "stopped")
             or (export.hung is not None and item.call.ending == "timeout")]
    lost = {id(item) for item in timed}
    errors = [(order[id(item.conversion)], _file_error(item)) for item in failed if id(item) not in lost]
    if timed:
        errors.append((min(order[id(item.conversion)] for item in timed), _time_error(timed, export)))
    return [error for _index, error in sorted(errors, key=lambda pair: pair[0])]


def _file_error(item: _Missed) -> ConversionError:
    """LibreOffice could not make one PDF: which, why, and what to try."""
    conversion = item.conversion
    hint = "try opening it in LibreOffice"
    if conversion.kind == "document":
        hint = "check that LibreOffice Writer is installed (e.g. apt-get install libreoffice-writer), then " + hint
    return ConversionError(f"{conversion.source}: LibreOffice could not convert it to {conversion.target.name} "
                           f"({item.why}); {hint}", [conversion])


def _time_error(timed: Sequence[_Missed], export: _Export) -> ConversionError:
    """LibreOffice hung or ran out of time: one line naming it, the time and the PDFs not made."""
    soffice = export.office.soffice
    targets = [str(item.conversion.target) for item in timed]
    shown = ", ".join(targets[:SHOWN_PDFS]) + (f" and {len(targets) - SHOWN_PDFS} more" if len(targets) > SHOWN_PDFS else "")
    lost = f"{len(targets)} PDF(s) not made ({shown})"
    check = f"check that '{soffice} --headless --convert-to pdf FILE' works on this machine"
    if export.hung is not None:
        message = (f"{soffice}: made no PDF within {export.hung.seconds:g} s and was stopped: {lost}; {check} "
                   "(a dialog waiting for an answer or a damaged installation makes LibreOffice hang)")
    else:
        message = (f"{soffice}: did not finish the PDF export within its time limit of {export.office.seconds:g} s: "
                   f"{lost}; allow more time with {TIMEOUT_ENV}=SECONDS, or {check}")
    return ConversionError(message, [item.conversion for item in timed])


def pdf_pages_to_png(pdf: Path, folder: Path, dpi: int = 40) -> list[Path]:
    """Render every page of ``pdf`` to PNG files in ``folder`` (needs poppler's pdftoppm)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BuildError("pdftoppm is not installed; install poppler-utils to use preview")
    command = [pdftoppm, "-png", "-r", str(dpi), str(pdf.absolute()), str(folder.absolute() / "page")]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        raise BuildError(f"{pdf}: pdftoppm could not render its pages ({error})") from None
    return sorted(folder.glob("page*.png"))
