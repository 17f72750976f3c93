"""The one presentation of a brief: which sections, in which order, and what each line says.

Every face (markdown, text, HTML, the terminal reader and its search) formats these sections and
nothing else, so a new section or a reworded line is a change here only. A `Line` is structured
(label, speaker as written, cue, body, details, citations) so that a formatter decides only how
each piece looks (bold, escaped, a link), never what it says; `pieces` fixes the reading order and
the separators for all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from briefer.model import Actor, Brief, Position, Sentence, Source
from briefer.render.common import Cited, byline, source_ids, source_line, speaker_name


@dataclass(frozen=True, slots=True)
class Line:
    """One item of a section; `source`/`sentence` say where the reader's Enter goes."""

    body: str = ""
    label: str | None = None
    speaker: str = ""
    cue: str = ""
    details: tuple[str, ...] = ()
    citations: tuple[int, ...] = ()
    source: int | None = None
    sentence: int | None = None
    actor: str | None = None
    link: str | None = None
    """An article's web address, printed after the body as a link where the format has links."""


@dataclass(frozen=True, slots=True)
class Section:
    """`numbered` lists are keyed by their source id (the sources); `optional` ones vanish when empty."""

    id: str
    title: str
    empty: str
    lines: tuple[Line, ...]
    numbered: bool = False
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Presentation:
    title: str
    byline: str
    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of a line's text and its role: label, speaker, cue, sep, body, link, details or mark."""

    role: str
    text: str


SECTION_TITLES: tuple[tuple[str, str], ...] = (
    ("bottom-line", "Bottom line"),
    ("actors", "Actors"),
    ("positions", "Positions"),
    ("background", "Background"),
    ("timeline", "Timeline"),
    ("sources", "Sources"),
    ("notes", "Notes"),
)
"""Section ids and titles in reading order: what a face can lay out before the brief exists."""


def present(brief: Brief) -> Presentation:
    """The brief as titled sections of lines, in reading order."""
    titles = dict(SECTION_TITLES)

    def section(id: str, empty: str, lines: list[Line], **flags: bool) -> Section:
        return Section(id, titles[id], empty, tuple(lines), **flags)

    return Presentation(
        brief.title,
        byline(brief),
        (
            section("bottom-line", "Nothing to summarise.", [_cited(i.text, i) for i in brief.summary]),
            section("actors", "No actors found.", [actor_line(a) for a in brief.actors]),
            section("positions", "No positions found.", [position_line(brief, p) for p in brief.positions]),
            section("background", "No background found.", [_cited(b.text, b) for b in brief.background]),
            section(
                "timeline",
                "No dated events found.",
                [_cited(t.text, t, label=t.date) for t in brief.timeline],
            ),
            section("sources", "No sources.", [_source(s) for s in brief.sources], numbered=True),
            section("notes", "", [Line(n) for n in brief.notes], optional=True),
        ),
    )


def shown(presentation: Presentation) -> tuple[Section, ...]:
    """The sections a document prints: all but the optional ones with nothing in them."""
    return tuple(s for s in presentation.sections if s.lines or not s.optional)


def mentions(count: int) -> str:
    return f"{count} mention" + ("" if count == 1 else "s")


def actor_line(actor: Actor) -> Line:
    details = [actor.kind, *([actor.role] if actor.role else [])]
    if actor.aliases:
        details.append("also " + ", ".join(actor.aliases))
    details.append(mentions(actor.mentions))
    first = actor.sources[0] if actor.sources else None
    return Line(label=actor.name, details=tuple(details), source=first, actor=actor.id)


def position_line(brief: Brief, position: Position) -> Line:
    """`NATO ("the deputy chief") says (reported): ...`; the speaker as written only if it differs."""
    name = speaker_name(brief, position)
    as_written = "" if position.anonymous or position.speaker == name else position.speaker
    manner = "quoted" if position.direct else "reported"
    return _cited(
        position.content,
        position,
        label=name,
        speaker=as_written,
        cue=f"{position.verb} ({manner})",
        actor=position.actor,
    )


def pieces(line: Line) -> list[Piece]:
    """The line's runs in reading order with their separators: the shape every face prints."""
    out: list[Piece] = []

    def add(role: str, text: str | None, keep_empty: bool = False) -> None:
        if text or (keep_empty and text is not None):
            if out:
                out.append(Piece("sep", " "))
            out.append(Piece(role, text))

    add("label", line.label, keep_empty=True)  # an empty name still takes its place
    add("speaker", f"(“{line.speaker}”)" if line.speaker else "")
    add("cue", f"{line.cue}:" if line.cue else "")
    if line.label is not None and line.body and not line.cue:
        add("sep", "—")
    add("body", line.body)
    add("link", line.link)
    add("details", f"({'; '.join(line.details)})" if line.details else "")
    add("mark", "[" + ", ".join(map(str, line.citations)) + "]" if line.citations else "")
    return out


def plain(line: Line) -> str:
    """The line as one string (text format, search, clipboard)."""
    return "".join(p.text for p in pieces(line))


def actor_mentions(brief: Brief, actor: Actor) -> list[tuple[Source, Sentence]]:
    """The sentences that name the actor or one of its aliases (whole words, case as written)."""
    names = sorted({actor.name, *actor.aliases}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return [
        (src, s)
        for src in brief.readable_sources
        if not actor.sources or src.id in actor.sources
        for s in src.sentences
        if pattern.search(s.text)
    ]


class _Placed(Cited, Protocol):
    @property
    def sentence(self) -> int: ...


def _cited(
    text: str,
    item: _Placed,
    *,
    label: str | None = None,
    speaker: str = "",
    cue: str = "",
    actor: str | None = None,
) -> Line:
    return Line(
        body=text,
        label=label,
        speaker=speaker,
        cue=cue,
        citations=tuple(source_ids(item)),
        source=item.source,
        sentence=item.sentence,
        actor=actor,
    )


def _source(source: Source) -> Line:
    if source.url:  # the address apart, so a format with links can make it one
        return Line(source_line(source, address=False) + " —", source=source.id, link=source.url)
    return Line(source_line(source), source=source.id)
