"""A10x: a target's percentage, baseline and target figure against each other."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.plan import Plan
from ..model.values import Direction, PercentBasis
from .cases import (
    PERCENT_PLACES,
    ChangeCase,
    Verdict,
    against,
    checkable,
    claim_change_cases,
    figures_text,
    number_text,
    target_cases,
)
from .common import claim_problem, computed, owned_targets, target_problem
from .findings import Problem, Severity
from .intervals import HUNDRED
from .reading import target_reader
from .settings import CheckSettings

__all__ = [
    "check_percent_points",
    "check_target_direction",
    "check_target_drift",
    "check_target_percent",
]


def check_target_percent(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A target's percentage does not match its baseline and target figures.

    Each printed figure stands for the values its precision allows; the target fails only
    where no such values make the percentage true. It is an error where no reading
    reconciles the figures, a warning where only truncation or a coarse rounding of a round
    number does.

    A yearly rate ("by 3% a year") over a known span holds where either reading does:
    compounded (800 x 0.97^2 = 752.6) or simple (800 x (1 - 2 x 0.03) = 752); where the
    span is not known the finding is information only.

    Example: "reduce burglary by 20% from 500 to 450" (450 is 10% below 500) is an error;
    "reduce burglary by 15% from 500 to 421" (a 15.8% fall, 15 only when truncated) is a
    warning; "reduce criminal damage by 16% from 1140 to 960" (15.8%) holds; "cut injuries
    by 3% a year from 800 in 2019/20 to 720 in 2021/22" (10% over two years) is an error.
    """
    for owned, case, verdict in target_cases(plan, settings):
        if verdict not in (Verdict.LENIENT, Verdict.FAILS):
            continue
        severity = Severity.WARNING if verdict is Verdict.LENIENT else Severity.ERROR
        expected = case.expected()
        how = " only if truncated or coarsely rounded" if verdict is Verdict.LENIENT else ""
        stated = case.change.text
        if owned.target.percent_basis is PercentBasis.PER_YEAR:
            if case.years is None:
                # A yearly rate over a span the plan does not give: no reading is certain.
                severity = Severity.INFO
                stated = f"{stated} a year over an unstated span"
            else:
                stated = f"{stated} a year for {case.years} years (compound or simple)"
        given = number_text(expected)
        if case.either:
            # Neither reading is preferred: both are given.
            given = f"{number_text(case.expected('points'))} or {given}"
        yield target_problem(
            severity,
            owned,
            f"target states {stated} but {figures_text(case)} is {given}{how}",
            expected=expected,
            stated=case.change,
        )


def check_percent_points(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A change between two percentages is stated in percent where it is in points, or
    the other way round.

    A change from 29% to 26% is 3 percentage points and a 10.3% relative fall. A target or
    claim whose figure matches only the other reading is a warning; a target whose percent
    between two percentages no word ties to either reading ("a 4% reduction, from 33% to
    29%") holds on one reading, so that is information only.

    Example: "a 3% reduction from 29% to 26%" (3 points; 10.3% in relative terms);
    "reduce from 40% to 30%, a cut of 25%" holds.
    """
    for owned, case, verdict in target_cases(plan, settings):
        if verdict is Verdict.POINTS:
            either = owned.target.percent_basis is PercentBasis.POINTS_OR_WHOLE
            yield target_problem(
                Severity.INFO if either else Severity.WARNING,
                owned,
                _confused("target", case),
                expected=case.expected(),
                stated=case.change,
            )
    for claim, case, verdict in claim_change_cases(plan, settings):
        if verdict is Verdict.POINTS:
            yield claim_problem(
                Severity.WARNING,
                claim,
                _confused("claim", case),
                expected=case.expected(),
                stated=case.change,
            )


def _confused(what: str, case: ChangeCase) -> str:
    other = "relative" if case.in_points else "points"
    return (
        f"{what} states {case.change.text} {figures_text(case)}, which is "
        f"{_describe(case, other)}: percent and percentage points are confused"
    )


def _describe(case: ChangeCase, kind: str) -> str:
    relative = case.expected("relative")
    points = computed(abs(case.new.value - case.base.value), PERCENT_PLACES, " points")
    rel = number_text(relative)
    if kind == "points":
        return f"{points.text} (a relative change of {rel})"
    return f"a relative change of {rel} ({points.text})"


def check_target_drift(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A target figure drifts from its baseline and percentage by less than rounding
    explains (information).

    The percentage holds within its rounding, but the target figure is not the baseline
    moved by exactly the stated percentage, rounded as the plan prints it.

    Example: "reduce criminal damage by 16% from 1140 to 960": 16% off 1140 is 957.6, so
    the plan's 960 is a 15.8% fall.
    """
    for owned, case, verdict in target_cases(plan, settings):
        if verdict is not Verdict.HOLDS or case.in_points or not case.relative or case.years:
            # A yearly rate has no single exact figure: compound and simple readings differ.
            continue
        base, new = case.base.value, case.new.value
        falls = owned.target.direction is Direction.REDUCE or (
            owned.target.direction is None and new < base
        )
        factor = 1 - case.change.value / HUNDRED if falls else 1 + case.change.value / HUNDRED
        exact = base * factor
        if case.reader.interval(case.new).contains(exact):
            continue
        # One decimal more than the plan prints, so the drift shows ("957.6" against "960").
        expected = computed(exact, max(1, case.new.decimals + 1))
        yield target_problem(
            Severity.INFO,
            owned,
            f"{case.change.text} from {case.base.text} gives {expected.text}; the plan says "
            f"{case.new.text} (a change of {number_text(case.expected())})",
            expected=expected,
            stated=case.new,
        )


def check_target_direction(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A target's figure moves the opposite way to what the target says.

    Fails where a target to reduce has a target figure above its baseline, or one to
    increase has it below, beyond any rounding.

    Example: "reduce deliberate fires from 217 to 226 by 2008" is an error.
    """
    for owned in owned_targets(plan):
        target = owned.target
        figures = checkable(target)
        if figures is None or target.direction not in (Direction.REDUCE, Direction.INCREASE):
            continue
        reader = target_reader(target, settings)
        base, new = figures[0].value, figures[1].value
        lenient = settings.lenient
        if against(target.direction, reader.interval(base, lenient), reader.interval(new, lenient)):
            verb = "reduce" if target.direction is Direction.REDUCE else "increase"
            yield target_problem(
                Severity.ERROR,
                owned,
                f"target is to {verb} but goes from {base.text} to {new.text}",
                expected=base,
                stated=new,
            )
