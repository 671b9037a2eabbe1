"""Items with their context: entries, keys (ids) unique across a plan, and one-line reprs."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import cspplan
from cspplan.model import Action, Claim, ClaimKind, Entry, Objective, Plan, Priority, Target
from cspplan.model.source import DocumentSource

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "plans").iterdir())
SOURCE = DocumentSource(
    path="/x/two-panels.txt", sha256="0" * 64, media_type="text/plain", parser="text"
)


def two_panels() -> Plan:
    """Two priorities whose actions share refs, as many panel plans number them."""
    objective = Objective(
        id="O1", text="Cut burglary", targets=(Target(id="T2", statement="by 5%"),)
    )
    first = Priority(
        title="Burglary",
        objectives=(objective,),
        targets=(Target(id="T1", statement="reduce burglary by 10%"),),
        actions=(Action(id="A1", ref="1.1", text="Mark property", objective="O1"),),
    )
    second = Priority(title="Disorder", actions=(Action(id="A2", ref="1.1", text="Patrol parks"),))
    return Plan(
        source=SOURCE,
        title="Plan",
        priorities=(first, second),
        actions=(Action(id="A3", ref="1.1", text="Publish results"),),
        claims=(Claim(id="C1", kind=ClaimKind.COUNT, statement="two priorities"),),
    )


def test_priorities_are_numbered_in_order_and_keep_given_ids() -> None:
    plan = two_panels()
    assert [p.id for p in plan.priorities] == ["P1", "P2"]
    given = Plan(source=SOURCE, priorities=(Priority(title="a", id="P2"), Priority(title="b")))
    assert [p.id for p in given.priorities] == ["P2", "P1"]
    clash = Plan(source=SOURCE, priorities=(Priority(title="a"), Priority(title="b", id="P1")))
    assert len({p.id for p in clash.priorities}) == 2
    # Evolving a plan keeps its priorities' ids.
    assert attrs.evolve(plan, title="New").priorities == plan.priorities


def test_action_entries_tell_actions_with_the_same_ref_apart() -> None:
    plan = two_panels()
    entries = plan.action_entries()
    assert isinstance(entries, list)
    assert [e.item.ref for e in entries] == ["1.1", "1.1", "1.1"]
    assert [(e.key, e.priority and e.priority.id) for e in entries] == [
        ("A1", "P1"),
        ("A2", "P2"),
        ("A3", None),
    ]
    assert entries[0].objective is not None and entries[0].objective.id == "O1"
    assert entries[1].objective is None
    assert [e.item for e in entries] == plan.all_actions()


def test_target_entries_carry_the_objective_that_states_them() -> None:
    plan = two_panels()
    entries = plan.target_entries()
    assert [
        (e.key, e.priority and e.priority.id, e.objective and e.objective.id) for e in entries
    ] == [
        ("T1", "P1", None),
        ("T2", "P1", "O1"),
    ]
    assert [e.item for e in entries] == plan.all_targets()
    assert [e.item for e in plan.objective_entries()] == plan.all_objectives()


def test_walk_lists_every_keyed_item_once_in_plan_order() -> None:
    plan = two_panels()
    walked = plan.walk()
    assert [e.key for e in walked] == ["P1", "O1", "T2", "T1", "A1", "P2", "A2", "A3", "C1"]
    assert [e.kind for e in walked][:3] == ["priority", "objective", "target"]
    assert plan.entry("A2") == Entry(plan.priorities[1].actions[0], plan.priorities[1])
    assert plan.entry("C1").item.id == "C1"
    with pytest.raises(KeyError):
        plan.entry("A99")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        walked[0].item = plan.priorities[1]  # type: ignore[misc]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_keys_are_unique_and_findings_name_their_subject_by_key(path: Path) -> None:
    plan = cspplan.load(path)
    keys = [e.key for e in plan.walk()]
    assert len(keys) == len(set(keys)) and all(keys)
    expected = (
        len(plan.priorities)
        + len(plan.all_objectives())
        + len(plan.all_targets())
        + len(plan.all_actions())
        + len(plan.claims)
    )
    assert len(keys) == expected
    for finding in cspplan.check(plan):
        if finding.subject.id is not None:
            assert plan.entry(finding.subject.id).item.id == finding.subject.id
    # The JSON carries the same keys.
    data = cspplan.to_data(plan)
    assert [p["id"] for p in data["priorities"]] == [p.id for p in plan.priorities]


def test_json_without_priority_ids_still_loads_and_gets_them() -> None:
    plan = two_panels()
    data = cspplan.to_data(plan)
    data["schema_version"] = "1.0"
    for priority in data["priorities"]:
        del priority["id"]
    loaded = cspplan.from_data(json.loads(json.dumps(data)))
    assert [p.id for p in loaded.priorities] == ["P1", "P2"]
    assert loaded.priorities == plan.priorities


def test_reprs_are_one_line_and_name_the_parts() -> None:
    plan = two_panels()
    text = repr(plan)
    assert text == (
        "<Plan 'Plan' from two-panels.txt: 2 priorities, 1 objective, 2 targets, 3 actions,"
        " 1 claim, 0 memberships, 0 unclassified blocks>"
    )
    long = Action(
        id="A9",
        ref="4.2",
        text="Work with  schools\nto deliver a programme of sessions on knife crime",
    )
    assert (
        repr(long)
        == "Action(id='A9', ref='4.2', text='Work with schools to deliver a programme of…')"
    )
    assert repr(Target(id="T1", statement="reduce burglary by 10%")) == (
        "Target(id='T1', statement='reduce burglary by 10%')"
    )
    assert repr(plan.priorities[0]) == "Priority(id='P1', title='Burglary')"
    assert "\n" not in repr(plan.walk())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_real_plans_repr_is_short(path: Path) -> None:
    plan = cspplan.load(path)
    assert len(repr(plan)) < 200
    assert all(len(repr(e.item)) < 120 for e in plan.walk())
