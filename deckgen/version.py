"""deckgen's version: one definition, read by the package, the cache keys, the manifests and packaging."""

from __future__ import annotations

__version__ = "0.2.0"
