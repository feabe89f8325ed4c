"""The validated outline: frozen dataclasses that later layers trust without re-checking.

Every item keeps the :class:`Position` of its YAML node so that lints and late errors
(a missing image, a text that cannot fit) can still point at a line of the outline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, field
from pathlib import Path
from typing import Any, ClassVar

from deckgen.outline.fieldtypes import (
    BCP47_PATTERN,
    FORMAT_VERSION,
    Bound,
    LayoutName,
    Value,
    ID_PATTERN,
    MAX_EVIDENCE_LEVELS,
    URL_PATTERN,
    VAR_PATTERN,
    Choice,
    Clock,
    Date,
    Evidence,
    Flag,
    ImagePath,
    ListOf,
    MapOf,
    Number,
    Overrides,
    Scalar,
    Text,
    Version,
    declared,
    obj_of,
)
from deckgen.outline.position import Position as Position  # re-exported: values keep where they were written
from deckgen.outline.rules import RefersTo, Requires, RowsMatchHeader, SeriesMatchCategories, UniqueIds
from deckgen.records import record

__all__ = ["FORMAT_VERSION", "MAX_EVIDENCE_LEVELS"]

QUESTION_KINDS: tuple[str, ...] = ("warm-up", "analysis", "application", "reflection")
"""The allowed values of ``questions[].kind``, in the order a seminar usually uses them."""

DEFAULT_KIND = "analysis"

QUESTION_FORMATS: tuple[str, ...] = ("whole-room", "pairs", "small-groups", "vote", "write")
"""How the room works on a question: ``questions[].format``."""

DEFAULT_FORMAT = "whole-room"

OPENING = "start"
"""The ``after`` value that places a question at the opening of the session."""

_TEXT = Text()
_NOTES = Text(blank_ok=True)
_TAGS = ListOf(Text())
GLOSSARY_TERM = r"^\S(.*\S)?$"
"""A glossary term: any text without surrounding spaces."""
_IDENT = Text(pattern=ID_PATTERN, pattern_hint="a valid id (letters, digits, '-' and '_', like gap or part-2)")
_LANGUAGE = Text(pattern=BCP47_PATTERN, pattern_hint="a BCP-47 language tag like en, de-CH or zh-CN")
_URL = Text(pattern=URL_PATTERN, pattern_hint="a web address like https://example.org/article")
_TEXTS = ListOf(_TEXT)
_OPTIONAL = Flag()
_SPARE_MINUTES = Number(zero_ok=True)

DEFAULT_OPENING = 2.0
"""Minutes the title, thesis and agenda take when ``opening`` is not given: welcoming the room
and saying what the session does is never free."""
DEFAULT_CLOSING = 2.0
"""Minutes the takeaways, exit ticket and goodbye take when ``closing`` is not given."""


def deck_stem(outline: Path, audience: str | None = None) -> str:
    """The name (without .pptx) of the deck built from ``outline``: ``<stem>[-<audience>]``."""
    base = outline.stem or "deck"
    return f"{base}-{audience}" if audience else base


@record(frozen=True)
class Bullet:
    """One evidence bullet, already flattened from the nested YAML lists."""

    text: str
    level: int = 0
    """0 for a top-level bullet, 1 and 2 for sub-levels."""
    position: Position = Position()


@record(frozen=True)
class Quote:
    """A quotation shown on the point's slide."""

    text: str = declared(_TEXT, "The quotation.", required=True)
    by: str | None = declared(_TEXT, "Who said it (shown as attribution).")


@record(frozen=True)
class Image:
    """A picture on the point's slide; alt text is required for screen readers."""

    path: Path = declared(ImagePath(), "Image file, relative to the outline's folder (PNG, JPEG, GIF, BMP, TIFF, WMF); stored absolute.", required=True)
    alt: str = declared(_TEXT, "Alternative text for screen readers (required).", required=True)
    position: Position = Position()


