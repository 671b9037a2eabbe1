"""Role / person / organisation tables."""

from __future__ import annotations

from cspplan.recognise.memberships import table_to_memberships
from recognise_helpers import make_table


def test_members_keep_the_role_above_and_skip_rows_naming_no_one() -> None:
    table = make_table(
        [
            ["Chair", "Cllr Ann Byrne", "Hillside District Council"],
            ["Members", "Joe Marsh", "Hillside Homes"],
            ["", "PC Kay Lin", "Hillside Police"],
            ["", "", "Road Safety"],
        ]
    )
    reading = table_to_memberships(table, "Safer Roads Panel")
    assert reading is not None
    assert [(m.role, m.person, m.organisation) for m in reading.members] == [
        ("Chair", "Cllr Ann Byrne", "Hillside District Council"),
        ("Members", "Joe Marsh", "Hillside Homes"),
        ("Members", "PC Kay Lin", "Hillside Police"),
    ]
    assert {m.group for m in reading.members} == {"Safer Roads Panel"}
    assert [row.texts for row in reading.leftovers] == [("", "", "Road Safety")]


def test_header_row_names_the_columns() -> None:
    table = make_table(
        [
            ["Name", "Organisation", "Role"],
            ["Dev Rao", "Fire and Rescue", "Vice chair"],
            ["Lucy Hart", "Probation", "Member"],
        ]
    )
    reading = table_to_memberships(table)
    assert reading is not None
    assert [(m.person, m.organisation, m.role) for m in reading.members] == [
        ("Dev Rao", "Fire and Rescue", "Vice chair"),
        ("Lucy Hart", "Probation", "Member"),
    ]


def test_a_table_of_figures_is_not_a_membership_table() -> None:
    table = make_table([["2004/05", "2005/06", "2006/07"], ["410", "398", "385"]])
    assert table_to_memberships(table) is None
