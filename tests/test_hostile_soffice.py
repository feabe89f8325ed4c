"""Hostile surroundings of the PDF export: a LibreOffice that hangs or writes garbage, and
output names that collide.

LibreOffice is played by small shell scripts named ``soffice`` in the case's ``bin/``
folder, which comes first on ``PATH``: one never answers (and starts a child that never
answers either, as LibreOffice's launcher does), others leave a web page, a PDF cut short or
a link to ``/dev/zero`` where the PDF should be. ``DECKGEN_SOFFICE_TIMEOUT`` keeps each case
to a few seconds. Whatever LibreOffice does, deckgen must answer in one line, never leave
anything but a PDF at a PDF's path, and never leave a LibreOffice running.

Output names: an audience named ``notes`` or ``handout``, or outlines ``a.yaml`` and
``a-handout.yaml``, would make one deck's kit file and another deck's PDF one file. The
build refuses before writing anything, naming both.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.app import pdf
from deckgen.app.batch import plan_jobs
from deckgen.app.libreoffice import TIMEOUT_ENV, time_limit
from deckgen.app.pdf import Conversion, convert_all
from deckgen.errors import BuildError
from tests.conftest import OUTLINES
from tests.test_hostile import GOOD, Hostile, _limit_memory, assert_clean, deckgen

FAKE_PATH = f"bin{os.pathsep}{os.environ.get('PATH', '')}"
"""``PATH`` with the case's own ``bin/`` first (relative: each case runs in its folder)."""
PIDS = "soffice.pids"
"""Where the hanging fake notes its process and its child, relative to the case's folder."""

HANGS = f"""#!/bin/sh
echo $$ >> {PIDS}
sleep 1000 &
echo $! >> {PIDS}
wait
"""
"""A LibreOffice that never finishes, with a child that outlives it unless its group is killed."""


def _writes(command: str) -> str:
    """A LibreOffice that runs ``command`` for each file, with ``$pdf`` the PDF it should write."""
    return f"""#!/bin/sh
out=.
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; mkdir -p "$out"; shift;;
    *.pptx|*.docx) name=$(basename "$1"); pdf="$out/${{name%.*}}.pdf"; {command};;
  esac
  shift
done
"""


WRITES_HTML = _writes("""echo '<html><body>Error: conversion failed</body></html>' > "$pdf\"""")
WRITES_CUT_SHORT = _writes("""printf '%%PDF-1.7\\n1 0 obj\\n<< /Type /Catalog' > "$pdf\"""")
LINKS_TO_DEV_ZERO = _writes("""ln -s /dev/zero "$pdf\"""")
WRITES_PDF_UNLESS_HANG = _writes("""if grep -q HANG "$1"; then sleep 1000; else printf '%%PDF-1.4\\n%%%%EOF\\n' > "$pdf"; fi""")
"""Converts each file to a tiny valid PDF, but hangs on a file holding the word HANG."""


def _fake(script: str, outline: str = GOOD) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(outline, encoding="utf-8")
        (folder / "bin").mkdir()
        (folder / "bin" / "soffice").write_text(script, encoding="utf-8")
        (folder / "bin" / "soffice").chmod(0o755)
    return setup


def _outlines(texts: dict[str, str]) -> Callable[[Path], None]:
    """Outlines by file name (``x/a.yaml`` makes the folder too)."""
    def setup(folder: Path) -> None:
        for name, text in texts.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
    return setup


def _audience(name: str) -> str:
    return GOOD + f"audiences:\n  {name}: {{}}\n"


HUNG = {"PATH": FAKE_PATH, TIMEOUT_ENV: "2"}
TIMED_OUT = "bin/soffice: did not finish the PDF export within its time limit of 2 s: "
NOT_A_PDF = "LibreOffice could not convert it to in.pdf (it wrote a file that is not a PDF: no %PDF- header)"

