"""Block facts: what one block is, said by pure functions of the block alone.

The walk (:mod:`.walk`) decides what a block does to the plan from these facts and from
where it is; the facts themselves never look at the walk's state, so each can be tested on
a line of text or a small table:

- :func:`heading_facts`: what a heading says about the plan's outline (an action plan, a
  numbered priority, a "Priorities" heading, a part of a priority's section, the end of a
  section, ...);
- :class:`LineFacts`: what a paragraph or list item says (an objective line, a list label,
  an "our priorities are:" introduction, a "we will:" line), each fact worked out once, on
  first use, so a block the walk places early never pays for the rest;
- :func:`reads_as_heading` and :func:`is_page_furniture`: lines a text export left as
  paragraphs that stand for a heading, or for a page number between table pieces;
- :class:`TableFacts` and :func:`table_role`: the role a table plays (an action table, a
  trajectory, a table of targets, a membership list, a table of indicators), each reading
  made once per table.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from functools import cached_property

import attrs

from ..document import Block, ListItem, Paragraph, Table, block_text
from ..model.plan import Indicator, Target
from ..text.furniture import TEXT_PAGE_FURNITURE
from ..text.patterns import IGNORECASE, lazy
from .actions import ActionTableReading, rows_to_actions
from .indicator_tables import IndicatorTable, read_indicator_table
from .indicators import find_indicators
from .memberships import table_to_memberships
from .structure import (
    action_plan_title,
    bare_priority,
    ends_section,
    is_delivery_heading,
    is_measures_heading,
    is_priorities_heading,
    is_priorities_intro,
    is_priority_part,
    is_sub_label,
    list_label,
    objective_line,
    priority_heading,
    section_number,
)
from .tables import ColumnKind, TableLayout, find_layout, join_tables
from .trajectory import Trajectory, read_trajectory, targets_from_table

__all__ = [
    "HEADING_WORDS",
    "PRIORITY_TITLE_WORDS",
    "ActionTable",
    "HeadingFacts",
    "LineFacts",
    "TableFacts",
    "TableRole",
    "coded_indicators",
    "generic_heading",
    "heading_facts",
    "is_page_furniture",
    "reads_as_heading",
    "table_role",
]

HEADING_WORDS = 14
"""The most words a paragraph or numbered line may have and still stand for a heading."""
PRIORITY_TITLE_WORDS = 12
"""The most words a heading or list item under "Priorities" may have to name a priority."""

_LEADING_NUMBER = lazy(r"^(?P<ref>\d{1,2}(?:\.\d{1,2})?)[.):]?\s+(?P<title>\S.*)$")
"""A heading's own number: "1. Reducing Violent Crime"."""
_WE_WILL = lazy(r"\bwe\s+will(?:\s+do)?\s*:\s*$", IGNORECASE)
"""A line that introduces what will be done: "We will:"."""
_GENERIC_PLAN = lazy(
    r"^(?:appendix\s+\w{1,3}\W*)?(?:the\s+|our\s+|\w+\s+)?(?:action|delivery|work)\s+plans?\b"
    r"|^(?:\d{1,2}\.?\s+)?(?:the\s+|our\s+)?(?:key\s+|main\s+|planned\s+|partnership\s+)?"
    r"(?:actions?|activities|tasks|deliverables)(?:\s+(?:for\s+)?(?:\d{4}\S*|the\s+year))?\s*$",
    IGNORECASE,
)
"""A heading that names no theme: "Action Plan", "Appendix B: Delivery Plan 2009"."""


def generic_heading(text: str) -> bool:
    """A heading that names no theme ("Action Plan", "Appendix B: Delivery Plan 2009")."""
    cleaned = " ".join(text.split())
    return ends_section(cleaned) or bool(_GENERIC_PLAN.match(cleaned))


