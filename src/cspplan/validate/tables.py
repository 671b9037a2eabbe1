"""A113 and A150: what a performance table states beside its figures, a quarterly profile's
sum and a RAG rating, against the figures.

The changes and directions of travel a table states are change claims, judged by the A12x
rules (:mod:`.changes`); here are the two statements only a table makes: the quarters of a
year's profile add up to the year's target, and a RAG colour means what the plan's key says.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from ..model.plan import Plan, Target
from ..model.values import Direction, Number, Polarity, RatingCondition, Unit
from .common import OwnedTarget, computed, owned_targets, target_problem
from .findings import Problem, Severity
from .intervals import Interval, total
from .reading import Reader, commensurable, is_percent, target_reader
from .settings import CheckSettings

__all__ = ["QUARTERS", "check_profile_sum", "check_rating"]

QUARTERS = 4
"""How many parts a profile needs before its sum is judged against the year's target: a
profile of fewer quarters is a year to date, which need not make the whole."""

_SUMMED_UNITS = (Unit.COUNT, Unit.MONEY, None)
"""Units whose parts add up to the whole: rates and percentages of quarters do not."""


def _within(target: Target) -> bool:
    """True where every quarter of the profile lies inside the target's period (or the
    periods are not known)."""
    goal = target.target
    year = goal.period if goal is not None and goal.period is not None else target.deadline
    if year is None or year.start is None or year.end is None:
        return True
    for point in target.profile:
        period = point.period
        if period is None or period.start is None or period.end is None:
            continue
        if period.start < year.start or period.end > year.end:
            return False
    return True


def check_profile_sum(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A target's quarterly profile does not add up to the year's target figure.

    A profile spreads a year's target over its quarters, so for counts and money the four
    quarters sum to the target; a cumulative profile instead ends at it. Each figure stands
    for its rounding interval. An error where neither reading holds with any rounding, a
    warning where only truncation or a coarse rounding makes one hold. Rates and
    percentages, profiles of fewer than four quarters and quarters outside the target's year
    are not judged; a profile is never checked as a trajectory (A110-A112).

    Example: "reduce vehicle crime to 1,776 in 2020/21" with quarters 450, 446, 442 and 448
    (1,786) is an error; quarters 450, 446, 442 and 438 (1,776) hold.
    """
    for owned in owned_targets(plan):
        target = owned.target
        goal = target.target
        if goal is None or len(target.profile) != QUARTERS or target.unit not in _SUMMED_UNITS:
            continue
        if is_percent(goal.value) or not all(
            commensurable(p.value, goal.value) for p in target.profile
        ):
            continue
        if not _within(target):
            continue
        reader = target_reader(target, settings)
        values = [p.value for p in target.profile]
        if _holds(reader, values, goal.value, False):
            continue
        lenient = settings.lenient and _holds(reader, values, goal.value, True)
        exact = sum((v.value for v in values), Decimal(0))
        yield target_problem(
            Severity.WARNING if lenient else Severity.ERROR,
            owned,
            f"quarterly profile {' + '.join(v.text for v in values)} = "
            f"{computed(exact, 0).text}, but the target for the year is {goal.value.text}",
            expected=goal.value,
            stated=computed(exact, max(v.decimals for v in values)),
        )


def _holds(reader: Reader, values: list[Number], goal: Number, lenient: bool) -> bool:
    """True where the quarters sum to the year's figure, or (a cumulative profile) rise to
    end at it, under some rounding of the printed figures."""
    parts = [reader.interval(v, lenient) for v in values]
    whole = reader.interval(goal, lenient)
    if total(parts).overlaps(whole):
        return True
    cumulative = all(b.hi >= a.lo for a, b in itertools.pairwise(parts))
    return cumulative and parts[-1].overlaps(whole)


def _polarity(target: Target) -> Polarity | None:
    if target.polarity is not None:
        return target.polarity
    if target.direction is Direction.REDUCE:
        return Polarity.LOWER_IS_BETTER
    if target.direction is Direction.INCREASE:
        return Polarity.HIGHER_IS_BETTER
    return None


