"""Renderers: pure functions from a `Brief` to text, in one registry.

`--format` choices come from `RENDERERS`; each renderer is registered with its file extension.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefer.model import Brief
from briefer.render import html, json, markdown, text


@dataclass(frozen=True, slots=True)
class Renderer:
    name: str
    extension: str
    render: Callable[[Brief], str]
    description: str


RENDERERS: dict[str, Renderer] = {
    r.name: r
    for r in (
        Renderer("markdown", ".md", markdown.render, "markdown, for notes and chat"),
        Renderer("text", ".txt", text.render, "plain text at 72 columns, for an email body"),
        Renderer("json", ".json", json.render, "the Brief as JSON (the documented contract)"),
        Renderer("html", ".html", html.render, "a standalone, escaped HTML page"),
    )
}


def render(brief: Brief, fmt: str) -> str:
    return RENDERERS[fmt].render(brief)
