"""Render the model reference (``docs/model.md``) from the model's own docstrings.

Run ``python -m cspplan.model.reference > docs/model.md`` after changing the model; a test
checks the committed page is current, so the reference cannot drift from the code.
"""

from __future__ import annotations

import enum
import inspect
import typing

import attrs

from . import plan, source, values

__all__ = ["render"]

_ORDER = (
    plan.Plan,
    plan.Priority,
    plan.Objective,
    plan.Target,
    plan.Action,
    plan.Lead,
    plan.Milestone,
    plan.Workstream,
    plan.Indicator,
    plan.Marker,
    plan.ExtraField,
    plan.Claim,
    plan.Figure,
    plan.Membership,
    plan.Unclassified,
    values.Number,
    values.Measure,
    values.Period,
    values.Timescale,
    source.SourceRef,
    source.DocumentSource,
)
_ENUMS = (values.Direction, values.Unit, values.TimescaleKind, plan.ClaimKind, plan.PlanKind)


def _type_name(tp: object) -> str:
    text = str(tp) if not isinstance(tp, type) else tp.__name__
    for prefix in (
        "cspplan.model.plan.",
        "cspplan.model.values.",
        "cspplan.model.source.",
        "datetime.",
        "decimal.",
        "typing.",
    ):
        text = text.replace(prefix, "")
    return text.replace("NoneType", "None")


def _fields_doc(cls: type) -> dict[str, str]:
    doc = inspect.getdoc(cls) or ""
    found: dict[str, str] = {}
    current: str | None = None
    for line in doc.split("Attributes:", 1)[-1].splitlines() if "Attributes:" in doc else []:
        if line.startswith("    ") and not line.startswith("        ") and ":" in line:
            current, _, rest = line.strip().partition(":")
            found[current] = rest.strip()
        elif current and line.strip():
            found[current] += " " + line.strip()
    return found


def render() -> str:
    """The model reference as Markdown."""
    out = [
        "# Model reference",
        "",
        "Generated from the model's docstrings by `python -m cspplan.model.reference`; do not edit by hand.",
        "Every class is a frozen, slotted attrs class; collections are tuples. In JSON, numbers' exact",
        "values and dates are strings, enums their values.",
        "",
    ]
    for cls in _ORDER:
        summary = (inspect.getdoc(cls) or "").split("Attributes:")[0].strip()
        out += [
            f"## {cls.__name__}",
            "",
            summary,
            "",
            "| field | type | meaning |",
            "|---|---|---|",
        ]
        hints = typing.get_type_hints(cls)
        docs = _fields_doc(cls)
        for field in attrs.fields(cls):
            meaning = docs.get(field.name, "").replace("|", "\\|")
            kind = _type_name(hints[field.name]).replace("|", "\\|")
            out.append(f"| `{field.name}` | `{kind}` | {meaning} |")
        out.append("")
    out += ["## Enumerations", ""]
    for enum_cls in _ENUMS:
        members = ", ".join(f"`{m.value}`" for m in typing.cast(type[enum.Enum], enum_cls))
        out.append(f"- **{enum_cls.__name__}**: {members}. {inspect.getdoc(enum_cls)}")
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
