"""Hostile input, round two: what a hostile user or a careless CI job can hand deckgen.

Each case runs the real ``deckgen`` command in its own process, as users do, with a
generous but bounded timeout (a hang fails the test instead of the suite) and an address
space limit of 1.5 GB (an input that makes deckgen allocate more fails with MemoryError,
which would show as an internal error). Whatever the input, deckgen must answer with a
clear message and the documented exit code: never a traceback, never "internal error",
never a raw control character on the terminal, never a temporary file left behind.

The corpus, by class (issue 10 and a fresh round of attacks):

- numbers and lengths: a 400-digit ``minutes``, ``duration: 1e400``, metadata past 255 characters
- templates: a notes master without ``<p:cSld>``, a placeholder idx that is not a number, a
  DOCTYPE in a part not named .xml, a picture linked to a web address, a FIFO as template,
  a slide width of 0, two parts of one name, a path too long, ``~user`` of no such user,
  9,000 placeholders in one layout (python-pptx took hours)
- environment: ``SOURCE_DATE_EPOCH`` of non-ASCII digits
- the manifest: 100,000 nested brackets, a FIFO, a symlink to /dev/zero, a folder, records
  naming /dev/zero
- unbounded reads and work: /dev/zero, a FIFO or a symlink to a device as the outline;
  ``${var}`` and alias amplification; 150,000 plain values; a 1.9 MB bullet; 5,000 sections;
  2,000 audiences
- output: two outlines to one -o file; guide and build over their own inputs; a deck named ``-x.pptx``
- names and text reaching the terminal: an audience key ``"x\\n"``, keys and file names with
  newlines and ESC, file names that are not UTF-8
- process faults: stderr closed; SIGTERM during ``build --jobs 2``
- messages: a FIFO as image; a 60 MB image
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.errors import Problem
from tests.conftest import OUTLINES, SORA

TIMEOUT_S = 120
"""Far above any case's real time (a few seconds): only a hang reaches it."""
MEMORY_LIMIT = 1536 * 1024 * 1024
"""1.5 GB of address space per deckgen process."""
GOOD = "title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        evidence: [a, b]\n"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def deckgen(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
            close_stderr: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m deckgen ARGS`` in ``cwd`` within the time and memory bounds."""

    def prepare() -> None:
        _limit_memory()
        if close_stderr:
            os.close(2)

    inherited = {name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"}
    environment = {**inherited, "CI": "true", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "deckgen", *map(str, args)], cwd=cwd, env=environment, capture_output=True,
        text=True, errors="backslashreplace", timeout=TIMEOUT_S, preexec_fn=prepare,
    )


def assert_clean(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    """No traceback, no internal error, no raw control character, no temporary file."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "internal error" not in output, output
    assert not _CONTROL.search(output), repr(output)
    assert not [p for p in folder.rglob("*.tmp")], "a temporary file was left behind"


# --------------------------------------------------------------------------- making inputs


def _notes_template(folder: Path) -> Path:
    """A small user template with a notes master (python-pptx's default, saved with notes)."""
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.notes_slide.notes_text_frame.text = "notes"
    path = folder / "notes.pptx"
    presentation.save(str(path))
    return path


def _mutated(source: Path, target: Path, edit: Callable[[str, bytes], bytes],
             extra: tuple[tuple[str, bytes], ...] = ()) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, edit(info.filename, original.read(info.filename)))
        with warnings.catch_warnings():  # a second part of the same name is the point of one case
            warnings.simplefilter("ignore", UserWarning)
            for name, data in extra:
                copy.writestr(name, data)
    return target


_NOTES_MASTER = "ppt/notesMasters/notesMaster1.xml"


def _no_shape_tree(name: str, data: bytes) -> bytes:
    return re.sub(rb"<p:cSld>.*</p:cSld>", b"", data, flags=re.S) if name == _NOTES_MASTER else data


def _letter_idx(name: str, data: bytes) -> bytes:
    return re.sub(rb'idx="(\d+)"', rb'idx="x\1"', data) if name == _NOTES_MASTER else data


