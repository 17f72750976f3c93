"""`?`: the keys, in one place."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓  j k  Tab", "move between items"),
    ("Enter", "open the item's source sentence / open a section / choose an actor"),
    ("n  p", "next / previous section"),
    ("o", "open or close this section"),
    ("e  c", "expand all / collapse all sections"),
    ("+  -", "longer / shorter bottom line"),
    ("a", "next summarizer algorithm"),
    ("/", "search the brief and the articles"),
    ("v", "view the current article"),
    ("s", "save the brief as markdown"),
    ("t", "light / dark theme"),
    ("Esc  b", "back from the source view"),
    ("?", "this help"),
    ("q", "quit"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, what in KEYS:
            table.add_row(key, what)
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("briefer — keys", style="bold"))
            yield Static(table)
            yield Static(Text("Escape or ? closes this help.", style="dim"))
