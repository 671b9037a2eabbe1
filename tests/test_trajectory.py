"""Trajectory tables: periods across the top, one row of figures, in the layouts plans use."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cspplan.document import Cell, Row, Table
from cspplan.model import Direction, Measure, Number, SourceRef, Target, Unit
from cspplan.recognise.targets import find_targets
from cspplan.recognise.trajectory import (
    Trajectory,
    apply_trajectory,
    read_trajectories,
    read_trajectory,
    scorecard_targets,
    targets_from_table,
)
from cspplan.serialise.converter import make_converter


def table(*rows: list[str]) -> Table:
    return Table(
        rows=tuple(Row(cells=tuple(Cell(lines=(c,) if c else ()) for c in r)) for r in rows)
    )


def values(trajectory: Trajectory | None) -> list[tuple[str, str, str | None]]:
    assert trajectory is not None
    return [(m.value.text, m.period.text if m.period else "", m.label) for m in trajectory.measures]


def test_label_in_value_row() -> None:
    found = read_trajectory(
        table(
            ["", "2007/08 Baseline", "2008/09", "2009/10", "2010/11 (Target-12%)"],
            ["Recorded Offences", "2,500", "2,400", "2,300", "2,200"],
        )
    )
    assert values(found) == [
        ("2,500", "2007/08", "Baseline"),
        ("2,400", "2008/09", None),
        ("2,300", "2009/10", None),
        ("2,200", "2010/11", "Target-12%"),
    ]
    assert found is not None and found.label == "Recorded Offences"
    assert found.target_percent is not None and found.target_percent.text == "12%"
    first = found.measures[0].period
    assert first is not None and first.start == dt.date(2007, 4, 1)


def test_label_in_header_row_and_empty_first_value_cell() -> None:
    found = read_trajectory(
        table(
            ["Incidents", "2006/07 Benchmark", "2007/08", "2008/09 (Target-6%)"],
            ["", "350", "340", "329"],
        )
    )
    assert values(found)[0] == ("350", "2006/07", "Benchmark")
    assert found is not None and found.label == "Incidents"


def test_no_label_and_percentages() -> None:
    found = read_trajectory(table(["2008/09", "2009/10", "2010/11"], ["31%", "29%", "27%"]))
    assert [m.value.value for m in found.measures] == [31, 29, 27]  # type: ignore[union-attr]
    assert found is not None and found.label is None and found.target_percent is None


def test_periods_down_the_side() -> None:
    found = read_trajectory(table(["Year", "Target"], ["2008/09", "120"], ["2009/10", "114"]))
    assert values(found) == [("120", "2008/09", None), ("114", "2009/10", None)]
    assert found is not None and found.label == "Target"


def test_not_trajectories() -> None:
    action_table = table(
        ["Ref", "Action", "Lead", "Timescale"],
        ["1.1", "Run a bike marking day", "PC Jones", "2008/09"],
    )
    membership = table(
        ["Chair", "Ann Smith", "District Council"], ["Member", "Raj Patel", "Police"]
    )
    many_rows = table(["", "2008/09", "2009/10"], ["Theft", "10", "12"], ["Assault", "4", "5"])
    words_in_values = table(["", "2008/09", "2009/10"], ["Status", "done", "pending"])
    single = table(["2008/09"], ["10"])
    for candidate in (action_table, membership, many_rows, words_in_values, single, Table()):
        assert read_trajectory(candidate) is None


def test_apply_fills_only_what_the_statement_left_out() -> None:
    statement = find_targets(
        "Strategic target to reduce the perception score by 8% by 2010/11", SourceRef()
    )[0]
    trajectory = read_trajectory(
        table(
            ["", "2008/09 Benchmark", "2009/10", "2010/11 (Target-8%)"],
            ["Perception Score Index", "5200", "5000", "4784"],
        )
    )
    assert trajectory is not None
    applied = apply_trajectory(statement, trajectory)
    assert applied.trajectory == trajectory.measures
    assert applied.baseline is not None and applied.baseline.value.text == "5200"
    assert applied.baseline.label == "Benchmark"
    assert applied.target is not None and applied.target.value.text == "4784"
    assert applied.percent is not None and applied.percent.text == "8%"
    assert applied.unit is Unit.INDEX


def test_apply_keeps_stated_figures_and_adds_their_periods() -> None:
    stated = Target(
        id="T1",
        statement="reduce thefts by 10% from 300 to 270",
        percent=Number(Decimal("10"), "10%"),
        baseline=Measure(Number(Decimal("300"), "300")),
        target=Measure(Number(Decimal("275"), "275")),
        unit=Unit.COUNT,
    )
    trajectory = read_trajectory(
        table(["", "2008/09", "2009/10", "2010/11 (Target-9%)"], ["Crimes", "300", "285", "270"])
    )
    assert trajectory is not None
    applied = apply_trajectory(stated, trajectory)
    assert applied.percent == stated.percent
    assert applied.baseline is not None and applied.baseline.period is not None
    assert applied.baseline.period.text == "2008/09"
    # The stated 275 differs from the table's 270: the statement's figure stands.
    assert applied.target == stated.target
    assert applied.unit is Unit.COUNT


def test_golden_trajectory(golden) -> None:  # type: ignore[no-untyped-def]
    found = read_trajectory(
        table(
            ["Total Offences", "2004/05 Benchmark", "2005/06", "2006/07", "2007/08 (Target-15%)"],
            ["", "1,020", "969", "918", "867"],
        )
    )
    golden("targets/trajectory", make_converter().unstructure(found))


def test_label_before_the_period_in_headers() -> None:
    found = read_trajectory(
        table(
            ["Measure", "Baseline (2009/10)", "Target 2010/11", "Target 2011/12"],
            ["Thefts", "800", "770", "740"],
        )
    )
    assert values(found) == [
        ("800", "2009/10", "Baseline"),
        ("770", "2010/11", "Target"),
        ("740", "2011/12", "Target"),
    ]


def test_several_rows_of_figures() -> None:
    grid = table(
        ["Indicator", "Baseline 2008/09", "2009/10", "2010/11 Target"],
        ["NI 15 Serious violent crime rate", "1,300", "1,260", "1,220"],
        ["NI 32 Repeat domestic abuse", "31%", "n/a", "28%"],
        ["Local - Satisfaction with services", "64%", "66%", "70%"],
    )
    rows = read_trajectories(grid)
    assert [r.label for r in rows] == [
        "NI 15 Serious violent crime rate",
        "NI 32 Repeat domestic abuse",
        "Local - Satisfaction with services",
    ]
    assert [len(r.measures) for r in rows] == [3, 2, 3]
    assert read_trajectory(grid) is None
    targets = targets_from_table(grid)
    assert [
        (t.metric, t.direction, t.indicator.code if t.indicator else None) for t in targets
    ] == [
        ("Serious violent crime rate", Direction.REDUCE, "NI 15"),
        ("Repeat domestic abuse", Direction.REDUCE, "NI 32"),
        ("Satisfaction with services", Direction.INCREASE, None),
    ]
    first = targets[0]
    assert first.id == "" and first.unit is Unit.RATE
    assert (first.baseline.value.text, first.target.value.text) == ("1,300", "1,220")  # type: ignore[union-attr]
    assert first.deadline is not None and first.deadline.text == "2010/11"
    assert len(first.trajectory) == 3


def test_actual_columns_are_outturns_not_targets() -> None:
    grid = table(
        ["", "2008/09", "2009/10", "2010/11", "Actual 2009/10"],
        ["Burglary", "500", "480", "460", "470"],
    )
    (target,) = targets_from_table(grid)
    assert target.target is not None and target.target.value.text == "460"
    assert target.outturn is not None and target.outturn.value.text == "470"


def test_tables_with_words_among_figures_give_no_rows() -> None:
    grid = table(
        ["Action", "2009/10", "2010/11"], ["Patrols", "weekly", "monthly"], ["Visits", "10", "12"]
    )
    assert read_trajectories(grid) == []
    assert targets_from_table(grid) == []


def test_header_labels_wrapped_onto_their_own_row() -> None:
    found = read_trajectory(
        table(
            ["", "2006/07", "2007/08", "2008/09"],
            ["", "Baseline", "", "(Target-9%)"],
            ["Offences", "700", "670", "637"],
        )
    )
    assert values(found) == [
        ("700", "2006/07", "Baseline"),
        ("670", "2007/08", None),
        ("637", "2008/09", "Target-9%"),
    ]
    assert found is not None and found.target_percent is not None


def test_planned_row_beside_an_actual_row() -> None:
    found = read_trajectory(
        table(
            ["", "2007/08", "2008/09", "2009/10"],
            ["Trajectory", "410", "400", "390"],
            ["Actual", "410", "405", ""],
        )
    )
    assert found is not None and found.label == "Trajectory"
    assert [m.value.text for m in found.measures] == ["410", "400", "390"]


def test_direction_column_after_the_periods() -> None:
    grid = table(
        ["Indicator", "Baseline 2018/19", "Target 2021/22", "Direction"],
        ["Victims satisfied", "70%", "75%", "Increase"],
        ["Hospital admissions for assault", "400", "360", "Reduce"],
    )
    targets = targets_from_table(grid)
    assert [(t.metric, t.direction) for t in targets] == [
        ("Victims satisfied", Direction.INCREASE),
        ("Hospital admissions for assault", Direction.REDUCE),
    ]
    assert [(t.baseline.value.text, t.target.value.text) for t in targets] == [  # type: ignore[union-attr]
        ("70%", "75%"),
        ("400", "360"),
    ]


def test_stated_direction_is_kept_even_against_the_figures() -> None:
    grid = table(
        ["Measure", "2019/20", "2020/21", "Desired direction"],
        ["Reports of hate crime", "300", "280", "Increase"],
    )
    (target,) = targets_from_table(grid)
    assert target.direction is Direction.INCREASE


def test_direction_of_travel_is_a_trend_never_the_targets_direction() -> None:
    # Two years of figures with a direction of travel: an overview of change, not targets.
    grid = table(
        ["Measure", "2019/20", "2020/21", "Direction of travel"],
        ["Reports of hate crime", "300", "280", "Increase"],
    )
    assert targets_from_table(grid) == []
    assert read_trajectory(grid) is None
    planned = table(
        ["Measure", "2018/19 actual", "2019/20 target", "2020/21 target", "Direction of travel"],
        ["Repeat referrals", "30%", "28%", "26%", "Improving"],
    )
    (target,) = targets_from_table(planned)
    assert target.direction is Direction.REDUCE  # from the figures, not from "Improving"


def test_actuals_are_outturns_never_trajectory_points() -> None:
    grid = table(
        ["", "2008/09", "2009/10", "2010/11", "Actual 2009/10"],
        ["Burglary", "500", "480", "460", "470"],
    )
    (target,) = targets_from_table(grid)
    assert [m.value.text for m in target.trajectory] == ["500", "480", "460"]


def test_quarter_columns_are_a_profile_not_a_trajectory() -> None:
    grid = table(
        ["", "2019/20 actual", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4", "2020/21 target"],
        ["Vehicle crime", "1,850", "450", "446", "442", "438", "1,776"],
    )
    (target,) = targets_from_table(grid)
    assert target.trajectory == ()
    assert [m.value.text for m in target.profile] == ["450", "446", "442", "438"]
    assert [m.period.start.isoformat() for m in target.profile if m.period and m.period.start] == [
        "2020-04-01",
        "2020-07-01",
        "2020-10-01",
        "2021-01-01",
    ]
    assert target.baseline is not None and target.baseline.value.text == "1,850"
    assert target.target is not None and target.target.value.text == "1,776"
    found = read_trajectory(grid)
    assert found is not None and len(found.profile) == 4 and len(found.measures) == 2


def test_positions_in_a_league_are_not_targets() -> None:
    grid = table(
        ["Crime type", "Position 2011/12", "Position 2012/13"],
        ["All crime", "14", "11"],
        ["Burglary", "8", "7"],
    )
    assert targets_from_table(grid) == []
    assert read_trajectories(grid) == []


def test_actual_figure_before_the_targets_is_the_baseline() -> None:
    grid = table(
        ["Measure", "2018/19 actual", "2019/20 target", "2020/21 target", "Polarity"],
        ["Repeat referrals", "30%", "28%", "26%", "Lower is better"],
    )
    (target,) = targets_from_table(grid)
    assert target.baseline is not None and target.baseline.value.text == "30%"
    assert target.target is not None and target.target.value.text == "26%"
    assert target.outturn is None
    assert target.direction is Direction.REDUCE


def test_scorecard_with_periods_in_its_cells() -> None:
    grid = table(
        ["Ref", "Indicator", "Baseline", "Target", "Actual", "RAG"],
        ["K1", "NI 16 Serious acquisitive crime", "900 (2009/10)", "855 (2010/11)", "870", "Amber"],
        ["K2", "Residents satisfied", "64%", "70%", "71%", "Green"],
    )
    first, second = targets_from_table(grid)
    assert first.indicator is not None and first.indicator.code == "NI 16"
    assert first.baseline is not None and first.baseline.period is not None
    assert first.baseline.period.text == "2009/10"
    assert first.target is not None and first.target.value.text == "855"
    assert first.deadline is not None and first.deadline.text == "2010/11"
    assert first.outturn is not None and first.outturn.value.text == "870"
    assert first.direction is Direction.REDUCE
    assert second.direction is Direction.INCREASE and second.unit is Unit.PERCENTAGE_POINTS


def test_scorecard_with_words_in_a_figure_column_is_not_read() -> None:
    grid = table(
        ["Indicator", "Baseline", "Target"],
        ["Burglary", "900", "855"],
        ["Confidence", "Survey to be run", "Improve"],
    )
    assert scorecard_targets(grid) == []
    # Read as targets stated in a Target column, only the row whose cell states one counts.
    assert [t.metric for t in targets_from_table(grid)] == ["Burglary"]


def test_the_indicator_column_names_the_metric_among_several_labels() -> None:
    grid = table(
        ["Outcome", "Indicator", "Baseline 2010/11", "Target 2011/12", "Target 2012/13"],
        ["Safer streets", "Street robbery", "200", "190", "180"],
    )
    (target,) = targets_from_table(grid)
    assert target.metric == "Street robbery"
    assert target.target is not None and target.target.value.text == "180"
