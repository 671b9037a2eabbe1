"""The command line: parse, schema, version, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cspplan
from cspplan.cli import EXIT_INPUT, main

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "plans" / "northbrook-action-plan.txt"
)


def test_parse_to_stdout_is_the_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE)]) == 0
    out, err = capsys.readouterr()
    assert cspplan.loads(out) == cspplan.load(EXAMPLE)
    assert EXAMPLE.name in err  # the summary goes to stderr, keeping stdout pure JSON


def test_dash_output_is_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["parse", str(EXAMPLE), "-o", "-", "-q"]) == 0
    assert cspplan.loads(capsys.readouterr().out) == cspplan.load(EXAMPLE)
    assert main(["schema", "-o", "-"]) == 0
    assert '"$schema"' in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


def test_parse_output_file_loads_back_equal(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    assert main(["parse", str(EXAMPLE), "-o", str(out), "--quiet"]) == 0
    assert cspplan.loads(out.read_text(encoding="utf-8")) == cspplan.load(EXAMPLE)


def test_parse_out_dir_writes_one_json_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = tmp_path / "second.md"
    second.write_text("# Second plan\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    assert main(["parse", str(EXAMPLE), str(second), "--out-dir", str(out_dir), "--stats"]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [EXAMPLE.name + ".json", "second.md.json"]
    assert "coverage" in capsys.readouterr().err


def test_bad_file_is_reported_and_others_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01binary")
    out_dir = tmp_path / "out"
    status = main(["parse", str(bad), str(EXAMPLE), "--out-dir", str(out_dir)])
    assert status == EXIT_INPUT
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert (out_dir / (EXAMPLE.name + ".json")).exists()


def test_several_files_without_out_dir_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE), str(EXAMPLE)]) == EXIT_INPUT
    assert "--out-dir" in capsys.readouterr().err


def test_unknown_format_exits_2_naming_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE), "--format", "nope"]) == EXIT_INPUT
    assert str(EXAMPLE) in capsys.readouterr().err


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "cspplan Plan"


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_INPUT
    assert "parse" in capsys.readouterr().err


def test_console_script_version_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cspplan", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("cspplan ")
    result = subprocess.run(
        [sys.executable, "-m", "cspplan", "parse", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "--out-dir" in result.stdout


def test_reading_warnings_are_printed_unless_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cspplan.recognise import LONG_BLOCK

    path = tmp_path / "long.txt"
    path.write_text("word " * (LONG_BLOCK // 4) + "\n", encoding="utf-8")
    assert main(["parse", str(path), "-o", str(tmp_path / "p.json")]) == 0
    err = capsys.readouterr().err
    assert f"cspplan: warning: {path}: line 1" in err
    assert main(["check", str(path)]) == 0
    assert "cspplan: warning:" in capsys.readouterr().err
    assert main(["parse", str(path), "-o", str(tmp_path / "q.json"), "--quiet"]) == 0
    assert "warning" not in capsys.readouterr().err
