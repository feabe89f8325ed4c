"""The prepared-template cache on disk, so a new process need not prepare a template again.

Preparing a template (vetting it, opening it with python-pptx, dropping its example
slides, profiling its layouts, checking its text contrast) costs more than building a
deck from it. Its result depends only on the template's bytes, the bundled brand file
(for a bundled template), the name deckgen calls it by, the writing of the decks it serves
(right to left, the language's question mark) and deckgen's own code, so it is stored under
a key made of exactly those, in the user's cache folder:

- ``$DECKGEN_CACHE_DIR`` when set (tests point it at a temporary folder);
- else ``$XDG_CACHE_HOME/deckgen``, or ``~/.cache/deckgen`` (``~/Library/Caches/deckgen``
  on macOS, ``%LOCALAPPDATA%\\deckgen\\Cache`` on Windows).

Whoever can write that folder (another user, a CI cache restored from another branch) must
not be able to change what decks contain, nor run code, nor hang deckgen:

- every section of an entry is signed with HMAC-SHA256 under the user's cache key, which
  lives outside the cache folder (:mod:`deckgen.render.template.signing`), and is verified before
  anything decodes it; an entry of another key, an unsigned or a forged one is rebuilt;
- what a verified entry holds is unpickled by an unpickler that knows only the record
  types an entry holds, so even a leaked key does not let an entry run code;
- an entry is opened without following symlinks and without waiting, and read only when
  it is a regular file of this user: a symlink, a FIFO or a device in its place is ignored;
- clean-up removes only files deckgen wrote: named exactly as its entries and temporary
  files are, and starting as they do. Any other file in the folder is left alone.

Two processes may fill the same entry at once: each writes a private temporary file and
renames it into place (``os.replace`` is atomic), so a reader sees a whole entry or none.
An entry that cannot be read, verified or decoded is ignored and rebuilt, never an error;
a cache folder that cannot be written (or no usable key) just means every process
prepares its template itself.

An entry holds two signed sections, the profile first: ``deckgen check`` reads and
unpickles only that, without loading python-pptx, lxml or the writers' types.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import sys
import time
from dataclasses import replace
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from deckgen.version import __version__
from deckgen.plan.profile import TemplateProfile
from deckgen.render.template.catalog import TemplateChoice
from deckgen.render.template.signing import open_own_file, signing_key

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PreparedTemplate

CACHE_ENV = "DECKGEN_CACHE_DIR"
FORMAT = 10
"""Bumped whenever what an entry holds, or how it is written, changes."""
_MAGIC = b"deckgen-template-cache\n"
"""How every entry deckgen ever wrote starts (clean-up removes no file that does not)."""
_HEADER = _MAGIC + b"format 7 hmac-sha256\n"
"""How an entry of this format starts."""
_SECTION_HEAD = 8 + 32
"""A section's payload length (8 bytes, big-endian) and its HMAC-SHA256."""
_MAX_ENTRY_BYTES = 512 * 1024 * 1024
"""A larger file is no entry: templates are limited to 100 MB of content."""
_ENTRY_NAME = r"template-[0-9a-f]{64}\.bin"
_TEMPORARY_NAME = r"\.template-[0-9a-f]{64}-[0-9a-f]{16}\.tmp"
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0))
_KEEP_SECONDS = 30 * 24 * 3600
"""Entries not used for this long are removed when a new entry is written."""
_PACKAGE = Path(__file__).resolve().parents[2]
"""The deckgen package folder (its source files are part of every entry's key)."""
_PATH_TYPE = type(Path())
_ENTRY_TYPES = frozenset({
    *(("deckgen.plan.profile", name) for name in (
        "TemplateProfile", "LayoutSlots", "Box", "TextStyle", "Sizes", "Role", "NotesFrame")),
    *(("deckgen.render.template.blueprint", name) for name in (
        "DeckBlueprint", "LayoutBlueprint", "NotesBlueprint", "PackagedPart", "MarkColours", "OwnBoxes",
        "Backdrop", "PaperBrand")),
    ("deckgen.render.ooxml.opc", "Relation"),
    ("deckgen.render.ooxml.zipwriter", "ZipEntry"),
    (_PATH_TYPE.__module__, _PATH_TYPE.__qualname__),  # a profile's template path
})
"""The only types an entry's pickles may name: the records of a prepared template. Nothing
else (no builtins, no functions) is ever looked up, so an entry cannot call anything."""


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
    """The key of ``choice``'s entry: its bytes, its brand, its name, the writing it is prepared
    for, and deckgen's code."""
    if not _STAMP:
        _STAMP.append(_code_stamp())
    digest = hashlib.sha256(_STAMP[0])
    writing = repr((choice.right_to_left, choice.question_mark)).encode("utf-8")
    for item in (repr(choice.brand).encode("utf-8"), choice.name.encode("utf-8"), writing, template):
        digest.update(len(item).to_bytes(8, "big"))
        digest.update(item)
    return digest.hexdigest()


def _entry_path(key: str) -> Path:
    return cache_dir() / f"template-{key}.bin"


def _signature(secret: bytes, key: str, index: int, previous: bytes, payload: bytes) -> bytes:
    """HMAC-SHA256 of a section, bound to the entry's name, its place and the section before it,
    so no section can be moved to another entry or another place in one."""
    mac = hmac.new(secret, b"%s%s %d\n%s" % (_HEADER, key.encode("ascii"), index, previous), "sha256")
    mac.update(payload)
    return mac.digest()


