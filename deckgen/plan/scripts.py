"""How a language's script takes type: letter-spacing, italics, and its question mark.

Arabic, Persian and Urdu letters join: spacing them out (``spc``, as templates do for small
capitals kickers and labels) breaks the joins. Hebrew and the CJK scripts have no italics, and
Arabic fonts have none either, so a renderer slants the letters itself (a faux italic). Text in
these languages is set upright and unspaced; emphasis there is weight. Arabic-script languages
ask questions with their own mark, ``؟``.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from deckgen.plan.bidi import primary
from deckgen.plan.metrics import UPRIGHT_SUFFIX
from deckgen.plan.profile import Box, TemplateProfile, TextStyle

UPRIGHT = ("ar", "fa", "ur", "he", "zh", "ja", "ko")
"""Primary language subtags whose script joins its letters or has no italics."""

_QUESTION_MARKS: dict[str, str] = {"ar": "\u061f", "fa": "\u061f", "ur": "\u061f"}
"""The question mark of languages that do not use "?" (Arabic, Persian and Urdu: "؟")."""

QUESTION_MARK = "?"


@functools.lru_cache(maxsize=256)  # pure, asked for every run; decks use a handful of tags
def is_upright(tag: str) -> bool:
    """True when text in language ``tag`` is set without letter-spacing and without italics."""
    return primary(tag) in UPRIGHT


def question_mark(tag: str) -> str:
    """The question mark of language ``tag`` (``'ar'`` -> ``'؟'``), "?" for most."""
    return _QUESTION_MARKS.get(primary(tag), QUESTION_MARK)


def upright_profile(profile: TemplateProfile, tag: str) -> TemplateProfile:
    """``profile`` as fitting measures text in language ``tag``: for an upright script, the
    template's letter-spacing and italics dropped and emphasis measured bold, as the deck's
    runs set them."""
    if not is_upright(tag):
        return profile
    return replace(profile.with_boxes(_upright_box), heading_font=upright_family(profile.heading_font),
                   body_font=upright_family(profile.body_font))


def upright_family(family: str | None) -> str:
    """The name fitting measures ``family`` by when its italics are set bold."""
    return f"{family or 'unknown'}{UPRIGHT_SUFFIX}"


def _upright_box(box: Box) -> Box:
    if not any(style.italic or style.letter_spacing_pt or _named(style.font) for style in box.levels):
        return box
    return replace(box, levels=tuple(_upright_style(style) for style in box.levels))


def _named(font: str | None) -> bool:
    """True for a typeface a box names itself (not the theme's heading or body font)."""
    return font not in (None, "major", "minor")


def _upright_style(style: TextStyle) -> TextStyle:
    font = upright_family(style.font) if _named(style.font) else style.font
    return replace(style, italic=False, letter_spacing_pt=0.0, font=font)

