"""Actors: one entry per real actor, with its aliases, kind and role, on the seed and short passages."""

from __future__ import annotations

import pytest
from conftest import FIXED_NOW, SHARED

from briefer import BriefOptions, build_brief
from briefer.ingest import Article


def _brief(*paragraphs: str):
    return build_brief([Article("test.txt", "Test", None, None, paragraphs)], BriefOptions(now=FIXED_NOW))


def _actor(brief, name):
    found = [a for a in brief.actors if name == a.name or name in a.aliases]
    assert len(found) == 1, (name, [(a.name, a.aliases) for a in brief.actors])
    return found[0]


def test_seed_lists_each_real_actor_once(seed_brief):
    vershbow = _actor(seed_brief, "Vershbow")
    assert vershbow.name == "Alexander Vershbow" and vershbow.kind == "person"
    assert vershbow.role == "NATO deputy secretary general"
    assert _actor(seed_brief, "EU") is _actor(seed_brief, "European Union")
    assert _actor(seed_brief, "UN").name == "United Nations"
    libya = _actor(seed_brief, "Libya")
    assert libya.kind == "country" and "Libyan" in libya.aliases
    assert _actor(seed_brief, "Daesh").kind == "group"
    assert "dictator" in (_actor(seed_brief, "Muammar Gaddafi").role or "")
    for country in ("Iraq", "Syria"):
        assert _actor(seed_brief, country).kind == "country"
    names = {n for a in seed_brief.actors for n in (a.name, *a.aliases)}
    assert not {"Iran Press TV", "GlobalSecurity.org", "Saturday", "Monday"} & names


def test_a_title_before_a_name_is_the_role():
    brief = _brief("Ethiopian Prime Minister Abiy Ahmed said on Monday that the talks would go on.")
    abiy = _actor(brief, "Abiy Ahmed")
    assert abiy.kind == "person" and abiy.role == "Ethiopian Prime Minister"


def test_acronyms_and_country_forms_merge():
    brief = _brief(
        "The United States and the European Union imposed sanctions on Russia.",
        "U.S. officials said the EU would follow. American diplomats were cautious.",
        "The Russian government rejected the move.",
    )
    us = _actor(brief, "United States")
    assert us.kind == "country" and {"U.S.", "American"} <= set(us.aliases)
    assert "Russian" in _actor(brief, "Russia").aliases
    assert _actor(brief, "EU").name == "European Union"


def test_armed_groups_are_groups_under_one_name():
    brief = _brief(
        "Fighters of the Islamic State, also known as ISIS, attacked the town.",
        "The Houthis fired missiles while al-Shabaab and Boko Haram staged raids.",
    )
    assert _actor(brief, "ISIS") is _actor(brief, "Islamic State")
    for name in ("Islamic State", "Houthis", "al-Shabaab", "Boko Haram"):
        assert _actor(brief, name).kind == "group"


def test_dates_and_numbers_are_not_actors():
    brief = _brief("On Friday, 12 March 2021, 300 people marched in Khartoum, Sudan.")
    names = {n for a in brief.actors for n in (a.name, *a.aliases)}
    assert "Sudan" in names
    assert not any(ch.isdigit() for n in names for ch in n)
    assert not {"Friday", "March"} & names


def test_places_are_kept_as_places_after_the_actors(seed_brief):
    tripoli = _actor(seed_brief, "Tripoli")
    assert tripoli.kind == "place"
    kinds = [a.kind for a in seed_brief.actors]
    assert kinds.index("place") > max(i for i, k in enumerate(kinds) if k != "place")


def test_conll_evaluation_runs_on_a_few_documents():
    folder = SHARED / "eval"
    if not (folder / "conll2003-dev.jsonl").exists():
        pytest.skip("no ../shared/eval")
    from briefer.evaluation.actors import run

    rows = run(folder, 3)
    assert [r.system for r in rows] == ["spaCy NER (raw)", "briefer"]
    raw, ours = (r.metrics for r in rows)
    for m in (raw, ours):
        assert m["F1"] == pytest.approx(2 * m["P"] * m["R"] / (m["P"] + m["R"]))
    assert ours["P"] > raw["P"] and ours["F1"] > raw["F1"], "briefer's actors beat raw NER, precision first"