@record(frozen=True)
class Column:
    """One side of a comparison: a heading and its items."""

    title: str = declared(_TEXT, "The column's heading.", required=True)
    items: tuple[Bullet, ...] = declared(Evidence(), "The column's bullets; a nested list is a sub-level.", default=())


@record(frozen=True)
class Compare:
    """Two columns side by side (on the template's Comparison or Two Content layout)."""

    left: Column = declared(obj_of(Column), "The left column.", required=True)
    right: Column = declared(obj_of(Column), "The right column.", required=True)


CHART_TYPES: tuple[str, ...] = ("column", "bar", "line", "pie")
"""The allowed values of ``chart.type``."""
_CELL = Text(blank_ok=True)

MAX_TABLE_COLUMNS = 50
"""Most columns of a table (twelve are already hard to read on a slide)."""
MAX_CHART_SERIES = 50
"""Most series of a chart (a legend of a dozen is already hard to follow)."""
MAX_CHART_CATEGORIES = 1000
"""Most categories of a chart, so most values of a series (a line of a few hundred points is dense)."""
_COLUMNS = Bound(MAX_TABLE_COLUMNS, "columns", "a table", "split it into two tables, or swap its rows and columns")
_ROW = Bound(MAX_TABLE_COLUMNS, "cells", "a table row", "split the table into two tables")
_SERIES = Bound(MAX_CHART_SERIES, "series", "a chart", "show fewer series, or split it into several charts")
_CATEGORIES = Bound(MAX_CHART_CATEGORIES, "categories", "a chart", "group them (by month rather than by day) or sample them")
_VALUES = Bound(MAX_CHART_CATEGORIES, "values", "a series", "one per category")


@record(frozen=True)
class Table:
    """A real table; a long one continues on "(cont.)" slides with its header repeated."""

    RULES: ClassVar[tuple[RowsMatchHeader, ...]] = (RowsMatchHeader(),)

    header: tuple[str, ...] = declared(
        ListOf(_CELL, min_items=1, bound=_COLUMNS), f"The column headings (at most {MAX_TABLE_COLUMNS}).", required=True)
    rows: tuple[tuple[str, ...], ...] = declared(
        ListOf(ListOf(_CELL, min_items=1, bound=_ROW), min_items=1), "The rows, each a list with one text per column.",
        required=True)
    caption: str | None = declared(_TEXT, "A line under the table.")
    position: Position = Position()


@record(frozen=True)
class Series:
    """One data series of a chart."""

    name: str = declared(_TEXT, "The series' name (the legend entry).", required=True)
    values: tuple[float, ...] = declared(ListOf(Value(), min_items=1, bound=_VALUES), "One number per category.", required=True)


@record(frozen=True)
class Chart:
    """A native, editable chart; its data is embedded in the deck and read out in the notes."""

    RULES: ClassVar[tuple[SeriesMatchCategories, ...]] = (SeriesMatchCategories(),)

    type: str = declared(Choice(CHART_TYPES), "column, bar, line or pie.", required=True)
    categories: tuple[str, ...] = declared(
        ListOf(_TEXT, min_items=1, bound=_CATEGORIES),
        f"The category labels (x axis, or pie slices; at most {MAX_CHART_CATEGORIES:,}).", required=True)
    series: tuple[Series, ...] = declared(
        ListOf(obj_of(Series), min_items=1, bound=_SERIES), f"The data series (a pie has one; at most {MAX_CHART_SERIES}).",
        required=True)
    alt: str = declared(_TEXT, "Alternative text for screen readers: what the chart shows (required).", required=True)
    position: Position = Position()


@record(frozen=True)
class LayoutRef:
    """A layout of the template named by a point, and where it was named (for errors)."""

    name: str
    position: Position = Position()


