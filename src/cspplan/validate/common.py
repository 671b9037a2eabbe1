"""Helpers the rules share: walking the plan, naming subjects, building problems,
formatting figures."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from ..model.plan import Action, Claim, Objective, Plan, Priority, Target
from ..model.source import SourceRef
from ..model.values import Number, Period
from ..text.patterns import lazy
from .findings import Problem, Severity, Subject
from .intervals import Interval

__all__ = [
    "OwnedTarget",
    "action_subject",
    "claim_problem",
    "claim_subject",
    "computed",
    "overlapping",
    "owned_targets",
    "percent_text",
    "same_period",
    "source_of",
    "target_problem",
    "target_subject",
]


@attrs.frozen(slots=True)
class OwnedTarget:
    """A target with the priority and objective that state it.

    Attributes:
        target: The target.
        priority: The priority it belongs to, or ``None`` for a plan-level one.
        objective: The objective that states it, or ``None`` for a strategic target.
    """

    target: Target
    priority: Priority | None = None
    objective: Objective | None = None


def owned_targets(plan: Plan) -> Iterator[OwnedTarget]:
    """Every target of the plan with its owners, strategic targets first."""
    for priority in plan.priorities:
        for target in priority.targets:
            yield OwnedTarget(target, priority)
    for target in plan.targets:
        yield OwnedTarget(target)
    for priority in plan.priorities:
        for objective in priority.objectives:
            for target in objective.targets:
                yield OwnedTarget(target, priority, objective)
    for objective in plan.objectives:
        for target in objective.targets:
            yield OwnedTarget(target, None, objective)


SUBJECT_NAME_LIMIT = 80
"""The most characters of a statement or action text a subject's name keeps."""


def _short(text: str, limit: int = SUBJECT_NAME_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def target_subject(target: Target, objective: Objective | None = None) -> Subject:
    """The subject naming a target (or the objective stating it)."""
    name = target.metric or _short(target.statement)
    if objective is not None:
        return Subject("objective", objective.id, objective.ref, name)
    return Subject("target", target.id, None, name)


def claim_subject(claim: Claim) -> Subject:
    """The subject naming a claim."""
    return Subject("claim", claim.id, None, _short(claim.statement))


def action_subject(action: Action) -> Subject:
    """The subject naming an action."""
    return Subject("action", action.id, action.ref, _short(action.text))


def source_of(*sources: SourceRef) -> SourceRef:
    """The first of ``sources`` that gives a place in the file, else the first that says
    anything."""
    empty = SourceRef()
    placed = next((s for s in sources if s.location()), None)
    return placed or next((s for s in sources if s != empty), empty)


def target_problem(
    severity: Severity,
    owned: OwnedTarget,
    message: str,
    *,
    expected: Number | None = None,
    stated: Number | None = None,
    related: tuple[Subject, ...] = (),
) -> Problem:
    """A problem about a target, named by the objective stating it where there is one."""
    target, objective = owned.target, owned.objective
    return Problem(
        severity=severity,
        message=message,
        subject=target_subject(target, objective),
        expected=expected,
        stated=stated,
        source=source_of(target.source, objective.source if objective else target.source),
        related=related,
    )


def claim_problem(
    severity: Severity,
    claim: Claim,
    message: str,
    *,
    expected: Number | None = None,
    stated: Number | None = None,
) -> Problem:
    """A problem about a narrative claim."""
    return Problem(
        severity=severity,
        message=message,
        subject=claim_subject(claim),
        expected=expected,
        stated=stated,
        source=claim.source,
    )


def computed(value: Decimal, places: int = 1, suffix: str = "") -> Number:
    """A number the check computed, printed to ``places`` decimals."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum)
    text = format(rounded, "f")
    if places and "." in text:
        text = text.rstrip("0").rstrip(".")
    return Number(rounded, text + suffix)


def percent_text(interval: Interval) -> str:
    """A range of percentages for messages: ``"15.8%"`` or ``"15.1% to 16.4%"``."""
    lo = computed(interval.lo).text
    hi = computed(interval.hi).text
    return f"{lo}%" if lo == hi else f"{lo}% to {hi}%"


_SPACES = lazy(r"[\s\u2013\u2014\-/]+")


def same_period(a: Period | None, b: Period | None) -> bool:
    """True where two periods are the same span ("2007/08" and "2007-08")."""
    if a is None or b is None:
        return False
    if a.start and a.end and b.start and b.end:
        return a.start == b.start and a.end == b.end
    return _SPACES.sub("/", a.text.strip().lower()) == _SPACES.sub("/", b.text.strip().lower())


def overlapping(a: Period | None, b: Period | None) -> bool:
    """False only where both periods' dates are known and they share no day."""
    if a is None or b is None or not (a.start and a.end and b.start and b.end):
        return True
    return max(a.start, b.start) <= min(a.end, b.end)
