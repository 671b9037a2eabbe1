"""Every rule documents itself: a stable code, a summary, what fails and an example."""

from __future__ import annotations

import re

import pytest

from cspplan.validate import FAMILIES, RULES, Rule


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[ACM]\d{3}", code) for code in codes)
    assert codes == sorted(codes)
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.code[:2] in FAMILIES
    assert rule.severities
    assert rule.summary.endswith(".") or rule.summary.endswith(").")
    assert len(rule.doc.split("\n\n")) >= 2, "a rule's docstring says what fails beyond its summary"
    assert "Example:" in rule.doc
    assert rule.check.__name__.startswith("check_")
