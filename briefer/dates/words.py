"""The words of English date expressions: month and weekday names, counts, regex fragments."""

from __future__ import annotations

import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
# Spelled out: calendar.day_name follows the locale.
WEEKDAYS = {
    name: i
    for i, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
}

FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
)
ANY_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
VAGUE = r"(?:several|a few|few|many|some|a number of|dozens of)"
# A four-digit number before one of these is a clock time ("1700 GMT", "at 0900 hours"), not a year.
CLOCK_AFTER = re.compile(
    r"\s*(?:GMT|UTC|ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|BST|CET|CEST|IST|JST|Z|hrs|hours|h|local)\b"
)
# A bare month only counts as a date after one of these words ("in May", "the November vote"), so
# that "Theresa May" or "March on Rome" is left alone.
BEFORE_BARE_MONTH = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "to",
        "during",
        "for",
        "early",
        "late",
        "mid",
        "of",
        "the",
        "before",
        "after",
        "between",
        "and",
        "or",
        "on",
        "last",
        "next",
        "this",
        "each",
        "every",
    ]
)
QUALIFIERS = frozenset(
    ["past", "last", "next", "coming", "first", "another", "several", "few", "many", "some", "dozens"]
)


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def count_of(match: re.Match[str]) -> int:
    text = re.sub(r"\s+", " ", match["count"].lower())
    return int(text) if text.isdigit() else NUMBERS[text]
