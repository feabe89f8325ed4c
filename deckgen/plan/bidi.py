"""Right-to-left languages: which tags read right to left, and their complex-script fonts.

Arabic, Hebrew, Persian and Urdu text is set in right-to-left paragraphs (``rtl="1"``,
right aligned, bullets on the right) with a complex-script font (``a:cs``) that has the
script's letters. Fitting measures those letters with the same font's bundled metrics.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from deckgen.plan.profile import TemplateProfile

RIGHT_TO_LEFT = ("ar", "he", "fa", "ur")
"""Primary language subtags written right to left."""

_COMPLEX_SCRIPT_FONTS: dict[str, str] = {
    "ar": "Noto Naskh Arabic",
    "fa": "Noto Naskh Arabic",
    "ur": "Noto Naskh Arabic",
    "he": "Arial",
}
"""Per language, a font with its letters: Noto Naskh Arabic (free, in Debian's fonts-noto-core;
PowerPoint substitutes its own Arabic font where it is missing) and Arial for Hebrew
(on every PowerPoint; LibreOffice renders it as Liberation Sans, which has Hebrew)."""

COMPLEX_SEPARATOR = " + "
"""Joins a Latin family and its complex-script font in a measured family name
(``Calibri + Noto Naskh Arabic``): see :func:`deckgen.plan.metrics.metrics_for`."""


@functools.lru_cache(maxsize=256)  # pure, asked for every run and paragraph; decks use a handful of tags
def primary(tag: str) -> str:
    """``'ar-EG'`` -> ``'ar'``."""
    return tag.lower().replace("_", "-").split("-")[0]


def is_right_to_left(tag: str) -> bool:
    """True for languages written right to left (Arabic, Hebrew, Persian, Urdu)."""
    return primary(tag) in RIGHT_TO_LEFT


def complex_script_font(tag: str) -> str | None:
    """The complex-script font for text in language ``tag``; None for languages that need none."""
    return _COMPLEX_SCRIPT_FONTS.get(primary(tag))


def measured_family(family: str | None, tag: str) -> str | None:
    """The family fitting measures text of language ``tag`` with: ``family`` joined with the
    language's complex-script font, whose letters it measures (``family`` alone otherwise)."""
    complex_font = complex_script_font(tag)
    if complex_font is None:
        return family
    return f"{family or 'unknown'}{COMPLEX_SEPARATOR}{complex_font}"


def measured_profile(profile: TemplateProfile, tag: str) -> TemplateProfile:
    """``profile`` with its theme fonts measured together with language ``tag``'s
    complex-script font (unchanged for languages that need none)."""
    if complex_script_font(tag) is None:
        return profile
    return replace(profile, heading_font=measured_family(profile.heading_font, tag),
                   body_font=measured_family(profile.body_font, tag))
