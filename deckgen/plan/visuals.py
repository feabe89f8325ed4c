"""Fit comparisons, tables and charts to their layouts, continuing on "(cont.)" slides.

The title is fitted as for any slide (:func:`deckgen.plan.paginate.paginate`); then:

- a comparison's two columns are fitted each in its own box, at its own size, and split
  each on its own terms: a continuation slide shows what is left of either column;
- a table gets column widths from its measured content (every column at least as wide
  as its longest word where the slide allows), one cell size, and rows split over slides
  with the header repeated, never a row cut in two;
- a chart takes the body area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from deckgen.errors import Problem
from deckgen.plan.fit import SIZE_STEP_PT, Area, Cell, Line, Request, fit_text
from deckgen.plan.labels import ENGLISH, Labels
from deckgen.plan.metrics import FontMetrics, metrics_for
from deckgen.plan.paginate import paginate
from deckgen.plan.profile import EMU_PER_PT, Box, LayoutSlots, Role, TemplateProfile
from deckgen.plan.slides import ColumnPlan, ComparePlan, Paragraph, SlidePlan, TablePlan

CELL_MARGIN_X = 91440
"""Left and right inset of a table cell's text (EMU): PowerPoint's default 0.1 in."""
CELL_MARGIN_Y = 45720
"""Top and bottom inset of a table cell's text (EMU): 0.05 in."""
ROW_SAFETY = 1.08
"""Rows are planned this much taller than their text: renderers add a little leading."""
TABLE_SCALE = 0.75
"""A table's largest cell size relative to the template's body size."""
TABLE_FLOOR_PT = 12.0
COLUMN_GAP = 1 / 25
"""Gap between two drawn columns, as a share of the body width."""
_FALLBACK_BOX = Box(838200, 1600200, 10515600, 4351338)


def _content_box(slots: LayoutSlots, profile: TemplateProfile) -> Box:
    """Where the body of a visual goes: the layout's body, else the content layout's body."""
    return slots.body or profile.slots[Role.CONTENT].body or _FALLBACK_BOX


def _body_font(box: Box | None, profile: TemplateProfile) -> FontMetrics:
    wanted = box.levels[0].font if box is not None and box.levels else None
    if wanted in (None, "minor"):
        return metrics_for(profile.body_font)
    return metrics_for(profile.heading_font if wanted == "major" else wanted)


def _lines(paragraphs: Sequence[Paragraph]) -> tuple[Line, ...]:
    return tuple(Line(p.text, p.level, p.style == "bullet") for p in paragraphs)


def _area(box: Box) -> Area:
    return Area(box.text_width_pt, box.text_height_pt, box.levels)


def _titled(draft: SlidePlan, profile: TemplateProfile, path: Path, labels: Labels) -> tuple[SlidePlan, list[Problem]]:
    """``draft`` with its title fitted as any slide's is."""
    slides, lints = paginate(replace(draft, compare=None, table=None, chart=None), profile, path, labels)
    return replace(draft, title_size=slides[0].title_size), lints


def _continued(slide: SlidePlan, index: int, labels: Labels) -> SlidePlan:
    if index == 0:
        return slide
    return replace(slide, title=slide.title + labels.continued, notes=labels.continued_from.format(slide.title),
                   continuation=True, layout=None)


def paginate_visual(draft: SlidePlan, profile: TemplateProfile, path: Path, labels: Labels = ENGLISH
                    ) -> tuple[list[SlidePlan], list[Problem]]:
    """Fit a comparison, table or chart slide: one slide, or more with "(cont.)" titles."""
    titled, lints = _titled(draft, profile, path, labels)
    slots = profile.slots_for(draft.role, draft.layout)
    if draft.compare is not None:
        slides = _compare_slides(titled, draft.compare, slots, profile)
    elif draft.table is not None:
        slides, more = _table_slides(titled, draft.table, slots, profile, path)
        lints += more
    else:
        assert draft.chart is not None
        slides = [replace(titled, chart=replace(draft.chart, box=_content_box(slots, profile)))]
    return [_continued(slide, index, labels) for index, slide in enumerate(slides)], lints


# --------------------------------------------------------------------------- comparison


