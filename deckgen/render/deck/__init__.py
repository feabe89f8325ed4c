"""Writing decks: slides, notes, pictures, tables and charts as XML from a prepared template's blueprint, without python-pptx (but for a chart's XML)."""
