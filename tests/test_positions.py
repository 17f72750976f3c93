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
    dev = [r for r in rows if r.task == "positions (PolNeAR dev)"]
    assert [r.system for r in dev] == ["speech verb + subject", "briefer"]
    assert len(rows) == 2, "a limited run reports dev only"
    plain, ours = (r.metrics for r in dev)
    for m in (plain, ours):
        assert m["F1"] == pytest.approx(2 * m["P"] * m["R"] / (m["P"] + m["R"]))
    assert ours["F1"] > plain["F1"] and ours["speaker"] >= plain["speaker"], "briefer beats verb + subject"


def test_a_belief_reported_inside_someones_words_is_not_listed_twice():
    brief = _brief("Senator Jane Doe said she did not believe the sanctions would change Moscow's course.")
    assert [(p.speaker, p.verb) for p in brief.positions] == [("Senator Jane Doe", "said")]
    assert brief.positions[0].content.startswith("she did not believe the sanctions")


# --- Who spoke: the head of the source phrase decides (issue 13, class 1) ---------------------


def test_a_name_inside_the_source_phrase_is_not_the_speaker():
    brief = _brief(
        "The government, whose forces are backed by Russian air power, said it would attend the talks.",
        "A doctor at a hospital in Falluja said medicine was running low.",
        "The U.S.-backed Kurdish militia said it had taken the dam.",
    )
    government = _said(brief, "it would attend the talks")
    assert government.speaker.startswith("The government") and government.actor is None
    doctor = _said(brief, "medicine was running low")
    assert doctor.anonymous and doctor.actor is None
    assert _said(brief, "it had taken the dam").actor is None


def test_an_unnamed_speaker_stays_as_written_with_its_affiliation():
    brief = _brief(
        "Turkey's U.N. ambassador said the ceasefire had been broken.",
        "A spokesman for the European Union in Brussels said the bloc was reviewing the request.",
    )
    ambassador = _said(brief, "the ceasefire had been broken")
    assert ambassador.speaker == "Turkey's U.N. ambassador"
    assert ambassador.anonymous and ambassador.actor == "turkey"
    assert _said(brief, "the bloc was reviewing").actor == "european-union"


def test_a_description_the_article_ties_to_a_person_resolves_to_him():
    brief = _brief(
        "U.S. Secretary of State John Kerry arrived in Munich on Friday.",
        "The top U.S. diplomat said the talks would resume next week.",
    )
    assert _said(brief, "the talks would resume").actor == "john-kerry"


def test_a_pronoun_is_the_person_named_last_not_the_last_speaker():
    brief = _brief(
        "Merkel said all EU states should protect the bloc's external borders.",
        "AfD leader Frauke Petry told the newspaper that Germany needed fewer migrants.",
        "But she also said border guards should stop migrants who try to enter illegally.",
        'A doctor at the hospital said supplies were running low. "We have nothing left," she said.',
    )
    assert _said(brief, "border guards should").actor == "frauke-petry"
    nurse = _said(brief, "We have nothing left")
    assert nurse.actor is None and nurse.anonymous


# --- Only speech, belief and stance (class 2) ---------------------------------------------------


def test_actions_plans_and_displays_are_not_positions():
    brief = _brief(
        "Thousands of protesters marched on Saturday, supporting the government's plan to hold elections.",
        "The polls show the president losing support among young voters.",
        "The army is planning to withdraw from the city within a month.",
    )
    assert brief.positions == ()


def test_asked_is_the_question_not_the_answer():
    brief = _brief("Asked about the talks in Geneva, Lavrov said they would resume within days.")
    assert [(p.speaker, p.verb) for p in brief.positions] == [("Lavrov", "said")]


def test_a_dateline_is_never_a_speaker():
    brief = _brief(
        "MUNICH – Foreign ministers said on Friday that a cessation of hostilities would begin within a week.",
        "JERUSALEM Israel's Minister of Internal Security on Saturday said Facebook was sabotaging police work.",
    )
    ministers = _said(brief, "a cessation of hostilities")
    assert ministers.speaker == "Foreign ministers"
    minister = _said(brief, "Facebook was sabotaging police work")
    assert minister.speaker == "Israel's Minister of Internal Security" and minister.actor == "israel"


