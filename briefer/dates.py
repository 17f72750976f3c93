"""Date expressions in English news text, resolved against the article's own date.

Own rules rather than dateparser: dateparser costs about 0.35 s to import and warm up, which a cold
brief cannot afford, and it is wrong on news phrasing ("last December" -> None, "on Saturday" -> a
week early). These rules read the text only; the caller (timeline.py) supplies the tense of the
clause, which decides the direction of a bare weekday or month.

What is a date, and how precise (ISO 8601, reduced precision: "2011", "2014-06", "2016-04-18"):

- Absolute: "November 21, 2004", "21 November 2004", "September 2000", "April of 2005", "2011",
  "mid-2014" / "early 2015" / "late 2013" (the year), "2021-05-26". A day range ("7-9 December")
  is dated by its month.
- Year taken from the article: "December 8", "8 December", "in August", "last December",
  "next March". "last"/"next" mean the latest before / the first after the article's month (or day);
  otherwise the tense decides: past -> on or before the article date, future -> on or after it,
  present -> the nearest one ("the elections are planned for June").
- Relative to the article's day: "today", "tonight", "this morning", "yesterday", "last night",
  "tomorrow"; weekdays ("on Saturday", "a Monday meeting", "last Sunday", "next Friday"; past ->
  the latest such day on or before the article date, future or present -> the first on or after
  it, "last" / "next" strictly before / after); "N days ago".
- Relative at coarser precision: "this/last/next month", "earlier/later this month",
  "this/last/next year", "earlier this year", "N years/months ago" ("Two years ago" in 2016 ->
  "2014"); "this/last/next week", "earlier this week", "the weekend", "N weeks ago" are dated by
  the month the week (or weekend) falls in, and left out when it straddles two months (a bare year
  would say little and sort misleadingly).
- Not dates (found so that they block shorter matches, and reported as periods for background):
  durations ("for 17 long months", "two-month truce", "seven years of conflict", "the last two
  years", "the past week"), vague or open bounds ("more than a month ago", "a few years ago",
  "six years later"), decades and centuries ("the 1990s": a decade is context, not an event;
  `Mention.kind` "decade" lets background use it).

Without an article date only absolute expressions resolve.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["year", "month", "day"]
Tense = Literal["past", "present", "future"]
Kind = Literal["absolute", "anchored", "relative", "duration", "decade"]


@dataclass(frozen=True, slots=True)
class Period:
    """A year, a month or a day; `iso` is its ISO 8601 text at that precision."""

    start: date
    precision: Precision

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.precision == "year":
            return date(self.start.year, 12, 31)
        if self.precision == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return date(self.start.year, self.start.month, last)
        return self.start


def year_of(year: int) -> Period | None:
    return Period(date(year, 1, 1), "year") if 1 <= year <= 9999 else None


def month_of(year: int, month: int) -> Period | None:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return Period(date(year, month, 1), "month") if 1 <= year <= 9999 else None


def day_of(year: int, month: int, day: int) -> Period | None:
    try:
        return Period(date(year, month, day), "day")
    except ValueError:
        return None


def parse_anchor(published: str | None) -> Period | None:
    """The article's own date ("2016-04-16", "2004-12", "2004", or an ISO datetime) as a period."""
    match = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return year_of(year)
    if day is None:
        return month_of(year, month) if 1 <= month <= 12 else None
    return day_of(year, month, day)


