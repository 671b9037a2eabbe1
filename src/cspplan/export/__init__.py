"""Plans as tidy tables, for archivists and analysts.

>>> import cspplan
>>> plans = [cspplan.load(p) for p in ["a.pdf", "b.docx"]]    # doctest: +SKIP
>>> rows = cspplan.tables(plans)                               # doctest: +SKIP
>>> rows["actions"][0]["plan_key"], rows["actions"][0]["id"]   # doctest: +SKIP
('3f9a0c2e71b4:a.pdf', 'A1')

The tables (see :data:`~cspplan.export.schema.TABLES` and ``docs/export.md``) are written as
a Frictionless Data Package (CSV files and ``datapackage.json``), an Excel workbook or Parquet
files by :func:`write_datapackage`, :func:`write_xlsx` and :func:`write_parquet`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import CspplanError
from .datapackage import write_datapackage, write_datapackage_rows
from .rows import Findings, Plans, Rows, plan_key, priority_id, tables
from .schema import TABLES, Column, ForeignKey, Table
from .spreadsheet import (
    require,
    write_parquet,
    write_parquet_rows,
    write_xlsx,
    write_xlsx_rows,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "TABLES",
    "Column",
    "ForeignKey",
    "Rows",
    "Table",
    "plan_key",
    "priority_id",
    "require",
    "tables",
    "to_pandas",
    "write_datapackage",
    "write_datapackage_rows",
    "write_parquet",
    "write_parquet_rows",
    "write_xlsx",
    "write_xlsx_rows",
]

_PANDAS_TYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


def to_pandas(plans: Plans, findings: Findings = None) -> dict[str, pandas.DataFrame]:
    """The tables of :func:`tables` as pandas DataFrames, one per table, with nullable
    dtypes: integers ``Int64``, numbers ``Float64``, text ``string``, dates ``datetime64``
    and lists as Python lists. Needs pandas (``pip install pandas``)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise CspplanError(
            "to_pandas() needs pandas, which is not installed: pip install pandas"
        ) from exc
    rows = tables(plans, findings)
    frames: dict[str, Any] = {}
    for spec in TABLES:
        frame = pd.DataFrame(rows[spec.name], columns=list(spec.column_names))
        for column in spec.columns:
            if column.type == "date":
                frame[column.name] = pd.to_datetime(frame[column.name])
            elif column.type == "number":
                frame[column.name] = frame[column.name].map(
                    lambda v: None if v is None else float(v)
                )
                frame[column.name] = frame[column.name].astype("Float64")
            elif column.type in _PANDAS_TYPES:
                frame[column.name] = frame[column.name].astype(_PANDAS_TYPES[column.type])
        frames[spec.name] = frame
    return frames
