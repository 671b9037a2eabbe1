"""Plans (and their findings) into the rows of the exported tables.

The walk goes through each plan once, in document order, and gives every row its plan key, its
id within the plan, its parent and its source. Ids the model has (``T3``, ``A12``, ``C2``) are
used as they are; the rest are derived from the parent's id and a position (``A12.L1`` is
action A12's first lead), so the same plan always gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from ..errors import CspplanError
from ..model.plan import Action, Claim, Indicator, Plan, Priority, Target
from ..model.source import SourceRef
from ..model.values import Measure, Number, Period, Timescale
from ..validate import Finding, check
from .schema import TABLES, table

__all__ = [
    "Findings",
    "Plans",
    "Rows",
    "plan_key",
    "plan_rows",
    "priority_id",
    "subject_table",
    "tables",
    "to_plain",
]

Row = dict[str, Any]
Rows = dict[str, list[Row]]
"""Table name → its rows; a row maps column names to ``str``, ``int``, ``Decimal``,
``datetime.date``, ``list`` or ``None``."""

Plans = Plan | Iterable[Plan]
"""One plan or any number of them."""
Findings = Sequence[Sequence[Finding]] | None
"""Each plan's findings, in the order of the plans; ``None`` runs :func:`cspplan.check`."""

_NAMES = {t.name: frozenset(t.column_names) for t in TABLES}


def plan_key(plan: Plan) -> str:
    """The key naming ``plan`` in every table: ``<first 12 hex of sha256>:<file name>``.

    Hash and name together: the hash tells two versions of a file apart, the name keeps two
    copies of one file in an archive recognisable, and neither depends on where it was read."""
    name = PurePath(plan.source.path.replace("\\", "/")).name or plan.source.path
    return f"{plan.source.sha256[:12]}:{name}"


def priority_id(plan: Plan, position: int, priority: Priority) -> str:
    """The id of the priority at 0-based ``position`` in ``plan``: its own ``id`` where the
    model gives it one, else ``P`` and its 1-based position (``P1``)."""
    own = getattr(priority, "id", None)
    return own if isinstance(own, str) and own else f"P{position + 1}"


_SUBJECT_TABLES = {
    "target": "targets",
    "objective": "objectives",
    "action": "actions",
    "milestone": "actions",
    "claim": "claims",
    "plan": "plans",
}


def subject_table(kind: str) -> str:
    """The table holding the row a finding's subject of ``kind`` names (a milestone's subject
    names its action)."""
    return _SUBJECT_TABLES.get(kind, "plans")


def _source(ref: SourceRef) -> Row:
    return {
        "source_file": ref.file,
        "source_page": ref.page,
        "source_line": ref.line,
        "source_end_line": ref.end_line,
        "source_paragraph": ref.paragraph,
        "source_table": ref.table,
        "source_row": ref.row,
        "source_column": ref.column,
    }


def _number(prefix: str, number: Number | None) -> Row:
    if number is None:
        return {prefix: None, f"{prefix}_text": None}
    return {prefix: number.value, f"{prefix}_text": number.text}


def _period(prefix: str, period: Period | None) -> Row:
    if period is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: period.text, f"{prefix}_start": period.start, f"{prefix}_end": period.end}


def _measure(prefix: str, measure: Measure | None) -> Row:
    return {
        f"{prefix}_value": measure.value.value if measure else None,
        f"{prefix}_text": measure.value.text if measure else None,
        **_period(f"{prefix}_period", measure.period if measure else None),
        f"{prefix}_label": measure.label if measure else None,
    }


def _plain(obj: object, *names: str) -> Row:
    """Fields whose values go into cells as they are (text, or ``None``)."""
    return {name: getattr(obj, name) for name in names}


def _timescale(prefix: str, timescale: Timescale | None) -> Row:
    return {
        prefix: timescale.text if timescale else None,
        f"{prefix}_kind": timescale.kind.value if timescale else None,
        f"{prefix}_start": timescale.start if timescale else None,
        f"{prefix}_end": timescale.end if timescale else None,
        f"{prefix}_precision": timescale.precision if timescale else None,
    }


