"""`build_brief`: the only orchestrator. Sources in, one frozen `Brief` out; no I/O beyond reading.

ingest (read, decode, clean) -> segment (spaCy, once) -> summary, actors, positions, background,
timeline -> Brief. A fixed clock can be injected (`BriefOptions.now`) so output is deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from briefer import nlp
from briefer.errors import BrieferError, InputError
from briefer.ingest import Article, expand_sources, parse_article, read_source
from briefer.model import (
    Actor,
    BackgroundItem,
    Brief,
    Citation,
    Position,
    Source,
    SummaryItem,
    TimelineEvent,
)
from briefer.segment import ParsedArticle, parse_articles
from briefer.summarize import DEFAULT_ALGORITHM, summarize, summary_count

if TYPE_CHECKING:
    from briefer.merge import Duplicates


@dataclass(frozen=True, slots=True)
class BriefOptions:
    sentences: int | None = None
    ratio: float | None = None
    algorithm: str = DEFAULT_ALGORITHM
    model: str | None = None
    background: int = 5
    now: datetime | None = None


def build_brief(
    sources: Sequence[str | Article],
    options: BriefOptions | None = None,
    *,
    stdin_bytes: bytes | None = None,
) -> Brief:
    """Build one brief over all sources (paths, URLs, `-`, folders, or parsed `Article`s).

    With several sources, one that cannot be read is listed with its reason and the brief is made
    from the rest; with one source, or none readable, `InputError` says why.
    """
    options = options or BriefOptions()
    articles, failed = _load(sources, stdin_bytes)
    parsed = list(parse_articles(articles, nlp.load(options.model or nlp.default_model())))
    return assemble(parsed, options, failed)


def _load(
    sources: Sequence[str | Article], stdin_bytes: bytes | None
) -> tuple[list[Article], list[tuple[str, str]]]:
    specs: list[str | Article] = []
    for item in sources:
        specs.extend(expand_sources([item]) if isinstance(item, str) else [item])
    articles: list[Article] = []
    failed: list[tuple[str, str]] = []
    for spec in specs:
        if isinstance(spec, Article):
            articles.append(spec)
            continue
        try:
            articles.append(parse_article(read_source(spec, stdin_bytes=stdin_bytes)))
        except InputError as exc:
            if len(specs) == 1:
                raise
            failed.append((spec, str(exc).removeprefix(f"{spec}: ")))
    if not articles:
        reasons = "; ".join(reason for _, reason in failed)
        raise InputError(f"no readable article among {len(specs)} sources ({reasons})")
    return articles, failed


def assemble(
    parsed: Sequence[ParsedArticle],
    options: BriefOptions,
    failed: Sequence[tuple[str, str]] = (),
) -> Brief:
    """The analyses over parsed articles; pure apart from the clock in `options.now`.

    Source ids are positions in `parsed` (1-based). Over several articles, the sections are merged
    (`_merge`): repeated sentences kept once and cited to every source, items in date order.
    """
    from briefer.actors import find_actors
    from briefer.background import find_background
    from briefer.positions import find_positions
    from briefer.timeline import find_events

    if not any(p.sentences for p in parsed):
        raise InputError("no sentences found in the input")
    sources = [_source(i, p) for i, p in enumerate(parsed, start=1)]
    sources += [
        Source(len(sources) + k, location, None, None, location, error=reason)
        for k, (location, reason) in enumerate(failed, start=1)
    ]
    actors = find_actors(parsed)
    positions = find_positions(parsed, actors)
    if len(parsed) == 1:
        summary = _summary(parsed, options)
        background = find_background(parsed, options.background)
        timeline = find_events(parsed)
    else:
        summary, positions, background, timeline = _merge(parsed, options, actors.actors, positions)
    return Brief(
        title=_title(parsed),
        sources=tuple(sources),
        summary=summary,
        actors=actors.actors,
        positions=positions,
        background=background,
        timeline=timeline,
        algorithm=options.algorithm,
        generated_at=_now(options).isoformat(timespec="seconds"),
        notes=tuple(_notes(parsed) + [f"{location}: not read: {reason}" for location, reason in failed]),
    )


def _merge(
    parsed: Sequence[ParsedArticle],
    options: BriefOptions,
    actors: Sequence[Actor],
    positions: Sequence[Position],
) -> tuple[
    tuple[SummaryItem, ...], tuple[Position, ...], tuple[BackgroundItem, ...], tuple[TimelineEvent, ...]
]:
    """The sections of a brief over several articles, on top of the per-article analyses."""
    from briefer.background import find_background
    from briefer.merge import find_duplicates, reading_order
    from briefer.timeline import find_events

    order = reading_order([p.article.published for p in parsed])
    rank = {source: r for r, source in enumerate(order)}
    duplicates = find_duplicates(
        [((source, s.index), s.text) for source in order for s in parsed[source - 1].sentences]
    )
    summary = _merged_summary(parsed, options, rank, duplicates)
    used = {duplicates.key((i.source, i.sentence)) for i in summary}
    background = [
        b
        for b in find_background(parsed, 3 * options.background)
        if duplicates.key((b.source, b.sentence)) not in used
    ]
    return (
        summary,
        _merged_positions(positions, actors, rank, duplicates),
        _collapsed(background, rank, duplicates, by_date=False)[: options.background],
        _collapsed(find_events(parsed), rank, duplicates, by_date=True),
    )


def _merged_summary(
    parsed: Sequence[ParsedArticle], options: BriefOptions, rank: dict[int, int], duplicates: Duplicates
) -> tuple[SummaryItem, ...]:
    """One bottom line over all articles, each repeated sentence offered once.

    The summarizer favours early sentences, so the articles are interleaved (every lead first, then
    every second sentence...) rather than concatenated, which would favour the first article only.
    Picks are shown by date, then source order, then place in the article.
    """
    where = sorted(
        (
            (s.index, rank[source], source)
            for source, p in enumerate(parsed, start=1)
            for s in p.sentences
            if duplicates.kept((source, s.index))
        ),
    )
    texts = [parsed[source - 1].sentences[index].text for index, _, source in where]
    tokens = [
        [t.text for t in parsed[source - 1].spans[index] if not t.is_space] for index, _, source in where
    ]
    count = summary_count(len(texts), options.sentences, options.ratio)
    picks = summarize(texts, count, algorithm=options.algorithm, tokens=tokens)
    items = []
    for pick in picks:
        index, _, source = where[pick.index]
        also = duplicates.also((source, index))
        items.append(SummaryItem(texts[pick.index], source, index, pick.score, also))
    return tuple(sorted(items, key=lambda i: (rank[i.source], i.sentence)))


def _merged_positions(
    positions: Sequence[Position], actors: Sequence[Actor], rank: dict[int, int], duplicates: Duplicates
) -> tuple[Position, ...]:
    """Who said what, grouped by actor (most mentioned first), each actor's statements in date order;
    the same statement carried by several sources is shown once, cited to all of them."""
    from briefer.merge import collapse

    actor_rank = {a.id: r for r, a in enumerate(actors)}
    dated = sorted(positions, key=lambda p: (rank[p.source], p.sentence))
    kept = collapse(
        dated,
        lambda p: (p.source, p.sentence),
        lambda p: (
            p.actor or p.speaker.lower(),
            _content_key(p, duplicates),
        ),
        duplicates,
    )
    merged = [replace(p, also=_union(p.also, also)) for p, also in kept]
    return tuple(
        sorted(
            merged,
            key=lambda p: (
                actor_rank.get(p.actor or "", len(actor_rank)),
                "" if p.actor else p.speaker.lower(),
                rank[p.source],
                p.sentence,
            ),
        )
    )


def _content_key(position: Position, duplicates: Duplicates) -> object:
    """Two positions say the same when their sentences are copies or their contents are equal."""
    if duplicates.group((position.source, position.sentence)) is not None:
        return duplicates.key((position.source, position.sentence))
    return " ".join(position.content.lower().split())


_Dated = TypeVar("_Dated", BackgroundItem, TimelineEvent)


def _collapsed(
    items: Sequence[_Dated], rank: dict[int, int], duplicates: Duplicates, *, by_date: bool
) -> tuple[_Dated, ...]:
    """Items kept once per repeated sentence (and, for events, per date), cited to every source.

    Events are put in order of their date, then of their source's date; background items keep the
    order their finder ranked them in.
    """
    from briefer.merge import collapse

    def date(item: _Dated) -> str:
        return getattr(item, "date", "") if by_date else ""

    ordered = sorted(items, key=lambda i: (date(i), rank[i.source], i.sentence)) if by_date else list(items)
    kept = collapse(
        ordered,
        lambda i: (i.source, i.sentence),
        lambda i: (date(i), duplicates.key((i.source, i.sentence))),
        duplicates,
    )
    return tuple(replace(item, also=_union(item.also, also)) for item, also in kept)


def _union(*citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    return tuple(sorted({c for group in citations for c in group}, key=_citation_key))


def _citation_key(citation: Citation) -> tuple[int, int]:
    return citation.source, citation.sentence


def _source(source_id: int, parsed: ParsedArticle) -> Source:
    a = parsed.article
    return Source(
        source_id, a.title, a.outlet, a.published, a.location, a.text, parsed.sentences, None, a.notes, a.url
    )


def _title(parsed: Sequence[ParsedArticle]) -> str:
    if len(parsed) == 1:
        return parsed[0].article.title
    return f"{parsed[0].article.title} (and {len(parsed) - 1} more)"


def _summary(parsed: Sequence[ParsedArticle], options: BriefOptions) -> tuple[SummaryItem, ...]:
    where = [(i, s) for i, p in enumerate(parsed, start=1) for s in p.sentences]
    texts = [s.text for _, s in where]
    tokens = [[t.text for t in span if not t.is_space] for p in parsed for span in p.spans]
    count = summary_count(len(texts), options.sentences, options.ratio)
    title = parsed[0].article.title if len(parsed) == 1 else None
    picks = summarize(texts, count, algorithm=options.algorithm, title=title, tokens=tokens)
    return tuple(
        SummaryItem(where[p.index][1].text, where[p.index][0], where[p.index][1].index, p.score)
        for p in picks
    )


def _notes(parsed: Sequence[ParsedArticle]) -> list[str]:
    notes: list[str] = []
    for p in parsed:
        notes.extend(f"{p.article.location}: {n}" for n in p.article.notes)
        if p.spans and not _looks_english(p):
            notes.append(f"{p.article.location}: the text does not look English; the brief may be poor")
    return notes


def _looks_english(parsed: ParsedArticle) -> bool:
    from briefer.stopwords import STOP_WORDS

    letters = [c for span in parsed.spans[:50] for c in span.text if c.isalpha()]
    if sum(c < "\u0250" for c in letters) < len(letters) / 2:
        return False  # mostly another script: Chinese, unspaced, has too few "words" to count
    words = [t.lower_ for span in parsed.spans[:50] for t in span if t.is_alpha]
    if len(words) < 8:
        return True
    return sum(w in STOP_WORDS for w in words) / len(words) >= 0.15


def _now(options: BriefOptions) -> datetime:
    if options.now is not None:
        return options.now
    fixed = os.environ.get("BRIEFER_NOW")
    if fixed:
        try:
            return datetime.fromisoformat(fixed)
        except ValueError:
            raise BrieferError(f"BRIEFER_NOW={fixed!r} is not an ISO 8601 time") from None
    return datetime.now(UTC).replace(microsecond=0)
