"""`briefer digest`: the morning brief. Feeds in; one brief per situation out, most carried first.

The articles of every feed (within `--since 24h`, say) are read, parsed with spaCy, grouped into
situations (`feeds.situations`), and each situation gets its brief from the same pipeline stages
as `briefer brief` (`analyse_parsed`, `compose`), so a digest's brief of a story is the brief of
those articles. Through the cache, an article is fetched and parsed on the first run that sees
it, and a story is briefed again only when its articles change; a run over exactly the articles
of the last one does not load spaCy. `--since PREVIOUS.json` (or `--since last`, the cached last
run) marks what is new in each brief (`delta`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import ExitStatus, InputError, UsageError

if TYPE_CHECKING:
    from briefer.delta import Changes
    from briefer.environment import Environment, Settings
    from briefer.feeds import Cache, FeedArticle
    from briefer.model import Brief
    from briefer.pipeline import BriefOptions
    from briefer.segment import ParsedArticle

FORMATS = ("markdown", "json", "html", "text")
MAX_WINDOW = timedelta(days=36_500)
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([mhdw])$", re.I)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}

EXAMPLES = """\
examples:
  briefer digest https://example.org/rss.xml feeds.opml --since 24h
  briefer digest feeds.opml --since 24h --since last -o today.md     what is new since the last run
  briefer digest feeds.opml --format html -o digest.html
  briefer digest feeds.opml --format json | briefer mail - --to me@example.org
  briefer mail --digest feeds.opml --since 24h --to me@example.org
"""


class Story:
    """One situation: its brief, how many sources carry it, and what is new in it.

    A story reused from the last run holds the brief's JSON and makes the `Brief` only when asked
    (a digest printed as JSON never needs it): rebuilding 300 briefs costs more than the rest of
    a run that fetches nothing new.
    """

    __slots__ = ("_brief", "carried", "changes", "record")

    def __init__(
        self,
        brief: Brief | None,
        carried: int,
        changes: Changes | None = None,
        *,
        record: dict[str, Any] | None = None,
    ) -> None:
        if brief is None and record is None:
            raise ValueError("a story needs its brief or the brief's JSON")
        self._brief = brief
        self.carried = carried
        self.changes = changes
        self.record = record

    @property
    def brief(self) -> Brief:
        if self._brief is None:
            from briefer.model import Brief

            assert self.record is not None
            self._brief = Brief.from_dict(self.record)
        return self._brief

    def to_dict(self) -> dict[str, Any]:
        """The brief's JSON (`Brief.to_dict()`), made once."""
        if self.record is None:
            self.record = self.brief.to_dict()
        return self.record

    def with_changes(self, changes: Changes | None) -> Story:
        return Story(self._brief, self.carried, changes, record=self.record)


@dataclass(frozen=True, slots=True)
class Digest:
    stories: tuple[Story, ...]
    generated_at: str
    articles: int
    feeds: int
    notes: tuple[str, ...] = ()
    since: str | None = None
    """The time of the brief compared against (`--since PREVIOUS.json`)."""
    reused: bool = False
    """True when the last run's briefs were reused (same articles)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The digest's options: the shared source options, --since, --top, --no-cache, -f, -o."""
    from briefer.arguments import add_source_options

    parser.description = (
        "Read RSS or Atom feeds (URLs or files) and OPML lists of feeds, group their articles into\n"
        "situations (the same story across outlets) and print one brief per situation, the story\n"
        "carried by most sources first. Articles read are cached, so the next run fetches only\n"
        "what is new."
    )
    parser.epilog = EXAMPLES
    add_source_options(parser)
    add_digest_options(parser)
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="markdown", help="markdown, json (JSON Lines), html, text"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def add_digest_options(parser: argparse._ActionsContainer) -> None:
    """The options a digest takes, also under `briefer mail --digest`."""
    parser.add_argument(
        "--since",
        action="append",
        default=[],
        metavar="WHEN",
        help="a time window (24h, 90m, 2d, 1w): only entries published within it; or a brief saved "
        "with --format json (or 'last', the last run) to mark what is new against (repeatable)",
    )
    parser.add_argument("--top", type=int, metavar="N", help="only the N most carried situations")
    parser.add_argument("--no-cache", action="store_true", help="read everything again; keep nothing")


