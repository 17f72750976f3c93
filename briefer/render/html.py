"""The brief as a standalone HTML page; every piece of article text is escaped."""

from __future__ import annotations

from html import escape

from briefer.model import Brief
from briefer.render.common import Cited, byline, scrub, source_ids, source_line, speaker_name

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem} .byline{color:#666;margin-top:0}
h2{font-size:1.15rem;border-bottom:1px solid #ddd;margin-top:1.6rem}
.src{color:#888;font-size:.85em} .kind{color:#666} blockquote{margin:.2rem 0 .2rem 1rem}
"""


def _mark(item: Cited) -> str:
    ids = source_ids(item)
    if len(ids) == 1:
        return f' <a class="src" href="#source-{ids[0]}">[{ids[0]}]</a>'
    links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in ids)
    return f' <span class="src">[{links}]</span>'


def render(brief: Brief) -> str:
    e = escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(brief.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(brief.title)}</h1>",
        f'<p class="byline">{e(byline(brief))}</p>',
        "<h2>Bottom line</h2><ul>",
    ]
    parts += [f"<li>{e(i.text)}{_mark(i)}</li>" for i in brief.summary]
    parts.append("</ul><h2>Actors</h2><ul>")
    for a in brief.actors:
        role = f", {e(a.role)}" if a.role else ""
        aliases = f"; also {e(', '.join(a.aliases))}" if a.aliases else ""
        parts.append(
            f'<li><strong>{e(a.name)}</strong> <span class="kind">({a.kind}{role}{aliases})</span></li>'
        )
    parts.append("</ul><h2>Positions</h2><ul>")
    for p in brief.positions:
        who = f"<strong>{e(speaker_name(brief, p))}</strong>"
        parts.append(f"<li>{who} {e(p.verb)}: {e(p.content)}{_mark(p)}</li>")
    parts.append("</ul><h2>Background</h2><ul>")
    parts += [f"<li>{e(b.text)}{_mark(b)}</li>" for b in brief.background]
    parts.append("</ul><h2>Timeline</h2><ul>")
    parts += [f"<li><strong>{e(t.date)}</strong> {e(t.text)}{_mark(t)}</li>" for t in brief.timeline]
    parts.append("</ul><h2>Sources</h2><ol>")
    parts += [f'<li id="source-{s.id}">{e(source_line(s))}</li>' for s in brief.sources]
    parts.append("</ol>")
    if brief.notes:
        parts.append("<h2>Notes</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in brief.notes) + "</ul>")
    parts.append("</body></html>")
    return scrub("\n".join(parts) + "\n")
