"""A small client of the documented API: audit the example plans and report each finding
with the priority and objective of the item it is about.

Run from the project root after ``pip install .``::

    python examples/client.py [PLAN...]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import cspplan
from cspplan.errors import CspplanError

PLANS = Path(__file__).resolve().parent / "plans"


def report(path: Path) -> int:
    """Print one plan's outline and findings; return how many findings are errors."""
    plan = cspplan.load(path)
    print(plan)
    actions = plan.action_entries()
    per_priority = Counter(e.priority.id if e.priority else "plan" for e in actions)
    print("  actions per priority:", dict(per_priority))
    settings = cspplan.CheckSettings(rounding=cspplan.Rounding.EITHER)
    findings = cspplan.check(plan, settings=settings)
    for finding in findings:
        key = finding.subject.id
        entry = plan.entry(key) if key else None
        where = entry.priority.title if entry and entry.priority else "plan level"
        print(f"  {finding.code} {finding.severity.value} [{key or '-'} in {where}]")
    assert cspplan.from_data(cspplan.to_data(plan)) == plan
    return sum(f.severity is cspplan.Severity.ERROR for f in findings)


def main(argv: list[str]) -> int:
    """Report every plan named (by default the examples); exit 1 on errors, 2 on bad files."""
    paths = [Path(a) for a in argv] or sorted(p for p in PLANS.iterdir() if p.is_file())
    status = 0
    for path in paths:
        try:
            status = max(status, 1 if report(path) else 0)
        except CspplanError as exc:
            print(f"cannot read: {exc}", file=sys.stderr)
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
