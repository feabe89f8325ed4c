"""Build outlines on every template of a folder, the way a new user would, and tabulate the result.

For each .pptx/.potx template in FOLDER, the Sora outline and the corpus's rich outline (a
table, a comparison, a picture, a point on ``layout: Title Only``) are built in memory; each
deck is checked by openxml-audit and ooxml-integrity (``tests/validators.py``), and its
slide count is compared with the same outline's deck on its bundled template (inflation:
a template whose boxes are too small makes deckgen split text onto more slides). What the
decks show is measured too (``tools/deck_measures.py``): text on the template's artwork,
text that does not read on what lies under it, the question mark's colour, and whether the
title slide stayed whole. Run from the repository root with the test extras installed::

    pip install -e '.[test]'
    python tools/template_corpus.py ~/templates                  # the results table (Markdown)
    python tools/template_corpus.py ~/templates --details        # ... and every warning and finding
    python tools/template_corpus.py ~/templates --keep decks/    # ... and keep the decks to look at

See docs/templates.md for the public corpus the table in that page was made from.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # deckgen from this checkout, and the validators of its tests

from deckgen.app.build import render_outline  # noqa: E402
from deckgen.app.library_warnings import caught_warnings  # noqa: E402
from deckgen.errors import DeckgenError  # noqa: E402
from deckgen.outline.loader import load_outline  # noqa: E402
from deckgen.outline.model import Outline  # noqa: E402
from deckgen.plan.notices import TemplateNotice, merged  # noqa: E402
from tests.validators import deck_findings  # noqa: E402
from tools.deck_measures import Measures, measure  # noqa: E402

OUTLINES = (ROOT / "outlines" / "sora-china-ai.yaml", ROOT / "tools" / "corpus" / "rich-outline.yaml")
"""The outlines built on every template, by default."""
TEMPLATE_SUFFIXES = (".pptx", ".potx")


@dataclass
class Deck:
    """One outline built on one template: how many slides, what build said, what readers found."""

    slides: int = 0
    warnings: list[str] = field(default_factory=list)
    """What build says about this deck beyond its template's notices (see ``Row.warnings``)."""
    notices: list[TemplateNotice] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    refused: str = ""
    """The error when the build refused the template or the outline on it."""
    measures: Measures = field(default_factory=Measures)
    """What the deck shows (text on artwork, unreadable text, marks, the title slide)."""


@dataclass
class Row:
    """One template of the corpus and its decks, one per outline."""

    template: Path
    decks: list[Deck]

    @property
    def warnings(self) -> list[str]:
        """What a build of all its decks says, as ``build`` says it: template warnings once."""
        own = [w for d in self.decks for w in d.warnings]
        return list(dict.fromkeys(own)) + [n.message for n in merged(n for d in self.decks for n in d.notices)]


