"""Audit recall on wordings and layouts other councils use: differences in the figures' own
unit ("95 fewer than the 1,265"), changes whose figures follow a span, a bracket or a colon,
signed table changes, and Total rows of count columns. The fixture pairs
(claims_differences, audit_count_total, each with an _ok twin) are checked end to end in
Word and PDF by tests/test_claims_mechanisms.py; these are the reader's unit cases."""

from __future__ import annotations

from pathlib import Path

import cspplan
from cspplan.document import Cell, Row, Table
from cspplan.model import Claim, ClaimKind
from cspplan.model.source import SourceRef
from cspplan.recognise.claims import find_claims, table_claims

MECHANISMS = Path(__file__).resolve().parent / "fixtures" / "mechanisms"
# --- what the reader makes of small sentences in our own words -----------------------------


def _figures(claim: Claim) -> list[tuple[str, str]]:
    return [(f.role, f.value.text) for f in claim.figures]


def _read(text: str) -> list[list[tuple[str, str]]]:
    return [_figures(c) for c in find_claims(text, SourceRef())]


def test_fewer_than_a_named_figure() -> None:
    (claim,) = find_claims("We recorded 410 thefts, 25 fewer than the 435 in 2020.", SourceRef())
    assert _figures(claim) == [("from", "435"), ("to", "410"), ("change", "25")]
    assert claim.figures[-1].label == "fewer"
    assert claim.figures[0].period is not None and claim.figures[0].period.text == "2020"


def test_more_than_last_years_figure() -> None:
    assert _read("Arrests rose to 96, 12 more than last year's 84.") == [
        [("from", "84"), ("to", "96"), ("change", "12")]
    ]


def test_a_difference_with_nothing_to_count_from_is_no_claim() -> None:
    assert _read("We trained 64 door staff, 14 more than planned.") == []
    assert _read("There were 30 more patrols than in the summer.") == []


def test_a_hedged_difference_is_no_claim() -> None:
    assert _read("We recorded 410 thefts, around 25 fewer than the 435 in 2020.") == []


def test_a_difference_in_points_is_not_a_count() -> None:
    assert _read("Satisfaction was 81%, 3 points higher than the 78% of 2020.") == []


def test_by_then_from_and_to() -> None:
    assert _read("Graffiti reports went up by 30, from 210 to 240.") == [
        [("from", "210"), ("to", "240"), ("change", "30")]
    ]


def test_a_difference_joins_the_move_it_restates() -> None:
    assert _read("Arson fell from 90 to 72, a reduction of 18.") == [
        [("from", "90"), ("to", "72"), ("change", "18")]
    ]


def test_a_span_between_the_change_and_its_figures() -> None:
    assert _read("Burglary fell by 10% this year, from 500 to 450.") == [
        [("from", "500"), ("to", "450"), ("change", "10%")]
    ]


def test_the_old_figure_in_brackets() -> None:
    assert _read("Robbery rose by 5% to 105 offences (2019/20: 100).") == [
        [("from", "100"), ("to", "105"), ("change", "5%")]
    ]
    assert _read("There were 105 robberies (2019/20: 100), an increase of 5%.") == [
        [("from", "100"), ("to", "105"), ("change", "5%")]
    ]


def test_figures_after_a_colon() -> None:
    assert _read("Thefts fell by 20%: 80 compared with 100 last year.") == [
        [("from", "100"), ("to", "80"), ("change", "20%")]
    ]


def _table(rows: list[tuple[str, ...]]) -> Table:
    return Table(rows=tuple(Row(cells=tuple(Cell(lines=(t,)) for t in r)) for r in rows))


def test_a_count_column_total_is_a_sum() -> None:
    rows = [("Ward", "Offences"), ("North", "120"), ("South", "80"), ("Total", "200")]
    (claim,) = table_claims(_table(rows))
    assert claim.kind is ClaimKind.SUM
    assert _figures(claim) == [("total", "200"), ("part", "120"), ("part", "80")]


def test_a_named_total_row_of_counts_may_hold_more_than_its_rows() -> None:
    rows = [("Crime", "Offences"), ("Burglary", "120"), ("Robbery", "80"), ("Total crime", "900")]
    assert table_claims(_table(rows)) == []


