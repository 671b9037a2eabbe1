"""Recognisers: pure functions from a Document's blocks to the domain model.

Recognisers never look at files, only at blocks, so every parser's output gets the same
treatment. :func:`build_plan` walks the blocks once, in order:

- an action plan heading ("Property Crime Action Plan") opens a priority; a "Priorities"
  heading, or an "our priorities are:" list, names priorities; the headings under a
  priorities section each open one, until a heading such as "Performance" or "Review";
- an action table (found by the meaning of its column headers, joined across page breaks)
  gives the open priority its actions, and the cells above its rows its objectives,
  indicators, review date and areas of work; a "Priority" column sorts rows into priorities;
- "Objective N ..." lines give objectives, and the action tables under them their actions;
- target statements give targets (with the trajectory table beside them), to the priority
  they name ("Auto Crime - Strategic target to ...") where one matches, else to the open
  priority, else to the plan; narrative figures give claims; indicator codes give indicators;
- role / person / organisation tables give memberships; marker legends give marker meanings.

Every block none of them places is kept in ``Plan.unclassified``; a paragraph only counts as
placed when its text lives on in a domain object.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..document import Block, Document, Heading, ListItem, Paragraph, Row, Table, block_text
from ..model.plan import (
    Action,
    Claim,
    ClaimKind,
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
from .actions import ActionTableReading, PreambleItem, rows_to_actions
from .claims import find_claims, footnotes
from .front import read_front_matter
from .indicators import find_indicators
from .memberships import table_to_memberships
from .structure import (
    action_plan_title,
    ends_section,
    is_delivery_heading,
    is_measures_heading,
    is_priorities_heading,
    is_priorities_intro,
    is_priority_part,
    is_sub_label,
    legend_entry,
    list_label,
    match_priority,
    named_prefix,
    objective_line,
    priority_heading,
    priority_key,
    section_number,
)
from .tables import ColumnKind, expand_rowspans, find_layout, join_tables
from .targets import find_targets
from .timescales import parse_timescale
from .trajectory import apply_trajectory, read_trajectory, targets_from_table

__all__ = ["LONG_BLOCK", "build_plan", "marker_symbols", "to_unclassified"]

_PLACED_SHARE = 0.8
"""A paragraph counts as placed when the statements taken from it cover this share of it."""


def to_unclassified(block: Block) -> Unclassified:
    """Keep a block that no recogniser placed."""
    kind = {Heading: "heading", Paragraph: "paragraph", ListItem: "list_item"}.get(
        type(block), "table"
    )
    return Unclassified(kind=kind, text=block_text(block), source=block.source)


def _rows_unclassified(rows: Sequence[Row], source: SourceRef) -> Unclassified:
    text = "\n".join(
        " | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in rows
    )
    first = rows[0].source if rows else source
    return Unclassified(kind="table", text=text, source=first)


LONG_BLOCK = 50_000
"""Characters beyond which a paragraph is kept unclassified without being searched."""


@attrs.define(kw_only=True)
class _Holder:
    """What the walk gathers for a priority, or for the plan where no priority is open."""

    objectives: list[Objective] = attrs.Factory(list)
    targets: list[Target] = attrs.Factory(list)
    actions: list[Action] = attrs.Factory(list)
    indicators: list[Indicator] = attrs.Factory(list)


@attrs.define
class _PriorityDraft(_Holder):
    """A priority being gathered during the walk."""

    title: str
    source: SourceRef
    ref: str | None = None
    aliases: list[str] = attrs.Factory(list)
    description: list[str] = attrs.Factory(list)
    workstreams: list[Workstream] = attrs.Factory(list)
    review: Timescale | None = None
    delivery: bool = False
    block: int | None = None
    stated: bool = False
    level: int | None = None
    """The level of the heading that opened it: a shallower heading is not one of its parts."""

    def keys(self) -> list[frozenset[str]]:
        return [priority_key(name) for name in (self.title, *self.aliases)]

    def is_empty(self) -> bool:
        return not (
            self.objectives or self.targets or self.actions or self.indicators or self.workstreams
        )

    def freeze(self) -> Priority:
        return Priority(
            title=self.title,
            ref=self.ref,
            description="\n\n".join(self.description) or None,
            objectives=tuple(self.objectives),
            targets=tuple(self.targets),
            actions=tuple(self.actions),
            indicators=tuple(self.indicators),
            workstreams=tuple(self.workstreams),
            review=self.review,
            source=self.source,
        )


@attrs.define
class _Builder(_Holder):
    """The walk's state: what has been gathered so far and what is open; what it holds
    itself belongs to the plan."""

    blocks: Sequence[Block]
    symbols: tuple[str, ...]
    placed: set[int] = attrs.Factory(set)
    partial: dict[int, list[Unclassified]] = attrs.Factory(dict)
    priorities: list[_PriorityDraft] = attrs.Factory(list)
    claims: list[Claim] = attrs.Factory(list)
    memberships: list[Membership] = attrs.Factory(list)
    legend: dict[str, str] = attrs.Factory(dict)
    named_targets: list[tuple[Target, str, _PriorityDraft | None]] = attrs.Factory(list)
    current: _PriorityDraft | None = None
    in_priorities: bool = False
    priorities_number: int | None = None
    objective: Objective | None = None
    objective_owner: _PriorityDraft | None = None
    last_heading: str | None = None
    last_target: tuple[int, Target] | None = None
    pending_trajectory: tuple[int, Table] | None = None
    priority_list: list[_PriorityDraft] | None = None
    counters: dict[str, int] = attrs.Factory(dict)
    measures: bool = False
    footnotes: tuple[str, ...] = ()
    last_heading_index: int | None = None
    warnings: list[str] = attrs.Factory(list)

    def holder(self) -> _Holder:
        """The open priority, or the plan where none is open."""
        return self.current if self.current is not None else self

    # ---- ids -------------------------------------------------------------------------------
    def next_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]}"

    def number_target(self, target: Target) -> Target:
        return attrs.evolve(target, id=self.next_id("T"))

    def make_objective(self, text: str, ref: str | None, source: SourceRef) -> Objective:
        targets = tuple(self.number_target(t) for t in find_targets(text, source))
        return Objective(id=self.next_id("O"), text=text, ref=ref, targets=targets, source=source)

    # ---- priorities ------------------------------------------------------------------------
    def open_priority(self, title: str, source: SourceRef, index: int | None) -> _PriorityDraft:
        draft = _PriorityDraft(title=title, source=source, block=index)
        self.priorities.append(draft)
        self.current = draft
        self.objective = None
        return draft

    def find_priority(self, name: str) -> _PriorityDraft | None:
        found = match_priority(name, [p.keys() for p in self.priorities])
        return self.priorities[found] if found is not None else None

    # ---- the walk ----------------------------------------------------------------------------
    def walk(self, front_used: frozenset[int]) -> None:
        index = 0
        blocks = self.blocks
        while index < len(blocks):
            block = blocks[index]
            if index in front_used:
                self.placed.add(index)
                index += 1
                continue
            if isinstance(block, Table):
                index += self.table(index, block)
                continue
            if isinstance(block, Heading) and objective_line(block.text) is not None:
                index += self.paragraph(index, Paragraph(text=block.text, source=block.source))
                continue
            if isinstance(block, Heading):
                self.heading(index, block)
            elif objective_line(block.text) is None and _reads_as_heading(
                block,
                self.blocks[index + 1] if index + 1 < len(blocks) else None,
                self.blocks[index - 1] if index > 0 else None,
            ):
                strong = isinstance(block, Paragraph) and block.emphasis
                handled = self.heading(
                    index,
                    Heading(text=block.text, level=3, source=block.source),
                    opens=strong,
                    closes=strong or isinstance(block, ListItem),
                )
                if handled:
                    if index not in self.placed:
                        self.heading_fallback(index, block)
                    index += 1
                    continue
                # Not a heading after all: read it as the text it is.
                index += (
                    self.list_item(index, block)
                    if isinstance(block, ListItem)
                    else self.paragraph(index, block)
                )
                continue
            elif isinstance(block, ListItem):
                index += self.list_item(index, block)
                continue
            else:
                index += self.paragraph(index, block)
                continue
            index += 1

    def heading(self, index: int, block: Heading, opens: bool = True, closes: bool = True) -> bool:
        """Read a heading; returns False where it changed nothing.

        ``opens`` is False for a line that only looks like a heading: it may re-open a
        priority or end a section, but never starts a new priority. ``closes`` is False
        where such a line, matching nothing, should not end the open priority either.
        """
        text = " ".join(block.text.split())
        number = section_number(text)
        title = action_plan_title(text)
        if title is not None:
            self.last_heading = text
            draft = self.find_priority(title) if self.priorities else None
            if draft is not None and not draft.actions:
                # A priority named earlier ("our priorities are: ...") gets its action plan.
                self.current = draft
                self.objective = None
            else:
                self.open_priority(title, block.source, index)
            self.placed.add(index)
            return True
        numbered_priority = priority_heading(text)
        if numbered_priority is not None:
            ref, name = numbered_priority
            self.last_heading = text
            self.last_heading_index = index
            draft = self.find_priority(name) if self.priorities else None
            if draft is None or draft.actions:
                draft = self.open_priority(name, block.source, index)
                draft.stated = True
            draft.ref = draft.ref or ref
            draft.level = block.level
            self.current = draft
            self.objective = None
            self.measures = False
            self.placed.add(index)
            return True
        if is_priorities_heading(text):
            self.in_priorities = True
            self.priorities_number = number
            self.current = None
            self.objective = None
            self.measures = False
            return True
        if (
            self.current is not None
            and opens
            and number is None
            and is_priority_part(text)
            and not (self.current.level is not None and block.level < self.current.level)
        ):
            # "What we will do", "How will we know ...?", "Why is this a priority?": a part of
            # the open priority, telling what the lists under it are.
            self.measures = is_measures_heading(text)
            if not self.measures and is_delivery_heading(text):
                self.current.delivery = True
            self.placed.add(index)
            return True
        if is_measures_heading(text):
            self.measures = True
            self.current = None
            self.objective = None
            return True
        if (
            ends_section(text)
            or (self.in_priorities and _generic_heading(text))
            or (
                self.in_priorities
                and number is not None
                and self.priorities_number is not None
                and number != self.priorities_number
            )
        ):
            self.in_priorities = False
            self.measures = False
            self.current = None
            self.objective = None
            return True
        if is_sub_label(text) and self.current is not None:
            return opens
        if self.current is not None and self.indicator_line(text, block.source):
            # "NI35 Building Resilience to Violent Extremism" set out as a heading.
            self.placed.add(index)
            return True
        existing = self.find_priority(text) if self.priorities else None
        if existing is not None and (
            self.in_priorities or is_delivery_heading(text) or self.measures
        ):
            self.current = existing
            existing.delivery = existing.delivery or is_delivery_heading(text)
            self.objective = None
            self.placed.add(index)
            return True
        if self.in_priorities and opens and len(text.split()) <= 12:
            numbered = _LEADING_NUMBER.match(text)
            title = numbered.group("title") if numbered else text
            draft = self.open_priority(title, block.source, index)
            draft.ref = numbered.group("ref") if numbered else None
            draft.level = block.level
            draft.stated = True
            draft.delivery = is_delivery_heading(text)
            self.placed.add(index)
            return True
        if not closes:
            return False
        self.last_heading = text
        self.last_heading_index = index
        self.measures = False
        self.current = None
        self.objective = None
        return True

    def heading_fallback(self, index: int, block: Block) -> None:
        """A heading-like line that opened nothing is still checked for targets."""
        if isinstance(block, (Paragraph, ListItem)):
            statements = self.targets_from(index, block.text, block.source)
            if _covered(block.text, statements) >= _PLACED_SHARE * len(block.text):
                self.placed.add(index)

    def _following_items(self, index: int) -> list[int]:
        found: list[int] = []
        for position in range(index + 1, min(len(self.blocks), index + 40)):
            block = self.blocks[position]
            if isinstance(block, ListItem):
                found.append(position)
            elif found or not isinstance(block, Paragraph) or block.text.strip():
                break
        return found

    def paragraph(self, index: int, block: Paragraph) -> int:
        text = block.text.strip()
        if not text:
            self.placed.add(index)
            return 1
        if len(text) > LONG_BLOCK:
            # No plan writes a paragraph this long: it is a conversion that lost its line
            # breaks, or hostile input. It is kept whole as unclassified, unsearched, so that
            # one block cannot hold up the reading of the rest.
            self.warnings.append(
                f"{block.source}: a paragraph of {len(text):,} characters was kept unclassified"
                f" without looking for targets or claims (longer than {LONG_BLOCK:,})"
            )
            return 1
        legend = legend_entry(text, None, self.symbols)
        if legend is not None:
            self.legend.setdefault(legend[0], legend[1])
            self.placed.add(index)
            return 1
        items = self._following_items(index)
        item_texts = [_text(self.blocks[i]) for i in items]
        before = len(self.claims)
        claimed = self.claims_from(text, block.source, item_texts)
        if not items and not self.priorities:
            self.run_in_priorities(self.claims[before:], index)
        objective = objective_line(text)
        if objective is not None:
            return self.objective_block(index, block, objective, items)
        if is_priorities_intro(text) and items:
            self.priorities_from_list(items)
            self.placed.add(index)
            return 1
        kind = list_label(text)
        if kind is not None and items:
            return self.labelled_list(index, kind, items)
        statements = self.targets_from(index, text, block.source) + claimed
        if self.current is not None and items and _WE_WILL.search(text):
            # "We will:" introduces what will be done: the list after it is actions.
            self.current.delivery = True
            self.current.description.append(text)
            self.placed.add(index)
            return 1
        if self.current is not None and is_sub_label(text):
            return 1
        if self.current is not None and not self.current.actions:
            if self.indicator_line(text, block.source):
                self.placed.add(index)
                return 1
            self.current.description.append(text)
            self.placed.add(index)
            return 1
        if self.current is not None and self.indicator_line(text, block.source):
            self.placed.add(index)
            return 1
        if _covered(text, statements) >= _PLACED_SHARE * len(text):
            self.placed.add(index)
        return 1

    def indicator_line(self, text: str, source: SourceRef) -> bool:
        """A block that only lists indicators ("NI 20 Reduce the number of assaults ...")."""
        lines = [line for line in text.split("\n") if line.strip()]
        found = find_indicators(text, source)
        if not found or len(found) < len(lines):
            return False
        owner = self.holder().indicators
        owner.extend(found)
        return True

    def targets_from(self, index: int, text: str, source: SourceRef) -> list[str]:
        """Targets stated in a block; returns their statements."""
        found = find_targets(text, source)
        prefix = named_prefix(text) if found else None
        for target in found:
            numbered = self.number_target(target)
            self.named_targets.append((numbered, prefix or "", self.current))
            self.last_target = (index, numbered)
            if self.pending_trajectory is not None and index - self.pending_trajectory[0] <= 2:
                self.attach_trajectory(self.pending_trajectory[1])
                self.placed.add(self.pending_trajectory[0])
                self.pending_trajectory = None
        return [t.statement for t in found]

    def claims_from(self, text: str, source: SourceRef, following: Sequence[str]) -> list[str]:
        """Narrative figures a block asserts; returns their statements."""
        # After the list items, an empty text and then the plan's footnotes, so a figure
        # marked "¹" can be read from wherever its footnote is printed.
        found = find_claims(text, source, [*following, "", *self.footnotes])
        self.claims.extend(attrs.evolve(c, id=self.next_id("C")) for c in found)
        return [c.statement for c in found]

    def statement_follows(self, index: int) -> bool:
        """True where a target statement comes within two blocks after ``index``."""
        for block in self.blocks[index + 1 : index + 3]:
            if isinstance(block, Table):
                return False
            if find_targets(block_text(block), block.source):
                return True
        return False

    def attach_trajectory(self, table: Table) -> bool:
        if self.last_target is None:
            return False
        trajectory = read_trajectory(table)
        if trajectory is None:
            return False
        _, target = self.last_target
        updated = apply_trajectory(target, trajectory)
        self.named_targets = [
            (updated if t is target else t, name, owner) for t, name, owner in self.named_targets
        ]
        self.last_target = (self.last_target[0], updated)
        return True

    def objective_block(
        self, index: int, block: Paragraph | ListItem, objective: tuple[str, str], items: list[int]
    ) -> int:
        ref, text = objective
        used = 1
        if text.rstrip().endswith(":") and items:
            listed = [_text(self.blocks[i]).strip() for i in items]
            text = f"{text} {'; '.join(listed)}"
            for i in items:
                self.placed.add(i)
            used = items[-1] - index + 1
        made = self.make_objective(text, ref, block.source)
        owner = self.holder().objectives
        owner.append(made)
        self.objective = made
        self.objective_owner = self.current
        self.placed.add(index)
        return used

    def labelled_list(self, index: int, kind: str, items: list[int]) -> int:
        """ "Objectives:", "Performance indicators:" or "Key actions:" and the list after it."""
        owner = self.current
        for i in items:
            item = self.blocks[i]
            text = " ".join(_text(item).split())
            if kind == "objective":
                made = self.make_objective(text, None, item.source)
                (owner.objectives if owner is not None else self.objectives).append(made)
            elif kind == "indicator":
                if self.targets_from(i, text, item.source):
                    # "How we will measure success: - Reduce X from 27.5% to 25% by 2025".
                    self.placed.add(i)
                    continue
                found = find_indicators(text, item.source) or [
                    Indicator(text=text, scheme="local", source=item.source)
                ]
                (owner.indicators if owner is not None else self.indicators).extend(found)
            else:
                action = Action(id=self.next_id("A"), text=text, source=item.source)
                (owner.actions if owner is not None else self.actions).append(action)
            self.placed.add(i)
        self.placed.add(index)
        return items[-1] - index + 1

    def priorities_from_list(self, items: list[int]) -> None:
        titles = [" ".join(_text(self.blocks[i]).split()).rstrip(".;,") for i in items]
        if self.priority_list is not None and len(self.priority_list) == len(titles):
            # The same priorities named again ("less crime" for "continuing our reduction in
            # crime"): the later wording is another name for each.
            for draft, title in zip(self.priority_list, titles, strict=False):
                draft.aliases.append(title)
        else:
            made: list[_PriorityDraft] = []
            for i, title in zip(items, titles, strict=False):
                existing = self.find_priority(title) if self.priorities else None
                if existing is not None:
                    made.append(existing)
                    continue
                draft = _PriorityDraft(
                    title=title, source=self.blocks[i].source, block=i, stated=True
                )
                self.priorities.append(draft)
                made.append(draft)
            self.priority_list = made
        for i in items:
            self.placed.add(i)
        self.current = None

    def run_in_priorities(self, claims: Sequence[Claim], index: int) -> None:
        """Priorities named in the sentence that counts them ("Our three priorities are
        reducing violence, tackling drug harm and protecting young people."), where the
        items listed are exactly as many as the count and the sentence is about the plan's
        own priorities."""
        for claim in claims:
            figure = claim.figures[0] if claim.figures else None
            if (
                claim.kind is not ClaimKind.COUNT
                or figure is None
                or figure.label != "priorities"
                or len(claim.items) != int(figure.value.value)
                or not _OWN_PRIORITIES.search(claim.statement)
            ):
                continue
            source = self.blocks[index].source
            for title in claim.items:
                self.priorities.append(
                    _PriorityDraft(title=title, source=source, block=index, stated=True)
                )
            return

    def bullet_legend(self, index: int, text: str) -> tuple[str, str] | None:
        """A lone bullet between an action plan's heading and its table, where a marker in the
        action tables has no legend yet: Word turns a "*" bullet into "•", so the legend
        line keeps only its meaning."""
        for symbol, meaning in self.legend.items():
            if " ".join(meaning.lower().split()) == " ".join(text.lower().split()):
                return symbol, meaning  # the same legend repeated above each action plan
        unexplained = [s for s in self.symbols if s not in self.legend]
        if not unexplained or len(text.split()) > 15 or self.current is None:
            return None
        if self.current.actions:
            return None
        before = self.blocks[index - 1] if index > 0 else None
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if isinstance(before, ListItem) or isinstance(after, ListItem):
            return None
        if not isinstance(before, Heading) and not isinstance(after, Table):
            return None
        return unexplained[0], text

    def list_item(self, index: int, block: ListItem) -> int:
        text = block.text.strip()
        legend = legend_entry(text, block.marker, self.symbols) or self.bullet_legend(index, text)
        if legend is not None:
            self.legend.setdefault(legend[0], legend[1])
            self.placed.add(index)
            return 1
        objective = objective_line(text)
        if objective is not None:
            return self.objective_block(index, block, objective, self._following_items(index))
        if self.in_priorities and self.current is None and len(text.split()) <= 12:
            # A plain list of priorities straight under a "Priorities" heading.
            title = " ".join(text.split()).rstrip(".;,")
            if self.find_priority(title) is None:
                self.priorities.append(
                    _PriorityDraft(title=title, source=block.source, block=index, stated=True)
                )
            self.placed.add(index)
            return 1
        statements = self.targets_from(index, text, block.source)
        statements += self.claims_from(text, block.source, ())
        if self.current is not None:
            if self.indicator_line(text, block.source):
                self.placed.add(index)
                return 1
            if self.measures:
                self.current.indicators.append(
                    Indicator(text=text, scheme="local", source=block.source)
                )
            elif self.current.delivery:
                self.current.actions.append(
                    Action(id=self.next_id("A"), text=text, source=block.source)
                )
            else:
                self.current.objectives.append(self.make_objective(text, None, block.source))
            self.placed.add(index)
            return 1
        if _covered(text, statements) >= _PLACED_SHARE * len(text):
            self.placed.add(index)
        return 1

    # ---- tables ----------------------------------------------------------------------------
    def _following_tables(self, index: int) -> list[tuple[int, Table]]:
        """The tables after ``index`` that may continue it, with their block indices; page
        numbers and "continued" lines left between the pieces are stepped over."""
        found: list[tuple[int, Table]] = []
        position = index + 1
        while position < len(self.blocks):
            block = self.blocks[position]
            if isinstance(block, Table):
                found.append((position, block))
            elif not _is_page_furniture(block):
                break
            position += 1
        return found

    def table(self, index: int, block: Table) -> int:
        layout = find_layout(block)
        if layout is not None:
            following = self._following_tables(index)
            joined, used = join_tables(block, layout, [t for _, t in following])
            reading = rows_to_actions(joined, layout)
            if reading.actions or reading.workstreams:
                grouped = layout.column(ColumnKind.PRIORITY) is not None or (
                    any(reading.groups) and self.current is None and self.objective is None
                )
                self.action_table(index, reading, grouped)
                self.placed.add(index)
                last = index
                for position, _ in following[:used]:
                    self.placed.add(position)
                    last = position
                if reading.leftovers:
                    self.partial.setdefault(index, []).append(
                        _rows_unclassified(reading.leftovers, block.source)
                    )
                return last - index + 1
        trajectory = read_trajectory(block)
        near = self.last_target is not None and index - self.last_target[0] <= 2
        if trajectory is not None and near and self.attach_trajectory(block):
            self.placed.add(index)
            return 1
        if trajectory is not None and self.statement_follows(index):
            self.pending_trajectory = (index, block)
            return 1
        table_targets = targets_from_table(block)
        if table_targets:
            # A table of targets by period, one labelled row each, with no statement beside.
            owner = self.holder().targets
            owner.extend(self.number_target(t) for t in table_targets)
            self.placed.add(index)
            self.indicator_table(index, block)  # rows led by indicator codes name them too
            return 1
        members = table_to_memberships(block, self.last_heading)
        if members is not None:
            self.memberships.extend(members.members)
            self.placed.add(index)
            if self.last_heading_index is not None and index - self.last_heading_index <= 2:
                # The heading names the group, and lives on in each membership.
                self.placed.add(self.last_heading_index)
            if members.leftovers:
                self.partial.setdefault(index, []).append(
                    _rows_unclassified(members.leftovers, block.source)
                )
            return 1
        if self.indicator_table(index, block):
            return 1
        return 1

    def indicator_table(self, index: int, block: Table) -> bool:
        """A table listing indicators by code, one a row ("NI 16 | Serious acquisitive crime
        rate | ..."): the indicators go to the open priority, else to the plan. The other
        cells (baselines, targets) are left to the target readers and stay unclassified."""
        rows = [r for r in block.rows if any(not c.is_empty for c in r.cells)]
        found: list[Indicator] = []
        coded = 0
        for row in rows:
            head = " ".join(" ".join(c.text.split()) for c in row.cells[:2])
            indicators = [i for i in find_indicators(head, row.source) if i.code]
            if indicators:
                coded += 1
                found.append(indicators[0])
        if not rows or coded < max(2, (len(rows) + 1) // 2):
            return False
        owner = self.holder().indicators
        owner.extend(found)
        return True

    def action_table(self, index: int, reading: ActionTableReading, grouped: bool) -> None:
        owner = self.current
        objective_id = self.objective.id if self.objective is not None else None
        if grouped:
            owner = None
        titled = next(
            (
                i
                for i in reading.preamble
                if i.kind == "text" and action_plan_title(i.text) and not _generic_heading(i.text)
            ),
            None,
        )
        if titled is not None and not grouped:
            # "Domestic Abuse Action Plan" in a row of the table's own: that plan's priority.
            title = action_plan_title(titled.text)
            assert title is not None
            owner = self.find_priority(title) if self.priorities else None
            if owner is None or owner.actions:
                owner = self.open_priority(title, titled.source, None)
            self.current = owner
            reading = attrs.evolve(
                reading, preamble=tuple(i for i in reading.preamble if i is not titled)
            )
        if owner is None and not grouped and self.objective is None:
            source = reading.actions[0].source if reading.actions else SourceRef()
            recent = (
                self.last_heading is not None
                and self.last_heading_index is not None
                and index - self.last_heading_index <= 3
                and not _generic_heading(self.last_heading)
            )
            if recent:
                # An action table right under a heading is that heading's action plan.
                assert self.last_heading is not None and self.last_heading_index is not None
                owner = self.open_priority(self.last_heading, source, self.last_heading_index)
                self.placed.add(self.last_heading_index)
            elif _has_plan_preamble(reading):
                owner = self.open_priority("Action plan", source, None)
        used = {a.workstream for a in reading.actions if a.workstream}
        self.preamble_claims(reading.preamble)
        if owner is not None:
            left = self.preamble_to(owner, reading.preamble, used)
            for workstream in reading.workstreams:
                if not any(
                    w.ref == workstream.ref and w.title == workstream.title
                    for w in owner.workstreams
                ):
                    owner.workstreams.append(workstream)
        else:
            left = self.preamble_to(None, reading.preamble, used)
            left += [
                PreambleItem("workstream", w.title, w.ref, w.source)
                for w in reading.workstreams
                if w.title not in used
                and not any(i.kind == "workstream" and i.text == w.title for i in left)
            ]
        for item in left:
            self.partial.setdefault(index, []).append(
                Unclassified(kind="table", text=item.text, source=item.source)
            )
        group_owner: _PriorityDraft | None = None
        last_group: str | None = None
        stated: set[tuple[str, SourceRef]] = set()
        column_objectives: dict[str, str] = {}
        for action, group, objective_text in zip(
            reading.actions, reading.groups, reading.objectives, strict=False
        ):
            home = owner
            if grouped and group:
                if group != last_group:
                    group_owner = self.find_priority(group) or _new_group(
                        self, group, action.source
                    )
                    last_group = group
                home = group_owner
            serves = objective_id
            if objective_text:
                # An objective column: each distinct objective once, its actions linked to it.
                if objective_text not in column_objectives:
                    made = self.make_objective(objective_text, None, action.source)
                    (home.objectives if home is not None else self.objectives).append(made)
                    column_objectives[objective_text] = made.id
                serves = column_objectives[objective_text]
            numbered = attrs.evolve(action, id=self.next_id("A"), objective=serves)
            (home.actions if home is not None else self.actions).append(numbered)
            for target in _cell_targets(numbered):
                if (target.statement, target.source) in stated:
                    continue  # one row's measure shared by the actions of its bullets
                stated.add((target.statement, target.source))
                (home.targets if home is not None else self.targets).append(
                    self.number_target(target)
                )

    def preamble_claims(self, items: Sequence[PreambleItem]) -> None:
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

    def preamble_to(
        self, owner: _PriorityDraft | None, items: Sequence[PreambleItem], used: set[str]
    ) -> list[PreambleItem]:
        """Give the cells above an action table's rows to ``owner`` (or the plan); returns
        the items nothing could hold, so they are kept as unclassified. ``used`` holds the
        workstream titles the table's actions carry."""
        left: list[PreambleItem] = []
        for item in items:
            if item.kind == "objective":
                made = self.make_objective(item.text, item.ref, item.source)
                (owner.objectives if owner is not None else self.objectives).append(made)
            elif item.kind == "indicator":
                found = find_indicators(item.text, item.source) or [
                    Indicator(text=item.text, scheme="local", source=item.source)
                ]
                (owner.indicators if owner is not None else self.indicators).extend(found)
            elif item.kind == "review" and owner is not None and owner.review is None:
                owner.review = parse_timescale(item.text)
            elif item.kind == "workstream" and (owner is not None or item.text in used):
                continue  # held by the priority's workstreams, or by the actions' workstream
            elif item.kind == "text":
                legend = legend_entry(item.text, None, self.symbols)
                if legend is not None:
                    self.legend.setdefault(legend[0], legend[1])
                elif owner is not None:
                    owner.description.append(item.text)
                else:
                    left.append(item)
            else:
                left.append(item)
        return left

    # ---- after the walk ----------------------------------------------------------------------
    def place_named_targets(self) -> None:
        for target, name, open_priority in self.named_targets:
            owner = self.find_priority(name) if name else None
            if owner is None:
                owner = open_priority
            if owner is not None:
                owner.targets.append(target)
            else:
                self.targets.append(target)


_OWN_PRIORITIES = re.compile(
    r"\b(?:our|the\s+partnership'?s|this\s+plan'?s|the\s+plan'?s)\s+(?:\w+\s+){0,3}priorities\s+(?:are|will\s+be)\b"
    r"|\b(?:we|the\s+partnership|this\s+plan)\s+(?:has|have|will\s+focus\s+on)\s+(?:\w+\s+){0,3}priorities\b",
    re.IGNORECASE,
)
"""A sentence about the plan's own priorities, as against "two of the county's priorities"."""
_LEADING_NUMBER = re.compile(r"^(?P<ref>\d{1,2}(?:\.\d{1,2})?)[.):]?\s+(?P<title>\S.*)$")
"""A heading's own number: "1. Reducing Violent Crime"."""
_WE_WILL = re.compile(r"\bwe\s+will(?:\s+do)?\s*:\s*$", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\(?(?:continued|cont(?:'d|\.)?)\)?\.?$",
    re.IGNORECASE,
)


def _is_page_furniture(block: Block) -> bool:
    """A page number or "continued" line that a text export left between table pieces."""
    if isinstance(block, Table):
        return False
    return bool(_FURNITURE.match(" ".join(block_text(block).split())))


def _covered(text: str, statements: Sequence[str]) -> int:
    """How many characters of ``text`` the ``statements`` taken from it cover together."""
    marked = [False] * len(text)
    for statement in statements:
        start = text.find(statement) if statement else -1
        if start < 0:
            continue
        for position in range(start, start + len(statement)):
            marked[position] = True
    return sum(marked)


def _text(block: Block) -> str:
    return block_text(block)


_GENERIC_PLAN = re.compile(
    r"^(?:appendix\s+\w{1,3}\W*)?(?:the\s+|our\s+|\w+\s+)?(?:action|delivery|work)\s+plans?\b"
    r"|^(?:\d{1,2}\.?\s+)?(?:the\s+|our\s+)?(?:key\s+|main\s+|planned\s+|partnership\s+)?"
    r"(?:actions?|activities|tasks|deliverables)(?:\s+(?:for\s+)?(?:\d{4}\S*|the\s+year))?\s*$",
    re.IGNORECASE,
)


def _generic_heading(text: str) -> bool:
    """A heading that names no theme ("Action Plan", "Appendix B: Delivery Plan 2009")."""
    cleaned = " ".join(text.split())
    return ends_section(cleaned) or bool(_GENERIC_PLAN.match(cleaned))


def _numbered(block: Block | None) -> bool:
    return isinstance(block, ListItem) and block.marker[:1].isdigit()


def _reads_as_heading(block: Block, following: Block | None, before: Block | None) -> bool:
    """A short untitled line that a text export left as a paragraph or numbered item
    ("Less crime - delivery actions 2011/12", "7. How we will tackle these issues")."""
    if not isinstance(block, (Paragraph, ListItem)):
        return False
    text = " ".join(block.text.split())
    words = text.split()
    if not words or len(words) > 14 or text[-1] in ".;:,!" or "\n" in block.text:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if isinstance(block, ListItem):
        # A numbered line on its own is a section heading; one in a numbered list is an item.
        return (
            _numbered(block)
            and block.level == 0
            and not isinstance(following, ListItem)
            and not _numbered(before)
        )
    return True


def _new_group(builder: _Builder, title: str, source: SourceRef) -> _PriorityDraft:
    draft = _PriorityDraft(title=title, source=source)
    builder.priorities.append(draft)
    return draft


_TARGET_CELL = re.compile(r"^\W{0,3}(?:targets?|aims?)\b", re.IGNORECASE)


def _cell_targets(action: Action) -> list[Target]:
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


def _has_plan_preamble(reading: ActionTableReading) -> bool:
    return any(item.kind in ("objective", "indicator", "review") for item in reading.preamble)


def marker_symbols(blocks: Sequence[Block]) -> tuple[str, ...]:
    """The marker symbols printed after refs in the document's action tables."""
    symbols: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        layout = find_layout(block) if isinstance(block, Table) else None
        if not isinstance(block, Table) or layout is None:
            index += 1
            continue
        tables: list[Table] = []
        for candidate in blocks[index + 1 :]:
            if isinstance(candidate, Table):
                tables.append(candidate)
            elif not _is_page_furniture(candidate):
                break
        joined, used = join_tables(block, layout, tables)
        reading = rows_to_actions(joined, layout)
        for action in reading.actions:
            for marker in action.markers:
                if marker.symbol not in symbols:
                    symbols.append(marker.symbol)
        index += used + 1
    return tuple(symbols)


def _with_marker_meanings(action: Action, legend: dict[str, str]) -> Action:
    if not action.markers:
        return action
    return attrs.evolve(
        action,
        markers=tuple(
            Marker(symbol=m.symbol, meaning=legend.get(m.symbol, m.meaning)) for m in action.markers
        ),
    )


def build_plan(document: Document) -> Plan:
    """Build a Plan from a Document."""
    front = read_front_matter(document.blocks)
    blocks = tuple(expand_rowspans(b) if isinstance(b, Table) else b for b in document.blocks)
    notes = tuple(footnotes(block_text(b) for b in blocks if not isinstance(b, Table)))
    builder = _Builder(blocks=blocks, symbols=marker_symbols(blocks), footnotes=notes)
    builder.walk(front.used)
    if builder.pending_trajectory is not None:
        builder.pending_trajectory = None
    builder.place_named_targets()
    legend = builder.legend
    priorities: list[Priority] = []
    for draft in builder.priorities:
        if draft.is_empty() and not draft.description and not draft.stated:
            if draft.block is not None:
                builder.placed.discard(draft.block)
            continue
        frozen = draft.freeze()
        priorities.append(
            attrs.evolve(
                frozen, actions=tuple(_with_marker_meanings(a, legend) for a in frozen.actions)
            )
        )
    unclassified: list[Unclassified] = []
    for index, block in enumerate(document.blocks):
        if index in builder.partial:
            unclassified.extend(builder.partial[index])
        if index not in builder.placed:
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
        objectives=tuple(builder.objectives),
        targets=tuple(builder.targets),
        actions=tuple(_with_marker_meanings(a, legend) for a in builder.actions),
        indicators=tuple(builder.indicators),
        claims=tuple(builder.claims),
        memberships=tuple(builder.memberships),
        markers=tuple(Marker(symbol=s, meaning=m) for s, m in legend.items()),
        unclassified=tuple(unclassified),
        warnings=(*document.warnings, *builder.warnings),
    )
