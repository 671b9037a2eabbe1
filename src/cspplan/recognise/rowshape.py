"""Rows of an action table judged by their shape against the rest of the table.

A row's words alone cannot say whether it names a group of actions: "Drug and alcohol
related harm in the town" has eight words in sentence case, yet in a table whose other rows
each fill a ref, a lead and a date it stands alone in its first cell, which is how plans set
out a theme. :class:`TableShape` measures, once per table, which columns the rows of
actions fill; :meth:`TableShape.group_title` then tells a group row by what it leaves empty.

Two other kinds of row are neither actions nor groups: spacer rows of dashes or blanks
(:func:`is_spacer_row`), and sum rows ("Total", "Sub-total", :func:`sum_label`), whose
figures add up the column above them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Cell, Row
from ..model.plan import Claim, ClaimKind, Figure
from ..model.values import Unit
from ..text.continuation import row_cells_by_column
from ..text.numbers import parse_number
from ..text.patterns import IGNORECASE, lazy
from .columns import ColumnKind, kinds_where
from .milestones import VERBS
from .tables import TableLayout

__all__ = [
    "DETAIL_FILL_SHARE",
    "GROUP_ROW_WORDS",
    "MIN_SHAPE_ROWS",
    "TableShape",
    "is_spacer_cell",
    "is_spacer_row",
    "sum_claims",
    "sum_label",
]

DETAIL_FILL_SHARE = 2 / 3
"""A detail column (lead, date, output, ...) counts as one the table's actions fill where at
least this share of its rows with two or more filled cells fill it."""
GROUP_ROW_WORDS = 12
"""The most words a lone cell may have to name a group of actions by its shape."""
MIN_SUM_PARTS = 2
"""The fewest figures above a "Total" row that make it a sum to check."""
MIN_SHAPE_ROWS = 2
"""The fewest rows with two or more filled cells a table needs before its shape is judged."""

_SPACER = lazy(r"^[\s\-–—_.]*$")
_SUM = lazy(
    r"^\W*(?:sub[\s-]?total|grand\s+total|totals?)(?:\s+(?:cost|costs|budget|spend|funding|"
    r"allocated|allocation|\(£\)|£))?\W*$",
    IGNORECASE,
)
_SENTENCE_END = lazy(r"[.;:!?]\s*$")
_DETAILS = frozenset(kinds_where("detail"))


def is_spacer_cell(cell: Cell) -> bool:
    """A cell holding nothing, or only dashes ("-", "--", "–")."""
    return all(_SPACER.match(line) for line in cell.lines)


def is_spacer_row(row: Row) -> bool:
    """A row of blanks and dashes only: it spaces the table out and says nothing."""
    return all(is_spacer_cell(c) for c in row.cells)


def _filled(row: Row) -> list[tuple[int, Cell]]:
    return [(column, c) for column, c in row_cells_by_column(row) if not is_spacer_cell(c)]


_NOT_ADDED = lazy(
    r"(?i)%|per\s?cent|\brate\b|\bper\b|average|\bmean\b|median|ratio|proportion|share"
)
"""Headers of columns whose total row is not the sum of the rows above it."""


def sum_label(row: Row) -> str | None:
    """The row's label where its first filled cell says it totals the rows above ("Total",
    "Sub-total", "Total cost"); such a row is never an action."""
    filled = _filled(row)
    if not filled:
        return None
    text = " ".join(filled[0][1].text.split())
    return text if _SUM.match(text) else None


@attrs.frozen(slots=True)
class TableShape:
    """Which columns the rows of an action table fill.

    Attributes:
        rows: How many rows have two or more filled cells (the rows that can be actions).
        filled: For each grid column, how many of those rows fill it.
    """

    rows: int
    filled: tuple[int, ...]

    @classmethod
    def of(cls, rows: Sequence[Row], width: int) -> TableShape:
        """The shape of a table's body ``rows`` over ``width`` grid columns."""
        counts = [0] * width
        full = 0
        for row in rows:
            cells = _filled(row)
            if len(cells) < 2:
                continue
            full += 1
            for column, _ in cells:
                if column < width:
                    counts[column] += 1
        return cls(rows=full, filled=tuple(counts))

    def fills(self, column: int) -> bool:
        """True where the table's rows fill ``column`` (see :data:`DETAIL_FILL_SHARE`)."""
        if self.rows < MIN_SHAPE_ROWS or column >= len(self.filled):
            return False
        return self.filled[column] >= DETAIL_FILL_SHARE * self.rows

    def group_title(self, row: Row, layout: TableLayout) -> str | None:
        """The title a row gives a group of actions, judged by its shape: its only filled
        cell is its first text cell (the ref or action column), the ref column is left
        without a ref where the other rows have one, every detail column the other rows fill
        is empty, and the text is short and no sentence; ``None`` for any other row."""
        filled = _filled(row)
        if len(filled) != 1 or self.rows < MIN_SHAPE_ROWS:
            return None
        column, cell = filled[0]
        kinds = layout.kinds
        kind = kinds[column] if column < len(kinds) else None
        if kind not in (ColumnKind.REF, ColumnKind.ACTION):
            return None
        first_text = next(
            (i for i, k in enumerate(kinds) if k in (ColumnKind.REF, ColumnKind.ACTION)), None
        )
        if column != first_text:
            return None
        if not any(self.fills(i) for i, k in enumerate(kinds) if k in _DETAILS):
            return None  # no detail column that the table's actions fill: nothing to tell by
        text = " ".join(cell.text.split())
        words = text.split()
        if not words or len(words) > GROUP_ROW_WORDS:
            return None
        if _SENTENCE_END.search(text):
            return None
        first = words[0].lower().strip(".,:")
        if (
            first == "to"
            or first in VERBS
            or not (words[0][:1].isupper() or words[0][:1].isdigit())
        ):
            return None  # an action starts with what is to be done
        return text


