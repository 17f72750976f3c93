"""`python -m briefer` runs the command line."""

import sys

from briefer.cli import main

sys.exit(main())
