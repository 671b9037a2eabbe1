"""Pieces the claim readers share: hedges, periods near a figure, spans already taken."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ...document import Row
from ...model.values import Period
from ...text.numbers import NUMBER, PERCENT, parse_number
from ...text.patterns import lazy
from ..periods import PERIOD_PATTERN, parse_period
from ..targets import report_period

_HEDGE = lazy(
    r"(?i)\b(?:around|about|approximately|approx\.?|almost|nearly|over|more\s{1,3}than|less\s{1,3}than"
    r"|some|c\.|circa|up\s{1,3}to|at\s{1,3}least|roughly|just\s{1,3}(?:over|under)|under|estimated)"
    r"\s{1,3}$"
)


FOOTNOTE_MARK = lazy(r"(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|<sup>(?P<sup>\d{1,2})</sup>|\[(?P<br>\d{1,2})\]")
"""A footnote marker: "¹", "<sup>2</sup>" or "[3]"."""


_YEAR = lazy(r"(?:19|20)\d{2}")


PERCENTAGE = lazy(PERCENT)
"""A percentage as printed."""


_PERCENT_WORD = lazy(r"(?i)%|per\s?cent")


HEDGE_WINDOW = 30
"""Characters before a figure read for a hedge ("around", "almost") or a forecast ("to")."""


_PERIOD_WINDOW = 70
"""Characters before a figure read for the period it is for."""


def is_year(text: str) -> bool:
    """True where ``text`` is a year ("2019")."""
    return bool(_YEAR.fullmatch(text.strip()))


def hedged(sentence: str, position: int) -> bool:
    """True where a hedge ("around", "almost") comes just before ``position``."""
    return _HEDGE.search(sentence[max(0, position - HEDGE_WINDOW) : position]) is not None


def period_before(sentence: str, position: int) -> Period | None:
    """The period printed last in the characters just before ``position``."""
    window = sentence[max(0, position - _PERIOD_WINDOW) : position]
    ending = report_period(window)
    if ending is not None and "year" in ending.text.lower() and "end" in ending.text.lower():
        return ending
    last: Period | None = None
    for match in PERIOD_PATTERN.finditer(window):
        found = parse_period(match.group(0))
        if found is not None:
            last = found
    return last


def is_percent_text(text: str) -> bool:
    """True where ``text`` is written as a percentage."""
    return bool(_PERCENT_WORD.search(text))


def inside(taken: list[tuple[int, int]], position: int) -> bool:
    """True where ``position`` falls in one of the sorted, non-overlapping spans."""
    index = bisect.bisect_right(taken, (position, 1 << 62)) - 1
    return index >= 0 and taken[index][0] <= position < taken[index][1]


_DIGIT = lazy(r"\d")


def group_row(row: Row) -> bool:
    """True where a table row only names a group of the rows below it ("Northern wards"):
    one filled cell, merged across the row or alone in it, with no figure in it."""
    filled = [cell for cell in row.cells if not cell.is_empty]
    return len(filled) == 1 and len(row.cells) > 0 and not _DIGIT.search(filled[0].text)


_COUNT_CELL = lazy(rf"^\s{{0,3}}{NUMBER}\s{{0,3}}$")


def count_column(body: Sequence[Row], column: int) -> bool:
    """True where every cell of ``column`` in ``body`` is a whole number that is not a year."""
    for row in body:
        text = row.cells[column].text.strip()
        number = parse_number(text) if _COUNT_CELL.match(text) else None
        if number is None or is_year(text) or number.value != number.value.to_integral_value():
            return False
    return True
