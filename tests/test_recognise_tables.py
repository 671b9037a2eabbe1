"""Action tables: column meaning, header rows, joining tables split by breaks."""

from __future__ import annotations

import pytest

from cspplan.document import Table
from cspplan.recognise.tables import (
    ColumnKind,
    TableLayout,
    column_kind,
    find_layout,
    join_tables,
)
from recognise_helpers import make_table


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("No", ColumnKind.REF),
        ("Ref.", ColumnKind.REF),
        ("Action No", ColumnKind.REF),
        ("Description", ColumnKind.ACTION),
        ("Expected outcomes", ColumnKind.OUTCOME),
        ("ACTION", ColumnKind.ACTION),
        ("Key Tasks", ColumnKind.ACTION),
        ("Activity", ColumnKind.ACTION),
        ("Project", ColumnKind.ACTION),
        ("Lead Officer", ColumnKind.LEAD),
        ("Lead Agency", ColumnKind.LEAD),
        ("Responsible", ColumnKind.LEAD),
        ("Manager", ColumnKind.LEAD),
        ("Contact", ColumnKind.LEAD),
        ("Target", ColumnKind.TARGET),
        ("Outputs", ColumnKind.TARGET),
        ("Milestones", ColumnKind.TARGET),
        ("Performance measure", ColumnKind.EVALUATION),
        # Every vocabulary of action tables (issue 11): the work, who, when, progress, money, result.
        ("Commitment", ColumnKind.ACTION),
        ("Initiative", ColumnKind.ACTION),
        ("Intervention", ColumnKind.ACTION),
        ("What we will do", ColumnKind.ACTION),
        ("Responsible officer", ColumnKind.LEAD),
        ("Lead partner", ColumnKind.LEAD),
        ("Who", ColumnKind.LEAD),
        ("Owner", ColumnKind.LEAD),
        ("Action owner", ColumnKind.LEAD),
        ("Delivery timeframe", ColumnKind.TIMESCALE),
        ("Delivery date", ColumnKind.TIMESCALE),
        ("Completion date", ColumnKind.TIMESCALE),
        ("By when", ColumnKind.TIMESCALE),
        ("Update", ColumnKind.STATUS),
        ("Q4 progress", ColumnKind.STATUS),
        ("Progress at Q4", ColumnKind.STATUS),
        ("Latest update", ColumnKind.STATUS),
        ("Budget (£)", ColumnKind.RESOURCES),
        ("Cost", ColumnKind.RESOURCES),
        ("Success measure", ColumnKind.EVALUATION),
        ("How will we know?", ColumnKind.EVALUATION),
        ("Measures", ColumnKind.TARGET),
        ("Target date", ColumnKind.TIMESCALE),
        ("TIMESCALE", ColumnKind.TIMESCALE),
        ("By when?", ColumnKind.TIMESCALE),
        ("Deadline", ColumnKind.TIMESCALE),
        ("Due date", ColumnKind.TIMESCALE),
        ("RAG", ColumnKind.STATUS),
        ("Progress update", ColumnKind.STATUS),
        ("Status", ColumnKind.STATUS),
        ("Funding", ColumnKind.RESOURCES),
        ("Costs", ColumnKind.RESOURCES),
        ("Evaluation Criteria", ColumnKind.EVALUATION),
        ("Measure of success", ColumnKind.EVALUATION),
        ("Desired Outcome", ColumnKind.OUTCOME),
        ("Outcome sought", ColumnKind.OUTCOME),
        ("Performance Indicator", ColumnKind.INDICATOR),
        ("NI", ColumnKind.INDICATOR),
        ("Priority", ColumnKind.PRIORITY),
        ("Partners involved", None),
        ("Outcome/Output", ColumnKind.TARGET),
        ("Target Completion", ColumnKind.TIMESCALE),
        ("Timeline", ColumnKind.TIMESCALE),
        ("End date", ColumnKind.TIMESCALE),
        ("How we will measure it", ColumnKind.EVALUATION),
        ("Delivered by", ColumnKind.LEAD),
        ("By whom", ColumnKind.LEAD),
        ("Current position", ColumnKind.STATUS),
        ("Expected outputs", ColumnKind.TARGET),
        ("How will success be measured?", ColumnKind.EVALUATION),
        ("Strategic objective", ColumnKind.OBJECTIVE),
        ("Ward", None),
        ("", None),
        ("To reduce criminal damage by 16% by 2007/08 across the district", None),
    ],
)
def test_column_kind_reads_header_meaning(header: str, kind: ColumnKind | None) -> None:
    assert column_kind(header) is kind


