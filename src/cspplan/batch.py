"""Convert folders of plans to JSON: in parallel, with a time limit per file, resumable.

:func:`convert` reads every source into ``OUT/<relative path>.json`` and keeps a manifest
(``manifest.json`` and ``manifest.csv``) beside the outputs recording, for each file, its
SHA-256, what became of it, the error where it failed, what the plan holds and how long it
took. One bad file never stops the run:

- each file is converted in a worker process; a file that takes longer than ``timeout``
  seconds has its worker killed and replaced, and is recorded as ``timeout``;
- a file that cannot be read is recorded as ``failed`` with the :mod:`cspplan.errors` message
  naming it; so is a worker that dies (out of memory, a crash in a C library);
- every output and the manifest are written atomically (a temporary file renamed into
  place), so a crash or Ctrl-C never leaves half a JSON file;
- a re-run skips (``unchanged``) every file whose output is still the one a previous run wrote
  from the same source bytes, with the same cspplan version and options.

By default cspplan runs its own pool of worker processes, which it can kill. Any
:class:`concurrent.futures.Executor` can run the job instead (a Dask ``Client``'s
``get_executor()``, Ray's, a ``ProcessPoolExecutor``): the work function :func:`convert_task`
is a picklable top-level function taking and returning plain dicts, and with a time limit it
runs each conversion in a child process that it kills when the time is up, since an
executor's running task cannot be killed.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, as_completed
from datetime import datetime, timezone
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for_ready
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypedDict

import attrs

from . import __version__
from .errors import CspplanError
from .fileio import atomic_write_text, output_name

if TYPE_CHECKING:
    from multiprocessing.context import SpawnContext, SpawnProcess

__all__ = [
    "COUNT_FIELDS",
    "DEFAULT_TIMEOUT",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "STATUSES",
    "BatchResult",
    "FileResult",
    "Outcome",
    "Source",
    "Task",
    "collect_sources",
    "convert",
    "convert_task",
    "manifest_csv",
    "manifest_json",
    "read_manifest",
    "supported_suffixes",
]

MANIFEST_JSON = "manifest.json"
"""Name of the JSON manifest written into the output folder."""
MANIFEST_CSV = "manifest.csv"
"""Name of the CSV manifest written into the output folder (the same rows, flattened)."""
DEFAULT_TIMEOUT = 300.0
"""Seconds one file may take before its worker is killed."""
STATUSES = ("converted", "unchanged", "failed", "timeout")
"""What can become of a file: written now; output already up to date; unreadable; too slow."""
COUNT_FIELDS = (
    "priorities",
    "objectives",
    "actions",
    "targets",
    "indicators",
    "claims",
    "memberships",
    "unclassified",
)
"""The plan counts (from :func:`cspplan.stats.plan_stats`) recorded for each file."""

_MANIFEST_FORMAT = 1
_READY = "ready"  # what a worker says once it can take files
_SAVE_INTERVAL = 2.0  # seconds between manifest rewrites while a run is going
_SKIP_NAMES = ("~$",)  # Word's lock files sit beside open documents


class Task(TypedDict):
    """One unit of work for :func:`convert_task`: plain data, so any executor can ship it.

    Attributes:
        source: Path of the file to convert.
        format: Parser name, or ``None`` to choose by suffix and content.
        settings: Parser settings overrides, or ``None``.
        known_sha256: SHA-256 of the source the existing output was made from; when the file
            still hashes to it, the conversion is skipped.
        timeout: Seconds allowed; enforced by :func:`convert_task` only when ``isolate``.
        isolate: Run the conversion in a child process that is killed after ``timeout``.
        memory_limit: Bytes of address space the converting process may use, or ``None``.
    """

    source: str
    format: str | None
    settings: dict[str, Any] | None
    known_sha256: str | None
    timeout: float | None
    isolate: bool
    memory_limit: int | None


class Outcome(TypedDict):
    """What :func:`convert_task` returns: plain data.

    Attributes:
        source: The task's source path.
        status: One of :data:`STATUSES`.
        sha256: SHA-256 of the source, where it could be read.
        error: The message (naming the file) where the status is ``failed`` or ``timeout``.
        error_type: The exception's class name, ``Timeout`` or ``WorkerCrashed``.
        counts: What the plan holds (:data:`COUNT_FIELDS`), where converted.
        coverage: Share of the document's text placed in the model, where converted.
        seconds: Wall-clock seconds the conversion took.
        text: The plan JSON, where converted.
    """

    source: str
    status: str
    sha256: str | None
    error: str | None
    error_type: str | None
    counts: dict[str, int] | None
    coverage: float | None
    seconds: float
    text: str | None


@attrs.frozen(slots=True)
class Source:
    """A file to convert and where its output goes.

    Attributes:
        path: The source file, as found.
        output: The output's path relative to the output folder, with ``/`` separators.
    """

    path: Path
    output: str


@attrs.frozen(slots=True)
class FileResult:
    """What became of one file; a row of the manifest.

    Attributes:
        file: The source path as found.
        output: The output path relative to the output folder.
        status: One of :data:`STATUSES`.
        sha256: SHA-256 of the source, where it could be read.
        error: The message naming the file, where it failed or timed out.
        error_type: The exception's class name, ``Timeout`` or ``WorkerCrashed``.
        counts: What the plan holds, where there is an output.
        coverage: Share of the document's text placed in the model, where known.
        seconds: Seconds spent on the file in this run.
        output_sha256: SHA-256 of the output file's bytes, where there is one.
        options: The parser format and settings used, as canonical JSON.
        cspplan_version: The cspplan version that made the output.
    """

    file: str
    output: str
    status: str
    sha256: str | None = None
    error: str | None = None
    error_type: str | None = None
    counts: dict[str, int] | None = None
    coverage: float | None = None
    seconds: float = 0.0
    output_sha256: str | None = None
    options: str = ""
    cspplan_version: str = __version__

    @property
    def ok(self) -> bool:
        """True where the output is in place (converted now or already up to date)."""
        return self.status in ("converted", "unchanged")


@attrs.frozen(slots=True)
class BatchResult:
    """The outcome of :func:`convert`.

    Attributes:
        results: One result per source, in the order the sources were found.
        out_dir: The output folder.
        seconds: Wall-clock seconds for the whole run.
    """

    results: tuple[FileResult, ...]
    out_dir: Path
    seconds: float

    @property
    def manifest(self) -> Path:
        """Path of the JSON manifest."""
        return self.out_dir / MANIFEST_JSON

    def count(self, status: str) -> int:
        """How many files ended with ``status``."""
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> tuple[FileResult, ...]:
        """The files that failed or timed out."""
        return tuple(r for r in self.results if not r.ok)

    @property
    def ok(self) -> bool:
        """True where every file has its output."""
        return not self.failures


# --- finding the sources ------------------------------------------------------------------


def supported_suffixes(format: str | None = None) -> tuple[str, ...]:
    """File suffixes the installed parsers read (of the parser ``format`` only, if given).

    A plugin that fails to load contributes nothing, so one broken plugin does not stop a
    folder from being walked.
    """
    from .parsers.registry import available_formats, get_parser

    names = [format] if format is not None else list(available_formats())
    found: set[str] = set()
    for name in names:
        try:
            found.update(s.lower() for s in get_parser(name).suffixes)
        except CspplanError:
            if format is not None:
                raise
    return tuple(sorted(found))


def _has_magic(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _glob_base(pattern: str) -> Path:
    """The folder a glob pattern starts from: its leading parts without wildcards."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if _has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _is_skipped_name(name: str) -> bool:
    return name.startswith(".") or name.startswith(_SKIP_NAMES)


