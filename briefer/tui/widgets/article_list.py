"""The side list of articles when a brief has several sources."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefer.model import Source
from briefer.tui.text import printable


class ArticleList(OptionList):
    """One option per source (its id is the source id); titles come from articles, so `Text`."""

    def show(self, sources: tuple[Source, ...], current: int | None = None) -> None:
        self.clear_options()
        self.add_options(Option(_label(s), id=str(s.id)) for s in sources)
        self.highlighted = next((i for i, s in enumerate(sources) if s.id == current), 0)


def _label(source: Source) -> Text:
    text = Text(f"{source.id}. ", style="bold")
    text.append(printable(source.title))
    meta = " · ".join(x for x in (source.outlet, source.published) if x)
    if meta:
        text.append(f"\n{printable(meta)}", style="dim")
    if source.error:
        text.append("\nnot read", style="red")
    return text
