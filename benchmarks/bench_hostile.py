"""Hostile-input benchmark: time and peak memory of deckgen on every input of the hostile corpus.

The tests (tests/test_hostile.py) only bound each case (120 s, 1.5 GB address space);
this script measures how far inside those bounds each case stays, so a regression that
makes one input slow or hungry shows up as a number. Each case runs ``python -m deckgen``
in a fresh folder under ``/usr/bin/time`` (peak resident memory).

Usage: ``python benchmarks/bench_hostile.py [--only NAME-FRAGMENT]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import importlib  # noqa: E402


def _corpus() -> list:  # type: ignore[type-arg]
    """Every case of the hostile corpus: the ``CORPUS`` of each ``tests/test_hostile*.py``
    (the cases are defined once, with their tests)."""
    cases = []
    for module in sorted((ROOT / "tests").glob("test_hostile*.py")):
        cases.extend(getattr(importlib.import_module(f"tests.{module.stem}"), "CORPUS", []))
    return cases


def measure(only: str) -> None:
    worst_seconds, worst_mb = 0.0, 0
    cases = [case for case in _corpus() if only in case.name]
    for case in cases:
        with tempfile.TemporaryDirectory(prefix="deckgen-hostile-") as work:
            folder = Path(work)
            case.setup(folder)
            env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | case.env | {"CI": "true"}
            started = time.monotonic()
            result = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "deckgen", *case.args],
                                    cwd=folder, env=env, capture_output=True, text=True, errors="replace", timeout=600)
            seconds = time.monotonic() - started
            peak_mb = int(result.stderr.strip().splitlines()[-1]) // 1024
        worst_seconds, worst_mb = max(worst_seconds, seconds), max(worst_mb, peak_mb)
        print(f"{case.name:40} exit {result.returncode}  {seconds:6.1f} s  {peak_mb:6d} MB")
    print(f"worst of {len(cases)} cases: {worst_seconds:.1f} s, {worst_mb} MB peak resident memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="Run only the cases whose name contains this.")
    measure(parser.parse_args().only)


if __name__ == "__main__":
    main()
