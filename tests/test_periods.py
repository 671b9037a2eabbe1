"""Years, financial years and year ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from cspplan.recognise.periods import financial_year, find_period, parse_period, year_of


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2009/10", dt.date(2009, 4, 1), dt.date(2010, 3, 31)),
        ("2004/5", dt.date(2004, 4, 1), dt.date(2005, 3, 31)),
        ("2006 – 2009", dt.date(2006, 4, 1), dt.date(2009, 3, 31)),
        ("2010 / 2013", dt.date(2010, 4, 1), dt.date(2013, 3, 31)),
        ("1999/00", dt.date(1999, 4, 1), dt.date(2000, 3, 31)),
        ("(2012)", dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
    ],
)
def test_parse_period(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["2009/08", "2001-2040", "12 May", "three years", ""])
def test_not_periods(text: str) -> None:
    assert parse_period(text) is None


def test_find_period_prefers_a_range() -> None:
    found = find_period("Published 2011, covering 2011-2014")
    assert found is not None and found.text == "2011-2014"
    plain = find_period("Refreshed in 2009")
    assert plain is not None and plain.text == "2009"
    assert find_period("no years here") is None


def test_year_of_and_financial_year() -> None:
    assert year_of(2008, "9") == 2009
    assert year_of(2009, "10") == 2010
    assert year_of(1998, "02") == 2002
    assert financial_year(2011) == (dt.date(2011, 4, 1), dt.date(2012, 3, 31))


def test_to_joins_only_full_years() -> None:
    assert parse_period("2004 to 2006") is not None
    found = find_period("rose from 12 in 2007 to 19 in 2008")
    assert found is not None and found.text == "2007"
