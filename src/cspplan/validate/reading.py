"""How the checks read a printed figure: its rounding, its table, the words before it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from ..model.plan import Claim, Figure, Target
from ..model.values import Measure, Number
from ..text.patterns import IGNORECASE, lazy
from .intervals import Interval, Rounding, coarse_step, loose_step, number_interval, unit_of
from .settings import CheckSettings

__all__ = [
    "HEDGE_SHARE",
    "HEDGE_WINDOW",
    "Reader",
    "claim_reader",
    "commensurable",
    "figure_is_percent",
    "hedge_before",
    "is_percent",
    "rate_scale",
    "table_step",
    "target_reader",
]

_BELOW = "below"
_ABOUT = "about"
_ABOVE = "above"

# A fixed alternation anchored at the end of a short window: no backtracking risk.
_HEDGE = lazy(
    r"\b(?P<word>almost|nearly|just\s+under|under|less\s+than|fewer\s+than|up\s+to"
    r"|about|around|approximately|approx\.?|roughly|some|circa|c\.|an\s+estimated|estimated"
    r"|just\s+over|over|more\s+than|at\s+least|exceeding|in\s+excess\s+of)\s*£?$",
    IGNORECASE,
)
_SIDES = {
    "almost": _BELOW,
    "nearly": _BELOW,
    "just under": _BELOW,
    "under": _BELOW,
    "less than": _BELOW,
    "fewer than": _BELOW,
    "up to": _BELOW,
    "just over": _ABOVE,
    "over": _ABOVE,
    "more than": _ABOVE,
    "at least": _ABOVE,
    "exceeding": _ABOVE,
    "in excess of": _ABOVE,
}
HEDGE_WINDOW = 24
"""How many characters before a figure may hold the word that hedges it: enough for the
longest hedge, "in excess of £", and the spaces around it."""

HEDGE_SHARE = 10
"""A hedged round figure ("nearly 6,000") may be off by up to its round step, but never by
more than itself over this (a tenth)."""


def hedge_before(statement: str, text: str) -> str | None:
    """How the words just before ``text`` in ``statement`` qualify it: ``"below"``
    ("almost 15,000"), ``"above"`` ("over 500") or ``"about"`` ("approximately 16%");
    ``None`` where nothing qualifies it or ``text`` is not in the statement."""
    if not text:
        return None
    start = statement.find(text)
    while start != -1:
        match = _HEDGE.search(statement[max(0, start - HEDGE_WINDOW) : start])
        if match:
            word = " ".join(match.group("word").lower().split())
            return _SIDES.get(word, _ABOUT)
        start = statement.find(text, start + 1)
    return None


def is_percent(number: Number, unit: str | None = None) -> bool:
    """True where a figure is a percentage: printed with ``%`` or labelled so."""
    return number.text.rstrip().endswith("%") or (unit or "").lower() in {"percent", "%"}


def commensurable(a: Number, b: Number) -> bool:
    """False where one figure is a percentage and the other is not: a count and a share
    cannot be compared, and a figure read into the wrong role should not be judged."""
    return is_percent(a) == is_percent(b)


def table_step(values: Iterable[Number], minimum: int) -> Decimal | None:
    """The step of a table whose values are all round: 10 where every value is a whole
    multiple of 10 (and not all of 100), and so on; ``None`` for any other table or one with
    fewer than ``minimum`` values."""
    steps = [coarse_step(v) for v in values]
    if len(steps) < minimum:
        return None
    known = [s for s in steps if s is not None]
    if len(known) != len(steps):
        return None
    return min(known)


@attrs.frozen(slots=True)
class Reader:
    """Turns a figure into the interval of values it can stand for.

    Attributes:
        settings: The audit's settings.
        steps: Values printed in a table of round numbers, with the table's step.
        hedges: Printed figures qualified by a word ("almost"), with the side it allows.
    """

    settings: CheckSettings
    steps: Mapping[Decimal, Decimal] = attrs.field(factory=dict)
    hedges: Mapping[str, str] = attrs.field(factory=dict)

    def interval(self, number: Number, lenient: bool = False) -> Interval:
        """The values ``number`` can stand for; ``lenient`` adds truncation and a coarse
        rounding of round numbers to the settings' rounding."""
        step = self.steps.get(number.value)
        result = number_interval(number, self.settings.rounding, step)
        hedge = self.hedges.get(number.text)
        if hedge is not None:
            result = result.hull(_hedged(number, hedge))
        if lenient:
            result = result.hull(number_interval(number, Rounding.TRUNCATE, step))
            # A round number may have been rounded to its last non-zero digit: "960" for
            # 955 to 965, "15,000" for 14,500 to 15,500; never by more than a twentieth.
            coarse = loose_step(number)
            if coarse is not None:
                result = result.hull(number_interval(number, Rounding.EITHER, coarse))
        return result


def _hedged(number: Number, side: str) -> Interval:
    # "nearly 6,000" may be 5,840: a hedged round number may be off by up to its round
    # step, but never by more than a tenth of itself.
    unit = unit_of(number)
    coarse = coarse_step(number)
    step = max(unit, min(coarse, abs(number.value) / HEDGE_SHARE)) if coarse else unit
    value = number.value
    if side == _BELOW:
        return Interval(value - step, value)
    if side == _ABOVE:
        return Interval(value, value + step)
    return Interval(value - step / 2, value + step / 2)


def target_reader(target: Target, settings: CheckSettings) -> Reader:
    """A reader for a target's figures: its trajectory table's values may be round."""
    steps: dict[Decimal, Decimal] = {}
    if settings.table_rounding:
        step = table_step((m.value for m in target.trajectory), settings.min_table_values)
        if step is not None:
            steps = {m.value.value: step for m in target.trajectory}
    hedges: dict[str, str] = {}
    if settings.hedges:
        for measure in _measures(target):
            side = hedge_before(target.statement, measure.value.text)
            if side:
                hedges[measure.value.text] = side
    return Reader(settings, steps, hedges)


def _measures(target: Target) -> Iterable[Measure]:
    for measure in (target.baseline, target.target):
        if measure is not None:
            yield measure


def claim_reader(claim: Claim, settings: CheckSettings) -> Reader:
    """A reader for a claim's figures, taking in the words that qualify them."""
    hedges: dict[str, str] = {}
    if settings.hedges:
        for figure in claim.figures:
            side = hedge_before(claim.statement, figure.value.text)
            if side:
                hedges[figure.value.text] = side
    return Reader(settings, {}, hedges)


RATE_UNIT = "per_"
"""How a rate figure's unit starts: ``per_1000`` is a rate per 1,000 (see
:mod:`cspplan.recognise.claims.rates`)."""


def rate_scale(unit: str | None) -> int | None:
    """The N of a rate figure's unit ``per_N`` ("per_1000"), or None for any other unit."""
    if not unit or not unit.startswith(RATE_UNIT):
        return None
    digits = unit[len(RATE_UNIT) :]
    return int(digits) if digits.isdigit() else None


def figure_is_percent(figure: Figure) -> bool:
    """True where a claim's figure is a percentage."""
    return is_percent(figure.value, figure.unit)
