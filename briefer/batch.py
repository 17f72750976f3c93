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
import time
from collections.abc import Iterator, Sequence
from typing import IO

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
    specs: Sequence[str], options: BriefOptions, *, stdin_bytes: bytes | None = None, jobs: int = 1
) -> Iterator[Result]:
    """One result per source (folders expanded), in the order given, streamed as chunks finish."""
    locations = expand_sources(list(specs))
    chunks = [locations[i : i + CHUNK] for i in range(0, len(locations), CHUNK)]
    nlp.load(options.model or nlp.default_model())  # once, before any fork
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from brief_chunk(chunk, options, stdin_bytes)
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with context.Pool(min(jobs, len(chunks))) as pool:
        work = [(chunk, options, stdin_bytes) for chunk in chunks]
        for results in pool.imap(_brief_chunk_star, work):
            yield from results


def brief_chunk(locations: Sequence[str], options: BriefOptions, stdin_bytes: bytes | None) -> list[Result]:
    """Load, parse (one batched `nlp.pipe`) and brief a few sources; failures become reasons."""
    results: list[Result] = [(location, None, "not briefed") for location in locations]
    articles: list[tuple[int, Article]] = []
    for i, location in enumerate(locations):
        try:
            articles.extend((i, a) for a in load([location], stdin_bytes=stdin_bytes).articles)
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


def _brief_chunk_star(work: tuple[Sequence[str], BriefOptions, bytes | None]) -> list[Result]:
    return brief_chunk(*work)


def _reason(location: str, exc: Exception) -> str:
    if isinstance(exc, BrieferError):
        message = str(exc)
        return message if message.startswith(location) else f"{location}: {message}"
    return f"{location}: failed ({type(exc).__name__}: {exc})"


class Progress:
    """A one-line progress bar on a terminal's stderr: `[#####.....] 120/250 articles, 3 failed, 0:12`.

    Only ever made for a terminal (the command line checks), so pipes and logs stay clean.
    """

    WIDTH = 30

    def __init__(self, stream: IO[str], total: int) -> None:
        self.stream = stream
        self.total = max(1, total)
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        self.draw()

    def draw(self) -> None:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        seconds = int(time.monotonic() - self.started)
        failed = f", {self.failed} failed" if self.failed else ""
        line = f"[{bar}] {self.done}/{self.total} articles{failed}, {seconds // 60}:{seconds % 60:02d}"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()