class _Walk:
    """Collects one plan's rows, table by table."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.key = plan_key(plan)
        self.rows: Rows = {t.name: [] for t in TABLES}

    def add(
        self, name: str, ident: str, parent: tuple[str, str], where: SourceRef, /, **row: Any
    ) -> None:
        full = {
            "plan_key": self.key,
            "id": ident,
            "key": self.ref(ident),
            "parent_table": parent[0],
            "parent_id": parent[1],
            **row,
            **_source(where),
        }
        unknown = full.keys() - _NAMES[name]
        if unknown:
            raise AssertionError(f"{name} has no columns {sorted(unknown)}")
        self.rows[name].append({c: full.get(c) for c in table(name).column_names})

    def ref(self, ident: str | None) -> str | None:
        """The archive-wide key of the row ``ident`` of this plan."""
        return None if ident is None else f"{self.key}/{ident}"

    @property
    def top(self) -> tuple[str, str]:
        return ("plans", self.key)

    def plan_row(self) -> None:
        plan, src = self.plan, self.plan.source
        row = {
            "plan_key": self.key,
            "file_name": self.key.split(":", 1)[1],
            "path": src.path,
            "sha256": src.sha256,
            "media_type": src.media_type,
            "parser": src.parser,
            "page_count": src.page_count,
            "title": plan.title,
            "partnership": plan.partnership,
            "area": plan.area,
            **_period("period", plan.period),
            "kind": plan.kind.value if plan.kind else None,
            "vision": plan.vision,
            "warnings": list(plan.warnings),
            "schema_version": plan.schema_version,
        }
        self.rows["plans"].append({c: row.get(c) for c in table("plans").column_names})

    def target(self, target: Target, parent: tuple[str, str], priority: str | None) -> None:
        objective = parent[1] if parent[0] == "objectives" else None
        self.add(
            "targets",
            target.id,
            parent,
            target.source,
            priority_key=self.ref(priority),
            objective_key=self.ref(objective),
            statement=target.statement,
            metric=target.metric,
            direction=target.direction.value if target.direction else None,
            **_number("percent", target.percent),
            unit=target.unit.value if target.unit else None,
            **_measure("baseline", target.baseline),
            **_measure("target", target.target),
            **_period("deadline", target.deadline),
            **_measure("outturn", target.outturn),
            indicator_code=target.indicator.code if target.indicator else None,
            indicator_text=target.indicator.text if target.indicator else None,
            trajectory_count=len(target.trajectory),
        )
        for n, point in enumerate(target.trajectory, 1):
            self.add(
                "trajectory_points",
                f"{target.id}.P{n}",
                ("targets", target.id),
                target.source,
                position=n,
                **_number("value", point.value),
                **_period("period", point.period),
                label=point.label,
            )

    def indicators(
        self,
        indicators: Iterable[Indicator],
        parent: tuple[str, str],
        prefix: str,
        priority: str | None = None,
        action: str | None = None,
    ) -> None:
        for n, indicator in enumerate(indicators, 1):
            self.add(
                "indicators",
                f"{prefix}I{n}",
                parent,
                indicator.source,
                priority_key=self.ref(priority),
                action_key=self.ref(action),
                **_plain(indicator, "text", "code", "scheme", "title"),
            )

    def action(self, action: Action, parent: tuple[str, str], priority: str | None) -> None:
        markers = [f"{m.symbol} = {m.meaning}" if m.meaning else m.symbol for m in action.markers]
        self.add(
            "actions",
            action.id,
            parent,
            action.source,
            priority_key=self.ref(priority),
            objective_key=self.ref(action.objective),
            **_plain(action, "ref", "text", "workstream", "status", "resources"),
            **_plain(action, "evaluation", "outcome"),
            **_period("period", action.period),
            markers=markers,
            extra=[{"name": e.name, "value": e.value} for e in action.extra],
            lead_count=len(action.leads),
            milestone_count=len(action.milestones),
        )
        owner = ("actions", action.id)
        for n, lead in enumerate(action.leads, 1):
            self.add(
                "leads",
                f"{action.id}.L{n}",
                owner,
                lead.source,
                position=n,
                **_plain(lead, "text", "person", "organisation", "role"),
            )
        for n, milestone in enumerate(action.milestones, 1):
            self.add(
                "milestones",
                f"{action.id}.M{n}",
                owner,
                milestone.source,
                position=n,
                output=milestone.output,
                **_timescale("timescale", milestone.timescale),
            )
        self.indicators(action.indicators, owner, f"{action.id}.", priority, action.id)

    def claim(self, claim: Claim) -> None:
        self.add(
            "claims",
            claim.id,
            self.top,
            claim.source,
            kind=claim.kind.value,
            statement=claim.statement,
            direction=claim.direction.value if claim.direction else None,
            items=list(claim.items),
        )
        for n, figure in enumerate(claim.figures, 1):
            self.add(
                "claim_figures",
                f"{claim.id}.F{n}",
                ("claims", claim.id),
                claim.source,
                position=n,
                role=figure.role,
                **_number("value", figure.value),
                **_plain(figure, "label", "unit"),
                **_period("period", figure.period),
            )

    def finding(self, n: int, finding: Finding) -> None:
        subject = finding.subject
        self.add(
            "findings",
            f"F{n}",
            self.top,
            finding.source,
            code=finding.code,
            severity=finding.severity.value,
            message=finding.message,
            subject_kind=subject.kind,
            subject_table=subject_table(subject.kind),
            subject_id=subject.id,
            subject_key=self.key if subject.kind == "plan" else self.ref(subject.id),
            subject_ref=subject.ref,
            subject_name=subject.name,
            **_number("expected", finding.expected),
            **_number("stated", finding.stated),
            related=[str(s) if s.id is None else f"{s.kind} {s.id}" for s in finding.related],
        )

    def walk(self, findings: Sequence[Finding]) -> Rows:
        plan = self.plan
        self.plan_row()
        for position, priority in enumerate(plan.priorities):
            pid = priority_id(plan, position, priority)
            self.add(
                "priorities",
                pid,
                self.top,
                priority.source,
                position=position + 1,
                ref=priority.ref,
                title=priority.title,
                description=priority.description,
                **_timescale("review", priority.review),
            )
            owner = ("priorities", pid)
            for objective in priority.objectives:
                self.add(
                    "objectives",
                    objective.id,
                    owner,
                    objective.source,
                    priority_key=self.ref(pid),
                    ref=objective.ref,
                    text=objective.text,
                )
            for target in priority.targets:
                self.target(target, owner, pid)
            for objective in priority.objectives:
                for target in objective.targets:
                    self.target(target, ("objectives", objective.id), pid)
            for action in priority.actions:
                self.action(action, owner, pid)
            self.indicators(priority.indicators, owner, f"{pid}.", pid)
        for objective in plan.objectives:
            self.add(
                "objectives",
                objective.id,
                self.top,
                objective.source,
                ref=objective.ref,
                text=objective.text,
            )
        for target in plan.targets:
            self.target(target, self.top, None)
        for objective in plan.objectives:
            for target in objective.targets:
                self.target(target, ("objectives", objective.id), None)
        for action in plan.actions:
            self.action(action, self.top, None)
        self.indicators(plan.indicators, self.top, "")
        for claim in plan.claims:
            self.claim(claim)
        for n, member in enumerate(plan.memberships, 1):
            self.add(
                "memberships",
                f"MB{n}",
                self.top,
                member.source,
                **_plain(member, "person", "role", "organisation", "group"),
            )
        for n, finding in enumerate(findings, 1):
            self.finding(n, finding)
        for n, block in enumerate(plan.unclassified, 1):
            self.add(
                "unclassified", f"U{n}", self.top, block.source, kind=block.kind, text=block.text
            )
        return self.rows


def plan_rows(plan: Plan, findings: Sequence[Finding]) -> Rows:
    """Every table's rows for one plan and its findings."""
    return _Walk(plan).walk(findings)


