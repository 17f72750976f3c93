"""What the analysis promises a reader, through the real command line and its JSON.

- "last December" in an article of December 2016 is December 2015 (the latest December strictly
  before the article's month), and "last June" in it is June 2016.
- An acronym joins the written name it abbreviates ("SLM" is the Sudan Liberation Movement), also
  for a body no list knows ("NFA", the Northern Farmers Alliance), and not one it does not spell.
"""

from __future__ import annotations

import json

import pytest


def _brief(cli, tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    status, out, err = cli("brief", path, "--format", "json")
    assert status == 0, err
    return json.loads(out)


DECEMBER = """---
title: Talks resume in Geneva
date: 2016-12-15
---
Negotiators returned to Geneva to restart talks on the truce, officials said.

The truce first collapsed last December, when both sides accused each other of shelling the port.

A second ceasefire was agreed last June, but it held for only nine days.

Officials said the new round would run for two weeks.
"""


@pytest.mark.parametrize(
    ("expression", "date"),
    [("last December", "2015-12"), ("last June", "2016-06")],
)
def test_last_month_is_the_latest_such_month_strictly_before_the_article(cli, tmp_path, expression, date):
    brief = _brief(cli, tmp_path, "talks.md", DECEMBER)
    assert brief["sources"][0]["published"] == "2016-12-15"
    dated = {event["expression"]: event["date"] for event in brief["timeline"]}
    assert dated[expression] == date


SUDAN = """Rebels clash with army in Darfur

The Sudan Liberation Movement said on Monday that its fighters had repelled an army attack near El Fasher.

A spokesman for the SLM said the group would not withdraw from the town.

The SLM has fought the government in Khartoum since 2003, and the army denied the claim.
"""

FARMERS = """Farmers block roads in protest over water prices

The Northern Farmers Alliance said on Monday that its members would block the main roads into the capital.

A spokesman for the NFA said the protest would go on until the ministry cut prices.

The NFA has organised three such protests this year, and the ministry declined to comment.

The NBA, which holds its draft in the capital next week, said it was watching the protests.
"""


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [(SUDAN, "Sudan Liberation Movement", "SLM"), (FARMERS, "Northern Farmers Alliance", "NFA")],
)
def test_an_acronym_joins_the_name_it_abbreviates(cli, tmp_path, text, name, acronym):
    brief = _brief(cli, tmp_path, "story.txt", text)
    holding = [a for a in brief["actors"] if acronym in (a["name"], *a["aliases"])]
    assert [a["name"] for a in holding] == [name]
    assert holding[0]["mentions"] >= 3, "the acronym's mentions count for the actor"


def test_an_acronym_does_not_join_a_name_it_does_not_spell(cli, tmp_path):
    brief = _brief(cli, tmp_path, "story.txt", FARMERS)
    farmers = next(a for a in brief["actors"] if a["name"] == "Northern Farmers Alliance")
    assert "NBA" not in farmers["aliases"]


WEEKENDS = """---
title: Fighting around the town
date: {date}
---
Rebels attacked the town at the weekend, officials said.

The two sides will meet at the weekend to discuss a truce, the envoy said.

A convoy reached the town last weekend, aid workers said.

Talks are planned for next weekend in the capital, the envoy said.
"""


@pytest.mark.parametrize(
    ("published", "dates"),
    [
        # a Wednesday: the weekend before (past), or after (future)
        (
            "2016-12-14",
            {
                "Rebels attacked": "2016-W49-WE",
                "The two": "2016-W50-WE",
                "A convoy": "2016-W49-WE",
                "Talks are": "2016-W50-WE",
            },
        ),
        # a Saturday and a Sunday: "the weekend" is this one, "last" the one before, "next" the one after
        (
            "2016-12-17",
            {
                "Rebels attacked": "2016-W50-WE",
                "The two": "2016-W50-WE",
                "A convoy": "2016-W49-WE",
                "Talks are": "2016-W51-WE",
            },
        ),
        (
            "2016-12-18",
            {
                "Rebels attacked": "2016-W50-WE",
                "The two": "2016-W50-WE",
                "A convoy": "2016-W49-WE",
                "Talks are": "2016-W51-WE",
            },
        ),
    ],
)
def test_the_weekend_is_the_one_the_article_means(cli, tmp_path, published, dates):
    brief = _brief(cli, tmp_path, "town.md", WEEKENDS.format(date=published))
    found = {" ".join(e["text"].split()[:2]): e["date"] for e in brief["timeline"]}
    assert found == dates
