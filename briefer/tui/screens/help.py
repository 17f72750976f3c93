"""`?`: every key in one box that fits an 80x24 terminal (two columns, one line each)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from briefer.tui.keymap import help_rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        rows = help_rows()
        half = (len(rows) + 1) // 2
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        for style in ("bold", "", "bold", ""):
            table.add_column(style=style, no_wrap=True)
        for (key, what), (key2, what2) in zip(rows[:half], [*rows[half:], ("", "")], strict=False):
            table.add_row(key, what, key2, what2)
        with Vertical(classes="dialog", id="help") as box:
            box.border_title = "briefer — keys"
            box.border_subtitle = "Esc or ? closes"
            yield Static(table)
