"""The table writers as registered under ``cspplan.writers``: ``datapackage``, ``xlsx`` and
``parquet``, each writing many plans to one output (see :mod:`cspplan.writers.base`).

``cspplan parse FILE... --to datapackage -o DIR`` writes through them as through any writer;
``cspplan export`` is the command made for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs

from ..model.plan import Plan
from ..parsers.base import resolve_settings
from ..validate import Finding, check
from .datapackage import write_datapackage_rows
from .rows import Rows, tables
from .spreadsheet import require, write_parquet_rows, write_workbook

__all__ = [
    "DataPackageWriter",
    "ExportSettings",
    "ParquetWriter",
    "WorkbookWriter",
    "audited",
]


@attrs.frozen(slots=True)
class ExportSettings:
    """Settings of the table and report writers.

    Attributes:
        audit: Run :func:`cspplan.check` on each plan when the caller gives no findings, so
            the findings table (or the report's findings) is filled; ``False`` leaves it empty.
    """

    audit: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))


def audited(
    plans: Sequence[Plan], findings: Sequence[Sequence[Finding]] | None, settings: Any
) -> list[Sequence[Finding]]:
    """Each plan's findings: those given, else the audit's (or none, by the settings)."""
    options = resolve_settings(ExportSettings, settings)
    if findings is not None:
        return list(findings)
    return [check(plan) if options.audit else [] for plan in plans]


class _TableWriter:
    """What the three table writers share: build the tables once, then write them."""

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]

    def write_many(
        self,
        plans: Sequence[Plan],
        out: Path,
        findings: Sequence[Sequence[Finding]] | None = None,
        settings: Any = None,
    ) -> None:
        """Write the tables of ``plans`` (with ``findings``, else the audit's) to ``out``."""
        require(self.name)  # a missing extra is named before any table is built
        self._write(tables(plans, audited(plans, findings, settings)), Path(out))

    def _write(self, rows: Rows, out: Path) -> None:
        raise NotImplementedError


class DataPackageWriter(_TableWriter):
    """Writes plans as a Frictionless Data Package: a folder of CSV tables and
    ``datapackage.json`` (see :func:`~cspplan.export.write_datapackage`)."""

    name: ClassVar[str] = "datapackage"
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/json"

    def _write(self, rows: Rows, out: Path) -> None:
        write_datapackage_rows(rows, out)


class WorkbookWriter(_TableWriter):
    """Writes plans as one Excel workbook, a sheet a table (needs ``cspplan[xlsx]``; see
    :func:`~cspplan.export.write_xlsx`)."""

    name: ClassVar[str] = "xlsx"
    suffix: ClassVar[str] = ".xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def _write(self, rows: Rows, out: Path) -> None:
        write_workbook(rows, out)


class ParquetWriter(_TableWriter):
    """Writes plans as a folder of Parquet files, one a table (needs ``cspplan[parquet]``;
    see :func:`~cspplan.export.write_parquet`)."""

    name: ClassVar[str] = "parquet"
    suffix: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/vnd.apache.parquet"

    def _write(self, rows: Rows, out: Path) -> None:
        write_parquet_rows(rows, out)
