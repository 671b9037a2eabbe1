"""Audit plans: report where their figures do not add up or contradict each other.

Each FILE is a plan document (PDF, Word, text), a plan JSON written by `cspplan parse`, or a
folder, walked for both (a batch's output folder included: its `manifest.json` and an
export's `datapackage.json` are left out). Findings are printed one a line, like a
compiler's, naming what they are about:

    FILE:LINE: CODE severity SUBJECT: message (table 2, row 4, under "Heading")

with `FILE:page 3, table 2, row 4:` where the file has pages or tables rather than lines;
tables, rows and paragraphs are counted from 1. --show-source prints the sentence or
table row under each finding. --output-format json (or --json) prints one JSON array,
sarif a SARIF 2.1.0 log, github GitHub Actions annotations, markdown a table for a
committee. What was checked and found ends the run on standard error.
`cspplan rules` lists the rule codes; --select and --ignore take codes or family prefixes
(A1, C2, M3), comma-separated or repeated.

Exit status: 0 when no finding is at or above --fail-on (default error); 1 when one is;
2 when a FILE cannot be used (the other files are still checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ... import loads, parse_document
from ...batch.discover import collect_sources, supported_suffixes
from ...deadline import DEFAULT_TIME_LIMIT, time_limit
from ...document import Document
from ...errors import CspplanError, DocumentError
from ...model.plan import Plan
from ...recognise import build_plan
from ...validate import CheckSettings, Severity, check, selected_rules
from ...validate.intervals import Rounding
from ...validate.output import (
    FORMATS,
    CheckedFile,
    document_order,
    explain,
    finding_line,
    tally,
)
from .. import add_time_limit, print_plan_warnings, time_limit_of

__all__ = ["finding_line", "plan_files", "read_plan"]

NAME = "check"
HELP = "audit plans' figures and report findings"

SKIPPED_JSON = ("manifest.json", "datapackage.json")
"""JSON files a folder may hold that are not plans: a batch's manifest, an export's
package descriptor."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``check``'s options."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="plan files, plan JSON or folders of them"
    )
    parser.add_argument(
        "--output-format",
        choices=sorted(FORMATS),
        default="text",
        help="how to print the findings (default: text)",
    )
    parser.add_argument(
        "--json",
        dest="output_format",
        action="store_const",
        const="json",
        help="the same as --output-format json",
    )
    parser.add_argument(
        "--show-source",
        action="store_true",
        help="print the sentence or table row each finding is about under it",
    )
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
    add_time_limit(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary line")


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [code for value in values for code in value.split(",")]


def _is_json(name: str, format: str | None) -> bool:
    return Path(name).suffix.lower() == ".json" and format is None


def read_plan(
    name: str, format: str | None = None, seconds: float | None = DEFAULT_TIME_LIMIT
) -> Plan:
    """A plan from a document, or from plan JSON where the file name ends in ``.json``,
    within ``seconds`` (the default time limit; ``None`` for none)."""
    with time_limit(seconds, name):
        return _read(name, format)[0]


def _read(name: str, format: str | None) -> tuple[Plan, Document | None]:
    """The plan in ``name`` and, where it was read from a document, the document, whose
    blocks give each finding its heading and table row."""
    if _is_json(name, format):
        try:
            text = Path(name).read_bytes()
        except OSError as exc:
            raise DocumentError(f"cannot read file: {exc.strerror or exc}", name) from exc
        return loads(text, name), None
    # No limit of its own: the caller's time limit covers reading and the audit together.
    document = parse_document(name, format, time_limit=None)
    return build_plan(document), document


def plan_files(inputs: list[str], format: str | None = None) -> tuple[list[str], list[str]]:
    """The files ``inputs`` name, folders walked (by :mod:`cspplan.batch.discover`) for
    documents the parsers read and for plan JSON, less batch manifests and export package
    descriptors; and an error message for each input that names nothing."""
    suffixes = (*supported_suffixes(format), ".json")
    found: list[str] = []
    seen: set[str] = set()
    errors: list[str] = []
    for item in inputs:
        try:
            sources = collect_sources([item], suffixes=suffixes, output_suffix=".checked")
        except CspplanError as exc:
            errors.append(str(exc))
            continue
        named = not os.path.isdir(item)
        for source in sources:
            path = source.path
            if not named and path.name.lower() in SKIPPED_JSON:
                continue
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                found.append(item if named and len(sources) == 1 else str(path))
    return found, errors


def run(args: argparse.Namespace) -> int:
    """Run ``check``."""
    select, ignore = _codes(args.select), _codes(args.ignore)
    selected_rules(select, ignore)  # a bad code is a usage error before any file is read
    settings = CheckSettings(rounding=Rounding(args.rounding))
    fail_on = Severity(args.fail_on)
    render = FORMATS[args.output_format]
    names, errors = plan_files(args.files, args.format)
    status = 2 if errors else 0
    for message in errors:
        print(f"cspplan: error: {message}", file=sys.stderr)
    checked: list[CheckedFile] = []
    for name in names:
        try:
            with time_limit(time_limit_of(args), name):
                plan, document = _read(name, args.format)
                findings_found = check(plan, select, ignore, settings, time_limit=None)
        except CspplanError as exc:
            print(f"cspplan: error: {exc}", file=sys.stderr)
            status = 2
            continue
        if not args.quiet:
            print_plan_warnings(name, plan.warnings)
        found = explain(plan, findings_found, document)
        findings = document_order(found, document)
        checked.append(CheckedFile(name, plan, tuple(findings)))
        if status == 0 and any(f.severity >= fail_on for f in findings):
            status = 1
    sys.stdout.write(render(checked, args.show_source))
    if not args.quiet:
        print(tally(checked).line(), file=sys.stderr)
    return status
