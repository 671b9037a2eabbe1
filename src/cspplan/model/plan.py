"""The plan's domain objects: priorities, objectives, actions, targets, claims."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Generic, TypeAlias, TypeVar

import attrs

from .source import DocumentSource, SourceRef
from .values import (
    Direction,
    Measure,
    Number,
    PercentBasis,
    Period,
    Polarity,
    Rating,
    Timescale,
    Unit,
)

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "Claim",
    "ClaimKind",
    "Entry",
    "ExtraField",
    "Figure",
    "Indicator",
    "Item",
    "Lead",
    "Marker",
    "Membership",
    "Milestone",
    "Objective",
    "Plan",
    "PlanKind",
    "Priority",
    "TableColumn",
    "Target",
    "Unclassified",
    "Workstream",
]

SCHEMA_VERSION = "1.3"
"""Version of the serialised form. A change that breaks existing JSON bumps the major part."""

_SOURCE = SourceRef()


def _first_words(text: str | None, limit: int = 48) -> str | None:
    """``text`` on one line, cut at a word boundary near ``limit`` characters with an ellipsis."""
    if text is None:
        return None
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,;:") + "…"


def _short_repr(cls_name: str, **parts: object) -> str:
    """``Name(key='value', ...)`` leaving out parts that are ``None``."""
    shown = ", ".join(f"{key}={value!r}" for key, value in parts.items() if value is not None)
    return f"{cls_name}({shown})"


@attrs.frozen(slots=True)
class Lead:
    """Who is responsible for an action.

    Attributes:
        text: The lead as written in the plan, e.g. ``"Jo Marsh Community Safety Team"``.
        person: The person's name (with any rank or title) where the text names one.
        organisation: The team, agency or body, where the text names one.
        role: A job title given instead of, or beside, a name (``"DV Co-ordinator"``).
        source: Where the lead was written.
    """

    text: str
    person: str | None = None
    organisation: str | None = None
    role: str | None = None
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Milestone:
    """One output of an action and when it is due.

    Attributes:
        output: What is to be produced or achieved, e.g. ``"Report completed"``; ``None``
            where the plan gives only a date.
        timescale: When it is due; ``None`` where the plan gives none.
        source: Where the milestone was written.
    """

    output: str | None = None
    timescale: Timescale | None = None
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Indicator:
    """A performance indicator: a national code (NI 16, BVPI 206i) or a local measure.

    Attributes:
        text: The indicator as written.
        code: The normalised code, e.g. ``"NI 16"`` or ``"BVPI 206i"``; ``None`` for local
            indicators that have no code.
        scheme: ``"NI"``, ``"BVPI"``, ``"PSA"``, ``"local"`` or another scheme's prefix.
        title: The indicator's name where the plan gives it.
        source: Where the indicator was written.
    """

    text: str
    code: str | None = None
    scheme: str | None = None
    title: str | None = None
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Marker:
    """A symbol printed beside an action's ref, and what the plan's legend says it means.

    Attributes:
        symbol: The symbol, e.g. ``"*"`` or ``"▲"``.
        meaning: The legend's explanation, where the plan gives one.
    """

    symbol: str
    meaning: str | None = None


@attrs.frozen(slots=True)
class ExtraField:
    """A column of an action table that cspplan has no field for, kept by its header.

    Attributes:
        name: The column header as written.
        value: The cell's text.
    """

    name: str
    value: str


@attrs.frozen(slots=True)
class TableColumn:
    """One column of the action table an action was read from, as the audit needs it to
    tell an empty cell from a column the table never had.

    Attributes:
        header: The column header as printed ("Target date", "Budget (£)").
        kind: What cspplan reads the column as: ``"ref"``, ``"action"``, ``"lead"``,
            ``"target"``, ``"timescale"``, ``"status"``, ``"resources"``, ``"evaluation"``,
            ``"outcome"``, ``"indicator"``, ``"priority"`` or ``"objective"``; ``None`` for a
            column it has no field for, whose cells are kept in ``Action.extra``.
    """

    header: str
    kind: str | None = None


@attrs.frozen(slots=True)
class Target:
    """A measurable target: "reduce criminal damage by 16% from 1140 to 960 by 2007/08".

    Attributes:
        id: Identifier unique within the plan (``"T1"``), used by findings.
        statement: The target as written.
        metric: What is measured, e.g. ``"criminal damage incidents"``.
        direction: Which way the figure is meant to move.
        percent: The stated change, as printed ("16%"), in ``unit`` percent or points.
        unit: What the baseline and target count.
        percent_basis: What ``percent`` is of: the whole change, a yearly rate, percentage
            points, or either of points and the whole change; ``None`` where no percent is
            stated (or in JSON written before the field existed).
        span_years: The years a yearly rate runs over ("over three years", or from the
            baseline's period to the target's), where known.
        per: What a rate or a bound is per, as printed: ``"1,000 residents"`` for "41.2
            crimes per 1,000 residents" (the 1,000 is the rate's unit, never a figure),
            ``"year"`` for "no more than 64 a year".
        baseline: The starting figure and its period.
        target: The figure to reach and its period.
        deadline: The period by which the target is to be met ("by 2007/08").
        trajectory: Yearly (or other) milestones on the way, in order.
        outturn: The figure actually achieved, where the plan reports one.
        indicator: The indicator the target is tied to (NI 16), where it names one.
        source: Where the target was stated.
        polarity: Which way is better for the indicator, where the plan says
            ("Lower is better").
        rating: The RAG rating or status the plan gives the outturn, with its key.
        trend: The direction of travel the plan states for the figures, as written
            ("Improving", "Rising"); a stated trend to check, never the target's direction.
        profile: Figures for parts of the target's year (quarters, months), in order: how
            the year's figure is spread, never a path from the baseline to the target.
        level: The period whose level a hold keeps where the plan prints no figure for it
            ("maintain calls about youth disorder at 2009/10 levels"): the figure to keep is
            that period's, which the plan leaves to its data.
    """

    id: str
    statement: str
    metric: str | None = None
    direction: Direction | None = None
    percent: Number | None = None
    unit: Unit | None = None
    percent_basis: PercentBasis | None = None
    span_years: int | None = None
    per: str | None = None
    baseline: Measure | None = None
    target: Measure | None = None
    deadline: Period | None = None
    trajectory: tuple[Measure, ...] = ()
    outturn: Measure | None = None
    indicator: Indicator | None = None
    source: SourceRef = _SOURCE
    polarity: Polarity | None = None
    rating: Rating | None = None
    trend: str | None = None
    profile: tuple[Measure, ...] = ()
    level: Period | None = None

    def __repr__(self) -> str:
        return _short_repr("Target", id=self.id, statement=_first_words(self.statement))


@attrs.frozen(slots=True)
class Objective:
    """An objective of a priority or plan.

    Attributes:
        id: Identifier unique within the plan (``"O1"``).
        text: The objective as written.
        ref: Its number where the plan gives one (``"1"`` for "Objective 1").
        targets: Targets the objective itself states ("to reduce violent crime by 10%").
        source: Where the objective was written.
    """

    id: str
    text: str
    ref: str | None = None
    targets: tuple[Target, ...] = ()
    source: SourceRef = _SOURCE

    def __repr__(self) -> str:
        return _short_repr("Objective", id=self.id, ref=self.ref, text=_first_words(self.text))


@attrs.frozen(slots=True)
class Workstream:
    """A numbered area of work that groups actions ("2. Prevention & Education").

    Attributes:
        title: The area's name.
        ref: Its number, where given.
        source: Where it was named.
    """

    title: str
    ref: str | None = None
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Action:
    """One row (with its continuation rows) of an action table.

    Attributes:
        id: Identifier unique within the plan (``"A12"``).
        ref: The plan's own number for the action (``"2.3"``), where it has one.
        text: What is to be done.
        workstream: The title of the area of work the action belongs to.
        leads: Who is responsible; empty where the plan names nobody.
        milestones: Outputs with their timescales, in the order written.
        status: Progress or RAG status as written.
        resources: Resources or funding as written.
        evaluation: Evaluation criteria or measure of success as written.
        outcome: The desired outcome as written.
        indicators: Performance indicators named for this action.
        markers: Symbols printed beside the ref, with their legend meaning.
        extra: Columns cspplan has no field for, kept by header.
        source: Where the action's first row is.
        objective: The id of the objective the action serves (``"O3"``), where the plan sets
            its actions out under objectives.
        columns: The columns of the table the action was read from, in order (empty for an
            action read from prose). What the action's row held in each is in the field its
            kind fills (``leads``, ``milestones``, ``resources`` ...); a column it left empty
            leaves that field empty, and a lead cell naming no one ("TBC") is kept in
            ``extra`` under the column's header.
        period: The period the action is set out for, where the heading of its section or
            the caption of its table names one ("Delivery plan 2019/20" in an annual report
            on 2018/19); ``None`` where the action falls under the plan's own period.
    """

    id: str
    text: str
    ref: str | None = None
    workstream: str | None = None
    leads: tuple[Lead, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    status: str | None = None
    resources: str | None = None
    evaluation: str | None = None
    outcome: str | None = None
    indicators: tuple[Indicator, ...] = ()
    markers: tuple[Marker, ...] = ()
    extra: tuple[ExtraField, ...] = ()
    source: SourceRef = _SOURCE
    objective: str | None = None
    columns: tuple[TableColumn, ...] = ()
    period: Period | None = None

    def __repr__(self) -> str:
        return _short_repr("Action", id=self.id, ref=self.ref, text=_first_words(self.text))


class ClaimKind(str, enum.Enum):
    """What sort of figure a narrative claim asserts."""

    CHANGE = "change"
    """A change between two figures: "2,581, a reduction of 44%"."""
    SHARE = "share"
    """Parts of a whole: "83% micro, 13% small, 3% medium and 1% large"."""
    COUNT = "count"
    """A count of listed things: "four key priorities" followed by the list."""
    SUM = "sum"
    """A total with its line items: "The £84,000 fund covers £36,000 for patrols, ...", or
    a table column with a Total row; figures ``part`` and ``total``."""
    VALUE = "value"
    """A single figure asserted without a relation to another."""


@attrs.frozen(slots=True)
class Figure:
    """One number inside a claim, with the role it plays there.

    Attributes:
        role: ``"from"``, ``"to"``, ``"change"``, ``"part"``, ``"total"`` or ``"count"``.
            A change in the figures' own unit ("330 fewer") is a ``"change"`` with unit
            ``"count"`` and its word (``"fewer"``, ``"more"``) as label.
        value: The number as printed.
        label: What the number is of ("micro", "2007"), where the text says.
        unit: ``"percent"``, ``"count"`` or another unit, where known.
        period: The period the number is for, where the text says.
    """

    role: str
    value: Number
    label: str | None = None
    unit: str | None = None
    period: Period | None = None


@attrs.frozen(slots=True)
class Claim:
    """A narrative figure the document asserts, with the numbers it relates.

    Attributes:
        id: Identifier unique within the plan (``"C3"``).
        kind: What sort of claim it is.
        statement: The sentence or phrase as written.
        direction: For a change claim, which way the text says the figure moved.
        figures: The numbers the claim relates, each with its role.
        items: For a count claim, the listed things that were counted.
        source: Where the claim was written.
    """

    id: str
    kind: ClaimKind
    statement: str
    direction: Direction | None = None
    figures: tuple[Figure, ...] = ()
    items: tuple[str, ...] = ()
    source: SourceRef = _SOURCE

    def __repr__(self) -> str:
        return _short_repr(
            "Claim", id=self.id, kind=self.kind.value, statement=_first_words(self.statement)
        )

    def figure(self, role: str) -> Figure | None:
        """The first figure playing ``role``, or ``None``."""
        return next((f for f in self.figures if f.role == role), None)


@attrs.frozen(slots=True)
class Membership:
    """One member of a partnership group, from a role / person / organisation table.

    Attributes:
        person: The member's name.
        role: Their role in the group ("Elected Councillor").
        organisation: The body they represent.
        group: The group or panel the table belongs to.
        source: Where the membership row is.
    """

    person: str | None = None
    role: str | None = None
    organisation: str | None = None
    group: str | None = None
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Unclassified:
    """A block of the document that no recogniser placed, kept so that nothing is lost.

    Attributes:
        kind: The block's kind: ``heading``, ``paragraph``, ``list_item`` or ``table``.
        text: Its text; a table's rows are lines with cells separated by `` | ``.
        source: Where it is.
    """

    kind: str
    text: str
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Priority:
    """A priority, theme or action plan section of a plan, with what belongs to it.

    Attributes:
        title: The priority as named.
        ref: Its number where the plan gives one.
        description: Narrative text introducing it, where recognised.
        objectives: Its objectives.
        targets: Targets stated for it (strategic targets, LAA targets).
        actions: Its actions, in order.
        indicators: Performance indicators named for it.
        workstreams: Its numbered areas of work.
        review: When the plan for this priority is to be reviewed, where stated.
        source: Where it was named.
        id: Identifier unique within the plan (``"P1"`` for the first priority); a plan
            numbers its priorities in order when they are built without one.
    """

    title: str
    ref: str | None = None
    description: str | None = None
    objectives: tuple[Objective, ...] = ()
    targets: tuple[Target, ...] = ()
    actions: tuple[Action, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    workstreams: tuple[Workstream, ...] = ()
    review: Timescale | None = None
    source: SourceRef = _SOURCE
    id: str = ""

    def __repr__(self) -> str:
        return _short_repr(
            "Priority", id=self.id or None, ref=self.ref, title=_first_words(self.title)
        )


Item: TypeAlias = Priority | Objective | Target | Action | Claim
"""Anything of a plan with an ``id``: a priority, objective, target, action or claim."""

_ItemT = TypeVar("_ItemT", bound=Item, covariant=True)


@attrs.frozen(slots=True)
class Entry(Generic[_ItemT]):
    """One item of a plan together with the priority and objective it belongs to.

    Returned as lists by :meth:`Plan.walk` and :meth:`Plan.action_entries` and its siblings,
    because refs repeat across priorities ("1.1" in every panel) and an item alone does not
    say where it sits.

    Attributes:
        item: The priority, objective, target, action or claim.
        priority: The priority it belongs to; ``None`` for plan-level items, claims and
            priorities themselves.
        objective: The objective it belongs to: for a target, the objective that states it;
            for an action, the objective it serves; else ``None``.
    """

    item: _ItemT
    priority: Priority | None = None
    objective: Objective | None = None

    @property
    def key(self) -> str:
        """The item's ``id``: unique within the plan, the same one JSON and findings use."""
        return self.item.id

    @property
    def kind(self) -> str:
        """``"priority"``, ``"objective"``, ``"target"``, ``"action"`` or ``"claim"``."""
        return type(self.item).__name__.lower()

    def __repr__(self) -> str:
        return _short_repr(
            "Entry",
            item=self.item,
            priority=self.priority.id if self.priority else None,
            objective=self.objective.id if self.objective else None,
        )


