"""`briefer tui`: read a brief in the terminal (Textual).

The package is the only place that imports Textual, and only when the app runs: `command.py`
registers the subcommand without importing it and `launch.py` makes the app (from the cache when
it can); `operations.py` holds what the keys do to a brief as pure functions, `keymap.py` which
keys there are, `actions.py` their handlers, `background.py` the threads quitting never waits for,
and `app.py`, `widgets/` and `screens/` are the interface. What each line says comes from
`briefer.render.sections`, as for every other format.
"""
