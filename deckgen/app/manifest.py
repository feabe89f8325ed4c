"""Incremental builds: remember a digest of every deck's inputs in its output folder.

A deck whose inputs (outline, images, template, audience, deckgen version, the
reproducibility epoch) are unchanged, and whose output file is still the one written,
is skipped on the next build.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from deckgen.app.output import open_regular_file, write_atomically
from deckgen.records import record

MANIFEST_NAME = ".deckgen-manifest.json"
_FORMAT = 1
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
"""Largest manifest read (a record is ~300 bytes: room for 200,000 decks)."""


@record(frozen=True)
class Record:
    """What a deck was built from and what was written, as sha256 digests.

    ``files`` lists every input file (outline, images, template, brand file) so that a
    later build can tell whether anything changed by hashing them, without parsing.
    """

    inputs: str
    output: str
    files: tuple[str, ...] = ()


def file_digest(path: Path) -> str:
    """sha256 of a regular file's bytes; OSError for anything else (a FIFO, a device)."""
    digest = hashlib.sha256()
    with open_regular_file(path) as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


_DIGESTS: dict[tuple[Path, int, int], str] = {}
"""Digests of input files by (path, size, mtime): a batch hashes a shared template once."""


def _input_digest(path: Path) -> str:
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):  # a record naming /dev/zero or a FIFO: never read it
        raise OSError(f"{path}: not a regular file")
    key = (path, status.st_size, status.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = file_digest(path)
    return _DIGESTS[key]


def inputs_digest(files: Iterable[Path], words: Iterable[str]) -> str:
    """One digest over the contents of ``files`` (in the given order) and some extra ``words``."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path}\0{_input_digest(path)}\0".encode("utf-8", "surrogateescape"))
    for word in words:
        digest.update(word.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def manifest_problem(folder: Path) -> str | None:
    """Why ``folder``'s manifest cannot be used (it is then ignored and decks rebuilt), or None.

    Never blocks and never reads without bound: a FIFO, a device, a folder or a symlink in
    its place, an oversized or unparsable file are all reported here.
    """
    path = folder / MANIFEST_NAME
    try:
        status = path.lstat()
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        return f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})"
    if not stat.S_ISREG(status.st_mode):
        return f"{path}: is not a regular file; ignoring it and rebuilding every deck (delete it to silence this)"
    _records, problem = _load(path)
    return problem


def read_manifest(folder: Path) -> dict[str, Record]:
    """The records of ``folder``'s manifest by deck file name; empty when missing or damaged."""
    path = folder / MANIFEST_NAME
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return {}
    except (OSError, ValueError):
        return {}
    records, _problem = _load(path)
    return records


def _load(path: Path) -> tuple[dict[str, Record], str | None]:
    damaged = f"{path}: is damaged; ignoring it and rebuilding every deck"
    try:
        with open_regular_file(path) as stream:
            data = stream.read(MAX_MANIFEST_BYTES + 1)
    except (OSError, ValueError):
        return {}, f"{path}: cannot be read; ignoring it and rebuilding every deck"
    if len(data) > MAX_MANIFEST_BYTES:
        return {}, f"{path}: is larger than {MAX_MANIFEST_BYTES // (1024 * 1024)} MB; ignoring it and rebuilding every deck"
    try:
        raw = json.loads(data.decode("utf-8"))
        decks = raw["decks"] if raw.get("format") == _FORMAT else {}
        return {
            str(k): Record(str(v["inputs"]), str(v["output"]), tuple(str(f) for f in v.get("files", ())))
            for k, v in decks.items()
        }, None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}, damaged


def is_up_to_date(output: Path, words: Iterable[str], records: Mapping[str, Record]) -> bool:
    """True when ``output`` is the file last written and none of its inputs changed since.

    Cheap on purpose: it hashes the recorded input files and the output, and parses nothing.
    """
    record = records.get(output.name)
    if record is None or not record.files or output.is_symlink() or not output.is_file():
        return False
    try:
        current = inputs_digest((Path(f) for f in record.files), words)
    except OSError:  # an input was deleted or moved: build again and report properly
        return False
    return current == record.inputs and file_digest(output) == record.output


def write_manifest(folder: Path, updates: Mapping[str, Record]) -> None:
    """Merge ``updates`` into ``folder``'s manifest (sorted keys, so it diffs cleanly).

    Something other than a regular file in the manifest's place (a folder, a FIFO, a
    symlink) is left alone: the build already warned that it ignores it.
    """
    if not updates:
        return
    try:
        existing = (folder / MANIFEST_NAME).lstat()
        if not stat.S_ISREG(existing.st_mode):
            return
    except (OSError, ValueError):
        pass
    records = {**read_manifest(folder), **updates}
    decks = {
        name: {"inputs": r.inputs, "output": r.output, "files": list(r.files)}
        for name, r in sorted(records.items())
    }
    text = json.dumps({"format": _FORMAT, "decks": decks}, indent=2, sort_keys=True) + "\n"
    write_atomically(folder / MANIFEST_NAME, text.encode("utf-8"))
