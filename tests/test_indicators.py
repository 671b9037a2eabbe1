"""Indicator codes and titles; ordinary words never become codes."""

from __future__ import annotations

import pytest

from cspplan.model import SourceRef
from cspplan.recognise.indicators import find_indicators, indicator_code

SOURCE = SourceRef(line=3)


def codes(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.code, i.scheme, i.title) for i in find_indicators(text, SOURCE)]


def test_code_leading_a_line_gets_the_rest_as_title() -> None:
    assert codes("NI 21 Dealing with local concerns about anti-social behaviour") == [
        ("NI 21", "NI", "Dealing with local concerns about anti-social behaviour")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "NI15 Serious violent crime rate",
        "NI 15 - Serious violent crime rate",
        "• NI 15: Serious violent crime rate",
    ],
)
def test_spellings_of_a_code(text: str) -> None:
    assert codes(text) == [("NI 15", "NI", "Serious violent crime rate")]


def test_bare_mention_has_no_title() -> None:
    assert codes("progress will be reported against NI45 which covers young offenders") == [
        ("NI 45", "NI", None)
    ]


def test_bvpi_suffixes_and_siblings() -> None:
    assert codes("arson is measured by BVPI 142ii and 142iii (see appendix)") == [
        ("BVPI 142ii", "BVPI", None),
        ("BVPI 142iii", "BVPI", None),
    ]
    assert codes("BV126 Domestic burglaries per 1,000 households") == [
        ("BVPI 126", "BVPI", "Domestic burglaries per 1,000 households")
    ]


def test_psa_and_several_codes_in_one_cell() -> None:
    assert codes("PSA 25 Drug harm") == [("PSA 25", "PSA", "Drug harm")]
    assert codes("NI40 Drug treatment NI38 Drug offending") == [
        ("NI 40", "NI", "Drug treatment"),
        ("NI 38", "NI", "Drug offending"),
    ]


def test_local_indicators() -> None:
    assert codes("(Local) Percentage of licensed premises visited") == [
        (None, "local", "Percentage of licensed premises visited")
    ]
    assert codes("Local – Repeat missing person reports") == [
        (None, "local", "Repeat missing person reports")
    ]


def test_html_paragraphs_are_lines() -> None:
    assert [
        c[0] for c in codes("<p>NI 30 Prolific offenders</p><p>NI 19 Youth re-offending</p>")
    ] == [
        "NI 30",
        "NI 19",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nine night-time NIGHT 4 events",
        "ni 16 in lower case is not a code",
        "UNI 5 and MINI 3 are not codes",
        "Local people told us about 20 problems",
        "We held 12 PSAs",
        "",
    ],
)
def test_no_false_codes(text: str) -> None:
    assert codes(text) == []


def test_indicator_code_normalises() -> None:
    assert indicator_code("BV", "007", "II") == "BVPI 7ii"
    assert indicator_code("N.I.", "16") == "NI 16"


def test_national_indicator_spelt_out() -> None:
    assert codes("National Indicator 17 Perceptions of anti-social behaviour") == [
        ("NI 17", "NI", "Perceptions of anti-social behaviour")
    ]
    assert codes("the National Indicator Set now has 188 measures") == []