def test_layout_found_below_objective_rows() -> None:
    table = make_table(
        [
            ["Objective:\nTo cut thefts by 5%", "", "Performance Indicators:\nPolice figures"],
            ["Next Review Date: June 2006", "", ""],
            ["No", "Task", "Responsible", "By when", "RAG"],
            ["1.1", "Do it", "Sam Cole Police", "May 2006", "Green"],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    assert layout.header_row == 2
    assert layout.kinds == (
        ColumnKind.REF,
        ColumnKind.ACTION,
        ColumnKind.LEAD,
        ColumnKind.TIMESCALE,
        ColumnKind.STATUS,
    )


def test_data_row_mentioning_action_is_not_a_header() -> None:
    table = make_table([["Action plan agreed", "Jo Platt", "May 2006", "Done"]])
    assert find_layout(table) is None


def test_unknown_columns_never_hide_an_action_table() -> None:
    header = ["Ref", "Action", "Lead", "Partners", "Notes", "Risk", "Ward", "Deadline"]
    layout = find_layout(make_table([header, ["1", "Run it", "Police", "", "", "", "", "May"]]))
    assert layout is not None
    assert layout.kinds[3:7] == (None, None, None, None)
    assert layout.headers[5] == "Risk"
    # A data row with figures or a sentence in its other cells is still no header.
    data = ["Action", "Lead", "Deadline", "Cut thefts by 12%", "Met in 2023.", "Risk"]
    assert find_layout(make_table([data])) is None


def test_a_table_without_an_action_column_has_no_layout() -> None:
    table = make_table([["Role", "Name", "Organisation"], ["Chair", "Ann Lee", "Council"]])
    assert find_layout(table) is None


def test_join_drops_a_repeated_header_and_keeps_narrower_rows() -> None:
    first = make_table(
        [["No", "Action", "Lead", "Timescale", "Status"], ["1", "A", "B", "May 2006", ""]]
    )
    repeated = make_table(
        [["No", "Action", "Lead", "Timescale", "Status"], ["2", "C", "D", "June 2006", ""]]
    )
    narrower = make_table([["3", "E", "F", "July 2006"]])
    layout = find_layout(first)
    assert layout is not None
    joined, used = join_tables(first, layout, [repeated, narrower])
    assert used == 2
    assert [row.texts[0] for row in joined.rows] == ["No", "1", "2", "3"]


def test_join_stops_at_a_table_of_another_shape() -> None:
    first = make_table(
        [["No", "Action", "Lead", "Timescale", "Status", "Notes"], ["1", "A", "B", "C", "", ""]]
    )
    members = make_table([["Chair", "Ann Lee", "Council"]])
    layout = find_layout(first)
    assert layout is not None
    joined, used = join_tables(first, layout, [members])
    assert used == 0
    assert joined is first


def test_join_finishes_a_row_cut_by_a_page_break() -> None:
    first = make_table([["Action", "Lead"], ["Work with partners to provide", "Police"]])
    rest = make_table([["support to victims of crime.", ""]])
    layout = find_layout(first)
    assert layout is not None
    joined, _ = join_tables(first, layout, [rest])
    assert len(joined.rows) == 2
    assert joined.rows[1].texts[0] == "Work with partners to provide support to victims of crime."


def test_cells_merged_down_leave_the_rows_below_aligned() -> None:
    from cspplan.document import Cell, Row, Table
    from cspplan.recognise.actions import rows_to_actions
    from cspplan.recognise.tables import expand_rowspans

    def row(*cells: Cell) -> Row:
        return Row(cells=cells)

    table = Table(
        rows=(
            row(Cell(lines=("Priority",)), Cell(lines=("Action",)), Cell(lines=("Lead",))),
            row(
                Cell(lines=("Hate crime",), rowspan=2),
                Cell(lines=("Open a reporting centre",)),
                Cell(lines=("Mia Ward Police",)),
            ),
            row(Cell(lines=("Train front-line staff",)), Cell(lines=("Tom Lowe Council Housing",))),
        )
    )
    expanded = expand_rowspans(table)
    assert [len(r.cells) for r in expanded.rows] == [3, 3, 3]
    layout = find_layout(expanded)
    assert layout is not None
    reading = rows_to_actions(expanded, layout)
    assert [a.text for a in reading.actions] == [
        "Open a reporting centre",
        "Train front-line staff",
    ]
    assert reading.groups == ("Hate crime", "Hate crime")
    assert [a.leads[0].person for a in reading.actions] == ["Mia Ward", "Tom Lowe"]


def test_objective_rows_with_leads_and_dates_are_worked_as_actions() -> None:
    table = make_table(
        [
            ["Objective", "Lead", "Target", "Deadline"],
            ["Cut arson", "Fire Service", "10% fewer", "2011"],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    assert layout.kinds[0] is ColumnKind.ACTION
    plain = make_table([["Objective", "Indicator"], ["Cut arson", "NI 33"]])
    assert find_layout(plain) is None


def test_partners_are_the_lead_only_where_no_column_is() -> None:
    alone = find_layout(
        make_table([["Action", "Partners", "Timeline"], ["Patrol", "Police", "May"]])
    )
    assert alone is not None and alone.kinds[1] is ColumnKind.LEAD
    beside = find_layout(
        make_table(
            [["Action", "Lead", "Partners", "Timeline"], ["Patrol", "Police", "Council", "May"]]
        )
    )
    assert beside is not None and beside.kinds[2] is None


# Rows cut by a page break in a table with no ref column: the part after the break leaves the
# theme cell empty, and only the evidence decides whether it finishes the row above.

_THEMED = ["Theme", "Actions", "Lead Agency", "Funding", "Progress"]


def _themed(*rows: list[str]) -> tuple[Table, TableLayout]:
    table = make_table([_THEMED, *rows])
    layout = find_layout(table)
    assert layout is not None
    return table, layout


def _joined_actions(first: Table, layout: TableLayout, *rest: list[str]) -> list[str]:
    joined, used = join_tables(first, layout, [make_table([row]) for row in rest])
    assert used == len(rest)
    return [" ".join(row.texts[1].split()) for row in joined.rows[1:]]


def test_join_a_row_without_its_own_lead_where_every_row_above_names_one() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        [
            "Robbery",
            "Patrol the bus station at night.",
            "Transport Police",
            "Mainstream",
            "Started.",
        ],
    )
    texts = _joined_actions(
        first, layout, ["", "Add cameras at both exits.", "", "£9k", "Ordered."]
    )
    assert texts == [
        "Mark property in student lets.",
        "Patrol the bus station at night. Add cameras at both exits.",
    ]


def test_join_where_a_cell_above_ends_on_a_joining_word() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        ["Arson", "Clear fly-tipped waste from the", "Fire Service", "£5k", "Begun."],
    )
    texts = _joined_actions(
        first, layout, ["", "Canal Street garages.", "Parks Team", "", "Skips booked."]
    )
    assert texts[-1] == "Clear fly-tipped waste from the Canal Street garages."


def test_join_where_prose_below_starts_in_lower_case_under_an_unfinished_cell() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        ["Arson", "Clear fly-tipped waste.", "Fire Service", "£5k", "Results are with the board"],
    )
    texts = _joined_actions(
        first,
        layout,
        ["", "Report on arson hotspots.", "Parks Team", "", "which meets in June."],
    )
    assert len(texts) == 2
    # A lower-case lead is a name, not a cut sentence: no evidence on its own.
    texts = _joined_actions(
        first, layout, ["", "Report on arson hotspots.", "all partners", "£1k", "Begun."]
    )
    assert len(texts) == 3


def test_join_where_the_action_cell_goes_on_with_the_next_list_item() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        ["Youth", "Offer:\ni) Friday football", "Youth Service", "£4k", "Running."],
    )
    texts = _joined_actions(first, layout, ["", "ii) Holiday trips", "Sports Trust", "", ""])
    assert texts[-1] == "Offer: i) Friday football ii) Holiday trips"
    # The same bullet opening a row that names its own lead starts another action.
    bulleted, layout = _themed(
        ["Burglary", "• Mark property in student lets", "Police", "£2k", "Done."],
        ["Youth", "• Run Friday football", "Youth Service", "£4k", "Running."],
    )
    texts = _joined_actions(bulleted, layout, ["", "• Take groups camping", "Scouts", "£1k", ""])
    assert len(texts) == 3
    texts = _joined_actions(bulleted, layout, ["", "• Take groups camping", "", "£1k", ""])
    assert len(texts) == 2


