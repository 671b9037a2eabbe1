"""Small builders of blocks for the recogniser tests."""

from __future__ import annotations

from collections.abc import Sequence

from cspplan.document import Cell, Row, Table
from cspplan.model.source import SourceRef


def make_table(rows: Sequence[Sequence[str]], table: int = 0) -> Table:
    """A table from rows of cell texts; a cell's ``\\n`` separates its lines."""
    built = tuple(
        Row(
            cells=tuple(
                Cell(
                    lines=tuple(line for line in text.split("\n") if line),
                    source=SourceRef(table=table, row=r, column=c),
                )
                for c, text in enumerate(row)
            ),
            source=SourceRef(table=table, row=r),
        )
        for r, row in enumerate(rows)
    )
    return Table(rows=built, source=SourceRef(table=table))
