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

from ..document import Document, Table, block_text
from ..model.plan import Plan
from .claims import footnotes
from .draft import PlanDraft, to_unclassified
from .front import read_front_matter
from .tables import expand_rowspans
from .walk import LONG_BLOCK, Walk, read_tables

__all__ = ["LONG_BLOCK", "build_plan", "to_unclassified"]


def build_plan(document: Document) -> Plan:
    """Build a Plan from a Document."""
    front = read_front_matter(document.blocks)
    blocks = tuple(expand_rowspans(b) if isinstance(b, Table) else b for b in document.blocks)
    notes = tuple(footnotes(block_text(b) for b in blocks if not isinstance(b, Table)))
    tables, symbols = read_tables(blocks)
    walk = Walk(blocks=blocks, draft=PlanDraft(symbols=symbols, footnotes=notes), tables=tables)
    walk.walk(front.used)
    return walk.draft.freeze(document, front)