def test_a_rate_column_total_is_not_a_sum() -> None:
    rows = [("Ward", "Rate per 1,000"), ("North", "12"), ("South", "8"), ("Total", "10")]
    assert table_claims(_table(rows)) == []


def test_a_signed_table_change_reads_with_its_size(tmp_path: Path) -> None:
    text = "# Plan\n\n## Table\n\nArea\t2020\t2021\t% change\nNorth\t500\t450\t-12.0%\nSouth\t400\t440\t10.0%\n"
    plan_path = tmp_path / "signed.txt"
    plan_path.write_text(text, encoding="utf-8")
    messages = [f.message for f in cspplan.check(cspplan.load(plan_path)) if f.code == "A120"]
    assert messages == ["claim states -12.0% (a fall of 12.0%) but from 500 to 450 is 10%"]


def test_a_sub_row_or_sub_total_stops_a_count_column_sum() -> None:
    rows = [("Crime", "Offences"), ("Violence", "500"), ("of which domestic", "200")]
    rows += [("Theft", "300"), ("Total", "800")]
    assert table_claims(_table(rows)) == []
    rows = [("Month", "Calls"), ("April", "10"), ("May", "20"), ("Sub-total", "30")]
    rows += [("June", "5"), ("July", "5"), ("Total", "40")]
    assert table_claims(_table(rows)) == []


def test_a_difference_from_another_year_is_not_the_moves() -> None:
    text = "Admissions numbered 212, 18 fewer than the 230 in 2020/21 and 41 fewer than in 2019/20."
    assert _read(text) == [[("from", "230"), ("to", "212"), ("change", "18")]]


def test_a_percent_fewer_than_a_named_figure() -> None:
    assert _read("There were 655 cases, 11% fewer than the 740 recorded in 2020/21.") == [
        [("from", "740"), ("to", "655"), ("change", "11%")]
    ]


def test_a_comparison_in_brackets_after_the_change() -> None:
    assert _read("Assaults are 14% higher than in 2020 (96 compared with 84).") == [
        [("from", "84"), ("to", "96"), ("change", "14%")]
    ]


def test_a_change_on_an_earlier_figure_in_brackets() -> None:
    (claim,) = find_claims("Recorded crime: 8,730 (-6% on last year's 9,310).", SourceRef())
    assert _figures(claim) == [("from", "9,310"), ("to", "8,730"), ("change", "6%")]
    assert claim.direction is not None and claim.direction.value == "reduce"
    (claim,) = find_claims("Thefts: 410 (+10 on 2020's 400).", SourceRef())
    assert _figures(claim) == [("from", "400"), ("to", "410"), ("change", "10")]


def test_a_difference_with_its_percentage_before_the_move() -> None:
    text = "Arson came down by 20 offences (10%) compared to last year, from 200 to 180."
    assert _read(text) == [[("from", "200"), ("to", "180"), ("change", "20"), ("change", "10%")]]


def test_a_whole_named_without_an_article() -> None:
    (claim,) = find_claims("Of 540 incidents, 301 (56%) were racist.", SourceRef())
    assert _figures(claim) == [("total", "540"), ("part", "56%"), ("part", "301")]
    assert find_claims("Of 2021 figures, 44 (12%) were reclassified.", SourceRef()) == []


def test_row_shares_need_a_total_row_of_100_percent() -> None:
    rows = [("Ward", "Burglaries", "% of burglaries"), ("A", "146", "18%"), ("B", "212", "26%")]
    rows += [("C", "305", "37%"), ("D", "157", "19%")]
    with_total = table_claims(_table([*rows, ("Total", "820", "100%")]))
    parts = [_figures(c) for c in with_total if c.figure("total") is not None]
    assert [("total", "820"), ("part", "37%"), ("part", "305")] in parts
    without = table_claims(_table([*rows, ("Total", "820", "")]))
    assert not [c for c in without if c.kind is ClaimKind.SHARE and c.figure("total")]


def test_complementary_parts_over_100_are_one_whole() -> None:
    assert _read("Of victims, 58% were female and 47% were male.") == [
        [("part", "58%"), ("part", "47%")]
    ]
    # Short of 100 the rest may be unrecorded; other labels are no whole at all.
    assert _read("Of victims, 58% were female and 37% were male.") == []
    assert _read("Of callers, 58% were women and 47% were aged under 25.") == []


