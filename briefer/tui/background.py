"""Slow work (spaCy, NLTK) in daemon threads, so the reader can quit without waiting for it.

Textual's thread workers run in asyncio's default executor, which the event loop joins when the
app exits: `q` during a build then waited 6-7 s for spaCy to finish loading. Here the app awaits a
future that a daemon thread fulfils; quitting cancels the await, and `exit_now` ends the process
without joining the thread
or tearing down spaCy's objects one by one.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_PREFIX = "briefer-"


async def in_background(work: Callable[[], T], name: str) -> T:
    """`work()` in a daemon thread named `name`; its result or exception, awaited."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result, error = work(), None
        except BaseException as exc:  # handed to the awaiting worker, which reports it
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the app quit and its loop is closed
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, name=_PREFIX + name.removeprefix(_PREFIX), daemon=True).start()
    return await future


def busy() -> bool:
    """Whether background work started here is still running."""
    return any(t.name.startswith(_PREFIX) and t.is_alive() for t in threading.enumerate())


def exit_now(status: int) -> None:
    """End the process at once, background work or not (the terminal is restored by then)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)
