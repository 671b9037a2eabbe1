"""Target wordings whose measure is the subject ("burglary to fall by 10%"), a change stated
after the figures ("from 184 to 236, an increase of 35%"), a passive aim with a deadline,
and a trajectory table whose row names one of several targets of its section.

The plans are tests/fixtures/mechanisms/targets_moving_subject*.txt and
trajectory_named_row*.txt, read as text and in Word and PDF renderings.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.model import Direction, SourceRef, Target
from cspplan.recognise.targets import find_targets
from recognise_helpers import alarms, load_mechanism


def _figures(target: Target) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    return (
        target.percent.value if target.percent else None,
        target.baseline.value.value if target.baseline else None,
        target.target.value.value if target.target else None,
    )


def _targets(text: str) -> list[Target]:
    return find_targets(text, SourceRef())


# --- the measure as the subject --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "direction", "figures"),
    [
        (
            "Our aim is for dwelling burglary to fall by 10% by 2014/15.",
            "dwelling burglary",
            Direction.REDUCE,
            (Decimal(10), None, None),
        ),
        (
            "Repeat calls to the same address to drop from 412 to 350 by 2016.",
            "Repeat calls to the same address",
            Direction.REDUCE,
            (None, Decimal(412), Decimal(350)),
        ),
        (
            "Victim satisfaction will rise from 81% to 86% by 2015.",
            "Victim satisfaction",
            Direction.INCREASE,
            (None, Decimal(81), Decimal(86)),
        ),
        (
            "We want the number of arson attacks to go down from 95 to 80 by 2014/15.",
            "arson attacks",
            Direction.REDUCE,
            (None, Decimal(95), Decimal(80)),
        ),
    ],
)
def test_an_aim_whose_measure_moves_is_a_target(
    text: str, metric: str, direction: Direction, figures: tuple[Decimal | None, ...]
) -> None:
    (target,) = _targets(text)
    assert target.metric is not None and target.metric.lower() == metric.lower()
    assert target.direction is direction
    assert _figures(target) == figures


@pytest.mark.parametrize(
    "text",
    [
        "Reports of hate incidents are expected to fall by 5% next year.",
        "Recorded crime continues to fall, by 4% this year.",
        "Crime will continue to fall by 3% a year if trends hold.",
        "Vehicle crime fell from 1,310 in 2009/10 to 1,021 in 2010/11, a fall of 22.1%.",
        "Admissions began to rise from 120 to 150 during the winter.",
    ],
)
def test_a_forecast_or_report_of_a_moving_measure_is_no_target(text: str) -> None:
    assert _targets(text) == []


def test_a_change_stated_after_the_figures_is_the_targets_percentage() -> None:
    (target,) = _targets(
        "Increase the number of families completing a support plan from 184 to 236 a year,"
        " an increase of 35%."
    )
    assert _figures(target) == (Decimal(35), Decimal(184), Decimal(236))


def test_an_article_turns_a_verb_into_a_noun_that_frames_nothing() -> None:
    (target,) = _targets("We will reduce thefts from 640 to 589, a reduction of 8%, by 2014.")
    assert _figures(target) == (Decimal(8), Decimal(640), Decimal(589))
    assert target.deadline is not None and target.deadline.text == "2014"


def test_a_passive_aim_takes_its_subject_as_metric_not_its_deadline() -> None:
    (target,) = _targets(
        "Shed break-ins will be cut by 12% from the 2011/12 level of 450 to 396 by March 2015."
    )
    assert target.metric == "Shed break-ins"
    assert target.deadline is not None and target.deadline.text == "March 2015"


def test_a_metric_after_the_figures_stops_at_the_deadline() -> None:
    (target,) = _targets("To reduce by 5% the number of deliberate fires by 2012.")
    assert target.metric == "deliberate fires"


def test_will_also_frames_a_second_target() -> None:
    (target,) = _targets("We will also reduce cycle theft by 20% from 300 to 240 by 2015/16.")
    assert target.metric == "cycle theft"


@pytest.mark.parametrize("render", ["txt", "docx", "pdf"])
def test_moving_subject_plan_is_read_and_audited(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_moving_subject", render, tmp_path)
    targets = plan.all_targets()
    assert len(targets) == 5
    metrics = [(t.metric or "").lower() for t in targets]
    assert metrics[0] == "dwelling burglary"
    assert metrics[1] == "shed and garage break-ins"
    assert targets[2].indicator is not None and targets[2].indicator.code == "NI 21"
    assert _figures(targets[4]) == (Decimal(35), Decimal(184), Decimal(236))
    assert alarms(plan) == [("A101", "error")]
    twin = load_mechanism("targets_moving_subject_ok", render, tmp_path)
    assert alarms(twin) == []


# --- a trajectory row naming its target ------------------------------------------------


@pytest.mark.parametrize("render", ["txt", "docx", "pdf"])
def test_trajectory_goes_to_the_target_its_row_names(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("trajectory_named_row", render, tmp_path)
    vehicle, cycle, violence = plan.all_targets()
    assert [p.value.text for p in vehicle.trajectory] == ["1,180", "1,120", "1,064"]
    assert cycle.trajectory == ()
    # "Total number of crimes" names no one target: the table under a statement is its own.
    assert violence.trajectory[-1].value.text == "1,363"
    found = [(f.code, f.severity.value, f.subject.id) for f in cspplan.check(plan)]
    assert found == [("A111", "error", vehicle.id)]
    twin = load_mechanism("trajectory_named_row_ok", render, tmp_path)
    assert alarms(twin) == []


# --- a target restated as a noun, figures in brackets ------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The target for serious violence was a reduction of 5% (212 to 200).", (5, 212, 200)),
        ("The target for serious violence is a reduction of 5%.", (5, None, None)),
        ("The aim for serious violence is a reduction of 5%, from 212 to 200.", (5, 212, 200)),
        ("The target is to reduce serious violence by 5% (212 to 200).", (5, 212, 200)),
    ],
)
def test_a_target_for_a_measure_as_a_noun_with_figures_in_brackets(
    text: str, figures: tuple[int | None, ...]
) -> None:
    (target,) = _targets(text)
    assert target.metric == "serious violence"
    assert target.direction is Direction.REDUCE
    assert _figures(target) == tuple(None if f is None else Decimal(f) for f in figures)


def test_a_bracket_without_a_pair_of_figures_is_no_baseline() -> None:
    (target,) = _targets("We will reduce burglary by 5% (2,000 offences in 2012).")
    assert _figures(target) == (Decimal(5), None, None)
    (ranged,) = _targets("Reduce first-time entrants (aged 10 to 17) by 10%.")
    assert _figures(ranged) == (Decimal(10), None, None)


def test_a_change_after_a_stated_value_leaves_the_value_reading_whole() -> None:
    (target,) = _targets("The target for 2013/14 is 2,150 offences, a reduction of 4%.")
    assert _figures(target) == (Decimal(4), None, Decimal(2150))


# --- a table of targets with a stated change per row -----------------------------------


@pytest.mark.parametrize("render", ["txt", "docx", "pdf"])
def test_a_change_column_after_the_periods_is_each_rows_percent(
    render: str, tmp_path: Path
) -> None:
    plan = load_mechanism("trajectory_table_change", render, tmp_path)
    targets = plan.all_targets()
    assert [t.metric for t in targets] == [
        "Dwelling burglary",
        "Violence with injury",
        "Criminal damage",
        "Repeat victims of domestic abuse",
    ]
    assert [t.percent.text if t.percent else None for t in targets] == [
        "10%",
        "7%",
        "12%",
        "3 points",
    ]
    assert [len(t.trajectory) for t in targets] == [4, 4, 4, 4]
    found = [(f.code, f.severity.value, f.subject.id) for f in cspplan.check(plan)]
    assert found == [("A101", "error", targets[2].id)]
    twin = load_mechanism("trajectory_table_change_ok", render, tmp_path)
    assert alarms(twin) == []


# --- noun forms, labels and named figures -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric", "figures", "deadline"),
    [
        (
            "A reduction of 15% in vehicle crime by March 2008 (from 1,200 to 1,020).",
            "vehicle crime",
            (15, 1200, 1020),
            "March 2008",
        ),
        (
            "NI 30 Re-offending rate of prolific offenders - target 15% reduction by March 2011",
            "Re-offending rate of prolific offenders",
            (15, None, None),
            "March 2011",
        ),
        (
            "Burglary: reduce by 8% (2011/12 baseline 720; target 662).",
            "Burglary",
            (8, 720, 662),
            None,
        ),
    ],
)
def test_noun_aims_and_labelled_measures(
    text: str, metric: str, figures: tuple[int | None, ...], deadline: str | None
) -> None:
    (target,) = _targets(text)
    assert target.metric == metric
    assert target.direction is Direction.REDUCE
    assert _figures(target) == tuple(None if f is None else Decimal(f) for f in figures)
    assert (target.deadline.text if target.deadline else None) == deadline


@pytest.mark.parametrize(
    "text",
    [
        "A 15% reduction in vehicle crime was achieved by March 2008.",
        "A reduction in burglary by 2012 remains the priority.",
        "An increase in confidence is expected by 2012.",
    ],
)
def test_a_noun_form_reporting_or_without_a_figure_is_no_target(text: str) -> None:
    assert _targets(text) == []


def test_a_year_on_year_reduction_is_a_yearly_rate() -> None:
    from cspplan.model import PercentBasis

    (target,) = _targets("Achieve a 5% year-on-year reduction in criminal damage.")
    assert target.metric == "criminal damage"
    assert target.percent_basis is PercentBasis.PER_YEAR


def test_a_target_figure_beside_a_change_is_not_the_change() -> None:
    (target,) = _targets("Reduce violent crime by 5% (target 15% reduction over three years).")
    assert target.target is None
