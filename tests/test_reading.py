"""Reading real posts and pages: each article's own title, outlet, date and URL, never a refusal.

The passages are written in the style of real exports (a WordPress mirror's Jekyll post, a wire
story, a Hugo page); none is copied from the shared samples.
"""

from __future__ import annotations

import json
import time

import pytest

from briefer.errors import InputError
from briefer.ingest import RawDocument, parse_article
from briefer.ingest.frontmatter import split_front_matter

BODY = """ [ad_1]
<br><div id="articleText"><p><span class="articleLocation">GENEVA</span> The United Nations
envoy said on Tuesday that both sides had agreed to extend the truce for two more months, after
talks that ran late into the night.</p><p>Aid convoys would be allowed into the besieged towns
from Thursday, he told reporters, and a committee would meet weekly to hear complaints.</p></div>
<br>[ad_2]
"""


def post(front: str, body: str = BODY, name: str = "2016-03-07-truce-extended.md"):
    return parse_article(RawDocument(name, f"---\n{front.strip()}\n---\n{body}".encode()))


def test_a_folded_title_is_read_whole_not_cut_at_its_first_line():
    article = post("""
ID: 1635
post_title: >
  You’ll Eat Bugs. These Investors Are
  Betting Millions on It
post_date: 2016-03-07 18:00:08
""")
    assert article.title == "You’ll Eat Bugs. These Investors Are Betting Millions on It"


def test_entities_are_decoded_and_an_outlet_suffix_becomes_the_outlet():
    article = post("post_title: 'Elephant poachers kill British pilot in Tanzania &#8211; CBS News'")
    assert (article.title, article.outlet) == ("Elephant poachers kill British pilot in Tanzania", "CBS News")
    article = post("post_title: 'France&#039;s Louis Vuitton sues counterfeit sellers'")
    assert article.title == "France's Louis Vuitton sues counterfeit sellers"


def test_a_lower_case_domain_suffix_is_an_outlet_but_a_lower_case_word_is_not():
    article = post("title: 'Ferry service cut after engine fire &#8211; seattlepi.com'")
    assert (article.title, article.outlet) == ("Ferry service cut after engine fire", "seattlepi.com")
    article = post("title: 'Rebels agree to leave the city - sources'")
    assert article.title == "Rebels agree to leave the city - sources"


@pytest.mark.parametrize("label", ["Analysis", "Live Updates", "Part 2", "The Latest"])
def test_a_story_label_after_a_dash_is_part_of_the_title_not_an_outlet(label):
    article = post(f"title: 'Budget talks collapse after all-night session - {label}'")
    assert (article.title, article.outlet) == (
        f"Budget talks collapse after all-night session - {label}",
        None,
    )


def test_a_title_given_only_as_a_list_of_folded_items_is_read():
    article = post("""
original_title:
  - >
    Sanders Campaign Threatens to Sue the
    DNC Over Voter Data
""")
    assert article.title == "Sanders Campaign Threatens to Sue the DNC Over Voter Data"


def test_the_story_link_is_the_url_and_an_aggregator_redirect_is_unwrapped():
    article = post("""
post_title: 'Officer shot in Seaside; condition unknown &#8211; Daily Astorian'
permalink: >
  https://www.whenitson.com/officer-shot-in-seaside-condition-unknown-daily-astorian/
original_link:
  - 'http://news.google.com/news/url?sa=t&#038;fd=R&#038;url=http://www.dailyastorian.com/Free/20160205/officer-shot'
""")
    assert article.url == "http://www.dailyastorian.com/Free/20160205/officer-shot"
    assert article.outlet == "Daily Astorian"


def test_without_a_named_outlet_the_host_of_the_story_link_is_the_outlet():
    article = post("""
post_title: 'GE moving headquarters to Boston for tech talent, tax cut'
canonical_url:
  - >
    http://feeds.reuters.com/~r/reuters/technologyNews/~3/VHC74d6QD70/story01.htm
""")
    assert article.outlet == "reuters.com"
    assert article.url == "http://feeds.reuters.com/~r/reuters/technologyNews/~3/VHC74d6QD70/story01.htm"


def test_only_a_permalink_is_the_url_but_not_an_outlet():
    article = post("title: Truce extended\npermalink: https://blog.example.org/2016/03/truce/")
    assert article.url == "https://blog.example.org/2016/03/truce/"
    assert article.outlet is None


def test_a_wire_dateline_names_the_outlet():
    body = (
        "BEIRUT (Reuters) - Syrian government forces pushed into the last rebel-held districts of the "
        "city on Tuesday, residents and a monitoring group said.\n\nThe advance followed days of heavy "
        "air strikes on the eastern neighbourhoods, aid groups said on Wednesday.\n"
    )
    article = parse_article(RawDocument("syria.txt", body.encode()))
    assert article.outlet == "Reuters"


