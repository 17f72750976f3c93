"""A digest in each format, built from the renderers of one brief (`briefer.render`).

Each situation's brief is rendered exactly as `briefer brief` renders it; the digest adds an
index, the number of sources carrying each story, and a "New since" list of the items a previous
brief did not have (`delta`). JSON is one brief per line (JSON Lines), each with its rank, its
number of sources and a `new` flag on every item, so `briefer mail -` can read a digest back.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from typing import TYPE_CHECKING

from briefer.render import RENDERERS
from briefer.render.common import citation_mark, scrub, speaker_name
from briefer.render.markdown import escape as md_escape

if TYPE_CHECKING:
    from briefer.digest import Digest, Story

_ANCHOR = re.compile(r'(\bid="|\bhref="#)')
"""Where a brief's page names its own anchors (article text is escaped, so never inside it)."""


def render_digest(digest: Digest, fmt: str) -> str:
    return {"markdown": markdown, "json": json_lines, "html": html, "text": text}[fmt](digest)


def headline(digest: Digest) -> str:
    """`3 situations from 7 articles in 2 feeds`."""
    n = len(digest.stories)
    feeds = f" in {digest.feeds} feed" + ("" if digest.feeds == 1 else "s")
    return (
        f"{n} situation{'' if n == 1 else 's'} from {digest.articles} article"
        + ("" if digest.articles == 1 else "s")
        + feeds
    )


def carried(story: Story) -> str:
    """`2 articles`, or `2 articles in 3 feed entries` when a feed repeats another's link."""
    articles = len(story.brief.readable_sources)
    said = f"{articles} article" + ("" if articles == 1 else "s")
    return said if story.carried == articles else f"{said} in {story.carried} feed entries"


def new_lines(story: Story) -> list[tuple[str, str, str]]:
    """(kind, text, citation mark) of each new item, in the order a reader wants them."""
    changes, brief = story.changes, story.brief
    if not changes:
        return []
    out = [("actor", brief.actors[i].name, "") for i in changes.actors]
    for i in changes.positions:
        p = brief.positions[i]
        out.append(("position", f"{speaker_name(brief, p)} {p.verb}: {p.content}", citation_mark(p)))
    for i in changes.timeline:
        e = brief.timeline[i]
        out.append(("event", f"{e.date}: {e.text}", citation_mark(e)))
    out += [("bottom line", brief.summary[i].text, citation_mark(brief.summary[i])) for i in changes.summary]
    return out


def markdown(digest: Digest) -> str:
    out = [f"# Digest: {headline(digest)}", "", f"Generated {digest.generated_at}", ""]
    out += [f"{n}. {md_escape(s.brief.title)} ({carried(s)})" for n, s in enumerate(digest.stories, 1)]
    for n, story in enumerate(digest.stories, start=1):
        lines = RENDERERS["markdown"].render(story.brief).rstrip("\n").split("\n")
        body = ["#" + line if line.startswith("#") else line for line in lines[1:]]
        out += ["", "---", "", f"## {n}. {md_escape(story.brief.title)}"]
        out += ["", f"_{carried(story).capitalize()}._"]
        new = new_lines(story)
        if story.changes is not None:
            out += ["", f"### New since {story.changes.since or 'the previous brief'}", ""]
            out += [f"- {kind}: {md_escape(line)} {mark}".rstrip() for kind, line, mark in new] or [
                "_Nothing new._"
            ]
        out += body
    return scrub("\n".join(out) + "\n")


def text(digest: Digest) -> str:
    """Plain text for an email body: the index, then each brief as `--format text` shows it."""
    out = [f"Digest: {headline(digest)}", f"Generated {digest.generated_at}", ""]
    out += [f"{n}. {s.brief.title} ({carried(s)})" for n, s in enumerate(digest.stories, 1)]
    for n, story in enumerate(digest.stories, start=1):
        out += ["", "-" * 72, f"{n}. {carried(story).capitalize()}"]
        new = new_lines(story)
        if story.changes is not None:
            out.append(f"New since {story.changes.since or 'the previous brief'}:")
            out += [f"  * {kind}: {line} {mark}".rstrip() for kind, line, mark in new] or ["  nothing new"]
        out += ["", RENDERERS["text"].render(story.brief).rstrip("\n")]
    return scrub("\n".join(out) + "\n")


def json_lines(digest: Digest) -> str:
    """One brief per line: `to_dict()`, its place in the digest, and `new` flags when compared."""
    from briefer.delta import flag_new

    lines = []
    for n, story in enumerate(digest.stories, start=1):
        data = dict(story.to_dict())
        if story.changes is not None:
            data = flag_new(data, story.changes)
        data["situation"] = {
            "rank": n,
            "carried": story.carried,
            "of": len(digest.stories),
            "articles": digest.articles,
            "feeds": digest.feeds,
            "generated_at": digest.generated_at,
        }
        lines.append(json.dumps(data, ensure_ascii=True))  # no raw control or bidi character
    return "\n".join(lines) + "\n"


def html(digest: Digest) -> str:
    """One page: the index, then each situation's brief as its own section."""
    e = html_escape
    pages = [RENDERERS["html"].render(s.brief) for s in digest.stories]
    style = pages[0].partition("<style>")[2].partition("</style>")[0] if pages else ""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Digest: {e(headline(digest))}</title><style>{style}"
        ".new{background:#fff6d5;padding:.2rem .8rem} section{border-top:3px solid #333;margin-top:2rem}"
        "</style></head><body>",
        f'<h1>Digest</h1><p class="byline">{e(headline(digest))} · generated {e(digest.generated_at)}</p>',
        "<ol>",
    ]
    parts += [
        f'<li><a href="#s{n}">{e(s.brief.title)}</a> <span class="src">({carried(s)})</span></li>'
        for n, s in enumerate(digest.stories, 1)
    ]
    parts.append("</ol>")
    for n, (story, page) in enumerate(zip(digest.stories, pages, strict=True), start=1):
        body = page.partition("<body>")[2].rpartition("</body>")[0]
        body = _ANCHOR.sub(rf"\1s{n}-", body)  # ids unique in the page, links to this story's own
        parts.append(f'<section id="s{n}"><p class="src">{n}. {carried(story).capitalize()}</p>')
        if story.changes is not None:
            new = new_lines(story)
            items = "".join(f"<li>{e(kind)}: {e(line)} {e(mark)}</li>" for kind, line, mark in new)
            since = e(story.changes.since or "the previous brief")
            items = items or "<li>nothing new</li>"
            parts.append(f'<div class="new"><h2>New since {since}</h2><ul>{items}</ul></div>')
        parts += [body, "</section>"]
    parts.append("</body></html>")
    return scrub("\n".join(parts) + "\n")
