"""Layer 4, the use cases: build one deck, build a batch, check outlines, export companions.

Each use case is a function Python callers can run directly; it composes the layers
below and owns file output (atomic writes, the incremental-build manifest).
"""
