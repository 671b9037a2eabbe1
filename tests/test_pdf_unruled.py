"""Action tables without ruling lines: what `cspplan.load` recovers from the synthetic
unruled plans in tests/fixtures/build_pdf.py against the truth the builder wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

import cspplan
from cspplan.document import Table
from cspplan.model import Action, Plan
from cspplan.parsers.pdf import PdfParser
from cspplan.parsers.pdf.alignment import _row_gap_threshold
from cspplan.parsers.pdf.layout import Line
from cspplan.parsers.pdf.tables import PageTable, find_unruled_tables
from fixtures.build_pdf import FIXTURES, UNRULED_GROUPS, UNRULED_PLANS, unruled_expected
from test_pdf_units import cells_line, line

NAMES = sorted(UNRULED_PLANS)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("unruled")
    paths = {}
    for name in NAMES:
        paths[name] = out / f"{name}.pdf"
        FIXTURES[name](paths[name])
    return paths


@pytest.fixture(scope="module")
def plans(built: dict[str, Path]) -> dict[str, Plan]:
    return {name: cspplan.load(path) for name, path in built.items()}


def _matched(name: str, plan: Plan) -> list[tuple[dict[str, str], Action | None]]:
    actions = list(plan.all_actions())
    if UNRULED_PLANS[name].get("norefs"):
        by_text = {" ".join(a.text.split()): a for a in actions}
        return [(e, by_text.get(e["text"])) for e in unruled_expected(_count(name))]
    by_ref = {a.ref: a for a in actions if a.ref}
    return [(e, by_ref.get(e["ref"])) for e in unruled_expected(_count(name))]


def _count(name: str) -> int:
    return int(str(UNRULED_PLANS[name]["count"]))


@pytest.mark.parametrize("name", NAMES)
def test_every_action_comes_back_with_its_text(name: str, plans: dict[str, Plan]) -> None:
    for expected, action in _matched(name, plans[name]):
        assert action is not None, expected["ref"]
        assert " ".join(action.text.split()) == expected["text"]


@pytest.mark.parametrize("name", NAMES)
def test_leads_and_due_dates_come_back(name: str, plans: dict[str, Plan]) -> None:
    for expected, action in _matched(name, plans[name]):
        assert action is not None
        assert [lead.text for lead in action.leads] == [expected["lead"]]
        dues = [m.timescale.text for m in action.milestones if m.timescale]
        assert dues == [expected["due"]]
        assert action.status == expected["status"]


@pytest.mark.parametrize("name", NAMES)
def test_one_table_with_its_header_and_group_rows(name: str, built: dict[str, Path]) -> None:
    document = PdfParser().parse(built[name])
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == list(UNRULED_PLANS[name]["header"])  # type: ignore[call-overload]
    # A group row holds its title alone: one cell across the table, or where the title fits
    # in the first column, that column's cell with the rest empty.
    titled = [r for r in tables[0].rows if len([c for c in r.cells if not c.is_empty]) == 1]
    titles = [" ".join(next(c for c in r.cells if not c.is_empty).text.split()) for r in titled]
    groups = list(dict.fromkeys(e["group"] for e in unruled_expected(_count(name))))
    intro = UNRULED_PLANS[name].get("intro")
    if intro:
        # The note under the header is a row of its own, merged over the columns it crosses.
        assert titles[0] == intro
        assert [c.colspan for c in titled[0].cells] == [1, len(header) - 1]
        titles = titles[1:]
    assert [t.split(". ", 1)[-1] for t in titles] == groups
    assert all(g in dict(UNRULED_GROUPS) for g in groups)
    # The header repeated at the top of page 2 is not a row of the joined table.
    assert sum(1 for r in tables[0].rows if [c.text for c in r.cells] == header) == 1


# --- rows and group rows from aligned lines --------------------------------------------------


def _row(top: float, *cells: tuple[float, str]) -> Line:
    return cells_line(*cells, top=top)


def _table_text(table: PageTable) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(" ".join(ln.text for ln in cell.lines))
    return [rows[r] for r in sorted(rows)]


def test_a_group_row_across_the_columns_stays_in_the_table() -> None:
    lines = [
        _row(100, (50, "No"), (90, "Action"), (260, "Lead"), (360, "Due")),
        _row(115, (50, "1.1"), (90, "Fit new locks"), (260, "Housing"), (360, "May 2025")),
        line("2. Reducing reoffending", x=50, top=135),
        _row(150, (50, "2.1"), (90, "Mentor young"), (260, "Youth"), (360, "June 2025")),
        _row(162, (90, "offenders"), (260, "Service")),
        _row(177, (50, "2.2"), (90, "Run a clinic"), (260, "Probation"), (360, "July 2025")),
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert rest == []
    [table] = tables
    assert _table_text(table) == [
        ["No", "Action", "Lead", "Due"],
        ["1.1", "Fit new locks", "Housing", "May 2025"],
        ["2. Reducing reoffending"],
        ["2.1", "Mentor young offenders", "Youth Service", "June 2025"],
        ["2.2", "Run a clinic", "Probation", "July 2025"],
    ]
    [group] = [c for c in table.cells if c.row == 2]
    assert group.colspan == table.width == 4


def test_a_paragraph_after_the_table_is_not_a_group_row() -> None:
    lines = [
        _row(100, (50, "No"), (90, "Action"), (260, "Lead"), (360, "Due")),
        _row(115, (50, "1.1"), (90, "Fit new locks"), (260, "Housing"), (360, "May 2025")),
        _row(130, (50, "1.2"), (90, "Mark property"), (260, "Police"), (360, "June 2025")),
        line("The board reviews these actions every quarter.", x=50, top=150),
        line("Progress is published on the council website.", x=50, top=162),
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert [ln.text for ln in rest] == [lines[3].text, lines[4].text]
    assert tables[0].rows == 3


def test_a_reference_column_starts_the_rows_where_gaps_are_even() -> None:
    # Every line 12 points apart: only the references tell where a row starts.
    lines = [_row(100, (50, "Ref"), (90, "Action"), (260, "Owner"))]
    top = 112.0
    for ref, first, second in [
        ("A1", "Map the", "hotspots"),
        ("A2", "Brief", "wardens"),
        ("A3", "Audit", "lighting"),
    ]:
        lines.append(_row(top, (50, ref), (90, first), (260, "Team")))
        lines.append(_row(top + 12, (90, second)))
        top += 24
    [table], rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert rest == []
    assert _table_text(table) == [
        ["Ref", "Action", "Owner"],
        ["A1", "Map the hotspots", "Team"],
        ["A2", "Brief wardens", "Team"],
        ["A3", "Audit lighting", "Team"],
    ]


def test_a_group_row_opening_the_page_joins_the_table_below_it() -> None:
    lines = [
        line("Northvale action plan", x=50, top=20, size=10),
        line("3. Support for", x=50, top=100),
        line("victims", x=50, top=111),
        _row(
            125, (50, "3.1"), (90, "Fund an advocate"), (260, "Victim Support"), (360, "May 2025")
        ),
        _row(140, (50, "3.2"), (90, "Open a hub"), (260, "Library"), (360, "June 2025")),
    ]
    [table], rest = find_unruled_tables(lines, 1.0, 2, page=2, head=80)
    assert [ln.text for ln in rest] == ["Northvale action plan"]
    assert _table_text(table)[0] == ["3. Support for victims"]
    assert table.rows == 3


def test_a_line_under_a_heading_mid_page_is_not_taken_into_the_table() -> None:
    lines = [
        line("Some words above", x=50, top=60),
        line("Actions", x=50, top=100),
        _row(
            115, (50, "1.1"), (90, "Fund an advocate"), (260, "Victim Support"), (360, "May 2025")
        ),
        _row(130, (50, "1.2"), (90, "Open a hub"), (260, "Library"), (360, "June 2025")),
    ]
    [table], rest = find_unruled_tables(lines, 1.0, 2, page=2, head=40)
    assert [ln.text for ln in rest] == ["Some words above", "Actions"]
    assert table.rows == 2


def test_a_note_under_the_header_keeps_the_header_with_its_rows() -> None:
    lines = [
        _row(100, (50, "No"), (90, "Action"), (260, "Lead"), (360, "Due")),
        line("Agreed by the board in March; each lead reports every quarter on", x=90, top=115),
        line("progress made", x=90, top=126),
        line("1. Prevention", x=50, top=142),
        _row(157, (50, "1.1"), (90, "Fit new locks"), (260, "Housing"), (360, "May 2025")),
        _row(172, (50, "1.2"), (90, "Mark property"), (260, "Police"), (360, "June 2025")),
    ]
    [table], rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert rest == []
    assert _table_text(table)[:3] == [
        ["No", "Action", "Lead", "Due"],
        ["", "Agreed by the board in March; each lead reports every quarter on progress made"],
        ["1. Prevention"],
    ]
    note = [c for c in table.cells if c.row == 1]
    assert [(c.column, c.colspan) for c in note] == [(0, 1), (1, 3)]


@pytest.mark.parametrize(
    ("gaps", "threshold"),
    [
        ([1.5, 1.5, 8.5, 1.5, 8.5], 5.0),
        # Rows only two points apart, and one title row with more space above it: the
        # step taken is the first, so the wide gap does not swallow the rows.
        ([1.5, 3.5, 1.5, 3.5, 11.0, 3.5], 2.5),
    ],
)
def test_rows_split_at_the_first_clear_step_in_the_gaps(
    gaps: list[float], threshold: float
) -> None:
    assert _row_gap_threshold(gaps) == pytest.approx(threshold)


@pytest.mark.parametrize("name", NAMES)
def test_both_backends_give_the_same_document(name: str, built: dict[str, Path]) -> None:
    fast = PdfParser().parse(built[name], {"backend": "pdfium"})
    slow = PdfParser().parse(built[name], {"backend": "pdfplumber"})
    assert fast.blocks == slow.blocks
    assert fast.furniture == slow.furniture
    assert fast.warnings == slow.warnings
