"""Target wordings of plans outside the development corpus: a yearly bound leading its
sentence ("No more than 64 casualties a year ..."), a figureless hold ("Maintain X at
2009/10 levels"), and the others of this file's sections.

The plans are tests/fixtures/mechanisms/targets_*.txt, read as text and in Word and PDF
renderings; single sentences are read through :func:`find_targets`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cspplan
from cspplan.model import Direction, SourceRef, Target
from cspplan.recognise.targets import find_targets
from recognise_helpers import alarms, load_mechanism

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
    ],
)
def test_bound_without_a_year_or_a_label_is_no_target(text: str) -> None:
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


def test_a_level_in_a_report_is_no_target() -> None:
    assert find_targets("Fly-tipping stayed at 2011/12 levels.", SourceRef()) == []


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
