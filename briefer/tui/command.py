"""`briefer tui SOURCE...`: the reader, built from the pipeline's stages without importing Textual early.

Loading is cheap (no spaCy), so the app paints the titles at once; analysis runs in the app's
worker, and `+`/`-`/`a` re-compose the analysed brief with the same `compose` as `briefer brief`,
so the reader's bottom line is the command line's at every length and algorithm.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from briefer.errors import ExitStatus
from briefer.model import Brief

if TYPE_CHECKING:
    from briefer.environment import Environment, Settings
    from briefer.pipeline import Analysis, BriefOptions, Loaded
    from briefer.tui.app import BriefApp

_STARTED = time.perf_counter()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The reader's options: the sources and the bottom line's length and algorithm."""
    from briefer.arguments import add_source_options

    parser.description = "Read the brief of one or more articles in the terminal."
    parser.epilog = "keys: arrows move, Enter opens the source, + - length, / search, s save, ? help, q quit"
    add_source_options(parser)
    parser.add_argument("--no-cache", action="store_true", help="build the brief again, without the cache")


class Session:
    """One reader's brief: analysed once (in the app's worker), composed again for each key."""

    def __init__(self, loaded: Loaded, options: BriefOptions) -> None:
        self.loaded = loaded
        self.options = options
        self._analysis: Analysis | None = None

    def build(self) -> Brief:
        from briefer.pipeline import analyse, compose

        self._analysis = analyse(self.loaded, self.options)
        return compose(self._analysis, self.options)

    def recompose(self, brief: Brief, count: int, algorithm: str) -> Brief:
        """The brief with a bottom line of `count` sentences by `algorithm`, as `briefer brief -n`."""
        from briefer.pipeline import compose

        if self._analysis is None:
            self.build()
        assert self._analysis is not None
        wanted = replace(self.options, sentences=max(1, count), ratio=None, algorithm=algorithm)
        return compose(self._analysis, wanted)


def reader_app(
    loaded: Loaded,
    options: BriefOptions,
    *,
    timing_log: str | None = None,
    use_cache: bool = True,
    keys_from_tty: bool = False,
) -> BriefApp:
    """The app over loaded sources: a cached brief at once, or titles then the brief from its worker."""
    from briefer.tui.launch import make_reader

    session = Session(loaded, options)
    return make_reader(
        loaded,
        options,
        session.build,
        session.recompose,
        timing_log=timing_log,
        started=_STARTED,
        use_cache=use_cache,
        keys_from_tty=keys_from_tty,
    )


def run_tui(args: argparse.Namespace, env: Environment, settings: Settings) -> int:
    """Load the sources (a bad one fails before the app starts), then run the reader."""
    from briefer.arguments import brief_options, stdin_bytes
    from briefer.pipeline import load

    stdin = stdin_bytes(args, env)
    loaded = load(args.sources, stdin_bytes=stdin, url_timeout=settings.url_timeout)
    reader_app(
        loaded,
        brief_options(args, settings),
        timing_log=settings.tui_timing,
        use_cache=not args.no_cache,
        keys_from_tty=stdin is not None,
    ).run()
    return ExitStatus.OK
