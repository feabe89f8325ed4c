"""Languages of deck text: BCP-47 tags and the East Asian fonts that suit each script."""

from __future__ import annotations

import functools

_EAST_ASIAN_FONTS: dict[str, str] = {
    "zh-hans": "Microsoft YaHei",
    "zh-hant": "Microsoft JhengHei",
    "ja": "Yu Gothic",
    "ko": "Malgun Gothic",
}
"""Per script, a font every PowerPoint has; LibreOffice substitutes Noto Sans CJK for them."""

_TRADITIONAL_REGIONS = ("tw", "hk", "mo", "hant")


@functools.lru_cache(maxsize=256)  # pure, asked for every run of text; decks use a handful of tags
def script(tag: str) -> str | None:
    """``'zh-CN'`` -> ``'zh-hans'``, ``'zh-TW'`` -> ``'zh-hant'``, ``'ja'`` -> ``'ja'``."""
    parts = tag.lower().replace("_", "-").split("-")
    if parts[0] == "zh":
        return "zh-hant" if any(p in _TRADITIONAL_REGIONS for p in parts[1:]) else "zh-hans"
    return parts[0] if parts[0] in ("ja", "ko") else None


def east_asian_font(tag: str) -> str | None:
    """The East Asian font for text in language ``tag``; None for languages that need none."""
    found = script(tag)
    return _EAST_ASIAN_FONTS.get(found) if found else None