CORPUS = [
    # --- a LibreOffice that never finishes: one deadline for the whole export, one line
    Hostile("soffice-hangs-build-kit", _fake(HANGS), ("build", "in.yaml", "-o", "out", "--kit"), 1,
            TIMED_OUT + "3 PDF(s) not made (out/in.pdf, out/in-notes.pdf, out/in-handout.pdf); "
            f"allow more time with {TIMEOUT_ENV}=SECONDS", HUNG),
    Hostile("soffice-hangs-build-pdf", _fake(HANGS), ("build", "in.yaml", "-o", "d.pptx", "--pdf", "-j", "2"), 1,
            TIMED_OUT + "1 PDF(s) not made (d.pdf)", HUNG),
    Hostile("soffice-hangs-handout-pdf", _fake(HANGS), ("handout", "in.yaml", "-o", "h.pdf"), 1,
            TIMED_OUT + "1 PDF(s) not made (h.pdf)", HUNG),
    Hostile("soffice-hangs-preview", _fake(HANGS), ("preview", "in.yaml"), 1, TIMED_OUT, HUNG),
    Hostile("soffice-timeout-not-a-number", _fake(HANGS), ("build", "in.yaml", "-o", "out", "--kit"), 1,
            f"{TIMEOUT_ENV}: 'soon' is not a number of seconds between 0 and 86400", {"PATH": FAKE_PATH, TIMEOUT_ENV: "soon"}),
    Hostile("soffice-timeout-infinite", _fake(HANGS), ("build", "in.yaml", "-o", "d.pptx", "--pdf"), 1,
            f"{TIMEOUT_ENV}: 'inf' is not a number of seconds", {"PATH": FAKE_PATH, TIMEOUT_ENV: "inf"}),
    # --- a LibreOffice that writes something else than a PDF
    Hostile("soffice-writes-a-web-page", _fake(WRITES_HTML), ("build", "in.yaml", "-o", "out", "--kit"), 1,
            f"out/in.pptx: {NOT_A_PDF}; try opening it in LibreOffice", {"PATH": FAKE_PATH}),
    Hostile("soffice-writes-a-web-page-for-handout", _fake(WRITES_HTML), ("handout", "in.yaml", "-o", "h.pdf"), 1,
            "(it wrote a file that is not a PDF: no %PDF- header)", {"PATH": FAKE_PATH}),
    Hostile("soffice-writes-a-pdf-cut-short", _fake(WRITES_CUT_SHORT), ("build", "in.yaml", "-o", "out", "--pdf"), 1,
            "out/in.pptx: LibreOffice could not convert it to in.pdf (it wrote a PDF that is cut short: no %%EOF at its end)",
            {"PATH": FAKE_PATH}),
    Hostile("soffice-leaves-a-link-to-dev-zero", _fake(LINKS_TO_DEV_ZERO), ("build", "in.yaml", "-o", "out", "--pdf"), 1,
            "out/in.pptx: LibreOffice could not convert it to in.pdf (it produced no PDF)", {"PATH": FAKE_PATH}),
    # --- output names that collide: refused before anything is written
    Hostile("audience-named-notes", _outlines({"in.yaml": _audience("notes")}), ("build", "in.yaml", "-o", "out", "--kit"), 1,
            "in.yaml: audiences.notes: its slides PDF would be out/in-notes.pdf, which is also the notes PDF of in.yaml; "
            "rename the audience 'notes' so no two outputs share a name (nothing was built)"),
    Hostile("audience-named-handout", _outlines({"in.yaml": _audience("handout")}), ("build", "in.yaml", "-o", "out", "--kit"), 1,
            "in.yaml: audiences.handout: its slides PDF would be out/in-handout.pdf, which is also the handout PDF of in.yaml"),
    Hostile("outlines-a-and-a-handout", _outlines({"a.yaml": GOOD, "a-handout.yaml": GOOD}), ("build", ".", "-o", "out", "--kit"), 1,
            "a.yaml: its handout PDF would be out/a-handout.pdf, which is also the slides PDF of a-handout.yaml; "
            "rename one of the outlines"),
    Hostile("outlines-a-and-a-notes", _outlines({"a.yaml": GOOD, "a-notes.yaml": GOOD}), ("build", ".", "-o", "out", "--kit"), 1,
            "a.yaml: its notes PDF would be out/a-notes.pdf, which is also the slides PDF of a-notes.yaml"),
    Hostile("outline-and-audience-one-deck", _outlines({"a.yaml": _audience("handout"), "a-handout.yaml": GOOD}),
            ("build", ".", "-o", "out", "--all-audiences"), 1,
            "a.yaml: audiences.handout: its deck would be out/a-handout.pptx, which is also the deck of a-handout.yaml; "
            "rename an outline or the audience 'handout'"),
    Hostile("two-folders-one-outline-name", _outlines({"x/a.yaml": GOOD, "y/a.yaml": GOOD}), ("build", "x", "y", "-o", "out"), 1,
            "y/a.yaml: its deck would be out/a.pptx, which is also the deck of x/a.yaml"),
    Hostile("kit-guide-over-an-outline", _outlines({"a.yaml": GOOD, "a-facilitator.md": GOOD}), ("build", "a.yaml", "a-facilitator.md", "-o", ".", "--kit"), 1,
            "a.yaml: its Markdown guide would be a-facilitator.md, which is an outline of this build"),
]

