"""How each kind of date expression resolves against the article's date and the clause's tense.

A resolver takes the regex match, the article's date (`anchor`, None when unknown) and the tense
("past", "present", "future"; "present" also means the parse could not tell; "named" that the
date names a thing, "the November election", so no verb dates it) and returns the period meant,
or None when it cannot be known.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from briefer.dates.periods import Period, day_of, month_of, week_of, weekend_of, year_of
from briefer.dates.words import WEEKDAYS, count_of, month_number

Tense = Literal["past", "present", "future", "named"]

# How far a year-less date may lie in the direction the tense points (in months) before the
# reading of an unknown tense wins instead: news gives the year of a date more than a few months
# away, so "March 1" in a February story is not last year's even where the parse reads the clause
# as past. A date that names a thing keeps the article's own year up to `_SAME_YEAR` months away
# (style books drop the current year: "the November election" in March), else the nearest.
_REACH = {"past": 9, "future": 11}
_SAME_YEAR = 8


def pick_year(month: int, day: int | None, anchor: Period, mode: str) -> int | None:
    """The year of a year-less "December" / "December 8", seen from the article date.

    `mode`: "last" (strictly before the article's month or day), "next" (strictly after), "this"
    (the article's year), or a tense: the latest such date on or before the article (past) or the
    first on or after it (future) when that is within a few months; "named" (the November
    election) the article's year when that is within a few months; else, and for "present" (the
    tense unknown or not telling: "the elections are planned for June"), the nearest.
    """
    year = anchor.start.year
    if anchor.precision == "year" or mode == "this":
        return year if mode in ("this", "past", "present", "future", "named") else None
    by_day = anchor.precision == "day" and day is not None
    here = (anchor.start.month, anchor.start.day if by_day else 0)
    there = (month, day if by_day and day is not None else 0)
    if mode == "last":
        return year if there < here else year - 1
    if mode == "next":
        return year if there > here else year + 1
    offsets = {y: _offset(y, month, day if by_day else None, anchor) for y in (year - 1, year, year + 1)}
    unit = 31 if by_day else 1
    if mode in _REACH:
        sign = -1 if mode == "past" else 1
        ahead = [y for y, off in offsets.items() if off * sign >= 0]
        best = max(ahead) if sign < 0 else min(ahead)
        if abs(offsets[best]) <= _REACH[mode] * unit:
            return best
    if mode == "named" and abs(offsets[year]) <= _SAME_YEAR * unit:
        return year
    return min(offsets, key=lambda y: (abs(offsets[y]), y != year, y))


def _offset(year: int, month: int, day: int | None, anchor: Period) -> int:
    """Days (for a day against a dated article) or months from the article to the date."""
    if day is None:
        return (year * 12 + month) - (anchor.start.year * 12 + anchor.start.month)
    when = date(year, month, max(1, min(day, calendar.monthrange(year, month)[1])))
    return (when - anchor.start).days


def absolute_day(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return day_of(int(m["year"]), month_number(m["month"]), int(m["day"]))


def absolute_month(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return month_of(int(m["year"]), month_number(m["month"]))


def iso(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    if m["day"]:
        return day_of(int(m["year"]), int(m["month"]), int(m["day"]))
    return month_of(int(m["year"]), int(m["month"]))


def absolute_year(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return year_of(int(m["year"]))


def nothing(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    return None


def month_day(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month, day = month_number(m["month"]), int(m["day"])
    year = pick_year(month, day, anchor, tense)
    return day_of(year, month, day) if year else None


def month_range(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month = month_number(m["month"])
    year = pick_year(month, None, anchor, tense)
    return month_of(year, month) if year else None


def bare_month(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    month = month_number(m["month"])
    mod = (m["mod"] or "").lower()
    year = pick_year(month, None, anchor, mod if mod in ("last", "next", "this") else tense)
    return month_of(year, month) if year else None


_STEPS = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}


def month_of_named_year(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    """ "March last year", "March 3 this year", "June of next year"."""
    assert anchor is not None
    year = anchor.start.year + _STEPS[m["mod"].lower()]
    if m["day"]:
        return day_of(year, month_number(m["month"]), int(m["day"]))
    return month_of(year, month_number(m["month"]))


def weekday(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    """Past: the latest such day on or before the article; future: the first on or after it;
    present (or unknown): the nearer of the two, so "on Saturday" said on a Sunday is yesterday."""
    assert anchor is not None
    if anchor.precision != "day":
        return None
    today, wanted = anchor.start, WEEKDAYS[m["weekday"]]
    back = (today.weekday() - wanted) % 7
    ahead = (wanted - today.weekday()) % 7
    mod = (m["mod"] or "").lower()
    if mod == "last":
        shift = -(back or 7)
    elif mod in ("next", "coming"):
        shift = ahead or 7
    elif tense == "past" or mod == "past":
        shift = -back
    elif tense == "future":
        shift = ahead
    else:
        shift = -back if back <= ahead else ahead
    return Period(today + timedelta(days=shift), "day")


def day_word(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if anchor.precision != "day":
        return None
    word = " ".join(m["word"].lower().split())
    shift = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    return Period(anchor.start + timedelta(days=shift), "day")


def this_last_next(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if m["the"] and m["mod"].lower() != "this":
        return None  # "the last year", "the next week": a duration, not a date
    step = _STEPS[m["mod"].lower()]
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
        return week_of(anchor.start + timedelta(weeks=step))
    return weekend(anchor.start, step if m["mod"].lower() != "this" else None, tense)


def the_weekend(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    return weekend(anchor.start, None, tense) if anchor.precision == "day" else None


def weekend(today: date, step: int | None, tense: Tense) -> Period:
    """The weekend meant: on a weekend day, that one; else the one before (past) or after."""
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)  # latest Saturday on or before
    if step is None:
        if today.weekday() < 5 and tense != "past":
            saturday += timedelta(weeks=1)
    elif step < 0 and today.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    elif step > 0:
        saturday += timedelta(weeks=1)
    return weekend_of(saturday)


def ago(m: re.Match[str], anchor: Period | None, tense: Tense) -> Period | None:
    assert anchor is not None
    if m["qual"] or m["count"] is None:
        return None  # "more than a month ago", "a few weeks ago": an open bound, not a date
    count, unit = count_of(m), m["unit"].lower()
    if unit == "year":
        return year_of(anchor.start.year - count)
    if anchor.precision == "year":
        return None
    if unit == "month":
        return month_of(anchor.start.year, anchor.start.month - count)
    if anchor.precision != "day":
        return None
    if unit == "week":
        return week_of(anchor.start - timedelta(weeks=count))
    return Period(anchor.start - timedelta(days=count), "day")
