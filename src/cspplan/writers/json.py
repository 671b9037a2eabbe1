"""The JSON writer: one plan, one JSON file, as :func:`cspplan.dumps` writes it.

Registered under ``cspplan.writers`` as ``json``, like any plugin, and the default of
``cspplan parse`` and ``cspplan batch``. The file is the plan JSON followed by a newline, in
UTF-8; :func:`cspplan.loads` reads it back into the same plan.
"""

from __future__ import annotations

from typing import Any, BinaryIO, ClassVar

import attrs

from ..model.plan import Plan
from ..parsers.base import resolve_settings
from ..serialise import dumps

__all__ = ["JsonSettings", "JsonWriter"]


def _indent_ok(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"{attribute.name} must be a whole number of spaces or None, got {value!r}"
        )


@attrs.frozen(slots=True)
class JsonSettings:
    """Settings of the JSON writer.

    Attributes:
        indent: Spaces per nesting level; ``None`` writes the plan on one line (JSON Lines).
    """

    indent: int | None = attrs.field(default=2, validator=_indent_ok)


class JsonWriter:
    """Writes each plan to its own JSON file (``plan.pdf`` → ``plan.pdf.json``)."""

    name: ClassVar[str] = "json"
    suffix: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"

    def write(self, plan: Plan, stream: BinaryIO, settings: Any = None) -> None:
        """Write ``plan`` as JSON and a newline to ``stream``; ``settings`` is a
        :class:`JsonSettings`, a dict of overrides (``{"indent": None}``) or ``None``."""
        options = resolve_settings(JsonSettings, settings)
        stream.write((dumps(plan, indent=options.indent) + "\n").encode("utf-8"))