def _oriented(interval: Interval, polarity: Polarity) -> Interval:
    """The interval turned so that lower is always better."""
    return interval if polarity is Polarity.LOWER_IS_BETTER else -interval


def _contradicts(
    condition: RatingCondition, outturn: Interval, goal: Interval, base: Interval | None
) -> bool:
    """True where no value in the intervals meets the condition (lower is better)."""
    if condition is RatingCondition.TARGET_MET:
        return outturn.lo > goal.hi
    if condition is RatingCondition.TARGET_MISSED:
        return outturn.hi < goal.lo
    if base is None:
        return False
    if condition is RatingCondition.BETTER_THAN_BASELINE:
        return outturn.lo > base.hi
    return outturn.hi < base.lo  # WORSE_THAN_BASELINE


_SAID = {
    RatingCondition.TARGET_MET: "target met",
    RatingCondition.TARGET_MISSED: "target missed",
    RatingCondition.BETTER_THAN_BASELINE: "better than the baseline",
    RatingCondition.WORSE_THAN_BASELINE: "worse than the baseline",
}
_FAILS = {
    RatingCondition.TARGET_MET: "misses the target",
    RatingCondition.TARGET_MISSED: "meets the target",
    RatingCondition.BETTER_THAN_BASELINE: "is no better than the baseline",
    RatingCondition.WORSE_THAN_BASELINE: "is no worse than the baseline",
}


def check_rating(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A RAG rating contradicts the plan's own key, given the outturn, the target, the
    baseline and which way is better.

    Only ratings the plan's key defines are checked ("Green: target met; Amber: better than
    the baseline but short of the target; Red: worse than the baseline"): a colour the plan
    never explains, or explains in words cspplan cannot read ("within 5% of target"), is not
    judged. Which way is better comes from the stated polarity ("Lower is better"), else the
    target's direction. An error where no rounding of the figures meets the colour's
    definition; a warning where only truncation or a coarse rounding does.

    Example: "Violence with injury | Lower is better | 1,560 | 1,482 | 1,611 | Green" under
    the key "Green: target met" is an error (1,611 misses 1,482); "Red" there holds under
    "Red: worse than the baseline".
    """
    for owned in owned_targets(plan):
        target = owned.target
        rating = target.rating
        polarity = _polarity(target)
        if (
            rating is None
            or not rating.conditions
            or polarity is None
            or target.outturn is None
            or target.target is None
        ):
            continue
        figures = [target.outturn.value, target.target.value]
        if target.baseline is not None:
            figures.append(target.baseline.value)
        if not all(commensurable(f, figures[0]) for f in figures):
            continue
        failed = _failed(owned, settings, polarity, False)
        if failed is None:
            continue
        lenient = settings.lenient and _failed(owned, settings, polarity, True) is None
        base = target.baseline.value.text if target.baseline is not None else "none"
        better = "lower" if polarity is Polarity.LOWER_IS_BETTER else "higher"
        yield target_problem(
            Severity.WARNING if lenient else Severity.ERROR,
            owned,
            f"rated {rating.text} ({rating.meaning or _SAID[failed]}), but the outturn "
            f"{target.outturn.value.text} {_FAILS[failed]} (baseline {base}, target "
            f"{target.target.value.text}, {better} is better)",
            expected=target.target.value,
            stated=target.outturn.value,
        )


def _failed(
    owned: OwnedTarget, settings: CheckSettings, polarity: Polarity, lenient: bool
) -> RatingCondition | None:
    target = owned.target
    assert target.rating is not None and target.outturn is not None and target.target is not None
    reader = target_reader(target, settings)
    outturn = _oriented(reader.interval(target.outturn.value, lenient), polarity)
    goal = _oriented(reader.interval(target.target.value, lenient), polarity)
    base = (
        _oriented(reader.interval(target.baseline.value, lenient), polarity)
        if target.baseline is not None
        else None
    )
    for condition in target.rating.conditions:
        if _contradicts(condition, outturn, goal, base):
            return condition
    return None
