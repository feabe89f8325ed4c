"""Inline Markdown in slide strings: ``*em*``, ``**strong**``, `` `code` `` and ``[text](url)``.

Parsed with markdown-it-py restricted to its inline rules (no blocks, no HTML, no entities,
no bare-URL linking), so ``R&D``, ``snake_case`` and ``2 * 3`` stay as written. The result is
plain data: the visible text and the spans of it that are formatted, which the plan layer
measures and the renderer writes as runs. A literal star is written ``\\*``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from typing import TYPE_CHECKING, Any

from deckgen.records import record

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

LINK_SCHEMES = ("http", "https", "mailto")
"""The only link targets a deck may carry: web pages and e-mail addresses."""
_MARKUP = frozenset("*_`[]\\<")
"""Characters without which a string has no inline Markdown (the fast path); the marks :func:`count_marks` counts."""
MARKS_SHOWN = "* _ ` [ ] < \\"
"""The marks as messages and documentation list them."""
MAX_MARKS = 1000
"""Most marks one text may have: each costs parsing and measuring, and a slide text has a few."""
MAX_OUTLINE_MARKS = 20_000
"""Most marks all texts of an outline may have together (a long outline has a few thousand)."""
MAX_LINKS = 100
"""Most links one text may have (each becomes a hyperlink of its slide)."""


@record(frozen=True)
class Span:
    """A formatted stretch ``[start, end)`` of the visible text."""

    start: int
    end: int
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None
    """The target of a clickable link."""


@record(frozen=True)
class Inline:
    """A string as a slide shows it: the visible text and its formatted spans, in order."""

    text: str
    spans: tuple[Span, ...] = ()

    def sliced(self, start: int, end: int) -> Inline:
        """The part ``[start, end)`` of the text with its spans cut to fit."""
        spans = tuple(
            replace(span, start=max(span.start, start) - start, end=min(span.end, end) - start)
            for span in self.spans if span.start < end and span.end > start
        )
        return Inline(self.text[start:end], spans)

    def markdown(self) -> str:
        """Markdown that parses back to this text and these spans."""
        out: list[str] = []
        position = 0
        for span in self.spans:
            out.append(escape(self.text[position:span.start]))
            out.append(_wrapped(self.text[span.start:span.end], span))
            position = span.end
        out.append(escape(self.text[position:]))
        return "".join(out)


_ESCAPED = str.maketrans({char: f"\\{char}" for char in _MARKUP})


def escape(text: str) -> str:
    """``text`` with every Markdown marker escaped, so it reads back literally."""
    return text.translate(_ESCAPED)


def _wrapped(text: str, span: Span) -> str:
    if span.code:
        fence = "``" if "`" in text else "`"
        inner = f" {text} " if fence == "``" else text
        body = f"{fence}{inner}{fence}"
    else:
        body = escape(text)
    if span.italic:
        body = f"*{body}*"
    if span.bold:
        body = f"**{body}**"
    if span.link:
        body = f"[{body}](<{span.link}>)"
    return body


def _any_link(url: str) -> bool:
    """Parse every link target, so that a disallowed one can be reported rather than shown raw."""
    return True


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only when a string has markup: start-up stays cheap

    from deckgen.outline.joins import flush_pending, join_fragments, join_text

    parser = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "autolink", "escape"])
    parser.validateLink = _any_link  # type: ignore[method-assign]  # link_problems judges targets
    parser.inline.ruler.before("text", "flush_pending", flush_pending)  # the same tokens, in linear time
    parser.inline.ruler2.at("fragments_join", join_fragments)  # and memory
    parser.core.ruler.at("text_join", join_text)
    return parser


@dataclass(eq=False, repr=False)  # working state of one parse, never compared or shown
class _State:
    """The text and spans gathered so far while walking one paragraph's tokens."""

    text: list[str]
    spans: list[Span]
    bold: int = 0
    italic: int = 0
    links: list[str] | None = None
    length: int = 0
    """Characters of ``text`` so far (where the next piece starts)."""

    def add(self, content: str, code: bool = False) -> None:
        start = self.length
        self.text.append(content)
        self.length += len(content)
        link = self.links[-1] if self.links else None
        if content and (self.bold or self.italic or code or link):
            self.spans.append(Span(start, start + len(content), self.bold > 0, self.italic > 0, code, link))


