"""Write a :class:`~deckgen.app.document.Document` as CommonMark (with a GFM table).

The text is never pasted into Markdown by string concatenation: the document becomes a
markdown-it token stream and mdformat's renderer writes it, escaping what needs escaping
(a lone ``*`` or ``_`` in a title, a ``#`` or ``1.`` at the start of a line, ``|`` in a table
cell, ``<`` before a tag, ``&`` before an entity). Writing space, cut lines and
pictures (handouts) have no Markdown form; the text beside a picture is kept. Outline text is read by the rules its slide is read by
(:func:`deckgen.outline.inline.inline_tokens`), so the guide shows what the slide shows: an
outline's ``*emphasis*`` stays emphasis and its ``\\*`` a literal star, while HTML, ``&amp;``
and ``![image](url)`` stay the literal text they are on the slide. A link is written only to
a web page or an e-mail address, as on the slide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdformat.plugins import PARSER_EXTENSIONS
from mdformat.renderer import MDRenderer, RenderContext, RenderTreeNode
from mdformat.renderer.typing import Postprocess, Render

from deckgen.app.document import (
    Block,
    Bullets,
    Document,
    Heading,
    Notes,
    PageBreak,
    Para,
    Picture,
    Span,
    Table,
    TickBoxes,
    TICK_BOX,
)
from deckgen.outline.inline import allowed_link, inline_tokens, parse_inline


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark with GFM tables, rendering back to Markdown through mdformat."""
    mdit = MarkdownIt("commonmark", renderer_cls=MDRenderer)  # type: ignore[arg-type]  # mdformat's renderer returns Markdown
    mdit.options["mdformat"] = {"number": False}
    tables = PARSER_EXTENSIONS["tables"]
    mdit.options["parser_extension"] = [tables, _Tildes]
    tables.update_mdit(mdit)
    return mdit


def _escape_tildes(text: str, node: RenderTreeNode, context: RenderContext) -> str:
    """``~`` escaped in text: mdformat leaves it, and ``~~~`` opens a code fence, ``~~x~~`` strikes through."""
    return text.replace("~", "\\~")


class _Tildes:
    """An mdformat extension escaping every ``~`` of text (not of code or link targets)."""

    RENDERERS: Mapping[str, Render] = {}
    POSTPROCESSORS: Mapping[str, Postprocess] = {"text": _escape_tildes}


def document_markdown(document: Document) -> str:
    """The whole document as Markdown text (ends with one newline)."""
    tokens: list[Token] = []
    for block in document.blocks:
        tokens.extend(_block(block))
    mdit = _parser()
    return str(mdit.renderer.render(tokens, mdit.options, {}))


def _block(block: Block) -> Iterator[Token]:
    if isinstance(block, Heading):
        yield from _wrapped("heading", f"h{block.level}", "#" * block.level, [_inline(block.spans)])
    elif isinstance(block, Para):
        yield from _paragraph(block.spans)
    elif isinstance(block, Bullets):
        yield from _bullets(block)
    elif isinstance(block, Notes):
        body = [t for line in block.lines if line.strip() for t in _paragraph((Span(line, markdown=True),))]
        yield from _wrapped("blockquote", "blockquote", ">", body)
    elif isinstance(block, Table):
        yield from _table(block)
    elif isinstance(block, TickBoxes):
        yield from (t for option in block.options for t in _paragraph((Span(f"{TICK_BOX} {option}", markdown=True),)))
    elif isinstance(block, Picture):  # Markdown cannot size a picture: the text beside it only
        yield from (t for para in block.beside for t in _paragraph(para.spans))
    elif isinstance(block, PageBreak):
        yield _token("hr", "hr", 0, "---")


def _token(kind: str, tag: str, nesting: Literal[-1, 0, 1], markup: str = "") -> Token:
    token = Token(kind, tag, nesting)
    token.markup = markup
    token.block = True
    return token


def _wrapped(kind: str, tag: str, markup: str, inner: Sequence[Token]) -> Iterator[Token]:
    yield _token(f"{kind}_open", tag, 1, markup)
    yield from inner
    yield _token(f"{kind}_close", tag, -1, markup)


def _paragraph(spans: Sequence[Span], hidden: bool = False) -> Iterator[Token]:
    opening, closing = _token("paragraph_open", "p", 1), _token("paragraph_close", "p", -1)
    opening.hidden = closing.hidden = hidden
    yield from (opening, _inline(spans), closing)


