"""`briefer digest` as a user runs it each morning: feeds in, one cited brief per situation out,
most carried first; a second run that fetches nothing new; what changed since a previous brief;
the digest by email."""

from __future__ import annotations

import json
import re
from email import message_from_string, policy
from types import SimpleNamespace

import pytest
from conftest import FIXED_NOW
from feeds_site import YEMEN, Item, Site, add_item, news_site, page, paragraphs, rss, serve, when
from test_mail_smtp import FROM, certificate, server  # noqa: F401 (the loopback SMTP fixtures)

from briefer.cli import run

TITLES = {
    "ethiopia": "Sanctions over the crisis in Ethiopia",
    "yemen": "Truce in Yemen",
    "sudan": "Fighting in Sudan",
    "peru": "Peru: clashes in the Amazon",
    "russia": "Costs on Russia and Belarus",
}


@pytest.fixture(scope="module")
def morning(tmp_path_factory):
    """Two runs of the same digest over the news site, with the cache of a fresh user."""
    site = Site()
    http = serve(site)
    news_site(site)
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(cache))
        first = run(["digest", site.url("/feeds.opml"), "--since", "24h", "-f", "json"])
        first_log = list(site.log)
        site.log.clear()
        second = run(["digest", site.url("/feeds.opml"), "--since", "24h", "-f", "json"])
    yield SimpleNamespace(site=site, first=first, first_log=first_log, second=second, second_log=site.log)
    http.shutdown()


@pytest.fixture()
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def fresh_site():
    site = Site()
    http = serve(site)
    yield news_site(site)
    http.shutdown()


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def sentence(record: dict, source: int, index: int) -> str:
    return record["sources"][source - 1]["sentences"][index]["text"]


def test_one_brief_per_situation_ranked_by_how_many_sources_carry_it(morning):
    status, out, err = morning.first
    assert status == 0, err
    situations = records(out)
    titles = [[s["title"] for s in r["sources"]] for r in situations]
    assert titles[0] == [TITLES["ethiopia"], "Biden signs order on Ethiopia"], "two articles, one story"
    assert situations[0]["situation"]["carried"] == 3, "one article carried by two feeds counts twice"
    assert sorted(titles[1]) == [TITLES["yemen"], "Yemen: the truce holds"], "a repost joins its story"
    assert sorted(t for ts in titles[2:] for t in ts) == sorted(
        [TITLES["peru"], TITLES["russia"], TITLES["sudan"]]
    )
    assert [r["situation"]["rank"] for r in situations] == [1, 2, 3, 4, 5]
    carried = [r["situation"]["carried"] for r in situations]
    assert carried == sorted(carried, reverse=True)
    assert "Last week's story" not in out, "--since 24h leaves out older entries"


def test_every_line_is_a_sentence_of_the_source_it_cites(morning):
    for record in records(morning.first[1]):
        for item in record["summary"] + record["background"] + record["timeline"]:
            assert item["text"] == sentence(record, item["source"], item["sentence"])
        for position in record["positions"]:
            assert position["content"] in sentence(record, position["source"], position["sentence"]) or (
                position["content"].split()[0] in sentence(record, position["source"], position["sentence"])
            )


def test_a_repost_is_collapsed_and_cited_to_both_outlets(morning):
    yemen = records(morning.first[1])[1]
    assert len(yemen["summary"]) == len({i["text"] for i in yemen["summary"]}), "no sentence twice"
    cited_twice = [i for i in yemen["summary"] if i["also"]]
    assert cited_twice, "the reposted sentences cite both sources"
    for item in cited_twice:
        (other,) = item["also"]
        assert sentence(yemen, other["source"], other["sentence"]) == item["text"]


def test_articles_keep_the_feed_entrys_title_link_and_date(morning):
    by_title = {s["title"]: s for r in records(morning.first[1]) for s in r["sources"]}
    yemen = by_title[TITLES["yemen"]]
    assert yemen["location"] == yemen["url"] == morning.site.url("/r/yemen")
    assert yemen["published"] == when(6).date().isoformat()
    assert yemen["text"] == "\n\n".join(paragraphs(YEMEN)), "the redirect was followed to the page"


def test_a_dead_link_is_briefed_from_the_feeds_text_and_says_so(morning):
    (sudan,) = [r for r in records(morning.first[1]) if r["title"] == TITLES["sudan"]]
    assert sudan["summary"], "a brief from the entry's HTML"
    assert any("page not read (HTTP 404 Not Found); the feed's text is used" in n for n in sudan["notes"])


