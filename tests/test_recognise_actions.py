"""Rows of action tables to actions, milestones, workstreams and preambles."""

from __future__ import annotations

import pytest

from cspplan.document import Cell
from cspplan.model.source import SourceRef
from cspplan.recognise.actions import (
    pair_milestones,
    read_preamble,
    rows_to_actions,
    split_outputs,
    split_ref,
)
from cspplan.recognise.tables import find_layout
from recognise_helpers import make_table


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        ("2.1 *", True, ("2.1", ("*",), "")),
        ("3.2 ▲", True, ("3.2", ("▲",), "")),
        ("A4", True, ("A4", (), "")),
        ("1.1 Identify sources of data", False, ("1.1", (), "Identify sources of data")),
        ("3. Run a campaign", False, ("3", (), "Run a campaign")),
        ("3 month scoping exercise", False, (None, (), "3 month scoping exercise")),
        ("Working in partnership", False, (None, (), "Working in partnership")),
    ],
)
def test_split_ref(text: str, own: bool, expected: tuple[str | None, tuple[str, ...], str]) -> None:
    assert split_ref(text, own_column=own) == expected


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        (
            "Study completed Recommendations implemented",
            2,
            ["Study completed", "Recommendations implemented"],
        ),
        (
            "Spring Burglary Campaign Autumn Burglary Campaign",
            2,
            ["Spring Burglary Campaign", "Autumn Burglary Campaign"],
        ),
        (
            "80 homes made secure 30 alarms fitted Evaluate Scheme Extend hours of service",
            4,
            [
                "80 homes made secure",
                "30 alarms fitted",
                "Evaluate Scheme",
                "Extend hours of service",
            ],
        ),
        (
            "Scheme running in East Ward Reduce repeat calls from the same addresses",
            2,
            ["Scheme running in East Ward", "Reduce repeat calls from the same addresses"],
        ),
        ("Report written", 1, ["Report written"]),
        ("one two", 3, ["one two"]),
    ],
)
def test_split_outputs(text: str, count: int, expected: list[str]) -> None:
    assert split_outputs(text, count) == expected


def _cell(text: str) -> Cell:
    return Cell(lines=tuple(text.split("\n")))


def test_outputs_and_dates_in_one_cell_are_paired_in_order() -> None:
    milestones = pair_milestones(
        [_cell("Report written Funding bid made")], [_cell("May 2006 October 2006")], SourceRef()
    )
    assert [(m.output, m.timescale.text if m.timescale else None) for m in milestones] == [
        ("Report written", "May 2006"),
        ("Funding bid made", "October 2006"),
    ]


def test_several_output_lines_share_one_date() -> None:
    milestones = pair_milestones(
        [_cell("Leaflet printed\nLeaflet sent")], [_cell("June 2006")], SourceRef()
    )
    assert [m.output for m in milestones] == ["Leaflet printed", "Leaflet sent"]
    assert all(m.timescale and m.timescale.text == "June 2006" for m in milestones)


def test_a_date_without_output_is_a_milestone() -> None:
    (milestone,) = pair_milestones([], [_cell("Ongoing")], SourceRef())
    assert milestone.output is None
    assert milestone.timescale is not None and milestone.timescale.text == "Ongoing"


def test_preamble_labels_apply_down_their_column() -> None:
    table = make_table(
        [
            ["Objectives:", "", "Performance Indicators:"],
            [
                "• To cut thefts from cars by 8% by 2009\n• To reassure residents",
                "",
                "• Police recorded crime",
            ],
            ["Next Review Date:", "", ""],
            ["March 2008", "", ""],
        ]
    )
    items = [(i.kind, i.text) for i in read_preamble(table.rows)]
    assert items == [
        ("objective", "To cut thefts from cars by 8% by 2009"),
        ("objective", "To reassure residents"),
        ("indicator", "Police recorded crime"),
        ("review", "March 2008"),
    ]


def test_flattened_objectives_and_areas_of_work_are_split() -> None:
    table = make_table(
        [
            ["Objective: To cut burglary by 20% by 2009 To cut car crime by 10% by 2009"],
            ["The plan has three areas of work: 1. Offenders 2. Victims 3. Places"],
        ]
    )
    items = [(i.kind, i.ref, i.text) for i in read_preamble(table.rows)]
    assert items == [
        ("objective", None, "To cut burglary by 20% by 2009"),
        ("objective", None, "To cut car crime by 10% by 2009"),
        ("text", None, "The plan has three areas of work:"),
        ("workstream", "1", "Offenders"),
        ("workstream", "2", "Victims"),
        ("workstream", "3", "Places"),
    ]


