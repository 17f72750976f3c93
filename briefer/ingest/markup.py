"""Markup to plain paragraphs: HTML, markdown and MediaWiki text (front matter: `frontmatter`).

Each function returns text whose paragraphs are separated by blank lines, which is what
`clean` and sentence splitting expect.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_HTML_HINT = re.compile(
    r"<(?:p|div|br|html|body|article|span|h[1-6]|script|style|iframe|table|ul|li|a)\b[^<>]{0,500}>", re.I
)


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:200_000])) >= 2 or "<html" in text[:2000].lower()


MAX_MARKUP_CHARS = 2_000_000
"""Markup parsed per page, after scripts and styles are dropped from an over-long one: trafilatura
takes about 1.3 s and 40 MB per MB of markup, and 2 MB holds far more text than is analysed."""
MAX_DEPTH = 200
"""Deeper pages skip lxml, whose parser (libxml2) stops at 256 levels and drops the rest."""


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    cut: bool = False
    url: str | None = None


# A wire story's place line marked up apart from its first sentence (`<span class="articleLocation">
# BRUSSELS</span> The European Union ...`): its separator lives in the site's style sheet, so as text
# it would glue onto the sentence ("BRUSSELS The European Union", even "WASHINGTONThe") and become
# part of an actor's name. The place is metadata of the story, not a sentence of it.
_DATELINE_PLACE = re.compile(
    r"<(span|strong|b|div)\b[^<>]{0,200}?\bclass=[\"'][^\"'<>]{0,100}?\b(?:articleLocation|dateline)\b"
    r"[^<>]{0,200}>[^<>]{1,80}</\1\s*>",
    re.I,
)


def html_to_text(markup: str) -> HtmlText:
    """Main text and metadata of a page via trafilatura; a plain paragraph walk when it finds none.

    Bounded on hostile pages: an over-long page loses its scripts and styles, then its tail; a page
    nested too deep for lxml is read by the standard library's event parser instead.
    """
    cut = False
    if len(markup) > MAX_MARKUP_CHARS:
        markup = drop_code(_EMBEDDED_DATA.sub("data:,", markup))  # a saved page's inline images
        cut = len(markup) > MAX_MARKUP_CHARS
        markup = markup[:MAX_MARKUP_CHARS]
    markup = _DATELINE_PLACE.sub("", markup)
    if nesting_depth(markup) > MAX_DEPTH:
        title, site = _best_title(None, markup)
        return HtmlText(_streamed_paragraphs(markup), title, sitename=site, cut=cut)
    page = _extract(markup)
    return HtmlText(page.text, page.title, page.date, page.sitename, cut, page.url)


def _extract(markup: str) -> HtmlText:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception:  # trafilatura raises many kinds on broken markup; fall back below
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    title, site = _best_title(getattr(doc, "title", None) if doc else None, markup)
    if text and len(text.split()) >= 20:
        return HtmlText(
            _paragraphs_from_lines(text),
            title,
            getattr(doc, "date", None),
            getattr(doc, "sitename", None) or site,
            url=getattr(doc, "url", None),
        )
    return HtmlText(_plain_html_paragraphs(markup), title, sitename=site)


def _best_title(found: str | None, markup: str) -> tuple[str | None, str | None]:
    """The headline, and the site when the `<title>` names it as "Site » Headline".

    Pages title themselves "Site » Headline"; the headline is the longest part. A title
    "Headline | Outlet" is kept whole, so the outlet can be split off into the article's outlet.
    """
    from briefer.ingest.meta import split_title

    match = re.search(r"<title[^<>]{0,500}>([^<]{0,2000})</title>", markup[:100_000], re.I)
    if not match:
        return found, None
    whole = " ".join(html.unescape(match.group(1)).split())
    headline, outlet = split_title(whole)
    if outlet and found in (None, headline):
        return whole, None
    parts = [p.strip() for p in re.split(r"\s+[»|–—:-]\s+|\s*»\s*", whole) if p.strip()]
    longest = max(parts, key=len, default=None)
    site = parts[0] if len(parts) == 2 and "»" in whole and parts[1] == longest else None
    if site and len(site.split()) > 5:
        site = None
    if found and longest and found in parts and len(longest) > len(found):
        return longest, site
    return found or longest, site


def _paragraphs_from_lines(text: str) -> str:
    """trafilatura puts one paragraph per line; make the paragraph breaks explicit."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _plain_html_paragraphs(markup: str) -> str:
    """A fallback for fragments: text of <p>-like blocks, scripts and styles dropped."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(markup)
    except Exception:  # lxml rejects empty or odd documents
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//nav|//footer|//header|//form"):
        bad.drop_tree()
    blocks = root.xpath("//p|//li|//h1|//h2|//h3|//blockquote")
    texts = [" ".join(b.text_content().split()) for b in blocks] if blocks else []
    if not texts:
        texts = [" ".join(root.text_content().split())]
    return "\n\n".join(t for t in texts if t)


_EMBEDDED_DATA = re.compile(r"data:[\w/.+-]{0,100}(?:;[\w=.+-]{0,100}){0,5},[^\"'\s<>()]{256,}", re.I)
"""Inline `data:` URLs (images, fonts) of a page saved whole: megabytes that hold no text."""
_CODE_OPEN = re.compile(r"<(script|style)\b([^<>]{0,2000})>", re.I)
_CODE_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def drop_code(markup: str) -> str:
    """Scripts and styles removed in one linear pass (JSON-LD kept: it holds title and date)."""
    out: list[str] = []
    pos = 0
    while match := _CODE_OPEN.search(markup, pos):
        if "ld+json" in match.group(2).lower():
            out.append(markup[pos : match.end()])
            pos = match.end()
            continue
        out.append(markup[pos : match.start()])
        close = _CODE_CLOSE[match.group(1).lower()].search(markup, match.end())
        pos = close.end() if close else len(markup)
    out.append(markup[pos:])
    return "".join(out)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,2000}?(/?)>")
# Void elements, and elements a parser closes by itself (`<p>a<p>b` is two paragraphs, not nested).
_WORDS = "area base br col embed hr img input link meta source track wbr p li dt dd option tr td th"
_NOT_NESTING = frozenset(_WORDS.split())


def nesting_depth(markup: str) -> int:
    """The deepest element nesting, counting only elements a parser does not close by itself."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(markup):
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


