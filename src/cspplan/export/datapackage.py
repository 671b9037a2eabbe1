"""The tables as a Frictionless Tabular Data Package: one CSV a table and ``datapackage.json``.

The descriptor gives each CSV a Table Schema (column types, descriptions, required columns,
primary and foreign keys), so tools such as ``frictionless validate``, pandas or DuckDB read
the files with their meaning and relations. Missing values are empty cells; lists are JSON.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import CspplanError
from ..fileio import atomic_write_text
from .rows import Findings, Plans, Rows, tables, to_plain
from .schema import TABLES, Column, Table

__all__ = ["DESCRIPTOR", "descriptor", "write_datapackage", "write_datapackage_rows"]

DESCRIPTOR = "datapackage.json"
"""The descriptor's file name in the output folder."""


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    constraints = {
        name: True for name, on in (("required", column.required), ("unique", column.unique)) if on
    }
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.fields),
                "reference": {"resource": key.table, "fields": list(key.reference)},
            }
            for key in table.foreign_keys
        ]
    return schema


def descriptor() -> dict[str, Any]:
    """The Data Package descriptor (``datapackage.json``) for the exported tables."""
    from .. import __version__  # here, not at the top: cspplan's __init__ imports this package

    return {
        "profile": "tabular-data-package",
        "name": "cspplan-export",
        "title": "Community Safety Partnership plans, as tables",
        "description": (
            "Plans read by cspplan into tidy tables. Every row names its plan (`plan_key`), its"
            " id within the plan (`id`), what it belongs to (`parent_table`, `parent_id`) and"
            " where in the source file it was written (`source_*`)."
        ),
        "cspplan_version": __version__,
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table.description,
                "schema": _schema(table),
            }
            for table in TABLES
        ],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(to_plain(value))


def _csv(table: Table, rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for row in rows:
        writer.writerow([_cell(row[name]) for name in table.column_names])
    return buffer.getvalue()


def write_datapackage_rows(rows: Rows, out_dir: str | os.PathLike[str]) -> Path:
    """Write already-built table rows as a Data Package into ``out_dir``; returns the
    descriptor's path. Each file is replaced atomically."""
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table in TABLES:
            atomic_write_text(folder / f"{table.name}.csv", _csv(table, rows[table.name]))
        path = folder / DESCRIPTOR
        atomic_write_text(path, json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise CspplanError(f"cannot write the data package: {exc.strerror or exc}", folder) from exc
    return path


def write_datapackage(
    plans: Plans,
    findings: Findings,
    out_dir: str | os.PathLike[str],
) -> Path:
    """Write ``plans`` (with each plan's ``findings``, or ``None`` to run the audit) as a
    Data Package in ``out_dir``: one CSV a table and ``datapackage.json``. Returns the
    descriptor's path."""
    return write_datapackage_rows(tables(plans, findings), out_dir)
