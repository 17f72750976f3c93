"""Registers `briefer digest` with the command line (the way `mail` and `tui` add themselves).

Kept apart from `briefer.digest` so importing the digest (as `mail --digest` does) changes nothing
in `briefer.cli`; it goes when the declarative command table lands.
"""

from briefer import cli
from briefer.digest import add_arguments, run

cli.EXTRA_COMMANDS["digest"] = add_arguments
cli.HANDLERS["digest"] = run
