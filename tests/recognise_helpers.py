"""Small builders of blocks for the recogniser tests, and readers of mechanism fixtures."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import cspplan
from cspplan.document import Cell, Row, Table
from cspplan.model import Plan
from cspplan.model.source import SourceRef

MECHANISMS = Path(__file__).parent / "fixtures" / "mechanisms"
"""The mechanism fixtures (see their README.md)."""
sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from render_plan import render_as  # noqa: E402


def load_mechanism(stem: str, render: str, folder: Path) -> Plan:
    """The mechanism fixture ``stem`` read as text, or rendered into ``folder`` as ``render``
    (``docx``, ``pdf``, ``plain.pdf``) and read back."""
    return cspplan.load(render_as(MECHANISMS / f"{stem}.txt", render, folder))


def alarms(plan: Plan) -> list[tuple[str, str]]:
    """The (code, severity) of every warning and error the audit reports on ``plan``."""
    return sorted(
        (f.code, f.severity.value)
        for f in cspplan.check(plan)
        if f.severity.value in ("warning", "error")
    )


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
