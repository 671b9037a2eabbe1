"""Whole hand-made plans: ones whose figures all hold get no errors or warnings; a faulty
one gets exactly the findings recorded in its golden file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cspplan import check, dumps, loads
from cspplan.errors import SettingsError
from cspplan.model import ClaimKind, Direction, Plan, Unit
from cspplan.validate import RULES, finding_to_data
from test_validate_support import (
    action,
    claim,
    codes,
    figure,
    measure,
    objective,
    period,
    plan,
    priority,
    serious,
    target,
    timescale,
)

APR = timescale("April 2006", "2006-04-01", "2006-04-30")
JUL = timescale("July 2006", "2006-07-01", "2006-07-31")
OCT = timescale("October 2006", "2006-10-01", "2006-10-31")
MAR = timescale("March 2007", "2007-03-01", "2007-03-31")
FY = [("2005/06", "Baseline"), ("2006/07", None), ("2007/08", None), ("2008/09", "Target")]


def _trajectory(*values: str) -> list[tuple[str, str | None, str | None]]:
    return [(v, p, lab) for v, (p, lab) in zip(values, FY, strict=True)]


def action_plan() -> Plan:
    """A year's action plan under a three-year strategy, every figure right."""
    damage = target(
        "Criminal Damage - strategic target to reduce criminal damage by 12% from 2,350 to 2,068 by 2008/09",
        id="T1",
        metric="criminal damage",
        percent="12%",
        baseline=measure("2,350", "2005/06"),
        goal="2,068",
        deadline="2008/09",
        trajectory=_trajectory("2,350", "2,256", "2,162", "2,068"),
        line=20,
    )
    theft_from = target(
        "Vehicle Crime - strategic target to reduce theft from vehicles by 18% from 880 to 722 by 2008/09",
        id="T2",
        metric="theft from vehicles",
        percent="18%",
        baseline=measure("880", "2005/06"),
        goal="722",
        deadline="2008/09",
        trajectory=_trajectory("880", "827", "775", "722"),
        line=25,
    )
    theft_of = target(
        "Vehicle Crime - strategic target to reduce theft of vehicles by 8% from 310 to 285 by 2008/09",
        id="T3",
        metric="theft of vehicles",
        percent="8%",
        baseline=measure("310", "2005/06"),
        goal="285",
        deadline="2008/09",
        trajectory=_trajectory("310", "302", "293", "285"),
        line=30,
    )
    unsafe = target(
        "Confidence - reduce residents feeling unsafe after dark from 38% to 32% by 2008/09",
        id="T4",
        metric="residents feeling unsafe after dark",
        baseline=measure("38%", "2005/06"),
        goal="32%",
        deadline="2008/09",
        unit=Unit.PERCENT,
        trajectory=_trajectory("38%", "36%", "34%", "32%"),
        line=35,
    )
    satisfied = target(
        "Confidence - increase satisfaction with the partnership by 5 percentage points from 61% to 66% by 2008/09",
        id="T5",
        metric="satisfaction with the partnership",
        direction=Direction.INCREASE,
        percent="5 points",
        baseline=measure("61%", "2005/06"),
        goal="66%",
        deadline="2008/09",
        unit=Unit.PERCENTAGE_POINTS,
        line=40,
    )
    damage_priority = priority(
        "Criminal Damage",
        objectives=(
            objective(
                "O1",
                "To reduce criminal damage by 12% by 2008/09",
                target(
                    "To reduce criminal damage by 12% by 2008/09",
                    id="T6",
                    percent="12%",
                    deadline="2008/09",
                ),
            ),
        ),
        actions=(
            action(
                "A1.1",
                "To map damage hotspots each quarter",
                "Analyst, Partnership Team",
                [("First map", JUL), ("Year review", MAR)],
            ),
            action(
                "A1.2",
                "To run a graffiti removal scheme",
                "Street Scene Manager",
                [("Scheme launched", APR)],
            ),
            action(
                "A1.3",
                "To hold school talks on damage",
                "Schools Officer",
                [("Talks held", timescale("Ongoing"))],
            ),
        ),
    )
    vehicle_priority = priority(
        "Vehicle Crime",
        objectives=(
            objective(
                "O2",
                "Vehicle crime",
                target(
                    "To reduce thefts from vehicles by 18% by 2009",
                    id="T7",
                    percent="18%",
                    deadline="2009",
                ),
                target(
                    "To reduce thefts of vehicles by 8% by 2009",
                    id="T8",
                    percent="8%",
                    deadline="2009",
                ),
            ),
        ),
        actions=(
            action(
                "A2.1",
                "To run two car park patrol campaigns",
                "Police Sergeant",
                [("Summer campaign", JUL), ("Winter campaign", OCT)],
            ),
        ),
    )
    confidence_priority = priority(
        "Confidence",
        objectives=(
            objective(
                "O3",
                "To reduce residents feeling unsafe after dark to 32% by 2008/09",
                target(
                    "To reduce residents feeling unsafe after dark to 32% by 2008/09",
                    id="T9",
                    goal="32%",
                    deadline="2008/09",
                    unit=Unit.PERCENT,
                ),
            ),
        ),
    )
    claims = (
        claim(
            ClaimKind.CHANGE,
            "Recorded burglary fell from 1,204 in 2004/05 to 1,019 in 2005/06, a reduction of 15%.",
            figure("from", "1,204"),
            figure("to", "1,019"),
            figure("change", "15%"),
            direction=Direction.REDUCE,
            id="C1",
        ),
        claim(
            ClaimKind.CHANGE,
            "Young people in diversion schemes rose from 240 to 312, an increase of 30%.",
            figure("from", "240"),
            figure("to", "312"),
            figure("change", "30%"),
            direction=Direction.INCREASE,
            id="C2",
        ),
        claim(
            ClaimKind.SHARE,
            "Of the 1,019 burglaries, 58% were of homes, 29% of sheds and garages and 13% of businesses.",
            figure("total", "1,019"),
            figure("part", "58%", "homes"),
            figure("part", "29%", "sheds and garages"),
            figure("part", "13%", "businesses"),
            id="C3",
        ),
        claim(
            ClaimKind.COUNT,
            "The partnership works through three action groups:",
            figure("count", "three"),
            items=["Damage", "Vehicles", "Confidence"],
            id="C4",
        ),
        claim(
            ClaimKind.CHANGE,
            "The population grew by nearly 6,000 people, from 84,310 to 90,150.",
            figure("change", "6,000"),
            figure("from", "84,310"),
            figure("to", "90,150"),
            direction=Direction.INCREASE,
            id="C5",
        ),
        claim(
            ClaimKind.CHANGE,
            "Satisfaction rose 4 percentage points, from 57% to 61%.",
            figure("change", "4", unit="points"),
            figure("from", "57%"),
            figure("to", "61%"),
            direction=Direction.INCREASE,
            id="C6",
        ),
        claim(
            ClaimKind.CHANGE,
            "The share of repeat victims went from 20% to 25%, a rise of 25%.",
            figure("from", "20%"),
            figure("to", "25%"),
            figure("change", "25%"),
            direction=Direction.INCREASE,
            id="C7",
        ),
    )
    return plan(
        title="Safer Northfield Action Plan 2006/07",
        period=period("2006/07"),
        targets=(damage, theft_from, theft_of, unsafe, satisfied),
        priorities=(damage_priority, vehicle_priority, confidence_priority),
        claims=claims,
    )


