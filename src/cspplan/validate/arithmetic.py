"""A1xx: the arithmetic of targets, trajectories and narrative claims."""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from ..model.plan import Claim, ClaimKind, Figure, Objective, Plan, Target
from ..model.values import Direction, Measure, Number, Unit
from .common import (
    OwnedTarget,
    claim_subject,
    computed,
    overlapping,
    owned_targets,
    percent_text,
    same_period,
    source_of,
    target_subject,
)
from .findings import Finding, Severity
from .intervals import Interval, difference, percent_change, quotient, total
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
    "check_change_base",
    "check_change_direction",
    "check_change_size",
    "check_count_items",
    "check_percent_points",
    "check_share_of_total",
    "check_share_sum",
    "check_target_direction",
    "check_target_drift",
    "check_target_percent",
    "check_trajectory_direction",
    "check_trajectory_end",
    "check_trajectory_start",
]

_HUNDRED = Decimal(100)
_POINTS = re.compile(r"\bpoints?\b|\bpp\b|\bppts?\b", re.IGNORECASE)


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
    """

    base: Number
    new: Number
    change: Number
    reader: Reader
    in_points: bool = False
    percent_scale: bool = False
    relative: bool = True

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
            if other is not None and self._agrees(other, True):
                return Verdict.POINTS
        return Verdict.FAILS

    def expected(self, kind: str | None = None) -> Number | None:
        """The change the figures give exactly, as a printed number."""
        kind = kind or ("points" if self.in_points or not self.relative else "relative")
        base, new = self.base.value, self.new.value
        if kind == "points":
            suffix = " points" if self.in_points or self.percent_scale else ""
            return computed(abs(new - base), max(1, self.change.decimals), suffix)
        if kind == "by_new":
            if new == 0:
                return None
            return computed(abs(base - new) / new * _HUNDRED, 1, "%")
        if base == 0:
            return None
        return computed(abs(new - base) / base * _HUNDRED, 1, "%")


# --- targets ---------------------------------------------------------------------------


def _checkable(target: Target) -> tuple[Measure, Measure] | None:
    """The baseline and target figures, where the target figure is the final one."""
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
    figures = _checkable(target)
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
    )


def _target_cases(
    plan: Plan, settings: CheckSettings
) -> Iterator[tuple[OwnedTarget, ChangeCase, Verdict]]:
    for owned in owned_targets(plan):
        case = target_case(owned.target, settings)
        if case is not None:
            yield owned, case, case.verdict()


def _target_finding(
    code: str, severity: Severity, owned: OwnedTarget, message: str, **figures: Number | None
) -> Finding:
    target = owned.target
    objective: Objective | None = owned.objective
    return Finding(
        code=code,
        severity=severity,
        message=message,
        subject=target_subject(target, objective),
        expected=figures.get("expected"),
        stated=figures.get("stated"),
        source=source_of(target.source, objective.source if objective else target.source),
    )


def _figures_text(case: ChangeCase) -> str:
    return f"from {case.base.text} to {case.new.text}"


def check_target_percent(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A target's percentage does not match its baseline and target figures.

    Each printed figure stands for the values its precision allows; the target fails only
    where no such values make the percentage true. It is an error where no reading
    reconciles the figures, a warning where only truncation or a coarse rounding of a round
    number does.

    Example: "reduce burglary by 20% from 500 to 450" (450 is 10% below 500) is an error;
    "reduce burglary by 15% from 500 to 421" (a 15.8% fall, 15 only when truncated) is a
    warning; "reduce criminal damage by 16% from 1140 to 960" (15.8%) holds.
    """
    for owned, case, verdict in _target_cases(plan, settings):
        if verdict not in (Verdict.LENIENT, Verdict.FAILS):
            continue
        severity = Severity.WARNING if verdict is Verdict.LENIENT else Severity.ERROR
        expected = case.expected()
        how = " only if truncated or coarsely rounded" if verdict is Verdict.LENIENT else ""
        yield _target_finding(
            "A101",
            severity,
            owned,
            f"target states {case.change.text} but {_figures_text(case)} is "
            f"{expected.text if expected else 'undefined'}{how}",
            expected=expected,
            stated=case.change,
        )


