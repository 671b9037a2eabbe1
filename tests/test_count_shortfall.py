"""A count of the plan's own parts followed by a run-in list that names fewer, however its
"and"s are read ("five priorities: A, B, and C and D"), is audited as short; a list that
is a selection ("include", "such as", "three of our five") or not of the plan's own parts
is not."""

from __future__ import annotations

import pytest

import cspplan


def _alarms(sentence: str) -> list[str]:
    found = cspplan.check(f"# Plan\n\n{sentence}\n".encode(), name="plan.txt")
    return [f.message for f in found if f.severity.value in ("warning", "error")]


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        ("The partnership has five priorities: violent crime, burglary, and drugs and alcohol.", 3),
        ("Our seven themes are: arson, robbery, car crime, assault, drugs and criminal damage.", 6),
        ("Our five priorities are safer streets, safer homes and safer roads.", 3),
    ],
)
def test_a_list_shorter_than_its_count_is_reported(sentence: str, listed: int) -> None:
    (message,) = _alarms(sentence)
    assert message.endswith(f"lists {listed}")


@pytest.mark.parametrize(
    "sentence",
    [
        "Three of our five priorities are safer streets, safer homes and safer roads.",
        "Our five priorities include safer streets, safer homes and safer roads.",
        "The five priorities include: safer streets, safer homes and safer roads.",
        "We have five priorities: safer streets and safer homes, plus road safety.",
        "Our five priorities are safer streets, safer homes and safer roads, as well as youth work.",
        "Work continues on five priorities: safer streets, safer homes and others.",
        "We set five priorities: safer streets, safer homes, and safer roads among them.",
        "There were 15 areas of concern: litter, noise and graffiti being the most common.",
        # Four on one reading of the "and"s, three on the other: either may be meant.
        "The partnership has four priorities: violent crime, burglary, and drugs and alcohol.",
        "The partnership has three priorities: violent crime, burglary, and drugs and alcohol.",
    ],
)
def test_a_selection_or_a_list_that_may_fit_is_not(sentence: str) -> None:
    assert _alarms(sentence) == []
