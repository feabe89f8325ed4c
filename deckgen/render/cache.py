"""The prepared-template cache on disk, so a new process need not prepare a template again.

Preparing a template (vetting it, opening it with python-pptx, dropping its example
slides, profiling its layouts, checking its text contrast) costs more than building a
deck from it. Its result depends only on the template's bytes, the bundled brand file
(for a bundled template), the name deckgen calls it by, and deckgen's own code, so it is
stored under a key made of exactly those, in the user's cache folder:

- ``$DECKGEN_CACHE_DIR`` when set (tests point it at a temporary folder);
- else ``$XDG_CACHE_HOME/deckgen``, or ``~/.cache/deckgen`` (``~/Library/Caches/deckgen``
  on macOS, ``%LOCALAPPDATA%\\deckgen\\Cache`` on Windows).

Two processes may fill the same entry at once: each writes a private temporary file and
renames it into place (``os.replace`` is atomic), so a reader sees a whole entry or none.
An entry that cannot be read or decoded, or that another user wrote, is ignored and
rebuilt, never an error; a cache folder that cannot be written just means every process
prepares its template itself.

An entry holds two checked sections, the profile first: ``deckgen check`` reads and
unpickles only that, without loading python-pptx, lxml or the writers' types.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from dataclasses import replace
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

from typing import TYPE_CHECKING

from deckgen import __version__
from deckgen.errors import TemplateError
from deckgen.plan.profile import TemplateProfile
from deckgen.records import record
from deckgen.render.catalog import TemplateChoice

if TYPE_CHECKING:
    from deckgen.render.blueprint import DeckBlueprint
    from deckgen.render.zipwriter import ZipEntry

CACHE_ENV = "DECKGEN_CACHE_DIR"
FORMAT = 5
"""Bumped whenever what an entry holds changes shape."""
_MAGIC = b"deckgen-template-cache\n"
_KEEP_SECONDS = 30 * 24 * 3600
"""Entries not used for this long are removed when a new entry is written."""
_PACKAGE = Path(__file__).resolve().parent.parent


@record(frozen=True)
class StoredTemplate:
    """What preparing a template produced: everything a build or a check needs from it."""

    profile: TemplateProfile
    package: bytes
    """The cleaned template (example slides dropped, missing parts added) as an uncompressed zip."""
    entries: dict[str, ZipEntry]
    """Its parts and their relationships as compressed zip entries, by member name."""
    blueprint: DeckBlueprint | None = None
    """What decks on it start from, for writing them without python-pptx (None: they need it)."""


def read_template_file(path: Path) -> bytes:
    """The template file's bytes (what its entry is keyed by)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise TemplateError.about(path, f"cannot be read ({error.strerror or error})") from None


_PROFILES: dict[tuple[Path, int, int, str], TemplateProfile] = {}


def template_profile(choice: TemplateChoice) -> TemplateProfile:
    """``choice``'s profile (layouts, fallbacks, contrast lints), from the cache when it is
    there; otherwise the template is prepared now (which loads python-pptx) and stored."""
    try:
        status = choice.file.stat()
    except OSError as error:
        raise TemplateError.about(choice.file, f"cannot be read ({error.strerror})") from None
    memo = (choice.file, status.st_size, status.st_mtime_ns, choice.name)
    if memo not in _PROFILES:
        profile = load_profile(choice, entry_key(choice, read_template_file(choice.file)))
        if profile is None:
            from deckgen.render.prepare import prepare_template

            profile = prepare_template(choice).profile
        _PROFILES[memo] = profile
    return _PROFILES[memo]


def stored_entry(choice: TemplateChoice) -> StoredTemplate | None:
    """``choice``'s entry when the cache holds one (None: the template must be prepared)."""
    return load(choice, entry_key(choice, read_template_file(choice.file)))


