"""The tables cspplan exports: their columns, types, keys and meanings.

Each table is declared once here, and everything else follows from the declaration: the rows
:func:`cspplan.tables` builds are checked against it, the Data Package's Table Schemas, the
spreadsheet's sheets and the Parquet schemas are written from it, and ``docs/export.md``
describes it. Column meanings come from the model's own docstrings (the ``Attributes:``
sections that ``docs/model.md`` is generated from), so the two cannot drift apart.

Every table but ``plans`` has the same leading columns: ``plan_key`` (which plan), ``id`` (the
row's id within that plan), ``parent_table`` and ``parent_id`` (what the row belongs to); and
the same trailing ``source_*`` columns (where in the file it was written). A row is identified
across an archive by ``(plan_key, id)``.
"""

from __future__ import annotations

import inspect

import attrs

from ..model import plan as model
from ..model import source, values
from ..model.reference import _fields_doc  # one reader of the docstrings, shared with docs/model.md

__all__ = ["TABLES", "Column", "ForeignKey", "Table", "markdown", "table"]

TYPES = ("string", "integer", "number", "date", "array")
"""The Table Schema types the columns use. ``number`` values are exact decimals; ``array``
values are lists (JSON in CSV)."""


@attrs.frozen(slots=True)
class Column:
    """One column of an exported table.

    Attributes:
        name: The column's name, lower case with underscores.
        type: Its Table Schema type: ``string``, ``integer``, ``number``, ``date`` or ``array``.
        description: What it holds, in words.
        required: Whether every row has a value.
        unique: Whether no two rows have the same value.
        item_keys: For an ``array`` of objects, the keys of each object (all strings);
            empty for an array of strings.
    """

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    item_keys: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class ForeignKey:
    """Columns of one table that name a row of another.

    Attributes:
        fields: The referring columns.
        table: The table referred to.
        reference: The columns of ``table`` they match (its primary key).
    """

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@attrs.frozen(slots=True)
class Table:
    """An exported table: its name, meaning, columns and keys.

    Attributes:
        name: The table's name (the CSV file's and the sheet's).
        description: What one row is.
        columns: Its columns, in order.
        primary_key: The columns that identify a row across an archive.
        foreign_keys: Its references to other tables.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """The names of its columns, in order."""
        return tuple(c.name for c in self.columns)


def _doc(cls: type, field: str) -> str:
    text = _fields_doc(cls).get(field)
    if not text:
        raise AssertionError(f"{cls.__name__}.{field} has no docstring entry")
    return text


def _summary(cls: type) -> str:
    return " ".join((inspect.getdoc(cls) or "").split("Attributes:")[0].split())


def _col(
    name: str, kind: str, cls: type, field: str, note: str = "", required: bool = False
) -> Column:
    """A column documented by the model field it comes from, with a note on its form."""
    text = _doc(cls, field)
    return Column(name, kind, f"{text} {note}".strip(), required)


def _texts(cls: type, *fields: str) -> tuple[Column, ...]:
    """Text columns named and documented as the model fields they hold."""
    return tuple(_col(field, "string", cls, field) for field in fields)


def _number(prefix: str, cls: type, field: str, required: bool = False) -> tuple[Column, ...]:
    return (
        _col(prefix, "number", cls, field, "(Its exact value.)", required),
        _col(f"{prefix}_text", "string", cls, field, "(As printed.)", required),
    )


def _period(prefix: str, cls: type, field: str) -> tuple[Column, ...]:
    return (
        _col(prefix, "string", cls, field, "As written."),
        _col(f"{prefix}_start", "date", values.Period, "start", f"(Of {prefix}.)"),
        _col(f"{prefix}_end", "date", values.Period, "end", f"(Of {prefix}.)"),
    )


def _measure(prefix: str, cls: type, field: str) -> tuple[Column, ...]:
    return (
        _col(f"{prefix}_value", "number", cls, field, "Exact value of the figure."),
        _col(f"{prefix}_text", "string", cls, field, "The figure as printed."),
        *_period(f"{prefix}_period", values.Measure, "period"),
        _col(f"{prefix}_label", "string", values.Measure, "label"),
    )


def _timescale(prefix: str, cls: type, field: str) -> tuple[Column, ...]:
    return (
        _col(prefix, "string", cls, field, "As written."),
        _col(f"{prefix}_kind", "string", values.Timescale, "kind"),
        _col(f"{prefix}_start", "date", values.Timescale, "start"),
        _col(f"{prefix}_end", "date", values.Timescale, "end"),
        _col(f"{prefix}_precision", "string", values.Timescale, "precision"),
    )


PLAN_KEY = Column(
    "plan_key",
    "string",
    "The plan the row belongs to: the first 12 hex digits of the SHA-256 of the plan's source"
    " file, a colon, and the file's name (`3f9a0c2e71b4:plan.pdf`). The same file gives the"
    " same key wherever and whenever it is read.",
    required=True,
)
_ID = Column(
    "id",
    "string",
    "The row's id, unique within its plan and table; `(plan_key, id)` is unique in the archive.",
    required=True,
)
_GLOBAL_KEY = Column(
    "key",
    "string",
    "The row's key across an archive: the plan key, `/` and the id"
    " (`3f9a0c2e71b4:plan.pdf/A12`). Columns ending in `_key` refer to it.",
    required=True,
    unique=True,
)
_PARENT_TABLE = Column(
    "parent_table",
    "string",
    "The table of the object this row belongs to (`plans`, `priorities`, `objectives`,"
    " `actions`, `targets` or `claims`).",
    required=True,
)
_PARENT_ID = Column(
    "parent_id",
    "string",
    "The id of the object this row belongs to in `parent_table`; where that is `plans`, the"
    " plan key.",
    required=True,
)
_SOURCE_FIELDS = ("file", "page", "line", "end_line", "paragraph", "table", "row", "column")
_SOURCE = tuple(
    _col(f"source_{name}", "string" if name == "file" else "integer", source.SourceRef, name)
    for name in _SOURCE_FIELDS
)
_HEAD = (PLAN_KEY, _ID, _GLOBAL_KEY, _PARENT_TABLE, _PARENT_ID)
_KEY = ("plan_key", "id")


def _ref(column: str, table: str) -> ForeignKey:
    return ForeignKey(("plan_key", column), table, _KEY)


_TO_PLAN = ForeignKey(("plan_key",), "plans", ("plan_key",))


def _key_of(name: str, table: str, description: str = "") -> tuple[Column, ForeignKey]:
    """A nullable reference to another table's row, by its archive-wide ``key`` (a composite
    ``(plan_key, id)`` reference cannot be left empty: its plan key is always there)."""
    text = description or f"The row of `{table}` this row belongs to or refers to"
    column = Column(name, "string", f"{text}, by its `key`; empty where there is none.")
    return column, ForeignKey((name,), table, ("key",))


def _owned(
    name: str,
    description: str,
    *columns: Column,
    refs: tuple[tuple[Column, ForeignKey], ...] = (),
    keys: tuple[ForeignKey, ...] = (),
) -> Table:
    return Table(
        name,
        description,
        (*_HEAD, *(c for c, _ in refs), *columns, *_SOURCE),
        _KEY,
        (_TO_PLAN, *(k for _, k in refs), *keys),
    )


_PLANS = Table(
    "plans",
    "One row a plan. " + _summary(model.Plan),
    (
        PLAN_KEY,
        Column("file_name", "string", "The name of the plan's source file, without folders.", True),
        _col("path", "string", source.DocumentSource, "path", required=True),
        _col("sha256", "string", source.DocumentSource, "sha256", required=True),
        _col("media_type", "string", source.DocumentSource, "media_type", required=True),
        _col("parser", "string", source.DocumentSource, "parser", required=True),
        _col("page_count", "integer", source.DocumentSource, "page_count"),
        _col("title", "string", model.Plan, "title"),
        _col("partnership", "string", model.Plan, "partnership"),
        _col("area", "string", model.Plan, "area"),
        *_period("period", model.Plan, "period"),
        _col("kind", "string", model.Plan, "kind"),
        _col("vision", "string", model.Plan, "vision"),
        _col("warnings", "array", model.Plan, "warnings", "A list of strings."),
        _col("schema_version", "string", model.Plan, "schema_version", required=True),
    ),
    ("plan_key",),
)

_PRIORITIES = _owned(
    "priorities",
    _summary(model.Priority),
    Column("position", "integer", "1-based position of the priority in the plan.", True),
    _col("ref", "string", model.Priority, "ref"),
    _col("title", "string", model.Priority, "title"),
    _col("description", "string", model.Priority, "description"),
    *_timescale("review", model.Priority, "review"),
)

_OBJECTIVES = _owned(
    "objectives",
    _summary(model.Objective),
    *_texts(model.Objective, "ref", "text"),
    refs=(_key_of("priority_key", "priorities"),),
)

_ACTIONS = _owned(
    "actions",
    _summary(model.Action),
    *_texts(model.Action, "ref", "text", "workstream", "status", "resources"),
    *_texts(model.Action, "evaluation", "outcome"),
    *_period("period", model.Action, "period"),
    _col(
        "markers",
        "array",
        model.Action,
        "markers",
        "A list of strings: the symbol, then ` = ` and its meaning where the legend gives one.",
    ),
    Column(
        "extra",
        "array",
        _doc(model.Action, "extra") + " A list of objects with `name` (the header) and `value`.",
        item_keys=("name", "value"),
    ),
    Column("lead_count", "integer", "How many leads the action names (rows in `leads`).", True),
    Column(
        "milestone_count",
        "integer",
        "How many milestones the action has (rows in `milestones`).",
        True,
    ),
    refs=(
        _key_of("priority_key", "priorities"),
        _key_of("objective_key", "objectives", "The objective the action serves"),
    ),
)

_LEADS = _owned(
    "leads",
    _summary(model.Lead) + " Parent: the action.",
    Column("position", "integer", "1-based position of the lead among its action's.", True),
    *_texts(model.Lead, "text", "person", "organisation", "role"),
    keys=(_ref("parent_id", "actions"),),
)

_MILESTONES = _owned(
    "milestones",
    _summary(model.Milestone) + " Parent: the action.",
    Column("position", "integer", "1-based position of the milestone in its action.", True),
    _col("output", "string", model.Milestone, "output"),
    *_timescale("timescale", model.Milestone, "timescale"),
    keys=(_ref("parent_id", "actions"),),
)

_TARGETS = _owned(
    "targets",
    _summary(model.Target) + " Parent: the priority, objective or plan that states it.",
    _col("statement", "string", model.Target, "statement"),
    _col("metric", "string", model.Target, "metric"),
    _col("direction", "string", model.Target, "direction"),
    *_number("percent", model.Target, "percent"),
    _col("unit", "string", model.Target, "unit"),
    *_measure("baseline", model.Target, "baseline"),
    *_measure("target", model.Target, "target"),
    *_period("deadline", model.Target, "deadline"),
    *_measure("outturn", model.Target, "outturn"),
    _col("indicator_code", "string", model.Indicator, "code", "(Of the target's indicator.)"),
    _col("indicator_text", "string", model.Target, "indicator", "As written."),
    Column(
        "trajectory_count",
        "integer",
        "How many trajectory points the target has (rows in `trajectory_points`).",
        True,
    ),
    refs=(_key_of("priority_key", "priorities"), _key_of("objective_key", "objectives")),
)

_TRAJECTORY = _owned(
    "trajectory_points",
    "One milestone figure on a target's way from baseline to target, in order. Parent: the target.",
    Column("position", "integer", "1-based position of the point in the trajectory.", True),
    *_number("value", values.Measure, "value", required=True),
    *_period("period", values.Measure, "period"),
    _col("label", "string", values.Measure, "label"),
    keys=(_ref("parent_id", "targets"),),
)

_CLAIMS = _owned(
    "claims",
    _summary(model.Claim),
    _col("kind", "string", model.Claim, "kind", required=True),
    _col("statement", "string", model.Claim, "statement"),
    _col("direction", "string", model.Claim, "direction"),
    _col("items", "array", model.Claim, "items", "A list of strings."),
)

_FIGURES = _owned(
    "claim_figures",
    _summary(model.Figure) + " Parent: the claim.",
    Column("position", "integer", "1-based position of the figure in its claim.", True),
    _col("role", "string", model.Figure, "role", required=True),
    *_number("value", model.Figure, "value", required=True),
    *_texts(model.Figure, "label", "unit"),
    *_period("period", model.Figure, "period"),
    keys=(_ref("parent_id", "claims"),),
)

_INDICATORS = _owned(
    "indicators",
    _summary(model.Indicator) + " Parent: the action, priority or plan that names it.",
    *_texts(model.Indicator, "text", "code", "scheme", "title"),
    refs=(_key_of("priority_key", "priorities"), _key_of("action_key", "actions")),
)

_MEMBERSHIPS = _owned(
    "memberships",
    _summary(model.Membership),
    *_texts(model.Membership, "person", "role", "organisation", "group"),
)

_SUBJECT_DOC = (
    "The table of the row the finding is about (`targets`, `objectives`, `actions`, `claims`"
    " or `plans`); a milestone finding names its action."
)
_FINDINGS = _owned(
    "findings",
    "One problem the audit (`cspplan check`) found in a plan, with the row it is about.",
    Column("code", "string", "The rule's stable code, e.g. `A101` (`cspplan rules`).", True),
    Column("severity", "string", "`error`, `warning` or `info`.", True),
    Column("message", "string", "One line for people, naming the figures involved."),
    Column(
        "subject_kind",
        "string",
        "What the finding is about: `target`, `objective`,"
        " `action`, `milestone`, `claim` or `plan`.",
        True,
    ),
    Column("subject_table", "string", _SUBJECT_DOC, True),
    Column("subject_id", "string", "The id of that row within the plan, where it has one."),
    Column(
        "subject_key",
        "string",
        "The `key` of that row (for `plans`, the plan key), where it has an id: join on it to"
        " the `key` column of `subject_table`.",
    ),
    Column("subject_ref", "string", "The plan's own number for it (action `2.3`)."),
    Column("subject_name", "string", "What it is about in words."),
    Column("expected", "number", "The figure the check computed or found elsewhere, exact."),
    Column("expected_text", "string", "That figure as printed or computed."),
    Column("stated", "number", "The figure the plan states that disagrees, exact."),
    Column("stated_text", "string", "That figure as printed."),
    Column(
        "related",
        "array",
        "Other objects the finding compares its subject with, as `kind id` strings.",
    ),
)

_UNCLASSIFIED = _owned(
    "unclassified",
    _summary(model.Unclassified),
    _col("kind", "string", model.Unclassified, "kind", required=True),
    _col("text", "string", model.Unclassified, "text"),
)

TABLES: tuple[Table, ...] = (
    _PLANS,
    _PRIORITIES,
    _OBJECTIVES,
    _ACTIONS,
    _LEADS,
    _MILESTONES,
    _TARGETS,
    _TRAJECTORY,
    _CLAIMS,
    _FIGURES,
    _INDICATORS,
    _MEMBERSHIPS,
    _FINDINGS,
    _UNCLASSIFIED,
)
"""Every exported table, in the order they are written."""

_BY_NAME = {t.name: t for t in TABLES}


def table(name: str) -> Table:
    """The table called ``name``; ``KeyError`` for an unknown name."""
    return _BY_NAME[name]


def markdown() -> str:
    """Every table and column as Markdown, for ``docs/export.md`` (``python -m
    cspplan.export.reference`` prints it; a test keeps the page current)."""
    out: list[str] = []
    for spec in TABLES:
        out += [f"### `{spec.name}`", "", spec.description, ""]
        out.append(f"Primary key: `({', '.join(spec.primary_key)})`.")
        for key in spec.foreign_keys:
            out.append(
                f"Foreign key: `({', '.join(key.fields)})` → `{key.table}`"
                f" `({', '.join(key.reference)})`."
            )
        out += ["", "| column | type | meaning |", "|---|---|---|"]
        for column in spec.columns:
            flags = [
                f for f, on in (("required", column.required), ("unique", column.unique)) if on
            ]
            note = f" ({', '.join(flags)})" if flags else ""
            meaning = column.description.replace("|", "\\|").replace("``", "`")
            out.append(f"| `{column.name}` | {column.type}{note} | {meaning} |")
        out.append("")
    return "\n".join(out)
