"""The tables as an Excel workbook (extra ``xlsx``) or as Parquet files (extra ``parquet``).

Both libraries are optional: without them the writers raise a
:class:`~cspplan.errors.CspplanError` that names the ``pip install`` to run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import CspplanError
from .rows import Findings, Plans, Rows, tables
from .schema import TABLES, Column

__all__ = [
    "EXCEL_CELL_LIMIT",
    "require",
    "write_parquet",
    "write_parquet_rows",
    "write_workbook",
    "write_xlsx",
    "write_xlsx_rows",
]

EXCEL_CELL_LIMIT = 32767
"""The most characters Excel keeps in one cell; longer text is cut, with a note saying so."""


def _missing(package: str, extra: str) -> CspplanError:
    return CspplanError(
        f"writing {extra} needs the {package} package, which is not installed:"
        f" pip install 'cspplan[{extra}]'"
    )


def _xlsxwriter() -> Any:
    try:
        import xlsxwriter
    except ImportError as exc:
        raise _missing("XlsxWriter", "xlsx") from exc
    return xlsxwriter


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise _missing("pyarrow", "parquet") from exc
    return pyarrow, pyarrow.parquet


def require(format: str) -> None:
    """Raise the :class:`CspplanError` naming the ``pip install`` to run where the library
    ``format`` (``xlsx`` or ``parquet``) needs is missing; the Data Package needs none."""
    if format == "xlsx":
        _xlsxwriter()
    elif format == "parquet":
        _pyarrow()


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds, so a
    reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(temp)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _fit(text: str) -> str:
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = f" [cut: {len(text)} characters in all; the CSV export keeps the whole text]"
    return text[: EXCEL_CELL_LIMIT - len(note)] + note


def write_xlsx(plans: Plans, findings: Findings, out_dir: str | os.PathLike[str]) -> Path:
    """Write ``plans`` as ``tables.xlsx`` in ``out_dir``: one sheet a table, with a header
    row, then a ``columns`` sheet describing every column. Numbers are Excel numbers (the
    ``*_text`` columns keep them as printed), dates Excel dates, lists JSON text. Needs
    XlsxWriter (``pip install 'cspplan[xlsx]'``). Returns the workbook's path."""
    _xlsxwriter()
    return write_xlsx_rows(tables(plans, findings), out_dir)


def write_xlsx_rows(rows: Rows, out_dir: str | os.PathLike[str]) -> Path:
    """Write already-built table rows as ``tables.xlsx`` in ``out_dir`` (see
    :func:`write_xlsx`); returns its path."""
    return write_workbook(rows, Path(out_dir) / "tables.xlsx")


def write_workbook(rows: Rows, path: Path) -> Path:
    """Write already-built table rows as the workbook ``path`` (see :func:`write_xlsx`);
    returns ``path``."""
    xlsxwriter = _xlsxwriter()
    try:
        with _replacing(path) as temp:
            book = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
            bold = book.add_format({"bold": True})
            date = book.add_format({"num_format": "yyyy-mm-dd"})
            for table in TABLES:
                sheet = book.add_worksheet(table.name)
                for c, column in enumerate(table.columns):
                    sheet.write_string(0, c, column.name, bold)
                for r, row in enumerate(rows[table.name], 1):
                    for c, column in enumerate(table.columns):
                        _write_cell(sheet, r, c, column, row[column.name], date)
                sheet.freeze_panes(1, 0)
            about = book.add_worksheet("columns")
            for c, head in enumerate(("table", "column", "type", "description")):
                about.write_string(0, c, head, bold)
            line = 1
            for table in TABLES:
                for column in table.columns:
                    for c, text in enumerate((table.name, column.name, column.type)):
                        about.write_string(line, c, text)
                    about.write_string(line, 3, _fit(column.description))
                    line += 1
            book.close()
    except OSError as exc:
        raise CspplanError(f"cannot write the workbook: {exc.strerror or exc}", path) from exc
    return path


def _write_cell(sheet: Any, r: int, c: int, column: Column, value: Any, date: Any) -> None:
    if value is None:
        return
    if isinstance(value, Decimal):
        sheet.write_number(r, c, float(value))
    elif isinstance(value, int):
        sheet.write_number(r, c, value)
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date)
    elif isinstance(value, list):
        sheet.write_string(r, c, _fit(json.dumps(value, ensure_ascii=False)))
    else:
        # write_string, never write(): text such as "=SUM(..)" must stay text, not a formula.
        sheet.write_string(r, c, _fit(str(value)))


def _arrow_type(pa: Any, column: Column) -> Any:
    if column.type == "array":
        if column.item_keys:
            return pa.list_(pa.struct([(key, pa.string()) for key in column.item_keys]))
        return pa.list_(pa.string())
    simple: dict[str, Callable[[], Any]] = {
        "string": pa.string,
        "integer": pa.int64,
        "number": pa.float64,
        "date": pa.date32,
    }
    return simple[column.type]()


def write_parquet(plans: Plans, findings: Findings, out_dir: str | os.PathLike[str]) -> Path:
    """Write ``plans`` as one Parquet file a table (``actions.parquet`` ...) in ``out_dir``.

    Numbers are 64-bit floats (the ``*_text`` columns keep them as printed), dates dates,
    lists Parquet lists. Needs pyarrow (``pip install 'cspplan[parquet]'``). Returns
    ``out_dir``."""
    _pyarrow()
    return write_parquet_rows(tables(plans, findings), out_dir)


def write_parquet_rows(rows: Rows, out_dir: str | os.PathLike[str]) -> Path:
    """Write already-built table rows as Parquet files in ``out_dir`` (see
    :func:`write_parquet`); returns ``out_dir``."""
    pa, pq = _pyarrow()
    folder = Path(out_dir)
    for table in TABLES:
        schema = pa.schema(
            [pa.field(c.name, _arrow_type(pa, c), nullable=not c.required) for c in table.columns]
        )
        data = {
            c.name: [
                float(v) if isinstance(v, Decimal) else v
                for v in (row[c.name] for row in rows[table.name])
            ]
            for c in table.columns
        }
        path = folder / f"{table.name}.parquet"
        try:
            with _replacing(path) as temp:
                pq.write_table(pa.Table.from_pydict(data, schema=schema), temp)
        except OSError as exc:
            raise CspplanError(f"cannot write Parquet: {exc.strerror or exc}", path) from exc
    return folder
