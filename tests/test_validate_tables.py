"""A113 profile-sum and A150 rag-rating: a failing and a passing case each, on hand-built
plans (the end-to-end cases from text, Word and PDF are in tests/test_indicator_tables.py)."""

from __future__ import annotations

import attrs

from cspplan import check
from cspplan.model import Direction, Plan, Polarity, Rating, RatingCondition, Unit
from cspplan.validate import Severity
from test_validate_support import measure, plan, target

MET = (RatingCondition.TARGET_MET,)
WORSE = (RatingCondition.WORSE_THAN_BASELINE,)
AMBER = (RatingCondition.BETTER_THAN_BASELINE, RatingCondition.TARGET_MISSED)


def rated(
    colour: str,
    conditions: tuple[RatingCondition, ...],
    base: str,
    goal: str,
    outturn: str,
    polarity: Polarity | None = Polarity.LOWER_IS_BETTER,
    direction: Direction | None = Direction.REDUCE,
) -> Plan:
    """A plan with one rated target: baseline, target and outturn, and the key's meaning."""
    built = target(
        f"Measure | {base} | {goal} | {outturn} | {colour}",
        baseline=base,
        goal=goal,
        direction=direction,
        unit=Unit.PERCENT if base.endswith("%") else Unit.COUNT,
    )
    built = attrs.evolve(
        built,
        outturn=measure(outturn),
        polarity=polarity,
        rating=Rating(colour, colour.lower(), "the plan's key", conditions),
    )
    return plan(targets=(built,))


def profiled(goal: str, *quarters: str, unit: Unit | None = Unit.COUNT) -> Plan:
    """A plan with one target for 2020/21 and its quarterly profile."""
    built = target("reduce vehicle crime", baseline="1,850", goal=goal, unit=unit)
    built = attrs.evolve(
        built,
        target=measure(goal, "2020/21"),
        profile=tuple(measure(q, None, f"Q{i + 1}") for i, q in enumerate(quarters)),
    )
    return plan(targets=(built,))


def findings(built: Plan, code: str) -> list[tuple[Severity, str | None, str | None]]:
    return [
        (f.severity, f.expected.text if f.expected else None, f.stated.text if f.stated else None)
        for f in check(built, select=[code])
    ]


# --- A113 profile-sum ---------------------------------------------------------------------


def test_a113_quarters_that_do_not_make_the_year() -> None:
    assert findings(profiled("1,776", "450", "446", "442", "448"), "A113") == [
        (Severity.ERROR, "1,776", "1786")
    ]


def test_a113_quarters_that_make_the_year_or_rise_to_it() -> None:
    assert findings(profiled("1,776", "450", "446", "442", "438"), "A113") == []
    assert findings(profiled("1,776", "450", "896", "1,338", "1,776"), "A113") == []
    # Round quarters of a round target, within rounding: 2,190 against 2,189.
    assert findings(profiled("2,189", "560", "540", "555", "535"), "A113") == []


def test_a113_judges_only_whole_years_of_counts() -> None:
    assert findings(profiled("1,776", "450", "446", "442"), "A113") == []
    assert findings(profiled("40%", "41%", "40%", "39%", "38%", unit=Unit.PERCENT), "A113") == []
    assert findings(profiled("7.0", "7.5", "7.3", "7.1", "7.0", unit=Unit.RATE), "A113") == []


# --- A150 rag-rating ----------------------------------------------------------------------


def test_a150_green_where_the_target_was_missed() -> None:
    assert findings(rated("Green", MET, "1,560", "1,482", "1,611"), "A150") == [
        (Severity.ERROR, "1,482", "1,611")
    ]


def test_a150_red_or_amber_where_the_key_says_otherwise() -> None:
    # Red means worse than the baseline: 742 is better than 820.
    assert findings(rated("Red", WORSE, "820", "779", "742"), "A150")[0][0] is Severity.ERROR
    # Amber means better than the baseline but short of the target: 770 met 779.
    assert findings(rated("Amber", AMBER, "820", "779", "770"), "A150")[0][0] is Severity.ERROR


def test_a150_ratings_that_follow_the_key() -> None:
    assert findings(rated("Green", MET, "820", "779", "742"), "A150") == []
    assert findings(rated("Red", WORSE, "1,560", "1,482", "1,611"), "A150") == []
    assert findings(rated("Amber", AMBER, "2,050", "1,948", "1,990"), "A150") == []
    # Higher is better: more hate crime reports met the target.
    assert (
        findings(
            rated("Green", MET, "310", "341", "352", Polarity.HIGHER_IS_BETTER, Direction.INCREASE),
            "A150",
        )
        == []
    )
    # Within rounding: 779 reached at the printed precision of 779.4.
    assert findings(rated("Green", MET, "820", "779.4", "779"), "A150") == []


def test_a150_polarity_from_the_direction_and_silence_without_a_key() -> None:
    assert findings(rated("Green", MET, "1,560", "1,482", "1,611", polarity=None), "A150") == [
        (Severity.ERROR, "1,482", "1,611")
    ]
    assert findings(rated("Green", (), "1,560", "1,482", "1,611"), "A150") == []
    no_way = rated("Green", MET, "1,560", "1,482", "1,611", polarity=None, direction=None)
    assert findings(no_way, "A150") == []


def test_a150_warning_where_only_a_coarse_rounding_meets_the_key() -> None:
    # 1,500 may be a coarse rounding of 1,482..., so "target met" holds only leniently.
    assert findings(rated("Green", MET, "1,600", "1,500", "1,540"), "A150") == [
        (Severity.WARNING, "1,500", "1,540")
    ]
