"""The reader as the command line starts it: a cached brief at once, or titles then a build.

`briefer tui` loads its sources (cheap, no spaCy) and hands them here with the session's `build`
and `recompose`. A brief built before from the same content and options comes from the cache
(`briefer/cache.py`) and paints complete; else the app paints the titles and builds in the
background, storing the result for next time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefer import cache
from briefer.model import Brief
from briefer.tui.app import BriefApp

if TYPE_CHECKING:
    from briefer.pipeline import BriefOptions, Loaded


def make_reader(
    loaded: Loaded,
    options: BriefOptions,
    build: Callable[[], Brief],
    recompose: Callable[[Brief, int, str], Brief],
    *,
    timing_log: str | None = None,
    started: float | None = None,
    use_cache: bool = True,
    keys_from_tty: bool = False,
) -> BriefApp:
    """The app for these sources; failed sources are listed in the brief with their reason."""
    from briefer.pipeline import preview

    key = cache.brief_key(loaded.articles, loaded.failed, options) if use_cache else None
    cached = cache.load(key) if key else None

    def build_and_keep() -> Brief:
        brief = build()
        if key:
            cache.store(key, brief)
        return brief

    return BriefApp(
        cached,
        builder=None if cached else build_and_keep,
        resummarizer=recompose,
        preview=preview(loaded),
        timing_log=timing_log,
        started=time.perf_counter() if started is None else started,
        keys_from_tty=keys_from_tty,
        exit_process=True,
    )
