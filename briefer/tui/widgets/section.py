"""A collapsible section of the brief whose items can be replaced without losing its state."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Collapsible
from textual.widgets.collapsible import CollapsibleTitle


class Section(Collapsible):
    """`Collapsible` with one `Vertical` of items, refilled when the brief changes."""

    _hold_scroll = False  # set by `set_collapsed`: the next scroll into view is skipped

    def __init__(self, title: str, *, collapsed: bool = True, id: str | None = None) -> None:
        super().__init__(Vertical(classes="items"), title=title, collapsed=collapsed, id=id)

    def set_collapsed(self, collapsed: bool) -> None:
        """Open or close without scrolling to this section (for "expand all", which stays put).

        `Collapsible` scrolls itself into view after each change; that one scroll is skipped.
        """
        if self.collapsed != collapsed:
            self._hold_scroll = self.is_mounted
            self.collapsed = collapsed

    def scroll_visible(self, *args: object, **kwargs: object) -> None:
        if self._hold_scroll:
            self._hold_scroll = False
            return
        super().scroll_visible(*args, **kwargs)  # type: ignore[arg-type]

    async def fill(self, widgets: Sequence[Widget]) -> None:
        items = self.query_one(".items", Vertical)
        await items.remove_children()
        await items.mount_all(widgets)

    def focus_title(self) -> None:
        title = self.query_one(CollapsibleTitle)
        title.focus()
        title.scroll_visible()
