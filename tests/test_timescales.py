"""Timescales as plans write them, read into dates and windows."""

from __future__ import annotations

import datetime as dt

import pytest

from cspplan.model.values import TimescaleKind
from cspplan.recognise.timescales import find_dates, parse_timescale, split_timescales

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "precision"),
    [
        ("October 2006", TimescaleKind.DATE, D(2006, 10, 1), D(2006, 10, 31), "month"),
        ("Sept 09", TimescaleKind.DATE, D(2009, 9, 1), D(2009, 9, 30), "month"),
        ("Oct. 2004", TimescaleKind.DATE, D(2004, 10, 1), D(2004, 10, 31), "month"),
        ("End of June 04", TimescaleKind.DATE, D(2004, 6, 1), D(2004, 6, 30), "month"),
        ("15/02/2008", TimescaleKind.DATE, D(2008, 2, 15), D(2008, 2, 15), "day"),
        ("05.11.06", TimescaleKind.DATE, D(2006, 11, 5), D(2006, 11, 5), "day"),
        ("Feb-09", TimescaleKind.DATE, D(2009, 2, 1), D(2009, 2, 28), "month"),
        ("Spring 2006", TimescaleKind.RANGE, D(2006, 3, 1), D(2006, 5, 31), "season"),
        ("Winter 2007", TimescaleKind.RANGE, D(2007, 12, 1), D(2008, 2, 29), "season"),
        ("2006 - 2007", TimescaleKind.RANGE, D(2006, 4, 1), D(2007, 3, 31), "financial_year"),
        ("2009/10", TimescaleKind.RANGE, D(2009, 4, 1), D(2010, 3, 31), "financial_year"),
        ("Q1 2009/10", TimescaleKind.RANGE, D(2009, 4, 1), D(2009, 6, 30), "quarter"),
        ("Q4 2009/10", TimescaleKind.RANGE, D(2010, 1, 1), D(2010, 3, 31), "quarter"),
        ("Quarter 2 2006", TimescaleKind.RANGE, D(2006, 4, 1), D(2006, 6, 30), "quarter"),
        ("By December 2009", TimescaleKind.DATE, D(2009, 12, 1), D(2009, 12, 31), "month"),
        ("31st January 2007", TimescaleKind.DATE, D(2007, 1, 31), D(2007, 1, 31), "day"),
        ("Feb-April 2005", TimescaleKind.RANGE, D(2005, 2, 1), D(2005, 4, 30), "month"),
        ("Nov - Jan 2006", TimescaleKind.RANGE, D(2005, 11, 1), D(2006, 1, 31), "month"),
        ("June 2006 to May 2007", TimescaleKind.RANGE, D(2006, 6, 1), D(2007, 5, 31), "month"),
        ("2010", TimescaleKind.RANGE, D(2010, 1, 1), D(2010, 12, 31), "year"),
        ("Late 2008", TimescaleKind.RANGE, D(2008, 9, 1), D(2008, 12, 31), "part_year"),
        ("end of 2008/09", TimescaleKind.DATE, D(2009, 3, 1), D(2009, 3, 31), "month"),
        ("To be completed by 14/09/05", TimescaleKind.DATE, D(2005, 9, 14), D(2005, 9, 14), "day"),
    ],
)
def test_dates_and_ranges(
    text: str, kind: TimescaleKind, start: dt.date, end: dt.date, precision: str
) -> None:
    timescale = parse_timescale(text)
    assert (timescale.kind, timescale.start, timescale.end, timescale.precision) == (
        kind,
        start,
        end,
        precision,
    )
    assert timescale.text == text
    assert timescale.due == end


@pytest.mark.parametrize(
    "text", ["Ongoing", "On going", "on-going", "Current and ongoing", "Continuous", "Quarterly"]
)
def test_ongoing(text: str) -> None:
    timescale = parse_timescale(text)
    assert timescale.kind is TimescaleKind.ONGOING
    assert timescale.end is None


def test_ongoing_from_a_start() -> None:
    for text in ("September 2004 onwards", "From January 2005"):
        timescale = parse_timescale(text)
        assert timescale.kind is TimescaleKind.ONGOING
        assert timescale.start is not None and timescale.start.year in (2004, 2005)
        assert timescale.end is None


