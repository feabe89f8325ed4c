"""One sample slide per role on a template, as a contact sheet (``templates inspect --preview``).

Before building real decks on a template, a user wants to see what each slide role looks
like on it: which layout serves it, whether deckgen draws its own question mark, whether a
placeholder is too small. A sample outline that makes one slide of every role (title,
thesis, agenda, section, content, quote, picture, comparison, table, chart, question,
takeaways, references) is built on the template and rendered through LibreOffice, each
thumbnail labelled with its role.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from PIL import Image

from deckgen.app.build import render_outline
from deckgen.app.preview import write_preview
from deckgen.outline.loader import load_outline
from deckgen.plan.slides import DeckPlan

SAMPLE = """\
title: "Title: the deck's title"
subtitle: The subtitle
presenter: The presenter
language: en
source: {title: The article under discussion, author: Its author}
thesis: "Thesis: the article's argument in one or two sentences."
sections:
  - title: "Section: a divider"
    summary: The section's summary.
    points:
      - claim: "Content: a point with bullets"
        evidence: [A first bullet, [a sub-level bullet], A last bullet]
      - claim: "Quote: a point with a quote"
        evidence: [A bullet beside the quote]
        quote: {text: A sentence worth quoting, by: its author}
      - claim: "Picture: a point with a picture"
        evidence: [A bullet beside the picture]
        image: {path: picture.png, alt: A sample picture}
  - title: "Section: another divider"
    points:
      - claim: "Compare: two columns"
        compare:
          left: {title: One side, items: [A point, Another point]}
          right: {title: Other side, items: [A point, Another point]}
      - claim: "Table: rows and columns"
        table: {header: [Item, Value], rows: [[First, "1"], [Second, "2"]]}
      - claim: "Chart: a native chart"
        chart: {type: bar, categories: [A, B, C], series: [{name: Values, values: [1, 3, 2]}], alt: Three bars}
questions:
  - prompt: "Question: what would you ask the room?"
    follow_ups: [A follow-up]
    minutes: 5
takeaways: ["Takeaways: what to remember"]
references:
  - {title: "References: further reading", author: An author}
"""
"""An outline that makes one slide of every role."""


def write_sample_outline(folder: Path) -> Path:
    """Write the sample outline and its picture into ``folder``; the outline's path."""
    picture = Image.new("RGB", (400, 300), (120, 140, 170))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    (folder / "picture.png").write_bytes(buffer.getvalue())
    outline = folder / "roles.yaml"
    outline.write_text(SAMPLE, encoding="utf-8")
    return outline


def role_labels(plan: DeckPlan) -> list[str]:
    """Each slide's role, as the thumbnails are labelled."""
    return [slide.role.value + (" (cont.)" if slide.continuation else "") for slide in plan.slides]


def write_role_sheet(template: str | Path, sheet: Path) -> int:
    """Build the sample outline on ``template``, render it through LibreOffice into a contact
    sheet at ``sheet`` (thumbnails labelled by role); the number of slides."""
    with tempfile.TemporaryDirectory(prefix="deckgen-roles-") as work:
        rendered = render_outline(load_outline(write_sample_outline(Path(work))), template)
        deck = Path(work, "roles.pptx")
        deck.write_bytes(rendered.data)
        return write_preview(deck, sheet, role_labels(rendered.plan))
