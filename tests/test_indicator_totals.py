"""A Total row under a table of figures by year: each column's total is checked against the
rows above it, but a column of percentages or rates, whose total row gives the whole's own
rate, is not summed."""

from __future__ import annotations

from pathlib import Path

import cspplan

HEADER = "Offence\t2011/12\t2012/13\tChange\t% change\tDetection rate %"
ROWS = [
    "Theft of pedal cycles\t318\t290\t-28\t-8.8%\t11%",
    "Shoplifting\t1,104\t1,150\t+46\t+4.2%\t62%",
    "Robbery\t96\t81\t-15\t-15.6%\t30%",
]


def _alarms(tmp_path: Path, total: str) -> list[tuple[str, str, str | None]]:
    path = tmp_path / "plan.txt"
    lines = ["# Test Partnership", "", "## Annual Report 2012/13", "", HEADER, *ROWS, total]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [
        (f.code, f.severity.value, f.stated.text if f.stated else None)
        for f in cspplan.check(cspplan.load(path))
        if f.severity.value in ("warning", "error")
    ]


def test_a_total_row_that_adds_up_and_an_overall_rate_give_no_alarm(tmp_path: Path) -> None:
    # 318 + 1,104 + 96 = 1,518; 290 + 1,150 + 81 = 1,521; the overall detection rate (46%)
    # is no sum of the rates above it.
    assert _alarms(tmp_path, "Total\t1,518\t1,521\t+3\t+0.2%\t46%") == []


def test_a_total_the_rows_do_not_make_is_an_error(tmp_path: Path) -> None:
    found = _alarms(tmp_path, "Total\t1,518\t1,561\t+43\t+2.8%\t46%")
    assert ("A132", "error", "1,561") in found
