"""The outline format as data: one declarative description of every field.

Both the validator (:mod:`deckgen.outline.validate`) and the JSON Schema
(:mod:`deckgen.outline.schema`) are derived from :data:`OUTLINE`, so they cannot drift
apart (the idea of mkdocs' ``config_options``). A field lists its YAML name, its
type, whether it is required and a one-line description used in the schema and
in ``deckgen new``. Types are small frozen dataclasses; the validator turns a
:class:`Obj` with a ``model`` straight into the matching :mod:`deckgen.outline.model` class.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from deckgen.outline import model

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
"""Section ids and audience names: they end up in file names and cross references."""
VAR_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
"""``vars`` names, used as ``${name}``."""
BCP47_PATTERN = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-x(-[A-Za-z0-9]{1,8})+)?$"
)
"""A practical subset of BCP-47: language[-Script][-REGION][-variant...][-x-private]."""
URL_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"
"""Anything with a scheme (``https:``, ``doi:``, ``mailto:``) and no spaces."""


@dataclass(frozen=True)
class Text:
    """A string; ``${var}`` substitution applies. Blank only when ``blank_ok``."""

    blank_ok: bool = False
    pattern: str | None = None
    """A regular expression the (substituted) text must match."""
    pattern_hint: str = ""
    """What the pattern means, for messages (``a BCP-47 language tag like en or zh-CN``)."""


@dataclass(frozen=True)
class Date:
    """A date as written: ``2024-02-20`` (stored as ISO text), ``2024-06``, ``2024`` or free text."""


@dataclass(frozen=True)
class Number:
    """A positive, finite number of minutes (int or float); stored as float."""


@dataclass(frozen=True)
class Version:
    """The ``deckgen:`` format version: an integer this deckgen understands."""

    supported: tuple[int, ...] = (model.FORMAT_VERSION,)


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of strings."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Scalar:
    """Any scalar (string, number, boolean), used as text: the values of ``vars``."""


@dataclass(frozen=True)
class ImagePath:
    """A path relative to the outline's folder, to a readable image inside that folder."""


@dataclass(frozen=True)
class Evidence:
    """Bullets: strings, where a nested list (after a bullet) is one level deeper."""

    levels: int = model.MAX_EVIDENCE_LEVELS


@dataclass(frozen=True)
class ListOf:
    """A list of items of one type; stored as a tuple."""

    item: FieldType
    min_items: int = 0


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys (matching ``key_pattern``) and values of one type."""

    value: FieldType
    key_pattern: str
    key_hint: str
    key_attr: str | None = None
    """When set, each built value gets its key as this keyword (``Audience(name=...)``)."""


@dataclass(frozen=True)
class Overrides:
    """An audience's ``set``: any top-level fields of :data:`OUTLINE` except ``forbidden``."""

    forbidden: tuple[str, ...] = ("deckgen", "audiences")


@dataclass(frozen=True)
class Field:
    """One key of a mapping in the outline."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    default: object = None
    """Documented default (schema only); the model's own default is what applies."""
    attr: str | None = None
    """Name of the model attribute when it differs; ``""`` for "not stored in the model"."""

    @property
    def target(self) -> str:
        """The model keyword this field is stored under."""
        return self.name if self.attr is None else self.attr


