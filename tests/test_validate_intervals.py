"""Interval arithmetic for printed numbers, and the soundness of the change checks."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cspplan.errors import SettingsError
from cspplan.model import Number
from cspplan.validate import CheckSettings, Interval, Rounding, number_interval
from cspplan.validate.cases import ChangeCase, Verdict
from cspplan.validate.intervals import (
    coarse_step,
    difference,
    loose_step,
    percent_change,
    quotient,
    total,
)
from cspplan.validate.reading import Reader, hedge_before, table_step

D = Decimal


def test_nearest_is_half_open() -> None:
    interval = number_interval(Number.parse("16%"))
    assert (interval.lo, interval.hi, interval.lo_open, interval.hi_open) == (
        D("15.5"),
        D("16.5"),
        False,
        True,
    )
    assert interval.contains(D("15.5")) and not interval.contains(D("16.5"))
    assert number_interval(Number.parse("4,341")).lo == D("4340.5")
    assert number_interval(Number.parse("15.8%")).hi == D("15.85")


def test_truncate_and_either() -> None:
    assert number_interval(Number.parse("15%"), Rounding.TRUNCATE) == Interval(
        D(15), D(16), False, True
    )
    assert number_interval(Number.parse("-3"), Rounding.TRUNCATE) == Interval(
        D(-4), D(-3), True, False
    )
    assert number_interval(Number.parse("16"), Rounding.EITHER) == Interval(D("15.5"), D("16.5"))


def test_edges_decide_overlap() -> None:
    a, b = Number.parse("1140"), Number.parse("1141")
    assert not number_interval(a).overlaps(number_interval(b))
    assert number_interval(a, Rounding.EITHER).overlaps(number_interval(b, Rounding.EITHER))


def test_table_step_widens() -> None:
    assert number_interval(Number.parse("960"), step=D(10)) == Interval(D(955), D(965), False, True)
    values = [Number.parse(v) for v in ("1200", "1150", "1100")]
    assert table_step(values, 3) == D(10)
    assert table_step([Number.parse(v) for v in ("1140", "1095", "1050")], 3) is None
    assert table_step(values[:2], 3) is None


def test_coarse_and_loose_steps() -> None:
    assert coarse_step(Number.parse("15,000")) == D(1000)
    assert coarse_step(Number.parse("16.0")) is None
    assert loose_step(Number.parse("15,000")) == D(1000)
    assert loose_step(Number.parse("1000")) == D(100)
    assert loose_step(Number.parse("960")) == D(10)
    assert loose_step(Number.parse("40")) is None


def test_operations() -> None:
    a = Interval(D(1), D(2), False, True)
    b = Interval(D(3), D(4))
    assert difference(b, a) == Interval(D(1), D(3), True, False)
    assert total([a, b]) == Interval(D(4), D(6), False, True)
    assert quotient(a, Interval(D(-1), D(1))) is None
    change = percent_change(Interval(D(100), D(100)), Interval(D(84), D(84)))
    assert change == Interval(D(-16), D(-16))
    assert percent_change(Interval(D(0), D(1)), b) is None


def test_hedges() -> None:
    assert hedge_before("a growth of almost 15,000 people", "15,000") == "below"
    assert hedge_before("more than 98,000 people", "98,000") == "above"
    assert hedge_before("approximately 16% of incidents", "16%") == "about"
    assert hedge_before("a fall of 16% on last year", "16%") is None


def test_settings_resolve() -> None:
    assert CheckSettings.resolve(None) == CheckSettings()
    assert CheckSettings.resolve({"rounding": "truncate"}).rounding is Rounding.TRUNCATE
    assert CheckSettings.resolve({"rounding": "either-on-ties"}).rounding is Rounding.EITHER
    custom = CheckSettings(lenient=False)
    assert CheckSettings.resolve(custom) is custom
    with pytest.raises(SettingsError):
        CheckSettings.resolve({"rounding": "up"})
    with pytest.raises(SettingsError):
        CheckSettings.resolve({"colour": "red"})
    with pytest.raises(SettingsError):
        CheckSettings.resolve({"min_table_values": 1})
    with pytest.raises(SettingsError):
        CheckSettings.resolve(["nearest"])  # type: ignore[arg-type]


def _printed(value: Decimal, places: int, suffix: str = "") -> Number:
    rounded = value.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return Number(rounded, f"{rounded}{suffix}")


@settings(max_examples=200, deadline=None)
@given(
    base=st.integers(min_value=1, max_value=200_000),
    ratio=st.decimals(min_value=D("0.01"), max_value=D("3"), places=3),
    places=st.integers(min_value=0, max_value=2),
)
def test_correctly_rounded_changes_always_hold(base: int, ratio: Decimal, places: int) -> None:
    """No false alarm: a percentage computed from the printed figures and rounded to
    nearest as printed is never flagged, whatever the figures."""
    new = (D(base) * ratio).quantize(D(1), rounding=ROUND_HALF_UP)
    if new == base:
        return
    exact = abs(new - base) / D(base) * 100
    case = ChangeCase(
        base=Number(D(base), str(base)),
        new=Number(new, str(new)),
        change=_printed(exact, places, "%"),
        reader=Reader(CheckSettings()),
    )
    assert case.verdict() is Verdict.HOLDS


@settings(max_examples=200, deadline=None)
@given(
    base=st.integers(min_value=20, max_value=50_000),
    percent=st.integers(min_value=1, max_value=60),
)
def test_targets_rounded_from_the_percentage_always_hold(base: int, percent: int) -> None:
    """No false alarm the other way: a target figure computed from the baseline and the
    percentage and rounded to a whole number always reconciles."""
    new = (D(base) * (100 - percent) / 100).quantize(D(1), rounding=ROUND_HALF_UP)
    case = ChangeCase(
        base=Number(D(base), str(base)),
        new=Number(new, str(new)),
        change=Number(D(percent), f"{percent}%"),
        reader=Reader(CheckSettings()),
    )
    assert case.verdict() is Verdict.HOLDS


@settings(max_examples=100, deadline=None)
@given(
    weights=st.lists(st.integers(min_value=1, max_value=10_000), min_size=2, max_size=8),
    places=st.integers(min_value=0, max_value=1),
)
def test_correctly_rounded_shares_always_sum(weights: list[int], places: int) -> None:
    """No false alarm on shares: parts of a whole, each rounded to nearest as printed, never
    fail the share-sum rule, however many there are."""
    from cspplan import check
    from cspplan.model import ClaimKind
    from test_validate_support import claim, figure, plan

    whole = sum(weights)
    parts = [figure("part", _printed(D(w) / D(whole) * 100, places, "%").text) for w in weights]
    built = plan(claims=(claim(ClaimKind.SHARE, "shares", figure("total", str(whole)), *parts),))
    # At the very edge of rounding (every share exactly half a point off) the rule may say
    # so as information; it never raises an alarm.
    assert [f for f in check(built, select="A130") if f.severity.value != "info"] == []
