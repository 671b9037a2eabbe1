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

import importlib
import os
from typing import TYPE_CHECKING, Any

from . import errors
from .deadline import DEFAULT_TIME_LIMIT

if TYPE_CHECKING:
    from .document import Document
    from .export import tables, to_pandas
    from .inputs import PlanInput
    from .model import Entry, Plan
    from .serialise import dumps, from_data, loads, to_data
    from .validate import CheckSettings, Finding, Rounding, Severity, check

    __version__: str

# Where each public name is defined. They are imported on first use (PEP 562), so that
# ``import cspplan`` and ``cspplan --version`` do not pay for the exporters, the validators,
# the serialiser or the installed-packages metadata that a program may never touch.
_LAZY = {
    "CheckSettings": "validate",
    "Document": "document",
    "Entry": "model",
    "Finding": "validate",
    "Plan": "model",
    "PlanInput": "inputs",
    "Rounding": "validate",
    "Severity": "validate",
    "check": "validate",
    "dumps": "serialise",
    "from_data": "serialise",
    "loads": "serialise",
    "tables": "export",
    "to_data": "serialise",
    "to_pandas": "export",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cspplan")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    """The public names of :data:`_LAZY` and ``__version__``, imported when first asked for."""
    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # later lookups find it directly
    return value


def __dir__() -> list[str]:
    """The module's names, the ones not imported yet included."""
    return sorted(set(globals()) | set(__all__))


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
