"""The rule registry: every rule in one explicit tuple, the codes it stamps on its
findings, the severities it checks, and the documentation drawn from the docstrings."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator

import attrs

from ..model.plan import Plan
from .changes import check_change_base, check_change_direction, check_change_size
from .completeness import (
    check_action_lead,
    check_action_timescale,
    check_column_filled,
    check_timescale_understood,
)
from .consistency import check_duplicate_target, check_objective_target
from .findings import Finding, Problem, Severity
from .guide import GUIDE
from .milestones import check_milestone_order, check_milestone_period
from .settings import CheckSettings
from .shares import check_count_items, check_share_of_total, check_share_sum, check_sum_total
from .tables import check_profile_sum, check_rating
from .targets import (
    check_percent_points,
    check_target_direction,
    check_target_drift,
    check_target_percent,
)
from .trajectories import (
    check_trajectory_direction,
    check_trajectory_end,
    check_trajectory_start,
)

__all__ = ["FAMILIES", "RULES", "CheckFunction", "Rule", "RuleContractError", "rules_markdown"]

CheckFunction = Callable[[Plan, CheckSettings], Iterable[Problem]]
"""A rule's check: the problems it finds in a plan, without its code."""

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class RuleContractError(AssertionError):
    """A rule broke its contract with the registry: it reported a severity it does not
    declare, or yielded a :class:`Finding` coded by itself instead of a :class:`Problem`.

    A programming error in the rule, never a problem in the plan (those are findings) nor
    bad input (a :class:`~cspplan.errors.CspplanError`).
    """


def _declared(rule: Rule, attribute: attrs.Attribute[tuple[Severity, ...]], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(s, Severity) for s in value)
        or list(value) != sorted(set(value), reverse=True)
    ):
        raise RuleContractError(
            f"rule {rule.code} {rule.name} must declare its severities as a tuple of distinct"
            f" Severity values, most severe first, not {value!r}"
        )


@attrs.frozen(slots=True)
class Rule:
    """One audit rule.

    Attributes:
        code: Its stable code, e.g. ``"A101"``; the letter and first digit are its family.
            The registry stamps it on every finding of the rule.
        name: A short name, e.g. ``"target-percent"``.
        severities: The severities its findings can have, most severe first; a problem
            of any other severity is a :class:`RuleContractError`.
        check: The function that finds its problems in a plan; its docstring is the rule's
            documentation.
    """

    code: str
    name: str
    severities: tuple[Severity, ...] = attrs.field(validator=_declared)
    check: CheckFunction

    @property
    def doc(self) -> str:
        """The rule's documentation: its function's docstring."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(self.doc.split("\n\n")[0].split())

    def run(self, plan: Plan, settings: CheckSettings) -> Iterator[Finding]:
        """The rule's findings in ``plan``: each problem its check reports, with the rule's
        code. A problem of a severity the rule does not declare, or a finding the check coded
        itself, raises :class:`RuleContractError` naming the rule."""
        for problem in self.check(plan, settings):
            if isinstance(problem, Finding):
                raise RuleContractError(
                    f"rule {self._label} yielded a Finding coded {problem.code!r}: a check"
                    " yields Problems and the registry stamps the rule's code"
                )
            if problem.severity not in self.severities:
                declared = ", ".join(s.value for s in self.severities)
                raise RuleContractError(
                    f"rule {self._label} reported a {problem.severity.value} problem but"
                    f" declares only {declared}: {problem.message}"
                )
            yield Finding.stamped(self.code, problem)

    @property
    def _label(self) -> str:
        return f"{self.code} {self.name} ({self.check.__module__}.{self.check.__qualname__})"


RULES: tuple[Rule, ...] = (
    Rule("A101", "target-percent", (ERR, WARN, INFO), check_target_percent),
    Rule("A102", "percent-points", (WARN, INFO), check_percent_points),
    Rule("A103", "target-drift", (INFO,), check_target_drift),
    Rule("A104", "target-direction", (ERR,), check_target_direction),
    Rule("A110", "trajectory-start", (ERR, WARN), check_trajectory_start),
    Rule("A111", "trajectory-end", (ERR, WARN), check_trajectory_end),
    Rule("A112", "trajectory-direction", (WARN,), check_trajectory_direction),
    Rule("A113", "profile-sum", (ERR, WARN), check_profile_sum),
    Rule("A120", "change-size", (ERR, WARN), check_change_size),
    Rule("A121", "change-direction", (ERR,), check_change_direction),
    Rule("A122", "change-base", (ERR,), check_change_base),
    Rule("A130", "share-sum", (ERR, WARN, INFO), check_share_sum),
    Rule("A131", "share-of-total", (ERR, WARN), check_share_of_total),
    Rule("A132", "sum-total", (ERR, WARN), check_sum_total),
    Rule("A140", "count-items", (ERR,), check_count_items),
    Rule("A150", "rag-rating", (ERR, WARN), check_rating),
    Rule("C201", "objective-target", (ERR, WARN), check_objective_target),
    Rule("C202", "duplicate-target", (ERR,), check_duplicate_target),
    Rule("C210", "milestone-period", (WARN, INFO), check_milestone_period),
    Rule("C211", "milestone-order", (INFO,), check_milestone_order),
    Rule("M301", "action-lead", (WARN,), check_action_lead),
    Rule("M302", "action-timescale", (WARN,), check_action_timescale),
    Rule("M303", "timescale-understood", (INFO,), check_timescale_understood),
    Rule("M304", "column-filled", (WARN,), check_column_filled),
)
"""Every rule, in the order ``check`` runs them."""

FAMILIES: dict[str, str] = {
    "A1": "Arithmetic: percentages, trajectories, claimed changes, shares and counts",
    "C2": "Consistency: figures stated twice, dates that do not fit",
    "M3": "Completeness: what an action lacks",
}
"""The rule families by code prefix."""


def rules_markdown() -> str:
    """The rule reference (``docs/audit.md``), written from the rules' docstrings and the
    hand-written sections in :mod:`cspplan.validate.guide`."""
    lines = [
        "# Audit rules",
        "",
        "<!-- Written by cspplan.validate.rules_markdown() from the rules' docstrings and"
        " cspplan/validate/guide.py; tests/test_check_cli.py keeps it in step. -->",
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
        GUIDE,
        "## The rules",
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
