"""Targets spread over sentences, target wordings, rates, yearly rates and points readings.

The mechanism fixtures under tests/fixtures/mechanisms/targets_* are read end to end (text,
and a Word and a PDF rendering built here for the audit rules), and small inline cases pin
the wordings down.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.model import Direction, PercentBasis, Plan, SourceRef, Target, Unit
from cspplan.recognise.claims import find_claims
from cspplan.recognise.targets import find_targets

MECHANISMS = Path(__file__).parent / "fixtures" / "mechanisms"


def _plan(stem: str) -> Plan:
    return cspplan.load(MECHANISMS / f"{stem}.txt")


def _codes(plan: Plan, at_least: str = "warning") -> list[tuple[str, str]]:
    rank = {"info": 0, "warning": 1, "error": 2}
    return sorted(
        (f.code, f.severity.value)
        for f in cspplan.check(plan)
        if rank.get(f.severity.value, 0) >= rank[at_least]
    )


def _figures(target: Target) -> tuple[str | None, str | None, str | None]:
    return (
        target.percent.text if target.percent else None,
        target.baseline.value.text if target.baseline else None,
        target.target.value.text if target.target else None,
    )


def _only(text: str) -> Target:
    (target,) = find_targets(text, SourceRef())
    return target


# --- figures over sentences and paragraphs ---------------------------------------------------


def test_split_sentences_fixture_gives_five_whole_targets() -> None:
    plan = _plan("targets_split_sentences")
    targets = list(plan.all_targets())
    assert [_figures(t) for t in targets] == [
        ("12%", "300", "264"),
        ("four percentage points", "34%", "30%"),
        ("five percentage points", "71%", "76%"),
        ("8%", "650", "598"),
        ("15%", "410", "349"),
    ]
    first, points, informed, _, arson = targets
    assert first.baseline and first.baseline.period and first.baseline.period.text == "2019/20"
    assert first.target and first.target.period and first.target.period.text == "2020/21"
    assert points.percent and points.percent.value == Decimal(4)
    assert points.percent_basis is PercentBasis.POINTS and informed.direction is Direction.INCREASE
    assert arson.baseline and arson.baseline.period and arson.baseline.period.text == "2019/20"
    assert "secondary fires" in (arson.metric or "")
    assert not [c for c in plan.claims if c.kind.value == "change"]
    assert _codes(plan) == []


def test_split_target_meets_its_trajectory() -> None:
    bad, ok = _plan("targets_split_trajectory"), _plan("targets_split_trajectory_ok")
    (target,) = bad.all_targets()
    assert _figures(target) == ("10%", "520", "468")
    assert [m.value.text for m in target.trajectory] == ["520", "494", "480"]
    assert _codes(bad) == [("A111", "error")]
    assert _codes(ok) == []


def test_a_neighbour_target_naming_its_own_measure_is_not_merged() -> None:
    text = (
        "We will achieve a 10% reduction in shoplifting by 2022.\n\n"
        "We will cut vehicle crime incidents by 250, from 3,250 to 3,000, by 2022."
    )
    first, second = text.split("\n\n")
    assert _figures(_only(first)) == ("10%", None, None)
    (alone,) = find_targets(first, SourceRef(), after=second)
    assert _figures(alone) == ("10%", None, None)
    assert [_figures(t) for t in find_targets(second, SourceRef(), before=first)] == [
        (None, "3,250", "3,000")
    ]


def test_figures_from_another_paragraph_need_a_reference_back() -> None:
    before = "In 2004/05 the partnership recorded 11,940 crimes."
    (target,) = find_targets("Violent crime: target 18.5 by 2007/08.", SourceRef(), before)
    assert target.baseline is None


def test_a_change_only_half_and_a_figures_only_half_are_one_target() -> None:
    text = (
        "We will reduce burglary by a further 10%. The target is to bring the annual "
        "total down from 902 offences to 812 by 2013."
    )
    target = _only(text)
    assert _figures(target) == ("10%", "902", "812")
    assert target.metric == "burglary"


def test_the_dated_figure_is_the_baseline_where_a_sentence_gives_two() -> None:
    target = _only(
        "The proven reoffending rate was 9.7% in 2012/13, above the national figure of 9.35%. "
        "We aim to bring it down to 9.3% by March 2014, a fall of 0.4 percentage points."
    )
    assert _figures(target) == ("0.4 percentage points", "9.7%", "9.3%")
    assert target.metric == "proven reoffending rate"


def test_a_baseline_against_the_verb_is_not_taken() -> None:
    target = _only("Thefts reached 410 in 2019/20. We will reduce them to 449 in 2020/21.")
    assert target.baseline is None


# --- wordings ---------------------------------------------------------------------------------


def test_split_phrasal_verb_reads_the_measure_between() -> None:
    target = _only(
        "We will bring the crime rate down from 93 to 88 crimes per 1,000 residents by March 2014."
    )
    assert (target.metric, target.direction) == ("crime rate", Direction.REDUCE)
    assert _figures(target) == (None, "93", "88")
    assert (target.unit, target.per) == (Unit.RATE, "1,000 residents")
    assert not find_claims(
        "We will bring the crime rate down from 93 to 88 crimes per 1,000 residents.",
        SourceRef(),
        [],
    )


def test_passive_aim_is_a_target_and_a_report_is_not() -> None:
    target = _only("Killed and seriously injured casualties will be cut by 5%, from 334 to 317.")
    assert target.metric == "Killed and seriously injured casualties"
    assert _figures(target) == ("5%", "334", "317")
    assert find_targets("Burglary reduced by 5% from 100 to 95 in 2008.", SourceRef()) == []


def test_at_or_below_the_year_level_of_n() -> None:
    target = _only(
        "We will keep reports of anti-social behaviour at or below their 2018/19 level of 7,412."
    )
    assert target.direction is Direction.MAINTAIN
    assert target.target and target.target.label == "at or below"
    assert target.baseline and target.baseline.period and target.baseline.period.text == "2018/19"
    assert target.baseline.value.text == "7,412"


def test_hold_and_increase_fixture() -> None:
    plan = _plan("targets_hold_increase")
    by_value = {t.target.value.text: t for t in plan.all_targets() if t.target}
    assert by_value["31%"].direction is Direction.MAINTAIN
    assert by_value["1,400"].direction is Direction.INCREASE
    assert by_value["62%"].target and by_value["62%"].target.label == "at least"
    assert _codes(plan) == []


def test_rate_per_1000_fixture_never_takes_the_1000() -> None:
    plan = _plan("targets_rate_per_1000")
    rates = [t for t in plan.all_targets() if t.unit is Unit.RATE]
    assert [_figures(t) for t in rates] == [(None, "41.2", "39.5"), (None, "6.8", "6.1")]
    assert [t.per for t in rates] == ["1,000", "1,000 households"]
    numbers = json.dumps(cspplan.dumps(plan))
    assert '"value": "1000"' not in numbers
    assert not [c for c in plan.claims if c.kind.value == "change"]


# --- yearly rates ------------------------------------------------------------------------------


def test_yearly_rate_records_its_span() -> None:
    plan = _plan("targets_annual_rate")
    casualties, cycles = plan.all_targets()
    assert (casualties.percent_basis, casualties.span_years) == (PercentBasis.PER_YEAR, 2)
    assert (cycles.percent_basis, cycles.span_years) == (PercentBasis.PER_YEAR, 3)
    assert [f.code for f in cspplan.check(plan)] == []


def test_yearly_rate_without_a_span_is_information_only() -> None:
    plan = cspplan.loads(
        cspplan.dumps(_plan("targets_annual_rate_bad")).replace(
            '"span_years": 2', '"span_years": null'
        )
    )
    assert [(f.code, f.severity.value) for f in cspplan.check(plan) if f.code == "A101"] == [
        ("A101", "info")
    ]


def test_a_whole_change_over_years_is_no_yearly_rate() -> None:
    target = _only("Reduce burglary by 20% over three years, from 9,000 to 7,200.")
    assert (target.percent_basis, target.span_years) == (PercentBasis.WHOLE, None)


# --- percent or points -------------------------------------------------------------------------


def test_points_readings_are_both_kept() -> None:
    plan = _plan("targets_points_readings")
    either, points = plan.all_targets()
    assert either.percent_basis is PercentBasis.POINTS_OR_WHOLE
    assert _figures(either) == ("4%", "33%", "29%")
    assert points.percent_basis is PercentBasis.POINTS
    assert _codes(plan, "info") == [("A102", "info")]


# --- the audit end to end, from text, Word and PDF ----------------------------------------------


def _paragraphs(stem: str) -> list[tuple[str, str]]:
    blocks = []
    for block in (MECHANISMS / f"{stem}.txt").read_text(encoding="utf-8").split("\n\n"):
        text = block.strip()
        if text.startswith("#"):
            blocks.append(("heading", text.lstrip("# ")))
        elif text:
            blocks.append(("para", " ".join(text.split())))
    return blocks


def _docx(stem: str, folder: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for kind, text in _paragraphs(stem):
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    path = folder / f"{stem}.docx"
    document.save(str(path))
    return path


def _pdf(stem: str, folder: Path) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    path = folder / f"{stem}.pdf"
    story = [
        Paragraph(text, styles["Heading1" if kind == "heading" else "Normal"])
        for kind, text in _paragraphs(stem)
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


@pytest.mark.parametrize("render", ["txt", "docx", "pdf"])
@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("targets_annual_rate", []),
        ("targets_annual_rate_bad", [("A101", "error")]),
        ("targets_points_readings", [("A102", "info")]),
        ("targets_points_readings_bad", [("A101", "warning"), ("A102", "warning")]),
    ],
)
def test_rules_end_to_end(
    render: str, stem: str, expected: list[tuple[str, str]], tmp_path: Path
) -> None:
    if render == "txt":
        path = MECHANISMS / f"{stem}.txt"
    elif render == "docx":
        path = _docx(stem, tmp_path)
    else:
        path = _pdf(stem, tmp_path)
    plan = cspplan.load(path)
    found = sorted(
        (f.code, f.severity.value) for f in cspplan.check(plan) if f.code in ("A101", "A102")
    )
    assert found == expected


def test_json_without_the_new_fields_still_loads() -> None:
    plan = _plan("targets_annual_rate")
    data = json.loads(cspplan.dumps(plan))
    for target in data["targets"]:
        for key in ("percent_basis", "span_years", "per"):
            target.pop(key, None)
    loaded = cspplan.loads(json.dumps(data))
    assert [t.percent_basis for t in loaded.all_targets()] == [None, None]
    assert [t.percent.text if t.percent else None for t in loaded.all_targets()] == ["3%", "2%"]


def test_a_comparison_in_points_is_not_the_target_change() -> None:
    target = _only(
        "We will reduce the share of repeat cases from 30% to 25% by 2022, 2 percentage points "
        "higher than the national rate."
    )
    assert target.percent is None
    assert _only(
        "Cut the share from 40% to 35%, a 5 percentage point reduction."
    ).percent_basis is (PercentBasis.POINTS)
