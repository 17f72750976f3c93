"""`--each` beyond one machine: one brief per source as a Dask bag, on any Dask cluster.

Each article is briefed on its own, so the work maps onto an existing engine without a scheduler of
ours: the sources are split into partitions, and each partition runs `batch.brief_chunk` (parsed in
chunks with one `nlp.pipe` each; the model is loaded once per worker process). Briefs travel back
as JSON Lines (the `--format json` contract), never as live objects. A situation brief over many
articles is still built in one process, where all its articles meet.

Optional: `pip install 'briefer[scale]'` (dask[bag] and distributed). Nothing else imports this.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefer.batch import CHUNK, brief_chunk
from briefer.ingest.read import expand_sources
from briefer.pipeline import BriefOptions

Line = tuple[str, str | None, str | None]
"""(location, the brief as one JSON line, None) or (location, None, why it failed)."""


def brief_bag(
    specs: Sequence[str],
    options: BriefOptions,
    *,
    partitions: int | None = None,
    url_timeout: float | None = None,
) -> Any:
    """A `dask.bag.Bag` of `Line`s, one per source (folders expanded), in the order given.

    `partitions` defaults to one per `CHUNK` sources. Compute it on a cluster with
    `brief_bag(...).compute()` under a `distributed.Client`, or write it with `.map(...)` and
    `.to_textfiles(...)`.
    """
    import dask.bag as db

    locations = expand_sources(list(specs))
    count = partitions or max(1, -(-len(locations) // CHUNK))
    bag = db.from_sequence(locations, npartitions=min(count, max(1, len(locations))))  # type: ignore[no-untyped-call]  # dask is untyped
    return bag.map_partitions(brief_partition, options, url_timeout)


def brief_partition(
    locations: Sequence[str], options: BriefOptions, url_timeout: float | None = None
) -> list[Line]:
    """Brief one partition's sources, chunk by chunk, in the worker that holds it."""
    from briefer.render.json import render_line

    locations = list(locations)
    lines: list[Line] = []
    for start in range(0, len(locations), CHUNK):
        for location, brief, reason in brief_chunk(
            locations[start : start + CHUNK], options, None, url_timeout
        ):
            lines.append((location, render_line(brief) if brief is not None else None, reason))
    return lines
