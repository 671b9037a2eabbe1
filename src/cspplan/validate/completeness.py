"""M3xx: actions that lack what the rest of their table gives.

A cell counts as empty where it holds nothing or only a placeholder (:data:`PLACEHOLDER`:
"?", "TBC", "To be determined", "n/a", a dash); a timescale "to be decided" counts as none.
A word that says there is no money ("Nil", "None", "Within existing resources") is an
answer, not a placeholder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from ..model.plan import Action, Plan, TableColumn
from ..model.values import TimescaleKind
from ..text.patterns import IGNORECASE, lazy
from .common import action_subject, source_of
from .findings import Problem, Severity, Subject
from .settings import CheckSettings

__all__ = [
    "CHECKED_COLUMNS",
    "COLUMN_FILL_SHARE",
    "MIN_OTHER_ROWS",
    "PLACEHOLDER",
    "check_action_lead",
    "check_action_timescale",
    "check_column_filled",
    "check_timescale_understood",
    "is_placeholder",
]

PLACEHOLDER = lazy(
    r"^\W*(?:\?+|tbc|tba|tbd|t\.b\.[cad]\.?|n/?a|not\s+applicable|[-–—]+|to\s+be\s+"
    r"(?:determined|decided|confirmed|agreed|arranged|advised|identified|set))\W*$",
    IGNORECASE,
)
"""A cell that stands in for an answer not given yet."""

CHECKED_COLUMNS: dict[str, str] = {
    "outcome": "outcome",
    "evaluation": "success measure",
    "resources": "resources",
}
"""The column kinds :func:`check_column_filled` judges, with the word its messages use.
Lead and timescale have rules of their own (M301, M302); progress, comments, notes and
partners columns are often left blank on purpose and are never judged."""

COLUMN_FILL_SHARE = 3 / 4
"""A column counts as one the table fills where at least this share of the *other* actions
of the table fill it with something other than a placeholder."""

MIN_OTHER_ROWS = 2
"""The fewest other actions a table needs before what they fill is judged."""


_GROUPING = frozenset({"priority", "objective"})


def is_placeholder(text: str | None) -> bool:
    """True where a cell is empty or only holds a placeholder ("?", "TBC", "n/a")."""
    cleaned = " ".join((text or "").split())
    return not cleaned or bool(PLACEHOLDER.match(cleaned))


def _groups(plan: Plan) -> Iterator[Sequence[Action]]:
    """Actions that share a table: each priority's, then the plan-level ones."""
    for priority in plan.priorities:
        if priority.actions:
            yield priority.actions
    if plan.actions:
        yield plan.actions


def _has_timescale(action: Action) -> bool:
    return any(
        m.timescale is not None
        and m.timescale.kind is not TimescaleKind.TO_BE_DECIDED
        and not is_placeholder(m.timescale.text)
        for m in action.milestones
    )


def _column(action: Action, kind: str) -> TableColumn | None:
    return next((c for c in action.columns if c.kind == kind), None)


def _as_printed(action: Action, kind: str, noun: str) -> str:
    """ " (Target date: 'TBC')" or " (Target date is empty)": the column an action left
    without an answer, by its header as printed, and what it held."""
    column = _column(action, kind)
    header = column.header if column is not None else noun
    held: str | None = None
    if kind == "lead":
        held = next((e.value for e in action.extra if column and e.name == column.header), None)
    elif kind == "timescale":
        held = next((m.timescale.text for m in action.milestones if m.timescale), None)
    if held is not None and held.strip():
        return f" ({header}: {' '.join(held.split())!r})"
    return f" ({header} is empty)" if column is not None else ""


def check_action_lead(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action names no lead where the other actions of its table do.

    A warning for each action without a lead in a priority (or the plan's own list of
    actions) where at least one other action names one; a plan whose tables have no lead
    column is not judged. A lead cell that names no one ("TBC", "Await outcome of review")
    counts as empty, and the message quotes it under the column's header.

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
                    message="action names no lead" + _as_printed(action, "lead", "lead"),
                    subject=action_subject(action),
                    source=action.source,
                )


def check_action_timescale(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action gives no timescale where the other actions of its table do.

    A warning for each action with no timescale at all in a priority (or the plan's own
    list of actions) where at least one other action gives one; a plan whose tables have no
    timescale column is not judged. A timescale still to be decided ("TBC", "?", "To be
    determined") counts as none, and the message quotes it under the column's header.

    Example: in a table whose actions each have a due date, "3.1 To review traveller
    liaison policies" with the timescale cell empty, or with "TBC" in it.
    """
    for actions in _groups(plan):
        if not any(_has_timescale(a) for a in actions):
            continue
        for action in actions:
            if not _has_timescale(action):
                yield Problem(
                    severity=Severity.WARNING,
                    message="action gives no timescale"
                    + _as_printed(action, "timescale", "timescale"),
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


def _field(action: Action, kind: str) -> str | None:
    text: str | None = getattr(action, kind)
    return text


def check_column_filled(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An action leaves empty, or holds only a placeholder in, an outcome, success measure
    or resources column that the other actions of its table fill.

    Actions read from tables with the same columns are judged together. A column counts as
    filled by the table where at least three in four of the other actions (and at least
    two) give something in it other than a placeholder ("?", "TBC", "To be determined",
    "n/a", a dash); then a warning for each action whose cell is empty or a placeholder,
    naming the column by its header as printed. Only outcome, success measure and
    resources columns are judged (lead and timescale have M301 and M302); a table with two
    columns of one kind is not, since their cells share one field. In a table with a
    priority or objective column, whose cells plans merge down over several rows, an action
    without a ref may be the lower part of a row with merged cells, so only actions with a
    ref are judged there.

    Example: in a table whose actions each give a success measure, "C5 Publish the annual
    report online" with the Success measure cell empty, or a Budget of "n/a" where every
    other action states one ("Staff time" and "Nil" are answers and hold).
    """
    tables: dict[tuple[TableColumn, ...], list[Action]] = defaultdict(list)
    for action in plan.all_actions():
        if action.columns:
            tables[action.columns].append(action)
    for columns, actions in tables.items():
        if len(actions) <= MIN_OTHER_ROWS:
            continue
        grouped = any(c.kind in _GROUPING for c in columns)
        for kind, noun in CHECKED_COLUMNS.items():
            of_kind = [c for c in columns if c.kind == kind]
            if len(of_kind) != 1:
                continue
            header = of_kind[0].header
            empty = [a for a in actions if is_placeholder(_field(a, kind))]
            filled = len(actions) - len(empty)
            for action in empty:
                # The action's own cell is not one of the others.
                if filled < max(MIN_OTHER_ROWS, COLUMN_FILL_SHARE * (len(actions) - 1)):
                    continue
                if grouped and not action.ref:
                    continue
                held = " ".join((_field(action, kind) or "").split())
                how = f"holds only {held!r}" if held else "is empty"
                yield Problem(
                    severity=Severity.WARNING,
                    message=f"{header} ({noun}) {how} where the other actions of the table "
                    f"give one ({filled} of {len(actions) - 1})",
                    subject=action_subject(action),
                    source=action.source,
                )
