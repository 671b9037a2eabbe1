"""Value objects: printed numbers, periods, measures and timescales."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal, InvalidOperation

import attrs

__all__ = [
    "Direction",
    "Measure",
    "Number",
    "PercentBasis",
    "Period",
    "Polarity",
    "Rating",
    "RatingCondition",
    "Timescale",
    "TimescaleKind",
    "Unit",
]


@attrs.frozen(slots=True)
class Number:
    """A number as the document printed it.

    The value is exact (a ``Decimal``) and the text is kept beside it, because the printed
    precision is part of the claim: "16%" and "16.0%" are different statements, and "4,632"
    is the value 4632 written with a thousands separator.

    Attributes:
        value: The exact value, e.g. ``Decimal("4632")`` or ``Decimal("16.0")``.
        text: The characters as printed, e.g. ``"4,632"`` or ``"16.0%"``.
    """

    value: Decimal
    text: str

    @classmethod
    def parse(cls, text: str) -> Number:
        """Read a printed number such as ``"4,632"``, ``"16.0%"``, ``"£500,000"`` or ``"-3"``.

        Raises ``ValueError`` when the text holds no number.
        """
        cleaned = (
            text.strip()
            .replace(",", "")
            .replace("£", "")
            .replace("%", "")
            .replace("\u2212", "-")
            .replace("–", "-")
            .strip()
        )
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise ValueError(f"not a number: {text!r}") from exc
        if not value.is_finite():
            raise ValueError(f"not a finite number: {text!r}")
        return cls(value=value, text=text.strip())

    @property
    def decimals(self) -> int:
        """How many digits the document printed after the decimal point."""
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0

    def __str__(self) -> str:
        return self.text


class Direction(str, enum.Enum):
    """Which way a target means the figure to move."""

    REDUCE = "reduce"
    INCREASE = "increase"
    MAINTAIN = "maintain"


class Polarity(str, enum.Enum):
    """Which way of moving a plan calls good for an indicator ("Lower is better")."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class RatingCondition(str, enum.Enum):
    """One thing a plan's key says a rating colour means about a target's outturn."""

    TARGET_MET = "target_met"
    """The outturn reached the target ("Green: target met")."""
    TARGET_MISSED = "target_missed"
    """The outturn fell short of the target."""
    BETTER_THAN_BASELINE = "better_than_baseline"
    """The outturn improved on the baseline."""
    WORSE_THAN_BASELINE = "worse_than_baseline"
    """The outturn is worse than the baseline ("Red: worse than the baseline")."""


@attrs.frozen(slots=True)
class Rating:
    """A RAG rating or status a plan gives an outturn ("Green"), with what its key says.

    Attributes:
        text: The rating as written, e.g. ``"Green"``.
        colour: ``"red"``, ``"amber"`` or ``"green"`` where the text is one of those.
        meaning: The plan's own definition of the colour, as written ("target met"), where
            the plan gives a key.
        conditions: What that definition requires of the outturn, all at once; empty where
            the plan gives no key, or one cspplan cannot read (then nothing is checked).
    """

    text: str
    colour: str | None = None
    meaning: str | None = None
    conditions: tuple[RatingCondition, ...] = ()


class Unit(str, enum.Enum):
    """What a target's figures count."""

    COUNT = "count"
    RATE = "rate"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    INDEX = "index"
    MONEY = "money"


class PercentBasis(str, enum.Enum):
    """What a target's stated percent is of: how the audit reads "by 3%"."""

    WHOLE = "whole"
    """The whole change from baseline to target, relative to the baseline ("cut by 12%,
    from 300 to 264")."""
    PER_YEAR = "per_year"
    """A yearly rate ("by 3% a year", "2% each year over three years"), over the target's
    ``span_years``: read compounded (800 x 0.97^2) or simple (800 x (1 - 2 x 0.03))."""
    POINTS = "points"
    """Percentage points, as the plan says ("a 5 percentage point reduction")."""
    POINTS_OR_WHOLE = "points_or_whole"
    """A percent between two percentages with no word saying which ("a 4% reduction, from
    33% to 29%"): 4 points or 4% of 33%; both readings are kept and either may hold."""


@attrs.frozen(slots=True)
class Period:
    """A span of time named in a plan: "2007/08", "2005 – 2008", "March 2006".

    Attributes:
        text: The period as written.
        start: First day it covers, where the text allows.
        end: Last day it covers, where the text allows. UK financial years run from
            1 April to 31 March, so "2005/06" is 2005-04-01 to 2006-03-31.
    """

    text: str
    start: dt.date | None = None
    end: dt.date | None = None


@attrs.frozen(slots=True)
class Measure:
    """A figure for a period: a baseline, a target, an outturn or a trajectory point.

    Attributes:
        value: The figure as printed.
        period: The period it is for, where the document says.
        label: A qualifier printed with it, such as ``"Benchmark"`` or ``"Target-16%"``.
    """

    value: Number
    period: Period | None = None
    label: str | None = None


class TimescaleKind(str, enum.Enum):
    """How a timescale's text was understood."""

    DATE = "date"
    """A single due date or month ("August 2005", "31/07/2007")."""
    RANGE = "range"
    """A span with a start and an end ("2003 - 2004", "Q3 2007/08")."""
    ONGOING = "ongoing"
    """Continuous work with no due date ("Ongoing", "Current and ongoing")."""
    TO_BE_DECIDED = "to_be_decided"
    """Explicitly not yet set ("TBC", "To be determined", "?")."""
    UNPARSED = "unparsed"
    """Text that could not be understood; kept as written."""


@attrs.frozen(slots=True)
class Timescale:
    """When something is due, as written and as understood.

    Attributes:
        text: The timescale exactly as written; always kept.
        kind: How the text was understood.
        start: First day of the window the text allows, where it names one.
        end: Last day of that window: the due date. "End of May 03" is 2003-05-01 to
            2003-05-31; "Summer 2003" is 2003-06-01 to 2003-08-31.
        precision: The granularity of the text: ``day``, ``month``, ``season``,
            ``quarter``, ``part_year`` ("Early 2006"), ``year`` or ``financial_year``.
    """

    text: str
    kind: TimescaleKind = TimescaleKind.UNPARSED
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None

    @property
    def due(self) -> dt.date | None:
        """The latest date the text allows, or ``None`` where it names none."""
        return self.end
