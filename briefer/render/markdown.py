"""The brief as markdown: headings per section, `[n]` source marks, article text escaped."""

from __future__ import annotations

from briefer.model import Brief
from briefer.render.common import byline, citation_mark, scrub, source_line, speaker_name
from briefer.textsafe import escape_markdown

escape = escape_markdown
"""Article text as one markdown line that reads as written (see `briefer.textsafe`)."""


def render(brief: Brief) -> str:
    out = [f"# {escape(brief.title)}", "", escape(byline(brief)), ""]
    out += ["## Bottom line", ""]
    out += [f"- {escape(i.text)} {citation_mark(i)}" for i in brief.summary] or ["_Nothing to summarise._"]
    out += ["", "## Actors", ""]
    for a in brief.actors:
        extra: list[str] = [a.kind]
        if a.role:
            extra.append(escape(a.role))
        if a.aliases:
            extra.append("also " + ", ".join(escape(x) for x in a.aliases))
        extra.append(f"{a.mentions} mention" + ("" if a.mentions == 1 else "s"))
        out.append(f"- **{escape(a.name)}** ({'; '.join(extra)})")
    out += ["", "## Positions", ""]
    for p in brief.positions:
        who = escape(speaker_name(brief, p))
        shown_as_written = p.anonymous or p.speaker == speaker_name(brief, p)
        as_written = "" if shown_as_written else f" (“{escape(p.speaker)}”)"
        mark = "quoted" if p.direct else "reported"
        out.append(
            f"- **{who}**{as_written} {escape(p.verb)} ({mark}): {escape(p.content)} {citation_mark(p)}"
        )
    out += ["", "## Background", ""]
    out += [f"- {escape(b.text)} {citation_mark(b)}" for b in brief.background]
    out += ["", "## Timeline", ""]
    out += [f"- **{t.date}** — {escape(t.text)} {citation_mark(t)}" for t in brief.timeline]
    out += ["", "## Sources", ""]
    out += [f"{s.id}. {escape(source_line(s))}" for s in brief.sources]
    if brief.notes:
        out += ["", "## Notes", ""] + [f"- {escape(n)}" for n in brief.notes]
    return scrub("\n".join(out) + "\n")
