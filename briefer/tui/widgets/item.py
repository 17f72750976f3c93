"""One line of the brief that knows its provenance; Enter opens the source at that sentence."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from briefer.tui.messages import OpenSource
from briefer.tui.text import printable


class BriefItem(Static, can_focus=True):
    """A focusable line (summary sentence, position, event...) pointing at a source sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open_source", "Source")]

    def __init__(self, text: Text, source: int, sentence: int | None, **kwargs: object) -> None:
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.source = source
        self.sentence = sentence

    def action_open_source(self) -> None:
        self.post_message(OpenSource(self.source, self.sentence))

    def on_click(self) -> None:
        self.action_open_source()


def item_text(body: str, source: int, *, prefix: str = "", prefix_style: str = "bold") -> Text:
    """`prefix body [n]`, with article text kept literal."""
    text = Text()
    if prefix:
        text.append(printable(prefix), style=prefix_style)
        text.append(" ")
    text.append(printable(body))
    text.append(f" [{source}]", style="dim")
    return text
