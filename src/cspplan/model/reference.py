"""Render the model reference (``docs/model.md``) and the API reference (``docs/api.md``)
from the code's own signatures and docstrings.

Run ``python -m cspplan.model.reference > docs/model.md`` after changing the model and
``python -m cspplan.model.reference api > docs/api.md`` after changing the public API; tests
check the committed pages are current, so the references cannot drift from the code.
"""

from __future__ import annotations

import enum
import inspect
import sys
import typing
from collections.abc import Callable
from decimal import Decimal

import attrs

from ..text.patterns import DOTALL, Match, lazy
from . import plan, source, values

__all__ = ["render", "render_api"]

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
    plan.TableColumn,
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


# --- the API reference (docs/api.md) ---------------------------------------------------------

_ROLE = lazy(r":\w+:`(~?)([\w.]+)(?:\(\))?`")
"""A reST role (":class:`~cspplan.Plan`"), to render as Markdown code."""
_MEMBER_DOC = lazy(r'(?m)^\s+(\w+) = [^\n]+\n\s+"""(.*?)"""', DOTALL)
"""An enum member's line and the docstring written under it, in the enum's source."""


def _markdown(doc: str | None) -> str:
    """A docstring's reST roles and double backticks as Markdown code."""

    def role(match: Match) -> str:
        name = match.group(2).rsplit(".", 1)[-1] if match.group(1) else match.group(2)
        return f"`{name}`"

    return _ROLE.sub(role, (doc or "").replace("``", "`"))


def _annotation(tp: object) -> str:
    text = tp if isinstance(tp, str) else _type_name(tp)
    # The Entry's type variable is read as what it stands for.
    return text.replace("_ItemT", "Priority | Objective | Target | Action | Claim")


def _default(value: object) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    factory = getattr(value, "factory", None)
    if factory is not None and type(value).__name__ == "Factory":
        return repr(factory())
    return repr(value)


def _signature(name: str, function: Callable[..., object]) -> str:
    """``name(a: int, *, b: str = 'x') -> T`` with the annotations as written."""
    signature = inspect.signature(function)
    parts: list[str] = []
    starred = False
    for parameter in signature.parameters.values():
        if parameter.name == "self":
            continue
        if parameter.kind is parameter.KEYWORD_ONLY and not starred:
            parts.append("*")
            starred = True
        text = parameter.name
        if parameter.kind is parameter.VAR_POSITIONAL:
            text, starred = "*" + text, True
        elif parameter.kind is parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.annotation is not parameter.empty:
            text += f": {_annotation(parameter.annotation)}"
        if parameter.default is not parameter.empty:
            text += f" = {_default(parameter.default)}"
        parts.append(text)
    returns = signature.return_annotation
    arrow = f" -> {_annotation(returns)}" if returns is not signature.empty else ""
    return f"{name}({', '.join(parts)}){arrow}"


def _function(qualified: str, function: Callable[..., object]) -> list[str]:
    return [f"### `{_signature(qualified, function)}`", "", _markdown(inspect.getdoc(function)), ""]


def _written_type(cls: type, name: str) -> str:
    """A field's annotation as written in the source; ``attrs.resolve_types`` (which the
    schema generator calls) replaces ``field.type`` with the evaluated type, so that is not
    read."""
    for klass in cls.__mro__:
        written = vars(klass).get("__annotations__", {}).get(name)
        if written is not None:
            return _annotation(written)
    return "Any"


def _fields_table(cls: type, defaults: bool = True) -> list[str]:
    docs = _fields_doc(cls)
    header = "| field | type | default | meaning |" if defaults else "| field | type | meaning |"
    out = [header, "|---|---|---|---|" if defaults else "|---|---|---|"]
    for field in attrs.fields(cls):
        kind = _written_type(cls, field.name).replace("|", "\\|")
        meaning = _markdown(docs.get(field.name, "")).replace("|", "\\|")
        if defaults:
            default = "(required)" if field.default is attrs.NOTHING else _default(field.default)
            out.append(f"| `{field.name}` | `{kind}` | `{default}` | {meaning} |")
        else:
            out.append(f"| `{field.name}` | `{kind}` | {meaning} |")
    return out


