"""The secret that signs template cache entries, and opening files only this user wrote.

A cache folder may be writable by others, or restored from elsewhere (a CI cache saved by
another branch's job), so an entry found there proves nothing by itself. Every entry is
signed with HMAC-SHA256 under a per-user secret that does not live in the cache folder:

- ``$DECKGEN_CACHE_KEY`` when set (CI jobs that share a cache take it from a protected
  secret, so each job can read the others' entries and nobody else can forge one);
- else a key file of 32 random bytes, made once with mode 0600 in the user's config
  folder: ``$XDG_CONFIG_HOME/deckgen/cache-key`` or ``~/.config/deckgen/cache-key``
  (``~/Library/Application Support/deckgen/cache-key`` on macOS,
  ``%APPDATA%\\deckgen\\cache-key`` on Windows).

A key file that is not a regular file owned by the user, or that others may read or write,
is not used: the cache is then bypassed (every process prepares its templates itself),
never an error, and removing the file lets deckgen make a fresh one.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

KEY_ENV = "DECKGEN_CACHE_KEY"
KEY_FILE = "cache-key"
KEY_BYTES = 32
"""Length of a key file deckgen makes."""
_KEY_FILE_LIMIT = 4096
"""A key file longer than this is not one deckgen made or a user would write."""
_MIN_KEY_FILE = 16
"""A key file shorter than this is too weak to sign with (or was cut short)."""
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))
"""No symlink is followed, and a FIFO or device opens without waiting (then fstat refuses it)."""


def config_dir() -> Path:
    """The user's deckgen config folder (which may not exist yet)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "deckgen"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "deckgen"
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config") / "deckgen"


def owned_by_user(status: os.stat_result) -> bool:
    """Whether a file belongs to the user running deckgen (always so where owners are unknown)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


def open_own_file(path: Path) -> tuple[int, os.stat_result] | None:
    """``path`` opened for reading, with its status, when it is a regular file of this user;
    None for anything else (missing, a symlink, a FIFO, a device, a folder, another user's).
    Never blocks: the caller closes the descriptor."""
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
        return None  # where open() cannot refuse symlinks itself
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError):
        return None
    try:
        status = os.fstat(handle)
    except OSError:
        os.close(handle)
        return None
    if not stat.S_ISREG(status.st_mode) or not owned_by_user(status):
        os.close(handle)
        return None
    return handle, status


_KEYS: dict[Path | None, bytes | None] = {}


def signing_key() -> bytes | None:
    """The secret entries are signed with, or None when there is none to trust (the cache
    is then bypassed). A key file is read once per process."""
    given = os.environ.get(KEY_ENV, "").strip()
    if given:
        return given.encode("utf-8", "surrogateescape")
    path = _key_file()
    if path not in _KEYS:
        _KEYS[path] = None if path is None else _file_key(path)
    return _KEYS[path]


def _key_file() -> Path | None:
    """Where the key file is, or None when the user has no home folder to keep it in."""
    try:
        return config_dir() / KEY_FILE
    except (RuntimeError, KeyError):  # no $HOME and no entry in the password database
        return None


def _file_key(path: Path) -> bytes | None:
    """The key in ``path``, made first when there is none; None when the file is unfit."""
    found = _read_key(path)
    if found is None and not os.path.lexists(path):
        _make_key(path)
        found = _read_key(path)
    return found


def _read_key(path: Path) -> bytes | None:
    """The key file's bytes when it is a private regular file of this user, else None."""
    opened = open_own_file(path)
    if opened is None:
        return None
    handle, status = opened
    try:
        private = sys.platform == "win32" or not status.st_mode & 0o077  # Windows: the folder's ACL protects it
        key = os.read(handle, _KEY_FILE_LIMIT + 1) if private else b""
    except OSError:
        return None
    finally:
        os.close(handle)
    return key if _MIN_KEY_FILE <= len(key) <= _KEY_FILE_LIMIT else None


def _make_key(path: Path) -> None:
    """Write a fresh random key to ``path``, whole or not at all: it is written to a private
    temporary file first and linked into place, so a process racing to make the same file
    reads one complete key (the first linked), never a half-written one."""
    import secrets

    temporary = path.with_name(f".{KEY_FILE}-{secrets.token_hex(8)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_BINARY", 0), 0o600)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(KEY_BYTES))
        os.link(temporary, path)
    except OSError:
        return  # another process linked its key first, or the folder is not writable
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass
