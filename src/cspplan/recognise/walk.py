"""The walk: the section state machine over a document's blocks.

The walk holds only what is open (the priority, the objective, the "Priorities" or
"Performance" section, the last heading and target) and, for each block in order, decides
from the block's facts (:mod:`.facts`) and that state what the block opens, closes or
gives; the draft (:mod:`.draft`) decides where each thing goes and keeps the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..deadline import check_deadline
from ..document import Block, Heading, ListItem, Paragraph, Table, block_text
from ..model.plan import Action, Claim, ClaimKind, Indicator, Objective, Target
from ..model.source import SourceRef
from ..model.values import Period
from ..text.patterns import IGNORECASE, lazy
from .draft import PlanDraft, PriorityDraft
from .facts import (
    PRIORITY_TITLE_WORDS,
    HeadingFacts,
    LineFacts,
    TableFacts,
    heading_facts,
    reads_as_heading,
)
from .indicators import find_indicators
from .periods import section_period
from .structure import bare_priority, legend_entry, named_prefix
from .target_assembly import neighbour_paragraphs
from .targets import find_targets
from .walk_tables import (
    NEAR_BLOCKS,
    TABLE_UNDER_HEADING,
    attach_trajectory,
    own_targets,
    read_table,
    read_tables,
)

__all__ = [
    "BULLET_LEGEND_WORDS",
    "LIST_REACH",
    "LONG_BLOCK",
    "NEAR_BLOCKS",
    "TABLE_UNDER_HEADING",
    "Walk",
    "read_tables",
]

LONG_BLOCK = 50_000
"""Characters beyond which a paragraph is kept unclassified without being searched."""
LIST_REACH = 40
"""How many blocks after a paragraph are searched for the list it introduces."""
BULLET_LEGEND_WORDS = 15
"""The most words a lone bullet may have to be the legend of a marker (Word turns "*" into "•")."""
LINE_HEADING_LEVEL = 3
"""The outline level of a line that only reads as a heading (no heading style or ``#``)."""
CAPTION_REACH = 2
"""How many blocks above a table its caption may be (blank lines between are skipped)."""

_OWN_PRIORITIES = lazy(
    r"\b(?:our|the\s+partnership'?s|this\s+plan'?s|the\s+plan'?s)\s+(?:\w+\s+){0,3}priorities\s+(?:are|will\s+be)\b"
    r"|\b(?:we|the\s+partnership|this\s+plan)\s+(?:has|have|will\s+focus\s+on)\s+(?:\w+\s+){0,3}priorities\b",
    IGNORECASE,
)
"""A sentence about the plan's own priorities, as against "two of the county's priorities"."""
_SENTENCE_END = lazy(r"[.;!?]$")
_NAME_END = lazy(r"[.;!?:]$")
"""The end of a line that is a sentence or introduces what follows, so names no priority."""
_DIGIT = lazy(r"\d")
_CAPTION_LABEL = lazy(r"(?:table|figure|appendix|annex)\s+\w{1,4}\b", IGNORECASE)
"""A caption's label ("Table 3:"), which makes a line ending in a full stop a caption still."""


@attrs.define
class Walk:
    """The walk's state: what is open as it goes through the blocks."""

    blocks: Sequence[Block]
    draft: PlanDraft
    tables: dict[int, TableFacts] = attrs.Factory(dict)
    current: PriorityDraft | None = None
    in_priorities: bool = False
    priorities_number: int | None = None
    objective: Objective | None = None
    last_heading: str | None = None
    last_heading_index: int | None = None
    last_target: tuple[int, Target] | None = None
    section_targets: list[tuple[int, Target]] = attrs.Factory(list)
    """Targets stated since the last heading, with their blocks: where a trajectory table
    that does not fit the last target may belong."""
    pending_trajectory: tuple[int, Table] | None = None
    priority_list: list[PriorityDraft] | None = None
    measures: bool = False
    sections: list[tuple[int, Period]] = attrs.Factory(list)
    """The periods the open sections' headings name, with each heading's level, outermost
    first ("Delivery plan 2007/08" over "Burglary")."""
    names_taken: set[int] = attrs.Factory(set)
    """Blocks read as the name of the bare "Priority 3" heading before them."""
    flat_headings: bool = attrs.field(init=False)
    """Every heading of the document has one level, so levels say nothing of nesting (Word
    and PDF exports often flatten them)."""

    @flat_headings.default
    def _flat(self) -> bool:
        return len({b.level for b in self.blocks if isinstance(b, Heading)}) <= 1

    def open_priority(self, title: str, source: SourceRef, index: int | None) -> PriorityDraft:
        """Open a new priority: what follows is its."""
        draft = self.draft.add_priority(title, source, index)
        self.current = draft
        self.objective = None
        return draft

    def close(self) -> None:
        """Close the open priority and objective."""
        self.current = None
        self.objective = None

    def table_facts(self, index: int) -> TableFacts:
        """The facts of the table at ``index``, read once."""
        return self.tables.setdefault(index, TableFacts(self.blocks, index))

    # ---- the walk ----------------------------------------------------------------------------
    def walk(self, front_used: frozenset[int]) -> None:
        """Go through every block in order."""
        index = 0
        blocks = self.blocks
        while index < len(blocks):
            check_deadline()  # cspplan.load's time limit
            block = blocks[index]
            if index in front_used or index in self.names_taken:
                self.draft.place(index)
                index += 1
                continue
            if isinstance(block, Table):
                index += read_table(self, index, block)
                continue
            line = LineFacts(block.text)
            if isinstance(block, Heading) and line.objective is None:
                self.enter_section(block.text, block.level)
            elif line.objective is None and reads_as_heading(
                block,
                blocks[index + 1] if index + 1 < len(blocks) else None,
                blocks[index - 1] if index > 0 else None,
            ):
                self.enter_section(block.text, LINE_HEADING_LEVEL)
            if isinstance(block, Heading) and line.objective is not None:
                index += self.paragraph(index, Paragraph(text=block.text, source=block.source))
                continue
            if isinstance(block, Heading):
                self.heading(index, block, heading_facts(block.text))
            elif line.objective is None and reads_as_heading(
                block,
                blocks[index + 1] if index + 1 < len(blocks) else None,
                blocks[index - 1] if index > 0 else None,
            ):
                strong = isinstance(block, Paragraph) and block.emphasis
                handled = self.heading(
                    index,
                    Heading(text=block.text, level=LINE_HEADING_LEVEL, source=block.source),
                    heading_facts(block.text),
                    opens=strong,
                    closes=strong or isinstance(block, ListItem),
                )
                if handled:
                    if index not in self.draft.placed:
                        # A heading-like line that opened nothing is still checked for targets.
                        statements = self.targets_from(index, block.text, block.source)
                        self.draft.place_if_covered(index, block.text, statements)
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

    # ---- section periods ---------------------------------------------------------------------
    def enter_section(self, text: str, level: int) -> None:
        """A heading at ``level`` closes the sections at its level or deeper, and where it
        names a period ("What we will do in 2019/20") that period holds beneath it.

        Where every heading has one level (:attr:`flat_headings`), a heading closes an open
        period only by naming one of its own: the panel headings under "Year 1 - 2005/06"
        then stand level with it while they belong to it."""
        period = section_period(text)
        closes_level = period is not None or not self.flat_headings
        while self.sections and (
            self.sections[-1][0] > level or (closes_level and self.sections[-1][0] == level)
        ):
            self.sections.pop()
        if period is not None:
            self.sections.append((level, period))

    def section_period(self) -> Period | None:
        """The period the innermost open section's heading names, if any."""
        return self.sections[-1][1] if self.sections else None

    def caption_period(self, index: int) -> Period | None:
        """The period the caption right above the table at ``index`` names ("Table 3:
        Actions for 2019/20.", "Our projects for 2012/13:"), else the open section's. A
        sentence above a table is not its caption: its years may be anything."""
        for block in reversed(self.blocks[max(0, index - CAPTION_REACH) : index]):
            if isinstance(block, Table):
                break
            text = " ".join(block_text(block).split())
            if not text:
                continue
            if not _SENTENCE_END.search(text) or _CAPTION_LABEL.match(text):
                period = section_period(text)
                if period is not None:
                    return period
            break
        return self.section_period()

    def dated(self, action: Action, period: Period | None) -> Action:
        """``action`` set out for ``period``, where one is named."""
        return action if period is None else attrs.evolve(action, period=period)

    # ---- headings ----------------------------------------------------------------------------
    def heading(
        self,
        index: int,
        block: Heading,
        facts: HeadingFacts,
        opens: bool = True,
        closes: bool = True,
    ) -> bool:
        """Read a heading; returns False where it changed nothing.

        ``opens`` is False for a line that only looks like a heading: it may re-open a
        priority or end a section, but never starts a new priority. ``closes`` is False
        where such a line, matching nothing, should not end the open priority either.
        """
        text = facts.text
        if facts.action_plan is not None:
            self.last_heading = text
            found = self.draft.find_priority(facts.action_plan) if self.draft.priorities else None
            if found is not None and not found.actions:
                # A priority named earlier ("our priorities are: ...") gets its action plan.
                self.current = found
                self.objective = None
            else:
                self.open_priority(facts.action_plan, block.source, index)
            self.draft.place(index)
            return True
        if facts.numbered_priority is not None:
            self.numbered_priority(index, block, facts.numbered_priority)
            return True
        name = self.name_after(index) if facts.bare_priority is not None else None
        if facts.bare_priority is not None and name is not None:
            # "Priority 3" with its name on the next line, as a PDF's two-line heading is.
            self.names_taken.add(name[0])
            self.numbered_priority(index, block, (facts.bare_priority, name[1]))
            return True
        if facts.priorities:
            self.in_priorities = True
            self.priorities_number = facts.number
            self.measures = False
            self.close()
            return True
        if (
            self.current is not None
            and opens
            and facts.number is None
            and facts.part
            and not (self.current.level is not None and block.level < self.current.level)
        ):
            # "What we will do", "How will we know ...?", "Why is this a priority?": a part of
            # the open priority, telling what the lists under it are.
            self.measures = facts.measures
            if not self.measures and facts.delivery:
                self.current.delivery = True
            self.draft.place(index)
            return True
        if facts.measures:
            self.measures = True
            self.close()
            return True
        if self.ends_section(facts):
            self.in_priorities = False
            self.measures = False
            self.close()
            return True
        if facts.sub_label and self.current is not None:
            return opens
        if self.current is not None and self.indicator_line(text, block.source):
            # "NI35 Building Resilience to Violent Extremism" set out as a heading.
            self.draft.place(index)
            return True
        existing = self.draft.find_priority(text) if self.draft.priorities else None
        if existing is not None and (self.in_priorities or facts.delivery or self.measures):
            self.current = existing
            existing.delivery = existing.delivery or facts.delivery
            self.objective = None
            self.draft.place(index)
            return True
        if self.in_priorities and opens and facts.words <= PRIORITY_TITLE_WORDS:
            ref, title = facts.leading if facts.leading else (None, text)
            draft = self.open_priority(title, block.source, index)
            draft.ref = ref
            draft.level = block.level
            draft.stated = True
            draft.delivery = facts.delivery
            self.draft.place(index)
            return True
        if not closes:
            return False
        self.section_targets = []
        self.last_heading = text
        self.last_heading_index = index
        self.measures = False
        self.close()
        return True

    def name_after(self, index: int) -> tuple[int, str] | None:
        """The block after ``index`` and its text where it reads as a priority's name: a
        short line of words, not a sentence, holding no figure (which may be a target)."""
        if index + 1 >= len(self.blocks):
            return None
        block = self.blocks[index + 1]
        if not isinstance(block, (Heading, Paragraph)):
            return None
        text = " ".join(block.text.split())
        if (
            not text
            or len(text.split()) > PRIORITY_TITLE_WORDS
            or _NAME_END.search(text)
            or _DIGIT.search(text)
            or heading_facts(text).numbered_priority is not None
            or bare_priority(text) is not None
        ):
            return None
        return index + 1, text

    def numbered_priority(self, index: int, block: Heading, numbered: tuple[str, str]) -> None:
        """ "Priority 2: Hate crime" opens that priority, or the one named so earlier."""
        ref, name = numbered
        self.last_heading = " ".join(block.text.split())
        self.last_heading_index = index
        draft = self.draft.find_priority(name) if self.draft.priorities else None
        if draft is None or draft.actions:
            draft = self.open_priority(name, block.source, index)
            draft.stated = True
        draft.ref = draft.ref or ref
        draft.level = block.level
        self.current = draft
        self.objective = None
        self.measures = False
        self.draft.place(index)

    def ends_section(self, facts: HeadingFacts) -> bool:
        """True where a heading ends the open section: "Performance", "Review", or within
        the priorities a generic heading or a new section number."""
        return (
            facts.ends
            or (self.in_priorities and facts.generic)
            or (
                self.in_priorities
                and facts.number is not None
                and self.priorities_number is not None
                and facts.number != self.priorities_number
            )
        )

    # ---- paragraphs and lists ----------------------------------------------------------------
    def _following_items(self, index: int) -> list[int]:
        found: list[int] = []
        for position in range(index + 1, min(len(self.blocks), index + LIST_REACH)):
            block = self.blocks[position]
            if isinstance(block, ListItem):
                found.append(position)
            elif found or not isinstance(block, Paragraph) or block.text.strip():
                break
        return found

    def paragraph(self, index: int, block: Paragraph) -> int:
        """Read a paragraph; returns how many blocks it used."""
        text = block.text.strip()
        if not text:
            self.draft.place(index)
            return 1
        if len(text) > LONG_BLOCK:
            # No plan writes a paragraph this long: it is a conversion that lost its line
            # breaks, or hostile input. It is kept whole as unclassified, unsearched, so that
            # one block cannot hold up the reading of the rest.
            self.draft.warnings.append(
                f"{block.source}: a paragraph of {len(text):,} characters was kept unclassified"
                f" without looking for targets or claims (longer than {LONG_BLOCK:,})"
            )
            return 1
        legend = legend_entry(text, None, self.draft.symbols)
        if legend is not None:
            self.draft.note_legend(*legend)
            self.draft.place(index)
            return 1
        facts = LineFacts(text)
        items = self._following_items(index)
        item_texts = [block_text(self.blocks[i]) for i in items]
        before = len(self.draft.claims)
        depths = [
            b.depth if isinstance(b, ListItem) else 0 for b in (self.blocks[i] for i in items)
        ]
        claimed = self.draft.claims_from(text, block.source, item_texts, depths)
        if not items and not self.draft.priorities:
            self.run_in_priorities(self.draft.claims[before:], index)
        if facts.objective is not None:
            return self.objective_block(index, block, facts.objective, items)
        if facts.priorities_intro and items:
            self.priorities_from_list(items)
            self.draft.place(index)
            return 1
        if facts.list_kind is not None and items:
            return self.labelled_list(index, facts.list_kind, items)
        statements = self.targets_from(index, text, block.source) + claimed
        if self.current is not None and items and facts.we_will:
            # "We will:" introduces what will be done: the list after it is actions.
            self.current.delivery = True
            self.current.description.append(text)
            self.draft.place(index)
            return 1
        if self.current is not None and facts.sub_label:
            return 1
        if self.current is not None and not self.current.actions:
            if not self.indicator_line(text, block.source):
                self.current.description.append(text)
            self.draft.place(index)
            return 1
        if self.current is not None and self.indicator_line(text, block.source):
            self.draft.place(index)
            return 1
        self.draft.place_if_covered(index, text, statements)
        return 1

    def indicator_line(self, text: str, source: SourceRef) -> bool:
        """A block that only lists indicators ("NI 20 Reduce the number of assaults ..."):
        they go to the open priority, else to the plan."""
        lines = [line for line in text.split("\n") if line.strip()]
        found = find_indicators(text, source)
        if not found or len(found) < len(lines):
            return False
        self.draft.home(self.current).indicators.extend(found)
        return True

    def targets_from(self, index: int, text: str, source: SourceRef) -> list[str]:
        """Targets stated in a block; returns their statements."""
        found = find_targets(text, source, *neighbour_paragraphs(self.blocks, index))
        prefix = named_prefix(text) if found else None
        for target in found:
            numbered = self.draft.number_target(target)
            self.draft.name_target(numbered, prefix or "", self.current)
            self.last_target = (index, numbered)
            self.section_targets.append((index, numbered))
            pending = self.pending_trajectory
            if pending is not None and index - pending[0] <= NEAR_BLOCKS:
                trajectory = self.table_facts(pending[0]).trajectory
                self.pending_trajectory = None
                if trajectory is not None and not attach_trajectory(self, trajectory):
                    # It fits no target stated beside it: it is a target of its own.
                    own_targets(self, pending[0])
                self.draft.place(pending[0])
        return [t.statement for t in found]

    def objective_block(
        self, index: int, block: Paragraph | ListItem, objective: tuple[str, str], items: list[int]
    ) -> int:
        """ "Objective 2 ..." (with the list after it where it ends with a colon)."""
        ref, text = objective
        used = 1
        if text.rstrip().endswith(":") and items:
            listed = [block_text(self.blocks[i]).strip() for i in items]
            text = f"{text} {'; '.join(listed)}"
            for i in items:
                self.draft.place(i)
            used = items[-1] - index + 1
        made = self.draft.make_objective(text, ref, block.source)
        self.draft.home(self.current).objectives.append(made)
        self.objective = made
        self.draft.place(index)
        return used

    def labelled_list(self, index: int, kind: str, items: list[int]) -> int:
        """ "Objectives:", "Performance indicators:" or "Key actions:" and the list after it."""
        home = self.draft.home(self.current)
        for i in items:
            item = self.blocks[i]
            text = " ".join(block_text(item).split())
            if kind == "objective":
                home.objectives.append(self.draft.make_objective(text, None, item.source))
            elif kind == "indicator":
                if self.targets_from(i, text, item.source):
                    # "How we will measure success: - Reduce X from 27.5% to 25% by 2025".
                    self.draft.place(i)
                    continue
                home.indicators.extend(
                    find_indicators(text, item.source)
                    or [Indicator(text=text, scheme="local", source=item.source)]
                )
            else:
                action = self.draft.new_action(text, item.source)
                home.actions.append(self.dated(action, self.section_period()))
            self.draft.place(i)
        self.draft.place(index)
        return items[-1] - index + 1

    def priorities_from_list(self, items: list[int]) -> None:
        """The list after "Our priorities are:" names the plan's priorities."""
        titles = [" ".join(block_text(self.blocks[i]).split()).rstrip(".;,") for i in items]
        if self.priority_list is not None and len(self.priority_list) == len(titles):
            # The same priorities named again ("less crime" for "continuing our reduction in
            # crime"): the later wording is another name for each.
            for draft, title in zip(self.priority_list, titles, strict=False):
                self.draft.add_alias(draft, title)
        else:
            made: list[PriorityDraft] = []
            for i, title in zip(items, titles, strict=False):
                existing = self.draft.find_priority(title) if self.draft.priorities else None
                made.append(
                    existing
                    or self.draft.add_priority(title, self.blocks[i].source, i, stated=True)
                )
            self.priority_list = made
        for i in items:
            self.draft.place(i)
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
                self.draft.add_priority(title, source, index, stated=True)
            return

    def bullet_legend(self, index: int, text: str) -> tuple[str, str] | None:
        """A lone bullet between an action plan's heading and its table, where a marker in the
        action tables has no legend yet: Word turns a "*" bullet into "•", so the legend
        line keeps only its meaning."""
        for symbol, meaning in self.draft.legend.items():
            if " ".join(meaning.lower().split()) == " ".join(text.lower().split()):
                return symbol, meaning  # the same legend repeated above each action plan
        unexplained = [s for s in self.draft.symbols if s not in self.draft.legend]
        if not unexplained or len(text.split()) > BULLET_LEGEND_WORDS or self.current is None:
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
        """Read a list item; returns how many blocks it used."""
        text = block.text.strip()
        legend = legend_entry(text, block.marker, self.draft.symbols) or self.bullet_legend(
            index, text
        )
        if legend is not None:
            self.draft.note_legend(*legend)
            self.draft.place(index)
            return 1
        facts = LineFacts(text)
        if facts.objective is not None:
            return self.objective_block(index, block, facts.objective, self._following_items(index))
        if self.in_priorities and self.current is None and facts.words <= PRIORITY_TITLE_WORDS:
            # A plain list of priorities straight under a "Priorities" heading.
            title = " ".join(text.split()).rstrip(".;,")
            if self.draft.find_priority(title) is None:
                self.draft.add_priority(title, block.source, index, stated=True)
            self.draft.place(index)
            return 1
        statements = self.targets_from(index, text, block.source)
        statements += self.draft.claims_from(text, block.source, ())
        if self.current is not None:
            if self.indicator_line(text, block.source):
                self.draft.place(index)
                return 1
            if self.measures:
                self.current.indicators.append(
                    Indicator(text=text, scheme="local", source=block.source)
                )
            elif self.current.delivery:
                action = self.draft.new_action(text, block.source)
                self.current.actions.append(self.dated(action, self.section_period()))
            else:
                self.current.objectives.append(self.draft.make_objective(text, None, block.source))
            self.draft.place(index)
            return 1
        self.draft.place_if_covered(index, text, statements)
        return 1
