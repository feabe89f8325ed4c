"""deckgen's speed figures, each against a baseline measured in the same run.

Everything is measured side by side in one run on this machine (machines here are noisy,
so only ratios between numbers taken together mean anything); within each round the
contenders take turns, and the report gives medians over the rounds:

1. ``deckgen --help`` against ``python -c "import click, yaml"`` (the least a click +
   PyYAML program can cost to start).
2. ``deckgen check`` on a 23-slide outline (template cache warm) against the same import;
   the heavy libraries the check loaded are reported too.
3. A warm 23-slide deck built in-process (``deck_bytes``) against the floor: writing that
   deck's own parts into a deflate zip with :mod:`zipfile`.
4. One deck as a process, ``deckgen build OUTLINE -o deck.pptx --force``, against pandoc
   making a .pptx of the same 23 slides; and a right-to-left deck with a picture, a
   comparison and a table against pandoc making the same slides.
5. 100 outlines like that, built with ``deckgen build DIR --jobs 2``, against a shell loop
   running pandoc once per equivalent Markdown file (and against ``xargs -P 2``).
6. 200 unchanged outlines rebuilt (every deck skipped) against building them all.

Usage: ``python benchmarks/bench_batch.py [--decks 100] [--noop-decks 200] [--rounds 3]
[--quick-rounds 15] [--write docs/performance.md]``
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "research policy video model data open collaboration ethics innovation funding evidence "
    "argument claim analysis government industry university talent compute training market "
    "regulation society public trust risk benefit strategy investment breakthrough"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


@dataclass(frozen=True)
class Deck:
    """The content of one synthetic 23-slide discussion deck."""

    title: str
    thesis: str
    sections: list[tuple[str, list[tuple[str, list[str], str]]]]
    questions: list[tuple[str, str | None]]
    takeaways: list[str]


def make_deck(seed: int) -> Deck:
    """Title, thesis, agenda, 4 section dividers, 11 points, 3 questions, takeaways and
    references: 23 slides."""
    rng = random.Random(seed)
    sections = []
    for s in range(4):
        points = [
            (_sentence(rng, 7), [_sentence(rng, rng.randint(8, 14)) for _ in range(4)], _sentence(rng, 20))
            for _ in range(3 if s < 3 else 2)
        ]
        sections.append((f"Part {s + 1}: {_sentence(rng, 3)}", points))
    questions = [(_sentence(rng, 10) + "?", "s1"), (_sentence(rng, 12) + "?", "s3"), (_sentence(rng, 9) + "?", None)]
    return Deck(f"Seminar {seed}: {_sentence(rng, 5)}", _sentence(rng, 25), sections, questions,
                [_sentence(rng, 8) for _ in range(3)])


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def to_outline(deck: Deck) -> str:
    """The deck as a deckgen outline."""
    lines = [f"title: {_quoted(deck.title)}", "template: seminar",
             "source: {title: A synthetic article, author: Benchmark}", f"thesis: {_quoted(deck.thesis)}",
             "sections:"]
    for index, (title, points) in enumerate(deck.sections):
        lines += [f"  - id: s{index}", f"    title: {_quoted(title)}", "    points:"]
        for claim, evidence, notes in points:
            lines += [f"      - claim: {_quoted(claim)}", "        evidence:"]
            lines += [f"          - {_quoted(e)}" for e in evidence]
            lines += [f"        notes: {_quoted(notes)}", "        minutes: 3"]
    lines.append("questions:")
    for prompt, after in deck.questions:
        lines += [f"  - prompt: {_quoted(prompt)}", "    minutes: 5"]
        if after:
            lines.append(f"    after: {after}")
    lines.append("takeaways:")
    lines += [f"  - {_quoted(t)}" for t in deck.takeaways]
    return "\n".join(lines) + "\n"


def to_markdown(deck: Deck) -> str:
    """The same deck as pandoc Markdown: one '#' slide each, bullets, notes divs."""
    out = [f"---\ntitle: {_quoted(deck.title)}\nsubtitle: A synthetic article\n---\n",
           "# Thesis\n", deck.thesis + "\n", "# Agenda\n"]
    out += [f"- {title}" for title, _ in deck.sections] + [""]
    placed = {after: prompt for prompt, after in deck.questions if after}
    for index, (title, points) in enumerate(deck.sections):
        out += [f"# {title}\n"]
        for claim, evidence, notes in points:
            out += [f"# {claim}\n"] + [f"- {e}" for e in evidence] + ["", "::: notes", notes, ":::", ""]
        if f"s{index}" in placed:
            out += [f"# {placed[f's{index}']}\n", "::: notes", "Analysis, 5 min", ":::", ""]
    closing = [prompt for prompt, after in deck.questions if not after]
    out += [f"# {p}\n" for p in closing]
    out += ["# Takeaways\n"] + [f"- {t}" for t in deck.takeaways] + ["", "# References\n", "Benchmark, A synthetic article\n"]
    return "\n".join(out)


def write_inputs(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` outlines and their Markdown twins under ``folder``."""
    outlines, markdown = folder / "outlines", folder / "markdown"
    outlines.mkdir(parents=True)
    markdown.mkdir()
    for seed in range(count):
        deck = make_deck(seed)
        (outlines / f"deck{seed:04d}.yaml").write_text(to_outline(deck), encoding="utf-8")
        (markdown / f"deck{seed:04d}.md").write_text(to_markdown(deck), encoding="utf-8")
    return outlines, markdown


