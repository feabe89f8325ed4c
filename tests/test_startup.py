"""Start-up stays light: which heavy libraries each command loads, and the template cache
that lets ``check`` (and a single-deck ``build``) skip preparing the template again.

Speed itself is measured by benchmarks/, never here; these tests pin what users rely on
for it: ``--help`` and a ``check`` with a warm cache never load python-pptx, lxml or
Pillow, and a damaged cache entry is rebuilt instead of breaking anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from deckgen.render.template import cache
from deckgen.render.template.catalog import resolve_template

from tests.conftest import OUTLINES, SORA, fixture_path

HEAVY = ("pptx", "lxml", "PIL", "multiprocessing")
PROBE = """
import json, sys
from deckgen.cli import main
try:
    main(sys.argv[1:], prog_name="deckgen")
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}), file=sys.stderr)
""" % (HEAVY,)


def loaded_by(args: list[str], cache_dir: Path, cwd: Path | None = None) -> tuple[int, list[str]]:
    """Run ``deckgen ARGS`` in a fresh interpreter; its exit code and the heavy modules it loaded."""
    env = {**os.environ, cache.CACHE_ENV: str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, cwd=cwd)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], report["loaded"]


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"], ["check", "--help"]])
def test_help_and_version_load_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    code, loaded = loaded_by(args, tmp_path)
    assert code in (0, None)
    assert loaded == []


def test_check_loads_python_pptx_only_to_fill_a_cold_cache(tmp_path: Path) -> None:
    code, cold = loaded_by(["check", str(SORA)], tmp_path / "cache")
    assert code in (0, None)
    assert "pptx" in cold  # the template had to be prepared once
    code, warm = loaded_by(["check", str(SORA)], tmp_path / "cache")
    assert code in (0, None)
    assert "pptx" not in warm and "lxml" not in warm and "multiprocessing" not in warm
    assert "PIL" not in warm  # the Sora outline has no pictures


def test_pillow_loads_only_for_an_outline_with_pictures(tmp_path: Path) -> None:
    outline = OUTLINES / "reading-a-policy-paper.yaml"
    loaded_by(["check", str(outline)], tmp_path / "cache")
    code, warm = loaded_by(["check", str(outline)], tmp_path / "cache")
    assert code in (0, None)
    assert warm == ["PIL"]  # it verifies the outline's picture


def test_a_warm_check_of_an_outline_without_pictures_loads_no_heavy_library(tmp_path: Path) -> None:
    outline = fixture_path("outlines", "minimal.yaml")
    loaded_by(["check", str(outline)], tmp_path / "cache")
    code, warm = loaded_by(["check", str(outline)], tmp_path / "cache")
    assert code in (0, None)
    assert warm == []


MODULES_PROBE = """
import json, sys
from deckgen.cli import main
try:
    main(sys.argv[1:], prog_name="deckgen")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def modules_after(args: list[str], cache_dir: Path) -> set[str]:
    """Every module ``deckgen ARGS`` imported, in a fresh interpreter."""
    env = {**os.environ, cache.CACHE_ENV: str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", MODULES_PROBE, *args], capture_output=True, text=True, env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


NOT_FOR_CHECK = ("deckgen.app.batch", "deckgen.app.build", "deckgen.app.manifest", "deckgen.app.output",
                 "deckgen.render.template.prepare", "deckgen.render.deck.fill", "deckgen.render.deck.charts", "deckgen.outline.schema",
                 "deckgen.render.template.blueprint", "deckgen.render.deck.writer",
                 "difflib", "tempfile", "zipfile", "concurrent.futures", "subprocess")
"""What building, batches, writing files or a "did you mean" hint need, and a warm check does not."""


def _bare_interpreter_modules() -> set[str]:
    """What this Python loads before any code runs (a site-wide ``.pth`` may load zipfile)."""
    done = subprocess.run([sys.executable, "-c", "import json, sys; print(json.dumps(sorted(sys.modules)))"],
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def test_a_warm_check_imports_no_build_machinery(tmp_path: Path) -> None:
    modules_after(["check", str(SORA)], tmp_path)
    loaded = modules_after(["check", str(SORA)], tmp_path) - _bare_interpreter_modules()
    assert "deckgen.plan.deck" in loaded  # it did plan the deck
    assert sorted(loaded & set(NOT_FOR_CHECK)) == []


def test_a_warm_check_counts_with_babels_rule_engine_but_loads_no_locale_data(tmp_path: Path) -> None:
    """Plural rules come from a small bundled file; a locale's whole CLDR data (which loads
    babel.dates as it is unpickled) would cost a warm check a sixth of its time."""
    modules_after(["check", str(SORA)], tmp_path)
    loaded = modules_after(["check", str(SORA)], tmp_path)
    assert "babel.plural" in loaded
    assert not {"babel.dates", "babel.numbers"} & loaded
    assert not any(m == "babel" or m.startswith("babel.") for m in modules_after(["--help"], tmp_path))


def test_help_imports_no_use_case_beyond_the_cli(tmp_path: Path) -> None:
    loaded = modules_after(["--help"], tmp_path)
    assert sorted(m for m in loaded if m.startswith(("deckgen.app.", "deckgen.plan.", "deckgen.render."))) == []
    assert "deckgen.outline.model" not in loaded


@pytest.mark.parametrize(("outline", "charts"), [(fixture_path("outlines", "minimal.yaml"), False),
                                                 (OUTLINES / "sora-responses-compared.yaml", True)])
def test_the_chart_writer_loads_only_for_a_deck_with_a_chart(outline: Path, charts: bool, tmp_path: Path) -> None:
    """Charts need xlsxwriter (their data workbook): a deck without one does not pay for it."""
    loaded = modules_after(["build", str(outline), "-o", str(tmp_path / "deck.pptx"), "-q"], tmp_path / "cache")
    assert (tmp_path / "deck.pptx").is_file()
    assert ("deckgen.render.deck.charts" in loaded) == charts
    assert ("xlsxwriter" in loaded) == charts


@pytest.mark.parametrize("command", [["handout"], ["handout", "--recap"], ["guide"]])
def test_warm_word_files_take_the_brand_without_python_pptx(command: list[str], tmp_path: Path) -> None:
    """The fonts and colour of a kit's Word files come with the cached template, so a warm
    handout, recap or guide loads no python-pptx."""
    target = str(tmp_path / "out.docx")
    loaded_by([*command, str(SORA), "-o", target], tmp_path / "cache")  # fills the cache
    code, warm = loaded_by([*command, str(SORA), "-o", target], tmp_path / "cache")
    assert code in (0, None) and Path(target).stat().st_size > 0
    assert "pptx" not in warm


def test_check_reports_the_same_template_warnings_warm_as_cold(tmp_path: Path) -> None:
    """A user template with fallbacks: the cached profile keeps its warnings."""
    outline = tmp_path / "talk.yaml"
    template = fixture_path("templates", "pandoc-reference.pptx")
    outline.write_text(f"title: T\ntemplate: {template}\nsections:\n  - title: S\n    points:\n      - claim: C\n"
                       "questions:\n  - prompt: Why?\n", encoding="utf-8")
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-m", "deckgen", "check", str(outline)], capture_output=True, text=True,
                           env=env) for _ in range(2)]
    assert runs[0].returncode == runs[1].returncode == 0
    assert "no layout for" in runs[0].stderr
    assert runs[0].stderr == runs[1].stderr


