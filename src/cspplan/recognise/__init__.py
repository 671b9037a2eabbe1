"""Recognisers: pure functions from a Document's blocks to the domain model.

Recognisers never look at files, only at blocks, so every parser's output gets the same
treatment. :func:`build_plan` works in three roles:

- block facts (:mod:`.facts`): what a block is, judged from the block alone: a heading's
  place in the outline, a line's kind (objective, list label, "our priorities are:"), a
  table's role (action table, trajectory, table of targets, membership list, indicators);
  every action table is read once, joined across page breaks;
- the walk (:mod:`.walk`): the section state machine over the blocks in order. An action plan
  heading opens a priority; a "Priorities" heading or an "our priorities are:" list names
  priorities, and the headings under a priorities section each open one, until a heading
  such as "Performance" or "Review"; "Objective N ..." lines give objectives; action tables
  give the open priority its actions (a "Priority" column sorts rows into priorities);
  target statements give targets, with the trajectory table beside them;
- the draft (:mod:`.draft`): where things go (the priority a target names, else the open one,
  else the plan), ids in the order found, marker legends, and the coverage ledger.

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
