"""Convert folders of plans to JSON (or another per-plan writer's format), in parallel.

Each FILE, folder (walked for the formats the installed parsers read) or glob pattern
(quoted, such as 'archive/**/*.pdf') is converted to OUT/<relative path>.json, mirroring the
folders; with --to NAME another writer makes the outputs, and its suffix names them. Every
file is converted in a worker process; one that takes longer than --timeout seconds is
stopped and recorded as timed out. A file that cannot be read is recorded and the
run goes on. OUT/manifest.json and OUT/manifest.csv record, for every file, its SHA-256,
status, error, counts and seconds. Outputs and manifests are written atomically. A re-run
skips every file whose output is up to date (same source bytes, cspplan version, options,
writer).

Exit status: 0 every file has its output; 1 some files failed or timed out; 2 the run could
not start (nothing matched, an unusable option); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys

from ...batch import DEFAULT_TIMEOUT, BatchResult, FileResult, convert
from ...writers import DEFAULT_WRITER

NAME = "batch"
HELP = "convert folders of plan files to JSON in parallel, with a manifest"

_SHOWN_FAILURES = 20


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``batch``'s options."""
    parser.add_argument(
        "inputs", nargs="+", metavar="DIR_OR_GLOB", help="files, folders or quoted glob patterns"
    )
    parser.add_argument(
        "--out-dir", required=True, metavar="OUT", help="folder for the JSON and the manifest"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds allowed per file; 0 for no limit (default: {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--memory-limit",
        type=_positive_int,
        default=None,
        metavar="MB",
        help="megabytes of address space each worker may use (default: no limit)",
    )
    parser.add_argument(
        "--format", metavar="NAME", help="parser to read every file with instead of by suffix"
    )
    parser.add_argument(
        "--to",
        metavar="NAME",
        default=DEFAULT_WRITER,
        help=f"writer of each output: {DEFAULT_WRITER} or a plugin's per-plan writer"
        f" (default: {DEFAULT_WRITER})",
    )
    parser.add_argument(
        "--force", action="store_true", help="convert every file even where its output is current"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary of successes"
    )


def _summary(result: BatchResult) -> str:
    total = len(result.results)
    rate = total / result.seconds if result.seconds > 0 else 0.0
    parts = [f"{result.count(status)} {status}" for status in ("converted", "unchanged")]
    parts += [f"{result.count(status)} {status}" for status in ("failed", "timeout")]
    return (
        f"cspplan batch: {total} files in {result.seconds:.1f} s ({rate:.2f} files/s): "
        + ", ".join(parts)
        + f"; manifest {result.manifest}"
    )


def _failure_lines(failures: tuple[FileResult, ...]) -> list[str]:
    lines = [f"  {r.status}: {r.error or r.file}" for r in failures[:_SHOWN_FAILURES]]
    if len(failures) > _SHOWN_FAILURES:
        lines.append(f"  ... and {len(failures) - _SHOWN_FAILURES} more (see the manifest)")
    return lines


def run(args: argparse.Namespace) -> int:
    """Run ``batch``."""
    progress = not args.quiet and sys.stderr.isatty()
    result = convert(
        args.inputs,
        args.out_dir,
        jobs=args.jobs,
        timeout=args.timeout or None,
        format=args.format,
        memory_limit=args.memory_limit * 1024 * 1024 if args.memory_limit else None,
        force=args.force,
        progress=progress,
        writer=args.to,
    )
    failures = result.failures
    if failures or not args.quiet:
        print(_summary(result), file=sys.stderr)
    for line in _failure_lines(failures):
        print(line, file=sys.stderr)
    return 0 if result.ok else 1
