"""Plan ⇄ JSON, and the JSON Schema of the serialised form."""

from __future__ import annotations

import json
import os
from typing import Any

import cattrs

from ..errors import LoadError
from ..model.plan import SCHEMA_VERSION, Plan
from .converter import make_converter

__all__ = ["dumps", "from_data", "loads", "to_data"]

_CONVERTER = make_converter()


def to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON-ready dicts and lists."""
    data: dict[str, Any] = _CONVERTER.unstructure(plan)
    return data


def dumps(plan: Plan, indent: int | None = 2) -> str:
    """The plan as a JSON string."""
    return json.dumps(to_data(plan), indent=indent, ensure_ascii=False)


def _paths(error: BaseException) -> list[str]:
    # cattrs words each problem "message @ path"; lead with the path, as a reader scans for it.
    problems = cattrs.transform_error(error, path="$")
    split = (p.rpartition(" @ ") for p in problems)
    return [f"{where}: {what}" if sep else where for what, sep, where in split]


def from_data(data: Any, path: str | os.PathLike[str] | None = None) -> Plan:
    """A plan from JSON-ready data. Raises :class:`~cspplan.errors.LoadError` listing each
    problem with its JSON path (``$.priorities[0].title``)."""
    if not isinstance(data, dict):
        raise LoadError([f"$: expected an object, got {type(data).__name__}"], path)
    version = data.get("schema_version")
    if isinstance(version, str) and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise LoadError(
            [
                f"$.schema_version: {version!r} is not readable by this cspplan (reads {SCHEMA_VERSION})"
            ],
            path,
        )
    try:
        return _CONVERTER.structure(data, Plan)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        raise LoadError(
            _paths(exc) if isinstance(exc, cattrs.BaseValidationError) else [f"$: {exc}"], path
        ) from exc


def loads(text: str | bytes, path: str | os.PathLike[str] | None = None) -> Plan:
    """A plan from a JSON string (as written by :func:`dumps`)."""
    try:
        data = json.loads(text)
    except ValueError as exc:  # bad syntax, bad encoding, or an integer too long to convert
        raise LoadError([f"$: not valid JSON: {exc}"], path) from exc
    except RecursionError as exc:
        raise LoadError(["$: JSON nested too deeply"], path) from exc
    return from_data(data, path)
