"""Batch conversion: finding sources, converting in parallel, time limits, the manifest,
re-runs, atomic outputs, executors and the ``cspplan batch`` command."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import cspplan
from cspplan import batch, fileio
from cspplan.batch import FileResult, collect_sources, convert, convert_task
from cspplan.batch.manifest import JOURNAL
from cspplan.cli import main
from cspplan.errors import CspplanError

ROOT = Path(__file__).resolve().parent.parent

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")


def plan_text(area: str, priorities: int = 2) -> str:
    """A small synthetic plan in the text format: a title, priorities and an action table."""
    lines = [
        f"{area} Community Safety Partnership",
        "",
        f"Partnership Plan 2024 – 2027 for {area}",
        "",
    ]
    for number in range(1, priorities + 1):
        lines += [
            f"# Priority {number}: Safer Streets Around {area} Station",
            "",
            f"We will cut reported street thefts by {10 + number}% from 1,{number}00 incidents"
            f" in 2023/24 by March 2027.",
            "",
            "Ref\tAction\tLead\tTimescale",
            f"{number}.1\tRun evening patrols at the bus interchange\tNeighbourhood Inspector\tJune 2025",
            f"{number}.2\tFit brighter lighting on the canal path\tHighways Manager\tOngoing",
            "",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A folder of plans: good ones at two levels, a broken one and files to be ignored."""
    root = tmp_path / "archive"
    (root / "north").mkdir(parents=True)
    (root / "plan-a.txt").write_text(plan_text("Ashford"), encoding="utf-8")
    (root / "plan-b.md").write_text(plan_text("Brampton", 1), encoding="utf-8")
    (root / "north" / "plan-c.txt").write_text(plan_text("Carlton", 3), encoding="utf-8")
    (root / "broken.txt").write_bytes(b"Priority\x00\x00\x01 binary junk")
    (root / "notes.xyz").write_text("not a plan format", encoding="utf-8")
    (root / ".hidden.txt").write_text(plan_text("Hidden"), encoding="utf-8")
    (root / "~$plan-a.txt").write_text("lock file", encoding="utf-8")
    (root / "README.md").write_text("# About these plans\n\nScanned in 2010.\n", encoding="utf-8")
    (root / "north" / "LICENSE.txt").write_text("Open Government Licence", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / ".cache" / "plan-z.txt").write_text(plan_text("Zetland"), encoding="utf-8")
    return root


def read_manifest_rows(out: Path) -> dict[str, dict[str, object]]:
    data = json.loads((out / batch.MANIFEST_JSON).read_text(encoding="utf-8"))
    return {row["output"]: row for row in data["files"]}


def no_temp_files(folder: Path) -> bool:
    return not any(p.name.endswith(".tmp") for p in folder.rglob("*"))


# --- finding sources ----------------------------------------------------------------------


def test_collect_walks_folders_for_supported_suffixes_and_mirrors_them(archive: Path) -> None:
    found = collect_sources([archive], out_dir=archive / "out")
    outputs = [s.output for s in found]
    assert outputs == [
        "broken.txt.json",
        "plan-a.txt.json",
        "plan-b.md.json",
        "north/plan-c.txt.json",
    ]


def test_a_folder_note_named_on_its_own_is_read(archive: Path) -> None:
    found = collect_sources([archive / "README.md"], out_dir=archive / "out")
    assert [s.output for s in found] == ["README.md.json"]


def test_collect_suffixes_come_from_the_parser_registry() -> None:
    suffixes = batch.supported_suffixes()
    assert {".txt", ".md"} <= set(suffixes)
    assert batch.supported_suffixes("text") == tuple(
        sorted(cspplan.parsers.text.TextParser.suffixes)
    )


def test_collect_skips_the_output_folder_inside_the_input(archive: Path) -> None:
    out = archive / "converted"
    out.mkdir()
    (out / "old.txt").write_text("an earlier export", encoding="utf-8")
    found = collect_sources([archive], out_dir=out)
    assert all("converted" not in s.output for s in found)


def test_collect_globs_place_matches_relative_to_the_fixed_folder(archive: Path) -> None:
    found = collect_sources([str(archive / "**" / "plan-*.txt")])
    assert sorted(s.output for s in found) == ["north/plan-c.txt.json", "plan-a.txt.json"]


def test_collect_a_named_file_goes_to_the_top_and_is_taken_once(archive: Path) -> None:
    named = archive / "north" / "plan-c.txt"
    found = collect_sources([named, str(named)])
    assert [s.output for s in found] == ["plan-c.txt.json"]


