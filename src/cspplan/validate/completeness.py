"""M3xx: actions that lack what the rest of their table gives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model.plan import Action, Plan
from ..model.values import TimescaleKind
from .common import action_subject, source_of
from .findings import Problem, Severity, Subject
from .settings import CheckSettings

__all__ = ["check_action_lead", "check_action_timescale", "check_timescale_understood"]


def _groups(plan: Plan) -> Iterator[Sequence[Action]]:
    """Actions that share a table: each priority's, then the plan-level ones."""
    for priority in plan.priorities:
        if priority.actions:
            yield priority.actions
    if plan.actions:
        yield plan.actions


def _has_timescale(action: Action) -> bool:
    return any(m.timescale is not None and m.timescale.text.strip() for m in action.milestones)


def check_action_lead(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action names no lead where the other actions of its table do.

    A warning for each action without a lead in a priority (or the plan's own list of
    actions) where at least one other action names one; a plan whose tables have no lead
    column is not judged.

    Example: in a table whose actions each name a lead officer, "2.4 To provide youth
    facilities at 2 locations" with the lead cell empty.
    """
    for actions in _groups(plan):
        if not any(a.leads for a in actions):
            continue
        for action in actions:
            if not action.leads:
                yield Problem(
                    severity=Severity.WARNING,
                    message="action names no lead",
                    subject=action_subject(action),
                    source=action.source,
                )


def check_action_timescale(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action gives no timescale where the other actions of its table do.

    A warning for each action with no timescale at all in a priority (or the plan's own
    list of actions) where at least one other action gives one; a plan whose tables have no
    timescale column is not judged.

    Example: in a table whose actions each have a due date, "3.1 To review traveller
    liaison policies" with the timescale cell empty.
    """
    for actions in _groups(plan):
        if not any(_has_timescale(a) for a in actions):
            continue
        for action in actions:
            if not _has_timescale(action):
                yield Problem(
                    severity=Severity.WARNING,
                    message="action gives no timescale",
                    subject=action_subject(action),
                    source=action.source,
                )


def check_timescale_understood(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A timescale's words could not be understood as a date, a span, "ongoing" or "to be
    decided" (information).

    Such a milestone cannot be checked against the plan's period or its neighbours.

    Example: a milestone due "after the review of the scheme".
    """
    for action in plan.all_actions():
        for milestone in action.milestones:
            timescale = milestone.timescale
            if timescale is None or timescale.kind is not TimescaleKind.UNPARSED:
                continue
            if not timescale.text.strip():
                continue
            yield Problem(
                severity=Severity.INFO,
                message=f"timescale {timescale.text!r} is not understood as a date",
                subject=Subject(
                    "milestone",
                    action.id,
                    action.ref,
                    milestone.output or action_subject(action).name,
                ),
                source=source_of(milestone.source, action.source),
            )