def test_quoted_as_saying_gives_the_words_to_the_one_quoted():
    brief = _brief(
        "The RIA news agency quoted Foreign Minister Sergei Lavrov as saying the talks would resume on Feb. 25.",
        "Putin was quoted as saying that Russia would respond to any attack.",
    )
    lavrov = _said(brief, "the talks would resume")
    assert lavrov.speaker == "Foreign Minister Sergei Lavrov" and lavrov.actor == "sergei-lavrov"
    assert _said(brief, "Russia would respond").actor == "putin"


# --- Whole content (class 3) --------------------------------------------------------------------


def test_a_condition_stays_with_the_claim():
    brief = _brief("Lavrov said Russia would join the ceasefire, but only if the talks resume in Geneva.")
    said = _said(brief, "Russia would join the ceasefire")
    assert said.content.endswith("but only if the talks resume in Geneva")


def test_content_never_ends_inside_a_hyphenated_word():
    brief = _brief('De Mistura said Russia and the United States would co-chair a "task force" on aid.')
    said = _said(brief, "Russia and the United States would")
    assert "co-chair" in said.content and not said.content.endswith(("co", "co-"))


# --- Signed statements (class 5) ----------------------------------------------------------------


def test_i_and_we_in_a_signed_statement_are_its_author():
    article = Article(
        "statement.txt",
        "Statement by President Joe Biden on the Situation in Sudan",
        None,
        None,
        (
            "I am proud of the extraordinary commitment of our Embassy staff.",
            "We believe that the belligerent parties must implement an immediate ceasefire.",
            "I have said that this tragic violence must stop.",
        ),
    )
    brief = build_brief([article], BriefOptions(now=FIXED_NOW))
    biden = next(a for a in brief.actors if a.name == "Joe Biden")
    assert biden.kind == "person" and biden.role == "President"
    assert _said(brief, "the belligerent parties must implement").actor == biden.id
    assert _said(brief, "this tragic violence must stop").actor == biden.id


# --- Same answer alone or in a folder (class 6) -------------------------------------------------

_FOLDER = (
    "2016-07-16-turkish-coup-bid-crumbles-as-crowds-answer-call-to-streets-erdogan-returns.md",
    "2016-02-02-iraqis-running-out-of-food-and-medicine-in-besieged-falluja.md",
    "2016-07-13-china-vows-to-protect-south-china-sea-sovereignty-after-ruling-reuters.md",
)


def test_each_article_gives_the_same_positions_alone_and_in_a_folder():
    folder = SHARED / "samples" / "posts-dev"
    paths = [folder / name for name in _FOLDER]
    if not all(p.exists() for p in paths):
        pytest.skip("no ../shared/samples/posts-dev")
    from briefer.ingest import load_articles

    articles = load_articles([str(p) for p in paths])
    together = build_brief(articles, BriefOptions(now=FIXED_NOW))
    for source, article in enumerate(articles, start=1):
        alone = build_brief([article], BriefOptions(now=FIXED_NOW))
        assert _said_by(alone, 1) == _said_by(together, source), article.location


def _said_by(brief, source: int) -> list[tuple[str, str, str, bool, frozenset[str]]]:
    names = {a.id: frozenset({a.name, *a.aliases}) for a in brief.actors}
    found = [p for p in brief.positions if p.source == source or any(c.source == source for c in p.also)]
    return sorted(
        (p.speaker, p.verb, p.content, p.anonymous, _core(names.get(p.actor or "", frozenset())))
        for p in found
    )


def _core(names: frozenset[str]) -> frozenset[str]:
    """The shortest name of an actor: a folder may add long forms, never change who it is."""
    return frozenset(sorted(names, key=len)[:1])


def test_finding_a_person_is_an_act_but_finding_that_is_a_finding():
    brief = _brief(
        "Austin firefighters responded to a hazardous materials call from an apartment at the complex "
        "and found a man believed to be in his 20s dead at the scene, said Austin Fire Department "
        "Lieutenant Kevin Haas. Investigators found that the pipeline had been cut by hand."
    )
    assert not [p for p in brief.positions if p.verb == "found" and "dead at the scene" in p.content]
    assert _said(brief, "the pipeline had been cut").verb == "found"
