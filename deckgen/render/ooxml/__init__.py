"""The Office Open XML package: names and namespaces, relationships and content types, zip entries. Never python-pptx."""
