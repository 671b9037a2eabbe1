"""The neutral document layer between parsers and recognisers.

A parser turns a file into a :class:`Document`: a flat sequence of blocks in reading order
(headings, paragraphs, list items and tables), each with a :class:`~cspplan.model.SourceRef`.
Recognisers only ever see blocks, so a new format needs only a parser, and a new recogniser
works for every format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias

import attrs

from .model.source import SourceRef

__all__ = [
    "Block",
    "Cell",
    "Document",
    "Heading",
    "ListItem",
    "Paragraph",
    "Row",
    "Table",
    "block_text",
]

_SOURCE = SourceRef()


@attrs.frozen(slots=True)
class Heading:
    """A heading.

    Attributes:
        text: The heading's text, without markup.
        level: 1 for a title or top-level heading, larger for deeper ones.
        source: Where it is.
    """

    text: str
    level: int = 1
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class Paragraph:
    """A paragraph of running text, its lines joined.

    Attributes:
        text: The paragraph's text.
        emphasis: True where the whole paragraph is bold (a likely sub-heading).
        source: Where it is.
    """

    text: str
    emphasis: bool = False
    source: SourceRef = _SOURCE


@attrs.frozen(slots=True)
class ListItem:
    """One item of a bulleted or numbered list.

    Attributes:
        text: The item's text, without its marker.
        level: 0 for a top-level item, 1 for an item nested once, and so on.
        marker: The bullet or number as shown (``"•"``, ``"1.1"``, ``"a)"``); for Word's
            automatic numbering, the number Word would display.
        source: Where it is.
    """

    text: str
    level: int = 0
    marker: str = ""
    source: SourceRef = _SOURCE

    @property
    def depth(self) -> int:
        """How deeply the item is nested: its ``level``, or the depth its number shows
        ("1.1" is one below "1.", "2.3.1" two), whichever is deeper."""
        pieces = self.marker.strip().rstrip(".)").split(".")
        shown = len(pieces) - 1 if all(piece.isdigit() for piece in pieces) else 0
        return max(self.level, shown)


@attrs.frozen(slots=True)
class Cell:
    """One table cell.

    Attributes:
        lines: The cell's lines (its paragraphs, list items or wrapped text), in order.
            List markers are kept at the start of a line (``"• item"``).
        colspan: How many grid columns the cell spans (merged horizontally).
        rowspan: How many rows the cell spans (merged vertically); the cell appears once,
            in its first row. Recognisers that line rows up with the header put an empty
            placeholder with ``rowspan`` 0 where such a cell covers a later row.
        tables: Tables nested inside the cell.
        source: Where it is (table, row, column; page and bbox in a PDF).
    """

    lines: tuple[str, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    tables: tuple[Table, ...] = ()
    source: SourceRef = _SOURCE

    @property
    def text(self) -> str:
        """The cell's lines joined with newlines."""
        return "\n".join(self.lines)

    @property
    def is_empty(self) -> bool:
        """True where the cell holds no visible text."""
        return not any(line.strip() for line in self.lines)


@attrs.frozen(slots=True)
class Row:
    """One table row.

    Attributes:
        cells: The row's cells, left to right; a merged cell appears once.
        is_header: True where the source marks the row as a (repeated) header row.
        source: Where it is.
    """

    cells: tuple[Cell, ...] = ()
    is_header: bool = False
    source: SourceRef = _SOURCE

    @property
    def texts(self) -> tuple[str, ...]:
        """Each cell's text."""
        return tuple(cell.text for cell in self.cells)


@attrs.frozen(slots=True)
class Table:
    """A table.

    Attributes:
        rows: The rows, top to bottom.
        source: Where the table starts.
    """

    rows: tuple[Row, ...] = ()
    source: SourceRef = _SOURCE

    @property
    def width(self) -> int:
        """The number of grid columns of the widest row."""
        return max((sum(c.colspan for c in row.cells) for row in self.rows), default=0)


Block: TypeAlias = Heading | Paragraph | ListItem | Table
"""Any block a parser produces."""


def block_text(block: Block) -> str:
    """A block's text; a table's rows become lines with cells separated by `` | ``."""
    if isinstance(block, Table):
        return "\n".join(
            " | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in block.rows
        )
    return block.text


@attrs.frozen(slots=True)
class Document:
    """What a parser made of a file.

    Attributes:
        path: The file's path as given.
        sha256: Hex SHA-256 of the file's bytes.
        media_type: IANA media type of the file.
        parser: Name of the parser that read it.
        blocks: The body's blocks in reading order.
        furniture: Running headers, footers and page numbers, kept apart from the body.
        page_count: Number of pages, where the format has pages.
        warnings: Problems that did not stop the parse (an unreadable page, a page with no
            text layer).
    """

    path: str
    sha256: str
    media_type: str
    parser: str
    blocks: tuple[Block, ...] = ()
    furniture: tuple[Block, ...] = ()
    page_count: int | None = None
    warnings: tuple[str, ...] = ()

    def iter_tables(self) -> Iterator[Table]:
        """The body's tables, in order."""
        return (b for b in self.blocks if isinstance(b, Table))
