"""Narrative claims: the figures a plan asserts, with the numbers they relate.

Three kinds are read, each only where the wording ties the numbers together, because an
auditor is hurt more by a wrongly extracted claim than by a missed one:

- **change**: "2,581, a reduction of 44%", "425 ..., this was a 13.8% reduction from the
  2007 figure of 493", "3,500, up from 3,100 in 2013", "15% lower than five years ago¹"
  (with the figures of its footnote), "an increase of 11.1% from 2001". A change stated
  with a hedge ("around 20%", "almost 15,000") is not taken, since its figure is not meant
  exactly. Where the sentence gives the end figure but not the start, a baseline stated
  earlier in the same text ("from 4,632 (baseline 2003/04)") is the start.
- **share**: two or more percentages of one whole, each with its label, separated only by
  commas, semicolons or "and": "83% micro, 13% small, 3% medium and 1% large". Two parts
  count only where they make up the whole ("50.9% female and 49.1% male"); three or more
  where they come near it, so a list that misses 100 by a rounding slip is still read
  (and then checked), while "48% here, compared to 45% nationally" is not a share.
- **difference**: a change in the figures' own unit with both figures, "95 fewer than the
  1,265 the year before", "went down by 74, from 486 to 412" (a change claim whose change
  figure is a count).
- **count**: "four key priorities", "11 key areas", with the items listed after a text
  ending in a colon, passed in ``following``.

Sentences that state a target ("reduce crime by 10% by 2008") make no change claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ...document import Table
from ...model.plan import Claim
from ...model.source import SourceRef
from ...text.numbers import blank_markup, sentences
from ..targets import target_sentences
from .changes import Spanned, change_claims, same_move
from .common import FOOTNOTE_MARK
from .counts import count_claims
from .differences import difference_claims
from .merge import fold_changes
from .money import column_sums, money_sums
from .rates import rate_columns
from .shares import share_claims, share_columns

__all__ = ["find_claims", "footnotes", "table_claims"]


def find_claims(
    text: str, source: SourceRef, following: Sequence[str] = (), depths: Sequence[int] = ()
) -> list[Claim]:
    """Every claim ``text`` makes, in order, with ``id=""`` for the caller to assign.

    ``following`` holds the texts that come right after ``text`` (the items of a list it
    introduces, a footnote), in order; a count claim in a text ending with a colon takes its
    items from there, up to the first empty one, and a footnote marker is resolved there.
    ``depths`` gives how deeply each of those items is nested (``ListItem.depth``), so that
    a count takes the top level of a list with sub-items; missing depths count as 0.

    >>> [f.value.text for f in find_claims("It fell to 180, a fall of 10%.", SourceRef())[0].figures]
    ['180', '10%']
    """
    try:
        return _find_claims(
            blank_markup(text), source, [blank_markup(f) for f in following], depths
        )
    except TimeoutError:
        return []


def table_claims(table: Table) -> list[Claim]:
    """The claims a table states by its layout, with ``id=""``: a column of shares of one
    whole ("Share of all violence": 24%, 31%, ...), a column of amounts with a "Total"
    row (a sum with its line items), and rates per head beside their counts and
    populations (each row a part of its population).

    >>> from cspplan.document import Cell, Row
    >>> rows = [("Area", "Budget (£)"), ("North", "1,200"), ("South", "800"), ("Total", "2,000")]
    >>> grid = Table(rows=tuple(Row(cells=tuple(Cell(lines=(t,)) for t in r)) for r in rows))
    >>> [(f.role, f.value.text) for f in table_claims(grid)[0].figures]
    [('total', '2,000'), ('part', '1,200'), ('part', '800')]
    """
    try:
        return [*share_columns(table), *column_sums(table), *rate_columns(table)]
    except TimeoutError:
        return []


def footnotes(texts: Iterable[str]) -> list[str]:
    """The texts that are footnotes: those starting with a marker such as "¹", "<sup>2</sup>"
    or "[3]". A caller appends them to ``following`` so that a claim marked "¹" can read the
    figures its footnote gives, wherever in the document the footnote is printed."""
    return [text for text in texts if FOOTNOTE_MARK.match(text.strip())]


def _find_claims(
    text: str, source: SourceRef, following: Sequence[str], depths: Sequence[int]
) -> list[Claim]:
    found: list[tuple[int, Claim]] = []
    parts = sentences(text)
    # A sentence that states a target, or gives the figures of one, is not also a change claim.
    targeted = target_sentences(text, source)
    for offset, sentence in parts:
        found.extend((offset, claim) for claim in share_claims(sentence, source))
        found.extend((offset, claim) for claim in money_sums(sentence, source))
        if offset in targeted:
            continue
        pieces = change_claims(sentence, text[:offset], text, following, source)
        pieces = _with_differences(pieces, difference_claims(sentence, source))
        found.extend((offset, claim) for claim in fold_changes(sentence, pieces))
    found.extend(count_claims(text, parts, following, source, depths))
    found.sort(key=lambda pair: pair[0])
    return [claim for _, claim in found]


def _with_differences(pieces: list[Spanned], differences: list[Spanned]) -> list[Spanned]:
    """``pieces`` with each stated difference added: as a change figure of the piece that
    already relates its two figures ("fell from 188 to 147, a reduction of 41"), else as a
    claim of its own."""
    merged = list(pieces)
    for low, high, difference in differences:
        index = next((i for i, p in enumerate(merged) if same_move(difference, p[2])), None)
        if index is None:
            merged.append((low, high, difference))
            continue
        start, end, move = merged[index]
        extra = [f for f in difference.figures if f.role == "change" and f not in move.figures]
        if move.direction is difference.direction and extra:
            merged[index] = (start, end, attrs.evolve(move, figures=(*move.figures, *extra)))
    return merged
