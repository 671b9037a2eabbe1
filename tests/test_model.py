"""The domain model's value objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from cspplan.model import Number, Plan, SourceRef, Timescale, TimescaleKind
from cspplan.model.source import DocumentSource


def test_number_keeps_printed_text_and_exact_value() -> None:
    n = Number.parse("4,632")
    assert n.value == Decimal("4632")
    assert n.text == "4,632"
    assert n.decimals == 0


def test_printed_precision_distinguishes_equal_values() -> None:
    plain, precise = Number.parse("16%"), Number.parse("16.0%")
    assert plain.value == precise.value
    assert plain != precise
    assert (plain.decimals, precise.decimals) == (0, 1)


@pytest.mark.parametrize("text", ["", "n/a", "12x", "NaN", "Infinity"])
def test_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        Number.parse(text)


def test_number_reads_currency_and_minus_signs() -> None:
    assert Number.parse("£500,000").value == Decimal("500000")
    assert Number.parse("\u22123.5").value == Decimal("-3.5")


def test_model_objects_are_frozen_and_slotted() -> None:
    ref = SourceRef(file="plan.txt", line=3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ref.line = 4  # type: ignore[misc]
    assert not hasattr(ref, "__dict__")


def test_source_ref_location_names_only_what_is_set() -> None:
    assert SourceRef(file="p.pdf", page=3, table=1, row=4).location() == "page 3, table 2, row 5"
    assert str(SourceRef(file="p.txt", line=7, end_line=9)) == "p.txt: line 7-9"
    assert str(SourceRef()) == ""


def test_timescale_due_is_the_end_of_its_window() -> None:
    ts = Timescale(
        "End of May 03", TimescaleKind.DATE, dt.date(2003, 5, 1), dt.date(2003, 5, 31), "month"
    )
    assert ts.due == dt.date(2003, 5, 31)


def test_plan_iterators_cover_every_level() -> None:
    from cspplan.model import Action, Objective, Priority, Target

    target = Target(id="T2", statement="reduce x by 5%")
    plan = Plan(
        source=DocumentSource(path="p", sha256="0" * 64, media_type="text/plain", parser="text"),
        priorities=(
            Priority(
                title="P",
                actions=(Action(id="A1", text="a"),),
                objectives=(Objective(id="O1", text="o", targets=(target,)),),
            ),
        ),
        actions=(Action(id="A2", text="b"),),
        targets=(Target(id="T1", statement="t"),),
    )
    assert [a.id for a in plan.all_actions()] == ["A1", "A2"]
    assert [t.id for t in plan.all_targets()] == ["T1", "T2"]


def test_committed_model_reference_is_current() -> None:
    from pathlib import Path

    from cspplan.model.reference import render

    committed = Path(__file__).resolve().parent.parent / "docs" / "model.md"
    assert committed.read_text(encoding="utf-8") == render(), (
        "run: python -m cspplan.model.reference > docs/model.md"
    )


def test_every_model_field_is_documented() -> None:
    from cspplan.model.reference import _ORDER, _fields_doc

    for cls in _ORDER:
        documented = _fields_doc(cls)
        missing = [f.name for f in attrs.fields(cls) if not documented.get(f.name)]
        assert not missing, f"{cls.__name__} lacks docs for {missing}"
