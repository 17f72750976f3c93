"""`briefer tui SOURCE...`: registers itself with the command line without importing Textual.

Textual is imported only in `run_tui`, so `briefer brief` starts as fast as before.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from briefer.cli import EXTRA_COMMANDS, HANDLERS, Environment, add_source_options, options_from
from briefer.errors import ExitStatus, InputError
from briefer.model import Brief
from briefer.summarize import ALGORITHMS, DEFAULT_ALGORITHM

_STARTED = time.perf_counter()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """read the brief in the terminal: sections, actors, positions, the source"""
    parser.description = "Read the brief of one or more articles in the terminal."
    parser.epilog = "keys: arrows move, Enter opens the source, + - length, / search, s save, ? help, q quit"
    add_source_options(parser, ALGORITHMS, DEFAULT_ALGORITHM)


def run_tui(args: argparse.Namespace, env: Environment) -> int:
    """Read the articles (cheap: no spaCy) so the app can paint titles, then build in a worker."""
    from briefer.cli import stdin_bytes
    from briefer.ingest import Article, expand_sources, parse_article, read_source
    from briefer.pipeline import build_brief
    from briefer.tui.operations import preview_brief

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
    options = options_from(args)
    # Failed specs are passed on so the brief lists them with their reason, as `brief` does.
    sources: list[str | Article] = [*articles, *failed]
    builder: Callable[[], Brief] = lambda: build_brief(sources, options, stdin_bytes=stdin)  # noqa: E731

    from briefer.tui.app import BriefApp, timing_log_from_env

    app = BriefApp(
        builder=builder, preview=preview_brief(articles), timing_log=timing_log_from_env(), started=_STARTED
    )
    app.run()
    return ExitStatus.OK


EXTRA_COMMANDS["tui"] = add_arguments
HANDLERS["tui"] = run_tui
