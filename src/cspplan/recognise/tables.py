"""Action tables: which columns mean what, where the header row is, and tables split by breaks.

A plan's action table is found by the meaning of its column headers, never by their position
or exact wording: "Lead", "Lead Officer", "Responsible", "Manager" and "Contact" all name who
leads. :data:`~.columns.COLUMNS` maps header wordings to a :class:`ColumnKind`; a column whose
header matches nothing is kept by its header text.

Word and PDF exports break long tables at page ends, sometimes repeating the header row,
sometimes not, and a text export may leave a blank line between the pieces, so
:func:`join_tables` glues a table to the action table before it when the columns line up.
A tall row cut by the break goes on in the next piece's first row, with its group cell
empty; :func:`~cspplan.text.continuation.continues_row` weighs the evidence that it does (an unfinished cell above, a
list that goes on, no lead where every row names one) before the two parts are joined.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Cell, Row, Table
from ..text.continuation import (
    RowColumns,
    continues_row,
    leads_throughout,
    row_cells_by_column,
)
from ..text.patterns import IGNORECASE, lazy
from .columns import HEADER_PATTERNS, ColumnKind, kinds_where

__all__ = [
    "HEADER_PATTERNS",
    "ColumnKind",
    "TableLayout",
    "column_kind",
    "continues_row",
    "expand_rowspans",
    "find_layout",
    "is_header_row",
    "join_tables",
    "row_cells_by_column",
]


_MAX_HEADER_WORDS = 6
"""The most words a header cell may have: a longer cell is data, not a column's name."""
_MAX_HEADER_CHARS = 60
"""The most characters a header cell may have."""
_HEADER_SCAN_ROWS = 10
"""How far down a table the header row may sit: plans put objectives and review dates above it."""


def column_kind(header: str) -> ColumnKind | None:
    """What a column holds, judged by the meaning of its ``header``; ``None`` when unknown.

    >>> column_kind("Lead Officer")
    <ColumnKind.LEAD: 'lead'>
    >>> column_kind("By when?")
    <ColumnKind.TIMESCALE: 'timescale'>
    """
    text = " ".join(header.split())
    if not text or len(text.split()) > _MAX_HEADER_WORDS or len(text) > _MAX_HEADER_CHARS:
        return None
    for kind, pattern in HEADER_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def expand_rowspans(table: Table) -> Table:
    """The table with an empty placeholder cell (``rowspan`` 0) wherever a cell merged down
    from a row above covers the grid, so that every row's cells line up with the header's
    columns (Word writes a vertically merged cell once, in its first row)."""
    if all(cell.rowspan <= 1 for row in table.rows for cell in row.cells):
        return table
    covering: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, colspan)
    rows: list[Row] = []
    for row in table.rows:
        below = dict(covering)  # what rows above cover in this row
        covering = {c: (left - 1, span) for c, (left, span) in below.items() if left > 1}
        cells: list[Cell] = []
        column = 0
        queue = list(row.cells)
        while queue or any(c >= column for c in below):
            if column in below:
                cells.append(Cell(colspan=below[column][1], rowspan=0, source=row.source))
                column += below[column][1]
                continue
            if not queue:
                column = min(c for c in below if c >= column)
                continue
            cell = queue.pop(0)
            span = max(1, cell.colspan)
            cells.append(cell)
            if cell.rowspan > 1:
                covering[column] = (cell.rowspan - 1, span)
            column += span
        rows.append(attrs.evolve(row, cells=tuple(cells)))
    return attrs.evolve(table, rows=tuple(rows))


_STARTS_ROW = frozenset(kinds_where("starts_row"))
_TERSE = frozenset(kinds_where("terse"))


