"""Recognition's three roles in isolation: block facts, table roles, the draft's owner lookup,
the column-kind table and the one row-continuation decision."""

from __future__ import annotations

import attrs
import pytest

from cspplan.document import Cell, Heading, ListItem, Paragraph, Row
from cspplan.model.plan import Action, Target
from cspplan.model.source import SourceRef
from cspplan.recognise.columns import COLUMNS, CellReading, ColumnKind, spec
from cspplan.recognise.draft import PlanDraft
from cspplan.recognise.facts import (
    LineFacts,
    TableRole,
    heading_facts,
    is_page_furniture,
    reads_as_heading,
    table_role,
)
from cspplan.recognise.tables import column_kind
from cspplan.text.continuation import RowColumns, continues_row, leads_throughout
from recognise_helpers import make_table

# --- table roles ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "role"),
    [
        (
            [
                ["Ref", "Action", "Lead", "Timescale"],
                ["1.1", "Run a campaign", "Police", "May 2025"],
            ],
            TableRole.ACTION,
        ),
        (
            [["Activity", "Responsible", "By when?"], ["Train staff", "Council", "2025"]],
            TableRole.ACTION,
        ),
        (
            [["", "2007/08 Baseline", "2008/09", "2009/10"], ["Burglaries", "500", "480", "460"]],
            TableRole.TRAJECTORY,
        ),
        (
            [
                ["Chair", "Cllr Ann Byrne", "Hillside District Council"],
                ["Members", "Joe Marsh", "Hillside Homes"],
                ["", "PC Kay Lin", "Hillside Police"],
            ],
            TableRole.MEMBERSHIP,
        ),
        (
            [
                ["NI 16", "Serious acquisitive crime rate", "12.4"],
                ["NI 20", "Assault with injury crime rate", "6.1"],
                ["NI 32", "Repeat incidents of domestic violence", "28%"],
            ],
            TableRole.INDICATOR,
        ),
        ([["Venue", "Opening hours"], ["Library", "9 to 5"]], TableRole.OTHER),
        # A header row with no action column: not an action table, whatever else it names.
        ([["Lead", "Timescale"], ["Police", "2025"]], TableRole.OTHER),
    ],
)
def test_table_role_from_the_table_alone(rows: list[list[str]], role: TableRole) -> None:
    assert table_role(make_table(rows)) is role


def test_a_table_of_targets_by_period_is_a_performance_table() -> None:
    rows = [
        ["Measure", "Baseline 2007/08", "2008/09", "2009/10", "2010/11"],
        ["Burglary dwelling", "500", "480", "460", "440"],
        ["Vehicle crime", "900", "860", "820", "780"],
    ]
    assert table_role(make_table(rows)) is TableRole.PERFORMANCE


# --- heading facts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Property Crime Action Plan", {"action_plan": "Property Crime Action Plan"}),
        ("Priority 2: Hate crime", {"numbered_priority": ("2", "Hate crime")}),
        ("3. Our Priorities", {"priorities": True, "number": 3}),
        ("What we will do", {"part": True, "delivery": True}),
        ("How will we know we are making a difference?", {"part": True, "measures": True}),
        ("Performance Management", {"ends": True, "generic": True}),
        ("Action Plan", {"generic": True, "action_plan": None}),
        ("LAA Targets;", {"sub_label": True}),
        ("1. Reducing Violent Crime", {"leading": ("1", "Reducing Violent Crime"), "number": 1}),
        ("Safer   Roads", {"text": "Safer Roads", "words": 2, "ends": False, "part": False}),
    ],
)
def test_heading_facts(text: str, facts: dict[str, object]) -> None:
    found = heading_facts(text)
    for name, value in facts.items():
        assert getattr(found, name) == value, name


@pytest.mark.parametrize(
    ("text", "objective", "list_kind", "intro", "we_will"),
    [
        ("Objective 2 Reduce repeat burglary", ("2", "Reduce repeat burglary"), None, False, False),
        ("Objectives:", None, "objective", False, False),
        ("Performance indicators:", None, "indicator", False, False),
        ("The four key priorities for community safety are:", None, None, True, False),
        ("To do this we will:", None, None, False, True),
        ("Crime fell by a tenth last year.", None, None, False, False),
    ],
)
def test_line_facts(
    text: str,
    objective: tuple[str, str] | None,
    list_kind: str | None,
    intro: bool,
    we_will: bool,
) -> None:
    facts = LineFacts(text)
    assert facts.objective == objective
    assert facts.list_kind == list_kind
    assert facts.priorities_intro is intro
    assert facts.we_will is we_will


def test_short_lines_read_as_headings_and_page_numbers_as_furniture() -> None:
    title = Paragraph(text="Less crime - delivery actions 2011/12")
    assert reads_as_heading(title, None, None)
    assert not reads_as_heading(Paragraph(text="We will act."), None, None)
    numbered = ListItem(text="How we will tackle these issues", marker="7.")
    assert reads_as_heading(numbered, Paragraph(text="Text"), None)
    # One item of a numbered list is an item, not a heading.
    assert not reads_as_heading(numbered, ListItem(text="Next", marker="8."), None)
    assert is_page_furniture(Paragraph(text="Page 3 of 12"))
    assert is_page_furniture(Paragraph(text="(continued)"))
    assert not is_page_furniture(Heading(text="Page layout", level=2))


# --- the draft's owner lookup ---------------------------------------------------------------


def _target(statement: str) -> Target:
    return Target(id=statement, statement=statement, metric=statement)


