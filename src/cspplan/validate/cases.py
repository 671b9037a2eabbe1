"""Stated changes ready to be judged: what the A1xx rules read from targets and claims.

A target ("reduce burglary by 20% from 500 to 450") and a change claim ("down from 4,632
to 2,581, a reduction of 44%") both state a change between two figures. Each becomes a
:class:`ChangeCase`, whose :meth:`~ChangeCase.verdict` says which reading, if any, makes
the stated change agree with its figures; the rules report the verdicts they are about.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from ..model.plan import Claim, ClaimKind, Plan, Target
from ..model.values import Direction, Measure, Number, PercentBasis, Unit
from ..text.patterns import IGNORECASE, lazy
from .common import OwnedTarget, computed, overlapping, owned_targets
from .intervals import HUNDRED, Interval, difference, percent_change
from .reading import (
    Reader,
    claim_reader,
    commensurable,
    figure_is_percent,
    is_percent,
    target_reader,
)
from .settings import CheckSettings

__all__ = [
    "PERCENT_PLACES",
    "POINTS_WINDOW",
    "ChangeCase",
    "Verdict",
    "against",
    "checkable",
    "claim_cases",
    "claim_change_cases",
    "figures_text",
    "number_text",
    "target_case",
    "target_cases",
]

_POINTS = lazy(r"\bpoints?\b|\bpp\b|\bppts?\b", IGNORECASE)
_POINT_UNITS = {"points", "point", "percentage_points", "percentage points", "pp"}
_POINTS_AFTER = lazy(r"\s*(?:%\s*)?(?:percentage\s+)?(?:points?|pp|ppts?)\b")
POINTS_WINDOW = 24
"""How many characters after a claim's printed change may say it is in points
("3 percentage points"): enough for "% percentage points" and the spaces around it."""

PERCENT_PLACES = 1
"""Decimal places of a computed percentage ("15.8%"), and the fewest of a computed
difference in points or a recomputed share."""


class Verdict(enum.Enum):
    """What reading, if any, makes a stated change agree with its figures."""

    HOLDS = "holds"
    """The stated change agrees under the settings' rounding."""
    LENIENT = "lenient"
    """It agrees only under truncation or a coarse rounding."""
    POINTS = "points"
    """It agrees only when percent is read as percentage points, or the other way round."""
    BY_NEW = "by_new"
    """It agrees only when divided by the new figure instead of the old."""
    FAILS = "fails"
    """No reading makes it agree."""


def _magnitude(interval: Interval) -> Interval:
    if interval.lo >= 0:
        return interval
    if interval.hi <= 0:
        return -interval
    top, top_open = (
        (-interval.lo, interval.lo_open)
        if -interval.lo > interval.hi
        else (interval.hi, interval.hi_open)
    )
    return Interval(Decimal(0), top, False, top_open)


@attrs.frozen(slots=True)
class ChangeCase:
    """A stated change between two figures, ready to be judged.

    Attributes:
        base: The old figure.
        new: The new figure.
        change: The stated change.
        reader: How the figures are read.
        in_points: True where the change is stated in percentage points.
        percent_scale: True where both figures are percentages, so points make sense.
        relative: True where the change is a percentage (else an amount in the figures'
            own unit).
        either: True where no word ties the percent to points or to a relative change
            ("a 4% reduction, from 33% to 29%"): a reading that holds only leniently is
            then no sign of confusion.
        years: For a yearly rate ("3% a year"), the years it runs over: the change holds
            where either the compound or the simple reading of the rate over that span does.
    """

    base: Number
    new: Number
    change: Number
    reader: Reader
    in_points: bool = False
    percent_scale: bool = False
    relative: bool = True
    either: bool = False
    years: int | None = None

    def _computed(self, kind: str, lenient: bool) -> Interval | None:
        base = self.reader.interval(self.base, lenient)
        new = self.reader.interval(self.new, lenient)
        if kind == "points":
            return difference(new, base)
        if kind == "by_new":
            return percent_change(new, base)
        return percent_change(base, new)

    def _agrees(self, kind: str, lenient: bool) -> bool:
        computed_change = self._computed(kind, lenient)
        if computed_change is None:
            return True  # a zero base gives no percentage to contradict
        stated = _magnitude(self.reader.interval(self.change, lenient))
        if kind == "relative" and self.years is not None:
            falls = self.new.value < self.base.value
            return any(
                _magnitude(computed_change).overlaps(whole)
                for whole in _over_years(stated, self.years, falls)
            )
        return _magnitude(computed_change).overlaps(stated)

    def verdict(self) -> Verdict:
        """Judge the stated change against its figures."""
        if not self.relative:
            kinds: tuple[str, str | None] = ("points", None)
        elif self.in_points:
            kinds = ("points", "relative")
        else:
            kinds = ("relative", "points" if self.percent_scale else None)
        first, other = kinds
        if self._agrees(first, False):
            return Verdict.HOLDS
        if other is not None and self._agrees(other, False):
            return Verdict.POINTS
        if first == "relative" and self._agrees("by_new", False):
            return Verdict.BY_NEW
        if self.reader.settings.lenient:
            if self._agrees(first, True):
                return Verdict.LENIENT
            # A change the plan calls points is not excused by a loosely read relative one.
            if other is not None and not self.in_points and self._agrees(other, True):
                return Verdict.LENIENT if self.either else Verdict.POINTS
        return Verdict.FAILS

    def expected(self, kind: str | None = None) -> Number | None:
        """The change the figures give exactly, as a printed number."""
        kind = kind or ("points" if self.in_points or not self.relative else "relative")
        base, new = self.base.value, self.new.value
        if kind == "points":
            suffix = " points" if self.in_points or self.percent_scale else ""
            return computed(abs(new - base), max(PERCENT_PLACES, self.change.decimals), suffix)
        if kind == "by_new":
            if new == 0:
                return None
            return computed(abs(base - new) / new * HUNDRED, PERCENT_PLACES, "%")
        if base == 0:
            return None
        return computed(abs(new - base) / base * HUNDRED, PERCENT_PLACES, "%")