NOTHING_WRITTEN = {"soffice-timeout-not-a-number", "soffice-timeout-infinite", "audience-named-notes", "audience-named-handout",
                   "outlines-a-and-a-handout", "outlines-a-and-a-notes", "outline-and-audience-one-deck",
                   "two-folders-one-outline-name", "kit-guide-over-an-outline"}
"""Cases refused before anything is written."""


def _files(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file() and not path.is_symlink()}


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not count)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _no_soffice_left(folder: Path) -> None:
    """Every process the fake LibreOffice started has ended (within a moment: SIGKILL is quick)."""
    pids = [int(line) for line in (folder / PIDS).read_text().split()] if (folder / PIDS).exists() else []
    deadline = time.monotonic() + 2
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if _alive(pid)], "a LibreOffice process was left running"


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    before = _files(tmp_path)
    started = time.monotonic()
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    assert result.returncode == case.exit_code, result.stdout + result.stderr
    assert case.message in result.stderr, result.stderr
    if not case.name.startswith("soffice-writes"):  # a file LibreOffice garbles is one line per file
        assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == 1, result.stderr
    assert time.monotonic() - started < 20
    assert_clean(result, tmp_path)
    _no_soffice_left(tmp_path)
    assert not [p for p in tmp_path.rglob("*.pdf") if not p.is_symlink()], "a file that is not a PDF was left"
    if case.name in NOTHING_WRITTEN:
        assert _files(tmp_path) == before


# --------------------------------------------------------------------------- stopping


@pytest.mark.parametrize("signum, exit_code, said", [(signal.SIGTERM, 143, "error: stopped by SIGTERM"),
                                                     (signal.SIGINT, 1, "Aborted!")], ids=["SIGTERM", "SIGINT"])
def test_a_signal_during_a_hung_export_ends_deckgen_and_libreoffice_at_once(
        signum: int, exit_code: int, said: str, tmp_path: Path) -> None:
    _fake(HANGS)(tmp_path)
    environment = {**os.environ, "CI": "true", "PATH": FAKE_PATH}
    environment.pop(TIMEOUT_ENV, None)  # the generous default: only the signal ends it
    process = subprocess.Popen([sys.executable, "-m", "deckgen", "build", "in.yaml", "-o", "out", "--kit", "-j", "2"],
                               cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_limit_memory)
    try:
        deadline = time.monotonic() + 60
        while len(_pids(tmp_path)) < 4 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)  # two calls side by side, each with its child
        assert len(_pids(tmp_path)) == 4
        signalled = time.monotonic()
        process.send_signal(signum)
        _stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert time.monotonic() - signalled < 2
    assert process.returncode == exit_code and said in stderr, stderr
    assert "Traceback" not in stderr
    _no_soffice_left(tmp_path)
    time.sleep(0.5)
    assert len(_pids(tmp_path)) == 4, "another LibreOffice was started after the signal"


def _pids(folder: Path) -> list[str]:
    return (folder / PIDS).read_text().split() if (folder / PIDS).exists() else []