def test_the_cache_folder_follows_the_override_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform not in ("win32", "darwin"):
        assert cache.cache_dir() == tmp_path / "xdg" / "deckgen"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("template-*.bin"))


@pytest.mark.parametrize("damage", [b"", b"garbage", b"deckgen-template-cache\n" + b"\0" * 32 + b"x"])
def test_a_damaged_cache_entry_is_rebuilt(damage: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    choice = resolve_template("seminar")
    key = cache.entry_key(choice, choice.file.read_bytes())
    assert cache.load(key, choice.file) is None
    from deckgen.render.template.prepared import load_or_prepare

    first = load_or_prepare(choice)
    [entry] = _entries(tmp_path)
    entry.write_bytes(damage)
    assert cache.load(key, choice.file) is None
    again = load_or_prepare(choice)
    assert again == first
    assert cache.load(key, choice.file) == first


def test_an_entry_names_the_template_file_it_was_asked_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Two copies of one template share an entry, but each profile names its own file."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    from deckgen.render.template.prepared import load_or_prepare

    source = fixture_path("templates", "python-pptx-default.pptx").read_bytes()
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "brand.pptx").write_bytes(source)
    profiles = [load_or_prepare(resolve_template(tmp_path / f / "brand.pptx")).profile for f in ("a", "b")]
    assert [p.path for p in profiles] == [tmp_path / "a" / "brand.pptx", tmp_path / "b" / "brand.pptx"]
    assert len(_entries(tmp_path / "cache")) == 1


def test_an_unwritable_cache_folder_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    from deckgen.render.template.prepared import load_or_prepare

    assert load_or_prepare(resolve_template("classic")).profile.name == "classic"


def test_processes_racing_to_fill_the_cache_all_build_the_same_deck(tmp_path: Path) -> None:
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache")}
    outline = fixture_path("outlines", "minimal.yaml")

    def build(index: int) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "deckgen", "build", str(outline), "-o", str(tmp_path / f"{index}.pptx"), "-q"]
        return subprocess.run(command, capture_output=True, text=True, env=env)

    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(build, range(4)))
    assert [r.returncode for r in runs] == [0, 0, 0, 0], [r.stderr for r in runs]
    decks = {(tmp_path / f"{i}.pptx").read_bytes() for i in range(4)}
    assert len(decks) == 1
    assert len(_entries(tmp_path / "cache")) == 1
    assert not [p for p in (tmp_path / "cache").iterdir() if p.suffix == ".tmp"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners are a POSIX notion")
def test_an_entry_another_user_wrote_is_not_loaded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    from deckgen.render.template.prepared import load_or_prepare

    choice = resolve_template("seminar")
    load_or_prepare(choice)
    key = cache.entry_key(choice, choice.file.read_bytes())
    assert cache.load(key, choice.file) is not None
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    assert cache.load(key, choice.file) is None
