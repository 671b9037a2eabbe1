"""A priority numbered in one line and named in the next ("Priority 2" over "Safer roads"),
as a two-line heading is in many published plans and in PDFs generally."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cspplan

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from render_plan import render_as

PLAN = """# Kelmscott Community Safety Partnership

Action Plan 2011/12

## Priority 1

Safer town centre at night

Ref\tAction\tLead\tTimescale
1.1\tFund taxi marshals on Saturday nights\tTown Centre Manager\tMay 2011
1.2\tRun a late-night bus safety campaign\tPolice\tJuly 2011

## Priority 2

Tackling domestic abuse

Ref\tAction\tLead\tTimescale
2.1\tTrain GP receptionists to spot abuse\tHealth Trust\tOctober 2011

## Theme 3

This theme is new this year and is led by the council.

Ref\tAction\tLead\tTimescale
3.1\tAudit CCTV coverage at the bus station\tCouncil\tMarch 2012
"""


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf", "plain"])
def test_the_line_after_a_bare_priority_heading_names_it(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "kelmscott.txt"
    source.write_text(PLAN, encoding="utf-8")
    plan = cspplan.load(render_as(source, kind, tmp_path))
    named = {p.ref: p.title for p in plan.priorities}
    assert named["1"] == "Safer town centre at night"
    assert named["2"] == "Tackling domestic abuse"
    by_priority = {p.ref: [a.ref for a in p.actions] for p in plan.priorities}
    assert by_priority["1"] == ["1.1", "1.2"] and by_priority["2"] == ["2.1"]
    # A sentence after the heading is not its name, and is kept.
    sentence = "This theme is new this year and is led by the council."
    assert named.get("3") != sentence
    kept = [u.text for u in plan.unclassified] + [p.description or "" for p in plan.priorities]
    assert any(sentence in text for text in kept)
    assert "Safer town centre at night" not in kept
