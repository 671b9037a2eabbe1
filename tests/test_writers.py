"""Writers through the ``cspplan.writers`` entry points: the built-in JSON writer, a third
party's per-plan and collection writers installed as a distribution, and broken plugins."""

from __future__ import annotations

import base64
import hashlib
import json
import sys
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import cspplan
from cspplan import batch
from cspplan.cli import EXIT_INPUT, main
from cspplan.errors import CspplanError, SettingsError
from cspplan.writers import registry
from cspplan.writers.json import JsonWriter

PLAN = """Kelso Community Safety Partnership

Partnership Plan 2024 – 2027

# Priority 1: Quieter Nights in Kelso Market Square

Ref\tAction\tLead\tTimescale
1.1\tWalk the square with licensing officers on Fridays\tLicensing Lead\tMay 2025
1.2\tAdd taxi marshals at the rank\tTransport Officer\tOngoing
"""

# A third party's package: a per-plan writer whose output is not UTF-8 (a UTF-16 summary,
# as some spreadsheet tools want) and a collection writer of one TSV line per plan.
PLUGIN = """
from cspplan.fileio import atomic_open

class SummaryWriter:
    name = "summary"
    suffix = ".summary.txt"
    media_type = "text/plain; charset=utf-16"

    def write(self, plan, stream, settings=None):
        actions = len(list(plan.all_actions()))
        stream.write(f"{plan.title}\\t{actions} actions\\n".encode("utf-16"))

class TitlesWriter:
    name = "titles"
    suffix = ".tsv"
    media_type = "text/tab-separated-values"

    def write_many(self, plans, out, findings=None, settings=None):
        with atomic_open(out) as stream:
            for index, plan in enumerate(plans):
                found = "-" if findings is None else str(len(findings[index]))
                stream.write(f"{plan.title}\\t{found}\\n".encode("utf-8"))

class NotAWriter:
    name = "odd"
"""

ENTRY_POINTS = """[cspplan.writers]
summary = plan_digest:SummaryWriter
titles = plan_digest:TitlesWriter
odd = plan_digest:NotAWriter
broken = no_such_module:Writer
"""


