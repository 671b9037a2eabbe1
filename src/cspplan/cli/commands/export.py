"""Export plans as tidy tables: a Data Package (CSV), an Excel workbook or Parquet files.

Each FILE_OR_DIR is a plan document (PDF, Word, text), a plan JSON written by `cspplan
parse` or `cspplan batch`, or a folder of either (walked, manifests left out). All the plans
go into one set of tables in DIR, one row an object, each row keyed by its plan
(`plan_key`: the source file's hash and name) and its id, with its parent and its source:

    plans priorities objectives actions leads milestones targets trajectory_points
    claims claim_figures indicators memberships findings unclassified

--format datapackage (the default) writes TABLE.csv files and datapackage.json (a
Frictionless Data Package with a Table Schema for each, which `frictionless validate`
checks); xlsx writes tables.xlsx (needs `pip install 'cspplan[xlsx]'`); parquet writes
TABLE.parquet files (needs `pip install 'cspplan[parquet]'`). Findings are those of
`cspplan check`. docs/export.md describes every column.

Exit status: 0 every file was exported; 2 a file could not be used (the others are still
exported) or none could.
"""

from __future__ import annotations

import argparse
import sys
import warnings

from ...errors import CspplanError
from ...export import (
    require,
    tables,
    write_datapackage_rows,
    write_parquet_rows,
    write_xlsx_rows,
)
from ...export.inputs import read_plans
from ...validate import check
from .. import add_time_limit, print_plan_warnings, time_limit_of

NAME = "export"
HELP = "export plans as tables (Data Package CSV, Excel or Parquet)"

FORMATS = ("datapackage", "xlsx", "parquet")
"""The table formats ``--format`` takes."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``export``'s options."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE_OR_DIR", help="plan files, plan JSON or folders"
    )
    parser.add_argument("--out-dir", required=True, metavar="DIR", help="folder for the tables")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="datapackage",
        help="what to write (default: datapackage)",
    )
    parser.add_argument(
        "--parser", metavar="NAME", help="parser to read documents with instead of by suffix"
    )
    add_time_limit(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary")


def run(args: argparse.Namespace) -> int:
    """Run ``export``."""
    require(args.format)  # a missing extra is reported before any file is read
    status = 0

    def failed(exc: CspplanError) -> None:
        nonlocal status
        print(f"cspplan: error: {exc}", file=sys.stderr)
        status = 2

    plans = []
    for loaded in read_plans(args.files, args.parser, failed, time_limit_of(args)):
        if not args.quiet:
            print_plan_warnings(loaded.name, loaded.plan.warnings)
        plans.append(loaded.plan)
    if not plans:
        print("cspplan: error: no plan could be read; nothing written", file=sys.stderr)
        return 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = tables(plans, [check(plan) for plan in plans])
    for warning in caught:
        print(f"cspplan: warning: {warning.message}", file=sys.stderr)
    writer = {
        "datapackage": write_datapackage_rows,
        "xlsx": write_xlsx_rows,
        "parquet": write_parquet_rows,
    }
    written = writer[args.format](rows, args.out_dir)
    if not args.quiet:
        counts = ", ".join(
            f"{len(rows[name])} {name}" for name in ("plans", "actions", "targets", "findings")
        )
        print(f"exported {counts} -> {written}", file=sys.stderr)
    return status
