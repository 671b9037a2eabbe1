"""Read plan files into JSON.

With one file and no output option the JSON goes to standard output. With -o it goes to that
file; with --out-dir each FILE becomes DIR/FILE.json (plan.pdf -> plan.pdf.json). A short
summary of each file goes to standard error. A file that cannot be read is reported and
skipped, and the exit status is then 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ... import dumps, parse_document
from ...errors import CspplanError
from ...fileio import atomic_write_text, output_name
from ...recognise import build_plan
from ...stats import plan_stats
from .. import print_plan_warnings

NAME = "parse"
HELP = "read plan files (PDF, Word, text) into JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``parse``'s options."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="plan files to read")
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "-o", "--output", metavar="OUT", help="write the JSON to OUT (one FILE only)"
    )
    target.add_argument("--out-dir", metavar="DIR", help="write FILE.json for each FILE into DIR")
    parser.add_argument(
        "--format", metavar="NAME", help="parser to use instead of choosing by suffix"
    )
    parser.add_argument(
        "--stats", action="store_true", help="print counts and text coverage for each file"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary")


def run(args: argparse.Namespace) -> int:
    """Run ``parse``."""
    if args.output and len(args.files) > 1:
        print("cspplan parse: error: -o takes one FILE; use --out-dir for several", file=sys.stderr)
        return 2
    if not args.output and not args.out_dir and len(args.files) > 1:
        print("cspplan parse: error: give --out-dir DIR to read several files", file=sys.stderr)
        return 2
    status = 0
    for name in args.files:
        try:
            document = parse_document(name, args.format)
            plan = build_plan(document)
        except CspplanError as exc:
            print(f"cspplan: error: {exc}", file=sys.stderr)
            status = 2
            continue
        if not args.quiet:
            print_plan_warnings(name, plan.warnings)
        text = dumps(plan)
        if args.output:
            destination: str | None = args.output
            atomic_write_text(args.output, text + "\n")
        elif args.out_dir:
            destination = str(Path(args.out_dir) / output_name(name))
            atomic_write_text(destination, text + "\n")
        else:
            destination = None
            sys.stdout.write(text + "\n")
        if args.stats or not args.quiet:
            stats = plan_stats(plan, document)
            arrow = f" -> {destination}" if destination else ""
            line = (
                f"{name}: {plan.title or '(no title)'}; {stats.priorities} priorities, "
                f"{stats.objectives} objectives, {stats.actions} actions, {stats.targets} targets, "
                f"{stats.claims} claims, {stats.unclassified} unclassified"
            )
            if args.stats:
                line += (
                    f", {stats.milestones} milestones, {stats.workstreams} workstreams,"
                    f" {stats.trajectories} trajectories, {stats.indicators} indicators,"
                    f" {stats.memberships} memberships, coverage {stats.coverage:.1%}"
                )
            print(line + arrow, file=sys.stderr)
    return status
