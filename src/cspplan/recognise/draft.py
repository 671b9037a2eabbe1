"""The draft: where the walk's findings go, until :meth:`PlanDraft.freeze` makes the Plan.

The walk (:mod:`.walk`) says what it found and which priority is open; the draft decides
where each thing goes and keeps the books:

- one owner lookup, :meth:`PlanDraft.home`: the priority given, or the plan where none is;
- the id counters (``A1``, ``O1``, ``T1``, ``C1``), in the order things are found;
- targets that name their priority ("Auto Crime - Strategic target to ..."), placed once
  every priority is known (:meth:`PlanDraft.place_named_targets`);
- marker legends, applied to every action's markers when the plan is frozen;
- the coverage ledger: which blocks live on in a domain object, and the parts of partly
  used blocks that are kept as unclassified.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Block, Document, Heading, ListItem, Paragraph, Row, Table, block_text
from ..model.plan import (
    Action,
    Claim,
    Indicator,
    Marker,
    Membership,
    Objective,
    Plan,
    Priority,
    Target,
    Unclassified,
    Workstream,
)
from ..model.source import DocumentSource, SourceRef
from ..model.values import Period, Timescale
from ..text.patterns import IGNORECASE, lazy
from .actions import ActionTableReading, PreambleItem
from .claims import find_claims, table_claims
from .front import FrontMatter
from .indicators import find_indicators
from .structure import legend_entry, match_score, priority_key
from .targets import find_targets
from .timescales import parse_timescale

__all__ = [
    "PLACED_SHARE",
    "Holder",
    "PlanDraft",
    "PriorityDraft",
    "cell_targets",
    "covered",
    "rows_unclassified",
    "to_unclassified",
]

PLACED_SHARE = 0.8
"""A paragraph counts as placed when the statements taken from it cover this share of it."""


def to_unclassified(block: Block) -> Unclassified:
    """Keep a block that no recogniser placed."""
    kind = {Heading: "heading", Paragraph: "paragraph", ListItem: "list_item"}.get(
        type(block), "table"
    )
    return Unclassified(kind=kind, text=block_text(block), source=block.source)


def rows_unclassified(rows: Sequence[Row], source: SourceRef) -> Unclassified:
    """Keep rows of a table that no recogniser placed, as one unclassified table."""
    text = "\n".join(
        " | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in rows
    )
    first = rows[0].source if rows else source
    return Unclassified(kind="table", text=text, source=first)


def covered(text: str, statements: Sequence[str]) -> int:
    """How many characters of ``text`` the ``statements`` taken from it cover together."""
    marked = [False] * len(text)
    for statement in statements:
        start = text.find(statement) if statement else -1
        if start < 0:
            continue
        for position in range(start, start + len(statement)):
            marked[position] = True
    return sum(marked)


@attrs.define(kw_only=True)
class Holder:
    """What the walk gathers for a priority, or for the plan where no priority is open."""

    objectives: list[Objective] = attrs.Factory(list)
    targets: list[Target] = attrs.Factory(list)
    actions: list[Action] = attrs.Factory(list)
    indicators: list[Indicator] = attrs.Factory(list)


@attrs.define
class PriorityDraft(Holder):
    """A priority being gathered during the walk."""

    title: str
    source: SourceRef
    ref: str | None = None
    aliases: tuple[str, ...] = ()
    """Other names it is known by; added through :meth:`PlanDraft.add_alias`, which keeps
    the drafts' index of names current."""
    description: list[str] = attrs.Factory(list)
    workstreams: list[Workstream] = attrs.Factory(list)
    review: Timescale | None = None
    delivery: bool = False
    block: int | None = None
    stated: bool = False
    level: int | None = None
    """The level of the heading that opened it: a shallower heading is not one of its parts."""

    def is_empty(self) -> bool:
        """True where nothing has been placed under it."""
        return not (
            self.objectives or self.targets or self.actions or self.indicators or self.workstreams
        )

    def freeze(self, legend: dict[str, str]) -> Priority:
        """The priority, its actions' markers explained by ``legend``."""
        return Priority(
            title=self.title,
            ref=self.ref,
            description="\n\n".join(self.description) or None,
            objectives=tuple(self.objectives),
            targets=tuple(self.targets),
            actions=tuple(_with_marker_meanings(a, legend) for a in self.actions),
            indicators=tuple(self.indicators),
            workstreams=tuple(self.workstreams),
            review=self.review,
            source=self.source,
        )