def _bullets(block: Bullets) -> Iterator[Token]:
    """Nested bullet lists: each deeper level opens a list inside the previous item."""
    depth = -1
    for level, spans in block.items:
        level = min(level, depth + 1)
        if level > depth:
            yield _token("bullet_list_open", "ul", 1, "-")
        else:
            yield _token("list_item_close", "li", -1, "-")
            for _ in range(depth - level):
                yield from (_token("bullet_list_close", "ul", -1, "-"), _token("list_item_close", "li", -1, "-"))
        depth = level
        yield _token("list_item_open", "li", 1, "-")
        yield from _paragraph(spans, hidden=True)
    if depth >= 0:
        yield _token("list_item_close", "li", -1, "-")
        for _ in range(depth):
            yield from (_token("bullet_list_close", "ul", -1, "-"), _token("list_item_close", "li", -1, "-"))
        yield _token("bullet_list_close", "ul", -1, "-")


def _table(block: Table) -> Iterator[Token]:
    yield _token("table_open", "table", 1)
    yield from _wrapped("thead", "thead", "", list(_row(block.header, "th")))
    body = [t for index, row in enumerate(block.rows)
            for t in _row(row, "td", {column for (r, column) in block.strong_cells if r == index})]
    yield from _wrapped("tbody", "tbody", "", body)
    yield _token("table_close", "table", -1)


def _row(cells: Sequence[str], tag: str, strong: set[int] | None = None) -> Iterator[Token]:
    yield _token("tr_open", "tr", 1)
    for column, cell in enumerate(cells):
        spans = (Span(cell, "strong" if strong and column in strong and cell else "plain", markdown=True),)
        yield from _wrapped(tag, tag, "", [_inline(spans)])
    yield _token("tr_close", "tr", -1)


def _inline(spans: Sequence[Span]) -> Token:
    """One inline token; neighbouring spans of one style share one ``**...**`` or ``_..._``."""
    token = Token("inline", "", 0)
    token.children = []
    for style, group in groupby(spans, key=lambda span: span.style):
        children = [child for span in group for child in _span_children(span)]
        token.children.extend(_styled(style, children))
    token.content = "".join(span.text for span in spans)
    return token


def _span_children(span: Span) -> list[Token]:
    children = _parse_inline(span.text) if span.markdown else [_text(span.text)]
    if span.href is None or not allowed_link(span.href):
        return children
    opening = Token("link_open", "a", 1, attrs={"href": span.href})
    return [opening, *children, Token("link_close", "a", -1)]


def _styled(style: str, children: list[Token]) -> list[Token]:
    if style == "plain":
        return children
    kind, markup = ("strong", "**") if style == "strong" else ("em", "_")
    return [Token(f"{kind}_open", kind, 1, markup=markup), *children, Token(f"{kind}_close", kind, -1, markup=markup)]


def _text(text: str) -> Token:
    return Token("text", "", 0, content=text)


def _parse_inline(text: str) -> list[Token]:
    """Outline text as inline tokens, read as its slide reads it; a line break stays a line break."""
    children: list[Token] = []
    for token in _linked_where_allowed(inline_tokens(text.strip())):
        if token.type == "text" and "\n" in token.content:
            for number, line in enumerate(token.content.split("\n")):
                children.extend([Token("hardbreak", "br", 0), _text(line)] if number else [_text(line)])
        else:
            children.append(token)
    return children


def _linked_where_allowed(tokens: list[Token]) -> Iterator[Token]:
    """``tokens`` without the links to anything but a web page or an e-mail address (their text stays)."""
    kept: list[bool] = []
    for token in tokens:
        if token.type == "link_open":
            kept.append(allowed_link(str(token.attrs.get("href", ""))))
            if not kept[-1]:
                continue
        elif token.type == "link_close" and kept and not kept.pop():
            continue
        yield token


@dataclass(frozen=True)
class InlineRun:
    """A run of outline text in one style, for writers that are not Markdown (Word)."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    href: str | None = None


def inline_runs(text: str) -> list[InlineRun]:
    """Outline text's inline Markdown as styled runs: ``*a* b`` -> [a (emphasis), " b"].

    Read by the same parser as slide text (:func:`deckgen.outline.inline.parse_inline`), so
    a handout formats a string exactly as its slide does; a line break stays a line break.
    """
    runs: list[InlineRun] = []
    for number, line in enumerate(text.strip().split("\n")):
        if number:
            runs.append(InlineRun("\n"))
        inline = parse_inline(line)
        position = 0
        for span in inline.spans:
            if span.start > position:
                runs.append(InlineRun(inline.text[position:span.start]))
            link = span.link if span.link is not None and allowed_link(span.link) else None
            runs.append(InlineRun(inline.text[span.start:span.end], span.bold, span.italic, span.code, link))
            position = span.end
        if position < len(inline.text):
            runs.append(InlineRun(inline.text[position:]))
    return runs