@record(frozen=True)
class Point:
    """One claim of a section; becomes one slide (or more when long)."""

    claim: str = declared(_TEXT, "The claim; the slide title.", required=True)
    evidence: tuple[Bullet, ...] = declared(Evidence(), "Bullets; a nested list right after a bullet is a sub-level (max 3 levels).", default=())
    quote: Quote | None = declared(obj_of(Quote), "An optional quotation.")
    image: Image | None = declared(obj_of(Image), "An optional picture.")
    notes: str = declared(_NOTES, "Speaker notes.", default="")
    minutes: float | None = declared(Number(), "Planned minutes for this point.")
    tags: tuple[str, ...] = declared(_TAGS, "Tags for audience filtering.", default=())
    layout: LayoutRef | None = declared(LayoutName(), "A layout of the template for this point's slide: its name "
                                        "(in any language) or its type (title-only, two-content, section, blank ...).")
    compare: Compare | None = declared(obj_of(Compare), "Two columns side by side, each a title and items.")
    table: Table | None = declared(obj_of(Table), "A table: header, rows and an optional caption.")
    chart: Chart | None = declared(obj_of(Chart), "A native chart: type, categories, series and alt text.")
    optional: bool = declared(_OPTIONAL, "Cut if late: a hidden slide, left out of the `shorter` runs.", default=False)
    position: Position = Position()


@record(frozen=True)
class Section:
    """A part of the article's argument: a divider slide, then one slide per point."""

    title: str = declared(_TEXT, "Section title, on the divider slide and the agenda.", required=True)
    id: str | None = declared(_IDENT, "Unique id, used by questions' `after` and by audiences.")
    summary: str = declared(_NOTES, "One line on the divider slide.", default="")
    points: tuple[Point, ...] = declared(ListOf(obj_of(Point)), "The points; each becomes a slide.", default=())
    notes: str = declared(_NOTES, "Speaker notes for the divider slide.", default="")
    position: Position = Position()

    @property
    def minutes(self) -> float:
        """Planned time of the section: the sum of its points' minutes (0 when none are set)."""
        return sum(p.minutes or 0 for p in self.points)


@record(frozen=True)
class Question:
    """A discussion question; one slide with the prompt prominent."""

    prompt: str = declared(_TEXT, "The question, shown prominently.", required=True)
    kind: str = declared(Choice(QUESTION_KINDS), "What kind of question it is.", default=DEFAULT_KIND)
    follow_ups: tuple[str, ...] = declared(ListOf(_TEXT), "Follow-up questions (bullets and notes).", default=())
    after: str | None = declared(
        _IDENT, "Id of the section this question follows, or `start` to open the session; "
        "default: warm-ups open the session, others go to the discussion block at the end.")
    notes: str = declared(_NOTES, "Facilitator notes.", default="")
    minutes: float | None = declared(Number(), "Planned minutes for the discussion.")
    tags: tuple[str, ...] = declared(_TAGS, "Tags for audience filtering.", default=())
    format: str = declared(Choice(QUESTION_FORMATS), "How the room works on it.", default=DEFAULT_FORMAT)
    options: tuple[str, ...] = declared(ListOf(Text(any_scalar=True)), "The choices of a vote (required for format: vote), shown as A, B, C ...", default=())
    id: str | None = declared(_IDENT, "Unique id of the question.")
    serves: tuple[str, ...] = declared(
        ListOf(_IDENT, unique=True), "Ids of the `objectives` this question works towards.", default=())
    expect: tuple[str, ...] = declared(_TEXTS, "What good answers contain (in the guide only).", default=())
    misconceptions: tuple[str, ...] = declared(
        _TEXTS, "Wrong ideas participants are likely to bring, to listen for (in the guide only).", default=())
    optional: bool = declared(_OPTIONAL, "Cut if late: a hidden slide, left out of the `shorter` runs.", default=False)
    position: Position = Position()

    RULES: ClassVar[tuple[Requires, ...]] = (Requires("format", "vote", "options"),)

    @property
    def opens_session(self) -> bool:
        """True for a question placed at the opening: ``after: start``, or a warm-up without ``after``."""
        return self.after == OPENING or (self.after is None and self.kind == "warm-up")


