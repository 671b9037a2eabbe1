"""`cspplan check` and `cspplan rules` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cspplan import dumps
from cspplan.cli import main
from cspplan.validate import RULES, rules_markdown
from test_validate_plans import action_plan, faulty_plan

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_plan_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "good.json", dumps(action_plan()))
    assert main(["check", path]) == 0
    out, err = capsys.readouterr()
    assert "error" not in out and "warning" not in out
    assert ": 0 errors, 0 warnings, " in err


def test_findings_print_like_a_compiler(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "faulty.json", dumps(faulty_plan()))
    assert main(["check", path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{path}:60: C201 error objective ") for line in lines), lines
    assert all(line.startswith(path) for line in lines)


def test_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "faulty.json", dumps(faulty_plan()))
    assert main(["check", path, "--select", "M3,C21"]) == 0  # warnings only
    assert main(["check", path, "--select", "M3,C21", "--fail-on", "warning"]) == 1
    good = write(tmp_path, "good.json", dumps(action_plan()))
    assert main(["check", good, "--fail-on", "info"]) in (0, 1)
    capsys.readouterr()


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "faulty.json", dumps(faulty_plan()))
    assert main(["check", path, "--json", "--select", "C201", "-q"]) == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert err == ""
    assert [d["code"] for d in data] == ["C201"]
    finding = data[0]
    assert finding["file"] == path
    assert finding["stated"] == {"value": "10", "text": "10%"}
    assert finding["expected"] == {"value": "21", "text": "21%"}
    assert finding["subject"]["kind"] == "objective"


def test_select_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "faulty.json", dumps(faulty_plan()))
    main(["check", path, "--select", "A1", "--ignore", "A101", "--ignore", "A111"])
    codes = {line.split(": ")[1].split()[0] for line in capsys.readouterr().out.splitlines()}
    assert codes == {"A122", "A130", "A140"}


def test_unusable_input_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad.json", "{not json")
    good = write(tmp_path, "good.json", dumps(action_plan()))
    assert main(["check", bad, good]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert main(["check", good, "--select", "Z1"]) == 2
    capsys.readouterr()


def test_reads_a_text_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "plan.txt", "Northfield Partnership Plan 2006/07\n\nWe work together.\n")
    assert main(["check", path]) == 0
    capsys.readouterr()


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in RULES]
    assert main(["rules", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["code"] for d in data} == {r.code for r in RULES}
    assert main(["rules", "--markdown"]) == 0
    assert capsys.readouterr().out == rules_markdown()


def test_docs_match_the_rules() -> None:
    """docs/audit.md is written from the rules' docstrings: regenerate it with
    ``cspplan rules --markdown > docs/audit.md`` when a rule changes."""
    assert (ROOT / "docs" / "audit.md").read_text(encoding="utf-8") == rules_markdown()
