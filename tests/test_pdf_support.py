"""Helpers shared by the PDF parser's tests (no tests of its own)."""

from __future__ import annotations

from typing import Any

import attrs

from cspplan.document import Block, Document, Paragraph, Table


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and v != [] and v != ()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def block_json(block: Block) -> dict[str, Any]:
    """A block as JSON-ready data, with its kind; empty and unset fields left out."""
    data = attrs.asdict(block, recurse=True)
    return {"kind": type(block).__name__, **_clean(data)}


def document_json(document: Document) -> dict[str, Any]:
    """A Document as JSON-ready data for golden files."""
    return {
        "path": document.path,
        "media_type": document.media_type,
        "parser": document.parser,
        "page_count": document.page_count,
        "warnings": list(document.warnings),
        "blocks": [block_json(b) for b in document.blocks],
        "furniture": [block_json(b) for b in document.furniture],
    }


def texts(document: Document) -> list[str]:
    """The text of every non-table body block."""
    return [b.text for b in document.blocks if not isinstance(b, Table)]


def paragraphs(document: Document) -> list[str]:
    """The text of every body paragraph."""
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def tables(document: Document) -> list[Table]:
    """The body's tables."""
    return list(document.iter_tables())
