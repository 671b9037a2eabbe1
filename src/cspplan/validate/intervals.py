"""Interval arithmetic for printed numbers.

A printed number stands for every value its printed precision allows: "16%" is any value
from 15.5 up to (not including) 16.5 when the writer rounded to the nearest unit, 16 up to
17 when they truncated. A statement about printed numbers is false only where no choice of
values inside those intervals makes it true, so the checks compute the interval a formula
can take over its inputs' intervals and ask whether the stated figure's interval meets it.

Intervals keep whether each end is included, because at the edges it decides cases:
"1140" and "1141" rounded to the nearest unit cannot stand for the same value, but with
ties read either way they can (1140.5).
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs

from ..model.values import Number

__all__ = [
    "COARSE_SHARE",
    "HUNDRED",
    "Interval",
    "Rounding",
    "coarse_step",
    "difference",
    "loose_step",
    "number_interval",
    "percent_change",
    "quotient",
    "total",
    "unit_of",
]

_ZERO = Decimal(0)
HUNDRED = Decimal(100)
"""A whole, in percent."""

COARSE_SHARE = 10
"""A round number's coarse rounding step is at most the number over this (a tenth), so
its half-step slack is at most a twentieth (5%) of it: "15,000" may be rounded to the
thousand, "1000" only to the hundred, and "40" is taken as printed."""


class Rounding(str, enum.Enum):
    """How the writer is assumed to have turned a true value into the printed one."""

    NEAREST = "nearest"
    """To the nearest unit, ties away from zero: "16" is [15.5, 16.5)."""
    TRUNCATE = "truncate"
    """Digits cut off towards zero: "16" is [16, 17)."""
    EITHER = "either"
    """To the nearest unit, ties either way: "16" is [15.5, 16.5]."""


@attrs.frozen(slots=True)
class Interval:
    """A range of values, each end included or not.

    Attributes:
        lo: The lower end.
        hi: The upper end (never below ``lo``).
        lo_open: True where ``lo`` itself is not in the interval.
        hi_open: True where ``hi`` itself is not in the interval.
    """

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval holding exactly ``value``."""
        return cls(value, value)

    def contains(self, value: Decimal) -> bool:
        """True where ``value`` lies in the interval."""
        above = value > self.lo or (value == self.lo and not self.lo_open)
        below = value < self.hi or (value == self.hi and not self.hi_open)
        return above and below

    def overlaps(self, other: Interval) -> bool:
        """True where some value lies in both intervals."""
        if self.lo > other.hi or other.lo > self.hi:
            return False
        if self.lo == other.hi and (self.lo_open or other.hi_open):
            return False
        return not (other.lo == self.hi and (other.lo_open or self.hi_open))

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        if self.lo < other.lo:
            lo, lo_open = self.lo, self.lo_open
        elif other.lo < self.lo:
            lo, lo_open = other.lo, other.lo_open
        else:
            lo, lo_open = self.lo, self.lo_open and other.lo_open
        if self.hi > other.hi:
            hi, hi_open = self.hi, self.hi_open
        elif other.hi > self.hi:
            hi, hi_open = other.hi, other.hi_open
        else:
            hi, hi_open = self.hi, self.hi_open and other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    def shift(self, amount: Decimal) -> Interval:
        """Every value moved by ``amount``."""
        return Interval(self.lo + amount, self.hi + amount, self.lo_open, self.hi_open)

    def scale(self, factor: Decimal) -> Interval:
        """Every value multiplied by ``factor``."""
        if factor >= 0:
            return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)
        return Interval(self.hi * factor, self.lo * factor, self.hi_open, self.lo_open)

    def __neg__(self) -> Interval:
        return self.scale(Decimal(-1))

    def __str__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{_plain(self.lo)}, {_plain(self.hi)}{right}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def unit_of(number: Number) -> Decimal:
    """The value of one unit in the last printed digit: 1 for "4,341", 0.1 for "15.8%"."""
    return Decimal(1).scaleb(-number.decimals)


def coarse_step(number: Number) -> Decimal | None:
    """The step a round whole number may have been rounded to: 10 for "960", 1000 for
    "15,000"; ``None`` for a number with a non-zero last digit or printed decimals."""
    if number.decimals or number.value == 0:
        return None
    digits = str(abs(int(number.value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return Decimal(10) ** zeros if zeros else None


def loose_step(number: Number) -> Decimal | None:
    """The coarsest rounding a round number plausibly had: its round step, but never more
    than a tenth of the number itself, so "15,000" may be rounded to the thousand (±500)
    and "1000" to the hundred (±50), while "40" is taken as printed."""
    step = coarse_step(number)
    if step is None:
        return None
    magnitude = abs(number.value)
    # Steps are powers of ten: drop a digit at a time, never below tens.
    while step > 10 and step * COARSE_SHARE > magnitude:
        step /= 10
    return step if step * COARSE_SHARE <= magnitude else None


def number_interval(
    number: Number, rounding: Rounding = Rounding.NEAREST, step: Decimal | None = None
) -> Interval:
    """The values ``number`` can stand for under ``rounding``, with its last printed digit
    worth ``step`` where that is given (a table of round tens) instead of one unit."""
    value = number.value
    size = step if step is not None else unit_of(number)
    half = size / 2
    negative = value < 0
    if rounding is Rounding.TRUNCATE:
        if value == 0:
            return Interval(-size, size, True, True)
        if negative:
            return Interval(value - size, value, True, False)
        return Interval(value, value + size, False, True)
    if rounding is Rounding.EITHER:
        return Interval(value - half, value + half)
    # Ties go away from zero, so the end nearer zero is included.
    if negative:
        return Interval(value - half, value + half, True, False)
    return Interval(value - half, value + half, False, True)


def _combine(a: Interval, b: Interval, op: Callable[[Decimal, Decimal], Decimal]) -> Interval:
    """The range of ``op`` over two intervals, for an ``op`` monotone in each argument."""
    corners = [
        (op(x, y), x_open or y_open)
        for x, x_open in ((a.lo, a.lo_open), (a.hi, a.hi_open))
        for y, y_open in ((b.lo, b.lo_open), (b.hi, b.hi_open))
    ]
    low = min(value for value, _ in corners)
    high = max(value for value, _ in corners)
    # An extreme is reached only where some corner giving it has both its ends included.
    low_open = all(is_open for value, is_open in corners if value == low)
    high_open = all(is_open for value, is_open in corners if value == high)
    return Interval(low, high, low_open, high_open)


def difference(a: Interval, b: Interval) -> Interval:
    """The range of ``a - b``."""
    return _combine(a, b, operator.sub)


def quotient(a: Interval, b: Interval) -> Interval | None:
    """The range of ``a / b``; ``None`` where ``b`` can be zero."""
    if b.lo <= 0 <= b.hi:
        return None
    return _combine(a, b, operator.truediv)


def percent_change(base: Interval, new: Interval) -> Interval | None:
    """The range of the relative change from ``base`` to ``new`` in percent (negative for a
    fall); ``None`` where the base can be zero or below."""
    if base.lo <= 0:
        return None
    ratio = quotient(new, base)
    return None if ratio is None else ratio.shift(Decimal(-1)).scale(HUNDRED)


def total(intervals: Iterable[Interval]) -> Interval:
    """The range of the sum of several intervals."""
    result = Interval.point(_ZERO)
    for interval in intervals:
        result = _combine(result, interval, operator.add)
    return result
