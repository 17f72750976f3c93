"""The only orchestrator, in three public stages that every face calls: load -> analyse -> compose.

- `load(sources)` is the only place sources (paths, URLs, `-`, folders) become `Article`s; a source
  that cannot be read is kept with its reason (`Loaded.failed`).
- `analyse(loaded)` parses once with spaCy and runs the analyses (actors, positions, background,
  timeline, repeated sentences across articles): the slow part, independent of the summary options.
- `compose(analysis, options)` applies the options (bottom line length and algorithm, background
  length, clock) and the rules for several articles (`briefer.merge`): milliseconds, no spaCy, so the
  reader re-composes on `+`/`-`/`a` and gets the same brief as the command line.

`build_brief` is the three in a row. A fixed clock is injected (`BriefOptions.now`), never read from
the environment here: the command line resolves settings once, at its edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefer import nlp
from briefer.errors import InputError
from briefer.ingest.article import Article, parse_article
from briefer.ingest.read import expand_sources, read_source
from briefer.model import Actor, BackgroundItem, Brief, Position, Source, SummaryItem, TimelineEvent
from briefer.segment import ParsedArticle, parse_articles
from briefer.summarize import DEFAULT_ALGORITHM, summarize, summary_count

if TYPE_CHECKING:
    from spacy.language import Language

    from briefer.merge import Duplicates


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """What the user chose for one brief; every field has the command line's default.

    `sentences` and `ratio` set the bottom line's length (at most one of them; neither: 3-5
    sentences by the article's length); `algorithm` names a summarizer of `briefer.summarize`;
    `model` a spaCy pipeline (None: the default model); `background` the number of background
    sentences; `now` the brief's time stamp (None: the current time).
    """

    sentences: int | None = None
    ratio: float | None = None
    algorithm: str = DEFAULT_ALGORITHM
    model: str | None = None
    background: int = 5
    now: datetime | None = None


@dataclass(frozen=True, slots=True)
class Loaded:
    """Sources read into articles, in the order given, and those that could not be read (location,
    reason), which a brief lists in its sources and notes."""

    articles: tuple[Article, ...]
    failed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Parsed articles and each section's raw results, before any option of `compose` applies.

    `background` holds every candidate, best first; `duplicates` and `order` (source ids by date)
    are the cross-article facts the merge rules use (empty for one article).
    """

    parsed: tuple[ParsedArticle, ...]
    failed: tuple[tuple[str, str], ...]
    actors: tuple[Actor, ...]
    positions: tuple[Position, ...]
    background: tuple[BackgroundItem, ...]
    timeline: tuple[TimelineEvent, ...]
    order: tuple[int, ...] = ()
    duplicates: Duplicates | None = field(default=None)


def build_brief(
    sources: Sequence[str | Article],
    options: BriefOptions | None = None,
    *,
    stdin_bytes: bytes | None = None,
    url_timeout: float | None = None,
) -> Brief:
    """Build one brief over all sources (paths, URLs, `-`, folders, or parsed `Article`s).

    With several sources, one that cannot be read is listed with its reason and the brief is made
    from the rest; with one source, or none readable, `InputError` says why. `url_timeout` bounds
    each URL (None: the reader's default).
    """
    options = options or BriefOptions()
    loaded = load(sources, stdin_bytes=stdin_bytes, url_timeout=url_timeout)
    return compose(analyse(loaded, options), options)


def load(
    sources: Sequence[str | Article], *, stdin_bytes: bytes | None = None, url_timeout: float | None = None
) -> Loaded:
    """Read every source (folders expanded) into articles; `Article`s given are kept as they are.

    `stdin_bytes` is what `-` reads (None: the process's stdin); `url_timeout` bounds each URL.
    One source that cannot be read raises `InputError`; among several, it is kept in `failed` with
    its reason, unless none can be read.
    """
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
            articles.append(parse_article(read_source(spec, stdin_bytes=stdin_bytes, timeout=url_timeout)))
        except InputError as exc:
            if len(specs) == 1:
                raise
            failed.append((spec, str(exc).removeprefix(f"{spec}: ")))
    if not articles:
        reasons = "; ".join(reason for _, reason in failed)
        raise InputError(f"no readable article among {len(specs)} sources ({reasons})")
    return Loaded(tuple(articles), tuple(failed))


def analyse(
    loaded: Loaded, options: BriefOptions | None = None, *, model: Language | None = None
) -> Analysis:
    """Parse the articles (one batched spaCy run) and run every analysis over them."""
    options = options or BriefOptions()
    language = model if model is not None else nlp.load(options.model or nlp.default_model())
    return analyse_parsed(list(parse_articles(loaded.articles, language)), loaded.failed)


