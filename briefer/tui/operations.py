"""What the reader's keys do to a brief, as pure functions without any UI.

The app calls these from key handlers and workers; tests call them directly. Changing the summary
length or algorithm re-runs only the summarizer over the sentences the brief already holds, so it
takes milliseconds (no spaCy), and the result stays faithful: every pick is a source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefer.ingest import Article
from briefer.model import Actor, Brief, Position, Sentence, Source, SummaryItem
from briefer.render.common import speaker_name
from briefer.summarize import ALGORITHMS, summarize

MAX_HITS = 200


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: where it was found, its text, and the sentence it points to."""

    where: str
    text: str
    source: int
    sentence: int | None


def preview_brief(articles: Sequence[Article]) -> Brief:
    """A brief with only the sources' titles, dates and outlets: what the app paints at once."""
    sources = tuple(
        Source(i, a.title, a.outlet, a.published, a.location, url=a.url)
        for i, a in enumerate(articles, start=1)
    )
    from briefer.pipeline import brief_title

    return Brief(title=brief_title([a.title for a in articles]), sources=sources)


def sentence_count(brief: Brief) -> int:
    return sum(len(s.sentences) for s in brief.readable_sources)


def resummarize(brief: Brief, count: int, algorithm: str) -> Brief:
    """The same brief with a bottom line of `count` sentences picked by `algorithm`."""
    where = [(src.id, s) for src in brief.readable_sources for s in src.sentences]
    count = max(1, min(count, len(where)))
    readable = brief.readable_sources
    title = readable[0].title if len(readable) == 1 else None
    picks = summarize([s.text for _, s in where], count, algorithm=algorithm, title=title)
    summary = tuple(
        SummaryItem(where[p.index][1].text, where[p.index][0], where[p.index][1].index, p.score)
        for p in picks
    )
    return replace(brief, summary=summary, algorithm=algorithm)


def next_algorithm(current: str) -> str:
    """The algorithm after `current` in the registry's order, wrapping round."""
    names = list(ALGORITHMS)
    return names[(names.index(current) + 1) % len(names)] if current in names else names[0]


def positions_by_actor(brief: Brief) -> list[tuple[str, list[Position]]]:
    """Positions grouped under the actor (or speaker as written) who holds them, first seen first."""
    groups: dict[str, list[Position]] = {}
    for position in brief.positions:
        groups.setdefault(speaker_name(brief, position), []).append(position)
    return list(groups.items())


def actor_mentions(brief: Brief, actor: Actor) -> list[tuple[Source, Sentence]]:
    """The sentences that name the actor or one of its aliases (whole words, case as written)."""
    names = sorted({actor.name, *actor.aliases}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return [
        (src, s)
        for src in brief.readable_sources
        if not actor.sources or src.id in actor.sources
        for s in src.sentences
        if pattern.search(s.text)
    ]


def search(brief: Brief, query: str) -> list[Hit]:
    """Case-insensitive matches in every section of the brief, then in the articles' sentences."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for item in brief.summary:
        hits.append(Hit("Bottom line", item.text, item.source, item.sentence))
    for actor in brief.actors:
        first = actor_mentions(brief, actor)[:1]
        where = (first[0][0].id, first[0][1].index) if first else (next(iter(actor.sources), 1), None)
        hits.append(Hit("Actor", " · ".join((actor.name, *actor.aliases)), *where))
    for pos in brief.positions:
        hits.append(
            Hit("Position", f"{speaker_name(brief, pos)} {pos.verb}: {pos.content}", pos.source, pos.sentence)
        )
    for bg in brief.background:
        hits.append(Hit("Background", bg.text, bg.source, bg.sentence))
    for event in brief.timeline:
        hits.append(Hit("Timeline", f"{event.date} {event.text}", event.source, event.sentence))
    for src in brief.readable_sources:
        hits.extend(Hit(f"Source {src.id}", s.text, src.id, s.index) for s in src.sentences)
    return [h for h in hits if needle in h.text.casefold()][:MAX_HITS]


def sentence_of(brief: Brief, source_id: int, index: int | None) -> Sentence | None:
    if index is None:
        return None
    try:
        source = brief.source(source_id)
    except KeyError:
        return None
    return next((s for s in source.sentences if s.index == index), None)


def export_markdown(brief: Brief, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the brief as markdown, atomically; `OutputError` if the file exists and not `overwrite`."""
    from briefer.output import write_atomic
    from briefer.render import RENDERERS

    return write_atomic(Path(path).expanduser(), RENDERERS["markdown"].render(brief), overwrite=overwrite)