@pytest.mark.parametrize(
    "after_break",
    [
        # Its own lead, and the cells above all finished.
        ["", "Add cameras at both exits.", "Council CCTV Team", "£9k", "Ordered."],
        # A theme of its own.
        ["Arson", "Add cameras at both exits.", "", "£9k", "Ordered."],
        # A dotted ref opening the action text.
        ["", "2.4 Add cameras at both exits.", "", "£9k", "Ordered."],
    ],
)
def test_no_join_where_the_row_after_the_break_is_an_action_of_its_own(
    after_break: list[str],
) -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        [
            "Robbery",
            "Patrol the bus station at night.",
            "Transport Police",
            "Mainstream",
            "Started.",
        ],
    )
    assert len(_joined_actions(first, layout, after_break)) == 3


def test_no_join_without_a_lead_where_leads_are_merged_down_or_the_row_is_dated() -> None:
    merged, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        ["", "Visit every burgled home.", "", "Mainstream", "Started."],
    )
    assert len(_joined_actions(merged, layout, ["", "Add cameras.", "", "£9k", ""])) == 3
    table = make_table(
        [
            ["Theme", "Actions", "Lead", "Timescale"],
            ["Burglary", "Mark property in student lets.", "Police", "May 2010"],
            ["Robbery", "Patrol the bus station at night.", "Transport Police", "June 2010"],
        ]
    )
    dated = find_layout(table)
    assert dated is not None
    assert len(_joined_actions(table, dated, ["", "Add cameras.", "", "March 2011"])) == 3
    assert len(_joined_actions(table, dated, ["", "Add cameras.", "", ""])) == 2