def _column_boxes(slots: LayoutSlots, profile: TemplateProfile) -> tuple[int, list[Box | None], list[Box], bool]:
    """How many placeholders the columns fill, the heading boxes and the two column boxes (left,
    then right, as they stand), and whether the layout's first placeholders stand on the right
    (a mirrored design): ``left`` and ``right`` are where the columns stand in every deck."""
    texts = slots.texts
    if len(texts) >= 4:
        return _as_they_stand(4, [texts[0], texts[2]], [texts[1], texts[3]])
    if len(texts) >= 2 and slots.layout != profile.slots[Role.CONTENT].layout:
        return _as_they_stand(2, [None, None], [texts[0], texts[1]])
    body = _content_box(slots, profile)
    gap = int(body.width * COLUMN_GAP)
    half = (body.width - gap) // 2
    left = replace(body, width=half)
    right = replace(body, left=body.left + half + gap, width=body.width - half - gap)
    return 0, [None, None], [left, right], False


def _as_they_stand(count: int, headings: list[Box | None], boxes: list[Box]
                   ) -> tuple[int, list[Box | None], list[Box], bool]:
    """Placeholder boxes in fill order, put left to right."""
    if boxes[0].left > boxes[1].left:
        return count, headings[::-1], boxes[::-1], True
    return count, headings, boxes, False


def _heading_paragraph(column: ColumnPlan) -> tuple[Paragraph, ...]:
    return tuple(replace(p, text=f"**{p.text}**") for p in column.heading)


def _heading_size(heading: Sequence[Paragraph], box: Box, profile: TemplateProfile) -> float:
    """The size of a column's heading in a box of its own: the body size, shrunk to fit."""
    request = Request(_lines(heading), _area(box), profile.sizes.body, profile.sizes.min_body,
                      _body_font(box, profile), split=False)
    return fit_text(request)[0].size


def _fit_column(column: ColumnPlan, box: Box, heading_box: Box | None, profile: TemplateProfile
                ) -> list[ColumnPlan]:
    """One column fitted to its box; more than one when it continues on further slides.

    A heading without a box of its own heads the column's text on every slide; bullets
    stay whole (the column hands them out by count).
    """
    heading = column.heading if heading_box is not None else _heading_paragraph(column)
    heading_size = _heading_size(heading, heading_box, profile) if heading_box is not None else None
    repeated: tuple[Line, ...] = () if heading_box is not None else _lines(heading)
    request = Request(_lines(column.body), _area(box), profile.sizes.body, profile.sizes.min_body,
                      _body_font(box, profile), heading=repeated, cut_long=False)
    plans: list[ColumnPlan] = []
    start = 0
    for block in fit_text(request):
        count = len(block.lines) - len(repeated)
        body = column.body[start:start + count]
        plans.append(ColumnPlan(heading, body, block.size, block.size if heading_size is None else heading_size, box,
                                heading_box))
        start += count
    return plans


def _compare_slides(draft: SlidePlan, compare: ComparePlan, slots: LayoutSlots, profile: TemplateProfile
                    ) -> list[SlidePlan]:
    count, headings, boxes, right_first = _column_boxes(slots, profile)
    left = _fit_column(compare.left, boxes[0], headings[0], profile)
    right = _fit_column(compare.right, boxes[1], headings[1], profile)
    slides = []
    for index in range(max(len(left), len(right))):
        pair = [column[min(index, len(column) - 1)] for column in (left, right)]
        pair = [p if index < len(column) else replace(p, body=()) for p, column in zip(pair, (left, right))]
        slides.append(replace(draft, compare=ComparePlan(pair[0], pair[1], count, right_first)))
    return slides


# --------------------------------------------------------------------------- tables


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: float, size: float,
                  metrics: FontMetrics) -> list[float]:
    """Column widths in points that share ``width``: each column's widest text where it fits,
    else each gets its longest word plus a share of what is left, in proportion to its text."""
    margin = 2 * CELL_MARGIN_X / EMU_PER_PT + 1
    columns = [[fit_text(Cell(t, size, metrics, bold=i == 0)) for i, t in enumerate(c)] for c in zip(header, *rows)]
    natural = [max(cell.width for cell in column) + margin for column in columns]
    minimum = [max(cell.widest_word for cell in column) + margin for column in columns]
    if sum(natural) <= width:
        spare = width - sum(natural)
        return [n + spare * n / sum(natural) for n in natural]
    if sum(minimum) < width:
        share = (width - sum(minimum)) / (sum(natural) - sum(minimum))
        return [m + (n - m) * share for m, n in zip(minimum, natural)]
    return [m * width / sum(minimum) for m in minimum]


