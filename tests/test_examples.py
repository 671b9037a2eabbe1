"""The bundled examples: the README's main command must work on them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cspplan
from cspplan.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLANS = sorted((EXAMPLES / "plans").iterdir())


def test_there_is_an_example_in_each_built_in_format() -> None:
    assert {p.suffix for p in PLANS} >= {".txt", ".docx", ".pdf"}


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_example_reads_into_a_plan_with_actions_and_targets(path: Path) -> None:
    plan = cspplan.load(path)
    assert plan.title and plan.partnership
    assert list(plan.all_actions()) and list(plan.all_targets())
    assert cspplan.loads(cspplan.dumps(plan)) == plan


def test_readme_main_command_succeeds(tmp_path: Path) -> None:
    files = [str(p) for p in PLANS]
    assert main(["parse", *files, "--out-dir", str(tmp_path), "--stats"]) == 0
    assert len(list(tmp_path.glob("*.json"))) == len(PLANS)
    # The examples' arithmetic holds; they carry only deliberate completeness warnings.
    assert main(["check", *files]) == 0


def test_api_example_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "use_api.py")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert all(p.name in result.stdout for p in PLANS)
