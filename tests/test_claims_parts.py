"""Several parts of a whole named first, each given as a count and a percentage ("Of the 486
people ..., 214 (44%) were ..., 131 (27%) ... and 73 (15%) ..."): one claim per part, each
checked against the whole, and never a sum short of 100% for a list that names only some
parts. Fixtures: tests/fixtures/mechanisms/claims_parts_of_whole*.txt, read as text and
in Word and PDF renderings. And a change whose start is the one figure of the sentence
before ("... 3,118 incidents. By 2007/08 this had fallen to 2,204, a reduction of 25%")."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

import cspplan
from cspplan.model import ClaimKind, SourceRef
from cspplan.recognise.claims import find_claims

MECHANISMS = Path(__file__).parent / "fixtures" / "mechanisms"
sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from render_plan import render_as  # noqa: E402


def _pairs(text: str) -> list[tuple[Decimal, Decimal, Decimal]]:
    result = []
    for claim in find_claims(text, SourceRef()):
        if claim.kind is not ClaimKind.SHARE:
            continue
        total = claim.figure("total")
        parts = [f for f in claim.figures if f.role == "part"]
        assert total is not None and len(parts) == 2
        result.append((total.value.value, parts[0].value.value, parts[1].value.value))
    return result


def test_each_part_of_a_named_whole_is_a_claim() -> None:
    text = (
        "Of the 932 drug offences recorded in the year, 598 (64%) were for possession"
        " and 151 (16%) for supply."
    )
    assert _pairs(text) == [
        (Decimal(932), Decimal(64), Decimal(598)),
        (Decimal(932), Decimal(16), Decimal(151)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A percentage outside the pairs: the sentence says more than parts of one whole.
        "Of the 932 offences, 598 (64%) were for possession and 151 (16%) for supply, up 5%.",
        # No whole named before the parts.
        "Possession accounted for 598 (64%) offences and supply for 151 (16%).",
        # Hedged figures are no claim.
        "Of the 932 offences, around 598 (64%) were for possession and 151 (16%) for supply.",
    ],
)
def test_parts_without_a_plain_named_whole_are_left_alone(text: str) -> None:
    assert _pairs(text) == []


@pytest.mark.parametrize("render", ["txt", "docx", "pdf"])
def test_a_wrong_part_is_an_error_and_a_partial_list_no_alarm(render: str, tmp_path: Path) -> None:
    def load(stem: str) -> cspplan.Plan:
        return cspplan.load(render_as(MECHANISMS / f"{stem}.txt", render, tmp_path))

    alarms = [
        (f.code, f.severity.value, f.stated.text if f.stated else None)
        for f in cspplan.check(load("claims_parts_of_whole"))
        if f.severity.value in ("warning", "error")
    ]
    assert alarms == [("A131", "error", "31%")]
    twin = cspplan.check(load("claims_parts_of_whole_ok"))
    assert [f for f in twin if f.severity.value in ("warning", "error")] == []


# --- a change whose start is the figure of the sentence before ---------------------------


def _changes(text: str) -> list[tuple[str | None, str | None, str | None]]:
    result = []
    for claim in find_claims(text, SourceRef()):
        if claim.kind is not ClaimKind.CHANGE:
            continue
        base, new, change = claim.figure("from"), claim.figure("to"), claim.figure("change")
        result.append(
            (
                base.value.text if base else None,
                new.value.text if new else None,
                change.value.text if change else None,
            )
        )
    return result


def test_this_refers_back_to_the_one_figure_of_the_sentence_before() -> None:
    text = (
        "In 2004/05 the partnership recorded 3,118 incidents of criminal damage. By 2007/08"
        " this had fallen to 2,204, a reduction of 25%."
    )
    assert _changes(text) == [("3,118", "2,204", "25%")]


@pytest.mark.parametrize(
    "text",
    [
        # Two figures before: which one "this" means is not said.
        "There were 3,118 incidents and 412 arrests in 2004/05. By 2007/08 this had fallen"
        " to 2,204, a reduction of 25%.",
        # No word refers back.
        "In 2004/05 there were 3,118 incidents. Burglary fell to 2,204, a reduction of 25%.",
    ],
)
def test_no_start_is_guessed_without_one_figure_to_refer_to(text: str) -> None:
    assert _changes(text) == [(None, "2,204", "25%")]


def test_a_wrong_change_on_a_figure_referred_back_to_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "# Test Partnership\n\n## Annual Report 2008\n\nIn 2004/05 the partnership recorded"
        " 3,118 incidents of criminal damage. By 2007/08 this had fallen to 2,204, a"
        " reduction of 25%.\n",
        encoding="utf-8",
    )
    found = [(f.code, f.severity.value) for f in cspplan.check(cspplan.load(path))]
    assert found == [("A120", "error")]  # 3,118 to 2,204 is 29.3%


def test_a_change_since_a_year_takes_its_figures_from_the_next_sentence() -> None:
    text = (
        "Cycle theft has fallen by 14% since 2008/09. There were 640 thefts in 2008/09"
        " and 551 in 2010/11."
    )
    assert _changes(text) == [("640", "551", "14%")]


@pytest.mark.parametrize(
    "text",
    [
        # The next sentence's figures are for other years than the change runs from.
        "Cycle theft has fallen by 14% since 2008/09. There were 640 thefts in 2007/08"
        " and 551 in 2010/11.",
        # Three figures: which two the change relates is not said.
        "Cycle theft has fallen by 14% since 2008/09. There were 640 thefts in 2008/09,"
        " 600 in 2009/10 and 551 in 2010/11.",
    ],
)
def test_next_sentence_figures_need_the_changes_own_start(text: str) -> None:
    assert _changes(text) == [(None, None, "14%")]
