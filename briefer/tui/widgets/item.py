"""One line of the brief that knows its provenance; Enter opens the source at that sentence."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from briefer.render.sections import Line, pieces, plain
from briefer.tui.messages import OpenSource
from briefer.tui.text import printable

STYLES = {"label": "bold", "speaker": "italic", "cue": "bold", "details": "dim", "mark": "dim"}
"""How each piece of a presentation line looks on screen (what it says is `render.sections`)."""


class BriefItem(Static, can_focus=True):
    """A focusable line (summary sentence, position, event...) pointing at a source sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open_source", "Source")]

    def __init__(self, line: Line, *, text: Text | None = None, **kwargs: object) -> None:
        super().__init__(text if text is not None else line_text(line), **kwargs)  # type: ignore[arg-type]
        self.line = line
        self.source = line.source
        self.sentence = line.sentence

    @property
    def copy_text(self) -> str:
        """The line as a reader would paste it: its words and its citation."""
        return plain(self.line)

    def action_open_source(self) -> None:
        if self.source is not None:
            self.post_message(OpenSource(self.source, self.sentence))

    def on_click(self) -> None:
        self.action_open_source()


def line_text(line: Line) -> Text:
    """The line as `Text`, article words kept literal, each piece styled by its role."""
    text = Text()
    for piece in pieces(line):
        text.append(printable(piece.text), style=STYLES.get(piece.role, ""))
    return text
