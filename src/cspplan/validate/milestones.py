"""C21x: milestones whose dates do not fit their action's or the plan's period, or their neighbours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise

from ..model.plan import Action, Milestone, Plan
from ..model.values import Period, Timescale, TimescaleKind
from ..text.patterns import lazy
from .common import action_subject, source_of
from .findings import Problem, Severity, Subject
from .settings import CheckSettings

__all__ = ["check_milestone_order", "check_milestone_period", "plan_window"]


def _dated(action: Action) -> Iterator[Milestone]:
    for milestone in action.milestones:
        timescale = milestone.timescale
        if (
            timescale is not None
            and timescale.kind in (TimescaleKind.DATE, TimescaleKind.RANGE)
            and timescale.start is not None
            and timescale.end is not None
        ):
            yield milestone


def _milestone_subject(action: Action, milestone: Milestone) -> Subject:
    return Subject(
        "milestone", action.id, action.ref, milestone.output or action_subject(action).name
    )


_YEARS = lazy(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SHORT_SECOND = lazy(r"(?<!\d)(?:19|20)\d{2}\s*[/\-\u2013\u2014]\s*\d{1,2}(?!\d)")


def plan_window(period: Period) -> tuple[dt.date, dt.date]:
    """Every day a plan's period can mean. "2005/06" or "2018-19" is a financial year and
    nothing else;
    a span written in whole years, "2005 - 2006" or "2008", may be financial or calendar
    years, so it covers both readings: a milestone is outside only if outside both."""
    assert period.start is not None and period.end is not None
    start, end = period.start, period.end
    years = [int(y) for y in _YEARS.findall(period.text)]
    if years and not _SHORT_SECOND.search(period.text):
        start = min(start, dt.date(min(years), 1, 1))
        end = max(end, dt.date(max(years), 12, 31))
    return start, end


def _dated_period(period: Period | None) -> Period | None:
    return period if period is not None and period.start and period.end else None


def _inside(timescale: Timescale, window: tuple[dt.date, dt.date]) -> bool:
    assert timescale.start is not None and timescale.end is not None
    return timescale.end >= window[0] and timescale.start <= window[1]


def check_milestone_period(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A milestone falls wholly outside the period its action is set out for.

    An action is judged against its own period where the heading of its section or the
    caption of its table names one ("What we will do in 2019/20" in an annual report on
    2018/19), else against the plan's period. A warning only where the milestone falls
    outside the action's own period, which the document states for it, and outside the
    plan's period too; information where the plan's period is the only one (it is taken
    from the title, and a report on one year often carries the plan for the next), or where
    the plan's period still holds the milestone (a plan titled "2005 - 2006" whose section
    says "2005/06"). Milestones without dates ("Ongoing") are not judged. A period written in
    whole years ("2005 - 2006") may mean financial or calendar years; a milestone must fall
    outside both readings.

    Example: under the heading "Delivery plan 2005/06" (April 2005 to March 2006) of an annual
    report on 2004/05, a milestone due "September 2006" (warning); in a plan titled "Action
    Plan 2005/06" with no period over its action table, the same milestone (information).
    """
    plan_period = _dated_period(plan.period)
    for action in plan.all_actions():
        own = _dated_period(action.period)
        period = own or plan_period
        if period is None:
            continue
        window = plan_window(period)
        for milestone in _dated(action):
            timescale = milestone.timescale
            assert timescale is not None and timescale.start and timescale.end
            if _inside(timescale, window):
                continue
            start, end = window
            early = timescale.end < start
            if own is not None:
                side = "before" if early else "after"
                where = (
                    f"{side} the period its action is set out for ({period.text}: {start} to {end})"
                )
                # Outside the section's period but inside the title's: one reading holds.
                certain = plan_period is None or not _inside(timescale, plan_window(plan_period))
            else:
                side = "before the plan starts" if early else "after the plan ends"
                where = f"{side} (plan period {period.text}: {start} to {end})"
                certain = False
            yield Problem(
                severity=Severity.WARNING if certain else Severity.INFO,
                message=f"milestone due {timescale.text!r} falls {where}",
                subject=_milestone_subject(action, milestone),
                source=source_of(milestone.source, action.source),
            )


def check_milestone_order(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action lists a milestone before an earlier-dated one (information).

    Reported once per action, where a milestone's whole window lies before the window of
    a milestone listed above it.

    Example: an action whose outputs read "Evaluation complete - September 2005" then
    "Group established - April 2005".
    """
    for action in plan.all_actions():
        dated = list(_dated(action))
        for earlier, later in pairwise(dated):
            first, second = earlier.timescale, later.timescale
            assert first is not None and second is not None and first.start and second.end
            if second.end < first.start:
                yield Problem(
                    severity=Severity.INFO,
                    message=(
                        f"milestone due {second.text!r} is listed after one due {first.text!r}"
                    ),
                    subject=_milestone_subject(action, later),
                    source=source_of(later.source, action.source),
                )
                break