def _class(qualified: str, cls: type, defaults: bool = True) -> list[str]:
    summary = _markdown((inspect.getdoc(cls) or "").split("Attributes:")[0].strip())
    out = [f"### `{qualified}`", "", summary, ""]
    if attrs.has(cls):
        out += [*_fields_table(cls, defaults), ""]
    return out


def _members(enum_cls: type[enum.Enum]) -> list[str]:
    """An enum's members, each with the docstring written under it in the source."""
    text = inspect.getsource(enum_cls)
    docs = dict(_MEMBER_DOC.findall(text))
    return [
        f"- `{member.value}` ({enum_cls.__name__}.{member.name}): "
        + " ".join(_markdown(docs.get(member.name, "")).split())
        for member in enum_cls
    ]


def _interval_text(lo: Decimal, hi: Decimal, lo_open: bool, hi_open: bool) -> str:
    return f"{'(' if lo_open else '['}{lo}, {hi}{')' if hi_open else ']'}"


def _rounding_examples() -> list[str]:
    from ..validate import Rounding, number_interval
    from .values import Number

    printed = ("16", "16.0", "960", "-3")
    out = [
        "| `rounding` | " + " | ".join(f'"{text}" stands for' for text in printed) + " |",
        "|---|" + "---|" * len(printed),
    ]
    for mode in Rounding:
        cells = []
        for text in printed:
            i = number_interval(Number(Decimal(text), text), mode)
            cells.append(_interval_text(i.lo, i.hi, i.lo_open, i.hi_open))
        out.append(f"| `{mode.value}` | " + " | ".join(cells) + " |")
    return out


_API_INTRO = """\
# API reference

Generated from the code's signatures and docstrings by
`python -m cspplan.model.reference api > docs/api.md`; do not edit by hand
(`tests/test_api_reference.py` fails when it is out of date). The model's classes and fields
are in [model.md](model.md), the audit rules in [audit.md](audit.md).

`import cspplan` gives: {exports}.
"""

_KEYS = """\
### Walking a plan: entries and keys

Every priority, objective, target, action and claim has an `id` unique within its plan: `P1`,
`P2`... for priorities (numbered by the plan when built without one), `O`, `T`, `A` and `C`
numbers for the others. It is the item's key everywhere: the JSON carries it as `"id"`, a
finding names its subject by it (`Finding.subject.id`; a milestone's finding gives its action's
id), and `Plan.entry(key)` finds the item again. Refs (`"1.1"`) are the plan's own numbers and
repeat across priorities; they are not keys.

The `Plan` methods below return lists (index them, take `len()`, walk them twice). An `Entry`
holds an item with the priority and objective it belongs to.

```python
import cspplan
from cspplan.model import Action, Entry

plan = cspplan.load("examples/plans/northbrook-action-plan.txt")
actions: list[Entry[Action]] = plan.action_entries()
by_key = {entry.key: entry for entry in plan.walk()}
assert len(by_key) == len(plan.walk())            # keys are unique within the plan
assert by_key["A1"].priority is actions[0].priority
print(plan.entry("T5"))                           # a target with its priority and objective
```
"""

_ROUNDING = """\
A printed figure stands for every value that prints as it, and `rounding` says how the plan's
writer turned a true value into the printed one. The last printed digit sets the step: "16"
is a whole number, "16.0" a tenth. `nearest` and `either` differ only at the ends: `nearest`
rounds ties away from zero (so 16.5 prints as "17" and is left out of "16"), `either` lets a tie
go either way and includes both ends. `either` does **not** mean "nearest or truncated": a
reading by truncation or by a coarse step of a round number ("960" as 955 to 965) is what
`lenient` (on by default) adds, and a statement only those readings make true is a warning
rather than an error. On the command line: `cspplan check --rounding nearest|truncate|either`.
"""

_ROUNDING_SAMPLE = """\
```python
from decimal import Decimal

import cspplan
from cspplan.model import Number
from cspplan.validate import number_interval

sixteen = Number(Decimal("16"), "16")
assert number_interval(sixteen, cspplan.Rounding.NEAREST).contains(Decimal("16.49"))
assert not number_interval(sixteen, cspplan.Rounding.NEAREST).contains(Decimal("16.5"))
assert number_interval(sixteen, cspplan.Rounding.EITHER).contains(Decimal("16.5"))
assert number_interval(sixteen, cspplan.Rounding.TRUNCATE).contains(Decimal("16.99"))

plan = cspplan.load("examples/plans/northbrook-action-plan.txt")
strict = cspplan.CheckSettings(rounding="truncate", lenient=False)
findings = cspplan.check(plan, settings=strict)             # or settings={"rounding": "truncate"}
print(len(findings), "findings under truncation")
```
"""


