"""Layer 3, rendering: templates in, .pptx bytes out; the only layer that imports python-pptx or lxml.

Finding and vetting templates, mapping their layouts to slide roles, and writing a
planned deck into a reproducible package.
"""
