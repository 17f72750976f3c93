"""Reading feeds as a user's feed list gives them: RSS, Atom and OPML over loopback HTTP, pages
fetched once, dead links and link-less entries read from the feed's own text."""

from __future__ import annotations

import pytest
from conftest import FIXED_NOW
from feeds_site import RUSSIA, SUDAN, YEMEN, Item, Site, add_item, news_site, page, paragraphs, serve, when

from briefer.errors import InputError
from briefer.feeds import Cache, read_feeds


@pytest.fixture()
def site():
    site = Site()
    server = serve(site)
    yield news_site(site)
    server.shutdown()


@pytest.fixture()
def cache(tmp_path):
    return Cache(tmp_path / "cache")


def by_title(fetched):
    return {a.article.title: a for a in fetched.articles}


def test_an_opml_list_gives_every_entry_of_its_feeds_once(site, cache):
    fetched = read_feeds([site.url("/feeds.opml")], cache)
    titles = sorted(by_title(fetched))
    assert titles == [
        "Biden signs order on Ethiopia",
        "Costs on Russia and Belarus",
        "Fighting in Sudan",
        "Last week's story",
        "Peru: clashes in the Amazon",
        "Sanctions over the crisis in Ethiopia",
        "Truce in Yemen",
        "Yemen: the truce holds",
    ]
    shared = by_title(fetched)["Sanctions over the crisis in Ethiopia"]
    assert shared.feeds == (site.url("/wire.rss"), site.url("/world.atom")), "one story, carried by two feeds"
    assert site.paths().count("/news/ethiopia-sanctions") == 1, "its page is fetched once"


def test_entry_title_link_and_date_are_the_article_metadata(site, cache):
    article = by_title(read_feeds([site.url("/wire.rss")], cache))["Truce in Yemen"].article
    assert article.location == site.url("/r/yemen"), "the link the feed gave, not where it redirected"
    assert article.url == site.url("/r/yemen")
    assert article.published == when(6).date().isoformat()
    assert article.paragraphs == paragraphs(YEMEN), "the redirect was followed to the story's page"
    assert "/news/yemen-truce" in site.paths()
    assert not any("Copyright" in p or "Home" in p for p in article.paragraphs), "site chrome is not text"


def test_a_dead_link_falls_back_to_the_entrys_own_text(site, cache):
    fetched = read_feeds([site.url("/wire.rss")], cache)
    sudan = by_title(fetched)["Fighting in Sudan"]
    assert not sudan.from_page
    assert sudan.article.paragraphs == paragraphs(SUDAN)[:3]
    assert sudan.article.notes == ("page not read (HTTP 404 Not Found); the feed's text is used",)


def test_a_feed_of_html_content_without_links_is_read_from_its_content(site, cache):
    article = by_title(read_feeds([site.url("/full.rss")], cache))["Costs on Russia and Belarus"].article
    assert article.paragraphs == paragraphs(RUSSIA)
    assert article.outlet == "Full Text Daily", "the feed's title names the outlet"
    assert article.published == when(2).date().isoformat()


def test_a_second_run_fetches_only_what_is_new_with_conditional_requests(site, cache):
    first = read_feeds([site.url("/feeds.opml")], cache)
    assert first.pages_fetched == 7
    site.log.clear()
    again = read_feeds([site.url("/feeds.opml")], cache)
    assert sorted(site.paths()) == ["/feeds.opml", "/full.rss", "/wire.rss", "/world.atom"]
    assert all(tag for path, tag in site.log if path != "/feeds.opml"), "feeds are asked If-None-Match"
    assert (again.pages_fetched, again.feeds_unchanged) == (0, 3)
    assert [a.article for a in again.articles] == [a.article for a in first.articles]

    new_page = page("Truce extended in Yemen", paragraphs(YEMEN)[:2])
    add_item(
        site,
        "/wire.rss",
        Item("Truce extended", site.url("/news/extended"), when(1)),
        ("text/html", new_page),
    )
    site.log.clear()
    third = read_feeds([site.url("/feeds.opml")], cache)
    assert third.pages_fetched == 1
    assert [p for p in site.paths() if p.startswith("/news/")] == ["/news/extended"]


def test_a_corrupt_cache_is_a_miss_not_an_error(site, cache, tmp_path):
    read_feeds([site.url("/wire.rss")], cache)
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00{not json")
    site.log.clear()
    fetched = read_feeds([site.url("/wire.rss")], cache)
    assert "Truce in Yemen" in by_title(fetched)
    assert "/news/yemen-truce" in site.paths(), "read again"


def test_entries_outside_the_window_are_not_read(site, cache):
    since = FIXED_NOW - (FIXED_NOW - when(24))
    fetched = read_feeds([site.url("/wire.rss")], cache, keep=lambda e: e.published >= since)
    assert "Last week's story" not in by_title(fetched)
    assert "/news/old" not in site.paths()


def test_one_unreadable_feed_among_several_is_listed_and_the_rest_read(site, cache):
    fetched = read_feeds([site.url("/nowhere.rss"), site.url("/news/peru"), site.url("/full.rss")], cache)
    assert [a.article.title for a in fetched.articles] == ["Costs on Russia and Belarus"]
    reasons = dict(fetched.failed)
    assert reasons[site.url("/nowhere.rss")] == "HTTP 404 Not Found"
    assert reasons[site.url("/news/peru")].startswith("not an RSS or Atom feed")


def test_no_readable_feed_is_one_clear_error(site, cache):
    with pytest.raises(InputError, match="HTTP 404"):
        read_feeds([site.url("/nowhere.rss")], cache)


def test_a_feed_read_from_a_file_and_an_opml_file_of_relative_names(site, cache, tmp_path):
    (tmp_path / "full.xml").write_bytes(site.routes["/full.rss"][1])
    (tmp_path / "list.opml").write_bytes(
        b'<?xml version="1.0"?><opml version="1.0"><body><outline xmlUrl="full.xml"/></body></opml>'
    )
    fetched = read_feeds([str(tmp_path / "list.opml")], cache)
    assert [a.article.title for a in fetched.articles] == ["Costs on Russia and Belarus"]


def test_an_opml_list_on_the_web_cannot_name_local_files(site, cache, tmp_path):
    secret = tmp_path / "feed.xml"
    secret.write_bytes(site.routes["/full.rss"][1])
    site.routes["/list.opml"] = (
        "text/x-opml",
        f'<opml version="2.0"><body><outline xmlUrl="{secret}"/><outline xmlUrl="file://{secret}"/>'
        '<outline xmlUrl="wire.rss"/></body></opml>'.encode(),
    )
    fetched = read_feeds([site.url("/list.opml")], cache)
    assert {a.entry.feed for a in fetched.articles} == {site.url("/wire.rss")}, "relative to the list's URL"
    assert sorted(fetched.failed) == [
        (f"file://{secret}", f"not a web address (in {site.url('/list.opml')}, which is on the web)"),
        (site.url(str(secret)), "HTTP 404 Not Found"),  # a path on the list's own site, not a local file
    ]


def test_opml_with_entities_is_refused(tmp_path, cache):
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<opml version="1.0"><body><outline xmlUrl="&b;"/></body></opml>'
    )
    with pytest.raises(InputError, match="DOCTYPE or entities"):
        read_feeds([str(bomb)], cache)


def test_no_cache_keeps_nothing(site):
    read_feeds([site.url("/wire.rss")], Cache(None))
    site.log.clear()
    fetched = read_feeds([site.url("/wire.rss")], Cache(None))
    assert fetched.pages_fetched == 4, "every linked page is read again"
    assert all(tag is None for _, tag in site.log), "and no request is conditional"
