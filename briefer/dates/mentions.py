"""Finding date expressions in a sentence: the patterns, the checks that veto a match, overlaps.

Cheap feature tests run once per text so that a pattern is only tried where it could match (the
duration patterns are slow on long sentences); where two matches overlap the longest wins, so a
duration ("the last two years") blocks the shorter date inside it ("last two years" is not "last
year").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from briefer.dates import resolvers as r
from briefer.dates.periods import Period, year_of
from briefer.dates.words import (
    ANY_MONTH,
    BEFORE_BARE_MONTH,
    CLOCK_AFTER,
    COUNT,
    DAY,
    FULL_MONTH,
    QUALIFIERS,
    VAGUE,
    YEAR,
)

Kind = Literal["absolute", "anchored", "relative", "duration", "decade"]
Resolver = Callable[[re.Match[str], "Period | None", r.Tense], "Period | None"]


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

    def resolve(self, anchor: Period | None, tense: r.Tense = "past") -> Period | None:
        """The period meant, given the article date and the tense of the clause; None if unknown."""
        if self.year is not None:
            anchor = year_of(self.year)
        if anchor is None and self.kind not in ("absolute", "duration", "decade"):
            return None
        return self._resolver(self._match, anchor, tense)


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    kind: Kind
    resolve: Resolver
    check: Callable[[str, re.Match[str]], bool] | None = None
    needs: frozenset[str] = frozenset()


def _year_stands_alone(text: str, m: re.Match[str]) -> bool:
    """Not part of a number, an amount, a code, "pre-1948" / "post-2001", or a clock time."""
    before = text[: m.start("year")]
    if CLOCK_AFTER.match(text, m.end()):
        return False  # "1700 GMT", "0900 hours"
    return not re.search(r"(?:[\w$£€#.,/]|(?<!mid)(?<!early)(?<!late)-)$", before, re.I)


def _bare_month_ok(text: str, m: re.Match[str]) -> bool:
    if m["mod"]:
        return True
    previous = re.search(r"([A-Za-z]+)\W*$", text[: m.start()])
    return previous is not None and previous.group(1).lower() in BEFORE_BARE_MONTH


_PROGRAMME = re.compile(r"\s*(?:show|programme|program|newspaper)\b", re.I)


def _day_word_ok(text: str, m: re.Match[str]) -> bool:
    """Not a name: "USA Today", the BBC's "Today" programme, NBC's "Today show", "The Tonight Show"."""
    if _PROGRAMME.match(text, m.end()):
        return False
    word, before = m["word"], text[: m.start("word")].rstrip()
    capital_inside = word[0].isupper() and before != "" and before[-1] not in ".!?\"“‘'(:—–-"
    return not capital_inside


def _p(
    regex: str,
    kind: Kind,
    resolve: Resolver,
    check: Callable[[str, re.Match[str]], bool] | None = None,
    flags: int = 0,
    needs: str = "",
) -> _Pattern:
    return _Pattern(re.compile(regex, flags), kind, resolve, check, frozenset(needs.split()))


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
    _p(rf"\b{YEAR}-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>[0-3]\d))?\b", "absolute", r.iso, needs="digit"),
    _p(rf"\b{ANY_MONTH}\s+{DAY},?\s+{YEAR}\b", "absolute", r.absolute_day, needs="digit month"),
    _p(
        rf"\b[0-3]?\d\s*[-–]\s*[0-3]?\d\s+{FULL_MONTH},?\s+{YEAR}\b",
        "absolute",
        r.absolute_month,
        needs="digit month",
    ),
    _p(rf"\b{DAY}\s+(?:of\s+)?{ANY_MONTH},?\s+{YEAR}\b", "absolute", r.absolute_day, needs="digit month"),
    _p(
        rf"\b(?:(?i:early|mid|late)[- ])?{FULL_MONTH}(?:\s+of)?,?\s+{YEAR}\b(?![-–]\d)",
        "absolute",
        r.absolute_month,
        needs="digit month",
    ),
    _p(
        rf"\b(?:(?P<mod>(?i:mid|early|late))[- ])?{YEAR}(?![\w%]|[.,]\d)",
        "absolute",
        r.absolute_year,
        _year_stands_alone,
        needs="digit",
    ),
    _p(
        r"\b(?:the\s+)?(?:(?i:early|mid|late)[- ])?(?:1[5-9]\d0|20\d0)s\b|'[0-9]0s\b",
        "decade",
        r.nothing,
        needs="digit",
    ),
    _p(r"\b(?i:the\s+)?\d{1,2}(?:st|nd|rd|th)[- ](?i:century)\b", "decade", r.nothing, needs="digit"),
    _p(
        rf"\b{ANY_MONTH}(?:\s+{DAY})?,?\s+(?:of\s+)?(?P<mod>(?i:last|this|next))\s+(?i:year)\b",
        "relative",
        r.month_of_named_year,
        needs="month unit",
    ),
    _p(
        rf"\b[0-3]?\d\s*[-–]\s*[0-3]?\d\s+{FULL_MONTH}\b(?!,?\s+\d)",
        "anchored",
        r.month_range,
        needs="digit month",
    ),
    _p(rf"\b{ANY_MONTH}\s+{DAY}\b(?!,?\s*\d)(?!\s*[-–])", "anchored", r.month_day, needs="digit month"),
    _p(rf"\b{DAY}\s+(?:of\s+)?{FULL_MONTH}\b(?!,?\s+\d)", "anchored", r.month_day, needs="digit month"),
    _p(
        rf"(?:\b(?P<mod>(?i:last|next|this|early|mid|late))[- ])?\b{FULL_MONTH}\b(?!\s*\d)",
        "anchored",
        r.bare_month,
        _bare_month_ok,
        needs="month",
    ),
    _p(
        r"(?:\b(?P<mod>(?i:last|next|this|past|coming))\s+)?"
        r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b)",
        "relative",
        r.weekday,
        needs="weekday",
    ),
    _p(
        r"\b(?:(?:earlier|later)\s+)?"
        r"(?P<word>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
        "relative",
        r.day_word,
        _day_word_ok,
        flags=re.I,
        needs="dayword",
    ),
    _p(
        r"(?P<the>\bthe\s+)?\b(?:(?:earlier|later)\s+)?(?P<mod>this|last|past|next|coming)\s+"
        r"(?P<unit>week|month|year|weekend)\b(?!s)",
        "relative",
        r.this_last_next,
        flags=re.I,
        needs="unit",
    ),
    _p(r"\b(?:over|during|at|on)\s+the\s+weekend\b", "relative", r.the_weekend, flags=re.I, needs="unit"),
    _p(
        rf"\b(?P<qual>(?:more|less)\s+than\s+|over\s+|at\s+least\s+|under\s+)?(?:{VAGUE}|{COUNT})\s+"
        r"(?P<unit>year|month|week|day)s?\s+ago\b",
        "relative",
        r.ago,
        flags=re.I,
        needs="unit",
    ),
    _p(
        rf"\b(?:(?:the|over|for|during|in|after)\s+)*(?:(?:past|last|next|coming|first|another|more\s+than|"
        rf"nearly|almost|about|some)\s+)*(?:{COUNT}|{VAGUE})?[\s-]*(?:long\s+)?"
        r"(?P<unit>year|month|week|day|decade|hour)s?(?:[\s-]+long)?\b(?![\s-]+old\b)",
        "duration",
        r.nothing,
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
    return bool(m["count"]) or bool(words & QUALIFIERS)
