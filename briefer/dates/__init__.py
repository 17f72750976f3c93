"""Date expressions in English news text, resolved against the article's own date.

Own rules rather than dateparser: dateparser costs about 0.35 s to import and warm up, which a cold
brief cannot afford, and it is wrong on news phrasing ("last December" -> None, "on Saturday" -> a
week early). These rules read the text only; the caller (timeline.py) supplies the tense of the
clause, which decides the direction of a bare weekday or month.

What is a date, and how precise (ISO 8601, reduced precision: "2011", "2014-06", "2016-04-18";
an ISO week "2016-W08" or the weekend of one "2016-W08-WE"; `periods.sort_key` orders them):

- Absolute: "November 21, 2004", "21 November 2004", "September 2000", "April of 2005", "2011",
  "mid-2014" / "early 2015" / "late 2013" (the year), "2021-05-26". A day range ("7-9 December")
  is dated by its month.
- Year taken from the article: "December 8", "8 December", "in August", "last December",
  "next March", "March last year". "last"/"next" mean the latest before / the first after the
  article's month (or day); otherwise the tense decides: past -> on or before the article date,
  future -> on or after it, when that is within a few months (news gives the year of a date further
  off, so "March 1" in a February story is the coming one); present or unknown -> the nearest one
  ("the elections are planned for June").
- Relative to the article's day: "today", "tonight", "this morning", "yesterday", "last night",
  "tomorrow"; weekdays ("on Saturday", "a Monday meeting", "last Sunday", "next Friday"; past ->
  the latest such day on or before the article date, future -> the first on or after it, present
  or unknown -> the nearer of the two, "last" / "next" strictly before / after); "N days ago".
- Relative at coarser precision: "this/last/next month", "earlier/later this month",
  "this/last/next year", "earlier this year", "N years/months ago" ("Two years ago" in 2016 ->
  "2014"); "this/last/next week", "earlier this week", "N weeks ago" as ISO weeks; "the weekend",
  "last/next weekend" as the weekend of an ISO week.
- Not dates (found so that they block shorter matches, and reported as periods for background):
  durations ("for 17 long months", "two-month truce", "seven years of conflict", "the last two
  years", "the past week"), vague or open bounds ("more than a month ago", "a few years ago",
  "six years later"), decades and centuries ("the 1990s": a decade is context, not an event;
  `Mention.kind` "decade" lets background use it); clock times ("1700 GMT") and names ("USA
  Today", the "Today" programme).

Without an article date only absolute expressions resolve.

Modules: `periods` (what a date resolves to), `words` (the vocabulary), `resolvers` (one function
per kind of expression), `mentions` (the patterns and `find_mentions`).
"""

from __future__ import annotations

from briefer.dates.mentions import Kind, Mention, find_mentions
from briefer.dates.periods import (
    Period,
    Precision,
    day_of,
    month_of,
    parse_anchor,
    parse_iso,
    sort_key,
    week_of,
    weekend_of,
    year_of,
)
from briefer.dates.resolvers import Tense

__all__ = [
    "Kind",
    "Mention",
    "Period",
    "Precision",
    "Tense",
    "day_of",
    "find_mentions",
    "month_of",
    "parse_anchor",
    "parse_iso",
    "sort_key",
    "week_of",
    "weekend_of",
    "year_of",
]