def narrative_strategy() -> Plan:
    """A narrative strategy: targets with outturns, no action tables."""
    return plan(
        title="Northfield Community Safety Strategy 2008-2011",
        period=period("2008-2011"),
        targets=(
            target(
                "The 2005-2008 target to reduce dwelling burglary was 25% from 3,120 to 2,340.",
                id="T1",
                metric="dwelling burglary",
                percent="25%",
                baseline=measure("3,120", "2003/04"),
                goal="2,340",
            ),
            target(
                "Reduce people killed or seriously injured by 12.5% from an average of 480 to 420.",
                id="T2",
                percent="12.5%",
                baseline="480",
                goal="420",
            ),
        ),
        claims=(
            claim(
                ClaimKind.CHANGE,
                "The year ending March 2008 figure was 2,010, a reduction of 36%.",
                figure("from", "3,120"),
                figure("to", "2,010"),
                figure("change", "36%"),
                direction=Direction.REDUCE,
                id="C1",
            ),
            claim(
                ClaimKind.SHARE,
                "50.6% of residents are female and 49.4% male.",
                figure("part", "50.6%", "female"),
                figure("part", "49.4%", "male"),
                id="C2",
            ),
        ),
        actions=(
            action("A1", "Support the handyperson scheme", "County Council"),
            action("A2", "Fund youth diversion activities", "Youth Service"),
        ),
    )


