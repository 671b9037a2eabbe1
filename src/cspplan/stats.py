"""Counts of what a plan holds, and how much of its source text was accounted for."""

from __future__ import annotations

import attrs

from .document import Document, block_text
from .model.plan import Plan

__all__ = ["PlanStats", "plan_stats"]


@attrs.frozen(slots=True)
class PlanStats:
    """What recognition made of one document.

    Attributes:
        priorities: Number of priorities.
        objectives: Number of objectives, at every level.
        actions: Number of actions, at every level.
        targets: Number of targets, including those objectives state.
        indicators: Number of indicators named, at every level.
        claims: Number of narrative claims.
        memberships: Number of group members.
        unclassified: Number of blocks no recogniser placed.
        coverage: Share (0 to 1) of the document's text characters that ended up in a
            domain object rather than in an unclassified block; ``None`` without the document.
        milestones: Number of action milestones, at every level.
        workstreams: Number of areas of work, over all priorities.
        trajectories: Number of targets with a trajectory.
    """

    priorities: int
    objectives: int
    actions: int
    targets: int
    indicators: int
    claims: int
    memberships: int
    unclassified: int
    coverage: float | None = None
    milestones: int = 0
    workstreams: int = 0
    trajectories: int = 0


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace() and ch != "|")


def plan_stats(plan: Plan, document: Document | None = None) -> PlanStats:
    """Count what ``plan`` holds; with the ``document`` it came from, also its coverage."""
    coverage: float | None = None
    if document is not None:
        total = sum(_chars(block_text(b)) for b in document.blocks)
        left = sum(_chars(u.text) for u in plan.unclassified)
        coverage = 1.0 if total == 0 else max(0.0, 1 - left / total)
    return PlanStats(
        priorities=len(plan.priorities),
        objectives=sum(1 for _ in plan.all_objectives()),
        actions=sum(1 for _ in plan.all_actions()),
        targets=sum(1 for _ in plan.all_targets()),
        indicators=sum(1 for _ in plan.all_indicators()),
        claims=len(plan.claims),
        memberships=len(plan.memberships),
        unclassified=len(plan.unclassified),
        coverage=coverage,
        milestones=sum(len(a.milestones) for a in plan.all_actions()),
        workstreams=sum(len(p.workstreams) for p in plan.priorities),
        trajectories=sum(1 for t in plan.all_targets() if t.trajectory),
    )