def _walk(folder: Path, suffixes: tuple[str, ...], exclude: Path | None) -> Iterator[Path]:
    """Regular files under ``folder`` with a supported suffix, in a stable order; hidden
    files and folders, Word lock files and the output folder are left out."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not _is_skipped_name(d)
            and (exclude is None or os.path.abspath(here / d) != str(exclude))
        )
        for name in sorted(files):
            path = here / name
            if _is_skipped_name(name) or path.suffix.lower() not in suffixes:
                continue
            # FIFOs and devices would block a reader forever; only regular files are taken.
            if path.is_file():
                yield path


def _relative_output(path: Path, base: Path) -> str:
    relative = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base)))
    return (relative.parent / output_name(relative)).as_posix()


def collect_sources(
    inputs: Iterable[str | os.PathLike[str]],
    suffixes: Sequence[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
) -> list[Source]:
    """The files named by ``inputs`` (files, folders or glob patterns) and their outputs.

    A folder is walked for files with the ``suffixes`` (by default those of the installed
    parsers) and its tree is mirrored in the output folder; a glob pattern's matches are
    placed relative to the pattern's fixed leading folder (``archive/**/*.pdf`` relative to
    ``archive``); a file named directly goes at the top. A file named twice is taken once.

    Raises :class:`~cspplan.errors.CspplanError` when an input matches nothing, or when two
    different files would be written to the same output.
    """
    wanted = tuple(s.lower() for s in (suffixes if suffixes is not None else supported_suffixes()))
    exclude = Path(os.path.abspath(out_dir)) if out_dir is not None else None
    found: list[Source] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}

    def add(path: Path, base: Path) -> None:
        key = os.path.abspath(path)
        if key in seen:
            return
        seen.add(key)
        output = _relative_output(path, base)
        if output in (MANIFEST_JSON, MANIFEST_CSV):
            raise CspplanError(f"its output would overwrite the batch manifest {output}", path)
        if output in owners:
            raise CspplanError(
                f"{owners[output]} and {path} would both be written to {output};"
                " convert them in separate runs or name their folders instead",
                path,
            )
        owners[output] = str(path)
        found.append(Source(path=path, output=output))

    for item in inputs:
        raw = os.fspath(item)
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, wanted, exclude):
                add(file, path)
        elif os.path.lexists(raw):
            add(path, path.parent)
        elif _has_magic(raw):
            import glob

            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise CspplanError(f"no file matches {raw!r}")
            base = _glob_base(raw)
            for match in matches:
                hit = Path(match)
                if hit.is_dir():
                    for file in _walk(hit, wanted, exclude):
                        add(file, base)
                elif hit.is_file() and not _is_skipped_name(hit.name):
                    add(hit, base)
        else:
            raise CspplanError("no such file or folder", raw)
    return found


# --- converting one file (runs in a worker) -------------------------------------------------


def _outcome(
    source: str,
    status: str,
    started: float,
    *,
    sha256: str | None = None,
    error: str | None = None,
    error_type: str | None = None,
    counts: dict[str, int] | None = None,
    coverage: float | None = None,
    text: str | None = None,
) -> Outcome:
    return Outcome(
        source=source,
        status=status,
        sha256=sha256,
        error=error,
        error_type=error_type,
        counts=counts,
        coverage=coverage,
        seconds=round(time.perf_counter() - started, 4),
        text=text,
    )


def _convert_here(task: Task) -> Outcome:
    """Convert in this process; every exception becomes a ``failed`` outcome."""
    from . import dumps, parse_document
    from .parsers.base import file_sha256
    from .recognise import build_plan
    from .stats import plan_stats

    started = time.perf_counter()
    source = task["source"]
    sha: str | None = None
    try:
        sha = file_sha256(source)
        if task["known_sha256"] is not None and task["known_sha256"] == sha:
            return _outcome(source, "unchanged", started, sha256=sha)
        document = parse_document(source, task["format"], task["settings"])
        plan = build_plan(document)
        stats = plan_stats(plan, document)
        text = dumps(plan) + "\n"
    except CspplanError as exc:
        message = str(exc) if exc.path else f"{source}: {exc}"
        return _outcome(
            source, "failed", started, sha256=sha, error=message, error_type=type(exc).__name__
        )
    except Exception as exc:  # a bug in cspplan or a plugin must not end the whole run
        where = traceback.extract_tb(exc.__traceback__)[-1:]
        at = f" at {where[0].filename}:{where[0].lineno}" if where else ""
        return _outcome(
            source,
            "failed",
            started,
            sha256=sha,
            error=f"{source}: unexpected {type(exc).__name__}{at}: {exc}"[:2000],
            error_type=type(exc).__name__,
        )
    counts = {name: int(getattr(stats, name)) for name in COUNT_FIELDS}
    return _outcome(
        source,
        "converted",
        started,
        sha256=sha,
        counts=counts,
        coverage=stats.coverage,
        text=text,
    )


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        return  # no such limit on this platform


def _timeout_outcome(source: str, timeout: float | None, started: float) -> Outcome:
    return _outcome(
        source,
        "timeout",
        started,
        error=f"{source}: not converted within the time limit of {timeout:g} s; its worker was stopped",
        error_type="Timeout",
    )


def _crash_outcome(source: str, detail: str, started: float) -> Outcome:
    return _outcome(
        source,
        "failed",
        started,
        error=f"{source}: the worker converting it died ({detail})",
        error_type="WorkerCrashed",
    )


def _package_root() -> str:
    return str(Path(__file__).resolve().parent.parent)


_STARTUP_LIMIT = 120.0  # seconds a child may take to import cspplan before it is given up


def _read_lines(stream: IO[bytes], lines: queue.Queue[bytes]) -> None:
    """Pass a child's output on line by line; an empty line means it closed."""
    for line in iter(stream.readline, b""):
        lines.put(line)
    lines.put(b"")


