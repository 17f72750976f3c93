"""Screens pushed over the brief: the source view, search, export, confirmation and help."""