def _figure(cell: Cell) -> tuple[str, Figure] | None:
    """A cell holding one bare figure ("8,500", "£8,500"), with the figure as a part."""
    text = " ".join(cell.text.split())
    number = parse_number(text)
    if number is None or text.endswith("%"):
        return None
    return text, Figure(role="part", value=number)


def sum_claims(row: Row, parts: Sequence[Row], headers: Sequence[str]) -> list[Claim]:
    """What a "Total" row states: for each column where it prints a figure and at least
    :data:`MIN_SUM_PARTS` of the rows above it (since the last sum row, ``parts``) print one
    too, a claim of kind ``sum`` whose parts are those figures (labelled by each row's first
    cell) and whose total is the row's figure. ``headers`` are the grid columns' headers; a
    column of percentages, rates or averages is left out, since its total row gives the
    whole's rate, not a sum."""
    label = sum_label(row) or "Total"
    claims: list[Claim] = []
    for column, cell in row_cells_by_column(row):
        found = _figure(cell)
        header = headers[column] if column < len(headers) else ""
        if found is None or "%" in found[0] or _NOT_ADDED.search(header):
            continue
        text, total = found
        figures: list[Figure] = []
        money = "£" in text
        for part in parts:
            cells = dict(row_cells_by_column(part))
            above = cells.get(column)
            read = _figure(above) if above is not None else None
            if read is None:
                continue
            filled = _filled(part)
            name = " ".join(filled[0][1].text.split())[:60] if filled else None
            money = money or "£" in read[0]
            figures.append(attrs.evolve(read[1], label=name))
        if len(figures) < MIN_SUM_PARTS or any("%" in f.value.text for f in figures):
            continue
        money = money or "£" in header
        unit = Unit.MONEY.value if money else None
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.SUM,
                statement=f"{label} {header}: {text}".replace("  ", " ").strip(),
                figures=tuple(
                    [attrs.evolve(f, unit=unit) for f in figures]
                    + [Figure(role="total", value=total.value, unit=unit)]
                ),
                source=row.source,
            )
        )
    return claims
