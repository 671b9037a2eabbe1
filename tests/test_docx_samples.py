"""The real sample plans in ../shared/samples: the .docx must read as the seed text does.

The seed texts were extracted from the same Word originals, so the Word parser must give the
same tables cell for cell, the same running text, and through the recognisers the same plan
(actions, objectives, targets). Skipped where ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cspplan
from cspplan.document import Document, ListItem, Table, block_text
from cspplan.model import Action, Plan

SAMPLES = ["000", "003"]


def _pair(shared_dir: Path, seeds: dict[str, Path], prefix: str) -> tuple[Document, Document]:
    seed = seeds[prefix]
    word = shared_dir / "samples" / f"{seed.stem}.docx"
    if not word.exists():
        pytest.skip(f"{word.name} is not in ../shared/samples")
    return cspplan.parse_document(word), cspplan.parse_document(seed)


def _cells(table: Table) -> list[list[tuple[str, ...]]]:
    return [[cell.lines for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("prefix", SAMPLES)
def test_sample_tables_match_seed_text(
    prefix: str, shared_dir: Path, seeds: dict[str, Path]
) -> None:
    word, text = _pair(shared_dir, seeds, prefix)
    word_tables = [_cells(t) for t in word.iter_tables()]
    text_tables = [_cells(t) for t in text.iter_tables()]
    assert len(word_tables) == len(text_tables)
    for index, (ours, theirs) in enumerate(zip(word_tables, text_tables, strict=True)):
        assert ours == theirs, f"table {index} differs"


@pytest.mark.parametrize("prefix", SAMPLES)
def test_sample_text_matches_seed_text(
    prefix: str, shared_dir: Path, seeds: dict[str, Path]
) -> None:
    word, text = _pair(shared_dir, seeds, prefix)

    def running(document: Document) -> list[str]:
        # The seed marks some bullets "* text", which the text parser takes as a "*" bullet;
        # the Word file shows those as "•" bullets, some with a literal "* " left in their
        # text. Compare the words, not which layer kept the star.
        out = []
        for block in document.blocks:
            if isinstance(block, Table):
                continue
            value = block_text(block)
            out.append(value[2:] if isinstance(block, ListItem) and value[:2] == "* " else value)
        return out

    assert running(word) == running(text)
    assert not word.warnings


@pytest.mark.parametrize("prefix", SAMPLES)
def test_sample_source_refs_point_into_the_word_file(
    prefix: str, shared_dir: Path, seeds: dict[str, Path]
) -> None:
    word, _ = _pair(shared_dir, seeds, prefix)
    for index, table in enumerate(word.iter_tables()):
        assert table.source.table == index
        for row_index, row in enumerate(table.rows):
            assert row.source.row == row_index
            assert [c.source.column for c in row.cells] == list(range(len(row.cells)))
    paragraphs = [b.source.paragraph for b in word.blocks if not isinstance(b, Table)]
    assert paragraphs == sorted(paragraphs) and None not in paragraphs


def _without_sources(value: object) -> object:
    """Plan JSON with the fields that name the file left out."""
    if isinstance(value, dict):
        return {
            k: _without_sources(v)
            for k, v in value.items()
            if k not in ("source", "sha256", "path", "media_type", "parser", "page_count")
        }
    if isinstance(value, list):
        return [_without_sources(v) for v in value]
    return value


def _plans(shared_dir: Path, seeds: dict[str, Path], prefix: str) -> tuple[Plan, Plan]:
    seed = seeds[prefix]
    word = shared_dir / "samples" / f"{seed.stem}.docx"
    if not word.exists():
        pytest.skip(f"{word.name} is not in ../shared/samples")
    return cspplan.load(word), cspplan.load(seed)


def _actions(plan: Plan) -> list[Action]:
    found = list(plan.actions)
    for priority in plan.priorities:
        found.extend(priority.actions)
    return found


@pytest.mark.parametrize("prefix", SAMPLES)
def test_sample_plan_has_the_seed_actions_and_targets(
    prefix: str, shared_dir: Path, seeds: dict[str, Path]
) -> None:
    word, text = _plans(shared_dir, seeds, prefix)
    assert [(a.ref, a.text) for a in _actions(word)] == [(a.ref, a.text) for a in _actions(text)]
    assert len(_actions(word)) == {"000": 55, "003": 30}[prefix]
    word_data = json.loads(cspplan.dumps(word))
    text_data = json.loads(cspplan.dumps(text))
    assert _without_sources(word_data) == _without_sources(text_data), (
        "the Word sample and its seed text give different plans"
    )