def _duplicates(rows: Iterable[Row]) -> Iterator[str]:
    seen: set[str] = set()
    for row in rows:
        ident = row["id"]
        if ident in seen:
            yield ident
        seen.add(ident)


def check_unique(plan: Plan, rows: Rows) -> None:
    """Raise a :class:`CspplanError` naming the file where a plan gives two rows one id (a
    JSON edited by hand, say), since the tables' keys would then be ambiguous."""
    for t in TABLES[1:]:
        for ident in _duplicates(rows[t.name]):
            raise CspplanError(f"two {t.name} rows have the id {ident!r}", plan.source.path)


def _as_list(plans: Plans) -> list[Plan]:
    items = [plans] if isinstance(plans, Plan) else list(plans)
    for item in items:
        if not isinstance(item, Plan):
            raise CspplanError(f"tables() needs Plans, not {type(item).__name__}")
    return items


def tables(plans: Plans, findings: Findings = None) -> Rows:
    """Every exported table's rows for ``plans`` (one plan or several).

    Returns table name → list of rows, each row a dict from column name to a ``str``,
    ``int``, exact ``Decimal``, ``datetime.date``, ``list`` or ``None``; every table of
    :data:`TABLES` is present, empty where no plan has such rows. ``findings`` gives each
    plan's findings in the order of ``plans``; by default :func:`cspplan.check` is run on each.
    A plan given twice (the same file, read twice or from its JSON) is exported once, with a
    :class:`UserWarning`.
    """
    items = _as_list(plans)
    if findings is not None and len(findings) != len(items):
        raise CspplanError(f"{len(items)} plans but findings for {len(findings)}")
    result: Rows = {t.name: [] for t in TABLES}
    seen: set[str] = set()
    for index, plan in enumerate(items):
        key = plan_key(plan)
        if key in seen:
            warnings.warn(
                f"{plan.source.path}: plan {key} given twice; exported once", stacklevel=2
            )
            continue
        seen.add(key)
        found = findings[index] if findings is not None else check(plan)
        rows = plan_rows(plan, found)
        check_unique(plan, rows)
        for name, part in rows.items():
            result[name].extend(part)
    return result


def to_plain(value: Any) -> Any:
    """A cell as plain JSON-ready data: decimals as strings, dates ISO, lists as they are."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
