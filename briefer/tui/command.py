"""`briefer tui SOURCE...`: registers itself with the command line without importing Textual.

Textual is imported only in `run_tui`, so `briefer brief` starts as fast as before.
"""

from __future__ import annotations

import argparse
import time

from briefer.cli import EXTRA_COMMANDS, HANDLERS, Environment, add_source_options, options_from
from briefer.errors import ExitStatus, InputError
from briefer.summarize import ALGORITHMS, DEFAULT_ALGORITHM

_STARTED = time.perf_counter()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """read the brief in the terminal: sections, actors, positions, the source"""
    parser.description = "Read the brief of one or more articles in the terminal."
    parser.epilog = "keys: arrows move, Enter opens the source, + - length, / search, s save, ? help, q quit"
    add_source_options(parser, ALGORITHMS, DEFAULT_ALGORITHM)
    parser.add_argument("--no-cache", action="store_true", help="build the brief again, without the cache")


def run_tui(args: argparse.Namespace, env: Environment) -> int:
    """Read the articles (cheap: no spaCy) so the app can paint titles, then build in a worker."""
    from briefer.cli import stdin_bytes
    from briefer.ingest import Article, expand_sources, parse_article, read_source

    stdin = stdin_bytes(args, env)
    specs = expand_sources(args.sources)
    articles: list[Article] = []
    failed: list[str] = []
    for spec in specs:
        try:
            articles.append(parse_article(read_source(spec, stdin_bytes=stdin)))
        except InputError:
            if len(specs) == 1:
                raise
            failed.append(spec)
    if not articles:
        raise InputError(f"no readable article among {len(specs)} sources")
    from briefer.tui.launch import make_reader

    options = options_from(args)
    make_reader(articles, failed, options, stdin=stdin, use_cache=not args.no_cache, started=_STARTED).run()
    return ExitStatus.OK


EXTRA_COMMANDS["tui"] = add_arguments
HANDLERS["tui"] = run_tui