def _read_sections(key: str, count: int) -> list[bytes] | None:
    """The payloads of the first ``count`` sections of ``key``'s entry, each verified against
    its signature before anything reads it; None when the entry is missing, not a regular file
    of this user (a symlink, a FIFO, a device), unsigned, forged, damaged or cut short, or when
    there is no key to verify it with. A verified entry is marked as used."""
    secret = signing_key()
    opened = None if secret is None else open_own_file(_entry_path(key))
    if secret is None or opened is None:
        return None
    handle, status = opened
    try:
        with open(handle, "rb", closefd=False) as stream:
            payloads = _verified(stream, status.st_size, secret, key, count)
        if payloads is not None:
            _touch(handle, key)
        return payloads
    except (OSError, ValueError):
        return None
    finally:
        os.close(handle)


def _verified(stream: BinaryIO, size: int, secret: bytes, key: str, count: int) -> list[bytes] | None:
    """The first ``count`` sections of the entry in ``stream`` (``size`` bytes), or None at the
    first one whose signature does not match; never reads past the file's size."""
    if size > _MAX_ENTRY_BYTES or stream.read(len(_HEADER)) != _HEADER:
        return None
    left, previous, payloads = size - len(_HEADER), b"", []
    for index in range(count):
        head = stream.read(_SECTION_HEAD)
        length = int.from_bytes(head[:8], "big")
        if len(head) != _SECTION_HEAD or length > left - _SECTION_HEAD:
            return None
        payload = stream.read(length)
        previous = _signature(secret, key, index, previous, payload)
        if not hmac.compare_digest(previous, head[8:]):
            return None
        left -= _SECTION_HEAD + length
        payloads.append(payload)
    return payloads


class _EntryUnpickler(pickle.Unpickler):
    """Unpickles only the types an entry holds (defence in depth: entries are verified first)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ENTRY_TYPES:
            raise pickle.UnpicklingError(f"a template cache entry holds no {module}.{name}")
        return super().find_class(module, name)


def _unpickled(payload: bytes) -> Any:
    """A verified section's objects (their types are checked by the caller)."""
    return _EntryUnpickler(io.BytesIO(payload)).load()


def load_profile(key: str, path: Path) -> TemplateProfile | None:
    """Only the profile of the entry under ``key`` (what ``check`` needs), or None; it names
    the template file ``path`` (the same bytes may sit at another path)."""
    try:
        payloads = _read_sections(key, 1)
        profile = None if payloads is None else _unpickled(payloads[0])
    except Exception:  # a damaged or foreign entry is rebuilt, whatever is wrong with it
        return None
    if not isinstance(profile, TemplateProfile):
        return None
    return replace(profile, path=path)


def load(key: str, path: Path) -> PreparedTemplate | None:
    """The prepared template stored under ``key``, or None when missing or unreadable; its
    profile names the template file ``path``."""
    try:
        payloads = _read_sections(key, 2)
        if payloads is None:
            return None
        profile = _unpickled(payloads[0])
        from deckgen.render.template.blueprint import DeckBlueprint, PreparedTemplate

        package, entries, blueprint = _unpickled(payloads[1])
        if not isinstance(profile, TemplateProfile) or not isinstance(package, bytes):
            return None
        if not isinstance(blueprint, DeckBlueprint) or not isinstance(entries, dict):
            return None
    except Exception:  # a damaged or foreign entry is rebuilt, whatever is wrong with it
        return None
    return PreparedTemplate(replace(profile, path=path), package, entries, blueprint)


def store(key: str, stored: PreparedTemplate) -> None:
    """Write ``stored`` under ``key``, signed, atomically; a cache that cannot be written (or
    no key to sign with) is skipped."""
    secret = signing_key()
    if secret is None:
        return
    folder = cache_dir()
    payloads = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
                for part in (stored.profile, (stored.package, stored.entries, stored.blueprint))]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".template-{key}-{os.urandom(8).hex()}.tmp"
        handle = os.open(temporary, _CREATE_FLAGS, 0o600)
        try:
            with open(handle, "wb") as stream:
                stream.write(_HEADER)
                previous = b""
                for index, payload in enumerate(payloads):  # the profile first: check reads only that
                    previous = _signature(secret, key, index, previous, payload)
                    stream.write(len(payload).to_bytes(8, "big") + previous + payload)
            os.replace(temporary, _entry_path(key))
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_stale(folder)
    except OSError:
        return


def _remove_stale(folder: Path) -> None:
    """Remove deckgen's own entries (and abandoned temporary files) unused for a month;
    nothing else in the folder is touched, whatever its name or age."""
    import re

    entry, temporary = re.compile(_ENTRY_NAME), re.compile(_TEMPORARY_NAME)
    limit = time.time() - _KEEP_SECONDS
    with os.scandir(folder) as found:
        for item in found:
            named = entry.fullmatch(item.name) is not None or temporary.fullmatch(item.name) is not None
            if named and _stale_own_file(Path(item.path), limit, may_be_empty=item.name.endswith(".tmp")):
                try:
                    os.unlink(item.path)
                except OSError:
                    continue


def _stale_own_file(path: Path, limit: float, may_be_empty: bool) -> bool:
    """Whether ``path`` is a regular file of this user, last used before ``limit``, that deckgen
    wrote (it starts as every entry does; a temporary file may also have been left empty)."""
    opened = open_own_file(path)
    if opened is None:
        return False
    handle, status = opened
    try:
        start = os.read(handle, len(_MAGIC)) if status.st_mtime < limit else None
    except OSError:
        return False
    finally:
        os.close(handle)
    return start == _MAGIC or (may_be_empty and start == b"")


def _touch(handle: int, key: str) -> None:
    """Mark an entry as used, so it is not removed as stale (through the open file where the
    platform allows, so a file swapped in meanwhile is not the one touched)."""
    try:
        os.utime(handle if os.utime in os.supports_fd else _entry_path(key))
    except OSError:
        return
