"""Batch build benchmark: deckgen against pandoc, and a no-op rebuild against a full build.

Everything is measured side by side in one run on this machine (machines here are noisy,
so only ratios between numbers taken together mean anything):

1. 100 outlines like a 23-slide discussion deck, built with ``deckgen build DIR --jobs 2``,
   against a shell loop running pandoc once per equivalent Markdown file, and against
   ``xargs -P 2`` running pandoc two at a time.
2. 200 unchanged outlines rebuilt (every deck skipped) against building them all.

Usage: ``python benchmarks/bench_batch.py [--decks 100] [--noop-decks 200] [--rounds 3] [--write docs/performance.md]``
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


def timed(command: list[str] | str, shell: bool = False) -> float:
    """Wall-clock seconds of one command, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, shell=shell, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def deckgen(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "deckgen", "build", *map(str, args), "--quiet"]


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
        times["pandoc shell loop"].append(timed(loop, shell=True))
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


def _cell(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} ({min(seconds):.2f}–{max(seconds):.2f})"


def report(compare: dict[str, list[float]], noop: dict[str, list[float]], decks: int, noop_decks: int,
           rounds: int) -> str:
    """Markdown tables of medians (and ranges) with ratios of medians taken in the same run."""
    median = {name: statistics.median(seconds) for name, seconds in {**compare, **noop}.items()}
    ours = median["deckgen --jobs 2"]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} ({os.cpu_count()} cores), "
        f"Python {platform.python_version()}; {rounds} rounds, the contenders taking turns within "
        "each round; median seconds (range).",
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decks", type=int, default=100)
    parser.add_argument("--noop-decks", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", type=Path, help="Replace the results block of this Markdown file.")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        sys.exit("pandoc is not installed; install it (apt-get install pandoc) to run this benchmark")
    with tempfile.TemporaryDirectory(prefix="deckgen-bench-") as folder:
        work = Path(folder)
        compare = pandoc_comparison(work, args.decks, args.rounds)
        noop = noop_comparison(work, args.noop_decks, args.rounds)
    text = report(compare, noop, args.decks, args.noop_decks, args.rounds)
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