@attrs.frozen(slots=True)
class TableLayout:
    """The columns of an action table.

    Attributes:
        header_row: Index of the header row in the table that holds it.
        kinds: For each grid column, its kind, or ``None`` for a column cspplan has no field for.
        headers: Each grid column's header text as written.
    """

    header_row: int
    kinds: tuple[ColumnKind | None, ...]
    headers: tuple[str, ...]

    def column(self, kind: ColumnKind) -> int | None:
        """The first grid column of ``kind``, or ``None``."""
        for index, found in enumerate(self.kinds):
            if found is kind:
                return index
        return None

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return len(self.kinds)

    @property
    def row_columns(self) -> RowColumns:
        """What :func:`~cspplan.text.continuation.continues_row` needs to know of the columns."""
        return RowColumns(
            action=self.column(ColumnKind.ACTION),
            lead=self.column(ColumnKind.LEAD),
            timescale=self.column(ColumnKind.TIMESCALE),
            starts=frozenset(i for i, k in enumerate(self.kinds) if k in _STARTS_ROW),
            terse=frozenset(i for i, k in enumerate(self.kinds) if k in _TERSE),
        )


_NAMES_ACTION = frozenset(kinds_where("names_action"))
_ACTION_DETAILS = 2
"""How many columns of an action's details (lead, output, date) make objective rows actions."""


def _header_kinds(row: Row) -> tuple[list[ColumnKind | None], list[str]] | None:
    kinds: list[ColumnKind | None] = []
    headers: list[str] = []
    for _, cell in row_cells_by_column(row):
        text = " ".join(cell.text.split())
        kind = column_kind(text) if text else None
        for _ in range(max(1, cell.colspan)):
            kinds.append(kind)
            headers.append(text)
    if (
        ColumnKind.ACTION not in kinds
        and ColumnKind.OBJECTIVE in kinds
        and len(_NAMES_ACTION.intersection(kinds)) >= _ACTION_DETAILS
    ):
        # "Objective | Lead | Target | Deadline": each objective row is worked as an action.
        kinds = [ColumnKind.ACTION if k is ColumnKind.OBJECTIVE else k for k in kinds]
    return kinds, headers


_UNKNOWN_SHARE = 3
"""A header row may leave one in this many of its filled cells unrecognised (at least one)."""


