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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    from .document import Document
    from .export import tables, to_pandas
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
