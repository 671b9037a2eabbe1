"""A11x: a target's trajectory (its figures year by year) against the target."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import attrs

from ..model.plan import Plan
from ..model.values import Direction, Measure
from .cases import against
from .common import OwnedTarget, owned_targets, same_period, target_problem
from .findings import Problem, Severity
from .reading import Reader, commensurable, target_reader
from .settings import CheckSettings

__all__ = ["check_trajectory_direction", "check_trajectory_end", "check_trajectory_start"]

_BASELINE_LABELS = ("bench", "base")
_TARGET_LABELS = ("target",)


def _point_for(
    measure: Measure, trajectory: tuple[Measure, ...], words: tuple[str, ...]
) -> Measure | None:
    for point in trajectory:
        if same_period(point.period, measure.period):
            return point
    for point in trajectory:
        label = (point.label or "").lower()
        if any(word in label for word in words):
            return point
    return None


def _compare(
    owned: OwnedTarget, reader: Reader, stated: Measure, expected: Measure, what: str
) -> Problem | None:
    if not commensurable(stated.value, expected.value) or reader.interval(stated.value).overlaps(
        reader.interval(expected.value)
    ):
        return None
    lenient = reader.settings.lenient and reader.interval(stated.value, True).overlaps(
        reader.interval(expected.value, True)
    )
    period = f" for {stated.period.text}" if stated.period else ""
    return target_problem(
        Severity.WARNING if lenient else Severity.ERROR,
        owned,
        f"trajectory gives {stated.value.text}{period} but the {what} is {expected.value.text}",
        expected=expected.value,
        stated=stated.value,
    )


def check_trajectory_start(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A trajectory's figure for the baseline period differs from the target's baseline.

    The trajectory point compared is the one for the baseline's period, or the one
    labelled as the baseline or benchmark.

    Example: "reduce burglary by 30% from 372 to 260" with a table whose 2003/04
    Benchmark column says 327.
    """
    for owned in owned_targets(plan):
        target = owned.target
        if target.baseline is None or not target.trajectory:
            continue
        point = _point_for(target.baseline, target.trajectory, _BASELINE_LABELS)
        if point is None:
            continue
        problem = _compare(
            owned, target_reader(target, settings), point, target.baseline, "baseline"
        )
        if problem:
            yield problem


def check_trajectory_end(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A trajectory's figure for the target period differs from the target figure.

    The trajectory point compared is the one for the target's period (or deadline), or the
    one labelled as the target.

    Example: "reduce theft of vehicles by 10% from 234 to 211 by 2007/08" with a table
    whose 2007/08 (Target) column says 221.
    """
    for owned in owned_targets(plan):
        target = owned.target
        if target.target is None or not target.trajectory:
            continue
        goal = target.target
        if goal.period is None and target.deadline is not None:
            goal = attrs.evolve(goal, period=target.deadline)
        point = _point_for(goal, target.trajectory, _TARGET_LABELS)
        if point is None:
            continue
        problem = _compare(owned, target_reader(target, settings), point, target.target, "target")
        if problem:
            yield problem


def check_trajectory_direction(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A trajectory steps against the target's direction.

    A warning where a target to reduce has a trajectory point above the one before it
    (or one to increase, below), beyond rounding. Reported once per target.

    Example: "reduce drugs offences by 15%" with a trajectory 64, 61, 63, 56, 54.
    """
    for owned in owned_targets(plan):
        target = owned.target
        if target.direction not in (Direction.REDUCE, Direction.INCREASE):
            continue
        reader = target_reader(target, settings)
        for before, after in itertools.pairwise(target.trajectory):
            if commensurable(before.value, after.value) and against(
                target.direction,
                reader.interval(before.value, settings.lenient),
                reader.interval(after.value, settings.lenient),
            ):
                verb = "reduce" if target.direction is Direction.REDUCE else "increase"
                when = f" in {after.period.text}" if after.period else ""
                yield target_problem(
                    Severity.WARNING,
                    owned,
                    f"target is to {verb} but its trajectory goes from {before.value.text} "
                    f"to {after.value.text}{when}",
                    expected=before.value,
                    stated=after.value,
                )
                break
