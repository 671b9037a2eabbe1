"""Claims end to end: the mechanism fixtures (tests/fixtures/mechanisms/claims_*,
audit_points_base_share, audit_budget_total) read from text, Word and PDF renderings, each
with its twin whose figures hold and which must give nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.document import ListItem
from cspplan.model import Claim, ClaimKind, Plan
from cspplan.model.source import SourceRef
from cspplan.recognise.claims import find_claims
from fixtures.render_plan import to_docx, to_pdf

MECHANISMS = Path(__file__).resolve().parent / "fixtures" / "mechanisms"
CLAIM_RULES = {"A102", "A120", "A121", "A122", "A130", "A131", "A132", "A140"}
"""The rules fed by claims: a twin must give none of them at any severity above info."""

EXPECTED: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "claims_one_sentence": [
        ("A120", "error", ("15%", "2,640", "2,310", "12.5%")),
        ("A120", "error", ("130", "1,950", "1,833", "117")),
    ],
    "claims_shares": [("A130", "error", ("103%",)), ("A130", "error", ("105%",))],
    "claims_count_sublists": [("A140", "error", ("four", "lists 3"))],
    "audit_points_base_share": [
        ("A102", "warning", ("25 percentage points", "40%", "30%")),
        ("A122", "error", ("250", "200", "20%")),
        ("A131", "error", ("140", "480", "29.2%")),
    ],
    "audit_budget_total": [("A132", "error", ("£86,000", "£84,000"))],
    "claims_differences": [
        ("A120", "error", ("140 fewer", "2,345", "2,215", "130")),
        ("A120", "error", ("36 more", "291", "318", "27")),
        ("A120", "error", ("52", "1,604", "1,562", "42")),
        ("A120", "error", ("31", "188", "147", "41")),
        ("A120", "error", ("7%", "1,250", "1,290", "3.2%")),
        ("A120", "warning", ("9%", "420", "389", "7.4%")),
        ("A121", "error", ("a fall", "186", "212")),
        ("A120", "error", ("15%", "740", "655", "11.5%")),
        ("A120", "error", ("20%", "84", "96", "14.3%")),
        ("A120", "error", ("18%", "190", "213", "12.1%")),
        ("A120", "error", ("390 fewer", "9,800", "9,310", "490")),
        ("A120", "error", ("16%", "300 (330 less 30)", "330", "10%")),
    ],
    "claims_compact_changes": [
        ("A120", "error", ("8%", "9,310", "8,730", "6.2%")),
        ("A120", "error", ("12%", "1,046", "1,126", "7.6%")),
        ("A120", "error", ("11%", "1,340", "1,215", "9.3%")),
        ("A131", "error", ("61%", "301", "540", "55.7%")),
    ],
    "claims_complementary_shares": [
        ("A130", "error", ("104%", "71%", "33%")),
        ("A130", "error", ("105%", "81%", "24%")),
    ],
    "audit_share_rows": [
        ("A131", "error", ("33%", "305", "820", "37.2%")),
        ("A131", "error", ("33%", "305", "820", "37.2%")),
    ],
    "audit_rate_per_head": [
        ("A131", "error", ("60.2 per 1,000", "2,104", "38,150", "55.2")),
        ("A131", "error", ("8.7 per 1,000", "52", "4,880", "10.7")),
    ],
    "claims_counted_parts": [
        ("A130", "error", ("1,412", "1,425", "1,236 + 118 + 71")),
        ("A130", "error", ("640", "670", "255 + 190 + 130 + 95")),
    ],
    "audit_count_total": [("A132", "error", ("1,746", "1,796")), ("A132", "error", ("342", "332"))],
}
TWINS = [
    "claims_one_sentence_ok",
    "claims_shares_ok",
    "claims_count_sublists_ok",
    "audit_points_base_share_ok",
    "audit_budget_total_ok",
    "claims_survey_ratings",
    "claims_differences_ok",
    "audit_count_total_ok",
    "claims_compact_changes_ok",
    "audit_share_rows_ok",
    "claims_complementary_shares_ok",
    "audit_rate_per_head_ok",
    "claims_counted_parts_ok",
]
FORMATS = ["txt", "docx", "pdf"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("renderings")
    paths: dict[tuple[str, str], Path] = {}
    for stem in [*EXPECTED, *TWINS]:
        source = MECHANISMS / f"{stem}.txt"
        text = source.read_text(encoding="utf-8")
        paths[stem, "txt"] = source
        paths[stem, "docx"] = to_docx(text, folder / f"{stem}.docx")
        paths[stem, "pdf"] = to_pdf(text, folder / f"{stem}.pdf")
    return paths


def _claim_findings(path: Path) -> list[cspplan.Finding]:
    return [f for f in cspplan.check(cspplan.load(path)) if f.code in CLAIM_RULES]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_fixture_gives_its_findings(
    rendered: dict[tuple[str, str], Path], stem: str, fmt: str
) -> None:
    found = _claim_findings(rendered[stem, fmt])
    expected = EXPECTED[stem]
    assert len(found) == len(expected), [str(f) for f in found]
    for code, severity, words in expected:
        hits = [
            f
            for f in found
            if f.code == code
            and f.severity.value == severity
            and all(w in f.message for w in words)
        ]
        assert hits, (code, words, [str(f) for f in found])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", TWINS)
def test_twin_gives_nothing(rendered: dict[tuple[str, str], Path], stem: str, fmt: str) -> None:
    found = [f for f in _claim_findings(rendered[stem, fmt]) if f.severity.value != "info"]
    assert found == [], [str(f) for f in found]


# --- what the reader makes of the fixtures -----------------------------------------------


def _plan(stem: str) -> Plan:
    return cspplan.load(MECHANISMS / f"{stem}.txt")


def _figures(claim: Claim) -> list[tuple[str, str]]:
    return [(f.role, f.value.text) for f in claim.figures]


def test_one_sentence_one_claim_with_all_its_figures() -> None:
    claims = [c for c in _plan("claims_one_sentence").claims if c.kind is ClaimKind.CHANGE]
    assert [_figures(c) for c in claims] == [
        [("from", "2,640"), ("to", "2,310"), ("change", "15%"), ("change", "330")],
        [("from", "1,950"), ("to", "1,833"), ("change", "6%"), ("change", "130")],
        [("from", "880"), ("to", "946"), ("change", "7.5%"), ("change", "66")],
    ]
    # "330 fewer" is a difference in the figures' own unit, never the end figure.
    difference = claims[0].figures[-1]
    assert (difference.unit, difference.label) == ("count", "fewer")


def test_shares_after_a_lead_in_and_in_a_table_column() -> None:
    shares = [c for c in _plan("claims_shares").claims if c.kind is ClaimKind.SHARE]
    lists = [[f.value.text for f in c.figures if f.role == "part"] for c in shares]
    assert ["41%", "33%", "17%", "12%"] in lists
    assert ["24%", "31%", "22%", "15%", "13%"] in lists
    labels = next(c for c in shares if c.figures[0].value.text == "41%").figures
    assert [f.label for f in labels] == [
        "street pastor scheme",
        "analyst post",
        "publicity",
        "small grants to residents' groups",
    ]
    wholes = {
        (c.figure("total").value.text, tuple(_figures(c)[1:])) for c in shares if c.figure("total")
    }  # type: ignore[union-attr]
    assert ("620", (("part", "31%"), ("part", "192"))) in wholes
    assert ("156", (("part", "62%"), ("part", "97"))) in wholes


def test_survey_ratings_are_not_shares() -> None:
    assert not [c for c in _plan("claims_survey_ratings").claims if c.kind is ClaimKind.SHARE]


def test_money_total_with_its_line_items() -> None:
    sums = [c for c in _plan("audit_budget_total").claims if c.kind is ClaimKind.SUM]
    assert _figures(sums[0]) == [
        ("total", "£84,000"),
        ("part", "£36,000"),
        ("part", "£30,000"),
        ("part", "£20,000"),
    ]


def test_count_takes_the_top_level_of_a_nested_list() -> None:
    counts = [c for c in _plan("claims_count_sublists").claims if c.kind is ClaimKind.COUNT]
    assert len(counts) == 1
    assert counts[0].items == (
        "Safer town centres",
        "Protecting people at risk",
        "Safer roads",
    )


# --- small cases in our own words ----------------------------------------------------------


def _read(text: str) -> list[list[tuple[str, str]]]:
    return [_figures(c) for c in find_claims(text, SourceRef())]


def test_a_second_subject_is_its_own_claim() -> None:
    assert _read("Arson fell from 500 to 450, and robbery fell by 5%.") == [
        [("from", "500"), ("to", "450")],
        [("change", "5%")],
    ]


def test_a_difference_of_something_else_is_not_taken() -> None:
    assert _read("Thefts fell from 500 to 450 and there were 30 more arrests.") == [
        [("from", "500"), ("to", "450")]
    ]


def test_percent_before_its_figures() -> None:
    assert _read("Thefts fell by 4%, from 2,400 to 2,304.") == [
        [("from", "2,400"), ("to", "2,304"), ("change", "4%")]
    ]


def test_a_partial_breakdown_is_no_sum() -> None:
    assert _read("We had £50,000, including £20,000 for locks and £10,000 for leaflets.") == []


def test_a_money_part_of_a_whole() -> None:
    (claim,) = find_claims(
        "We spent £500,000 (45%) of the £1,100,000 fund on patrols.", SourceRef()
    )
    assert claim.kind is ClaimKind.SHARE
    assert _figures(claim) == [("total", "£1,100,000"), ("part", "45%"), ("part", "£500,000")]


def test_lead_in_labels_may_hold_and_or_come_before_the_verb() -> None:
    text = "We will spend the grant as follows: patrols 50%, signs and lighting 30% and events 20%."
    assert _read(text) == [[("part", "50%"), ("part", "30%"), ("part", "20%")]]
    text = "Of the 900 calls, noise from parties made up 60%, dogs 30% and other noise 10%."
    (claim,) = find_claims(text, SourceRef())
    assert [f.label for f in claim.figures] == [
        "calls",
        "noise from parties",
        "dogs",
        "other noise",
    ]


def test_a_change_over_the_year_then_its_figures() -> None:
    assert _read("Arson fell by 5% during the year, from 400 to 380, which is 20 fewer fires.") == [
        [("from", "400"), ("to", "380"), ("change", "5%"), ("change", "20")]
    ]


def test_a_part_of_the_one_figure_before() -> None:
    (claim,) = find_claims("We saw 400 cases and 60 of them (15%) were repeats.", SourceRef())
    assert _figures(claim) == [("total", "400"), ("part", "15%"), ("part", "60")]
    # Two figures before: which is the whole cannot be told.
    assert _read("We saw 400 cases in 12 wards and 60 of them (15%) were repeats.") == []


def test_ratings_by_respondents_are_not_a_lead_in_list() -> None:
    text = "Residents rated: noise by 71%, litter by 64% and parking by 52%."
    assert not [c for c in find_claims(text, SourceRef()) if c.kind is ClaimKind.SHARE]


def test_list_item_depth() -> None:
    assert ListItem(text="a", marker="1.").depth == 0
    assert ListItem(text="a", marker="1.1").depth == 1
    assert ListItem(text="a", marker="2.3.1").depth == 2
    assert ListItem(text="a", marker="•", level=1).depth == 1
    assert ListItem(text="a", marker="a)").depth == 0


def test_nested_items_passed_with_depths() -> None:
    text = "This plan has two priorities:"
    items = ["Safer streets", "Cut violence", "Protect people", "Stop abuse"]
    (claim,) = find_claims(text, SourceRef(), items, [0, 1, 0, 1])
    assert claim.items == ("Safer streets", "Protect people")
    (flat,) = find_claims(text, SourceRef(), items)
    assert len(flat.items) == 4
    assert flat.figure("count").value.value == Decimal(2)  # type: ignore[union-attr]
