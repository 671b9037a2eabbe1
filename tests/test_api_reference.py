"""docs/api.md is generated from the code and lists the whole public surface."""

from __future__ import annotations

from pathlib import Path

import attrs

import cspplan
from cspplan.errors import CspplanError
from cspplan.model.reference import render_api
from cspplan.validate import CheckSettings, Rounding

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api.md"


def test_committed_api_reference_is_current() -> None:
    assert API.read_text(encoding="utf-8") == render_api(), (
        "run: python -m cspplan.model.reference api > docs/api.md"
    )


def test_every_top_level_name_is_in_the_api_reference() -> None:
    text = render_api()
    for name in cspplan.__all__:
        if name.startswith("__") or name == "errors":
            continue
        assert f"cspplan.{name}" in text, name


def test_every_check_setting_and_rounding_mode_is_explained() -> None:
    text = render_api()
    for field in attrs.fields(CheckSettings):
        row = next(line for line in text.splitlines() if line.startswith(f"| `{field.name}` |"))
        assert row.rstrip(" |").split("|")[-1].strip(), f"{field.name} has no meaning"
    for mode in Rounding:
        assert f"- `{mode.value}` (Rounding.{mode.name}):" in text
        assert f"| `{mode.value}` | [" in text or f"| `{mode.value}` | (" in text
    # The worked intervals come from the code: "either" includes both ends of "16".
    assert "| `either` | [15.5, 16.5] |" in text


def test_every_error_class_is_listed() -> None:
    text = render_api()
    errors = [e for e in vars(cspplan.errors).values() if isinstance(e, type)]
    for error in errors:
        if issubclass(error, CspplanError):
            assert f"`cspplan.errors.{error.__name__}(" in text


def test_signatures_show_annotations_as_written() -> None:
    text = render_api()
    assert "### `cspplan.load(path: PlanInput, format: str | None = None," in text
    assert "### `Plan.walk() -> list[Entry[Item]]`" in text
    assert "| `item` | `Priority | Objective | Target | Action | Claim` |" not in text  # escaped
    assert "| `item` | `Priority \\| Objective \\| Target \\| Action \\| Claim` |" in text


def test_rendering_does_not_depend_on_resolved_types() -> None:
    # The schema generator resolves attrs field types in place; the page must not change.
    from cspplan.model.plan import Entry
    from cspplan.parsers.pdf import PdfSettings
    from cspplan.validate import Finding

    for cls in (CheckSettings, Entry, PdfSettings, Finding):
        attrs.resolve_types(cls)
    assert API.read_text(encoding="utf-8") == render_api()
