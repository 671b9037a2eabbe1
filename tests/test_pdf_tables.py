"""Table structure, cell for cell, on the table fixtures of tests/fixtures/build_tables.py:
each kind of table plans print, scored against the cells the builder put in, and beside
pdfplumber's ``extract_tables()`` on the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

import cspplan
from cspplan.parsers.pdf.layout import Line, Word, clean_text, drawn_as_bullet, line_from_words
from cspplan.parsers.pdf.tables import find_unruled_tables, split_close_columns
from fixtures.build_tables import CASES, build_cases
from fixtures.table_score import cspplan_tables as _cspplan
from fixtures.table_score import normalise, score_tables
from fixtures.table_score import pdfplumber_tables as _pdfplumber


@pytest.fixture(scope="module")
def table_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_cases(tmp_path_factory.mktemp("tables"))


@pytest.mark.parametrize("name", list(CASES))
def test_each_kind_read_cell_for_cell(table_pdfs: dict[str, Path], name: str) -> None:
    case = CASES[name]
    ours = score_tables(case.expected, _cspplan(table_pdfs[name]))
    theirs = score_tables(case.expected, _pdfplumber(table_pdfs[name]))
    assert ours.accuracy >= (0.95 if case.kind == "ruled" else 0.90), ours
    assert ours.accuracy >= theirs.accuracy
    if case.kind != "ruled":
        assert ours.accuracy > theirs.accuracy


def test_line_pitch_rows_stay_apart_and_the_paragraph_after_stays_out(
    table_pdfs: dict[str, Path],
) -> None:
    tables = _cspplan(table_pdfs["line-pitch"])
    assert len(tables) == 2
    assert len(tables[0]) == len(CASES["line-pitch"].expected[0])
    assert all("Tasks for" not in (cell or "") for row in tables[0] for cell in row)


def test_signs_and_dashes_are_text_and_bullets_are_markers(table_pdfs: dict[str, Path]) -> None:
    cells = {normalise(c) for t in _cspplan(table_pdfs["glyphs"]) for row in t for c in row}
    assert {"≥ 25%", "≤ 15 min", "−", "-", "–"} <= cells
    assert "• Paid work • Training" in cells


def test_score_counts_merged_cells_as_missed() -> None:
    expected = [[["a", "b"], ["c", "d"]]]
    assert score_tables(expected, [[["a", "b"], ["c", "d"]]]).accuracy == 1.0
    merged = score_tables(expected, [[["a c", "b d"]]])
    assert merged.accuracy == 0.0 and 0 < merged.token_f1 < 1
    split = score_tables(expected, [[["a", "b"]], [["c", "d"]]])
    assert split.accuracy == 0.5


def test_symbol_signs_are_not_bullets() -> None:
    assert clean_text("\uf0b3 25%") == "≥ 25%"
    assert clean_text("\uf02d") == "-"
    assert clean_text("\uf0b7 item") == "• item"
    assert not drawn_as_bullet("≥") and not drawn_as_bullet("-") and not drawn_as_bullet("−")
    assert drawn_as_bullet("•") and drawn_as_bullet("■") and drawn_as_bullet("✓")


def _line(*words: tuple[str, float], top: float = 0.0) -> Line:
    return line_from_words(
        [Word(t, x, x + 5.0 * len(t), top, top + 9.0, 9.0) for t, x in words], page=1
    )


def test_close_columns_split_at_aligned_white_space() -> None:
    # Three figures columns 5 pt apart: closer than the 9 pt gap that makes pieces.
    rows = [
        _line(("Hours", 100), ("Staff", 130), ("Cost", 160), top=0),
        _line(("120", 100), ("6", 130), ("4,800", 160), top=12),
        _line(("96", 100), ("14", 130), ("1,200", 160), top=24),
        _line(("210", 100), ("4", 130), ("7,350", 160), top=36),
    ]
    run = [[_line(("K0", 40), top=line.top), line] for line in rows]
    split = split_close_columns(run)
    assert [[p.text for p in pieces] for pieces in split][1] == ["K0", "120", "6", "4,800"]


def test_wrapped_prose_is_not_split_into_columns() -> None:
    # Words that happen to leave a gap on two lines only are not a column.
    rows = [
        _line(("Run", 100), ("patrols", 122), top=0),
        _line(("Fit", 100), ("locks", 122), top=12),
        _line(("Review", 100), ("CCTV", 136), top=24),
    ]
    run = [[_line(("K0", 40), top=line.top), line] for line in rows]
    assert split_close_columns(run) == [list(pieces) for pieces in run]


def test_paragraph_set_apart_ends_a_line_pitch_table() -> None:
    lines = [
        _line(("Abbey", 50), ("412", 150), top=0),
        _line(("Brook", 50), ("388", 150), top=11),
        _line(("Castle", 50), ("120", 150), top=22),
        _line(("Next", 50), ("para.", 75), top=50),
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, 1)
    assert len(tables) == 1 and tables[0].rows == 3
    assert [line.text for line in rest] == ["Next para."]


def test_nested_table_is_kept_inside_its_cell(table_pdfs: dict[str, Path]) -> None:
    document = cspplan.parse_document(table_pdfs["nested"])
    (outer,) = list(document.iter_tables())
    cell = outer.rows[1].cells[1]
    assert cell.lines == ("Target hardening visits to repeat victims",)
    (inner,) = cell.tables
    assert [row.texts for row in inner.rows] == [
        ("Quarter", "Visits"),
        ("Q1", "120"),
        ("Q2", "135"),
    ]
