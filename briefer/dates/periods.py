"""Periods: what a date expression resolves to, at the precision the text gives.

ISO 8601 text at reduced precision ("2016", "2016-02", "2016-02-22"), an ISO week ("2016-W08")
and the weekend of an ISO week ("2016-W08-WE", the notation of the hand labels in
`../shared/eval`). A timeline sorts these by `sort_key`, not as text: "2016-W08" would sort after
"2016-12" as a string.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "week", "weekend", "day"]


@dataclass(frozen=True, slots=True)
class Period:
    """A year, a month, an ISO week (from its Monday), a weekend (from its Saturday) or a day."""

    start: date
    precision: Precision

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.precision in ("week", "weekend"):
            year, week, _ = self.start.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if self.precision == "weekend" else "")
        return self.start.isoformat()

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.precision == "year":
            return date(self.start.year, 12, 31)
        if self.precision == "month":
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return date(self.start.year, self.start.month, last)
        if self.precision == "week":
            return self.start + timedelta(days=6)
        if self.precision == "weekend":
            return self.start + timedelta(days=1)
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


def week_of(day: date) -> Period:
    """The ISO week (Monday to Sunday) holding `day`."""
    return Period(day - timedelta(days=day.weekday()), "week")


def weekend_of(saturday: date) -> Period:
    return Period(saturday, "weekend")


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


_ISO = re.compile(r"(\d{4})(?:-W(\d{2})(-WE)?|-(\d{2})(?:-(\d{2}))?)?")


def parse_iso(text: str) -> Period | None:
    """The period an ISO text of `Period.iso` names; None for anything else."""
    m = _ISO.fullmatch(text)
    if not m:
        return None
    year, week, weekend, month, day = m.groups()
    try:
        if week:
            monday = date.fromisocalendar(int(year), int(week), 1)
            return weekend_of(monday + timedelta(days=5)) if weekend else Period(monday, "week")
        if day:
            return day_of(int(year), int(month), int(day))
        if month:
            return month_of(int(year), int(month)) if 1 <= int(month) <= 12 else None
        return year_of(int(year))
    except ValueError:
        return None


def sort_key(iso: str) -> tuple[date, int, str]:
    """Chronological order of ISO texts: by first day, the longer period first ("2016" < "2016-02"
    < "2016-W08" < "2016-02-22"); text that is not a period sorts last."""
    period = parse_iso(iso)
    if period is None:
        return (date.max, 0, iso)
    return (period.start, -(period.end - period.start).days, iso)