def _number_priorities(priorities: Iterable[Priority]) -> tuple[Priority, ...]:
    """Give each priority built without an id the next free ``P<n>``, in order."""
    result = tuple(priorities)
    if all(p.id for p in result):
        return result
    taken = {p.id for p in result if p.id}
    numbered: list[Priority] = []
    counter = 0
    for priority in result:
        if not priority.id:
            counter += 1
            while f"P{counter}" in taken:
                counter += 1
            priority = attrs.evolve(priority, id=f"P{counter}")
        numbered.append(priority)
    return tuple(numbered)


class PlanKind(str, enum.Enum):
    """What kind of document the plan is."""

    ACTION_PLAN = "action_plan"
    STRATEGY = "strategy"
    AGREEMENT = "agreement"
    DELIVERY_PLAN = "delivery_plan"
    PARTNERSHIP_PLAN = "partnership_plan"


@attrs.frozen(slots=True)
class Plan:
    """A Community Safety Partnership plan, as recognised from one document.

    Objects that no priority owns are kept at plan level. Every block the recognisers could
    not place is kept in ``unclassified``.

    Attributes:
        source: The file the plan was read from.
        title: The plan's title, e.g. ``"Year 1 Action Plan 2005 – 2006"``.
        partnership: The partnership that published it.
        area: The area it covers, where stated.
        period: The period the plan covers.
        kind: What kind of plan it is.
        vision: The vision statement, where there is one.
        priorities: Priorities, in document order.
        objectives: Objectives no priority owns.
        targets: Targets no priority owns.
        actions: Actions no priority owns.
        indicators: Indicators no priority owns.
        claims: Narrative figures the document asserts.
        memberships: Members of the partnership's groups.
        markers: The legend of action markers (``*`` = community reassurance).
        unclassified: Blocks no recogniser placed, in document order.
        warnings: Problems met while reading that did not stop it (an unreadable page).
        schema_version: Version of the serialised form.
    """

    source: DocumentSource
    title: str | None = None
    partnership: str | None = None
    area: str | None = None
    period: Period | None = None
    kind: PlanKind | None = None
    vision: str | None = None
    priorities: tuple[Priority, ...] = attrs.field(default=(), converter=_number_priorities)
    objectives: tuple[Objective, ...] = ()
    targets: tuple[Target, ...] = ()
    actions: tuple[Action, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    claims: tuple[Claim, ...] = ()
    memberships: tuple[Membership, ...] = ()
    markers: tuple[Marker, ...] = ()
    unclassified: tuple[Unclassified, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def __repr__(self) -> str:
        counts = (
            (len(self.priorities), "priority", "priorities"),
            (len(self.all_objectives()), "objective", "objectives"),
            (len(self.all_targets()), "target", "targets"),
            (len(self.all_actions()), "action", "actions"),
            (len(self.claims), "claim", "claims"),
            (len(self.memberships), "membership", "memberships"),
            (len(self.unclassified), "unclassified block", "unclassified blocks"),
        )
        parts = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)
        name = self.source.path.replace("\\", "/").rsplit("/", 1)[-1]
        title = f"{self.title!r} " if self.title else ""
        return f"<Plan {title}from {name}: {parts}>"

    def all_actions(self) -> list[Action]:
        """Every action, those of priorities first, then plan-level ones."""
        return [a for p in self.priorities for a in p.actions] + list(self.actions)

    def all_objectives(self) -> list[Objective]:
        """Every objective, those of priorities first, then plan-level ones."""
        return [o for p in self.priorities for o in p.objectives] + list(self.objectives)

    def all_targets(self) -> list[Target]:
        """Every target: priorities' and plan-level ones, then those objectives state."""
        found = [t for p in self.priorities for t in p.targets] + list(self.targets)
        found += [t for o in self.all_objectives() for t in o.targets]
        return found

    def all_indicators(self) -> list[Indicator]:
        """Every indicator named at priority, plan or action level."""
        found = [i for p in self.priorities for i in p.indicators] + list(self.indicators)
        found += [i for a in self.all_actions() for i in a.indicators]
        return found

    def objective_entries(self) -> list[Entry[Objective]]:
        """Every objective with its priority, in the order of :meth:`all_objectives`."""
        owned = [Entry(o, p) for p in self.priorities for o in p.objectives]
        return owned + [Entry(o) for o in self.objectives]

    def target_entries(self) -> list[Entry[Target]]:
        """Every target with its priority and the objective stating it, in the order of
        :meth:`all_targets`."""
        found = [Entry(t, p) for p in self.priorities for t in p.targets]
        found += [Entry(t) for t in self.targets]
        found += [
            Entry(t, e.priority, e.item) for e in self.objective_entries() for t in e.item.targets
        ]
        return found

    def action_entries(self) -> list[Entry[Action]]:
        """Every action with its priority and the objective it serves, in the order of
        :meth:`all_actions`."""
        objectives = {o.id: o for o in self.all_objectives()}

        def entry(action: Action, priority: Priority | None) -> Entry[Action]:
            served = objectives.get(action.objective) if action.objective else None
            return Entry(action, priority, served)

        found = [entry(a, p) for p in self.priorities for a in p.actions]
        return found + [entry(a, None) for a in self.actions]

    def claim_entries(self) -> list[Entry[Claim]]:
        """Every narrative claim (claims belong to the plan, not to a priority)."""
        return [Entry(c) for c in self.claims]

    def walk(self) -> list[Entry[Item]]:
        """Every priority, objective, target, action and claim with its context, in plan
        order: each priority followed by its objectives (each with the targets it states),
        targets and actions; then plan-level objectives, targets and actions; then claims."""
        objectives: dict[str | None, list[Entry[Objective]]] = {}
        for e in self.objective_entries():
            objectives.setdefault(e.priority.id if e.priority else None, []).append(e)
        stated: dict[str, list[Entry[Target]]] = {}
        loose: dict[str | None, list[Entry[Target]]] = {}
        for t in self.target_entries():
            if t.objective is not None:
                stated.setdefault(t.objective.id, []).append(t)
            else:
                loose.setdefault(t.priority.id if t.priority else None, []).append(t)
        actions: dict[str | None, list[Entry[Action]]] = {}
        for a in self.action_entries():
            actions.setdefault(a.priority.id if a.priority else None, []).append(a)

        found: list[Entry[Item]] = []

        def section(key: str | None) -> None:
            for objective in objectives.get(key, []):
                found.append(objective)
                found.extend(stated.get(objective.key, []))
            found.extend(loose.get(key, []))
            found.extend(actions.get(key, []))

        for priority in self.priorities:
            found.append(Entry(priority))
            section(priority.id)
        section(None)
        found.extend(self.claim_entries())
        return found

    def entry(self, key: str) -> Entry[Item]:
        """The item whose ``id`` is ``key`` (``"A12"``, ``"P2"``, a finding's
        ``subject.id``), with its context; :class:`KeyError` if there is none."""
        for found in self.walk():
            if found.key == key:
                return found
        raise KeyError(key)
