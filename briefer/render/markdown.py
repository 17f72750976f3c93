"""The brief as markdown: a heading per section, `[n]` source marks, article text escaped."""

from __future__ import annotations

import re

from briefer.model import Brief
from briefer.render.common import scrub
from briefer.render.sections import Line, Section, pieces, present, shown
from briefer.textsafe import escape_markdown

_AUTOLINK = re.compile(r"https?://[^\s<>\\`\x00-\x1f\x7f-\x9f]+")
"""A web address CommonMark takes as an autolink whole (ASCII, no space, angle bracket or control);
any other address is escaped as text."""

escape = escape_markdown
"""Article text as one markdown line that reads as written (see `briefer.textsafe`)."""


def _line(line: Line) -> str:
    out = []
    for piece in pieces(line):
        if piece.role == "label":
            out.append(f"**{escape(piece.text)}**")
        elif piece.role in ("mark", "sep"):
            out.append(piece.text)
        elif piece.role == "link" and piece.text.isascii() and _AUTOLINK.fullmatch(piece.text):
            out.append(f"<{piece.text}>")  # an autolink: copied from raw markdown, it still works
        else:
            out.append(escape(piece.text))
    return "".join(out)


def _section(section: Section) -> list[str]:
    out = [f"## {section.title}", ""]
    if section.numbered:
        out += [f"{line.source}. {_line(line)}" for line in section.lines]
    else:
        out += [f"- {_line(line)}" for line in section.lines]
    return out if section.lines else [*out, f"_{escape(section.empty)}_"]


def render(brief: Brief) -> str:
    shape = present(brief)
    out = [f"# {escape(shape.title)}", "", escape(shape.byline)]
    for section in shown(shape):
        out += ["", *_section(section)]
    return scrub("\n".join(out) + "\n")
