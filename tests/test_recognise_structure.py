"""Outline helpers: action plan headings, priorities, objectives, legends, matching."""

from __future__ import annotations

import pytest

from cspplan.recognise.structure import (
    action_plan_title,
    ends_section,
    is_priorities_heading,
    is_priorities_intro,
    is_priority_part,
    legend_entry,
    list_label,
    match_priority,
    named_prefix,
    objective_line,
    priority_key,
)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Vehicle Crime Action Plan", True),
        ("Hate Crime Delivery Plan 2009/10", True),
        ("Action Plan: Domestic Abuse", True),
        ("Delivering the Action Plan", False),
        ("Year 2 Action Plan 2006 – 2007", False),
        ("Introduction", False),
    ],
)
def test_action_plan_title(text: str, opens: bool) -> None:
    assert (action_plan_title(text) is not None) is opens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priorities", True),
        ("Our Priorities", True),
        ("4. Partnership Priorities 2011 - 2014", True),
        ("How we chose our priorities and what they mean for you", False),
    ],
)
def test_priorities_heading(text: str, expected: bool) -> None:
    assert is_priorities_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our priorities are:", True),
        ("The three key priorities for the partnership are:", True),
        ("Five priorities have been agreed by the board for the coming year:", True),
        ("We made progress on some of our top priority areas, including:", False),
        ("The county's priorities for the period were:", False),
    ],
)
def test_priorities_intro(text: str, expected: bool) -> None:
    assert is_priorities_intro(text) is expected


def test_section_words_end_priorities() -> None:
    assert ends_section("5. Performance Management")
    assert ends_section("Appendix B")
    assert not ends_section("Tackling Hate Crime")


def test_objective_line() -> None:
    assert objective_line("Objective 4 Cut repeat victimisation") == (
        "4",
        "Cut repeat victimisation",
    )
    assert objective_line("Objective 2: Reduce assaults") == ("2", "Reduce assaults")
    assert objective_line("Objectives of the plan") is None


def test_named_prefix() -> None:
    assert named_prefix("Car Crime - Strategic target to reduce thefts by 8%") == "Car Crime"
    assert named_prefix("Hate Crime- target to raise reporting by 10%") == "Hate Crime"
    assert named_prefix("The 2005 - 2008 target was 5%") == "The 2005"
    assert named_prefix("We will reduce thefts by 8%") is None


def test_legend_entries() -> None:
    assert legend_entry("Linked to the youth plan", "†", ["†"]) == ("†", "Linked to the youth plan")
    assert legend_entry("▲ = funded by the county", None, ["▲"]) == ("▲", "funded by the county")
    assert legend_entry(
        "Some actions also appear in the youth plan. These are marked with ♦", None, ["♦"]
    ) == ("♦", "Some actions also appear in the youth plan")
    assert legend_entry("An ordinary bullet", "•", ["*"]) is None


def test_priority_matching_prefers_the_closer_wording() -> None:
    keys = [[priority_key("Reducing the fear of crime")], [priority_key("Less crime")]]
    assert match_priority("Less crime - delivery actions", keys) == 1
    assert match_priority("Fear of crime: what we will do", keys) == 0
    assert match_priority("Road safety", keys) is None


def test_priority_heading() -> None:
    from cspplan.recognise.structure import priority_heading

    assert priority_heading("Priority 2: Hate crime") == ("2", "Hate crime")
    assert priority_heading("Theme B - Safer roads") == ("B", "Safer roads")
    assert priority_heading("Strategic Priority 3 – Reducing reoffending") == (
        "3",
        "Reducing reoffending",
    )
    assert priority_heading("Priorities for 2012") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Objectives:", "objective"),
        ("Our key objectives are:", "objective"),
        ("Performance indicators:", "indicator"),
        ("Measures of success:", "indicator"),
        ("Key actions:", "action"),
        ("Objectives of the partnership board", None),
    ],
)
def test_list_label(text: str, kind: str | None) -> None:
    from cspplan.recognise.structure import list_label

    assert list_label(text) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Why is this a priority?", True),
        ("What we will do", True),
        ("How will we know we are making a difference?", True),
        ("What the data tells us", True),
        ("Our commitments", True),
        ("Governance and Accountability", False),
        ("Reducing Serious Violence", False),
        ("How you can get involved", False),
    ],
)
def test_parts_of_a_priority_section(text: str, expected: bool) -> None:
    assert is_priority_part(text) is expected


@pytest.mark.parametrize(
    "text",
    ["The partnership has three priorities:", "We have agreed the following priorities for 2021:"],
)
def test_more_priorities_intros(text: str) -> None:
    assert is_priorities_intro(text)


@pytest.mark.parametrize(
    "text",
    ["The plan has five strategic objectives:", "Our objectives for 2016/17 are:"],
)
def test_objectives_intros_label_the_list_after_them(text: str) -> None:
    assert list_label(text) == "objective"


def test_a_priorities_heading_names_a_year_not_any_four_digit_number() -> None:
    from cspplan.recognise.facts import heading_facts

    assert heading_facts("Priorities for 2008/09").priorities
    assert heading_facts("Our priorities 2011-14").priorities
    assert heading_facts("Priorities 2012").priorities
    assert not heading_facts("Priority 1234").priorities
    assert not heading_facts("Priority 3000").priorities
