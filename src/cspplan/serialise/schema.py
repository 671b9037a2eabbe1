"""JSON Schema of the serialised Plan, generated from the model's type annotations.

Generating it from the attrs classes (rather than writing it by hand) keeps the schema and the
model from drifting apart; a test checks the committed copy under ``docs/schema/`` is current.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from ..model.plan import SCHEMA_VERSION, Plan

__all__ = ["SCHEMA_ID", "plan_schema", "schema_json"]

SCHEMA_ID = "https://cspplan.invalid/schema/plan-{version}.json"
"""The schema's ``$id``; the host is a placeholder that never resolves (schemas are local)."""


def _docs(cls: type) -> dict[str, str]:
    """Field descriptions from the class docstring's ``Attributes:`` section."""
    doc = cls.__doc__ or ""
    found: dict[str, str] = {}
    if "Attributes:" not in doc:
        return found
    current: str | None = None
    for line in doc.split("Attributes:", 1)[1].splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        name, sep, rest = stripped.partition(":")
        if (
            sep
            and name.isidentifier()
            and line.startswith(" " * 8)
            and not line.startswith(" " * 12)
        ):
            current = name
            found[name] = rest.strip()
        elif current:
            found[current] += " " + stripped
    return found


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [self.type_schema(a) for a in args if a is not type(None)]
            schema = options[0] if len(options) == 1 else {"anyOf": options}
            if type(None) in args:
                return {"anyOf": [schema, {"type": "null"}]}
            return schema
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.type_schema(a) for a in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is Decimal:
            return {"type": "string", "pattern": r"^-?\d+(\.\d+)?(E[+-]?\d+)?$"}
        if tp is dt.date:
            return {"type": "string", "format": "date"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            self.define(tp)
            return {"$ref": f"#/$defs/{tp.__name__}"}
        raise TypeError(f"no JSON Schema mapping for {tp!r}")

    def define(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # placeholder first, so recursive types terminate
        hints = typing.get_type_hints(cls)
        docs = _docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = dict(self.type_schema(hints[field.name]))
            if field.name in docs:
                schema["description"] = docs[field.name]
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        summary = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        self.defs[cls.__name__] = {
            "type": "object",
            "description": summary,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every serialised Plan validates against."""
    builder = _Builder()
    builder.define(Plan)
    root = builder.defs.pop("Plan")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(version=SCHEMA_VERSION),
        "title": "cspplan Plan",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_json() -> str:
    """The schema as formatted JSON text, as committed under ``docs/schema/``."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