@record(frozen=True)
class Source:
    """A cited work: the article under discussion or an extra reference."""

    title: str = declared(_TEXT, "Title of the work.", required=True)
    author: str | None = declared(_TEXT, "Author(s) or publisher.")
    url: str | None = declared(_URL, "Where to find it.")
    published: str | None = declared(Date(), "Publication date as written: 2024-02-20, 2024-06 or 2024.")
    position: Position = Position()
    note: str | None = declared(_TEXT, "A short note after the citation, e.g. 'context, not cited in the article'.")


@record(frozen=True)
class Objective:
    """What participants can do after the session; questions name it in ``serves``."""

    id: str = declared(_IDENT, "Unique id, named by questions' `serves`.", required=True)
    text: str = declared(_TEXT, "What participants can do afterwards, e.g. 'Tell a capability gap from a data gap'.",
                         required=True)
    position: Position = Position()


@record(frozen=True)
class BoardColumn:
    """One column of the board plan: its heading and what goes under it, in order."""

    title: str = declared(_TEXT, "The column's heading on the board.", required=True)
    items: tuple[str, ...] = declared(_TEXTS, "What to write under it, in order.", default=())


@record(frozen=True)
class Audience:
    """A named variant of the outline."""

    name: str
    """The key under ``audiences``; part of the deck's file name."""
    exclude_tags: tuple[str, ...] = declared(_TAGS, "Drop points and questions having any of these tags.", default=())
    include_tags: tuple[str, ...] | None = declared(_TAGS, "If non-empty, keep only untagged items and items with one of these tags.")
    overrides: Mapping[str, Any] = declared(
        Overrides(), "Overrides of top-level fields, deep-merged (mappings merge, the rest replaces).",
        yaml="set", default_factory=dict)
    questions: tuple[Question, ...] = declared(ListOf(obj_of(Question)), "Questions appended for this audience.", default=())
    template: str | None = declared(_TEXT, "Template for this audience (bundled name or .pptx/.potx path).")
    language: str | None = declared(_LANGUAGE, "BCP-47 language tag for this audience.")
    position: Position = Position()


