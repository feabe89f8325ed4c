"""The deckgen command as users run it: output names, exit codes, messages, incremental builds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from deckgen.cli.main import main
from tests.conftest import OUTLINES, SORA
from tests.deck_helpers import (
    READING,
    SPECS,
    THIRD_PARTY_TEMPLATES,
    open_deck,
    title_of,
)

MINIMAL = "title: A tiny guide\nsections:\n  - title: The only section\n"
BAD_KIND = "title: T\nsections:\n  - title: S\nquestions:\n  - prompt: Q\n    kind: analyse\n"
BAD_KIND_MESSAGE = "6:11: questions[0].kind: 'analyse' is not one of warm-up, analysis, application, reflection (did you mean 'analysis'?)"


def invoke(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(main, [str(a) for a in args])


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- build: output names -------------------------------------------------------------


def test_build_writes_out_stem_pptx(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", READING, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "reading-a-policy-paper.pptx").is_file()
    assert f"built {tmp_path / 'out' / 'reading-a-policy-paper.pptx'} (19 slides)" in result.output


def test_build_defaults_to_the_build_folder(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "build", SPECS / "minimal.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "minimal.pptx").is_file()


def test_build_with_o_file_writes_that_exact_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "deep" / "My Deck.pptx"
    result = invoke(runner, "build", READING, "-o", target)
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert sorted(p.name for p in target.parent.iterdir() if p.suffix == ".pptx") == ["My Deck.pptx"]


def test_o_file_with_several_decks_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", SORA, READING, "-o", tmp_path / "one.pptx")
    assert result.exit_code == 2  # a usage error, like any other wrong combination of arguments
    assert f"Error: -o {tmp_path / 'one.pptx'}: several decks cannot share one file; give a folder" in result.output
    assert not (tmp_path / "one.pptx").exists()


def test_all_audiences_gives_stem_dash_audience_files(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", SORA, "--all-audiences", "-o", tmp_path, "-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.pptx")) == [
        "sora-china-ai-policy.pptx", "sora-china-ai-undergrad.pptx", "sora-china-ai.pptx",
    ]
    undergrad = open_deck(tmp_path / "sora-china-ai-undergrad.pptx")
    assert "Think, pair, share: in one sentence, what is this article worried about?" in [title_of(s) for s in undergrad.slides]


def test_one_audience_gives_stem_dash_audience(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", SORA, "--audience", "policy", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.glob("*.pptx")] == ["sora-china-ai-policy.pptx"]


def test_a_folder_builds_every_outline_in_parallel(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "guides"
    shutil.copytree(SPECS, source)
    result = invoke(runner, "build", source, "-o", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 0, result.output
    expected = sorted(f"{p.stem}.pptx" for p in SPECS.glob("*.yaml"))
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pptx")) == expected
    assert f"{len(expected)} built, 0 skipped, 0 failed" in result.output


# --- build: bad inputs -------------------------------------------------------------


def test_a_bad_outline_in_a_folder_does_not_stop_the_others(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "guides"
    source.mkdir()
    (source / "a-good.yaml").write_text(MINIMAL, encoding="utf-8")
    (source / "b-bad.yaml").write_text(BAD_KIND, encoding="utf-8")
    (source / "c-good.yml").write_text(MINIMAL, encoding="utf-8")
    result = invoke(runner, "build", source, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pptx")) == ["a-good.pptx", "c-good.pptx"]
    assert f"error: {source / 'b-bad.yaml'}:{BAD_KIND_MESSAGE}" in result.output.splitlines()
    assert "2 built, 0 skipped, 1 failed" in result.output
    _no_traceback(result)


def test_every_problem_of_an_outline_is_reported_at_once(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: T\nsectons: []\nquestions:\n  - prompt: Q\n    kind: analyse\n")
    result = invoke(runner, "check", path)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {path}:1:1: missing required key 'sections'",
        (f"error: {path}:2:1: sectons: unknown key (did you mean 'sections'?); allowed keys: deckgen, title, subtitle, "
         "presenter, date, template, language, duration, footer, start, opening, closing, buffer, shorter, countdown, "
         "source, thesis, synopsis, objectives, preparation, vars, sections, questions, takeaways, exit_ticket, board, "
         "glossary, epilogue, references, audiences"),
        f"error: {path}:{BAD_KIND_MESSAGE.replace('6:11', '5:11')}",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BAD_KIND, BAD_KIND_MESSAGE),
        ("title: [unclosed\nsections: []\n", "YAML syntax error"),
        ("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: nope.png, alt: A}\n", "nope.png"),
    ],
    ids=["bad-kind", "yaml-syntax", "missing-image"],
)
def test_bad_outline_gets_one_located_error_line_and_exit_1(
    runner: CliRunner, write_outline: Callable[..., Path], tmp_path: Path, text: str, message: str
) -> None:
    path = write_outline(text)
    result = invoke(runner, "build", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    error = next(line for line in result.output.splitlines() if line.startswith("error: "))
    assert error.startswith(f"error: {path}:")
    assert message in error
    _no_traceback(result)
    assert not list((tmp_path / "out").glob("*.pptx")) if (tmp_path / "out").exists() else True


def test_unknown_template_lists_the_bundled_ones(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", READING, "-o", tmp_path, "--template", "seminr")
    assert result.exit_code == 1
    assert ("error: unknown template 'seminr' is not one of classic, seminar (did you mean 'seminar'?); "
            "or give a path to a .pptx/.potx file") in result.output
    _no_traceback(result)


def test_missing_template_file_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", READING, "-o", tmp_path, "--template", "nowhere/brand.pptx")
    assert result.exit_code == 1
    assert "error: template file 'nowhere/brand.pptx' does not exist" in result.output


def test_unknown_audience_lists_the_valid_ones(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", SORA, "-o", tmp_path, "--audience", "undergrd")
    assert result.exit_code == 1
    assert "audience: 'undergrd' is not one of policy, undergrad (did you mean 'undergrad'?)" in result.output
    assert result.output.startswith(f"error: {SORA}:")
    _no_traceback(result)


def test_audience_on_an_outline_without_audiences(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", READING, "-o", tmp_path, "--audience", "undergrad")
    assert result.exit_code == 1
    assert "audience: 'undergrad' is not defined; this outline has no audiences" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "Missing argument 'OUTLINE_OR_DIR...'"),
        (["build", "no/such/outline.yaml"], "'no/such/outline.yaml' does not exist"),
        (["build", str(SORA), "--audience", "policy", "--all-audiences"], "use either --audience or --all-audiences, not both"),
        (["build", str(SORA), "--jobs", "0"], "0 is not in the range x>=1"),
        (["build", str(SORA), "--shard", "5/4"], "K must be between 1 and N"),
        (["build", str(SORA), "--colour"], "No such option"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["check"], "Missing argument 'OUTLINE_OR_DIR...'"),
        (["new", "guide.txt"], "'guide.txt' should end in .yaml or .yml"),
        (["guide", "no/such/outline.yaml"], "does not exist"),
    ],
    ids=["no-input", "missing-input", "audience-and-all", "zero-jobs", "bad-shard", "unknown-option",
         "unknown-command", "check-no-input", "new-not-yaml", "guide-missing"],
)
def test_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    _no_traceback(result)


def test_an_empty_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", tmp_path)
    assert result.exit_code == 2
    assert f"no outlines (*.yaml, *.yml) found in {tmp_path}" in result.output


# --- incremental and atomic builds --------------------------------------------------


def test_a_second_build_skips_unchanged_decks(runner: CliRunner, tmp_path: Path) -> None:
    first = invoke(runner, "build", READING, "-o", tmp_path)
    deck = tmp_path / "reading-a-policy-paper.pptx"
    stamp = deck.stat().st_mtime_ns
    second = invoke(runner, "build", READING, "-o", tmp_path)
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert f"skipped {deck} (unchanged)" in second.output
    assert "0 built, 1 skipped, 0 failed" in second.output
    assert deck.stat().st_mtime_ns == stamp
    assert (tmp_path / ".deckgen-manifest.json").is_file()


def test_force_rebuilds_unchanged_decks(runner: CliRunner, tmp_path: Path) -> None:
    invoke(runner, "build", READING, "-o", tmp_path)
    result = invoke(runner, "build", READING, "-o", tmp_path, "--force")
    assert result.exit_code == 0
    assert "1 built, 0 skipped, 0 failed" in result.output


def test_a_changed_outline_is_rebuilt(runner: CliRunner, write_outline: Callable[..., Path], tmp_path: Path) -> None:
    path = write_outline(MINIMAL)
    invoke(runner, "build", path, "-o", tmp_path / "out")
    path.write_text(MINIMAL.replace("A tiny guide", "A changed guide"), encoding="utf-8")
    result = invoke(runner, "build", path, "-o", tmp_path / "out")
    assert "1 built, 0 skipped" in result.output
    assert title_of(open_deck(tmp_path / "out" / "outline.pptx").slides[0]) == "A changed guide"


def test_a_changed_image_is_rebuilt(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "guide"
    shutil.copytree(SPECS, source)
    outline = source / "every-field.yaml"
    invoke(runner, "build", outline, "-o", tmp_path / "out")
    from PIL import Image

    Image.new("RGB", (64, 32), (10, 200, 10)).save(source / "images" / "bars.png")
    result = invoke(runner, "build", outline, "-o", tmp_path / "out")
    assert "1 built, 0 skipped" in result.output


def test_another_template_is_rebuilt(runner: CliRunner, tmp_path: Path) -> None:
    invoke(runner, "build", READING, "-o", tmp_path)
    result = invoke(runner, "build", READING, "-o", tmp_path, "--template", "seminar")
    assert "1 built, 0 skipped" in result.output


def test_a_deck_edited_by_hand_is_rebuilt(runner: CliRunner, tmp_path: Path) -> None:
    invoke(runner, "build", READING, "-o", tmp_path)
    (tmp_path / "reading-a-policy-paper.pptx").write_bytes(b"edited")
    result = invoke(runner, "build", READING, "-o", tmp_path)
    assert "1 built, 0 skipped" in result.output
    assert open_deck(tmp_path / "reading-a-policy-paper.pptx").slides


def test_a_failed_build_leaves_the_earlier_deck_untouched(runner: CliRunner, write_outline: Callable[..., Path], tmp_path: Path) -> None:
    path = write_outline(MINIMAL)
    out = tmp_path / "out"
    assert invoke(runner, "build", path, "-o", out).exit_code == 0
    before = (out / "outline.pptx").read_bytes()
    path.write_text(BAD_KIND, encoding="utf-8")
    result = invoke(runner, "build", path, "-o", out, "--force")
    assert result.exit_code == 1
    assert (out / "outline.pptx").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [".deckgen-manifest.json", "outline.pptx"]


def test_a_broken_template_leaves_the_earlier_deck_untouched(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    assert invoke(runner, "build", READING, "-o", out).exit_code == 0
    before = out.read_bytes()
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = invoke(runner, "build", READING, "-o", out, "--template", broken)
    assert result.exit_code == 1
    assert f"error: {broken.resolve()}: is not a .pptx/.potx file" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".deckgen-manifest.json", "broken.pptx", "deck.pptx"]


def test_user_template_warning_is_shown_by_build(runner: CliRunner, tmp_path: Path) -> None:
    template = THIRD_PARTY_TEMPLATES["python-pptx default"]
    result = invoke(runner, "build", READING, "-o", tmp_path, "--template", template)
    assert result.exit_code == 0
    assert ("warning: template 'python-pptx-default.pptx' has no layout for thesis, agenda, question, takeaways, "
            "references; using related layouts instead; question slides get deckgen's own mark") in result.output


def test_template_warnings_name_only_the_roles_a_deck_uses(runner: CliRunner, tmp_path: Path) -> None:
    """The reading guide has no quote: a template without a quote layout is no news to it."""
    result = invoke(runner, "build", READING, "-o", tmp_path, "--template", THIRD_PARTY_TEMPLATES["python-pptx default"])
    assert "quote" not in result.output


def test_build_tells_each_template_warning_once_for_the_whole_run(runner: CliRunner, tmp_path: Path) -> None:
    template = THIRD_PARTY_TEMPLATES["python-pptx default"]
    result = invoke(runner, "build", READING, SORA, "-o", tmp_path, "--template", template, "-j", "1")
    assert result.exit_code == 0
    told = [line for line in result.output.splitlines() if "has no layout for" in line]
    assert told == ["warning: template 'python-pptx-default.pptx' has no layout for thesis, agenda, quote, question, "
                    "takeaways, references; using related layouts instead; question slides get deckgen's own mark"]


def test_build_shows_the_template_warnings_check_shows(runner: CliRunner, tmp_path: Path) -> None:
    template = THIRD_PARTY_TEMPLATES["LibreOffice Impress"]
    built = invoke(runner, "build", READING, SORA, "-o", tmp_path, "--template", template, "-j", "1")
    checked = invoke(runner, "check", READING, SORA, "--template", template)

    def template_lines(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("warning: template ")]

    assert template_lines(built.output) == template_lines(checked.output) != []


def test_build_shows_the_warnings_check_shows_once_each(runner: CliRunner, write_outline: Callable[..., Path],
                                                          tmp_path: Path) -> None:
    path = write_outline(
        "title: T\nduration: 20\nsections:\n  - title: S\n    points: [{claim: C, minutes: 15}]\n"
        "questions:\n  - {prompt: Why?, minutes: 5, tags: [x]}\n  - {prompt: Discuss it}\n"
        "audiences:\n  short: {exclude_tags: [x]}\n  briefing: {set: {duration: 10}}\n")
    template = THIRD_PARTY_TEMPLATES["python-pptx default"]
    checked = invoke(runner, "check", path, "--template", template)
    built = invoke(runner, "build", path, "-o", tmp_path / "out", "--all-audiences", "--template", template, "-j", "1")
    assert built.exit_code == 0, built.output

    def warnings(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith("warning: ")]

    assert sorted(warnings(built.output)) == sorted(warnings(checked.output))
    assert len(warnings(built.output)) == len(set(warnings(built.output)))
    assert sum("the plan takes 24 min" in line for line in warnings(built.output)) == 2  # base, and briefing's 10 min
    assert sum("has no layout for" in line for line in warnings(built.output)) == 1  # once for three decks
    assert sum("below WCAG AA" in line for line in warnings(built.output)) == 2  # its two contrast lints, once each


def test_quiet_prints_nothing_on_success(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", READING, SORA, "-o", tmp_path, "--quiet", "--template",
                    THIRD_PARTY_TEMPLATES["pandoc reference"])
    assert result.exit_code == 0
    assert result.output == ""
    assert len(list(tmp_path.glob("*.pptx"))) == 2


def test_quiet_still_prints_errors(runner: CliRunner, write_outline: Callable[..., Path], tmp_path: Path) -> None:
    path = write_outline(BAD_KIND)
    result = invoke(runner, "build", path, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: {path}:{BAD_KIND_MESSAGE}"]


def test_no_progress_bar_in_ci_logs(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = invoke(runner, "build", SPECS, "-o", tmp_path, "-j", "1")
    assert result.exit_code == 0
    assert "building" not in result.output
    assert result.output.count("built ") == len(list(SPECS.glob("*.yaml")))


# --- check ---------------------------------------------------------------------------


def test_check_passes_the_bundled_outlines_and_writes_nothing(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "outlines"
    shutil.copytree(SORA.parent, source)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = invoke(runner, "check", "outlines")
    assert result.exit_code == 0, result.output
    count = len(list(OUTLINES.glob("*.yaml")))
    assert f"{count} of {count} outlines OK, 0 warnings" in result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_check_reports_bad_outlines_with_exit_1(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline(BAD_KIND)
    result = invoke(runner, "check", path)
    assert result.exit_code == 1
    assert f"error: {path}:{BAD_KIND_MESSAGE}" in result.output.splitlines()
    assert "0 of 1 outlines OK, 0 warnings" in result.output


def test_check_catches_a_missing_image(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: gone.png, alt: A}\n")
    result = invoke(runner, "check", path)
    assert result.exit_code == 1
    assert "gone.png" in result.output


def test_check_catches_an_unknown_template(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: T\ntemplate: clasic\nsections:\n  - title: S\n")
    result = invoke(runner, "check", path)
    assert result.exit_code == 1
    assert "'clasic' is not one of classic, seminar (did you mean 'classic'?)" in result.output


def test_lint_warnings_pass_check_but_fail_strict(runner: CliRunner) -> None:
    outline = SPECS / "long-text.yaml"
    relaxed = invoke(runner, "check", outline)
    strict = invoke(runner, "check", "--strict", outline)
    assert relaxed.exit_code == 0
    assert "warning: " in relaxed.output and "20 bullets on one slide; keep to 6 or split the point" in relaxed.output
    assert strict.exit_code == 1
    assert "error: " in strict.output and "20 bullets on one slide" in strict.output
    assert "0 of 1 outlines OK" in strict.output


def test_a_question_without_a_question_mark_is_linted(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: T\nsections:\n  - title: S\nquestions:\n  - prompt: Discuss the article\n")
    result = invoke(runner, "check", "--strict", path)
    assert result.exit_code == 1
    assert "?" in result.output


def test_duration_lint_points_at_the_duration_line(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: T\nduration: 60\nsections:\n  - title: S\n    points:\n      - {claim: C, minutes: 5}\n")
    result = invoke(runner, "check", "--strict", path)
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "the plan takes 9 min" in line)
    assert line.startswith(f"error: {path}:2:")


def test_the_session_warnings_pass_check_but_fail_strict(runner: CliRunner, write_outline: Callable[..., Path]) -> None:
    path = write_outline(
        "title: T\nduration: 25\nshorter: [20]\nobjectives: [{id: one, text: Name a claim}]\n"
        "sections:\n  - title: S\n    points: [{claim: C, minutes: 20}]\n"
        "questions:\n  - {prompt: Why?, follow_ups: [And?, So?, Then?], minutes: 4}\n"
        "  - {prompt: How?, minutes: 2}\n")
    relaxed, strict = invoke(runner, "check", path), invoke(runner, "check", "--strict", path)
    lines = [line.split(": ", 2)[1:] for line in relaxed.output.splitlines() if line.startswith("warning: ")]
    assert [(where.rsplit(":", 2)[1], text.split(":")[0]) for where, text in lines] == [
        ("2", "duration"), ("3", "shorter[0]"), ("4", "objectives[0]"), ("8", "questions")]
    assert relaxed.exit_code == 0 and "the plan takes 30 min" in relaxed.output and "declared 25 min" in relaxed.output
    assert strict.exit_code == 1 and "0 of 1 outlines OK, 4 warnings, errors with --strict" in strict.output


def test_lints_of_an_audience_variant_name_the_audience(runner: CliRunner) -> None:
    result = invoke(runner, "check", SPECS / "every-field.yaml")
    lines = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert len(lines) == len(set(lines))
    assert any("audience 'undergrad'" in line for line in lines)


# --- other commands ------------------------------------------------------------------


def test_schema_prints_a_json_schema(runner: CliRunner) -> None:
    result = invoke(runner, "schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"title", "sections", "questions", "audiences"} <= set(schema["properties"])
    assert set(schema["required"]) >= {"title", "sections"}


def test_new_writes_a_starter_outline_that_builds(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "my-guide.yaml"
    result = invoke(runner, "new", path)
    assert result.exit_code == 0
    assert result.output == f"wrote {path}; edit it, then run: deckgen build {path}\n"
    assert path.read_text(encoding="utf-8").startswith("#")
    assert invoke(runner, "check", "--strict", path).exit_code == 0
    built = invoke(runner, "build", path, "-o", tmp_path / "out")
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "my-guide.pptx").is_file()


def test_new_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my precious outline", encoding="utf-8")
    result = invoke(runner, "new", path)
    assert result.exit_code == 1
    assert result.output == f"error: {path}: already exists; choose another name or pass --force\n"
    assert path.read_text(encoding="utf-8") == "my precious outline"


def test_new_force_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("old", encoding="utf-8")
    assert invoke(runner, "new", path, "--force").exit_code == 0
    assert path.read_text(encoding="utf-8") != "old"


def test_templates_list_shows_seminar_and_classic(runner: CliRunner) -> None:
    result = invoke(runner, "templates", "list")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines() if line and not line.startswith(" ")]
    assert names == ["classic", "seminar"]


def test_version(runner: CliRunner) -> None:
    from deckgen import __version__

    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.output == f"deckgen, version {__version__}\n"


def test_two_outlines_with_the_same_name_do_not_overwrite_each_other(runner: CliRunner, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "guide.yaml").write_text(MINIMAL, encoding="utf-8")
    result = invoke(runner, "build", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert (f"error: {tmp_path / 'b' / 'guide.yaml'}: its deck would be {tmp_path / 'out' / 'guide.pptx'}, "
            f"which is also the deck of {tmp_path / 'a' / 'guide.yaml'}; rename one of the outlines so no two outputs "
            "share a name (nothing was built)") in result.output
    assert not (tmp_path / "out").exists()


def test_help_format_prints_the_outline_format_reference(runner: CliRunner) -> None:
    result = runner.invoke(main, ["help", "format"])
    assert result.exit_code == 0
    assert result.output.startswith("# deckgen — the outline format")
    assert "references:" in result.output and "deckgen help format" in result.output


def test_the_starter_outline_points_to_help_that_exists(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(main, ["new", str(tmp_path / "guide.yaml")])
    starter = (tmp_path / "guide.yaml").read_text(encoding="utf-8")
    assert "`deckgen help format`" in starter and "docs/" not in starter
    assert runner.invoke(main, ["help", "format"]).exit_code == 0


def test_help_on_an_unknown_topic_lists_the_topics(runner: CliRunner) -> None:
    result = runner.invoke(main, ["help", "nope"])
    assert result.exit_code == 2
    assert "no help on 'nope'; topics: format" in result.output


def test_the_published_format_reference_speaks_to_users() -> None:
    from deckgen.app.helpdocs import help_text

    text = help_text("format")
    for team_words in ("acceptance checks", "keep the two in agreement", "build what a"):
        assert team_words not in text


def test_starter_shows_every_rich_content_field_and_its_examples_build(tmp_path: Path) -> None:
    import re

    from deckgen.app.build import deck_bytes
    from deckgen.outline.loader import load_outline
    from deckgen.outline.starter import starter_outline

    text = starter_outline("guide.yaml")
    for key in ("layout:", "compare:", "table:", "header:", "rows:", "caption:", "chart:", "categories:",
                "series:", "alt:", "**strong**", "[links](https://", "right-to-left"):
        assert key in text, key
    uncommented = "\n".join(re.sub(r"^(\s+)# (- claim|  |layout)", r"\1\2", line) for line in text.splitlines())
    path = tmp_path / "guide.yaml"
    path.write_text(uncommented, encoding="utf-8")
    outline = load_outline(path)
    points = [p for s in outline.sections for p in s.points]
    assert all(any(getattr(p, key) for p in points) for key in ("layout", "compare", "table", "chart"))
    assert deck_bytes(outline)


def test_starter_shows_the_session_fields_commented_and_they_check(runner: CliRunner, tmp_path: Path) -> None:
    import re

    from deckgen.outline.starter import starter_outline

    text = starter_outline("guide.yaml")
    keys = ("opening", "closing", "buffer", "shorter", "countdown", "synopsis", "objectives", "id", "serves", "expect",
            "misconceptions", "optional", "exit_ticket", "board", "glossary", "epilogue")
    for key in keys:
        assert re.search(rf"^\s*# {key}:", text, re.MULTILINE), key
    pattern = rf"^(\s*)# ((?:{'|'.join(keys)}):|  - {{)"
    uncommented = "\n".join(re.sub(pattern, r"\1\2", line) for line in text.splitlines())
    path = tmp_path / "guide.yaml"
    path.write_text(uncommented, encoding="utf-8")
    result = invoke(runner, "check", "--strict", path)
    assert result.exit_code == 0, result.output
