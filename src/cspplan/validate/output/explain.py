"""What a finding is about, in words a reader of the plan recognises: the subject named by
its ref and first words (or metric and period), the sentence or table row it quotes, and
the heading it sits under.

Rules name their subject by id; everything here is worked out afterwards from the plan
(and, where the plan was just read from a file, the document's blocks), so no rule has to
say how its subject reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ...document import Block, Document, Heading, Paragraph, Table
from ...model.plan import Action, Claim, Objective, Plan, Target
from ...model.source import SourceRef
from ..findings import Finding, Subject

__all__ = ["FIRST_WORDS", "document_order", "explain", "first_words", "subject_label"]

FIRST_WORDS = 48
"""About how many characters of an action's or claim's text a subject's label keeps."""

_HEADING_LIMIT = 100
"""A bold paragraph longer than this is emphasis, not a heading."""

Item = Target | Objective | Action | Claim


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    """``text`` on one line, cut at a word boundary near ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def _items(plan: Plan) -> dict[str, Item]:
    """The plan's items by key (their ``id``, unique within the plan), the key a finding's
    subject gives; a milestone's subject gives its action's key."""
    return {
        entry.key: entry.item
        for entry in plan.walk()
        if isinstance(entry.item, Target | Objective | Action | Claim)
    }


def _objective_target(objective: Objective, source: SourceRef) -> Target | None:
    """The objective's target the finding points at (by its source), else its first."""
    for target in objective.targets:
        if target.source == source:
            return target
    return objective.targets[0] if objective.targets else None


def _period(target: Target | None) -> str | None:
    if target is None:
        return None
    if target.target is not None and target.target.period is not None:
        return target.target.period.text
    return target.deadline.text if target.deadline is not None else None


def _target_label(kind: str, ref: str | None, target: Target | None, name: str | None) -> str:
    what = (target.metric if target is not None else None) or name
    label = kind + (f" {ref}" if ref else "")
    if what:
        label += f' "{first_words(what)}"'
    period = _period(target)
    return f"{label} ({period})" if period else label


def subject_label(
    subject: Subject, item: Item | None = None, source: SourceRef | None = None
) -> str:
    """A finding's subject as a reader finds it in the plan: an action by its ref and first
    words (``action 2.3 "Set up a hate crime reporting…"``), a target by its metric and
    period (``target "Burglary" (2007/08)``), a claim by its first words.

    ``item`` is the plan's object the subject names, where it is known; without it the
    subject's own name is used."""
    if subject.kind in ("action", "milestone"):
        text = item.text if isinstance(item, Action) else subject.name
        ref = item.ref if isinstance(item, Action) else subject.ref
        label = "action" + (f" {ref}" if ref else "")
        return f'{label} "{first_words(text)}"' if text else label
    if subject.kind == "target":
        target = item if isinstance(item, Target) else None
        return _target_label("target", None, target, subject.name)
    if subject.kind == "objective":
        target = (
            _objective_target(item, source or SourceRef()) if isinstance(item, Objective) else None
        )
        return _target_label("objective", subject.ref, target, subject.name)
    if subject.kind == "claim":
        text = item.statement if isinstance(item, Claim) else subject.name
        return f'claim "{first_words(text)}"' if text else "claim"
    return str(subject)


# --- the quote -------------------------------------------------------------------------


def _row_text(document: Document, source: SourceRef) -> str | None:
    """The table row ``source`` points at, its cells joined with " | "."""
    for table in _all_tables(document.blocks):
        if table.source.table != source.table:
            continue
        for row in table.rows:
            if row.source.row == source.row:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                text = " | ".join(c for c in cells if c)
                return text or None
    return None


def _all_tables(blocks: Iterable[Block]) -> Iterable[Table]:
    for block in blocks:
        if isinstance(block, Table):
            yield block
            for row in block.rows:
                for cell in row.cells:
                    yield from _all_tables(cell.tables)