def templates_in(folder: Path) -> list[Path]:
    """The template files below ``folder``, sorted by name."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in TEMPLATE_SUFFIXES and p.is_file())


def build_one(outline: Outline, template: str | Path | None, keep: Path | None) -> Deck:
    """``outline`` built on ``template`` (None: its own), validated in a file of its own."""
    deck = Deck()
    with caught_warnings() as library_warnings:
        try:
            rendered = render_outline(outline, template)
        except DeckgenError as error:
            deck.refused = error.message.splitlines()[0]
            return deck
    deck.slides = rendered.slides
    deck.warnings = list(dict.fromkeys([*map(str, rendered.lints), *library_warnings]))
    deck.notices = list(getattr(rendered, "notices", ()))  # what a build does to the template
    deck.measures = measure(rendered.data, outline.title)
    name = f"{outline.stem}-on-{Path(template).stem if template else 'own'}.pptx"
    with tempfile.TemporaryDirectory(prefix="deckgen-corpus-") as work:
        path = (keep or Path(work)) / name
        path.write_bytes(rendered.data)
        deck.findings = deck_findings(path)
    return deck


def survey(folder: Path, outlines: Sequence[Path], keep: Path | None) -> tuple[list[Deck], list[Row]]:
    """The decks of ``outlines`` on their bundled templates, then on every template of ``folder``."""
    loaded = [load_outline(path) for path in outlines]
    baselines = [build_one(outline, None, keep) for outline in loaded]
    rows = [Row(template, [build_one(outline, template, keep) for outline in loaded]) for template in templates_in(folder)]
    return baselines, rows


def _slides(deck: Deck, baseline: Deck) -> tuple[str, str]:
    if deck.refused:
        return "refused", ""
    return str(deck.slides), f"{deck.slides / baseline.slides:.2f}" if baseline.slides else ""


def _valid(decks: Sequence[Deck]) -> str:
    built = [d for d in decks if not d.refused]
    if not built:
        return "-"
    bad = sum(len(d.findings) for d in built)
    return "yes" if not bad else f"no ({bad} findings)"


def _shown(decks: Sequence[Deck]) -> list[str]:
    """The measures of a template's built decks: text boxes on artwork and unreadable, the
    question marks' colours, whether every title slide stayed whole."""
    built = [d.measures for d in decks if not d.refused]
    if not built:
        return ["-", "-", "-", "-", "-"]
    marks = list(dict.fromkeys(m for b in built for m in b.marks))
    return [str(sum(len(b.on_artwork) for b in built)), str(sum(len(b.unreadable) for b in built)),
            str(sum(len(b.overlaps) for b in built)), " ".join(marks) or "-",
            "yes" if all(b.title_whole for b in built) else "no"]


def table(outlines: Sequence[Path], baselines: Sequence[Deck], rows: Sequence[Row]) -> Iterator[str]:
    """The results as a Markdown table: slides and inflation per outline, warnings, validity."""
    head = ["template"]
    for path, baseline in zip(outlines, baselines):
        head += [f"{path.stem} slides ({baseline.slides} bundled)", "inflation"]
    head += ["warnings", "valid", "on artwork", "unreadable", "overlaps", "marks", "title whole"]
    yield "| " + " | ".join(head) + " |"
    yield "|" + "|".join("---" for _ in head) + "|"
    for row in rows:
        cells = [row.template.name]
        for deck, baseline in zip(row.decks, baselines):
            cells += _slides(deck, baseline)
        cells += [str(len(row.warnings)), _valid(row.decks), *_shown(row.decks)]
        yield "| " + " | ".join(cells) + " |"


def details(outlines: Sequence[Path], rows: Sequence[Row]) -> Iterator[str]:
    """Every refusal, warning and reader finding, per template and outline."""
    for row in rows:
        yield f"\n{row.template.name}"
        yield from (f"  warning: {w}" for w in row.warnings)
        for path, deck in zip(outlines, row.decks):
            said = [f"refused: {deck.refused}"] if deck.refused else []
            said += [f"finding: {f.splitlines()[0]}" for f in deck.findings]
            said += [f"on artwork: {w}" for w in deck.measures.on_artwork]
            said += [f"unreadable: {w}" for w in deck.measures.unreadable]
            said += [f"overlap: {w}" for w in deck.measures.overlaps]
            said += [] if deck.measures.title_whole else ["the title slide is not whole"]
            yield from (f"  {path.stem}: {line}" for line in said)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .pptx/.potx templates (searched recursively)")
    parser.add_argument("--outline", action="append", type=Path, help="outline to build (repeatable; default: Sora and the rich outline)")
    parser.add_argument("--keep", type=Path, help="folder to keep the decks in")
    parser.add_argument("--details", action="store_true", help="list every warning and finding under the table")
    args = parser.parse_args(argv)
    outlines = tuple(args.outline or OUTLINES)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    baselines, rows = survey(args.folder, outlines, args.keep)
    for line in table(outlines, baselines, rows):
        print(line)
    if args.details:
        for line in details(outlines, rows):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
