"""The brief as markdown: a heading per section, `[n]` source marks, article text escaped."""

from __future__ import annotations

from briefer.model import Brief
from briefer.render.common import scrub
from briefer.render.sections import Line, Section, pieces, present, shown
from briefer.textsafe import escape_markdown

escape = escape_markdown
"""Article text as one markdown line that reads as written (see `briefer.textsafe`)."""


def _line(line: Line) -> str:
    out = []
    for piece in pieces(line):
        if piece.role == "label":
            out.append(f"**{escape(piece.text)}**")
        elif piece.role in ("mark", "sep"):
            out.append(piece.text)
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
