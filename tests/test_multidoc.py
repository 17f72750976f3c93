"""Situation briefs over many articles: the White House clusters in samples/ and a wire story reposted
twice with different aggregator junk around it."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXED_NOW, SAMPLES

from briefer.dates import sort_key
from briefer.model import Brief
from briefer.render.markdown import render as render_markdown

CLUSTERS = [
    "ethiopia_tigray_2021",
    "russia_ukraine_sanctions_2022",
    "sudan_conflict_2023",
    "yemen_truce_2022",
]
VOA = (
    SAMPLES
    / "voa_reposts"
    / ("2016-04-02-obama-hails-summit-accord-but-says-nuclear-terrorism-still-a-risk-voice-of-america.txt")
)


def _brief(*sources: str | Path) -> Brief:
    from briefer import BriefOptions, build_brief

    return build_brief([str(s) for s in sources], BriefOptions(now=FIXED_NOW))


@pytest.fixture(scope="module")
def cluster_briefs() -> dict[str, Brief]:
    return {name: _brief(SAMPLES / name) for name in CLUSTERS}


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _html_repost(story: Path) -> str:
    """The same wire story as another aggregator saves it: page chrome, byline, ads, a credit line."""
    body = story.read_text(encoding="utf-8").split("---", 2)[2].replace("[ad_1]", "")
    return f"""<!DOCTYPE html><html><head><title>Obama hails summit accord | World Wire Digest</title>
<meta property="og:site_name" content="World Wire Digest">
<meta property="article:published_time" content="2016-04-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>Obama hails summit accord</h1><p class="byline">By Wire Staff | April 3, 2016</p>
{body}
<p>Reporting by VOA staff; editing by the World Wire Digest desk.</p></article>
<div class="ad">ADVERTISEMENT</div><aside>Most read: Ten things you missed this week</aside>
<footer>Copyright 2016 World Wire Digest. All rights reserved.</footer></body></html>"""


@pytest.fixture(scope="module")
def reposts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reposts")
    shutil.copy(VOA, folder / "a_whenitson.txt")
    (folder / "b_wirewire.html").write_text(_html_repost(VOA), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def repost_brief(reposts) -> Brief:
    return _brief(reposts)


def test_wire_copy_reposted_twice_is_kept_once_and_cited_to_both(repost_brief):
    assert [s.error for s in repost_brief.sources] == [None, None]
    assert repost_brief.summary
    for item in repost_brief.summary:
        assert {item.source, *(c.source for c in item.also)} == {1, 2}, item.text
    texts = [_norm(i.text) for i in (*repost_brief.summary, *repost_brief.background)]
    assert len(texts) == len(set(texts))


def test_repeated_statements_are_one_position_cited_to_both(repost_brief):
    keys = [(p.actor or p.speaker, _norm(p.content)) for p in repost_brief.positions]
    assert repost_brief.positions
    assert len(keys) == len(set(keys))
    assert all({p.source, *(c.source for c in p.also)} == {1, 2} for p in repost_brief.positions)


def test_marks_name_every_source_in_each_format(repost_brief):
    from briefer.render import render

    assert "[1, 2]" in render(repost_brief, "markdown")
    assert "[1, 2]" in render(repost_brief, "text")
    assert 'href="#source-2">2</a>]' in render(repost_brief, "html")


def test_a_statement_quoted_in_a_fact_sheet_is_merged_with_the_statement():
    """The 2021-09-17 fact sheet opens with the sentence the President's statement has as its tenth."""
    from briefer import nlp
    from briefer.merge import find_duplicates
    from briefer.pipeline import load
    from briefer.segment import parse_articles

    parsed = list(parse_articles(load([str(SAMPLES / "ethiopia_tigray_2021")]).articles, nlp.load()))
    sentences = [((i, s.index), s.text) for i, p in enumerate(parsed, start=1) for s in p.sentences]
    groups = find_duplicates(sentences).groups
    text = dict(sentences)
    merged = [g for g in groups if "press for a negotiated ceasefire" in text[g[0]]]
    assert len(merged) == 1 and {source for source, _ in merged[0]} == {2, 3}


