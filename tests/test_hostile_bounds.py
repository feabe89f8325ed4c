"""Hostile input: small outlines that ask for huge amounts of work.

Each input is tiny next to the outline size limit, and ``check --strict`` passed them
all, yet each cost minutes or gigabytes: a bullet of 100,000 unmatched ``*`` (3 GB, then
"internal error: MemoryError"), 3,000 links in one bullet (over ten minutes), a table of
600 columns (five minutes), a chart of 2,000 series or 20,000 categories (one to three
minutes), and a 95 MB template built by four workers on a cold cache (4 GB in all). Each
now gets a clear answer at the offending value, or builds, within the hostile bounds of
:mod:`tests.test_hostile` (120 s, 1.5 GB per process), and the whole parallel build stays
within 1.5 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_hostile import GOOD, Hostile, _mutated, _notes_template, answer_is_clear

BULLET = "[a, b]"
"""Where :data:`GOOD` holds its evidence: replaced by a hostile bullet."""


def _outline(text: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(text, encoding="utf-8")
    return setup


def _bullet(text: str) -> str:
    """:data:`GOOD` with one evidence bullet of ``text`` (single-quoted YAML)."""
    return GOOD.replace(BULLET, "['" + text.replace("'", "''") + "']")


def _table(columns: int) -> str:
    header = ", ".join(f"h{n}" for n in range(columns))
    row = ", ".join(f"v{n}" for n in range(columns))
    return GOOD.replace("evidence: [a, b]", f"table: {{header: [{header}], rows: [[{row}]]}}")


def _chart(series: int, categories: int) -> str:
    names = ", ".join(f"c{n}" for n in range(categories))
    values = ", ".join("1" for _ in range(categories))
    lines = "".join(f"            - {{name: s{n}, values: [{values}]}}\n" for n in range(series))
    chart = f"chart:\n          type: column\n          alt: A\n          categories: [{names}]\n          series:\n{lines}"
    return GOOD.replace("evidence: [a, b]\n", chart)


BIG_MEDIA_PARTS = 19
MEDIA_PART_BYTES = 5 * 1024 * 1024
"""A template of 19 pictures of 5 MB each (95 MB, just under the template size limit)."""
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _with_pictures(count: int) -> Callable[[str, bytes], bytes]:
    """Declare PNG pictures and relate ``count`` of them to the slide master, as a logo or background is."""
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
        if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
            rels = "".join(f'<Relationship Id="rId{900 + n}" Type="{_IMAGE}" Target="../media/big{n}.png"/>'
                           for n in range(count))
            return data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
        return data
    return edit


def big_template(folder: Path, outlines: int = 8, parts: int = BIG_MEDIA_PARTS) -> None:
    """A template of ``parts`` pictures of 5 MB (random, incompressible bytes; 95 MB by default)
    and ``outlines`` outlines using it."""
    media = tuple((f"ppt/media/big{n}.png", os.urandom(MEDIA_PART_BYTES)) for n in range(parts))
    _mutated(_notes_template(folder), folder / "big.pptx", _with_pictures(parts), media)
    (folder / "notes.pptx").unlink()
    for number in range(outlines):
        (folder / f"deck{number}.yaml").write_text("template: big.pptx\n" + GOOD.replace("title: T", f"title: T{number}"),
                                                   encoding="utf-8")


COLD_CACHE = {"DECKGEN_CACHE_DIR": "cache"}
"""An empty template cache in the case's folder: every template is prepared anew."""


CORPUS = [
    Hostile("emphasis-100000-unmatched-stars", _outline(_bullet("*a " * 100_000)), ("check", "--strict", "in.yaml"), 1,
            "in.yaml:6:20: sections[0].points[0].evidence[0]: has 100,000 Markdown marks (* _ ` [ ] < \\); "
            "a text may have at most 1,000; split it into several texts"),
    Hostile("emphasis-marks-over-many-bullets", _outline(GOOD.replace(BULLET, "[" + ", ".join(["'" + "*a " * 900 + "'"] * 40) + "]")),
            ("build", "in.yaml", "-o", "out"), 1,
            "sections[0].points[0].evidence[22]: the outline's texts have more than 20,000 Markdown marks"),
    Hostile("links-3000-in-a-bullet", _outline(_bullet("[l](https://e.org/x) " * 3000)), ("check", "--strict", "in.yaml"), 1,
            "in.yaml:6:20: sections[0].points[0].evidence[0]: has 3,000 links; a text may have at most 100; "
            "split it into several texts, or list the sources under references"),
    Hostile("table-600-columns", _outline(_table(600)), ("check", "--strict", "in.yaml"), 1,
            "in.yaml:6:25: sections[0].points[0].table.header: has 600 columns; a table may have at most 50; "
            "split it into two tables, or swap its rows and columns"),
    Hostile("table-600-columns-build", _outline(_table(600)), ("build", "in.yaml", "-o", "out"), 1,
            "in.yaml:6:25: sections[0].points[0].table.header: has 600 columns"),
    Hostile("chart-2000-series", _outline(_chart(2000, 1)), ("check", "--strict", "in.yaml"), 1,
            "in.yaml:11:13: sections[0].points[0].chart.series: has 2,000 series; a chart may have at most 50; "
            "show fewer series, or split it into several charts"),
    Hostile("chart-20000-categories", _outline(_chart(1, 20_000)), ("build", "in.yaml", "-o", "out"), 1,
            "in.yaml:9:23: sections[0].points[0].chart.categories: has 20,000 categories; a chart may have at most "
            "1,000; group them (by month rather than by day) or sample them"),
    Hostile("template-of-95-MB-with-4-workers", big_template, ("build", ".", "-o", "out", "-j", "4"), 0,
            "info: template 'big.pptx' holds 95 MB; building with 1 worker rather than 4", COLD_CACHE),
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    answer_is_clear(case, tmp_path)


# --------------------------------------------------------------------------- memory of a whole batch


def _children(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo += parents.get(tree[-1], [])
    return tree


def _resident(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration, ValueError):
        return 0


def _peak_of_tree(process: subprocess.Popen[str]) -> int:
    """The largest total resident memory of ``process`` and its workers seen while it runs."""
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(_resident(pid) for pid in _children(process.pid)))
        time.sleep(0.02)
    return peak


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory use from /proc")
def test_a_parallel_build_on_a_95_mb_template_stays_within_1_5_gb_in_total(tmp_path: Path) -> None:
    big_template(tmp_path)
    environment = {**os.environ, "CI": "true", **COLD_CACHE}
    process = subprocess.Popen([sys.executable, "-m", "deckgen", "build", ".", "-o", "out", "-j", "4"], cwd=tmp_path,
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    peak = _peak_of_tree(process)
    assert process.returncode == 0
    assert peak < 1536 * 1024 * 1024, f"{peak // (1024 * 1024)} MB"
    assert len(list((tmp_path / "out").glob("*.pptx"))) == 8
