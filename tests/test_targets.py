"""Target statements in their many wordings, and narrative that must not become a target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cspplan.model import Direction, SourceRef, Unit
from cspplan.recognise.targets import direction_of, find_targets, unit_of
from cspplan.serialise.converter import make_converter

SOURCE = SourceRef(file="plan.txt", line=7)


def one(text: str):  # type: ignore[no-untyped-def]
    targets = find_targets(text, SOURCE)
    assert len(targets) == 1, targets
    return targets[0]


def test_percentage_change_with_baseline_and_target() -> None:
    target = one(
        "Community Safety - Strategic target to reduce shop theft by 12% from 850 to 748 by 2009/10"
    )
    assert target.id == ""
    assert target.metric == "shop theft"
    assert target.direction is Direction.REDUCE
    assert target.percent is not None and target.percent.text == "12%"
    assert target.percent.value == Decimal("12")
    assert target.unit is Unit.COUNT
    assert target.baseline is not None and target.baseline.value.value == 850
    assert target.target is not None and target.target.value.text == "748"
    assert target.deadline is not None and target.deadline.end == dt.date(2010, 3, 31)
    assert target.target.period == target.deadline
    assert target.source == SOURCE
    assert target.statement.startswith("Community Safety - Strategic target")


def test_printed_precision_is_kept() -> None:
    assert one("We will cut arson by 8.0% by 2010.").percent.text == "8.0%"  # type: ignore[union-attr]


def test_percentage_points() -> None:
    target = one(
        "Target to reduce the share of residents who feel unsafe after dark from 21% to 17% by 2010/11"
    )
    assert target.unit is Unit.PERCENTAGE_POINTS
    assert target.percent is None
    assert (target.baseline.value.text, target.target.value.text) == ("21%", "17%")  # type: ignore[union-attr]
    assert target.metric == "share of residents who feel unsafe after dark"


def test_explicit_points() -> None:
    target = one("To raise the detection rate for robbery by 4 percentage points by 2011")
    assert target.unit is Unit.PERCENTAGE_POINTS
    assert target.percent is not None and target.percent.value == 4
    assert target.direction is Direction.INCREASE


def test_percent_without_baseline() -> None:
    target = one("Our aim is to reduce overall crime by 7.5% by 2011.")
    assert target.percent is not None and target.percent.text == "7.5%"
    assert target.baseline is None and target.target is None
    assert target.deadline is not None and target.deadline.text == "2011"


def test_percent_and_target_value_only() -> None:
    target = one("Reduce criminal damage by 9% to 3,120 by 2010")
    assert target.percent is not None and target.percent.text == "9%"
    assert target.target is not None and target.target.value.value == 3120
    assert target.target.value.text == "3,120"
    assert target.baseline is None


def test_past_target_with_baseline_period_and_outturn() -> None:
    text = (
        "The 2004 - 2007 target to reduce robbery was 20% from 1,250 (baseline 2002/03) to 1,000. "
        "The year ending March 2007 figure was 905, which beat the target. Other crime rose."
    )
    target = one(text)
    assert target.percent is not None and target.percent.text == "20%"
    assert target.baseline is not None and target.baseline.period is not None
    assert target.baseline.period.text == "2002/03"
    assert target.deadline is not None and target.deadline.end == dt.date(2007, 3, 31)
    assert target.outturn is not None and target.outturn.value.text == "905"
    assert target.outturn.period is not None
    assert (target.outturn.period.start, target.outturn.period.end) == (
        dt.date(2006, 4, 1),
        dt.date(2007, 3, 31),
    )
    assert target.statement.endswith("to 1,000.")


def test_baseline_figure_is_not_an_outturn() -> None:
    text = "Our target is to reduce burglary by 10% by 2010. The baseline figure was 700."
    assert one(text).outturn is None


def test_three_year_average_baseline() -> None:
    target = one(
        "The current target is to reduce the number of casualties on rural roads by 11.5% "
        "from a three year average of 380 (in the period 2005 to 2007)."
    )
    assert target.percent is not None and target.percent.text == "11.5%"
    assert target.baseline is not None and target.baseline.value.value == 380
    assert target.baseline.label == "three year average"
    assert target.baseline.period is not None and target.baseline.period.text == "2005 to 2007"


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("Maintain the proportion of adults who binge drink at or below 19%", "at or below", "19%"),
        ("We will keep the repeat referral rate at 24%", None, "24%"),
        ("To hold satisfaction with local policing at or above 70%", "at or above", "70%"),
    ],
)
def test_maintain_targets(text: str, qualifier: str | None, value: str) -> None:
    target = one(text)
    assert target.direction is Direction.MAINTAIN
    assert target.target is not None
    assert (target.target.label, target.target.value.text) == (qualifier, value)


def test_target_tied_to_an_indicator_code() -> None:
    target = one("NI 15 Reduce serious violent crime by 6% from 410 to 385 by 2011")
    assert target.indicator is not None and target.indicator.code == "NI 15"
    assert target.metric == "serious violent crime"


def test_objective_with_a_percentage_yields_a_target() -> None:
    target = one("To reduce alcohol related assaults by 15% by 2008/09")
    assert target.metric == "alcohol related assaults"
    assert target.deadline is not None and target.deadline.start == dt.date(2008, 4, 1)


def test_noun_form_after_the_word_target() -> None:
    target = one("Local target: a 5% reduction in deliberate fires by 2010/11")
    assert target.direction is Direction.REDUCE
    assert target.metric == "deliberate fires"


def test_several_targets_in_one_cell_keep_their_own_statements() -> None:
    targets = find_targets(
        "• To reduce cycle theft by 10% by 2009 • To reduce theft from sheds by 15% by 2009",
        SOURCE,
    )
    assert [t.statement for t in targets] == [
        "To reduce cycle theft by 10% by 2009",
        "To reduce theft from sheds by 15% by 2009",
    ]


def test_html_fragments_do_not_hide_targets() -> None:
    targets = find_targets(
        "<p>Objectives:</p> <ul><li>To cut vehicle crime by 4% by 2009</li></ul>", SOURCE
    )
    assert [t.percent.text for t in targets if t.percent] == ["4%"]


@pytest.mark.parametrize(
    "text",
    [
        "Hospital admissions for alcohol keep rising (up 12% in 2008-09).",
        "The district has an older population, with 19.2% over the age of 65.",
        "The number of pensioners is set to increase by 6.4% over ten years.",
        "The youth population is expected to fall by 8% by 2016.",
        "Crime fell by 10% from 5,000 to 4,500 last year.",
        "We managed to reduce burglary by 14% in 2008.",
        "NI 21 Reduce the number of assaults with injury per 1,000 population.",
        "(Local) Reduce the number of first time entrants to the youth justice system.",
        "Twice the regional share of pupils reported being drunk more than 3+ times last month.",
        "This partnership will work to reduce crime and the fear of crime.",
        "",
    ],
)
def test_narrative_is_not_a_target(text: str) -> None:
    assert find_targets(text, SOURCE) == []


def test_direction_of_words() -> None:
    assert direction_of("cut") is Direction.REDUCE
    assert direction_of("improvement") is Direction.INCREASE
    assert direction_of("sustain") is Direction.MAINTAIN
    assert direction_of("describe") is None


def test_unit_of_rates_and_indices() -> None:
    assert unit_of(None, None, None, "burglary rate", "") is Unit.RATE
    assert unit_of(None, None, None, "perception index", "") is Unit.INDEX
    assert unit_of(None, None, None, "burglary", "") is None


def test_golden_targets(golden) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Property Crime - Strategic target to reduce dwelling burglary by 18% from 610 to 500 by 2010/11",
            "Our target is to increase the proportion of victims who are satisfied from 72% to 80% by March 2011.",
            "The 2005 - 2008 target to reduce vehicle crime was 25% from 2,400 (baseline 2004/05) to 1,800. "
            "The year ending March 2008 figure was 1,710, a reduction of 29%.",
            "LAA target: NI 49 Reduce primary fires by 5% by 2011 (BVPI 142ii).",
            "Keep the rate of repeat domestic abuse at or below 28% throughout 2010/11.",
        ]
    )
    targets = find_targets(text, SourceRef(file="fixture.txt"))
    golden("targets/statements", make_converter().unstructure(targets))


def test_aim_stated_as_a_noun_after_achieve() -> None:
    target = one("Partners aim to achieve a 9% reduction in shed burglary by 2010/11")
    assert target.direction is Direction.REDUCE
    assert target.metric == "shed burglary"
    assert target.percent is not None and target.percent.text == "9%"


def test_rates_per_thousand() -> None:
    target = one("Reduce the rate of assault from 14.2 per 1,000 to 12.8 per 1,000 by 2011")
    assert target.unit is Unit.RATE
    assert (target.baseline.value.text, target.target.value.text) == ("14.2", "12.8")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "To reduce re-offending, which is 25% higher than the national average",
        "To reduce the number of young people aged 10 to 17 entering the youth justice system",
        "The partnership will continue to reduce burglary, which fell by 8% last year",
    ],
)
def test_figures_describing_the_metric_are_not_targets(text: str) -> None:
    assert find_targets(text, SOURCE) == []


def test_from_and_to_without_a_percent() -> None:
    target = one("Reduce shoplifting from 1,000 (2007/08 baseline) to 900 by 2010/11")
    assert target.percent is None
    assert target.baseline is not None and target.baseline.period is not None
    assert target.baseline.period.text == "2007/08"
    assert target.target is not None and target.target.value.text == "900"


def test_targets_stated_as_values() -> None:
    target = one("The target for 2011/12 is 3,400 offences, a reduction of 4%.")
    assert target.target is not None and target.target.value.text == "3,400"
    assert target.deadline is not None and target.deadline.text == "2011/12"
    assert (target.metric, target.direction) == ("offences", Direction.REDUCE)
    assert target.percent is not None and target.percent.text == "4%"
    milestone = one("The milestone target for 2010 is 512.")
    assert milestone.target is not None and milestone.target.label == "milestone"
    assert milestone.direction is None
    coded = one("NI 15 target 2010/11: 1,240")
    assert coded.indicator is not None and coded.indicator.code == "NI 15"


def test_target_change_without_a_verb_takes_its_direction_from_the_figures() -> None:
    target = one("The target was 15% from 2,000 (baseline 2006/07) to 1,700.")
    assert target.direction is Direction.REDUCE
    assert target.percent is not None and target.percent.text == "15%"
    assert (target.baseline.value.text, target.target.value.text) == ("2,000", "1,700")  # type: ignore[union-attr]


def test_achieve_a_reduction_of() -> None:
    target = one("We will achieve a reduction of 6% in cycle theft by 2011")
    assert (target.metric, target.direction) == ("cycle theft", Direction.REDUCE)


def test_metric_after_the_figures_and_without_its_code() -> None:
    assert one("To cut by 7% the number of deliberate vehicle fires.").metric == (
        "deliberate vehicle fires"
    )
    coded = one("Reduce alcohol-related admissions (NI 39) by 2% per year")
    assert coded.metric == "alcohol-related admissions"
    assert coded.indicator is not None and coded.indicator.code == "NI 39"


def test_report_periods() -> None:
    from cspplan.recognise.targets import report_period

    ending = report_period("the year ending June 2009")
    assert ending is not None
    assert (ending.start, ending.end) == (dt.date(2008, 7, 1), dt.date(2009, 6, 30))
    december = report_period("12 months to 31st December 2010")
    assert december is not None and december.start == dt.date(2010, 1, 1)
    assert report_period("year ending 31 February 2009") is None


def test_words_between_to_and_by_are_the_metric_not_the_target() -> None:
    target = one(
        "Strategic target to increase the number of hate incidents reported to the police "
        "by 15% from 420 to 483 by 2009/10 (NI 32)"
    )
    assert (target.percent.text, target.baseline.value.text, target.target.value.text) == (  # type: ignore[union-attr]
        "15%",
        "420",
        "483",
    )
    assert target.direction is Direction.INCREASE
    assert target.indicator is not None and target.indicator.code == "NI 32"
    assert target.metric == "hate incidents reported to the police"


def test_percentage_point_change_stated_as_a_noun() -> None:
    target = one("By 2021/22 we aim to achieve a 4 percentage point increase in reporting.")
    assert target.unit is Unit.PERCENTAGE_POINTS
    assert target.percent is not None and target.percent.value == 4
    assert target.deadline is not None and target.deadline.text == "2021/22"
    assert target.metric == "reporting"


def test_ceiling_set_as_an_aim() -> None:
    target = one("We will ensure there are no more than 120 arson attacks in 2022/23.")
    assert target.direction is None
    assert target.target is not None and target.target.label == "no more than"
    assert target.target.value.text == "120"
    assert target.metric == "arson attacks"
    assert target.deadline is not None and target.deadline.text == "2022/23"


def test_a_floor_without_a_date_is_an_output_not_a_target() -> None:
    assert find_targets("Officers will see at least 40 young people each term.", SOURCE) == []


def test_baseline_in_brackets_after_the_deadline() -> None:
    target = one("Target: Reduce criminal damage by 6% by March 2021 (baseline 2018/19: 1,900).")
    assert target.baseline is not None and target.baseline.value.text == "1,900"
    assert target.baseline.period is not None and target.baseline.period.text == "2018/19"
    assert target.percent is not None and target.percent.text == "6%"


def test_deadline_before_the_verb() -> None:
    target = one("By 2024, reduce the number of cyclists injured on our roads by 12%.")
    assert target.deadline is not None and target.deadline.text == "2024"
    assert target.percent is not None and target.percent.text == "12%"


def test_a_change_in_number_is_not_a_percentage_nor_the_metric() -> None:
    target = one("We will cut noise complaints by 150, from 1,650 to 1,500, by 2023.")
    assert target.percent is None
    assert target.metric == "noise complaints"
    assert (target.baseline.value.text, target.target.value.text) == ("1,650", "1,500")  # type: ignore[union-attr]


def test_achieve_leading_its_line_and_a_reduction_on_a_years_levels() -> None:
    target = one("Achieve a reduction of 8% on 2009/10 levels in vehicle crime by 2012/13.")
    assert target.percent is not None and target.percent.text == "8%"
    assert target.metric == "vehicle crime"
    assert target.deadline is not None and target.deadline.text == "2012/13"
    assert find_targets("We achieved a 10% reduction in burglary in 2011.", SOURCE) == []


def test_a_range_of_percentages_is_not_one_target() -> None:
    assert find_targets("Reduce assaults by between 5% and 10% by 2011.", SOURCE) == []


def test_value_after_the_name_of_what_it_measures() -> None:
    target = one("BVPI 126 Domestic burglaries per 1,000 households: target 9.5 by 2007/08.")
    assert target.indicator is not None and target.indicator.code == "BVPI 126"
    assert target.target is not None and target.target.value.text == "9.5"
    assert target.deadline is not None and target.deadline.text == "2007/08"
    assert target.unit is Unit.RATE
    assert find_targets("Section 3: Target 2010", SOURCE) == []


@pytest.mark.parametrize(
    ("text", "short", "value"),
    [
        ("4 percentage points", False, "4"),
        ("2.5 per cent", False, "2.5"),
        ("12%", False, "12"),
        ("1,140", False, "1140"),
        ("3 points", False, None),
        ("3 points", True, "3"),
        ("3pp", True, "3"),
    ],
)
def test_parse_quantity_reads_unit_words_and_keeps_the_text(
    text: str, short: bool, value: str | None
) -> None:
    from cspplan.text.numbers import parse_quantity

    number = parse_quantity(text, short_points=short)
    if value is None:
        assert number is None
    else:
        assert number is not None and number.value == Decimal(value) and number.text == text
