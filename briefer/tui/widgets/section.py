"""A collapsible section of the brief whose items can be replaced without losing its state."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Collapsible
from textual.widgets._collapsible import CollapsibleTitle


class Section(Collapsible):
    """`Collapsible` with one `Vertical` of items, refilled when the brief changes."""

    _quiet = False  # set while opening or closing without scrolling

    def __init__(self, title: str, *, collapsed: bool = True, id: str | None = None) -> None:
        super().__init__(Vertical(classes="items"), title=title, collapsed=collapsed, id=id)

    def set_collapsed(self, collapsed: bool) -> None:
        """Open or close without scrolling to this section (for "expand all", which stays put)."""
        self._quiet = True
        try:
            self.collapsed = collapsed
        finally:
            self._quiet = False

    def _watch_collapsed(self, collapsed: bool) -> None:
        if not self._quiet:
            super()._watch_collapsed(collapsed)
            return
        self._update_collapsed(collapsed)
        self.post_message(self.Collapsed(self) if collapsed else self.Expanded(self))

    async def fill(self, widgets: list[Widget]) -> None:
        items = self.query_one(".items", Vertical)
        await items.remove_children()
        await items.mount_all(widgets)

    def focus_title(self) -> None:
        title = self.query_one(CollapsibleTitle)
        title.focus()
        title.scroll_visible()
