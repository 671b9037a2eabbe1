"""The batch run: :func:`convert` finds the sources, hands the tasks to a pool or an
executor, writes each output atomically as it arrives and keeps the manifest."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from .. import __version__
from ..errors import CspplanError
from ..fileio import atomic_write_bytes
from ..writers.registry import DEFAULT_WRITER, get_plan_writer
from .discover import Source, collect_sources, supported_suffixes
from .manifest import (
    STATUSES,
    BatchResult,
    FileResult,
    _write_manifest,
    append_journal,
    read_rows,
)
from .supervise import _run_executor, _run_local
from .worker import Outcome, Task

__all__ = ["DEFAULT_TIMEOUT", "convert"]

DEFAULT_TIMEOUT = 300.0
"""Seconds one file may take before its worker is killed."""


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


def _options_key(
    format: str | None,
    settings: Mapping[str, Any] | None,
    writer: str = DEFAULT_WRITER,
    writer_settings: Mapping[str, Any] | None = None,
) -> str:
    options: dict[str, Any] = {"format": format, "settings": settings}
    # The default writer with its default settings stays out of the key, so that outputs
    # written before writers were pluggable still count as up to date.
    if writer != DEFAULT_WRITER or writer_settings is not None:
        options.update(writer=writer, writer_settings=writer_settings)
    return json.dumps(options, sort_keys=True, default=str)


def _output_bytes(outcome: Outcome) -> bytes | None:
    """The output a worker sent back, from its text or its base64."""
    if outcome["text"] is not None:
        return outcome["text"].encode("utf-8")
    encoded = outcome.get("output_base64")
    return base64.b64decode(encoded) if encoded is not None else None


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
        parser=outcome.get("parser"),
        parser_version=outcome.get("parser_version"),
    )
    if outcome["status"] == "unchanged" and previous is not None:
        return attrs.evolve(
            base,
            status="unchanged",
            parser=previous.parser,
            parser_version=previous.parser_version,
            counts=previous.counts,
            coverage=previous.coverage,
            output_sha256=previous.output_sha256,
        )
    data = _output_bytes(outcome)
    if outcome["status"] != "converted" or data is None:
        return attrs.evolve(
            base,
            status=outcome["status"] if outcome["status"] in STATUSES else "failed",
            error=outcome["error"],
            error_type=outcome["error_type"],
        )
    try:
        atomic_write_bytes(out_dir / source.output, data)
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
        output_sha256=hashlib.sha256(data).hexdigest(),
    )


LOCK_NAME = ".cspplan-batch.lock"
"""The file in an output folder that a running batch holds locked."""


def _lock_output_folder(target: Path) -> BinaryIO | None:
    """Lock ``target`` for this batch (released when the returned file is closed, or when
    the process dies), so that two batches never write one manifest at once and lose rows.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks through fcntl; run batches one at a time
        return None
    handle = open(target / LOCK_NAME, "a+b")  # noqa: SIM115 - held for the whole run
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise CspplanError(
            "another cspplan batch is writing to this output folder; wait for it to finish"
            " or choose another --out-dir",
            target,
        ) from exc
    return handle


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
    writer: str = DEFAULT_WRITER,
    writer_settings: Mapping[str, Any] | None = None,
) -> BatchResult:
    """Convert plan files in ``out_dir`` (to JSON by default), in parallel; see the
    package docstring.

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
        writer: Name of the per-plan writer (``cspplan.writers``) that makes each output;
            its suffix names the outputs (``json``: ``plan.pdf`` → ``plan.pdf.json``).
        writer_settings: The writer's settings overrides (a dict, sent to workers).

    Returns:
        A :class:`BatchResult`, one :class:`FileResult` per source.

    Raises:
        CspplanError: When the run cannot start: an input matches nothing, two files would
            share an output, ``out_dir`` is a file, ``jobs``/``timeout`` is out of range, or
            ``writer`` is unknown, broken or writes one output for many plans. Problems with individual files never raise; they are recorded.
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
    writer_data = dict(writer_settings) if writer_settings is not None else None
    suffix = get_plan_writer(writer).suffix
    sources = collect_sources(_as_inputs(paths), supported_suffixes(format), target, suffix)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CspplanError(
            f"cannot create the output folder: {exc.strerror or exc}", target
        ) from exc
    # Found now, not after every file has been converted.
    try:
        probe, name = tempfile.mkstemp(dir=target, prefix=".cspplan-write-check.")
        os.close(probe)
        os.unlink(name)
    except OSError as exc:
        raise CspplanError(
            f"the output folder is not writable: {exc.strerror or exc}", target
        ) from exc

    lock = _lock_output_folder(target)
    options = _options_key(format, settings_data, writer, writer_data)
    rows = read_rows(target)
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
                writer=writer,
                writer_settings=writer_data,
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
    bar = tqdm(
        total=len(tasks), disable=not progress, unit="file", desc="cspplan batch", file=sys.stderr
    )
    try:
        for outcome in outcomes:
            source = by_source[outcome["source"]]
            result = _record(source, outcome, target, previous[source.output], options)
            results[source.output] = result
            rows[source.output] = result
            append_journal(target, result)
            bar.update(1)
            failed = sum(1 for r in results.values() if not r.ok)
            if failed:
                bar.set_postfix(failed=failed, refresh=False)
            if on_result is not None:
                on_result(result)
    finally:
        outcomes.close()  # stops the workers at once when interrupted
        bar.close()
        # Written on Ctrl-C too, so that a re-run skips what was finished.
        try:
            _write_manifest(target, rows)
        finally:
            if lock is not None:
                lock.close()
    ordered = tuple(results[s.output] for s in sources if s.output in results)
    return BatchResult(results=ordered, out_dir=target, seconds=time.perf_counter() - started)
