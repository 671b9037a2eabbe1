"""build_plan on whole documents: synthetic fixtures in several layouts, the real seeds,
and arbitrary input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspplan import load
from cspplan.document import Cell, Document, Heading, ListItem, Paragraph, Row, Table
from cspplan.model.plan import Action, Plan, Target
from cspplan.recognise import build_plan
from cspplan.stats import plan_stats

FIXTURES = Path(__file__).parent / "fixtures" / "recognise"


def _timescale(milestone: Any) -> str | None:
    return milestone.timescale.text if milestone.timescale else None


def _action(action: Action) -> dict[str, Any]:
    return {
        "id": action.id,
        "ref": action.ref,
        "text": action.text,
        "workstream": action.workstream,
        "objective": action.objective,
        "leads": [[lead.person, lead.organisation, lead.role] for lead in action.leads],
        "milestones": [[m.output, _timescale(m)] for m in action.milestones],
        "status": action.status,
        "resources": action.resources,
        "evaluation": action.evaluation,
        "outcome": action.outcome,
        "indicators": [i.text for i in action.indicators],
        "markers": [[m.symbol, m.meaning] for m in action.markers],
        "extra": [[e.name, e.value] for e in action.extra],
    }


def _target(target: Target) -> dict[str, Any]:
    # The statement's exact bounds belong to the target reader's own tests.
    return {"id": target.id, "trajectory": len(target.trajectory)}


def structure_of(plan: Plan) -> dict[str, Any]:
    """What the structural recognisers decided, without the text-level readings (dates,
    target arithmetic) that other tests own."""
    return {
        "title": plan.title,
        "priorities": [
            {
                "title": p.title,
                "description": p.description,
                "review": p.review.text if p.review else None,
                "workstreams": [[w.ref, w.title] for w in p.workstreams],
                "objectives": [
                    [o.id, o.ref, o.text, [t.id for t in o.targets]] for o in p.objectives
                ],
                "indicators": [i.text for i in p.indicators],
                "targets": [_target(t) for t in p.targets],
                "actions": [_action(a) for a in p.actions],
            }
            for p in plan.priorities
        ],
        "objectives": [[o.id, o.ref, o.text, [t.id for t in o.targets]] for o in plan.objectives],
        "targets": [_target(t) for t in plan.targets],
        "actions": [_action(a) for a in plan.actions],
        "indicators": [i.text for i in plan.indicators],
        "markers": [[m.symbol, m.meaning] for m in plan.markers],
        "memberships": [[m.group, m.role, m.person, m.organisation] for m in plan.memberships],
        "unclassified": [[u.kind, u.text] for u in plan.unclassified],
    }


FIXTURE_FILES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_structure_matches_golden(name: str, golden: Callable[..., None]) -> None:
    plan = load(FIXTURES / name)
    golden(f"recognise/{Path(name).stem}", structure_of(plan))


def test_objective_column_gives_objectives_and_links() -> None:
    plan = load(FIXTURES / "merged_cells.md")
    assert [o.text for o in plan.objectives] == [
        "Fewer first-time entrants to the youth justice system",
        "Reduce youth reoffending by 5% by 2011",
    ]
    assert [a.objective for a in plan.actions] == ["O1", "O1", "O2"]


def test_ref_inside_the_action_cell_and_objectives() -> None:
    plan = load(FIXTURES / "objectives_ref_in_cell.txt")
    assert [o.ref for o in plan.objectives] == ["1", "2"]
    assert "Knife carrying among under 18s" in plan.objectives[0].text
    assert [a.ref for a in plan.actions] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    assert [a.objective for a in plan.actions] == ["O1", "O1", "O2", "O2", "O2"]
    placeholder = plan.actions[4]
    assert placeholder.leads == ()
    assert placeholder.extra[0].value == "Await appointment of co-ordinator"
    # An objective that states a percentage also yields a target.
    assert [t.id for t in plan.objectives[1].targets] == ["T1"]


def test_task_responsible_by_when_rag_table() -> None:
    plan = load(FIXTURES / "task_responsible_rag.txt")
    (priority,) = plan.priorities
    assert [(w.ref, w.title) for w in priority.workstreams] == [
        ("1", "Criminal damage"),
        ("2", "Deliberate fires"),
    ]
    assert [a.status for a in priority.actions] == ["Green", "Amber", "Red", "Amber", "Green"]
    assert [len(a.leads) for a in priority.actions] == [1, 1, 2, 0, 1]


def test_table_split_by_a_page_break_is_joined() -> None:
    plan = load(FIXTURES / "page_break.txt")
    (priority,) = plan.priorities
    assert [a.ref for a in priority.actions] == ["A1", "A2", "A3", "A4", "A5"]
    assert len(priority.actions[1].milestones) == 2
    assert not [u for u in plan.unclassified if u.kind == "table"]


def test_rows_cut_across_pages_rejoin_their_actions() -> None:
    """A delivery plan with no ref column whose rows run over page breaks: the parts after
    each break finish their rows, and a row after a break with its own lead stays an action."""
    import cspplan

    plan = load(FIXTURES / "rows_across_pages.txt")
    actions = list(plan.all_actions())
    assert [a.text[:24] for a in actions] == [
        "Fit window locks and doo",
        "Install barriers and lig",
        "Offer young people in th",
        "Set up a night-time econ",
        "Give every A&E patient h",
        "Run two speed awareness ",
    ]
    assert actions[0].text.endswith("campaign in the Northfield and Brook Lane estates.")
    assert actions[1].text.endswith("patrol weeks with the special constables.")
    assert actions[2].text.endswith("b) Mediation for neighbour disputes")
    assert actions[3].text.endswith("pubwatch radio link to the late bars.")
    assert [len(a.leads) for a in actions] == [1, 2, 2, 1, 1, 1]
    assert actions[3].resources == "Mainstream\n£6k"
    assert cspplan.check(plan, select="M301") == []


def test_unknown_column_is_kept_by_its_header() -> None:
    plan = load(FIXTURES / "unknown_column.txt")
    actions = plan.priorities[0].actions
    assert [e.name for a in actions for e in a.extra] == ["Partners involved"] * 3
    assert actions[0].resources == "£45,000"


def test_unruled_export_with_preamble_legend_and_continuations() -> None:
    plan = load(FIXTURES / "unruled_export.txt")
    (priority,) = plan.priorities
    assert [o.text for o in priority.objectives][
        1
    ] == "To increase the number of people in treatment"
    assert priority.review is not None and priority.review.text == "October 2004"
    assert [a.ref for a in priority.actions] == ["1.1", "1.2", "2.1", "2.2"]
    assert priority.actions[1].markers[0].meaning == "Action shared with the Young People Plan"
    assert [lead.organisation for lead in priority.actions[2].leads] == [
        "Trading Standards",
        "Southgate Police",
    ]


def test_narrative_priorities_targets_and_members() -> None:
    plan = load(FIXTURES / "narrative.txt")
    titles = [p.title for p in plan.priorities]
    assert titles == [
        "Reducing burglary",
        "Tackling domestic abuse",
        "Making the town centre safe at night",
    ]
    burglary = plan.priorities[0]
    assert [t.id for t in burglary.targets] == ["T1"]
    assert len(burglary.targets[0].trajectory) == 4
    assert len(burglary.actions) == 2 and len(plan.priorities[1].actions) == 2
    assert [i.text for i in burglary.indicators] == [
        "fewer burglaries recorded by the police each year",
        "fewer repeat victims",
    ]
    assert [(m.role, m.person) for m in plan.memberships] == [
        ("Chair", "Cllr Janet Moss"),
        ("Vice Chair", "Chief Inspector Alan Webb"),
        ("Members", "Sara Quinn"),
        ("Members", "Omar Haddad"),
    ]


def test_ids_are_unique_and_in_document_order() -> None:
    plan = load(FIXTURES / "unruled_export.txt")
    ids = [a.id for a in plan.all_actions()]
    assert ids == [f"A{n}" for n in range(1, len(ids) + 1)]


def test_nothing_is_dropped(tmp_path: Path) -> None:
    # Every block is either placed or kept: unknown text stays in unclassified.
    source = tmp_path / "odd.txt"
    source.write_text("Some heading\n\nA paragraph no recogniser knows about.\n", encoding="utf-8")
    plan = load(source)
    assert [u.text for u in plan.unclassified] == [
        "Some heading",
        "A paragraph no recogniser knows about.",
    ]


# ---- arbitrary input ---------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80
) | st.sampled_from(
    [
        "No",
        "Action",
        "Lead",
        "Timescale",
        "Objectives:",
        "1.1 *",
        "2. Prevention",
        "Our priorities are:",
        "Objective 3 Cut crime by 10% by 2008",
        "Car Crime - Strategic target to reduce thefts by 9% from 300 to 273 by 2008/09",
        "2004/05 Benchmark",
        "Sue Hill Partnership Team",
        "March 2006 June 2006",
        "▲",
        "PRIORITY 2 – PROTECTING VULNERABLE PEOPLE",
        "Domestic Abuse Action Plan",
        "- Fit locks",
        "Baseline",
        "Target",
        "1,200 (2010/11)",
        "Reduce repeat victims by 5%",
        "What we will do",
        "Head of Housing, Eastshire DC",
        "The partnership has three priorities:",
    ]
)


def _cell(texts: list[str]) -> Cell:
    return Cell(lines=tuple(texts))


_TABLE = st.lists(
    st.lists(st.lists(_TEXT, max_size=3).map(_cell), min_size=1, max_size=6).map(
        lambda cells: Row(cells=tuple(cells))
    ),
    min_size=1,
    max_size=6,
).map(lambda rows: Table(rows=tuple(rows)))
_BLOCK = st.one_of(
    _TEXT.map(lambda t: Heading(text=t)),
    _TEXT.map(lambda t: Paragraph(text=t)),
    st.tuples(_TEXT, st.sampled_from(["•", "*", "▲", "1.", "-"])).map(
        lambda p: ListItem(text=p[0], marker=p[1])
    ),
    _TABLE,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, max_size=12))
def test_build_plan_never_raises_and_never_drops(blocks: list[Any]) -> None:
    document = Document(
        path="x.txt", sha256="0", media_type="text/plain", parser="text", blocks=tuple(blocks)
    )
    plan = build_plan(document)
    stats = plan_stats(plan, document)
    assert stats.coverage is not None and 0.0 <= stats.coverage <= 1.0


# ---- the real seeds ------------------------------------------------------------------------


def test_seed_000_targets_and_action_plans(seeds: dict[str, Path]) -> None:
    plan = load(seeds["000"])
    assert len(plan.priorities) == 4
    assert [len(p.actions) for p in plan.priorities] == [19, 14, 9, 13]
    actions = list(plan.all_actions())
    assert len(actions) == 55
    assert all(a.leads for a in actions)
    assert all(a.milestones for a in actions)
    assert sum(1 for a in actions if len(a.milestones) > 1) >= 15
    strategic = [t for p in plan.priorities for t in p.targets] + list(plan.targets)
    with_trajectory = [t for t in strategic if t.trajectory]
    assert len(with_trajectory) == 13
    distinct = {
        (t.baseline and t.baseline.value.value, t.target and t.target.value.value)
        for t in with_trajectory
    }
    assert len(distinct) == 12
    assert all(t.baseline is not None and t.target is not None for t in with_trajectory)
    assert {m.symbol for m in plan.markers} == {"*", "▲"}
    assert all(m.meaning for a in actions for m in a.markers)
    assert len(plan.memberships) >= 40


def test_seed_003_objectives_and_actions(seeds: dict[str, Path]) -> None:
    plan = load(seeds["003"])
    objectives = list(plan.all_objectives())
    assert [o.ref for o in objectives] == [str(n) for n in range(1, 9)]
    actions = list(plan.all_actions())
    assert len(actions) == 30
    assert {a.objective for a in actions} == {o.id for o in objectives}
    assert sum(1 for a in actions if not a.leads) == 1  # "Await outcome of review"


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_coverage_is_measured(seeds: dict[str, Path], name: str) -> None:
    from cspplan import parse_document

    document = parse_document(seeds[name])
    plan = build_plan(document)
    stats = plan_stats(plan, document)
    assert stats.coverage is not None
    assert stats.priorities >= (0 if name == "003" else 4)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_word_and_pdf_samples_read_as_the_text_does(shared_dir: Path, suffix: str) -> None:
    pytest.importorskip(f"cspplan.parsers.{suffix[1:]}")
    samples = shared_dir / "samples"
    plan = load(samples / f"000_af2264a10d005314{suffix}")
    assert [len(p.actions) for p in plan.priorities] == [19, 14, 9, 13]
    assert {m.symbol for m in plan.markers} == {"*", "▲"}
    assert sum(1 for t in plan.all_targets() if t.trajectory) == 13
    plan = load(samples / f"003_b377d548dabecb90{suffix}")
    assert [o.ref for o in plan.all_objectives()] == [str(n) for n in range(1, 9)]
    assert sum(1 for _ in plan.all_actions()) == 30


def test_objective_set_out_as_a_heading() -> None:
    blocks = (
        Heading(text="Hillcrest Partnership Plan 2009"),
        Heading(text="Objective 4 Cut repeat calls about noise"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(
                    cells=(
                        Cell(lines=("4.1 Visit every repeat caller",)),
                        Cell(lines=("Noise Team",)),
                    )
                ),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert [(o.ref, o.text) for o in plan.objectives] == [("4", "Cut repeat calls about noise")]
    assert [(a.ref, a.objective) for a in plan.actions] == [("4.1", "O1")]


def test_a_lone_bullet_above_an_action_table_explains_its_marker() -> None:
    # Word turns a "*" bullet into "•": the legend line keeps only its meaning.
    blocks = (
        Heading(text="Hillcrest Partnership Plan 2009"),
        Heading(text="Car Crime Action Plan"),
        ListItem(text="Linked to the rural crime plan", marker="•"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("No",)), Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(
                    cells=(
                        Cell(lines=("1.1 *",)),
                        Cell(lines=("Mark tools",)),
                        Cell(lines=("Farm Watch",)),
                    )
                ),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    (action,) = plan.priorities[0].actions
    assert [(m.symbol, m.meaning) for m in action.markers] == [
        ("*", "Linked to the rural crime plan")
    ]
    assert plan.priorities[0].objectives == ()


def test_a_plain_list_under_a_priorities_heading_names_the_priorities() -> None:
    blocks = (
        Heading(text="Greystone Partnership Plan 2012"),
        Heading(text="Our Priorities"),
        ListItem(text="Reducing anti-social behaviour", marker="•"),
        ListItem(text="Protecting vulnerable people", marker="•"),
        Heading(text="Performance"),
        ListItem(text="Crime fell last year", marker="•"),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert [p.title for p in plan.priorities] == [
        "Reducing anti-social behaviour",
        "Protecting vulnerable people",
    ]
    assert [u.text for u in plan.unclassified] == [
        "Our Priorities",
        "Performance",
        "Crime fell last year",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Objective 1" + " " * 20000,
        "A" * 30000,
        "Car Crime - " + "x " * 15000,
        "1.1 " + "* " * 10000,
        "Sue Hill " * 5000,
        "Please note " + "these are indicated with the following " * 800,
        "Our key " + "priorities " * 3000 + ":",
    ],
)
def test_hostile_lines_are_read_quickly(line: str) -> None:
    import time

    blocks = (
        Paragraph(text=line),
        ListItem(text=line, marker="*"),
        Heading(text=line),
        Table(
            rows=(
                Row(cells=(Cell(lines=("No",)), Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(cells=(Cell(lines=(line,)), Cell(lines=(line,)), Cell(lines=(line,)))),
            )
        ),
    )
    started = time.perf_counter()
    build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert time.perf_counter() - started < 120  # a hang guard, not a timing


def test_a_table_of_indicator_codes_gives_indicators() -> None:
    blocks = (
        Heading(text="Millbrook Partnership Plan 2009"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("Indicator",)), Cell(lines=("Baseline",)))),
                Row(
                    cells=(
                        Cell(lines=("NI 16 Serious acquisitive crime rate",)),
                        Cell(lines=("14.2",)),
                    )
                ),
                Row(cells=(Cell(lines=("NI 20 Assault with injury",)), Cell(lines=("6.1",)))),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert [i.code for i in plan.indicators] == ["NI 16", "NI 20"]
    assert [u.kind for u in plan.unclassified] == ["table"]


def test_a_generic_action_plan_heading_opens_no_priority() -> None:
    blocks = (
        Heading(text="Stonebridge Partnership Plan 2010"),
        Heading(text="Action Plan"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(cells=(Cell(lines=("Run two knife amnesties",)), Cell(lines=("Police",)))),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert plan.priorities == ()
    assert [a.text for a in plan.actions] == ["Run two knife amnesties"]


def test_a_legend_inside_the_table_above_its_rows() -> None:
    blocks = (
        Heading(text="Fenwick Partnership Plan 2008"),
        Heading(text="Arson Action Plan"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("# Funded by the county fire service",)),)),
                Row(cells=(Cell(lines=("No",)), Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(
                    cells=(
                        Cell(lines=("1 #",)),
                        Cell(lines=("Clear fly-tipping",)),
                        Cell(lines=("Street Care",)),
                    )
                ),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    (action,) = plan.priorities[0].actions
    assert [(m.symbol, m.meaning) for m in action.markers] == [
        ("#", "Funded by the county fire service")
    ]


def test_cells_above_a_plan_level_table_are_never_dropped() -> None:
    blocks = (
        Heading(text="Oakridge Partnership Plan 2010"),
        Paragraph(text="Objective 1 Reduce thefts from sheds"),
        Table(
            rows=(
                Row(cells=(Cell(lines=("Note: figures are provisional",)),)),
                Row(cells=(Cell(lines=("Next Review Date: May 2010",)),)),
                Row(cells=(Cell(lines=("No",)), Cell(lines=("Action",)), Cell(lines=("Lead",)))),
                Row(cells=(Cell(lines=("2. Gardens",)),)),
                Row(
                    cells=(
                        Cell(lines=("1.1",)),
                        Cell(lines=("Mark tools",)),
                        Cell(lines=("Shed Watch",)),
                    )
                ),
            )
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    assert [(a.objective, a.workstream) for a in plan.actions] == [("O1", "Gardens")]
    assert [u.text for u in plan.unclassified] == ["Note: figures are provisional", "May 2010"]


def test_we_will_lists_under_a_priority_are_actions() -> None:
    blocks = (
        Heading(text="Hartfield Partnership Plan 2014"),
        Heading(text="Priority 1: Reducing re-offending"),
        Paragraph(text="We will:"),
        ListItem(text="expand offender management to 60 people", marker="•"),
        ListItem(text="open a women's centre", marker="•"),
        Heading(text="Priority 2: Safer streets"),
        ListItem(text="Keep reported street crime below 2013 levels", marker="•"),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    first, second = plan.priorities
    assert (first.ref, first.title) == ("1", "Reducing re-offending")
    assert [a.text for a in first.actions] == [
        "expand offender management to 60 people",
        "open a women's centre",
    ]
    assert [o.text for o in second.objectives] == ["Keep reported street crime below 2013 levels"]


def _table(rows: list[list[str]]) -> Table:
    return Table(
        rows=tuple(Row(cells=tuple(Cell(lines=(t,) if t else ()) for t in r)) for r in rows)
    )


def test_a_table_of_targets_without_a_statement_gives_targets() -> None:
    blocks = (
        Heading(text="Ferndale Partnership Plan 2008"),
        Heading(text="Priority 1: Vehicle crime"),
        _table(
            [
                ["", "2007/08 Baseline", "2008/09", "2009/10", "2010/11"],
                ["Thefts of vehicles", "420", "400", "380", "360"],
                ["Thefts from vehicles", "910", "870", "830", "790"],
            ]
        ),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    targets = plan.priorities[0].targets
    assert [t.id for t in targets] == ["T1", "T2"]
    assert all(len(t.trajectory) == 4 for t in targets)
    assert plan.unclassified == ()


def test_a_trajectory_before_its_statement_waits_for_it() -> None:
    blocks = (
        Heading(text="Ferndale Partnership Plan 2008"),
        _table(
            [
                ["", "2007/08 Baseline", "2008/09", "2009/10 (Target-10%)"],
                ["Recorded assaults", "500", "475", "450"],
            ]
        ),
        Paragraph(text="Strategic target to reduce assaults by 10% from 500 to 450 by 2009/10"),
    )
    plan = build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )
    (target,) = plan.targets
    assert len(target.trajectory) == 3
    assert plan.unclassified == ()


def _plan_of(*blocks: Any) -> Plan:
    return build_plan(
        Document(path="x", sha256="0", media_type="text/plain", parser="text", blocks=blocks)
    )


def test_parts_of_a_priority_keep_it_open_but_a_shallower_heading_does_not() -> None:
    header = Row(cells=tuple(Cell(lines=(t,)) for t in ("Action", "Lead", "Target date")))
    row = Row(cells=tuple(Cell(lines=(t,)) for t in ("Mark bikes", "Police", "May 2020")))
    plan = _plan_of(
        Heading(text="Our Priorities", level=2),
        Heading(text="1. Safer Streets", level=3),
        Heading(text="Why is this a priority?", level=4),
        Paragraph(text="Street robbery doubled in two years."),
        Heading(text="What we will do", level=4),
        ListItem(text="Light the underpass", marker="-"),
        Heading(text="Key Actions", level=2),
        Table(rows=(header, row)),
    )
    (priority,) = plan.priorities
    assert priority.ref == "1" and priority.title == "Safer Streets"
    assert priority.description == "Street robbery doubled in two years."
    assert [a.text for a in priority.actions] == ["Light the underpass"]
    assert [a.text for a in plan.actions] == ["Mark bikes"]
