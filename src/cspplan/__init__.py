"""cspplan: Community Safety Partnership plans as a structured, validated domain model.

>>> import cspplan
>>> plan = cspplan.load("examples/plans/northbrook-action-plan.txt")   # doctest: +SKIP
>>> plan.entry("A3").priority                                           # doctest: +SKIP
Priority(id='P2', title='Tackling anti-social behaviour and criminal…')
>>> cspplan.loads(cspplan.dumps(plan)) == plan                          # doctest: +SKIP
True

The public surface is listed in ``docs/api.md`` (``python -m cspplan.model.reference api``).
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import errors
from .document import Document
from .export import tables, to_pandas
from .model import Entry, Plan
from .serialise import dumps, from_data, loads, to_data
from .validate import CheckSettings, Finding, Rounding, Severity, check

try:
    __version__ = version("cspplan")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "CheckSettings",
    "Document",
    "Entry",
    "Finding",
    "Plan",
    "Rounding",
    "Severity",
    "__version__",
    "check",
    "dumps",
    "errors",
    "from_data",
    "load",
    "loads",
    "parse_document",
    "tables",
    "to_data",
    "to_pandas",
]


def parse_document(
    path: str | os.PathLike[str],
    format: str | None = None,
    settings: Any = None,
) -> Document:
    """Read a file into a :class:`~cspplan.document.Document` of blocks, without recognition.

    ``format`` names a parser (``"text"``, ``"docx"``, ``"pdf"`` or a plugin's); by default
    it is chosen by the file's suffix, then by its content. ``settings`` is the parser's
    settings object or a dict of overrides.
    """
    from .parsers.registry import choose_parser

    parser = choose_parser(path, format)
    return parser.parse(Path(path), settings)


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    settings: Any = None,
) -> Plan:
    """Read a plan file (PDF, Word, text or a plugin's format) into a :class:`Plan`.

    Raises a :class:`cspplan.errors.CspplanError` naming the file when the file cannot be
    used; problems in the plan's content are left to the audit (``cspplan check``).
    """
    from .recognise import build_plan

    return build_plan(parse_document(path, format, settings))
