"""`build_brief`: the only orchestrator. Sources in, one frozen `Brief` out; no I/O beyond reading.

ingest (read, decode, clean) -> segment (spaCy, once) -> summary, actors, positions, background,
timeline -> Brief. A fixed clock can be injected (`BriefOptions.now`) so output is deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from briefer import nlp
from briefer.errors import BrieferError, InputError
from briefer.ingest import Article, expand_sources, parse_article, read_source
from briefer.model import Brief, Source, SummaryItem
from briefer.segment import ParsedArticle, parse_articles
from briefer.summarize import DEFAULT_ALGORITHM, summarize, summary_count


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
            failed.append((spec, str(exc)))
    if not articles:
        reasons = "; ".join(reason for _, reason in failed)
        raise InputError(f"no readable article among {len(specs)} sources ({reasons})")
    return articles, failed


def assemble(
    parsed: Sequence[ParsedArticle],
    options: BriefOptions,
    failed: Sequence[tuple[str, str]] = (),
) -> Brief:
    """The analyses over parsed articles; pure apart from the clock in `options.now`."""
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
    notes = _notes(parsed)
    return Brief(
        title=_title(parsed),
        sources=tuple(sources),
        summary=_summary(parsed, options),
        actors=actors.actors,
        positions=find_positions(parsed, actors),
        background=find_background(parsed, options.background),
        timeline=find_events(parsed),
        algorithm=options.algorithm,
        generated_at=_now(options).isoformat(timespec="seconds"),
        notes=tuple(notes),
    )


def _source(source_id: int, parsed: ParsedArticle) -> Source:
    a = parsed.article
    return Source(
        source_id, a.title, a.outlet, a.published, a.location, a.text, parsed.sentences, None, a.notes
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
    notes = []
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