def test_home_is_the_owner_or_the_plan() -> None:
    draft = PlanDraft()
    priority = draft.add_priority("Safer roads", SourceRef())
    assert draft.home(priority) is priority
    assert draft.home(None) is draft.plan
    draft.home(None).actions.append(draft.new_action("Run a campaign", SourceRef()))
    assert [a.id for a in draft.plan.actions] == ["A1"] and not priority.actions


def test_find_priority_matches_wordings_and_aliases() -> None:
    draft = PlanDraft()
    roads = draft.add_priority("Reducing road casualties", SourceRef())
    crime = draft.add_priority("Anti-social behaviour", SourceRef())
    draft.add_alias(crime, "Nuisance")
    assert draft.find_priority("Road casualties action plan") is roads
    assert draft.find_priority("Antisocial Behaviour") is crime
    assert draft.find_priority("nuisance") is crime
    assert draft.find_priority("Domestic abuse") is None


def test_named_targets_go_to_the_named_priority_else_the_open_one_else_the_plan() -> None:
    draft = PlanDraft()
    roads = draft.add_priority("Road safety", SourceRef())
    open_one = draft.add_priority("Burglary", SourceRef())
    named, unnamed, loose = _target("a"), _target("b"), _target("c")
    draft.name_target(named, "Road Safety", open_one)
    draft.name_target(unnamed, "", open_one)
    draft.name_target(loose, "", None)
    draft.place_named_targets()
    assert roads.targets == [named]
    assert open_one.targets == [unnamed]
    assert draft.plan.targets == [loose]


def test_ids_count_by_kind_in_the_order_found() -> None:
    draft = PlanDraft()
    assert [draft.next_id("A"), draft.next_id("T"), draft.next_id("A")] == ["A1", "T1", "A2"]
    objective = draft.make_objective("Reduce burglary by 10% by 2026", None, SourceRef())
    assert objective.id == "O1" and [t.id for t in objective.targets] == ["T2"]


def test_action_table_actions_go_to_their_priority_group() -> None:
    from cspplan.recognise.actions import ActionTableReading

    draft = PlanDraft()
    reading = ActionTableReading(
        actions=(Action(id="", text="Patrol"), Action(id="", text="Mark bikes")),
        groups=("Street crime", None),
        objectives=(None, None),
    )
    draft.place_action_table(0, reading, None, grouped=True, objective_id=None)
    (group,) = draft.priorities
    assert group.title == "Street crime" and [a.id for a in group.actions] == ["A1"]
    # An action without a group stays with the owner given: here the plan.
    assert [a.text for a in draft.plan.actions] == ["Mark bikes"]


# --- the column-kind table ------------------------------------------------------------------


def test_every_column_kind_has_one_entry_and_fields_exist_on_action() -> None:
    assert sorted(e.kind.value for e in COLUMNS) == sorted(k.value for k in ColumnKind)
    names = {a.name for a in attrs.fields(Action)}
    for entry in COLUMNS:
        assert (entry.field is not None) == (entry.reading is CellReading.FIELD), entry.kind
        assert entry.field is None or entry.field in names


@pytest.mark.parametrize(
    ("header", "kind", "reading"),
    [
        ("Resources", ColumnKind.RESOURCES, CellReading.FIELD),
        ("Lead Officer", ColumnKind.LEAD, CellReading.LEADS),
        ("Target date", ColumnKind.TIMESCALE, CellReading.DATES),
        ("Outcome/Output", ColumnKind.TARGET, CellReading.OUTPUTS),
        ("KPI", ColumnKind.INDICATOR, CellReading.INDICATORS),
        ("Theme", ColumnKind.PRIORITY, CellReading.GROUP),
    ],
)
def test_header_to_kind_to_reading(header: str, kind: ColumnKind, reading: CellReading) -> None:
    assert column_kind(header) is kind
    assert spec(kind).reading is reading


# --- one row-continuation decision ----------------------------------------------------------


def _row(*texts: str) -> Row:
    return Row(cells=tuple(Cell(lines=tuple(t.split("\n")) if t else ()) for t in texts))


ACTION_LEAD_DATE = RowColumns(action=1, lead=2, timescale=3, starts=frozenset({0}))


def test_continuation_with_column_meanings() -> None:
    upper = _row("1.1", "Work with schools to", "Police", "2025")
    assert continues_row(upper, _row("", "deliver talks", "", ""), ACTION_LEAD_DATE)
    # A row that fills the ref column starts an action of its own.
    assert not continues_row(upper, _row("1.2", "Deliver talks", "", ""), ACTION_LEAD_DATE)
    # No lead of its own where every row names one: the rest of the row above.
    rows = [_row("1.1", "Patrol", "Police", "2025"), _row("1.2", "Mark bikes", "Council", "")]
    assert leads_throughout(rows, ACTION_LEAD_DATE)
    finished = _row("1.2", "Mark bikes.", "Council", "")
    assert continues_row(finished, _row("", "Extra", "", ""), ACTION_LEAD_DATE, leads=True)
    assert not continues_row(finished, _row("", "Extra", "", ""), ACTION_LEAD_DATE)


def test_continuation_by_place_alone() -> None:
    upper = _row("2.1", "To provide places for children at the", "Lead")
    assert continues_row(upper, _row("", "Safehouse", ""), cut=True)
    assert continues_row(upper, _row("", "Safehouse", ""))
    assert not continues_row(_row("2.1", "Places.", "Lead"), _row("", "Safehouse", ""))