def _item_text(item: Item | None, source: SourceRef) -> str | None:
    if isinstance(item, Target | Claim):
        return item.statement
    if isinstance(item, Objective):
        target = _objective_target(item, source)
        return target.statement if target is not None else item.text
    if isinstance(item, Action):
        return f"{item.ref} {item.text}" if item.ref else item.text
    return None


def _quote(finding: Finding, item: Item | None, document: Document | None) -> str | None:
    """A target's or claim's own sentence; an action's table row (from the document where
    it is at hand, else its ref and text)."""
    source = finding.source
    is_action = finding.subject.kind in ("action", "milestone")
    if is_action and document is not None and source.table is not None and source.row is not None:
        row = _row_text(document, source)
        if row:
            return row
    text = _item_text(item, source) or finding.subject.name
    return " ".join(text.split()) if text else None


# --- the heading -----------------------------------------------------------------------


def _is_heading(block: Block) -> bool:
    if isinstance(block, Heading):
        return True
    return (
        isinstance(block, Paragraph)
        and block.emphasis
        and 0 < len(block.text.strip()) <= _HEADING_LIMIT
    )


def _block_index(blocks: Sequence[Block], source: SourceRef) -> int | None:
    """The index of the body block that holds ``source``, by the coordinates its format
    gives: table, line, paragraph, or page and position on the page."""
    if source.table is not None:
        for i, block in enumerate(blocks):
            if isinstance(block, Table) and block.source.table == source.table:
                return i
    if source.line is not None:
        placed = [i for i, b in enumerate(blocks) if b.source.line is not None]
        before = [i for i in placed if (blocks[i].source.line or 0) <= source.line]
        return before[-1] if before else None
    if source.paragraph is not None:
        before = [
            i
            for i, b in enumerate(blocks)
            if b.source.paragraph is not None and b.source.paragraph <= source.paragraph
        ]
        return before[-1] if before else None
    if source.page is not None:
        on_page = [i for i, b in enumerate(blocks) if b.source.page == source.page]
        if not on_page:
            return None
        if source.bbox is None:
            return on_page[0]
        top = source.bbox[1]
        above = [i for i in on_page if (box := blocks[i].source.bbox) and box[1] <= top + 0.5]
        return above[-1] if above else on_page[0]
    return None


def _heading(document: Document | None, source: SourceRef) -> str | None:
    """The text of the nearest heading at or above ``source`` in the document."""
    if document is None:
        return None
    blocks = document.blocks
    index = _block_index(blocks, source)
    if index is None:
        return None
    for block in reversed(blocks[: index + 1]):
        if _is_heading(block):
            assert isinstance(block, Heading | Paragraph)
            return " ".join(block.text.split())
    return None


def explain(
    plan: Plan, findings: Iterable[Finding], document: Document | None = None
) -> list[Finding]:
    """``findings`` with their quote (the subject's sentence or table row) and, where the
    ``document`` the plan was read from is at hand, the nearest heading above them."""
    items = _items(plan)
    explained: list[Finding] = []
    for finding in findings:
        subject = finding.subject
        item = items.get(subject.id) if subject.id else None
        explained.append(
            attrs.evolve(
                finding,
                quote=_quote(finding, item, document),
                heading=_heading(document, finding.source),
                about=subject_label(subject, item, finding.source),
            )
        )
    return explained


def document_order(findings: Sequence[Finding], document: Document | None) -> list[Finding]:
    """``findings`` in the order their subjects appear in ``document``: a Word table's
    findings among the paragraphs around it, where the audit's own order (by paragraph,
    then table) puts them first. Without the document, or for a place no block holds, the
    audit's order stands."""
    if document is None:
        return list(findings)
    blocks = document.blocks
    last = len(blocks)

    def key(pair: tuple[int, Finding]) -> tuple[int, int]:
        position, finding = pair
        index = _block_index(blocks, finding.source)
        return (last if index is None else index, position)

    return [f for _, f in sorted(enumerate(findings), key=key)]
