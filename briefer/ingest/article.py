"""One article as read: title, outlet, date, cleaned paragraphs. Dispatches on the kind of input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefer.errors import InputError
from briefer.ingest.clean import ScrapedText, clean_scraped
from briefer.ingest.decode import clean_text, decode_bytes, looks_binary, one_line, printable
from briefer.ingest.frontmatter import split_front_matter
from briefer.ingest.kinds import binary_kind
from briefer.ingest.markup import (
    MAX_MARKUP_CHARS,
    html_to_text,
    looks_like_html,
    looks_like_wikitext,
    markdown_to_text,
    wikitext_to_text,
)
from briefer.ingest.meta import (
    PageMeta,
    article_url,
    dateline_outlet,
    front_matter_meta,
    iso_date,
    outlet_from_url,
    split_title,
)
from briefer.ingest.read import MAX_BYTES, RawDocument
from briefer.textsafe import clean_markup

MAX_TEXT_CHARS = 100_000
"""What is analysed of one article: about 16,000 words, more than nearly any news story. spaCy
parses some 15,000 characters a second here, so this keeps a brief of any input within seconds
and its memory within a few hundred MB; the cut is said in the brief's notes."""
MAX_TITLE_CHARS = 200
MAX_OUTLET_CHARS = 80


@dataclass(frozen=True, slots=True)
class Article:
    location: str
    title: str
    outlet: str | None
    published: str | None
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...] = ()
    url: str | None = None
    """The article's own web address, when the page or its front matter gives one."""

    @property
    def text(self) -> str:
        """The cleaned body; sentence offsets refer to this string."""
        return "\n\n".join(self.paragraphs)


def parse_article(raw: RawDocument) -> Article:
    """Decode and clean one source; `InputError` when there is no article in it.

    Work is bounded whatever the input: bytes are capped when read (`MAX_BYTES`), markup before it
    is parsed (`MAX_MARKUP_CHARS`) and text before it is cleaned and parsed (`MAX_TEXT_CHARS`);
    every cut is said in the article's notes. A readable text is never refused for its junk: when
    cleaning would leave nothing, the text is kept as it is and a note says so.
    """
    where = printable(raw.location)
    text = _text_of(raw, where)
    notes = [f"input cut at {MAX_BYTES // (1024 * 1024)} MB"] if raw.truncated else []
    notes += raw.notes
    front = split_front_matter(text)
    declared = front_matter_meta(front) if front.fields else PageMeta()
    text = re.sub(r"\[ad_\d+\]", "", front.body)
    page = PageMeta()
    is_html = raw.suffix in (".html", ".htm") or "html" in (raw.content_type or "").lower()
    if is_html or looks_like_html(text):
        markup = html_to_text(text)
        if markup.cut:
            notes.append(f"page cut to its first {MAX_MARKUP_CHARS:,} characters of markup")
        text, notes = _cut_text(markup.text, notes)
        page = PageMeta(markup.title, markup.sitename, iso_date(markup.date), article_url(markup.url))
    else:
        text, notes = _cut_text(text, notes)
        if raw.suffix == ".wiki" or looks_like_wikitext(text):
            text = wikitext_to_text(text)
        elif raw.suffix in (".md", ".markdown") or front.fields:
            text = markdown_to_text(text)
    scraped = clean_scraped(clean_text(text))  # again: HTML entities may have decoded to controls
    if not scraped.paragraphs:
        raise InputError(f"{where}: no article text found")
    if scraped.uncleaned:
        notes.append("cleaning was skipped: it would have left no text, so the text is kept as written")
    return _article(raw, where, declared, page, scraped, tuple(notes))


def _text_of(raw: RawDocument, where: str) -> str:
    """The decoded text; `InputError` for empty input and for binary kinds, named when known."""
    if not raw.data.strip():
        raise InputError(f"{where}: empty input")
    kind = binary_kind(raw.data)
    if kind:
        raise InputError(f"{where}: looks like a binary file ({kind}), not an article")
    if looks_binary(raw.data):
        raise InputError(f"{where}: looks like a binary file, not an article")
    text = clean_markup(decode_bytes(raw.data))  # `&#27;]0;...&#7;` goes whole in any kind of text
    if not text.strip():
        raise InputError(f"{where}: no text in it")
    return text


def _article(
    raw: RawDocument,
    where: str,
    declared: PageMeta,
    page: PageMeta,
    scraped: ScrapedText,
    notes: tuple[str, ...],
) -> Article:
    """Title, outlet, date and URL from the best evidence: declared, then inferred (see `meta`)."""
    heading = _line(declared.title) or _line(page.title) or scraped.headline
    title, suffix = split_title(heading)
    outlet = (
        _line(declared.outlet)
        or suffix
        or _line(page.outlet)
        or scraped.outlet
        or dateline_outlet(scraped.paragraphs[0])
        or declared.site
        or outlet_from_url(page.url)
    )
    published = declared.published or page.published or scraped.published or _date_in(raw.location)
    url = declared.url or page.url or article_url(raw.location)
    if not title:
        title = _title_from_location(where) or scraped.paragraphs[0][:80]
    return Article(
        where,
        _short(title, MAX_TITLE_CHARS) or where,
        _short(outlet, MAX_OUTLET_CHARS),
        published,
        scraped.paragraphs,
        notes,
        url,
    )


def _line(text: str | None) -> str | None:
    return one_line(text) or None if text else None


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


def _date_in(location: str) -> str | None:
    """A date written in a file name or URL path (`2016-04-02-...`, `/2009/06/05/`)."""
    match = re.search(r"(?<!\d)((?:19|20)\d\d)[-/_](\d\d)[-/_](\d\d)(?!\d)", location)
    return "-".join(match.groups()) if match else None


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
