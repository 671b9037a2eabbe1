"""The plan's identity from its opening blocks."""

from __future__ import annotations

import datetime as dt

import pytest

from cspplan.model import PlanKind
from cspplan.parsers.text import text_to_blocks
from cspplan.recognise.front import read_front_matter, split_partnership
from cspplan.recognise.periods import find_period, parse_period, year_of


def front(text: str):
    return read_front_matter(list(text_to_blocks(text)))


def test_partnership_line_then_title_line() -> None:
    fm = front(
        "Greyhaven Safer Streets Partnership\n\nYear 2 Delivery Plan 2009 – 2010\n\nIntro paragraph.\n"
    )
    assert fm.partnership == "Greyhaven Safer Streets Partnership"
    assert fm.title == "Year 2 Delivery Plan 2009 – 2010"
    assert fm.kind is PlanKind.DELIVERY_PLAN
    assert fm.area == "Greyhaven"
    assert fm.period is not None and fm.period.start == dt.date(2009, 4, 1)


def test_partnership_and_title_on_one_line() -> None:
    fm = front("Marston Crime and Disorder Reduction Partnership Burglary Action Plan 2004/5\n")
    assert fm.partnership == "Marston Crime and Disorder Reduction Partnership"
    assert fm.title == "Burglary Action Plan 2004/5"
    assert fm.period is not None and fm.period.end == dt.date(2005, 3, 31)


def test_title_continued_by_a_bare_period_line() -> None:
    fm = front("Safer Kelby Partnership\n\nCommunity Safety Partnership Plan\n\n2019-2022\n")
    assert fm.title == "Community Safety Partnership Plan 2019-2022"
    assert fm.kind is PlanKind.PARTNERSHIP_PLAN
    assert fm.area == "Kelby"


def test_agreement_without_partnership_gives_area_from_title() -> None:
    fm = front("**LOWSHIRE  \nCOMMUNITY SAFETY AGREEMENT  \n2010 / 2013**\n")
    assert fm.partnership is None
    assert fm.kind is PlanKind.AGREEMENT
    assert fm.area == "Lowshire"
    assert fm.period is not None and fm.period.text == "2010 / 2013"


def test_vision_is_read_from_under_its_heading() -> None:
    fm = front('Plan 2010\n\nVISION\n\n"Everyone in Tarnby safe at home."\n\nMore text here.\n')
    assert fm.vision == "Everyone in Tarnby safe at home."


def test_body_followed_by_plain_word_is_not_split() -> None:
    assert split_partnership("Community Safety Partnership Plan") == (
        None,
        "Community Safety Partnership Plan",
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2005/06", dt.date(2005, 4, 1), dt.date(2006, 3, 31)),
        ("2003/4", dt.date(2003, 4, 1), dt.date(2004, 3, 31)),
        ("2008 / 2011", dt.date(2008, 4, 1), dt.date(2011, 3, 31)),
        ("2010", dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
    ],
)
def test_periods(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert period is not None and (period.start, period.end) == (start, end)


def test_find_period_prefers_a_range_and_ignores_impossible_ones() -> None:
    assert find_period("In 2004 the 2005-2008 strategy began").text == "2005-2008"
    assert parse_period("2010/2009") is None
    assert year_of(1999, "00") == 2000