def check_percent_points(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A change between two percentages is stated in percent where it is in points, or
    the other way round.

    A change from 29% to 26% is 3 percentage points and a 10.3% relative fall. A target or
    claim whose figure matches only the other reading is a warning.

    Example: "a 3% reduction from 29% to 26%" (3 points; 10.3% in relative terms);
    "reduce from 40% to 30%, a cut of 25%" holds.
    """
    for owned, case, verdict in _target_cases(plan, settings):
        if verdict is Verdict.POINTS:
            other = "relative" if case.in_points else "points"
            yield _target_finding(
                "A102",
                Severity.WARNING,
                owned,
                f"target states {case.change.text} {_figures_text(case)}, which is "
                f"{_describe(case, other)}: percent and percentage points are confused",
                expected=case.expected(),
                stated=case.change,
            )
    for claim, case, verdict in _claim_cases(plan, settings):
        if verdict is Verdict.POINTS:
            other = "relative" if case.in_points else "points"
            yield _claim_finding(
                "A102",
                Severity.WARNING,
                claim,
                f"claim states {case.change.text} {_figures_text(case)}, which is "
                f"{_describe(case, other)}: percent and percentage points are confused",
                expected=case.expected(),
                stated=case.change,
            )


def _describe(case: ChangeCase, kind: str) -> str:
    relative = case.expected("relative")
    points = computed(abs(case.new.value - case.base.value), 1, " points")
    rel = relative.text if relative else "undefined"
    if kind == "points":
        return f"{points.text} (a relative change of {rel})"
    return f"a relative change of {rel} ({points.text})"


def check_target_drift(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A target figure drifts from its baseline and percentage by less than rounding
    explains (information).

    The percentage holds within its rounding, but the target figure is not the baseline
    moved by exactly the stated percentage, rounded as the plan prints it.

    Example: "reduce criminal damage by 16% from 1140 to 960": 16% off 1140 is 957.6, so
    the plan's 960 is a 15.8% fall.
    """
    for owned, case, verdict in _target_cases(plan, settings):
        if verdict is not Verdict.HOLDS or case.in_points or not case.relative:
            continue
        base, new = case.base.value, case.new.value
        falls = owned.target.direction is Direction.REDUCE or (
            owned.target.direction is None and new < base
        )
        factor = 1 - case.change.value / _HUNDRED if falls else 1 + case.change.value / _HUNDRED
        exact = base * factor
        if case.reader.interval(case.new).contains(exact):
            continue
        expected = computed(exact, max(1, case.new.decimals + 1))
        yield _target_finding(
            "A103",
            Severity.INFO,
            owned,
            f"{case.change.text} from {case.base.text} gives {expected.text}; the plan says "
            f"{case.new.text} (a change of {_text(case.expected())})",
            expected=expected,
            stated=case.new,
        )


def _against(direction: Direction | None, base: Interval, new: Interval) -> bool:
    """True where the figures certainly moved against ``direction``."""
    if direction is Direction.REDUCE:
        return new.lo > base.hi or (new.lo == base.hi and (new.lo_open or base.hi_open))
    if direction is Direction.INCREASE:
        return new.hi < base.lo or (new.hi == base.lo and (new.hi_open or base.lo_open))
    return False


def check_target_direction(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A target's figure moves the opposite way to what the target says.

    Fails where a target to reduce has a target figure above its baseline, or one to
    increase has it below, beyond any rounding.

    Example: "reduce deliberate fires from 217 to 226 by 2008" is an error.
    """
    for owned in owned_targets(plan):
        target = owned.target
        figures = _checkable(target)
        if figures is None or target.direction not in (Direction.REDUCE, Direction.INCREASE):
            continue
        reader = target_reader(target, settings)
        base, new = figures[0].value, figures[1].value
        lenient = settings.lenient
        if _against(
            target.direction, reader.interval(base, lenient), reader.interval(new, lenient)
        ):
            verb = "reduce" if target.direction is Direction.REDUCE else "increase"
            yield _target_finding(
                "A104",
                Severity.ERROR,
                owned,
                f"target is to {verb} but goes from {base.text} to {new.text}",
                expected=base,
                stated=new,
            )


# --- trajectories ----------------------------------------------------------------------


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
    code: str,
    owned: OwnedTarget,
    reader: Reader,
    stated: Measure,
    expected: Measure,
    what: str,
) -> Finding | None:
    if not commensurable(stated.value, expected.value) or reader.interval(stated.value).overlaps(
        reader.interval(expected.value)
    ):
        return None
    lenient = reader.settings.lenient and reader.interval(stated.value, True).overlaps(
        reader.interval(expected.value, True)
    )
    period = f" for {stated.period.text}" if stated.period else ""
    return _target_finding(
        code,
        Severity.WARNING if lenient else Severity.ERROR,
        owned,
        f"trajectory gives {stated.value.text}{period} but the {what} is {expected.value.text}",
        expected=expected.value,
        stated=stated.value,
    )


def check_trajectory_start(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
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
        point = _point_for(target.baseline, target.trajectory, ("bench", "base"))
        if point is None:
            continue
        finding = _compare(
            "A110", owned, target_reader(target, settings), point, target.baseline, "baseline"
        )
        if finding:
            yield finding


def check_trajectory_end(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
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
        point = _point_for(goal, target.trajectory, ("target",))
        if point is None:
            continue
        finding = _compare(
            "A111", owned, target_reader(target, settings), point, target.target, "target"
        )
        if finding:
            yield finding


def check_trajectory_direction(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
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
        points = target.trajectory
        for before, after in itertools.pairwise(points):
            if commensurable(before.value, after.value) and _against(
                target.direction,
                reader.interval(before.value, settings.lenient),
                reader.interval(after.value, settings.lenient),
            ):
                verb = "reduce" if target.direction is Direction.REDUCE else "increase"
                when = f" in {after.period.text}" if after.period else ""
                yield _target_finding(
                    "A112",
                    Severity.WARNING,
                    owned,
                    f"target is to {verb} but its trajectory goes from {before.value.text} "
                    f"to {after.value.text}{when}",
                    expected=before.value,
                    stated=after.value,
                )
                break


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


_POINT_UNITS = {"points", "point", "percentage_points", "percentage points", "pp"}


def _points_follow(statement: str, text: str) -> bool:
    """True where "points" follows the printed change ("3 percentage points")."""
    at = statement.find(text) if text else -1
    if at == -1:
        return False
    after = statement[at + len(text) : at + len(text) + 24].lower()
    return bool(re.match(r"\s*(?:%\s*)?(?:percentage\s+)?(?:points?|pp|ppts?)\b", after))


def _claim_cases(
    plan: Plan, settings: CheckSettings
) -> Iterator[tuple[Claim, ChangeCase, Verdict]]:
    for claim in plan.claims:
        for case in claim_cases(claim, settings):
            yield claim, case, case.verdict()


def _claim_finding(
    code: str, severity: Severity, claim: Claim, message: str, **figures: Number | None
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        message=message,
        subject=claim_subject(claim),
        expected=figures.get("expected"),
        stated=figures.get("stated"),
        source=claim.source,
    )


def check_change_size(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A claimed change does not match the figures it relates.

    An error where no reading of the printed figures gives the stated change; a warning
    where only truncation or a coarse rounding does.

    Example: "2,581, a reduction of 40% on the 4,632 baseline" (a 44.3% fall) is an error;
    "down from 4,632 to 2,581, a reduction of 44%" holds.
    """
    for claim, case, verdict in _claim_cases(plan, settings):
        if verdict not in (Verdict.LENIENT, Verdict.FAILS):
            continue
        expected = case.expected()
        how = " only if truncated or coarsely rounded" if verdict is Verdict.LENIENT else ""
        yield _claim_finding(
            "A120",
            Severity.WARNING if verdict is Verdict.LENIENT else Severity.ERROR,
            claim,
            f"claim states {case.change.text} but {_figures_text(case)} is "
            f"{expected.text if expected else 'undefined'}{how}",
            expected=expected,
            stated=case.change,
        )


def check_change_base(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A percentage change was worked out on the new figure instead of the old one.

    An error where the stated percentage matches the change divided by the new figure
    and no reading matches it divided by the old (the baseline), for targets and claims.

    Example: "fell from 120 to 100, a fall of 20%": 20 is a fifth of the new 100; the fall
    is 16.7% of the old 120.
    """
    for owned, case, verdict in _target_cases(plan, settings):
        if verdict is Verdict.BY_NEW:
            yield _target_finding(
                "A122",
                Severity.ERROR,
                owned,
                f"target states {case.change.text} {_figures_text(case)}: that is the change "
                f"divided by the new figure; on the baseline it is {_text(case.expected())}",
                expected=case.expected(),
                stated=case.change,
            )
    for claim, case, verdict in _claim_cases(plan, settings):
        if verdict is Verdict.BY_NEW:
            yield _claim_finding(
                "A122",
                Severity.ERROR,
                claim,
                f"claim states {case.change.text} {_figures_text(case)}: that is the change "
                f"divided by the new figure; on the old figure it is {_text(case.expected())}",
                expected=case.expected(),
                stated=case.change,
            )


def _text(number: Number | None) -> str:
    return number.text if number else "undefined"


def check_change_direction(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A claim says a figure fell where its figures rose, or the other way round.

    An error where the claim's words ("down from", "a reduction of") give a direction and
    the new figure lies beyond rounding on the other side of the old one.

    Example: "down from 3,100 to 3,500" is an error; "up from 3,100 to 3,500" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.CHANGE:
            continue
        base, new = claim.figure("from"), claim.figure("to")
        if base is None or new is None or not commensurable(base.value, new.value):
            continue
        reader = claim_reader(claim, settings)
        lenient = settings.lenient
        if _against(
            claim.direction,
            reader.interval(base.value, lenient),
            reader.interval(new.value, lenient),
        ):
            said = "a fall" if claim.direction is Direction.REDUCE else "a rise"
            yield _claim_finding(
                "A121",
                Severity.ERROR,
                claim,
                f"claim says {said} but its figures go from {base.value.text} to {new.value.text}",
                expected=base.value,
                stated=new.value,
            )


def _percent_parts(claim: Claim) -> list[Figure]:
    return [f for f in claim.figures if f.role == "part" and figure_is_percent(f)]


def check_share_sum(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """Shares of a whole add up to more than 100%, or clearly less where the whole is named.

    Each share stands for its rounding interval, so four shares printed to whole
    percentages may sum to anything from 98 to 102. An error where even the widest reading
    exceeds 100; a warning where only truncation or coarse rounding brings the sum to 100,
    or where the parts of a named whole ("of the 3,500 businesses") fall short of it.

    Example: "62% micro, 25% small, 12% medium and 6% large" (105%) is an error;
    "83% micro, 13% small, 3% medium and 1% large" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SHARE:
            continue
        parts = _percent_parts(claim)
        if len(parts) < 2:
            continue
        reader = claim_reader(claim, settings)
        exact = sum((f.value.value for f in parts), Decimal(0))
        strict = total(reader.interval(f.value) for f in parts)
        loose = total(reader.interval(f.value, settings.lenient) for f in parts)
        if strict.contains(_HUNDRED):
            continue
        over = strict.lo >= _HUNDRED
        if not over and claim.figure("total") is None:
            continue  # a partial list of shares need not make a whole
        severity = Severity.ERROR if over and not loose.contains(_HUNDRED) else Severity.WARNING
        yield _claim_finding(
            "A130",
            severity,
            claim,
            f"shares sum to {computed(exact).text}%, {'over' if over else 'short of'} 100% "
            f"beyond their rounding ({percent_text(strict)})",
            expected=Number(_HUNDRED, "100%"),
            stated=computed(exact, max(f.value.decimals for f in parts), "%"),
        )


def _share_pairs(claim: Claim) -> list[tuple[Figure, Figure]]:
    """Parts given both as a percentage and as a count: "23% (98)"."""
    parts = [f for f in claim.figures if f.role == "part"]
    percents = [f for f in parts if figure_is_percent(f)]
    counts = [f for f in parts if not figure_is_percent(f)]
    labelled = [
        (p, c) for p in percents for c in counts if p.label is not None and p.label == c.label
    ]
    if labelled:
        return labelled
    if len(percents) == 1 and len(counts) == 1:
        return [(percents[0], counts[0])]
    return []


def _share_agrees(
    reader: Reader, percent: Figure, count: Figure, whole: Figure, lenient: bool
) -> bool:
    share = quotient(reader.interval(count.value, lenient), reader.interval(whole.value, lenient))
    if share is None:
        return True
    return share.scale(_HUNDRED).overlaps(reader.interval(percent.value, lenient))


def check_share_of_total(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A part given as a percentage and a count does not match the whole it is a share of.

    Where a share claim names its whole ("of the 425 casualties") and gives a part both
    ways ("23% (98)"), the percentage must be the count over the whole within rounding:
    an error where no reading reconciles them, a warning where only truncation or coarse
    rounding does.

    Example: "Of the 425 casualties, 28% (98) were motorcyclists" is an error (98 is 23%
    of 425); "23% (98)" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SHARE:
            continue
        whole = claim.figure("total")
        if whole is None or figure_is_percent(whole):
            continue
        reader = claim_reader(claim, settings)
        for percent, count in _share_pairs(claim):
            if _share_agrees(reader, percent, count, whole, False):
                continue
            lenient = settings.lenient and _share_agrees(reader, percent, count, whole, True)
            exact = (
                count.value.value / whole.value.value * _HUNDRED
                if whole.value.value
                else Decimal(0)
            )
            expected = computed(exact, max(1, percent.value.decimals), "%")
            yield _claim_finding(
                "A131",
                Severity.WARNING if lenient else Severity.ERROR,
                claim,
                f"claim gives {percent.value.text} ({count.value.text}) of {whole.value.text}, "
                f"but {count.value.text} is {expected.text} of it",
                expected=expected,
                stated=percent.value,
            )


def check_count_items(plan: Plan, settings: CheckSettings) -> Iterable[Finding]:
    """A stated count does not match the list it introduces.

    An error where a claim such as "five priorities" is followed by a list of a different
    length.

    Example: "The plan has four areas of work: 1. Data 2. Prevention 3. Enforcement" is an
    error (three listed).
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.COUNT or not claim.items:
            continue
        count = claim.figure("count")
        if count is None or count.value.value != count.value.value.to_integral_value():
            continue
        listed = len(claim.items)
        if Decimal(listed) == count.value.value:
            continue
        yield _claim_finding(
            "A140",
            Severity.ERROR,
            claim,
            f"claim counts {count.value.text} but lists {listed}",
            expected=Number(Decimal(listed), str(listed)),
            stated=count.value,
        )
