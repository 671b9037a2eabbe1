"""Batch conversion kept inside its output folder and refused early where it cannot write;
outputs made with the user's umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cspplan import fileio
from cspplan.batch import collect_sources, convert
from cspplan.errors import CspplanError

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "plans" / "northbrook-action-plan.txt"
)


def test_glob_climbing_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "names" / "a").mkdir(parents=True)
    (tmp_path / "escape").mkdir()
    (tmp_path / "escape" / "plan.txt").write_bytes(EXAMPLE.read_bytes())
    pattern = str(tmp_path / "names" / "*" / ".." / ".." / "escape" / "*.txt")
    out = tmp_path / "out"
    with pytest.raises(CspplanError, match="outside the output folder"):
        convert([pattern], out)
    assert not (tmp_path / "escape" / "plan.txt.json").exists()
    assert not list(tmp_path.glob("**/*.json"))


def test_every_collected_output_stays_inside(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "plan.txt").write_bytes(EXAMPLE.read_bytes())
    for source in collect_sources([str(tmp_path / "a" / "**" / "*.txt"), str(tmp_path / "a")]):
        assert not source.output.startswith("..")
        assert not os.path.isabs(source.output)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_output_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(CspplanError, match="not writable"):
            convert([str(EXAMPLE)], out)
    finally:
        out.chmod(0o755)


def test_write_check_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([str(EXAMPLE)], out)
    assert not [p for p in out.iterdir() if p.name.startswith(".cspplan-write-check")]


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_outputs_and_manifests_follow_the_umask(tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        assert fileio.current_umask() == mask
        out = tmp_path / "out"
        convert([str(EXAMPLE)], out)
    finally:
        os.umask(old)
    written = [p for p in out.iterdir() if p.is_file()]
    assert len(written) >= 3  # the output and both manifests
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


def test_unwritable_output_folder_is_refused_before_any_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can write anywhere, so the refusal the file system would give is given here.
    import cspplan.batch.run as run

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    read: list[str] = []
    monkeypatch.setattr(run.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(run, "_sha256_of", lambda path: read.append(str(path)))
    with pytest.raises(CspplanError, match="not writable: Permission denied"):
        convert([str(EXAMPLE)], tmp_path / "out")
    assert read == []


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def _cpu_ticks(pid: int) -> int:
    """User and system clock ticks ``pid`` has used (0 where it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_sigkill_of_a_running_batch_leaves_no_worker_and_no_half_output(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    text = EXAMPLE.read_text(encoding="utf-8")
    sources = []
    for name in ("one.txt", "two.txt"):
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text((text + "\n\n") * 150, encoding="utf-8")  # seconds of work each
        sources.append(str(path))
    out = tmp_path / "out"
    script = (
        "import sys; from cspplan.batch import convert; "
        "convert(sys.argv[2:], sys.argv[1], jobs=2, timeout=None)"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(out), *sources])
    workers: set[int] = set()
    # Until two workers are busy on their files: past their start-up (imports, about a
    # second of CPU), measured in CPU ticks they used, so a busy machine only slows it.
    ticks = os.sysconf("SC_CLK_TCK")
    busy: set[int] = set()
    for _ in range(1200):  # a hang guard, not a timing
        busy = {pid for pid in _children(parent.pid) if _cpu_ticks(pid) > 2.5 * ticks}
        if len(busy) >= 2 or parent.poll() is not None:
            break
        time.sleep(0.05)
    assert parent.poll() is None and len(busy) >= 2, "the batch did not start its workers"
    workers = _children(parent.pid)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(200):
        if not any(_alive(pid) for pid in workers):
            break
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived their batch"
    if out.exists():
        leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == [], "a half-written output was left"
    # A re-run finishes the work and records every file.
    result = convert(sources, out, jobs=2)
    assert all(r.ok for r in result.results)
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert all(Path(s).name in manifest for s in sources)


def test_a_second_batch_into_a_busy_output_folder_is_refused(tmp_path: Path) -> None:
    import fcntl

    from cspplan.batch.run import LOCK_NAME

    out = tmp_path / "out"
    out.mkdir()
    with open(out / LOCK_NAME, "a+b") as held:  # as a running batch holds it
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(CspplanError, match="another cspplan batch"):
            convert([str(EXAMPLE)], out)
        assert not (out / "manifest.json").exists()
    # Released, the folder is usable again.
    assert convert([str(EXAMPLE)], out).ok


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_a_killed_batch_keeps_the_rows_of_the_files_it_finished(tmp_path: Path) -> None:
    import json
    import signal
    import subprocess
    import sys
    import time

    from cspplan.batch.manifest import JOURNAL, read_rows

    small = tmp_path / "in" / "small.txt"
    large = tmp_path / "in" / "large.txt"
    small.parent.mkdir()
    small.write_bytes(EXAMPLE.read_bytes())
    # A named pipe nobody writes to: its worker blocks on it, so the batch cannot end
    # before the kill however fast the machine is.
    os.mkfifo(large)
    out = tmp_path / "out"
    script = (
        "import sys; from cspplan.batch import convert; "
        "convert(sys.argv[2:], sys.argv[1], jobs=2, timeout=None)"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(out), str(small), str(large)])

    def small_recorded() -> bool:
        # The journal exists from the moment it is opened; its row is whole once the
        # line ends, which is what a kill must not cut short.
        try:
            text = (out / JOURNAL).read_text(encoding="utf-8")
        except FileNotFoundError:
            return False
        return "small.txt" in text and text.endswith("\n")

    for _ in range(1200):  # a hang guard, not a timing
        if small_recorded() or parent.poll() is not None:
            break
        time.sleep(0.05)
    assert parent.poll() is None, "the batch ended before it could be killed"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    # The manifest is written when a run ends; the journal has what finished before.
    assert not (out / "manifest.json").exists()
    journal = [json.loads(line) for line in (out / JOURNAL).read_text().splitlines()]
    assert [row["output"] for row in journal] == ["small.txt.json"]
    assert (out / "small.txt.json").exists()
    assert set(read_rows(out)) == {"small.txt.json"}
    large.unlink()
    large.write_text((EXAMPLE.read_text(encoding="utf-8") + "\n\n") * 20, encoding="utf-8")
    # The re-run takes the finished file from the journal and completes the manifest.
    result = convert([str(small), str(large)], out, jobs=2)
    statuses = {r.output: r.status for r in result.results}
    assert statuses == {"small.txt.json": "unchanged", "large.txt.json": "converted"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {row["output"] for row in manifest["files"]} == set(statuses)
    assert not (out / JOURNAL).exists()
