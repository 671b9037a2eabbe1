"""Fuzzing the text parser, the recognisers and the JSON loader with hypothesis.

Whatever goes in, the only exceptions that may come out are :mod:`cspplan.errors` ones naming
the file (for the loader, :class:`~cspplan.errors.LoadError`), and whatever is accepted must
survive a JSON round trip. ``CSPPLAN_FUZZ_EXAMPLES`` raises the number of examples for a
longer campaign (``CSPPLAN_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py``).
"""

from __future__ import annotations

import inspect
import json
import os
import random
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cspplan
from cspplan.document import Cell, Document, Heading, ListItem, Paragraph, Row, Table
from cspplan.errors import CspplanError, LoadError
from cspplan.model import SCHEMA_VERSION, Plan
from cspplan.model import plan as plan_module
from cspplan.model import source as source_module
from cspplan.model import values as values_module
from cspplan.model.source import SourceRef
from cspplan.parsers.text import TextParser, text_to_blocks
from cspplan.recognise import build_plan
from cspplan.stats import plan_stats

EXAMPLES = int(os.environ.get("CSPPLAN_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Characters that steer the text parser and recognisers: markup, bullets, table separators,
# numbering, percentages, dashes, entities and odd white space.
MARKUP = "#*_|\t-•§▪<>/[]()&;:.,%–—0123456789 \n\r\u00a0\u200bPpAaTtRr"
WORDS = (
    "Priority",
    "Objective",
    "Action",
    "Lead",
    "Timescale",
    "Target",
    "Baseline",
    "Outcome",
    "reduce",
    "increase",
    "by",
    "from",
    "to",
    "12%",
    "16.0%",
    "1,140",
    "2024/25",
    "2025 – 2026",
    "March 2026",
    "Summer 2025",
    "Ongoing",
    "?",
    "1.",
    "2.3",
    "a)",
    "•",
    "*",
    "▲",
    "Community Safety Partnership",
    "Inspector",
    "Council",
    "NI 20",
    "four",
)


def plan_words() -> st.SearchStrategy[str]:
    """Short texts made of plan vocabulary, with arbitrary characters mixed in."""
    token = st.sampled_from(WORDS) | st.text(alphabet=MARKUP, max_size=6) | st.text(max_size=4)
    return st.lists(token, max_size=12).map(" ".join)


numbers = st.one_of(
    st.integers(-5, 10**12).map(str),
    st.integers(0, 10**7).map("{:,}".format),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.sampled_from(["0", "0.0", "-0", "1e999", "00", "1,00,000", "½", "12.5.3", "NaN", "∞"]),
)
years = st.integers(1990, 2040)


@st.composite
def target_sentences(draw: st.DrawFn) -> str:
    """Target and claim statements in plan wording, with arbitrary numbers in them."""
    start = draw(years)
    forms = [
        "Reduce {metric} by {n}% from {a} in {y}/{yy} to {b} by March {z}",
        "We will increase {metric} by {n} percentage points to {b}% by {z}",
        "{metric}: baseline {a} ({y}/{yy}); target {b} ({z}/{zz}), a reduction of {n}%",
        "{a}, a reduction of {n}% on {y}",
        "{n}% micro, {a}% small and {b}% medium",
        "Maintain {metric} at {a} per 1,000 population",
        "Target: -{n}% by {z}; trajectory {a}, {b}, {a}",
    ]
    return draw(st.sampled_from(forms)).format(
        metric=draw(st.sampled_from(["burglary", "repeat victims", "ASB incidents", ""])),
        n=draw(numbers),
        a=draw(numbers),
        b=draw(numbers),
        y=start,
        yy=str(start + 1)[-2:],
        z=draw(years),
        zz=str(draw(years))[-2:],
    )


@st.composite
def action_tables(draw: st.DrawFn) -> Table:
    """Tables shaped like action plans: a header row of known column names, then rows."""
    header = draw(
        st.lists(
            st.sampled_from(
                [
                    "Ref",
                    "Action",
                    "Lead",
                    "Timescale",
                    "Target",
                    "Baseline",
                    "Outcome",
                    "Milestone",
                    "Resources",
                    "Status",
                    "Indicator",
                    "2024/25",
                    "2025/26",
                    "",
                ]
            ),
            min_size=1,
            max_size=7,
        )
    )
    cell_text = st.one_of(plan_words(), target_sentences(), numbers, st.sampled_from(WORDS))
    rows = [Row(cells=tuple(Cell(lines=(h,)) for h in header), is_header=draw(st.booleans()))]
    for _ in range(draw(st.integers(0, 8))):
        width = draw(st.integers(0, len(header) + 1))
        cells = tuple(
            Cell(
                lines=tuple(draw(st.lists(cell_text, max_size=3))),
                colspan=draw(st.sampled_from([1, 1, 1, 2])),
            )
            for _ in range(width)
        )
        rows.append(Row(cells=cells))
    return Table(rows=tuple(rows), source=SourceRef(file="fuzz.txt", table=0))


def source_refs() -> st.SearchStrategy[SourceRef]:
    return st.builds(
        SourceRef,
        file=st.just("fuzz.txt"),
        line=st.none() | st.integers(1, 10_000),
        page=st.none() | st.integers(1, 500),
        table=st.none() | st.integers(0, 50),
        row=st.none() | st.integers(0, 100),
        column=st.none() | st.integers(0, 20),
    )


def cells(depth: int) -> st.SearchStrategy[Cell]:
    nested = st.just(()) if depth <= 0 else st.lists(tables(depth - 1), max_size=1).map(tuple)
    return st.builds(
        Cell,
        lines=st.lists(plan_words(), max_size=4).map(tuple),
        colspan=st.integers(1, 4),
        rowspan=st.integers(1, 3),
        tables=nested,
        source=source_refs(),
    )


def tables(depth: int = 1) -> st.SearchStrategy[Table]:
    row = st.builds(
        Row,
        cells=st.lists(cells(depth), max_size=6).map(tuple),
        is_header=st.booleans(),
        source=source_refs(),
    )
    return st.builds(Table, rows=st.lists(row, max_size=6).map(tuple), source=source_refs())


blocks = st.one_of(
    st.builds(Heading, text=plan_words(), level=st.integers(1, 6), source=source_refs()),
    st.builds(Paragraph, text=plan_words(), emphasis=st.booleans(), source=source_refs()),
    st.builds(Paragraph, text=target_sentences(), source=source_refs()),
    st.builds(ListItem, text=target_sentences(), marker=st.just("•"), source=source_refs()),
    action_tables(),
    st.builds(
        ListItem,
        text=plan_words(),
        level=st.integers(0, 5),
        marker=st.sampled_from(["", "•", "-", "1.", "2.3", "a)", "iv)", "▲"]),
        source=source_refs(),
    ),
    tables(),
)


def documents() -> st.SearchStrategy[Document]:
    return st.builds(
        Document,
        path=st.just("fuzz.txt"),
        sha256=st.just("0" * 64),
        media_type=st.just("text/plain"),
        parser=st.just("text"),
        blocks=st.lists(blocks, max_size=25).map(tuple),
        page_count=st.none() | st.integers(0, 600),
    )


def assert_round_trips(plan: Plan) -> None:
    text = cspplan.dumps(plan)
    assert cspplan.loads(text) == plan


# --- the text parser ----------------------------------------------------------------------


@FUZZ
@given(st.text(alphabet=MARKUP) | st.text() | st.lists(plan_words(), max_size=30).map("\n".join))
def test_text_to_blocks_and_recognisers_accept_any_text(text: str) -> None:
    document = Document(
        path="fuzz.txt",
        sha256="0" * 64,
        media_type="text/plain",
        parser="text",
        blocks=tuple(text_to_blocks(text, "fuzz.txt")),
    )
    try:
        plan = build_plan(document)
    except CspplanError as exc:
        assert "fuzz.txt" in str(exc)
        return
    plan_stats(plan, document)
    assert_round_trips(plan)


@FUZZ
@given(st.binary(max_size=2000) | st.text().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_text_parser_reads_any_bytes_or_names_the_file(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzzed plan.txt"
    path.write_bytes(raw)
    try:
        plan = cspplan.load(path)
    except CspplanError as exc:
        assert str(path) in str(exc)
        return
    assert plan.source.path == str(path)
    assert_round_trips(plan)


SEED_TEXT = """Westbrook Community Safety Partnership
Partnership Plan 2025 – 2028

# Priority 1: Reducing Burglary

We will reduce domestic burglary by 15% from 820 offences in 2024/25 to 697 by 2027/28.

Ref\tAction\tLead\tTimescale
1.1\tMark property in the six streets most burgled last winter\tCrime Reduction Officer\tOctober 2025
1.2\tOffer door chains to residents over 75\tHousing Manager\tOngoing

## Objectives
- Fewer repeat victims of burglary
- 1.3 Faster follow-up visits after a break-in

| Measure | Baseline | Target |
| --- | --- | --- |
| Repeat burglaries | 96 | 80 |
"""


def mutate_text(text: str, rng: random.Random) -> str:
    """A random edit of ``text``: characters deleted, repeated, swapped or inserted."""
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        action = rng.randrange(4)
        if action == 0:
            del chars[at : at + rng.randint(1, 40)]
        elif action == 1:
            chars[at:at] = chars[at : at + rng.randint(1, 40)] * rng.randint(2, 50)
        elif action == 2:
            chars[at] = rng.choice(MARKUP)
        else:
            chars[at:at] = list(rng.choice(WORDS))
    return "".join(chars)


def test_text_parser_survives_mutated_plans(tmp_path: Path) -> None:
    rng = random.Random(20251126)
    path = tmp_path / "mutated.txt"
    for _ in range(EXAMPLES * 2):
        path.write_text(mutate_text(SEED_TEXT, rng), encoding="utf-8")
        try:
            plan = cspplan.load(path)
        except CspplanError as exc:
            assert str(path) in str(exc)
            continue
        assert_round_trips(plan)


# --- the recognisers ----------------------------------------------------------------------


@FUZZ
@given(documents())
def test_recognisers_accept_any_document(document: Document) -> None:
    try:
        plan = build_plan(document)
    except CspplanError as exc:
        assert "fuzz.txt" in str(exc)
        return
    stats = plan_stats(plan, document)
    assert stats.coverage is None or 0.0 <= stats.coverage <= 1.0
    assert_round_trips(plan)


def nested_table(depth: int) -> Table:
    table = Table(rows=(Row(cells=(Cell(lines=("Action", "Lead")),)),))
    for level in range(depth):
        cell = Cell(lines=(f"Level {level}", "Reduce thefts by 10%"), tables=(table,))
        table = Table(rows=(Row(cells=(Cell(lines=("Ref", "Action")),)), Row(cells=(cell,))))
    return table


@pytest.mark.parametrize("depth", [50, 3000])
def test_recognisers_survive_deeply_nested_tables(depth: int) -> None:
    document = Document(
        path="nested.docx",
        sha256="0" * 64,
        media_type="application/octet-stream",
        parser="docx",
        blocks=(Heading(text="Priority 1: Safer Parks"), nested_table(depth)),
    )
    try:
        plan = build_plan(document)
    except CspplanError as exc:
        assert "nested.docx" in str(exc)
        return
    plan_stats(plan, document)
    cspplan.dumps(plan)


# --- the JSON loader ----------------------------------------------------------------------


def _resolve_model_types() -> None:
    # The model uses postponed annotations; hypothesis needs them resolved to build objects.
    for module in (plan_module, values_module, source_module):
        for obj in vars(module).values():
            if inspect.isclass(obj) and attrs.has(obj) and obj.__module__ == module.__name__:
                attrs.resolve_types(obj)


_resolve_model_types()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2025-03-31", "reduce", "percent", "1.0", "", "16.0", "action_plan"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    if delete and not rest:
        del copy[head]
    else:
        copy[head] = _replace(data[head], rest, value, delete)
    return copy


def plan_data() -> st.SearchStrategy[dict[str, Any]]:
    """Valid plan JSON data: generated plans, and the seed plan as the text parser reads it."""
    generated = st.builds(Plan, schema_version=st.just(SCHEMA_VERSION)).map(
        cspplan.serialise.to_data
    )
    return generated | st.just(cspplan.serialise.to_data(_seed_plan()))


def _seed_plan() -> Plan:
    document = Document(
        path="seed.txt",
        sha256="0" * 64,
        media_type="text/plain",
        parser="text",
        blocks=tuple(text_to_blocks(SEED_TEXT, "seed.txt")),
    )
    return build_plan(document)


def assert_loads_or_load_error(text: str | bytes) -> None:
    try:
        plan = cspplan.loads(text, path="fuzzed.json")
    except LoadError as exc:
        assert str(exc).startswith("fuzzed.json: ")
        return
    # Whatever was accepted must read back as the same plan.
    assert_round_trips(plan)


@FUZZ
@given(st.text() | st.binary(max_size=200) | json_values.map(json.dumps))
def test_loader_accepts_any_text_or_raises_load_error(text: str | bytes) -> None:
    assert_loads_or_load_error(text)


@FUZZ
@given(plan_data(), st.data())
def test_loader_on_damaged_plan_json_raises_load_error(data: dict[str, Any], draw: Any) -> None:
    paths = _paths(data)
    for _ in range(draw.draw(st.integers(1, 3))):
        path = draw.draw(st.sampled_from(paths))
        delete = bool(path) and draw.draw(st.booleans())
        data = _replace(data, path, draw.draw(json_values), delete)
        paths = _paths(data)
    assert_loads_or_load_error(json.dumps(data))


@FUZZ
@given(plan_data(), st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=3)), max_size=6))
def test_loader_on_corrupted_json_bytes_raises_load_error(
    data: dict[str, Any], edits: list[tuple[int, bytes]]
) -> None:
    raw = bytearray(json.dumps(data).encode("utf-8"))
    for position, replacement in edits:
        at = position % (len(raw) + 1)
        raw[at : at + len(replacement)] = replacement
    assert_loads_or_load_error(bytes(raw))


@pytest.mark.parametrize(
    "text",
    [
        "1" * 5000,  # beyond Python's limit on the digits of an integer
        '{"source": ' + "1" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000,
        '{"schema_version": "99.0"}',
        "\ufeff{}",
        "",
        "null",
    ],
    ids=[
        "long-int",
        "long-int-field",
        "deep-array",
        "deep-object",
        "future-version",
        "bom",
        "empty",
        "null",
    ],
)
def test_loader_edge_cases_raise_load_error(text: str) -> None:
    with pytest.raises(LoadError) as caught:
        cspplan.loads(text, path="edge.json")
    assert str(caught.value).startswith("edge.json: ")


VALID = {"source": {"path": "p.txt", "sha256": "0", "media_type": "text/plain", "parser": "text"}}


@pytest.mark.parametrize(
    "patch",
    [
        {"schema_version": None},
        {"title": {"a": 1}},
        {"source": {**VALID["source"], "path": None}},
        {"unclassified": [{"kind": None, "text": ["a"]}]},
    ],
    ids=["null-version", "object-title", "null-path", "null-kind"],
)
def test_loader_refuses_wrong_types_in_text_fields(patch: dict[str, Any]) -> None:
    # Coercing them (null -> "None") would load a damaged file into a plan that cannot be
    # read back; found by the fuzzing below.
    with pytest.raises(LoadError):
        cspplan.loads(json.dumps({**VALID, **patch}))


def test_parse_of_generated_plans_round_trips() -> None:
    """The damaged-JSON tests start from plans that load: check the seeds themselves."""
    plan = _seed_plan()
    assert plan.title
    assert_round_trips(plan)


@FUZZ
@given(st.builds(Plan, schema_version=st.just(SCHEMA_VERSION)))
def test_generated_plans_round_trip(plan: Plan) -> None:
    assert_round_trips(plan)


def test_fuzzing_parsers_finds_no_path_without_name(tmp_path: Path) -> None:
    """A text file the parser refuses is named in the error, whatever the reason."""
    cases = {
        "nul.txt": b"Priority\x00one",
        "utf16.txt": "Priority one".encode("utf-16"),
        "empty.txt": b"",
    }
    parser = TextParser()
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        try:
            parser.parse(path)
        except CspplanError as exc:
            assert str(path) in str(exc)