def test_the_merged_brief_shows_that_sentence_once_with_both_sources(cluster_briefs):
    brief = cluster_briefs["ethiopia_tigray_2021"]
    items = [*brief.summary, *brief.background, *brief.timeline]
    hits = [i for i in items if "press for a negotiated ceasefire" in i.text]
    assert len(hits) <= 1
    for item in hits:
        assert {item.source, *(c.source for c in item.also)} == {2, 3}


@pytest.mark.parametrize("name", CLUSTERS)
def test_the_bottom_line_leads_with_the_newest_developments(cluster_briefs, name):
    brief = cluster_briefs[name]
    dates = {s.id: s.published for s in brief.sources}
    newest = max(d for d in dates.values() if d)
    assert dates[brief.summary[0].source] == newest, "the newest article's key sentence comes first"
    order = [dates[i.source] for i in brief.summary]
    assert order == sorted(order, reverse=True)
    assert len({i.source for i in brief.summary}) >= 2


@pytest.mark.parametrize("name", CLUSTERS)
def test_the_brief_says_the_period_it_covers(cluster_briefs, name):
    brief = cluster_briefs[name]
    days = sorted(s.published[:10] for s in brief.sources if s.published)
    assert brief.period == f"{days[0]}/{days[-1]}"
    assert f"{days[0]} to {days[-1]}" in render_markdown(brief).splitlines()[2]


@pytest.mark.parametrize("name", CLUSTERS)
def test_every_item_is_a_sentence_of_each_source_it_cites(cluster_briefs, name):
    brief = cluster_briefs[name]
    for item in (*brief.summary, *brief.background, *brief.timeline):
        assert item.text in brief.source(item.source).sentences[item.sentence].text
        words = set(_norm(item.text).split())
        for place in item.also:
            copy = set(_norm(brief.source(place.source).sentences[place.sentence].text).split())
            assert place.source != item.source and len(words & copy) / len(words | copy) > 0.5
    for position in brief.positions:
        assert position.content.split()[0] in brief.source(position.source).sentences[position.sentence].text


@pytest.mark.parametrize("name", CLUSTERS)
def test_actors_are_merged_across_articles(cluster_briefs, name):
    brief = cluster_briefs[name]
    names = [a.name for a in brief.actors]
    assert len(names) == len(set(names))
    assert any(len(a.sources) >= 3 for a in brief.actors)


@pytest.mark.parametrize("name", CLUSTERS)
def test_each_actors_statements_are_in_date_order(cluster_briefs, name):
    brief = cluster_briefs[name]
    dates = {s.id: s.published for s in brief.sources}
    by_actor: dict[str, list[tuple[str, int, int]]] = {}
    for p in brief.positions:
        by_actor.setdefault(p.actor or p.speaker.lower(), []).append(
            (dates[p.source] or "", p.source, p.sentence)
        )
    for actor, seen in by_actor.items():
        assert seen == sorted(seen), actor
    grouped = [p.actor or p.speaker.lower() for p in brief.positions]
    assert grouped == sorted(grouped, key=grouped.index), "one actor's positions are together"


@pytest.mark.parametrize("name", CLUSTERS)
def test_the_timeline_is_ordered_and_has_no_repeats(cluster_briefs, name):
    events = cluster_briefs[name].timeline
    assert [e.date for e in events] == sorted((e.date for e in events), key=sort_key)
    keys = [(e.date, _norm(e.text)) for e in events]
    assert len(keys) == len(set(keys))


def test_sources_list_every_article_with_outlet_and_date(cluster_briefs):
    brief = cluster_briefs["russia_ukraine_sanctions_2022"]
    assert len(brief.sources) == 5
    assert all(s.outlet and s.published for s in brief.sources)


def test_a_bad_file_in_a_folder_is_reported_and_skipped(cli, tmp_path):
    for path in (SAMPLES / "yemen_truce_2022").iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "2022-05-01_broken.txt").write_bytes(gzip.compress(VOA.read_bytes(), mtime=0))
    (tmp_path / "2022-05-02_empty.txt").write_bytes(b"")
    status, out, err = cli("brief", tmp_path, "--format", "json", "--partial")
    data = json.loads(out)
    assert status == 0
    assert "2022-05-01_broken.txt: not read: looks like a binary file" in err
    errors = {Path(s["location"]).name: s["error"] for s in data["sources"] if s["error"]}
    assert set(errors) == {"2022-05-01_broken.txt", "2022-05-02_empty.txt"}
    assert "binary" in errors["2022-05-01_broken.txt"] and "empty" in errors["2022-05-02_empty.txt"]
    assert len(data["sources"]) == 6 and data["summary"]
    read_ids = {s["id"] for s in data["sources"] if not s["error"]}
    assert {i["source"] for i in data["summary"]} <= read_ids


