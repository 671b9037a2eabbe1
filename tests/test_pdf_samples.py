"""The real sample PDFs in ../shared/samples against the seed texts of the same plans.

The samples were exported to PDF from the Word versions of seeds 000 and 003, so the PDF
parser should find the same tables (rows and cells) and the same running text as the text
parser finds in the seed. Skipped where ../shared is absent.
"""

from __future__ import annotations

import difflib
import functools
from pathlib import Path

import pytest
import regex

import cspplan
from cspplan.document import Document, ListItem, Table
from cspplan.model import Measure, Plan, Target
from cspplan.parsers.text import TextParser

_SPACE = regex.compile(r"[\s•]+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _rows(document: Document) -> list[tuple[str, ...]]:
    return [
        tuple(_norm(cell.text) for cell in row.cells)
        for table in document.iter_tables()
        for row in table.rows
    ]


def _words(document: Document) -> list[str]:
    return " ".join(_norm(b.text) for b in document.blocks if not isinstance(b, Table)).split()


@functools.cache
def _read(shared: str, stem: str) -> tuple[Document, Document] | None:
    pdfs = sorted((Path(shared) / "samples").glob(f"{stem}_*.pdf"))
    if not pdfs:
        return None
    seed = Path(shared) / "seeds" / (pdfs[0].stem + ".txt")
    return TextParser().parse(seed), cspplan.parse_document(pdfs[0])


def _pair(shared_dir: Path, stem: str) -> tuple[Document, Document]:
    pair = _read(str(shared_dir), stem)
    if pair is None:
        pytest.skip(f"no sample PDF for {stem}")
    return pair


@pytest.mark.parametrize(("stem", "min_rows"), [("000", 1.0), ("003", 0.97)])
def test_same_tables_as_the_seed(shared_dir: Path, stem: str, min_rows: float) -> None:
    seed, pdf = _pair(shared_dir, stem)
    assert len(list(pdf.iter_tables())) == len(list(seed.iter_tables()))
    seed_rows, pdf_rows = _rows(seed), _rows(pdf)
    matcher = difflib.SequenceMatcher(a=seed_rows, b=pdf_rows, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert same / len(seed_rows) >= min_rows
    # Every table has the seed table's width.
    assert [t.width for t in pdf.iter_tables()] == [t.width for t in seed.iter_tables()]


@pytest.mark.parametrize("stem", ["000", "003"])
def test_same_text_as_the_seed(shared_dir: Path, stem: str) -> None:
    seed, pdf = _pair(shared_dir, stem)
    matcher = difflib.SequenceMatcher(a=_words(seed), b=_words(pdf), autojunk=False)
    assert matcher.ratio() >= 0.99
    assert not pdf.warnings


def test_row_broken_over_a_page_is_one_row(shared_dir: Path) -> None:
    _, pdf = _pair(shared_dir, "003")
    rows = {row.texts[0].split()[0]: row for t in pdf.iter_tables() for row in t.rows}
    assert (
        rows["6.1"]
        .cells[0]
        .text.endswith("including policies and proposal to address the fear of crime")
    )
    assert rows["8.5"].cells[0].text.endswith("Harm Reduction Policy for 2004/5")
    # A tall row cut at the foot of page 13 whose rest is in the Target column only.
    _, pdf = _pair(shared_dir, "000")
    [row] = [
        r
        for t in pdf.iter_tables()
        for r in t.rows
        if r.texts[0] == "2.1 *" and "Alarm" in r.texts[1]
    ]
    assert row.cells[3].text.endswith(
        "burgled properties Evaluate Scheme Extend duration of service"
    )


def test_private_use_bullets_become_list_items(shared_dir: Path) -> None:
    # The sample's bullets are set in OpenSymbol, whose glyph comes out as U+F0B7.
    seed, pdf = _pair(shared_dir, "003")
    items = [b for b in pdf.blocks if isinstance(b, ListItem)]
    assert [i.text for i in items] == [b.text for b in seed.blocks if isinstance(b, ListItem)]
    assert {i.marker for i in items} == {"•"}
    assert not any("\uf0b7" in b.text for b in pdf.blocks if not isinstance(b, Table))


@functools.cache
def _plans(shared: str, stem: str) -> tuple[Plan, Plan] | None:
    pdfs = sorted((Path(shared) / "samples").glob(f"{stem}_*.pdf"))
    if not pdfs:
        return None
    seed = Path(shared) / "seeds" / (pdfs[0].stem + ".txt")
    return cspplan.load(seed), cspplan.load(pdfs[0])


def _target_key(target: Target) -> tuple[object, ...]:
    def measure(m: Measure | None) -> object:
        return None if m is None else (m.value.text if m.value else None, m.period)

    return (
        target.metric,
        target.direction,
        target.percent,
        measure(target.baseline),
        measure(target.target),
        tuple(measure(m) for m in target.trajectory),
    )


@pytest.mark.parametrize(("stem", "actions", "targets"), [("000", 55, 26), ("003", 30, 0)])
def test_load_finds_the_seed_plan(shared_dir: Path, stem: str, actions: int, targets: int) -> None:
    pair = _plans(str(shared_dir), stem)
    if pair is None:
        pytest.skip(f"no sample PDF for {stem}")
    seed, pdf = pair
    seed_actions, pdf_actions = list(seed.all_actions()), list(pdf.all_actions())
    assert len(pdf_actions) == len(seed_actions) == actions
    assert [a.ref for a in pdf_actions] == [a.ref for a in seed_actions]
    assert [a.text for a in pdf_actions] == [a.text for a in seed_actions]
    assert [[lead.person for lead in a.leads] for a in pdf_actions] == [
        [lead.person for lead in a.leads] for a in seed_actions
    ]
    assert [len(a.milestones) for a in pdf_actions] == [len(a.milestones) for a in seed_actions]
    seed_targets = [_target_key(t) for t in seed.all_targets()]
    assert len(seed_targets) == targets
    assert [_target_key(t) for t in pdf.all_targets()] == seed_targets
    assert [p.title for p in pdf.priorities] == [p.title for p in seed.priorities]
    assert (pdf.title, pdf.partnership, pdf.period) == (seed.title, seed.partnership, seed.period)


def _comparable(value: object) -> object:
    """Plan data without where things came from (pages versus lines) or what was not read."""
    skip = {"source", "sha256", "path", "media_type", "parser", "page_count", "unclassified"}
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in skip}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _flat(value: object, path: str = "$") -> dict[str, object]:
    if isinstance(value, dict):
        return {
            k: v for key, item in value.items() for k, v in _flat(item, f"{path}.{key}").items()
        }
    if isinstance(value, list):
        return {
            k: v for i, item in enumerate(value) for k, v in _flat(item, f"{path}[{i}]").items()
        }
    return {path: value}


def test_whole_plan_matches_the_seed(shared_dir: Path) -> None:
    from cspplan.serialise import to_data

    for stem in ("000", "003"):
        pair = _plans(str(shared_dir), stem)
        if pair is None:
            pytest.skip(f"no sample PDF for {stem}")
        seed, pdf = (_flat(_comparable(to_data(plan))) for plan in pair)
        differing = {k for k in seed.keys() | pdf.keys() if seed.get(k) != pdf.get(k)}
        # The one difference: "Harm- Winter 2003" in the seed is "Harm-" at a line's end in
        # the PDF, and a hyphen before a capital is kept without a space.
        assert differing <= {"$.actions[28].milestones[1].timescale.text"}, sorted(differing)[:5]
        assert len(seed) > 500
