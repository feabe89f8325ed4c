"""``${name}`` substitution in outline strings, with ``$${`` for a literal ``${``.

Values are inserted literally (a value containing ``${x}`` is not expanded again),
so substitution always terminates and never depends on the order of ``vars``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from deckgen.errors import did_you_mean

_TOKEN = re.compile(r"(?P<escape>\$\$\{)|\$\{(?P<name>[^{}]*)\}|(?P<open>\$\{)")


def substitute(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace every ``${name}`` in ``text``; return the result and messages for bad uses."""
    problems: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group("escape"):
            return "${"
        if match.group("open"):
            problems.append("unclosed '${'; write '$${' for a literal '${'")
            return match.group(0)
        name = match.group("name").strip()
        if name in values:
            return values[name]
        problems.append(_undefined(name, values))
        return match.group(0)

    return _TOKEN.sub(replace, text), problems


def _undefined(name: str, values: Mapping[str, str]) -> str:
    hint = did_you_mean(name, values) if name else ""
    where = "define it under vars" if values else "this outline has no vars; add a vars mapping"
    return f"undefined variable '${{{name}}}'{hint}; {where}, or write '$${{' for a literal '${{'"
