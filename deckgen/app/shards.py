"""Splitting a batch over CI runners: which decks belong to shard K of N.

A deck's shard depends only on its name (a stable hash of its file name), so adding or
removing outlines never moves the other decks between shards: a runner's cached output
folder stays valid. ``--shard auto`` reads K and N from the CI system's own variables.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from hashlib import sha256
from pathlib import Path
from typing import Protocol

from deckgen.errors import UsageError, printable


class _HasOutput(Protocol):
    @property
    def output(self) -> Path: ...


def shard_of(deck: Path, count: int) -> int:
    """The 1-based shard (of ``count``) deck file ``deck`` belongs to, from its name alone."""
    digest = sha256(deck.name.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(jobs: Sequence[_HasOutput], index: int, count: int) -> list[_HasOutput]:
    """The jobs of shard ``index`` of ``count`` (1-based), in their original order."""
    return [job for job in jobs if shard_of(job.output, count) == index]


_DIGITS = re.compile(r"[0-9]{1,6}")
SHARD_VARIABLES = (
    "GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, or DECKGEN_SHARDS with Kubernetes' JOB_COMPLETION_INDEX "
    "or AWS Batch's AWS_BATCH_JOB_ARRAY_INDEX"
)


def shard_from_environment(environ: Mapping[str, str] | None = None) -> tuple[int, int]:
    """(K, N), 1-based, from the CI's variables; :class:`UsageError` when none is set or one is bad.

    GitLab's ``parallel:`` jobs give ``CI_NODE_INDEX`` (1-based) and ``CI_NODE_TOTAL``;
    Kubernetes indexed jobs ``JOB_COMPLETION_INDEX`` and AWS Batch array jobs
    ``AWS_BATCH_JOB_ARRAY_INDEX`` (both 0-based) need the total in ``DECKGEN_SHARDS``.
    """
    env = os.environ if environ is None else environ
    if env.get("CI_NODE_TOTAL", "").strip():
        index = _number(env, "CI_NODE_INDEX")
        return _checked(index, _number(env, "CI_NODE_TOTAL"), "CI_NODE_INDEX", "CI_NODE_TOTAL")
    for name in ("JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"):
        if env.get(name, "").strip():
            if not env.get("DECKGEN_SHARDS", "").strip():
                raise UsageError(f"--shard auto: {name} is set but DECKGEN_SHARDS is not; "
                                 "set DECKGEN_SHARDS to the number of shards (the job's completions or array size)")
            return _checked(_number(env, name) + 1, _number(env, "DECKGEN_SHARDS"), name, "DECKGEN_SHARDS")
    raise UsageError(f"--shard auto: no CI shard variables are set ({SHARD_VARIABLES}); give --shard K/N instead")


def _number(env: Mapping[str, str], name: str) -> int:
    value = env.get(name, "").strip()
    if not _DIGITS.fullmatch(value):
        raise UsageError(f"--shard auto: {name}='{printable(value[:20])}' is not a whole number")
    return int(value)


def _checked(index: int, count: int, index_name: str, count_name: str) -> tuple[int, int]:
    if count < 1 or not 1 <= index <= count:
        raise UsageError(f"--shard auto: {index_name} and {count_name} give shard {index} of {count}, "
                         "which does not exist")
    return index, count
