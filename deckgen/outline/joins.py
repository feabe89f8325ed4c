"""How markdown-it gathers plain text, in time and memory linear in the text.

markdown-it-py 3 grows plain text one piece at a time: characters no rule takes are added
to the text pending since the last token (``pending += char``), and after parsing its
text-joining rules merge neighbouring text tokens pairwise (``a + b``, then ``ab + c``
...), keeping every intermediate string alive until the paragraph is done. A string of
many unmatched ``*`` (each its own token) then took memory quadratic in its length
(100,000 of them, over 3 GB), and a long text with many ``]`` or ``<`` time quadratic in
it. The rules here give the same tokens: pending text is flushed in chunks, and each run
of text tokens is joined once.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token


PENDING_CHUNK = 4096
"""Characters of pending text past which it becomes a text token (joined again afterwards)."""


def flush_pending(state: StateInline, silent: bool) -> bool:
    """An inline rule that matches nothing: it only turns a long pending text into a token,
    so adding a character to the pending text copies at most a chunk."""
    if not silent and len(state.pending) >= PENDING_CHUNK:
        state.pushPending()
    return False


def _is_text(token: Token) -> bool:
    return token.type == "text"


def _joined(tokens: list[Token], keep_last: bool) -> list[Token]:
    """``tokens`` with each run of text tokens made one (the run's last token, or its first)."""
    out: list[Token] = []
    for is_text, group in groupby(tokens, key=_is_text):
        run = list(group)
        if not is_text or len(run) == 1:
            out.extend(run)
            continue
        kept = run[-1] if keep_last else run[0]
        kept.content = "".join(token.content for token in run)
        out.append(kept)
    return out


def join_fragments(state: StateInline) -> None:
    """The ``fragments_join`` rule: token levels recomputed, adjacent text tokens merged."""
    level = 0
    for token in state.tokens:
        if token.nesting < 0:
            level -= 1
        token.level = level
        if token.nesting > 0:
            level += 1
    state.tokens[:] = _joined(state.tokens, keep_last=True)


def join_text(state: StateCore) -> None:
    """The ``text_join`` rule: escaped characters become text, merged with the text around them."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        for child in block.children:
            if child.type == "text_special":
                child.type = "text"
        block.children = _joined(block.children, keep_last=False)