def _run_isolated(task: Task) -> Outcome:
    """Convert in a fresh Python process that is killed when ``task["timeout"]`` runs out.

    A subprocess rather than :mod:`multiprocessing`, because executors' workers are often
    daemonic processes, which may not start multiprocessing children. The child says when
    it has imported cspplan, and only then gets the task, so that the time limit is the
    file's and not the interpreter's start-up.
    """
    started = time.perf_counter()
    source = task["source"]
    child_task: Task = {**task, "isolate": False}
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_package_root(), env.get("PYTHONPATH")) if p)
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(
                [sys.executable, "-c", "import cspplan.batch as b; b._isolated_main()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=env,
            )
        except OSError as exc:
            return _crash_outcome(source, f"could not start: {exc}", started)
        assert child.stdin is not None and child.stdout is not None
        lines: queue.Queue[bytes] = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(child.stdout, lines), daemon=True)
        reader.start()
        outcome: Outcome | None = None
        try:
            try:
                hello = lines.get(timeout=_STARTUP_LIMIT)
            except queue.Empty:
                hello = b""
            if hello.strip() == _READY.encode("ascii"):
                try:
                    child.stdin.write(json.dumps(child_task).encode("utf-8") + b"\n")
                    child.stdin.close()
                    started = time.perf_counter()
                    reply = lines.get(timeout=task["timeout"])
                    outcome = json.loads(reply.decode("utf-8")) if reply else None
                except queue.Empty:
                    return _timeout_outcome(source, task["timeout"], started)
                except (OSError, UnicodeDecodeError, json.JSONDecodeError):
                    outcome = None
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
            reader.join(5)
        if outcome is not None:
            return outcome
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:]
        detail = f"exit status {child.returncode}" + (f": {tail[0]}" if tail else "")
        return _crash_outcome(source, detail, started)


