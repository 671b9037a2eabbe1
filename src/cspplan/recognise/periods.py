"""Years, financial years and year ranges: "2007/08", "2003/4", "2005 – 2008", "2008".

UK public bodies plan in financial years running from 1 April to 31 March, so "2005/06" is
2005-04-01 to 2006-03-31, and a year range in a plan's title ("2008 / 2011", "2011-2014")
is read the same way: from April of the first year to March of the last.
"""

from __future__ import annotations

import datetime as dt

from ..model.values import Period
from ..text.patterns import Match, lazy

__all__ = [
    "MAX_SPAN_YEARS",
    "PERIOD_PATTERN",
    "financial_year",
    "find_period",
    "parse_period",
    "year_of",
]

_YEAR = r"(?:19|20)\d{2}"
PERIOD_PATTERN = lazy(
    rf"(?<![\d/])(?P<first>{_YEAR})(?:\s*(?P<sep>[/\-–—]|to(?=\s*{_YEAR}))\s*(?P<second>{_YEAR}|\d{{1,2}})(?![\d/]))?(?!\d)"
)
"""A year, a financial year or a year range, in any of the common spellings. A range written
with "to" needs both years in full ("2004 to 2006"): in "from 12 in 2007 to 19 in 2008" the
"to 19" is a figure, not the end of a span."""


MAX_SPAN_YEARS = 20
"""Longest year range read as one period; a wider one ("1990-2020") is a history, not a plan's
span, and a second part read as its century ("2007/1") would run back in time."""


def year_of(first: int, fragment: str) -> int:
    """The full year a short second part means: ``year_of(2003, "4")`` is 2004,
    ``year_of(2007, "08")`` is 2008, ``year_of(1999, "00")`` is 2000."""
    if len(fragment) >= 4:
        return int(fragment)
    width: int = 10 ** len(fragment)
    candidate: int = first - first % width + int(fragment)
    return candidate if candidate > first else candidate + width


def financial_year(start_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the financial year that starts in April of ``start_year``."""
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _period(match: Match) -> Period | None:
    first = int(match.group("first"))
    second_text = match.group("second")
    text = match.group(0).strip()
    if second_text is None:
        return Period(text=text, start=dt.date(first, 1, 1), end=dt.date(first, 12, 31))
    second = year_of(first, second_text)
    if second <= first or second - first > MAX_SPAN_YEARS:
        return None
    return Period(text=text, start=financial_year(first)[0], end=financial_year(second - 1)[1])


def parse_period(text: str) -> Period | None:
    """The period ``text`` names, where the whole text is one period; else ``None``."""
    cleaned = text.strip().strip("()")
    try:
        match = PERIOD_PATTERN.fullmatch(cleaned)
    except TimeoutError:
        return None
    return _period(match) if match else None


def find_period(text: str) -> Period | None:
    """The first year range or financial year in ``text``, else the first plain year."""
    plain: Period | None = None
    try:
        for match in PERIOD_PATTERN.finditer(text):
            period = _period(match)
            if period is None:
                continue
            if match.group("second") is not None:
                return period
            plain = plain or period
    except TimeoutError:
        return plain
    return plain
