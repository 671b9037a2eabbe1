"""Target wordings met in the bundled examples that earlier readings got wrong."""

from __future__ import annotations

from cspplan.model import Direction, SourceRef
from cspplan.recognise.targets import find_targets


def only(text: str):
    (target,) = find_targets(text, SourceRef())
    return target


def test_a_duration_inside_the_metric_is_not_the_target_value() -> None:
    target = only(
        "Increase the share of burglary victims visited within 24 hours from 55% to 75% by March 2026."
    )
    assert target.direction is Direction.INCREASE
    assert target.baseline is not None and target.baseline.value.text == "55%"
    assert target.target is not None and target.target.value.text == "75%"
    assert "within 24 hours" in (target.metric or "")


def test_working_days_are_a_duration_too() -> None:
    target = only(
        "Raise the proportion of reports answered within 3 working days from 60% to 72% by 2026/27."
    )
    assert target.target is not None and target.target.value.text == "72%"


def test_figures_followed_by_what_they_count_keep_their_periods() -> None:
    target = only(
        "Reduce vehicle crime by 10% from 1,200 offences in 2022/23 to 1,080 offences in 2025/26."
    )
    assert target.percent is not None and target.percent.text == "10%"
    assert target.baseline is not None and target.baseline.period is not None
    assert (target.baseline.value.text, target.baseline.period.text) == ("1,200", "2022/23")
    assert target.target is not None and target.target.period is not None
    assert (target.target.value.text, target.target.period.text) == ("1,080", "2025/26")
