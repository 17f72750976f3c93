"""Actors as a table; choosing one (Enter) lists its positions and the sentences naming it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from briefer.model import Brief
from briefer.render.common import speaker_name
from briefer.tui.operations import actor_mentions
from briefer.tui.text import literal
from briefer.tui.widgets.item import BriefItem, item_text


class ActorPanel(Vertical):
    """The actor table and, below it, the chosen actor's positions and mentions."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.brief: Brief | None = None

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="actor-table")
        yield table
        yield Vertical(id="actor-detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Kind", "Role", "Mentions")

    async def show(self, brief: Brief) -> None:
        self.brief = brief
        table = self.query_one(DataTable)
        table.clear()
        for actor in brief.actors:
            table.add_row(
                literal(actor.name),
                Text(actor.kind),
                literal(actor.role or ""),
                Text(str(actor.mentions), justify="right"),
                key=actor.id,
            )
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
        positions = [p for p in brief.positions if p.actor == actor.id]
        widgets.append(Static(Text(f"Positions ({len(positions)})", style="bold"), classes="subhead"))
        for p in positions:
            cue = f"{p.verb} ({'quoted' if p.direct else 'reported'}):"
            who = "" if p.speaker == speaker_name(brief, p) else f"“{p.speaker}” "
            widgets.append(BriefItem(item_text(p.content, p.source, prefix=who + cue), p.source, p.sentence))
        mentions = actor_mentions(brief, actor)
        widgets.append(Static(Text(f"Mentions ({len(mentions)})", style="bold"), classes="subhead"))
        widgets += [BriefItem(item_text(s.text, src.id), src.id, s.index) for src, s in mentions]
        detail = self.query_one("#actor-detail", Vertical)
        await detail.remove_children()
        await detail.mount_all(widgets)