_LAST_CPU: list[float] = [0.0]
"""CPU seconds (user + system) of the last measured run."""
CPU: dict[str, list[float]] = {}
"""CPU seconds of every contender's runs, by contender name."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str] | str, shell: bool = False, stderr: bool = False) -> float:
    """Wall-clock seconds of one command, which must succeed (``stderr``: discard its stderr);
    its CPU seconds (and its children's) go to :data:`_LAST_CPU`."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, shell=shell, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL if stderr else None)
    wall = time.perf_counter() - start
    _LAST_CPU[0] = _children_cpu() - cpu
    return wall


def deckgen_command() -> list[str]:
    """How users start deckgen: the console script beside this Python, else ``-m deckgen``."""
    script = Path(sys.executable).with_name("deckgen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "deckgen"]


def deckgen(*args: str | Path) -> list[str]:
    return [*deckgen_command(), "build", *map(str, args), "--quiet"]


def _turns(contenders: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each contender per round, taking turns within every round."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            times[name].append(run())
            CPU.setdefault(name, []).append(_LAST_CPU[0])
    return times


HEAVY = ("pptx", "lxml", "PIL", "multiprocessing")
_PROBE = (
    "import sys; from deckgen.cli import main\n"
    "try: main(sys.argv[1:], prog_name='deckgen')\n"
    "except SystemExit: pass\n"
    f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or '-', file=sys.stderr)"
)


def heavy_modules_loaded(args: list[str]) -> str:
    """The heavy libraries ``deckgen ARGS`` imports (``-`` for none)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False)
    return done.stderr.strip().splitlines()[-1]


def startup_comparison(work: Path, rounds: int) -> tuple[dict[str, list[float]], str]:
    """``--help``, a warm ``check`` and the bare import, in turns; and what check loaded."""
    outline = work / "startup" / "deck.yaml"
    outline.parent.mkdir(parents=True)
    outline.write_text(to_outline(make_deck(1)), encoding="utf-8")
    check = [*deckgen_command(), "check", str(outline)]
    subprocess.run(check, check=True, capture_output=True)  # fills the template cache
    contenders = {
        "import click, yaml": lambda: timed([sys.executable, "-c", "import click, yaml"]),
        "deckgen --help": lambda: timed([*deckgen_command(), "--help"]),
        "deckgen check": lambda: timed(check, stderr=True),
    }
    return _turns(contenders, rounds), heavy_modules_loaded(["check", str(outline)])


def in_process_comparison(rounds: int, repeat: int = 10) -> dict[str, list[float]]:
    """Seconds per warm 23-slide deck built in this process, and per write of its parts
    into a deflate zip (the floor), in turns; each figure the mean of ``repeat`` runs."""
    import io
    import zipfile

    from deckgen.app.build import deck_bytes
    from deckgen.outline.loader import load_outline

    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as folder:
        path = Path(folder) / "deck.yaml"
        path.write_text(to_outline(make_deck(1)), encoding="utf-8")
        outline = load_outline(path)
    data = deck_bytes(outline)  # warm: template prepared and opened, prototypes cloned
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]

    def floor() -> None:
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for name, blob in parts:
                archive.writestr(name, blob)

    def each(work: Callable[[], object]) -> Callable[[], float]:
        def run() -> float:
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(repeat):
                work()
            _LAST_CPU[0] = (time.process_time() - cpu) / repeat
            return (time.perf_counter() - start) / repeat
        return run

    return _turns({"zip of its parts (floor)": each(floor), "deckgen deck": each(lambda: deck_bytes(outline))}, rounds)


def one_deck_comparison(work: Path, rounds: int) -> dict[str, list[float]]:
    """One 23-slide deck as a process: ``deckgen build --force`` (warm cache) against pandoc."""
    folder = work / "one"
    folder.mkdir()
    deck = make_deck(1)
    outline, markdown = folder / "deck.yaml", folder / "deck.md"
    outline.write_text(to_outline(deck), encoding="utf-8")
    markdown.write_text(to_markdown(deck), encoding="utf-8")
    build = deckgen(outline, "-o", folder / "deck.pptx", "--force")
    subprocess.run(build, check=True)  # fills the template cache
    contenders = {
        "pandoc": lambda: timed(["pandoc", str(markdown), "-o", str(folder / "pandoc.pptx")]),
        "deckgen build --force": lambda: timed(build),
    }
    return _turns(contenders, rounds)


RICH_OUTLINE = """\
title: تقرير
language: ar
template: seminar
sections:
  - title: القسم الأول
    points:
      - claim: صورة
        image: {path: picture.png, alt: رسم}
      - claim: مقارنة
        compare:
          left: {title: اليسار, items: [البحث الأساسي, التعاون المفتوح]}
          right: {title: اليمين, items: [الأخلاقيات, التمويل]}
      - claim: جدول
        table:
          header: [الاستجابة, ما تتطلّبه]
          rows:
            - [البحث الأساسي, رؤية الحاسوب]
            - [التعاون المفتوح, شراكات دولية]
"""
RICH_MARKDOWN = """\
---
title: تقرير
lang: ar
dir: rtl
---

# القسم الأول

# صورة

![رسم](picture.png)

# مقارنة

:::::: columns
::: column
- البحث الأساسي
- التعاون المفتوح
:::
::: column
- الأخلاقيات
- التمويل
:::
::::::

# جدول

| الاستجابة | ما تتطلّبه |
|---|---|
| البحث الأساسي | رؤية الحاسوب |
| التعاون المفتوح | شراكات دولية |
"""


def rich_deck_comparison(work: Path, rounds: int) -> dict[str, list[float]]:
    """One right-to-left deck with a picture, a comparison and a table, as a process (warm cache),
    against pandoc making the same slides."""
    folder = work / "rich"
    folder.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "outlines" / "images" / "reading-a-policy-paper.png",
                folder / "picture.png")
    (folder / "rich.yaml").write_text(RICH_OUTLINE, encoding="utf-8")
    (folder / "rich.md").write_text(RICH_MARKDOWN, encoding="utf-8")
    build = deckgen(folder / "rich.yaml", "-o", folder / "rich.pptx", "--force")
    subprocess.run(build, check=True)  # fills the template cache
    contenders = {
        "pandoc, rich": lambda: timed(["pandoc", str(folder / "rich.md"), "--resource-path", str(folder),
                                       "-o", str(folder / "pandoc.pptx")]),
        "deckgen build --force, rich": lambda: timed(build),
    }
    return _turns(contenders, rounds)


def pandoc_comparison(work: Path, decks: int, rounds: int) -> dict[str, list[float]]:
    """Seconds of each contender in every round; the contenders run in turn within a round."""
    outlines, markdown = write_inputs(work / "compare", decks)
    times: dict[str, list[float]] = {"deckgen --jobs 2": [], "pandoc shell loop": [], "pandoc xargs -P 2": []}
    for round_ in range(rounds):
        out = work / f"compare-out-{round_}"
        out.mkdir()
        loop = f'for f in {markdown}/*.md; do pandoc "$f" -o {out}/"$(basename "$f" .md)".pptx; done'
        xargs = (f'ls {markdown}/*.md | xargs -P 2 -I{{}} sh -c '
                 f'\'pandoc "$1" -o {out}/"$(basename "$1" .md)"-x.pptx\' _ {{}}')
        times["deckgen --jobs 2"].append(timed(deckgen(outlines, "-o", out / "deckgen", "--jobs", "2", "--force")))
        CPU.setdefault("deckgen --jobs 2", []).append(_LAST_CPU[0])
        times["pandoc shell loop"].append(timed(loop, shell=True))
        CPU.setdefault("pandoc shell loop", []).append(_LAST_CPU[0])
        times["pandoc xargs -P 2"].append(timed(xargs, shell=True))
    return times


def noop_comparison(work: Path, decks: int, rounds: int) -> dict[str, list[float]]:
    """Seconds of a full build into a fresh folder, then of rebuilding it unchanged, per round."""
    outlines, _ = write_inputs(work / "noop", decks)
    times: dict[str, list[float]] = {"full build": [], "no-op rebuild": []}
    for round_ in range(rounds):
        out = work / f"noop-out-{round_}"
        times["full build"].append(timed(deckgen(outlines, "-o", out, "--jobs", "2")))
        times["no-op rebuild"].append(timed(deckgen(outlines, "-o", out, "--jobs", "2")))
    return times


def _cell(seconds: list[float], scale: float = 1.0, unit: str = "") -> str:
    return (f"{statistics.median(seconds) * scale:.2f}{unit} "
            f"({min(seconds) * scale:.2f}–{max(seconds) * scale:.2f})")


@dataclass(frozen=True)
class Figure:
    """One line of the targets table: ours against a baseline, and the bar to meet."""

    name: str
    ours: list[float]
    baseline_name: str
    baseline: list[float]
    ours_cpu: list[float]
    baseline_cpu: list[float]
    target: str
    met: Callable[[float], bool]
    faster: bool = False
    """Report the baseline as a multiple of ours (how many times faster we are)."""

    @property
    def ratio(self) -> float:
        ours, theirs = statistics.median(self.ours), statistics.median(self.baseline)
        return theirs / ours if self.faster else ours / theirs

    @property
    def cpu_ratio(self) -> float:
        """The same ratio in CPU seconds, which a busy machine disturbs less."""
        ours, theirs = statistics.median(self.ours_cpu), statistics.median(self.baseline_cpu)
        return theirs / ours if self.faster else ours / theirs


def figures(startup: dict[str, list[float]], loaded: str, in_process: dict[str, list[float]],
            one: dict[str, list[float]], compare: dict[str, list[float]], decks: int) -> list[Figure]:
    """The figures of the performance targets."""
    times = {**startup, **in_process, **one, **compare}

    def figure(name: str, ours: str, baseline_name: str, baseline: str, target: str, met: Callable[[float], bool],
               faster: bool = False) -> Figure:
        return Figure(name, times[ours], baseline_name, times[baseline], CPU[ours], CPU[baseline], target, met, faster)

    return [
        figure("`deckgen --help`", "deckgen --help", "`python -c \"import click, yaml\"`", "import click, yaml",
               "<= 1.5x", lambda r: r <= 1.5),
        figure(f"`deckgen check`, 23 slides, warm cache (heavy modules loaded: {loaded})", "deckgen check",
               "the same import", "import click, yaml", "<= 2.5x, none of pptx, lxml, PIL",
               lambda r: r <= 2.5 and not {"pptx", "lxml", "PIL"} & set(loaded.split())),
        figure("warm 23-slide deck in-process", "deckgen deck", "writing its parts into a deflate zip",
               "zip of its parts (floor)", "<= 3.5x (aim 3x)", lambda r: r <= 3.5),
        figure("one deck as a process (`build --force`)", "deckgen build --force", "pandoc, same 23 slides",
               "pandoc", "<= 2.0x", lambda r: r <= 2.0),
        figure("one right-to-left deck with a picture, a comparison and a table, as a process",
               "deckgen build --force, rich", "pandoc, same slides", "pandoc, rich", "<= 3.0x (it verifies the picture with Pillow)",
               lambda r: r <= 3.0),
        figure(f"{decks} decks `--jobs 2`", "deckgen --jobs 2", "a pandoc-per-file loop", "pandoc shell loop",
               ">= 8x faster (aim 10x)", lambda r: r >= 8.0, faster=True),
    ]


def report(targets: list[Figure], compare: dict[str, list[float]], noop: dict[str, list[float]], decks: int,
           noop_decks: int, rounds: int, quick_rounds: int, load: str) -> str:
    """Markdown tables of medians (and ranges) with ratios of medians taken in the same run."""
    median = {name: statistics.median(seconds) for name, seconds in {**compare, **noop}.items()}
    ours = median["deckgen --jobs 2"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} ({os.cpu_count()} cores, "
        f"{_cpu_name()}), Python {platform.python_version()}, {_pandoc_version()}; the contenders "
        f"take turns within each round; medians over {quick_rounds} rounds (batches: {rounds}), "
        f"ranges in brackets. Load average (1 min) {load}.",
        "",
        "| figure | deckgen | baseline | ratio | target | met | CPU-time ratio |",
        "|---|---:|---|---:|---|---|---:|",
    ]
    for figure in targets:
        ratio = f"{figure.ratio:.1f}x faster" if figure.faster else f"{figure.ratio:.2f}x"
        scale, unit = (1.0, " s") if statistics.median(figure.ours) > 1 else (1000.0, " ms")
        lines.append(f"| {figure.name} | {_cell(figure.ours, scale, unit)} | {figure.baseline_name}: "
                     f"{_cell(figure.baseline, scale, unit)} | {ratio} | {figure.target} | "
                     f"{'yes' if figure.met(figure.ratio) else '**no**'} | {figure.cpu_ratio:.2f}x |")
    lines += [
        "",
        f"| {decks} decks of 23 slides | seconds | ratio to deckgen |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {_cell(seconds)} | {median[name] / ours:.1f}x |" for name, seconds in compare.items()]
    full = median["full build"]
    lines += [
        "",
        f"| {noop_decks} unchanged decks | seconds | share of full build |",
        "|---|---:|---:|",
        f"| full build | {_cell(noop['full build'])} | 100% |",
        f"| no-op rebuild | {_cell(noop['no-op rebuild'])} | {100 * median['no-op rebuild'] / full:.1f}% |",
    ]
    return "\n".join(lines) + "\n"


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _pandoc_version() -> str:
    done = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[0]


def compile_deckgen() -> None:
    """Write deckgen's bytecode, as installing a wheel does: a source checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module in every process."""
    import compileall

    import deckgen

    compileall.compile_dir(str(Path(deckgen.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=int, default=100)
    parser.add_argument("--noop-decks", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of the batch figures.")
    parser.add_argument("--quick-rounds", type=int, default=15, help="Rounds of the start-up and one-deck figures.")
    parser.add_argument("--write", type=Path, help="Replace the results block of this Markdown file.")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        sys.exit("pandoc is not installed; install it (apt-get install pandoc) to run this benchmark")
    compile_deckgen()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as folder:
        work = Path(folder)
        os.environ.setdefault("DECKGEN_CACHE_DIR", str(work / "template-cache"))
        startup, loaded = startup_comparison(work, args.quick_rounds)
        in_process = in_process_comparison(args.quick_rounds)
        one = one_deck_comparison(work, args.quick_rounds)
        one.update(rich_deck_comparison(work, args.quick_rounds))
        compare = pandoc_comparison(work, args.decks, args.rounds)
        noop = noop_comparison(work, args.noop_decks, args.rounds)
    targets = figures(startup, loaded, in_process, one, compare, args.decks)
    load = f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    text = report(targets, compare, noop, args.decks, args.noop_decks, args.rounds, args.quick_rounds, load)
    print(text)
    if args.write:
        write_results(args.write, text)


MARK_BEGIN, MARK_END = "<!-- results: begin -->", "<!-- results: end -->"


def write_results(path: Path, text: str) -> None:
    """Put ``text`` between the results markers of ``path``."""
    document = path.read_text(encoding="utf-8")
    head, _, rest = document.partition(MARK_BEGIN)
    _, _, tail = rest.partition(MARK_END)
    path.write_text(f"{head}{MARK_BEGIN}\n{text}{MARK_END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
