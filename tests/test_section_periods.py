"""The period of a section or a table caption given to the actions beneath it, a report's title
and a title naming two periods, and C210 judging each milestone against its action's period.

The mechanism fixtures period_delivery_next_year (+ _bad) and period_table_caption are read as
text, Word, ruled PDF and unruled PDF."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import cspplan
from cspplan.document import Heading, Paragraph
from cspplan.model.plan import Action, Plan
from cspplan.recognise.front import read_front_matter
from cspplan.recognise.periods import section_period, title_period
from cspplan.validate import Finding, Severity
from fixtures.render_plan import render_all

MECHANISMS = Path(__file__).parent / "fixtures" / "mechanisms"
KINDS = ("txt", "docx", "pdf", "pdf-unruled")


def _read(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return cspplan.load(path)


def _actions(plan: Plan) -> list[Action]:
    return [entry.item for entry in plan.action_entries()]


def _periods(plan: Plan) -> dict[str | None, str | None]:
    return {a.ref: a.period.text if a.period else None for a in _actions(plan)}


def _c210(plan: Plan) -> list[Finding]:
    return [f for f in cspplan.check(plan) if f.code == "C210"]


# ---- the periods a heading, a caption and a title name ---------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Delivery plan 2007/08", "2007/08"),
        ("What we will do in 2013-14", "2013-14"),
        ("3. Projects for 2012/13", "2012/13"),
        ("Table 4: Actions agreed for 2019/20", "2019/20"),
        ("Actions 2019 to 2021", "2019 to 2021"),
        ("Projects for 2012", "2012"),
    ],
)
def test_a_heading_names_its_sections_period(text: str, named: str) -> None:
    found = section_period(text)
    assert found is not None and found.text == named


@pytest.mark.parametrize(
    "text",
    [
        "Reduce burglary by 10% by 2011",  # a deadline
        "Review due March 2020",  # a date
        "Q1 2019/20",  # a quarter
        "Crime and Disorder Act 1998",  # a name
        "Burglary 2008",  # a plain year that may be a figure's
        "2018/19 compared with 2017/18",  # two spans
        "Performance Summary 2006/07 and Delivery Plan 2007/08",
        "Activity from 2019/20 onwards",
        "",
    ],
)
def test_deadlines_dates_and_two_spans_name_no_section_period(text: str) -> None:
    assert section_period(text) is None


def test_a_title_naming_two_periods_covers_both() -> None:
    both = title_period("Performance Summary 2006/07 and Delivery Plan 2007/08")
    assert both is not None and both.text == "2006/07 and 2007/08"
    assert (both.start, both.end) == (dt.date(2006, 4, 1), dt.date(2008, 3, 31))
    # A delivery year inside the strategy's span keeps the strategy's own period.
    inside = title_period("Strategic Plan 2011-2014 & Annual Delivery Plan 2011-2012")
    assert inside is not None and inside.text == "2011-2014"
    # A plain year counts only where no span is named.
    plain = title_period("Phase 1 Review and Phase 2 Plan, 2012")
    assert plain is not None and plain.text == "2012"
    assert title_period("Community Safety Plan") is None


def test_a_reports_title_comes_before_the_delivery_plan_it_carries() -> None:
    front = read_front_matter(
        [
            Heading(text="Wickerby Community Safety Partnership", level=1),
            Paragraph(text="Annual Report 2018/19"),
            Paragraph(text="Looking back"),
            Heading(text="Delivery plan for 2019/20", level=2),
        ]
    )
    assert front.title == "Annual Report 2018/19"
    assert front.period is not None and front.period.text == "2018/19"
    assert 3 not in front.used


# ---- the walk: sections, captions and lists -----------------------------------------------

_TABLE = (
    "Ref\tAction\tLead\tDeadline\n"
    "{ref}1\tOpen a drop-in advice point at the library\tLibrary Service\tJune 2020\n"
    "{ref}2\tTrain taxi drivers to spot exploitation\tLicensing Team\tJanuary 2021\n"
)


def test_a_section_period_holds_through_deeper_headings_until_its_level_closes(
    tmp_path: Path,
) -> None:
    plan = _read(
        tmp_path,
        "# Ashdown Community Safety Partnership\n\nAnnual Report 2019/20\n\n"
        "## Delivery plan 2020/21\n\n### Exploitation\n\n"
        + _TABLE.format(ref="E")
        + "\n## How we are governed\n\n### Board actions\n\n"
        + _TABLE.format(ref="G"),
    )
    assert _periods(plan) == {"E1": "2020/21", "E2": "2020/21", "G1": None, "G2": None}


def test_a_caption_names_its_tables_period_and_a_sentence_does_not(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        "# Ashdown Community Safety Partnership\n\nAnnual Report 2019/20\n\n"
        "Table 3: Actions agreed for 2020/21.\n\n"
        + _TABLE.format(ref="C")
        + "\nThe board will look at these again in 2021/22.\n\n"
        + _TABLE.format(ref="S"),
    )
    assert _periods(plan) == {"C1": "2020/21", "C2": "2020/21", "S1": None, "S2": None}


def test_a_deadline_in_a_heading_is_not_its_sections_period(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        "# Ashdown Community Safety Partnership\n\nAnnual Report 2019/20\n\n"
        "Cut repeat burglary by 10% by 2021\n\n" + _TABLE.format(ref="B"),
    )
    assert _periods(plan) == {"B1": None, "B2": None}


def test_actions_listed_under_a_period_heading_take_it(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        "# Ashdown Community Safety Partnership\n\nAnnual Report 2019/20\n\n"
        "## Our priorities\n\n### Tackling exploitation\n\n#### What we will do in 2020/21\n\n"
        "- Open a drop-in advice point at the library\n"
        "- Train taxi drivers to spot exploitation\n",
    )
    actions = _actions(plan)
    assert len(actions) == 2
    assert [a.period.text if a.period else None for a in actions] == ["2020/21", "2020/21"]


# ---- C210 against the action's own period, else the plan's ----------------------------------


def test_c210_against_the_plans_title_period_is_information(tmp_path: Path) -> None:
    plan = _read(
        tmp_path,
        "# Ashdown Community Safety Partnership\n\nCommunity Safety Action Plan 2019/20\n\n"
        "## Actions\n\n" + _TABLE.format(ref="A"),
    )
    found = _c210(plan)
    assert [(f.subject.ref, f.severity) for f in found] == [
        ("A1", Severity.INFO),
        ("A2", Severity.INFO),
    ]
    assert "after the plan ends" in found[0].message


@pytest.fixture(scope="module")
def renderings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("renderings")
    names = ("period_delivery_next_year", "period_delivery_next_year_bad", "period_table_caption")
    return {name: render_all(MECHANISMS / f"{name}.txt", folder) for name in names}


@pytest.mark.parametrize("kind", KINDS)
def test_actions_for_the_year_after_a_report_take_the_delivery_year(
    renderings: dict[str, dict[str, Path]], kind: str
) -> None:
    plan = cspplan.load(renderings["period_delivery_next_year"][kind])
    assert plan.title == "Annual Report 2018/19"
    assert plan.period is not None and plan.period.text == "2018/19"
    assert _periods(plan) == {"D1": "2019/20", "D2": "2019/20", "D3": "2019/20"}
    assert [f for f in cspplan.check(plan) if f.severity >= Severity.INFO] == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_milestone_after_the_delivery_year_is_a_warning(
    renderings: dict[str, dict[str, Path]], kind: str
) -> None:
    plan = cspplan.load(renderings["period_delivery_next_year_bad"][kind])
    found = [f for f in cspplan.check(plan) if f.severity >= Severity.INFO]
    assert [(f.code, f.severity, f.subject.ref) for f in found] == [
        ("C210", Severity.WARNING, "D3")
    ]
    assert "September 2021" in found[0].message and "2019/20" in found[0].message


@pytest.mark.parametrize("kind", KINDS)
def test_a_summary_and_delivery_plan_covers_both_years(
    renderings: dict[str, dict[str, Path]], kind: str
) -> None:
    plan = cspplan.load(renderings["period_table_caption"][kind])
    assert plan.period is not None
    assert (plan.period.start, plan.period.end) == (dt.date(2018, 4, 1), dt.date(2020, 3, 31))
    assert len(_actions(plan)) == 2
    assert _c210(plan) == []


# ---- JSON -----------------------------------------------------------------------------------


def test_action_periods_round_trip_and_older_json_loads(
    renderings: dict[str, dict[str, Path]],
) -> None:
    plan = cspplan.load(renderings["period_delivery_next_year"]["txt"])
    assert cspplan.loads(cspplan.dumps(plan)) == plan
    data = json.loads(cspplan.dumps(plan))
    data["schema_version"] = "1.1"
    for action in data["actions"]:
        del action["period"]
    older = cspplan.from_data(data)
    assert [a.period for a in older.actions] == [None, None, None]
