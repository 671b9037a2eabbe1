"""The ``cspplan`` command line.

Each subcommand lives in its own module under :mod:`cspplan.cli.commands`, found at start-up,
so adding a command never means editing a shared dispatch table.

Exit status:
    0: success (for ``check``: no finding at or above ``--fail-on``).
    1: ``check`` found problems at or above ``--fail-on``; ``batch`` could not convert
       every file.
    2: unusable input or a usage error (a file that cannot be read, an unknown option), and
       a file that took longer than ``--time-limit`` seconds to read.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, cast

from ..errors import CspplanError

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "Command",
    "add_time_limit",
    "build_parser",
    "main",
    "print_plan_warnings",
    "time_limit_of",
]

EXIT_OK = 0
"""Everything worked."""
EXIT_FINDINGS = 1
"""The run worked but found problems (``check`` findings, ``batch`` files that failed)."""
EXIT_INPUT = 2
"""Input could not be used, or the command line was wrong."""


class Command(Protocol):
    """What a module under ``cspplan.cli.commands`` provides."""

    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the subcommand's options."""

    def run(self, args: argparse.Namespace) -> int:
        """Run the subcommand; return the exit status."""


def _commands() -> list[Command]:
    from . import commands

    found = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(cast(Command, module))
    return found


def _summary(path: Path) -> tuple[str, str, str] | None:
    """``NAME``, ``HELP`` and the docstring of a command module, read from its source
    without importing it (``None`` where they are not plain strings there)."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if (
                isinstance(target, ast.Name)
                and target.id in ("NAME", "HELP")
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
            ):
                found[target.id] = value.value
    if "NAME" not in found or "HELP" not in found:
        return None
    return found["NAME"], found["HELP"], ast.get_docstring(tree) or found["HELP"]


def _lazy_parser(chosen: str | None) -> argparse.ArgumentParser:
    """The argument parser, importing only the command named ``chosen``: the others are
    listed from their sources, so ``--help`` and ``--version`` import no command (and so
    none of the parsers or recognisers the commands use)."""
    from . import commands

    folder = Path(next(iter(commands.__path__)))
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        summary = None if info.ispkg else _summary(folder / f"{info.name}.py")
        if summary is not None and summary[0] != chosen:
            name, help_text, doc = summary
            sub.add_parser(
                name,
                help=help_text,
                description=doc.strip(),
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            _add_command(sub, cast(Command, module))
    return parser


class _VersionAction(argparse.Action):
    """``--version``, looking the installed version up only when it is asked for, so that
    no other run of the command line pays for reading the packages' metadata."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from .. import __version__

        print(f"cspplan {__version__}")
        parser.exit()


def _top_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cspplan",
        description="Read Community Safety Partnership plans into a structured model and audit them.",
        epilog="Exit status: 0 success; 1 findings or failed files; 2 unusable input or usage error.",
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


def _add_command(sub: Any, command: Command) -> None:
    doc = (command.__doc__ or command.HELP).strip()
    child = sub.add_parser(
        command.NAME,
        help=command.HELP,
        description=doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_arguments(child)
    child.set_defaults(_run=command.run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _top_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in _commands():
        _add_command(sub, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    # The top-level parser has no option taking a value, so the first word that is not an
    # option names the command.
    chosen = next((w for w in words if not w.startswith("-")), None)
    parser = _lazy_parser(chosen)
    args = parser.parse_args(words)
    if not hasattr(args, "_run"):
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return int(args._run(args))
    except CspplanError as exc:
        print(f"cspplan: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("cspplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (value >= 0 and value != float("inf")):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more seconds: {text!r}")
    return value


def add_time_limit(parser: argparse.ArgumentParser) -> None:
    """Declare ``--time-limit SECONDS``: how long one file may take to read (and audit)."""
    from ..deadline import DEFAULT_TIME_LIMIT

    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help="stop a file that takes longer than this to read, as an error (exit status 2);"
        f" 0 for no limit (default: {DEFAULT_TIME_LIMIT:g})",
    )


def time_limit_of(args: argparse.Namespace) -> float | None:
    """The ``--time-limit`` in seconds, ``None`` where it is 0 (no limit)."""
    seconds: float = args.time_limit
    return seconds or None


def print_plan_warnings(name: str, warnings: Sequence[str]) -> None:
    """Print what went wrong while reading a file without stopping it (a scanned page, an
    unreadable page), so that a thin result is never mistaken for a complete one."""
    for warning in warnings:
        text = warning if warning.startswith(name) else f"{name}: {warning}"
        print(f"cspplan: warning: {text}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
