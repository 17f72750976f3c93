"""A situation's actors and positions ranked by salience: the JSON keeps all with a rank, the
reading formats show the top ones (every one with --all), and an actor's repeated statement is
shown once, cited to each place."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

from briefer.model import Position
from briefer.salience import TOP_ACTORS, TOP_POSITIONS, group_repeats

FOLDER = SAMPLES / "russia_ukraine_sanctions_2022"


@pytest.fixture(scope="module")
def cluster_json(cli_module):
    status, out, err = cli_module("brief", FOLDER, "--format", "json")
    assert status == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def cli_module():
    from briefer.cli import run

    return lambda *argv: run([str(a) for a in argv])


def test_json_keeps_every_actor_and_position_with_its_rank(cluster_json):
    actors, positions = cluster_json["actors"], cluster_json["positions"]
    assert len(actors) > TOP_ACTORS and len(positions) > TOP_POSITIONS
    assert [a["rank"] for a in actors] == list(range(1, len(actors) + 1))
    assert [p["rank"] for p in positions] == list(range(1, len(positions) + 1))
    top = actors[0]
    assert len(top["sources"]) == max(len(a["sources"]) for a in actors), "named by the most sources"


def test_positions_follow_their_actors_salience(cluster_json):
    rank = {a["id"]: a["rank"] for a in cluster_json["actors"]}
    order = [rank[p["actor"]] for p in cluster_json["positions"] if p["actor"] in rank]
    assert order == sorted(order)


def test_reading_formats_show_the_top_ones_and_all_shows_every_one(cli_module, cluster_json):
    status, short, _ = cli_module("brief", FOLDER, "--format", "text")
    status_all, full, _ = cli_module("brief", FOLDER, "--format", "text", "--all")
    assert status == status_all == 0
    last = cluster_json["actors"][-1]["name"]
    assert last in full and "--all shows every one" in short
    assert len(full) > len(short)


def test_an_actors_repeated_statement_is_shown_once_with_both_places():
    said = "the sanctions will impose severe costs on the Russian economy"
    first = Position("biden", "Biden", "said", said, False, 1, 4)
    again = Position("biden", "Biden", "said", said + " and its banks", False, 3, 7)
    other = Position("putin", "Putin", "said", said, False, 2, 1)
    kept = group_repeats([first, again, other])
    assert [(p.actor, p.source) for p in kept] == [("biden", 1), ("putin", 2)]
    assert [(c.source, c.sentence) for c in kept[0].also] == [(3, 7)]
