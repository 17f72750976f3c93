"""Reading scraped pages: headline, outlet and date found, site junk dropped, by general rules."""

from __future__ import annotations

import codecs

import pytest

from briefer.errors import InputError
from briefer.ingest import RawDocument, parse_article
from briefer.ingest.clean import clean_scraped, parse_dateline
from briefer.ingest.decode import decode_bytes

PAGE = """Subscribe to our newsletter!

World News

Daily Courier

Floods cut off villages in the northern valley

Daily Courier

Mon Mar 4, 2019 9:00AM

Heavy rain has cut off at least twelve villages in the northern valley, officials said on Monday.

"We are doing everything we can to reach them," the regional governor told reporters.

Follow us on Twitter"""


def test_a_scraped_page_splits_into_header_body_and_footer():
    page = clean_scraped(PAGE)
    assert page.headline == "Floods cut off villages in the northern valley"
    assert page.outlet == "Daily Courier"
    assert page.published == "2019-03-04"
    assert page.paragraphs[0].startswith("Heavy rain")
    assert page.paragraphs[-1].endswith("told reporters.")


@pytest.mark.parametrize(
    "line,iso",
    [
        ("Sat Apr 16, 2016 5:10PM", "2016-04-16"),
        ("December 2004", "2004-12"),
        ("2011", "2011"),
        ("Iran Press TV", None),
    ],
)
def test_datelines(line, iso):
    assert parse_dateline(line) == iso


def test_hard_wrapped_paragraphs_are_joined():
    text = "The statement was issued late on Friday by the\nministry, which said it would not comment\nfurther on the matter.\n\nA second paragraph follows here, as is usual in news."
    assert clean_scraped(text).paragraphs[0] == (
        "The statement was issued late on Friday by the ministry, which said it would not comment further on the matter."
    )


@pytest.mark.parametrize(
    "data",
    [
        "Café owners said the ban was unfair to them and their staff.".encode(),
        codecs.BOM_UTF16_LE + "Café owners said the ban was unfair to them and staff.".encode("utf-16-le"),
        "Café owners said the ban was unfair to them and staff.".encode("utf-16-le"),
        "Café owners said the ban was unfair to them and staff.".encode("latin-1"),
    ],
    ids=["utf8", "utf16-bom", "utf16-nobom", "latin1"],
)
def test_encodings_are_decoded(data):
    assert decode_bytes(data).startswith("Café owners")


def test_escape_sequences_never_pass():
    text = decode_bytes(b"Hello \x1b[31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07and \x1b]0;title\x07world\x07")
    assert "\x1b" not in text and "\x07" not in text and "ZXZpbA" not in text
    assert text == "Hello red and world"


def test_binary_data_is_refused():
    with pytest.raises(InputError, match="binary"):
        parse_article(RawDocument("x.bin", bytes(range(256)) * 20))


def test_front_matter_gives_title_and_date():
    raw = b"---\ntitle: \"A long\\\n  \\ title\"\ndate: '2022-04-01'\n---\n\nThe ministers met on Friday and agreed to extend the truce for two months.\n"
    article = parse_article(RawDocument("x.md", raw))
    assert article.title == "A long title"
    assert article.published == "2022-04-01"


@pytest.mark.parametrize(
    ("written", "title"),
    [
        (r"Talks\r\nBcc: x@example.net", "Talks Bcc: x@example.net"),
        (r"Red \e[31malert\e[0m \a\0", "Red alert"),
        (r"Wave \U0001F30A \ud83c\udf0a \x41\u00e9", "Wave 🌊 🌊 Aé"),
        (r"Lone \ud800 half \U7FFFFFFF", "Lone \ufffd half \ufffd"),
        (r"Quote \" slash \\ tab\tend", 'Quote " slash \\ tab end'),
    ],
)
def test_front_matter_title_escapes_are_decoded_then_made_one_safe_line(written, title):
    raw = f'---\ntitle: "{written}"\n---\n\nThe ministers met on Friday.\n'.encode()
    assert parse_article(RawDocument("x.md", raw)).title == title


def test_wikitext_keeps_the_words_of_links():
    raw = b"'''December 27, 2004'''\n\nThe opposition candidate [[w:Viktor Yushchenko|Viktor Yushchenko]] has claimed victory in the [[Ukraine]] vote.\n\n== Sources ==\n* a source"
    article = parse_article(RawDocument("2004-12-27_wikinews_x.wiki", raw))
    assert article.paragraphs == (
        "The opposition candidate Viktor Yushchenko has claimed victory in the Ukraine vote.",
    )
    assert article.published == "2004-12-27"


def test_utf8_with_encoded_surrogates_is_read_as_utf8_and_its_c1_escape_removed_whole(cli, tmp_path):
    """A lone surrogate written as UTF-8 (CESU-8 style) must not tip the file into a legacy code
    page, where an 8-bit OSC would turn into letters and its payload would reach the brief."""
    story = tmp_path / "story.txt"
    text = "The minister said on Monday that the talks in Geneva would resume next week. " * 3
    story.write_bytes(("\ud800 \x9d8;;http://PWNED/\x9c " + text).encode("utf-8", "surrogatepass"))
    status, out, _ = cli(story, "--format", "json")
    assert status == 0 and "PWNED" not in out and "talks in Geneva" in out
