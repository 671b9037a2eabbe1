"""JSON round trip, error paths, and the schema."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cspplan
from cspplan import model
from cspplan.errors import LoadError
from cspplan.serialise import to_data
from cspplan.serialise.schema import plan_schema, schema_json

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

for _cls in vars(model).values():
    if isinstance(_cls, type) and attrs.has(_cls):
        attrs.resolve_types(_cls)

texts = st.text(max_size=12)
small = st.integers(min_value=0, max_value=10_000)
optional_small = st.none() | small
numbers = st.builds(
    model.Number,
    value=st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-1e6, max_value=1e6
    ),
    text=texts,
)
st.register_type_strategy(model.Number, numbers)
st.register_type_strategy(Decimal, st.decimals(allow_nan=False, allow_infinity=False, places=3))
st.register_type_strategy(dt.date, st.dates())
st.register_type_strategy(
    model.SourceRef,
    st.builds(
        model.SourceRef,
        file=st.none() | texts,
        page=optional_small,
        line=optional_small,
        table=optional_small,
        row=optional_small,
        column=optional_small,
        bbox=st.none() | st.tuples(*[st.floats(0, 1000, allow_nan=False)] * 4),
    ),
)


def _short_tuples(cls: type) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(st.from_type(cls), max_size=2).map(tuple)


plans = st.builds(
    model.Plan,
    source=st.from_type(model.DocumentSource),
    title=st.none() | texts,
    period=st.none() | st.from_type(model.Period),
    kind=st.none() | st.sampled_from(model.PlanKind),
    priorities=st.lists(
        st.builds(
            model.Priority,
            title=texts,
            objectives=_short_tuples(model.Objective),
            targets=_short_tuples(model.Target),
            actions=_short_tuples(model.Action),
            review=st.none() | st.from_type(model.Timescale),
        ),
        max_size=2,
    ).map(tuple),
    claims=_short_tuples(model.Claim),
    memberships=_short_tuples(model.Membership),
    unclassified=_short_tuples(model.Unclassified),
    warnings=st.lists(texts, max_size=2).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_round_trip_of_generated_plans(plan: model.Plan) -> None:
    assert cspplan.loads(cspplan.dumps(plan)) == plan


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_generated_plans_validate_against_the_schema(plan: model.Plan) -> None:
    jsonschema.validate(to_data(plan), plan_schema())


def test_decimal_precision_survives_the_round_trip() -> None:
    plan = model.Plan(
        source=model.DocumentSource(
            path="p", sha256="0" * 64, media_type="text/plain", parser="text"
        ),
        targets=(
            model.Target(id="T1", statement="s", percent=model.Number(Decimal("16.0"), "16.0%")),
        ),
    )
    data = json.loads(cspplan.dumps(plan))
    assert data["targets"][0]["percent"] == {"value": "16.0", "text": "16.0%"}
    assert cspplan.loads(cspplan.dumps(plan)).targets[0].percent.value.as_tuple().exponent == -1


def test_example_plan_round_trips_and_validates() -> None:
    plan = cspplan.load(EXAMPLES / "plans" / "northbrook-action-plan.txt")
    text = cspplan.dumps(plan)
    assert json.loads(text)["schema_version"] == model.SCHEMA_VERSION
    jsonschema.validate(json.loads(text), plan_schema())
    assert cspplan.loads(text) == plan


def _example_data() -> dict:
    return json.loads(
        cspplan.dumps(cspplan.load(EXAMPLES / "plans" / "northbrook-action-plan.txt"))
    )


def test_bad_value_is_reported_with_its_json_path() -> None:
    data = _example_data()
    data["unclassified"][1]["source"]["line"] = "seven"
    with pytest.raises(LoadError) as info:
        cspplan.loads(json.dumps(data))
    assert any(p.startswith("$.unclassified[1].source.line") for p in info.value.problems)


def test_missing_required_field_and_unknown_key_are_reported() -> None:
    data = _example_data()
    del data["source"]["sha256"]
    data["surprise"] = 1
    with pytest.raises(LoadError) as info:
        cspplan.loads(json.dumps(data))
    joined = " ".join(info.value.problems)
    assert "$.source.sha256" in joined
    assert "surprise" in joined


def test_bad_enum_and_decimal_are_reported() -> None:
    data = _example_data()
    data["kind"] = "manifesto"
    data["period"]["start"] = "not a date"
    with pytest.raises(LoadError) as info:
        cspplan.loads(json.dumps(data))
    joined = " ".join(info.value.problems)
    assert "$.kind" in joined and "$.period.start" in joined


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '"plan"', "[" * 100_000])
def test_unusable_json_is_a_load_error(text: str) -> None:
    with pytest.raises(LoadError):
        cspplan.loads(text, path="broken.json")


def test_newer_major_schema_version_is_refused() -> None:
    data = _example_data()
    data["schema_version"] = "99.0"
    with pytest.raises(LoadError, match="schema_version"):
        cspplan.loads(json.dumps(data))


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "docs" / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run: cspplan schema -o docs/schema/plan.schema.json"


def test_schema_is_valid_draft_2020_12_and_documents_fields() -> None:
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    target = schema["$defs"]["Target"]["properties"]
    assert "description" in target["baseline"]
    assert schema["$defs"]["Number"]["required"] == ["value", "text"]


def test_seed_outputs_validate_and_round_trip(seeds: dict[str, Path]) -> None:
    schema = plan_schema()
    for path in seeds.values():
        plan = cspplan.load(path)
        text = cspplan.dumps(plan)
        jsonschema.validate(json.loads(text), schema)
        assert cspplan.loads(text) == plan


@pytest.mark.parametrize(
    ("patch", "where"),
    [
        ({"title": None, "schema_version": None}, "$.schema_version"),
        ({"title": {"a": 1}}, "$.title"),
        ({"warnings": [1]}, "$.warnings[0]"),
        ({"unclassified": [{"kind": "paragraph", "text": True}]}, "$.unclassified[0].text"),
        ({"period": {"text": "2010", "start": 20100401}}, "$.period.start"),
    ],
)
def test_values_of_the_wrong_json_type_are_refused_not_coerced(patch: dict, where: str) -> None:
    data = {**_example_data(), **patch}
    with pytest.raises(LoadError) as info:
        cspplan.loads(json.dumps(data))
    assert any(p.startswith(where) for p in info.value.problems)


def test_str_enums_still_load_as_enums() -> None:
    plan = cspplan.loads(json.dumps(_example_data()))
    assert isinstance(plan.kind, model.PlanKind)


@pytest.mark.parametrize("text", ["1" * 5000, '{"source": ' + "1" * 5000 + "}"])
def test_integers_too_long_to_convert_are_a_load_error(text: str) -> None:
    with pytest.raises(LoadError):
        cspplan.loads(text)
