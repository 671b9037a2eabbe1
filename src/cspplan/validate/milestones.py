"""C21x: milestones whose dates do not fit the plan's period or their neighbours."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import pairwise

from ..model.plan import Action, Milestone, Plan
from ..model.values import Period, TimescaleKind
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


_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SHORT_SECOND = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[/\-\u2013\u2014]\s*\d{1,2}(?!\d)")


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


def check_milestone_period(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A milestone falls wholly outside the period the plan covers.

    A warning where a milestone's timescale ends before the plan starts or starts after it
    ends. Milestones without dates ("Ongoing") are not judged. A period written in whole
    years ("2005 - 2006") may mean financial or calendar years; a milestone must fall
    outside both readings.

    Example: in an action plan for 2005/06 (April 2005 to March 2006), a milestone due
    "September 2006"; in a plan for "2005 - 2006", a milestone due "January 2007".
    """
    period = plan.period
    if period is None or period.start is None or period.end is None:
        return
    start, end = plan_window(period)
    for action in plan.all_actions():
        for milestone in _dated(action):
            timescale = milestone.timescale
            assert timescale is not None and timescale.start and timescale.end
            if timescale.end < start or timescale.start > end:
                side = "before the plan starts" if timescale.end < start else "after the plan ends"
                yield Problem(
                    severity=Severity.WARNING,
                    message=(
                        f"milestone due {timescale.text!r} falls {side} "
                        f"(plan period {period.text}: {start} to {end})"
                    ),
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
