"""Batches: shards, incremental rebuilds, parallel workers and what a CI log shows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from deckgen.app.batch import Job, plan_jobs, shard
from deckgen.app.finding import find_outlines
from deckgen.app.shards import shard_of
from deckgen.cli.main import main
from deckgen.app.manifest import MANIFEST_NAME, read_manifest
from tests.conftest import OUTLINES
from tests.deck_helpers import SPECS


def invoke(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(main, [str(a) for a in args])


@pytest.fixture
def outlines(tmp_path: Path) -> Path:
    """A folder of six small outlines (nested one level), copied from the spec fixtures."""
    folder = tmp_path / "outlines"
    (folder / "more").mkdir(parents=True)
    for index in range(6):
        target = folder / ("more" if index % 2 else "") / f"guide{index}.yaml"
        shutil.copy(SPECS / "minimal.yaml", target)
    return folder


def test_folders_are_searched_recursively_in_sorted_order(outlines: Path) -> None:
    found = find_outlines([outlines])
    assert [p.name for p in found] == ["guide0.yaml", "guide2.yaml", "guide4.yaml", "guide1.yaml", "guide3.yaml", "guide5.yaml"]


def test_shards_split_a_batch_into_disjoint_slices_that_cover_it(outlines: Path, tmp_path: Path) -> None:
    jobs = plan_jobs(find_outlines([outlines]), tmp_path / "out").jobs
    slices = [shard(jobs, k, 4) for k in range(1, 5)]
    assert sorted(j.outline for s in slices for j in s) == sorted(j.outline for j in jobs)
    assert sum(len(s) for s in slices) == len(jobs)
    assert shard(jobs, 2, 4) == shard(list(jobs), 2, 4)


def test_build_shard_builds_only_its_slice(runner: CliRunner, outlines: Path, tmp_path: Path) -> None:
    result = invoke(runner, "build", outlines, "-o", tmp_path / "out", "--shard", "2/3")
    assert result.exit_code == 0, result.output
    expected = sorted(f"guide{n}.pptx" for n in range(6) if shard_of(Path(f"guide{n}.pptx"), 3) == 2)
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pptx")) == expected


@pytest.mark.parametrize("spec", ["0/2", "3/2", "a/b", "2"])
def test_a_bad_shard_is_a_usage_error(runner: CliRunner, outlines: Path, tmp_path: Path, spec: str) -> None:
    result = invoke(runner, "build", outlines, "-o", tmp_path / "out", "--shard", spec)
    assert result.exit_code == 2
    assert "--shard" in result.output


def test_a_deleted_output_is_rebuilt(runner: CliRunner, outlines: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke(runner, "build", outlines, "-o", out)
    (out / "guide3.pptx").unlink()
    result = invoke(runner, "build", outlines, "-o", out)
    assert "1 built, 5 skipped, 0 failed" in result.output
    assert (out / "guide3.pptx").is_file()


def test_a_different_template_or_epoch_rebuilds(runner: CliRunner, outlines: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    invoke(runner, "build", outlines, "-o", out)
    assert "0 built, 6 skipped" in invoke(runner, "build", outlines, "-o", out).output
    assert "6 built, 0 skipped" in invoke(runner, "build", outlines, "-o", out, "--template", "classic").output
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "6 built, 0 skipped" in invoke(runner, "build", outlines, "-o", out, "--template", "classic").output


def test_the_manifest_records_every_input_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke(runner, "build", OUTLINES / "reading-a-policy-paper.yaml", "-o", out)
    record = read_manifest(out)["reading-a-policy-paper.pptx"]
    names = [Path(f).name for f in record.files]
    assert names == ["reading-a-policy-paper.yaml", "reading-a-policy-paper.png", "classic.pptx", "classic.yaml"]
    assert (out / MANIFEST_NAME).read_text(encoding="utf-8").endswith("}\n")


def test_a_damaged_manifest_means_a_full_rebuild(runner: CliRunner, outlines: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    invoke(runner, "build", outlines, "-o", out)
    (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert "6 built, 0 skipped" in invoke(runner, "build", outlines, "-o", out).output


def test_parallel_and_serial_builds_give_the_same_files(runner: CliRunner, outlines: Path, tmp_path: Path) -> None:
    invoke(runner, "build", outlines, "-o", tmp_path / "one", "--jobs", "1")
    invoke(runner, "build", outlines, "-o", tmp_path / "two", "--jobs", "2")
    for deck in (tmp_path / "one").glob("*.pptx"):
        assert deck.read_bytes() == (tmp_path / "two" / deck.name).read_bytes()


def test_ci_logs_get_plain_lines_and_a_summary(runner: CliRunner, outlines: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = invoke(runner, "build", outlines, "-o", tmp_path / "out")
    lines = result.output.splitlines()
    assert "\r" not in result.output
    assert sum(line.startswith("built ") for line in lines) == 6
    assert lines[-1].startswith("6 built, 0 skipped, 0 failed in ")


def test_results_come_back_in_job_order(outlines: Path, tmp_path: Path) -> None:
    from deckgen.app.batch import run_jobs

    jobs = [Job(p, tmp_path / f"{p.stem}.pptx") for p in find_outlines([outlines])]
    seen: list[Path] = []
    results = run_jobs(jobs, 2, lambda r: seen.append(r.job.outline))
    assert [r.job for r in results] == jobs
    assert seen == [j.outline for j in jobs]


def test_an_outline_named_twice_is_built_once(runner: CliRunner, outlines: Path, tmp_path: Path) -> None:
    result = invoke(runner, "build", outlines, outlines / "guide0.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "6 built, 0 skipped, 0 failed" in result.output


def test_hidden_folders_are_not_searched(outlines: Path) -> None:
    (outlines / ".venv").mkdir()
    shutil.copy(SPECS / "minimal.yaml", outlines / ".venv" / "hidden.yaml")
    assert "hidden.yaml" not in [p.name for p in find_outlines([outlines])]


def test_a_source_date_epoch_past_2107_is_refused_clearly(runner: CliRunner, outlines: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "5000000000")
    result = invoke(runner, "build", outlines / "guide0.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "SOURCE_DATE_EPOCH: 5000000000 is after 2107-12-31, the last date a zip file can store" in result.output
