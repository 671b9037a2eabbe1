"""Leads: person, organisation and role from the way plans write them."""

from __future__ import annotations

import pytest

from cspplan.recognise.leads import is_placeholder_lead, split_lead, split_leads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jo Platt Community Safety Team", [("Jo Platt", "Community Safety Team", None)]),
        ("C/Insp Rees", [("C/Insp Rees", None, None)]),
        ("C/Insp. Rees", [("C/Insp. Rees", None, None)]),
        ("Maya Cole (Victims Co-ordinator)", [("Maya Cole", None, "Victims Co-ordinator")]),
        ("Probation Service / Police", [(None, "Probation Service", None), (None, "Police", None)]),
        (
            "Inspector Neil Ward and Asha Patel",
            [("Inspector Neil Ward", None, None), ("Asha Patel", None, None)],
        ),
        (
            "Insp Neil Ward, Asha Patel",
            [("Insp Neil Ward", None, None), ("Asha Patel", None, None)],
        ),
        ("Borough Council and DAAT", [(None, "Borough Council", None), (None, "DAAT", None)]),
        ("Kim Ross Licensing and Standards", [("Kim Ross", "Licensing and Standards", None)]),
        (
            "Trading Standards Northshire County Council",
            [(None, "Trading Standards Northshire County Council", None)],
        ),
        ("Street Scene Team", [(None, "Street Scene Team", None)]),
        ("Ashby Vale Council", [(None, "Ashby Vale Council", None)]),
        ("Youth Service Manager", [(None, "Youth Service", "Youth Service Manager")]),
        ("CCTV Manager", [(None, None, "CCTV Manager")]),
        (
            "Office of the Police and Crime Commissioner",
            [(None, "Office of the Police and Crime Commissioner", None)],
        ),
        ("Ravi Dhar Crime Analyst", [("Ravi Dhar", None, "Crime Analyst")]),
        ("Ravi Dhar, DAAT Coordinator", [("Ravi Dhar", None, "DAAT Coordinator")]),
        ("PC Leah Stone Eastfield Police", [("PC Leah Stone", "Eastfield Police", None)]),
        ("Inspector Neil Ward B Division", [("Inspector Neil Ward", "B Division", None)]),
        (
            "Sgt Bea Hart Partnership Team Sgt Bea Hart Partnership Team",
            [("Sgt Bea Hart", "Partnership Team", None)],
        ),
        (
            "Tom Reid, Northshire Road Safety Partnership – Development Manager",
            [("Tom Reid", "Northshire Road Safety Partnership", "Development Manager")],
        ),
        ("DI Rob Kerr (Police)", [("DI Rob Kerr", "Police", None)]),
        ("Head of Housing, Westmere BC", [(None, "Westmere BC", "Head of Housing")]),
        ("ASB Officer, Westmere Homes", [(None, "Westmere Homes", "ASB Officer")]),
        ("CSP Manager / Probation", [(None, None, "CSP Manager"), (None, "Probation", None)]),
        ("Sgt Amy Lowe, Westmere Vale Police", [("Sgt Amy Lowe", "Westmere Vale Police", None)]),
        ("Westmere Vale District Council", [(None, "Westmere Vale District Council", None)]),
        ("Early Help Co-ordinator", [(None, None, "Early Help Co-ordinator")]),
        ("Director of Public Health", [(None, None, "Director of Public Health")]),
        (
            "Cllr Ian Hart, Cabinet Member for Housing",
            [("Cllr Ian Hart", None, "Cabinet Member for Housing")],
        ),
        ("K. Dunn (CSP)", [("K. Dunn", "CSP", None)]),
        (
            "Dr Ali Rahman (University of Westmere)",
            [("Dr Ali Rahman", "University of Westmere", None)],
        ),
        (
            "Victims Co-ordinator (Safe Haven Trust)",
            [(None, "Safe Haven Trust", "Victims Co-ordinator")],
        ),
        (
            "Omar Siddiq, ASB Officer, Westmere Council",
            [("Omar Siddiq", "Westmere Council", "ASB Officer")],
        ),
    ],
)
def test_split_leads(text: str, expected: list[tuple[str | None, str | None, str | None]]) -> None:
    assert [(lead.person, lead.organisation, lead.role) for lead in split_leads(text)] == expected


@pytest.mark.parametrize(
    "text", ["", "  ", "TBC", "?", "-", "To be confirmed", "Await outcome of review", "N/A"]
)
def test_placeholders_name_nobody(text: str) -> None:
    assert is_placeholder_lead(text)
    assert split_leads(text) == ()


def test_lead_keeps_its_text() -> None:
    lead = split_lead("Jo Platt Community Safety Team")
    assert lead.text == "Jo Platt Community Safety Team"


def test_commentary_in_a_lead_cell_names_the_body() -> None:
    (lead,) = split_leads("Police will chair every conference and keep the minutes.")
    assert lead.organisation == "Police"
    assert lead.person is None
