"""PDF export through LibreOffice (optional: only --pdf, --kit's PDFs and preview need it).

A batch shares LibreOffice: each ``soffice`` call converts several files (starting
LibreOffice costs more than converting a deck), a few calls run side by side, and each
concurrent process has its own private profile, so neither a user's open LibreOffice nor
another call gets in the way. A call that fails or times out loses nothing: the files it
did not produce are retried one per call, and only those that still fail are reported.

Every PDF is tagged (accessible: structure, reading order, alt text) and carries the
document's title and language, which LibreOffice takes from the deck's or document's
own properties.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from deckgen.app.output import write_atomically
from deckgen.errors import BuildError

CONVERT_TIMEOUT_S = 300
"""Longest wait for one file in a call of its own."""
CALL_TIMEOUT_BASE_S = 60
CALL_TIMEOUT_PER_FILE_S = 45
"""A call of several files may take the base time plus this much per file."""
FILES_PER_CALL = 12
"""Files one ``soffice`` call converts; more amortise the start, fewer lose less on a crash."""
INSTALL_HINT = "install LibreOffice (e.g. apt-get install libreoffice-impress libreoffice-writer, or brew install --cask libreoffice)"

PdfKind = Literal["slides", "notes", "document"]
"""A deck's slides, a deck's notes pages (one page per slide with its notes), a Word document."""

_FILTERS: dict[PdfKind, tuple[str, dict[str, bool]]] = {
    "slides": ("impress_pdf_Export", {}),
    "notes": ("impress_pdf_Export", {"ExportNotesPages": True, "ExportOnlyNotesPages": True}),
    "document": ("writer_pdf_Export", {}),
}


@dataclass(frozen=True)
class Conversion:
    """One PDF to make: ``source`` (.pptx or .docx) exported as ``kind`` to ``target``."""

    source: Path
    target: Path
    kind: PdfKind = "slides"
    language: str = "en-US"
    """The document's language (BCP-47): LibreOffice writes it as the PDF's /Lang."""


class ConversionError(BuildError):
    """A PDF LibreOffice could not make; ``conversion`` says which."""

    def __init__(self, message: str, conversion: Conversion) -> None:
        super().__init__(message)
        self.conversion = conversion


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
    once, each with its own profile (kept for the whole batch, so it is set up once).
    """
    if not conversions:
        return []
    soffice = _soffice()
    batches = list(_batches(conversions, per_call, processes))
    workers = max(1, min(processes, len(batches)))
    with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as work:
        def profile(worker: int, language: str) -> Path:
            return _profile(Path(work, f"profile-{worker}-{language}"), language)

        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = [pool.submit(_convert_batch, soffice, batch, profile(n % workers, batch[0].language), Path(work, f"call-{n}"))
                    for n, batch in enumerate(batches)]
            missed = [conversion for run in runs for conversion in run.result()]
        retried = [_retry(soffice, c, profile(0, c.language), Path(work, "retry")) for c in missed]
    failures = {id(c): e for c, e in zip(missed, retried) if e is not None}
    return [failures[id(c)] for c in conversions if id(c) in failures]


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


def _convert_batch(soffice: str, batch: list[Conversion], profile: Path, folder: Path) -> list[Conversion]:
    """Convert ``batch`` in one call; return the conversions it did not produce."""
    folder.mkdir(parents=True)
    inputs = [_staged(conversion, index, folder) for index, conversion in enumerate(batch)]
    timeout = CALL_TIMEOUT_BASE_S + CALL_TIMEOUT_PER_FILE_S * len(batch)
    _run(soffice, batch[0].kind, inputs, profile, folder / "out", timeout)
    missed = []
    for conversion, staged in zip(batch, inputs):
        produced = folder / "out" / f"{staged.stem}.pdf"
        if produced.is_file() and produced.stat().st_size > 0:
            write_atomically(conversion.target, produced.read_bytes())
        else:
            missed.append(conversion)
    return missed


def _staged(conversion: Conversion, index: int, folder: Path) -> Path:
    """The source under a unique name in ``folder`` (two decks may share a stem; LibreOffice
    names each PDF after its input)."""
    staged = folder / f"{index:04d}{conversion.source.suffix.lower()}"
    try:
        os.link(conversion.source, staged)
    except OSError:
        shutil.copyfile(conversion.source, staged)
    return staged


def _run(soffice: str, kind: PdfKind, inputs: Sequence[Path], profile: Path, out: Path, timeout: float) -> str:
    """One ``soffice --convert-to pdf`` call; the reason it failed, or ``""``."""
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", _filter(kind), "--outdir", str(out), *map(str, inputs)]
    try:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError as error:
        return f"LibreOffice could not start ({error.strerror or error})"
    try:
        status = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        return f"LibreOffice did not finish within {timeout:g} s"
    return f"LibreOffice exited with status {status}" if status != 0 else ""


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a timed-out call and the processes it started (``soffice`` is a launcher whose
    office process would otherwise live on, holding its profile)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):  # already gone, or no process groups (Windows)
        process.kill()
    process.wait()


def _filter(kind: PdfKind) -> str:
    """``pdf:<filter>:<options as JSON>``: tagged PDF, plus notes pages for ``notes``."""
    name, extra = _FILTERS[kind]
    options = {"UseTaggedPDF": True, **extra}
    typed = {key: {"type": "boolean", "value": "true" if value else "false"} for key, value in options.items()}
    return f"pdf:{name}:{json.dumps(typed, separators=(',', ':'))}"


def _retry(soffice: str, conversion: Conversion, profile: Path, folder: Path) -> ConversionError | None:
    """Convert one file alone; a :class:`BuildError` naming it when that fails too."""
    folder.mkdir(exist_ok=True)
    call = Path(tempfile.mkdtemp(dir=folder))
    staged = _staged(conversion, 0, call)
    reason = _run(soffice, conversion.kind, [staged], profile, call / "out", CONVERT_TIMEOUT_S)
    produced = call / "out" / f"{staged.stem}.pdf"
    if produced.is_file() and produced.stat().st_size > 0:
        write_atomically(conversion.target, produced.read_bytes())
        return None
    why = reason or "it produced no PDF"
    hint = "try opening it in LibreOffice"
    if conversion.kind == "document":
        hint = "check that LibreOffice Writer is installed (e.g. apt-get install libreoffice-writer), then " + hint
    return ConversionError(f"{conversion.source}: LibreOffice could not convert it to {conversion.target.name} ({why}); {hint}", conversion)


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