def test_a_page_title_suffix_and_canonical_link_give_outlet_and_url():
    paragraph = (
        "<p>Syrian government forces pushed into the last rebel-held districts of the city on Tuesday, "
        "residents and a monitoring group said, as talks on a ceasefire stalled in Geneva.</p>"
    )
    page = (
        "<html><head><title>Syrian forces push into rebel districts | Reuters</title>"
        '<link rel="canonical" href="https://www.reuters.com/article/syria-idUSKBN1">'
        f"</head><body><article>{paragraph * 2}</article></body></html>"
    )
    article = parse_article(RawDocument("page.html", page.encode()))
    assert (article.title, article.outlet) == ("Syrian forces push into rebel districts", "Reuters")
    assert article.url == "https://www.reuters.com/article/syria-idUSKBN1"


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("2016-03-07 18:00:08", "2016-03-07"),
        ("2016-03-07T18:00:08+05:30", "2016-03-07"),
        ("2016-03", "2016-03"),
        ("2016", "2016"),
        ("'Mon, 07 Mar 2016 18:00:08 GMT'", "2016-03-07"),
    ],
)
def test_dates_are_kept_as_precise_as_written(written, published):
    assert post(f"title: Truce extended\ndate: {written}", name="truce.md").published == published


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "9999-12-31", "9999-12-31T23:59:59-05:00"])
def test_placeholder_dates_of_static_sites_are_no_date_and_no_crash(placeholder):
    article = post(f"title: Truce extended\ndate: {placeholder}\nexpiryDate: {placeholder}")
    assert article.title == "Truce extended"
    assert article.published == "2016-03-07"  # from the file name, not the placeholder


def test_not_quite_yaml_is_still_read():
    article = post("title: NATO: ready to help Libya\ndate: 2016-04-16\ntags: [unclosed")
    assert article.title == "NATO: ready to help Libya"
    assert article.published == "2016-04-16"


def test_an_unclosed_quote_over_forty_thousand_lines_reads_in_well_under_a_second():
    block = '---\ntitle: "Open quote\n' + "more words on a line\n" * 40_000 + "---\n\nBody.\n"
    started = time.perf_counter()
    front = split_front_matter(block)
    assert time.perf_counter() - started < 1.0
    assert front.first("title", "post_title").startswith("Open quote more words")
    assert front.body == "\nBody.\n"


def test_hostile_front_matter_still_gives_a_brief_with_a_short_title(cli, tmp_path):
    unclosed = '---\ntitle: "Open quote\n' + "more words on a line\n" * 40_000 + "---\n"
    hugo = "---\ntitle: Truce extended\ndate: 0001-01-01T00:00:00Z\nexpiryDate: 9999-12-31\n---\n"
    for name, front in (("unclosed.md", unclosed), ("hugo.md", hugo)):
        (tmp_path / name).write_text(front + BODY, encoding="utf-8")
        status, out, err = cli("brief", tmp_path / name, "--format", "json")
        assert status == 0, err
        assert 0 < len(json.loads(out)["title"]) <= 200


def test_an_alias_bomb_and_deep_nesting_are_bounded():
    laughs = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 12))
    front = split_front_matter(f"---\nl0: &l0 [ha, ha]\n{laughs}title: Still read\n---\nBody\n")
    assert front.first("title") == "Still read"
    deep = "[" * 20_000 + "]" * 20_000
    started = time.perf_counter()
    front = split_front_matter(f"---\ntitle: Deep\nx: {deep}\n---\nBody\n")
    assert time.perf_counter() - started < 1.0
    assert front.first("title") == "Deep"


def test_a_one_paragraph_article_that_junk_filtering_would_empty_is_kept_with_a_note():
    text = (
        "Police in the capital said on Sunday they had arrested two men after a video shared on "
        "Twitter and Facebook appeared to show officers being attacked outside a nightclub"
    )
    article = parse_article(RawDocument("one.txt", text.encode()))
    assert article.paragraphs == (text,)
    assert any("cleaning was skipped" in note for note in article.notes)


def test_a_page_of_navigation_only_is_still_refused():
    page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text"):
        parse_article(RawDocument("nav.html", page.encode()))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 50, "a ZIP archive"),
        (b"\x1f\x8b\x08\x00" + bytes(200), "a gzip archive"),
    ],
)
def test_binary_kinds_get_one_line_naming_the_kind(cli, tmp_path, data, kind):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    status, out, err = cli("brief", path)
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("briefer: error: ") and kind in err


def test_the_url_shows_in_sources_in_every_format_instead_of_the_local_path(cli, tmp_path):
    path = tmp_path / "2016-03-07-truce-extended.md"
    url = "http://www.reuters.com/article/us-yemen-security-truce-extension-talks-idUSKCN0ZS02U"
    front = f"post_title: 'Truce extended &#8211; Reuters'\noriginal_link: {url}"
    path.write_text(f"---\n{front}\n---\n{BODY}", encoding="utf-8")
    for fmt in ("markdown", "text", "html"):
        status, out, _ = cli("brief", path, "--format", fmt)
        assert status == 0
        assert url in out  # whole, even where lines are wrapped, so it can be followed
        assert str(tmp_path) not in out
    status, out, _ = cli("brief", path, "--format", "json")
    source = json.loads(out)["sources"][0]
    assert (source["title"], source["outlet"], source["url"]) == (
        "Truce extended",
        "Reuters",
        url,
    )


def test_a_url_is_a_working_link_in_markdown_and_html_as_written(cli, tmp_path):
    """Raw markdown keeps the address as written (an autolink, no `\\~`), so a copy of it works."""
    path = tmp_path / "story.md"
    url = "http://feeds.reuters.com/~r/Reuters/domesticNews/~3/qa6brKoIwVA/story01.htm"
    path.write_text(f"---\ntitle: Truce extended\nlink: {url}\n---\n{BODY}", encoding="utf-8")
    status, out, _ = cli("brief", path, "--format", "markdown")
    assert status == 0 and f"<{url}>" in out
    status, out, _ = cli("brief", path, "--format", "html")
    assert status == 0 and f'<a href="{url}"' in out
