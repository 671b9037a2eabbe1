"""Read plan files into JSON, or into another writer's format (--to NAME).

With one file and no output option (or -o -) the output goes to standard output. With -o it
goes to that file; with --out-dir each FILE becomes DIR/FILE plus the writer's suffix (plan.pdf ->
plan.pdf.json). A writer that makes one output for many plans (a workbook, a report) takes
every FILE into the one output named by -o. A short summary of each file goes to standard
error. A file that cannot be read is reported and skipped, and the exit status is then 2.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import cast

from ... import parse_document
from ...deadline import time_limit
from ...errors import CspplanError
from ...fileio import atomic_open, output_name
from ...model.plan import Plan
from ...recognise import build_plan
from ...stats import plan_stats
from ...writers import (
    DEFAULT_WRITER,
    CollectionWriter,
    PlanWriter,
    get_writer,
    writes_many,
    writes_per_plan,
)
from .. import add_time_limit, print_plan_warnings, time_limit_of

NAME = "parse"
HELP = "read plan files (PDF, Word, text) into JSON or another writer's format"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``parse``'s options."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="plan files to read")
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the output to OUT, or to standard output for - (one FILE only, unless the "
        "writer makes one output for many)",
    )
    target.add_argument(
        "--out-dir", metavar="DIR", help="write FILE.json (or the writer's suffix) for each FILE"
    )
    parser.add_argument(
        "--format", metavar="NAME", help="parser to use instead of choosing by suffix"
    )
    parser.add_argument(
        "--to",
        metavar="NAME",
        default=DEFAULT_WRITER,
        help=f"writer of the output: {DEFAULT_WRITER} or a plugin's (default: {DEFAULT_WRITER})",
    )
    parser.add_argument(
        "--stats", action="store_true", help="print counts and text coverage for each file"
    )
    add_time_limit(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary")


def _write_plan(writer: PlanWriter, plan: Plan, name: str, args: argparse.Namespace) -> str | None:
    """Write one plan where the options say; its destination, or ``None`` for stdout."""
    # "-o -" is standard output, as for most command-line tools.
    if args.output in (None, "-") and not args.out_dir:
        buffer = io.BytesIO()
        writer.write(plan, buffer)
        _to_stdout(buffer.getvalue(), writer.name)
        return None
    destination = args.output or str(Path(args.out_dir) / output_name(name, writer.suffix))
    try:
        with atomic_open(destination) as stream:
            writer.write(plan, stream)
    except OSError as exc:
        raise CspplanError(f"cannot write: {exc.strerror or exc}", destination) from exc
    return destination


def _write_plans(writer: CollectionWriter, plans: list[Plan], destination: str) -> None:
    try:
        writer.write_many(plans, Path(destination))
    except OSError as exc:
        raise CspplanError(f"cannot write: {exc.strerror or exc}", destination) from exc


def _to_stdout(data: bytes, writer: str) -> None:
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        binary.write(data)
        binary.flush()
        return
    try:  # a text-only stream stands in for stdout (redirect_stdout)
        sys.stdout.write(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise CspplanError(f"the {writer} writer's output is not text; give -o OUT") from None


def _usage_error(message: str) -> int:
    print(f"cspplan parse: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Run ``parse``."""
    writer = get_writer(args.to)
    # One output for every FILE where the writer only makes that, or where it makes both
    # kinds and -o asks for one output for several files.
    many = writes_many(writer) and (
        not writes_per_plan(writer) or bool(args.output and len(args.files) > 1)
    )
    if many and args.output in (None, "-"):
        return _usage_error(f"the {args.to} writer makes one output for every FILE; give -o OUT")
    if not many and args.output and len(args.files) > 1:
        return _usage_error("-o takes one FILE; use --out-dir for several")
    if not many and not args.output and not args.out_dir and len(args.files) > 1:
        return _usage_error("give --out-dir DIR to read several files")
    status = 0
    plans: list[Plan] = []
    for name in args.files:
        try:
            with time_limit(time_limit_of(args), name):
                document = parse_document(name, args.format, time_limit=None)
                plan = build_plan(document)
        except CspplanError as exc:
            print(f"cspplan: error: {exc}", file=sys.stderr)
            status = 2
            continue
        if not args.quiet:
            print_plan_warnings(name, plan.warnings)
        if many:
            plans.append(plan)
            destination: str | None = args.output
        else:
            destination = _write_plan(cast(PlanWriter, writer), plan, name, args)
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
    if many and plans:
        _write_plans(cast(CollectionWriter, writer), plans, args.output)
    return status
