"""Indicator and performance tables read by column role, quarterly profiles, trajectories
attached by unit, and the audit of what the tables state: unit cases of the reader, then the
mechanism fixtures end to end from text, Word and PDF (ruled and unruled) renderings, each
failing plan beside its twin that must give no error or warning."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.document import Cell, Row, Table
from cspplan.model import ClaimKind, Direction, Plan, Polarity, RatingCondition, Unit
from cspplan.recognise.indicator_tables import (
    ColumnRole,
    apply_rating_key,
    header_roles,
    read_indicator_table,
    read_rating_key,
)
from cspplan.validate import Finding, Severity

FIXTURES = Path(__file__).parent / "fixtures"
MECHANISMS = FIXTURES / "mechanisms"
sys.path.insert(0, str(FIXTURES))
from render_plan import render_docx, render_pdf  # noqa: E402


def table(*rows: list[str]) -> Table:
    return Table(
        rows=tuple(Row(cells=tuple(Cell(lines=(c,) if c else ()) for c in r)) for r in rows)
    )


# --- the reader ---------------------------------------------------------------------------


def test_header_roles_in_any_order() -> None:
    roles = header_roles(
        ["NI ref", "Measure", "Polarity", "Baseline", "Target 2010/11", "Year to date", "% change"]
    )
    assert roles == [
        ColumnRole.CODE,
        ColumnRole.LABEL,
        ColumnRole.POLARITY,
        ColumnRole.BASELINE,
        ColumnRole.TARGET,
        ColumnRole.ACTUAL,
        ColumnRole.CHANGE,
    ]
    assert header_roles(["Crime type", "Number 2014/15", "Change since 2013/14", "Trend"]) == [
        ColumnRole.LABEL,
        ColumnRole.FIGURE,
        ColumnRole.CHANGE,
        ColumnRole.TREND,
    ]
    assert header_roles(["Direction of travel", "RAG", "Position 2012/13"]) == [
        ColumnRole.TREND,
        ColumnRole.RAG,
        ColumnRole.RANK,
    ]


def test_a_row_gives_a_target_with_outturn_and_a_change_claim() -> None:
    reading = read_indicator_table(
        table(
            ["Indicator", "Baseline", "Target 2004/05", "Actual", "Variance", "RAG"],
            ["Reduce robbery by 4%", "290 (2003/04)", "278", "260", "-10.3%", "Green"],
            ["Raise the detection rate to 66%", "65.0%", "66.0%", "63.3%", "-1.7 pts", "Red"],
        )
    )
    assert reading is not None and reading.rated
    first, second = reading.targets
    assert (first.metric, first.direction, first.percent and first.percent.text) == (
        "robbery",
        Direction.REDUCE,
        "4%",
    )
    assert first.baseline is not None and first.baseline.period is not None
    assert (first.baseline.value.text, first.baseline.period.text) == ("290", "2003/04")
    assert first.target is not None and first.target.period is not None
    assert first.target.period.text == "2004/05"
    assert first.outturn is not None and first.outturn.value.text == "260"
    assert first.rating is not None and first.rating.colour == "green"
    assert second.percent is None and second.direction is Direction.INCREASE
    robbery, detection = reading.claims
    assert robbery.kind is ClaimKind.CHANGE and robbery.direction is Direction.REDUCE
    assert [(f.role, f.value.text) for f in robbery.figures] == [
        ("from", "290"),
        ("to", "260"),
        ("change", "-10.3%"),
    ]
    change = detection.figure("change")
    assert change is not None and change.unit == "points"
    assert change.value.value == Decimal("-1.7")


def test_two_figures_ordered_by_period_not_by_column() -> None:
    reading = read_indicator_table(
        table(
            ["Crime", "Direction of travel", "Number 2014/15", "Number 2013/14", "Change"],
            ["Violence against the person", "Falling", "7,698", "7,369", "+4.5%"],
        )
    )
    assert reading is not None and reading.targets == ()
    signed, trend = reading.claims
    assert [(f.role, f.value.text) for f in signed.figures[:2]] == [
        ("from", "7,369"),
        ("to", "7,698"),
    ]
    assert signed.direction is Direction.INCREASE and trend.direction is Direction.REDUCE
    assert trend.figure("change") is None  # the change is judged once


def test_improving_needs_a_polarity_and_never_sets_the_targets_direction() -> None:
    reading = read_indicator_table(
        table(
            ["Measure", "Polarity", "Baseline 2018/19", "Target 2019/20", "Actual 2019/20", "DoT"],
            ["Hate crime reports", "Higher is better", "310", "341", "352", "Improving"],
            ["Criminal damage", "Lower is better", "2,050", "1,948", "1,990", "Improving"],
        )
    )
    assert reading is not None
    hate, damage = reading.targets
    assert (hate.direction, hate.polarity, hate.trend) == (
        Direction.INCREASE,
        Polarity.HIGHER_IS_BETTER,
        "Improving",
    )
    assert (damage.direction, damage.polarity) == (Direction.REDUCE, Polarity.LOWER_IS_BETTER)
    assert [c.direction for c in reading.claims] == [Direction.INCREASE, Direction.REDUCE]
    unknown = read_indicator_table(
        table(
            ["Crime", "2018/19", "2019/20", "Direction of travel"],
            ["Theft", "10", "12", "Improving"],
        )
    )
    assert unknown is None  # improving, with no way of telling which way is better


def test_tables_that_are_not_indicator_tables() -> None:
    ranks = table(["Crime type", "Position 2011/12", "Position 2012/13"], ["All crime", "14", "11"])
    words = table(
        ["Indicator", "Baseline", "Target", "Actual", "RAG"],
        ["Confidence", "Survey to be run", "Improve", "n/a", "Amber"],
    )
    plain = table(["Indicator", "Baseline 2018/19", "Target 2021/22"], ["Thefts", "400", "360"])
    quarters = table(
        ["", "2019/20 actual", "Q1 2020/21", "2020/21 target", "RAG"], ["X", "1", "2", "3", "G"]
    )
    assert read_indicator_table(ranks) is None
    assert read_indicator_table(words) is None
    assert read_indicator_table(plain, performance_only=True) is None
    assert read_indicator_table(quarters) is None


def test_rating_key_and_its_conditions() -> None:
    key = read_rating_key(
        "Green means the target was met, Amber that performance improved on the baseline but"
        " the target was missed, and Red that performance was worse than the baseline."
    )
    assert key["green"][1] == (RatingCondition.TARGET_MET,)
    assert key["amber"][1] == (
        RatingCondition.TARGET_MISSED,
        RatingCondition.BETTER_THAN_BASELINE,
    )
    assert key["red"][1] == (RatingCondition.WORSE_THAN_BASELINE,)
    soft = read_rating_key("Green: on track. Amber: within 5% of target. Red: at risk.")
    assert all(conditions == () for _, conditions in soft.values())
    assert read_rating_key("The red kite is a bird.") == {}
    reading = read_indicator_table(
        table(
            ["Measure", "Baseline", "Target", "Actual", "RAG"], ["Thefts", "10", "8", "9", "Green"]
        )
    )
    assert reading is not None
    rated = apply_rating_key(reading.targets[0], key)
    assert rated.rating is not None and rated.rating.meaning == "the target was met"


# --- end to end: text, Word, PDF ----------------------------------------------------------

KINDS = ("txt", "docx", "pdf", "plain.pdf")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rendered")
    for source in [*MECHANISMS.glob("indicator_table_*.txt"), *MECHANISMS.glob("audit_rag_*.txt")]:
        _render(source, folder)
    _render(MECHANISMS / "quarterly_profile.txt", folder)
    bad = (MECHANISMS / "quarterly_profile.txt").read_text(encoding="utf-8")
    bad = bad.replace("442\t438\t1,776", "442\t448\t1,776")
    (folder / "quarterly_profile_bad.txt").write_text(bad, encoding="utf-8")
    _render(folder / "quarterly_profile_bad.txt", folder)
    return folder


def _render(source: Path, folder: Path) -> None:
    (folder / source.name).write_bytes(source.read_bytes())
    render_docx(source, folder / f"{source.stem}.docx")
    render_pdf(source, folder / f"{source.stem}.pdf")
    render_pdf(source, folder / f"{source.stem}.plain.pdf", ruled=False)


def _serious(plan: Plan) -> list[Finding]:
    return [f for f in cspplan.check(plan) if f.severity >= Severity.WARNING]


def _figures(finding: Finding) -> set[str]:
    return {n.text for n in (finding.expected, finding.stated) if n is not None} | set(
        finding.message.replace(",", "").split()
    )


EXPECTED = {
    "indicator_table_outturn": [("A120", {"1480", "1395"}), ("A121", {"52.0%", "50.4%"})],
    "indicator_table_direction": [("A121", {"2412", "2230"}), ("A121", {"88", "97"})],
    "audit_rag_direction": [("A150", {"1611", "Green"}), ("A121", {"81.0%", "79.5%"})],
    "quarterly_profile_bad": [("A113", {"1776", "1786"})],
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_each_rendering_gives_the_expected_errors(rendered: Path, stem: str, kind: str) -> None:
    plan = cspplan.load(rendered / f"{stem}.{kind}")
    found = _serious(plan)
    assert sorted(f.code for f in found) == sorted(code for code, _ in EXPECTED[stem])
    assert all(f.severity is Severity.ERROR for f in found)
    for code, words in EXPECTED[stem]:
        assert any(f.code == code and words <= _figures(f) for f in found), (code, found)


TWINS = (
    "indicator_table_outturn_ok",
    "indicator_table_direction_ok",
    "audit_rag_direction_ok",
    "quarterly_profile",
)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stem", TWINS)
def test_each_twin_gives_no_error_or_warning(rendered: Path, stem: str, kind: str) -> None:
    assert _serious(cspplan.load(rendered / f"{stem}.{kind}")) == []


@pytest.mark.parametrize("kind", KINDS)
def test_targets_read_from_the_performance_table(rendered: Path, kind: str) -> None:
    plan = cspplan.load(rendered / f"indicator_table_outturn_ok.{kind}")
    targets = list(plan.all_targets())
    assert len(targets) == 5
    violent = targets[0]
    assert violent.indicator is not None and violent.indicator.code == "NI 15"
    assert (violent.percent and violent.percent.text, violent.polarity) == (
        "5%",
        Polarity.LOWER_IS_BETTER,
    )
    assert [t.outturn.value.text for t in targets if t.outturn] == [
        "590",
        "2,101",
        "1,395",
        "50.4%",
        "28.2%",
    ]
    assert targets[1].rating is not None and targets[1].rating.text == "Amber"
    assert targets[1].rating.conditions == (
        RatingCondition.TARGET_MISSED,
        RatingCondition.BETTER_THAN_BASELINE,
    )
    assert all(t.trajectory == () for t in targets)


@pytest.mark.parametrize("kind", KINDS)
def test_quarterly_profile_is_kept_apart(rendered: Path, kind: str) -> None:
    plan = cspplan.load(rendered / f"quarterly_profile.{kind}")
    (target,) = plan.all_targets()
    assert target.trajectory == ()
    assert [m.value.text for m in target.profile] == ["450", "446", "442", "438"]
    assert [m.period.text for m in target.profile if m.period] == [
        "Q1 2020/21",
        "Q2 2020/21",
        "Q3 2020/21",
        "Q4 2020/21",
    ]


def test_trajectory_attaches_by_unit_not_to_the_last_target() -> None:
    plan = cspplan.load(MECHANISMS / "targets_rate_per_1000.txt")
    satisfied = [t for t in plan.all_targets() if t.unit is not Unit.RATE and t.trajectory]
    assert satisfied == []
    rates = [t for t in plan.all_targets() if t.trajectory]
    assert [m.value.text for m in rates[0].trajectory] == ["41.2", "40.6", "40.0", "39.5"]
    assert rates[0].unit is Unit.RATE
    assert _serious(plan) == []


@pytest.mark.parametrize("stem", ["audit_trajectory_rates", "audit_trajectory_rates_ok"])
def test_rate_and_percentage_trajectories(stem: str) -> None:
    found = sorted((f.code, f.severity) for f in _serious(cspplan.load(MECHANISMS / f"{stem}.txt")))
    expected = [("A111", Severity.ERROR), ("A112", Severity.WARNING)] if "ok" not in stem else []
    assert found == expected
