"""Layer 3, rendering: templates in, .pptx bytes out; the only layer that imports python-pptx or lxml.

Three folders, one concern each:

- ``template/``: finding, vetting, repairing and preparing templates (profile and blueprint),
  the template cache; the only folder where python-pptx reads a template;
- ``deck/``: writing a planned deck from a prepared template's blueprint, with lxml alone
  (python-pptx's chart XML writer loads for a chart only);
- ``ooxml/``: the package vocabulary both use (namespaces, relationships, content types,
  reproducible zip entries); never python-pptx.
"""