@dataclass(frozen=True)
class Obj:
    """A mapping with a fixed set of keys; unknown keys are errors."""

    title: str
    fields: tuple[Field, ...]
    description: str
    model: type | None = None

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or None."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        """The allowed keys, in documentation order."""
        return tuple(f.name for f in self.fields)


FieldType = Union[Text, Date, Number, Version, Choice, Scalar, ImagePath, Evidence, ListOf, MapOf, Overrides, Obj]

TEXT = Text()
NOTES = Text(blank_ok=True)
TAGS = ListOf(Text())
IDENT = Text(pattern=ID_PATTERN, pattern_hint="a valid id (letters, digits, '-' and '_', like gap or part-2)")
LANGUAGE = Text(pattern=BCP47_PATTERN, pattern_hint="a BCP-47 language tag like en, de-CH or zh-CN")

SOURCE = Obj(
    "Source",
    (
        Field("title", TEXT, "Title of the work.", required=True),
        Field("author", TEXT, "Author(s) or publisher."),
        Field("url", Text(pattern=URL_PATTERN, pattern_hint="a web address like https://example.org/article"), "Where to find it."),
        Field("published", Date(), "Publication date as written: 2024-02-20, 2024-06 or 2024."),
    ),
    "A cited work: the article under discussion or an extra reference.",
    model.Source,
)

QUOTE = Obj(
    "Quote",
    (
        Field("text", TEXT, "The quotation.", required=True),
        Field("by", TEXT, "Who said it (shown as attribution)."),
    ),
    "A quotation shown on the point's slide.",
    model.Quote,
)

IMAGE = Obj(
    "Image",
    (
        Field("path", ImagePath(), "Image file, relative to the outline's folder (PNG, JPEG, GIF, BMP, TIFF).", required=True),
        Field("alt", TEXT, "Alternative text for screen readers (required).", required=True),
    ),
    "A picture on the point's slide.",
    model.Image,
)

POINT = Obj(
    "Point",
    (
        Field("claim", TEXT, "The claim; the slide title.", required=True),
        Field("evidence", Evidence(), "Bullets; a nested list right after a bullet is a sub-level (max 3 levels)."),
        Field("quote", QUOTE, "An optional quotation."),
        Field("image", IMAGE, "An optional picture."),
        Field("notes", NOTES, "Speaker notes."),
        Field("minutes", Number(), "Planned minutes for this point."),
        Field("tags", TAGS, "Tags for audience filtering."),
    ),
    "One claim of a section; becomes one slide (or more when long).",
    model.Point,
)

SECTION = Obj(
    "Section",
    (
        Field("id", IDENT, "Unique id, used by questions' `after` and by audiences."),
        Field("title", TEXT, "Section title, on the divider slide and the agenda.", required=True),
        Field("summary", NOTES, "One line on the divider slide."),
        Field("points", ListOf(POINT), "The points; each becomes a slide."),
        Field("notes", NOTES, "Speaker notes for the divider slide."),
    ),
    "A part of the article's argument.",
    model.Section,
)

QUESTION = Obj(
    "Question",
    (
        Field("prompt", TEXT, "The question, shown prominently.", required=True),
        Field("kind", Choice(model.QUESTION_KINDS), "What kind of question it is.", default=model.DEFAULT_KIND),
        Field("follow_ups", ListOf(TEXT), "Follow-up questions (bullets and notes)."),
        Field("after", IDENT, "Id of the section this question follows; default: the discussion block at the end."),
        Field("notes", NOTES, "Facilitator notes."),
        Field("minutes", Number(), "Planned minutes for the discussion."),
        Field("tags", TAGS, "Tags for audience filtering."),
    ),
    "A discussion question; one slide.",
    model.Question,
)

AUDIENCE = Obj(
    "Audience",
    (
        Field("exclude_tags", TAGS, "Drop points and questions having any of these tags."),
        Field("include_tags", TAGS, "If non-empty, keep only untagged items and items with one of these tags."),
        Field("set", Overrides(), "Overrides of top-level fields, deep-merged (mappings merge, the rest replaces).", attr="overrides"),
        Field("questions", ListOf(QUESTION), "Questions appended for this audience."),
        Field("template", TEXT, "Template for this audience (bundled name or .pptx/.potx path)."),
        Field("language", LANGUAGE, "BCP-47 language tag for this audience."),
    ),
    "A named variant of the outline.",
    model.Audience,
)

OUTLINE = Obj(
    "Outline",
    (
        Field("deckgen", Version(), "Outline format version.", default=model.FORMAT_VERSION, attr="version"),
        Field("title", TEXT, "Title of the deck.", required=True),
        Field("subtitle", TEXT, "Subtitle on the title slide."),
        Field("presenter", TEXT, "Presenter's name on the title slide."),
        Field("date", Date(), "Date of the session, e.g. 2026-03-14."),
        Field("template", TEXT, "Bundled template name or path to a .pptx/.potx (the CLI's --template wins)."),
        Field("language", LANGUAGE, "BCP-47 language tag of the text (en, zh-CN, ja ...).", default="en"),
        Field("duration", Number(), "Planned running time in minutes."),
        Field("source", SOURCE, "The article being discussed."),
        Field("thesis", TEXT, "The article's thesis, on its own slide after the title."),
        Field("vars", MapOf(Scalar(), VAR_PATTERN, "letters, digits and '_' (like org)"), "Values for ${name} substitution in every string.", attr=""),
        Field("sections", ListOf(SECTION, min_items=1), "The sections of the argument (at least one).", required=True),
        Field("questions", ListOf(QUESTION), "Discussion questions."),
        Field("takeaways", ListOf(TEXT), "Closing slide bullets."),
        Field("references", ListOf(SOURCE), "Extra sources for the references slide."),
        Field("audiences", MapOf(AUDIENCE, ID_PATTERN, "letters, digits, '-' and '_' (like undergrad)", key_attr="name"), "Named variants of this outline."),
    ),
    "A deckgen discussion-guide outline.",
    model.Outline,
)
"""The whole outline format."""
