"""Builders for hand-made plans used by the audit tests, and a check that they are sound."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from cspplan import dumps, loads
from cspplan.model import (
    Action,
    Claim,
    ClaimKind,
    Direction,
    DocumentSource,
    Figure,
    Lead,
    Measure,
    Milestone,
    Number,
    Objective,
    Period,
    Plan,
    Priority,
    SourceRef,
    Target,
    Timescale,
    TimescaleKind,
    Unit,
)
from cspplan.recognise.periods import parse_period
from cspplan.validate import Finding, Severity

SOURCE = DocumentSource(
    path="synthetic.txt", sha256="0" * 64, media_type="text/plain", parser="text"
)
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def num(text: str) -> Number:
    """A printed number; number words ("four") too."""
    if text.lower() in WORDS:
        return Number(Decimal(WORDS[text.lower()]), text)
    if text.endswith(" points"):
        return Number(Decimal(text.split()[0]), text)
    return Number.parse(text)


def period(text: str) -> Period:
    """A period such as "2007/08" with its dates."""
    parsed = parse_period(text)
    assert parsed is not None, text
    return parsed


def measure(text: str, when: str | None = None, label: str | None = None) -> Measure:
    """A figure for a period."""
    return Measure(num(text), period(when) if when else None, label)


def target(
    statement: str,
    *,
    id: str = "T1",
    metric: str | None = None,
    direction: Direction | None = Direction.REDUCE,
    percent: str | None = None,
    baseline: str | Measure | None = None,
    goal: str | Measure | None = None,
    deadline: str | None = None,
    trajectory: Iterable[tuple[str, str | None, str | None]] = (),
    unit: Unit | None = Unit.COUNT,
    line: int | None = None,
) -> Target:
    """A target from plain strings; trajectory points are (value, period, label)."""
    return Target(
        id=id,
        statement=statement,
        metric=metric,
        direction=direction,
        percent=num(percent) if percent else None,
        unit=unit,
        baseline=measure(baseline) if isinstance(baseline, str) else baseline,
        target=measure(goal, deadline) if isinstance(goal, str) else goal,
        deadline=period(deadline) if deadline else None,
        trajectory=tuple(measure(v, p, lab) for v, p, lab in trajectory),
        source=SourceRef(file="synthetic.txt", line=line),
    )


def objective(id: str, text: str, *targets: Target, line: int | None = None) -> Objective:
    """An objective stating some targets."""
    return Objective(id=id, text=text, targets=targets, source=SourceRef(line=line))


def timescale(text: str, start: str | None = None, end: str | None = None) -> Timescale:
    """A timescale; with dates it is a DATE, without them UNPARSED unless it says ongoing."""
    if start and end:
        return Timescale(
            text,
            TimescaleKind.DATE,
            dt.date.fromisoformat(start),
            dt.date.fromisoformat(end),
            "month",
        )
    if text.lower() == "ongoing":
        return Timescale(text, TimescaleKind.ONGOING)
    return Timescale(text)


def action(
    id: str,
    text: str,
    lead: str | None = "Community Safety Officer",
    milestones: Iterable[tuple[str, Timescale | None]] = (),
    line: int | None = None,
) -> Action:
    """An action with an optional lead and (output, timescale) milestones."""
    return Action(
        id=id,
        ref=id.lstrip("A"),
        text=text,
        leads=(Lead(lead),) if lead else (),
        milestones=tuple(Milestone(output, ts) for output, ts in milestones),
        source=SourceRef(line=line),
    )


def figure(role: str, text: str, label: str | None = None, unit: str | None = None) -> Figure:
    """A figure of a claim."""
    value = num(text)
    return Figure(role, value, label, unit or ("percent" if text.endswith("%") else "count"))


def claim(
    kind: ClaimKind,
    statement: str,
    *figures: Figure,
    direction: Direction | None = None,
    items: Iterable[str] = (),
    id: str = "C1",
) -> Claim:
    """A narrative claim."""
    return Claim(
        id=id,
        kind=kind,
        statement=statement,
        direction=direction,
        figures=figures,
        items=tuple(items),
        source=SourceRef(line=1),
    )


def summed(*parts: str, total: str) -> Plan:
    """A plan whose one claim says line items ``parts`` add up to ``total``."""
    figures = [figure("part", p, label=f"line {i}", unit="money") for i, p in enumerate(parts)]
    figures.append(figure("total", total, unit="money"))
    return plan(claims=(claim(ClaimKind.SUM, "Total Budget (£)", *figures),))


def plan(**fields: Any) -> Plan:
    """A plan with a synthetic source."""
    return Plan(source=SOURCE, **fields)


def priority(title: str, **fields: Any) -> Priority:
    """A priority."""
    return Priority(title=title, **fields)


def codes(findings: Iterable[Finding]) -> list[str]:
    """The codes of some findings, in order."""
    return [f.code for f in findings]


def serious(findings: Iterable[Finding]) -> list[Finding]:
    """The errors and warnings among some findings."""
    return [f for f in findings if f.severity >= Severity.WARNING]


def test_builders_make_plans_that_round_trip() -> None:
    built = plan(
        period=period("2006/07"),
        targets=(
            target(
                "reduce burglary by 10% from 500 to 450 by 2007/08",
                percent="10%",
                baseline="500",
                goal="450",
                deadline="2007/08",
                trajectory=[("500", "2005/06", "Baseline"), ("450", "2007/08", None)],
            ),
        ),
        claims=(claim(ClaimKind.COUNT, "four areas", figure("count", "four"), items="abcd"),),
    )
    assert loads(dumps(built)) == built
    assert built.targets[0].percent == Number(Decimal("10"), "10%")
