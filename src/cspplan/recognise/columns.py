"""The kinds of action-table column, as one table: :data:`COLUMNS`.

Each entry says everything cspplan knows of one kind of column: the header wordings that
name it, how its cells are read, which field of :class:`~cspplan.model.plan.Action` they
fill, and how the kind weighs when rows are told apart (a column a new row fills, a column
of names and dates, a detail of an action, a cell merged down over the rows below). A new
kind of column is one entry here (and its member of :class:`ColumnKind`) plus a test.
"""

from __future__ import annotations

import enum

import attrs

from ..text.patterns import IGNORECASE, Pattern, lazy

__all__ = [
    "COLUMNS",
    "HEADER_PATTERNS",
    "CellReading",
    "ColumnKind",
    "ColumnSpec",
    "kinds_where",
    "spec",
]


class ColumnKind(str, enum.Enum):
    """What an action table's column holds."""

    REF = "ref"
    ACTION = "action"
    LEAD = "lead"
    TARGET = "target"
    TIMESCALE = "timescale"
    STATUS = "status"
    RESOURCES = "resources"
    EVALUATION = "evaluation"
    OUTCOME = "outcome"
    INDICATOR = "indicator"
    PRIORITY = "priority"
    OBJECTIVE = "objective"


class CellReading(str, enum.Enum):
    """How a column's cells are read."""

    REF = "ref"
    """A ref and the markers after it ("2.1 *")."""
    TEXT = "text"
    """The action's own text (bullets make one action each)."""
    GROUP = "group"
    """The name of the group the row belongs to; an empty cell repeats the one above."""
    LEADS = "leads"
    """People and organisations (see :mod:`.leads`)."""
    OUTPUTS = "outputs"
    """Milestone outputs, paired in order with the dates of the timescale column."""
    DATES = "dates"
    """Milestone dates (see :mod:`.timescales`)."""
    FIELD = "field"
    """Text kept whole in one field of the action."""
    INDICATORS = "indicators"
    """Indicators by code, or as written, one a line."""


_QUALIFIER = r"(?:(?:key|main|proposed|planned|specific|agreed|intended|expected|strategic)\s+)?"
"""Words a header may put before its noun ("Key actions", "Expected outcomes")."""


_PROGRESS_WHEN = (
    r"(?:(?:q[1-4]|quarter\s+[1-4]|latest|current|year[\s-]end|\d{4}(?:[/-]\d{2,4})?)\s+)?"
)
"""When a progress column reports ("Q4 progress", "Latest update", "2021/22 status")."""


def _pattern(*alternatives: str) -> Pattern:
    return lazy(r"^\W*" + _QUALIFIER + "(?:" + "|".join(alternatives) + r")(?!\w)", IGNORECASE)


@attrs.frozen(slots=True)
class ColumnSpec:
    """One kind of action-table column.

    Attributes:
        kind: The kind.
        headers: The header wordings that name it.
        reading: How its cells are read.
        field: The :class:`~cspplan.model.plan.Action` field a ``FIELD`` column fills.
        starts_row: A new action or group fills it: a row that leaves it empty may be the
            rest of the row above, cut by a page break.
        terse: It holds names or dates, which never end in a full stop, so its last line
            tells nothing of a cut.
        detail: A filled cell of it makes a row an action's details, not a group's name.
        names_action: It sits beside a name of work ("Objective | Lead | Target | Deadline"):
            two such columns make objective rows read as actions.
        rules_out_group: A filled cell of it means the row names no group of actions.
        shared_down: A cell of it merged down over the rows below holds for each of them.
    """

    kind: ColumnKind
    headers: Pattern
    reading: CellReading
    field: str | None = None
    starts_row: bool = False
    terse: bool = False
    detail: bool = False
    names_action: bool = False
    rules_out_group: bool = False
    shared_down: bool = False


COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec(
        ColumnKind.REF,
        _pattern(
            r"(?:action\s+|item\s+|task\s+)?(?:no\.?|nos\.?|num(?:ber)?|ref(?:erence)?\.?(?:\s+no\.?)?)",
            r"#",
            r"id",
        ),
        CellReading.REF,
        starts_row=True,
        terse=True,
    ),
    ColumnSpec(
        ColumnKind.EVALUATION,
        _pattern(
            r"evaluation",
            r"measures?\s+of\s+success",
            r"success\s+(?:measures?|criteria)",
            r"how\s+(?:we\s+)?(?:will\s+)?(?:we\s+)?(?:know|measure)",
            r"how\s+will\s+(?:success|progress|this|it)\s+be\s+measured",
            r"evidence",
            r"performance\s+measures?",
        ),
        CellReading.FIELD,
        field="evaluation",
        detail=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.OUTCOME,
        _pattern(
            r"desired\s+outcomes?",
            r"outcomes?(?:\s+sought)?(?!\s*/\s*outputs?)",
            r"expected\s+outcomes?",
            r"impact",
        ),
        CellReading.FIELD,
        field="outcome",
        detail=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.INDICATOR,
        _pattern(r"performance\s+indicators?", r"pis?", r"nis?", r"indicators?", r"kpis?"),
        CellReading.INDICATORS,
        detail=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.TARGET,
        _pattern(
            r"targets?(?!\s+(?:dates?|completion|end|deadline))",
            r"outputs?",
            r"outcomes?\s*/\s*outputs?",
            r"milestones?",
            r"measures?",
            r"deliverables?",
            r"success\s+indicators?",
        ),
        CellReading.OUTPUTS,
        detail=True,
        names_action=True,
        rules_out_group=True,
    ),
    ColumnSpec(
        ColumnKind.TIMESCALE,
        _pattern(
            r"(?:delivery\s+)?time\s*scales?",
            r"(?:delivery\s+)?time\s*frames?",
            r"delivery\s+(?:dates?|by)",
            r"deadlines?",
            r"by\s+when",
            r"due(?:\s+date)?",
            r"target\s+dates?",
            r"target\s+(?:completion|end|deadline)(?:\s+dates?)?",
            r"completion(?:\s+date)?",
            r"timelines?",
            r"end(?:\s+date)?",
            r"finish(?:\s+date)?",
            r"dates?",
            r"when",
        ),
        CellReading.DATES,
        terse=True,
        detail=True,
        names_action=True,
        rules_out_group=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.LEAD,
        _pattern(
            r"lead(?:\s+(?:officer|agency|partner|organisation|person))?s?",
            r"(?:action|task|project|delivery)\s+(?:owners?|leads?)",
            r"managers?",
            r"responsib(?:le|ility)",
            r"owners?",
            r"delivered\s+by",
            r"by\s+whom",
            r"contacts?",
            r"who",
            r"accountable",
        ),
        CellReading.LEADS,
        terse=True,
        detail=True,
        names_action=True,
        rules_out_group=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.STATUS,
        _pattern(
            _PROGRESS_WHEN + r"(?:status|rag|progress|updates?)",
            r"comments?",
            r"(?:current\s+)?position",
        ),
        CellReading.FIELD,
        field="status",
        detail=True,
        rules_out_group=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.RESOURCES,
        _pattern(r"resources?", r"funding", r"costs?", r"budget", r"finance"),
        CellReading.FIELD,
        field="resources",
        detail=True,
        shared_down=True,
    ),
    ColumnSpec(
        ColumnKind.ACTION,
        _pattern(
            r"actions?",
            r"activit(?:y|ies)",
            r"tasks?",
            r"projects?",
            r"commitments?",
            r"what(?:\s+we\s+will\s+do)?",
            r"initiatives?",
            r"interventions?",
            r"key\s+actions?",
            r"description(?:\s+of\s+(?:action|activity|task|work))?",
        ),
        CellReading.TEXT,
    ),
    ColumnSpec(
        ColumnKind.PRIORITY,
        _pattern(r"priorit(?:y|ies)", r"themes?", r"strands?"),
        CellReading.GROUP,
        starts_row=True,
        terse=True,
    ),
    ColumnSpec(
        ColumnKind.OBJECTIVE,
        _pattern(r"objectives?", r"aims?"),
        CellReading.GROUP,
        starts_row=True,
        terse=True,
    ),
)
"""Every kind of action-table column, its header wordings tried in this order (most
specific first: "Target date" is a date, "Outcome/Output" an output)."""

HEADER_PATTERNS: tuple[tuple[ColumnKind, Pattern], ...] = tuple(
    (entry.kind, entry.headers) for entry in COLUMNS
)
"""Header wordings and the column kind each means, tried in order."""

_BY_KIND = {entry.kind: entry for entry in COLUMNS}


def spec(kind: ColumnKind) -> ColumnSpec:
    """The table's entry for ``kind``."""
    return _BY_KIND[kind]


def kinds_where(flag: str) -> tuple[ColumnKind, ...]:
    """The kinds whose entry sets ``flag`` (``"detail"``, ``"shared_down"``, ...), in the
    table's order."""
    return tuple(entry.kind for entry in COLUMNS if getattr(entry, flag))