def _isolated_main() -> None:
    """Entry point of the child process :func:`_run_isolated` starts: ``ready`` once cspplan
    is imported, then a task on standard input and its outcome on standard output, as JSON
    lines."""
    from . import parse_document, recognise, stats  # noqa: F401

    sys.stdout.buffer.write(_READY.encode("ascii") + b"\n")
    sys.stdout.flush()
    task: Task = json.loads(sys.stdin.buffer.readline().decode("utf-8"))
    _limit_memory(task["memory_limit"])
    outcome = _convert_here(task)
    sys.stdout.buffer.write(json.dumps(outcome).encode("utf-8") + b"\n")
    sys.stdout.flush()


def convert_task(task: Task) -> Outcome:
    """Convert one file as a :class:`Task` says and return an :class:`Outcome`.

    This is the function submitted to an executor: top-level, so it pickles by reference,
    and taking and returning plain data. It never raises for a bad file; with
    ``task["isolate"]`` and a timeout it runs the conversion in a child process and kills
    it when the time is up.
    """
    if task["isolate"] and task["timeout"] is not None:
        return _run_isolated(task)
    return _convert_here(task)


# --- the pools ----------------------------------------------------------------------------


_START_ATTEMPTS = 3  # workers that die before they are ready, in a row, before giving up