def is_header_row(row: Row) -> bool:
    """True where the row reads as an action table's header: an action column and at least one
    other known column, and no cell that reads as data."""
    found = _header_kinds(row)
    if found is None:
        return False
    kinds, headers = found
    filled = [h for h in headers if h]
    known = [k for k in kinds if k is not None]
    if ColumnKind.ACTION not in known and ColumnKind.PRIORITY not in known:
        return False
    distinct = set(known)
    if len(distinct) < 2:
        return False
    # Most non-empty cells must be known headers: a data row mentioning "action" is not one.
    unknown = [h for k, h in zip(kinds, headers, strict=False) if h and k is None]
    if len(unknown) <= max(1, len(filled) // _UNKNOWN_SHARE):
        return True
    # An action column beside a lead and a date is a header whatever else the row names
    # ("Partners", "Risk", "Ward"), so long as the other cells read as names of columns.
    return {ColumnKind.ACTION, ColumnKind.LEAD, ColumnKind.TIMESCALE} <= distinct and all(
        _header_like(h) for h in unknown
    )


def _header_like(text: str) -> bool:
    """A cell short enough to name a column, with no figure and no full stop in it."""
    return (
        len(text.split()) <= _MAX_HEADER_WORDS
        and len(text) <= _MAX_HEADER_CHARS
        and not any(ch.isdigit() for ch in text)
        and not text.rstrip().endswith(".")
    )


_PARTNERS = lazy(
    r"^\W*(?:(?:key|main|delivery|lead)\s+)?(?:partners?|partner\s+agenc(?:y|ies)|agenc(?:y|ies))\W*$",
    IGNORECASE,
)


def find_layout(table: Table) -> TableLayout | None:
    """The layout of ``table`` where one of its first rows is an action table's header row."""
    for index, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        if not is_header_row(row):
            continue
        found = _header_kinds(row)
        assert found is not None
        kinds, headers = found
        if ColumnKind.LEAD not in kinds:
            # "Partners" beside a "Lead" column lists helpers; with no lead column, the
            # partners named are who delivers the action.
            for position, (kind, header) in enumerate(zip(kinds, headers, strict=False)):
                if kind is None and _PARTNERS.match(header):
                    kinds[position] = ColumnKind.LEAD
                    break
        width = max(table.width, len(kinds))
        kinds += [None] * (width - len(kinds))
        headers += [""] * (width - len(headers))
        return TableLayout(header_row=index, kinds=tuple(kinds), headers=tuple(headers))
    return None


_LOWER_START = lazy(r"^[a-z]")


_DROPPED_COLUMNS = 2
"""How many trailing columns a continuation may lack (text exports drop empty last cells)."""
_MIN_WIDTH = 2
"""The fewest columns a headerless table needs to continue an action table."""


def _fits(layout: TableLayout, table: Table) -> bool:
    """A headerless table continues an action table where its rows are no wider than the
    header and at most two trailing columns narrower (text exports drop empty last cells)."""
    width = table.width
    return layout.width - _DROPPED_COLUMNS <= width <= layout.width and width >= _MIN_WIDTH


def _merge_rows(upper: Row, lower: Row) -> Row:
    """A row broken by a page end: append the lower part's cell text to the upper part's."""
    upper_cells = list(row_cells_by_column(upper))
    lower_by_column = dict(row_cells_by_column(lower))
    cells: list[Cell] = []
    for column, cell in upper_cells:
        below = lower_by_column.get(column)
        if below is None or below.is_empty:
            cells.append(cell)
            continue
        lines = cell.lines
        if lines and below.lines and _LOWER_START.match(below.lines[0]):
            lines = (*lines[:-1], f"{lines[-1]} {below.lines[0]}", *below.lines[1:])
        else:
            lines = (*lines, *below.lines)
        cells.append(attrs.evolve(cell, lines=lines))
    return attrs.evolve(upper, cells=tuple(cells))


def join_tables(first: Table, layout: TableLayout, following: Sequence[Table]) -> tuple[Table, int]:
    """Join to ``first`` (an action table with ``layout``) the tables of ``following`` that
    continue it; return the joined table and how many of ``following`` were used.

    A continuation either repeats the header row (dropped) or has none and is no wider than
    the header. Its first row finishes the row the break cut where :func:`continues_row`
    finds the evidence for it; so does the row after a header repeated inside ``first``
    (a parser that joined the pages itself but kept the repeated header).
    """
    rows = _rejoin_inside(list(first.rows), layout)
    changed = len(rows) != len(first.rows)
    used = 0
    for table in following:
        if not table.rows:
            used += 1
            continue
        own = find_layout(table)
        if own is not None:
            if own.header_row != 0 or [k for k in own.kinds if k] != [k for k in layout.kinds if k]:
                break
            body = list(table.rows[1:])
        elif _fits(layout, table):
            body = list(table.rows)
        else:
            break
        if (
            body
            and len(rows) > layout.header_row + 1
            and continues_row(
                rows[-1],
                body[0],
                layout.row_columns,
                leads=leads_throughout(rows[layout.header_row + 1 :], layout.row_columns),
            )
        ):
            rows[-1] = _merge_rows(rows[-1], body[0])
            body = body[1:]
        rows.extend(body)
        used += 1
    if used == 0 and not changed:
        return first, 0
    return attrs.evolve(first, rows=tuple(rows)), used


def _rejoin_inside(rows: list[Row], layout: TableLayout) -> list[Row]:
    """``rows`` with each row that follows a repeated header row merged into the last row
    before that header, where it continues it."""
    start = layout.header_row + 1
    index = start + 1
    while index < len(rows):
        repeated = rows[index - 1]
        if index - 2 >= start and is_header_row(repeated):
            upper, lower = rows[index - 2], rows[index]
            if not is_header_row(upper) and continues_row(
                upper,
                lower,
                layout.row_columns,
                leads=leads_throughout(rows[start : index - 1], layout.row_columns),
            ):
                rows[index - 2] = _merge_rows(upper, lower)
                del rows[index]
                continue
        index += 1
    return rows
