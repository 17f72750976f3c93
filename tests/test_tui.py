"""`briefer tui`: the real app driven with Textual's pilot, and the pure operations behind its keys.

Most tests use a small fixed brief (tests/data/tui_brief.json) so they are fast and exact; the seed
goes through the real builder once, with assertions on structure only.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from conftest import FIXED_NOW, SEED
from rich.console import Console
from textual.widgets import DataTable
from textual.worker import WorkerFailed
from tui_briefs import DATA, fixed_brief, single_source_brief

from briefer.errors import InputError, OutputError
from briefer.model import Brief, Source
from briefer.summarize import ALGORITHMS
from briefer.tui.keymap import help_rows
from briefer.tui.operations import (
    TOP_ACTORS,
    TOP_POSITIONS,
    export_brief,
    next_algorithm,
    resummarize,
    search,
)
from briefer.tui.text import printable


def make_app(brief: Brief | None = None, **kwargs):
    from briefer.tui.app import BriefApp

    if brief is None and "builder" not in kwargs:
        brief = single_source_brief()
    return BriefApp(brief, **kwargs)


def screen_text(app) -> str:
    """What the terminal shows, as plain text."""
    console = Console(
        width=app.size.width, height=app.size.height, file=io.StringIO(), record=True, force_terminal=True
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def items_in(app, section_id: str):
    from briefer.tui.widgets.item import BriefItem

    return list(app.query_one(f"#{section_id}").query(BriefItem))


# --------------------------------------------------------------------------------- pure operations


def test_resummarize_changes_length_and_keeps_source_sentences():
    brief = fixed_brief()
    longer = resummarize(brief, 5, "briefer")
    assert len(longer.summary) == 5
    for item in longer.summary:
        assert brief.source(item.source).sentences[item.sentence].text == item.text
    assert longer.actors == brief.actors and longer.positions == brief.positions
    lead = resummarize(brief, 2, "lead")
    assert [i.text for i in lead.summary] == [s.text for s in brief.sources[0].sentences[:2]]
    assert lead.algorithm == "lead"


def test_resummarize_keeps_length_within_the_article():
    brief = fixed_brief()
    total = sum(len(s.sentences) for s in brief.sources)
    assert len(resummarize(brief, total + 10, "briefer").summary) == total
    assert len(resummarize(brief, 0, "briefer").summary) == 1


def test_next_algorithm_walks_the_registry_and_wraps():
    names = list(ALGORITHMS)
    assert next_algorithm(names[0]) == names[1]
    assert next_algorithm(names[-1]) == names[0]


def test_search_finds_brief_items_and_article_sentences():
    hits = search(fixed_brief(), "NIGHT")
    where = {h.where for h in hits}
    assert {"Positions", "Source 1"} <= where
    assert any(h.text.startswith("Mara Oyelaran (“its leader Mara Oyelaran”) said (reported):") for h in hits)
    assert all("night" in h.text.lower() for h in hits)
    assert search(fixed_brief(), "   ") == []


def test_export_writes_markdown_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "brief.md"
    export_brief(fixed_brief(), target)
    assert target.read_text(encoding="utf-8").startswith("# Harbour talks resume")
    with pytest.raises(OutputError):
        export_brief(fixed_brief(), target)


def test_control_characters_become_visible_one_for_one():
    assert printable("a\x1b[31mb\x07\x9b") == "a␛[31mb␇\ufffd"
    assert printable("plain [bold]text[/bold]") == "plain [bold]text[/bold]"


# ------------------------------------------------------------------------------------- the app


async def test_seed_paints_titles_at_once_then_fills_the_brief_from_the_real_builder():
    from briefer import BriefOptions, build_brief
    from briefer.ingest import load_articles
    from briefer.tui.operations import preview_brief

    articles = load_articles([str(SEED)])
    app = make_app(
        brief=None,
        builder=lambda: build_brief(articles, BriefOptions(now=FIXED_NOW)),
        preview=preview_brief(articles),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        first = screen_text(app)
        assert articles[0].title in first
        assert "building the brief" in first
        await app.workers.wait_for_complete()
        await pilot.pause()
        brief = app.brief
        assert brief is not None and brief.summary
        assert "building the brief" not in screen_text(app)
        assert len(items_in(app, "bottom-line")) == len(brief.summary)
        table = app.query_one("#actor-table", DataTable)
        assert table.row_count == min(len(brief.actors), TOP_ACTORS)  # the most salient first
        assert len(items_in(app, "positions")) == min(len(brief.positions), TOP_POSITIONS)
        await pilot.press("A")  # show all
        assert table.row_count == len(brief.actors)
        assert len(items_in(app, "positions")) == len(brief.positions)
        assert len(items_in(app, "timeline")) == len(brief.timeline)
        await pilot.press("plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.brief.summary) == len(brief.summary) + 1
        assert len(items_in(app, "bottom-line")) == len(brief.summary) + 1


async def test_a_failing_build_shows_the_error_and_the_app_keeps_answering():
    from briefer.ingest import Article
    from briefer.tui.operations import preview_brief

    def broken() -> Brief:
        raise InputError("the model would not load")

    preview = preview_brief([Article("x.txt", "A title", None, None, ("Text.",))])
    app = make_app(brief=None, builder=broken, preview=preview)
    async with app.run_test(size=(80, 24)) as pilot:
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Could not build the brief: the model would not load" in screen_text(app)
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape", "q")
    assert app.return_code == 0


async def test_sections_open_and_close_one_or_all():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        sections = {s.id: s for s in app.query("Section")}
        assert list(sections) == ["bottom-line", "actors", "positions", "background", "timeline", "sources"]
        assert [s.collapsed for s in sections.values()] == [False, True, True, True, True, True]
        await pilot.press("n", "o")  # next section (Actors), open it
        assert not sections["actors"].collapsed
        await pilot.press("o")
        assert sections["actors"].collapsed
        await pilot.press("e")
        assert not any(s.collapsed for s in sections.values())
        for section_id in sections:
            assert app.query_one(f"#{section_id}").query(".items *") or section_id == "actors"
        await pilot.press("c")
        assert all(s.collapsed for s in sections.values())
        await pilot.press("p", "p", "enter")  # from Actors back past the top to Sources; Enter opens it
        assert not sections["sources"].collapsed


async def test_following_an_actor_lists_its_positions_and_mentions():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "o")
        table = app.query_one("#actor-table", DataTable)
        table.focus()
        assert table.get_row_at(0)[0].plain == "harbour authority"  # most mentions first
        await pilot.press("j", "enter")  # j moves in the table as down does: Mara Oyelaran
        await pilot.pause()
        assert table.has_focus
        text = screen_text(app)
        assert "Positions (2)" in text and "Mentions (2)" in text
        assert "We will not sign anything" in text
        detail = app.query_one("#actor-detail")
        detail.query("BriefItem").first().focus()
        await pilot.press("enter")
        assert type(app.screen).__name__ == "SourceScreen"
        assert app.screen.sentence == 1


async def test_a_summary_sentence_opens_the_source_view_highlighted_and_in_view():
    brief = fixed_brief()
    app = make_app(brief)
    async with app.run_test(size=(80, 24)) as pilot:
        items = items_in(app, "bottom-line")
        items[1].focus()  # "A leaflet ... [bold]STRIKE[/bold] ...", sentence 5 of source 1
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SourceScreen"
        assert (screen.source_id, screen.sentence) == (1, 5)
        target = screen.query_one(".target")
        shown = target.content
        start = shown.plain.index("A leaflet")
        assert "[bold]STRIKE[/bold]" in shown.plain
        assert any("reverse" in str(span.style) and span.start == start for span in shown.spans)
        text = screen_text(app)
        assert "read [bold]STRIKE[/bold] in large letters" in text  # scrolled into view, literal
        assert "sentence 6 of 8" in text
        assert "Longer" not in text  # the footer shows the source view's keys, not the brief's
        await pilot.press("escape")
        assert type(app.screen).__name__ == "Screen"


async def settle(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_plus_minus_change_the_length_and_a_cycles_the_algorithm():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        start = len(app.brief.summary)
        await pilot.press("plus", "plus")  # the second counts though the first is not ready
        await settle(app, pilot)
        assert len(app.brief.summary) == len(items_in(app, "bottom-line")) == start + 2
        await pilot.press("minus")
        await settle(app, pilot)
        assert len(app.brief.summary) == len(items_in(app, "bottom-line")) == start + 1
        await pilot.press("a")
        await settle(app, pilot)
        assert app.brief.algorithm == next_algorithm("briefer")
        assert len(app.brief.summary) == start + 1
        assert f"{start + 1} sentences · {next_algorithm('briefer')}" in screen_text(app)


async def test_ten_quick_presses_of_a_are_all_counted():
    expected = "briefer"
    for _ in range(10):
        expected = next_algorithm(expected)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"a" * 10)
        await settle(app, pilot)
        assert app.brief.algorithm == expected


async def test_search_lists_hits_and_opens_the_chosen_sentence():
    app = make_app(fixed_brief())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"anchor")
        await pilot.pause()
        text = screen_text(app)
        assert "2 matches" in text and "at anchor for nine days" in text
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SourceScreen"
        assert (app.screen.source_id, app.screen.sentence) == (2, 1)


async def test_export_asks_for_a_name_and_confirms_before_overwriting(tmp_path):
    target = tmp_path / "out.md"
    app = make_app(export_name=str(target))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Harbour talks resume in Port Alma")
        target.write_text("mine", encoding="utf-8")
        await pilot.press("s", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine"
        await pilot.press("s", "enter", "y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Harbour")


async def test_several_sources_get_a_side_list_that_the_source_view_follows():
    app = make_app(fixed_brief())
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.query_one("#articles")
        assert articles.display and articles.option_count == 2
        articles.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SourceScreen" and screen.source_id == 2
        assert "Three shipping firms said" in screen_text(app)
        screen.query_one("#source-articles").focus()
        await pilot.press("up")
        await pilot.pause()
        assert screen.source_id == 1
        assert "Negotiators for the Port Alma dockworkers" in screen_text(app)


async def test_help_and_quit():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        shown = screen_text(app)
        assert all(what in shown for _, what in help_rows())  # every key fits at 80x24
        await pilot.press("escape", "q")
        await pilot.pause()
    assert not app.is_running


async def test_markup_and_escape_sequences_in_an_article_display_as_harmless_text(tmp_path):
    from briefer import BriefOptions, build_brief

    article = tmp_path / "hostile.txt"
    article.write_text(
        "Markup test [bold]headline[/bold]\n\n"
        "The council wrote [bold]urgent[/bold] and [link=https://evil.example]click[/link] on the notice. "
        "Officials said the \x1b[31mred\x1b[0m text and \x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 "
        "came from a scraper. The meeting ended on Tuesday afternoon in the town hall.\n",
        encoding="utf-8",
    )
    brief = build_brief([str(article)], BriefOptions(sentences=3, now=FIXED_NOW))
    source = brief.sources[0]
    # Also a brief that did not come through ingest: escapes left in, as from hand-written JSON.
    from dataclasses import replace

    raw = replace(brief, sources=(replace(source, title="Raw \x1b[2J title \x1b]0;pwned\x07"),))
    for shown in (brief, raw):
        app = make_app(shown)
        async with app.run_test(size=(120, 40)) as pilot:
            text = screen_text(app)
            assert "[bold]urgent[/bold]" in text
            assert "[link=https://evil.example]click[/link]" in text
            assert "\x1b" not in text and "\x07" not in text
            items_in(app, "bottom-line")[0].focus()
            await pilot.press("enter")
            await pilot.pause()
            source_view = screen_text(app)
            assert "[bold]urgent[/bold]" in source_view and "\x1b" not in source_view
            if shown is raw:
                assert "Raw ␛[2J title ␛]0;pwned␇" in source_view  # shown, not obeyed


def test_tui_command_is_registered_without_importing_textual():
    import subprocess
    import sys

    code = (
        "import sys; from briefer.cli import command_parser, find;"
        "command_parser(find('tui'));"
        "sys.exit(1 if 'textual' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_tui_help_lists_the_shared_source_options(cli):
    status, out, _ = cli("tui", "--help")
    assert status == 0
    assert "--sentences" in out and "--algorithm" in out and "SOURCE" in out


def test_tui_on_an_unreadable_source_fails_before_the_app_starts(cli, tmp_path):
    status, _, err = cli("tui", str(tmp_path / "missing.txt"))
    assert status == 1 and "missing.txt" in err


def test_fixed_brief_is_faithful():
    brief = fixed_brief()
    source = {s.id: s for s in brief.sources}
    for item in (*brief.summary, *brief.background, *brief.timeline):
        assert source[item.source].sentences[item.sentence].text == item.text
    for p in brief.positions:
        assert p.content in source[p.source].sentences[p.sentence].text
    assert isinstance(brief.sources[0], Source) and Path(DATA).is_file()
