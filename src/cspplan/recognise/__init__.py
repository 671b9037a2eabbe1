"""Recognisers: pure functions from a Document's blocks to the domain model.

Recognisers never look at files, only at blocks, so every parser's output gets the same
treatment. :func:`build_plan` runs them in order; every block none of them places is kept in
``Plan.unclassified``.
"""

from __future__ import annotations

from ..document import Block, Document, Heading, ListItem, Paragraph, block_text
from ..model.plan import Plan, Unclassified
from ..model.source import DocumentSource
from .front import read_front_matter

__all__ = ["build_plan", "to_unclassified"]


def to_unclassified(block: Block) -> Unclassified:
    """Keep a block that no recogniser placed."""
    kind = {Heading: "heading", Paragraph: "paragraph", ListItem: "list_item"}.get(
        type(block), "table"
    )
    return Unclassified(kind=kind, text=block_text(block), source=block.source)


def build_plan(document: Document) -> Plan:
    """Build a Plan from a Document."""
    front = read_front_matter(document.blocks)
    unclassified = tuple(
        to_unclassified(block)
        for index, block in enumerate(document.blocks)
        if index not in front.used
    )
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
        unclassified=unclassified,
        warnings=document.warnings,
    )
