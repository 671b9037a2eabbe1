"""Rates per head of a population, read from a table that prints the population, the count
and the rate side by side ("District | Population | Offences | Rate per 1,000").

Each row becomes a share claim: the population is the whole, and the count and the rate
are one part of it given two ways, as "23% (98) of 425" gives a percentage and a count; the
rate's figure carries the unit ``per_1000`` (or ``per_10000``, ``per_100000``), so the audit
checks it as the count over the population times 1,000. Only a table with exactly one
population column, one rate column and one other column of counts is read, since with two
counts (offences in two years) the table does not say which the rate is of.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import Row, Table
from ...model.plan import Claim, ClaimKind, Figure
from ...text.numbers import parse_number
from ...text.patterns import lazy
from .common import count_column, group_row

__all__ = ["RATE_UNIT", "rate_columns"]

RATE_UNIT = "per_"
"""How a rate figure's unit starts: ``per_1000`` is a rate per 1,000 (the audit reads the N
back with ``cspplan.validate.reading.rate_scale``)."""

_RATE_HEADER = lazy(r"(?i)\bper\s{0,2}(?P<n>1,?000|10,?000|100,?000)(?![\d,])")
_POPULATION_HEADER = lazy(r"(?i)\b(?:population|residents|households|head\s{1,3}count)\b")
_NOT_COUNT_HEADER = lazy(r"(?i)%|per\s?cent|\bper\b|\brate\b|average|\bmean\b|median|\brank")
_BASE_WORD = lazy(r"(?i)\b(?:population|residents|people|persons|households|homes|dwellings)\b")


def _base(text: str) -> str:
    """What a population counts, "households" or "people", from the words naming it."""
    return "households" if _HOUSEHOLDS.search(text) else "people"


_HOUSEHOLDS = lazy(r"(?i)\b(?:households|homes|dwellings)\b")
_IN_THOUSANDS = lazy(r"(?i)000s?\b|thousands?|\(k\)|\bm\b|million")


def rate_columns(table: Table) -> list[Claim]:
    """A share claim for each row of a table of populations, counts and rates per head."""
    rows = [row for row in table.rows if any(not cell.is_empty for cell in row.cells)]
    if len(rows) < 2:
        return []
    header, body = rows[0], [row for row in rows[1:] if not group_row(row)]
    width = len(header.cells)
    if not body or any(len(row.cells) != width for row in body):
        return []
    heads = [" ".join(cell.text.split()) for cell in header.cells]
    rates = [(i, m) for i, h in enumerate(heads) if (m := _RATE_HEADER.search(h)) is not None]
    people = [
        i
        for i, h in enumerate(heads)
        if i != 0 and _POPULATION_HEADER.search(h) and not _RATE_HEADER.search(h)
    ]
    if len(rates) != 1 or len(people) != 1:
        return []
    rate_at, scale_match = rates[0]
    population_at = people[0]
    if _IN_THOUSANDS.search(heads[population_at]):
        return []  # "Population (000s)": the figures are not heads
    base = _BASE_WORD.search(heads[rate_at])
    if base is not None and _base(base.group(0)) != _base(heads[population_at]):
        return []  # "per 1,000 households" beside a column of residents
    counts = [
        i
        for i, h in enumerate(heads)
        if i not in (0, rate_at, population_at)
        and not _NOT_COUNT_HEADER.search(h)
        and count_column(body, i)
    ]
    if len(counts) != 1 or not count_column(body, population_at):
        return []
    unit = RATE_UNIT + scale_match.group("n").replace(",", "")
    claims: list[Claim] = []
    for row in body:
        claim = _row_rate(row, heads, population_at, counts[0], rate_at, unit)
        if claim is None:
            return []
        claims.append(claim)
    return claims


def _row_rate(
    row: Row, heads: Sequence[str], population_at: int, count_at: int, rate_at: int, unit: str
) -> Claim | None:
    label = " ".join(row.cells[0].text.split())
    population = parse_number(row.cells[population_at].text.strip())
    count = parse_number(row.cells[count_at].text.strip())
    rate = parse_number(row.cells[rate_at].text.strip())
    if not label or population is None or count is None or rate is None:
        return None
    return Claim(
        id="",
        kind=ClaimKind.SHARE,
        statement=" | ".join(" ".join(cell.text.split()) for cell in row.cells),
        figures=(
            Figure(role="total", value=population, label=heads[population_at], unit="count"),
            Figure(role="part", value=count, label=label, unit="count"),
            Figure(role="part", value=rate, label=label, unit=unit),
        ),
        source=row.cells[rate_at].source,
    )