@attrs.frozen(slots=True)
class HeadingFacts:
    """What a heading's text says about the plan's outline.

    Attributes:
        text: The heading with its spacing normalised.
        number: The section number it opens with ("3. Priorities" is 3).
        action_plan: Its text where it names an action plan ("Property Crime Action Plan").
        numbered_priority: ``(ref, title)`` where it numbers a priority ("Priority 2: Hate crime").
        bare_priority: The ref where it numbers a priority without its name ("Priority 2").
        priorities: It introduces the plan's priorities ("Our Priorities").
        part: It names a part of a priority's section ("What we will do").
        measures: It introduces how success is measured.
        delivery: It introduces what will be done ("delivery actions").
        ends: It starts a part of the plan that holds no priorities ("Performance", "Review").
        generic: It names no theme ("Action Plan") or ends a section.
        sub_label: It only labels what follows ("LAA Targets;").
        words: How many words it has.
        leading: ``(ref, title)`` where it opens with its own number ("1. Reducing crime").
    """

    text: str
    number: int | None
    action_plan: str | None
    numbered_priority: tuple[str, str] | None
    bare_priority: str | None
    priorities: bool
    part: bool
    measures: bool
    delivery: bool
    ends: bool
    generic: bool
    sub_label: bool
    words: int
    leading: tuple[str, str] | None


def heading_facts(text: str) -> HeadingFacts:
    """The facts of a heading's text.

    >>> heading_facts("Priority 2: Hate crime").numbered_priority
    ('2', 'Hate crime')
    """
    cleaned = " ".join(text.split())
    leading = _LEADING_NUMBER.match(cleaned)
    return HeadingFacts(
        text=cleaned,
        number=section_number(cleaned),
        action_plan=action_plan_title(cleaned),
        numbered_priority=priority_heading(cleaned),
        bare_priority=bare_priority(cleaned),
        priorities=is_priorities_heading(cleaned),
        part=is_priority_part(cleaned),
        measures=is_measures_heading(cleaned),
        delivery=is_delivery_heading(cleaned),
        ends=ends_section(cleaned),
        generic=generic_heading(cleaned),
        sub_label=is_sub_label(cleaned),
        words=len(cleaned.split()),
        leading=(leading.group("ref"), leading.group("title")) if leading else None,
    )


class LineFacts:
    """What a paragraph's or list item's text says, each fact worked out once when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def objective(self) -> tuple[str, str] | None:
        """``(ref, text)`` where the line states a numbered objective ("Objective 2 ...")."""
        return objective_line(self.text)

    @cached_property
    def list_kind(self) -> str | None:
        """``objective``, ``indicator`` or ``action`` where the line labels the list after it."""
        return list_label(self.text)

    @cached_property
    def priorities_intro(self) -> bool:
        """The line introduces a list of the plan's own priorities ("Our priorities are:")."""
        return is_priorities_intro(self.text)

    @cached_property
    def we_will(self) -> bool:
        """The line ends "we will:", so the list after it is what will be done."""
        return _WE_WILL.search(self.text) is not None

    @cached_property
    def sub_label(self) -> bool:
        """The line only labels what follows ("LAA Targets;", "We aim to:")."""
        return is_sub_label(self.text)

    @cached_property
    def words(self) -> int:
        """How many words the line has."""
        return len(self.text.split())


def is_page_furniture(block: Block) -> bool:
    """A page number or "continued" line that a text export left between table pieces."""
    if isinstance(block, Table):
        return False
    return bool(TEXT_PAGE_FURNITURE.match(" ".join(block_text(block).split())))


def _numbered(block: Block | None) -> bool:
    return isinstance(block, ListItem) and block.marker[:1].isdigit()


def reads_as_heading(block: Block, following: Block | None, before: Block | None) -> bool:
    """A short untitled line that a text export left as a paragraph or numbered item
    ("Less crime - delivery actions 2011/12", "7. How we will tackle these issues")."""
    if not isinstance(block, (Paragraph, ListItem)):
        return False
    text = " ".join(block.text.split())
    words = text.split()
    if not words or len(words) > HEADING_WORDS or text[-1] in ".;:,!" or "\n" in block.text:
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


INDICATOR_HEAD_CELLS = 2
"""How many leading cells of a row are searched for its indicator code."""
INDICATOR_TABLE_ROWS = 2
"""The fewest rows led by an indicator code that make a table of indicators (and at least
half its rows must be)."""


