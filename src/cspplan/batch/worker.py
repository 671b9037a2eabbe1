"""Converting one file: the work a batch hands out, as plain data in and out.

:func:`convert_task` is what runs in a worker: a top-level function taking a :class:`Task`
and returning an :class:`Outcome` (plain dicts), so that it pickles for any executor. It
never raises for a bad file. With ``isolate`` and a time limit it converts in a child Python
process that it kills when the time is up, since an executor cannot kill a running task.
"""

from __future__ import annotations

import base64
import io
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from typing import IO, Any, TypedDict

from ..deadline import time_limit
from ..errors import CspplanError, TimeLimitError
from .manifest import COUNT_FIELDS

__all__ = ["Outcome", "Task", "convert_task"]

_READY = "ready"  # what a worker says once it can take files


class _RequiredTask(TypedDict):
    source: str
    format: str | None
    settings: dict[str, Any] | None
    known_sha256: str | None
    timeout: float | None
    isolate: bool
    memory_limit: int | None


class Task(_RequiredTask, total=False):
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
        writer: Name of the per-plan writer that makes the output (optional; by default
            ``json``).
        writer_settings: The writer's settings overrides, or ``None`` (optional).
    """

    writer: str
    writer_settings: dict[str, Any] | None


class Outcome(TypedDict):
    """What :func:`convert_task` returns: plain data.

    Attributes:
        source: The task's source path.
        status: One of :data:`STATUSES`.
        sha256: SHA-256 of the source, where it could be read.
        error: The message (naming the file) where the status is ``failed`` or ``timeout``.
        error_type: The exception's class name (``TimeLimitError`` where the file was
            stopped at the time limit), ``Timeout`` (its worker was killed at the limit) or
            ``WorkerCrashed``.
        counts: What the plan holds (:data:`COUNT_FIELDS`), where converted.
        coverage: Share of the document's text placed in the model, where converted.
        seconds: Wall-clock seconds the conversion took.
        text: The output the writer made, where converted and it is UTF-8 text (the plan
            JSON, for the JSON writer).
        output_base64: The output in base64, where converted and it is not UTF-8 text.
        parser: Name of the parser that read the file, where one did.
        parser_version: What that parser is made of (:func:`~cspplan.parsers.registry.
            parser_version`), where one read the file.
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
    output_base64: str | None
    parser: str | None
    parser_version: str | None


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
    output: bytes | None = None,
    parser: str | None = None,
) -> Outcome:
    text: str | None = None
    encoded: str | None = None
    if output is not None:
        # Text travels as text, so that an outcome of a text writer stays readable; other
        # bytes go as base64, since outcomes cross process boundaries as JSON.
        try:
            text = output.decode("utf-8")
        except UnicodeDecodeError:
            encoded = base64.b64encode(output).decode("ascii")
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
        output_base64=encoded,
        parser=parser,
        parser_version=None if parser is None else _parser_version(parser),
    )


def _parser_version(name: str) -> str | None:
    from ..parsers.registry import parser_version

    return parser_version(name) or None


def _convert_here(task: Task) -> Outcome:
    """Convert in this process; every exception becomes a ``failed`` outcome."""
    from .. import parse_document
    from ..parsers.base import file_sha256
    from ..recognise import build_plan
    from ..stats import plan_stats
    from ..writers.registry import DEFAULT_WRITER, get_plan_writer

    started = time.perf_counter()
    source = task["source"]
    sha: str | None = None
    parser: str | None = None
    try:
        # The batch's time limit is also the cooperative one, so that a slow file stops
        # cleanly inside the library, whether or not a process is there to be killed.
        with time_limit(task["timeout"], source):
            sha = file_sha256(source)
            if task["known_sha256"] is not None and task["known_sha256"] == sha:
                return _outcome(source, "unchanged", started, sha256=sha)
            document = parse_document(source, task["format"], task["settings"], time_limit=None)
            parser = document.parser
            plan = build_plan(document)
            stats = plan_stats(plan, document)
            writer = get_plan_writer(task.get("writer") or DEFAULT_WRITER)
            buffer = io.BytesIO()
            writer.write(plan, buffer, task.get("writer_settings"))
    except TimeLimitError as exc:
        return _outcome(
            source,
            "timeout",
            started,
            sha256=sha,
            error=str(exc),
            # Not "Timeout": the worker stopped the file itself and can take the next one.
            error_type=type(exc).__name__,
            parser=parser,
        )
    except CspplanError as exc:
        message = str(exc) if exc.path else f"{source}: {exc}"
        return _outcome(
            source,
            "failed",
            started,
            sha256=sha,
            error=message,
            error_type=type(exc).__name__,
            parser=parser,
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
            parser=parser,
        )
    counts = {name: int(getattr(stats, name)) for name in COUNT_FIELDS}
    return _outcome(
        source,
        "converted",
        started,
        sha256=sha,
        counts=counts,
        coverage=stats.coverage,
        output=buffer.getvalue(),
        parser=parser,
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
    # The folder holding the cspplan package (src/ in a checkout): this file is
    # cspplan/batch/worker.py under it.
    return str(Path(__file__).resolve().parents[2])


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
                [sys.executable, "-c", "import cspplan.batch.worker as w; w._isolated_main()"],
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
    from .. import parse_document, recognise, stats  # noqa: F401

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
