"""`cspplan check`'s output: each finding's subject, quote, heading and place, in every
output format, from a text, a Word and a PDF plan; folders; the closing tally."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import jsonschema
import pytest
from reportlab.platypus import Paragraph, Table, TableStyle

from cspplan import dumps, load
from cspplan.cli import main
from cspplan.model.source import SourceRef
from cspplan.validate import check
from cspplan.validate.output import FORMATS, CheckedFile, explain, first_words, tally
from fixtures.build_docx import fill_row, save_deterministic
from fixtures.build_pdf import BODY, GRID, H1, H2, _cell_rows, _doc

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"

TITLE = "Northgate Burglary Action Plan 2007/08"
PRIORITY = "Priority 1: Burglary"
TARGET = "We will reduce domestic burglary by 20% from 500 to 450 by 2007/08."
HEADER = ["Ref", "Action", "Lead", "Timescale"]
ROWS = [
    [
        "1.1",
        "Visit every burgled household within two days",
        "Neighbourhood Inspector",
        "June 2007",
    ],
    ["1.2", "Fit door locks for older residents", "", "September 2007"],
    ["1.3", "Run a property marking campaign", "Council Safety Officer", "December 2007"],
]


def build_text(path: Path) -> Path:
    """The audit fixture as a text plan: a wrong percentage and an action with no lead."""
    table = "\n".join("\t".join(row) for row in [HEADER, *ROWS])
    path.write_text(
        f"{TITLE}\n\nNorthgate Community Safety Partnership\n\n{PRIORITY}\n\n{TARGET}\n\n"
        f"Action plan\n\n{table}\n",
        encoding="utf-8",
    )
    return path


def build_word(path: Path) -> Path:
    """The same plan as a Word document, with real headings and a table."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("Northgate Community Safety Partnership")
    document.add_heading(PRIORITY, level=1)
    document.add_paragraph(TARGET)
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    table.style = document.styles["Table Grid"]
    for index, row in enumerate([HEADER, *ROWS]):
        fill_row(table, index, row)
    return save_deterministic(document, path)


def build_pdf(path: Path) -> Path:
    """The same plan as a PDF, with a heading font and a ruled table."""
    rows = _cell_rows([HEADER, *ROWS])
    doc = _doc(path)
    doc.build(
        [
            Paragraph(TITLE, H1),
            Paragraph("Northgate Community Safety Partnership", BODY),
            Paragraph(PRIORITY, H2),
            Paragraph(TARGET, BODY),
            Table(rows, style=TableStyle(GRID)),
        ]
    )
    return path


BUILDERS = {"txt": build_text, "docx": build_word, "pdf": build_pdf}


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("audit")
    return {kind: build(folder / f"northgate.{kind}") for kind, build in BUILDERS.items()}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


# --- explained findings ----------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_findings_name_quote_and_place_their_subject(plans: dict[str, Path], kind: str) -> None:
    from cspplan import parse_document
    from cspplan.recognise import build_plan

    document = parse_document(plans[kind])
    plan = build_plan(document)
    findings = {f.code: f for f in explain(plan, check(plan), document)}
    assert set(findings) >= {"A101", "M301"}, findings
    target, action = findings["A101"], findings["M301"]
    assert target.about == 'target "domestic burglary" (2007/08)'
    assert target.quote == TARGET
    assert "from 500 to 450 is 10%" in target.message
    assert action.about == 'action 1.2 "Fit door locks for older residents"'
    assert action.quote is not None and action.quote.startswith("1.2 | Fit door locks")
    assert "September 2007" in action.quote
    assert target.heading == PRIORITY and action.heading == PRIORITY


