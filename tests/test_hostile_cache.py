"""Hostile input, round three: the template cache folder in the hands of someone else.

Whoever can write the cache folder (another user of a shared folder, a CI cache restored
from another branch's job) may plant anything there. deckgen must never run code from it,
never let a planted entry change what decks contain, never hang on it, and never delete a
file it did not write. Every entry is signed with the user's cache key, which lives
outside the folder; anything that fails a check is silently rebuilt.

The corpus (each case runs the real ``deckgen`` in a fresh folder, its cache in
``cache/`` there, signed with :data:`KEY`):

- forged entries: an old-style entry (a pickle behind a plain sha256) that would run
  ``os.system``; an entry of this format signed with another key; an entry signed with the
  user's own key (a leaked key) whose pickle would call ``open``; a genuine entry of
  another template renamed to this template's entry
- things in place of an entry: a FIFO, a symlink to /dev/zero, a sparse 1 GB file, a
  section claiming 2**63 bytes
- clean-up: a user's month-old ``my-template-2020.pptx`` in the cache folder
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from deckgen.render.template import cache, signing
from deckgen.render.template.blueprint import PreparedTemplate
from deckgen.render.template.catalog import TemplateChoice, resolve_template
from tests.conftest import FIXTURES, ROOT, SORA
from tests.test_hostile import GOOD, Hostile, assert_clean, deckgen
from tests.test_startup import loaded_by

KEY = "hostile-cache-corpus-" + "k" * 43
"""The cache key of the corpus's runs (a CI job would take it from a protected secret)."""
OTHER_KEY = "someone-elses-key-" + "x" * 46
MARKER = "pwned"
"""The file a forged entry's pickle would create, had it run."""
ENV = {cache.CACHE_ENV: "cache", signing.KEY_ENV: KEY}
"""Relative: each case's cache is the ``cache/`` folder of its own working folder."""
OLD_DAYS = 60


class _Payload:
    """Pickles as a call of ``how`` that creates ``target``: what a forger plants."""

    def __init__(self, how: str, target: Path) -> None:
        self.how, self.target = how, target

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        if self.how == "system":
            return os.system, (f"touch '{self.target}'",)
        return open, (str(self.target), "w")


@contextmanager
def _cache_env(folder: Path, key: str) -> Iterator[None]:
    """This process's cache folder and key set to ``folder`` and ``key`` for a while."""
    saved = {name: os.environ.get(name) for name in ENV}
    os.environ.update({cache.CACHE_ENV: str(folder), signing.KEY_ENV: key})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _choice(template: str | None = None) -> TemplateChoice:
    return resolve_template(template)


def _entry_of(folder: Path, template: str | None = None) -> Path:
    """Where ``template``'s entry (default: the default template's) lies in ``folder``'s cache."""
    choice = _choice(template)
    return folder / "cache" / f"template-{cache.entry_key(choice, choice.file.read_bytes())}.bin"


