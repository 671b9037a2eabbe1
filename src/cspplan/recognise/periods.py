"""Years, financial years and year ranges: "2007/08", "2003/4", "2005 – 2008", "2008".

UK public bodies plan in financial years running from 1 April to 31 March, so "2005/06" is
2005-04-01 to 2006-03-31, and a year range in a plan's title ("2008 / 2011", "2011-2014")
is read the same way: from April of the first year to March of the last.
"""

from __future__ import annotations

import datetime as dt

from ..model.values import Period
from ..text.patterns import IGNORECASE, Match, lazy

__all__ = [
    "MAX_SPAN_YEARS",
    "PERIOD_PATTERN",
    "SECTION_PERIOD_WORDS",
    "financial_year",
    "find_period",
    "parse_period",
    "section_period",
    "title_period",
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


def _periods(text: str) -> list[tuple[Match, Period]]:
    found: list[tuple[Match, Period]] = []
    for match in PERIOD_PATTERN.finditer(text):
        period = _period(match)
        if period is not None:
            found.append((match, period))
    return found


def _hull(periods: list[Period]) -> Period:
    """One period from the start of the earliest to the end of the latest; the widest one
    where it covers all the others, else their texts joined ("2006/07 and 2007/08")."""
    starts = [p.start for p in periods if p.start is not None]
    ends = [p.end for p in periods if p.end is not None]
    start, end = min(starts), max(ends)
    for period in periods:
        if period.start == start and period.end == end:
            return period
    texts = list(dict.fromkeys(p.text for p in periods))
    return Period(text=" and ".join(texts), start=start, end=end)


def title_period(title: str) -> Period | None:
    """The period a plan's title covers. A title naming one year range or financial year
    covers it; one naming several ("Performance Summary 2006/07 and Delivery Plan 2007/08":
    a report on one year with the plan for the next) covers them all, from the start of the
    first to the end of the last. A plain year counts only where no range is named."""
    try:
        found = _periods(title)
    except TimeoutError:
        return None
    ranges = [period for match, period in found if match.group("second") is not None]
    if ranges:
        return _hull(ranges)
    return found[0][1] if found else None


SECTION_PERIOD_WORDS = 20
"""Most words a heading or a table's caption may have and still name the period of what is
beneath it; a longer line is a sentence, whose years may be anything."""

_NOT_SECTION_BEFORE = lazy(
    r"(?:\b(?:by|until|till|to|from|since|before|after|than|versus|vs|through|between|and"
    r"|act|order|regulations|q[1-4]|quarter|end\s+of|start\s+of|beginning\s+of)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\W{0,3}$",
    IGNORECASE,
)
"""Words before a year that make it a deadline, a date, a quarter or a name ("by 2011",
"March 2020", "Q1 2019/20", "Crime and Disorder Act 1998"), not the span of a section."""
_NOT_SECTION_AFTER = lazy(r"^\W{0,3}(?:onwards?|and\s+beyond|to\s+date)\b", IGNORECASE)
_PLAIN_YEAR_BEFORE = lazy(r"\b(?:for|in|during|of)\W{0,3}$", IGNORECASE)
"""A plain year names a section's span only after "for", "in", "during" or "of" ("Projects for
2012"); elsewhere ("Burglary 2008", "Census 2011") it may be a figure's year or a name."""


def section_period(text: str) -> Period | None:
    """The period a heading or a table's caption sets for what is beneath it ("Delivery plan
    2007/08", "What we will do in 2013-14", "Projects for 2012/13", "Actions 2019 to 2021"),
    where it names exactly one. A year that is a deadline, a date, a quarter or part of a
    name ("by 2011", "March 2020", "Q1 2019/20") is not a span; a line naming two spans
    ("2018/19 compared with 2017/18") sets none."""
    flat = " ".join(text.split())
    if not flat or len(flat.split()) > SECTION_PERIOD_WORDS:
        return None
    spans: list[Period] = []
    try:
        for match, period in _periods(flat):
            before, after = flat[: match.start()], flat[match.end() :]
            if _NOT_SECTION_BEFORE.search(before) or _NOT_SECTION_AFTER.search(after):
                return None
            if match.group("second") is None and not _PLAIN_YEAR_BEFORE.search(before):
                return None
            if not any(p.start == period.start and p.end == period.end for p in spans):
                spans.append(period)
    except TimeoutError:
        return None
    return spans[0] if len(spans) == 1 else None