def rates_and_points_plan() -> Plan:
    """Rates, points, maintained levels, rising targets and hedged claims, all right."""
    return plan(
        title="Eastvale Partnership Plan 2008-2011",
        partnership="Safer Eastvale Partnership",
        period=period("2008-2011"),
        targets=(
            target(
                "reduce assaults with injury from 12.4 to 11.2 per 1,000 population, a 10% reduction, by 2010/11",
                id="T1",
                metric="assaults with injury per 1,000 population",
                percent="10%",
                baseline="12.4",
                goal="11.2",
                deadline="2010/11",
                unit=Unit.RATE,
            ),
            target(
                "maintain the proportion of residents satisfied with their area at 85%",
                id="T2",
                direction=Direction.MAINTAIN,
                baseline="85%",
                goal="85%",
                unit=Unit.PERCENT,
            ),
            target(
                "increase detections by 12% from 1,650 to 1,848 by 2010/11",
                id="T3",
                metric="detections",
                direction=Direction.INCREASE,
                percent="12%",
                baseline=measure("1,650", "2007/08"),
                goal="1,848",
                deadline="2010/11",
                trajectory=[
                    ("1,650", "2007/08", "Baseline"),
                    ("1,716", "2008/09", None),
                    ("1,782", "2009/10", None),
                    ("1,848", "2010/11", "Target"),
                ],
            ),
            target(
                "reduce repeat victims of domestic abuse by 2 percentage points from 28% to 26%",
                id="T4",
                percent="2 points",
                baseline="28%",
                goal="26%",
                unit=Unit.PERCENTAGE_POINTS,
            ),
            target(
                "increase those who feel informed from 52% to 60% by 2010/11",
                id="T5",
                metric="those who feel informed",
                direction=Direction.INCREASE,
                baseline=measure("52%", "2007/08"),
                goal="60%",
                deadline="2010/11",
                unit=Unit.PERCENT,
                trajectory=[
                    ("52%", "2007/08", None),
                    ("55%", "2008/09", None),
                    ("58%", "2009/10", None),
                    ("60%", "2010/11", None),
                ],
            ),
            target(
                "reduce deliberate fires by 20% from 450 to 360 by 2010/11",
                id="T6",
                metric="deliberate fires",
                percent="20%",
                baseline=measure("450", "2007/08"),
                goal="360",
                deadline="2010/11",
                trajectory=[
                    ("450", "2007/08", None),
                    ("420", "2008/09", None),
                    ("390", "2009/10", None),
                    ("360", "2010/11", None),
                ],
            ),
        ),
        objectives=(
            objective(
                "O1",
                "Fewer fires and assaults",
                target(
                    "To reduce deliberate fires in Eastvale by 20% by 2011",
                    id="T7",
                    percent="20%",
                    deadline="2011",
                ),
                target(
                    "To reduce assaults with injury by 10% by 2011",
                    id="T8",
                    metric="assaults with injury",
                    percent="10%",
                    deadline="2011",
                ),
            ),
        ),
        actions=(
            action(
                "A1",
                "Run a bonfire-season campaign",
                "Fire Service",
                [("Campaign", timescale("October 2008", "2008-10-01", "2008-10-31"))],
            ),
            action(
                "A2",
                "Agree an information-sharing protocol",
                "Partnership Manager",
                [("Protocol agreed", timescale("March 2009", "2009-03-01", "2009-03-31"))],
            ),
            action(
                "A3",
                "Keep the hotspot patrols",
                "Police Inspector",
                [("Patrols", timescale("Ongoing"))],
            ),
        ),
        claims=(
            claim(
                ClaimKind.CHANGE,
                "Recorded assaults are down from 1,240 to 1,116, a fall of 10%.",
                figure("from", "1,240"),
                figure("to", "1,116"),
                figure("change", "10%"),
                direction=Direction.REDUCE,
                id="C1",
            ),
            claim(
                ClaimKind.SHARE,
                "Around 60% of incidents happen at weekends and 40% midweek.",
                figure("part", "60%", "weekends"),
                figure("part", "40%", "midweek"),
                id="C2",
            ),
            claim(
                ClaimKind.COUNT,
                "The plan has two aims: safer streets and safer homes.",
                figure("count", "two"),
                items=["safer streets", "safer homes"],
                id="C3",
            ),
            claim(
                ClaimKind.CHANGE,
                "Calls fell by more than 500, from 7,320 to 6,790.",
                figure("change", "500"),
                figure("from", "7,320"),
                figure("to", "6,790"),
                direction=Direction.REDUCE,
                id="C4",
            ),
        ),
    )


