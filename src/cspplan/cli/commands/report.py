"""Write one self-contained HTML report on plans, for committees.

Each FILE_OR_DIR is a plan document (PDF, Word, text), a plan JSON written by `cspplan
parse` or `cspplan batch`, or a folder of either. For each plan the report gives its title,
partnership and period; what was read (counts, and the share of the text recognised where
the document itself was given); the audit's findings by severity, each with the quoted
source, the worked arithmetic and a link to what it is about; a chart of every target's
trajectory against the straight line from baseline to target; and the action tables with
missing leads, dates and outcomes marked. The file needs no network and prints cleanly.

Exit status: 0 every file is in the report; 2 a file could not be used (the others are
still reported) or none could.
"""

from __future__ import annotations

import argparse
import sys

from ...errors import CspplanError
from ...export.inputs import read_plans
from ...report import write_report
from ...validate import check
from .. import add_time_limit, print_plan_warnings, time_limit_of

NAME = "report"
HELP = "write a self-contained HTML report on plans and their audit"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``report``'s options."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE_OR_DIR", help="plan files, plan JSON or folders"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the HTML file to write"
    )
    parser.add_argument(
        "--parser", metavar="NAME", help="parser to read documents with instead of by suffix"
    )
    add_time_limit(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary")


def run(args: argparse.Namespace) -> int:
    """Run ``report``."""
    status = 0

    def failed(exc: CspplanError) -> None:
        nonlocal status
        print(f"cspplan: error: {exc}", file=sys.stderr)
        status = 2

    loaded = list(read_plans(args.files, args.parser, failed, time_limit_of(args)))
    if not loaded:
        print("cspplan: error: no plan could be read; nothing written", file=sys.stderr)
        return 2
    for item in loaded:
        if not args.quiet:
            print_plan_warnings(item.name, item.plan.warnings)
    plans = [item.plan for item in loaded]
    findings = [check(plan, time_limit=time_limit_of(args)) for plan in plans]
    path = write_report(
        plans, findings, args.output, [item.document for item in loaded], [i.name for i in loaded]
    )
    if not args.quiet:
        total = sum(len(f) for f in findings)
        print(f"reported {len(plans)} plans, {total} findings -> {path}", file=sys.stderr)
    return status
