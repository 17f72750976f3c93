"""The reader: a brief as collapsible sections, filled in from a background build.

`BriefApp` takes a finished `Brief`, or a `builder` (a callable that builds one) plus a `preview`
(sources only), so it paints the titles at once and never blocks on spaCy. Tests pass a fixed
brief; the command line passes the real builder (`launch.py`). What the keys do is in
`actions.py`; which keys there are, in `keymap.py`; what each line says, in `render/sections.py`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from briefer.model import Brief
from briefer.render.sections import SECTION_TITLES, Line, plain, present
from briefer.render.sections import Section as PresentedSection
from briefer.tui.actions import ReaderActions
from briefer.tui.background import exit_now, in_background
from briefer.tui.operations import View, arrange, group_by_label, resummarize
from briefer.tui.terminal import keys_from_terminal
from briefer.tui.text import literal
from briefer.tui.widgets.actor_panel import ActorPanel
from briefer.tui.widgets.article_list import ArticleList
from briefer.tui.widgets.brief_scroll import BriefScroll
from briefer.tui.widgets.header import BriefHeader
from briefer.tui.widgets.item import BriefItem
from briefer.tui.widgets.section import Section

NARROW = 100
"""Below this many columns the article list is hidden until asked for (`l`)."""


class BriefApp(ReaderActions):
    CSS_PATH = "app.tcss"
    TITLE = "briefer"

    def __init__(
        self,
        brief: Brief | None = None,
        *,
        builder: Callable[[], Brief] | None = None,
        resummarizer: Callable[[Brief, int, str], Brief] = resummarize,
        preview: Brief | None = None,
        export_name: str = "brief.md",
        timing_log: str | None = None,
        started: float | None = None,
        keys_from_tty: bool = False,
        exit_process: bool = False,
    ) -> None:
        if brief is None and builder is None:
            raise ValueError("BriefApp needs a brief or a builder")
        super().__init__()
        self.brief: Brief | None = brief
        self.builder = builder
        self.resummarizer = resummarizer  # the command line passes one that calls `pipeline.compose`
        self.preview = preview or brief
        self.export_name = export_name
        self.error: str | None = None
        self.current_source = 1
        self.view = View()
        self._timing_log = timing_log
        self._started = time.perf_counter() if started is None else started
        self._painted = threading.Event()
        self._keys_from_tty = keys_from_tty
        self._exit_process = exit_process

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run in the terminal; keys come from the terminal if stdin held the article. With
        `exit_process` (the command line), the process then ends at once: neither a build still
        loading spaCy nor the interpreter's teardown of spaCy's objects keeps the reader waiting."""
        if self._keys_from_tty:
            keys_from_terminal()
        result = super().run(*args, **kwargs)
        if self._exit_process:
            exit_now(self.return_code or 0)
        return result

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
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if self.preview is not None:
            self._paint_sources(self.preview)
        if self.brief is not None:
            await self.show_brief(self.brief)
        else:
            self._set_status(Text("Reading the articles and building the brief…"), "loading")
        self.query_one("#bottom-line", Section).focus_title()
        if self.brief is None and self.builder is not None:
            self.run_worker(self._build(), name="build", group="build", exit_on_error=False)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._log_time("first_paint")
        self._painted.set()

    async def _build(self) -> Brief:
        """Waits for the build in a daemon thread, which starts after the first paint so spaCy's
        import does not delay it. Quitting cancels this wait and leaves the thread behind."""
        assert self.builder is not None
        builder = self.builder

        def first_paint_then_build() -> Brief:
            self._painted.wait(timeout=2)
            return builder()

        return await in_background(first_paint_then_build, "briefer-build")

    def _paint_sources(self, brief: Brief) -> None:
        self.query_one(BriefHeader).show(brief, self._settings(brief))
        articles = self.query_one(ArticleList)
        articles.display = len(brief.sources) > 1 and self.size.width >= NARROW
        articles.show(brief.sources)

    def _settings(self, brief: Brief) -> str:
        if not brief.summary:
            return "building…" if self.brief is None and self.error is None else ""
        settings = f"{len(brief.summary)} sentences · {brief.algorithm or 'briefer'}"
        return settings + (f" · actors: {self.view.words}" if self.view.words else "")

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
        notes = shape.pop("notes")
        shape["sources"] = replace(shape["sources"], lines=shape["sources"].lines + notes.lines)
        await self.show_people(brief, shape["actors"], shape["positions"])
        for section in shape.values():
            if section.id not in ("actors", "positions"):
                await self._fill(section)
        self._log_time("full_brief")

    async def show_people(
        self, brief: Brief, actors: PresentedSection | None = None, positions: PresentedSection | None = None
    ) -> None:
        """Actors and positions as the view asks: most salient first, filtered, the top or all."""
        if actors is None or positions is None:
            shape = {s.id: s for s in present(brief).sections}
            actors, positions = shape["actors"], shape["positions"]
        arranged = arrange(brief, actors, positions, self.view)
        await self.query_one(ActorPanel).show(brief, arranged.actors, positions, arranged.hidden_actors)
        widgets = _grouped(arranged.positions)
        if arranged.hidden_positions:
            widgets.append(_more(arranged.hidden_positions, "positions"))
        await self.query_one("#positions", Section).fill(widgets or [_empty(_filtered(positions, self.view))])
        self.query_one(BriefHeader).show(brief, self._settings(brief))

    async def _fill(self, section: PresentedSection) -> None:
        items = [BriefItem(line) if line.source is not None else _note(line) for line in section.lines]
        await self.query_one(f"#{section.id}", Section).fill(items or [_empty(section.empty)])

    async def show_summary(self, brief: Brief) -> None:
        self.brief = brief
        if self._wanted == (len(brief.summary), brief.algorithm):
            self._wanted = None  # caught up with the keys
        await self._fill(present(brief).sections[0])
        self.query_one(BriefHeader).show(brief, self._settings(brief))

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.state == WorkerState.SUCCESS and isinstance(worker.result, Brief):
            if worker.group == "build":
                await self.show_brief(worker.result)
            elif worker.group == "summary":
                await self.show_summary(worker.result)
        elif worker.state == WorkerState.ERROR:
            message = " ".join(str(worker.error).split()) or type(worker.error).__name__
            if worker.group == "build":
                self.error = message
                self._set_status(literal(f"Could not build the brief: {message}"), "error")
                if self.preview is not None:
                    self.query_one(BriefHeader).show(self.preview, "failed")
            self.notify(message, title="Error", severity="error", markup=False)

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
        widgets += [BriefItem(replace(line, label=None)) for line in lines]
    return widgets


def _filtered(positions: PresentedSection, view: View) -> str:
    return f"No positions of actors named “{view.words}”." if view.words else positions.empty


def _more(count: int, what: str) -> Static:
    return Static(Text(f"… {count} more {what}: A shows all", style="italic dim"), classes="empty")


def _note(line: Line) -> Static:
    return Static(literal(plain(line)), classes="note")


def _empty(message: str) -> Static:
    return Static(literal(message, style="italic dim"), classes="empty")
