"""Narrative claims: changes, shares and counts, with every number in its role."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from cspplan.model import Claim, ClaimKind, Direction, SourceRef
from cspplan.recognise.claims import find_claims, footnotes
from cspplan.serialise.converter import make_converter

SOURCE = SourceRef(file="plan.txt", paragraph=4)


def roles(claim: Claim) -> list[tuple[str, str]]:
    return [(f.role, f.value.text) for f in claim.figures]


def claims(text: str, following: Sequence[str] = ()) -> list[Claim]:
    return find_claims(text, SOURCE, following)


def test_change_with_baseline_earlier_in_the_text() -> None:
    found = claims(
        "The target was to reduce theft by 20% from 2,300 (baseline 2004/05) to 1,840. "
        "The year ending March 2008 figure was 1,610, a reduction of 30%."
    )
    assert len(found) == 1
    claim = found[0]
    assert claim.kind is ClaimKind.CHANGE and claim.direction is Direction.REDUCE
    assert roles(claim) == [("from", "2,300"), ("to", "1,610"), ("change", "30%")]
    start = claim.figure("from")
    assert start is not None and start.period is not None and start.period.text == "2004/05"
    end = claim.figure("to")
    assert (
        end is not None and end.period is not None and end.period.text == "year ending March 2008"
    )
    assert claim.id == "" and claim.source == SOURCE
    assert claim.statement == "The year ending March 2008 figure was 1,610, a reduction of 30%."


def test_change_from_an_earlier_years_figure() -> None:
    (claim,) = claims(
        "In 2009, 318 people were hurt in house fires, this was a 6.2% reduction from the 2008 figure of 339."
    )
    assert roles(claim) == [("from", "339"), ("to", "318"), ("change", "6.2%")]
    assert claim.figures[0].period is not None and claim.figures[0].period.text == "2008"
    assert claim.figures[1].period is not None and claim.figures[1].period.text == "2009"


def test_up_from() -> None:
    (claim,) = claims("The town now has 4,200 registered charities, up from 3,900 in 2012.")
    assert claim.direction is Direction.INCREASE
    assert roles(claim) == [("from", "3,900"), ("to", "4,200")]


def test_down_from() -> None:
    (claim,) = claims("Reported thefts stood at 6,950, down from 7,410 in 2010.")
    assert claim.direction is Direction.REDUCE
    assert roles(claim) == [("from", "7,410"), ("to", "6,950")]


def test_lower_than_with_a_footnote_in_following() -> None:
    text = "Recorded crime is now 12% lower than four years ago². Other things happened."
    note = "² Quarterly Crime Report, March 2006 (18,400) compared to March 2010 (16,150)"
    (claim,) = claims(text, [note])
    assert claim.direction is Direction.REDUCE
    assert roles(claim) == [("from", "18,400"), ("to", "16,150"), ("change", "12%")]
    assert claim.figures[0].period is not None and claim.figures[0].period.text == "March 2006"


def test_footnotes_helper_picks_marked_texts() -> None:
    assert footnotes(["Plain text", "¹ Source: police", "[2] Survey", "<sup>3</sup> ONS"]) == [
        "¹ Source: police",
        "[2] Survey",
        "<sup>3</sup> ONS",
    ]


def test_increase_from_a_year_only() -> None:
    (claim,) = claims(
        "In 2010 the population was put at 181,300 – this is an increase of 6.4% from 2001."
    )
    assert roles(claim) == [("to", "181,300"), ("change", "6.4%")]
    assert claim.direction is Direction.INCREASE


def test_growth_with_hedged_count_and_exact_percent() -> None:
    (claim,) = claims(
        "By 2025 the population is expected to reach 64,800, a growth of almost 6,000 people or 10.2% from the 58,800 figure of 2010."
    )
    assert roles(claim) == [("from", "58,800"), ("to", "64,800"), ("change", "10.2%")]


def test_hedged_changes_are_not_taken() -> None:
    assert claims("Re-offending has dropped by around 15% since 2007/08.") == []
    assert claims("Arson fell by nearly 30% last year.") == []


def test_shares() -> None:
    (claim,) = claims(
        "Of the 1,200 licensed premises, 61% are pubs; 24% restaurants; 10% clubs; 5% off-licences."
    )
    assert claim.kind is ClaimKind.SHARE
    assert [(f.role, f.value.text, f.label) for f in claim.figures] == [
        ("total", "1,200", "licensed premises"),
        ("part", "61%", "pubs"),
        ("part", "24%", "restaurants"),
        ("part", "10%", "clubs"),
        ("part", "5%", "off-licences"),
    ]


def test_two_part_share_must_make_the_whole() -> None:
    (claim,) = claims("51.3% of the residents are female and 48.7% are male.")
    assert [f.label for f in claim.figures] == ["female", "male"]
    assert claims("41% of pupils are under 12, compared to 38% nationally.") == []


def test_share_that_misses_100_is_still_read() -> None:
    (claim,) = claims("Victims were 70% adults, 25% teenagers and 9% children.")
    assert sum(f.value.value for f in claim.figures) == 104


def test_count_with_listed_items() -> None:
    (claim,) = claims(
        "The three key priorities for the partnership are:",
        ["- reducing violence", "- tackling drug harm", "- protecting the vulnerable", ""],
    )
    assert claim.kind is ClaimKind.COUNT
    assert roles(claim) == [("count", "three")]
    assert claim.figures[0].value.value == 3
    assert claim.items == ("reducing violence", "tackling drug harm", "protecting the vulnerable")


def test_count_with_inline_items() -> None:
    (claim,) = claims(
        "The burglary action plan has 3 areas of work: 1. Prevention 2. Enforcement 3. Support"
    )
    assert claim.items == ("Prevention", "Enforcement", "Support")


def test_count_of_this_plans_priorities_without_a_list() -> None:
    (claim,) = claims("This strategy sets out five priorities for the coming year.")
    assert claim.items == ()
    assert claim.figures[0].value.value == 5


@pytest.mark.parametrize(
    "text",
    [
        "Respondents picked two of nine priorities from a card.",
        "The county has signed up to these 12 priorities.",
        "Officers met six groups and three panels.",
        "Over the next three years we will work hard.",
    ],
)
def test_counts_not_about_this_plan_are_not_taken(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "To reduce criminal damage by 11% from 900 to 801 by 2010/11.",
        "Asian residents make up 7.5% of the town.",
        "The number of older people is set to increase by 9.1% over the decade.",
        "16.2% of residents are over 65.",
        "Crime is low and falling.",
        "",
    ],
)
def test_no_claims(text: str) -> None:
    assert claims(text) == []


def test_golden_claims(golden) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The target was to cut burglary by 25% from 1,600 (baseline 2003/04) to 1,200. "
        "The year ending March 2008 figure was 1,150, a reduction of 28%. "
        "In 2009, 212 people were killed or seriously injured, this was a 9.4% reduction from the 2008 figure of 234. "
        "Of the 2,000 firms, 88% are micro; 9% small; 2% medium and 1% large. "
        "This plan sets out two priorities:"
    )
    found = find_claims(text, SourceRef(file="fixture.txt"), ["Safer streets", "Safer homes"])
    golden("targets/claims", make_converter().unstructure(found))


def test_change_with_from_and_to_after_the_verb() -> None:
    (claim,) = claims("Cycle theft fell by 9% from 1,100 to 1,001.")
    assert roles(claim) == [("from", "1,100"), ("to", "1,001"), ("change", "9%")]


def test_change_after_a_from_to_phrase() -> None:
    (claim,) = claims(
        "Arson has fallen from 640 in 2007/08 to 560 in 2008/09, a reduction of 12.5%."
    )
    assert roles(claim) == [("from", "640"), ("to", "560"), ("change", "12.5%")]
    assert [f.period.text if f.period else None for f in claim.figures[:2]] == [
        "2007/08",
        "2008/09",
    ]


def test_compared_with_puts_the_figures_the_right_way_round() -> None:
    (claim,) = claims("There were 880 thefts in 2009 compared with 1,000 in 2008, a fall of 12%.")
    assert roles(claim) == [("from", "1,000"), ("to", "880"), ("change", "12%")]


def test_bracketed_figures_after_a_change() -> None:
    (claim,) = claims("Disorder has reduced by 6.5% (from 4,000 to 3,740).")
    assert roles(claim) == [("from", "4,000"), ("to", "3,740"), ("change", "6.5%")]


def test_shares_with_labels_before_their_percentages() -> None:
    (claim,) = claims("Calls by type: noise 38%, nuisance youths 30%, litter 20% and other 12%.")
    assert [(f.label, f.value.text) for f in claim.figures] == [
        ("noise", "38%"),
        ("nuisance youths", "30%"),
        ("litter", "20%"),
        ("other", "12%"),
    ]
    assert claims("Burglary 12%, robbery 8% and vehicle crime 5%.") == []
    assert claims("Detection rates were 25%, 30% and 45% in the three years.") == []


def test_moves_told_with_from_and_to() -> None:
    (claim,) = claims("Nuisance calls dropped from 5,120 to 4,480 between 2009/10 and 2010/11.")
    assert claim.direction is Direction.REDUCE
    assert roles(claim) == [("from", "5,120"), ("to", "4,480")]


def test_percentages_that_moved() -> None:
    (claim,) = claims("In 2010, 71% of residents said they felt safe, up from 64% in 2008.")
    assert roles(claim) == [("from", "64%"), ("to", "71%")]
    assert [f.unit for f in claim.figures] == ["percent", "percent"]
    assert claims("The figure was 45, up from 12% last year.") == []


def test_count_with_run_in_items() -> None:
    (claim,) = claims(
        "This strategy has three themes: Safer Roads, Safer Homes and Strong Communities."
    )
    assert claim.items == ("Safer Roads", "Safer Homes", "Strong Communities")
    (claim,) = claims("The plan has three priorities: violence, drugs and alcohol, and nuisance.")
    assert claim.items == ("violence", "drugs and alcohol", "nuisance")


def test_changes_in_percentage_points() -> None:
    (claim,) = claims("Confidence in the council rose by 3 percentage points to 59%.")
    assert roles(claim) == [("to", "59%"), ("change", "3 percentage points")]
    assert [f.unit for f in claim.figures] == ["percent", "percentage_points"]
    (relative,) = claims("Truancy fell by 2% to 40%.")
    assert roles(relative) == [("change", "2%")]


def test_years_after_in_do_not_swallow_the_next_figure() -> None:
    (claim,) = claims("Fatal overdoses increased from 14 in 2006 to 21 in 2007.")
    assert roles(claim) == [("from", "14"), ("to", "21")]
    assert [f.period.text if f.period else None for f in claim.figures] == ["2006", "2007"]


def test_shares_told_with_related_to_and_their_total() -> None:
    (claim,) = claims(
        "Of the 860 noise complaints received in 2019/20, 45% related to parties, "
        "35% to dogs and 20% to building work."
    )
    assert claim.kind is ClaimKind.SHARE
    assert [(f.role, f.value.text, f.label) for f in claim.figures] == [
        ("total", "860", "noise complaints"),
        ("part", "45%", "parties"),
        ("part", "35%", "dogs"),
        ("part", "20%", "building work"),
    ]


def test_period_between_the_change_and_its_figures() -> None:
    (claim,) = claims("Vehicle crime rose by 10% in 2020/21, to 1,320 offences.")
    assert roles(claim)[0] == ("to", "1,320")
    (later,) = claims("Shoplifting has fallen by 20% since 2015, from 2,000 to 1,600.")
    assert roles(later) == [("from", "2,000"), ("to", "1,600"), ("change", "20%")]


@pytest.mark.parametrize("span", ["over three years", "over the last 3 years", "in two years"])
def test_a_span_of_years_between_the_change_and_its_figures(span: str) -> None:
    (claim,) = claims(f"Vandalism fell by 25% {span}, from 4,000 to 3,000.")
    assert roles(claim) == [("from", "4,000"), ("to", "3,000"), ("change", "25%")]


def test_an_aim_in_percentage_points_is_not_a_claim() -> None:
    assert claims("We aim to achieve a 3 percentage point increase in satisfaction by 2022.") == []


def test_a_span_in_words_between_the_change_and_its_figure() -> None:
    (claim,) = claims("Arson fell 9% last year, to 412 incidents.")
    assert roles(claim) == [("to", "412"), ("change", "9%")]


def test_change_on_the_previous_year_with_bracketed_figures() -> None:
    (claim,) = claims("Thefts showed a 5% reduction on the previous year (from 800 to 760).")
    assert roles(claim) == [("from", "800"), ("to", "760"), ("change", "5%")]


def test_move_with_its_change_in_brackets() -> None:
    (claim,) = claims("Noise complaints rose from 300 in 2018/19 to 330 in 2019/20 (10%).")
    assert roles(claim) == [("from", "300"), ("to", "330"), ("change", "10%")]


def test_count_with_items_run_in_after_are() -> None:
    (claim,) = claims("Our three priorities are safer streets, safer homes and safer roads.")
    assert claim.items == ("safer streets", "safer homes", "safer roads")
