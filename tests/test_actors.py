"""Actors: one entry per real actor, with its aliases, kind and role, on the seed and short passages."""

from __future__ import annotations

import json

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
    dev = [r for r in rows if r.task == "actors (CoNLL-2003 dev)"]
    assert [r.system for r in dev] == ["spaCy NER (raw)", "briefer"]
    assert len(rows) == 2, "a limited run reports dev only"
    raw, ours = (r.metrics for r in dev)
    for m in (raw, ours):
        assert m["F1"] == pytest.approx(2 * m["P"] * m["R"] / (m["P"] + m["R"]))
    assert ours["P"] > raw["P"] and ours["F1"] > raw["F1"], "briefer's actors beat raw NER, precision first"


# --- One actor per real actor (issue 13, class 4) -----------------------------------------------


def test_name_forms_of_one_actor_merge():
    brief = _brief(
        "Syrian President Bashar al-Assad met U.N. envoy Staffan de Mistura in Damascus.",
        "Assad said the talks could resume. De Mistura said he was hopeful.",
        "Russian Foreign Minister Sergei Lavrov said Moscow backed the plan. Sergey Lavrov spoke later.",
        "Fighting raged near Aleppo, the Syrian Observatory for Human Rights said. The Observatory said 20 died.",
        "Nusra Front fighters attacked the town. Nusra said it would fight on.",
        "The North fired a rocket on Sunday, North Korea said.",
    )
    assert _actor(brief, "Assad") is _actor(brief, "Bashar al-Assad")
    assert _actor(brief, "De Mistura").name == "Staffan de Mistura"
    assert _actor(brief, "De Mistura").kind == "person"
    assert _actor(brief, "Sergey Lavrov") is _actor(brief, "Sergei Lavrov")
    assert _actor(brief, "Observatory").name == "Syrian Observatory for Human Rights"
    assert _actor(brief, "Observatory").kind == "organization"
    assert _actor(brief, "Nusra").name == "Nusra Front"
    assert _actor(brief, "North").name == "North Korea"


def test_a_short_form_of_two_organisations_stays_apart():
    brief = _brief(
        "The Human Rights Council and the Security Council met in Geneva.",
        "The Council said it would vote on Monday.",
    )
    council = [a for a in brief.actors if "Council" in (a.name, *a.aliases)]
    assert len(council) <= 1 and all(a.name == "Council" for a in council)


def test_no_invented_actors_from_titles_datelines_credits_and_times():
    brief = _brief(
        "BEIRUT Fighting raged on Sunday near Aleppo as U.S. Secretary of State John Kerry flew to Munich.",
        "The U.N.-set deadline of 1400 GMT passed without a deal.",
        "Additional reporting by Tom Perry and Suleiman al-Khalidi; Editing by Peter Graff",
    )
    names = {n for a in brief.actors for n in (a.name, *a.aliases)}
    assert not {"State", "Fighting", "BEIRUT Fighting", "GMT", "U.N.-set", "Tom Perry", "Peter Graff"} & names
    assert _actor(brief, "John Kerry").role == "U.S. Secretary of State"


def test_kinds_follow_the_name_not_the_model():
    brief = _brief(
        "The Washington Post reported that the talks had stalled.",
        "Lawmakers Mitch McConnell (R-Ky.) and Harry Reid (D-Nev.) disagreed.",
        "Seoul said it would respond, and officials in Seoul met on Friday.",
    )
    assert _actor(brief, "Washington Post").kind == "organization"
    names = {n for a in brief.actors for n in (a.name, *a.aliases)}
    assert not {"Ky", "Nev"} & names
    assert _actor(brief, "South Korea").kind == "country"
    assert _actor(brief, "Seoul").kind == "place"


# --- Cost: grouping is near-linear (class 7) ----------------------------------------------------


def test_grouping_compares_each_name_with_few_groups():
    from collections import Counter

    from briefer.actors.grouping import group
    from briefer.actors.mentions import Mention

    first = ["Ahmed", "Maria", "John", "Li", "Olga", "Pierre", "Fatima", "Kenji", "Ana", "Omar"]
    last = [f"Surname{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{i}" for i in range(400)]
    mentions = [Mention(f"{first[i % 10]} {last[i]}", "person", 1 + i // 40, i % 40) for i in range(400)] + [
        Mention(last[i], "person", 1 + i // 40, i % 40 + 1) for i in range(400)
    ]
    stats: Counter[str] = Counter()
    groups = group(mentions, stats)
    assert len(groups) == 400
    assert all(len(members) == 2 for members in groups.values())
    all_pairs = 800 * 400 // 2
    assert stats["comparisons"] < 5 * len(mentions) < all_pairs // 20


def test_web_platforms_are_organisations_not_people(cli, tmp_path):
    """spaCy's small model takes "Twitter" for a person; a platform named in a story is a company."""
    story = tmp_path / "outage.txt"
    story.write_text(
        "Social media users flooded TD Ameritrade's Twitter feeds with irate messages on Friday, "
        "as customers struggled to access their accounts. On Twitter, TD Ameritrade employees "
        "tried to reassure customers.",
        encoding="utf-8",
    )
    status, out, _ = cli("brief", story, "--format", "json")
    kinds = {a["name"]: a["kind"] for a in json.loads(out)["actors"]}
    assert status == 0 and kinds.get("Twitter") == "organization"