@pytest.mark.parametrize("text", ["TBC", "tbd", "To be determined", "To be agreed", "?", "(?)"])
def test_to_be_decided(text: str) -> None:
    assert parse_timescale(text).kind is TimescaleKind.TO_BE_DECIDED


@pytest.mark.parametrize(
    "text", ["", "Awaiting review outcome", "Year 2", "May need more staff", "12/05", "Immediate"]
)
def test_unparsed_keeps_text(text: str) -> None:
    timescale = parse_timescale(text)
    assert timescale.kind is TimescaleKind.UNPARSED
    assert timescale.text == text
    assert timescale.start is None and timescale.end is None


def test_several_labelled_dates_make_one_range() -> None:
    timescale = parse_timescale("Policy- Spring 2004 Guidance- Autumn 2004")
    assert timescale.kind is TimescaleKind.RANGE
    assert (timescale.start, timescale.end) == (D(2004, 3, 1), D(2004, 11, 30))


def test_split_several_dates_in_order() -> None:
    assert split_timescales("June 2006 February 2007") == ["June 2006", "February 2007"]
    assert split_timescales("Jan 2005 Jan 2005 Sept 2004 Dec 2004") == [
        "Jan 2005",
        "Jan 2005",
        "Sept 2004",
        "Dec 2004",
    ]
    assert split_timescales("Policy- Spring 2004 Guidance- Autumn 2004") == [
        "Policy- Spring 2004",
        "Guidance- Autumn 2004",
    ]


def test_split_keeps_a_span_and_a_single_cell_whole() -> None:
    assert split_timescales("May 2006 - April 2007") == ["May 2006 - April 2007"]
    assert split_timescales("Ongoing") == ["Ongoing"]
    assert split_timescales("   ") == []
    assert split_timescales("June 2006 and Ongoing") == ["June 2006", "Ongoing"]


def test_find_dates_ignores_words_that_look_like_months() -> None:
    assert find_dates("We may decide to march on") == []
    assert find_dates("aged 16-18") == []


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("w/c 9th June 2008", TimescaleKind.DATE, D(2008, 6, 9), D(2008, 6, 9)),
        ("Jun 2007 – ongoing", TimescaleKind.ONGOING, D(2007, 6, 1), None),
        ("From May 2007 until April 2008", TimescaleKind.RANGE, D(2007, 5, 1), D(2008, 4, 30)),
        ("Aug/Sept 2006", TimescaleKind.RANGE, D(2006, 8, 1), D(2006, 9, 30)),
        ("October and November 2009", TimescaleKind.RANGE, D(2009, 10, 1), D(2009, 11, 30)),
        ("2008/09 - 2010/11", TimescaleKind.RANGE, D(2008, 4, 1), D(2011, 3, 31)),
        ("Every 4 weeks", TimescaleKind.ONGOING, None, None),
    ],
)
def test_more_wordings(
    text: str, kind: TimescaleKind, start: dt.date | None, end: dt.date | None
) -> None:
    timescale = parse_timescale(text)
    assert (timescale.kind, timescale.start, timescale.end) == (kind, start, end)


def test_spans_are_marked_joined() -> None:
    (span,) = find_dates("Jan 2005 - Mar 2005")
    assert span.joined and (span.begin, span.stop) == (0, 19)
    assert not find_dates("Jan 2005")[0].joined


def test_golden_timescales(golden) -> None:  # type: ignore[no-untyped-def]
    from cspplan.serialise.converter import make_converter

    cells = [
        "November 2006",
        "End of Jan 05",
        "14/03/2008",
        "Autumn 2006",
        "Q2 2008/09",
        "2007-08",
        "By June 2009",
        "On-going",
        "October 2005 onwards",
        "TBA",
        "?",
        "Subject to funding",
        "Scoping- Spring 2007 Launch- Autumn 2007",
    ]
    converter = make_converter()
    golden(
        "targets/timescales",
        [
            {
                "cell": cell,
                "pieces": split_timescales(cell),
                "timescale": converter.unstructure(parse_timescale(cell)),
            }
            for cell in cells
        ],
    )