def _row_height(cells: Sequence[str], widths: Sequence[float], size: float, metrics: FontMetrics, bold: bool) -> float:
    """Height of a row in points: its tallest cell's wrapped text plus the cell insets."""
    inset = 2 * CELL_MARGIN_X / EMU_PER_PT
    tallest = 0.0
    for text, width in zip(cells, widths):
        tallest = max(tallest, fit_text(Cell(text, size, metrics, bold, wrap=max(width - inset, 1.0))).height)
    return tallest * ROW_SAFETY + 2 * CELL_MARGIN_Y / EMU_PER_PT


def _layout_table(table: TablePlan, width: float, size: float, metrics: FontMetrics) -> tuple[list[float], list[float]]:
    widths = column_widths(table.header, table.rows, width, size, metrics)
    heights = [_row_height(table.header, widths, size, metrics, True)]
    heights += [_row_height(row, widths, size, metrics, False) for row in table.rows]
    return widths, heights


def _caption_height(caption: str | None, width: float, size: float, metrics: FontMetrics) -> float:
    if not caption:
        return 0.0
    return fit_text(Cell(caption, size, metrics, wrap=width)).height + size / 2


def _table_size(table: TablePlan, box: Box, profile: TemplateProfile, metrics: FontMetrics) -> tuple[float, bool]:
    """The largest cell size at which the whole table fits ``box``; False when none does."""
    largest = round(profile.sizes.body * TABLE_SCALE)
    floor = min(TABLE_FLOOR_PT, profile.sizes.min_body)
    size = float(largest)
    while size >= floor:
        widths, heights = _layout_table(table, box.width / EMU_PER_PT, size, metrics)
        caption = _caption_height(table.caption, box.width / EMU_PER_PT, size, metrics)
        if sum(heights) + caption <= box.height / EMU_PER_PT:
            return size, True
        size -= SIZE_STEP_PT
    return max(floor, float(largest) - 2 * SIZE_STEP_PT), False


def _row_chunks(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    """Consecutive ranges of rows that fit ``room`` below the header (at least one row each)."""
    chunks: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        if index > start and used + height > room:
            chunks.append((start, index))
            start, used = index, 0.0
        used += height
    chunks.append((start, len(heights)))
    return chunks


def _table_slides(draft: SlidePlan, table: TablePlan, slots: LayoutSlots, profile: TemplateProfile, path: Path
                  ) -> tuple[list[SlidePlan], list[Problem]]:
    box = _content_box(slots, profile)
    metrics = _body_font(box, profile)
    size, whole = _table_size(table, box, profile, metrics)
    widths, heights = _layout_table(table, box.width / EMU_PER_PT, size, metrics)
    caption_height = _caption_height(table.caption, box.width / EMU_PER_PT, size, metrics)
    room = box.height / EMU_PER_PT - heights[0] - caption_height
    chunks = [(0, len(table.rows))] if whole else _row_chunks(heights[1:], room)
    lints = []
    if any(h > room for h in heights[1:]):
        lints.append(Problem(path, draft.position.line, draft.position.column,
                             f"a row of the table on slide '{draft.title[:40]}' is taller than the slide; shorten it"))
    emu_widths = _emu(widths, box.width)
    slides = []
    for start, end in chunks:
        row_heights = [heights[0], *heights[1 + start:1 + end]]
        table_height = int(sum(row_heights) * EMU_PER_PT)
        caption_box = None
        if table.caption:
            top = box.top + table_height + int(size / 2 * EMU_PER_PT)
            caption_box = Box(box.left, top, box.width, int(caption_height * EMU_PER_PT))
        part = replace(table, rows=table.rows[start:end], widths=tuple(emu_widths),
                       heights=tuple(int(h * EMU_PER_PT) for h in row_heights), size=size,
                       box=replace(box, height=table_height), caption_box=caption_box, caption_size=size)
        slides.append(replace(draft, table=part))
    return slides, lints


def _emu(widths: Sequence[float], total: int) -> list[int]:
    """Widths in points as whole EMU that add up to exactly ``total``."""
    emu = [int(w * EMU_PER_PT) for w in widths]
    emu[-1] += total - sum(emu)
    return emu

