"""The brief as plain text wrapped at 72 columns: an email body or a terminal page, no markup."""

from __future__ import annotations

import textwrap

from briefer.model import Brief
from briefer.render.common import scrub
from briefer.render.sections import Section, plain, present, shown

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


def _section(section: Section) -> list[str]:
    out = ["", section.title.upper(), "=" * len(section.title)]
    for line in section.lines:
        out += _item(plain(line), f"[{line.source}] " if section.numbered else "- ")
    return out if section.lines else [*out, *textwrap.wrap(section.empty, WIDTH)]


def render(brief: Brief) -> str:
    shape = present(brief)
    out = textwrap.wrap(shape.title, WIDTH) + textwrap.wrap(shape.byline, WIDTH)
    for section in shown(shape):
        out += _section(section)
    return scrub("\n".join(out) + "\n")
