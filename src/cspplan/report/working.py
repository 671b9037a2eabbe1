"""The worked arithmetic behind a finding, written out so a committee can follow it."""

from __future__ import annotations

from decimal import Decimal

from ..model.plan import Claim, ClaimKind, Plan, Target
from ..model.values import Number, Unit
from ..validate import Finding

__all__ = ["subject_target", "working"]


def _pct(value: Decimal) -> str:
    return f"{value:+.1f}%".replace("-", "−")


def _change(first: Number, last: Number) -> list[str]:
    """The percentage change from ``first`` to ``last``, and the difference, worked out."""
    a, b = first.value, last.value
    lines = [f"difference = {last.text} − {first.text} = {b - a:+}".replace("-", "−")]
    if a != 0:
        change = (b - a) / a * 100
        lines.append(f"change = ({last.text} − {first.text}) ÷ {first.text} × 100 = {_pct(change)}")
    return lines


def subject_target(plan: Plan, finding: Finding) -> Target | None:
    """The target a finding is about: its subject, or the first target of the objective
    that is its subject."""
    subject = finding.subject
    if subject.kind == "target":
        return next((t for t in plan.all_targets() if t.id == subject.id), None)
    if subject.kind == "objective":
        objective = next((o for o in plan.all_objectives() if o.id == subject.id), None)
        if objective is not None and objective.targets:
            return objective.targets[0]
    return None


def _target_lines(target: Target) -> list[str]:
    lines: list[str] = []
    if target.baseline is not None and target.target is not None:
        lines += _change(target.baseline.value, target.target.value)
        if target.unit in (Unit.PERCENT, Unit.PERCENTAGE_POINTS):
            lines.append("(the figures are percentages: the difference is in percentage points)")
    if target.percent is not None:
        lines.append(f"stated change: {target.percent.text}")
    for n, point in enumerate(target.trajectory, 1):
        period = f" ({point.period.text})" if point.period else ""
        lines.append(f"trajectory point {n}: {point.value.text}{period}")
    return lines


def _claim_lines(claim: Claim) -> list[str]:
    first, last, change = claim.figure("from"), claim.figure("to"), claim.figure("change")
    lines: list[str] = []
    if claim.kind is ClaimKind.CHANGE and first is not None and last is not None:
        lines += _change(first.value, last.value)
        if change is not None:
            lines.append(f"stated change: {change.value.text}")
    parts = [f for f in claim.figures if f.role == "part"]
    if claim.kind is ClaimKind.SHARE and parts:
        total = sum((f.value.value for f in parts), Decimal(0))
        terms = " + ".join(f.value.text for f in parts)
        lines.append(f"sum of the parts = {terms} = {total}")
    count = claim.figure("count")
    if claim.kind is ClaimKind.COUNT and count is not None:
        lines.append(f"stated count: {count.value.text}; items listed: {len(claim.items)}")
    return lines


def working(plan: Plan, finding: Finding) -> list[str]:
    """Lines of arithmetic that show why ``finding`` was raised: the change its figures
    make, the sum of its shares, its count, then what the rule expected and what the plan
    states."""
    lines: list[str] = []
    target = subject_target(plan, finding)
    if target is not None:
        lines += _target_lines(target)
    if finding.subject.kind == "claim":
        claim = next((c for c in plan.claims if c.id == finding.subject.id), None)
        if claim is not None:
            lines += _claim_lines(claim)
    if finding.expected is not None:
        lines.append(f"expected by the check: {finding.expected.text}")
    if finding.stated is not None:
        lines.append(f"stated in the plan: {finding.stated.text}")
    return lines
