"""The audit's settings: how printed numbers are read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import SettingsError
from .intervals import Rounding

__all__ = ["CheckSettings"]


_ALIASES = {"either-on-ties": Rounding.EITHER, "either_on_ties": Rounding.EITHER}


def _to_rounding(value: Any) -> Rounding:
    if isinstance(value, Rounding):
        return value
    if isinstance(value, str) and value.lower() in _ALIASES:
        return _ALIASES[value.lower()]
    try:
        return Rounding(value)
    except ValueError:
        known = ", ".join(r.value for r in Rounding)
        raise ValueError(f"rounding must be one of {known}, not {value!r}") from None


_FEWEST_TABLE_VALUES = 2
"""The least ``min_table_values`` may be: one value alone cannot show a table is round."""


def _table_size(_: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < _FEWEST_TABLE_VALUES:
        raise ValueError(
            f"{attribute.name} must be a whole number of at least {_FEWEST_TABLE_VALUES},"
            f" not {value!r}"
        )


@attrs.frozen(slots=True)
class CheckSettings:
    """How the audit reads printed numbers.

    Attributes:
        rounding: How a printed number is assumed to have been rounded: ``"nearest"``
            (the default; "16%" is [15.5, 16.5)), ``"truncate"`` ([16, 17)) or ``"either"``
            (also ``"either-on-ties"``: nearest, ties either way: [15.5, 16.5]).
        lenient: Where the figures do not reconcile, try truncation and coarse rounding
            (a round "960" read as 955 to 965, never by more than 5% of the number) before calling the finding an error; a
            statement only those readings reconcile is a warning.
        table_rounding: Read a value in a table whose values are all round tens (or
            hundreds) as standing for half that step either side.
        min_table_values: How many values a table needs before ``table_rounding`` applies.
        hedges: Read a number after "almost", "about", "over" and the like as rounded to its
            last non-zero digit, in the direction the word says.
    """

    rounding: Rounding = attrs.field(default=Rounding.NEAREST, converter=_to_rounding)
    lenient: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    table_rounding: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    min_table_values: int = attrs.field(default=3, validator=_table_size)
    hedges: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    @classmethod
    def resolve(cls, settings: CheckSettings | Mapping[str, Any] | None) -> CheckSettings:
        """Turn ``None``, a dict of overrides or a settings object into settings.

        An unknown key or a bad value raises :class:`~cspplan.errors.SettingsError`.
        """
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        if isinstance(settings, Mapping):
            known = {f.name for f in attrs.fields(cls)}
            unknown = sorted(str(k) for k in set(settings) - known)
            if unknown:
                raise SettingsError(
                    f"unknown CheckSettings setting(s): {', '.join(unknown)};"
                    f" known: {', '.join(sorted(known))}"
                )
            try:
                return cls(**settings)
            except (TypeError, ValueError) as exc:
                raise SettingsError(f"invalid CheckSettings: {exc}") from exc
        raise SettingsError(
            f"expected CheckSettings, a dict or None, got {type(settings).__name__}"
        )
