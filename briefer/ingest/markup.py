"""Markup to plain paragraphs: YAML front matter, HTML, markdown and MediaWiki text.

Each function returns text whose paragraphs are separated by blank lines, which is what
`clean` and sentence splitting expect.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_HINT = re.compile(
    r"<(?:p|div|br|html|body|article|span|h[1-6]|script|style|iframe|table|ul|li|a)\b[^>]*>", re.I
)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def split_front_matter(text: str) -> FrontMatter:
    """Simple `key: value` YAML front matter (quoted strings, `>` folded and `- item` lists)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text)
    fields: dict[str, str] = {}
    key = None
    for line in _join_quoted_lines(match.group(1).splitlines()):
        item = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
        if item:
            key, value = item.group(1).lower(), item.group(2).strip()
            if value not in ("", ">", "|", ">-", "|-"):
                fields[key] = _unquote(value)
        elif key and line.strip():
            value = line.strip().removeprefix("- ").strip()
            fields.setdefault(key, _unquote(value))
    return FrontMatter(fields, text[match.end() :])


def _join_quoted_lines(lines: list[str]) -> list[str]:
    """Join YAML double-quoted values that run over several lines (`\\` ends a line inside)."""
    out: list[str] = []
    for line in lines:
        if out and _open_quote(out[-1]):
            prev = out[-1]
            out[-1] = prev[:-1] + line.lstrip() if prev.endswith("\\") else prev + " " + line.strip()
        else:
            out.append(line)
    return out


def _open_quote(line: str) -> bool:
    item = re.match(r"^[A-Za-z_][\w-]*:\s*\"(.*)$", line)
    if not item:
        return False
    rest = re.sub(r"\\.", "", item.group(1))
    return '"' not in rest


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        if value[0] == '"':
            inner = re.sub(
                r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)",
                lambda m: _yaml_escape(m.group(1)),
                inner,
            )
        else:
            inner = inner.replace("''", "'")
        value = inner
    return html.unescape(value).replace("\u00a0", " ").strip()


def _yaml_escape(code: str) -> str:
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return {"_": "\u00a0", "n": "\n", "t": "\t", "N": "\u0085"}.get(code, code)


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:200_000])) >= 2 or "<html" in text[:2000].lower()


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None


def html_to_text(markup: str) -> HtmlText:
    """Main text and metadata of a page via trafilatura; a plain paragraph walk when it finds none."""
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
    title = _best_title(getattr(doc, "title", None) if doc else None, markup)
    if text and len(text.split()) >= 20:
        return HtmlText(
            _paragraphs_from_lines(text),
            title,
            getattr(doc, "date", None),
            getattr(doc, "sitename", None),
        )
    return HtmlText(_plain_html_paragraphs(markup), title)


def _best_title(found: str | None, markup: str) -> str | None:
    """Pages title themselves "Site » Headline"; keep the headline, the longest part."""
    match = re.search(r"<title[^>]*>(.*?)</title>", markup[:100_000], re.I | re.S)
    if not match:
        return found
    whole = " ".join(html.unescape(match.group(1)).split())
    parts = [p.strip() for p in re.split(r"\s+[»|–—:-]\s+|\s*»\s*", whole) if p.strip()]
    longest = max(parts, key=len, default=None)
    if found and longest and found in parts and len(longest) > len(found):
        return longest
    return found or longest


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


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)((?:(?!\n\s*\n).)+?)(?<=\S)\1", re.S)


def markdown_to_text(text: str) -> str:
    """Markdown to plain text, keeping the words: links become their text, markers go."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = re.sub(r"(^|\s)\*+|\*+(?=\s|$)", r"\1", text, flags=re.M)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return text.replace("\u00a0", " ")


_WIKI_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKI_LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
_WIKI_EXTLINK = re.compile(r"\[(?:https?|ftp)://\S+(?:\s+([^\]]*))?\]")
_WIKI_END_SECTIONS = re.compile(
    r"^==+\s*(Sources?|References|External links|See also|Related news)\s*==+.*", re.M | re.I | re.S
)


def looks_like_wikitext(text: str) -> bool:
    return bool(re.search(r"\[\[[^\]]+\]\]|'''[^']+'''|\{\{[^}]+\}\}", text[:20000]))


def wikitext_to_text(text: str) -> str:
    """MediaWiki markup to plain paragraphs; source lists and templates dropped."""
    text = _WIKI_END_SECTIONS.sub("", text)
    text = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", "", text, flags=re.S)
    for _ in range(5):
        text, count = _WIKI_TEMPLATE.subn("", text)
        if not count:
            break
    text = re.sub(r"\{\{|\}\}|\{[a-z]+\}\}", "", text)
    text = re.sub(r"\[\[(?:File|Image|Category):[^\]]*\]\]", "", text, flags=re.I)
    text = _WIKI_LINK.sub(r"\1", text)
    text = _WIKI_EXTLINK.sub(lambda m: m.group(1) or "", text)
    text = re.sub(r"'{2,}", "", text)
    text = re.sub(r"^=+\s*(.*?)\s*=+\s*$", r"\1", text, flags=re.M)
    text = re.sub(r"^[*#:;]+\s*", "", text, flags=re.M)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)
