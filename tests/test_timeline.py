"""Timeline: every date expression, resolved against its own article's date, in date order."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES, SEED
from conftest import parse_texts as _parse
from conftest import read_parsed as _read
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.dates import find_mentions, parse_anchor
from briefer.timeline import find_events


def _dates(published: str | None, text: str) -> list[tuple[str, str]]:
    return [(e.expression, e.date) for e in find_events(_parse((published, text)))]


@pytest.fixture(scope="module")
def seed_events():
    return find_events(_read(str(SEED)))


def test_seed_timeline_dates_each_event_as_read_by_hand(seed_events):
    found = {(e.date, e.expression) for e in seed_events}
    assert found == {
        ("2011", "2011"),  # the 2011 uprising
        ("2014", "Two years ago"),  # said in April 2016
        ("2014", "mid-2014"),  # the split into two administrations
        ("2015-12", "last December"),  # the unity agreement
        ("2016-04-16", "Saturday"),  # "Vershbow said on Saturday": the article's own Saturday
        ("2016-04-18", "Monday"),  # "are expected to agree in a Monday meeting": the next Monday
    }


def test_seed_timeline_is_in_date_order_and_quotes_its_sentences(seed_events):
    assert [e.date for e in seed_events] == sorted(e.date for e in seed_events)
    sentences = _read(str(SEED))[0].sentences
    for event in seed_events:
        assert event.source == 1
        assert event.text in sentences[event.sentence].text
    by_date = {e.date: e.text for e in seed_events}
    assert "2011 uprising" in by_date["2011"]
    assert "last December" in by_date["2015-12"]
    assert "Monday meeting in Luxembourg" in by_date["2016-04-18"]


# Hand-labelled: (article date, sentence, expected (expression, ISO date) pairs).
LABELLED = [
    ("2016-04-16", "Officials said on Saturday that the talks had failed.", [("Saturday", "2016-04-16")]),
    ("2016-04-16", "The ministers will meet on Monday in Luxembourg.", [("Monday", "2016-04-18")]),
    ("2016-04-16", "The rebels attacked the port last Sunday.", [("last Sunday", "2016-04-10")]),
    ("2016-04-16", "The two sides reached agreement last December.", [("last December", "2015-12")]),
    ("2016-04-16", "Fighting has raged in the east since mid-2014.", [("mid-2014", "2014")]),
    ("2016-04-16", "Two years ago the government fell.", [("Two years ago", "2014")]),
    (
        "2016-04-16",
        "The ceasefire was signed yesterday and the talks resume tomorrow.",
        [("yesterday", "2016-04-15"), ("tomorrow", "2016-04-17")],
    ),
    ("2016-04-16", "Today the council voted to lift the embargo.", [("Today", "2016-04-16")]),
    ("2016-04-16", "The envoy visited the capital last week.", [("last week", "2016-W14")]),
    (
        "2016-04-16",
        "Prices rose last month and will rise again next year.",
        [("last month", "2016-03"), ("next year", "2017")],
    ),
    ("2016-04-16", "Inflation has doubled this month.", [("this month", "2016-04")]),
    ("2016-04-16", "The rebels gained ground earlier this year.", [("earlier this year", "2016")]),
    ("2016-04-16", "The army recaptured the town in February.", [("February", "2016-02")]),
    ("2016-04-16", "The elections are planned for June.", [("June", "2016-06")]),
    ("2016-04-16", "The court ruled on March 22 that the vote was valid.", [("March 22", "2016-03-22")]),
    (
        "2009-06-05",
        "Since the speech, June 4 means something entirely different.",
        [("June 4", "2009-06-04")],
    ),
    ("2004-12", "The declaration was signed on 8 December in Cusco.", [("8 December", "2004-12-08")]),
    ("2004-12", "The declaration was signed on December 8 in Cusco.", [("December 8", "2004-12-08")]),
    ("2004-12-27", "The run-off was held on November 21, 2004.", [("November 21, 2004", "2004-11-21")]),
    ("2004-12-27", "The first summit was held in September 2000.", [("September 2000", "2000-09")]),
    (
        "2004-12",
        "Talks may follow in March or April of 2005.",
        [("March", "2005-03"), ("April of 2005", "2005-04")],
    ),
    ("2022-04-01", "More than 2000 people fled the city in 2011.", [("2011", "2011")]),
    # A year-less date is the one nearest the article in the direction of the tense, and a date
    # more than a few months back is not meant by a past-tense clause ("were postponed until").
    ("2016-02-20", "Talks were postponed until March 1, the envoy said.", [("March 1", "2016-03-01")]),
    ("2016-02-20", "Parliamentary elections were set for April 13.", [("April 13", "2016-04-13")]),
    ("2016-07-03", "Since October, Palestinians have killed 34 Israelis.", [("October", "2015-10")]),
    ("2016-02-20", "The government fell in March last year.", [("March last year", "2015-03")]),
    # A date naming a thing keeps the article's year; the clause's verb does not date it.
    ("2016-07-14", "Trump has said he would win the Nov. 8 election.", [("Nov. 8", "2016-11-08")]),
    (
        "2016-03-17",
        "Republicans have declared they will not vote on Garland before the November election.",
        [("November", "2016-11")],
    ),
    ("2016-07-15", "China has refused to recognize Tuesday's ruling.", [("Tuesday", "2016-07-12")]),
    # Weekdays: past goes back, a participle takes its main verb's tense, unknown is the nearest.
    ("2016-07-17", "The army chiefs met Friday in Ankara, officials said.", [("Friday", "2016-07-15")]),
    (
        "2016-03-17",
        "Grassley, speaking to reporters on Wednesday, said the hearings would not go ahead.",
        [("Wednesday", "2016-03-16")],
    ),
    ("2016-07-03", "Thousands march in London on Saturday against the vote.", [("Saturday", "2016-07-02")]),
    # Weeks and weekends as the text gives them: ISO weeks and the weekend of one.
    ("2016-07-02", "Britain voted last week to leave the European Union.", [("last week", "2016-W25")]),
    ("2016-07-14", "Trump is to be formally nominated next week.", [("next week", "2016-W29")]),
    ("2016-02-22", "Fighting eased over the weekend, residents said.", [("over the weekend", "2016-W07-WE")]),
    # Clock times, programmes and "today" as "nowadays" are not dates.
    (
        "2016-02-26",
        "The truce takes effect on Friday and groups must sign up by 1700 GMT.",
        [("Friday", "2016-02-26")],
    ),
    ("2016-02-26", "The deadline is 1200 ET.", []),
    ("2016-07-03", "The minister told the BBC's Today programme that the vote was final.", []),
    ("2016-07-03", "He told USA Today that he would not run.", []),
    ("2016-07-03", '"Facebook today sabotages the work of the police," he said.', []),
    # Not dates: decades, durations, open bounds, names.
    ("2016-04-16", "The 1990s were a decade of war in the region.", []),
    ("2024-09-17", "For over 17 long months, the people have endured a senseless war.", []),
    ("2022-04-01", "I welcome the two-month truce after seven years of conflict.", []),
    ("2022-02-22", "I told him more than a month ago that we would act together.", []),
    ("2016-04-16", "Theresa May said the vote would go ahead.", []),
    # Without an article date only absolute dates resolve.
    (None, "The army retook the town yesterday, as it had in 2011.", [("2011", "2011")]),
    (None, "Ministers will meet on Monday.", []),
]


@pytest.mark.parametrize(("published", "text", "expected"), LABELLED, ids=[t for _, t, _ in LABELLED])
def test_hand_labelled_date_expressions(published, text, expected):
    assert sorted(_dates(published, text)) == sorted(expected)


def test_several_dates_in_one_sentence_give_one_clause_each():
    text = (
        "Yesterday, Putin recognized two regions of Ukraine as independent states "
        "and today claimed that recognition to include all of the Donbas region."
    )
    events = find_events(_parse(("2022-02-22", text)))
    assert [(e.date, e.text) for e in events] == [
        ("2022-02-21", "Yesterday, Putin recognized two regions of Ukraine as independent states"),
        ("2022-02-22", "today claimed that recognition to include all of the Donbas region"),
    ]


def test_events_of_several_articles_are_sorted_by_date_coarser_first():
    parsed = _parse(
        ("2016-04-16", "The talks resumed on Saturday after a pause.\n\nThe war began in 2014."),
        ("2015-06-03", "The rebels took the airport in June 2014 and the port in 2015."),
    )
    events = find_events(parsed)
    assert [(e.date, e.source) for e in events] == [
        ("2014", 1),
        ("2014-06", 2),
        ("2015", 2),
        ("2016-04-16", 1),
    ]


def test_weeks_sort_by_their_first_day_between_months_and_days():
    parsed = _parse(("2016-07-02", "Britain voted last week to leave. Markets fell on June 20 and in June."))
    assert [e.date for e in find_events(parsed)] == ["2016-06", "2016-W25", "2016-06-20"]


def test_white_house_statements_on_yemen_date_today_and_skip_durations():
    events = find_events(_read(SAMPLES / "yemen_truce_2022"))
    dates = {(e.source, e.date) for e in events}
    assert (1, "2022-04-01") in dates  # "the announcement today of a two-month truce"
    assert (4, "2023-04-02") in dates  # "Today marks ... one year of a truce"
    assert (2, "2015") in dates  # "since this terrible war began seven years ago"
    expressions = {e.expression.lower() for e in events}
    assert not expressions & {"two-month", "one year", "seven years", "after seven years", "the last year"}


def test_white_house_remarks_date_yesterday_and_today():
    path = (
        SAMPLES
        / "russia_ukraine_sanctions_2022"
        / "2022-02-22_wh_remarks-biden-response-to-russian-actions-in-ukraine.txt"
    )
    events = find_events(_read(str(path)))
    yesterday = [e for e in events if e.expression == "Yesterday"]
    assert yesterday and all(e.date == "2022-02-21" for e in yesterday)
    assert any(e.date == "2014" and "2014" in e.text for e in events)


def test_timeline_does_not_load_dateparser():
    """A cold brief must stay fast: the date rules are our own, dateparser is never imported."""
    code = "import sys, briefer.timeline, briefer.background; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_WORDS = [
    "on",
    "in",
    "since",
    "last",
    "next",
    "this",
    "the",
    "a",
    "of",
    "and",
    "or",
    ",",
    "-",
    "mid-",
    "early",
    "Two",
    "seven",
    "a",
    "couple",
    "of",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "ago",
    "today",
    "yesterday",
    "tomorrow",
    "night",
    "weekend",
    "Monday",
    "Saturday",
    "Sundays",
    "May",
    "March",
    "December",
    "Sept.",
    "8",
    "21",
    "31",
    "0",
    "7-9",
    "2004",
    "1999",
    "1990s",
    "2011,",
    "19th-century",
    "more",
    "than",
    "over",
    "for",
    "long",
]


@given(
    st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from([None, "2004", "2004-12", "2016-02-29"])
)
@settings(max_examples=300, deadline=None)
def test_any_run_of_date_words_resolves_to_valid_iso_or_nothing(words, published):
    text = " ".join(words)
    for mention in find_mentions(text):
        assert text[mention.start : mention.end] == mention.text
        for tense in ("past", "present", "future"):
            period = mention.resolve(parse_anchor(published), tense)
            if period is not None:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2}(-WE)?)?", period.iso)
                assert period.start <= period.end


def test_timeline_eval_task_scores_the_seed_labels_and_catches_a_wrong_date(seed_brief):
    from dataclasses import replace

    from briefer.evaluation.timeline import _label_right

    label = {"snippet": "in a Monday meeting", "expression": "Monday", "date": "2016-04-18"}
    assert _label_right(seed_brief, label)
    moved = tuple(
        replace(e, date="2016-04-11") if e.expression == "Monday" else e for e in seed_brief.timeline
    )
    assert not _label_right(replace(seed_brief, timeline=moved), label)
    assert not _label_right(seed_brief, {**label, "date": None})  # a date where the label says none