# --------------------------------------------------------------------------- deadline, hang, retries


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Put a fake ``soffice`` running ``script`` first on PATH; returns the folder it runs in."""

    def install(script: str) -> Path:
        _fake(script.replace(PIDS, str(tmp_path / PIDS)))(tmp_path)
        monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
        monkeypatch.delenv(TIMEOUT_ENV, raising=False)
        return tmp_path

    return install


def _sources(folder: Path, *texts: str) -> list[Conversion]:
    conversions = []
    for index, text in enumerate(texts):
        (folder / f"d{index}.pptx").write_text(text, encoding="utf-8")
        conversions.append(Conversion(folder / f"d{index}.pptx", folder / f"d{index}.pdf"))
    return conversions


def test_a_libreoffice_that_makes_nothing_is_given_up_after_its_first_timeout(
        fake_soffice: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = fake_soffice(HANGS)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_BASE_S", 0.5)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_PER_FILE_S", 0)
    conversions = [Conversion(c.source, c.target, kind) for c, kind in zip(_sources(folder, "a", "b", "c"), ("slides", "notes", "document"))]
    started = time.monotonic()
    failures = convert_all(conversions, processes=2)
    assert time.monotonic() - started < 3  # not three calls and three retries
    assert len(_pids(folder)) == 4, "a call was started after LibreOffice was found to hang"
    assert [f.message.split(" (a dialog")[0] for f in failures] == [
        f"{folder / 'bin' / 'soffice'}: made no PDF within 0.5 s and was stopped: 3 PDF(s) not made "
        f"({folder / 'd0.pdf'}, {folder / 'd1.pdf'}, {folder / 'd2.pdf'}); check that "
        f"'{folder / 'bin' / 'soffice'} --headless --convert-to pdf FILE' works on this machine"]
    assert failures[0].conversions == tuple(conversions)
    _no_soffice_left(folder)


def test_a_file_that_hangs_libreoffice_costs_only_itself_and_is_retried_once(
        fake_soffice: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = fake_soffice(WRITES_PDF_UNLESS_HANG)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_BASE_S", 0.5)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_PER_FILE_S", 0)
    monkeypatch.setattr(pdf, "CONVERT_TIMEOUT_S", 0.5)
    conversions = _sources(folder, "ok", "HANG", "ok")
    started = time.monotonic()
    failures = convert_all(conversions, processes=1)
    assert time.monotonic() - started < 3  # the shared call, then one retry of each file it missed
    assert [f.message for f in failures] == [
        f"{folder / 'd1.pptx'}: LibreOffice could not convert it to d1.pdf (LibreOffice did not finish within 0.5 s); "
        "try opening it in LibreOffice"]
    assert (folder / "d0.pdf").read_bytes().startswith(b"%PDF-") and (folder / "d2.pdf").is_file()
    assert not (folder / "d1.pdf").exists()


def test_the_deadline_covers_the_retries_too(fake_soffice: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = fake_soffice(WRITES_PDF_UNLESS_HANG)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_BASE_S", 0.5)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_PER_FILE_S", 0)
    monkeypatch.setenv(TIMEOUT_ENV, "1.5")  # the retry of the hanging file would take 300 s
    started = time.monotonic()
    failures = convert_all(_sources(folder, "ok", "HANG"), processes=1)
    assert time.monotonic() - started < 3
    assert [f.message.split(";")[0] for f in failures] == [
        f"{folder / 'bin' / 'soffice'}: did not finish the PDF export within its time limit of 1.5 s: "
        f"1 PDF(s) not made ({folder / 'd1.pdf'})"]
    assert (folder / "d0.pdf").is_file()


@pytest.mark.parametrize("setting", ["soon", "0", "-5", "nan", "inf", "1e400", "86401", "\u0663", "1_0x"])
def test_a_timeout_setting_that_is_not_seconds_is_refused(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIMEOUT_ENV, setting)
    with pytest.raises(BuildError, match=f"^{TIMEOUT_ENV}: '.*' is not a number of seconds between 0 and 86400; "):
        time_limit(3)


def test_the_time_limit_grows_with_the_export_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    assert time_limit(1) == 320 and time_limit(30) == 900
    monkeypatch.setenv(TIMEOUT_ENV, " 2.5 ")
    assert time_limit(30) == 2.5
    assert not math.isnan(time_limit(0))


# --------------------------------------------------------------------------- not a PDF


def test_garbage_never_replaces_an_earlier_pdf(tmp_path: Path) -> None:
    _fake(WRITES_HTML)(tmp_path)
    earlier = b"%PDF-1.4\nearlier\n%%EOF\n"
    (tmp_path / "d.pdf").write_bytes(earlier)
    result = deckgen("build", "in.yaml", "-o", "d.pptx", "--pdf", cwd=tmp_path, env={"PATH": FAKE_PATH})
    assert result.returncode == 1
    assert "error: d.pptx: LibreOffice could not convert it to d.pdf (it wrote a file that is not a PDF" in result.stderr
    assert (tmp_path / "d.pdf").read_bytes() == earlier
    assert_clean(result, tmp_path)


# --------------------------------------------------------------------------- output names


def test_every_bundled_outline_and_audience_builds_with_its_kit_side_by_side() -> None:
    outlines = sorted(OUTLINES.glob("*.yaml"))
    plan = plan_jobs(outlines, Path("out"), all_audiences=True, kit=True, pdf=True)
    assert plan.problems == [] and len(plan.jobs) > len(outlines)


def test_one_deck_to_a_file_has_its_kit_beside_it() -> None:
    plan = plan_jobs([OUTLINES / "sora-china-ai.yaml"], Path("talks/sora.pptx"), kit=True, pdf=True)
    assert plan.problems == [] and [job.output for job in plan.jobs] == [Path("talks/sora.pptx")]


def test_a_clash_found_on_one_shard_is_found_on_every_shard(tmp_path: Path) -> None:
    _outlines({"in.yaml": _audience("notes")})(tmp_path)
    for index in ("1/2", "2/2"):
        result = deckgen("build", "in.yaml", "-o", "out", "--kit", "--shard", index, cwd=tmp_path)
        assert result.returncode == 1 and "which is also the notes PDF of in.yaml" in result.stderr
    assert not (tmp_path / "out").exists()
