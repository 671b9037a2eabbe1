"""A135: line items and the total a plan says they add up to (a budget column's "Total")."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.plan import Claim, ClaimKind, Figure, Plan
from ..model.values import Number
from .common import claim_problem
from .findings import Problem, Severity
from .intervals import total
from .reading import claim_reader, figure_is_percent
from .settings import CheckSettings

__all__ = ["MIN_SUM_PARTS", "check_sum_of_parts"]

MIN_SUM_PARTS = 2
"""How many line items a sum claim needs before its total is judged."""


def _parts(claim: Claim) -> list[Figure]:
    return [f for f in claim.figures if f.role == "part" and not figure_is_percent(f)]


def _text(value: Decimal, like: Number) -> Number:
    """``value`` printed as ``like`` prints its figures (thousands separators, "£")."""
    places = max(0, -int(value.as_tuple().exponent)) if value != value.to_integral() else 0
    body = f"{value:,.{places}f}" if "," in like.text else f"{value:.{places}f}"
    return Number(value, ("£" if like.text.startswith("£") else "") + body)


def check_sum_of_parts(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """Line items do not add up to the total stated for them.

    Each figure stands for its rounding interval, so items printed in thousands may sum to
    a little more or less than the printed total. An error where no reading of the items
    reaches the total; a warning where only truncation or coarse rounding does.

    Example: a Budget (£) column of 8,500, 6,200 and 7,000 above a "Total" row of 22,700
    is an error (the items make 21,700); a total of 21,700 holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SUM:
            continue
        parts = _parts(claim)
        whole = claim.figure("total")
        if len(parts) < MIN_SUM_PARTS or whole is None or figure_is_percent(whole):
            continue
        reader = claim_reader(claim, settings)
        stated = reader.interval(whole.value)
        strict = total(reader.interval(f.value) for f in parts)
        if strict.overlaps(stated):
            continue
        loose = total(reader.interval(f.value, settings.lenient) for f in parts)
        lenient = settings.lenient and loose.overlaps(reader.interval(whole.value, True))
        exact = sum((f.value.value for f in parts), Decimal(0))
        expected = _text(exact, whole.value)
        yield claim_problem(
            Severity.WARNING if lenient else Severity.ERROR,
            claim,
            f"line items add up to {expected.text}, but the total stated is {whole.value.text}",
            expected=expected,
            stated=whole.value,
        )