def run(args: argparse.Namespace, env: Environment, settings: Settings) -> int:
    from briefer.arguments import brief_options, one_line
    from briefer.feeds.render import render_digest

    if args.output:
        from briefer.output import check_target

        check_target(args.output)
    digest = digest_from_args(args, brief_options(args, settings))
    rendered = render_digest(digest, args.format)
    if args.output:
        from briefer.output import write_atomic

        write_atomic(args.output, rendered)
    else:
        env.stdout.write(rendered)
        env.stdout.flush()
    for note in digest.notes:
        env.stderr.write(f"briefer: note: {one_line(note)}\n")
    return ExitStatus.OK


def digest_from_args(args: argparse.Namespace, options: BriefOptions) -> Digest:
    """The digest a command line asks for (`digest`, `mail --digest`)."""
    from briefer.feeds import Cache, default_folder

    window, previous = parse_since(args.since)
    cache = Cache(None if args.no_cache else default_folder())
    if args.top is not None and args.top < 1:
        raise UsageError("--top must be at least 1")
    return build_digest(args.sources, options, cache=cache, window=window, previous=previous, top=args.top)


def parse_since(values: Sequence[str]) -> tuple[timedelta | None, str | None]:
    """`--since` values: at most one time window and at most one previous brief."""
    window: timedelta | None = None
    previous: str | None = None
    for value in values:
        match = _DURATION.match(value.strip())
        if match:
            if window is not None:
                raise UsageError("--since: give one time window")
            try:
                window = timedelta(**{_UNITS[match.group(2).lower()]: float(match.group(1))})
            except OverflowError:
                window = timedelta.max
            if window > MAX_WINDOW:
                raise UsageError(f"--since {value!r}: at most {MAX_WINDOW.days} days")
        elif value == "last" or Path(value).suffix.lower() in (".json", ".jsonl") or Path(value).is_file():
            if previous is not None:
                raise UsageError("--since: give one previous brief")
            previous = value
        else:
            raise UsageError(f"--since {value!r}: give a window (24h), a brief saved as .json, or 'last'")
    return window, previous


def build_digest(
    feeds: Sequence[str],
    options: BriefOptions,
    *,
    cache: Cache,
    window: timedelta | None = None,
    previous: str | None = None,
    top: int | None = None,
) -> Digest:
    """Read the feeds, group their articles into situations, brief each, mark what is new."""
    from briefer.feeds import read_feeds

    now = _now(options)
    options = replace(options, now=now)
    cutoff = now - window if window is not None else None
    fetched = read_feeds(
        feeds, cache, keep=lambda e: cutoff is None or e.published is None or e.published >= cutoff
    )
    notes = [*fetched.notes, *(f"{where}: not read: {why}" for where, why in fetched.failed)]
    if not fetched.articles:
        within = f" published in the last {_plain(window)}" if window else ""
        raise InputError(f"no entries{within} in {len(feeds)} feed" + ("" if len(feeds) == 1 else "s"))
    seen = _previous(previous, cache)
    key = _run_key(fetched.articles, options)
    last = cache.last_run()
    reused = last is not None and last.get("run") == key
    stories = _stories_from(last) if reused and last is not None else None
    if stories is None:
        stories = _brief_situations(fetched.articles, options, cache)
        cache.store_run({"run": key, "stories": [_story_dict(s) for s in stories]})
    if top is not None:
        stories = stories[:top]
    since = None
    if seen is not None:
        from briefer.delta import compare

        stories = [s.with_changes(compare(s.brief, seen)) for s in stories]
        since = seen.since
    feeds_read = len({f for a in fetched.articles for f in a.feeds})
    generated = now.isoformat(timespec="seconds")
    return Digest(tuple(stories), generated, len(fetched.articles), feeds_read, tuple(notes), since, reused)


