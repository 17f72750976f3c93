"""The brief as plain text wrapped at 72 columns: an email body or a terminal page, no markup."""

from __future__ import annotations

import textwrap

from briefer.model import Brief
from briefer.render.common import byline, citation_mark, scrub, source_line, speaker_name

WIDTH = 72


def _item(text: str, bullet: str = "- ") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=bullet,
        subsequent_indent=" " * len(bullet),
        break_long_words=False,  # a URL stays whole, so it can be followed
        break_on_hyphens=False,
    ) or [bullet.rstrip()]


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "=" * len(title)]


def render(brief: Brief) -> str:
    out = textwrap.wrap(brief.title, WIDTH) + textwrap.wrap(byline(brief), WIDTH)
    out += _heading("Bottom line")
    for i in brief.summary:
        out += _item(f"{i.text} {citation_mark(i)}")
    out += _heading("Actors")
    for a in brief.actors:
        extra = [a.kind] + ([a.role] if a.role else [])
        if a.aliases:
            extra.append("also " + ", ".join(a.aliases))
        out += _item(f"{a.name} ({'; '.join(extra)}; {a.mentions} mentions)")
    out += _heading("Positions")
    for p in brief.positions:
        out += _item(f"{speaker_name(brief, p)} {p.verb}: {p.content} {citation_mark(p)}")
    out += _heading("Background")
    for b in brief.background:
        out += _item(f"{b.text} {citation_mark(b)}")
    out += _heading("Timeline")
    for t in brief.timeline:
        out += _item(f"{t.date}: {t.text} {citation_mark(t)}")
    out += _heading("Sources")
    for s in brief.sources:
        out += _item(source_line(s), f"[{s.id}] ")
    if brief.notes:
        out += _heading("Notes")
        for n in brief.notes:
            out += _item(n)
    return scrub("\n".join(out) + "\n")
