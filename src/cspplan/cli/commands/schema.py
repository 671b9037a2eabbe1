"""Print the JSON Schema that every plan JSON validates against (docs/schema/plan.schema.json)."""

from __future__ import annotations

import argparse
import sys

from ...fileio import atomic_write_text
from ...serialise.schema import schema_json

NAME = "schema"
HELP = "print the JSON Schema of the plan JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``schema``'s options."""
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the schema to OUT (- for standard output)"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``schema``."""
    text = schema_json()
    if args.output and args.output != "-":
        atomic_write_text(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