def _with_marker_meanings(action: Action, legend: dict[str, str]) -> Action:
    if not action.markers:
        return action
    return attrs.evolve(
        action,
        markers=tuple(
            Marker(symbol=m.symbol, meaning=legend.get(m.symbol, m.meaning)) for m in action.markers
        ),
    )


_TARGET_CELL = lazy(r"^\W{0,3}(?:targets?|aims?)\b", IGNORECASE)
"""A cell that frames its own statement as a target ("Target: ...", "Aim - ...")."""


def cell_targets(action: Action) -> list[Target]:
    """Targets an action's target, outcome or evaluation cells state without a frame: "10% reduction in
    burglary", "Reduce repeat victims by 5%". The column header is the frame, so the cell is
    read as "Target: ..."; only a change (a percentage, or a baseline and a target value)
    counts, so outputs such as "120 staff trained" stay milestones. A target with no
    deadline of its own takes the milestone's dated timescale."""
    cells: list[tuple[str, Timescale | None, SourceRef]] = [
        (m.output, m.timescale, m.source) for m in action.milestones if m.output
    ]
    if action.outcome:
        cells.append((action.outcome, None, action.source))
    if action.evaluation:
        # A measure of success on the action's own row is due when its one milestone is.
        single = action.milestones[0].timescale if len(action.milestones) == 1 else None
        cells.append((action.evaluation, single, action.source))
    found: list[Target] = []
    for text, timescale, source in cells:
        framed = text if _TARGET_CELL.match(text) else f"Target: {text}"
        for target in find_targets(framed, source):
            if target.percent is None and (target.baseline is None or target.target is None):
                continue
            statement = " ".join(text.split())
            deadline = target.deadline
            if deadline is None and timescale is not None and timescale.end is not None:
                deadline = Period(text=timescale.text, start=timescale.start, end=timescale.end)
            goal = target.target
            if goal is not None and goal.period is None and deadline is not None:
                goal = attrs.evolve(goal, period=deadline)
            found.append(attrs.evolve(target, statement=statement, deadline=deadline, target=goal))
    return found


