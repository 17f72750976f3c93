"""The cleaned article, paragraph by paragraph, with the target sentence and the summary marked."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefer.model import Source
from briefer.tui.text import literal

TARGET_STYLE = "reverse bold"
SUMMARY_STYLE = "bold underline"


class SourceText(VerticalScroll, can_focus=True):
    """One `Static` per paragraph, built as `Text` from the article's own characters."""

    async def show(self, source: Source, target: int | None, marked: set[int]) -> None:
        await self.remove_children()
        self.scroll_home(animate=False)
        widgets = [Static(t, classes="paragraph") for t in paragraph_texts(source, target, marked)]
        if source.error:
            widgets = [Static(literal(f"Not read: {source.error}"), classes="paragraph")]
        for widget, has_target in zip(widgets, _has_target(source, target), strict=False):
            if has_target:
                widget.add_class("target")
        await self.mount_all(widgets)
        target_widget = next((w for w in widgets if w.has_class("target")), None)
        if target_widget is not None:
            self.call_after_refresh(self.scroll_to_widget, target_widget, animate=False, center=True)


def paragraph_texts(source: Source, target: int | None, marked: set[int]) -> list[Text]:
    """The text of each paragraph, its sentences styled: target reversed, summary underlined."""
    texts = []
    for _, group in groupby(source.sentences, key=lambda s: s.paragraph):
        sentences = list(group)
        start = sentences[0].start
        text = literal(source.text[start : sentences[-1].end])
        for s in sentences:
            if s.index in marked:
                text.stylize(SUMMARY_STYLE, s.start - start, s.end - start)
            if s.index == target:
                text.stylize(TARGET_STYLE, s.start - start, s.end - start)
        texts.append(text)
    return texts


def _has_target(source: Source, target: int | None) -> list[bool]:
    return [
        any(s.index == target for s in group)
        for _, group in groupby(source.sentences, key=lambda s: s.paragraph)
    ]
