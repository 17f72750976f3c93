"""What counts as new in today's brief against yesterday's (briefer.delta), on briefs built by hand."""

from __future__ import annotations

import pytest

from briefer.delta import compare, flag_new, load_previous, seen_in
from briefer.errors import InputError
from briefer.model import Actor, Brief, Position, Source, SummaryItem, TimelineEvent
from briefer.render.json import render, render_line

SOURCE = (Source(1, "A story", "Wire", "2026-01-01", "http://example.org/a"),)


def brief(*, actors=(), positions=(), timeline=(), summary=(), at="2026-01-01T06:00:00+00:00") -> Brief:
    return Brief(
        "A story", SOURCE, summary=tuple(summary), actors=tuple(actors), positions=tuple(positions),
        timeline=tuple(timeline), generated_at=at,
    )  # fmt: skip


UN = Actor("a1", "United Nations", "organization", aliases=("UN",))
GRUNDBERG = Actor("a2", "Hans Grundberg", "person")


def said(actor: Actor, content: str) -> Position:
    return Position(actor.id, actor.name, "said", content, False, 1, 0)


def test_an_actor_is_new_when_none_of_its_names_was_seen():
    yesterday = seen_in([brief(actors=[Actor("x", "UN", "organization")])])
    today = brief(actors=[UN, GRUNDBERG])
    assert compare(today, yesterday).actors == (1,)


def test_a_new_or_changed_position_of_a_known_actor_is_new():
    yesterday = seen_in([brief(actors=[GRUNDBERG], positions=[said(GRUNDBERG, "the truce holds")])])
    today = brief(
        actors=[GRUNDBERG],
        positions=[said(GRUNDBERG, "The truce holds."), said(GRUNDBERG, "the truce is at risk")],
    )
    changes = compare(today, yesterday)
    assert changes.positions == (1,), "the same words (case and punctuation aside) are not new"
    assert changes.actors == ()


def test_events_and_bottom_line_sentences_not_seen_before():
    event = TimelineEvent("2026-01-01", "The truce began.", 1, 0)
    yesterday = seen_in([brief(timeline=[event], summary=[SummaryItem("“The truce began,” he said.", 1, 0)])])
    today = brief(
        timeline=[event, TimelineEvent("2026-01-02", "The truce began.", 1, 1)],
        summary=[SummaryItem('"The truce began," he said.', 1, 0), SummaryItem("Talks resume.", 1, 1)],
    )
    changes = compare(today, yesterday)
    assert changes.timeline == (1,), "the same sentence under another date is a new event"
    assert changes.summary == (1,), "typographic quotes do not make a sentence new"


def test_since_is_the_newest_earlier_brief_and_json_flags_every_item():
    seen = seen_in([brief(at="2026-01-01T06:00:00+00:00"), brief(at="2025-12-31T06:00:00+00:00")])
    today = brief(actors=[UN], summary=[SummaryItem("Talks resume.", 1, 0)])
    changes = compare(today, seen)
    data = flag_new(today.to_dict(), changes)
    assert data["new_since"] == "2026-01-01T06:00:00+00:00"
    assert [a["new"] for a in data["actors"]] == [True]
    assert [s["new"] for s in data["summary"]] == [True]
    assert bool(changes) and not compare(today, seen_in([today]))


def test_a_previous_brief_or_digest_is_read_back_from_json():
    one = brief(actors=[UN])
    assert load_previous(render(one).encode(), "b.json") == [one]
    lines = (render_line(one) + render_line(brief(actors=[GRUNDBERG]))).encode()
    assert [b.actors[0].name for b in load_previous(lines, "d.jsonl")] == ["United Nations", "Hans Grundberg"]


def test_a_file_that_is_no_brief_is_one_clear_error():
    with pytest.raises(InputError, match=r"notes.txt: not a brief saved with --format json"):
        load_previous(b"just some notes", "notes.txt")
