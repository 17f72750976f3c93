"""A collapsible section of the brief whose items can be replaced without losing its state."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Collapsible
from textual.widgets._collapsible import CollapsibleTitle


class Section(Collapsible):
    """`Collapsible` with one `Vertical` of items, refilled when the brief changes."""

    def __init__(self, title: str, *, collapsed: bool = True, id: str | None = None) -> None:
        super().__init__(Vertical(classes="items"), title=title, collapsed=collapsed, id=id)

    async def fill(self, widgets: list[Widget]) -> None:
        items = self.query_one(".items", Vertical)
        await items.remove_children()
        await items.mount_all(widgets)

    def focus_title(self) -> None:
        title = self.query_one(CollapsibleTitle)
        title.focus()
        title.scroll_visible()
