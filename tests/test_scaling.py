"""Recognition's and the audit's work grows with the plan, not with its square: the priority
index gives the same answers as matching every priority in turn while scoring only the names
that could match, and the duplicate-target rule pairs only targets of the same metric."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cspplan.model import Number, Plan, Target
from cspplan.model.source import DocumentSource, SourceRef
from cspplan.recognise import draft as draft_module
from cspplan.recognise.draft import PlanDraft
from cspplan.recognise.structure import match_priority, match_score, priority_key
from cspplan.validate import CheckSettings, consistency
from cspplan.validate.common import OwnedTarget

_WORDS = ("road", "safety", "crime", "less", "fear", "of", "burglary", "reducing", "youth", "the")
_NAME = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
# Each step: add a priority, give one an alias, or look a name up.
_STEP = st.one_of(
    st.tuples(st.just("add"), _NAME),
    st.tuples(st.just("alias"), st.tuples(st.integers(0, 30), _NAME)),
    st.tuples(st.just("find"), _NAME),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_STEP, max_size=40))
def test_find_priority_agrees_with_matching_every_priority(steps: list[tuple[str, object]]) -> None:
    draft = PlanDraft()
    for kind, value in steps:
        if kind == "add":
            assert isinstance(value, str)
            draft.add_priority(value, SourceRef())
        elif kind == "alias" and draft.priorities:
            assert isinstance(value, tuple)
            position, name = value
            draft.add_alias(draft.priorities[position % len(draft.priorities)], name)
        elif kind == "find":
            assert isinstance(value, str)
            keys = [[priority_key(n) for n in (p.title, *p.aliases)] for p in draft.priorities]
            expected = match_priority(value, keys)
            found = draft.find_priority(value)
            assert found is (None if expected is None else draft.priorities[expected])


def test_a_priority_aliased_before_it_is_first_looked_up_is_found_by_its_alias() -> None:
    draft = PlanDraft()
    draft.add_priority("Reducing burglary", SourceRef())
    youth = draft.add_priority("Youth crime", SourceRef())
    draft.add_alias(youth, "Young people")
    assert draft.find_priority("young people") is youth


def test_repeated_priorities_are_scored_once_per_distinct_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scored: list[frozenset[str]] = []
    real = match_score

    def counting(wanted: frozenset[str], key: frozenset[str]) -> float | None:
        scored.append(key)
        return real(wanted, key)

    monkeypatch.setattr(draft_module, "match_score", counting)
    titles = ("Safer streets", "Reducing burglary", "Tackling anti-social behaviour")
    draft = PlanDraft()
    for round_ in range(200):
        for title in titles:
            assert draft.find_priority(title) is (
                draft.priorities[titles.index(title)] if round_ else None
            )
            draft.add_priority(title, SourceRef())
    # 600 look-ups, each scoring at most the three distinct names (the old walk scored
    # every priority: about 180,000).
    assert len(draft.priorities) == 600
    assert len(scored) <= 600 * len(titles)


def test_duplicate_targets_are_paired_only_within_the_same_metric(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[object] = []
    real = consistency._comparable

    def counting(a: OwnedTarget, b: OwnedTarget) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(consistency, "_comparable", counting)
    subjects = [f"{a} {b}" for a in ("burglary", "robbery", "arson", "theft") for b in _PLACES]
    targets = [
        Target(
            id=f"T{i}",
            statement=f"reduce {subject} by {5 + i // len(subjects)}%",
            metric=subject,
            percent=Number(Decimal(5 + i // len(subjects)), f"{5 + i // len(subjects)}"),
        )
        for i, subject in enumerate(subjects * 2)
    ]
    plan = Plan(
        source=DocumentSource(
            path="p.txt", sha256="0" * 64, media_type="text/plain", parser="text"
        ),
        targets=tuple(targets),
    )
    problems = list(consistency.check_duplicate_target(plan, CheckSettings()))
    # Each metric is stated twice: one pair each, where every pair of 2 x 40 targets
    # would be 3,160 comparisons.
    assert len(compared) == len(subjects)
    assert len(problems) == len(subjects)
    assert [p.subject.id for p in problems] == [
        f"T{i + len(subjects)}" for i in range(len(subjects))
    ]


_PLACES = (
    "north ward",
    "south ward",
    "east ward",
    "west ward",
    "market square",
    "canal towpath",
    "bus interchange",
    "northern estates",
    "high street",
    "railway station",
)
