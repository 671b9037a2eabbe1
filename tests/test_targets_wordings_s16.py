"""Target wordings of plans outside the development corpus: a yearly bound leading its
sentence ("No more than 64 casualties a year ..."), a figureless hold ("Maintain X at
2009/10 levels"), and the others of this file's sections.

The plans are tests/fixtures/mechanisms/targets_*.txt, read as text and in Word and PDF
renderings; single sentences are read through :func:`find_targets`.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import cspplan
from cspplan.model import Direction, SourceRef, Target
from cspplan.recognise.indicator_tables import worded_targets
from cspplan.recognise.targets import find_targets
from cspplan.recognise.trajectory import targets_from_table
from recognise_helpers import alarms, load_mechanism, make_table

RENDERS = ["txt", "docx", "pdf", "plain.pdf"]


def _only(text: str) -> Target:
    found = find_targets(text, SourceRef())
    assert len(found) == 1, found
    return found[0]


def _figures(target: Target) -> tuple[str | None, str | None, str | None]:
    return (
        target.percent.text if target.percent else None,
        target.baseline.value.text if target.baseline else None,
        target.target.value.text if target.target else None,
    )


# --- a yearly bound leading its sentence ---------------------------------------------------------


def test_leading_yearly_ceiling_is_a_target() -> None:
    target = _only("Fewer than 18 serious injuries a year on the canal towpaths.")
    assert _figures(target) == (None, None, "18")
    assert target.target and target.target.label == "fewer than"
    assert target.per == "year"
    assert target.metric == "serious injuries on the canal towpaths"
    assert target.direction is Direction.MAINTAIN


def test_labelled_yearly_floor_is_a_target() -> None:
    target = _only("Treatment: at least 310 adults starting alcohol treatment each year.")
    assert _figures(target) == (None, None, "310")
    assert target.target and target.target.label == "at least"
    assert target.metric == "adults starting alcohol treatment"


def test_labelled_share_ceiling_is_a_target() -> None:
    target = _only("Proven reoffending: no more than 8.5%")
    assert _figures(target) == (None, None, "8.5%")
    assert target.metric == "Proven reoffending"


@pytest.mark.parametrize(
    "text",
    [
        "At least 25 pupils each term will join the scheme.",
        "At least 25 pupils took part in the scheme.",
        "No more than 12 officers are on duty at night.",
        "At least 70% of respondents said they felt safe.",
        "At least 450 adults were in alcohol treatment each year.",
        "Fewer than 30 thefts are reported at the station each year.",
        "Bike theft: at least 120 offences each year since 2012.",
        "No more than 52 people a year were hurt on the towpaths between 2010 and 2013.",
        # Reports in the wordings of the aims below.
        "Last year we have reduced cycle theft by 9%.",
        "Knife offences halved between 2008 and 2011, from 260 to 130.",
        "Cycle theft – a reduction of 6% was achieved by 2015.",
        "Fly-tipping stayed at 2011/12 levels.",
        "Cycle theft was down 7% by March 2016.",
        "Cycle theft down 7% on the year before.",
        "Cycle theft down 7% by March 2016 compared with 2014/15.",
        "The data show cycle theft down 7% by March 2016.",
    ],
)
def test_outputs_and_reports_are_no_targets(text: str) -> None:
    assert find_targets(text, SourceRef()) == []


# --- a hold at a period's level, with no figure -------------------------------------------------


def test_figureless_hold_keeps_its_period() -> None:
    target = _only("Maintain reports of fly-tipping at 2011/12 levels.")
    assert target.direction is Direction.MAINTAIN
    assert _figures(target) == (None, None, None)
    assert target.level is not None and target.level.text == "2011/12"
    assert target.metric == "reports of fly-tipping"


def test_hold_at_or_below_a_period_level() -> None:
    target = _only("Keep the number of missing-from-care episodes at or below the 2012 level.")
    assert target.level is not None and target.level.text == "2012"
    assert target.target is None


def test_a_level_beside_figures_is_no_figureless_hold() -> None:
    target = _only("We will keep burglary at or below their 2018/19 level of 640.")
    assert target.level is None
    assert _figures(target) == (None, "640", "640")


@pytest.mark.parametrize("render", RENDERS)
def test_hold_and_increase_fixture_reads_every_target(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_hold_increase", render, tmp_path)
    targets = plan.all_targets()
    assert len(targets) == 6
    casualties = next(t for t in targets if t.metric and "casualties" in t.metric)
    assert _figures(casualties) == (None, None, "64")
    assert casualties.per == "year"
    youth = next(t for t in targets if t.metric and "youth disorder" in t.metric)
    assert youth.level is not None and youth.level.text == "2009/10"
    assert alarms(plan) == []


def test_level_survives_the_json_round_trip(tmp_path: Path) -> None:
    plan = load_mechanism("targets_hold_increase", "txt", tmp_path)
    assert cspplan.loads(cspplan.dumps(plan)) == plan


# --- last year's actual, next year's target and the change between them --------------------------


@pytest.mark.parametrize("render", RENDERS)
def test_actual_before_target_is_the_baseline_and_the_change_its_percent(
    render: str, tmp_path: Path
) -> None:
    plan = load_mechanism("targets_actual_change", render, tmp_path)
    figures = {t.metric: _figures(t) for t in plan.all_targets()}
    assert figures["Theft from shops"] == ("5%", "1,480", "1,406")
    assert figures["Cycle theft"] == ("5%", "360", "342")
    assert figures["Violence with injury"] == ("10%", "920", "874")
    assert figures["Residents satisfied with their area"] == ("2 points", "76%", "78%")
    shops = next(t for t in plan.all_targets() if t.metric == "Theft from shops")
    assert shops.outturn is None and shops.direction is Direction.REDUCE
    assert alarms(plan) == [("A101", "error")]
    assert alarms(load_mechanism("targets_actual_change_ok", render, tmp_path)) == []


def test_an_actual_of_the_target_year_stays_its_outturn() -> None:
    table = make_table(
        [
            ["Measure", "2012/13 actual", "2013/14 target", "2013/14 actual", "Change"],
            ["Cycle theft", "360", "342", "330", "-8.3%"],
        ]
    )
    (target,) = targets_from_table(table)
    assert _figures(target) == (None, "360", "342")
    assert target.outturn is not None and target.outturn.value.text == "330"


# --- targets stated in words in a Target column --------------------------------------------------


@pytest.mark.parametrize("render", RENDERS)
def test_worded_target_cells_are_read_about_the_indicator(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_worded_cells", render, tmp_path)
    by_metric = {t.metric: t for t in plan.all_targets()}
    assert set(by_metric) == {
        "Burglary of homes",
        "Shed and garage break-ins",
        "Alcohol-related assaults",
        "Victims who would report again",
        "Repeat fly-tipping hotspots",
        "Calls about street drinking",
    }
    assert _figures(by_metric["Burglary of homes"]) == ("6%", "830", None)
    assert by_metric["Shed and garage break-ins"].percent is not None
    assert by_metric["Shed and garage break-ins"].direction is Direction.REDUCE
    assert _figures(by_metric["Alcohol-related assaults"]) == (None, None, "410")
    assert _figures(by_metric["Victims who would report again"]) == (None, "68%", "72%")
    level = by_metric["Repeat fly-tipping hotspots"].level
    assert level is not None and level.text == "2015/16"
    assert _figures(by_metric["Calls about street drinking"]) == (None, None, "15%")
    assert alarms(plan) == []


@pytest.mark.parametrize(
    "cell",
    ["Work with schools", "Quarterly review", "TBC", "−30"],
)
def test_words_that_state_no_target_give_none(cell: str) -> None:
    table = make_table([["Indicator", "Target"], ["Cycle theft", cell]])
    assert worded_targets(table) == []


def test_a_plain_figure_in_the_target_column_is_the_target_value() -> None:
    table = make_table([["Indicator", "Target 2014/15"], ["Cycle theft", "342"]])
    (target,) = worded_targets(table)
    assert _figures(target) == (None, None, "342")
    assert target.target is not None and target.target.period is not None
    assert target.target.period.text == "2014/15"


# --- a Local Area Agreement table ----------------------------------------------------------------


@pytest.mark.parametrize("render", RENDERS)
def test_laa_table_reads_short_years_a_bare_baseline_and_change_rows(
    render: str, tmp_path: Path
) -> None:
    plan = load_mechanism("targets_laa_table", render, tmp_path)
    by_metric = {t.metric: t for t in plan.all_targets()}
    acquisitive = by_metric["Serious acquisitive crime"]
    assert [m.value.text for m in acquisitive.trajectory] == ["3,180", "3,100", "3,020", "2,940"]
    assert _figures(acquisitive) == (None, "3,180", "2,940")
    assert acquisitive.target and acquisitive.target.period
    assert acquisitive.target.period.text == "2010/11"
    reoffending = by_metric["Re-offending rate of prolific offenders"]
    assert _figures(reoffending) == ("16%", None, None)
    assert reoffending.trajectory == ()
    assert _figures(by_metric["Deliberate vehicle fires"]) == (None, None, "520")
    assert _figures(by_metric["Thefts of bicycles"]) == ("15%", None, None)
    assert len(plan.all_targets()) == 5
    assert alarms(plan) == []


def test_a_short_year_must_run_on_to_be_a_year() -> None:
    rows = [["Indicator", "08/10", "10/12"], ["Cycle theft", "360", "342"]]
    assert targets_from_table(make_table(rows)) == []


def test_a_column_of_figures_after_the_periods_still_stops_the_reading() -> None:
    rows = [["Indicator", "2010/11", "2011/12", "Total"], ["Cycle theft", "360", "342", "702"]]
    assert targets_from_table(make_table(rows)) == []


# --- more prose wordings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("We aim to halve knife offences by 2012, from 260 to 130.", (None, "260", "130")),
        ("To double the number of street pastors from 15 to 30.", (None, "15", "30")),
        ("By 2016 we will have cut cycle theft by 9%.", ("9%", None, None)),
        ("By March 2014 we aim to have reduced arson to 85.", (None, None, "85")),
        ("Cycle theft – a reduction of 6% by 2015 (baseline 410).", ("6%", "410", None)),
        ("Reducing reoffending: target rate of 21.5% by 2014/15.", (None, None, "21.5%")),
        ("Target – 240 grass fires or fewer.", (None, None, "240")),
        ("Cycle theft down 7% by March 2016.", ("7%", None, None)),
        ("Knife crime: up 4% by 2015/16", ("4%", None, None)),
        ("Reduce shop theft by twelve per cent by 2016.", ("twelve per cent", None, None)),
    ],
)
def test_more_aim_wordings(text: str, figures: tuple[str | None, ...]) -> None:
    assert _figures(_only(text)) == figures


# --- a target cell with its change beside the figure, and symbol bounds ---------------------------


@pytest.mark.parametrize("render", RENDERS)
def test_target_cells_with_their_change_and_symbol_bounds(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_cell_change", render, tmp_path)
    by_metric = {t.metric: t for t in plan.all_targets()}
    assert _figures(by_metric["Theft from vehicles"]) == ("6%", None, "980")
    assert _figures(by_metric["Racially aggravated offences"]) == ("4%", None, "312")
    marac = by_metric["Repeat referrals to MARAC"].target
    assert marac is not None and (marac.value.text, marac.label) == ("27%", "at most")
    damage = by_metric["Criminal damage to dwellings"].target
    assert damage is not None and (damage.value.text, damage.label) == ("1,500", "less than")
    shed = by_metric["Shed burglary"]
    assert _figures(shed) == ("5%", "440", "418")
    assert shed.target is not None and shed.target.period is None
    assert alarms(plan) == []
    assert alarms(load_mechanism("targets_cell_change_bad", render, tmp_path)) == [
        ("A101", "error")
    ]


# --- rows labelled by their role, a value's period and baseline after it ---------------------------


@pytest.mark.parametrize("render", RENDERS)
def test_target_and_actual_rows_under_a_named_header(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_target_actual_rows", render, tmp_path)
    targets = plan.all_targets()
    assert len(targets) == 3
    shoplifting = next(t for t in targets if t.metric == "Shoplifting")
    assert [m.value.text for m in shoplifting.trajectory] == ["900", "870", "840"]
    vehicles = next(t for t in targets if t.target and t.target.value.text == "410")
    assert vehicles.baseline is not None and vehicles.baseline.value.text == "430"
    assert vehicles.baseline.period is not None and vehicles.baseline.period.text == "2015/16"
    assert vehicles.trajectory == ()
    roads = next(t for t in targets if t.target and t.target.value.text == "64")
    assert roads.target is not None and roads.target.period is not None
    assert roads.target.period.text == "2016/17"
    assert alarms(plan) == []


def test_an_actual_row_alone_is_no_target() -> None:
    rows = [["Burglary", "2014/15", "2015/16"], ["Actual", "910", "880"]]
    assert targets_from_table(make_table(rows)) == []


def test_periods_down_the_first_column_are_a_target_of_their_own() -> None:
    rows = [["Year", "Cycle theft target"], ["2015/16 (baseline)", "420"], ["2016/17", "400"]]
    (target,) = targets_from_table(make_table(rows))
    assert _figures(target) == (None, "420", "400")
    assert target.metric == "Cycle theft target"


def test_each_column_of_figures_down_the_years_is_a_target() -> None:
    rows = [
        ["Year", "Shop theft", "Bike theft"],
        ["2015/16 (baseline)", "700", "310"],
        ["2016/17", "680", "300"],
        ["2017/18", "660", "290"],
    ]
    found = {t.metric: t for t in targets_from_table(make_table(rows))}
    assert [m.value.text for m in found["Shop theft"].trajectory] == ["700", "680", "660"]
    assert _figures(found["Bike theft"]) == (None, "310", "290")


def test_a_history_down_the_years_is_no_target() -> None:
    rows = [
        ["Year", "Shop theft", "Bike theft"],
        ["2014/15", "720", "330"],
        ["2015/16", "700", "310"],
    ]
    assert targets_from_table(make_table(rows)) == []


# --- a Word table whose header is on two rows, merged ---------------------------------------------


def _merged_header_plan(path: Path) -> Path:
    """A Word plan whose target table has "Indicator" and "Baseline 2013/14" merged down two
    header rows beside "Targets" merged across the years."""
    document = docx.Document()
    document.add_heading("Ambridge Vale Community Safety Partnership", 0)
    document.add_heading("Targets", 1)
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Targets"
    table.cell(1, 2).text, table.cell(1, 3).text = "2014/15", "2015/16"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Indicator"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Baseline 2013/14"
    for column, text in enumerate(["Theft from the person", "610", "590", "570"]):
        table.cell(2, column).text = text
    document.save(str(path))
    return path


def test_a_two_row_merged_header_gives_the_baseline_column(tmp_path: Path) -> None:
    plan = cspplan.load(_merged_header_plan(tmp_path / "merged.docx"))
    (target,) = plan.all_targets()
    assert target.metric == "Theft from the person"
    assert [m.value.text for m in target.trajectory] == ["610", "590", "570"]
    assert target.baseline is not None and target.baseline.period is not None
    assert target.baseline.period.text == "2013/14"


def test_a_bound_after_the_value_is_its_label() -> None:
    target = _only("Target – 240 grass fires or fewer.")
    assert target.target is not None and target.target.label == "or fewer"
    assert target.metric == "grass fires"


def test_a_headline_change_with_a_deadline_says_which_way() -> None:
    target = _only("Cycle theft down 7% by March 2016.")
    assert target.direction is Direction.REDUCE
    assert target.deadline is not None and target.deadline.text == "March 2016"


@pytest.mark.parametrize("render", RENDERS)
def test_prose_wordings_fixture(render: str, tmp_path: Path) -> None:
    plan = load_mechanism("targets_prose_wordings", render, tmp_path)
    figures = sorted((_figures(t) for t in plan.all_targets()), key=str)
    assert figures == sorted(
        [
            (None, "180", "90"),
            (None, "25", "50"),
            ("20%", None, None),
            ("15%", "360", None),
            (None, None, "33.5%"),
            (None, None, "120"),
            ("25%", None, None),
            (None, "160", "140"),
            ("fifteen per cent", "300", "255"),
        ],
        key=str,
    )
    assert alarms(plan) == []


@pytest.mark.parametrize("header", ["Ambition 2016/17", "Goal", "Aim for 2017", "Aim"])
def test_other_words_for_the_target_column(header: str) -> None:
    table = make_table([["Indicator", header], ["Street drinking reports", "Reduce by 10%"]])
    (target,) = worded_targets(table)
    assert _figures(target) == ("10%", None, None)


def test_a_plain_percentage_under_target_is_the_figure_to_reach() -> None:
    table = make_table([["Indicator", "Target"], ["Confidence in the police", "60%"]])
    (target,) = worded_targets(table)
    assert _figures(target) == (None, None, "60%")
    table = make_table([["Indicator", "Target reduction"], ["Cycle theft", "10%"]])
    (target,) = worded_targets(table)
    assert _figures(target) == ("10%", None, None)
