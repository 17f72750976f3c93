"""The reader never waits (issue 16): quitting at once, stdin as the source, the brief cache, keys,
big briefs, copy, the article's address, the command palette and export in every format.

The app runs in Textual's pilot on the small fixed brief (tests/data/tui_brief.json); the cache
and the command line run for real on the seed (spaCy loaded once per test run).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import subprocess
import sys
import termios
import threading
import time
from dataclasses import replace

import pytest
from conftest import SEED
from test_tui import items_in, make_app, screen_text, settle
from tui_briefs import fixed_brief, single_source_brief

from briefer import cache
from briefer.model import Actor, Brief, Position
from briefer.render.sections import present
from briefer.tui.operations import TOP_ACTORS, View, arrange, citation_text, format_for

# ------------------------------------------------------------------------------------ quitting


async def test_q_mid_build_quits_at_once_without_waiting_for_the_builder():
    from briefer.tui.background import busy
    from briefer.tui.operations import preview_brief

    release = threading.Event()

    def slow_builder() -> Brief:  # stands for spaCy loading: as long as the test wants
        release.wait(30)
        return single_source_brief()

    preview = preview_brief([_article()])
    app = make_app(brief=None, builder=slow_builder, preview=preview)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert "building the brief" in screen_text(app)
            await pilot.pause(0.2)  # the build has started
            pressed = time.perf_counter()
            await pilot.press("q")
        assert time.perf_counter() - pressed < 1.0
        assert not app.is_running and app.return_code == 0
        assert busy(), "the builder was still running: the app did not wait for it"
    finally:
        release.set()


async def test_ctrl_c_quits_at_once_even_in_a_dialog():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "x")
        assert type(app.screen).__name__ == "SearchScreen"
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert not app.is_running


# ------------------------------------------------------------------------------ stdin as source


def test_cat_story_into_tui_dash_takes_keys_from_the_terminal_and_q_ends_it_at_once():
    """The real command in a pseudo-terminal: the article on a pipe, the keys typed on the terminal."""
    master, slave = os.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "briefer", "tui", "-"],
        stdin=subprocess.PIPE,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(1, termios.TIOCSCTTY, 0),  # the terminal becomes /dev/tty
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"},
    )
    os.close(slave)
    shown = bytearray()
    reader = threading.Thread(target=_drain, args=(master, shown), daemon=True)
    reader.start()
    try:
        child.stdin.write(SEED.read_bytes())
        child.stdin.close()
        _until(lambda: b"NATO to help Libya" in shown, 30)  # painted: the article was read first
        pressed = time.perf_counter()
        os.write(master, b"q")
        child.wait(timeout=10)
        assert time.perf_counter() - pressed < 3.0  # spaCy still loading: not waited for
        assert child.returncode == 0, bytes(shown[-500:])
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)


def _drain(fd: int, into: bytearray) -> None:
    with contextlib.suppress(OSError):
        while chunk := os.read(fd, 65536):
            into += chunk


def _until(condition, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        time.sleep(0.02)


def test_keys_without_a_terminal_is_a_one_line_error(tmp_path):
    from briefer.errors import InputError
    from briefer.tui.terminal import keys_from_terminal

    reading, writing = os.pipe()
    try:
        with pytest.raises(InputError, match="no terminal for keys"):
            keys_from_terminal(reading, str(tmp_path / "no-tty"))
    finally:
        os.close(reading)
        os.close(writing)


async def test_tui_dash_reads_the_article_from_stdin_then_keys_from_the_terminal(cli, started):
    story = SEED.read_bytes()
    assert cli("tui", "-", stdin=story) == (0, "", "")
    [app] = started
    assert app._keys_from_tty  # BriefApp.run takes keys from /dev/tty before Textual starts
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.brief is not None and app.brief.summary
        assert "NATO to help Libya" in screen_text(app)
        await pilot.press("q")


# -------------------------------------------------------------------------------------- cache


@pytest.fixture
def started(monkeypatch):
    """The apps `briefer tui` made: `BriefApp.run` hands the app to the test, not the terminal."""
    from briefer.tui.app import BriefApp

    apps: list[BriefApp] = []
    monkeypatch.setattr(BriefApp, "run", lambda self, *args, **kwargs: apps.append(self))
    return apps


def test_the_same_sources_again_open_complete_from_the_cache(cli, started, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "cache"))
    story = tmp_path / "story.txt"
    story.write_bytes(SEED.read_bytes())
    cli("tui", story)
    first = started[-1]
    assert first.brief is None and first.builder is not None  # cold: titles, then a build
    built = first.builder()
    cli("tui", story)
    assert started[-1].brief == built and started[-1].builder is None  # no build at all
    cli("tui", story, "--sentences", "5")
    assert started[-1].brief is None  # other options, another brief
    cli("tui", story, "--no-cache")
    assert started[-1].brief is None
    edited = story.read_text(encoding="utf-8").replace("said on Saturday", "said on Sunday")
    story.write_text(edited, encoding="utf-8")
    cli("tui", story)
    assert started[-1].brief is None  # the content changed
    assert cache.clear() == 1 and cache.clear() == 0


def test_an_unwritable_or_corrupt_cache_is_a_miss_not_an_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert cache.store("k", fixed_brief(), blocked / "briefs") is None
    (tmp_path / "k.json").write_text("{not json", encoding="utf-8")
    assert cache.load("k", tmp_path) is None
    assert cache.store("k", fixed_brief(), tmp_path) is not None
    assert cache.load("k", tmp_path) == fixed_brief()


# --------------------------------------------------------------------------------------- keys


async def test_l_reaches_the_article_list_and_the_source_view_walks_and_finds_sentences():
    app = make_app(fixed_brief())
    async with app.run_test(size=(80, 24)) as pilot:
        articles = app.query_one("#articles")
        assert not articles.display  # 80 columns: the brief gets the width
        await pilot.press("l")
        assert articles.display and articles.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SourceScreen" and screen.source_id == 2
        await pilot.press("n")
        assert screen.sentence == 0 and "sentence 1 of" in screen_text(app)
        await pilot.press("n", "p", "p")  # no sentence before the first: it stays
        assert screen.sentence == 0
        await pilot.press("slash", *"anchor", "enter")
        await pilot.pause()
        assert screen.sentence == 1 and "at anchor for nine days" in screen_text(app)
        await pilot.press("escape", "escape")  # forget the words, then back
        assert type(app.screen).__name__ == "Screen"


# --------------------------------------------------------------------------------- big briefs


def big_brief(actors: int = 40) -> Brief:
    """The fixed brief with many more actors, each holding a position; mentions rise with i."""
    brief = fixed_brief()
    extra = tuple(
        Actor(f"a{i}", f"Official {i:02d}", "person", mentions=i % 7 + 1, sources=(1,)) for i in range(actors)
    )
    held = tuple(
        Position(f"a{i}", f"Official {i:02d}", "said", brief.sources[0].sentences[0].text[:30], False, 1, 0)
        for i in range(actors)
    )
    return replace(brief, actors=brief.actors + extra, positions=brief.positions + held)


def test_big_briefs_show_the_most_salient_first_and_can_show_all_or_filter():
    brief = big_brief()
    shape = {s.id: s for s in present(brief).sections}
    top = arrange(brief, shape["actors"], shape["positions"], View())
    weights = [brief.actor(line.actor).mentions for line in top.actors.lines]
    assert len(weights) == TOP_ACTORS and weights == sorted(weights, reverse=True)
    assert top.hidden_actors == len(brief.actors) - TOP_ACTORS
    everyone = arrange(brief, shape["actors"], shape["positions"], View(show_all=True))
    assert len(everyone.actors.lines) == len(brief.actors) and everyone.hidden_positions == 0
    one = arrange(brief, shape["actors"], shape["positions"], View(words="official 07"))
    assert [line.label for line in one.actors.lines] == ["Official 07"]
    assert {line.actor for line in one.positions.lines} == {"a7"}


def test_the_reader_ranks_a_real_folder_as_the_command_line_does(cli):
    """The reader's actor order is the brief's salience rank (the one `briefer brief` shows)."""
    from conftest import FIXED_NOW, SAMPLES

    from briefer import BriefOptions, build_brief

    brief = build_brief([str(SAMPLES / "yemen_truce_2022")], BriefOptions(now=FIXED_NOW))
    shape = {s.id: s for s in present(brief).sections}
    shown = arrange(brief, shape["actors"], shape["positions"], View(show_all=True))
    ranks = [brief.actor(line.actor).rank for line in shown.actors.lines]
    assert ranks == sorted(ranks) and ranks[0] == 1
    by_rank = sorted(brief.actors, key=lambda a: a.rank)
    assert [line.actor for line in shown.actors.lines] == [a.id for a in by_rank]


async def test_f_filters_actors_and_positions_and_a_shows_all():
    app = make_app(big_brief())
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one("#actor-table")
        assert table.row_count == TOP_ACTORS
        await pilot.press("f", *"oyelaran", "enter")
        await pilot.pause()
        assert table.row_count == 1 and "actors: oyelaran" in screen_text(app)
        assert {i.line.speaker for i in items_in(app, "positions")} == {
            "its leader Mara Oyelaran",
            "Oyelaran",
        }
        await pilot.press("f", "ctrl+u", "enter", "A")  # no filter, every actor
        await pilot.pause()
        assert table.row_count == len(app.brief.actors)


# ------------------------------------------------------------- copy, URL, palette and export


async def test_y_copies_the_item_with_its_citation_to_the_clipboard():
    brief = fixed_brief()
    app = make_app(brief)
    async with app.run_test(size=(80, 24)) as pilot:
        items_in(app, "bottom-line")[0].focus()
        await pilot.press("y")
        copied = app.clipboard
        assert copied.startswith(brief.summary[0].text + " [1]\n[1] Harbour talks resume in Port Alma")
        assert copied == citation_text(brief, items_in(app, "bottom-line")[0].line)


async def test_u_opens_a_web_article_and_says_so_for_a_file(monkeypatch):
    brief = fixed_brief()
    web = replace(brief, sources=(replace(brief.sources[0], location="https://news.example/harbour"),))
    for shown, expected in ((brief, []), (web, ["https://news.example/harbour"])):
        opened: list[str] = []
        said: list[str] = []
        app = make_app(shown)
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))  # noqa: B023
        monkeypatch.setattr(app, "notify", lambda message, **kw: said.append(message))  # noqa: B023
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("u")
        assert opened == expected
        assert said == (expected or ["This article was read from a file, not a web address."])


async def test_the_command_palette_lists_every_action_by_name():
    from briefer.tui.keymap import KEYS

    app = make_app()
    async with app.run_test(size=(80, 24)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
    assert {k.label for k in KEYS} <= titles


@pytest.mark.parametrize(
    ("name", "fmt"), [("b.md", "markdown"), ("b.txt", "text"), ("b.html", "html"), ("b.json", "json")]
)
async def test_export_writes_the_format_its_extension_names(tmp_path, name, fmt):
    from briefer.render import RENDERERS

    target = tmp_path / name
    app = make_app(fixed_brief(), export_name=str(target))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
    assert format_for(name) == fmt
    assert target.read_text(encoding="utf-8") == RENDERERS[fmt].render(fixed_brief())
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8"))["title"] == fixed_brief().title


def _article():
    from briefer.ingest import Article

    return Article("x.txt", "A slow title", None, None, ("Text.",))


def test_briefer_cache_prints_its_folder_and_clears_it(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFER_CACHE_DIR", str(tmp_path / "briefs"))
    cache.store("k", fixed_brief())
    assert cli("cache", "path") == (0, f"{tmp_path / 'briefs'}\n", "")
    status, out, _ = cli("cache", "clear")
    assert status == 0 and "removed 1 cached briefs" in out
    assert cache.load("k") is None


def test_the_cache_key_counts_the_clock_by_its_day_only():
    from datetime import UTC, datetime

    from briefer.pipeline import BriefOptions, load

    articles = load([str(SEED)]).articles
    morning, evening, tomorrow = (datetime(2026, 1, d, h, tzinfo=UTC) for d, h in ((2, 8), (2, 20), (3, 8)))
    key = lambda now: cache.brief_key(articles, (), BriefOptions(now=now))  # noqa: E731
    assert key(morning) == key(evening) != key(tomorrow)
