"""`/`: search the brief and its articles; choosing a hit opens the source at that sentence."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefer.model import Brief
from briefer.tui.operations import Hit, search
from briefer.tui.text import literal


class SearchScreen(ModalScreen[Hit | None]):
    """Results update as you type; Enter in the box jumps to the list, Enter on a hit opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, brief: Brief, query: str = "") -> None:
        super().__init__()
        self.brief = brief
        self.query_text = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box", classes="dialog"):
            yield Static(Text("Search the brief and its articles", style="bold"))
            yield Input(self.query_text, placeholder="words to find", id="search-input")
            yield Static(id="search-count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._update(self.query_text)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.highlighted = 0
            results.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def _update(self, query: str) -> None:
        self.hits = search(self.brief, query)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(_label(h, query)) for h in self.hits)
        count = f"{len(self.hits)} match" + ("" if len(self.hits) == 1 else "es") if query.strip() else ""
        self.query_one("#search-count", Static).update(Text(count, style="dim"))


def _label(hit: Hit, query: str) -> Text:
    text = Text(f"{hit.where}: ", style="bold")
    body = literal(hit.text)
    body.highlight_words([query.strip()], style="reverse", case_sensitive=False)
    text.append_text(body)
    return text
