"""``SOURCE_DATE_EPOCH``: the reproducible-builds timestamp, read strictly in one place.

Both the build (the deck's dates) and the batch's skip check (a deck built under another
epoch is not current) read it here, so they can never disagree about what it means.
"""

from __future__ import annotations

import os
import re

from deckgen.errors import BuildError, printable

ENV_NAME = "SOURCE_DATE_EPOCH"
LATEST_EPOCH = 4354819199
"""2107-12-31 23:59:59 UTC: zip entries cannot carry a later time."""
_DIGITS = re.compile(r"[0-9]{1,20}")
"""ASCII digits only: ``str.isdigit`` also accepts '²' or '٣', which ``int`` then refuses or reads."""


def source_date_epoch() -> int | None:
    """The epoch from the environment in whole seconds, or None when unset or blank.

    Raises :class:`BuildError` for anything but ASCII digits, or a time a zip file cannot store.
    """
    value = os.environ.get(ENV_NAME, "").strip()
    if not value:
        return None
    if not _DIGITS.fullmatch(value):
        shown = printable(value[:40])
        raise BuildError(f"{ENV_NAME}: '{shown}' is not a whole number of seconds since 1970 (digits 0-9 only); "
                         f"unset it or set e.g. {ENV_NAME}=1700000000")
    if int(value) > LATEST_EPOCH:
        raise BuildError(f"{ENV_NAME}: {value} is after 2107-12-31, the last date a zip file can store")
    return int(value)


def epoch_word() -> str:
    """The epoch as the batch's skip check records it ("" when unset)."""
    epoch = source_date_epoch()
    return "" if epoch is None else str(epoch)
