"""CI that reports: ``--report FILE.xml|FILE.json`` on build and check, and ``--shard auto``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.app.shards import shard_from_environment, shard_of
from deckgen.cli.main import main
from deckgen.errors import UsageError

GOOD = "title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n"
BAD = "title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        minutes: -2\n"


@pytest.fixture
def outlines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """good.yaml (with an audience), bad.yaml (a negative minutes at 6:18), in a working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "good.yaml").write_text(GOOD + "audiences:\n  short: {}\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path


def _cases(report: Path) -> dict[str, ET.Element]:
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    return {case.get("name", ""): case for case in root.iter("testcase")}


def test_build_writes_a_junit_report_with_one_case_per_deck(runner: CliRunner, outlines: Path) -> None:
    result = runner.invoke(main, ["build", "good.yaml", "bad.yaml", "-o", "out", "--all-audiences",
                                  "--report", "reports/build.xml", "-j", "1"])
    assert result.exit_code == 1
    cases = _cases(outlines / "reports" / "build.xml")
    # with --all-audiences an outline that cannot be read plans no deck: its case is the outline
    assert sorted(cases) == ["bad.yaml", "out/good-short.pptx", "out/good.pptx"]
    failure = cases["bad.yaml"].find("failure")
    assert failure is not None
    assert failure.get("message", "").startswith("bad.yaml:6:18: sections[0].points[0].minutes: must be greater than 0")
    assert cases["out/good.pptx"].find("failure") is None
    assert cases["out/good.pptx"].get("file") == "good.yaml"
    suite = ET.parse(outlines / "reports" / "build.xml").getroot().find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("3", "1")


def test_a_skipped_deck_passes_and_says_why(runner: CliRunner, outlines: Path) -> None:
    runner.invoke(main, ["build", "good.yaml", "-o", "out"])
    runner.invoke(main, ["build", "good.yaml", "-o", "out", "--report", "r.xml"])
    case = _cases(outlines / "r.xml")["out/good.pptx"]
    assert case.find("failure") is None
    assert "not rebuilt" in (case.findtext("system-out") or "")


def test_build_writes_the_same_facts_as_json(runner: CliRunner, outlines: Path) -> None:
    runner.invoke(main, ["build", "good.yaml", "bad.yaml", "-o", "out", "--report", "r.json", "-j", "1"])
    report = json.loads((outlines / "r.json").read_text(encoding="utf-8"))
    assert (report["command"], report["tests"], report["failures"]) == ("deckgen build", 2, 1)
    by_deck = {entry["name"]: entry for entry in report["results"]}
    assert by_deck["out/good.pptx"]["audience"] is None
    assert by_deck["out/good.pptx"]["status"] == "built"
    assert by_deck["out/bad.pptx"]["status"] == "failed"
    assert by_deck["out/bad.pptx"]["outline"] == "bad.yaml"
    assert by_deck["out/bad.pptx"]["problems"][0].startswith("bad.yaml:6:18:")
    assert all(entry["seconds"] >= 0 for entry in report["results"])


def test_check_reports_one_case_per_outline_and_strict_fails_warnings(runner: CliRunner, outlines: Path) -> None:
    (outlines / "long.yaml").write_text(GOOD.replace("claim: C", "claim: C\n        evidence: ['" + "w " * 100 + "']"),
                                        encoding="utf-8")
    runner.invoke(main, ["check", "good.yaml", "bad.yaml", "long.yaml", "--report", "check.json"])
    results = {e["name"]: e for e in json.loads((outlines / "check.json").read_text(encoding="utf-8"))["results"]}
    assert [results[n]["status"] for n in ("good.yaml", "bad.yaml", "long.yaml")] == ["ok", "failed", "ok"]
    assert results["long.yaml"]["warnings"]
    runner.invoke(main, ["check", "long.yaml", "--strict", "--report", "check.xml"])
    assert _cases(outlines / "check.xml")["long.yaml"].find("failure") is not None


def test_check_writes_nothing_but_its_report(runner: CliRunner, outlines: Path) -> None:
    before = sorted(p.name for p in outlines.iterdir())
    runner.invoke(main, ["check", "good.yaml", "--report", "c.xml"])
    assert sorted(p.name for p in outlines.iterdir()) == sorted([*before, "c.xml"])


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_report_must_be_xml_or_json(runner: CliRunner, outlines: Path, command: str) -> None:
    result = runner.invoke(main, [command, "good.yaml", "--report", "r.html"])
    assert result.exit_code == 2
    assert "should end in .xml (JUnit) or .json" in result.output
    assert not (outlines / "out").exists()


# --------------------------------------------------------------------------- --shard auto


@pytest.mark.parametrize("environ, expected", [
    ({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "4"}, (2, 4)),
    ({"JOB_COMPLETION_INDEX": "0", "DECKGEN_SHARDS": "3"}, (1, 3)),
    ({"AWS_BATCH_JOB_ARRAY_INDEX": "4", "DECKGEN_SHARDS": "5"}, (5, 5)),
], ids=["gitlab", "kubernetes", "aws-batch"])
def test_shard_auto_reads_the_ci_variables(environ: dict[str, str], expected: tuple[int, int]) -> None:
    assert shard_from_environment(environ) == expected


@pytest.mark.parametrize("environ, message", [
    ({}, "no CI shard variables are set"),
    ({"JOB_COMPLETION_INDEX": "1"}, "DECKGEN_SHARDS is not"),
    ({"CI_NODE_INDEX": "5", "CI_NODE_TOTAL": "4"}, "shard 5 of 4, which does not exist"),
    ({"CI_NODE_INDEX": "²", "CI_NODE_TOTAL": "4"}, "CI_NODE_INDEX='²' is not a whole number"),
    ({"AWS_BATCH_JOB_ARRAY_INDEX": "3", "DECKGEN_SHARDS": "3"}, "shard 4 of 3"),
])
def test_shard_auto_without_usable_variables_is_a_usage_error(environ: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        shard_from_environment(environ)


def test_build_shard_auto_without_variables_exits_2(runner: CliRunner, outlines: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CI_NODE_INDEX", "CI_NODE_TOTAL", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "DECKGEN_SHARDS"):
        monkeypatch.delenv(name, raising=False)
    result = runner.invoke(main, ["build", "good.yaml", "--shard", "auto"])
    assert result.exit_code == 2
    assert "no CI shard variables are set" in result.output


def test_kubernetes_shards_together_build_every_deck_once(runner: CliRunner, outlines: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (outlines / "bad.yaml").unlink()
    for number in range(6):
        (outlines / f"g{number}.yaml").write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("DECKGEN_SHARDS", "3")
    built: list[str] = []
    for index in range(3):
        monkeypatch.setenv("JOB_COMPLETION_INDEX", str(index))
        result = runner.invoke(main, ["build", ".", "-o", f"out{index}", "--shard", "auto", "-j", "1"])
        assert result.exit_code == 0, result.output
        built += [p.name for p in (outlines / f"out{index}").glob("*.pptx")]
    assert sorted(built) == sorted(["good.pptx", *(f"g{n}.pptx" for n in range(6))])


def test_a_decks_shard_depends_only_on_its_name() -> None:
    names = [Path(f"deck{number}.pptx") for number in range(200)]
    before = {name: shard_of(name, 4) for name in names}
    more = names + [Path(f"new{number}.pptx") for number in range(50)]
    assert {name: shard_of(name, 4) for name in more if name in before} == before
    assert set(before.values()) == {1, 2, 3, 4}
    assert shard_of(Path("build/deck7.pptx"), 4) == shard_of(Path("elsewhere/deck7.pptx"), 4)
