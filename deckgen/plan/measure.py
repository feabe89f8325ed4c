"""Measuring paragraphs in a box: font sizes of bullet levels, wrapped lines and heights.

Fitting tries a block of paragraphs at several sizes; this module answers, for one size,
how large each paragraph is set (its level's share of the block size), how many lines it
wraps to in the width its level's margins leave, and how much height it takes with the
template's line and paragraph spacing. Sizes and lengths are points (1 pt = 12700 EMU);
no pptx objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckgen.outline.inline import parse_inline
from deckgen.plan.linebreak import Pen, break_points, count_lines, has_full_width
from deckgen.plan.metrics import SINGLE_LINE_EM, FontMetrics
from deckgen.plan.profile import EMU_PER_PT, TextStyle
from deckgen.plan.runs import char_widths, styled_line_count
from deckgen.records import record

LEVEL_SCALE = (1.0, 0.86, 0.76)
"""Font size of bullet levels 0, 1, 2 relative to the block size."""
ATTRIBUTION_SCALE = 0.8
"""Font size of a quotation's attribution line relative to the quotation."""
UNSTYLED_LEVELS = tuple(
    TextStyle(margin_left=(level + 1) * 342900, indent=-342900, space_before_pt=10.0) for level in range(3)
)
"""Assumed for a box whose template gives no paragraph styles: 0.375 in per bullet level
(pandoc's and LibreOffice's masters) and PowerPoint's 10 pt before each paragraph."""


@record(frozen=True)
class Area:
    """The usable text area of a box, in points (after its insets), and its paragraph styles."""

    width: float
    height: float
    levels: tuple[TextStyle, ...] = ()
    """The box's style of outline levels 0, 1, 2 ...; empty: :data:`UNSTYLED_LEVELS`."""

    def style(self, level: int) -> TextStyle:
        """The paragraph style of ``level`` (the deepest known for deeper levels)."""
        levels = self.levels or UNSTYLED_LEVELS
        return levels[min(level, len(levels) - 1)]


@record(frozen=True)
class Line:
    """One paragraph to fit: text, bullet level and whether it carries a bullet indent."""

    text: str
    level: int = 0
    indented: bool = True
    """A bullet paragraph, set at its level's margins; False: a plain paragraph from the box's edge."""
    italic: bool = False
    bold: bool = False
    small: bool = False
    """Set at :data:`ATTRIBUTION_SCALE` of the block size (a quotation's attribution)."""
    source: int = 0
    """Index of the paragraph this line sets (pieces of one long paragraph share it)."""
    keep: bool = False
    """The next line stays in the same box (a quotation before its attribution, a vote's
    options, the agenda's rows): text is split after it only when its group alone overflows."""


def level_size(size: float, level: int) -> float:
    """Font size of a paragraph at bullet ``level`` in a block set at ``size``."""
    return round(size * LEVEL_SCALE[min(level, len(LEVEL_SCALE) - 1)])


def text_width(line: Line, style: TextStyle, area: Area) -> float:
    """Points available to ``line``'s text: the box minus its level's margin and first-line indent."""
    if not line.indented:
        return area.width
    return area.width - (style.margin_left + max(style.indent, 0)) / EMU_PER_PT


def line_size(size: float, line: Line) -> float:
    """Font size of ``line`` in a block set at ``size``: scaled by its level, or as an attribution."""
    return round(size * ATTRIBUTION_SCALE) if line.small else level_size(size, line.level)


def line_style(line: Line, area: Area) -> TextStyle:
    """The paragraph style ``line`` is set in: its level's, or level 0's for a plain paragraph."""
    return area.style(line.level if line.indented else 0)


def paragraph_lines(line: Line, size: float, area: Area, metrics: FontMetrics) -> int:
    """How many lines one paragraph wraps to in a block set at ``size``; formatted runs in their own faces."""
    style = line_style(line, area)
    inline = parse_inline(line.text)
    text = inline.text.upper() if style.caps else inline.text
    east_asian = has_full_width(text)
    pen = Pen(metrics, line_size(size, line), style.bold or line.bold, style.italic or line.italic,
              style.letter_spacing_pt, east_asian)
    width = text_width(line, style, area)
    if width <= 0:
        return 10**6
    if inline.spans:  # formatted runs: each measured in its own face
        widths = char_widths(replace(inline, text=text), metrics, pen.size, pen.bold, pen.italic,
                             pen.spacing, east_asian)
        return styled_line_count(replace(inline, text=text), break_points(text), width, widths)
    return count_lines(text, width, pen)


def space_before(line: Line, size: float, area: Area) -> float:
    """The template's space above one paragraph in a block set at ``size``, in points."""
    style = line_style(line, area)
    return style.space_before_pt + style.space_before_lines * line_size(size, line) * SINGLE_LINE_EM


def paragraph_height(line: Line, size: float, area: Area, metrics: FontMetrics) -> float:
    """Height in points that one paragraph takes in a block set at ``size``, spacing included."""
    count = paragraph_lines(line, size, area, metrics)
    return lines_height(line, size, area, metrics, has_full_width(line.text), count)


def lines_height(line: Line, size: float, area: Area, metrics: FontMetrics, east_asian: bool, count: int) -> float:
    """Height in points of a paragraph of ``count`` lines, spacing included."""
    style = line_style(line, area)
    para_size = line_size(size, line)
    pitch = metrics.line_pitch_pt(para_size, style.bold or line.bold, east_asian)
    following = style.line_spacing_pt or pitch * style.line_spacing
    after = (style.space_after_pt + style.space_after_lines * para_size * SINGLE_LINE_EM)
    return space_before(line, size, area) + max(pitch, following) + (count - 1) * following + after


def fitting_count(lines: Sequence[Line], size: float, area: Area, metrics: FontMetrics) -> int:
    """How many leading ``lines`` fit in ``area`` at ``size``."""
    used = 0.0
    for index, line in enumerate(lines):
        used += paragraph_height(line, size, area, metrics)
        if used > area.height:
            return index
    return len(lines)