def _worker_main(conn: Connection, memory_limit: int | None) -> None:
    """Loop of a worker process of the local pool: tasks in, outcomes out, until ``None``."""
    # Ctrl-C is the parent's to handle; it then kills the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Import the conversion machinery before saying so, so that a file's time limit does not
    # count the worker's start-up, and before the memory limit, which is for the files.
    from . import parse_document, recognise, stats  # noqa: F401

    _limit_memory(memory_limit)

    try:
        conn.send(_READY)
    except OSError:
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(_convert_here(task))
        except OSError:
            return


class _Worker:
    """One worker process of the local pool, with the task it is busy on."""

    def __init__(self, context: SpawnContext, memory_limit: int | None) -> None:
        self.conn, child = context.Pipe()
        self.process: SpawnProcess = context.Process(
            target=_worker_main, args=(child, memory_limit), daemon=True
        )
        self.process.start()
        child.close()  # so that recv() sees EOF when the worker dies
        self.ready = False
        self.task: Task | None = None
        self.started = 0.0

    def submit(self, task: Task) -> None:
        self.conn.send(task)
        self.task = task
        self.started = time.perf_counter()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()


def _receive(worker: _Worker, ready: set[Any]) -> tuple[bool, Any]:
    """(died, message) for a worker that ``wait`` reported; ``(False, None)`` if none yet."""
    if worker.conn not in ready and worker.process.sentinel not in ready:
        return False, None
    try:
        if worker.conn.poll():
            return False, worker.conn.recv()
    except (EOFError, OSError):
        pass
    if worker.process.is_alive():
        return False, None
    worker.process.join(1)
    return True, None


