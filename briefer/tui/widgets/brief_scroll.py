"""The scrolling column of sections, where up/down move between items like a feed reader."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


class BriefScroll(VerticalScroll):
    """Arrow keys and j/k move the focus item by item (the view follows) instead of scrolling."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("up,k", "move(-1)", "Previous", show=False),
    ]

    def action_move(self, step: int) -> None:
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()
        if self.screen.focused is not None:
            self.screen.focused.scroll_visible()
