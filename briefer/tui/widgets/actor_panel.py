"""Actors as a table; choosing one (Enter) lists its positions and the sentences naming it."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from briefer.model import Brief
from briefer.render.sections import Line, Section, actor_mentions
from briefer.tui.text import literal
from briefer.tui.widgets.item import BriefItem

NAME_WIDTH = 22
ABOUT_WIDTH = 46
"""Both columns fit an 80-column terminal beside the section indent; longer cells end in `…`."""


class ActorPanel(Vertical):
    """The actor table and, below it, the chosen actor's positions and mentions."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.brief: Brief | None = None
        self.positions: tuple[Line, ...] = ()

    def compose(self) -> ComposeResult:
        yield ActorTable(cursor_type="row", zebra_stripes=True, id="actor-table")
        yield Static(id="actor-more", classes="empty")
        yield Vertical(id="actor-detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Name", width=NAME_WIDTH)
        table.add_column("About", width=ABOUT_WIDTH)

    async def show(self, brief: Brief, actors: Section, positions: Section, hidden: int = 0) -> None:
        """One row per actor line, in the section's order, and how many are not shown; the
        detail is emptied. `positions` are all the brief's, for the chosen actor's detail."""
        self.brief, self.positions = brief, positions.lines
        table = self.query_one(DataTable)
        table.clear()
        for line in actors.lines:
            table.add_row(_cell(line.label or ""), _cell("; ".join(line.details), "dim"), key=line.actor)
        more = self.query_one("#actor-more", Static)
        more.update(Text(f"… {hidden} more actors: A shows all, f filters", style="italic dim"))
        more.display = hidden > 0
        if not actors.lines:
            more.update(literal(actors.empty, style="italic dim"))
            more.display = True
        await self.query_one("#actor-detail", Vertical).remove_children()

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.brief is not None and event.row_key.value is not None:
            await self.choose(event.row_key.value)

    async def choose(self, actor_id: str) -> None:
        """Fill the detail with this actor's positions and mentions, each opening its source."""
        brief = self.brief
        actor = brief.actor(actor_id) if brief else None
        if brief is None or actor is None:
            return
        widgets: list[Widget] = [Static(literal(actor.name, style="bold underline"), classes="group")]
        if actor.role:
            widgets.append(Static(literal(actor.role, style="italic")))
        held = [replace(p, label=None) for p in self.positions if p.actor == actor.id]
        widgets.append(Static(Text(f"Positions ({len(held)})", style="bold"), classes="subhead"))
        widgets += [BriefItem(p) for p in held]
        mentions = actor_mentions(brief, actor)
        widgets.append(Static(Text(f"Mentions ({len(mentions)})", style="bold"), classes="subhead"))
        widgets += [
            BriefItem(Line(s.text, citations=(src.id,), source=src.id, sentence=s.index))
            for src, s in mentions
        ]
        detail = self.query_one("#actor-detail", Vertical)
        await detail.remove_children()
        await detail.mount_all(widgets)


class ActorTable(DataTable[Text]):
    """The actor rows; `j`/`k` move the cursor as the arrows do (not out of the table)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


def _cell(value: str, style: str = "") -> Text:
    return literal(value, style=style, no_wrap=True, overflow="ellipsis")
