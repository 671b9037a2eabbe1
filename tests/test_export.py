"""Tidy tables: `cspplan.tables`, the Data Package, Excel and Parquet writers, `cspplan export`."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import cspplan
from cspplan import dumps
from cspplan.cli import main
from cspplan.errors import CspplanError
from cspplan.export import (
    TABLES,
    plan_key,
    priority_id,
    tables,
    to_pandas,
    write_datapackage,
    write_parquet,
    write_xlsx,
)
from cspplan.export.schema import table
from cspplan.model import Plan
from cspplan.stats import plan_stats
from test_validate_plans import action_plan, faulty_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "plans").iterdir())


@pytest.fixture(scope="module")
def example_plans() -> list[Plan]:
    return [cspplan.load(p) for p in EXAMPLES]


def _assert_keys_hold(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Every primary key is unique and every foreign key finds its row, as the Table
    Schemas declare them."""
    for spec in TABLES:
        got = rows[spec.name]
        keys = [tuple(r[c] for c in spec.primary_key) for r in got]
        assert len(keys) == len(set(keys)), spec.name
        for row in got:
            assert tuple(row) == spec.column_names
            for column in spec.columns:
                if column.required:
                    assert row[column.name] not in (None, ""), (spec.name, column.name)
        for fk in spec.foreign_keys:
            target = {tuple(r[c] for c in fk.reference) for r in rows[fk.table]}
            for row in got:
                cells = tuple(row[c] for c in fk.fields)
                if any(c is not None for c in cells):
                    assert cells in target, (spec.name, fk, cells)


def test_every_table_has_every_row_of_the_plan(example_plans: list[Plan]) -> None:
    rows = tables(example_plans)
    assert [t.name for t in TABLES] == list(rows)
    _assert_keys_hold(rows)
    stats = [plan_stats(p) for p in example_plans]
    assert len(rows["plans"]) == len(example_plans)
    assert len(rows["actions"]) == sum(s.actions for s in stats)
    assert len(rows["targets"]) == sum(s.targets for s in stats)
    assert len(rows["objectives"]) == sum(s.objectives for s in stats)
    assert len(rows["milestones"]) == sum(s.milestones for s in stats)
    assert len(rows["unclassified"]) == sum(s.unclassified for s in stats)
    assert len(rows["memberships"]) == sum(s.memberships for s in stats)
    assert len(rows["leads"]) == sum(len(a.leads) for p in example_plans for a in p.all_actions())
    points = sum(len(t.trajectory) for p in example_plans for t in p.all_targets())
    assert len(rows["trajectory_points"]) == points
    assert len(rows["findings"]) == sum(len(cspplan.check(p)) for p in example_plans)


def test_rows_carry_plan_key_parent_and_source() -> None:
    plan = faulty_plan()
    rows = tables(plan)
    key = plan_key(plan)
    assert key == f"{plan.source.sha256[:12]}:{Path(plan.source.path).name}"
    _assert_keys_hold(rows)
    for spec in TABLES[1:]:
        for row in rows[spec.name]:
            assert row["plan_key"] == key
            assert row["key"] == f"{key}/{row['id']}"
    objective_target = next(r for r in rows["targets"] if r["id"] == "T6")
    assert objective_target["parent_table"] == "objectives"
    assert objective_target["parent_id"] == "O1"
    assert objective_target["objective_key"] == f"{key}/O1"
    assert objective_target["priority_key"] == f"{key}/P1"
    lead = rows["leads"][0]
    assert lead["parent_table"] == "actions"
    assert lead["id"] == f"{lead['parent_id']}.L1"
    action = next(a for a in plan.all_actions() if a.id == lead["parent_id"])
    assert lead["source_line"] == action.leads[0].source.line
    first_target = plan.targets[0]
    row = next(r for r in rows["targets"] if r["id"] == first_target.id)
    assert row["parent_table"] == "plans" and row["parent_id"] == key
    assert row["percent_text"] == "21%" and row["percent"] == Decimal("21")
    assert row["baseline_text"] == first_target.baseline.value.text  # type: ignore[union-attr]
    assert row["source_line"] == first_target.source.line
    assert row["trajectory_count"] == len(first_target.trajectory)


