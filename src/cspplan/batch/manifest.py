"""The batch manifest: one row per output, what became of its file, kept as JSON and CSV.

``manifest.json`` is the record a re-run reads to skip what is up to date; ``manifest.csv``
holds the same rows flattened, for a spreadsheet.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs

from .. import __version__
from ..errors import CspplanError
from ..fileio import atomic_write_text

__all__ = [
    "COUNT_FIELDS",
    "JOURNAL",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "STATUSES",
    "BatchResult",
    "FileResult",
    "append_journal",
    "manifest_csv",
    "manifest_json",
    "read_manifest",
    "read_rows",
]

MANIFEST_JSON = "manifest.json"
"""Name of the JSON manifest written into the output folder."""
MANIFEST_CSV = "manifest.csv"
JOURNAL = ".manifest.journal.jsonl"
"""Rows appended one per file as each finishes, folded into the manifests when the run
ends; a run killed part-way leaves them for the next run to read, so no finished file is
lost from the record."""
"""Name of the CSV manifest written into the output folder (the same rows, flattened)."""
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


@attrs.frozen(slots=True)
class FileResult:
    """What became of one file; a row of the manifest.

    Attributes:
        file: The source path as found.
        output: The output path relative to the output folder.
        status: One of :data:`STATUSES`.
        sha256: SHA-256 of the source, where it could be read.
        error: The message naming the file, where it failed or timed out.
        error_type: The exception's class name (``TimeLimitError`` where the file was
            stopped at the time limit), ``Timeout`` (its worker was killed at the limit) or
            ``WorkerCrashed``.
        counts: What the plan holds, where there is an output.
        coverage: Share of the document's text placed in the model, where known.
        seconds: Seconds spent on the file in this run.
        output_sha256: SHA-256 of the output file's bytes, where there is one.
        options: The parser format and settings used (and the writer, where not the
            default JSON), as canonical JSON.
        cspplan_version: The cspplan version that made the output.
        parser: Name of the parser that read the file (``pdf``, ``docx``, ``text`` or a
            plugin's), where one did.
        parser_version: The distribution that provides that parser and its version, then
            its reading libraries' versions (``cspplan 1.4.0; lxml 5.2.1``), where known.
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
    parser: str | None = None
    parser_version: str | None = None

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


def _journal_rows(out_dir: Path) -> Iterator[FileResult]:
    try:
        lines = (out_dir / JOURNAL).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:  # the line a kill cut short
            continue
        if isinstance(item, Mapping):
            entry = _entry_from_data(item)
            if entry is not None and isinstance(entry.output, str):
                yield entry


def read_rows(out_dir: str | os.PathLike[str]) -> dict[str, FileResult]:
    """The rows a batch starts from: the JSON manifest's, updated by the journal of a run
    that was stopped before it could write the manifest."""
    rows = read_manifest(out_dir)
    for entry in _journal_rows(Path(out_dir)):
        rows[entry.output] = entry
    return rows


def append_journal(out_dir: Path, row: FileResult) -> None:
    """Record one finished file at once (appended and synced), so that a killed run loses
    no row; a failure to write it is left to the manifest written at the end."""
    with (
        contextlib.suppress(OSError),
        open(out_dir / JOURNAL, "a", encoding="utf-8") as journal,
    ):
        journal.write(json.dumps(_entry_to_data(row), ensure_ascii=False) + "\n")
        journal.flush()
        os.fsync(journal.fileno())


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
    "parser",
    "parser_version",
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
                row.parser or "",
                row.parser_version or "",
            ]
        )
    return buffer.getvalue()


def _write_manifest(out_dir: Path, rows: Mapping[str, FileResult]) -> None:
    """Write both manifests atomically; raises :class:`CspplanError` when they cannot be."""
    try:
        atomic_write_text(out_dir / MANIFEST_JSON, manifest_json(rows.values()))
        atomic_write_text(out_dir / MANIFEST_CSV, manifest_csv(rows.values()))
        # Both manifests now hold every row the journal held.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(out_dir / JOURNAL)
    except OSError as exc:
        raise CspplanError(
            f"cannot write the manifest: {exc.strerror or exc}", out_dir / MANIFEST_JSON
        ) from exc
