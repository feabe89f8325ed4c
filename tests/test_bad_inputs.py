"""Bad input never hurts: a corpus of broken and hostile inputs through `check` and `build`.

Every case must answer with exit 1, one ``error: file:line:col: message`` line naming the
fixture, no traceback, nothing written: a deck built earlier stays byte-for-byte intact and
no temporary file is left behind. Fixtures live in ``tests/fixtures/bad/`` (binary ones are
made by ``make_binary_fixtures.py``); a few are shared with the loader's own corpus.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from deckgen.cli.main import main
from deckgen.errors import DeckgenError, OutlineError
from deckgen.outline.loader import load_outline, load_outline_text
from tests.conftest import FIXTURES, OUTLINES

BAD = FIXTURES / "bad"
LOADER_BAD = FIXTURES / "outlines" / "bad"
PREVIOUS = b"previous deck"


@dataclass(frozen=True)
class Case:
    """One bad input: the fixture, where the error points, and a fragment of its message."""

    fixture: str
    where: str
    """``line:col`` the error must name."""
    message: str
    build_args: tuple[str, ...] = ()
    deck: str | None = None
    """The deck file ``build`` would write (default ``<stem>.pptx``), pre-filled with old bytes."""
    commands: tuple[str, ...] = ("check", "build")


CORPUS = [
    # --- YAML syntax and reading
    Case("tabs.yaml", "3:1", "indent with spaces, not tabs"),
    Case("unclosed-quote.yaml", "4:1", "a quote is not closed"),
    Case("bad-indent.yaml", "4:4", "check the indentation of this line"),
    Case("key-indented-deeper.yaml", "6:10", "'kind:' is indented deeper than 'prompt:' on line 5, so YAML reads it as "
         "more text of that value; indent it like 'prompt:' (column 5) if it is a key of its own"),
    Case("two-documents.yaml", "4:1", "remove the extra '---'"),
    Case("top-level-list.yaml", "1:1", "must be a mapping with title and sections, not a list"),
    Case("python-tag.yaml", "1:8", "the tag !!python/object/apply:os.system is not allowed in an outline"),
    Case("python-name-tag.yaml", "2:9", "the tag !!python/name:os.system is not allowed"),
    Case("custom-tag.yaml", "1:8", "the tag !include is not allowed"),
    Case("duplicate-key.yaml", "4:1", "duplicate key 'title' (first at line 1)"),
    Case("alias-bomb.yaml", "2:8", "this looks like an alias bomb"),
    Case("deep-nesting.yaml", "6:64", "nesting deeper than 50 levels"),
    Case("utf16.yaml", "1:1", "the file is UTF-16; save it as UTF-8"),
    Case("binary.yaml", "2:1", "this is a binary file, not a YAML outline"),
    Case("latin1.yaml", "1:11", "not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
    # --- schema
    Case("unknown-key.yaml", "2:1", "subtitel: unknown key (did you mean 'subtitle'?)"),
    Case("unknown-point-key.yaml", "6:9", "evidance: unknown key (did you mean 'evidence'?)"),
    Case("title-number.yaml", "1:8", "title: expected text, got a number (42); quote it"),
    Case("sections-string.yaml", "2:11", "sections: expected a list, got text"),
    Case("missing-title.yaml", "1:1", "missing required key 'title'"),
    Case("missing-sections.yaml", "1:1", "missing required key 'sections'"),
    Case("negative-minutes.yaml", "6:18", "minutes: must be greater than 0, got -2"),
    Case("text-minutes.yaml", "6:18", "minutes: expected a number of minutes, got text"),
    Case("empty-title.yaml", "1:8", "title: must not be empty"),
    Case("blank-claim.yaml", "5:16", "claim: must not be empty"),
    Case("blank-footer.yaml", "2:9", "footer: must not be empty"),
    Case("footer-list.yaml", "2:9", "footer: expected text, got a list"),
    Case("evidence-too-deep.yaml", "10:17", "bullets nest at most 3 levels deep"),
    Case("duplicate-id.yaml", "5:9", "duplicate section id 'gap' (first at line 3)"),
    Case("bad-after.yaml", "7:12", "'gapp' is not a section id (did you mean 'gap'?)"),
    Case("undefined-var.yaml", "1:8", "undefined variable '${orgg}' (did you mean 'org'?)"),
    Case("unsupported-version.yaml", "1:10", "unsupported format version 2; this deckgen reads version 1"),
    Case("bad-kind.yaml", "6:11", "'analyse' is not one of warm-up, analysis, application, reflection (did you mean 'analysis'?)"),
    Case("bad-start.yaml", "2:8", "start: '25:00' is not a clock time; write HH:MM on a 24-hour clock"),
    Case("vote-no-options.yaml", "6:13", "format: format 'vote' needs 'options'; add options:"),
    Case("options-without-vote.yaml", "6:14", "options: 'options' is used only with format: vote"),
    Case("bad-format.yaml", "6:13", "'pair' is not one of whole-room, pairs, small-groups, vote, write (did you mean 'pairs'?)"),
    Case("bad-date.yaml", "2:7", "date: '2026-13-45' is not a valid date"),
    Case("bad-language.yaml", "2:11", "is not a BCP-47 language tag"),
    Case("follow-ups-string.yaml", "6:17", "expected a list (write [\"And then?\"] for a single item)"),
    Case("audience-unknown-key.yaml", "6:5", "exclude_tag: unknown key (did you mean 'exclude_tags'?)"),
    Case("audience-bad-kind.yaml", "8:15", "'warmup' is not one of warm-up"),
    Case("audience-unknown.yaml", "4:1", "audience: 'undergrd' is not one of policy, undergrad (did you mean 'undergrad'?)",
         build_args=("--audience", "undergrd"), deck="audience-unknown-undergrd.pptx", commands=("build",)),
    # --- the session: objectives, timing, teaching-note fields
    Case("objective-no-id.yaml", "3:5", "objectives[0]: missing required key 'id'"),
    Case("objective-duplicate-id.yaml", "4:10", "objectives[1].id: duplicate objective id 'diagnose' (first at line 3)"),
    Case("serves-unknown.yaml", "9:21",
         "questions[0].serves[1]: 'diagnos' is not an objective id (did you mean 'diagnose'?); ids: diagnose, weigh"),
    Case("serves-no-objectives.yaml", "6:14", "'diagnose' is not an objective id; the outline has no objectives "
         "(add objectives: [{id: diagnose, text: ...}])"),
    Case("serves-string.yaml", "8:13", "serves: expected a list (write [\"diagnose\"] for a single item), got text"),
    Case("question-duplicate-id.yaml", "6:10", "questions[1].id: duplicate question id 'why' (first at line 5)"),
    Case("optional-quoted.yaml", "6:19", "optional: expected true or false, got text ('yes'); remove the quotes"),
    Case("optional-number.yaml", "6:15", "questions[0].optional: expected true or false, got a number (1)"),
    Case("countdown-text.yaml", "2:12", "countdown: expected true or false, got text (sometimes)"),
    Case("buffer-negative.yaml", "2:9", "buffer: must be 0 or more, got -5"),
    Case("opening-text.yaml", "2:10", "opening: expected a number of minutes, got text"),
    Case("shorter-twice.yaml", "3:19", "shorter[2]: '45' is given twice (first at line 3); give each once"),
    Case("shorter-number.yaml", "3:10", "shorter: expected a list (write [45] for a single item), got a number (45)"),
    Case("glossary-list.yaml", "2:11", "glossary: expected a mapping, got a list"),
    Case("glossary-blank.yaml", "4:8", "glossary.T2V: must not be empty"),
    Case("board-unknown-key.yaml", "4:5", "board[0].itmes: unknown key (did you mean 'items'?); allowed keys: title, items"),
    Case("exit-ticket-string.yaml", "2:14", "exit_ticket: expected a list (write [\"One thing you will remember\"]"),
    Case("expect-mapping.yaml", "7:7", "questions[0].expect: expected a list, got a mapping"),
    Case("audience-set-buffer.yaml", "6:19", "audiences.short.set.buffer: must be 0 or more, got -1 (in audience 'short')"),
    Case("audience-serves-unknown.yaml", "8:58", "audiences.novice.questions[0].serves[0]: 'diagnoze' is not an objective id "
         "(did you mean 'diagnose'?)"),
    # --- rich content: links, tables, charts, layouts
    Case("link-file.yaml", "6:20", "link target 'file:///etc/passwd' is not allowed; links must start with https://"),
    Case("table-ragged.yaml", "10:15", "rows[1]: this row has 2 cell(s) but the header has 3; give every row 3 cells"),
    Case("table-empty.yaml", "8:17", "table.rows: needs at least 1 item(s)"),
    Case("table-number-cell.yaml", "9:24", "rows[0][1]: expected text, got a number (42); quote it"),
    Case("chart-short-series.yaml", "10:37", "series 'Demos' has 2 value(s) but there are 3 categories"),
    Case("chart-text-value.yaml", "10:41", "values[1]: expected a number, got text"),
    Case("chart-no-alt.yaml", "7:11", "chart: missing required key 'alt'"),
    Case("chart-pie-two-series.yaml", "11:15", "chart.series[1]: a pie chart shows one series; remove the others"),
    Case("chart-pie-negative.yaml", "10:38", "a pie chart cannot show negative values; use a column or bar chart"),
    Case("layout-unknown.yaml", "6:17", "template 'seminar' has no layout 'Title Onyl' (did you mean 'Title Only'?)"),
    # --- images
    Case("image-absolute.yaml", "6:23", "'/etc/hostname' is absolute; write the path relative to the outline's folder"),
    Case("image-escape.yaml", "6:23", "'../outside.png' leaves the outline's folder"),
    Case("image-symlink.yaml", "6:23", "resolves outside the outline's folder (through a symlink)"),
    Case("image-missing.yaml", "6:23", "no such file 'images/bomb.pgn' (did you mean 'bomb.png'?)"),
    Case("image-not-image.yaml", "6:23", "is not an image (PNG, JPEG"),
    Case("image-bomb.yaml", "6:23", "has too many pixels (a decompression bomb?)"),
    Case("image-no-alt.yaml", "6:16", "image: missing required key 'alt'"),
    # --- templates named by the outline: the error points at its template: line
    Case("template-unknown.yaml", "2:11", "template: unknown template 'seminr' is not one of classic, seminar (did you mean 'seminar'?)"),
    Case("template-missing.yaml", "2:11", "template: file 'templates/nowhere.pptx' does not exist"),
    Case("template-folder.yaml", "2:11", "template: 'templates' is a folder"),
    Case("template-not-zip.yaml", "2:11", "template: 'templates/not-a-zip.pptx' is not a .pptx/.potx file (not a zip package)"),
    Case("template-word.yaml", "2:11", "'templates/word-renamed.pptx' is a Word document, not a PowerPoint template"),
    Case("template-excel.yaml", "2:11", "is an Excel workbook, not a PowerPoint template"),
    Case("template-docx-name.yaml", "2:11", "'handout.docx' is a Word document, not a presentation"),
    Case("template-plain-zip.yaml", "2:11", "is a zip file but not an Office document"),
    Case("template-macros.yaml", "2:11", "is a macro-enabled presentation (.pptm)"),
    Case("template-old-binary.yaml", "2:11", "is an old binary PowerPoint file (.ppt)"),
    Case("template-zip-bomb.yaml", "2:11", "that packs 20 MB into"),
    Case("template-declared-huge.yaml", "2:11", "declares 4,096 MB of content (more than 100 MB); refusing it as a possible zip bomb"),
    Case("template-xxe.yaml", "2:11", "with a DOCTYPE, which Office files never contain"),
    Case("template-in-audience.yaml", "6:15", "'templates/not-a-zip.pptx' is not a .pptx/.potx file",
         build_args=("--audience", "print"), deck="template-in-audience-print.pptx"),
    # --- shared with the loader's corpus
    Case("../outlines/bad/merge-key.yaml", "4:5", "merge keys (<<) are not supported; write the keys out"),
    Case("../outlines/bad/audience-set-forbidden.yaml", "6:11", "'audiences' cannot be set by an audience"),
    Case("../outlines/bad/source-string.yaml", "2:9", "source: expected a mapping with title, got text"),
    Case("../outlines/bad/tags-number.yaml", "6:16", "tags[0]: expected text, got a number (2024)"),
    Case("../outlines/bad/zero-duration.yaml", "2:11", "duration: must be greater than 0, got 0"),
]
"""The corpus: 99 bad inputs."""
CHECK_CORPUS = [case for case in CORPUS if "check" in case.commands]


def _case_id(case: Case) -> str:
    return Path(case.fixture).stem


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the corpus folder (with the loader's bad outlines), an image outside it, a symlink to it."""
    root = tmp_path / "in"
    shutil.copytree(BAD, root / "bad")
    shutil.copytree(LOADER_BAD, root / "outlines" / "bad")
    PILImage.new("RGB", (4, 4), "red").save(root / "bad" / "outside.png")
    outside = tmp_path / "outside.png"
    PILImage.new("RGB", (4, 4), "red").save(outside)
    (root / "bad" / "images" / "link.png").symlink_to(outside)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return root / "bad"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``folder`` (folder itself included) with its size and mtime."""
    entries = [folder, *folder.rglob("*")]
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in entries}


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error: ")]


def assert_reported(result: Result, path: Path, case: Case) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    prefix = f"error: {path}:{case.where}: "
    matching = [line for line in error_lines(result) if line.startswith(prefix) and case.message in line]
    assert matching, f"no line starting {prefix!r} containing {case.message!r} in:\n{result.output}"


@pytest.mark.parametrize("case", CHECK_CORPUS, ids=_case_id)
def test_check_reports_the_bad_input_and_writes_nothing(case: Case, workspace: Path, runner: CliRunner) -> None:
    path = workspace / case.fixture
    before = snapshot(workspace.parent)
    result = runner.invoke(main, ["check", str(path)])
    assert_reported(result, path, case)
    assert snapshot(workspace.parent) == before
    assert list(Path.cwd().iterdir()) == []


@pytest.mark.parametrize("case", CORPUS, ids=_case_id)
def test_build_reports_the_bad_input_and_keeps_the_old_deck(case: Case, workspace: Path, runner: CliRunner, tmp_path: Path) -> None:
    path = workspace / case.fixture
    out = tmp_path / "out"
    out.mkdir()
    deck = out / (case.deck or f"{path.stem}.pptx")
    deck.write_bytes(PREVIOUS)
    before = snapshot(workspace.parent)
    result = runner.invoke(main, ["build", str(path), "-o", str(out), "-j", "1", *case.build_args])
    assert_reported(result, path, case)
    assert deck.read_bytes() == PREVIOUS
    assert sorted(p.name for p in out.iterdir()) == [deck.name], "a temporary or partial file was left behind"
    assert snapshot(workspace.parent) == before
    assert list(Path.cwd().iterdir()) == []


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CORPUS) >= 40
    missing = [c.fixture for c in CORPUS if not (BAD / c.fixture).exists()]
    assert missing == []


def test_check_of_a_folder_reports_every_bad_file_and_touches_nothing(workspace: Path, runner: CliRunner) -> None:
    before = snapshot(workspace.parent)
    result = runner.invoke(main, ["check", str(workspace)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    reported = {line.split(":", 2)[1].strip() for line in error_lines(result)}
    expected = {str(workspace / c.fixture) for c in CHECK_CORPUS if not c.fixture.startswith("..")}
    assert expected <= reported
    outlines = len(list(workspace.rglob("*.yaml")))
    assert f"1 of {outlines} outlines OK" in result.output  # audience-unknown.yaml is fine without --audience
    assert snapshot(workspace.parent) == before


def test_a_batch_goes_on_past_bad_outlines(workspace: Path, runner: CliRunner, tmp_path: Path) -> None:
    good = workspace / "good.yaml"
    good.write_text("title: T\nsections:\n  - title: S\n", encoding="utf-8")
    out = tmp_path / "out"
    files = [workspace / "bad-kind.yaml", good, workspace / "template-zip-bomb.yaml"]
    result = runner.invoke(main, ["build", *map(str, files), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert len(error_lines(result)) == 2
    assert sorted(p.name for p in out.glob("*.pptx")) == ["good.pptx"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --- limits ---------------------------------------------------------------------------


def test_alias_bomb_is_rejected() -> None:
    with pytest.raises(OutlineError, match="alias bomb"):
        load_outline(BAD / "alias-bomb.yaml")


def test_deep_nesting_is_rejected_without_recursion_error() -> None:
    text = "title: T\nsections: " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(OutlineError, match="nesting deeper than 50 levels"):
        load_outline_text(text, Path("deep.yaml"))


# --- property tests: mutated bundled outlines ------------------------------------------

BUNDLED = sorted(OUTLINES.glob("*.yaml"))
_REPLACEMENTS = st.sampled_from([":", "[", "\t", "{", "-", "&", "*", "!", "'", '"', "#", "%", "@", "`", "|", ">"]) | st.characters()


@st.composite
def mutated_outline(draw: st.DrawFn) -> tuple[Path, str]:
    """A bundled outline with one random edit: drop, duplicate, swap or re-indent a line, or replace a character."""
    path = draw(st.sampled_from(BUNDLED))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = draw(st.integers(0, len(lines) - 1))
    edit = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "replace"]))
    if edit == "delete":
        del lines[index]
    elif edit == "duplicate":
        lines.insert(index, lines[index])
    elif edit == "swap":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    elif edit == "indent":
        lines[index] = " " * draw(st.integers(1, 4)) + lines[index]
    elif edit == "dedent":
        lines[index] = lines[index].lstrip(" ")
    else:
        line = lines[index]
        column = draw(st.integers(0, max(len(line) - 1, 0)))
        lines[index] = line[:column] + draw(_REPLACEMENTS) + line[column + 1:]
    return path, "".join(lines)


@settings(max_examples=150, deadline=None)
@given(mutated_outline())
def test_mutated_outlines_raise_only_deckgen_errors(mutation: tuple[Path, str]) -> None:
    path, text = mutation
    try:
        load_outline_text(text, path)
    except DeckgenError:
        pass


@pytest.fixture(scope="module")
def mutation_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mutations")
    shutil.copytree(OUTLINES / "images", folder / "images")
    return folder


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutation=mutated_outline())
def test_check_of_mutated_outlines_never_shows_a_traceback(mutation: tuple[Path, str], mutation_folder: Path) -> None:
    path, text = mutation
    target = mutation_folder / path.name
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(main, ["check", str(target)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 1:
        assert all(line.startswith(f"error: {target}") for line in error_lines(result)), result.output
