"""The audit on the real seed plans (skipped where ../shared is absent)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.validate import Severity


def test_seed_000_objective_contradicts_strategic_target(seeds: dict[str, Path]) -> None:
    plan = cspplan.load(seeds["000"])
    targets = {t.id: t for t in plan.all_targets()}
    found = [f for f in cspplan.check(plan) if f.code == "C201"]
    assert len(found) == 1, [str(f) for f in found]
    finding = found[0]
    assert finding.severity is Severity.ERROR
    assert finding.subject.kind == "objective"
    assert "calls for service" in (finding.subject.name or "").lower()
    assert finding.stated is not None and finding.stated.value == Decimal(10)
    assert finding.expected is not None and finding.expected.value == Decimal(5)
    strategic = targets[finding.related[0].id or ""]
    assert strategic.baseline is not None and strategic.baseline.value.value == Decimal(4293)
    assert strategic.target is not None and strategic.target.value.value == Decimal(4078)


def test_seed_000_strategic_targets_hold(seeds: dict[str, Path]) -> None:
    plan = cspplan.load(seeds["000"])
    findings = cspplan.check(plan, select="A1")
    assert [f for f in findings if f.severity >= Severity.WARNING] == []
    # Only the criminal damage target drifts: 16% off 1140 is 957.6, the plan says 960.
    drift = [f for f in findings if f.code == "A103"]
    assert [(f.expected.value, f.stated.value) for f in drift if f.expected and f.stated] == [
        (Decimal("957.6"), Decimal(960))
    ]


CONTINUATION_ROWS = (
    "recognition: 002's appendix rows that continue an action across a page break (lines"
    " 468 and 477: no priority cell, no lead) are read as separate actions without a lead,"
    " so M301 warns twice; the claims and targets of 002 all hold"
)


@pytest.mark.parametrize(
    "key",
    ["001", pytest.param("002", marks=pytest.mark.xfail(strict=True, reason=CONTINUATION_ROWS))],
)
def test_narrative_seeds_have_no_errors_or_warnings(seeds: dict[str, Path], key: str) -> None:
    findings = cspplan.check(cspplan.load(seeds[key]))
    assert [str(f) for f in findings if f.severity >= Severity.WARNING] == []


def test_seed_004_truncated_fall_is_a_warning(seeds: dict[str, Path]) -> None:
    """The footnoted "15% lower" is a fall from 27,889 to 23,462: 15.9%, so 15% only when
    truncated (the design's own example of a warning)."""
    findings = cspplan.check(cspplan.load(seeds["004"]), select="A12")
    assert [(f.code, f.severity, f.stated.text if f.stated else None) for f in findings] == [
        ("A120", Severity.WARNING, "15%")
    ]
    assert findings[0].expected is not None and findings[0].expected.value == Decimal("15.9")


def test_seed_002_figures_hold(seeds: dict[str, Path]) -> None:
    """Every target and claim of 002 holds (checked by hand): no arithmetic or consistency
    finding at all."""
    findings = cspplan.check(cspplan.load(seeds["002"]), select=["A", "C"])
    assert [str(f) for f in findings] == []
