"""Counts and coverage of a recognised plan, and ``cspplan parse --stats``."""

from __future__ import annotations

from pathlib import Path

import pytest

from cspplan import parse_document
from cspplan.cli import main
from cspplan.recognise import build_plan
from cspplan.stats import plan_stats

FIXTURES = Path(__file__).parent / "fixtures" / "recognise"


def test_stats_count_what_the_plan_holds() -> None:
    document = parse_document(FIXTURES / "unruled_export.txt")
    stats = plan_stats(build_plan(document), document)
    assert (stats.priorities, stats.objectives, stats.actions) == (1, 2, 4)
    assert (stats.milestones, stats.workstreams) == (6, 2)
    assert stats.coverage is not None and stats.coverage > 0.9


def test_coverage_counts_unplaced_text_against_the_plan(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("An unrelated paragraph about the weather.\n", encoding="utf-8")
    document = parse_document(source)
    stats = plan_stats(build_plan(document), document)
    assert stats.coverage == 0.0


def test_parse_stats_prints_counts_and_coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["parse", str(FIXTURES / "page_break.txt"), "--stats", "-o", str(tmp_path / "p.json")]
    )
    assert status == 0
    err = capsys.readouterr().err
    assert "5 actions" in err and "6 milestones" in err and "coverage" in err