def test_group_rows_merged_across_are_not_parts() -> None:
    def row(*texts: str) -> Row:
        return Row(cells=tuple(Cell(lines=(t,)) for t in texts))

    group = Row(cells=(Cell(lines=("Northern wards",), colspan=3),))
    rows = [row("Ward", "Calls", "% of calls"), group, row("A", "146", "18%")]
    rows += [row("B", "212", "26%"), group, row("C", "305", "37%"), row("D", "157", "19%")]
    rows += [row("Total", "820", "100%")]
    claims = table_claims(Table(rows=tuple(rows)))
    sums = [_figures(c) for c in claims if c.kind is ClaimKind.SUM]
    assert sums == [
        [("total", "820"), ("part", "146"), ("part", "212"), ("part", "305"), ("part", "157")]
    ]
    shares = [_figures(c) for c in claims if c.kind is ClaimKind.SHARE and c.figure("total")]
    assert [("total", "820"), ("part", "37%"), ("part", "305")] in shares


def test_a_rate_per_head_beside_its_count_and_population() -> None:
    rows = [
        ("Area", "Population", "Offences", "Rate per 1,000"),
        ("North", "20,000", "500", "25.0"),
    ]
    (claim,) = table_claims(_table(rows))
    assert _figures(claim) == [("total", "20,000"), ("part", "500"), ("part", "25.0")]
    assert claim.figures[-1].unit == "per_1000"


def test_no_rate_claim_without_one_count_column_or_in_thousands() -> None:
    two_counts = [("Area", "Population", "Offences 2021", "Offences 2022", "Rate per 1,000")]
    two_counts += [("North", "20,000", "450", "500", "25.0")]
    assert table_claims(_table(two_counts)) == []
    thousands = [("Area", "Population (000s)", "Offences", "Rate per 1,000")]
    thousands += [("North", "20", "500", "25.0")]
    assert table_claims(_table(thousands)) == []


def test_a_whole_broken_down_into_counts() -> None:
    text = "Of the 500 referrals, 120 came from police, 80 from schools and 60 from health."
    (claim,) = find_claims(text, SourceRef())
    assert claim.kind is ClaimKind.SHARE
    assert _figures(claim) == [("total", "500"), ("part", "120"), ("part", "80"), ("part", "60")]
    # Two counts are as often examples; periods are no labels; percentages are other claims.
    assert _read("Of the 500 referrals, 120 came from police and 80 from schools.") == []
    assert _read("Of the 1,200 calls, 300 in 2019, 400 in 2020 and 500 in 2021.") == []


def test_a_difference_with_its_percentage_after_the_move() -> None:
    assert _read("Thefts rose from 190 to 213, an increase of 23 thefts (12%).") == [
        [("from", "190"), ("to", "213"), ("change", "23"), ("change", "12%")]
    ]


def test_a_difference_from_last_year_in_brackets() -> None:
    assert _read("Crime stood at 9,310, which is 490 fewer than last year (9,800).") == [
        [("from", "9,800"), ("to", "9,310"), ("change", "490")]
    ]


def test_a_rate_per_household_beside_residents_is_not_read() -> None:
    rows = [("Area", "Population", "Burglaries", "Rate per 1,000 households")]
    rows += [("North", "20,000", "80", "9.1")]
    assert table_claims(_table(rows)) == []
    rows = [("Area", "Households", "Burglaries", "Rate per 1,000 households")]
    rows += [("North", "8,800", "80", "9.1")]
    assert len(table_claims(_table(rows))) == 1


def test_a_difference_to_a_figure_gives_the_start_where_a_percentage_is_stated() -> None:
    (claim,) = find_claims("Burglary fell by 1,200 to 8,800, a reduction of 12%.", SourceRef())
    assert _figures(claim) == [
        ("from", "10,000"),
        ("to", "8,800"),
        ("change", "1,200"),
        ("change", "12%"),
    ]
    assert claim.figures[0].label == "derived"
    # With no percentage there is nothing the subtraction could contradict.
    assert _read("Burglary fell by 1,200 to 8,800.") == []