@pytest.mark.parametrize("build", [action_plan, narrative_strategy, rates_and_points_plan])
def test_correct_plans_have_no_errors_or_warnings(build: Callable[[], Plan]) -> None:
    findings = check(build())
    assert serious(findings) == [], [str(f) for f in serious(findings)]


def test_correct_plans_with_every_rounding_mode() -> None:
    for rounding in ("nearest", "either"):
        assert serious(check(action_plan(), settings={"rounding": rounding})) == []


def test_findings_survive_a_json_round_trip() -> None:
    built = faulty_plan()
    assert check(loads(dumps(built))) == check(built)


def faulty_plan() -> Plan:
    """The action plan with one slip of each common kind."""
    good = action_plan()
    damage, theft_from, theft_of, unsafe, satisfied = good.targets
    import attrs

    wrong_percent = attrs.evolve(damage, percent=target("x", percent="21%").percent)
    duplicate = attrs.evolve(theft_of, id="T10", target=measure("295", "2008/09"))
    first, *rest = good.priorities
    contradicting = attrs.evolve(
        first,
        objectives=(
            objective(
                "O1",
                "To reduce criminal damage by 10% by 2008/09",
                target(
                    "To reduce criminal damage by 10% by 2008/09",
                    id="T6",
                    percent="10%",
                    deadline="2008/09",
                ),
                line=60,
            ),
        ),
        actions=(
            *first.actions,
            action(
                "A1.4",
                "To review lighting",
                None,
                [("Review done", timescale("May 2007", "2007-05-01", "2007-05-31"))],
                line=70,
            ),
        ),
    )
    wrong_claims = (
        claim(
            ClaimKind.CHANGE,
            "Burglary fell from 120 to 100, a fall of 20%.",
            figure("from", "120"),
            figure("to", "100"),
            figure("change", "20%"),
            direction=Direction.REDUCE,
            id="C8",
        ),
        claim(
            ClaimKind.SHARE,
            "63% of incidents were at night, 31% in the evening and 12% by day.",
            figure("part", "63%"),
            figure("part", "31%"),
            figure("part", "12%"),
            id="C9",
        ),
        claim(
            ClaimKind.COUNT,
            "Our five priorities are:",
            figure("count", "five"),
            items=["Damage", "Vehicles", "Confidence", "Alcohol"],
            id="C10",
        ),
    )
    return attrs.evolve(
        good,
        targets=(wrong_percent, theft_from, theft_of, unsafe, satisfied, duplicate),
        priorities=(contradicting, *rest),
        claims=good.claims + wrong_claims,
    )


def test_faulty_plan_findings(golden: Callable[..., None]) -> None:
    findings = check(faulty_plan())
    assert sorted(set(codes(findings))) == [
        "A101",
        "A111",
        "A122",
        "A130",
        "A140",
        "C201",
        "C202",
        "C210",
        "M301",
    ]
    data: list[dict[str, Any]] = [finding_to_data(f) for f in findings]
    golden("validate/faulty_plan", data)


def test_select_and_ignore() -> None:
    built = faulty_plan()
    assert set(codes(check(built, select="A1"))) <= {
        r.code for r in RULES if r.code.startswith("A1")
    }
    assert "A101" not in codes(check(built, ignore=["A101"]))
    assert codes(check(built, select="C2", ignore="C21")) == ["C201", "C202"] or set(
        codes(check(built, select="C2", ignore="C21"))
    ) == {"C201", "C202"}
    assert codes(check(built, select=["a14"])) == ["A140"]
    with pytest.raises(SettingsError):
        check(built, select=["X9"])
    with pytest.raises(SettingsError):
        check(built, settings={"unknown": 1})
    with pytest.raises(SettingsError):
        check(42)  # type: ignore[arg-type]  # a str is read as a path (tests/test_inputs.py)
