"""The private cattrs converter between the model and JSON-ready data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn

from ..model.source import SourceRef

__all__ = ["make_converter"]


MAX_DIGITS = 40
"""The most significant digits a decimal in plan JSON may have."""
MAX_EXPONENT = 30
"""The largest decimal exponent (either sign) a decimal in plan JSON may have."""


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected a decimal string, got {type(value).__name__}")
    try:
        result = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal: {value!r}") from exc
    if not result.is_finite():
        raise ValueError(f"not a finite decimal: {value!r}")
    # Plan figures are counts, rates and money: anything outside these bounds is not a figure
    # and would overflow the audit's arithmetic (decimal.Overflow) or take long to convert.
    if len(result.as_tuple().digits) > MAX_DIGITS or abs(result.adjusted()) > MAX_EXPONENT:
        shown = (
            value
            if len(str(value)) <= 40
            else f"{str(value)[:20]}... ({len(str(value))} characters)"
        )
        raise ValueError(
            f"decimal out of range: {shown!r} (at most {MAX_DIGITS} digits and magnitude"
            f" 1e{MAX_EXPONENT})"
        )
    return result


def _structure_date(value: Any, _: type) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


def _exact(kind: type, *also: type) -> Any:
    """A structure hook that accepts only JSON values of the right type.

    cattrs' defaults call ``str(value)`` or ``int(value)``, so a damaged file would load
    ``null`` as the title ``"None"`` and ``true`` as the page 1; such a plan could not be
    written back faithfully, so the value is refused instead.
    """
    accepted = (kind, *also)

    def structure(value: Any, cl: type) -> Any:
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, accepted):
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
        # The registration also receives subclasses such as the str-based enums; build
        # those by their own constructor, which rejects unknown values.
        return cl(value)

    return structure


def _register_scalars(converter: cattrs.Converter) -> None:
    converter.register_structure_hook(str, _exact(str))
    converter.register_structure_hook(int, _exact(int))
    converter.register_structure_hook(float, _exact(float, int))
    converter.register_structure_hook(bool, _exact(bool))
    # Decimals travel as strings: a JSON number would lose "16.0" against "16".
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)


def _register_source_refs(converter: cattrs.Converter) -> None:
    # Source refs are on every object; leaving out their unset fields keeps the JSON readable.
    base = make_dict_unstructure_fn(SourceRef, converter)

    def unstructure(ref: SourceRef) -> dict[str, Any]:
        data = {k: v for k, v in base(ref).items() if v is not None}
        if "bbox" in data:
            data["bbox"] = list(data["bbox"])  # JSON-ready data holds lists, never tuples
        return data

    converter.register_unstructure_hook(SourceRef, unstructure)


def make_converter() -> cattrs.Converter:
    """A converter that turns model objects into JSON-ready data and back.

    Tuples become lists, enums their values, decimals and dates strings; structuring
    validates every field and reports problems with their paths.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    _register_scalars(converter)
    _register_source_refs(converter)
    return converter