def analyse_parsed(parsed: Sequence[ParsedArticle], failed: Sequence[tuple[str, str]] = ()) -> Analysis:
    """The analyses over articles already parsed (batch parses many at once, then briefs each).

    Source ids are positions in `parsed` (1-based).
    """
    from briefer.actors import find_actors
    from briefer.background import find_background
    from briefer.positions import find_positions
    from briefer.timeline import find_events

    if not any(p.sentences for p in parsed):
        raise InputError("no sentences found in the input")
    actors = find_actors(parsed)
    positions = find_positions(parsed, actors)
    every = sum(len(p.sentences) for p in parsed)
    order: tuple[int, ...] = ()
    duplicates = None
    if len(parsed) > 1:
        from briefer.merge import find_duplicates, reading_order

        order = tuple(reading_order([p.article.published for p in parsed]))
        duplicates = find_duplicates(
            [((source, s.index), s.text) for source in order for s in parsed[source - 1].sentences]
        )
    return Analysis(
        parsed=tuple(parsed),
        failed=tuple(failed),
        actors=actors.actors,
        positions=positions,
        background=find_background(parsed, every),
        timeline=find_events(parsed),
        order=order,
        duplicates=duplicates,
    )


def compose(analysis: Analysis, options: BriefOptions | None = None) -> Brief:
    """The brief the options ask for; pure apart from the clock when `options.now` is None.

    Over several articles each section follows its rule in `briefer.merge` (repeated sentences kept
    once and cited to every source, items in date order).
    """
    options = options or BriefOptions()
    parsed = analysis.parsed
    if analysis.duplicates is None:
        summary = _summary(parsed, options)
        positions = analysis.positions
        background = analysis.background[: max(options.background, 0)]
        timeline = analysis.timeline
    else:
        from briefer import merge

        rank = {source: r for r, source in enumerate(analysis.order)}
        summary = merge.merged_summary(
            parsed, rank, analysis.duplicates, options.sentences, options.ratio, options.algorithm
        )
        positions = merge.merged_positions(analysis.positions, analysis.actors, rank, analysis.duplicates)
        background = merge.merged_background(
            analysis.background, summary, rank, analysis.duplicates, options.background
        )
        timeline = merge.merged_timeline(analysis.timeline, rank, analysis.duplicates)
    from briefer.merge import covered_period
    from briefer.salience import rank as by_salience

    actors, positions = by_salience(analysis.actors, positions)
    return Brief(
        title=brief_title([p.article.title for p in parsed]),
        sources=_sources(analysis),
        summary=summary,
        actors=actors,
        positions=positions,
        background=background,
        timeline=timeline,
        algorithm=options.algorithm,
        generated_at=_now(options).isoformat(timespec="seconds"),
        notes=tuple(_notes(parsed) + [f"{where}: not read: {reason}" for where, reason in analysis.failed]),
        period=covered_period([p.article.published for p in parsed]),
    )


def preview(loaded: Loaded) -> Brief:
    """A brief with only the sources' titles, dates and outlets: what the reader paints at once."""
    sources = tuple(
        Source(i, a.title, a.outlet, a.published, a.location, url=a.url)
        for i, a in enumerate(loaded.articles, start=1)
    )
    return Brief(title=brief_title([a.title for a in loaded.articles]), sources=sources)


def brief_title(titles: Sequence[str]) -> str:
    """The title of a brief: its article's, or the first article's and how many more there are."""
    if len(titles) <= 1:
        return titles[0] if titles else ""
    return f"{titles[0]} (and {len(titles) - 1} more)"


def assemble(
    parsed: Sequence[ParsedArticle], options: BriefOptions, failed: Sequence[tuple[str, str]] = ()
) -> Brief:
    """`compose(analyse_parsed(parsed, failed), options)`: a brief over articles already parsed."""
    return compose(analyse_parsed(parsed, failed), options)


def _sources(analysis: Analysis) -> tuple[Source, ...]:
    sources = [
        Source(i, p.article.title, p.article.outlet, p.article.published, p.article.location,
               p.article.text, p.sentences, None, p.article.notes, p.article.url)
        for i, p in enumerate(analysis.parsed, start=1)
    ]  # fmt: skip
    sources += [
        Source(len(sources) + k, location, None, None, location, error=reason)
        for k, (location, reason) in enumerate(analysis.failed, start=1)
    ]
    return tuple(sources)


def _summary(parsed: Sequence[ParsedArticle], options: BriefOptions) -> tuple[SummaryItem, ...]:
    """The bottom line of one article: the summarizer over its sentences, with its headline."""
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
    return options.now if options.now is not None else datetime.now(UTC).replace(microsecond=0)