def test_findings_name_the_row_they_are_about() -> None:
    plan = faulty_plan()
    rows = tables(plan)
    findings = cspplan.check(plan)
    assert [r["code"] for r in rows["findings"]] == [f.code for f in findings]
    keys = {
        name: {r["key"] for r in rows[name]}
        for name in ("targets", "objectives", "actions", "claims")
    }
    for row in rows["findings"]:
        if row["subject_table"] == "plans":
            assert row["subject_key"] in (None, row["plan_key"])
        else:
            assert row["subject_key"] in keys[row["subject_table"]], row
    c201 = next(r for r in rows["findings"] if r["code"] == "C201")
    assert (c201["stated_text"], c201["stated"]) == ("10%", Decimal("10"))


def test_given_findings_are_used_instead_of_the_audit() -> None:
    plan = faulty_plan()
    assert tables([plan], [[]])["findings"] == []
    with pytest.raises(CspplanError):
        tables([plan], [])


def test_priority_ids_come_from_position_unless_the_model_has_one() -> None:
    plan = action_plan()
    assert [priority_id(plan, i, p) for i, p in enumerate(plan.priorities)] == [
        f"P{i + 1}" for i in range(len(plan.priorities))
    ]

    class WithId:
        id = "PR7"

    assert priority_id(plan, 0, WithId()) == "PR7"  # type: ignore[arg-type]


def test_a_plan_given_twice_is_exported_once() -> None:
    plan = action_plan()
    with pytest.warns(UserWarning, match="given twice"):
        rows = tables([plan, cspplan.loads(dumps(plan))])
    assert len(rows["plans"]) == 1
    other = attrs.evolve(plan, source=attrs.evolve(plan.source, sha256="1" * 64))
    assert len(tables([plan, other])["plans"]) == 2


def test_duplicate_ids_in_a_plan_are_refused() -> None:
    plan = action_plan()
    twice = attrs.evolve(plan, targets=plan.targets + plan.targets[:1])
    with pytest.raises(CspplanError, match="two targets rows have the id"):
        tables(twice)


def test_not_a_plan_is_refused() -> None:
    with pytest.raises(CspplanError, match="needs Plans"):
        tables(["plan.txt"])  # type: ignore[list-item]


def test_column_descriptions_come_from_the_model_docstrings() -> None:
    for spec in TABLES:
        assert spec.description
        for column in spec.columns:
            assert column.description, (spec.name, column.name)
    outcome = next(c for c in table("actions").columns if c.name == "outcome")
    assert outcome.description == "The desired outcome as written."
    assert (
        "(Its exact value.)"
        in next(c for c in table("targets").columns if c.name == "percent").description
    )


def _read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_datapackage_is_valid_for_frictionless(tmp_path: Path, example_plans: list[Plan]) -> None:
    frictionless = pytest.importorskip("frictionless")
    path = write_datapackage([*example_plans, faulty_plan()], None, tmp_path)
    assert path == tmp_path / "datapackage.json"
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert set(resources) == {t.name for t in TABLES}
    leads = resources["leads"]["schema"]
    assert leads["primaryKey"] == ["plan_key", "id"]
    assert {
        "fields": ["plan_key", "parent_id"],
        "reference": {"resource": "actions", "fields": ["plan_key", "id"]},
    } in leads["foreignKeys"]


