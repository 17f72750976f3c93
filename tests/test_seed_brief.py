"""The seed article (a GlobalSecurity.org repost of a Press TV item) gives the brief a reader expects."""

from __future__ import annotations

import json

from conftest import SEED

JUNK = ("UNITED24", "Weapons of Mass Destruction", "Join the GlobalSecurity.org", "5:10PM")


def test_headline_outlet_and_date_are_found(seed_brief):
    source = seed_brief.sources[0]
    assert source.title == "NATO to help Libya security if requested: Deputy chief"
    assert source.outlet == "Iran Press TV"
    assert source.published == "2016-04-16"


def test_no_junk_line_reaches_the_brief(cli):
    for fmt in ("markdown", "text", "json", "html"):
        status, out, _ = cli("brief", SEED, "--format", fmt)
        assert status == 0
        for junk in JUNK:
            assert junk not in out, (fmt, junk)


def test_body_starts_and_ends_with_the_article(seed_brief):
    sentences = seed_brief.sources[0].sentences
    assert sentences[0].text.startswith("The NATO deputy secretary general says")
    assert sentences[-1].text.startswith("Daesh, which is in control")


def test_bottom_line_is_three_to_five_source_sentences_in_order(seed_brief):
    summary = seed_brief.summary
    assert 3 <= len(summary) <= 5
    indexes = [item.sentence for item in summary]
    assert indexes == sorted(indexes)
    texts = [s.text for s in seed_brief.sources[0].sentences]
    assert all(item.text == texts[item.sentence] for item in summary)


def test_aliases_are_merged_into_one_actor(seed_brief):
    by_name = {a.name: a for a in seed_brief.actors}
    vershbow = by_name["Alexander Vershbow"]
    assert "Vershbow" in vershbow.aliases and vershbow.kind == "person"
    eu = next(a for a in seed_brief.actors if "EU" in (a.name, *a.aliases))
    assert "European Union" in (eu.name, *eu.aliases)
    un = next(a for a in seed_brief.actors if "UN" in (a.name, *a.aliases))
    assert "United Nations" in (un.name, *un.aliases)
    for name in ("NATO", "Libya", "Muammar Gaddafi"):
        assert name in by_name
    assert not any(a.name == "Vershbow" for a in seed_brief.actors)


def test_vershbow_and_the_eu_official_positions(seed_brief):
    contents = [p.content for p in seed_brief.positions]
    assert any("we stand ready to assist the government" in c for c in contents)
    assert any("delicate balance" in c for c in contents)


def test_json_is_the_brief_contract(cli):
    status, out, _ = cli("brief", SEED, "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert set(data) >= {"sources", "summary", "actors", "positions", "background", "timeline"}
    for item in data["summary"] + data["positions"] + data["background"] + data["timeline"]:
        assert item["source"] == 1 and isinstance(item["sentence"], int)
    source = data["sources"][0]
    assert {"id", "title", "outlet", "published", "location", "sentences"} <= set(source)
