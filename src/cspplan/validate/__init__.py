"""The audit: rules that find where a plan's figures do not add up or contradict each other.

>>> import cspplan
>>> plan = cspplan.load("plan.pdf")                           # doctest: +SKIP
>>> for finding in cspplan.check(plan, ignore=["A103"]):      # doctest: +SKIP
...     print(finding.code, finding.severity.value, finding.message)

Each rule is a plain function ``check_x(plan, settings) -> Iterable[Problem]`` listed in
:data:`RULES` with its code, name and severities; the registry stamps the rule's code on
each problem, making it a :class:`Finding`, and checks its severity against those the rule
declares. The function's docstring is the rule's documentation (``cspplan rules``,
``docs/audit.md``). Problems in the plan are returned as findings; only bad arguments
raise (and a rule that breaks its contract, a programming error).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from .. import deadline
from ..deadline import DEFAULT_TIME_LIMIT
from ..errors import SettingsError
from ..inputs import PlanInput
from ..model.plan import Plan
from .findings import Finding, Problem, Severity, Subject, finding_to_data
from .intervals import Interval, Rounding, number_interval
from .rules import FAMILIES, RULES, Rule, RuleContractError, rules_markdown
from .settings import CheckSettings

__all__ = [
    "FAMILIES",
    "RULES",
    "CheckSettings",
    "Finding",
    "Interval",
    "Problem",
    "Rounding",
    "Rule",
    "RuleContractError",
    "Severity",
    "Subject",
    "check",
    "finding_to_data",
    "number_interval",
    "parse_codes",
    "rules_markdown",
    "selected_rules",
]


def parse_codes(codes: str | Iterable[str] | None) -> tuple[str, ...]:
    """Rule codes or family prefixes from ``"A1,C201"`` or a list; each must name at least
    one rule, else :class:`~cspplan.errors.SettingsError`."""
    if codes is None:
        return ()
    items = codes.split(",") if isinstance(codes, str) else list(codes)
    result: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise SettingsError(f"rule codes must be strings, not {type(item).__name__}")
        code = item.strip().upper()
        if not code:
            continue
        if not any(rule.code.startswith(code) for rule in RULES):
            known = ", ".join(rule.code for rule in RULES)
            raise SettingsError(f"no rule has the code or prefix {item.strip()!r}; rules: {known}")
        result.append(code)
    return tuple(result)


def selected_rules(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> tuple[Rule, ...]:
    """The rules ``select`` picks (all by default) less those ``ignore`` names, by code or
    family prefix (``"A1"``, ``"C201"``)."""
    chosen = parse_codes(select)
    dropped = parse_codes(ignore)
    return tuple(
        rule
        for rule in RULES
        if (not chosen or any(rule.code.startswith(c) for c in chosen))
        and not any(rule.code.startswith(c) for c in dropped)
    )


def _order(finding: Finding) -> tuple[int, int, int, int, int, str]:
    source = finding.source
    return (
        source.page or 0,
        source.line or 0,
        source.paragraph if source.paragraph is not None else -1,
        source.table if source.table is not None else -1,
        source.row if source.row is not None else -1,
        finding.code,
    )


def check(
    plan: Plan | PlanInput,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    settings: CheckSettings | Mapping[str, Any] | None = None,
    *,
    format: str | None = None,
    name: str | os.PathLike[str] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> list[Finding]:
    """Audit a plan; returns its findings in document order.

    ``plan`` is a :class:`Plan`, or anything :func:`cspplan.load` reads (a path, bytes or a
    binary file object, with ``format`` and the name hint ``name``), which is loaded first.
    ``select`` and ``ignore`` take rule codes or family prefixes (``["A1", "C201"]`` or
    ``"A1,C201"``); ``settings`` is a :class:`CheckSettings`, a dict of overrides or
    ``None``. An unknown code or setting raises :class:`~cspplan.errors.SettingsError`;
    loading and auditing together taking longer than ``time_limit`` seconds raises
    :class:`~cspplan.errors.TimeLimitError` (``None``: no limit).
    """
    rules = selected_rules(select, ignore)
    resolved = CheckSettings.resolve(settings)
    if isinstance(plan, Plan):
        label: str | None = plan.source.path
    elif isinstance(plan, (str, os.PathLike, bytes, bytearray, memoryview)) or hasattr(
        plan, "read"
    ):
        from ..inputs import source_label

        label = source_label(plan, name)
    else:
        raise SettingsError(
            "check() needs a Plan, a path, bytes or a binary file object, not"
            f" {type(plan).__name__}"
        )
    with deadline.time_limit(time_limit, label):
        if not isinstance(plan, Plan):
            from .. import load

            plan = load(plan, format, name=name, time_limit=None)
        findings: list[Finding] = []
        for rule in rules:
            deadline.check_deadline()
            findings.extend(rule.run(plan, resolved))
    findings.sort(key=_order)
    return findings