def test_rows_to_actions_reads_groups_continuations_and_markers() -> None:
    table = make_table(
        [
            ["No", "Action", "Lead", "Target", "Timescale", "Notes"],
            ["1. Prevention", "", "", "", "", ""],
            [
                "1.1 *",
                "Hold safety days in schools",
                "Amy Fox Youth Service",
                "3 days held",
                "July 2006",
                "",
            ],
            ["", "", "", "Review held", "March 2007", ""],
            ["2.", "Enforcement", "", "", "", ""],
            [
                "2.1",
                "Use dispersal powers",
                "TBC",
                "Order in place",
                "Sept 06",
                "Needs council vote",
            ],
            ["", "", "Ben Hall Licensing Unit", "", "", ""],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    reading = rows_to_actions(table, layout)
    first, second = reading.actions
    assert [(w.ref, w.title) for w in reading.workstreams] == [
        ("1", "Prevention"),
        ("2", "Enforcement"),
    ]
    assert (first.ref, first.workstream, [m.symbol for m in first.markers]) == (
        "1.1",
        "Prevention",
        ["*"],
    )
    assert [m.output for m in first.milestones] == ["3 days held", "Review held"]
    assert [lead.person for lead in second.leads] == ["Ben Hall"]
    assert [(e.name, e.value) for e in second.extra] == [
        ("Lead", "TBC"),
        ("Notes", "Needs council vote"),
    ]
    assert reading.leftovers == ()


def test_rows_before_the_first_action_with_labels_are_preamble() -> None:
    table = make_table(
        [
            ["Ref", "Task", "Responsible", "By when", "RAG"],
            ["Next Review Date: April 2007", "", "", "", ""],
            ["A1", "Open a drop-in", "Lia Moss Health Trust", "June 2006", "Green"],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    reading = rows_to_actions(table, layout)
    assert [(i.kind, i.text) for i in reading.preamble] == [("review", "April 2007")]
    assert [a.status for a in reading.actions] == ["Green"]


def test_repeated_header_and_wrapped_text_rows() -> None:
    table = make_table(
        [
            ["Ref", "Action", "Lead", "Timescale"],
            ["1", "Open a youth shelter in the park", "Parks Team", "May 2010"],
            ["", "and consult neighbours first", "", ""],
            ["Ref", "Action", "Lead", "Timescale"],
            ["2", "Fit gates to the rear alleys", "Housing Team", "July 2010"],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    reading = rows_to_actions(table, layout)
    assert [(a.ref, a.text) for a in reading.actions] == [
        ("1", "Open a youth shelter in the park and consult neighbours first"),
        ("2", "Fit gates to the rear alleys"),
    ]


def test_wrapped_output_lines_are_cut_to_the_number_of_dates() -> None:
    # A PDF cell: two outputs written one after another, wrapped over two lines.
    milestones = pair_milestones(
        [_cell("Survey of 40 shops done Report to the\nboard Scheme extended to market stalls")],
        [_cell("May 2007\nJuly 2007\nMarch 2008")],
        SourceRef(),
    )
    assert [m.output for m in milestones] == [
        "Survey of 40 shops done",
        "Report to the board",
        "Scheme extended to market stalls",
    ]


def test_a_wrapped_single_output_stays_one_milestone() -> None:
    (milestone,) = pair_milestones(
        [_cell("Lighting improved at all the\nunderpasses named in the survey")],
        [_cell("Review position in the autumn and then\nto be ongoing")],
        SourceRef(),
    )
    assert milestone.output == "Lighting improved at all the underpasses named in the survey"
    assert milestone.timescale is not None
    assert milestone.timescale.text == "Review position in the autumn and then to be ongoing"


def test_outputs_carried_into_the_next_row_meet_their_dates() -> None:
    table = make_table(
        [
            ["No", "Action", "Lead", "Target", "Timescale"],
            [
                "1.1",
                "Extend the alarm scheme",
                "Ann Cole Safer Homes",
                "60 alarms fitted",
                "May 2006 June 2006 July 2006",
            ],
            ["", "", "", "Scheme evaluated Report to the board", ""],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    (action,) = rows_to_actions(table, layout).actions
    assert [(m.output, m.timescale.text if m.timescale else None) for m in action.milestones] == [
        ("60 alarms fitted", "May 2006"),
        ("Scheme evaluated", "June 2006"),
        ("Report to the board", "July 2006"),
    ]


def test_an_outcome_in_the_first_column_groups_the_rows_under_it() -> None:
    table = make_table(
        [
            ["Outcome", "Action", "Owner", "Timescale"],
            ["Fewer repeat offenders", "Expand the cohort", "Police", "Q2 2014/15"],
            ["", "Find housing for prison leavers", "Housing Team", "March 2015"],
        ]
    )
    layout = find_layout(table)
    assert layout is not None
    reading = rows_to_actions(table, layout)
    assert [a.outcome for a in reading.actions] == ["Fewer repeat offenders"] * 2


def test_a_bulleted_action_cell_holds_one_action_per_bullet() -> None:
    grid = make_table(
        [
            ["Priority", "What we will do", "Lead", "When"],
            ["Safer streets", "- Light the underpass\n- Cut back hedges", "Parks Team", "May 2014"],
            [
                "Safer homes",
                "Fit locks for older residents\n- in the two wards",
                "Care & Repair",
                "June 2014",
            ],
        ]
    )
    layout = find_layout(grid)
    assert layout is not None
    reading = rows_to_actions(grid, layout)
    assert [a.text for a in reading.actions][:2] == ["Light the underpass", "Cut back hedges"]
    assert [a.leads[0].organisation for a in reading.actions][:2] == ["Parks Team"] * 2
    assert len(reading.actions) == 3
    assert reading.groups == ("Safer streets", "Safer streets", "Safer homes")
