"""The reader as the command line starts it: a cached brief at once, or titles then a build.

`briefer tui` reads its sources (cheap, no spaCy) and hands them here. A brief built before from
the same content and options comes from the cache (`briefer/cache.py`) and paints complete; else
the app paints the titles and builds in the background, storing the result for next time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from briefer import cache
from briefer.ingest import Article
from briefer.model import Brief
from briefer.tui.app import BriefApp, timing_log_from_env
from briefer.tui.operations import preview_brief


def make_reader(
    articles: Sequence[Article],
    failed: Sequence[str],
    options: Any,
    *,
    stdin: bytes | None = None,
    use_cache: bool = True,
    started: float | None = None,
) -> BriefApp:
    """The app for these articles; failed sources are listed in the brief with their reason."""
    from briefer.pipeline import build_brief

    key = cache.brief_key(articles, failed, options) if use_cache else None
    cached = cache.load(key) if key else None
    sources: list[str | Article] = [*articles, *failed]

    def build() -> Brief:
        brief = build_brief(sources, options, stdin_bytes=stdin)
        if key:
            cache.store(key, brief)
        return brief

    return BriefApp(
        cached,
        builder=None if cached else build,
        preview=preview_brief(articles),
        timing_log=timing_log_from_env(),
        started=time.perf_counter() if started is None else started,
        keys_from_tty=stdin is not None,
        exit_process=True,
    )
