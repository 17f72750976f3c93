"""Snapshots of the reader at 80x24 first (then 120x40), from a small fixed brief.

The brief is tests/data/tui_brief.json, not the live pipeline, so the pictures change only when the
interface does. Review a changed snapshot in the report before `--snapshot-update`.
"""

from __future__ import annotations

from tui_briefs import fixed_brief, single_source_brief

from briefer.model import Brief


def app_for(brief: Brief):
    from briefer.tui.app import BriefApp

    return BriefApp(brief)


def test_main_screen_80x24(snap_compare):
    assert snap_compare(app_for(single_source_brief()), terminal_size=(80, 24))


def test_every_section_open_with_side_list_120x40(snap_compare):
    assert snap_compare(app_for(fixed_brief()), press=["e"], terminal_size=(120, 40))


def test_actor_chosen_120x40(snap_compare):
    async def choose_actor(pilot):
        await pilot.press("n", "o")
        pilot.app.query_one("#actor-table").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app_for(single_source_brief()), run_before=choose_actor, terminal_size=(120, 40))


def test_source_view_at_a_summary_sentence_80x24(snap_compare):
    async def open_second_summary_sentence(pilot):
        await pilot.press("down", "down", "enter")
        await pilot.pause()

    assert snap_compare(
        app_for(single_source_brief()), run_before=open_second_summary_sentence, terminal_size=(80, 24)
    )


def test_light_theme_120x40(snap_compare):
    assert snap_compare(app_for(fixed_brief()), press=["t", "n", "o"], terminal_size=(120, 40))


def test_help_fits_80x24(snap_compare):
    assert snap_compare(app_for(single_source_brief()), press=["question_mark"], terminal_size=(80, 24))


def test_actor_table_and_positions_of_two_articles_80x24(snap_compare):
    """At 80 columns the article list waits for `l`; the actor table's columns fit."""
    assert snap_compare(app_for(fixed_brief()), press=["n", "o", "n", "o", "n", "p"], terminal_size=(80, 24))


def test_article_list_on_l_80x24(snap_compare):
    assert snap_compare(app_for(fixed_brief()), press=["l"], terminal_size=(80, 24))