def _run_local(
    tasks: Sequence[Task],
    jobs: int,
    timeout: float | None,
    memory_limit: int | None,
) -> Generator[Outcome, None, None]:
    """Run ``tasks`` on ``jobs`` worker processes, killing and replacing any worker whose
    task outlives ``timeout``; yields outcomes as they finish."""
    # spawn, not fork: forking a process that has threads (a progress bar's, a caller's) can
    # deadlock the child, and spawn behaves the same on every platform.
    context = multiprocessing.get_context("spawn")
    queue = deque(tasks)
    workers = [_Worker(context, memory_limit) for _ in range(min(jobs, len(tasks)))]
    failed_starts = 0
    finished = False

    def hand_out() -> None:
        for index, worker in enumerate(workers):
            if worker.ready and worker.task is None and queue:
                task = queue.popleft()
                try:
                    worker.submit(task)
                except OSError:  # the worker died while idle: the file goes to a new one
                    queue.appendleft(task)
                    worker.kill()
                    workers[index] = _Worker(context, memory_limit)

    try:
        while True:
            hand_out()
            busy = [w for w in workers if w.task is not None]
            starting = [w for w in workers if not w.ready]
            if not busy and not (queue and starting):
                break
            wait: float | None = None
            if timeout is not None and busy:
                deadline = min(w.started for w in busy) + timeout
                wait = max(0.0, deadline - time.perf_counter())
            watched = busy + starting
            ready = set(
                wait_for_ready(
                    [w.conn for w in watched] + [w.process.sentinel for w in watched],
                    timeout=wait,
                )
            )
            now = time.perf_counter()
            done: list[Outcome] = []
            for index, worker in enumerate(workers):
                died, message = _receive(worker, ready)
                task = worker.task
                if not worker.ready:
                    if message == _READY:
                        worker.ready = True
                        failed_starts = 0
                    elif died:
                        failed_starts += 1
                        if failed_starts >= _START_ATTEMPTS:
                            raise CspplanError(
                                "batch worker processes die as they start "
                                f"(exit code {worker.process.exitcode})"
                            )
                        worker.kill()
                        workers[index] = _Worker(context, memory_limit)
                    continue
                if task is None:
                    continue
                outcome: Outcome | None = message
                if died:
                    outcome = _crash_outcome(
                        task["source"], f"exit code {worker.process.exitcode}", worker.started
                    )
                elif outcome is None and timeout is not None and now - worker.started >= timeout:
                    outcome = _timeout_outcome(task["source"], timeout, worker.started)
                if outcome is None:
                    continue
                worker.task = None
                if died or outcome["error_type"] == "Timeout" or not worker.process.is_alive():
                    worker.kill()
                    workers[index] = _Worker(context, memory_limit)
                done.append(outcome)
            # Hand out the next files before the caller writes these outputs, so that no
            # worker sits idle while it does.
            hand_out()
            yield from done
        finished = True
    finally:
        for worker in workers:
            if finished:
                worker.close()
            else:  # interrupted or the consumer stopped: do not wait on running conversions
                worker.kill()


def _run_executor(executor: Executor, tasks: Sequence[Task]) -> Generator[Outcome, None, None]:
    """Run ``tasks`` on a caller's executor; an executor failure fails only its file."""
    futures: dict[Future[Outcome], Task] = {executor.submit(convert_task, t): t for t in tasks}
    try:
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # a lost worker, a pickling problem
                yield _outcome(
                    task["source"],
                    "failed",
                    time.perf_counter(),
                    error=f"{task['source']}: the executor failed to run the conversion: "
                    f"{type(exc).__name__}: {exc}",
                    error_type=type(exc).__name__,
                )
    finally:
        for future in futures:
            future.cancel()


# --- the manifest -------------------------------------------------------------------------


def _entry_to_data(result: FileResult) -> dict[str, Any]:
    return attrs.asdict(result)


def _entry_from_data(data: Mapping[str, Any]) -> FileResult | None:
    names = {f.name for f in attrs.fields(FileResult)}
    try:
        return FileResult(**{k: v for k, v in data.items() if k in names})
    except TypeError:
        return None


def read_manifest(out_dir: str | os.PathLike[str]) -> dict[str, FileResult]:
    """The rows of the JSON manifest in ``out_dir`` by output path; empty where there is
    none or it cannot be read (every file is then converted again)."""
    path = Path(out_dir) / MANIFEST_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    rows: dict[str, FileResult] = {}
    if not isinstance(files, list):
        return rows
    for item in files:
        if isinstance(item, Mapping):
            entry = _entry_from_data(item)
            if entry is not None and isinstance(entry.output, str):
                rows[entry.output] = entry
    return rows