Resolver = Callable[[re.Match[str], "Period | None", Tense], "Period | None"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One date expression found in a text: character offsets, kind, and how to resolve it."""

    start: int
    end: int
    text: str
    kind: Kind
    unit: str | None
    _match: re.Match[str]
    _resolver: Resolver
    year: int | None = None  # "March" in "March or April of 2005" borrows 2005

    def resolve(self, anchor: Period | None, tense: Tense = "past") -> Period | None:
        """The period meant, given the article date and the tense of the clause; None if unknown."""
        if self.year is not None:
            anchor = year_of(self.year)
        if anchor is None and self.kind not in ("absolute", "duration", "decade"):
            return None
        return self._resolver(self._match, anchor, tense)


# --- building blocks -------------------------------------------------------------------------------

_MONTHS = {
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
_WEEKDAYS = {
    name: i
    for i, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
}
_NUMBERS = {
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

_FULL_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
)
_ANY_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_VAGUE = r"(?:several|a few|few|many|some|a number of|dozens of)"
# A bare month only counts as a date after one of these words ("in May", "the November vote"), so
# that "Theresa May" or "March on Rome" is left alone.
_BEFORE_BARE_MONTH = frozenset(
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


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _count(match: re.Match[str]) -> int:
    text = re.sub(r"\s+", " ", match["count"].lower())
    return int(text) if text.isdigit() else _NUMBERS[text]


def _week_period(monday: date) -> Period | None:
    """A week (or weekend) as its month; one that straddles two months is left undated."""
    return _span_period(monday, monday + timedelta(days=6))


def _span_period(first: date, last: date) -> Period | None:
    if (first.year, first.month) == (last.year, last.month):
        return month_of(first.year, first.month)
    return None


def _pick_year(month: int, day: int | None, anchor: Period, mode: str) -> int | None:
    """The year of a year-less "December" / "December 8", seen from the article date.

    `mode`: "last" (strictly before the article's month or day), "next" (strictly after), "this"
    (the article's year), or a tense: "past" (on or before), "future" (on or after), "present"
    (the nearest: "the elections are planned for June", "June 4 now means something else").
    """
    year = anchor.start.year
    if anchor.precision == "year" or mode == "this":
        return year if mode in ("this", "past", "present", "future") else None
    here = (anchor.start.month, anchor.start.day if anchor.precision == "day" and day else 0)
    there = (month, day if anchor.precision == "day" and day else 0)
    if mode == "last":
        return year if there < here else year - 1
    if mode == "next":
        return year if there > here else year + 1
    if mode == "past":
        return year if there <= here else year - 1
    if mode == "future":
        return year if there >= here else year + 1

    def distance(y: int) -> int:
        when = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
        return abs((when - anchor.start).days)

    return min((year - 1, year, year + 1), key=lambda y: (distance(y), y > year))


# --- resolvers -------------------------------------------------------------------------------------


def _absolute_day(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return day_of(int(m["year"]), _month_number(m["month"]), int(m["day"]))


def _absolute_month(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return month_of(int(m["year"]), _month_number(m["month"]))


def _iso(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    if m["day"]:
        return day_of(int(m["year"]), int(m["month"]), int(m["day"]))
    return month_of(int(m["year"]), int(m["month"]))


def _absolute_year(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return year_of(int(m["year"]))


def _nothing(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return None


def _month_day(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month, day = _month_number(m["month"]), int(m["day"])
    year = _pick_year(month, day, anchor, tense)
    return day_of(year, month, day) if year else None


def _month_range(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month = _month_number(m["month"])
    year = _pick_year(month, None, anchor, tense)
    return month_of(year, month) if year else None


def _bare_month(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month = _month_number(m["month"])
    mod = (m["mod"] or "").lower()
    year = _pick_year(month, None, anchor, mod if mod in ("last", "next", "this") else tense)
    return month_of(year, month) if year else None


def _weekday(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if anchor.precision != "day":
        return None
    today, wanted = anchor.start, _WEEKDAYS[m["weekday"]]
    back = (today.weekday() - wanted) % 7
    ahead = (wanted - today.weekday()) % 7
    mod = (m["mod"] or "").lower()
    if mod == "last":
        shift = -(back or 7)
    elif mod in ("next", "coming"):
        shift = ahead or 7
    elif tense == "past" or mod == "past":
        shift = -back
    else:
        shift = ahead
    return Period(today + timedelta(days=shift), "day")


def _day_word(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if anchor.precision != "day":
        return None
    word = " ".join(m["word"].lower().split())
    shift = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    return Period(anchor.start + timedelta(days=shift), "day")


def _this_last_next(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if m["the"] and m["mod"].lower() != "this":
        return None  # "the last year", "the next week": a duration, not a date
    step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[m["mod"].lower()]
    unit = m["unit"].lower()
    if unit == "year":
        return year_of(anchor.start.year + step)
    if anchor.precision == "year":
        return None
    if unit == "month":
        return month_of(anchor.start.year, anchor.start.month + step)
    if anchor.precision != "day":
        return None
    if unit == "week":
        return _week_period(anchor.start - timedelta(days=anchor.start.weekday()) + timedelta(weeks=step))
    return _weekend(anchor.start, step if m["mod"].lower() != "this" else None, tense)


def _the_weekend(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    return _weekend(anchor.start, None, tense) if anchor.precision == "day" else None


def _weekend(today: date, step: int | None, tense: Tense) -> Period | None:
    """The weekend meant: on a weekend day, that one; else the one before (past) or after."""
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)  # latest Saturday on or before
    if step is None:
        if today.weekday() < 5 and tense != "past":
            saturday += timedelta(weeks=1)
    elif step < 0 and today.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    elif step > 0:
        saturday += timedelta(weeks=1)
    return _span_period(saturday, saturday + timedelta(days=1))


def _ago(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if m["qual"]:
        return None  # "more than a month ago": an open bound, not a date
    count, unit = _count(m), m["unit"].lower()
    if unit == "year":
        return year_of(anchor.start.year - count)
    if anchor.precision == "year":
        return None
    if unit == "month":
        return month_of(anchor.start.year, anchor.start.month - count)
    if anchor.precision != "day":
        return None
    if unit == "week":
        then = anchor.start - timedelta(weeks=count)
        return _week_period(then - timedelta(days=then.weekday()))
    return Period(anchor.start - timedelta(days=count), "day")


# --- the patterns ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    kind: Kind
    resolve: Resolver
    check: Callable[[str, re.Match[str]], bool] | None = None
    needs: frozenset[str] = frozenset()


def _year_stands_alone(text: str, m: re.Match[str]) -> bool:
    """Not part of a number, an amount, a code or "pre-1948" / "post-2001"."""
    before = text[: m.start("year")]
    return not re.search(r"(?:[\w$£€#.,/]|(?<!mid)(?<!early)(?<!late)-)$", before, re.I)


def _bare_month_ok(text: str, m: re.Match[str]) -> bool:
    if m["mod"]:
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", text[: m.start()])
    return previous is not None and previous.group(1).lower() in _BEFORE_BARE_MONTH


def _p(
    regex: str,
    kind: Kind,
    resolve: Resolver,
    check: Callable[[str, re.Match[str]], bool] | None = None,
    flags: int = 0,
    needs: str = "",
) -> _Pattern:
    return _Pattern(re.compile(regex, flags), kind, resolve, check, frozenset(needs.split()))


# Cheap tests run once per text, so that a pattern is only tried where it could match (the
# duration patterns are slow on long sentences).
_FEATURES: dict[str, Callable[[str], object]] = {
    "digit": re.compile(r"\d").search,
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)").search,
    "weekday": lambda text: (
        "day" in text and bool(re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", text))
    ),
    "dayword": lambda text: any(
        w in text.lower()
        for w in ("today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon", "evening")
    ),
    "unit": re.compile(r"\b(?:[Yy]ear|[Mm]onth|[Ww]eek|[Dd]ay|[Dd]ecade|[Hh]our)").search,
}


_PATTERNS: tuple[_Pattern, ...] = (
    _p(rf"\b{_YEAR}-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>[0-3]\d))?\b", "absolute", _iso, needs="digit"),
    _p(rf"\b{_ANY_MONTH}\s+{_DAY},?\s+{_YEAR}\b", "absolute", _absolute_day, needs="digit month"),
    _p(
        rf"\b[0-3]?\d\s*[-–]\s*[0-3]?\d\s+{_FULL_MONTH},?\s+{_YEAR}\b",
        "absolute",
        _absolute_month,
        needs="digit month",
    ),
    _p(rf"\b{_DAY}\s+(?:of\s+)?{_ANY_MONTH},?\s+{_YEAR}\b", "absolute", _absolute_day, needs="digit month"),
    _p(
        rf"\b(?:(?i:early|mid|late)[- ])?{_FULL_MONTH}(?:\s+of)?,?\s+{_YEAR}\b(?![-–]\d)",
        "absolute",
        _absolute_month,
        needs="digit month",
    ),
    _p(
        rf"\b(?:(?P<mod>(?i:mid|early|late))[- ])?{_YEAR}(?![\w%]|[.,]\d)",
        "absolute",
        _absolute_year,
        _year_stands_alone,
        needs="digit",
    ),
    _p(
        r"\b(?:the\s+)?(?:(?i:early|mid|late)[- ])?(?:1[5-9]\d0|20\d0)s\b|'[0-9]0s\b",
        "decade",
        _nothing,
        needs="digit",
    ),
    _p(r"\b(?i:the\s+)?\d{1,2}(?:st|nd|rd|th)[- ](?i:century)\b", "decade", _nothing, needs="digit"),
    _p(
        rf"\b[0-3]?\d\s*[-–]\s*[0-3]?\d\s+{_FULL_MONTH}\b(?!,?\s+\d)",
        "anchored",
        _month_range,
        needs="digit month",
    ),
    _p(rf"\b{_ANY_MONTH}\s+{_DAY}\b(?!,?\s*\d)(?!\s*[-–])", "anchored", _month_day, needs="digit month"),
    _p(rf"\b{_DAY}\s+(?:of\s+)?{_FULL_MONTH}\b(?!,?\s+\d)", "anchored", _month_day, needs="digit month"),
    _p(
        rf"(?:\b(?P<mod>(?i:last|next|this|early|mid|late))[- ])?\b{_FULL_MONTH}\b(?!\s*\d)",
        "anchored",
        _bare_month,
        _bare_month_ok,
        needs="month",
    ),
    _p(
        r"(?:\b(?P<mod>(?i:last|next|this|past|coming))\s+)?"
        r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b)",
        "relative",
        _weekday,
        needs="weekday",
    ),
    _p(
        r"\b(?:(?:earlier|later)\s+)?"
        r"(?P<word>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
        "relative",
        _day_word,
        flags=re.I,
        needs="dayword",
    ),
    _p(
        r"(?P<the>\bthe\s+)?\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|past|next|coming)\s+"
        r"(?P<unit>week|month|year|weekend)\b(?!s)",
        "relative",
        _this_last_next,
        flags=re.I,
        needs="unit",
    ),
    _p(r"\b(?:over|during|at|on)\s+the\s+weekend\b", "relative", _the_weekend, flags=re.I, needs="unit"),
    _p(
        rf"\b(?P<qual>(?:more|less)\s+than\s+|over\s+|at\s+least\s+|under\s+)?(?:{_VAGUE}|{_COUNT})\s+"
        r"(?P<unit>year|month|week|day)s?\s+ago\b",
        "relative",
        lambda m, a, t: None if m["count"] is None else _ago(m, a, t),
        flags=re.I,
        needs="unit",
    ),
    _p(
        rf"\b(?:(?:the|over|for|during|in|after)\s+)*(?:(?:past|last|next|coming|first|another|more\s+than|"
        rf"nearly|almost|about|some)\s+)*(?:{_COUNT}|{_VAGUE})?[\s-]*(?:long\s+)?"
        r"(?P<unit>year|month|week|day|decade|hour)s?(?:[\s-]+long)?\b(?![\s-]+old\b)",
        "duration",
        _nothing,
        flags=re.I,
        needs="unit",
    ),
)


@lru_cache(maxsize=8192)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """Date expressions in `text`, left to right, the longest winning where two overlap.

    Cached: the timeline and the background both read every sentence.
    """
    found: list[Mention] = []
    present = {name for name, feature in _FEATURES.items() if feature(text)}
    for pattern in _PATTERNS:
        if not pattern.needs <= present:
            continue
        for m in pattern.regex.finditer(text):
            if pattern.check is not None and not pattern.check(text, m):
                continue
            if pattern.kind == "duration" and not _is_duration(m):
                continue
            unit = m.groupdict().get("unit")
            found.append(
                Mention(
                    m.start(), m.end(), m.group(), pattern.kind, unit and unit.lower(), m, pattern.resolve
                )
            )
    chosen: list[Mention] = []
    for mention in sorted(found, key=lambda x: (-(x.end - x.start), x.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return tuple(_share_years(text, sorted(chosen, key=lambda x: x.start)))


def _share_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """A year-less month joined to a dated one takes its year: "March or April of 2005"."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        here, after = out[i], out[i + 1]
        joined = re.fullmatch(r"\s*(?:,|or|and|to|through|until|till|[-–])\s*", text[here.end : after.start])
        period = after.resolve(None) if after.kind == "absolute" else None
        year = after.year or (period.start.year if period else None)
        if here.kind == "anchored" and joined and year and not here._match.groupdict().get("mod"):
            out[i] = replace(here, year=year)
    return out


def _is_duration(m: re.Match[str]) -> bool:
    """A counted or qualified stretch of time ("two-month", "the past year"), not a lone "year"."""
    words = set(m.group().lower().replace("-", " ").split())
    return bool(m["count"]) or bool(words & _QUALIFIERS)


_QUALIFIERS = frozenset(
    ["past", "last", "next", "coming", "first", "another", "several", "few", "many", "some", "dozens"]
)
