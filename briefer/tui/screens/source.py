"""The source view: the cleaned article with one sentence highlighted and the summary marked."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from briefer.model import Brief
from briefer.render.common import source_line
from briefer.tui.text import literal
from briefer.tui.widgets.article_list import ArticleList
from briefer.tui.widgets.source_text import SourceText


class SourceScreen(Screen[None]):
    """Follows the article chosen in the side list (when the brief has several sources)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace,b", "app.pop_screen", "Back"),
        Binding("tab", "app.focus_next", "Switch pane", show=False),
    ]

    def __init__(self, brief: Brief, source: int, sentence: int | None) -> None:
        super().__init__()
        self.brief = brief
        self.source_id = source
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        with Horizontal():
            if len(self.brief.sources) > 1:
                yield ArticleList(id="source-articles")
            yield SourceText(id="source-text")
        yield Footer()

    async def on_mount(self) -> None:
        if len(self.brief.sources) > 1:
            self.query_one(ArticleList).show(self.brief.sources, self.source_id)
        await self.show_source(self.source_id, self.sentence)
        self.query_one(SourceText).focus()

    async def show_source(self, source_id: int, sentence: int | None) -> None:
        self.source_id, self.sentence = source_id, sentence
        source = self.brief.source(source_id)
        marked = {i.sentence for i in self.brief.summary if i.source == source_id}
        title = literal(source_line(source), style="bold")
        if sentence is not None:
            title.append(f"  ·  sentence {sentence + 1} of {len(source.sentences)}", style="dim")
        self.query_one("#source-title", Static).update(title)
        await self.query_one(SourceText).show(source, sentence, marked)

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chosen = int(event.option.id or 0)
        if chosen and chosen != self.source_id:
            await self.show_source(chosen, None)
