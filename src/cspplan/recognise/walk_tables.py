"""The walk's tables: what a table does to the walk by the role it plays.

An action table goes to the priority it belongs to, a performance table gives targets and
claims, a trajectory goes to the target it fits, and a membership table to its group; the
walk (:mod:`.walk`) keeps the state these read and change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..document import Block, Table, block_text
from ..model.plan import Target
from ..model.source import SourceRef
from .actions import ActionTableReading
from .draft import rows_unclassified
from .facts import TableFacts, generic_heading
from .indicator_tables import IndicatorTable, apply_rating_key, find_rating_key
from .memberships import table_to_memberships
from .structure import action_plan_title
from .targets import find_targets
from .trajectory import Trajectory, apply_trajectory, trajectory_claim, trajectory_fit

if TYPE_CHECKING:
    from .walk import Walk

__all__ = [
    "NEAR_BLOCKS",
    "TABLE_UNDER_HEADING",
    "action_table",
    "attach_trajectory",
    "own_targets",
    "performance_table",
    "read_table",
    "read_tables",
    "statement_follows",
]

NEAR_BLOCKS = 2
"""How many blocks apart a target statement and its trajectory table, or a group's heading
and its membership table, may be and still belong together."""
TABLE_UNDER_HEADING = 3
"""How many blocks below a heading an untitled action table may start and still be that
heading's action plan."""


def read_tables(blocks: Sequence[Block]) -> tuple[dict[int, TableFacts], tuple[str, ...]]:
    """Every table's facts by block index, with each action table read (joined across page
    breaks) once, and the marker symbols printed after refs in those action tables, which
    the walk needs before it meets the legend that explains them."""
    tables: dict[int, TableFacts] = {}
    symbols: list[str] = []
    index = 0
    while index < len(blocks):
        if not isinstance(blocks[index], Table):
            index += 1
            continue
        facts = tables.setdefault(index, TableFacts(blocks, index))
        found = facts.action
        if found is None:
            index += 1
            continue
        for action in found.reading.actions:
            for marker in action.markers:
                if marker.symbol not in symbols:
                    symbols.append(marker.symbol)
        index += len(found.pieces) + 1
    return tables, tuple(symbols)


def _has_plan_preamble(reading: ActionTableReading) -> bool:
    return any(item.kind in ("objective", "indicator", "review") for item in reading.preamble)


def read_table(walk: Walk, index: int, block: Table) -> int:
    """Read a table by the role it plays; returns how many blocks it used."""
    facts = walk.table_facts(index)
    found = facts.action
    if found is not None and found.holds_actions:
        reading = found.reading
        grouped = found.has_priority_column or (
            any(reading.groups) and walk.current is None and walk.objective is None
        )
        action_table(walk, index, reading, grouped)
        walk.draft.place(index)
        for position in found.pieces:
            walk.draft.place(position)
        if reading.leftovers:
            walk.draft.keep(index, rows_unclassified(reading.leftovers, block.source))
        return (found.pieces[-1] if found.pieces else index) - index + 1
    if facts.performance is not None:
        performance_table(walk, index, facts.performance)
        walk.draft.place(index)
        return 1
    walk.draft.claims_from_table(block)
    trajectory = facts.trajectory
    near = walk.last_target is not None and index - walk.last_target[0] <= NEAR_BLOCKS
    if trajectory is not None and near and attach_trajectory(walk, trajectory):
        walk.draft.place(index)
        return 1
    if trajectory is not None and statement_follows(walk, index):
        walk.pending_trajectory = (index, block)
        return 1
    if facts.targets:
        # A table of targets by period, one labelled row each, with no statement beside.
        own_targets(walk, index)
        walk.draft.place(index)
        return 1
    members = table_to_memberships(block, walk.last_heading)
    if members is not None:
        walk.draft.memberships.extend(members.members)
        walk.draft.place(index)
        if walk.last_heading_index is not None and index - walk.last_heading_index <= NEAR_BLOCKS:
            # The heading names the group, and lives on in each membership.
            walk.draft.place(walk.last_heading_index)
        if members.leftovers:
            walk.draft.keep(index, rows_unclassified(members.leftovers, block.source))
        return 1
    walk.draft.home(walk.current).indicators.extend(facts.indicators or ())
    return 1