def render_api() -> str:
    """The API reference as Markdown."""
    import cspplan

    from .. import batch, errors, parsers, serialise, validate
    from ..document import Document
    from ..parsers.docx import DocxSettings
    from ..parsers.pdf import PdfSettings
    from ..parsers.text import TextSettings

    exports = ", ".join(f"`{name}`" for name in cspplan.__all__)
    out = [_API_INTRO.format(exports=exports), "## Functions", ""]
    functions: tuple[tuple[str, Callable[..., object]], ...] = (
        ("cspplan.load", cspplan.load),
        ("cspplan.parse_document", cspplan.parse_document),
        ("cspplan.check", validate.check),
        ("cspplan.dumps", serialise.dumps),
        ("cspplan.loads", serialise.loads),
        ("cspplan.to_data", serialise.to_data),
        ("cspplan.from_data", serialise.from_data),
        ("cspplan.tables", cspplan.tables),
        ("cspplan.to_pandas", cspplan.to_pandas),
        ("cspplan.validate.selected_rules", validate.selected_rules),
        ("cspplan.parsers.available_formats", parsers.available_formats),
        ("cspplan.batch.convert", batch.convert),
    )
    for name, function in functions:
        out += _function(name, function)
    summary = (inspect.getdoc(plan.Plan) or "").split("Attributes:")[0].strip()
    out += ["## `cspplan.Plan`", "", _markdown(summary), ""]
    out += ["Its fields are listed in [model.md](model.md#plan).", "", _KEYS]
    for method in (
        "walk",
        "action_entries",
        "target_entries",
        "objective_entries",
        "claim_entries",
        "entry",
        "all_actions",
        "all_targets",
        "all_objectives",
        "all_indicators",
    ):
        out += _function(f"Plan.{method}", getattr(plan.Plan, method))
    out += _class("cspplan.Entry", plan.Entry, defaults=False)
    for prop in ("key", "kind"):
        doc = inspect.getdoc(getattr(plan.Entry, prop))
        out.append(f"- `Entry.{prop}`: {_markdown(doc)}")
    out += ["", "## Findings", ""]
    out += _class("cspplan.Finding", validate.Finding)
    out += _class("cspplan.validate.Subject", validate.Subject)
    out += _class("cspplan.Severity", validate.Severity)
    out += [*_members(validate.Severity), ""]
    out += ["## Settings", "", "### `cspplan.CheckSettings`", ""]
    check_settings = _class("cspplan.CheckSettings", validate.CheckSettings)[2:]
    out += check_settings
    out += [
        "`check(plan, settings=...)` takes a `CheckSettings`, a dict of overrides or `None`;",
        "an unknown key or a bad value raises `SettingsError`.",
        "",
        "### `cspplan.Rounding`",
        "",
        _markdown(inspect.getdoc(validate.Rounding)),
        "",
        *_members(validate.Rounding),
        "",
        _ROUNDING,
        *_rounding_examples(),
        "",
        _ROUNDING_SAMPLE,
    ]
    out += [
        "### Parser settings",
        "",
        "`load(path, settings=...)` and `parse_document(path, settings=...)` pass `settings` to",
        "the parser: its settings object, a dict of overrides or `None`. An unknown key raises",
        "`SettingsError`.",
        "",
    ]
    for name, cls in (
        ("cspplan.parsers.text.TextSettings", TextSettings),
        ("cspplan.parsers.docx.DocxSettings", DocxSettings),
        ("cspplan.parsers.pdf.PdfSettings", PdfSettings),
    ):
        out += _class(name, cls)
    out += ["## Documents", ""]
    out += _class("cspplan.Document", Document, defaults=False)
    out += ["## Errors", ""]
    for error in (getattr(errors, name) for name in errors.__all__):
        if isinstance(error, type) and issubclass(error, Exception):
            base = error.__mro__[1].__name__
            out += [f"### `cspplan.errors.{error.__name__}({base})`", ""]
            out += [_markdown(inspect.getdoc(error)), ""]
    return "\n".join(out).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(render_api() if sys.argv[1:] == ["api"] else render(), end="")
