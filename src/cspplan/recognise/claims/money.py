"""Sum claims: a total with its line items, in a sentence or a table column.

"The £84,000 fund covers £36,000 for extra patrols, £30,000 for target hardening and
£20,000 for publicity" states a total and the lines it is made of; so does a table column
of amounts whose last row is labelled "Total". Only a full breakdown is read: a verb of
composition ("covers", "is made up of", "is split", "as follows") ties the lines to the
total, while "including" or "such as" name only some of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ...document import Row, Table
from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...model.values import Number, Unit
from ...text.numbers import NUMBER, joined, parse_number
from ...text.patterns import lazy
from .common import group_row, hedged

__all__ = ["column_sums", "money_sums"]

_POUNDS = lazy(
    r"£\s?\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,2})?(?![\d,]\d|\.\d|\s{0,2}(?:m\b|million|bn|k\b))"
)
_COMPOSED = lazy(
    r"(?i)\b(?:covers?|covered|comprises?|comprised|consists?\s{1,3}of|(?:is|was|are|were)\s{1,3}made\s{1,3}up\s{1,3}of"
    r"|(?:is|was|were|are)\s{1,3}(?:split|divided|broken\s{1,3}down)|breaks?\s{1,3}down|as\s{1,3}follows|paid\s{1,3}for)\b|:"
)
_PARTIAL = lazy(
    r"(?i)\b(?:including|includes?|included|such\s{1,3}as|among|e\.g\.|for\s{1,3}example)\b"
)
_LINE_GAP = lazy(r"(?i)^[^£\d;:]{0,80}?(?:,\s{0,3}(?:and\s{1,3})?|\s(?:and|&)\s{1,3})$")
"""What may come between two line items: their label, then a comma or "and"."""
_TOTAL_LABEL = lazy(r"(?i)^\s{0,3}(?:grand\s{1,3})?(?:sub-?\s?)?total\b[\s:£()a-z]{0,20}$")
_AMOUNT_CELL = lazy(rf"^\s{{0,3}}£?\s?(?P<n>{NUMBER})\s{{0,3}}$")
_MONEY_HEADER = lazy(r"(?i)£|\b(?:budget|cost|costs|amount|funding|allocation|spend|value)\b")
_BARE_TOTAL = lazy(r"(?i)^\s{0,3}(?:grand\s{1,3})?total\s{0,3}:?\s{0,3}$")
"""A row labelled only "Total": the sum of the rows above, for a column of counts too (a
"Total recorded crime" row may hold more than the crime types listed above it)."""
_NOT_ADDED = lazy(
    r"(?i)%|per\s?cent|\brate\b|\bper\b|average|\bmean\b|median|ratio|proportion|share|\brank"
)
"""Headers of columns whose total row is not the sum of the rows above it."""
_MIN_LINES = 2
"""Fewest line items a total is read with."""


def _amount(text: str) -> Number | None:
    return parse_number(text.replace("£ ", "£"))


def money_sums(sentence: str, source: SourceRef) -> list[Claim]:
    """A total in pounds and the amounts after a verb of composition that make it up."""
    amounts = list(_POUNDS.finditer(sentence))
    if len(amounts) < _MIN_LINES + 1 or _PARTIAL.search(sentence):
        return []
    first, lines = amounts[0], amounts[1:]
    composed = _COMPOSED.search(sentence, first.end(), lines[0].start())
    if composed is None or any(hedged(sentence, m.start()) for m in amounts):
        return []
    for before, after in itertools.pairwise(lines):
        if not _LINE_GAP.match(sentence[before.end() : after.start()]):
            return []
    whole = _amount(first.group(0))
    parts = [_amount(m.group(0)) for m in lines]
    if whole is None or any(p is None for p in parts):
        return []
    figures = [Figure(role="total", value=whole, unit=Unit.MONEY.value)]
    figures.extend(
        Figure(role="part", value=p, unit=Unit.MONEY.value) for p in parts if p is not None
    )
    return [
        Claim(
            id="",
            kind=ClaimKind.SUM,
            statement=joined(sentence),
            figures=tuple(figures),
            source=source,
        )
    ]


def column_sums(table: Table) -> list[Claim]:
    """Each column of amounts whose last filled row is labelled "Total": the rows above
    are its line items. The label is read from the row's first filled cell. A column of
    whole-number counts ("Incidents") is read too where the row says only "Total" and the
    header is no rate, share or average."""
    rows = [row for row in table.rows if any(not cell.is_empty for cell in row.cells)]
    if len(rows) < _MIN_LINES + 2:
        return []
    # Group rows ("Northern wards", often merged across the table) head the rows below them
    # and hold no figure of their own.
    rows = rows[:1] + [row for row in rows[1:] if not group_row(row)]
    if len(rows) < _MIN_LINES + 2:
        return []
    header, body, last = rows[0], rows[1:-1], rows[-1]
    width = len(header.cells)
    if any(len(row.cells) != width for row in rows):
        return []  # merged cells: the columns cannot be lined up with certainty
    label = next((cell.text for cell in last.cells if not cell.is_empty), "")
    if not _TOTAL_LABEL.match(label):
        return []
    claims = []
    for column, head in enumerate(header.cells):
        total_match = _AMOUNT_CELL.match(last.cells[column].text)
        if total_match is None:
            continue
        money = bool(_MONEY_HEADER.search(head.text))
        if not money and (not _BARE_TOTAL.match(label) or _NOT_ADDED.search(head.text)):
            continue
        parts = _column_parts(body, column)
        whole = _amount(last.cells[column].text.strip())
        if parts is None or whole is None:
            continue
        if _nested_rows(body) or (not money and not all(_whole_number(n) for n in (*parts, whole))):
            continue
        unit = Unit.MONEY.value if "£" in head.text or "£" in last.cells[column].text else "count"
        figures = [Figure(role="total", value=whole, label=head.text.strip() or None, unit=unit)]
        figures.extend(Figure(role="part", value=p, unit=unit) for p in parts)
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.SUM,
                statement=f"{joined(head.text)}: {joined(label)} {last.cells[column].text.strip()}",
                figures=tuple(figures),
                source=last.cells[column].source,
            )
        )
    return claims


_NESTED_LABEL = lazy(
    r"(?i)^\s{0,3}(?:of\s{1,3}which|o/w|incl(?:uding|\.)?|within|[-–—•]|\(|(?:grand\s{1,3})?(?:sub-?\s?)?total\b)"
)
"""A row label that makes its row part of another ("of which domestic", "- of those")
or a sum of rows above it ("Sub-total Q1"): a column with such rows is not one list of
parts."""


def _nested_rows(body: Sequence[Row]) -> bool:
    """True where a body row is a sub-row or a sub-total, by its first filled cell."""
    for row in body:
        label = next((cell.text for cell in row.cells if not cell.is_empty), "")
        if _NESTED_LABEL.match(label):
            return True
    return False


def _whole_number(number: Number) -> bool:
    return number.value == number.value.to_integral_value()


def _column_parts(body: Sequence[Row], column: int) -> list[Number] | None:
    parts: list[Number] = []
    for row in body:
        cell = row.cells[column]
        if cell.is_empty:
            continue
        match = _AMOUNT_CELL.match(cell.text)
        value = _amount(cell.text.strip()) if match else None
        if value is None:
            return None  # a cell that is not an amount: not a column of line items
        parts.append(value)
    return parts if len(parts) >= _MIN_LINES else None
