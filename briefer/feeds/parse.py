"""Feed documents to entries: RSS and Atom through feedparser, OPML lists of feeds through expat.

feedparser copes with the malformed feeds the web serves (it falls back to a loose parser and says
so in `bozo`), normalises RSS 0.9x/1.0/2.0 and Atom into one shape, and sanitises entry HTML; we
keep only what an article needs: the entry's title, link, date and its own content for when the
page cannot be read. An OPML file is a list of feeds (what every reader exports); its outlines may
nest in folders.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from briefer.errors import InputError
from briefer.ingest.decode import one_line, printable

MAX_ENTRIES = 500
"""Entries read from one feed: a news feed holds tens; a feed of thousands is an archive dump."""
MAX_FEEDS = 200
"""Feeds read from one OPML list."""

_OPML = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*<opml[\s>]",
    re.S | re.I,
)
"""An OPML document: its first element, after the XML declaration, comments and a DOCTYPE."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as the feed tells it."""

    feed: str
    """Where the feed was read (its URL or file)."""
    outlet: str | None
    """The feed's own title, the outlet when the page does not name one."""
    title: str
    link: str | None
    published: datetime | None
    content: str
    """The entry's own text or HTML (full content when the feed carries it, else its summary)."""

    @property
    def key(self) -> str:
        """The same story is the same link, whichever feed carries it."""
        return self.link or f"{self.feed}#{self.title}"


def is_opml(data: bytes) -> bool:
    return bool(_OPML.match(data[:4096]))


def opml_feeds(data: bytes, where: str) -> list[str]:
    """The feed URLs (`xmlUrl`) of an OPML list, in document order, each once."""
    import xml.etree.ElementTree as ET

    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise InputError(f"{printable(where)}: OPML with a DOCTYPE or entities is not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{printable(where)}: not a well-formed OPML file ({exc})") from None
    urls = [
        url.strip()
        for outline in root.iter("outline")
        if (url := outline.get("xmlUrl") or outline.get("xmlurl"))
    ]
    feeds = list(dict.fromkeys(u for u in urls if u))
    if not feeds:
        raise InputError(f"{printable(where)}: an OPML file with no feeds (no outline has an xmlUrl)")
    return feeds[:MAX_FEEDS]


def feed_entries(data: bytes, where: str) -> list[Entry]:
    """The entries of an RSS or Atom document; `InputError` when it is not a feed at all."""
    import feedparser

    # A stream, never a str: given a str, feedparser would open it as a URL or file name.
    parsed: Any = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": where}, sanitize_html=True
    )
    if not parsed.get("version"):
        raise InputError(f"{printable(where)}: not an RSS or Atom feed")
    outlet = _text(parsed.feed.get("title")) or None
    return [_entry(item, where, outlet) for item in parsed.entries[:MAX_ENTRIES]]


def _entry(item: Any, where: str, outlet: str | None) -> Entry:
    link = item.get("link") or None
    if link and not link.lower().startswith(("http://", "https://")):
        link = None  # a javascript: or file: link is never followed
    content = ""
    for part in item.get("content") or ():
        if len(part.get("value", "")) > len(content):
            content = part["value"]
    if not content:
        content = item.get("summary", "") or ""
    title = _text(item.get("title")) or _text(re.sub(r"<[^>]+>", " ", content))[:80] or "Untitled"
    return Entry(where, outlet, title, link, _date(item), content)


def _text(value: object) -> str:
    return one_line(str(value)) if value else ""


def _date(item: Any) -> datetime | None:
    """The entry's publication time (else its update time) in UTC, as feedparser read it."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = item.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None