def test_join_a_cut_row_after_a_header_repeated_inside_one_table() -> None:
    table = make_table(
        [
            _THEMED,
            ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
            ["Robbery", "Patrol the bus station at", "Transport Police", "Mainstream", "Begun."],
            _THEMED,
            ["", "night and at weekends.", "", "", ""],
            ["", "Add cameras at both exits.", "Council CCTV Team", "£9k", "Ordered."],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    joined, used = join_tables(table, layout, [])
    assert used == 0
    assert [" ".join(r.texts[1].split()) for r in joined.rows if r.texts[1] != "Actions"] == [
        "Mark property in student lets.",
        "Patrol the bus station at night and at weekends.",
        "Add cameras at both exits.",
    ]
    # Nothing to rejoin: the table comes back as it was.
    plain = make_table([_THEMED, ["Burglary", "Mark property.", "Police", "", ""]])
    assert join_tables(plain, layout, [])[0] is plain


def test_no_join_for_a_lower_case_status_under_a_status_word() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Green"],
        ["Robbery", "Patrol the bus station at night.", "Transport Police", "£1k", "Amber"],
    )
    texts = _joined_actions(first, layout, ["", "Add cameras.", "Council CCTV Team", "", "ongoing"])
    assert len(texts) == 3


def test_no_join_under_a_dash_that_fills_an_empty_cell() -> None:
    first, layout = _themed(
        ["Burglary", "Mark property in student lets.", "Police", "£2k", "Done."],
        ["Robbery", "Patrol the bus station at night.", "Transport Police", "-", "Begun."],
    )
    texts = _joined_actions(first, layout, ["", "Add cameras.", "Council CCTV Team", "£9k", ""])
    assert len(texts) == 3
