"""The reader: a brief as collapsible sections, filled in by a background worker.

`BriefApp` takes a finished `Brief`, or a `builder` (a callable that builds one) plus a `preview`
(sources only), so it paints the titles at once and never blocks on spaCy. Tests pass a fixed
brief; the command line passes the real builder.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.worker import Worker, WorkerState

from briefer.errors import OutputError
from briefer.model import Brief
from briefer.render.sections import SECTION_TITLES, Line, plain, present
from briefer.render.sections import Section as PresentedSection
from briefer.tui.messages import OpenSource
from briefer.tui.operations import (
    Hit,
    export_markdown,
    group_by_label,
    next_algorithm,
    resummarize,
    sentence_count,
)
from briefer.tui.screens.export import ConfirmScreen, ExportScreen
from briefer.tui.screens.help import HelpScreen
from briefer.tui.screens.search import SearchScreen
from briefer.tui.screens.source import SourceScreen
from briefer.tui.text import literal
from briefer.tui.widgets.actor_panel import ActorPanel
from briefer.tui.widgets.article_list import ArticleList
from briefer.tui.widgets.brief_scroll import BriefScroll
from briefer.tui.widgets.header import BriefHeader
from briefer.tui.widgets.item import BriefItem
from briefer.tui.widgets.section import Section

THEMES = ("textual-dark", "textual-light")
BRIEF_ACTIONS = frozenset(
    {
        "section",
        "toggle_section",
        "expand_all",
        "length",
        "cycle_algorithm",
        "search",
        "view_article",
        "export",
    }
)
"""Actions on the brief's own screen; hidden and off while the source view or a dialog is open."""


class BriefApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "briefer"
    ENABLE_COMMAND_PALETTE = False  # its footer slot is worth more to the keys; `t` switches theme
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("n", "section(1)", "Next section", show=False),
        Binding("p", "section(-1)", "Prev section", show=False),
        Binding("o", "toggle_section", "Open/close"),
        Binding("e", "expand_all(True)", "All"),
        Binding("c", "expand_all(False)", "Collapse all", show=False),
        Binding("plus,equals_sign", "length(1)", "Longer"),
        Binding("minus", "length(-1)", "Shorter"),
        Binding("a", "cycle_algorithm", "Algorithm"),
        Binding("slash", "search", "Search"),
        Binding("v", "view_article", "Article", show=False),
        Binding("s", "export", "Save"),
        Binding("t", "toggle_theme", "Theme", show=False),
    ]

    def __init__(
        self,
        brief: Brief | None = None,
        *,
        builder: Callable[[], Brief] | None = None,
        preview: Brief | None = None,
        export_name: str = "brief.md",
        timing_log: str | None = None,
        started: float | None = None,
    ) -> None:
        if brief is None and builder is None:
            raise ValueError("BriefApp needs a brief or a builder")
        super().__init__()
        self.brief: Brief | None = brief
        self.builder = builder
        self.preview = preview or brief
        self.export_name = export_name
        self.error: str | None = None
        self.current_source = 1
        self._timing_log = timing_log
        self._started = time.perf_counter() if started is None else started
        self._painted = threading.Event()

    # ------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield BriefHeader(id="header")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            with BriefScroll(id="brief"):
                yield Static(id="status")
                for section_id, title in SECTION_TITLES:
                    if section_id == "notes":
                        continue  # notes are listed under Sources
                    with Section(title, collapsed=section_id != "bottom-line", id=section_id):
                        if section_id == "actors":
                            yield ActorPanel(id="actor-panel")
        yield Footer()

    async def on_mount(self) -> None:
        if self.preview is not None:
            self._paint_sources(self.preview)
        if self.brief is not None:
            await self.show_brief(self.brief)
        else:
            self._set_status(Text("Reading the articles and building the brief…"), "loading")
        self.query_one("#bottom-line", Section).focus_title()
        if self.brief is None and self.builder is not None:
            self.run_worker(self._build, name="build", group="build", thread=True, exit_on_error=False)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._log_time("first_paint")
        self._painted.set()

    def _build(self) -> Brief:
        """Runs in a thread; waits for the first paint so spaCy's import does not delay it."""
        assert self.builder is not None
        self._painted.wait(timeout=2)
        return self.builder()

    def _paint_sources(self, brief: Brief) -> None:
        self.query_one(BriefHeader).show(brief, self._settings(brief))
        articles = self.query_one(ArticleList)
        articles.display = len(brief.sources) > 1
        articles.show(brief.sources)

    def _settings(self, brief: Brief) -> str:
        if not brief.summary:
            return "building…" if self.brief is None and self.error is None else ""
        return f"bottom line {len(brief.summary)} sentences · {brief.algorithm or 'briefer'}"

    def _set_status(self, text: Text, kind: str) -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_classes(kind)
        status.display = kind != "done"

    # ------------------------------------------------------------------------------------ filling

    async def show_brief(self, brief: Brief) -> None:
        self.brief = brief
        self._paint_sources(brief)
        self._set_status(Text(""), "done")
        shape = {s.id: s for s in present(brief).sections}
        await self.query_one(ActorPanel).show(brief, shape["actors"], shape["positions"])
        notes = shape.pop("notes")
        shape["sources"] = replace(shape["sources"], lines=shape["sources"].lines + notes.lines)
        for section in shape.values():
            if section.id != "actors":
                await self._fill(section)
        self.query_one(BriefHeader).show(brief, self._settings(brief))
        self._log_time("full_brief")

    async def _fill(self, section: PresentedSection) -> None:
        widget = self.query_one(f"#{section.id}", Section)
        if section.id == "positions":
            items = _grouped(section)
        else:
            items = [BriefItem(line) if line.source is not None else _note(line) for line in section.lines]
        await widget.fill(items or [_empty(section.empty)])

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.state == WorkerState.SUCCESS and isinstance(worker.result, Brief):
            if worker.group == "build":
                await self.show_brief(worker.result)
            elif worker.group == "summary":
                self.brief = worker.result
                await self._fill(present(worker.result).sections[0])
                self.query_one(BriefHeader).show(worker.result, self._settings(worker.result))
        elif worker.state == WorkerState.ERROR:
            message = " ".join(str(worker.error).split()) or type(worker.error).__name__
            if worker.group == "build":
                self.error = message
                self._set_status(literal(f"Could not build the brief: {message}"), "error")
                if self.preview is not None:
                    self.query_one(BriefHeader).show(self.preview, "failed")
            self.notify(message, title="Error", severity="error", markup=False)

    # ------------------------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in BRIEF_ACTIONS or self.screen is self.screen_stack[0]

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

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

    def action_length(self, step: int) -> None:
        brief = self.brief
        if brief is None or not brief.summary:
            return
        count = max(1, min(len(brief.summary) + step, sentence_count(brief)))
        if count != len(brief.summary):
            self._resummarize(brief, count, brief.algorithm or "briefer")

    def action_cycle_algorithm(self) -> None:
        brief = self.brief
        if brief is not None and brief.summary:
            algorithm = next_algorithm(brief.algorithm or "briefer")
            self.notify(f"Summarizer: {algorithm}", timeout=2)
            self._resummarize(brief, len(brief.summary), algorithm)

    def _resummarize(self, brief: Brief, count: int, algorithm: str) -> None:
        """In a thread: sumy's algorithms import NLTK the first time, which takes a second."""
        work = partial(resummarize, brief, count, algorithm)
        self.run_worker(
            work, name="summary", group="summary", thread=True, exclusive=True, exit_on_error=False
        )

    def action_search(self) -> None:
        if self.brief is not None:
            self.push_screen(SearchScreen(self.brief), self._open_hit)

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            self.post_message(OpenSource(hit.source, hit.sentence))

    def action_view_article(self) -> None:
        self.post_message(OpenSource(self.current_source, None))

    def on_open_source(self, message: OpenSource) -> None:
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

    def action_export(self) -> None:
        if self.brief is not None and self.brief.summary:
            self.push_screen(ExportScreen(self.export_name), self._export_to)

    def _export_to(self, path: str | None) -> None:
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
            written = export_markdown(self.brief, path, overwrite=bool(overwrite))
        except OutputError as exc:
            self.notify(str(exc), title="Not written", severity="error", markup=False)
            return
        self.export_name = path
        self.notify(f"Wrote {written}", markup=False, timeout=4)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[(THEMES.index(self.theme) + 1) % 2] if self.theme in THEMES else THEMES[1]

    def _log_time(self, event: str) -> None:
        """With BRIEFER_TUI_TIMING=FILE, append `event seconds` (since the command started)."""
        if self._timing_log:
            with open(self._timing_log, "a", encoding="utf-8") as log:
                log.write(f"{event} {time.perf_counter() - self._started:.3f}\n")


def _grouped(section: PresentedSection) -> list[Widget]:
    """Positions under a heading per holder; each line then starts at the speaker as written."""
    widgets: list[Widget] = []
    for name, lines in group_by_label(section.lines):
        widgets.append(Static(literal(name, style="bold"), classes="group"))
        widgets += [BriefItem(replace(line, label="")) for line in lines]
    return widgets


def _note(line: Line) -> Static:
    return Static(literal(plain(line)), classes="note")


def _empty(message: str) -> Static:
    return Static(Text(message, style="italic dim"), classes="empty")


def timing_log_from_env() -> str | None:
    return os.environ.get("BRIEFER_TUI_TIMING") or None