def action_table(walk: Walk, index: int, reading: ActionTableReading, grouped: bool) -> None:
    """Decide which priority an action table belongs to, then have the draft place it."""
    owner = None if grouped else walk.current
    objective_id = walk.objective.id if walk.objective is not None else None
    titled = next(
        (
            i
            for i in reading.preamble
            if i.kind == "text" and action_plan_title(i.text) and not generic_heading(i.text)
        ),
        None,
    )
    if titled is not None and not grouped:
        # "Domestic Abuse Action Plan" in a row of the table's own: that plan's priority.
        title = action_plan_title(titled.text)
        assert title is not None
        owner = walk.draft.find_priority(title) if walk.draft.priorities else None
        if owner is None or owner.actions:
            owner = walk.open_priority(title, titled.source, None)
        walk.current = owner
        reading = attrs.evolve(
            reading, preamble=tuple(i for i in reading.preamble if i is not titled)
        )
    if owner is None and not grouped and walk.objective is None:
        source = reading.actions[0].source if reading.actions else SourceRef()
        if (
            walk.last_heading is not None
            and walk.last_heading_index is not None
            and index - walk.last_heading_index <= TABLE_UNDER_HEADING
            and not generic_heading(walk.last_heading)
        ):
            # An action table right under a heading is that heading's action plan.
            owner = walk.open_priority(walk.last_heading, source, walk.last_heading_index)
            walk.draft.place(walk.last_heading_index)
        elif _has_plan_preamble(reading):
            owner = walk.open_priority("Action plan", source, None)
    period = walk.caption_period(index)
    if period is not None:
        reading = attrs.evolve(
            reading, actions=tuple(walk.dated(a, period) for a in reading.actions)
        )
    walk.draft.place_action_table(index, reading, owner, grouped, objective_id)


def performance_table(walk: Walk, index: int, reading: IndicatorTable) -> None:
    """A performance table: its targets (their ratings explained by the plan's key) go
    to the open priority, else the plan; the changes and trends its rows state are
    claims."""
    key = find_rating_key(walk.blocks, index) if reading.rated else {}
    home = walk.draft.home(walk.current)
    for target in reading.targets:
        home.targets.append(walk.draft.number_target(apply_rating_key(target, key)))
    for claim in reading.claims:
        walk.draft.claims.append(attrs.evolve(claim, id=walk.draft.next_id("C")))
    home.indicators.extend(walk.table_facts(index).indicators or ())


def own_targets(walk: Walk, index: int) -> None:
    """A table of targets by period read as targets of their own, with no statement
    beside them."""
    facts = walk.table_facts(index)
    home = walk.draft.home(walk.current)
    home.targets.extend(walk.draft.number_target(t) for t in facts.targets)
    # Rows led by indicator codes name them too.
    home.indicators.extend(facts.indicators or ())


def attach_trajectory(walk: Walk, trajectory: Trajectory) -> bool:
    """Give the trajectory a table sets out to the target it fits best: the last target
    stated, unless its unit clashes with the table's (a rate per 1,000 against a
    percentage) or another target of the section shares more with the table (its
    figures, or the metric words of the table's row). Returns False where no target
    fits."""
    assert walk.last_target is not None
    chosen: tuple[int, Target] | None = None
    if trajectory_fit(walk.last_target[1], trajectory):
        chosen = walk.last_target
        # A table printed under a statement belongs to it, unless its row names another
        # target of the section (by metric words or a figure) better than this one.
        claim = trajectory_claim(walk.last_target[1], trajectory)
        for candidate in reversed(walk.section_targets):
            other = trajectory_claim(candidate[1], trajectory)
            if other > claim and trajectory_fit(candidate[1], trajectory):
                chosen, claim = candidate, other
    else:
        best = 1
        for candidate in reversed(walk.section_targets):
            fit = trajectory_fit(candidate[1], trajectory)
            if fit > best:
                chosen, best = candidate, fit
    if chosen is None:
        return False
    position, target = chosen
    updated = apply_trajectory(target, trajectory)
    walk.draft.replace_target(target, updated)
    walk.section_targets = [(p, updated if t is target else t) for p, t in walk.section_targets]
    if walk.last_target[1] is target:
        walk.last_target = (position, updated)
    return True


def statement_follows(walk: Walk, index: int) -> bool:
    """True where a target statement comes within two blocks after ``index``."""
    for block in walk.blocks[index + 1 : index + 1 + NEAR_BLOCKS]:
        if isinstance(block, Table):
            return False
        if find_targets(block_text(block), block.source):
            return True
    return False
