"""examples/client.py: a client of the documented API runs on the examples and on bad input.

(``tests/test_docs_samples.py`` type-checks it with ``mypy --strict`` beside the docs' samples.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "examples" / "client.py"
PLANS = sorted((ROOT / "examples" / "plans").iterdir())


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CLIENT), *args], capture_output=True, text=True, check=False
    )


def test_client_reports_every_example_with_its_findings_in_context() -> None:
    result = _run()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # One repr line per plan, naming it and counting its parts.
    heads = [line for line in lines if line.startswith("<Plan ")]
    assert [h.split(" from ")[1].split(":")[0] for h in heads] == [p.name for p in PLANS]
    assert all(len(h) < 200 and "priorities" in h for h in heads)
    # The northbrook action without a lead is reported with its key and its priority.
    assert "  M301 warning [A5 in Tackling anti-social behaviour and criminal damage]" in lines


def test_client_names_a_file_it_cannot_read_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = _run(str(bad))
    assert result.returncode == 2
    assert "broken.pdf" in result.stderr and "Traceback" not in result.stderr
