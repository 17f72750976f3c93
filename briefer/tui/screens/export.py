"""Dialogs: a line of input (the export file name, the actor filter) and a yes/no question."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from briefer.tui.text import literal


class AskScreen(ModalScreen[str | None]):
    """One line of input; returns what was typed (Enter), or None when cancelled (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, question: str, default: str = "", input_id: str = "ask") -> None:
        super().__init__()
        self.question = question
        self.default = default
        self.input_id = input_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"))
            yield Input(self.default, id=self.input_id)
            yield Static(Text("Enter to confirm, Escape to cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


class ExportScreen(AskScreen):
    """Returns the file name typed (its extension picks the format), or None when cancelled."""

    def __init__(self, default: str) -> None:
        super().__init__("Save the brief to (.md .txt .html .json):", default, "export-path")


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; only `y` or the Yes button answers yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "dismiss(True)", "Yes"),
        Binding("n,escape", "dismiss(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self.question))
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
