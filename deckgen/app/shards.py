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
from deckgen.records import record


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
"""A shard number: ASCII digits only (``int()`` also takes Arabic-Indic '٢', full-width '１' and '1_0')."""
_SLICE = re.compile(r"([0-9]{1,6})/([0-9]{1,6})")
SHARD_VARIABLES = (
    "GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, or DECKGEN_SHARDS with Kubernetes' JOB_COMPLETION_INDEX "
    "or AWS Batch's AWS_BATCH_JOB_ARRAY_INDEX"
)


def parse_slice(text: str) -> tuple[int, int]:
    """``K/N`` as written after ``--shard`` -> (K, N); :class:`UsageError` unless both are
    ASCII numbers with 1 <= K <= N."""
    match = _SLICE.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"'{printable(text[:40])}' is not K/N in digits 0-9 (e.g. 1/4) or auto")
    index, count = int(match[1]), int(match[2])
    if not 1 <= index <= count:
        raise UsageError(f"'{printable(text)}': K must be between 1 and N")
    return index, count


@record(frozen=True)
class _Claim:
    """What one CI system's variables say: shard ``index`` of ``count``, and how to name them."""

    system: str
    """The system and its variables, e.g. ``GitLab's CI_NODE_INDEX and CI_NODE_TOTAL``."""
    index: int
    count: int


def shard_from_environment(environ: Mapping[str, str] | None = None) -> tuple[int, int]:
    """(K, N), 1-based, from the CI's variables; :class:`UsageError` when none is set, one is
    bad or missing, or two systems disagree.

    GitLab gives ``CI_NODE_TOTAL`` to every job (1 without ``parallel:``) and
    ``CI_NODE_INDEX`` (1-based) to ``parallel:`` jobs; Kubernetes indexed jobs give
    ``JOB_COMPLETION_INDEX`` and AWS Batch array jobs ``AWS_BATCH_JOB_ARRAY_INDEX`` (both
    0-based), whose total is ``DECKGEN_SHARDS``. Systems found together must agree: which
    one to believe is not deckgen's guess to make.
    """
    env = os.environ if environ is None else environ
    claims = [claim for claim in (_gitlab(env), *(_indexed(env, name, system) for name, system in _INDEXED)) if claim]
    if not claims:
        raise UsageError(_nothing_set(env))
    first = claims[0]
    for other in claims[1:]:
        if (other.index, other.count) != (first.index, first.count):
            raise UsageError(f"--shard auto: CI variables disagree: shard {first.index} of {first.count} from "
                             f"{first.system}, shard {other.index} of {other.count} from {other.system}; "
                             "unset one system's variables, or give --shard K/N")
    return first.index, first.count


_INDEXED = (("JOB_COMPLETION_INDEX", "Kubernetes'"), ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS Batch's"))


def _set(env: Mapping[str, str], name: str) -> bool:
    return bool(env.get(name, "").strip())


def _gitlab(env: Mapping[str, str]) -> _Claim | None:
    """GitLab's shard; a job without ``parallel:`` (CI_NODE_TOTAL=1, no index) is shard 1 of 1."""
    if not _set(env, "CI_NODE_TOTAL"):
        if _set(env, "CI_NODE_INDEX"):
            raise UsageError("--shard auto: CI_NODE_INDEX is set but CI_NODE_TOTAL is not; "
                             "set both (GitLab sets them for parallel: jobs), or give --shard K/N")
        return None
    count = _number(env, "CI_NODE_TOTAL")
    if not _set(env, "CI_NODE_INDEX"):
        if count == 1:
            return _Claim("GitLab's CI_NODE_TOTAL", 1, 1)
        raise UsageError(f"--shard auto: CI_NODE_TOTAL is {count} but CI_NODE_INDEX is not set; "
                         "set both (GitLab sets them for parallel: jobs), or give --shard K/N")
    index = _number(env, "CI_NODE_INDEX")
    return _checked(_Claim("GitLab's CI_NODE_INDEX and CI_NODE_TOTAL", index, count), "CI_NODE_INDEX", "CI_NODE_TOTAL")


def _indexed(env: Mapping[str, str], name: str, system: str) -> _Claim | None:
    """A 0-based index from Kubernetes or AWS Batch, with the total in DECKGEN_SHARDS."""
    if not _set(env, name):
        return None
    if not _set(env, "DECKGEN_SHARDS"):
        raise UsageError(f"--shard auto: {name} is set but DECKGEN_SHARDS is not; "
                         "set DECKGEN_SHARDS to the number of shards (the job's completions or array size)")
    claim = _Claim(f"{system} {name} and DECKGEN_SHARDS", _number(env, name) + 1, _number(env, "DECKGEN_SHARDS"))
    return _checked(claim, name, "DECKGEN_SHARDS")


def _nothing_set(env: Mapping[str, str]) -> str:
    if _set(env, "DECKGEN_SHARDS"):
        return ("--shard auto: DECKGEN_SHARDS is set but neither JOB_COMPLETION_INDEX nor AWS_BATCH_JOB_ARRAY_INDEX is; "
                "run in a Kubernetes indexed Job or an AWS Batch array job, or give --shard K/N")
    return f"--shard auto: no CI shard variables are set ({SHARD_VARIABLES}); give --shard K/N instead"


def _number(env: Mapping[str, str], name: str) -> int:
    value = env.get(name, "").strip()
    if not _DIGITS.fullmatch(value):
        raise UsageError(f"--shard auto: {name}='{printable(value[:20])}' is not a whole number")
    return int(value)


def _checked(claim: _Claim, index_name: str, count_name: str) -> _Claim:
    if claim.count < 1 or not 1 <= claim.index <= claim.count:
        raise UsageError(f"--shard auto: {index_name} and {count_name} give shard {claim.index} of {claim.count}, "
                         "which does not exist")
    return claim
