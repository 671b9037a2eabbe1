"""Action tables without ruling lines: what `cspplan.load` recovers from the synthetic
unruled plans in tests/fixtures/build_pdf.py against the truth the builder wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

import cspplan
from cspplan.document import Table
from cspplan.model import Action, Plan
from cspplan.parsers.pdf import PdfParser
from fixtures.build_pdf import FIXTURES, UNRULED_GROUPS, UNRULED_PLANS, unruled_expected

NAMES = sorted(UNRULED_PLANS)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("unruled")
    paths = {}
    for name in NAMES:
        paths[name] = out / f"{name}.pdf"
        FIXTURES[name](paths[name])
    return paths


@pytest.fixture(scope="module")
def plans(built: dict[str, Path]) -> dict[str, Plan]:
    return {name: cspplan.load(path) for name, path in built.items()}


def _matched(name: str, plan: Plan) -> list[tuple[dict[str, str], Action | None]]:
    actions = list(plan.all_actions())
    if UNRULED_PLANS[name].get("norefs"):
        by_text = {" ".join(a.text.split()): a for a in actions}
        return [(e, by_text.get(e["text"])) for e in unruled_expected(_count(name))]
    by_ref = {a.ref: a for a in actions if a.ref}
    return [(e, by_ref.get(e["ref"])) for e in unruled_expected(_count(name))]


def _count(name: str) -> int:
    return int(str(UNRULED_PLANS[name]["count"]))


@pytest.mark.parametrize("name", NAMES)
def test_every_action_comes_back_with_its_text(name: str, plans: dict[str, Plan]) -> None:
    for expected, action in _matched(name, plans[name]):
        assert action is not None, expected["ref"]
        assert " ".join(action.text.split()) == expected["text"]


@pytest.mark.parametrize("name", NAMES)
def test_leads_and_due_dates_come_back(name: str, plans: dict[str, Plan]) -> None:
    for expected, action in _matched(name, plans[name]):
        assert action is not None
        assert [lead.text for lead in action.leads] == [expected["lead"]]
        dues = [m.timescale.text for m in action.milestones if m.timescale]
        assert dues == [expected["due"]]
        assert action.status == expected["status"]


@pytest.mark.parametrize("name", NAMES)
def test_one_table_with_its_header_and_group_rows(name: str, built: dict[str, Path]) -> None:
    document = PdfParser().parse(built[name])
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == list(UNRULED_PLANS[name]["header"])  # type: ignore[call-overload]
    # A group row holds its title alone: one cell across the table, or where the title fits
    # in the first column, that column's cell with the rest empty.
    titled = [r for r in tables[0].rows if len([c for c in r.cells if not c.is_empty]) == 1]
    titles = [" ".join(next(c for c in r.cells if not c.is_empty).text.split()) for r in titled]
    groups = list(dict.fromkeys(e["group"] for e in unruled_expected(_count(name))))
    assert [t.split(". ", 1)[-1] for t in titles] == groups
    assert all(g in dict(UNRULED_GROUPS) for g in groups)
    # The header repeated at the top of page 2 is not a row of the joined table.
    assert sum(1 for r in tables[0].rows if [c.text for c in r.cells] == header) == 1