def test_json_plan_has_quotes_without_the_document(
    plans: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "northgate.json"
    saved.write_text(dumps(load(plans["txt"])), encoding="utf-8")
    status, out, _ = run([str(saved), "--json", "-q"], capsys)
    assert status == 1
    records = {r["code"]: r for r in json.loads(out)}
    assert records["M301"]["quote"] == "1.2 Fit door locks for older residents"
    assert "heading" not in records["M301"]  # no document, no heading
    assert records["A101"]["quote"] == TARGET


def test_first_words_cuts_at_a_word() -> None:
    assert first_words("Fit   door locks") == "Fit door locks"
    cut = first_words("Visit every burgled household within two days of the report", 30)
    assert cut == "Visit every burgled household…"


def test_locations_count_from_one() -> None:
    source = SourceRef(file="p.docx", table=0, row=2, column=1, paragraph=4)
    assert source.location() == "paragraph 5, table 1, row 3, column 2"


# --- the formats, end to end -----------------------------------------------------------


def test_text_lines_start_with_file_and_line(
    plans: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    name = str(plans["txt"])
    status, out, err = run([name], capsys)
    assert status == 1
    lines = out.splitlines()
    assert lines[0] == (
        f'{name}:7: A101 error target "domestic burglary" (2007/08): target states 20% but from'
        f' 500 to 450 is 10% (under "{PRIORITY}")'
    )
    assert lines[1].startswith(f'{name}:13: M301 warning action 1.2 "Fit door locks')
    assert lines[1].endswith(f'(table 1, row 3, under "{PRIORITY}")')
    assert err.strip().splitlines()[-1] == (
        "1 target, 3 actions, 0 claims checked in 1 file: 1 error, 1 warning, 0 info"
    )


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_text_lines_for_tables_and_pages(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = str(plans[kind])
    _, out, _ = run([name, "--select", "M301"], capsys)
    (line,) = out.splitlines()
    page = "page 1, " if kind == "pdf" else ""
    assert line.startswith(f"{name}:{page}table 1, row 3: M301 warning action 1.2 ")


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_show_source_prints_the_quote_under_each_finding(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run([str(plans[kind]), "--show-source"], capsys)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if " A101 " in line)
    gutter = "7" if kind == "txt" else " "
    assert lines[at + 1].strip() == "|"
    assert lines[at + 2] == f"{gutter} | {TARGET}"


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_json_keeps_its_keys_and_adds_the_quote(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run([str(plans[kind]), "--output-format", "json"], capsys)
    assert status == 1
    records = json.loads(out)  # the tally is on stderr, not in the JSON
    assert "checked in 1 file" in err
    assert {r["code"] for r in records} >= {"A101", "M301"}
    record = next(r for r in records if r["code"] == "A101")
    assert set(record) >= {
        "file",
        "code",
        "severity",
        "message",
        "subject",
        "expected",
        "stated",
        "source",
        "related",
        "quote",
        "heading",
        "about",
    }
    assert record["quote"] == TARGET
    assert record["expected"]["text"] == "10%"
    _, alias, _ = run([str(plans[kind]), "--json"], capsys)
    assert json.loads(alias) == records


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_sarif_is_valid_against_the_published_schema(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run([str(plans[kind]), "--output-format", "sarif"], capsys)
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["ruleId"] for r in results} >= {"A101", "M301"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    a101 = next(r for r in results if r["ruleId"] == "A101")
    assert a101["level"] == "error"
    physical = a101["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"].endswith(f"northgate.{kind}")
    if kind == "txt":
        assert physical["region"] == {"startLine": 7, "endLine": 7, "snippet": {"text": TARGET}}
    else:
        assert "region" not in physical
        assert PRIORITY in a101["locations"][0]["message"]["text"]


def test_sarif_schema_rejects_a_broken_log() -> None:
    """The vendored schema is the real one: a result without its message fails."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_github_workflow_commands(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run([str(plans[kind]), "--output-format", "github"], capsys)
    lines = out.splitlines()
    a101 = next(line for line in lines if "A101" in line)
    name = str(plans[kind]).replace(":", "%3A").replace(",", "%2C")
    line = ",line=7" if kind == "txt" else ""
    assert a101.startswith(f"::error file={name}{line},title=A101 error::")
    assert "target states 20%25 but" in a101  # '%' is escaped in workflow commands
    assert any(line.startswith("::warning ") and "M301" in line for line in lines)


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_markdown_table(
    plans: dict[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run([str(plans[kind]), "--output-format", "markdown"], capsys)
    lines = out.splitlines()
    assert lines[0] == "# Audit findings"
    assert "1 target, 3 actions, 0 claims checked in 1 file" in lines[2]
    header = lines.index("| Plan | Where | Rule | Severity | About | Finding | The plan says |")
    rows = lines[header + 2 :]
    assert len(rows) == 2
    assert all(row.startswith("| ") and row.endswith(" |") for row in rows)
    assert [row.split(" | ")[2] for row in rows] == ["A101", "M301"]  # in document order
    assert "\\| Fit door locks" in rows[1]  # the quoted row's own bars are escaped
    assert rows[1].count(" | ") == 6  # seven cells


def test_markdown_with_no_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("A quiet plan\n\nNothing to audit here.\n", encoding="utf-8")
    _, out, _ = run([str(path), "--output-format", "markdown"], capsys)
    assert out.rstrip().endswith("No findings.")


# --- folders and the tally -------------------------------------------------------------


def test_folder_of_documents_and_batch_output(
    plans: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    assert main(["batch", str(plans["txt"]), "--out-dir", str(out_dir), "-q"]) == 0
    (out_dir / "datapackage.json").write_text('{"name": "tables"}', encoding="utf-8")
    capsys.readouterr()
    assert (out_dir / "manifest.json").exists()
    status, out, err = run([str(out_dir), "--json", "-q"], capsys)
    assert status == 1, err
    files = {Path(r["file"]).name for r in json.loads(out)}
    assert files == {"northgate.txt.json"}  # the manifest and the package are not plans
    folder = plans["txt"].parent
    _, out, err = run([str(folder), "--select", "M301"], capsys)
    assert sorted(Path(line.split(":")[0]).suffix for line in out.splitlines()) == [
        ".docx",
        ".pdf",
        ".txt",
    ]
    assert err.strip().splitlines()[-1].startswith("3 targets, 9 actions, 0 claims checked in 3")


def test_missing_input_is_reported_and_the_rest_checked(
    plans: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run([str(tmp_path / "nowhere"), str(plans["txt"])], capsys)
    assert status == 2
    assert "nowhere" in err
    assert " A101 " in out


def test_tally_counts_what_was_checked(plans: dict[str, Path]) -> None:
    plan = load(plans["txt"])
    checked = CheckedFile("northgate.txt", plan, tuple(check(plan)))
    summary = tally([checked, checked])
    assert (summary.files, summary.targets, summary.actions, summary.claims) == (2, 2, 6, 0)
    assert (summary.errors, summary.warnings) == (2, 2)
    assert summary.line().startswith("2 targets, 6 actions, 0 claims checked in 2 files: 2 errors")


def test_every_format_is_offered() -> None:
    assert sorted(FORMATS) == ["github", "json", "markdown", "sarif", "text"]