_WORDS = (
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul"
)
_BLOCK_TAGS = frozenset(_WORDS.split())
_WORDS = "script style noscript iframe template svg title nav footer form"
_SKIPPED_TAGS = frozenset(_WORDS.split())


def _streamed_paragraphs(markup: str) -> str:
    """Paragraphs by the standard library's event parser: no tree, so no depth limit."""
    from html.parser import HTMLParser

    parts: list[str] = []
    skipping = [0]

    class _Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in _SKIPPED_TAGS:
                skipping[0] += 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIPPED_TAGS:
                skipping[0] = max(skipping[0] - 1, 0)
            elif tag in _BLOCK_TAGS:
                parts.append("\n\n")

        def handle_data(self, data: str) -> None:
            if not skipping[0]:
                parts.append(data)

    collector = _Collector()
    collector.feed(markup)
    collector.close()
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", "".join(parts)))
    return "\n\n".join(block for block in blocks if block)


def drop_between(text: str, start: str, end: str) -> str:
    """Text without its `start ... end` spans (comments, footnotes), in one linear pass.

    The regex `start.*?end` rescans the rest of the text for every unclosed `start`, which is
    quadratic on hostile input; an unclosed `start` here is kept, with what follows it.
    """
    out: list[str] = []
    pos = 0
    while (opened := text.find(start, pos)) >= 0:
        closed = text.find(end, opened + len(start))
        if closed < 0:
            break
        out.append(text[pos:opened])
        pos = closed + len(end)
    out.append(text[pos:])
    return "".join(out)


# Spans are bounded and stop at the next opening bracket, so unclosed brackets cost linear time.
_MD_LINK = re.compile(r"!?\[([^\[\]]{0,2000})\]\([^()]{0,2000}\)")
# Emphasis spans at most 500 characters, so text full of unmatched `*` costs linear time.
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)((?:(?!\n\s*\n).){1,500}?)(?<=\S)\1", re.S)


def markdown_to_text(text: str) -> str:
    """Markdown to plain text, keeping the words: links become their text, markers go."""
    text = drop_between(text, "<!--", "-->")
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = re.sub(r"(^|\s)\*+|\*+(?=\s|$)", r"\1", text, flags=re.M)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return text.replace("\u00a0", " ")


_WIKI_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKI_LINK = re.compile(r"\[\[(?:[^|\[\]]{0,500}\|)?([^\[\]]{0,500})\]\]")
_WIKI_EXTLINK = re.compile(r"\[(?:https?|ftp)://[^\s\[\]]{1,2000}(?:\s+([^\[\]]{0,500}))?\]")
_WIKI_END_SECTIONS = re.compile(
    r"^==+\s*(Sources?|References|External links|See also|Related news)\s*==+.*", re.M | re.I | re.S
)


def looks_like_wikitext(text: str) -> bool:
    return bool(re.search(r"\[\[[^\]]{1,300}\]\]|'''[^']{1,300}'''|\{\{[^}]{1,300}\}\}", text[:20000]))


def wikitext_to_text(text: str) -> str:
    """MediaWiki markup to plain paragraphs; source lists and templates dropped."""
    text = _WIKI_END_SECTIONS.sub("", text)
    text = re.sub(r"<ref[^>]{0,500}/>", "", text)
    text = drop_between(text, "<ref", "</ref>")
    for _ in range(5):
        text, count = _WIKI_TEMPLATE.subn("", text)
        if not count:
            break
    text = re.sub(r"\{\{|\}\}|\{[a-z]+\}\}", "", text)
    text = re.sub(r"\[\[(?:File|Image|Category):[^\]]{0,2000}\]\]", "", text, flags=re.I)
    text = _WIKI_LINK.sub(r"\1", text)
    text = _WIKI_EXTLINK.sub(lambda m: m.group(1) or "", text)
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"^=+\s*(.*?)\s*=+\s*$", r"\1", text, flags=re.M)
    text = re.sub(r"^[*#:;]+\s*", "", text, flags=re.M)
    text = re.sub(r"<[^<>]{1,2000}>", "", text)
    return html.unescape(text)