def _brief_situations(articles: Sequence[FeedArticle], options: BriefOptions, cache: Cache) -> list[Story]:
    """Group the articles and brief each situation with the pipeline.

    spaCy parses only what the cache cannot answer: articles never seen (for their `Lead`) and the
    articles of situations whose brief is not cached (a story that gained an article).
    """
    from briefer.feeds.situations import group_situations, lead_of

    ids = [_article_id(a) for a in articles]
    carried = [len(a.feeds) for a in articles]
    parsed: dict[int, ParsedArticle] = {}
    leads = [cache.lead(i) for i in ids]
    parsed.update(_parse(articles, [k for k, lead in enumerate(leads) if lead is None], options))
    for k, p in parsed.items():
        lead = leads[k] = lead_of(p)
        cache.store_lead(ids[k], lead)
    known = [lead for lead in leads if lead is not None]
    assert len(known) == len(leads), "every article has its lead, cached or just parsed"
    situations = [[i for i in s.articles if known[i].sentences] for s in group_situations(known, carried)]
    keys = [_situation_key([ids[i] for i in members], options) for members in situations]
    records = [
        cache.situation(key) if members else None for members, key in zip(situations, keys, strict=True)
    ]
    wanted = {
        i for members, record in zip(situations, records, strict=True) if record is None for i in members
    }
    parsed.update(_parse(articles, sorted(wanted - parsed.keys()), options))
    stories = []
    for members, key, record in zip(situations, keys, records, strict=True):
        if not members:
            continue
        count = sum(carried[i] for i in members)
        if record is None:
            story = Story(_brief(members, parsed, options), count)
            cache.store_situation(key, story.to_dict())
        else:
            story = Story(None, count, record=record)
        stories.append(story)
    return stories


def _parse(
    articles: Sequence[FeedArticle], indices: Sequence[int], options: BriefOptions
) -> dict[int, ParsedArticle]:
    """The articles at `indices`, parsed in one batch (spaCy loaded only when there are some)."""
    if not indices:
        return {}
    from briefer import nlp
    from briefer.segment import parse_articles

    model = nlp.load(options.model or nlp.default_model())
    return dict(zip(indices, parse_articles([articles[i].article for i in indices], model), strict=True))


def _brief(members: Sequence[int], parsed: dict[int, ParsedArticle], options: BriefOptions) -> Brief:
    from briefer.pipeline import analyse_parsed, compose

    return compose(analyse_parsed([parsed[i] for i in members]), options)


def _article_id(article: FeedArticle) -> str:
    """An article's cache key: its link (or feed and title) and a hash of its text."""
    text = article.article.text.encode("utf-8", "surrogatepass")
    return f"{article.entry.key}\n{hashlib.sha256(text).hexdigest()}"


def _situation_key(ids: Sequence[str], options: BriefOptions) -> str:
    settings = [options.sentences, options.ratio, options.algorithm, options.model, options.background]
    return hashlib.sha256(json.dumps([list(ids), settings]).encode()).hexdigest()


def _previous(previous: str | None, cache: Cache) -> Any:
    """What the previous brief said (`delta.Seen`), read before this run replaces the cache."""
    if previous is None:
        return None
    from briefer.delta import load_previous, seen_in
    from briefer.model import Brief

    if previous == "last":
        last = cache.last_run()
        briefs = [Brief.from_dict(s["brief"]) for s in last["stories"]] if last else []
        return seen_in(briefs)
    from briefer.ingest.read import read_source

    return seen_in(load_previous(read_source(previous).data, previous))


def _run_key(articles: Sequence[FeedArticle], options: BriefOptions) -> str:
    """Equal for two runs over the same articles (texts and feeds) with the same options."""
    items = [
        [a.entry.key, a.feeds, hashlib.sha256(a.article.text.encode("utf-8", "surrogatepass")).hexdigest()]
        for a in articles
    ]
    settings = [options.sentences, options.ratio, options.algorithm, options.model, options.background]
    return hashlib.sha256(json.dumps([items, settings]).encode()).hexdigest()


def _story_dict(story: Story) -> dict[str, Any]:
    return {"brief": story.to_dict(), "carried": story.carried}


def _stories_from(last: dict[str, Any]) -> list[Story] | None:
    """The last run's stories; None when the cache holds something else."""
    try:
        return [Story(None, int(s["carried"]), record=dict(s["brief"])) for s in last["stories"]]
    except (KeyError, TypeError, ValueError):
        return None


def _now(options: BriefOptions) -> datetime:
    """The digest's clock (the command line sets it from `BRIEFER_NOW`), aware, for the window."""
    when = options.now or datetime.now(UTC).replace(microsecond=0)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _plain(window: timedelta) -> str:
    hours = window.total_seconds() / 3600
    return f"{hours:g} h" if hours < 48 else f"{hours / 24:g} days"
