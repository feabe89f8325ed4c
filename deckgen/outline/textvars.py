"""``${name}`` substitution in outline strings, with ``$${`` for a literal ``${``.

Values are inserted literally (a value containing ``${x}`` is not expanded again),
so substitution always terminates and never depends on the order of ``vars``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from deckgen.errors import did_you_mean

_TOKEN = re.compile(r"(?P<escape>\$\$\{)|\$\{(?P<name>[^{}]*)\}|(?P<open>\$\{)")


MAX_EXPANDED_CHARS = 4_000_000
"""Most characters an outline's strings may hold after substitution (about 4 MB): a long
value used thousands of times would otherwise take gigabytes."""


def substitute(text: str, values: Mapping[str, str], limit: int = MAX_EXPANDED_CHARS) -> tuple[str, list[str]]:
    """Replace every ``${name}`` in ``text``; return the result and messages for bad uses.

    Stops inserting values once they add up to more than ``limit`` characters (and says
    so), so no input can make it build a huge string.
    """
    problems: list[str] = []
    inserted = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal inserted
        if match.group("escape"):
            return "${"
        if match.group("open"):
            problems.append("unclosed '${'; write '$${' for a literal '${'")
            return match.group(0)
        name = match.group("name").strip()
        if name not in values:
            problems.append(_undefined(name, values))
            return match.group(0)
        inserted += len(values[name])
        if inserted > limit:
            if TOO_LONG not in problems:
                problems.append(TOO_LONG)
            return ""
        return values[name]

    return _TOKEN.sub(replace, text), problems


TOO_LONG = (
    f"${{...}} variables fill in more than {MAX_EXPANDED_CHARS:,} characters of text in this outline "
    "(the limit for one outline); use shorter values or fewer uses"
)
"""What :func:`substitute` says when values would make an outline's text too long."""


def _undefined(name: str, values: Mapping[str, str]) -> str:
    hint = did_you_mean(name, values) if name else ""
    where = "define it under vars" if values else "this outline has no vars; add a vars mapping"
    return f"undefined variable '${{{name}}}'{hint}; {where}, or write '$${{' for a literal '${{'"
