"""`briefer tui`: read a brief in the terminal (Textual).

The package is the only place that imports Textual, and only when the app runs: `command.py`
registers the subcommand without importing it, `operations.py` holds what the keys do to a brief
as pure functions, and `app.py`, `widgets/` and `screens/` are the interface.
"""
