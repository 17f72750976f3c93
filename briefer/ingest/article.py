"""One article as read: title, outlet, date, cleaned paragraphs. Dispatches on the kind of input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import InputError
from briefer.ingest.clean import clean_scraped, parse_dateline
from briefer.ingest.decode import clean_text, decode_bytes, looks_binary, one_line, printable
from briefer.ingest.markup import (
    MAX_MARKUP_CHARS,
    html_to_text,
    looks_like_html,
    looks_like_wikitext,
    markdown_to_text,
    split_front_matter,
    wikitext_to_text,
)
from briefer.ingest.read import MAX_BYTES, RawDocument
from briefer.textsafe import clean_markup

MAX_TEXT_CHARS = 100_000
"""What is analysed of one article: about 16,000 words, more than nearly any news story. spaCy
parses some 15,000 characters a second here, so this keeps a brief of any input within seconds
and its memory within a few hundred MB; the cut is said in the brief's notes."""
MAX_TITLE_CHARS = 200
MAX_OUTLET_CHARS = 80

_TITLE_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+[-–—|]\s+(?P<outlet>[A-Z][\w.&' ]{1,40})$")


@dataclass(frozen=True, slots=True)
class Article:
    location: str
    title: str
    outlet: str | None
    published: str | None
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The cleaned body; sentence offsets refer to this string."""
        return "\n\n".join(self.paragraphs)


def parse_article(raw: RawDocument) -> Article:
    """Decode and clean one source; `InputError` when there is no article in it.

    Work is bounded whatever the input: bytes are capped when read (`MAX_BYTES`), markup before it
    is parsed (`MAX_MARKUP_CHARS`) and text before it is cleaned and parsed (`MAX_TEXT_CHARS`);
    every cut is said in the article's notes.
    """
    where = printable(raw.location)
    if not raw.data.strip():
        raise InputError(f"{where}: empty input")
    if looks_binary(raw.data):
        raise InputError(f"{where}: looks like a binary file, not an article")
    text = clean_markup(decode_bytes(raw.data))  # `&#27;]0;...&#7;` goes whole in any kind of text
    if not text.strip():
        raise InputError(f"{where}: no text in it")
    notes = [f"input cut at {MAX_BYTES // (1024 * 1024)} MB"] if raw.truncated else []
    notes += raw.notes
    meta: dict[str, str | None] = {}
    front = split_front_matter(text)
    if front.fields:
        meta.update(_front_matter_meta(front.fields))
        text = front.body
    text = re.sub(r"\[ad_\d+\]", "", text)
    is_html = raw.suffix in (".html", ".htm") or "html" in (raw.content_type or "").lower()
    if is_html or looks_like_html(text):
        page = html_to_text(text)
        if page.cut:
            notes.append(f"page cut to its first {MAX_MARKUP_CHARS:,} characters of markup")
        text, notes = _cut_text(page.text, notes)
        for key, value in (("title", page.title), ("published", page.date), ("outlet", page.sitename)):
            if value and not meta.get(key):
                meta[key] = value
    else:
        text, notes = _cut_text(text, notes)
        if raw.suffix == ".wiki" or looks_like_wikitext(text):
            text = wikitext_to_text(text)
        elif raw.suffix in (".md", ".markdown") or front.fields:
            text = markdown_to_text(text)
    scraped = clean_scraped(clean_text(text))  # again: HTML entities may have decoded to controls
    if not scraped.paragraphs:
        raise InputError(f"{where}: no article text found")
    meta = {k: (one_line(v) or None) if v else None for k, v in meta.items()}
    title, outlet = _title_and_outlet(meta.get("title") or scraped.headline, meta.get("outlet"))
    outlet = _short(outlet or scraped.outlet, MAX_OUTLET_CHARS)
    published = _iso_date(meta.get("published")) or scraped.published or _date_in(raw.location)
    if not title:
        title = _title_from_location(where) or scraped.paragraphs[0][:80]
    return Article(
        where, _short(title, MAX_TITLE_CHARS) or where, outlet, published, scraped.paragraphs, tuple(notes)
    )


def _cut_text(text: str, notes: list[str]) -> tuple[str, list[str]]:
    """The first `MAX_TEXT_CHARS` of a text, cut at a paragraph (or else a word) boundary."""
    if len(text) <= MAX_TEXT_CHARS:
        return text, notes
    head = text[:MAX_TEXT_CHARS]
    for boundary in ("\n\n", "\n", " "):
        cut = head.rfind(boundary)
        if cut > MAX_TEXT_CHARS // 2:
            head = head[:cut]
            break
    note = f"only the first {len(head):,} of {len(text):,} characters of text were analysed"
    return head, [*notes, note]


def _short(text: str | None, limit: int) -> str | None:
    """One safe line of at most `limit` characters, cut at a word with an ellipsis."""
    if not text:
        return None
    text = one_line(text)
    if len(text) <= limit:
        return text or None
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip() + "…"


def _front_matter_meta(fields: dict[str, str]) -> dict[str, str | None]:
    def first(*keys: str) -> str | None:
        return next((fields[k] for k in keys if fields.get(k)), None)

    return {
        "title": first("title", "post_title", "original_title"),
        "published": first("date", "published_time", "post_date", "published"),
        "outlet": first("outlet", "site_name", "sitename", "publisher") or _host(first("source_url")),
    }


def _host(url: str | None) -> str | None:
    match = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1) if match else None


def _date_in(location: str) -> str | None:
    """A date written in a file name or URL path (`2016-04-02-...`, `/2009/06/05/`)."""
    match = re.search(r"(?<!\d)((?:19|20)\d\d)[-/_](\d\d)[-/_](\d\d)(?!\d)", location)
    return "-".join(match.groups()) if match else None


def _title_and_outlet(title: str | None, outlet: str | None) -> tuple[str | None, str | None]:
    """Split "Headline - Outlet" titles, as aggregators write them."""
    if not title:
        return None, outlet
    title = " ".join(title.split())
    match = _TITLE_SUFFIX.match(title)
    if match and len(match.group("outlet").split()) <= 5:
        return match.group("title"), outlet or match.group("outlet")
    return title, outlet


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", value.strip())
    if match:
        return match.group(1)
    return parse_dateline(value)


def _title_from_location(location: str) -> str | None:
    """A readable title from a file name like `2004-12-27_wikinews_yushchenko-claims-victory.wiki`."""
    if location.startswith(("<", "http")):
        return None
    stem = Path(location).stem
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}[_-]", "", stem)
    stem = stem.split("_")[-1]  # `date_outlet_slug` names: the slug is the title
    words = re.split(r"[_\-]+", stem)
    if len(words) < 2:
        return None
    return " ".join(words).strip().capitalize()