def manifest_json(rows: Iterable[FileResult]) -> str:
    """The JSON manifest's text for ``rows``."""
    ordered = sorted(rows, key=lambda r: r.output)
    totals = {s: sum(1 for r in ordered if r.status == s) for s in STATUSES}
    data = {
        "manifest_format": _MANIFEST_FORMAT,
        "cspplan_version": __version__,
        "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "totals": totals,
        "files": [_entry_to_data(r) for r in ordered],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_CSV_COLUMNS = (
    "file",
    "output",
    "sha256",
    "status",
    "error",
    "error_type",
    *COUNT_FIELDS,
    "coverage",
    "seconds",
    "output_sha256",
    "cspplan_version",
)


def manifest_csv(rows: Iterable[FileResult]) -> str:
    """The CSV manifest's text for ``rows``: one line per file, counts as columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for row in sorted(rows, key=lambda r: r.output):
        counts = row.counts or {}
        writer.writerow(
            [
                row.file,
                row.output,
                row.sha256 or "",
                row.status,
                row.error or "",
                row.error_type or "",
                *(counts.get(name, "") for name in COUNT_FIELDS),
                "" if row.coverage is None else f"{row.coverage:.4f}",
                f"{row.seconds:.3f}",
                row.output_sha256 or "",
                row.cspplan_version,
            ]
        )
    return buffer.getvalue()


def _write_manifest(out_dir: Path, rows: Mapping[str, FileResult]) -> None:
    """Write both manifests atomically; raises :class:`CspplanError` when they cannot be."""
    try:
        atomic_write_text(out_dir / MANIFEST_JSON, manifest_json(rows.values()))
        atomic_write_text(out_dir / MANIFEST_CSV, manifest_csv(rows.values()))
    except OSError as exc:
        raise CspplanError(
            f"cannot write the manifest: {exc.strerror or exc}", out_dir / MANIFEST_JSON
        ) from exc


# --- the run ------------------------------------------------------------------------------


def _sha256_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _size_of(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _options_key(format: str | None, settings: Mapping[str, Any] | None) -> str:
    return json.dumps({"format": format, "settings": settings}, sort_keys=True, default=str)


def _known_sha256(previous: FileResult | None, output: Path, options: str) -> str | None:
    """The source hash an existing output was made from, where that output is intact and
    was made by this cspplan version with the same options; else ``None``."""
    if (
        previous is None
        or not previous.ok
        or previous.cspplan_version != __version__
        or previous.options != options
        or previous.sha256 is None
        or previous.output_sha256 is None
    ):
        return None
    if _sha256_of(output) != previous.output_sha256:
        return None
    return previous.sha256


def _record(
    source: Source,
    outcome: Outcome,
    out_dir: Path,
    previous: FileResult | None,
    options: str,
) -> FileResult:
    """Write a converted file's output atomically and make its manifest row."""
    base = FileResult(
        file=str(source.path),
        output=source.output,
        status="failed",
        sha256=outcome["sha256"],
        seconds=outcome["seconds"],
        options=options,
    )
    if outcome["status"] == "unchanged" and previous is not None:
        return attrs.evolve(
            base,
            status="unchanged",
            counts=previous.counts,
            coverage=previous.coverage,
            output_sha256=previous.output_sha256,
        )
    text = outcome["text"]
    if outcome["status"] != "converted" or text is None:
        return attrs.evolve(
            base,
            status=outcome["status"] if outcome["status"] in STATUSES else "failed",
            error=outcome["error"],
            error_type=outcome["error_type"],
        )
    try:
        atomic_write_text(out_dir / source.output, text)
    except OSError as exc:
        return attrs.evolve(
            base,
            error=f"{source.path}: cannot write {source.output}: {exc.strerror or exc}",
            error_type=type(exc).__name__,
        )
    return attrs.evolve(
        base,
        status="converted",
        counts=outcome["counts"],
        coverage=outcome["coverage"],
        output_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _as_inputs(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def convert(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    executor: Executor | None = None,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    format: str | None = None,
    settings: Mapping[str, Any] | None = None,
    force: bool = False,
    memory_limit: int | None = None,
    progress: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
) -> BatchResult:
    """Convert plan files to JSON in ``out_dir``, in parallel; see the module docstring.

    Args:
        paths: Files, folders (walked for the installed parsers' suffixes) or glob patterns.
        out_dir: Folder for the outputs and the manifest; created where missing.
        executor: Any :class:`concurrent.futures.Executor` to run the conversions on (Dask's
            ``client.get_executor()``, for one); by default a pool of ``jobs`` local
            processes that cspplan can kill.
        jobs: Worker processes of the local pool; defaults to the number of CPUs. Ignored
            with an ``executor``.
        timeout: Seconds one file may take, or ``None`` for no limit.
        format: Parser name to read every file with, instead of choosing by suffix.
        settings: Parser settings overrides (a dict, so that it can be sent to workers).
        force: Convert every file even where its output is up to date.
        memory_limit: Bytes of address space each converting process may use; a file that
            needs more fails instead of exhausting the machine.
        progress: Show a progress bar on standard error.
        on_result: Called in this process with each file's result as it finishes.

    Returns:
        A :class:`BatchResult`, one :class:`FileResult` per source.

    Raises:
        CspplanError: When the run cannot start: an input matches nothing, two files would
            share an output, ``out_dir`` is a file, or ``jobs``/``timeout`` is out of range.
            Problems with individual files never raise; they are recorded.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    if jobs is not None and jobs < 1:
        raise CspplanError(f"jobs must be at least 1, got {jobs}")
    if timeout is not None and timeout <= 0:
        raise CspplanError(f"timeout must be positive, got {timeout:g}")
    target = Path(out_dir)
    if target.exists() and not target.is_dir():
        raise CspplanError("the output folder is a file", target)
    settings_data = dict(settings) if settings is not None else None
    sources = collect_sources(_as_inputs(paths), supported_suffixes(format), target)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CspplanError(
            f"cannot create the output folder: {exc.strerror or exc}", target
        ) from exc

    options = _options_key(format, settings_data)
    rows = read_manifest(target)
    previous = {s.output: rows.get(s.output) for s in sources}
    tasks: list[Task] = []
    by_source: dict[str, Source] = {}
    for source in sources:
        known = (
            None
            if force
            else _known_sha256(previous[source.output], target / source.output, options)
        )
        by_source[str(source.path)] = source
        tasks.append(
            Task(
                source=str(source.path),
                format=format,
                settings=settings_data,
                known_sha256=known,
                timeout=timeout,
                isolate=executor is not None,
                memory_limit=memory_limit,
            )
        )
    # Largest files first, so that the run does not end with one worker busy on a big file
    # while the others have nothing left to do.
    tasks.sort(key=lambda task: -_size_of(task["source"]))

    if executor is not None:
        outcomes = _run_executor(executor, tasks)
    else:
        outcomes = _run_local(tasks, jobs or os.cpu_count() or 1, timeout, memory_limit)
    results: dict[str, FileResult] = {}
    last_save = time.perf_counter()
    bar = tqdm(
        total=len(tasks), disable=not progress, unit="file", desc="cspplan batch", file=sys.stderr
    )
    try:
        for outcome in outcomes:
            source = by_source[outcome["source"]]
            result = _record(source, outcome, target, previous[source.output], options)
            results[source.output] = result
            rows[source.output] = result
            bar.update(1)
            failed = sum(1 for r in results.values() if not r.ok)
            if failed:
                bar.set_postfix(failed=failed, refresh=False)
            if on_result is not None:
                on_result(result)
            if time.perf_counter() - last_save >= _SAVE_INTERVAL:
                # A failure here (a full disk) is tried again later; only the last must work.
                with contextlib.suppress(CspplanError):
                    _write_manifest(target, rows)
                last_save = time.perf_counter()
    finally:
        outcomes.close()  # stops the workers at once when interrupted
        bar.close()
        # Written on Ctrl-C too, so that a re-run skips what was finished.
        _write_manifest(target, rows)
    ordered = tuple(results[s.output] for s in sources if s.output in results)
    return BatchResult(results=ordered, out_dir=target, seconds=time.perf_counter() - started)
