"""Merged cells in action tables, as Word and PDF tables set them out."""

from __future__ import annotations

from cspplan.document import Cell, Document, Row, Table
from cspplan.model import SourceRef
from cspplan.recognise import build_plan


def cell(*lines: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(lines=lines, colspan=colspan, rowspan=rowspan)


def plan_of(*rows: Row):
    table = Table(rows=rows, source=SourceRef(file="t.docx", table=0))
    doc = Document(path="t.docx", sha256="0" * 64, media_type="x", parser="docx", blocks=(table,))
    return build_plan(doc)


HEADER = Row(cells=(cell("Ref"), cell("Action"), cell("Lead"), cell("Due")), is_header=True)


def test_a_full_width_section_row_in_sentence_case_starts_a_workstream() -> None:
    plan = plan_of(
        HEADER,
        Row(cells=(cell("Town centre at night", colspan=4),)),
        Row(
            cells=(
                cell("T1"),
                cell("Fund two taxi marshals"),
                cell("Licensing team"),
                cell("May 2025"),
            )
        ),
        Row(cells=(cell("Housing estates", colspan=4),)),
        Row(
            cells=(
                cell("H1"),
                cell("Repair estate lighting"),
                cell("Harbour Homes"),
                cell("July 2025"),
            )
        ),
    )
    actions = list(plan.all_actions())
    assert [(a.ref, a.workstream) for a in actions] == [
        ("T1", "Town centre at night"),
        ("H1", "Housing estates"),
    ]


def test_a_sentence_in_a_full_width_row_is_not_a_section() -> None:
    plan = plan_of(
        HEADER,
        Row(
            cells=(
                cell("T1"),
                cell("Fund two taxi marshals"),
                cell("Licensing team"),
                cell("May 2025"),
            )
        ),
        Row(cells=(cell("Review the marshal scheme with the licensing committee.", colspan=4),)),
    )
    assert all(a.workstream is None for a in plan.all_actions())


def test_a_lead_and_date_merged_down_cover_every_row_they_span() -> None:
    plan = plan_of(
        HEADER,
        Row(
            cells=(
                cell("1"),
                cell("Survey residents"),
                cell("Police", rowspan=2),
                cell("Ongoing", rowspan=3),
            )
        ),
        Row(cells=(cell("2"), cell("Report to the board"))),
        Row(cells=(cell("3"), cell("Door-to-door visits"), cell("Housing"))),
    )
    got = [
        (
            a.ref,
            [lead.text for lead in a.leads],
            [m.timescale.text for m in a.milestones if m.timescale],
        )
        for a in plan.all_actions()
    ]
    assert got == [
        ("1", ["Police"], ["Ongoing"]),
        ("2", ["Police"], ["Ongoing"]),
        ("3", ["Housing"], ["Ongoing"]),
    ]


def test_a_merged_down_action_gives_one_action_with_several_milestones() -> None:
    header = Row(cells=(cell("Action"), cell("Output"), cell("Lead"), cell("Due")), is_header=True)
    plan = plan_of(
        header,
        Row(
            cells=(
                cell("Refresh the CCTV network", rowspan=2),
                cell("Cameras surveyed"),
                cell("CCTV manager", rowspan=2),
                cell("June 2025"),
            )
        ),
        Row(cells=(cell("New cameras fitted"), cell("March 2026"))),
    )
    (action,) = plan.all_actions()
    assert [(m.output, m.timescale.text if m.timescale else None) for m in action.milestones] == [
        ("Cameras surveyed", "June 2025"),
        ("New cameras fitted", "March 2026"),
    ]


def test_a_second_header_row_marked_by_the_source_is_not_an_action() -> None:
    plan = plan_of(
        HEADER,
        Row(cells=(cell("Stage"), cell("Milestones", colspan=3)), is_header=True),
        Row(
            cells=(cell("1"), cell("Fit door chains"), cell("Care and Repair"), cell("April 2025"))
        ),
    )
    assert [a.ref for a in plan.all_actions()] == ["1"]


def test_a_merged_group_row_starting_with_a_verb_is_still_a_group() -> None:
    header = Row(cells=(cell("No"), cell("Action"), cell("Lead"), cell("Due")), is_header=True)
    plan = plan_of(
        header,
        Row(cells=(cell("2.1"), cell("Patrol the park at dusk"), cell("Police"), cell("May 2025"))),
        Row(cells=(cell("3. Support for victims", colspan=4),)),
        Row(
            cells=(
                cell("3.1"),
                cell("Fund an advocate post"),
                cell("CSP manager"),
                cell("June 2025"),
            )
        ),
    )
    assert [(a.ref, a.workstream) for a in plan.all_actions()] == [
        ("2.1", None),
        ("3.1", "Support for victims"),
    ]


def test_a_short_phrase_alone_in_its_row_names_a_group() -> None:
    header = Row(cells=(cell("Action"), cell("Owner"), cell("Due")), is_header=True)
    plan = plan_of(
        header,
        Row(cells=(cell("Prevention"), cell(), cell())),
        Row(cells=(cell("Run a schools safety week"), cell("Youth service"), cell("May 2025"))),
        Row(cells=(cell("Support for victims"), cell(), cell())),
        Row(cells=(cell("Fund an advocate post"), cell("CSP manager"), cell("June 2025"))),
    )
    assert [(a.text, a.workstream) for a in plan.all_actions()] == [
        ("Run a schools safety week", "Prevention"),
        ("Fund an advocate post", "Support for victims"),
    ]


def test_a_note_merged_across_the_columns_under_the_header_is_not_an_action() -> None:
    plan = plan_of(
        HEADER,
        Row(
            cells=(
                cell(),
                cell(
                    "These actions were agreed by the board in March and run for a year.", colspan=3
                ),
            )
        ),
        Row(
            cells=(cell("1"), cell("Fit door chains"), cell("Care and Repair"), cell("April 2025"))
        ),
    )
    assert [a.ref for a in plan.all_actions()] == ["1"]
