"""What the reader's keys do to a brief, as pure functions without any UI.

The app calls these from key handlers and workers; tests call them directly. Changing the summary
length or algorithm re-runs only the summarizer over the sentences the brief already holds, so it
takes milliseconds (no spaCy), and the result stays faithful: every pick is a source sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefer.ingest import Article
from briefer.model import Brief, Source, SummaryItem
from briefer.render.common import source_line
from briefer.render.sections import Line, Section, actor_mentions, plain, present
from briefer.summarize import ALGORITHMS, summarize

MAX_HITS = 200
TOP_ACTORS = 12
TOP_POSITIONS = 15
"""What a big brief shows at first (six wire stories give ~95 actors and ~130 positions)."""
UNSEARCHED = frozenset({"sources", "notes"})
"""Sections whose lines are not article text (the articles themselves are searched below)."""


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


@dataclass(frozen=True, slots=True)
class View:
    """How much of a big brief the reader sees: actors whose name has `words`, or the top ones."""

    words: str = ""
    show_all: bool = False


@dataclass(frozen=True, slots=True)
class Arranged:
    actors: Section
    positions: Section
    hidden_actors: int
    hidden_positions: int


def salience(brief: Brief) -> dict[str, tuple[int, int, int, int]]:
    """Each actor's sort key: its place in the brief's salience order (`briefer.salience`, as the
    command line ranks), then, for a brief saved without ranks, mentions, sources and positions."""
    held = Counter(p.actor for p in brief.positions if p.actor)
    last = len(brief.actors) + 1
    return {a.id: (a.rank or last, -a.mentions, -len(a.sources), -held[a.id]) for a in brief.actors}


def arrange(brief: Brief, actors: Section, positions: Section, view: View) -> Arranged:
    """Actors and positions most salient first, filtered by name, cut to the top unless all."""
    place = salience(brief)
    unknown = (len(brief.actors) + 2, 0, 0, 0)  # a statement with no resolved actor comes last
    ranked_actors = sorted(actors.lines, key=lambda line: place.get(line.actor or "", unknown))
    ranked_positions = sorted(positions.lines, key=lambda line: place.get(line.actor or "", unknown))
    words = view.words.casefold().split()
    if words:
        names = {line.actor: plain(line).casefold() for line in ranked_actors}
        ranked_actors = [line for line in ranked_actors if all(w in names[line.actor] for w in words)]
        ranked_positions = [
            line
            for line in ranked_positions
            if all(w in names.get(line.actor, "") or w in (line.label or "").casefold() for w in words)
        ]
    top_actors = ranked_actors if view.show_all else ranked_actors[:TOP_ACTORS]
    top_positions = ranked_positions if view.show_all else ranked_positions[:TOP_POSITIONS]
    return Arranged(
        replace(actors, lines=tuple(top_actors)),
        replace(positions, lines=tuple(top_positions)),
        len(ranked_actors) - len(top_actors),
        len(ranked_positions) - len(top_positions),
    )


def citation_text(brief: Brief, line: Line) -> str:
    """A line as a reader pastes it: its words with the `[n]` mark, then each cited source."""
    cited = line.citations or ((line.source,) if line.source is not None else ())
    sources = [f"[{n}] {source_line(brief.source(n))}" for n in cited if _has_source(brief, n)]
    return "\n".join([plain(line), *sources])


def url_of(source: Source) -> str | None:
    """The article's web address, if it came from the web."""
    url = source.url or source.location
    return url if url.startswith(("http://", "https://")) else None


def _has_source(brief: Brief, source_id: int) -> bool:
    return any(s.id == source_id for s in brief.sources)


def group_by_label(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """Lines grouped under their label (positions under who holds them), first seen first."""
    groups: dict[str, list[Line]] = {}
    for line in lines:
        groups.setdefault(line.label or "", []).append(line)
    return list(groups.items())


def search(brief: Brief, query: str) -> list[Hit]:
    """Case-insensitive matches in the brief's sections as presented, then in the articles' sentences."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for section in present(brief).sections:
        if section.id not in UNSEARCHED:
            hits += [_hit(brief, section.title, line) for line in section.lines]
    for src in brief.readable_sources:
        hits.extend(Hit(f"Source {src.id}", s.text, src.id, s.index) for s in src.sentences)
    return [h for h in hits if needle in h.text.casefold()][:MAX_HITS]


def _hit(brief: Brief, where: str, line: Line) -> Hit:
    """An actor's line points at the first sentence naming it; every other line at its own."""
    actor = brief.actor(line.actor) if line.sentence is None else None
    first = actor_mentions(brief, actor)[:1] if actor else []
    if first:
        return Hit(where, plain(line), first[0][0].id, first[0][1].index)
    return Hit(where, plain(line), line.source or 1, line.sentence)


def format_for(path: str | Path) -> str:
    """The renderer a file name asks for by its extension (`.txt` text, `.html` HTML...); markdown
    for any other."""
    from briefer.render import RENDERERS

    suffix = Path(path).suffix.lower()
    suffix = {".htm": ".html", ".markdown": ".md"}.get(suffix, suffix)
    return next((r.name for r in RENDERERS.values() if r.extension == suffix), "markdown")


def export_brief(brief: Brief, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write the brief in the format its extension names, atomically; `OutputError` if the file
    exists and not `overwrite`."""
    from briefer.output import write_atomic
    from briefer.render import RENDERERS

    rendered = RENDERERS[format_for(path)].render(brief)
    return write_atomic(Path(path).expanduser(), rendered, overwrite=overwrite)
