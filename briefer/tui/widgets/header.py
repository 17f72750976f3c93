"""The brief's header: title, outlet, date and source count, and the bottom line's settings."""

from __future__ import annotations

from textual.widgets import Static

from briefer.model import Brief
from briefer.render.common import byline
from briefer.tui.text import literal, printable


class BriefHeader(Static):
    """Two lines; the title comes from the article, so it is `Text`, never markup."""

    def show(self, brief: Brief, status: str = "") -> None:
        text = literal(brief.title, style="bold", overflow="ellipsis", no_wrap=True)
        text.append("\n")
        text.append(printable(byline(brief)), style="italic")
        if status:
            text.append(f"  ·  {status}", style="dim")
        self.update(text)
