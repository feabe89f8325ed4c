"""PDF export benchmark: ``build --pdf`` (shared LibreOffice) against one soffice call per deck.

Both sides run in the same session on the same 12 decks (copies of the bundled Sora
outline under different names), taking turns over the rounds; only the ratio of numbers
taken together means anything on a shared machine.

- shared: ``deckgen build DIR --pdf --force --jobs N`` (builds the decks, then exports all
  PDFs in a few LibreOffice processes, several files per call).
- per deck: ``deckgen build DIR --force --jobs N``, then a loop running ``soffice
  --convert-to pdf`` once per deck, each with a fresh private profile (what ``--pdf`` did
  before).

Usage: ``python benchmarks/bench_pdf.py [--decks 12] [--rounds 2] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SORA = ROOT / "outlines" / "sora-china-ai.yaml"


def _deckgen(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "deckgen", *args], check=True, capture_output=True)


def shared(outlines: Path, out: Path, jobs: int) -> float:
    """Seconds for ``build --pdf`` over every outline."""
    started = time.perf_counter()
    _deckgen("build", str(outlines), "-o", str(out), "--pdf", "--force", "--jobs", str(jobs), "-q")
    return time.perf_counter() - started


def per_deck(outlines: Path, out: Path, jobs: int, soffice: str) -> float:
    """Seconds for ``build`` plus one soffice call per deck, each with a fresh profile."""
    started = time.perf_counter()
    _deckgen("build", str(outlines), "-o", str(out), "--force", "--jobs", str(jobs), "-q")
    for deck in sorted(out.glob("*.pptx")):
        with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
            profile = Path(work, "profile").as_uri()
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(out), str(deck)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed; the PDF benchmark needs it")
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        outlines = Path(work, "outlines")
        outlines.mkdir()
        for n in range(args.decks):
            shutil.copyfile(SORA, outlines / f"deck-{n:02d}.yaml")
        times: dict[str, list[float]] = {"shared": [], "per deck": []}
        for round_ in range(args.rounds):
            times["shared"].append(shared(outlines, Path(work, f"shared-{round_}"), args.jobs))
            times["per deck"].append(per_deck(outlines, Path(work, f"per-deck-{round_}"), args.jobs, soffice))
            pdfs = len(list(Path(work, f"shared-{round_}").glob("*.pdf")))
            assert pdfs == args.decks, f"build --pdf made {pdfs} PDFs, not {args.decks}"
    shared_s, per_deck_s = statistics.median(times["shared"]), statistics.median(times["per deck"])
    print(f"{args.decks} decks (30 slides each), --jobs {args.jobs}, median of {args.rounds} rounds:")
    print(f"  build --pdf (shared LibreOffice):     {shared_s:6.1f} s   rounds: {', '.join(f'{t:.1f}' for t in times['shared'])}")
    print(f"  build + one soffice call per deck:    {per_deck_s:6.1f} s   rounds: {', '.join(f'{t:.1f}' for t in times['per deck'])}")
    print(f"  speed-up: {per_deck_s / shared_s:.1f}x")


if __name__ == "__main__":
    main()
