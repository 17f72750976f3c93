"""One brief per source (`--each`), at the speed of the parser: batched, in processes, streamed.

Articles are taken in small chunks; each chunk is parsed by one `nlp.pipe` call over all its
paragraphs (spaCy is fastest on batches) and its briefs are assembled in the same process, so only
finished briefs cross a process boundary. With `jobs > 1` the chunks go to a pool of processes
(forked after the model is loaded, so the workers share its memory); results come back in the order
given, each chunk as soon as it and the ones before it are done. A source that cannot be read or
briefed is reported with its reason and the batch goes on.

This is deliberately not a scheduler: over several machines, run `--each` on shares of the files
with an existing engine (see README, "Many articles").
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from typing import IO, Any

from briefer import nlp
from briefer.errors import BrieferError
from briefer.ingest import Article, expand_sources
from briefer.model import Brief
from briefer.pipeline import BriefOptions, analyse_parsed, compose, load
from briefer.segment import parse_articles

CHUNK = 8
"""Articles per `nlp.pipe` call: enough paragraphs for spaCy's batching, small enough to stream."""

Result = tuple[str, Brief | None, str | None]
"""(location, brief, None) for a briefed source, (location, None, reason) otherwise."""


def iter_briefs(
    specs: Sequence[str],
    options: BriefOptions,
    *,
    stdin_bytes: bytes | None = None,
    jobs: int = 1,
    url_timeout: float | None = None,
) -> Iterator[Result]:
    """One result per source (folders expanded), in the order given, streamed as chunks finish."""
    locations = expand_sources(list(specs))
    chunks = [locations[i : i + CHUNK] for i in range(0, len(locations), CHUNK)]
    nlp.load(options.model or nlp.default_model())  # once, before any fork
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from brief_chunk(chunk, options, stdin_bytes, url_timeout)
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with context.Pool(min(jobs, len(chunks)), initializer=_ignore_interrupts) as pool:
        work = [(chunk, options, stdin_bytes, url_timeout) for chunk in chunks]
        for results in pool.imap(_brief_chunk_star, work):
            yield from results


def brief_chunk(
    locations: Sequence[str],
    options: BriefOptions,
    stdin_bytes: bytes | None = None,
    url_timeout: float | None = None,
) -> list[Result]:
    """Load, parse (one batched `nlp.pipe`) and brief a few sources; failures become reasons."""
    results: list[Result] = [(location, None, "not briefed") for location in locations]
    articles: list[tuple[int, Article]] = []
    for i, location in enumerate(locations):
        try:
            articles.extend(
                (i, a) for a in load([location], stdin_bytes=stdin_bytes, url_timeout=url_timeout).articles
            )
        except BrieferError as exc:
            results[i] = (location, None, _reason(location, exc))
    model = nlp.load(options.model or nlp.default_model())
    try:
        parsed = list(zip(articles, parse_articles([a for _, a in articles], model), strict=True))
    except Exception:  # one article that breaks the parser must not take the others with it
        parsed = []
        for i, article in articles:
            try:
                parsed.extend(((i, article), p) for p in parse_articles([article], model))
            except Exception as exc:
                results[i] = (locations[i], None, _reason(locations[i], exc))
    for (i, _), one in parsed:
        try:
            results[i] = (locations[i], compose(analyse_parsed([one]), options), None)
        except Exception as exc:  # a batch reports a failed article and goes on
            results[i] = (locations[i], None, _reason(locations[i], exc))
    return results


def _brief_chunk_star(work: tuple[Sequence[str], BriefOptions, bytes | None, float | None]) -> list[Result]:
    return brief_chunk(*work)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool: no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _reason(location: str, exc: Exception) -> str:
    if isinstance(exc, BrieferError):
        message = str(exc)
        return message if message.startswith(location) else f"{location}: {message}"
    return f"{location}: failed ({type(exc).__name__}: {exc})"


class Progress:
    """The batch's progress on a terminal's stderr, drawn by Rich: bar, done/total, failures, rate
    and time left. Messages go above the bar. Disabled (not a terminal), it only prints messages,
    so pipes and logs stay clean."""

    def __init__(self, stream: IO[str], total: int, *, enabled: bool) -> None:
        self.stream = stream
        self.failed = 0
        self._bar: Any = None
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            console = Console(file=stream, force_terminal=True, highlight=False)
            self._bar = RichProgress(
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles{task.fields[failed]}"),
                TextColumn("{task.fields[rate]}"),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self._task = self._bar.add_task("briefs", total=max(1, total), failed="", rate="")

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def print(self, message: str) -> None:
        if self._bar is None:
            self.stream.write(message + "\n")
            self.stream.flush()
        else:
            self._bar.console.print(message, markup=False, highlight=False)

    def advance(self, ok: bool) -> None:
        self.failed += 0 if ok else 1
        if self._bar is None:
            return
        task = self._bar.tasks[0]
        speed = task.finished_speed or task.speed
        self._bar.update(
            self._task,
            advance=1,
            failed=f", {self.failed} failed" if self.failed else "",
            rate=f"{speed:.1f}/s" if speed else "",
        )


def progress_bar(stream: IO[str], total: int, *, enabled: bool) -> Progress:
    """`with progress_bar(env.stderr, n, enabled=env.stderr_isatty) as progress: ...`"""
    return Progress(stream, total, enabled=enabled)
