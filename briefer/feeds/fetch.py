"""Feeds in, articles out: read each feed (conditionally), then each entry's page, through the cache.

Pages are read with the same reader as `briefer brief URL` (`ingest.read`: time limit, size cap,
redirects) and cleaned by the same `parse_article`. When a page cannot be read (a dead link, a
paywall, a page with no article text) the entry's own content stands in, and the brief's notes say
so. The entry's title, link and date are what the feed promised, so they stay the article's
metadata whatever the page's markup claims.

Pages are fetched by a few threads: the wait is the network's, and reading one page holds the GIL
only while its markup is cleaned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefer.errors import InputError
from briefer.feeds.cache import Cache, CachedArticle, CachedFeed
from briefer.feeds.parse import Entry, feed_entries, is_opml, opml_feeds
from briefer.ingest import Article, RawDocument, parse_article
from briefer.ingest.article import MAX_TITLE_CHARS
from briefer.ingest.decode import printable
from briefer.ingest.read import read_source, read_url

THREADS = 8
"""Pages fetched at once: enough to hide network waits, few enough to be polite to one server."""


@dataclass(frozen=True, slots=True)
class FeedArticle:
    """An article read for a digest, with the entry it came from and every feed that carries it."""

    article: Article
    entry: Entry
    from_page: bool
    feeds: tuple[str, ...]


@dataclass(slots=True)
class Fetched:
    """What reading the feeds gave: articles, what could not be read, and what was new."""

    articles: list[FeedArticle] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pages_fetched: int = 0
    feeds_unchanged: int = 0


def read_feeds(
    specs: Sequence[str], cache: Cache, *, keep: Callable[[Entry], bool] = lambda e: True
) -> Fetched:
    """Every entry of every feed (OPML lists expanded) that `keep` accepts, as articles.

    One feed that cannot be read is listed in `failed`; none readable is an `InputError`.
    """
    out = Fetched()
    entries: dict[str, list[Entry]] = {}
    feeds = _expand(specs, cache, out)
    read = 0
    for feed, data in feeds.items():
        try:
            found = _entries(feed, data if data is not None else _feed_bytes(feed, cache, out), cache)
        except InputError as exc:
            out.failed.append((feed, str(exc).removeprefix(f"{printable(feed)}: ")))
            continue
        read += 1
        for entry in found:
            if keep(entry):
                entries.setdefault(entry.key, []).append(entry)
    if not read:
        reasons = "; ".join(f"{printable(f)}: {r}" for f, r in out.failed)
        total = len(out.failed)
        raise InputError(f"no readable feed among {total} ({reasons})" if total > 1 else reasons)
    groups = list(entries.values())
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda group: _article(group[0], cache), groups))
    for group, (cached, fetched) in zip(groups, results, strict=True):
        out.pages_fetched += fetched
        if isinstance(cached, str):
            out.failed.append((group[0].key, cached))
            continue
        feeds_of = tuple(dict.fromkeys(e.feed for e in group))
        out.articles.append(FeedArticle(cached.article, group[0], cached.from_page, feeds_of))
    return out


def _expand(specs: Sequence[str], cache: Cache, out: Fetched) -> dict[str, bytes | None]:
    """Feed locations (with each OPML list replaced by the feeds it names) and the documents
    already read, so no feed is fetched twice."""
    feeds: dict[str, bytes | None] = {}
    for spec in specs:
        try:
            data = _feed_bytes(spec, cache, out)
        except InputError as exc:
            if len(specs) == 1:
                raise
            out.failed.append((spec, str(exc).removeprefix(f"{printable(spec)}: ")))
            continue
        if is_opml(data):
            for url in opml_feeds(data, spec):
                feed = _resolve(url, spec)
                if feed is None:
                    out.failed.append((url, f"not a web address (in {spec}, which is on the web)"))
                else:
                    feeds.setdefault(feed, None)
        else:
            feeds[spec] = data
    return feeds


def _resolve(url: str, opml: str) -> str | None:
    """An OPML outline's address, relative ones against the OPML's own place. A list read from
    the web names only web addresses (None otherwise): it must not make us read local files."""
    if _is_url(opml):
        from urllib.parse import urljoin

        absolute = urljoin(opml, url)
        return absolute if _is_url(absolute) else None
    if _is_url(url) or Path(url).is_absolute():
        return url
    return str(Path(opml).parent / url)


def _entries(feed: str, data: bytes, cache: Cache) -> list[Entry]:
    found = cache.entries(feed, data)
    if found is None:
        found = feed_entries(data, feed)
        cache.store_entries(feed, data, found)
    return found


def _feed_bytes(spec: str, cache: Cache, out: Fetched) -> bytes:
    """A feed's document: a file as it is, a URL conditionally against the cached copy."""
    if not _is_url(spec):
        return read_source(spec).data
    cached = cache.feed(spec)
    headers = {}
    if cached is not None:
        names = {"ETag": "If-None-Match", "Last-Modified": "If-Modified-Since"}
        headers = {names[k]: v for k, v in cached.validators if k in names}
    try:
        raw = read_url(spec, headers=headers)
    except InputError as exc:
        if cached is None:
            raise
        out.notes.append(f"{exc}; the copy read on the last run is used")
        return cached.body
    if raw is None and cached is not None:
        out.feeds_unchanged += 1
        return cached.body
    assert raw is not None
    cache.store_feed(spec, CachedFeed(raw.data, raw.validators))
    return raw.data


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _article(entry: Entry, cache: Cache) -> tuple[CachedArticle | str, int]:
    """The entry's article, from the cache or read now (and then cached); the reason as a string
    when neither the page nor the entry holds an article. The int is 1 when a page was fetched."""
    cached = cache.article(entry.key)
    if cached is not None:
        return cached, 0
    reason = None
    article = None
    if entry.link:
        try:
            article = parse_article(read_source(entry.link))
        except InputError as exc:
            reason = str(exc).removeprefix(f"{printable(entry.link)}: ")
    else:
        reason = "the entry has no link"
    if article is None:
        try:
            article = _from_entry(entry)
            note = f"page not read ({reason}); the feed's text is used"
            article = replace(article, notes=(*article.notes, note))
        except InputError as exc:
            why = str(exc).removeprefix(f"{printable(entry.key)}: ")
            return f"{reason}, and the feed's text: {why}", int(entry.link is not None)
    result = CachedArticle(_with_entry_metadata(article, entry), reason is None, reason)
    cache.store_article(entry.key, result)
    return result, int(entry.link is not None)


def _from_entry(entry: Entry) -> Article:
    content = entry.content
    kind = "text/html" if "<" in content else "text/plain"
    return parse_article(RawDocument(entry.key, content.encode("utf-8"), kind))


def _with_entry_metadata(article: Article, entry: Entry) -> Article:
    """The feed's title, link and date win over what the page's markup says."""
    published = entry.published.date().isoformat() if entry.published else article.published
    return replace(
        article,
        location=entry.key,
        title=entry.title[:MAX_TITLE_CHARS] or article.title,
        outlet=article.outlet or entry.outlet,
        published=published,
        url=entry.link or article.url,
    )
