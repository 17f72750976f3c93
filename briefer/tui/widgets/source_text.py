"""The cleaned article, paragraph by paragraph, with the target sentence and the summary marked."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefer.model import Sentence, Source
from briefer.tui.text import literal

TARGET_STYLE = "reverse bold"
SUMMARY_STYLE = "bold underline"


class SourceText(VerticalScroll, can_focus=True):
    """One `Static` per paragraph, built as `Text` from the article's own characters; moving the
    target sentence restyles only the two paragraphs concerned, so `n`/`p` stay quick on 1,500."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._source: Source | None = None
        self._marked: set[int] = set()
        self._paragraphs: list[list[Sentence]] = []
        self._widgets: list[Static] = []
        self._target: int | None = None

    async def show(self, source: Source, target: int | None, marked: set[int]) -> None:
        await self.remove_children()
        self.scroll_home(animate=False)
        self._source, self._marked, self._target = source, marked, target
        self._paragraphs = [list(g) for _, g in groupby(source.sentences, key=lambda s: s.paragraph)]
        if source.error:
            self._paragraphs = []
            self._widgets = [Static(literal(f"Not read: {source.error}"), classes="paragraph")]
        else:
            self._widgets = [
                Static(_paragraph_text(source, p, target, marked), classes="paragraph")
                for p in self._paragraphs
            ]
        await self.mount_all(self._widgets)
        self._scroll_to_target()

    def move_target(self, target: int) -> None:
        """Highlight sentence `target` instead, and bring it into view."""
        if self._source is None:
            return
        for index in {self._paragraph_of(self._target), self._paragraph_of(target)} - {None}:
            assert index is not None
            sentences = self._paragraphs[index]
            self._widgets[index].update(_paragraph_text(self._source, sentences, target, self._marked))
        self._target = target
        self._scroll_to_target()

    def _paragraph_of(self, sentence: int | None) -> int | None:
        if sentence is None:
            return None
        return next((i for i, p in enumerate(self._paragraphs) if any(s.index == sentence for s in p)), None)

    def _scroll_to_target(self) -> None:
        for widget in self._widgets:
            widget.remove_class("target")
        index = self._paragraph_of(self._target)
        if index is not None:
            widget = self._widgets[index]
            widget.add_class("target")
            self.call_after_refresh(self.scroll_to_widget, widget, animate=False, center=True)


def _paragraph_text(source: Source, sentences: list[Sentence], target: int | None, marked: set[int]) -> Text:
    start = sentences[0].start
    text = literal(source.text[start : sentences[-1].end])
    for s in sentences:
        if s.index in marked:
            text.stylize(SUMMARY_STYLE, s.start - start, s.end - start)
        if s.index == target:
            text.stylize(TARGET_STYLE, s.start - start, s.end - start)
    return text
