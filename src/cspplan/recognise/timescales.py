"""Timescales: "August 2005", "End of May 03", "Q3 2007/08", "Ongoing", "TBC", "?".

A timescale cell is read in two steps. :func:`find_dates` scans the text for date phrases
(a day, a month, a season, a quarter, a year or financial year, or a range between two of
them); :func:`parse_timescale` turns what it found into one :class:`Timescale`, and
:func:`split_timescales` cuts a cell that holds several dates ("July 2005 March 2006") into
one piece per date, so that they can be paired in order with the outputs beside them.

Conventions, all of them the usual ones in UK public-sector plans:

- numeric dates are day first: "01/06/03" is 1 June 2003;
- two-digit years are 20xx below 70 and 19xx from 70: "Sept 07" is September 2007;
- "2005/06", "2005-06" and "2003 - 2004" are financial years (1 April to 31 March), and
  quarters of a financial year count from April: "Q1 2007/08" is April to June 2007, while a
  quarter of a plain year is a calendar quarter ("Q3 2007" is July to September 2007);
- seasons are meteorological: spring is March to May, summer June to August, autumn
  September to November, and "Winter 2003" December 2003 to February 2004;
- "By March 2008", "End of May 03" and "before 31/07/2007" name the same window as the date
  they wrap; "July 2003 onwards" and "from April 2005" are ongoing work with a start date.

A timescale whose window is one day or one calendar month is a ``DATE``; anything wider (a
season, a quarter, a year, a span between two dates, several dates in one cell) is a
``RANGE``.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs

from ..model.values import Timescale, TimescaleKind
from ..text.patterns import IGNORECASE, VERBOSE, Match, lazy
from .periods import MAX_SPAN_YEARS, financial_year, year_of

__all__ = ["DateSpan", "find_dates", "parse_timescale", "split_timescales"]

_CENTURY_PIVOT = 70
"""Two-digit years below this are 20xx, the rest 19xx: "Sept 07" is 2007, "Mar 98" 1998."""
_MAX_JOIN_GAP = 24
"""Most characters between two dates joined into one span ("April 2005 - March 2006")."""
_START_WORDS_BEFORE = 30
"""Characters before a date read for words saying work starts then ("from", "commencing")."""
_START_WORDS_AFTER = 20
"""Characters after a date read for the same ("onwards", "on going")."""
_MAX_ABSORB_GAP = 12
"""Most characters between "ongoing" and the date it qualifies for the two to stay one piece."""
_FY_SPAN = lazy(r"(\d{2}|\d{4})\s*(?:[/\-–—]|to)\s*(\d{1,4})")
_ABSORB_GAP = lazy(r"\s*(?:[-–,(]\s*)?(?:from|since|until|to|till|by)?\s*", IGNORECASE)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR4 = r"(?:19|20)\d{2}"
_YEAR = rf"(?:{_YEAR4}|'?\d{{2}})(?![\d/])"
# A financial year or a span of years: "2007/08", "2003/4", "2003 - 2004", "07/08".
_FYEAR = (
    rf"(?:{_YEAR4}\s{{0,3}}(?:[/\-–—]|to)\s{{0,3}}(?:{_YEAR4}|\d{{1,2}})|\d{{2}}/\d{{2}})(?![\d/])"
)
_ORD = r"(?:st|nd|rd|th)?"
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_DATE = lazy(
    rf"""
    (?<![\w.£$])(?<!\d/)(?:
        (?P<nday>\d{{1,2}})(?P<nsep>[/.\-])(?P<nmonth>\d{{1,2}})(?P=nsep)(?P<nyear>{_YEAR4}|\d{{2}})(?![\d/.])
      | (?:q|qtr|quarter)\s{{0,2}}(?P<q>[1-4])(?:\s{{0,2}}(?:of|,|-|–))?\s{{0,2}}
            (?:(?P<qfy>{_FYEAR})|(?P<qyear>{_YEAR4})(?![\d/]))
      | (?:(?P<qfy2>{_FYEAR})|(?P<qyear2>{_YEAR4}))\s{{0,2}}[,\-–]?\s{{0,2}}(?:q|qtr|quarter)\s{{0,2}}(?P<q2>[1-4])(?!\d)
      | (?P<season>spring|summer|autumn|fall|winter)(?:\s{{0,2}}(?:of|term))?[\s,\-']{{0,3}}
            (?:(?P<sfy>{_FYEAR})|(?P<syear>{_YEAR}))
      | (?:(?P<part>early|mid|late)|(?P<edge>(?:the\s{{1,2}})?(?:end|beginning|start)\s{{1,2}}of))
            [\s\-]{{0,2}}(?:(?P<pfy>{_FYEAR})|(?P<pyear>{_YEAR4})(?![\d/]))
      | (?P<dday>\d{{1,2}}){_ORD}(?:\s{{1,2}}of)?[\s\-]{{0,2}}(?P<dmonth>{_MONTH})[\s,\-]{{0,3}}(?P<dyear>{_YEAR})
      | (?P<mmonth2>{_MONTH})\s{{0,2}}(?P<mday>\d{{1,2}}){_ORD},?\s{{1,2}}(?P<myear2>{_YEAR4})(?![\d/])
      | (?P<mmonth>{_MONTH})[\s,\-]{{0,3}}(?P<myear>{_YEAR})
      | (?P<fy>{_FYEAR})
      | (?P<nm>\d{{1,2}})/(?P<ny>{_YEAR4})(?![\d/])
      | (?P<year>{_YEAR4})(?![\d/])
      | (?P<bmonth>{_MONTH})
    )(?![\w])
    """,
    IGNORECASE | VERBOSE,
)
"""One date phrase; the alternatives run from the most to the least specific."""

_RANGE_SEP = lazy(
    r"\s{0,3}(?:[-–—]|to|until|till|through|thru)\s{0,3}(?:the\s{1,2}end\s{1,2}of\s{1,2})?",
    IGNORECASE,
)
_START_BEFORE = lazy(
    r"(?:from|since|starting|commencing|beginning|start(?:ing)?\s{1,2}in)"
    r"(?:\s{1,2}(?:in|on))?\s{0,3}$",
    IGNORECASE,
)
_START_AFTER = lazy(
    r"^\s{0,3}(?:(?:and|[-–—]|to)\s{0,2})?(?:onwards?|on\b|forwards?|on[\s\-]?going)",
    IGNORECASE,
)
_ONGOING = lazy(
    r"\b(?:on[\s\-]?going|continuous(?:ly)?|continual(?:ly)?|continuing|rolling|onwards?"
    r"|permanent|every|annually|quarterly|monthly|weekly|daily|regularly|routinely"
    r"|as\s{1,2}(?:and\s{1,2}when|required|needed|necessary|appropriate))\b",
    IGNORECASE,
)
_TBD = lazy(
    r"^\W{0,3}(?:tbc|tba|tbd|t\.b\.[cad]\.?|not\s{1,2}(?:yet\s{1,2})?(?:known|set|agreed|decided)"
    r"|unknown|to\s{1,2}be\s{1,2}(?:determined|decided|confirmed|agreed|arranged|set|advised"
    r"|established|identified|announced|scheduled)|\?{1,3})\W{0,3}$",
    IGNORECASE,
)
_TBD_WORD = lazy(
    r"\b(?:tbc|tba|tbd|to\s{1,2}be\s{1,2}(?:determined|decided|confirmed|agreed|arranged))\b",
    IGNORECASE,
)


@attrs.frozen(slots=True)
class DateSpan:
    """A date phrase found in a text, with the window of days it allows.

    Attributes:
        start: First day of the window.
        end: Last day of the window.
        precision: ``day``, ``month``, ``season``, ``quarter``, ``part_year``, ``year`` or
            ``financial_year``.
        begin: Offset of the phrase's first character in the text.
        stop: Offset just after the phrase's last character.
        joined: True where the phrase is a span written between two dates ("April 2005 -
            March 2006"), not one date.
    """

    start: dt.date
    end: dt.date
    precision: str
    begin: int
    stop: int
    joined: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    digits = text.strip().lstrip("'")
    if len(digits) == 4:
        return int(digits)
    value = int(digits)
    return 2000 + value if value < _CENTURY_PIVOT else 1900 + value


def _month(text: str) -> int:
    return _MONTHS[text.strip().rstrip(".").lower()[:3]]


def _fy_span(text: str) -> tuple[int, int] | None:
    """First and last year of a financial year or year range, e.g. (2007, 2008)."""
    match = _FY_SPAN.match(text.strip())
    if match is None:
        return None
    short = len(match.group(1)) == 2
    first = _year(match.group(1)) if short else int(match.group(1))
    last = year_of(first, match.group(2))
    # "07/08" is a financial year; "12/05" is a month and year, not a span of 93 years.
    if not 0 < last - first <= (1 if short else MAX_SPAN_YEARS):
        return None
    return first, last


def _span(match: Match) -> tuple[dt.date, dt.date, str] | None:
    """The window one matched date phrase allows, or ``None`` where it is no real date."""
    g = match.groupdict()
    if g["nday"]:
        try:
            day = dt.date(_year(g["nyear"]), int(g["nmonth"]), int(g["nday"]))
        except ValueError:
            return None
        return day, day, "day"
    quarter = g["q"] or g["q2"]
    if quarter:
        number = int(quarter)
        fy = g["qfy"] or g["qfy2"]
        if fy:
            years = _fy_span(fy)
            if years is None or years[1] - years[0] != 1:
                return None
            first_month = 4 + 3 * (number - 1)
            year = years[0] + (first_month - 1) // 12
            first_month = (first_month - 1) % 12 + 1
        else:
            year = int(g["qyear"] or g["qyear2"])
            first_month = 1 + 3 * (number - 1)
        return dt.date(year, first_month, 1), _month_end(year, first_month + 2), "quarter"
    if g["season"]:
        first_month = _SEASONS[g["season"].lower()]
        if g["sfy"]:
            years = _fy_span(g["sfy"])
            if years is None:
                return None
            # A season of a financial year: winter falls at its turn of the year.
            year = years[0]
        else:
            year = _year(g["syear"])
        start = dt.date(year, first_month, 1)
        last_month = first_month + 2
        end = _month_end(year + (last_month - 1) // 12, (last_month - 1) % 12 + 1)
        return start, end, "season"
    if g["part"] or g["edge"]:
        if g["pfy"]:
            years = _fy_span(g["pfy"])
            if years is None:
                return None
            start, end = financial_year(years[0])[0], financial_year(years[1] - 1)[1]
        else:
            year = int(g["pyear"])
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if g["edge"]:
            if "end" in g["edge"].lower():
                return end.replace(day=1), end, "month"
            return start, _month_end(start.year, start.month), "month"
        if g["pfy"]:
            return start, end, "part_year"
        first, last = _PARTS[g["part"].lower()]
        return start.replace(month=first), _month_end(start.year, last), "part_year"
    if g["dday"]:
        try:
            day = dt.date(_year(g["dyear"]), _month(g["dmonth"]), int(g["dday"]))
        except ValueError:
            return None
        return day, day, "day"
    if g["mmonth2"]:
        try:
            day = dt.date(int(g["myear2"]), _month(g["mmonth2"]), int(g["mday"]))
        except ValueError:
            return None
        return day, day, "day"
    if g["mmonth"]:
        year, month = _year(g["myear"]), _month(g["mmonth"])
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if g["fy"]:
        years = _fy_span(g["fy"])
        if years is None:
            return None
        return financial_year(years[0])[0], financial_year(years[1] - 1)[1], "financial_year"
    if g["nm"]:
        month = int(g["nm"])
        if not 1 <= month <= 12:
            return None
        year = int(g["ny"])
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if g["year"]:
        year = int(g["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    return None


def _bare_month(match: Match) -> int | None:
    return _month(match.group("bmonth")) if match.group("bmonth") else None


def find_dates(text: str) -> list[DateSpan]:
    """Every date phrase in ``text`` in order, two joined by "-" or "to" making one span.

    A month without a year ("Jan" in "Jan-March 2004") counts only as the start of such a
    span; alone it names no date, so "May require funding" holds none. A text too hostile
    to read in time holds none either.
    """
    try:
        return _find_dates(text)
    except TimeoutError:
        return []


def _find_dates(text: str) -> list[DateSpan]:
    matches = list(_DATE.finditer(text))
    spans: list[DateSpan] = []
    index = 0
    while index < len(matches):
        match = matches[index]
        following = matches[index + 1] if index + 1 < len(matches) else None
        bare = _bare_month(match)
        joined = following is not None and _joins(text, match, following, bare is not None)
        if bare is not None:
            # "Jan-March 2004": a yearless month borrows the year of the date it runs to.
            if joined and following is not None:
                after = _span(following)
                if after is not None:
                    year = after[0].year - (1 if bare > after[0].month else 0)
                    spans.append(
                        DateSpan(
                            dt.date(year, bare, 1),
                            after[1],
                            after[2],
                            match.start(),
                            following.end(),
                            joined=True,
                        )
                    )
                    index += 2
                    continue
            index += 1
            continue
        here = _span(match)
        if here is None:
            index += 1
            continue
        if joined and following is not None and _bare_month(following) is None:
            there = _span(following)
            if there is not None and there[1] >= here[0]:
                spans.append(
                    DateSpan(
                        here[0],
                        there[1],
                        _wider(here[2], there[2]),
                        match.start(),
                        following.end(),
                        joined=True,
                    )
                )
                index += 2
                continue
        spans.append(DateSpan(here[0], here[1], here[2], match.start(), match.end()))
        index += 1
    return spans


_PRECISION_ORDER = ("day", "month", "season", "quarter", "part_year", "year", "financial_year")


def _wider(first: str, second: str) -> str:
    return max(first, second, key=_PRECISION_ORDER.index)


def _joins(text: str, first: Match, second: Match, bare: bool) -> bool:
    between = text[first.end() : second.start()]
    if len(between) > _MAX_JOIN_GAP:
        return False
    try:
        if bare and _MONTH_PAIR.fullmatch(between):
            # "Sept/Oct 2008", "June and July 2009": a yearless month shares the next one's year.
            return True
        return _RANGE_SEP.fullmatch(between) is not None
    except TimeoutError:
        return False


_MONTH_PAIR = lazy(r"\s{0,3}(?:/|&|and|or|,)\s{0,3}", IGNORECASE)


def _kind_of(start: dt.date, end: dt.date) -> TimescaleKind:
    single = start == end or (start.day == 1 and end == _month_end(start.year, start.month))
    return TimescaleKind.DATE if single else TimescaleKind.RANGE


def parse_timescale(text: str) -> Timescale:
    """Understand a timescale as written; the raw text is always kept.

    >>> parse_timescale("End of May 03").end
    datetime.date(2003, 5, 31)
    >>> parse_timescale("Q3 2007/08").start
    datetime.date(2007, 10, 1)
    >>> parse_timescale("On going").kind
    <TimescaleKind.ONGOING: 'ongoing'>
    """
    raw = text
    cleaned = " ".join(text.split())
    if not cleaned:
        return Timescale(text=raw)
    try:
        if _TBD.fullmatch(cleaned):
            return Timescale(text=raw, kind=TimescaleKind.TO_BE_DECIDED)
        spans = find_dates(cleaned)
        ongoing = _ONGOING.search(cleaned) is not None
        tbd = _TBD_WORD.search(cleaned) is not None
    except TimeoutError:
        return Timescale(text=raw)
    if not spans:
        if ongoing:
            return Timescale(text=raw, kind=TimescaleKind.ONGOING)
        if tbd:
            return Timescale(text=raw, kind=TimescaleKind.TO_BE_DECIDED)
        return Timescale(text=raw)
    first = spans[0]
    if len(spans) == 1 and not first.joined and _starts_work(cleaned, first):
        return Timescale(
            text=raw, kind=TimescaleKind.ONGOING, start=first.start, precision=first.precision
        )
    start = min(span.start for span in spans)
    end = max(span.end for span in spans)
    precisions = {span.precision for span in spans}
    precision = precisions.pop() if len(precisions) == 1 else None
    if ongoing and not any(_starts_work(cleaned, span) or span.joined for span in spans):
        # "Ongoing - review March 2006": continuous work with a date to report by.
        return Timescale(text=raw, kind=TimescaleKind.ONGOING, end=end, precision=precision)
    if len(spans) > 1:
        return Timescale(
            text=raw, kind=TimescaleKind.RANGE, start=start, end=end, precision=precision
        )
    return Timescale(
        text=raw, kind=_kind_of(start, end), start=start, end=end, precision=first.precision
    )


def _starts_work(text: str, span: DateSpan) -> bool:
    """True where the text says work starts at the date: "from May 2005", "July 2003 onwards"."""
    before = text[max(0, span.begin - _START_WORDS_BEFORE) : span.begin]
    after = text[span.stop : span.stop + _START_WORDS_AFTER]
    try:
        return _START_BEFORE.search(before) is not None or _START_AFTER.match(after) is not None
    except TimeoutError:
        return False


_KEYWORD = lazy(
    r"\b(?:on[\s\-]?going|tbc|tba|tbd|to\s{1,2}be\s{1,2}(?:determined|decided|confirmed|agreed))\b",
    IGNORECASE,
)
_PIECE_TRIM = " \t\n,;/&|"
_LEADING_JOINER = lazy(r"^(?:and|then|&|\+)\s+", IGNORECASE)


def split_timescales(text: str) -> list[str]:
    """Cut a cell holding several timescales into one piece per timescale, in order.

    "July 2005 March 2006" gives ``["July 2005", "March 2006"]``; words before a date stay
    with it ("Licensing- Autumn 2003 Alcohol Harm- Winter 2003" gives two pieces, each with
    its label); a span ("April 2005 - March 2006") is one piece. A cell with one timescale or
    none is returned whole; an empty cell gives ``[]``.
    """
    cleaned = text.strip()
    if not cleaned:
        return []
    try:
        return _split_timescales(cleaned)
    except TimeoutError:
        return [cleaned]


def _split_timescales(cleaned: str) -> list[str]:
    spans: list[tuple[int, int]] = [(span.begin, span.stop) for span in find_dates(cleaned)]
    for match in _KEYWORD.finditer(cleaned):
        if not any(begin <= match.start() < stop for begin, stop in spans):
            spans.append((match.start(), match.end()))
    spans.sort()
    spans = _absorb_start_words(cleaned, spans)
    if len(spans) <= 1:
        return [cleaned]
    pieces: list[str] = []
    cut = 0
    for position, (_, stop) in enumerate(spans):
        end = len(cleaned) if position == len(spans) - 1 else stop
        piece = _LEADING_JOINER.sub("", cleaned[cut:end].strip(_PIECE_TRIM)).strip(_PIECE_TRIM)
        if piece:
            pieces.append(piece)
        cut = end
    return pieces


def _absorb_start_words(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep "ongoing" with a date it qualifies ("July 2003 onwards", "ongoing from May 2005")."""
    merged: list[tuple[int, int]] = []
    for begin, stop in spans:
        if merged:
            gap = text[merged[-1][1] : begin]
            if len(gap) <= _MAX_ABSORB_GAP and _ABSORB_GAP.fullmatch(gap):
                prev_text = text[merged[-1][0] : merged[-1][1]]
                here_text = text[begin:stop]
                if _KEYWORD.fullmatch(prev_text) or _KEYWORD.fullmatch(here_text):
                    merged[-1] = (merged[-1][0], stop)
                    continue
        merged.append((begin, stop))
    return merged
