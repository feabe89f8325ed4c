"""Hostile input, round three: what reaches the terminal.

- names deckgen prints: output files in ``wrote``/``built`` lines, layout and placeholder
  names in ``templates inspect``, values click quotes; with newlines, escape sequences,
  zero-width and bidi characters, tag characters, a byte order mark
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.errors import printable
from tests.test_hostile import (
    GOOD,
    Hostile,
    _mutated,
    _notes_template,
    _outline,
    assert_clean,
    deckgen,
)

# --------------------------------------------------------------------------- making inputs

_FORGED_LAYOUT = "Title&#10;error: forged&#x202E;x"
"""A layout name with a newline that forges an ``error:`` line and a right-to-left override."""


def _named_layouts(name: str, data: bytes) -> bytes:
    if name != "ppt/slideLayouts/slideLayout1.xml":
        return data
    data = data.replace(b'<p:cSld name="Title Slide">', f'<p:cSld name="{_FORGED_LAYOUT}">'.encode())
    return data.replace(b'name="Title 1"', 'name="Ti\u200btle&#13;1"'.encode(), 1)


def _template_with_forged_names(folder: Path) -> None:
    _mutated(_notes_template(folder), folder / "t.pptx", _named_layouts)


def _syntax_error_in(name: str) -> Callable[[Path], None]:
    return _outline("title: [\n", name)


CORPUS = [
    # --- names deckgen prints
    Hostile("guide-output-name-with-newline", _outline(GOOD), ("guide", "in.yaml", "-o", "g\nerror: forged.md"), 0,
            "wrote g\\nerror: forged.md"),
    Hostile("new-file-name-with-escape", lambda folder: None, ("new", "n\x1b[31m.yaml"), 0,
            "wrote n\\x1b[31m.yaml; edit it, then run: deckgen build n\\x1b[31m.yaml"),
    Hostile("handout-name-with-bidi-override", _outline(GOOD), ("handout", "in.yaml", "-o", "h\u202excod.docx"), 0,
            "wrote h\\u202excod.docx"),
    Hostile("built-line-of-a-name-with-newline", _outline(GOOD, "a\nb.yaml"), ("build", ".", "-o", "out"), 0,
            "built out/a\\nb.pptx (3 slides)"),
    Hostile("inspect-layout-name-forging-a-line", _template_with_forged_names, ("templates", "inspect", "t.pptx"), 0,
            "\n  Title\\nerror: forged\\u202ex\n"),
    Hostile("inspect-placeholder-name-with-zero-width", _template_with_forged_names, ("templates", "inspect", "t.pptx"), 0,
            "- center_title (idx 0): Ti\\u200btle\\r1\n"),
    Hostile("click-quoting-a-missing-outline", lambda folder: None, ("guide", "no\nsuch\x1b[2J.yaml"), 2,
            "'no\\nsuch\\x1b[2J.yaml' does not exist"),
    Hostile("suffix-message-quoting-a-name", _outline(GOOD), ("guide", "in.yaml", "-o", "g\n.txt"), 2,
            "'g\\n.txt': a guide is written as .md or .docx"),
    # --- invisible characters in messages
    Hostile("key-with-zero-width-space", _outline(GOOD + '"ti\\u200btle": 1\n'), ("check", "in.yaml"), 1,
            "in.yaml:7:1: ti\\u200btle: unknown key"),
    Hostile("value-with-tag-characters", _outline(GOOD + "questions:\n  - {prompt: Why?, kind: \"analysis\\U000E0041\"}\n"),
            ("check", "in.yaml"), 1, "'analysis\\U000e0041' is not one of"),
    Hostile("file-name-with-bom-and-word-joiner", _syntax_error_in("\ufeffa\u2060\u2066.yaml"), ("check", "."), 1,
            "\\ufeffa\\u2060\\u2066.yaml:2:1: YAML syntax error"),
    Hostile("persian-file-name-stays-readable", _syntax_error_in("\u06af\u0632\u0627\u0631\u0634\u200c\u0647\u0627.yaml"),
            ("check", "."), 1, "\u06af\u0632\u0627\u0631\u0634\u200c\u0647\u0627.yaml:2:1: YAML syntax error"),
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    assert result.returncode == case.exit_code, result.stdout + result.stderr
    assert case.message in result.stdout + result.stderr
    assert_clean(result, tmp_path)


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", [
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, with its zero-width non-joiner
    "\u0915\u094d\u200d\u0937",  # Devanagari half form (zero-width joiner)
    "\U0001f469\u200d\U0001f4bb",  # an emoji sequence
    "\u6807\u9898\u3000\u6807\u9898",  # Chinese with an ideographic space
    "a\u00a0b",  # a no-break space
    "\u0600\u0661",  # the Arabic number sign, drawn
], ids=["hebrew", "arabic", "persian-zwnj", "devanagari-zwj", "emoji-zwj", "chinese", "no-break-space", "number-sign"])
def test_text_of_any_script_is_printed_as_written(text: str) -> None:
    assert printable(text) == text


@pytest.mark.parametrize("text, shown", [
    ("ti\u200btle", "ti\\u200btle"),
    ("ti\u200dtle", "ti\\u200dtle"),  # a joiner between Latin letters only hides a difference
    ("\u200cx", "\\u200cx"),
    ("\ufeffa\u2060b\u00ad", "\\ufeffa\\u2060b\\xad"),
    ("\u2066x\u2069\u202e", "\\u2066x\\u2069\\u202e"),
    ("a\u2028b\u2029", "a\\u2028b\\u2029"),
    ("x\U000e0041\U000e007f", "x\\U000e0041\\U000e007f"),
    ("\u0378", "\\u0378"),  # unassigned
    ("a\nb\x1b[2J\x85", "a\\nb\\x1b[2J\\x85"),
], ids=["zero-width-space", "joiner-in-latin", "leading-non-joiner", "bom-word-joiner-soft-hyphen", "bidi",
        "line-separators", "tag-characters", "unassigned", "controls"])
def test_invisible_and_control_characters_are_escaped(text: str, shown: str) -> None:
    assert printable(text) == shown
