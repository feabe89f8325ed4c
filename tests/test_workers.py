"""How many workers a batch runs: as many as asked, unless its largest template needs fewer."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.app import workers
from deckgen.app.workers import BIG_TEMPLATE, COPIES, MEMORY_BUDGET, WORKER_BASE, template_size, workers_for
from deckgen.cli.main import main
from tests.conftest import ROOT
from tests.test_hostile import GOOD
from tests.test_hostile_bounds import big_template


def test_bundled_templates_never_limit_the_workers(tmp_path: Path) -> None:
    outline = tmp_path / "a.yaml"
    outline.write_text("template: classic\n" + GOOD, encoding="utf-8")
    assert workers_for([(outline, None, None), (outline, None, "seminar")], 4) == (4, "")


def test_a_large_template_runs_as_many_workers_as_fit_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big_template(tmp_path, outlines=2, parts=4)  # 20 MB
    monkeypatch.chdir(tmp_path)
    size = template_size(tmp_path / "big.pptx")
    assert size > BIG_TEMPLATE
    fitting = MEMORY_BUDGET // (WORKER_BASE + COPIES * size)
    decks = [(tmp_path / "deck0.yaml", None, None), (tmp_path / "deck1.yaml", None, None)]
    assert workers_for(decks, 16) == (fitting, f"template 'big.pptx' holds 20 MB; building with {fitting} workers "
                                               "rather than 16, so memory stays within 1.2 GB")
    assert workers_for(decks, fitting) == (fitting, "")
    assert workers_for([(tmp_path / "x.yaml", None, "big.pptx")], 16)[0] == fitting  # --template counts too
    for name, text in (("var.yaml", "vars: {ext: pptx}\ntemplate: big.${ext}\n"),
                       ("escaped.yaml", 'template: "big.\\x70ptx"\n')):
        (tmp_path / name).write_text(text + GOOD, encoding="utf-8")
        assert workers_for([(tmp_path / name, None, None)], 16)[0] == fitting, name  # however the name is spelt


def test_outlines_or_templates_that_cannot_be_read_are_left_to_their_jobs(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pptx")
    (tmp_path / "bad.yaml").write_text("template: [\n", encoding="utf-8")
    (tmp_path / "fifo.yaml").write_text("template: pipe.pptx\n" + GOOD, encoding="utf-8")
    decks = [(tmp_path / name, None, None) for name in ("bad.yaml", "fifo.yaml", "missing.yaml")]
    assert workers_for(decks, 4) == (4, "")
    assert template_size(tmp_path / "pipe.pptx") == 0


def test_a_rebuild_sizes_its_workers_by_the_decks_it_builds(runner: CliRunner, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ROOT / "templates" / "seminar.pptx", tmp_path / "own.pptx")
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text("template: own.pptx\n" + GOOD.replace("T", name), encoding="utf-8")
    monkeypatch.setattr(workers, "BIG_TEMPLATE", 0)  # any user template limits the workers
    monkeypatch.setattr(workers, "MEMORY_BUDGET", 1)  # to one
    monkeypatch.chdir(tmp_path)

    def build() -> str:
        result = runner.invoke(main, ["build", ".", "-o", "out", "--jobs", "2"])
        assert result.exit_code == 0, result.output
        return result.output

    first = build()
    assert "2 built, 0 skipped" in first
    assert "info: template 'own.pptx' holds" in first and "building with 1 worker rather than 2" in first
    again = build()
    assert "0 built, 2 skipped" in again
    assert "info:" not in again  # nothing to build: no outline is read to size the workers
    (tmp_path / "a.yaml").write_text("template: own.pptx\n" + GOOD.replace("T", "changed"), encoding="utf-8")
    assert "1 built, 1 skipped" in build()
