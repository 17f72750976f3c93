"""The source view: the cleaned article with one sentence highlighted and the summary marked;
`n`/`p` walk its sentences (or, after `/`, the sentences holding the words searched for)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from briefer.model import Brief, Source
from briefer.render.common import source_line
from briefer.render.sections import Line
from briefer.tui.operations import citation_text
from briefer.tui.text import literal
from briefer.tui.widgets.article_list import ArticleList
from briefer.tui.widgets.source_text import SourceText


class SourceScreen(Screen[None]):
    """Follows the article chosen in the side list (when the brief has several sources)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace,b", "back", "Back"),
        Binding("n", "step(1)", "Next sentence"),
        Binding("p", "step(-1)", "Previous"),
        Binding("slash", "find", "Find"),
        Binding("y", "copy", "Copy"),
        Binding("tab", "app.focus_next", "Switch pane", show=False),
    ]

    def __init__(self, brief: Brief, source: int, sentence: int | None) -> None:
        super().__init__()
        self.brief = brief
        self.source_id = source
        self.sentence = sentence
        self.words = ""

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        with Horizontal():
            if len(self.brief.sources) > 1:
                yield ArticleList(id="source-articles")
            yield SourceText(id="source-text")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if len(self.brief.sources) > 1:
            self.query_one(ArticleList).show(self.brief.sources, self.source_id)
        await self.show_source(self.source_id, self.sentence)
        self.query_one(SourceText).focus()

    @property
    def source(self) -> Source:
        return self.brief.source(self.source_id)

    async def show_source(self, source_id: int, sentence: int | None) -> None:
        self.source_id, self.sentence = source_id, sentence
        marked = {i.sentence for i in self.brief.summary if i.source == source_id}
        self._show_title()
        await self.query_one(SourceText).show(self.source, sentence, marked)

    def _show_title(self) -> None:
        source = self.source
        title = literal(source_line(source), style="bold")
        if self.sentence is not None:
            title.append(f"  ·  sentence {self.sentence + 1} of {len(source.sentences)}", style="dim")
        if self.words:
            title.append("  ·  finding ", style="dim")
            title.append_text(literal(self.words, style="dim italic"))
        self.query_one("#source-title", Static).update(title)

    def action_step(self, step: int) -> None:
        """The next (or previous) sentence, or the next one holding the words searched for."""
        sentences = self.source.sentences
        if not sentences:
            return
        start = self.sentence if self.sentence is not None else (-1 if step > 0 else len(sentences))
        order = range(start + step, len(sentences)) if step > 0 else range(start + step, -1, -1)
        needle = self.words.casefold()
        found = next((i for i in order if not needle or needle in sentences[i].text.casefold()), None)
        if found is None:
            self.notify("No more sentences" + (f" with “{self.words}”" if needle else "") + ".", timeout=2)
            return
        self.sentence = sentences[found].index
        self.query_one(SourceText).move_target(self.sentence)
        self._show_title()

    def action_find(self) -> None:
        from briefer.tui.screens.export import AskScreen

        self.app.push_screen(AskScreen("Find in this article:", self.words, "find-input"), self._find)

    def _find(self, words: str | None) -> None:
        if words is not None:
            self.words = words.strip()
            self._show_title()
            if self.words:
                self.action_step(1)

    def action_back(self) -> None:
        """Escape first forgets the words searched for, then goes back to the brief."""
        if self.words:
            self.words = ""
            self._show_title()
        else:
            self.app.pop_screen()

    def action_copy(self) -> None:
        if self.sentence is None:
            self.notify("Move to a sentence first (n), then y copies it.", timeout=3)
            return
        text = self.source.sentences[self.sentence].text
        line = Line(text, citations=(self.source_id,), source=self.source_id, sentence=self.sentence)
        self.app.copy_to_clipboard(citation_text(self.brief, line))
        self.notify("Copied with its citation.", timeout=2)

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chosen = int(event.option.id or 0)
        if chosen and chosen != self.source_id:
            await self.show_source(chosen, None)
