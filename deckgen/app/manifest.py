"""Incremental builds: remember a digest of every deck's inputs in its output folder.

A deck whose inputs (outline, images, template, audience, deckgen version, the
reproducibility epoch) are unchanged, and whose output file is still the one written,
is skipped on the next build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from deckgen.app.output import write_atomically

MANIFEST_NAME = ".deckgen-manifest.json"
_FORMAT = 1


@dataclass(frozen=True)
class Record:
    """What a deck was built from and what was written, as sha256 digests.

    ``files`` lists every input file (outline, images, template, brand file) so that a
    later build can tell whether anything changed by hashing them, without parsing.
    """

    inputs: str
    output: str
    files: tuple[str, ...] = ()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


_DIGESTS: dict[tuple[Path, int, int], str] = {}
"""Digests of input files by (path, size, mtime): a batch hashes a shared template once."""


def _input_digest(path: Path) -> str:
    status = path.stat()
    key = (path, status.st_size, status.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = file_digest(path)
    return _DIGESTS[key]


def inputs_digest(files: Iterable[Path], words: Iterable[str]) -> str:
    """One digest over the contents of ``files`` (in the given order) and some extra ``words``."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path}\0{_input_digest(path)}\0".encode())
    for word in words:
        digest.update(word.encode() + b"\0")
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict[str, Record]:
    """The records of ``folder``'s manifest by deck file name; empty when missing or damaged."""
    try:
        raw = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        decks = raw["decks"] if raw.get("format") == _FORMAT else {}
        return {
            str(k): Record(str(v["inputs"]), str(v["output"]), tuple(str(f) for f in v.get("files", ())))
            for k, v in decks.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def is_up_to_date(output: Path, words: Iterable[str], records: Mapping[str, Record]) -> bool:
    """True when ``output`` is the file last written and none of its inputs changed since.

    Cheap on purpose: it hashes the recorded input files and the output, and parses nothing.
    """
    record = records.get(output.name)
    if record is None or not record.files or not output.is_file():
        return False
    try:
        current = inputs_digest((Path(f) for f in record.files), words)
    except OSError:  # an input was deleted or moved: build again and report properly
        return False
    return current == record.inputs and file_digest(output) == record.output


def write_manifest(folder: Path, updates: Mapping[str, Record]) -> None:
    """Merge ``updates`` into ``folder``'s manifest (sorted keys, so it diffs cleanly)."""
    if not updates:
        return
    records = {**read_manifest(folder), **updates}
    decks = {
        name: {"inputs": r.inputs, "output": r.output, "files": list(r.files)}
        for name, r in sorted(records.items())
    }
    text = json.dumps({"format": _FORMAT, "decks": decks}, indent=2, sort_keys=True) + "\n"
    write_atomically(folder / MANIFEST_NAME, text.encode("utf-8"))