def test_a_second_run_fetches_nothing_new_and_gives_the_same_digest(morning):
    assert morning.second == morning.first
    paths = sorted(path for path, _ in morning.second_log)
    assert paths == ["/feeds.opml", "/full.rss", "/wire.rss", "/world.atom"], "no article page again"
    pages = [path for path, _ in morning.first_log if path.startswith(("/news/", "/mirror/", "/r/"))]
    assert len(pages) == 7, "six linked pages read once, one of them through a redirect"


def test_markdown_digest_has_an_index_and_each_brief(fresh_site, user_cache):
    status, out, _ = run(["digest", fresh_site.url("/world.atom"), "-o", "digest.md"])
    assert (status, out) == (0, "")
    text = (user_cache / "digest.md").read_text()
    assert text.startswith("# Digest: 3 situations from 4 articles in 1 feed\n")
    index = text.split("\n\n")[2].splitlines()
    assert len(index) == 3 and "Ethiopia (and 1 more) (2 articles)" in index[0]
    assert index[1].endswith("(1 article)") and index[2].endswith("(1 article)")
    assert text.count("### Bottom line") == 3
    assert f"## {index[0].removesuffix(' (2 articles)')}\n\n_2 articles._" in text


def test_html_digest_is_one_page_with_an_index(fresh_site, user_cache):
    status, out, _ = run(["digest", fresh_site.url("/world.atom"), "--format", "html"])
    assert status == 0
    assert out.count("<section id=") == 3 and out.count("<!DOCTYPE html>") == 1
    assert '<a href="#s1">' in out and 'id="s2-source-1"' in out and 'href="#s2-source-1"' in out
    ids = re.findall(r'\bid="([^"]+)"', out)
    assert len(ids) == len(set(ids)), "every anchor is unique in the page"


def test_what_changed_since_the_previous_brief(fresh_site, user_cache):
    feeds = fresh_site.url("/feeds.opml")
    status, _, err = run(["digest", feeds, "--since", "24h", "-f", "json", "-o", "yesterday.json"])
    assert status == 0, err
    before = records((user_cache / "yesterday.json").read_text())
    extended = page(
        "Yemen truce extended", (*paragraphs(YEMEN)[:2], "Houthi leaders said the truce was a trap.")
    )
    item = Item("Yemen truce extended", fresh_site.url("/news/extended"), when(1))
    add_item(fresh_site, "/wire.rss", item, ("text/html", extended))

    status, out, err = run(["digest", feeds, "--since", "24h", "--since", "yesterday.json", "-f", "json"])
    assert status == 0, err
    after = records(out)
    old_texts = {i["text"] for r in before for i in r["summary"]}
    for record in after:
        assert record["new_since"] == FIXED_NOW.isoformat()
        for item in record["summary"]:
            assert item["new"] == (item["text"] not in old_texts)
    positions = {p["content"]: p["new"] for r in after for p in r["positions"]}
    assert positions["the truce was a trap"] is True, "a new position of an actor"
    assert sum(positions.values()) == 1
    unchanged = next(r for r in after if r["title"].startswith(TITLES["ethiopia"]))
    assert not any(i["new"] for s in ("summary", "actors", "positions", "timeline") for i in unchanged[s])

    status, out, _ = run(["digest", feeds, "--since", "24h", "--since", "yesterday.json"])
    assert f"### New since {FIXED_NOW.isoformat()}" in out
    assert "_Nothing new._" in out, "an unchanged story says so"


def test_since_last_compares_with_the_cached_last_run(fresh_site, user_cache):
    feeds = fresh_site.url("/world.atom")
    assert run(["digest", feeds, "-f", "json"])[0] == 0
    status, out, _ = run(["digest", feeds, "--since", "last", "-f", "json"])
    assert status == 0
    assert all(not i["new"] for r in records(out) for i in r["summary"] + r["actors"]), "nothing new"


def test_the_digest_is_mailed_as_one_message(morning, server, certificate, user_cache):  # noqa: F811
    address, received = server
    argv = ["mail", "--digest", morning.site.url("/feeds.opml"), "--since", "24h"]
    argv += ["--to", "me@example.org", "--from", FROM, "--smtp", address, "--cafile", str(certificate[0])]
    status, _, err = run(argv)
    assert status == 0, err
    msg = received.only["message"]
    assert msg["Subject"] == f"Digest: {TITLES['ethiopia']} (and 1 more) (+4 more)"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for title in TITLES.values():
        assert title in text and title in html
    assert text.startswith("Digest: 5 situations from 7 articles in 3 feeds")


