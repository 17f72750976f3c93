"""Hostile and broken input through `briefer tui` (issue 7), with the real app in Textual's pilot.

`briefer tui` reads its sources before the app starts, so an input that gives no article is one
`briefer: error:` line and exit 1, and no app ever takes over the terminal. Any other input runs
through the command line up to the point where `BriefApp.run` would take over the terminal; the
app the command made is then driven by the pilot at 80x24, as a reader would: it paints the
titles, fills in the brief from its worker, opens every section (`e`), opens the first bottom-line
sentence in the source view, goes back and quits. Nothing on screen may be a raw control
character, and article text shows as written: `[bold red]` stays four words of text.

`tui` has no `-o`, so the `-o` cases run on their sources alone. Of the slow inputs only the
100,000 lines run here (1,500 sentences: the longest source view); the one-megabyte line and the
two big inputs reach the app through the same `build_brief` as `brief`, whose suite runs them.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from hostile_inputs import (
    CASES,
    TIME_LIMIT,
    Hostile,
    Run,
    assert_no_controls,
    check_outcome,
    in_time,
    run_in_process,
)
from test_tui import screen_text

SIZE = (80, 24)
HEAVY_IN_TUI = {"lines-100k", "markdown-unmatched-emphasis"}


def for_tui(case: Hostile) -> Hostile:
    """The case as `tui` sees it: without `-o`, a story whose output folder is missing is a story."""
    if case.name == "output-into-missing-folder":
        return replace(case, expect="brief", says="")
    return replace(case, after=None) if case.name == "output-replaced-when-run-succeeds" else case


TUI = [for_tui(c) for c in CASES.values() if not c.big and "tui" in c.commands]
ERRORS = [c for c in TUI if c.expect == "error"]
BRIEFS = [c for c in TUI if c.expect == "brief" and (not c.heavy or c.name in HEAVY_IN_TUI)]


@pytest.fixture
def started(monkeypatch):
    """The apps `briefer tui` started: `BriefApp.run` hands the app to the test, not the terminal."""
    from briefer.tui.app import BriefApp

    apps: list[BriefApp] = []
    monkeypatch.setattr(BriefApp, "run", lambda self, *args, **kwargs: apps.append(self))
    return apps


def _tui(run: Run, cli, monkeypatch) -> tuple[int, str, str]:
    assert run.options[:1] in ((), ("-o",)) and len(run.options) in (0, 2, 3), "options: -o FILE [--force]"
    for key, value in run.env.items():
        monkeypatch.setenv(key, value)
    if run.streams:  # a closed stdin: a fresh interpreter, which stops before any app starts
        return run_in_process(["tui", *run.sources], run)
    return in_time(lambda: cli("tui", *run.sources, stdin=run.stdin))


def _files(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def shown(widget) -> str:
    """What `widget` and everything in it draws, scrolled into view or not, one line per row."""
    from textual.geometry import Region

    lines = []
    for part in (widget, *widget.query("*")):
        width, height = part.outer_size
        if width and height and part.display:
            lines += [strip.text for strip in part.render_lines(Region(0, 0, width, height))]
    return "\n".join(lines)


def unwrapped(text: str) -> str:
    """Text without its whitespace, for finding sentences in what is shown: the app wraps at 80
    columns, between words or, in Chinese, between any two characters, and pads every line."""
    return "".join(text.split())


@pytest.mark.parametrize("case", ERRORS, ids=[c.name for c in ERRORS])
def test_input_without_an_article_is_one_line_and_the_app_never_starts(
    case, cli, started, tmp_path, monkeypatch
):
    status, out, err = _tui(case.make(tmp_path), cli, monkeypatch)
    check_outcome(case, status, out, err)
    assert status == 1
    assert started == []
    if case.after:
        case.after(tmp_path)


@pytest.mark.parametrize("case", BRIEFS, ids=[c.name for c in BRIEFS])
async def test_hostile_input_reads_in_the_app_as_plain_text(case, cli, started, tmp_path, monkeypatch):
    from briefer.tui.screens.source import SourceScreen
    from briefer.tui.widgets.item import BriefItem
    from briefer.tui.widgets.section import Section

    run = case.make(tmp_path)
    before = _files(tmp_path)
    assert _tui(run, cli, monkeypatch) == (0, "", "")
    [app] = started
    app.animation_level = "none"  # scrolling to a section at once, not over a quarter second
    async with app.run_test(size=SIZE) as pilot:
        assert_no_controls(screen_text(app), "the first paint")
        await asyncio.wait_for(app.workers.wait_for_complete(), TIME_LIMIT)
        await pilot.pause()
        brief = app.brief
        assert app.error is None and brief is not None and brief.summary
        assert unwrapped(brief.title)[:30] in unwrapped(shown(app.query_one("#header"))), (
            "title not as written"
        )
        bottom_line = unwrapped(shown(app.query_one("#bottom-line")))
        assert all(unwrapped(item.text) in bottom_line for item in brief.summary), (
            "a sentence not shown as written"
        )

        await pilot.press("e")  # every section open (walking them with n/o is test_tui's, and 2x slower)
        assert not any(section.collapsed for section in app.query(Section))
        brief_screen = screen_text(app) + shown(app.screen)
        assert_no_controls(brief_screen, "the brief")
        assert unwrapped(case.says) in unwrapped(shown(app.query_one("#sources"))), (
            "the note is not in Sources"
        )

        app.query_one("#bottom-line").query(BriefItem).first().focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert (screen.source_id, screen.sentence) == (brief.summary[0].source, brief.summary[0].sentence)
        source_view = screen_text(app) + shown(screen)
        assert_no_controls(source_view, "the source view")

        everything = brief_screen + source_view
        for kept in case.kept:
            assert unwrapped(kept) in unwrapped(everything), f"{kept!r} is not shown as written"
        for secret in case.hidden:
            assert secret not in everything, f"{secret!r} reached the screen"
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)
        await pilot.press("q")
    assert app.return_code == 0
    assert _files(tmp_path) == before, "the reader wrote a file"
