"""Languages of deck text: BCP-47 tags and the East Asian fonts that suit each script."""

from __future__ import annotations

import functools

_EAST_ASIAN_FONTS: dict[str, tuple[str, str]] = {
    "zh-hans": ("Microsoft YaHei", "Noto Sans CJK SC"),
    "zh-hant": ("Microsoft JhengHei", "Noto Sans CJK TC"),
    "zh-hk": ("Microsoft JhengHei", "Noto Sans CJK HK"),
    "ja": ("Yu Gothic", "Noto Sans CJK JP"),
    "ko": ("Malgun Gothic", "Noto Sans CJK KR"),
}
"""Per script (and Hong Kong's forms), a font with the language's forms of Han characters:
one every PowerPoint has, and a free one (Noto Sans CJK, which LibreOffice installs carry).

Simplified Chinese, traditional Chinese, Japanese and Korean draw many shared characters
differently (直, 骨, 今). Office shows the forms of the font it is given; LibreOffice
substitutes a missing font by the text's language and shapes Noto Sans CJK with the forms
of each run's language, so every run carries its language tag too. Decks name the
PowerPoint font, whose CJK line height fitting assumes; Word documents, which reflow and
which the kit prints with LibreOffice, name the free one."""

_TRADITIONAL_REGIONS = ("tw", "hk", "mo", "hant")
_HONG_KONG_REGIONS = ("hk", "mo")


@functools.lru_cache(maxsize=256)  # pure, asked for every run of text; decks use a handful of tags
def script(tag: str) -> str | None:
    """``'zh-CN'`` -> ``'zh-hans'``, ``'zh-TW'`` -> ``'zh-hant'``, ``'ja'`` -> ``'ja'``."""
    parts = tag.lower().replace("_", "-").split("-")
    if parts[0] == "zh":
        return "zh-hant" if any(p in _TRADITIONAL_REGIONS for p in parts[1:]) else "zh-hans"
    return parts[0] if parts[0] in ("ja", "ko") else None


def _forms(tag: str) -> str | None:
    """The forms of Han characters language ``tag`` uses: its script, or Hong Kong's."""
    found = script(tag)
    regions = tag.lower().replace("_", "-").split("-")[1:]
    if found == "zh-hant" and any(r in _HONG_KONG_REGIONS for r in regions) and "tw" not in regions:
        return "zh-hk"
    return found


def east_asian_font(tag: str) -> str | None:
    """The East Asian font decks set text of language ``tag`` in; None for languages that need none."""
    found = _forms(tag)
    return _EAST_ASIAN_FONTS[found][0] if found else None


def free_east_asian_font(tag: str) -> str | None:
    """The free East Asian font (Noto Sans CJK SC, TC, HK, JP or KR) with language ``tag``'s
    forms, which Word documents name; None for languages that need none."""
    found = _forms(tag)
    return _EAST_ASIAN_FONTS[found][1] if found else None
