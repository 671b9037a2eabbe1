"""A performance table whose header is set out on two rows, a merged year over "Target" and
"Actual", and whose "Variance" column does not say what it compares the actual with.
The Word plans are built here with python-docx (our own indicators and figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cspplan

docx = pytest.importorskip("docx")

ROWS = [
    ["NI 16 Serious acquisitive crime", "2,940", "2,700", "2,610", "-3.3%", "Green"],
    ["NI 20 Assault with injury", "1,210", "1,130", "1,185", "+4.9%", "Red"],
    ["NI 32 Repeat domestic violence", "31%", "28%", "27%", "-1 point", "Green"],
    ["Deliberate fires", "512", "480", "430", "-16%", "Green"],
]
"""Variance against the target (-3.3%, +4.9%, -1 point) or the baseline (-16%)."""


def _plan(folder: Path, rows: list[list[str]]) -> Path:
    document = docx.Document()
    document.add_heading("Harlow Vale Community Safety Partnership", 0)
    document.add_heading("Performance Report 2009/10", 1)
    table = document.add_table(rows=2 + len(rows), cols=6)
    table.style = "Table Grid"
    for column, text in enumerate(["Indicator", "Baseline 2007/08", "", "", "Variance", "RAG"]):
        table.cell(0, column).text = text
    table.cell(1, 2).text = "Target"
    table.cell(1, 3).text = "Actual"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "2009/10"
    for column in (0, 1, 4, 5):
        table.cell(0, column).merge(table.cell(1, column))
    for r, row in enumerate(rows, 2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder / "performance.docx"
    document.save(str(path))
    return path


def test_a_two_row_header_is_read_as_one() -> None:
    from cspplan.recognise.indicator_tables import header_roles

    # What the stacked header of the table below reads as, column by column.
    roles = header_roles(["Indicator", "Baseline 2007/08", "2009/10 Target", "2009/10 Actual"])
    assert [r.value for r in roles] == ["label", "baseline", "target", "actual"]


def test_targets_come_from_a_stacked_header(tmp_path: Path) -> None:
    plan = cspplan.load(_plan(tmp_path, ROWS))
    targets = plan.all_targets()
    assert [t.indicator.code if t.indicator else None for t in targets] == [
        "NI 16",
        "NI 20",
        "NI 32",
        None,
    ]
    first = targets[0]
    assert first.baseline is not None and first.baseline.value.text == "2,940"
    assert first.target is not None and first.target.value.text == "2,700"
    assert first.target.period is not None and first.target.period.text == "2009/10"
    assert first.outturn is not None and first.outturn.value.text == "2,610"
    # Each variance holds against the target or the baseline: no alarm.
    assert [f for f in cspplan.check(plan) if f.severity.value in ("warning", "error")] == []


def test_a_variance_no_figure_gives_is_an_error(tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][4] = "+6.9%"  # 1,130 to 1,185 is 4.9%; from the baseline it is -2.1%
    plan = cspplan.load(_plan(tmp_path, rows))
    found = [
        (f.code, f.severity.value, f.stated.text if f.stated else None)
        for f in cspplan.check(plan)
        if f.severity.value in ("warning", "error")
    ]
    assert found == [("A120", "error", "+6.9%")]
