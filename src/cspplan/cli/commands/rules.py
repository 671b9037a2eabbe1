"""List the audit rules: code, severities, name and what each finds.

With --markdown, print the full rule reference (docs/audit.md) drawn from the rules'
docstrings; with --json, the rules as a JSON array.
"""

from __future__ import annotations

import argparse
import json
import sys

from ...validate import RULES, rules_markdown

NAME = "rules"
HELP = "list the audit rules that check applies"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``rules``'s options."""
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--markdown", action="store_true", help="print the full rule reference")
    shape.add_argument("--json", action="store_true", help="print the rules as JSON")


def run(args: argparse.Namespace) -> int:
    """Run ``rules``."""
    if args.markdown:
        sys.stdout.write(rules_markdown())
        return 0
    if args.json:
        data = [
            {
                "code": rule.code,
                "name": rule.name,
                "severities": [s.value for s in rule.severities],
                "summary": rule.summary,
                "doc": rule.doc,
            }
            for rule in RULES
        ]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    width = max(len(",".join(s.value for s in rule.severities)) for rule in RULES)
    for rule in RULES:
        severities = ",".join(s.value for s in rule.severities)
        print(f"{rule.code}  {severities:<{width}}  {rule.name}: {rule.summary}")
    return 0
