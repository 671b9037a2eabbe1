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
from typing import Any

from . import errors
from .deadline import DEFAULT_TIME_LIMIT
from .document import Document
from .export import tables, to_pandas
from .inputs import PlanInput
from .model import Entry, Plan
from .serialise import dumps, from_data, loads, to_data
from .validate import CheckSettings, Finding, Rounding, Severity, check

try:
    __version__ = version("cspplan")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "CheckSettings",
    "Document",
    "Entry",
    "Finding",
    "Plan",
    "PlanInput",
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
    path: PlanInput,
    format: str | None = None,
    settings: Any = None,
    *,
    name: str | os.PathLike[str] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Document:
    """Read a file into a :class:`~cspplan.document.Document` of blocks, without recognition.

    ``path`` is a path, the file's bytes or a binary file object (a ``cspplan.PlanInput``);
    ``name`` is a name hint for bytes and file objects (``name="plan.pdf"``), used to choose
    the parser by its suffix and to name the input in errors and source references (without
    one the parser is chosen by content, and the input is called ``<bytes>`` or
    ``<stream>``). ``format`` names a
    parser (``"text"``, ``"docx"``, ``"pdf"`` or a plugin's); by default it is chosen by the
    suffix, then by the content. ``settings`` is the parser's settings object or a dict of
    overrides. Reading stops with :class:`~cspplan.errors.TimeLimitError` after
    ``time_limit`` seconds (by default ``cspplan.DEFAULT_TIME_LIMIT``, 300; ``None``: no
    limit).
    """
    from .deadline import time_limit as limit
    from .inputs import opened_source, relabel_document, source_label
    from .parsers.registry import choose_parser

    with limit(time_limit, source_label(path, name)), opened_source(path, name) as opened:
        parser = choose_parser(opened.path, format)
        document = parser.parse(opened.path, settings)
        if opened.spooled:
            document = relabel_document(document, opened.path, opened.label)
    return document


def load(
    path: PlanInput,
    format: str | None = None,
    settings: Any = None,
    *,
    name: str | os.PathLike[str] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Plan:
    """Read a plan (PDF, Word, text or a plugin's format) into a :class:`Plan`.

    ``path`` is a path, the file's bytes or a binary file object, with ``name`` as a name
    hint for the last two (see :func:`parse_document`). Raises a
    :class:`cspplan.errors.CspplanError` naming the input when it cannot be used, and
    :class:`~cspplan.errors.TimeLimitError` when reading and recognition together take
    longer than ``time_limit`` seconds (``None``: no limit); problems in the plan's content
    are left to the audit (:func:`check`).
    """
    from .deadline import time_limit as limit
    from .inputs import source_label
    from .recognise import build_plan

    with limit(time_limit, source_label(path, name)):
        # The inner call sets no limit of its own: this one bounds both steps.
        return build_plan(parse_document(path, format, settings, name=name, time_limit=None))
