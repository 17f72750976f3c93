"""Cleaning a page saved as text: each rule of `briefer.ingest.clean` at its edges.

What is prose (enough words, mostly lower case, ending like a sentence), what is a dateline (a short
line that is only a date), how hard-wrapped lines are joined and lists kept apart, and which header
line is the headline, the outlet, the date; junk inside the body is dropped, short sentences kept.
"""

from __future__ import annotations

import pytest

from briefer.ingest.clean import clean_scraped, is_prose, parse_dateline, split_blocks

LONG = "the ceasefire held through the night across the whole front"  # 60 characters
FORTY = "x" * 36 + " end"  # exactly 40 characters


@pytest.mark.parametrize(
    ("block", "prose"),
    [
        ("the talks went on for seven days.", False),  # 7 words
        ("the talks went on for eight long days.", True),  # 8 words
        ("a short line of five.", False),
        ("Sign up for our newsletter to get " + "the news " * 8 + "today.", False),  # junk, 24 words
        ("Sign up for our newsletter to get " + "the news " * 8 + "every day.", True),  # 25
        ("One Two Three Four Five Six Seven Eight nine ten.", False),  # 2 of 10: 0.2
        ("One Two Three Four Five Six Seven eBay nine ten.", True),  # 3 of 10, eBay counts: exactly 0.3
        ("the talks went on for eight long days", False),  # no sentence end
    ],
)
def test_prose_is_enough_words_mostly_lower_case_ending_a_sentence(block, prose):
    assert is_prose(block) is prose


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Sat Apr 16, 2016 5:10PM", "2016-04-16"),
        ("Updated: April 16, 2016", "2016-04-16"),
        ("Posted on Saturday , 16 April 2016 at 5:10 PM", "2016-04-16"),  # 10 words
        ("Posted on Saturday , 16 April 2016 at 5:10 PM GMT", None),  # 11 words: not only a date
        ("Posted by staff April 16, 2016", "2016-04-16"),  # two words left over
        ("Posted By Staff Writer April 16, 2016", None),  # three
        ("posted by staff writer April 16, 2016", None),
        ("1 January 1900", "1900-01-01"),
        ("31 December 2100", "2100-12-31"),
        ("1 January 1850", None),
        ("1 January 2101", None),
        ("Updated in April", None),
        ("April 2016", "2016-04"),
        ("2016", "2016"),
    ],
)
def test_a_dateline_is_a_short_line_that_is_only_a_date(line, iso):
    assert parse_dateline(line) == iso


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("\n\n\n\nOne line.", ["One line."]),
        (f"{LONG}\nends here.", [f"{LONG} ends here."]),  # two lines, wrapped
        (f"{FORTY}\nends here.", [f"{FORTY} ends here."]),  # a 40-character line counts as long
        (f"{'x' * 39}\nends here.", ["x" * 39, "ends here."]),
        (f"WASHINGTON —\n{LONG}\n{LONG}\nends.", [f"WASHINGTON — {LONG} {LONG} ends."]),
        (f"WASHINGTON —\n{LONG}\nends.", [f"WASHINGTON — {LONG} ends."]),
        ("Home\nWorld\nSport\n" + LONG + "\nWeather", ["Home", "World", "Sport", LONG, "Weather"]),
        (
            f"Home\nWorld\n{LONG}\nSport\n{LONG}\nWeather",
            ["Home", "World", LONG, "Sport", LONG, "Weather"],
        ),  # 2 of 5 long: a list
    ],
)
def test_hard_wrapped_lines_are_joined_and_lists_kept_apart(text, blocks):
    assert split_blocks(text) == blocks


P1 = "The truce held through the night, officials in the capital said on Monday morning."
P2 = "Both sides said they would meet again next week to discuss the exchange of prisoners."
P3 = "Aid agencies said the first convoys had reached the besieged city by the afternoon."


def _page(header: list[str], body: list[str], footer: list[str]) -> str:
    return "\n\n".join([*header, *body, *footer])


def test_the_outlet_is_a_short_line_repeated_around_the_article_and_never_the_headline():
    page = _page(
        ["The Example Daily Post", "Talks resume today", "The Example Daily Post"],
        [P1, P2],
        ["The Example Daily Post", "Posted in World News."],
    )
    scraped = clean_scraped(page)
    assert scraped.outlet == "The Example Daily Post"
    assert scraped.headline == "Talks resume today"
    assert scraped.paragraphs == (P1, P2)


def test_the_outlet_repeated_just_after_the_article_is_found():
    scraped = clean_scraped(
        _page(
            ["Example Six Word Daily News Post", "Talks resume today"],
            [P1, P2],
            ["Example Six Word Daily News Post"],
        )
    )
    assert scraped.outlet == "Example Six Word Daily News Post"
    seven = "Example Seven Word Daily News Post Online"
    assert clean_scraped(_page([seven, "Talks resume today"], [P1], [seven])).outlet is None


@pytest.mark.parametrize(
    ("nearest", "headline"),
    [
        ("By Jane Doe", "Talks resume today"),  # a byline
        ("Breaking news", "Talks resume today"),  # two words
        ("Vote for your favourite story of the year!", "Talks resume today"),
        ("Sat Apr 16, 2016 5:10PM", "Talks resume today"),  # the dateline
        (" ".join(["Word"] * 30), " ".join(["Word"] * 30)),
        (" ".join(["Word"] * 31), "Talks resume today"),
    ],
)
def test_the_headline_is_the_title_like_line_nearest_the_article(nearest, headline):
    scraped = clean_scraped(_page(["Talks resume today", nearest], [P1, P2], []))
    assert scraped.headline == headline


def test_the_date_comes_from_the_header():
    assert clean_scraped(_page(["Talks resume today", "April 16, 2016"], [P1], [])).published == "2016-04-16"


def test_junk_inside_the_body_is_dropped_and_short_sentences_are_kept():
    body = [
        P1,
        "Click here to subscribe.",
        "He said so.",
        "Related video clips",
        "She declined to comment.",
        P2,
        P3,
    ]
    scraped = clean_scraped(_page(["Talks resume today"], body, ["Posted in World News."]))
    assert scraped.paragraphs == (P1, "He said so.", "She declined to comment.", P2, P3)