def _walk(tokens: list[Any], state: _State) -> None:
    """Collect the text and formats of markdown-it's inline tokens into ``state``."""
    for token in tokens:
        kind = token.type
        if kind == "text":
            state.add(token.content)
        elif kind in ("softbreak", "hardbreak"):
            state.add(" ")
        elif kind == "code_inline":
            state.add(token.content, code=True)
        elif kind in ("strong_open", "strong_close"):
            state.bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            state.italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            state.links = [*(state.links or []), str(token.attrs.get("href", ""))]
        elif kind == "link_close" and state.links:
            state.links = state.links[:-1]


@functools.lru_cache(maxsize=8192)
def parse_inline(source: str) -> Inline:
    """The visible text and formatted spans of ``source`` (remembered: fitting asks often)."""
    if not _MARKUP.intersection(source):
        return Inline(source)
    strong = _wholly_strong(source)
    if strong is not None:
        return strong
    state = _State([], [])
    for block in _parser().parseInline(source):
        _walk(block.children or [], state)
    return Inline("".join(state.text), _merged(state.spans))


def _wholly_strong(source: str) -> Inline | None:
    """``**text**`` with no other marker in it, as markdown-it reads it, without loading
    markdown-it: deckgen writes table headers and column headings so, and a deck with no
    other Markdown then needs no parser (about 40 ms of start-up)."""
    inner = source[2:-2]
    if (len(source) < 5 or not source.startswith("**") or not source.endswith("**") or _MARKUP.intersection(inner)
            or inner[0].isspace() or inner[-1].isspace() or not inner.isprintable()):
        return None
    return Inline(inner, (Span(0, len(inner), bold=True),))


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent spans of the same format joined (markdown-it splits text at markers)."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last is not None and last.end == span.start and replace(last, start=0, end=0) == replace(span, start=0, end=0):
            merged[-1] = replace(last, end=span.end)
        else:
            merged.append(span)
    return tuple(merged)


def plain(source: str) -> str:
    """What ``source`` reads as without its formatting (for notes, file names, lints)."""
    return parse_inline(source).text


def inline_tokens(source: str) -> list[Token]:
    """markdown-it's inline tokens of ``source``, read by the rules slide text is read by
    (for writers that keep its formatting as Markdown: the facilitator guide)."""
    return [child for block in _parser().parseInline(source) for child in block.children or []]


def allowed_link(url: str) -> bool:
    """Whether ``url`` may be a link's target: a web page or an e-mail address."""
    return urlsplit(url).scheme.lower() in LINK_SCHEMES


def count_marks(source: str) -> int:
    """How many Markdown marks (:data:`MARKS_SHOWN`) ``source`` has, counted without parsing it."""
    return sum(source.count(mark) for mark in _MARKUP)


def markup_problems(source: str, marks: int | None = None) -> list[str]:
    """What keeps ``source``'s inline Markdown off a slide: too many marks (counted before it
    is parsed: ``marks`` when the caller has counted them), too many links, or links whose
    target is not a web page or an e-mail address."""
    marks = count_marks(source) if marks is None else marks
    if marks > MAX_MARKS:
        written = source.count("](")
        if written > MAX_LINKS:
            return [_too_many_links(written)]
        return [f"has {marks:,} Markdown marks ({MARKS_SHOWN}); a text may have at most {MAX_MARKS:,}; "
                "split it into several texts"]
    if "](" not in source and "<" not in source:  # neither a link nor an autolink
        return []
    links = _link_count(parse_inline(source).spans)
    if links > MAX_LINKS:
        return [_too_many_links(links)]
    return link_problems(source)


def _too_many_links(count: int) -> str:
    return (f"has {count:,} links; a text may have at most {MAX_LINKS:,}; split it into several texts, "
            "or list the sources under references")


def _link_count(spans: tuple[Span, ...]) -> int:
    """Links among ``spans``: a link's text may be split into spans of several formats."""
    count, previous = 0, None
    for span in spans:
        if span.link is not None and not (previous is not None and previous.link == span.link and previous.end == span.start):
            count += 1
        previous = span
    return count


def link_problems(source: str) -> list[str]:
    """Messages for links whose target is not a web page or an e-mail address."""
    problems = []
    for span in parse_inline(source).spans:
        if span.link is not None and not allowed_link(span.link):
            problems.append(
                f"link target '{span.link}' is not allowed; links must start with https://, http:// or mailto:"
            )
    return list(dict.fromkeys(problems))
