"""What the reader's keys do: moving between sections, the bottom line's length and summarizer,
search, the source view, the actor filter, export, copy and the article's address.

A base class of `BriefApp`, apart so each file stays readable; the keys come from `keymap.py`
and the command palette lists the same actions under the same names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList

from briefer.errors import OutputError
from briefer.model import Brief
from briefer.render.sections import Section as PresentedSection
from briefer.tui.background import in_background
from briefer.tui.keymap import BRIEF_ACTIONS, KEYS, bindings
from briefer.tui.messages import OpenSource
from briefer.tui.operations import (
    Hit,
    View,
    citation_text,
    export_brief,
    format_for,
    next_algorithm,
    sentence_count,
    url_of,
)
from briefer.tui.widgets.article_list import ArticleList
from briefer.tui.widgets.item import BriefItem
from briefer.tui.widgets.section import Section

THEMES = ("textual-dark", "textual-light")


class ReaderActions(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    brief: Brief | None
    view: View
    current_source: int
    export_name: str
    resummarizer: Callable[[Brief, int, str], Brief]
    _wanted: tuple[int, str] | None = None
    """The bottom line the keys asked for last (length, algorithm), ahead of the worker."""

    async def show_people(
        self, brief: Brief, actors: PresentedSection | None = None, positions: PresentedSection | None = None
    ) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in BRIEF_ACTIONS or self.screen is self.screen_stack[0]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        """The command palette (Ctrl-P): every key's action by its name, then Textual's own."""
        for key in KEYS:
            name = key.action.split("(")[0]
            if self.check_action(name, ()):
                yield SystemCommand(
                    key.label, f"{key.help}  [{key.shown}]", partial(self.run_action, key.action)
                )
        yield from super().get_system_commands(screen)

    def action_help(self) -> None:
        from briefer.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    # ----------------------------------------------------------------------------------- sections

    def _sections(self) -> list[Section]:
        return list(self.query(Section))

    def _current_section(self) -> Section | None:
        node = self.focused
        while node is not None and not isinstance(node, Section):
            node = node.parent  # type: ignore[assignment]
        return node

    def action_section(self, step: int) -> None:
        sections = self._sections()
        current = self._current_section()
        index = sections.index(current) + step if current in sections else 0
        sections[index % len(sections)].focus_title()

    def action_toggle_section(self) -> None:
        section = self._current_section() or self._sections()[0]
        section.collapsed = not section.collapsed
        if section.collapsed:
            section.focus_title()

    def action_expand_all(self, expand: bool) -> None:
        current = self._current_section()
        for section in self._sections():
            section.set_collapsed(not expand)
        if not expand and current is not None:
            current.focus_title()

    # -------------------------------------------------------------------------------- bottom line

    def _asked(self, brief: Brief) -> tuple[int, str]:
        return self._wanted or (len(brief.summary), brief.algorithm or "briefer")

    def action_length(self, step: int) -> None:
        brief = self.brief
        if brief is None or not brief.summary:
            return
        count, algorithm = self._asked(brief)
        wanted = max(1, min(count + step, sentence_count(brief)))
        if wanted != count:
            self._resummarize(brief, wanted, algorithm)

    def action_cycle_algorithm(self) -> None:
        """Each press counts, even before the last one's summary is ready."""
        brief = self.brief
        if brief is not None and brief.summary:
            count, algorithm = self._asked(brief)
            algorithm = next_algorithm(algorithm)
            self.notify(f"Summarizer: {algorithm}", timeout=2)
            self._resummarize(brief, count, algorithm)

    def _resummarize(self, brief: Brief, count: int, algorithm: str) -> None:
        """In a thread: sumy's algorithms import NLTK the first time, which takes a second."""
        self._wanted = (count, algorithm)
        work = in_background(partial(self.resummarizer, brief, count, algorithm), "briefer-summary")
        self.run_worker(work, name="summary", group="summary", exclusive=True, exit_on_error=False)

    async def show_summary(self, brief: Brief) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------------ search and sources

    def action_search(self) -> None:
        from briefer.tui.screens.search import SearchScreen

        if self.brief is not None:
            self.push_screen(SearchScreen(self.brief), self._open_hit)

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            self.post_message(OpenSource(hit.source, hit.sentence))

    def action_view_article(self) -> None:
        self.post_message(OpenSource(self.current_source, None))

    def action_articles(self) -> None:
        """Show the article list (hidden at narrow widths) and go to it; again to hide it."""
        articles = self.query_one(ArticleList)
        if articles.has_focus and self.size.width < 100:
            articles.display = False
            self.action_section(0)
        elif self.preview is not None and len(self.preview.sources) > 1:
            articles.display = True
            articles.focus()
        else:
            self.notify("This brief has one article: v reads it.", timeout=3)

    preview: Brief | None

    def on_open_source(self, message: OpenSource) -> None:
        from briefer.tui.screens.source import SourceScreen

        brief = self.brief
        if brief is None:
            return
        try:
            brief.source(message.source)
        except KeyError:
            return
        self.current_source = message.source
        self.push_screen(SourceScreen(brief, message.source, message.sentence))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, ArticleList) and event.option.id:
            self.post_message(OpenSource(int(event.option.id), None))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ArticleList) and event.option.id:
            self.current_source = int(event.option.id)

    def action_open_url(self) -> None:
        brief = self.brief or self.preview
        source = next((s for s in brief.sources if s.id == self.current_source), None) if brief else None
        url = url_of(source) if source else None
        if url is None:
            self.notify("This article was read from a file, not a web address.", timeout=3)
        else:
            self.open_url(url)
            self.notify(url, title="Opening", markup=False, timeout=3)

    # ------------------------------------------------------------------------- actors at scale

    def action_filter_actors(self) -> None:
        from briefer.tui.screens.export import AskScreen

        if self.brief is not None:
            ask = AskScreen("Show actors whose name has (empty for all):", self.view.words, "actor-filter")
            self.push_screen(ask, self._filter)

    async def _filter(self, words: str | None) -> None:
        if words is not None and self.brief is not None:
            self.view = replace(self.view, words=words.strip())
            await self.show_people(self.brief)
            self.query_one("#actors", Section).collapsed = False

    async def action_show_all(self) -> None:
        if self.brief is not None:
            self.view = replace(self.view, show_all=not self.view.show_all)
            await self.show_people(self.brief)
            self.notify("Every actor and position" if self.view.show_all else "The top ones", timeout=2)

    # --------------------------------------------------------------------------- export and copy

    def action_copy(self) -> None:
        """The focused item with its citation, to the terminal's clipboard (OSC 52)."""
        focused = self.focused
        if self.brief is None or not isinstance(focused, BriefItem):
            self.notify("Move to an item first (↑ ↓), then y copies it.", timeout=3)
            return
        self.copy_to_clipboard(citation_text(self.brief, focused.line))
        self.notify("Copied with its citation.", timeout=2)

    def action_export(self) -> None:
        from briefer.tui.screens.export import ExportScreen

        if self.brief is not None and self.brief.summary:
            self.push_screen(ExportScreen(self.export_name), self._export_to)

    def _export_to(self, path: str | None) -> None:
        from briefer.tui.screens.export import ConfirmScreen

        path = (path or "").strip()
        if not path:
            return
        if Path(path).expanduser().exists():
            question = f"{path} exists. Overwrite it?"
            self.push_screen(ConfirmScreen(question), partial(self._write, path))
        else:
            self._write(path, False)

    def _write(self, path: str, overwrite: bool | None) -> None:
        if self.brief is None or (overwrite is False and Path(path).expanduser().exists()):
            self.notify("Not written.", timeout=3)
            return
        try:
            written = export_brief(self.brief, path, overwrite=bool(overwrite))
        except OutputError as exc:
            self.notify(str(exc), title="Not written", severity="error", markup=False)
            return
        self.export_name = path
        self.notify(f"Wrote {written} ({format_for(path)})", markup=False, timeout=4)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[(THEMES.index(self.theme) + 1) % 2] if self.theme in THEMES else THEMES[1]
