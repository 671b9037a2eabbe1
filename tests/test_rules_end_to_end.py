"""Audit rules end to end (issue 12): each rule fires from a sentence or table of a plan read
as text, as Word and as a ruled PDF, and its twin, whose figures hold, gives nothing from it.

The plans are the small synthetic ones in tests/fixtures/rules_e2e (seed text format), rendered
to Word and PDF by tests/fixtures/render_plan.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

import cspplan
from cspplan.model import Plan
from cspplan.validate import Finding

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = FIXTURES / "rules_e2e"
sys.path.insert(0, str(FIXTURES))
from render_plan import render_docx, render_pdf  # noqa: E402

FORMATS = ("txt", "docx", "pdf")


@attrs.frozen
class Case:
    """A rule, the plan that must raise it and what the finding must say."""

    code: str
    plan: str
    twin: str
    severity: str
    expected: str | None = None
    stated: str | None = None
    words: tuple[str, ...] = ()
    ref: str | None = None
    name: str | None = None


CASES = (
    # 14% off 1260 is 1083.6; the printed 1085 is a 13.9% fall, which still rounds to 14%.
    Case("A103", "a103", "a103_ok", "info", "1083.6", "1085"),
    # "reduce" but 315 -> 328.
    Case("A104", "a104", "a104_ok", "error", "315", "328"),
    # The 2007/08 baseline column says 480; the sentence's baseline is 450.
    Case("A110", "a110", "trajectory_ok", "error", "450", "480"),
    # The 2010/11 target column says 372; the sentence's target is 360.
    Case("A111", "a111", "trajectory_ok", "error", "360", "372"),
    # "reduce" but the trajectory goes 420 -> 436 in 2009/10.
    Case("A112", "a112", "trajectory_ok", "warning", "420", "436", ("2009/10",)),
    # Objective 3.1 says 12%; the priority's target for the same metric says 8%.
    Case("C201", "c201", "c201_ok", "error", "8%", "12%", name="anti-social behaviour calls"),
    # The same target under two priorities: 1410 and 1440.
    Case("C202", "c202", "c202_ok", "error", "1410", "1440", name="violence against the person"),
    # Outputs listed November 2009 then May 2009.
    Case("C211", "c211", "c211_ok", "info", words=("'May 2009'", "'November 2009'"), ref="B1"),
    Case(
        "M303",
        "m303",
        "m303_ok",
        "info",
        words=("'once the library refurbishment is signed off'",),
        ref="H1",
    ),
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every plan and twin of CASES in every format, rendered once."""
    folder = tmp_path_factory.mktemp("rules_e2e")
    paths: dict[tuple[str, str], Path] = {}
    for stem in sorted({name for case in CASES for name in (case.plan, case.twin)}):
        source = PLANS / f"{stem}.txt"
        paths[stem, "txt"] = source
        paths[stem, "docx"] = render_docx(source, folder / f"{stem}.docx")
        paths[stem, "pdf"] = render_pdf(source, folder / f"{stem}.pdf", ruled=True)
    return paths


def findings(path: Path, code: str) -> list[Finding]:
    """The findings of one rule for the plan at ``path``."""
    return [f for f in cspplan.check(cspplan.load(path)) if f.code == code]


def shape(plan: Plan) -> tuple[int, int, int, int]:
    """How much of a plan was read: targets, trajectory points, actions, timed milestones."""
    targets = list(plan.all_targets())
    actions = list(plan.all_actions())
    timed = [m for a in actions for m in a.milestones if m.timescale]
    return len(targets), sum(len(t.trajectory) for t in targets), len(actions), len(timed)


def dated(plan: Plan) -> int:
    """How many milestones have a timescale understood as a date."""
    return sum(
        1 for a in plan.all_actions() for m in a.milestones if m.timescale and m.timescale.start
    )


PARAMS = [pytest.param(case, kind, id=f"{case.code}-{kind}") for case in CASES for kind in FORMATS]


@pytest.mark.parametrize(("case", "kind"), PARAMS)
def test_rule_fires(case: Case, kind: str, rendered: dict[tuple[str, str], Path]) -> None:
    (finding,) = findings(rendered[case.plan, kind], case.code)
    assert finding.severity.value == case.severity
    assert (finding.expected.text if finding.expected else None) == case.expected
    assert (finding.stated.text if finding.stated else None) == case.stated
    for words in case.words:
        assert words in finding.message, finding.message
    if case.ref is not None:
        assert finding.subject.ref == case.ref
    if case.name is not None:
        assert finding.subject.name == case.name


@pytest.mark.parametrize(("case", "kind"), PARAMS)
def test_twin_gives_nothing(case: Case, kind: str, rendered: dict[tuple[str, str], Path]) -> None:
    twin = cspplan.load(rendered[case.twin, kind])
    # The twin must be read as fully as its faulty plan, not pass by being left unread.
    faulty = cspplan.load(rendered[case.plan, kind])
    assert shape(twin) == shape(faulty) and dated(twin) >= dated(faulty)
    assert twin.all_targets() or twin.all_actions()
    assert [f.code for f in cspplan.check(twin) if f.code == case.code] == []