def _dat_is_xml(name: str, data: bytes) -> bytes:
    if name == "[Content_Types].xml":
        return data.replace(b"<Default ", b'<Default Extension="dat" ContentType="application/xml"/><Default ', 1)
    return data


def _linked_picture(name: str, data: bytes) -> bytes:
    if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
        link = (b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/image" Target="http://127.0.0.1:9/logo.png" TargetMode="External"/>')
        return data.replace(b"</Relationships>", link + b"</Relationships>")
    return data


def _zero_width(name: str, data: bytes) -> bytes:
    return re.sub(rb'<p:sldSz cx="\d+"', b'<p:sldSz cx="0"', data) if name == "ppt/presentation.xml" else data


_PLACEHOLDER = (b'<p:sp><p:nvSpPr><p:cNvPr id="%d" name="s"/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="%d"/></p:nvPr>'
                b'</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p/></p:txBody></p:sp>')


def _crowded_layout(count: int) -> Callable[[str, bytes], bytes]:
    def edit(name: str, data: bytes) -> bytes:
        if name != "ppt/slideLayouts/slideLayout2.xml":
            return data
        shapes = b"".join(_PLACEHOLDER % (1000 + n, 100 + n) for n in range(count))
        return data.replace(b"</p:spTree>", shapes + b"</p:spTree>")
    return edit


_DOCTYPE_PART = (("ppt/custom.dat", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'),)


def _with_template(edit: Callable[[str, bytes], bytes], extra: tuple[tuple[str, bytes], ...] = ()
                   ) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        _mutated(_notes_template(folder), folder / "t.pptx", edit, extra)
        (folder / "in.yaml").write_text("template: t.pptx\n" + GOOD, encoding="utf-8")
    return setup


def _outline(text: str, name: str = "in.yaml") -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")
    return setup


def _fifo(name: str, text: str = GOOD) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(text, encoding="utf-8")
        os.mkfifo(folder / name)
    return setup


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / name).symlink_to(target)
    return setup


@dataclass(frozen=True)
class Hostile:
    """One hostile input: how to make it, the command, the exit code and a fragment of the answer."""

    name: str
    setup: Callable[[Path], None]
    args: tuple[str, ...]
    exit_code: int
    message: str = ""
    env: dict[str, str] = field(default_factory=dict)


def _vars_amplification() -> str:
    value = "a" * 100_000
    return f"vars: {{v: {value}}}\n" + GOOD.replace("[a, b]", "['" + "${v}" * 20_000 + "']")


def _alias_amplification() -> str:
    return "title: &a " + "b" * 20_000 + "\nsections:\n  - title: S\n    points:\n      - claim: C\n" \
           "        evidence: [" + ", ".join(["*a"] * 999) + "]\n"


def _plain_values() -> str:
    return GOOD.replace("[a, b]", "[" + "a, " * 150_000 + "b]")


def _sparse_image(folder: Path) -> None:
    (folder / "in.yaml").write_text(GOOD.replace("evidence: [a, b]", "image: {path: big.png, alt: A}"), encoding="utf-8")
    with (folder / "big.png").open("wb") as image:
        image.truncate(60 * 1024 * 1024)


def _undecodable_names(folder: Path) -> None:
    with open(os.fsencode(folder) + b"/good\xff.yaml", "w", encoding="utf-8") as good:
        good.write(GOOD)
    with open(os.fsencode(folder) + b"/bad\xfe.yaml", "w", encoding="utf-8") as bad:
        bad.write("title: [\n")


def _report_folder(folder: Path) -> None:
    _outline(GOOD)(folder)
    (folder / "r.xml").mkdir()


CORPUS = [
    # --- numbers and lengths
    Hostile("minutes-400-digits", _outline(GOOD + "        minutes: " + "9" * 400 + "\n"), ("check", "in.yaml"), 1,
            "in.yaml:7:18: sections[0].points[0].minutes: must be at most 10,000 minutes"),
    Hostile("duration-1e400", _outline("duration: 1.0e+400\n" + GOOD), ("build", "in.yaml", "-o", "out"), 1,
            "in.yaml:1:11: duration: must be at most 10,000 minutes"),
    Hostile("metadata-past-255-check", _outline(GOOD.replace("title: T", "title: " + "t" * 300) + "presenter: " + "p" * 300 + "\n"),
            ("check", "in.yaml"), 0),
    Hostile("metadata-past-255-build", _outline(GOOD.replace("title: T", "title: " + "t" * 300) + "presenter: " + "p" * 300 + "\n"),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    # --- templates: build, check and inspect reject the same
    Hostile("notes-master-without-cSld", _with_template(_no_shape_tree), ("build", "in.yaml", "-o", "out"), 1,
            "has no shape tree (<p:cSld>)"),
    Hostile("notes-master-without-cSld-check", _with_template(_no_shape_tree), ("check", "in.yaml"), 1, "has no shape tree"),
    Hostile("notes-master-without-cSld-inspect", _with_template(_no_shape_tree), ("templates", "inspect", "t.pptx"), 1,
            "has no shape tree"),
    Hostile("placeholder-idx-letters", _with_template(_letter_idx), ("build", "in.yaml", "-o", "out"), 1,
            "has a placeholder with idx 'x1', not a number"),
    Hostile("placeholder-idx-letters-inspect", _with_template(_letter_idx), ("templates", "inspect", "t.pptx"), 1,
            "not a number"),
    Hostile("doctype-in-a-dat-part", _with_template(_dat_is_xml, _DOCTYPE_PART), ("check", "in.yaml"), 1,
            "has a part 'ppt/custom.dat' with a DOCTYPE"),
    Hostile("doctype-in-a-dat-part-inspect", _with_template(_dat_is_xml, _DOCTYPE_PART), ("templates", "inspect", "t.pptx"), 1,
            "with a DOCTYPE"),
    Hostile("picture-linked-to-the-web", _with_template(_linked_picture), ("build", "in.yaml", "-o", "out"), 1,
            "links its image to external content 'http://127.0.0.1:9/logo.png'"),
    Hostile("picture-linked-to-the-web-inspect", _with_template(_linked_picture), ("templates", "inspect", "t.pptx"), 1,
            "external content"),
    Hostile("slide-width-zero", _with_template(_zero_width), ("build", "in.yaml", "-o", "out"), 1,
            "its slide width '0' is not between 1 and 56 inches"),
    Hostile("two-parts-of-one-name", _with_template(lambda name, data: data, (("ppt/presentation.xml", b"<x/>"),)),
            ("templates", "inspect", "t.pptx"), 1, "it holds two parts named 'ppt/presentation.xml'"),
    Hostile("9000-placeholders-in-a-layout", _with_template(_crowded_layout(9000)), ("check", "in.yaml"), 1,
            "has a master or layout with 9,00"),
    Hostile("template-path-too-long", _outline("template: " + "a" * 5000 + ".pptx\n" + GOOD), ("check", "in.yaml"), 1,
            "cannot be used as a file path (File name too long)"),
    Hostile("template-of-no-such-user", _outline("template: ~nosuchuser/t.pptx\n" + GOOD), ("check", "in.yaml"), 1,
            "template: file '~nosuchuser/t.pptx' does not exist"),
    Hostile("template-is-a-fifo", _fifo("t.pptx", "template: t.pptx\n" + GOOD), ("build", "in.yaml", "-o", "out"), 1,
            "'t.pptx' is not a regular file"),
    # --- environment
    Hostile("epoch-superscript-two", _outline(GOOD), ("build", "in.yaml", "-o", "out"), 1,
            "SOURCE_DATE_EPOCH: '²' is not a whole number", {"SOURCE_DATE_EPOCH": "²"}),
    Hostile("epoch-arabic-digits", _outline(GOOD), ("build", "in.yaml", "-o", "out"), 1,
            "is not a whole number", {"SOURCE_DATE_EPOCH": "١٧٠٠٠٠٠٠٠٠"}),
    Hostile("epoch-thirty-digits", _outline(GOOD), ("build", "in.yaml", "-o", "out"), 1,
            "is not a whole number", {"SOURCE_DATE_EPOCH": "9" * 30}),
    # --- unbounded reads and work
    Hostile("outline-is-dev-zero", lambda folder: None, ("check", "/dev/zero"), 1, "/dev/zero: is a device"),
    Hostile("outline-name-too-long", lambda folder: None, ("check", "a" * 5000 + ".yaml"), 2, "does not exist"),
    Hostile("outline-is-a-fifo", _fifo("pipe.yaml"), ("check", "pipe.yaml"), 1, "pipe.yaml: is a named pipe (FIFO)"),
    Hostile("outline-links-to-dev-zero", _symlink("zero.yaml", "/dev/zero"), ("build", "zero.yaml", "-o", "out"), 1,
            "zero.yaml: is a device"),
    Hostile("vars-amplification", _outline(_vars_amplification()), ("check", "in.yaml"), 1,
            "variables fill in more than 4,000,000 characters"),
    Hostile("alias-amplification", _outline(_alias_amplification()), ("build", "in.yaml", "-o", "out"), 1,
            "more than 4,000,000 characters of text through aliases"),
    Hostile("150000-plain-values", _outline(_plain_values()), ("check", "in.yaml"), 1,
            "more than 100,000 values (list items, keys and texts); split it"),
    Hostile("bullet-of-1.9-MB", _outline(GOOD.replace("[a, b]", "['" + "word " * 380_000 + "']")), ("check", "in.yaml"), 0),
    Hostile("5000-sections", _outline("title: T\nsections:\n" + "  - title: S\n" * 5000), ("build", "in.yaml", "-o", "out"), 1,
            "the deck would have more than 1,000 slides"),
    Hostile("2000-audiences", _outline(GOOD + "audiences:\n" + "".join(f"  a{i}: {{}}\n" for i in range(2000))),
            ("build", "in.yaml", "-o", "out", "--all-audiences"), 1, "2,000 audiences; an outline may have at most 100"),
    # --- names and text reaching the terminal
    Hostile("audience-key-with-newline", _outline(GOOD + 'audiences:\n  "x\\n": {}\n'),
            ("build", "in.yaml", "-o", "out", "--all-audiences"), 1, "'x\\n' is not a valid audience name"),
    Hostile("key-forging-a-line-with-ansi", _outline(GOOD + '"bad\\nerror: forged\\e[31m": 1\n'), ("check", "in.yaml"), 1,
            "in.yaml:7:1: bad\\nerror: forged\\x1b[31m: unknown key"),
    Hostile("file-names-not-utf-8", _undecodable_names, ("build", ".", "-o", "out", "--report", "r.xml"), 1,
            "bad\\udcfe.yaml:2:1: YAML syntax error"),
    Hostile("file-name-with-escape", _outline("title: [\n", "a\nb\x1b[2J.yaml"), ("check", "."), 1,
            "a\\nb\\x1b[2J.yaml:2:1: YAML syntax error"),
    # --- messages
    Hostile("image-is-a-fifo", _fifo("pic.png", GOOD.replace("evidence: [a, b]", "image: {path: pic.png, alt: A}")),
            ("check", "in.yaml"), 1, "'pic.png' is not a regular file (a pipe, socket or device)"),
    Hostile("image-of-60-MB", _sparse_image, ("check", "in.yaml"), 1, "'big.png' is 60 MB; images are limited to 50 MB"),
    # --- CI options given nonsense
    Hostile("report-with-another-suffix", _outline(GOOD), ("build", "in.yaml", "-o", "out", "--report", "r.txt"), 2,
            "should end in .xml (JUnit) or .json"),
    Hostile("report-onto-a-folder", _report_folder,
            ("check", "in.yaml", "--report", "r.xml"), 2, "'r.xml' is a directory"),
    Hostile("shard-auto-index-zero", _outline(GOOD), ("build", "in.yaml", "--shard", "auto"), 2,
            "give shard 0 of 2, which does not exist", {"CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "2"}),
]


def answer_is_clear(case: Hostile, folder: Path) -> None:
    """Run ``case`` in ``folder``: its exit code and message, and nothing unclean (every
    hostile corpus module's test)."""
    case.setup(folder)
    result = deckgen(*case.args, cwd=folder, env=case.env or None)
    assert result.returncode == case.exit_code, result.stdout + result.stderr
    assert case.message in result.stdout + result.stderr
    assert_clean(result, folder)


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    answer_is_clear(case, tmp_path)


def test_the_corpus_covers_every_class_of_the_issue() -> None:
    assert len(CORPUS) >= 30


def test_a_problem_is_one_printable_line_whatever_it_quotes() -> None:
    problem = Problem(Path("a\nb.yaml"), 3, 1, "key 'x\x1b[2J\u202e' unknown", location="y\rz")
    assert str(problem) == "a\\nb.yaml:3:1: y\\rz: key 'x\\x1b[2J\\u202e' unknown"


def test_metadata_past_the_core_property_limit_is_cut_safely(tmp_path: Path) -> None:
    _outline(GOOD.replace("title: T", "title: " + "t" * 300) + "subtitle: " + "s" * 300 + "\n")(tmp_path)
    assert deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path).returncode == 0
    deck = Presentation(str(tmp_path / "out" / "in.pptx"))
    assert len(deck.core_properties.title) == 255 and deck.core_properties.title.endswith("\u2026")
    assert deck.slides[0].shapes.title.text_frame.text == "t" * 300  # the slide keeps it whole


# --------------------------------------------------------------------------- manifests


def _nested(manifest: Path) -> None:
    manifest.unlink()
    manifest.write_text("[" * 100_000, encoding="utf-8")


def _fifo_manifest(manifest: Path) -> None:
    manifest.unlink()
    os.mkfifo(manifest)


def _dev_zero_manifest(manifest: Path) -> None:
    manifest.unlink()
    manifest.symlink_to("/dev/zero")


def _folder_manifest(manifest: Path) -> None:
    manifest.unlink()
    manifest.mkdir()


def _records_naming_dev_zero(manifest: Path) -> None:
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r'"/[^"]*in\.yaml"', '"/dev/zero"', text), encoding="utf-8")


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an outline and its deck built into ``out/`` (with a manifest)."""
    folder = tmp_path_factory.mktemp("built")
    _outline(GOOD)(folder)
    assert deckgen("build", "in.yaml", "-o", "out", cwd=folder).returncode == 0
    return folder


@pytest.mark.parametrize("corrupt, warned", [
    (_nested, "is damaged"), (_fifo_manifest, "is not a regular file"), (_dev_zero_manifest, "is not a regular file"),
    (_folder_manifest, "is not a regular file"), (_records_naming_dev_zero, ""),
], ids=["nested-brackets", "fifo", "symlink-to-dev-zero", "folder", "records-naming-dev-zero"])
def test_a_corrupt_manifest_is_ignored_with_a_warning_and_decks_rebuilt(
        corrupt: Callable[[Path], None], warned: str, built_once: Path, tmp_path: Path) -> None:
    shutil.copytree(built_once, tmp_path, dirs_exist_ok=True)
    manifest = tmp_path / "out" / ".deckgen-manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(str(built_once), str(tmp_path)), encoding="utf-8")
    corrupt(manifest)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "built out/in.pptx" in result.stdout
    assert f"warning: out/.deckgen-manifest.json: {warned}" in result.stderr if warned else "warning" not in result.stderr
    assert_clean(result, tmp_path)


# --------------------------------------------------------------------------- output


def test_another_outline_built_to_the_same_file_is_not_skipped(tmp_path: Path) -> None:
    _outline(GOOD, "a.yaml")(tmp_path)
    _outline(GOOD.replace("title: T", "title: Bee"), "b.yaml")(tmp_path)
    assert deckgen("build", "a.yaml", "-o", "d.pptx", cwd=tmp_path).returncode == 0
    result = deckgen("build", "b.yaml", "-o", "d.pptx", cwd=tmp_path)
    assert "built d.pptx" in result.stdout, result.stdout + result.stderr
    assert Presentation(str(tmp_path / "d.pptx")).slides[0].shapes.title.text_frame.text == "Bee"


def test_only_web_and_mail_addresses_become_clickable(tmp_path: Path) -> None:
    references = ("references:\n  - {title: A, url: 'javascript:alert(1)'}\n  - {title: B, url: 'file://host/share/x'}\n"
                  "  - {title: C, url: 'https://example.org/c'}\n")
    _outline(GOOD + references)(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "in.pptx") as deck:
        rels = b"".join(deck.read(name) for name in deck.namelist() if name.startswith("ppt/slides/_rels/"))
    assert b"https://example.org/c" in rels
    assert b"javascript:" not in rels and b"file://" not in rels


def test_guide_refuses_to_write_over_its_outline(tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    result = deckgen("guide", "in.yaml", "-o", "in.yaml", cwd=tmp_path)
    assert result.returncode == 2  # a guide is .md or .docx: refused before anything is read
    assert "'in.yaml': a guide is written as .md or .docx" in result.stderr
    assert (tmp_path / "in.yaml").read_text(encoding="utf-8") == GOOD
    assert_clean(result, tmp_path)


def test_guide_refuses_to_write_over_an_outline_named_like_a_guide(tmp_path: Path) -> None:
    (tmp_path / "in.md").write_text(GOOD, encoding="utf-8")
    result = deckgen("guide", "in.md", "-o", "in.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "error: in.md: is an input of this build" in result.stderr
    assert (tmp_path / "in.md").read_text(encoding="utf-8") == GOOD


def test_build_refuses_to_write_over_its_template(tmp_path: Path) -> None:
    template = _notes_template(tmp_path)
    before = template.read_bytes()
    _outline(GOOD)(tmp_path)
    result = deckgen("build", "in.yaml", "--template", "notes.pptx", "-o", "notes.pptx", cwd=tmp_path)
    assert result.returncode == 1
    assert "notes.pptx: is an input of this build" in result.stderr
    assert template.read_bytes() == before
    assert_clean(result, tmp_path)


def test_a_deck_named_like_an_option_converts_to_pdf(tmp_path: Path, soffice: str) -> None:
    _outline(GOOD)(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "-x.pptx", "--pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "-x.pdf").is_file()


# --------------------------------------------------------------------------- process faults


def test_a_build_with_stderr_closed_still_writes_its_deck(tmp_path: Path) -> None:
    _outline(GOOD)(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path, close_stderr=True)
    assert result.returncode == 0, result.stdout
    assert Presentation(str(tmp_path / "out" / "in.pptx")).slides[0].shapes.title.text_frame.text == "T"


DECKS_BEFORE_SIGTERM = 240
"""Enough decks that a fast machine is still building when the signal comes."""


def test_sigterm_stops_a_parallel_build_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    shutil.copytree(OUTLINES / "images", tmp_path / "images")
    for number in range(DECKS_BEFORE_SIGTERM):
        shutil.copy(SORA, tmp_path / f"deck{number:03}.yaml")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "deckgen", "build", ".", "-o", "out", "-j", "2"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_limit_memory,
                               env={**os.environ, "CI": "true"})
    deadline = time.monotonic() + TIMEOUT_S
    while not list(out.glob("*.pptx")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _stdout, stderr = process.communicate(timeout=TIMEOUT_S)
    if process.returncode == 0:
        pytest.skip(f"the machine built all {DECKS_BEFORE_SIGTERM} decks before SIGTERM arrived")
    assert process.returncode == 143, stderr
    assert "error: stopped by SIGTERM" in stderr
    assert "Traceback" not in stderr
    decks = sorted(out.glob("*.pptx"))
    assert 0 < len(decks) < DECKS_BEFORE_SIGTERM
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    time.sleep(2)  # no orphaned worker goes on writing
    assert sorted(out.glob("*.pptx")) == decks