def summary_bytes(plan: cspplan.Plan) -> bytes:
    return f"{plan.title}\t{len(list(plan.all_actions()))} actions\n".encode("utf-16")


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A third-party distribution installed the way pip would lay it out: a module and a
    dist-info folder whose entry_points.txt registers writers under ``cspplan.writers``."""
    site = tmp_path / "site"
    info = site / "plan_digest-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "plan_digest.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: plan-digest\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    registry.reset()
    yield site
    sys.modules.pop("plan_digest", None)
    registry.reset()


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "plans"
    folder.mkdir()
    first = folder / "kelso.txt"
    first.write_text(PLAN, encoding="utf-8")
    second = folder / "morden.md"
    second.write_text(PLAN.replace("Kelso", "Morden"), encoding="utf-8")
    return [first, second]


# --- the built-in JSON writer -------------------------------------------------------------


def test_json_is_registered_by_entry_point_like_a_plugin() -> None:
    assert "json" in registry.available_writers()
    writer = registry.get_writer("json")
    assert isinstance(writer, JsonWriter) and writer.suffix == ".json"
    assert registry.get_plan_writer(registry.DEFAULT_WRITER) is writer


def test_json_writer_writes_what_dumps_gives(plans: list[Path], tmp_path: Path) -> None:
    plan = cspplan.load(plans[0])
    out = tmp_path / "plan.json"
    with out.open("wb") as stream:
        JsonWriter().write(plan, stream)
    assert out.read_text(encoding="utf-8") == cspplan.dumps(plan) + "\n"
    with out.open("wb") as stream:
        JsonWriter().write(plan, stream, {"indent": None})
    assert out.read_text(encoding="utf-8").count("\n") == 1
    assert cspplan.loads(out.read_bytes()) == plan
    with pytest.raises(SettingsError, match="indent"), out.open("wb") as stream:
        JsonWriter().write(plan, stream, {"indent": -1})
    with pytest.raises(SettingsError, match="unknown"), out.open("wb") as stream:
        JsonWriter().write(plan, stream, {"colour": True})


def test_default_batch_options_match_those_before_writers(
    plans: list[Path], tmp_path: Path
) -> None:
    # Outputs of earlier versions stay up to date only if the default key is unchanged.
    result = batch.convert([plans[0]], tmp_path / "out", jobs=1)
    assert result.results[0].options == json.dumps(
        {"format": None, "settings": None}, sort_keys=True
    )
    compact = batch.convert([plans[0]], tmp_path / "out", writer_settings={"indent": None})
    assert compact.results[0].status == "converted"  # other settings, so not "unchanged"
    written = (tmp_path / "out" / "kelso.txt.json").read_text(encoding="utf-8")
    assert written.count("\n") == 1


def test_unknown_writer_lists_the_installed_ones(plans: list[Path], tmp_path: Path) -> None:
    with pytest.raises(CspplanError, match=r"no writer named 'nope'.*json"):
        registry.get_writer("nope")
    with pytest.raises(CspplanError, match="no writer named"):
        batch.convert([plans[0]], tmp_path / "out", writer="nope")
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_cli_unknown_writer_is_a_usage_error(
    plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(plans[0]), "--to", "nope"]) == EXIT_INPUT
    assert "no writer named 'nope'" in capsys.readouterr().err
    assert main(["batch", str(plans[0]), "--out-dir", str(tmp_path), "--to", "nope"]) == 2
    assert "no writer named 'nope'" in capsys.readouterr().err


# --- a third party's writers --------------------------------------------------------------


def test_third_party_writers_are_found_and_broken_ones_stop_nothing(plugin: Path) -> None:
    assert {"json", "summary", "titles", "odd", "broken"} <= set(registry.available_writers())
    with pytest.raises(CspplanError, match="failed to load"):
        registry.get_writer("broken")
    with pytest.raises(CspplanError, match="implements neither"):
        registry.get_writer("odd")
    assert registry.get_writer("summary").suffix == ".summary.txt"
    assert registry.get_writer("json").name == "json"


def test_parse_writes_through_a_plugin_per_plan_writer(
    plugin: Path, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kelso = cspplan.load(plans[0])
    single = tmp_path / "kelso.utf16"
    assert main(["parse", str(plans[0]), "--to", "summary", "-o", str(single), "-q"]) == 0
    assert single.read_bytes() == summary_bytes(kelso)

    out_dir = tmp_path / "out"
    assert main(["parse", *map(str, plans), "--to", "summary", "--out-dir", str(out_dir)]) == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["kelso.txt.summary.txt", "morden.md.summary.txt"]
    assert (out_dir / "kelso.txt.summary.txt").read_bytes() == summary_bytes(kelso)
    assert "kelso.txt.summary.txt" in capsys.readouterr().err


def test_parse_sends_a_plugin_writers_bytes_to_stdout_unchanged(
    plugin: Path, plans: list[Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["parse", str(plans[0]), "--to", "summary", "-q"]) == 0
    assert capsysbinary.readouterr().out == summary_bytes(cspplan.load(plans[0]))


def test_parse_writes_many_plans_through_a_collection_writer(
    plugin: Path, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "titles.tsv"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01 not a plan")
    status = main(
        ["parse", str(plans[0]), str(bad), str(plans[1]), "--to", "titles", "-o", str(out)]
    )
    assert status == EXIT_INPUT  # the unreadable file, reported and skipped
    titles = [cspplan.load(p).title for p in plans]
    assert out.read_text(encoding="utf-8") == "".join(f"{t}\t-\n" for t in titles)
    err = capsys.readouterr().err
    assert str(bad) in err and f"-> {out}" in err

    assert main(["parse", *map(str, plans), "--to", "titles"]) == EXIT_INPUT
    assert "give -o OUT" in capsys.readouterr().err


def test_batch_writes_through_a_plugin_writer_with_its_suffix(
    plugin: Path, plans: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = batch.convert(plans, out, jobs=2, writer="summary")
    assert [r.output for r in first.results] == ["kelso.txt.summary.txt", "morden.md.summary.txt"]
    assert first.ok
    for row, source in zip(first.results, plans, strict=True):
        data = (out / row.output).read_bytes()
        assert data == summary_bytes(cspplan.load(source))
        assert row.output_sha256 == hashlib.sha256(data).hexdigest()

    again = batch.convert(plans, out, jobs=1, writer="summary")
    assert {r.status for r in again.results} == {"unchanged"}
    # JSON into the same folder: other outputs, kept beside the first in one manifest.
    batch.convert(plans, out, jobs=1)
    assert len(batch.read_manifest(out)) == 4
    assert (out / "kelso.txt.json").exists() and (out / "kelso.txt.summary.txt").exists()

    with ThreadPoolExecutor(2) as pool:
        threaded = batch.convert(plans, tmp_path / "threads", pool, timeout=None, writer="summary")
    for row in threaded.results:
        assert (tmp_path / "threads" / row.output).read_bytes() == (out / row.output).read_bytes()


def test_a_task_carries_non_utf8_output_as_base64(plugin: Path, plans: list[Path]) -> None:
    task = batch.Task(
        source=str(plans[0]),
        format=None,
        settings=None,
        known_sha256=None,
        timeout=None,
        isolate=False,
        memory_limit=None,
        writer="summary",
        writer_settings=None,
    )
    outcome = batch.convert_task(task)
    assert outcome["status"] == "converted" and outcome["text"] is None
    assert json.loads(json.dumps(outcome)) == outcome
    assert base64.b64decode(outcome["output_base64"] or "") == summary_bytes(cspplan.load(plans[0]))


def test_batch_refuses_writers_it_cannot_use(
    plugin: Path, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(CspplanError, match="one output for many plans"):
        batch.convert(plans, tmp_path / "out", writer="titles")
    assert main(["batch", *map(str, plans), "--out-dir", str(tmp_path), "--to", "broken"]) == 2
    assert "failed to load" in capsys.readouterr().err
    # The broken plugin costs nothing to the other writers.
    assert batch.convert(plans, tmp_path / "json", jobs=1).ok
