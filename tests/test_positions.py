"""Positions: who said what, resolved to actors, on the seed and on short real-style passages."""

from __future__ import annotations

import pytest
from conftest import FIXED_NOW, SHARED

from briefer import BriefOptions, build_brief
from briefer.ingest import Article


def _brief(*paragraphs: str):
    return build_brief([Article("test.txt", "Test", None, None, paragraphs)], BriefOptions(now=FIXED_NOW))


def _said(brief, words: str):
    found = [p for p in brief.positions if words in p.content]
    assert len(found) == 1, (words, [(p.speaker, p.content) for p in brief.positions])
    return found[0]


def test_vershbow_speaks_through_his_title_his_name_and_a_pronoun(seed_brief):
    reported = _said(seed_brief, "the military alliance is ready to help")
    assert reported.speaker == "The NATO deputy secretary general" and not reported.direct
    assert reported.actor == "alexander-vershbow" and reported.sentence == 0
    quoted = _said(seed_brief, "we stand ready to assist the government")
    assert (quoted.speaker, quoted.verb, quoted.direct) == ("Alexander Vershbow", "said", True)
    told = _said(seed_brief, "Two years ago we were very close")
    assert (told.speaker, told.verb, told.actor) == ("Vershbow", "told", "alexander-vershbow")
    added = _said(seed_brief, "we stand ready to help them out")
    assert (added.speaker, added.verb, added.actor) == ("he", "added", "alexander-vershbow")


def test_the_eu_officials_quote_goes_on_and_stays_anonymous(seed_brief):
    official = _said(seed_brief, "It is a delicate balance")
    assert "We need to prepare to help Libya, but we cannot jump the gun." in official.content
    assert official.speaker == "one senior EU official involved in the plans"
    assert official.anonymous and official.actor == "european-union"


def test_diplomats_are_anonymous_without_an_affiliation(seed_brief):
    diplomats = _said(seed_brief, "there had yet to be a detailed discussion")
    assert diplomats.speaker == "Diplomats" and diplomats.anonymous and diplomats.actor is None


def test_every_position_is_a_span_of_its_source(seed_brief):
    text = seed_brief.sources[0].text
    assert seed_brief.positions
    for position in seed_brief.positions:
        assert position.content in text and position.speaker in text


def test_reported_speech_forms():
    brief = _brief(
        "Foreign Minister Sergei Lavrov warned that Moscow would respond to any new sanctions.",
        "The ceasefire is holding in most areas, according to the United Nations.",
        "The army will withdraw from the city by Friday, a military spokesman told reporters.",
    )
    lavrov = _said(brief, "Moscow would respond to any new sanctions")
    assert (lavrov.verb, lavrov.actor) == ("warned", "sergei-lavrov")
    un = _said(brief, "The ceasefire is holding in most areas")
    assert (un.verb, un.speaker, un.actor) == ("according to", "the United Nations", "united-nations")
    army = _said(brief, "The army will withdraw from the city by Friday")
    assert army.speaker == "a military spokesman" and army.anonymous


def test_a_quote_that_runs_into_the_next_paragraph_keeps_its_speaker():
    brief = _brief(
        '"We will not accept a deal that leaves our people without water," said Minister Amina Yusuf. '
        '"The talks must go on.',
        '"We are ready to meet them in Geneva next week."',
    )
    first = _said(brief, "We will not accept a deal")
    assert "The talks must go on." in first.content
    assert first.actor == "amina-yusuf" and first.direct
    geneva = _said(brief, "ready to meet them in Geneva")
    assert geneva.actor == "amina-yusuf" and geneva.sentence > first.sentence


def test_a_role_phrase_and_a_pronoun_resolve_to_the_named_person():
    brief = _brief(
        "The UN envoy for Yemen says the truce has largely held.",
        '"This is a moment of hope," Hans Grundberg said on Sunday.',
        '"But the truce is fragile," he added.',
    )
    envoy = _said(brief, "the truce has largely held")
    assert envoy.actor == "hans-grundberg"
    assert _said(brief, "But the truce is fragile").actor == "hans-grundberg"
    grundberg = next(a for a in brief.actors if a.id == "hans-grundberg")
    assert grundberg.role == "UN envoy for Yemen"


def test_polnear_evaluation_runs_on_a_few_articles():
    folder = SHARED / "eval"
    if not (folder / "polnear-dev.jsonl").exists():
        pytest.skip("no ../shared/eval")
    from briefer.evaluation.positions import run, token_f1

    assert token_f1('"It is a delicate balance,"', "it is a delicate balance") == 1.0
    rows = run(folder, 2)
    assert [r.system for r in rows] == ["speech verb + subject", "briefer"]
    plain, ours = (r.metrics for r in rows)
    for m in (plain, ours):
        assert m["F1"] == pytest.approx(2 * m["P"] * m["R"] / (m["P"] + m["R"]))
    assert ours["F1"] > plain["F1"] and ours["speaker"] >= plain["speaker"], "briefer beats verb + subject"


def test_a_belief_reported_inside_someones_words_is_not_listed_twice():
    brief = _brief("Senator Jane Doe said she did not believe the sanctions would change Moscow's course.")
    assert [(p.speaker, p.verb) for p in brief.positions] == [("Senator Jane Doe", "said")]
    assert brief.positions[0].content.startswith("she did not believe the sanctions")