def coded_indicators(table: Table) -> list[Indicator] | None:
    """The indicators a table lists by code, one a row ("NI 16 | Serious acquisitive crime
    rate | ..."), or ``None`` where too few of its rows are led by a code."""
    rows = [r for r in table.rows if any(not c.is_empty for c in r.cells)]
    found: list[Indicator] = []
    for row in rows:
        head = " ".join(" ".join(c.text.split()) for c in row.cells[:INDICATOR_HEAD_CELLS])
        indicators = [i for i in find_indicators(head, row.source) if i.code]
        if indicators:
            found.append(indicators[0])
    if not rows or len(found) < max(INDICATOR_TABLE_ROWS, (len(rows) + 1) // 2):
        return None
    return found


@attrs.frozen(slots=True)
class ActionTable:
    """An action table read once: its columns, its pieces after page breaks, its rows.

    Attributes:
        layout: Its columns.
        reading: What its rows hold, joined across the pieces.
        pieces: The block indices of the later tables that continue it.
    """

    layout: TableLayout
    reading: ActionTableReading
    pieces: tuple[int, ...]

    @property
    def holds_actions(self) -> bool:
        """True where the table gives actions or areas of work (else it plays another role)."""
        return bool(self.reading.actions or self.reading.workstreams)

    @property
    def has_priority_column(self) -> bool:
        """True where a "Priority" column sorts the rows into priorities."""
        return self.layout.column(ColumnKind.PRIORITY) is not None


def _following_tables(blocks: Sequence[Block], index: int) -> list[tuple[int, Table]]:
    """The tables after ``index`` that may continue it, with their block indices; page
    numbers and "continued" lines left between the pieces are stepped over."""
    found: list[tuple[int, Table]] = []
    position = index + 1
    while position < len(blocks):
        block = blocks[position]
        if isinstance(block, Table):
            found.append((position, block))
        elif not is_page_furniture(block):
            break
        position += 1
    return found


def read_action_table(blocks: Sequence[Block], index: int) -> ActionTable | None:
    """The action table that starts at ``blocks[index]``, joined with the pieces after it,
    or ``None`` where that block is no action table."""
    block = blocks[index]
    layout = find_layout(block) if isinstance(block, Table) else None
    if layout is None or not isinstance(block, Table):
        return None
    following = _following_tables(blocks, index)
    joined, used = join_tables(block, layout, [t for _, t in following])
    return ActionTable(
        layout=layout,
        reading=rows_to_actions(joined, layout),
        pieces=tuple(position for position, _ in following[:used]),
    )


class TableFacts:
    """The readings of the table at ``blocks[index]``, each made once when first asked."""

    def __init__(self, blocks: Sequence[Block], index: int) -> None:
        table = blocks[index]
        assert isinstance(table, Table)
        self.blocks = blocks
        self.index = index
        self.table = table

    @cached_property
    def action(self) -> ActionTable | None:
        """The action table starting here, joined across page breaks."""
        return read_action_table(self.blocks, self.index)

    @cached_property
    def performance(self) -> IndicatorTable | None:
        """A performance table: targets with outturns, or figures with a stated change,
        direction of travel or RAG rating, one indicator a row."""
        return read_indicator_table(self.table, performance_only=True)

    @cached_property
    def trajectory(self) -> Trajectory | None:
        """A row of periods and a row of figures: the yearly path to a target."""
        return read_trajectory(self.table)

    @cached_property
    def targets(self) -> list[Target]:
        """Targets by period, one labelled row each (without ids)."""
        return targets_from_table(self.table)

    @cached_property
    def indicators(self) -> list[Indicator] | None:
        """The indicators the table lists by code, one a row."""
        return coded_indicators(self.table)


class TableRole(str, enum.Enum):
    """The role a table plays in a plan, judged from the table alone."""

    ACTION = "action"
    TRAJECTORY = "trajectory"
    PERFORMANCE = "performance"
    MEMBERSHIP = "membership"
    INDICATOR = "indicator"
    OTHER = "other"


def table_role(table: Table, group: str | None = None) -> TableRole:
    """The role ``table`` plays on its own, tried in the walk's order: an action table (one
    that gives actions), a performance table (outturns, changes, trends or ratings by
    indicator), a trajectory, a table of targets by period, a list of members of
    ``group``, a list of indicators by code. Where the table stands in the document can still
    change what the walk does with it (a trajectory far from any target is left alone)."""
    facts = TableFacts((table,), 0)
    if facts.action is not None and facts.action.holds_actions:
        return TableRole.ACTION
    if facts.performance is not None:
        return TableRole.PERFORMANCE
    if facts.trajectory is not None:
        return TableRole.TRAJECTORY
    if facts.targets:
        return TableRole.PERFORMANCE
    if table_to_memberships(table, group) is not None:
        return TableRole.MEMBERSHIP
    if facts.indicators is not None:
        return TableRole.INDICATOR
    return TableRole.OTHER
