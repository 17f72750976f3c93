"""Small pieces the presentation model (`sections.py`) is made of: byline, speaker, source line."""

from __future__ import annotations

from typing import Protocol

from briefer.model import Brief, Citation, Position, Source
from briefer.textsafe import escape_unsafe


class Cited(Protocol):
    """An item of a brief: its source, and the other sources carrying the same sentence."""

    @property
    def source(self) -> int: ...

    @property
    def also(self) -> tuple[Citation, ...]: ...


def source_ids(item: Cited) -> list[int]:
    """Every source an item is cited to, its own first: `[1, 3]` marks."""
    return [item.source, *sorted({c.source for c in item.also} - {item.source})]


def citation_mark(item: Cited) -> str:
    """`[1]`, or `[1, 3]` for a sentence carried by several sources."""
    return "[" + ", ".join(map(str, source_ids(item))) + "]"


def scrub(rendered: str) -> str:
    """The last step of every renderer: no control character reaches a terminal, file or pipe raw.

    Briefs built by the pipeline hold none (ingest removes them); a `Brief` made any other way
    (from JSON, in tests) gets its control characters shown as `\\x1b`-style escapes.
    """
    return escape_unsafe(rendered)


def byline(brief: Brief) -> str:
    """`Iran Press TV · 2016-04-16 · 1 source`."""
    readable = brief.readable_sources
    outlets = sorted({s.outlet for s in readable if s.outlet})
    dates = sorted(s.published for s in readable if s.published)
    parts = []
    if outlets:
        parts.append(", ".join(outlets) if len(outlets) <= 3 else f"{len(outlets)} outlets")
    if brief.period:
        parts.append(brief.period.replace("/", " to "))
    elif dates:
        parts.append(dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}")
    n = len(brief.sources)
    parts.append(f"{n} source" + ("" if n == 1 else "s"))
    return " · ".join(parts)


def speaker_name(brief: Brief, position: Position) -> str:
    """The resolved actor's name; an anonymous source stays as written, with its affiliation."""
    actor = brief.actor(position.actor)
    if position.anonymous:
        return f"{position.speaker} (anonymous{', ' + actor.name if actor else ''})"
    return actor.name if actor else position.speaker


def source_line(source: Source, *, address: bool = True) -> str:
    """Title — outlet, date — [not read: why] — URL or local path (the last left off on request)."""
    bits = [source.title]
    meta = ", ".join(x for x in (source.outlet, source.published) if x)
    if meta:
        bits.append(meta)
    if source.error:
        bits.append(f"not read: {source.error}")
    if address:
        bits.append(source.url or source.location)
    return " — ".join(bits)