def cache_dir() -> Path:
    """The folder holding the cache entries (which may not exist yet)."""
    override = os.environ.get(CACHE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "deckgen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "deckgen"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "deckgen"


def _code_stamp() -> bytes:
    """Which code prepared an entry: deckgen's version, and the sizes and times of the
    source files of deckgen and of the libraries that write the package (a development
    checkout changes its code without changing its version)."""
    stamp = [f"{FORMAT} {__version__}"]
    files = [os.path.join(folder, name) for folder, _dirs, names in sorted(os.walk(_PACKAGE))
             for name in sorted(names) if name.endswith(".py")]
    for library in ("pptx", "lxml"):  # an upgrade rewrites the package's __init__.py
        spec = find_spec(library)  # locates the package without importing it
        if spec is not None and spec.origin:
            files.append(spec.origin)
    for file in files:
        status = os.stat(file)
        stamp.append(f"{file} {status.st_size} {status.st_mtime_ns}")
    return "\n".join(stamp).encode("utf-8")


_STAMP: list[bytes] = []


def entry_key(choice: TemplateChoice, template: bytes) -> str:
    """The key of ``choice``'s entry: its bytes, its brand, its name, and deckgen's code."""
    if not _STAMP:
        _STAMP.append(_code_stamp())
    digest = hashlib.sha256(_STAMP[0])
    for item in (repr(choice.brand).encode("utf-8"), choice.name.encode("utf-8"), template):
        digest.update(len(item).to_bytes(8, "big"))
        digest.update(item)
    return digest.hexdigest()


def _entry_path(key: str) -> Path:
    return cache_dir() / f"template-{key}.bin"


def _sections(key: str) -> Iterator[bytes]:
    """The payloads of an entry's sections in turn, each checked against its checksum; stops
    (ValueError) at a foreign, damaged or truncated entry."""
    with open(_entry_path(key), "rb") as stream:
        if not _own(os.fstat(stream.fileno())) or stream.read(len(_MAGIC)) != _MAGIC:
            raise ValueError("not an entry of this user's deckgen")
        while True:
            head = stream.read(8 + 32)
            if len(head) != 40:
                raise ValueError("truncated entry")
            payload = stream.read(int.from_bytes(head[:8], "big"))
            if hashlib.sha256(payload).digest() != head[8:]:
                raise ValueError("damaged entry")
            yield payload


def load_profile(choice: TemplateChoice, key: str) -> TemplateProfile | None:
    """Only the profile of ``choice``'s entry (what ``check`` needs), or None."""
    try:
        profile = pickle.loads(next(_sections(key)))
        if not isinstance(profile, TemplateProfile):
            return None
    except Exception:  # a damaged or foreign entry is rebuilt, whatever is wrong with it
        return None
    _touch(key)
    return replace(profile, path=choice.file)  # the same bytes may sit at another path


def load(choice: TemplateChoice, key: str) -> StoredTemplate | None:
    """The stored entry for ``choice`` under ``key``, or None when missing or unreadable."""
    try:
        sections = _sections(key)
        profile = pickle.loads(next(sections))
        if not isinstance(profile, TemplateProfile):
            return None
        package, entries, blueprint = pickle.loads(next(sections))
        if not isinstance(package, bytes):
            return None
        stored = StoredTemplate(profile, package, entries, blueprint)
    except Exception:  # a damaged or foreign entry is rebuilt, whatever is wrong with it
        return None
    _touch(key)
    # the same bytes may sit at another path: the profile names the file asked for
    return replace(stored, profile=replace(stored.profile, path=choice.file))


def _own(status: os.stat_result) -> bool:
    """Whether an entry was written by this user: entries are pickles, so one that another
    user could have written (a shared cache folder) is never loaded."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


def store(key: str, stored: StoredTemplate) -> None:
    """Write ``stored`` under ``key`` atomically; a cache that cannot be written is skipped."""
    import tempfile

    folder = cache_dir()
    sections = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                for part in (stored.profile, (stored.package, stored.entries, stored.blueprint))]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".template-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC)
                for payload in sections:  # the profile first: check reads only that
                    stream.write(len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, _entry_path(key))
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_stale(folder)
    except OSError:
        return


def _remove_stale(folder: Path) -> None:
    """Remove entries (and abandoned temporary files) unused for a month."""
    limit = time.time() - _KEEP_SECONDS
    for path in folder.glob("*template-*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue


def _touch(key: str) -> None:
    """Mark an entry as used, so it is not removed as stale."""
    try:
        os.utime(_entry_path(key))
    except OSError:
        return
