"""The batch manifest and its journal record which parser read each file and what it is made
of; a file stopped at the time limit inside the library is a ``timeout`` row."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

import cspplan
from cspplan import deadline
from cspplan.batch import FileResult, convert, convert_task
from cspplan.batch.manifest import append_journal, read_rows
from cspplan.parsers.registry import parser_version

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "plans"


def test_parser_version_names_the_distribution_and_the_reading_libraries() -> None:
    own = f"cspplan {cspplan.__version__}"
    assert parser_version("text") == own
    assert parser_version("docx").startswith(own + "; lxml ")
    if importable("pdfplumber"):
        assert parser_version("pdf").startswith(own + "; pdfplumber ")
        assert "pypdfium2 " in parser_version("pdf")
    assert parser_version("no-such-parser") == ""


def importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def test_manifest_rows_record_the_parser_and_its_version(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(EXAMPLES / "northbrook-action-plan.txt", source)
    shutil.copy(EXAMPLES / "eastvale-violent-crime-plan.docx", source)
    (source / "broken.docx").write_bytes(b"PK\x03\x04 not a whole zip")
    out = tmp_path / "out"
    result = convert(source, out, jobs=1)
    by_name = {Path(r.file).name: r for r in result.results}
    text = by_name["northbrook-action-plan.txt"]
    word = by_name["eastvale-violent-crime-plan.docx"]
    assert (text.parser, text.parser_version) == ("text", parser_version("text"))
    assert (word.parser, word.parser_version) == ("docx", parser_version("docx"))
    assert by_name["broken.docx"].status == "failed"
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rows = {Path(r["file"]).name: r for r in data["files"]}
    assert rows["eastvale-violent-crime-plan.docx"]["parser"] == "docx"
    assert rows["eastvale-violent-crime-plan.docx"]["parser_version"] == parser_version("docx")
    with open(out / "manifest.csv", encoding="utf-8", newline="") as handle:
        table = {Path(r["file"]).name: r for r in csv.DictReader(handle)}
    assert table["northbrook-action-plan.txt"]["parser"] == "text"
    assert table["northbrook-action-plan.txt"]["parser_version"] == parser_version("text")
    # A second run skips both files and keeps what read them.
    again = {Path(r.file).name: r for r in convert(source, out, jobs=1).results}
    assert again["eastvale-violent-crime-plan.docx"].status == "unchanged"
    assert again["eastvale-violent-crime-plan.docx"].parser == "docx"


def test_journal_rows_carry_the_parser(tmp_path: Path) -> None:
    row = FileResult(
        file="a.txt", output="a.txt.json", status="converted", parser="text", parser_version="x 1"
    )
    append_journal(tmp_path, row)
    assert read_rows(tmp_path)["a.txt.json"] == row


def test_a_file_stopped_at_the_time_limit_is_a_timeout_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = iter(range(10**9))
    monkeypatch.setattr(deadline, "_clock", lambda: float(next(reads)))
    source = tmp_path / "plan.txt"
    source.write_text("\n\n".join(f"Action {n}: patrol" for n in range(5_000)), encoding="utf-8")
    outcome = convert_task(
        {
            "source": str(source),
            "format": None,
            "settings": None,
            "known_sha256": None,
            "timeout": 100,
            "isolate": False,
            "memory_limit": None,
        }
    )
    assert outcome["status"] == "timeout"
    assert outcome["error_type"] == "TimeLimitError"
    assert outcome["error"] is not None and str(source) in outcome["error"]
