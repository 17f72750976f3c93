"""An article's own title, outlet, date and URL, from the best evidence its page gives.

Evidence is ranked the same way for every kind of input: what the publisher declared (front
matter keys, the page's `<title>` and meta tags) comes before what is inferred (a title suffix
" - Reuters", a dateline "BEIRUT (Reuters) -", the host of the article's link, a date in the file
name). Reposts name the original twice: the post's own permalink, and the link to the story it
copies (`original_link`, `canonical_url`, `source_url`); the story's link is the article's URL,
and a news aggregator's redirect (`news.google.com/...&url=...`) is unwrapped to it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

from briefer.ingest.clean import parse_dateline
from briefer.ingest.frontmatter import FrontMatter

TITLE_KEYS = ("title", "post_title", "original_title", "headline", "og:title")
DATE_KEYS = ("date", "published", "post_date", "published_time", "pubdate", "publishdate", "created")
OUTLET_KEYS = ("outlet", "site_name", "sitename", "publisher", "source", "source_name", "publication")
SOURCE_URL_KEYS = ("source_url", "original_link", "canonical_url", "original_url", "link", "url")
OWN_URL_KEYS = ("permalink",)
MAX_URL_CHARS = 2000

# "Headline - Outlet": a capitalised name of at most five words, or a lower-case domain.
_TITLE_SUFFIX = re.compile(
    r"^(?P<title>.{10,}?)\s+[-–—|]\s+"
    r"(?P<outlet>[A-Z][\w.&'!]*(?: [\w.&'!]+){0,4}|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})$"
)
# What a story's kind or part is called, written where an outlet would be: "Budget talks - Analysis".
_LABEL = re.compile(
    r"^(?:analysis|opinion|comment(?:ary)?|editorial|live(?: updates?| blog)?|updated?s?|breaking|"
    r"video|photos?|pictures|gallery|podcast|explainer|factbox|fact check|q&a|interview|review|"
    r"timeline|watch|exclusive|part \w+|chapter \w+|day \w+|round \w+|the latest)$",
    re.I,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?\s*\((?P<outlet>[A-Z][\w.&' ]{1,30})\)\s*[-–—]"
)
_HOST_PREFIXES = ("www.", "www2.", "feeds.", "feed.", "rss.", "m.", "mobile.", "edition.", "amp.")
_REDIRECT_PARAMS = ("url", "u", "q")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None
    """The host of the story's link: the outlet when nothing names it."""


def front_matter_meta(front: FrontMatter) -> PageMeta:
    """What a post's front matter says of itself; the outlet only when named, not inferred."""
    url = next(filter(None, (article_url(v) for k in SOURCE_URL_KEYS for v in front.fields.get(k, ()))), None)
    own = next(filter(None, (article_url(v) for k in OWN_URL_KEYS for v in front.fields.get(k, ()))), None)
    published = next(filter(None, (iso_date(v) for k in DATE_KEYS for v in front.fields.get(k, ()))), None)
    title, outlet = front.first(*TITLE_KEYS), front.first(*OUTLET_KEYS)
    return PageMeta(title, outlet, published, url or own, outlet_from_url(url))


def article_url(value: str | None) -> str | None:
    """An absolute http(s) URL without spaces or controls, an aggregator's redirect unwrapped."""
    if not value:
        return None
    value = html.unescape(value.strip())
    if len(value) > MAX_URL_CHARS or not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if not parts.hostname:
        return None
    query = parse_qs(parts.query)
    for name in _REDIRECT_PARAMS:
        target = query.get(name, [""])[0]
        if target.startswith(("http://", "https://")) and target != value:
            return article_url(target)
    return value


def outlet_from_url(url: str | None) -> str | None:
    """The site of a link as its readers know it: `feeds.reuters.com` -> `reuters.com`."""
    host = (urlsplit(url).hostname or "") if url else ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    return host or None


def split_title(title: str | None) -> tuple[str | None, str | None]:
    """`("Headline", "Outlet")` from "Headline - Outlet" as sites and aggregators write titles."""
    if not title:
        return None, None
    title = " ".join(title.split())
    match = _TITLE_SUFFIX.match(title)
    if match and not _LABEL.match(match.group("outlet")):
        return match.group("title"), match.group("outlet")
    return title, None


def dateline_outlet(first_paragraph: str | None) -> str | None:
    """The agency of a wire dateline: "BEIRUT (Reuters) - ..." -> "Reuters"."""
    match = _DATELINE.match(first_paragraph or "")
    return match.group("outlet").strip() if match else None


def iso_date(value: str | None) -> str | None:
    """An ISO date as precise as written (`2016`, `2016-01`, `2016-01-10`); None for placeholder
    dates such as Hugo's `0001-01-01` or `9999-12-31`."""
    match = re.match(r"^\s*['\"]?(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d])", value or "")
    if not match:
        return parse_dateline(value) if value else None
    year, month, day = (int(g) if g else None for g in match.groups())
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    try:
        return date(year, month, day or 0).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"