def _with_good_outline(plant: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(GOOD, encoding="utf-8")
        (folder / "cache").mkdir()
        plant(folder)
    return setup


def _old_style_pickle(folder: Path) -> None:
    """The previous format: a pickle behind an unkeyed sha256 anyone can compute."""
    import hashlib
    import pickle

    payload = pickle.dumps(_Payload("system", folder / MARKER))
    entry = b"deckgen-template-cache\n" + len(payload).to_bytes(8, "big") + hashlib.sha256(payload).digest() + payload
    _entry_of(folder).write_bytes(entry)


def _signed_payload(key: str, how: str) -> Callable[[Path], None]:
    """An entry of this format, signed with ``key``, whose pickles would call ``how``."""
    def plant(folder: Path) -> None:
        choice = _choice()
        bad = _Payload(how, folder / MARKER)
        with _cache_env(folder / "cache", key):
            cache.store(cache.entry_key(choice, choice.file.read_bytes()), PreparedTemplate(bad, b"", {}, None))  # type: ignore[arg-type]
    return plant


def _another_templates_entry(folder: Path) -> None:
    """A genuine entry (same key) of the classic template, renamed to the default template's."""
    from deckgen.render.template.prepared import load_or_prepare

    with _cache_env(folder / "cache", KEY):
        load_or_prepare(_choice("classic"))
    _entry_of(folder, "classic").rename(_entry_of(folder))


def _fifo_entry(folder: Path) -> None:
    os.mkfifo(_entry_of(folder))


def _dev_zero_entry(folder: Path) -> None:
    _entry_of(folder).symlink_to("/dev/zero")


def _sparse_entry(folder: Path) -> None:
    with _entry_of(folder).open("wb") as entry:
        entry.write(b"deckgen-template-cache\nformat 7 hmac-sha256\n")
        entry.truncate(1024 ** 3)


def _endless_section(folder: Path) -> None:
    head = b"deckgen-template-cache\nformat 7 hmac-sha256\n"
    _entry_of(folder).write_bytes(head + (2 ** 63).to_bytes(8, "big") + b"\0" * 32 + b"x" * 100)


def _user_template_in_the_cache(folder: Path) -> None:
    mine = folder / "cache" / "my-template-2020.pptx"
    shutil.copy(ROOT / "templates" / "classic.pptx", mine)
    old = time.time() - OLD_DAYS * 86400
    os.utime(mine, (old, old))


CHECKED, BUILT = "1 of 1 outlines OK, 0 warnings", "built out/in.pptx"
CHECK, BUILD = ("check", "in.yaml"), ("build", "in.yaml", "-o", "out")

CORPUS = [
    Hostile("old-style-pickle-entry-check", _with_good_outline(_old_style_pickle), CHECK, 0, CHECKED, ENV),
    Hostile("old-style-pickle-entry-build", _with_good_outline(_old_style_pickle), BUILD, 0, BUILT, ENV),
    Hostile("entry-signed-with-another-key-check", _with_good_outline(_signed_payload(OTHER_KEY, "system")), CHECK, 0,
            CHECKED, ENV),
    Hostile("entry-signed-with-another-key-build", _with_good_outline(_signed_payload(OTHER_KEY, "open")), BUILD, 0,
            BUILT, ENV),
    Hostile("entry-signed-with-a-leaked-key-check", _with_good_outline(_signed_payload(KEY, "open")), CHECK, 0,
            CHECKED, ENV),
    Hostile("entry-signed-with-a-leaked-key-build", _with_good_outline(_signed_payload(KEY, "system")), BUILD, 0,
            BUILT, ENV),
    Hostile("another-templates-entry-renamed", _with_good_outline(_another_templates_entry), BUILD, 0, BUILT, ENV),
    Hostile("fifo-entry-check", _with_good_outline(_fifo_entry), CHECK, 0, CHECKED, ENV),
    Hostile("fifo-entry-build", _with_good_outline(_fifo_entry), BUILD, 0, BUILT, ENV),
    Hostile("entry-links-to-dev-zero-check", _with_good_outline(_dev_zero_entry), CHECK, 0, CHECKED, ENV),
    Hostile("entry-links-to-dev-zero-build", _with_good_outline(_dev_zero_entry), BUILD, 0, BUILT, ENV),
    Hostile("sparse-1-GB-entry", _with_good_outline(_sparse_entry), CHECK, 0, CHECKED, ENV),
    Hostile("section-of-2**63-bytes", _with_good_outline(_endless_section), BUILD, 0, BUILT, ENV),
    Hostile("user-template-in-the-cache-folder", _with_good_outline(_user_template_in_the_cache), BUILD, 0, BUILT, ENV),
]

FAST_S = 30
"""Every case is over in seconds; a FIFO or a device read until the timeout would not be."""


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    users = {path.name for path in (tmp_path / "cache").iterdir() if not path.name.startswith("template-")}
    started = time.monotonic()
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    assert time.monotonic() - started < FAST_S
    assert users <= {path.name for path in (tmp_path / "cache").iterdir()}, "a user's file was removed"
    assert result.returncode == case.exit_code, result.stdout + result.stderr
    assert case.message in result.stdout + result.stderr
    assert "warning:" not in result.stderr  # a bad entry is rebuilt silently
    assert_clean(result, tmp_path)
    assert not (tmp_path / MARKER).exists(), "a cache entry ran code"
    entry = _entry_of(tmp_path)
    assert stat.S_ISREG(entry.lstat().st_mode), "the bad entry was rebuilt in place"
    with _cache_env(tmp_path / "cache", KEY):
        assert cache.load(entry.name[len("template-"):-len(".bin")], _choice().file) is not None


# --------------------------------------------------------------------------- what decks contain


@pytest.fixture(scope="module")
def clean_deck(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The deck of the Sora outline built with an empty cache."""
    folder = tmp_path_factory.mktemp("clean")
    result = deckgen("build", SORA, "-o", "deck.pptx", cwd=folder, env=ENV)
    assert result.returncode == 0, result.stderr
    return (folder / "deck.pptx").read_bytes()


@pytest.mark.parametrize("plant", [_another_templates_entry, _signed_payload(OTHER_KEY, "open"), _old_style_pickle],
                         ids=["another-templates-entry", "signed-with-another-key", "old-style"])
def test_a_planted_entry_does_not_change_the_deck(plant: Callable[[Path], None], clean_deck: bytes,
                                                  tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    plant(tmp_path)
    result = deckgen("build", SORA, "-o", "deck.pptx", cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "deck.pptx").read_bytes() == clean_deck
    assert not (tmp_path / MARKER).exists()


# --------------------------------------------------------------------------- reading entries


def _templates() -> list[str]:
    return ["seminar", "classic", *sorted(str(p) for p in (FIXTURES / "templates").glob("*.pptx"))]


@pytest.mark.parametrize("template", _templates(), ids=lambda t: Path(t).stem)
def test_the_entry_of_every_template_loads_back(template: str, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """The unpickler's list of types is complete: every template's entry loads as written."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    from deckgen.render.template.prepared import load_or_prepare

    choice = _choice(template)
    stored = load_or_prepare(choice)
    key = cache.entry_key(choice, choice.file.read_bytes())
    assert cache.load(key, choice.file) == stored
    assert stored.blueprint is not None and cache.load_profile(key, choice.file) == stored.profile


def test_a_symlink_to_a_genuine_entry_is_not_followed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    from deckgen.render.template.prepared import load_or_prepare

    choice = _choice()
    stored = load_or_prepare(choice)
    entry = _entry_of(tmp_path)
    genuine = tmp_path / "elsewhere.bin"
    entry.rename(genuine)
    entry.symlink_to(genuine)
    key = cache.entry_key(choice, choice.file.read_bytes())
    assert cache.load(key, choice.file) is None and cache.load_profile(key, choice.file) is None
    assert load_or_prepare(choice) == stored  # rebuilt: the symlink is replaced, its target left alone
    assert not entry.is_symlink() and genuine.is_file()


def test_an_entry_is_verified_before_it_is_decoded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One changed byte anywhere in an entry, or an entry cut short, is rebuilt."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    from deckgen.render.template.prepared import load_or_prepare

    choice = _choice()
    load_or_prepare(choice)
    key = cache.entry_key(choice, choice.file.read_bytes())
    entry = _entry_of(tmp_path)
    genuine = entry.read_bytes()
    for damaged in (genuine[:-1], genuine[:-1] + bytes([genuine[-1] ^ 1]), genuine[:200] + b"!" + genuine[201:]):
        entry.write_bytes(damaged)
        assert cache.load(key, choice.file) is None
    entry.write_bytes(genuine)
    assert cache.load(key, choice.file) is not None


# --------------------------------------------------------------------------- clean-up


def _age(path: Path, days: int = OLD_DAYS) -> None:
    old = time.time() - days * 86400
    os.utime(path, (old, old), follow_symlinks=False)


def test_clean_up_removes_only_what_deckgen_wrote(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    hex64 = "ab" * 32
    own = {  # deckgen's own: an entry of an earlier format, one of this format, an abandoned temporary file
        f"template-{hex64}.bin": b"deckgen-template-cache\n" + b"\0" * 40,
        f"template-{'cd' * 32}.bin": b"deckgen-template-cache\nformat 7 hmac-sha256\n" + b"\0" * 40,
        f".template-{hex64}-0123456789abcdef.tmp": b"",
    }
    users = {  # named like deckgen's files, but not written by it
        "my-template-2020.pptx": (ROOT / "templates" / "classic.pptx").read_bytes(),
        "template-notes.txt": b"notes",
        f"template-{hex64.upper()}.bin": b"deckgen-template-cache\n",
        f"template-{'ef' * 32}.bin": b"my own data",
        f"old-template-{hex64}.bin": b"deckgen-template-cache\n",
    }
    for name, data in {**own, **users}.items():
        (folder / name).write_bytes(data)
        _age(folder / name)
    (folder / f"template-{'12' * 32}.bin").symlink_to(folder / "my-template-2020.pptx")
    _age(folder / f"template-{'12' * 32}.bin")
    fresh = f"template-{'34' * 32}.bin"
    (folder / fresh).write_bytes(b"deckgen-template-cache\n")
    (tmp_path / "in.yaml").write_text(GOOD, encoding="utf-8")
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    left = {path.name for path in folder.iterdir()}
    assert not left & set(own)
    assert set(users) | {fresh, f"template-{'12' * 32}.bin", _entry_of(tmp_path).name} == left
    assert (folder / "my-template-2020.pptx").read_bytes() == (ROOT / "templates" / "classic.pptx").read_bytes()


# --------------------------------------------------------------------------- the cache key


def test_ci_jobs_sharing_a_key_share_their_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A cache folder saved by one job and restored in another is used under the same key,
    and simply rebuilt under any other."""
    monkeypatch.setenv(signing.KEY_ENV, KEY)
    code, cold = loaded_by(["check", str(SORA)], tmp_path / "first")
    assert code in (0, None) and "pptx" in cold
    for restored in ("second", "third"):
        shutil.copytree(tmp_path / "first", tmp_path / restored)
    code, warm = loaded_by(["check", str(SORA)], tmp_path / "second")
    assert code in (0, None) and "pptx" not in warm
    monkeypatch.setenv(signing.KEY_ENV, OTHER_KEY)
    code, other = loaded_by(["check", str(SORA)], tmp_path / "third")
    assert code in (0, None) and "pptx" in other


linux_only = pytest.mark.skipif(sys.platform in ("win32", "darwin") or not hasattr(os, "getuid"),
                                reason="the key file's folder follows XDG_CONFIG_HOME on Linux")


def _keyless_env(tmp_path: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name != signing.KEY_ENV}
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), cache.CACHE_ENV: str(tmp_path / "cache")}


def _check(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "deckgen", "check", str(SORA)], capture_output=True, text=True,
                          env=_keyless_env(tmp_path), timeout=120)


@linux_only
def test_without_a_key_a_private_key_file_is_made_once(tmp_path: Path) -> None:
    assert _check(tmp_path).returncode == 0
    key_file = tmp_path / "config" / "deckgen" / "cache-key"
    made = key_file.read_bytes()
    assert len(made) == signing.KEY_BYTES and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _check(tmp_path).returncode == 0
    assert key_file.read_bytes() == made
    assert [p.name for p in key_file.parent.iterdir()] == ["cache-key"]  # no temporary file left


@linux_only
@pytest.mark.parametrize("spoil", ["readable-by-others", "symlink", "fifo", "empty"])
def test_an_unfit_key_file_bypasses_the_cache_without_an_error(spoil: str, tmp_path: Path) -> None:
    key_file = tmp_path / "config" / "deckgen" / "cache-key"
    key_file.parent.mkdir(parents=True)
    if spoil == "readable-by-others":
        key_file.write_bytes(b"k" * 32)
        key_file.chmod(0o644)
    elif spoil == "symlink":
        (tmp_path / "elsewhere").write_bytes(b"k" * 32)
        (tmp_path / "elsewhere").chmod(0o600)
        key_file.symlink_to(tmp_path / "elsewhere")
    elif spoil == "fifo":
        os.mkfifo(key_file, 0o600)
    else:
        key_file.touch(mode=0o600)
    before = key_file.lstat()
    for _ in range(2):
        result = _check(tmp_path)
        assert result.returncode == 0 and "warning:" not in result.stderr and "error" not in result.stderr, result.stderr
    assert not list((tmp_path / "cache").glob("template-*.bin")), "nothing is cached without a trusted key"
    after = key_file.lstat()  # deckgen leaves the user's file as it is
    assert (after.st_ino, after.st_mode, after.st_size) == (before.st_ino, before.st_mode, before.st_size)


def test_the_key_in_the_environment_wins_over_the_key_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv(signing.KEY_ENV, "  " + KEY + "\n")  # as a secret pasted with its newline
    assert signing.signing_key() == KEY.encode()
    assert not (tmp_path / "config").exists()


def test_without_a_home_folder_the_cache_is_bypassed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(signing.KEY_ENV)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    from deckgen.render.template.prepared import load_or_prepare

    assert signing.signing_key() is None
    assert load_or_prepare(_choice("classic")).profile.name == "classic"
    assert not (tmp_path / "cache").exists()
