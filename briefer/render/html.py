"""The brief as a standalone HTML page; every piece of article text is escaped."""

from __future__ import annotations

from html import escape

from briefer.model import Brief
from briefer.render.common import scrub
from briefer.render.sections import Line, Section, pieces, present, shown

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem} .byline{color:#666;margin-top:0}
h2{font-size:1.15rem;border-bottom:1px solid #ddd;margin-top:1.6rem}
.src{color:#888;font-size:.85em} .kind,.empty{color:#666} blockquote{margin:.2rem 0 .2rem 1rem}
"""


def _mark(citations: tuple[int, ...]) -> str:
    if len(citations) == 1:
        return f'<a class="src" href="#source-{citations[0]}">[{citations[0]}]</a>'
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in citations)
    return f'<span class="src">[{links}]</span>'


def _line(line: Line) -> str:
    out = []
    for piece in pieces(line):
        if piece.role == "label":
            out.append(f"<strong>{escape(piece.text)}</strong>")
        elif piece.role == "details":
            out.append(f'<span class="kind">{escape(piece.text)}</span>')
        elif piece.role == "mark":
            out.append(_mark(line.citations))
        elif piece.role == "link" and piece.text.startswith(("http://", "https://")):
            url = escape(piece.text)
            out.append(f'<a href="{url}" rel="noopener noreferrer">{url}</a>')
        else:
            out.append(escape(piece.text))
    return "".join(out)


def _section(section: Section) -> list[str]:
    out = [f"<h2>{escape(section.title)}</h2>"]
    if not section.lines:
        return [*out, f'<p class="empty">{escape(section.empty)}</p>']
    if section.numbered:
        items = [f'<li id="source-{line.source}">{_line(line)}</li>' for line in section.lines]
        return [*out, "<ol>", *items, "</ol>"]
    return [*out, "<ul>", *(f"<li>{_line(line)}</li>" for line in section.lines), "</ul>"]


def render(brief: Brief) -> str:
    shape = present(brief)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(shape.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(shape.title)}</h1>",
        f'<p class="byline">{escape(shape.byline)}</p>',
    ]
    for section in shown(shape):
        parts += _section(section)
    parts.append("</body></html>")
    return scrub("\n".join(parts) + "\n")
