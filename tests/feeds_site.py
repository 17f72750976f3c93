"""A small news site on loopback for the feed and digest tests: real-shaped RSS, Atom and OPML, and
article pages made from the bundled samples (read at run time).

The site answers conditional requests (`If-None-Match`) with 304, follows the shapes the web
serves (a redirect, a dead link, a feed whose entries carry their HTML and no link, one story in
two feeds, a repost of a story under another address) and logs every request, so tests can say
what a second run fetched.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import FIXED_NOW, SAMPLES

ETHIOPIA_FACTS = (
    SAMPLES / "ethiopia_tigray_2021/2021-09-17_wh_fact-sheet-actions-on-crisis-in-northern-ethiopia.txt"
)
ETHIOPIA_ORDER = (
    SAMPLES / "ethiopia_tigray_2021/2021-09-17_wh_statement-biden-executive-order-crisis-in-ethiopia.txt"
)
YEMEN = SAMPLES / "yemen_truce_2022/2022-04-01_wh_statement-un-mediated-truce-in-yemen.txt"
SUDAN = SAMPLES / "sudan_conflict_2023/2023-04-22_wh_statement-situation-in-sudan.txt"
RUSSIA = SAMPLES / "russia_ukraine_sanctions_2022/2022-03-02_wh_fact-sheet-costs-on-russia-and-belarus.txt"
PERU = SAMPLES / "globalvoices_html/2009-06-05_globalvoices_peru-clashes-break-out-in-the-amazon-region.html"


def paragraphs(path: Path) -> tuple[str, ...]:
    """The article text of a sample, as briefer reads it."""
    from briefer.ingest import parse_article, read_source

    return parse_article(read_source(str(path))).paragraphs


def page(title: str, paras: tuple[str, ...], chrome: str = "") -> bytes:
    """An article page: a site header and footer around the story, as news sites serve it."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>{chrome}"
        f"<footer>Copyright 2026 The Test Wire. All rights reserved.</footer></body></html>"
    ).encode()


def when(hours_ago: float) -> datetime:
    return FIXED_NOW - timedelta(hours=hours_ago)


@dataclass
class Item:
    title: str
    link: str | None
    published: datetime
    summary: str = ""
    content: str = ""


def rss(title: str, items: list[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>News</description>",
    ]
    for item in items:
        parts.append(f"<item><title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link><guid>{escape(item.link)}</guid>")
        parts.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
        if item.summary:
            parts.append(f"<description>{escape(item.summary)}</description>")
        if item.content:
            parts.append(f"<content:encoded><![CDATA[{item.content}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def atom(title: str, items: list[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:test:atom</id><updated>{FIXED_NOW.isoformat()}</updated>",
    ]
    for item in items:
        parts += [
            f"<entry><title>{escape(item.title)}</title><id>{escape(item.link or item.title)}</id>",
            f'<link rel="alternate" href="{escape(item.link or "")}"/>',
            f"<updated>{item.published.isoformat()}</updated><published>{item.published.isoformat()}</published>",
            f'<summary type="html">{escape(item.summary)}</summary></entry>',
        ]
    parts.append("</feed>")
    return "\n".join(parts).encode()


def opml(feeds: list[tuple[str, str]]) -> bytes:
    outlines = "".join(f'<outline type="rss" text="{escape(t)}" xmlUrl="{escape(u)}"/>' for t, u in feeds)
    return (
        '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>My feeds</title></head>'
        f'<body><outline text="News">{outlines}</outline></body></opml>'
    ).encode()


@dataclass
class Site:
    """Paths to (content type, body) or to a redirect; a log of (path, If-None-Match) per request."""

    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    log: list[tuple[str, str | None]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.log]


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        tag = self.headers.get("If-None-Match")
        self.site.log.append((self.path, tag))
        if self.path in self.site.redirects:
            self.send_response(301)
            self.send_header("Location", self.site.url(self.site.redirects[self.path]))
            self.end_headers()
            return
        if self.path not in self.site.routes:
            self.send_error(404, "Not Found")
            return
        kind, body = self.site.routes[self.path]
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if tag == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if kind.startswith(("application/rss", "application/atom")):
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Site):
    """Start `site` on a free loopback port; returns the server (call `shutdown()`)."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def news_site(site: Site | None = None) -> Site:
    """The morning's news: one story in two feeds plus a second article on it, a reposted story,
    a dead link, a redirect, a feed of HTML content without links, and an entry a week old.

    Give a served `Site` (see `serve`) so the feeds link to its address."""
    site = site or Site()
    html = "text/html; charset=utf-8"
    eth_facts, eth_order = paragraphs(ETHIOPIA_FACTS), paragraphs(ETHIOPIA_ORDER)
    yemen, sudan, peru = paragraphs(YEMEN), paragraphs(SUDAN), paragraphs(PERU)
    site.routes["/news/ethiopia-sanctions"] = (html, page("Sanctions over the crisis in Ethiopia", eth_facts))
    site.routes["/news/ethiopia-order"] = (html, page("Biden signs order on Ethiopia", eth_order))
    site.routes["/news/yemen-truce"] = (html, page("Truce in Yemen", yemen))
    site.redirects["/r/yemen"] = "/news/yemen-truce"
    chrome = "<aside><h3>Related</h3><ul><li>Markets today</li><li>Weather</li></ul></aside>"
    site.routes["/mirror/yemen-truce"] = (html, page("Yemen: the truce holds", yemen, chrome))
    site.routes["/news/peru"] = (html, page("Peru: clashes in the Amazon", peru))
    sudan_html = "".join(f"<p>{escape(p)}</p>" for p in sudan[:3])
    wire = [
        Item("Sanctions over the crisis in Ethiopia", site.url("/news/ethiopia-sanctions"), when(5)),
        Item("Truce in Yemen", site.url("/r/yemen"), when(6)),
        Item("Fighting in Sudan", site.url("/news/gone"), when(7), summary=sudan_html),
        Item("Last week's story", site.url("/news/old"), when(24 * 7), summary="<p>Old news.</p>"),
    ]
    world = [
        Item("Biden signs order on Ethiopia", site.url("/news/ethiopia-order"), when(4)),
        Item("Sanctions over the crisis in Ethiopia", site.url("/news/ethiopia-sanctions"), when(5)),
        Item("Yemen: the truce holds", site.url("/mirror/yemen-truce"), when(3)),
        Item("Peru: clashes in the Amazon", site.url("/news/peru"), when(8)),
    ]
    russia = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(RUSSIA))
    full = [Item("Costs on Russia and Belarus", None, when(2), content=russia)]
    site.routes["/wire.rss"] = ("application/rss+xml", rss("The Test Wire", wire))
    site.routes["/world.atom"] = ("application/atom+xml", atom("World Report", world))
    site.routes["/full.rss"] = ("application/rss+xml", rss("Full Text Daily", full))
    feeds = [
        ("Wire", site.url("/wire.rss")),
        ("World", site.url("/world.atom")),
        ("Full", site.url("/full.rss")),
    ]
    site.routes["/feeds.opml"] = ("text/x-opml", opml(feeds))
    return site


def add_item(site: Site, path: str, item: Item, article: tuple[str, bytes] | None = None) -> None:
    """A new entry at the top of an RSS feed (and its page): the next morning's news."""
    kind, body = site.routes[path]
    marker = b"<item>"
    head, _, tail = body.partition(marker)
    new = rss("x", [item]).split(marker, 1)[1].split(b"</channel>")[0]
    site.routes[path] = (kind, head + marker + new + marker + tail)
    if article is not None and item.link:
        site.routes[item.link.removeprefix(site.base)] = article