@attrs.define
class PlanDraft:
    """Everything gathered so far: the plan's own items, the priorities, the ledger."""

    symbols: tuple[str, ...] = ()
    """The marker symbols printed after refs in the document's action tables."""
    footnotes: tuple[str, ...] = ()
    plan: Holder = attrs.Factory(Holder)
    """What belongs to the plan itself, where no priority owns it."""
    priorities: list[PriorityDraft] = attrs.Factory(list)
    claims: list[Claim] = attrs.Factory(list)
    memberships: list[Membership] = attrs.Factory(list)
    legend: dict[str, str] = attrs.Factory(dict)
    named_targets: list[tuple[Target, str, PriorityDraft | None]] = attrs.Factory(list)
    counters: dict[str, int] = attrs.Factory(dict)
    placed: set[int] = attrs.Factory(set)
    partial: dict[int, list[Unclassified]] = attrs.Factory(dict)
    warnings: list[str] = attrs.Factory(list)
    _first_named: dict[frozenset[str], int] = attrs.field(factory=dict, init=False, repr=False)
    """Each distinct word key of a priority's names, with the first priority known by it."""
    _keys_with: dict[str, list[frozenset[str]]] = attrs.field(factory=dict, init=False, repr=False)
    """The keys of :attr:`_first_named` each word is in."""
    _positions: dict[int, int] = attrs.field(factory=dict, init=False, repr=False)
    """Where each indexed priority (by ``id``) is in :attr:`priorities`."""
    _indexed: int = attrs.field(default=0, init=False, repr=False)
    """How many of :attr:`priorities` (the first ones) are in the index."""

    # ---- owners ------------------------------------------------------------------------------
    def home(self, owner: PriorityDraft | None) -> Holder:
        """Where an item goes: ``owner``, or the plan where there is no owner."""
        return owner if owner is not None else self.plan

    def add_priority(
        self, title: str, source: SourceRef, block: int | None = None, stated: bool = False
    ) -> PriorityDraft:
        """A new priority, after those already known."""
        draft = PriorityDraft(title=title, source=source, block=block, stated=stated)
        self.priorities.append(draft)
        return draft

    def find_priority(self, name: str) -> PriorityDraft | None:
        """The known priority ``name`` names, or ``None``: the same as
        :func:`~.structure.match_priority` over every priority's names, but only the distinct
        names that share a word with ``name`` are scored, so that a plan naming hundreds of
        priorities is not read in time growing with their square."""
        wanted = priority_key(name)
        if not wanted:
            return None  # a name with no identifying words matches no priority
        self._index_new_priorities()
        candidates = {key for word in wanted for key in self._keys_with.get(word, ())}
        best: tuple[float, int] | None = None
        for key in candidates:
            score = match_score(wanted, key)
            first = self._first_named[key]
            # The best score wins, and among equal scores the earliest priority, as in
            # match_priority's walk through the priorities in order.
            if score is not None and (
                best is None or score > best[0] or (score == best[0] and first < best[1])
            ):
                best = (score, first)
        return self.priorities[best[1]] if best is not None else None

    def add_alias(self, priority: PriorityDraft, name: str) -> None:
        """Record ``name`` as another name of ``priority``."""
        priority.aliases = (*priority.aliases, name)
        position = self._positions.get(id(priority))
        if position is not None:  # not yet indexed: its names are read when it is
            self._index_name(name, position)

    def _index_new_priorities(self) -> None:
        for position in range(self._indexed, len(self.priorities)):
            priority = self.priorities[position]
            self._positions.setdefault(id(priority), position)
            for name in (priority.title, *priority.aliases):
                self._index_name(name, position)
        self._indexed = len(self.priorities)

    def _index_name(self, name: str, position: int) -> None:
        key = priority_key(name)
        if not key:
            return
        first = self._first_named.get(key)
        if first is None:
            for word in key:
                self._keys_with.setdefault(word, []).append(key)
        if first is None or position < first:
            self._first_named[key] = position

    # ---- ids ---------------------------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        """The next id with ``prefix``: ``A1``, ``A2``, ..."""
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]}"

    def number_target(self, target: Target) -> Target:
        """``target`` with the next target id."""
        return attrs.evolve(target, id=self.next_id("T"))

    def make_objective(self, text: str, ref: str | None, source: SourceRef) -> Objective:
        """An objective with its id and the targets its text states."""
        targets = tuple(self.number_target(t) for t in find_targets(text, source))
        return Objective(id=self.next_id("O"), text=text, ref=ref, targets=targets, source=source)

    def new_action(self, text: str, source: SourceRef) -> Action:
        """A one-line action (a list item) with the next action id."""
        return Action(id=self.next_id("A"), text=text, source=source)

    def claims_from(
        self,
        text: str,
        source: SourceRef,
        following: Sequence[str],
        depths: Sequence[int] = (),
    ) -> list[str]:
        """Narrative figures a block asserts, kept with their ids; returns their statements.
        ``depths`` gives how deeply each item in ``following`` is nested."""
        # After the list items, an empty text and then the plan's footnotes, so a figure
        # marked "¹" can be read from wherever its footnote is printed.
        found = find_claims(text, source, [*following, "", *self.footnotes], depths)
        self.claims.extend(attrs.evolve(c, id=self.next_id("C")) for c in found)
        return [c.statement for c in found]

    def claims_from_table(self, table: Table) -> None:
        """Figures a table states by its layout (a share column, a column with a Total
        row), kept with their ids."""
        found = table_claims(table)
        self.claims.extend(attrs.evolve(c, id=self.next_id("C")) for c in found)

    # ---- named targets -----------------------------------------------------------------------
    def name_target(self, target: Target, name: str, open_priority: PriorityDraft | None) -> None:
        """Hold ``target`` until every priority is known: it goes to the priority ``name``
        names, else to ``open_priority``, else to the plan."""
        self.named_targets.append((target, name, open_priority))

    def replace_target(self, old: Target, new: Target) -> None:
        """Put ``new`` where the held ``old`` is (a trajectory read after the statement)."""
        self.named_targets = [
            (new if t is old else t, name, owner) for t, name, owner in self.named_targets
        ]

    def place_named_targets(self) -> None:
        """Give each held target to its owner (see :meth:`name_target`)."""
        for target, name, open_priority in self.named_targets:
            owner = self.find_priority(name) if name else None
            self.home(owner or open_priority).targets.append(target)

    # ---- legends -----------------------------------------------------------------------------
    def note_legend(self, symbol: str, meaning: str) -> None:
        """A marker's meaning; the first one a plan states stands."""
        self.legend.setdefault(symbol, meaning)

    # ---- the ledger --------------------------------------------------------------------------
    def place(self, index: int) -> None:
        """Block ``index`` lives on in the plan."""
        self.placed.add(index)

    def keep(self, index: int, item: Unclassified) -> None:
        """A part of block ``index`` that nothing placed, kept as unclassified."""
        self.partial.setdefault(index, []).append(item)

    def place_if_covered(self, index: int, text: str, statements: Sequence[str]) -> None:
        """Block ``index`` is placed where the statements taken from it cover most of it."""
        if covered(text, statements) >= PLACED_SHARE * len(text):
            self.placed.add(index)

    # ---- action tables -----------------------------------------------------------------------
    def place_action_table(
        self,
        index: int,
        reading: ActionTableReading,
        owner: PriorityDraft | None,
        grouped: bool,
        objective_id: str | None,
    ) -> None:
        """Place what an action table holds: its preamble and areas of work with ``owner``
        (or the plan), its actions with their priority group where ``grouped``, else with
        ``owner``, each serving ``objective_id`` unless the table has an objective column."""
        used = {a.workstream for a in reading.actions if a.workstream}
        self._preamble_claims(reading.preamble)
        self.claims.extend(attrs.evolve(c, id=self.next_id("C")) for c in reading.sums)
        left = self._preamble_to(owner, reading.preamble, used)
        if owner is not None:
            for workstream in reading.workstreams:
                if not any(
                    w.ref == workstream.ref and w.title == workstream.title
                    for w in owner.workstreams
                ):
                    owner.workstreams.append(workstream)
        else:
            left += [
                PreambleItem("workstream", w.title, w.ref, w.source)
                for w in reading.workstreams
                if w.title not in used
                and not any(i.kind == "workstream" and i.text == w.title for i in left)
            ]
        for item in left:
            self.keep(index, Unclassified(kind="table", text=item.text, source=item.source))
        group_owner: PriorityDraft | None = None
        last_group: str | None = None
        stated: set[tuple[str, SourceRef]] = set()
        column_objectives: dict[str, str] = {}
        for action, group, objective_text in zip(
            reading.actions, reading.groups, reading.objectives, strict=False
        ):
            home = owner
            if grouped and group:
                if group != last_group:
                    group_owner = self.find_priority(group) or self.add_priority(
                        group, action.source
                    )
                    last_group = group
                home = group_owner
            serves = objective_id
            if objective_text:
                # An objective column: each distinct objective once, its actions linked to it.
                if objective_text not in column_objectives:
                    made = self.make_objective(objective_text, None, action.source)
                    self.home(home).objectives.append(made)
                    column_objectives[objective_text] = made.id
                serves = column_objectives[objective_text]
            numbered = attrs.evolve(action, id=self.next_id("A"), objective=serves)
            self.home(home).actions.append(numbered)
            for target in cell_targets(numbered):
                if (target.statement, target.source) in stated:
                    continue  # one row's measure shared by the actions of its bullets
                stated.add((target.statement, target.source))
                self.home(home).targets.append(self.number_target(target))

    def _preamble_claims(self, items: Sequence[PreambleItem]) -> None:
        """Counts an action plan states above its rows ("has 4 areas of work: 1. ... 2. ..."),
        with the areas listed after them in the same cell."""
        for position, item in enumerate(items):
            if item.kind != "text":
                continue
            listed: list[str] = []
            for later in items[position + 1 :]:
                if later.kind != "workstream" or later.source != item.source:
                    break
                listed.append(later.text)
            if listed:
                head = item.text if item.text.rstrip().endswith(":") else f"{item.text}:"
                self.claims_from(head, item.source, listed)

    def _preamble_to(
        self, owner: PriorityDraft | None, items: Sequence[PreambleItem], used: set[str]
    ) -> list[PreambleItem]:
        """Give the cells above an action table's rows to ``owner`` (or the plan); returns
        the items nothing could hold, so they are kept as unclassified. ``used`` holds the
        workstream titles the table's actions carry."""
        left: list[PreambleItem] = []
        for item in items:
            if item.kind == "objective":
                made = self.make_objective(item.text, item.ref, item.source)
                self.home(owner).objectives.append(made)
            elif item.kind == "indicator":
                found = find_indicators(item.text, item.source) or [
                    Indicator(text=item.text, scheme="local", source=item.source)
                ]
                self.home(owner).indicators.extend(found)
            elif item.kind == "review" and owner is not None and owner.review is None:
                owner.review = parse_timescale(item.text)
            elif item.kind == "workstream" and (owner is not None or item.text in used):
                continue  # held by the priority's workstreams, or by the actions' workstream
            elif item.kind == "text":
                legend = legend_entry(item.text, None, self.symbols)
                if legend is not None:
                    self.note_legend(*legend)
                elif owner is not None:
                    owner.description.append(item.text)
                else:
                    left.append(item)
            else:
                left.append(item)
        return left

    # ---- the plan ----------------------------------------------------------------------------
    def freeze(self, document: Document, front: FrontMatter) -> Plan:
        """The Plan: held targets placed, empty priorities dropped (their headings given back
        to the unclassified), every block nothing placed kept as unclassified, in order."""
        self.place_named_targets()
        legend = self.legend
        priorities: list[Priority] = []
        for draft in self.priorities:
            if draft.is_empty() and not draft.description and not draft.stated:
                if draft.block is not None:
                    self.placed.discard(draft.block)
                continue
            priorities.append(draft.freeze(legend))
        unclassified: list[Unclassified] = []
        for index, block in enumerate(document.blocks):
            if index in self.partial:
                unclassified.extend(self.partial[index])
            if index not in self.placed:
                unclassified.append(to_unclassified(block))
        return Plan(
            source=DocumentSource(
                path=document.path,
                sha256=document.sha256,
                media_type=document.media_type,
                parser=document.parser,
                page_count=document.page_count,
            ),
            title=front.title,
            partnership=front.partnership,
            area=front.area,
            period=front.period,
            kind=front.kind,
            vision=front.vision,
            priorities=tuple(priorities),
            objectives=tuple(self.plan.objectives),
            targets=tuple(self.plan.targets),
            actions=tuple(_with_marker_meanings(a, legend) for a in self.plan.actions),
            indicators=tuple(self.plan.indicators),
            claims=tuple(self.claims),
            memberships=tuple(self.memberships),
            markers=tuple(Marker(symbol=s, meaning=m) for s, m in legend.items()),
            unclassified=tuple(unclassified),
            warnings=(*document.warnings, *self.warnings),
        )
