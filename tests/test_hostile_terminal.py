"""Hostile input, round three: what reaches the terminal, CI shards and empty audiences.

- names deckgen prints: output files in ``wrote``/``built`` lines, layout and placeholder
  names in ``templates inspect``, values click quotes; with newlines, escape sequences,
  zero-width and bidi characters, tag characters, a byte order mark
- standard output on a full device, closed (``>&-``), or a pipe whose reader has gone
- ``--shard auto`` on GitLab without ``parallel:``, with half of a system's variables, with
  two systems that disagree; ``--shard`` with digits that are not ASCII
- an audience whose tags leave nothing but the title, dividers and closing slides

Cases that only need the command's answer are in ``CORPUS``; those that need a redirected
standard output run the command themselves.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.app.shards import parse_slice, shard_from_environment
from deckgen.errors import UsageError, printable
from tests.test_hostile import (
    GOOD,
    TIMEOUT_S,
    Hostile,
    _limit_memory,
    _mutated,
    _notes_template,
    _outline,
    answer_is_clear,
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


TAGGED = GOOD + "        tags: [expert]\nquestions:\n  - {prompt: Why?, tags: [expert]}\n"
"""An outline whose only point and question carry the tag ``expert``."""
NARROWED = TAGGED + "audiences:\n  novices: {exclude_tags: [expert]}\n  others: {include_tags: [other]}\n"
EMPTIED = "warning: in.yaml:11:3: audiences.novices: its tags leave no point and no question"

_NO_CI = {name: "" for name in ("CI_NODE_INDEX", "CI_NODE_TOTAL", "JOB_COMPLETION_INDEX",
                                "AWS_BATCH_JOB_ARRAY_INDEX", "DECKGEN_SHARDS")}
"""The shard variables of every CI system, unset (empty), whatever the machine running the tests has."""


def _ci(**variables: str) -> dict[str, str]:
    return {**_NO_CI, **variables}


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
            "\n  Title\\nerror: forged\\u202ex [title]\n"),
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
    # --- --shard
    Hostile("shard-auto-gitlab-without-parallel", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "auto"), 0,
            "built out/in.pptx", _ci(CI_NODE_TOTAL="1")),
    Hostile("shard-auto-gitlab-index-alone", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "auto"), 2,
            "CI_NODE_INDEX is set but CI_NODE_TOTAL is not", _ci(CI_NODE_INDEX="2")),
    Hostile("shard-auto-gitlab-total-alone", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "auto"), 2,
            "CI_NODE_TOTAL is 3 but CI_NODE_INDEX is not set", _ci(CI_NODE_TOTAL="3")),
    Hostile("shard-auto-gitlab-and-kubernetes-disagree", _outline(GOOD),
            ("build", "in.yaml", "-o", "out", "--shard", "auto"), 2,
            "CI variables disagree: shard 1 of 2 from GitLab's CI_NODE_INDEX and CI_NODE_TOTAL, shard 2 of 2 from "
            "Kubernetes' JOB_COMPLETION_INDEX and DECKGEN_SHARDS",
            _ci(CI_NODE_INDEX="1", CI_NODE_TOTAL="2", JOB_COMPLETION_INDEX="1", DECKGEN_SHARDS="2")),
    Hostile("shard-auto-deckgen-shards-alone", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "auto"), 2,
            "DECKGEN_SHARDS is set but neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is",
            _ci(DECKGEN_SHARDS="4")),
    Hostile("shard-arabic-indic-digit", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "1/\u0662"), 2,
            "'1/\u0662' is not K/N in digits 0-9"),
    Hostile("shard-full-width-digit", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--shard", "\uff11/2"), 2,
            "is not K/N in digits 0-9"),
    # --- audiences that leave nothing
    Hostile("audience-excluding-everything-check", _outline(NARROWED), ("check", "in.yaml"), 0, EMPTIED),
    Hostile("audience-including-nothing-check", _outline(NARROWED), ("check", "in.yaml"), 0,
            "warning: in.yaml:12:3: audiences.others: its tags leave no point and no question"),
    Hostile("audience-excluding-everything-build", _outline(NARROWED),
            ("build", "in.yaml", "-o", "out", "--audience", "novices"), 0, EMPTIED),
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    answer_is_clear(case, tmp_path)


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


# --------------------------------------------------------------------------- standard output


def _run(*args: str, cwd: Path, stdout: int | object, close_stdout: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m deckgen ARGS`` with standard output as given (or closed), stderr captured."""

    def prepare() -> None:
        _limit_memory()
        if close_stdout:
            os.close(1)

    return subprocess.run([sys.executable, "-m", "deckgen", *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE,
                          text=True, timeout=TIMEOUT_S, preexec_fn=prepare, env={**os.environ, "CI": "true"})


@pytest.mark.parametrize("args", [("guide", "in.yaml", "-o", "-"), ("schema",), ("help", "format"), ("templates", "list")],
                         ids=["guide", "schema", "help-format", "templates-list"])
def test_standard_output_on_a_full_device_is_one_error_line(args: tuple[str, ...], tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    with open("/dev/full", "w") as full:
        result = _run(*args, cwd=tmp_path, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "error: cannot write to standard output (No space left on device)\n"


def test_a_guide_to_a_closed_standard_output_fails_instead_of_vanishing(tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    result = _run("guide", "in.yaml", "-o", "-", cwd=tmp_path, stdout=subprocess.DEVNULL, close_stdout=True)
    assert result.returncode == 1
    assert result.stderr == ("error: cannot write to standard output (it is closed); "
                             "redirect it to a file or to /dev/null\n")


def test_a_build_with_standard_output_closed_writes_its_decks_and_says_what_was_lost(tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    result = _run("build", "in.yaml", "-o", "out", cwd=tmp_path, stdout=subprocess.DEVNULL, close_stdout=True)
    assert (tmp_path / "out" / "in.pptx").is_file()
    assert result.returncode == 1
    assert result.stderr.endswith("error: cannot write to standard output (it is closed); "
                                  "redirect it to a file or to /dev/null\n")
    quiet = _run("build", "-q", "in.yaml", "-o", "out2", cwd=tmp_path, stdout=subprocess.DEVNULL, close_stdout=True)
    assert (quiet.returncode, quiet.stderr) == (0, "")  # nothing was written, nothing was lost


def test_a_closed_pipe_ends_quietly_like_sigpipe(tmp_path: Path) -> None:
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone before deckgen writes (as after `| head -1`)
    try:
        result = _run("help", "format", cwd=tmp_path, stdout=writing)
    finally:
        os.close(writing)
    assert (result.returncode, result.stderr) == (141, "")


def test_standard_output_still_carries_the_guide(tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    result = _run("guide", "in.yaml", "-o", "-", cwd=tmp_path, stdout=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# T\n")


# --------------------------------------------------------------------------- shards


@pytest.mark.parametrize("environ, expected", [
    ({"CI_NODE_TOTAL": "1"}, (1, 1)),
    ({"CI_NODE_TOTAL": "1", "CI_NODE_INDEX": "1"}, (1, 1)),
    ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "4", "JOB_COMPLETION_INDEX": "1", "DECKGEN_SHARDS": "4"}, (2, 4)),
    ({"JOB_COMPLETION_INDEX": "2", "AWS_BATCH_JOB_ARRAY_INDEX": "2", "DECKGEN_SHARDS": "3"}, (3, 3)),
], ids=["gitlab-without-parallel", "gitlab-one-node", "gitlab-and-kubernetes-agree", "kubernetes-and-aws-agree"])
def test_shard_auto_accepts_systems_that_agree(environ: dict[str, str], expected: tuple[int, int]) -> None:
    assert shard_from_environment(environ) == expected


@pytest.mark.parametrize("environ, message", [
    ({"CI_NODE_INDEX": "1"}, "CI_NODE_INDEX is set but CI_NODE_TOTAL is not"),
    ({"CI_NODE_TOTAL": "2"}, "CI_NODE_TOTAL is 2 but CI_NODE_INDEX is not set"),
    ({"CI_NODE_TOTAL": "1", "JOB_COMPLETION_INDEX": "1", "DECKGEN_SHARDS": "4"},
     "shard 1 of 1 from GitLab's CI_NODE_TOTAL, shard 2 of 4 from Kubernetes' JOB_COMPLETION_INDEX and DECKGEN_SHARDS"),
    ({"JOB_COMPLETION_INDEX": "0", "AWS_BATCH_JOB_ARRAY_INDEX": "1", "DECKGEN_SHARDS": "2"},
     "from Kubernetes' JOB_COMPLETION_INDEX and DECKGEN_SHARDS, shard 2 of 2 from AWS Batch's"),
    ({"DECKGEN_SHARDS": "2"}, "neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is"),
    ({"CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "\u0662"}, "CI_NODE_TOTAL='\u0662' is not a whole number"),
], ids=["index-alone", "total-alone", "gitlab-one-node-but-kubernetes-four", "kubernetes-and-aws-disagree",
        "total-alone-kubernetes", "arabic-indic-total"])
def test_shard_auto_names_what_is_missing_or_contradicts(environ: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        shard_from_environment(environ)


@pytest.mark.parametrize("text", ["1/\u0662", "\uff11/2", "1_0/20", "+1/2", "1/2/3", "1 / 2", ""])
def test_a_shard_is_written_in_ascii_digits(text: str) -> None:
    with pytest.raises(UsageError, match="is not K/N in digits 0-9"):
        parse_slice(text)


def test_a_shard_may_have_spaces_around_it() -> None:
    assert parse_slice(" 2/3 ") == (2, 3)