def test_a_json_digest_piped_into_mail_is_one_message(morning):
    status, out, err = run(["mail", "-", "--to", "me@example.org"], stdin=morning.first[1].encode())
    assert status == 0, err
    msg = message_from_string(out, policy=policy.default)
    assert msg["Subject"].startswith(f"Digest: {TITLES['ethiopia']}")
    body = msg.get_body(("plain",)).get_content()
    assert body.count("\n1. 2 articles in 3 feed entries\n") == 1 and body.count("-" * 72) == 5


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["--since", "3 fortnights"], 2, "--since '3 fortnights': give a window (24h)"),
        (["--since", "24h", "--since", "2d"], 2, "--since: give one time window"),
        (["--since", "missing.json"], 1, "missing.json: no such file"),
        (["--top", "0"], 2, "--top must be at least 1"),
        (["--since", "99999999999999999999w"], 2, "at most 36500 days"),
    ],
)
def test_bad_options_are_one_line(fresh_site, user_cache, argv, status, message):
    got, out, err = run(["digest", fresh_site.url("/full.rss"), *argv])
    assert (got, out) == (status, "")
    assert err.count("\n") == 1 and message in err


def test_a_page_that_is_no_feed_is_one_line_and_leaves_the_output_file(fresh_site, user_cache):
    (user_cache / "digest.md").write_text("yesterday")
    status, out, err = run(["digest", fresh_site.url("/news/peru"), "-o", "digest.md"])
    assert (status, out) == (1, "")
    assert err == f"briefer: error: {fresh_site.url('/news/peru')}: not an RSS or Atom feed\n"
    assert (user_cache / "digest.md").read_text() == "yesterday"


def test_no_entry_in_the_window_is_one_line(fresh_site, user_cache):
    status, _, err = run(["digest", fresh_site.url("/full.rss"), "--since", "30m"])
    assert status == 1
    assert err == "briefer: error: no entries published in the last 0.5 h in 1 feed\n"


def test_an_empty_feed_is_one_line(fresh_site, user_cache):
    fresh_site.routes["/empty.rss"] = ("application/rss+xml", rss("Quiet Daily", []))
    status, _, err = run(["digest", fresh_site.url("/empty.rss")])
    assert (status, err) == (1, "briefer: error: no entries in 1 feed\n")


def test_terminal_escapes_and_encoded_words_in_a_feed_reach_no_output_raw(fresh_site, user_cache):
    title = "Truce \x1b]0;owned\x07in Yemen =?utf-8?q?=0D=0ABcc:_x@example.net?="
    item = Item(title, fresh_site.url("/news/yemen-truce"), when(1))
    fresh_site.routes["/evil.rss"] = ("application/rss+xml", rss("Evil \x1b[31mWire", [item]))
    for fmt in ("markdown", "json", "html", "text"):
        status, out, err = run(["digest", fresh_site.url("/evil.rss"), "-f", fmt])
        assert status == 0, err
        assert "\x1b" not in out and "\x07" not in out
    status, out, err = run(["mail", "--digest", fresh_site.url("/evil.rss"), "--to", "me@example.org"])
    assert status == 0, err
    msg = message_from_string(out, policy=policy.default)
    assert msg["Bcc"] is None and "\x1b" not in msg["Subject"]


def test_the_next_morning_only_new_articles_and_the_stories_they_join_are_parsed(
    fresh_site, user_cache, monkeypatch
):
    import briefer.segment

    parsed_titles: list[str] = []
    real = briefer.segment.parse_articles

    def counting(articles, model):
        articles = list(articles)
        parsed_titles.extend(a.title for a in articles)
        return real(articles, model)

    monkeypatch.setattr(briefer.segment, "parse_articles", counting)
    feeds = fresh_site.url("/feeds.opml")
    status, before, err = run(["digest", feeds, "--since", "24h", "-f", "json"])
    assert status == 0, err
    assert len(parsed_titles) == 7, "the first morning parses every article once"

    repost = page("Truce holds, says the UN", paragraphs(YEMEN))
    add_item(
        fresh_site,
        "/wire.rss",
        Item("Truce holds, says the UN", fresh_site.url("/news/un"), when(1)),
        ("text/html", repost),
    )
    parsed_titles.clear()
    status, after, err = run(["digest", feeds, "--since", "24h", "-f", "json"])
    assert status == 0, err
    assert sorted(parsed_titles) == ["Truce holds, says the UN", TITLES["yemen"], "Yemen: the truce holds"]

    def briefs(out: str) -> list[dict]:
        return [{k: v for k, v in r.items() if k != "situation"} for r in records(out)]

    unchanged = [b for b in briefs(before) if not b["title"].startswith(TITLES["yemen"])]
    assert len(unchanged) == 4 and all(b in briefs(after) for b in unchanged), "the other briefs are reused"
    (yemen,) = [b for b in briefs(after) if "Truce holds, says the UN" in {s["title"] for s in b["sources"]}]
    assert len(yemen["sources"]) == 3