def _over_years(yearly: Interval, years: int, falls: bool) -> tuple[Interval, Interval]:
    """The whole change a yearly rate gives over ``years``: simple (``years`` times the
    rate) and compound (1 - (1 - r)^n falling, (1 + r)^n - 1 rising), in percent."""

    def compound(rate: Decimal) -> Decimal:
        factor = 1 - rate / HUNDRED if falls else 1 + rate / HUNDRED
        return abs(1 - factor**years) * HUNDRED

    simple = yearly.scale(Decimal(years))
    return simple, Interval(
        compound(yearly.lo), compound(yearly.hi), yearly.lo_open, yearly.hi_open
    )


def figures_text(case: ChangeCase) -> str:
    """The case's figures for a message: ``"from 500 to 450"``."""
    return f"from {case.base.text} to {case.new.text}"


def number_text(number: Number | None) -> str:
    """A computed figure for a message, ``"undefined"`` where there is none."""
    return number.text if number else "undefined"


def against(direction: Direction | None, base: Interval, new: Interval) -> bool:
    """True where the figures certainly moved against ``direction``."""
    if direction is Direction.REDUCE:
        return new.lo > base.hi or (new.lo == base.hi and (new.lo_open or base.hi_open))
    if direction is Direction.INCREASE:
        return new.hi < base.lo or (new.hi == base.lo and (new.hi_open or base.lo_open))
    return False


# --- targets ---------------------------------------------------------------------------


def checkable(target: Target) -> tuple[Measure, Measure] | None:
    """The baseline and target figures, where the target figure is the final one and the
    two can be compared."""
    if target.baseline is None or target.target is None:
        return None
    label = (target.target.label or "").lower()
    if "milestone" in label:
        return None
    if not overlapping(target.target.period, target.deadline):
        return None
    if not commensurable(target.baseline.value, target.target.value):
        return None
    return target.baseline, target.target


def _percent_scale(target: Target, base: Number, new: Number) -> bool:
    return target.unit in (Unit.PERCENT, Unit.PERCENTAGE_POINTS) or (
        is_percent(base) and is_percent(new)
    )


def _in_points(target: Target, percent: Number) -> bool:
    return target.unit is Unit.PERCENTAGE_POINTS or bool(_POINTS.search(percent.text))


def target_case(target: Target, settings: CheckSettings) -> ChangeCase | None:
    """The target's stated percent against its baseline and target figures, where it
    states all three."""
    figures = checkable(target)
    if figures is None or target.percent is None or target.direction is Direction.MAINTAIN:
        return None
    base, new = figures[0].value, figures[1].value
    return ChangeCase(
        base=base,
        new=new,
        change=target.percent,
        reader=target_reader(target, settings),
        in_points=_in_points(target, target.percent),
        percent_scale=_percent_scale(target, base, new),
        either=target.percent_basis is PercentBasis.POINTS_OR_WHOLE,
        years=target.span_years if target.percent_basis is PercentBasis.PER_YEAR else None,
    )


def target_cases(
    plan: Plan, settings: CheckSettings
) -> Iterator[tuple[OwnedTarget, ChangeCase, Verdict]]:
    """Every target of the plan that states a change, with its case and verdict."""
    for owned in owned_targets(plan):
        case = target_case(owned.target, settings)
        if case is not None:
            yield owned, case, case.verdict()


# --- claims ------------------------------------------------------------------------------


def claim_cases(claim: Claim, settings: CheckSettings) -> list[ChangeCase]:
    """A change claim's stated changes ("down 400 (12%)") each against its from and to
    figures, where it has both."""
    if claim.kind is not ClaimKind.CHANGE:
        return []
    base, new = claim.figure("from"), claim.figure("to")
    if base is None or new is None or not commensurable(base.value, new.value):
        return []
    reader = claim_reader(claim, settings)
    cases = []
    for change in (f for f in claim.figures if f.role == "change"):
        in_points = (
            bool(_POINTS.search(change.value.text))
            or (change.unit or "").lower() in _POINT_UNITS
            or _points_follow(claim.statement, change.value.text)
        )
        cases.append(
            ChangeCase(
                base=base.value,
                new=new.value,
                change=change.value,
                reader=reader,
                in_points=in_points,
                percent_scale=figure_is_percent(base) and figure_is_percent(new),
                relative=figure_is_percent(change) or in_points,
            )
        )
    return cases


def _points_follow(statement: str, text: str) -> bool:
    """True where "points" follows the printed change ("3 percentage points")."""
    at = statement.find(text) if text else -1
    if at == -1:
        return False
    after = statement[at + len(text) : at + len(text) + POINTS_WINDOW].lower()
    return bool(_POINTS_AFTER.match(after))


def claim_change_cases(
    plan: Plan, settings: CheckSettings
) -> Iterator[tuple[Claim, ChangeCase, Verdict]]:
    """Every stated change of the plan's change claims, with its case and verdict."""
    for claim in plan.claims:
        for case in claim_cases(claim, settings):
            yield claim, case, case.verdict()
