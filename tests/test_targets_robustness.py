"""The text recognisers never raise or hang, whatever text they are given."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspplan.document import Cell, Row, Table
from cspplan.model import SourceRef
from cspplan.recognise.claims import find_claims
from cspplan.recognise.indicators import find_indicators
from cspplan.recognise.targets import find_targets
from cspplan.recognise.timescales import parse_timescale, split_timescales
from cspplan.recognise.trajectory import read_trajectories, read_trajectory, targets_from_table

SOURCE = SourceRef()
# Fragments of plan wording, so that generated text reaches deep into the patterns.
WORDS = st.sampled_from(
    [
        "reduce",
        "to",
        "by",
        "from",
        "12%",
        "4,632",
        "(baseline 2003/04)",
        "2007/08",
        "NI 16",
        "BVPI 206ii",
        "target",
        "a reduction of",
        "up from",
        "lower than",
        "¹",
        "four",
        "priorities",
        "are:",
        "at or below",
        "Q3",
        "Summer",
        "End of May 03",
        "31/07/2007",
        "Ongoing",
        "TBC",
        "?",
        "-",
        "–",
        ",",
        ".",
        ";",
        "\n",
        "(",
        ")",
        "•",
        "<p>",
        "and",
        "micro",
        "small",
        " ",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join))


def run_all(text: str) -> None:
    find_targets(text, SOURCE)
    find_claims(text, SOURCE, [text[:50]])
    find_indicators(text, SOURCE)
    parse_timescale(text)
    split_timescales(text)
    cells = tuple(Cell(lines=(part,)) for part in text.split(" ")[:8])
    table = Table(rows=(Row(cells=cells), Row(cells=cells)))
    read_trajectory(table)
    read_trajectories(table)
    targets_from_table(table)


CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "2007/08",
            "2008/09 Target",
            "Baseline 2006/07",
            "1,140",
            "12%",
            "n/a",
            "NI 16 Crime",
            "Baseline",
            "Target",
            "Actual",
            "1,200 (2010/11)",
            "Direction",
            "Lower is better",
            "2018/19 actual",
        ]
    ),
    st.text(max_size=20),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=6))
def test_tables_never_raise(rows: list[list[str]]) -> None:
    table = Table(rows=tuple(Row(cells=tuple(Cell(lines=(c,)) for c in row)) for row in rows))
    read_trajectory(table)
    read_trajectories(table)
    targets_from_table(table)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_raises(text: str) -> None:
    run_all(text)


def test_long_hostile_lines_finish_quickly() -> None:
    lines = [
        "1" * 100_000,
        "reduce " * 15_000,
        ("to 1,000 from 2,000 by 2008 " * 4000)[:100_000],
        ("NI 1" * 25_000),
        ("12% micro, " * 10_000),
        ("(" * 50_000) + ("a" * 50_000),
        ("31/07/2007 " * 9000),
        ("To reduce crime by 5% by 2008 " * 3000),
        ("four priorities. " * 5000),
        ("2,581, a reduction of 44% " * 3000),
        ("15% lower than before¹ " * 4000),
        ("four areas: 1. a 2. b " * 4000),
        ("fell by 5% since 2010, " * 4000),
        ("rose 3% last year, " * 5000),
        ("will ensure there are no more than 5 arson attacks in 2022/23 " * 1500),
        ("By 2023, reduce " * 6000),
        ("(baseline 2016/17: 2,140) " * 3000),
        ("Of the 1,240 calls logged in 2006/07, 55% related to " * 1500),
        ("Target to cut x by 5% from 10 to 9. The year ending March 2008 figure was 8. " * 1200),
    ]
    for line in lines:
        started = time.perf_counter()
        run_all(line)
        # A hang guard, not a timing: each line takes a second or two; a regex that
        # backtracks on it would take hours.
        assert time.perf_counter() - started < 120, line[:40]