def test_a_merged_brief_round_trips_through_json(repost_brief):
    data = json.loads(json.dumps(repost_brief.to_dict()))
    assert Brief.from_dict(data) == repost_brief
    assert data["summary"][0]["also"] == [
        {"source": 2, "sentence": data["summary"][0]["also"][0]["sentence"]}
    ]


def test_reading_order_is_by_date_then_as_given_with_undated_last():
    from briefer.merge import reading_order

    assert reading_order(["2022-06-02", None, "2022-04-01", "2022-06-02"]) == [3, 1, 4, 2]


def test_near_copies_are_found_among_thousands_of_sentences():
    """Every sample sentence, plus an edited copy of some of them: each copy is grouped with its
    original (a credit glued on, a word changed) and unrelated sentences stay apart."""
    from briefer.merge import find_duplicates

    originals = []
    for path in sorted(SAMPLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        originals += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 12]
    originals = list(dict.fromkeys(originals))
    assert len(originals) > 300
    copies = []
    for k, sentence in enumerate(originals[::7]):
        words = sentence.split()
        words[len(words) // 2] = "reportedly" if k % 2 else words[len(words) // 2]
        copies.append(" ".join(words) + (" (Reuters)" if k % 2 == 0 else ""))
    sentences = [((1, i), s) for i, s in enumerate(originals)] + [((2, i), s) for i, s in enumerate(copies)]
    duplicates = find_duplicates(sentences)
    for i in range(len(copies)):
        assert duplicates.group((2, i)) is not None
        assert duplicates.group((2, i)) == duplicates.group((1, 7 * i))
    sizes = [len(g) for g in duplicates.groups]
    assert max(sizes) <= 3


# ----------------------------------------------------------- the reader re-composes as the CLI does


def _cli_places(cli, folder: Path, count: int, algorithm: str) -> list[tuple[int, int]]:
    status, out, err = cli("brief", folder, "-n", count, "-a", algorithm, "--format", "json")
    assert status == 0, err
    return [(i["source"], i["sentence"]) for i in json.loads(out)["summary"]]


def _places(brief: Brief) -> list[tuple[int, int]]:
    return [(i.source, i.sentence) for i in brief.summary]


async def test_the_readers_longer_shorter_and_algorithm_keys_give_the_command_lines_bottom_line(cli):
    """Yemen at 4 sentences: the reader once picked (1,0),(1,5),(2,1),(2,5) where the CLI picks these."""
    from briefer.pipeline import BriefOptions, load
    from briefer.tui.command import reader_app
    from briefer.tui.operations import next_algorithm

    folder = SAMPLES / "yemen_truce_2022"
    app = reader_app(load([str(folder)]), BriefOptions(sentences=3, now=FIXED_NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("plus")
        await app.workers.wait_for_complete()
        assert app.brief is not None
        assert len(_places(app.brief)) == 4
        assert _places(app.brief) == _cli_places(cli, folder, 4, "briefer")
        await pilot.press("minus", "a")
        await app.workers.wait_for_complete()
        algorithm = next_algorithm("briefer")
        assert app.brief.algorithm == algorithm
        assert _places(app.brief) == _cli_places(cli, folder, 3, algorithm)


@pytest.mark.parametrize(
    ("name", "lengths", "algorithm"),
    [
        ("yemen_truce_2022", range(1, 7), "briefer"),
        ("sudan_conflict_2023", (2,), "lead"),
        ("ethiopia_tigray_2021", (5,), "lexrank"),
        ("russia_ukraine_sanctions_2022", (3,), "textrank"),
    ],
)
def test_a_recomposed_bottom_line_equals_the_command_lines(cli, name, lengths, algorithm):
    from briefer.pipeline import BriefOptions, load
    from briefer.tui.command import Session

    session = Session(load([str(SAMPLES / name)]), BriefOptions(now=FIXED_NOW))
    brief = session.build()
    for count in lengths:
        recomposed = session.recompose(brief, count, algorithm)
        assert _places(recomposed) == _cli_places(cli, SAMPLES / name, count, algorithm), count
