"""The rules, in one explicit tuple, and the documentation drawn from their docstrings."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable

import attrs

from ..model.plan import Plan
from .arithmetic import (
    check_change_base,
    check_change_direction,
    check_change_size,
    check_count_items,
    check_percent_points,
    check_share_of_total,
    check_share_sum,
    check_target_direction,
    check_target_drift,
    check_target_percent,
    check_trajectory_direction,
    check_trajectory_end,
    check_trajectory_start,
)
from .completeness import check_action_lead, check_action_timescale, check_timescale_understood
from .consistency import (
    check_duplicate_target,
    check_milestone_order,
    check_milestone_period,
    check_objective_target,
)
from .findings import Finding, Severity
from .settings import CheckSettings

__all__ = ["FAMILIES", "RULES", "Rule", "rules_markdown"]

CheckFunction = Callable[[Plan, CheckSettings], Iterable[Finding]]

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@attrs.frozen(slots=True)
class Rule:
    """One audit rule.

    Attributes:
        code: Its stable code, e.g. ``"A101"``; the letter and first digit are its family.
        name: A short name, e.g. ``"target-percent"``.
        severities: The severities its findings can have, most severe first.
        check: The function that finds its problems in a plan.
    """

    code: str
    name: str
    severities: tuple[Severity, ...]
    check: CheckFunction

    @property
    def doc(self) -> str:
        """The rule's documentation: its function's docstring."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(self.doc.split("\n\n")[0].split())


RULES: tuple[Rule, ...] = (
    Rule("A101", "target-percent", (ERR, WARN), check_target_percent),
    Rule("A102", "percent-points", (WARN,), check_percent_points),
    Rule("A103", "target-drift", (INFO,), check_target_drift),
    Rule("A104", "target-direction", (ERR,), check_target_direction),
    Rule("A110", "trajectory-start", (ERR, WARN), check_trajectory_start),
    Rule("A111", "trajectory-end", (ERR, WARN), check_trajectory_end),
    Rule("A112", "trajectory-direction", (WARN,), check_trajectory_direction),
    Rule("A120", "change-size", (ERR, WARN), check_change_size),
    Rule("A121", "change-direction", (ERR,), check_change_direction),
    Rule("A122", "change-base", (ERR,), check_change_base),
    Rule("A130", "share-sum", (ERR, WARN), check_share_sum),
    Rule("A131", "share-of-total", (ERR, WARN), check_share_of_total),
    Rule("A140", "count-items", (ERR,), check_count_items),
    Rule("C201", "objective-target", (ERR, WARN), check_objective_target),
    Rule("C202", "duplicate-target", (ERR,), check_duplicate_target),
    Rule("C210", "milestone-period", (WARN,), check_milestone_period),
    Rule("C211", "milestone-order", (INFO,), check_milestone_order),
    Rule("M301", "action-lead", (WARN,), check_action_lead),
    Rule("M302", "action-timescale", (WARN,), check_action_timescale),
    Rule("M303", "timescale-understood", (INFO,), check_timescale_understood),
)
"""Every rule, in the order ``check`` runs them."""

FAMILIES: dict[str, str] = {
    "A1": "Arithmetic: percentages, trajectories, claimed changes, shares and counts",
    "C2": "Consistency: figures stated twice, dates that do not fit",
    "M3": "Completeness: what an action lacks",
}
"""The rule families by code prefix."""


def rules_markdown() -> str:
    """The rule reference (``docs/audit.md``), written from the rules' docstrings."""
    lines = [
        "# Audit rules",
        "",
        "<!-- Written by cspplan.validate.rules_markdown() from the rules' docstrings;"
        " tests/test_validate_docs.py keeps it in step. -->",
        "",
        "`cspplan check` reads each printed number as the interval its precision allows"
        ' ("16%" is 15.5 to 16.5, "4,341" is 4,340.5 to 4,341.5) and reports a statement only'
        " where no reading inside those intervals makes it true. Severities follow statcheck:",
        "",
        "- **error**: no reading of the printed figures reconciles them;",
        "- **warning**: only truncation or a coarse rounding does, percent is confused with"
        " percentage points, or something an auditor should look at is missing or out of place;",
        "- **info**: a derived figure drifts by less than rounding explains.",
        "",
        "Select or ignore rules by code or by family prefix:"
        " `cspplan check plan.pdf --select A1 --ignore A103`.",
        "",
        "| code | name | severities | summary |",
        "|---|---|---|---|",
    ]
    for rule in RULES:
        severities = ", ".join(s.value for s in rule.severities)
        lines.append(f"| {rule.code} | {rule.name} | {severities} | {rule.summary} |")
    for prefix, title in FAMILIES.items():
        lines += ["", f"## {prefix}xx: {title}"]
        for rule in RULES:
            if rule.code.startswith(prefix):
                severities = ", ".join(s.value for s in rule.severities)
                lines += ["", f"### {rule.code} {rule.name} ({severities})", "", rule.doc]
    return "\n".join(lines) + "\n"
