"""The same inputs give byte-identical decks; SOURCE_DATE_EPOCH fixes every timestamp."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.app.build import build_deck
from deckgen.cli.main import main
from tests.conftest import SORA
from tests.deck_helpers import READING, SPECS, THIRD_PARTY_TEMPLATES, open_deck

EPOCH = 1_718_000_000  # 2024-06-10 06:13:20 UTC


def _zip_times(path: Path) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(path) as archive:
        return {info.date_time for info in archive.infolist()}


@pytest.mark.parametrize("template", [None, str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"])], ids=["own", "libreoffice"])
def test_two_builds_give_identical_bytes(tmp_path: Path, template: str | None) -> None:
    first = build_deck(SPECS / "every-field.yaml", tmp_path / "a.pptx", template=template)
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    second = build_deck(SPECS / "every-field.yaml", tmp_path / "b.pptx", template=template)
    assert first.read_bytes() == second.read_bytes()


def test_zip_entries_carry_the_1980_epoch_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    deck = build_deck(SORA, tmp_path / "a.pptx")
    assert _zip_times(deck) == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_builds_are_identical_and_stamp_the_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first = build_deck(SORA, tmp_path / "a.pptx")
    time.sleep(1.1)
    second = build_deck(SORA, tmp_path / "b.pptx")
    assert first.read_bytes() == second.read_bytes()
    stamp = time.gmtime(EPOCH)
    # zip stores even seconds only
    assert _zip_times(first) == {(stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec // 2 * 2)}


def test_a_different_epoch_gives_different_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first = build_deck(SPECS / "minimal.yaml", tmp_path / "a.pptx").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH + 86_400))
    second = build_deck(SPECS / "minimal.yaml", tmp_path / "b.pptx").read_bytes()
    assert first != second


def test_document_dates_follow_source_date_epoch_without_an_outline_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    core = open_deck(build_deck(SORA, tmp_path / "a.pptx")).core_properties
    expected = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).replace(tzinfo=None)
    assert core.created == expected
    assert core.modified == expected


def test_the_outline_date_wins_over_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    core = open_deck(build_deck(READING, tmp_path / "a.pptx")).core_properties
    assert core.created == dt.datetime(2026, 4, 16)


def test_a_bad_source_date_epoch_is_a_clear_error(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = runner.invoke(main, ["build", str(SPECS / "minimal.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "SOURCE_DATE_EPOCH: 'yesterday' is not a whole number of seconds since 1970" in result.output
    assert "Traceback" not in result.output


def test_parallel_and_serial_batches_give_the_same_files(runner: CliRunner, tmp_path: Path) -> None:
    serial = runner.invoke(main, ["build", str(SPECS), str(SORA), "-o", str(tmp_path / "serial"), "-j", "1"])
    parallel = runner.invoke(main, ["build", str(SPECS), str(SORA), "-o", str(tmp_path / "parallel"), "-j", "2"])
    assert (serial.exit_code, parallel.exit_code) == (0, 0)
    names = sorted(p.name for p in (tmp_path / "serial").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "parallel").iterdir())
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "parallel" / name).read_bytes(), name


def test_a_deck_does_not_depend_on_the_decks_built_before_it(tmp_path: Path) -> None:
    """Decks share their template's parts within a process (and a cached template across
    processes); a deck with East Asian fonts or a picture must leave nothing behind."""
    import os
    import subprocess
    import sys

    from deckgen.app.build import deck_bytes
    from deckgen.outline.loader import load_outline
    from tests.deck_helpers import SORA_ZH

    first = deck_bytes(load_outline(SORA))
    deck_bytes(load_outline(SORA_ZH))
    deck_bytes(load_outline(READING))
    assert deck_bytes(load_outline(SORA)) == first
    fresh = {**os.environ, "DECKGEN_CACHE_DIR": str(tmp_path / "empty-cache")}
    for _ in range(2):  # a cold cache, then a warm one
        out = tmp_path / "sora.pptx"
        subprocess.run([sys.executable, "-m", "deckgen", "build", str(SORA), "-o", str(out), "--force", "-q"],
                       check=True, env=fresh)
        assert out.read_bytes() == first
