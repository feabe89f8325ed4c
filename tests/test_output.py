"""Output is written atomically: a failed build leaves no temporary file and an earlier deck intact."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import deckgen.app.output as output
from deckgen.cli.main import main
from deckgen.errors import BuildError
from deckgen.app.output import write_atomically

GOOD = "title: T\nsections:\n  - title: S\n"
PREVIOUS = b"previous deck"


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "deck.pptx"
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert names(target.parent) == ["deck.pptx"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_replaces_an_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(PREVIOUS)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["deck.pptx"]


def test_a_failed_replace_keeps_the_earlier_file_and_removes_the_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(PREVIOUS)

    def no_space(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", no_space)
    with pytest.raises(BuildError) as error:
        write_atomically(target, b"new")
    assert error.value.message == f"{target}: cannot write (No space left on device); check the path and free space"
    assert target.read_bytes() == PREVIOUS
    assert names(tmp_path) == ["deck.pptx"]


def test_an_interrupt_while_writing_removes_the_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(PREVIOUS)

    def interrupted(path: str, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "chmod", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    assert target.read_bytes() == PREVIOUS
    assert names(tmp_path) == ["deck.pptx"]


def test_a_folder_at_the_target_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "deck.pptx").mkdir()
    with pytest.raises(BuildError, match="deck.pptx: is a folder; give a file name ending in .pptx or a different -o"):
        write_atomically(tmp_path / "deck.pptx", b"new")
    assert names(tmp_path / "deck.pptx") == []


def test_a_file_in_the_way_of_the_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    target = tmp_path / "notes.txt" / "sub" / "deck.pptx"
    with pytest.raises(BuildError) as error:
        write_atomically(target, b"new")
    assert error.value.message == f"{target}: '{tmp_path / 'notes.txt'}' is a file, not a folder; choose another -o"
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_an_impossible_name_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 300 + ".pptx")
    with pytest.raises(BuildError, match="cannot write in"):
        write_atomically(target, b"new")
    assert names(tmp_path) == []


# --- through the CLI -------------------------------------------------------------------


@pytest.fixture
def outline(tmp_path: Path) -> Path:
    path = tmp_path / "guide.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_a_broken_outline_leaves_the_earlier_deck_intact(outline: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(outline), "-o", str(out)]).exit_code == 0
    deck = (out / "guide.pptx").read_bytes()
    outline.write_text(GOOD + "questions:\n  - prompt: Q?\n    kind: analyse\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(outline), "-o", str(out), "--force"])
    assert result.exit_code == 1
    assert f"error: {outline}:6:11: questions[0].kind" in result.output
    assert (out / "guide.pptx").read_bytes() == deck
    assert not [n for n in names(out) if n.endswith(".tmp")]


def test_output_folder_named_like_a_deck(outline: Path, tmp_path: Path, runner: CliRunner) -> None:
    folder = tmp_path / "deck.pptx"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    result = runner.invoke(main, ["build", str(outline), "-o", str(folder)])
    assert result.exit_code == 1
    assert f"error: {folder}: is a folder; give a file name ending in .pptx or a different -o" in result.output
    assert "Traceback" not in result.output
    assert names(folder) == ["keep.txt"]


def test_output_below_a_regular_file(outline: Path, tmp_path: Path, runner: CliRunner) -> None:
    blocker = tmp_path / "some_file"
    blocker.write_bytes(b"mine")
    result = runner.invoke(main, ["build", str(outline), "-o", str(blocker / "sub")])
    assert result.exit_code == 1
    assert f"error: {blocker / 'sub' / 'guide.pptx'}: '{blocker}' is a file, not a folder; choose another -o" in result.output
    assert "Traceback" not in result.output
    assert blocker.read_bytes() == b"mine"


def test_one_pptx_for_several_inputs_is_refused(outline: Path, tmp_path: Path, runner: CliRunner) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "x.pptx"
    target.write_bytes(PREVIOUS)
    result = runner.invoke(main, ["build", str(outline), str(other), "-o", str(target)])
    assert result.exit_code == 2  # a usage error
    assert f"Error: -o {target}: several decks cannot share one file; give a folder" in result.output
    assert target.read_bytes() == PREVIOUS
    assert names(tmp_path) == ["guide.yaml", "other.yaml", "x.pptx"]


def test_no_temporary_file_survives_a_failed_write_in_a_build(outline: Path, tmp_path: Path, runner: CliRunner,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "guide.pptx").write_bytes(PREVIOUS)
    real_replace = os.replace

    def refuse(source: str, destination: str) -> None:
        if str(destination).endswith(".pptx"):
            raise OSError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(output.os, "replace", refuse)
    result = runner.invoke(main, ["build", str(outline), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert f"error: {out / 'guide.pptx'}: cannot write (Permission denied)" in result.output
    assert names(out) == ["guide.pptx"]
    assert (out / "guide.pptx").read_bytes() == PREVIOUS
