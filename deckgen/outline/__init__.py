"""Layer 1, the outline: YAML bytes -> a validated, frozen :class:`~deckgen.outline.model.Outline`.

Everything a user writes is checked here, once, with file:line:col positions kept for
later messages; the layers above trust the model. No pptx, no click.
"""
