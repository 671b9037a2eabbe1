"""Audit plans: report where their figures do not add up or contradict each other.

Each FILE is a plan document (PDF, Word, text) or a plan JSON written by `cspplan parse`.
Findings are printed one a line, like a compiler's:

    FILE:LOCATION: CODE severity message

With --json they are printed as one JSON array instead, each finding with its file.
`cspplan rules` lists the rule codes; --select and --ignore take codes or family prefixes
(A1, C2, M3), comma-separated or repeated.

Exit status: 0 when no finding is at or above --fail-on (default error); 1 when one is;
2 when a FILE cannot be used (the other files are still checked).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ... import load, loads
from ...errors import CspplanError, DocumentError
from ...model.plan import Plan
from ...validate import CheckSettings, Finding, Severity, check, finding_to_data, selected_rules
from ...validate.intervals import Rounding
from .. import print_plan_warnings

NAME = "check"
HELP = "audit plans' figures and report findings"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``check``'s options."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="plan files or plan JSON")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: codes or prefixes, e.g. A1,C201",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="leave out these rules (codes or prefixes)",
    )
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=Severity.ERROR.value,
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    parser.add_argument(
        "--rounding",
        choices=[r.value for r in Rounding],
        default=Rounding.NEAREST.value,
        help="how printed numbers are assumed rounded (default: nearest)",
    )
    parser.add_argument(
        "--format", metavar="NAME", help="parser to use instead of choosing by suffix"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary line")


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [code for value in values for code in value.split(",")]


def read_plan(name: str, format: str | None = None) -> Plan:
    """A plan from a document, or from plan JSON where the file name ends in ``.json``."""
    if Path(name).suffix.lower() == ".json" and format is None:
        try:
            text = Path(name).read_bytes()
        except OSError as exc:
            raise DocumentError(f"cannot read file: {exc.strerror or exc}", name) from exc
        return loads(text, name)
    return load(name, format)


def finding_line(name: str, finding: Finding) -> str:
    """One finding as a compiler-style line: ``file:location: CODE severity message``."""
    where = finding.source.location()
    place = f"{name}:{where}" if where else name
    return f"{place}: {finding.code} {finding.severity.value} {finding.message}"


def run(args: argparse.Namespace) -> int:
    """Run ``check``."""
    select, ignore = _codes(args.select), _codes(args.ignore)
    selected_rules(select, ignore)  # a bad code is a usage error before any file is read
    settings = CheckSettings(rounding=Rounding(args.rounding))
    fail_on = Severity(args.fail_on)
    status = 0
    records: list[dict[str, object]] = []
    counts = {s: 0 for s in Severity}
    for name in args.files:
        try:
            plan = read_plan(name, args.format)
        except CspplanError as exc:
            print(f"cspplan: error: {exc}", file=sys.stderr)
            status = 2
            continue
        if not args.quiet:
            print_plan_warnings(name, plan.warnings)
        for finding in check(plan, select, ignore, settings):
            counts[finding.severity] += 1
            if args.json:
                records.append({"file": name, **finding_to_data(finding)})
            else:
                print(finding_line(name, finding))
            if finding.severity >= fail_on and status == 0:
                status = 1
    if args.json:
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    if not args.quiet:
        total = sum(counts.values())
        detail = ", ".join(f"{counts[s]} {s.value}" for s in Severity)
        print(f"{total} finding{'s' if total != 1 else ''} ({detail})", file=sys.stderr)
    return status