def test_frictionless_catches_a_broken_reference(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    path = write_datapackage(faulty_plan(), None, tmp_path)
    text = (tmp_path / "leads.csv").read_text(encoding="utf-8")
    first_parent = _read_csv(tmp_path, "leads")[0]["parent_id"]
    (tmp_path / "leads.csv").write_text(
        text.replace(f",{first_parent},", ",A999,", 1), encoding="utf-8"
    )
    report = frictionless.validate(str(path))
    assert not report.valid
    assert "foreign-key" in {e.type for task in report.tasks for e in task.errors}


def test_csv_cells_keep_printed_and_exact_values(tmp_path: Path) -> None:
    plan = faulty_plan()
    write_datapackage(plan, None, tmp_path)
    targets = _read_csv(tmp_path, "targets")
    first = next(r for r in targets if r["id"] == plan.targets[0].id)
    assert (first["percent"], first["percent_text"]) == ("21", "21%")
    claims = _read_csv(tmp_path, "claims")
    count = next(r for r in claims if r["id"] == "C10")
    assert json.loads(count["items"]) == ["Damage", "Vehicles", "Confidence", "Alcohol"]
    plans = _read_csv(tmp_path, "plans")
    assert plans[0]["plan_key"] == plan_key(plan)
    assert plans[0]["period_start"] == plan.period.start.isoformat()  # type: ignore[union-attr]


def test_xlsx_has_one_sheet_a_table_and_keeps_formulas_as_text(tmp_path: Path) -> None:
    pytest.importorskip("xlsxwriter")
    plan = action_plan()
    first = plan.priorities[0]
    sneaky = attrs.evolve(first.actions[0], text="=HYPERLINK(1)")
    plan = attrs.evolve(
        plan, priorities=(attrs.evolve(first, actions=(sneaky, *first.actions[1:])),)
    )
    path = write_xlsx(plan, None, tmp_path)
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode()
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/sheet")]
        cells = "".join(book.read(name).decode() for name in sheets)
    for spec in TABLES:
        assert f'name="{spec.name}"' in workbook
    assert 'name="columns"' in workbook
    assert len(sheets) == len(TABLES) + 1
    assert "<f>" not in cells
    assert "<t>=HYPERLINK(1)</t>" in cells  # an inline string (constant_memory mode)


def test_long_text_is_cut_with_a_note_in_xlsx() -> None:
    from cspplan.export.spreadsheet import EXCEL_CELL_LIMIT, _fit

    text = "x" * (EXCEL_CELL_LIMIT + 10)
    cut = _fit(text)
    assert len(cut) == EXCEL_CELL_LIMIT
    assert cut.endswith("the CSV export keeps the whole text]")
    assert _fit("short") == "short"


def test_parquet_round_trips_types(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    plan = faulty_plan()
    write_parquet(plan, None, tmp_path)
    rows = tables(plan)
    for spec in TABLES:
        read = pq.read_table(tmp_path / f"{spec.name}.parquet")
        assert read.column_names == list(spec.column_names)
        assert read.num_rows == len(rows[spec.name])
    targets = pq.read_table(tmp_path / "targets.parquet").to_pylist()
    first = next(r for r in targets if r["id"] == plan.targets[0].id)
    assert first["percent"] == 21.0 and first["percent_text"] == "21%"
    assert isinstance(first["baseline_period_start"], (dt.date, type(None)))
    claims = pq.read_table(tmp_path / "claims.parquet").to_pylist()
    assert next(r for r in claims if r["id"] == "C10")["items"][0] == "Damage"


def test_to_pandas_gives_typed_frames() -> None:
    pytest.importorskip("pandas")
    frames = to_pandas(faulty_plan())
    assert set(frames) == {t.name for t in TABLES}
    targets = frames["targets"]
    assert str(targets["percent"].dtype) == "Float64"
    assert str(targets["trajectory_count"].dtype) == "Int64"
    assert str(targets["baseline_period_start"].dtype).startswith("datetime64")
    joined = frames["leads"].merge(
        frames["actions"], left_on=["plan_key", "parent_id"], right_on=["plan_key", "id"]
    )
    assert len(joined) == len(frames["leads"])


@pytest.mark.parametrize(
    ("module", "call", "hint"),
    [
        ("xlsxwriter", write_xlsx, "pip install 'cspplan[xlsx]'"),
        ("pyarrow", write_parquet, "pip install 'cspplan[parquet]'"),
    ],
)
def test_a_missing_extra_names_the_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, call: Any, hint: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(CspplanError, match=hint.replace("[", r"\[").replace("]", r"\]")):
        call(action_plan(), None, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_missing_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(CspplanError, match="pip install pandas"):
        to_pandas(action_plan())


def test_cli_exports_documents_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    json_dir = tmp_path / "json"
    assert main(["parse", *map(str, EXAMPLES), "--out-dir", str(json_dir), "-q"]) == 0
    (json_dir / "manifest.json").write_text("{}", encoding="utf-8")  # a batch's, not a plan
    assert main(["export", *map(str, EXAMPLES), "--out-dir", str(tmp_path / "a")]) == 0
    assert main(["export", str(json_dir), "--out-dir", str(tmp_path / "b"), "-q"]) == 0
    err = capsys.readouterr().err
    assert "exported 3 plans" in err
    both = tmp_path / "c"
    assert main(["export", str(EXAMPLES[0]), str(json_dir), "--out-dir", str(both), "-q"]) == 0
    warned = capsys.readouterr().err
    assert "cspplan: warning: " in warned and "given twice; exported once" in warned
    assert len(_read_csv(both, "plans")) == 3
    for spec in TABLES:
        assert _read_csv(tmp_path / "a", spec.name) == _read_csv(tmp_path / "b", spec.name)


def test_cli_goes_on_past_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(bad), str(EXAMPLES[0]), "--out-dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"cspplan: error: {bad}" in err
    assert len(_read_csv(out, "plans")) == 1
    assert main(["export", str(bad), "--out-dir", str(tmp_path / "none")]) == 2
    assert not (tmp_path / "none").exists()
    assert main(["export", str(tmp_path / "missing.txt"), "--out-dir", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("xlsxwriter")
    pytest.importorskip("pyarrow")
    example = str(EXAMPLES[0])
    assert main(["export", example, "--out-dir", str(tmp_path), "--format", "xlsx", "-q"]) == 0
    assert (tmp_path / "tables.xlsx").is_file()
    assert main(["export", example, "--out-dir", str(tmp_path), "--format", "parquet", "-q"]) == 0
    assert (tmp_path / "actions.parquet").is_file()
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    assert main(["export", example, "--out-dir", str(tmp_path / "x"), "--format", "xlsx"]) == 2


def test_corpus_exports_one_row_per_action(shared_dir: Path, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    texts = shared_dir / "corpus" / "texts"
    if not texts.is_dir():
        pytest.skip("../shared/corpus/texts is not available")
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert main(["export", *map(str, seeds), str(texts), "--out-dir", str(tmp_path), "-q"]) == 0
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid
    files = [*seeds, *sorted(texts.iterdir())]
    expected = sum(plan_stats(cspplan.load(p)).actions for p in files)
    actions = _read_csv(tmp_path, "actions")
    assert len(actions) == expected
    assert len({r["key"] for r in actions}) == expected
    assert len(_read_csv(tmp_path, "plans")) == len(files)


def test_docs_list_every_table_and_column() -> None:
    from cspplan.export.schema import markdown

    page = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    marker = "<!-- generated below: do not edit by hand -->\n\n"
    assert marker in page
    assert page.split(marker, 1)[1] == markdown(), "run python -m cspplan.export.reference"


def test_inputs_walk_folders_for_documents_and_plan_json(tmp_path: Path) -> None:
    from cspplan.export.inputs import expand_inputs

    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    for name in ("b.txt", "a.txt.json", "manifest.json", "datapackage.json", "notes.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt.json", "b.txt", "sub/c.pdf"]
    again = expand_inputs([str(tmp_path / "b.txt"), str(tmp_path / "*.txt")])
    assert [p.name for p in again] == ["b.txt"]
    with pytest.raises(CspplanError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.docx")])


@pytest.mark.parametrize(
    ("name", "output", "made"),
    [
        ("datapackage", "dp", "dp/datapackage.json"),
        ("xlsx", "t.xlsx", "t.xlsx"),
        ("parquet", "pq", "pq/actions.parquet"),
        ("html", "r.html", "r.html"),
    ],
)
def test_writers_are_registered_for_many_plans(
    tmp_path: Path, name: str, output: str, made: str
) -> None:
    from cspplan.writers import CollectionWriter, get_writer, writes_many

    writer = get_writer(name)
    assert isinstance(writer, CollectionWriter) and writes_many(writer)
    assert writer.name == name
    files = [str(p) for p in EXAMPLES]
    assert main(["parse", *files, "--to", name, "-o", str(tmp_path / output), "-q"]) == 0
    assert (tmp_path / made).is_file()


def test_writer_settings_can_leave_out_the_audit(tmp_path: Path) -> None:
    from cspplan.export.writers import DataPackageWriter

    plans = [faulty_plan()]
    DataPackageWriter().write_many(plans, tmp_path / "a")
    assert _read_csv(tmp_path / "a", "findings")
    DataPackageWriter().write_many(plans, tmp_path / "b", settings={"audit": False})
    assert _read_csv(tmp_path / "b", "findings") == []
    with pytest.raises(CspplanError, match="unknown ExportSettings"):
        DataPackageWriter().write_many(plans, tmp_path / "c", settings={"colour": "red"})