def test_collect_refuses_inputs_that_match_nothing(tmp_path: Path) -> None:
    with pytest.raises(CspplanError, match="no such file"):
        collect_sources([tmp_path / "missing"])
    with pytest.raises(CspplanError, match="no file matches"):
        collect_sources([str(tmp_path / "*.pdf")])


def test_collect_refuses_two_files_with_one_output(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_text(plan_text("Dunmore"), encoding="utf-8")
    with pytest.raises(CspplanError, match="would both be written"):
        collect_sources([tmp_path / "a" / "plan.txt", tmp_path / "b" / "plan.txt"])
    # Named by their folder, they are mirrored and do not collide.
    found = collect_sources([str(tmp_path / "*")])
    assert sorted(s.output for s in found) == ["a/plan.txt.json", "b/plan.txt.json"]


# --- converting ---------------------------------------------------------------------------


def test_convert_writes_each_plan_and_records_failures(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    seen: list[FileResult] = []
    result = convert([archive], out, jobs=2, timeout=60, on_result=seen.append)

    assert {r.status for r in result.results} == {"converted", "failed"}
    assert len(seen) == len(result.results) == 4
    assert not result.ok and result.count("converted") == 3
    for name in ("plan-a.txt", "plan-b.md", "north/plan-c.txt"):
        written = cspplan.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert written == cspplan.load(archive / name)
    (broken,) = result.failures
    assert broken.output == "broken.txt.json" and not (out / "broken.txt.json").exists()
    assert broken.error is not None and str(archive / "broken.txt") in broken.error
    # The text parser claims .txt and refuses the binary content (a suffix claim wins).
    assert broken.error_type == "DocumentError"
    assert no_temp_files(out)


def test_manifest_records_hash_status_counts_and_seconds(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = convert([archive], out, jobs=1)
    rows = read_manifest_rows(out)
    assert set(rows) == {r.output for r in result.results}
    good = rows["north/plan-c.txt.json"]
    assert good["status"] == "converted"
    assert good["sha256"] == cspplan.load(archive / "north" / "plan-c.txt").source.sha256
    assert good["error"] is None
    assert isinstance(good["seconds"], float) and good["seconds"] >= 0
    counts = good["counts"]
    assert isinstance(counts, dict) and set(counts) == set(batch.COUNT_FIELDS)
    assert rows["broken.txt.json"]["status"] == "failed"

    with open(out / batch.MANIFEST_CSV, newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [r["output"] for r in table] == sorted(rows)
    by_output = {r["output"]: r for r in table}
    assert by_output["north/plan-c.txt.json"]["sha256"] == good["sha256"]
    assert by_output["broken.txt.json"]["error"].startswith(str(archive / "broken.txt"))


def test_rerun_skips_outputs_that_are_up_to_date(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([archive], out, jobs=1)
    first = (out / "plan-a.txt.json").stat().st_mtime_ns

    again = convert([archive], out, jobs=1)
    statuses = {r.output: r.status for r in again.results}
    assert statuses == {
        "plan-a.txt.json": "unchanged",
        "plan-b.md.json": "unchanged",
        "north/plan-c.txt.json": "unchanged",
        "broken.txt.json": "failed",  # a failure is always tried again
    }
    assert (out / "plan-a.txt.json").stat().st_mtime_ns == first
    assert read_manifest_rows(out)["plan-a.txt.json"]["counts"] is not None

    # A changed source, a damaged output and an output from another version are redone.
    (archive / "plan-a.txt").write_text(plan_text("Ashford", 4), encoding="utf-8")
    (out / "plan-b.md.json").write_text('{"truncated', encoding="utf-8")
    data = json.loads((out / batch.MANIFEST_JSON).read_text(encoding="utf-8"))
    for row in data["files"]:
        if row["output"] == "north/plan-c.txt.json":
            row["cspplan_version"] = "0.0.1"
    (out / batch.MANIFEST_JSON).write_text(json.dumps(data), encoding="utf-8")
    third = {r.output: r.status for r in convert([archive], out, jobs=1).results}
    assert third["plan-a.txt.json"] == third["plan-b.md.json"] == "converted"
    assert third["north/plan-c.txt.json"] == "converted"
    assert cspplan.loads((out / "plan-b.md.json").read_text(encoding="utf-8")).title

    forced = convert([archive], out, jobs=1, force=True)
    assert forced.count("converted") == 3


def test_rerun_with_other_parser_options_converts_again(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([archive / "plan-a.txt"], out)
    other = convert([archive / "plan-a.txt"], out, settings={"infer_headings": False})
    assert other.results[0].status == "converted"


def test_manifest_keeps_rows_of_earlier_runs_on_other_inputs(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([archive / "plan-a.txt"], out)
    convert([archive / "plan-b.md"], out)
    assert set(read_manifest_rows(out)) == {"plan-a.txt.json", "plan-b.md.json"}


def test_unusable_runs_raise_before_starting(archive: Path, tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(CspplanError, match="output folder is a file"):
        convert([archive], afile)
    with pytest.raises(CspplanError, match="jobs"):
        convert([archive], tmp_path / "out", jobs=0)
    with pytest.raises(CspplanError, match="timeout"):
        convert([archive], tmp_path / "out", timeout=0)


@needs_fifo
def test_a_hung_file_is_stopped_at_the_time_limit(archive: Path, tmp_path: Path) -> None:
    # Reading a named pipe with no writer blocks forever: a true hang, not a simulated one.
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)
    started = time.perf_counter()
    # The limit is generous so that the small plans finish on a loaded machine; only the
    # pipe, which never ends, can reach it.
    result = convert([stuck, archive], tmp_path / "out", jobs=2, timeout=15)
    elapsed = time.perf_counter() - started
    statuses = {r.output: r.status for r in result.results}
    assert statuses["stuck.txt.json"] == "timeout"
    assert statuses["plan-a.txt.json"] == statuses["north/plan-c.txt.json"] == "converted"
    (late,) = [r for r in result.results if r.status == "timeout"]
    assert late.error is not None and str(stuck) in late.error and late.error_type == "Timeout"
    assert elapsed < 120  # a hang guard: the pipe was stopped, not waited for
    assert not multiprocessing.active_children()


@needs_fifo
def test_a_worker_that_dies_fails_only_its_file(archive: Path, tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)

    def kill_workers() -> None:
        for child in multiprocessing.active_children():
            child.kill()

    def on_result(result: FileResult) -> None:
        # The plan is done and the pipe handed out: kill the worker stuck on the pipe.
        if result.output == "plan-a.txt.json":
            threading.Timer(0.5, kill_workers).start()

    result = convert(
        [stuck, archive / "plan-a.txt", archive / "plan-b.md"],
        tmp_path / "out",
        jobs=1,
        timeout=60,
        on_result=on_result,
    )
    statuses = {r.output: (r.status, r.error_type) for r in result.results}
    assert statuses["stuck.txt.json"] == ("failed", "WorkerCrashed")
    assert statuses["plan-a.txt.json"] == ("converted", None)
    assert statuses["plan-b.md.json"] == ("converted", None)  # on the replacement worker


def test_outputs_are_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.txt.json"
    fileio.atomic_write_text(target, '{"old": true}\n')

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        fileio.atomic_write_text(target, '{"new": "half written?"}\n')
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert no_temp_files(tmp_path)


# --- executors ----------------------------------------------------------------------------


def test_convert_task_is_plain_data_in_and_out(archive: Path) -> None:
    task = batch.Task(
        source=str(archive / "plan-a.txt"),
        format=None,
        settings=None,
        known_sha256=None,
        timeout=None,
        isolate=False,
        memory_limit=None,
    )
    outcome = convert_task(task)
    assert outcome["status"] == "converted"
    assert json.loads(json.dumps(outcome)) == outcome
    assert cspplan.loads(outcome["text"] or "") == cspplan.load(archive / "plan-a.txt")


def test_any_executor_runs_the_same_job(archive: Path, tmp_path: Path) -> None:
    local = convert([archive], tmp_path / "local", jobs=2)
    with ThreadPoolExecutor(2) as pool:
        threaded = convert([archive], tmp_path / "threads", executor=pool, timeout=None)
    with ProcessPoolExecutor(2) as pool:
        processes = convert([archive], tmp_path / "procs", executor=pool, timeout=60)

    def summary(result: batch.BatchResult) -> list[tuple[str, str, str | None]]:
        return [(r.output, r.status, r.sha256) for r in result.results]

    assert summary(threaded) == summary(local) == summary(processes)
    for name in ("plan-a.txt.json", "north/plan-c.txt.json"):
        expected = (tmp_path / "local" / name).read_text(encoding="utf-8")
        assert (tmp_path / "procs" / name).read_text(encoding="utf-8") == expected


@needs_fifo
def test_an_executor_task_is_killed_at_the_time_limit(archive: Path, tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)
    with ThreadPoolExecutor(2) as pool:
        # Each task starts its own interpreter: the limit leaves room for that on a busy
        # machine, which only the never-ending pipe can use up.
        result = convert([stuck, archive / "plan-a.txt"], tmp_path / "out", pool, timeout=20)
    statuses = {r.output: r.status for r in result.results}
    assert statuses == {"stuck.txt.json": "timeout", "plan-a.txt.json": "converted"}


def test_dask_local_cluster_runs_the_batch(archive: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = convert([archive], tmp_path / "out", executor=client.get_executor(), timeout=60)
    statuses = {r.output: r.status for r in result.results}
    assert statuses == {
        "broken.txt.json": "failed",
        "plan-a.txt.json": "converted",
        "plan-b.md.json": "converted",
        "north/plan-c.txt.json": "converted",
    }
    written = cspplan.loads((tmp_path / "out" / "plan-a.txt.json").read_text(encoding="utf-8"))
    assert written == cspplan.load(archive / "plan-a.txt")


# --- the command --------------------------------------------------------------------------


def test_cli_exit_status_says_whether_every_file_converted(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [str(archive / "plan-a.txt"), str(archive / "north")]
    assert main(["batch", *good, "--out-dir", str(tmp_path / "good"), "--jobs", "2"]) == 0
    err = capsys.readouterr().err
    assert "2 converted" in err and "\r" not in err  # no progress bar when not a terminal

    assert main(["batch", str(archive), "--out-dir", str(tmp_path / "all"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "1 failed" in err and str(archive / "broken.txt") in err

    assert main(["batch", str(tmp_path / "nothing-here"), "--out-dir", str(tmp_path / "x")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["batch", str(archive), "--out-dir", str(tmp_path / "x"), "--jobs", "0"])
    assert usage.value.code == 2


def test_cli_quiet_prints_nothing_when_all_is_well(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(archive / "plan-a.txt"), "--out-dir", str(tmp_path), "-q"]) == 0
    assert capsys.readouterr().err == ""


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@needs_fifo
def test_ctrl_c_stops_at_once_keeping_finished_work(archive: Path, tmp_path: Path) -> None:
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "cspplan", "batch", str(archive / "plan-a.txt"), str(stuck)]
    child = subprocess.Popen(
        [*command, "--out-dir", str(out), "--jobs", "1", "--timeout", "600"],
        env=env,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal gives it: a test run started in the background of a script
        # ignores SIGINT, and a child would inherit that and never see the signal.
        preexec_fn=_default_sigint,
    )
    journal = out / JOURNAL

    def recorded() -> bool:
        # The finished file counts once its row is in the journal, whole (its line ended),
        # not when its output lands.
        try:
            text = journal.read_text(encoding="utf-8")
        except FileNotFoundError:
            return False
        return "plan-a.txt" in text and text.endswith("\n")

    deadline = time.monotonic() + 120  # a hang guard, not a timing
    while time.monotonic() < deadline and not recorded() and child.poll() is None:
        time.sleep(0.05)
    assert recorded(), "plan-a.txt was never recorded"
    time.sleep(0.3)  # the worker is now blocked on the pipe
    child.send_signal(signal.SIGINT)
    try:
        _, err = child.communicate(timeout=60)  # drained, so a full pipe cannot block it
    finally:
        child.kill()
    assert child.returncode == 130, err.decode("utf-8", "replace")[-2000:]
    rows = read_manifest_rows(out)
    assert rows["plan-a.txt.json"]["status"] == "converted"
    assert "stuck.txt.json" not in rows
    assert no_temp_files(out)


def test_progress_bar_is_drawn_only_when_asked(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    convert([archive / "plan-a.txt"], tmp_path / "quiet")
    assert capsys.readouterr().err == ""
    convert([archive / "plan-a.txt"], tmp_path / "shown", progress=True)
    assert "cspplan batch" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux applies them")
def test_a_memory_limit_fails_files_that_need_more(archive: Path, tmp_path: Path) -> None:
    # Ten megabytes of address space is too little to read any file: each fails alone (as
    # a MemoryError, or as a crash where the worker could not even report it), and the run
    # still finishes with every file accounted for.
    result = convert([archive], tmp_path / "out", jobs=1, memory_limit=10 * 1024 * 1024)
    assert len(result.results) == 4
    for row in result.results:
        assert row.status == "failed"
        assert row.error_type in ("MemoryError", "WorkerCrashed"), row
        assert row.file in (row.error or "")
