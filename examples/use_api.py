"""Use cspplan from Python: load the bundled example plans and print what they hold.

Run from the project root after ``pip install .``::

    python examples/use_api.py
"""

from __future__ import annotations

from pathlib import Path

import cspplan
from cspplan.errors import CspplanError

HERE = Path(__file__).resolve().parent / "plans"
SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


def describe(path: Path) -> None:
    """Print a plan's identity, its priorities and a few of its targets and actions."""
    plan = cspplan.load(path)
    print(
        f"{path.name}: {plan.title!r} by {plan.partnership!r}, period {plan.period and plan.period.text}"
    )
    for priority in plan.priorities:
        print(
            f"  priority {priority.title!r}: {len(priority.actions)} actions, {len(priority.objectives)} objectives"
        )
    for target in plan.all_targets()[:3]:
        baseline = target.baseline.value.text if target.baseline else "?"
        goal = target.target.value.text if target.target else "?"
        print(
            f"  target {target.id}: {target.metric} {target.direction and target.direction.value} {baseline} -> {goal}"
        )
    for action in plan.all_actions()[:3]:
        leads = ", ".join(lead.text for lead in action.leads) or "no lead"
        due = ", ".join(m.timescale.text for m in action.milestones if m.timescale) or "no date"
        print(f"  action {action.ref}: {action.text[:50]!r} ({leads}; {due})")
    # JSON round trip: what an archive stores loads back into the same model.
    assert cspplan.loads(cspplan.dumps(plan)) == plan


def main() -> None:
    """Describe every example plan in examples/plans/."""
    for path in sorted(HERE.iterdir()):
        if path.suffix.lower() in SUFFIXES:
            try:
                describe(path)
            except CspplanError as exc:
                print(f"{path.name}: cannot read: {exc}")


if __name__ == "__main__":
    main()
