"""What a digest keeps between runs, in the user's cache folder, so the next run fetches only what is new.

Small JSON files, each named by a hash of its key:
- a feed's last body and its `ETag`/`Last-Modified`, for a conditional request (a 304 answer then
  reuses the body), and the entries parsed from that body;
- each article already read (from its page, or from its entry when the page could not be read),
  so a link is fetched once, and what grouping needs of it (`Lead`), so it is parsed once;
- each situation's brief, by its articles and the options, so a story that gained no article
  since the last run is not briefed again;
- the last run's briefs and the key of the articles they were built from: when a run finds the
  same articles, it reuses them without loading spaCy, and `--since last` compares against them.

The cache only speeds things up: an unreadable or corrupt file is a miss, a failed write is
ignored, and nothing in it is trusted more than the network would be (articles are re-cleaned
text, never markup).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from briefer.feeds.parse import Entry
from briefer.feeds.situations import Lead
from briefer.ingest import Article

VERSION = 1
"""Bumped when the layout changes; files of another version are misses."""


def default_folder() -> Path:
    """`$XDG_CACHE_HOME/briefer/feeds` on Linux (platformdirs picks each system's place)."""
    from platformdirs import user_cache_path

    return user_cache_path("briefer", appauthor=False) / "feeds"


@dataclass(frozen=True, slots=True)
class CachedFeed:
    body: bytes
    validators: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class CachedArticle:
    article: Article
    from_page: bool
    """False when the page could not be read and the entry's own content was used."""
    reason: str | None = None
    """Why the page could not be read."""


class Cache:
    """Files under `folder`; `Cache(None)` keeps nothing (`--no-cache`)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def feed(self, url: str) -> CachedFeed | None:
        meta = self._load("feed", url)
        body = self._path("feed", url, ".body")
        if meta is None or body is None:
            return None
        try:
            data = body.read_bytes()
        except OSError:
            return None
        return CachedFeed(data, tuple((str(k), str(v)) for k, v in meta.get("validators", ())))

    def store_feed(self, url: str, feed: CachedFeed) -> None:
        body = self._path("feed", url, ".body")
        if body is not None and _write(body, feed.body):
            self._store("feed", url, {"validators": [list(v) for v in feed.validators]})

    def entries(self, feed: str, body: bytes) -> list[Entry] | None:
        """The entries parsed from this very body of the feed (feedparser is slow on big feeds)."""
        data = self._load("entries", _body_key(feed, body))
        if data is None:
            return None
        try:
            return [
                Entry(e["feed"], e["outlet"], e["title"], e["link"], _time(e["published"]), e["content"])
                for e in data["entries"]
            ]
        except (KeyError, TypeError, ValueError):
            return None

    def store_entries(self, feed: str, body: bytes, entries: list[Entry]) -> None:
        items = [
            {
                "feed": e.feed,
                "outlet": e.outlet,
                "title": e.title,
                "link": e.link,
                "published": e.published.isoformat() if e.published else None,
                "content": e.content,
            }
            for e in entries
        ]
        self._store("entries", _body_key(feed, body), {"entries": items})

    def article(self, link: str) -> CachedArticle | None:
        data = self._load("article", link)
        if data is None:
            return None
        try:
            a = data["article"]
            paragraphs, notes = tuple(a["paragraphs"]), tuple(a["notes"])
            article = Article(
                a["location"], a["title"], a["outlet"], a["published"], paragraphs, notes, a.get("url")
            )
            return CachedArticle(article, bool(data["from_page"]), data.get("reason"))
        except (KeyError, TypeError):
            return None

    def store_article(self, link: str, cached: CachedArticle) -> None:
        a = cached.article
        article = {
            "location": a.location,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published,
            "paragraphs": list(a.paragraphs),
            "notes": list(a.notes),
            "url": a.url,
        }
        data = {"article": article, "from_page": cached.from_page, "reason": cached.reason}
        self._store("article", link, data)

    def lead(self, article: str) -> Lead | None:
        """What grouping needs of an article (`article`: its key and a hash of its text)."""
        data = self._load("lead", article)
        try:
            return Lead.from_dict(data["lead"]) if data else None
        except (KeyError, TypeError, ValueError):
            return None

    def store_lead(self, article: str, lead: Lead) -> None:
        self._store("lead", article, {"lead": lead.to_dict()})

    def situation(self, key: str) -> dict[str, Any] | None:
        """The brief (`to_dict()`) of a situation of exactly these articles, with these options."""
        data = self._load("situation", key)
        brief = data.get("brief") if data else None
        return brief if isinstance(brief, dict) else None

    def store_situation(self, key: str, brief: dict[str, Any]) -> None:
        self._store("situation", key, {"brief": brief})

    def last_run(self) -> dict[str, Any] | None:
        return self._load("run", "last")

    def store_run(self, data: dict[str, Any]) -> None:
        self._store("run", "last", data)

    def _path(self, kind: str, key: str, suffix: str = ".json") -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / kind / f"{digest}{suffix}"

    def _load(self, kind: str, key: str) -> dict[str, Any] | None:
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("key") != key:
            return None  # another layout, or a hash collision
        return data

    def _store(self, kind: str, key: str, data: dict[str, Any]) -> None:
        path = self._path(kind, key)
        if path is not None:
            payload = json.dumps({"version": VERSION, "key": key, **data}, ensure_ascii=False)
            _write(path, payload.encode("utf-8"))


def _body_key(feed: str, body: bytes) -> str:
    return f"{feed}\n{hashlib.sha256(body).hexdigest()}"


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _write(path: Path, data: bytes) -> bool:
    """Atomically, creating folders; False (and nothing changed) when the cache cannot be written."""
    from briefer.errors import OutputError
    from briefer.output import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, data)
    except (OSError, OutputError):
        return False
    return True  # mkstemp made the file readable by its owner only
