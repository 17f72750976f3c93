"""The brief as markdown: a heading per section, `[n]` source marks, article text escaped."""

from __future__ import annotations

import re

from briefer.model import Brief
from briefer.render.common import scrub
from briefer.render.sections import Line, Section, pieces, present, shown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(text: str) -> str:
    """Article text must not turn into markdown (links, emphasis, HTML, a heading on a new line)."""
    text = re.sub(r"[ \t]*[\r\n][\s]*", " ", text)
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([#>+-])", r"\\\1", text)


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