@record(frozen=True)
class Outline:
    """A deckgen discussion-guide outline."""

    RULES: ClassVar[tuple[UniqueIds | RefersTo, ...]] = (
        UniqueIds("sections", "section id", reserved=OPENING, reserved_meaning=f"after: {OPENING} opens the session"),
        RefersTo("questions", "after", "sections", "section id", "no section has an id (add 'id: {value}' to one)",
                 also=OPENING),
        UniqueIds("objectives", "objective id"),
        UniqueIds("questions", "question id"),
        RefersTo("questions", "serves", "objectives", "objective id",
                 "the outline has no objectives (add objectives: [{{id: {value}, text: ...}}])"),
    )

    path: Path
    """The outline file this was loaded from (absolute)."""
    _: KW_ONLY
    version: int = declared(Version(), "Outline format version.", yaml="deckgen", default=FORMAT_VERSION)
    title: str = declared(_TEXT, "Title of the deck.", required=True)
    subtitle: str | None = declared(_TEXT, "Subtitle on the title slide.")
    presenter: str | None = declared(_TEXT, "Presenter's name on the title slide.")
    date: str | None = declared(Date(), "Date of the session, e.g. 2026-03-14 (kept as written).")
    template: str | None = declared(_TEXT, "Bundled template name or path to a .pptx/.potx (the CLI's --template wins).")
    language: str = declared(_LANGUAGE, "BCP-47 language tag of the text (en, zh-CN, ja ...).", default="en")
    duration: float | None = declared(Number(), "Planned running time in minutes.")
    footer: str | None = declared(_TEXT, "Footer text on every slide that shows a footer, e.g. a course code and week (default: the template's).")
    start: str | None = declared(Clock(), "Clock time the session starts, HH:MM (24-hour): agenda, notes and guide show clock times.")
    opening: float = declared(_SPARE_MINUTES, "Minutes for the title, thesis and agenda; counted in the plan.",
                              default=DEFAULT_OPENING)
    closing: float = declared(_SPARE_MINUTES, "Minutes for the takeaways, exit ticket and goodbye; counted in the plan.",
                              default=DEFAULT_CLOSING)
    buffer: float = declared(_SPARE_MINUTES, "Minutes held in reserve; counted in the plan.", default=0.0)
    shorter: tuple[float, ...] = declared(
        ListOf(Number(), unique=True), "Shorter running times in minutes: each a custom show of the deck that leaves out every optional item.",
        default=())
    countdown: bool = declared(Flag(), "Question slides with minutes count them down on their own.", default=True)
    source: Source | None = declared(obj_of(Source), "The article being discussed.")
    thesis: str | None = declared(_TEXT, "The article's thesis, on its own slide after the title.")
    synopsis: str | None = declared(_TEXT, "A summary of the article and the session for the facilitator (the guide's front page).")
    objectives: tuple[Objective, ...] = declared(
        ListOf(obj_of(Objective)), "What participants can do afterwards, each with an id questions' `serves` names.",
        default=())
    preparation: tuple[str, ...] = declared(ListOf(_TEXT), "What participants do before the session (handout and guide).", default=())
    vars: Mapping[str, str] = declared(
        MapOf(Scalar(), VAR_PATTERN, "letters, digits and '_' (like org)"),
        "Values for ${name} substitution in every string.", default_factory=dict)
    sections: tuple[Section, ...] = declared(ListOf(obj_of(Section), min_items=1), "The sections of the argument (at least one).", required=True)
    questions: tuple[Question, ...] = declared(ListOf(obj_of(Question)), "Discussion questions.", default=())
    takeaways: tuple[str, ...] = declared(ListOf(_TEXT), "Closing slide bullets.", default=())
    exit_ticket: tuple[str, ...] = declared(
        _TEXTS, "Prompts participants answer before they leave (a closing slide and a strip of the handout).", default=())
    board: tuple[BoardColumn, ...] = declared(
        ListOf(obj_of(BoardColumn)), "The board plan: what goes on the board, column by column (in the guide).", default=())
    glossary: Mapping[str, str] = declared(
        MapOf(_TEXT, GLOSSARY_TERM, "a term that is not blank (like NLP)"), "Terms and what they mean (in the handout).",
        default_factory=dict)
    epilogue: str | None = declared(_TEXT, "What happened after the article, for the facilitator (the end of the guide).")
    references: tuple[Source, ...] = declared(ListOf(obj_of(Source)), "Extra sources for the references slide.", default=())
    audiences: Mapping[str, Audience] = declared(
        MapOf(obj_of(Audience), ID_PATTERN, "letters, digits, '-' and '_' (like undergrad)", key_attr="name"),
        "Named variants of this outline.", default_factory=dict)
    audience: str | None = None
    """The variant this outline was built for (None for the base outline)."""
    positions: Mapping[str, Position] = field(default_factory=dict)
    """Where each top-level key (``duration``, ``template`` ...) is written, for late messages."""
    template_position: Position = Position()
    """Where the ``template`` value in effect was written (an audience's own, its ``set``, or
    the top-level key), so a template that cannot be used is reported at that line."""

    def position_of(self, key: str) -> Position:
        """Position of top-level ``key`` in the outline file (0:0 when absent)."""
        return self.positions.get(key, Position())

    @property
    def stem(self) -> str:
        """Output file stem: the outline's stem, plus ``-<audience>`` for a variant."""
        return deck_stem(self.path, self.audience)
