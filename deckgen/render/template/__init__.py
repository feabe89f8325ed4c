"""Templates: choosing, vetting, repairing and preparing them into a cached blueprint; the one place python-pptx reads a file."""
