"""A target printed with an earlier year's figure in brackets beside it ("to 250 in 2010/11
(2008/09: 180)") starts from that figure."""

from __future__ import annotations

import pytest

import cspplan
from cspplan.model import SourceRef
from cspplan.recognise.targets import find_targets

SOURCE = SourceRef(file="plan.txt")


@pytest.mark.parametrize(
    ("sentence", "baseline", "period"),
    [
        (
            "We aim to raise referrals to the panel to 250 in 2010/11 (2008/09: 180).",
            "180",
            "2008/09",
        ),
        ("Reduce arson to 120 by 2012 (2009/10: 160).", "160", "2009/10"),
        ("Cut thefts by 5% to 950 in 2011/12 (2010/11: 1,000).", "1,000", "2010/11"),
    ],
)
def test_the_bracketed_earlier_figure_is_the_baseline(
    sentence: str, baseline: str, period: str
) -> None:
    (target,) = find_targets(sentence, SOURCE)
    assert target.baseline is not None and target.baseline.value.text == baseline
    assert target.baseline.period is not None and target.baseline.period.text == period


@pytest.mark.parametrize(
    "sentence",
    [
        # A later year's figure, or one with no year to compare, is not where it starts.
        "Reduce arson to 120 by 2012 (2013/14: 160).",
        "Reduce arson to 120 (2009/10: 160).",
    ],
)
def test_a_figure_not_before_the_target_is_no_baseline(sentence: str) -> None:
    (target,) = find_targets(sentence, SOURCE)
    assert target.baseline is None


def test_the_audit_checks_the_change_from_the_bracketed_figure() -> None:
    plan = "# Plan\n\n## Targets\n\nCut cycle thefts by 5% to {} in 2011/12 (2010/11: 1,243).\n"
    ok = cspplan.check(plan.format("1,181").encode(), name="ok.txt")
    assert not [f for f in ok if f.severity.value in ("warning", "error")]
    wrong = cspplan.check(plan.format("1,163").encode(), name="wrong.txt")
    assert [f.code for f in wrong if f.severity.value == "error"] == ["A101"]
