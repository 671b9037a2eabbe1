"""One sentence, one change claim: the pieces of a sentence that state the same move are
folded into one claim with all its figures.

"Vehicle crime went down from 2,640 offences to 2,310, that is 330 fewer than the year
before and a 15% fall" is read in pieces: the move ("down from 2,640 ... to 2,310") and the
change ("a 15% fall"). The change names no figures of its own, and the nearest number
before it is the stated difference (330), which must never be taken for the end figure.
Here the pieces become one claim {from 2,640, to 2,310, change 15%, change 330 (count)},
so that each stated figure is checked against the move.

Pieces are folded only where nothing between them can start another statement: no other
figure than a stated difference or a period, no verb of movement, no second subject
("and robbery rose"), and the same direction.
"""

from __future__ import annotations

import attrs

from ...model.plan import Claim, Figure
from ...model.values import Direction
from ...text.numbers import NUMBER, parse_number
from ...text.patterns import IGNORECASE, lazy
from ..periods import PERIOD_PATTERN
from .common import is_year

__all__ = ["fold_changes"]

_DIFFERENCE = lazy(
    rf"(?<![\w.,£$%])(?P<n>{NUMBER})(?!\s{{0,2}}(?:%|per\s?cent|percentage))\s{{1,3}}"
    rf"(?P<word>fewer|more|less)\b",
    IGNORECASE,
)
"""A stated difference: "330 fewer", "66 more than the year before"."""
_NUMBER = lazy(NUMBER)
_MOVEMENT = lazy(
    r"(?i)\b(?:fell|fallen|rose|risen|increased|decreased|dropped|reduced|declined|grew|grown"
    r"|went|gone|was|were|is|are|had|has|have)\b(?<!\b(?:this|which|that)\s(?:was|is))"
)
_GAP = 90
"""Most characters between two pieces of one statement."""


_THAN_OTHER = lazy(
    rf"^\s{{1,3}}than\s{{1,3}}(?:in\s{{1,3}}|the\s{{1,3}}|(?:the\s{{1,3}})?(?:figure|total)\s{{1,3}}(?:of|for|in)\s{{1,3}})?"
    rf"(?P<other>{PERIOD_PATTERN.pattern}|{NUMBER})",
    IGNORECASE,
)
"""What a difference is counted from, where it names a figure or a period: "than in 2019/20"."""


def _differences(sentence: str, move: Claim) -> list[tuple[int, int, Figure]]:
    """The stated differences of ``sentence`` that may be the move's: not those counted
    from a figure or period other than the move's start ("41 fewer than in 2019/20" beside
    a move from 2020/21)."""
    start = move.figure("from")
    own = {start.value.text} if start is not None else set()
    if start is not None and start.period is not None:
        own.add(start.period.text)
    found = []
    for match in _DIFFERENCE.finditer(sentence):
        value = parse_number(match.group("n"))
        if value is None or is_year(match.group("n")):
            continue
        than = _THAN_OTHER.match(sentence[match.end() :])
        if than is not None and than.group("other") not in own:
            continue
        figure = Figure(role="change", value=value, label=match.group("word").lower(), unit="count")
        found.append((match.start(), match.end(), figure))
    return found


def _quiet(gap: str, allowed: list[str]) -> bool:
    """True where ``gap`` holds nothing that starts another statement."""
    if len(gap) > _GAP or _MOVEMENT.search(_THIS_WAS.sub(" ", gap)) or _NEW_CLAUSE.search(gap):
        return False
    bare = PERIOD_PATTERN.sub(" ", gap)
    numbers = [m.group(0) for m in _NUMBER.finditer(bare)]
    return all(n in allowed for n in numbers)


_NEW_CLAUSE = lazy(
    r"(?i);|\b(?:and|but|while|whereas)\s{1,3}(?!(?:a|an|this|which|that|so|is|was)\b)[a-z]"
)
"""A second subject joined on ("and robbery ..."), where the next piece is its own statement."""
_THIS_WAS = lazy(r"(?i)\b(?:this|which|that)\s{1,3}(?:was|is)\b")


def fold_changes(sentence: str, pieces: list[tuple[int, int, Claim]]) -> list[Claim]:
    """The change claims of ``sentence`` in order, with every piece that restates its one
    move folded into it and the stated differences ("330 fewer") of that move added as
    change figures in the figures' own unit."""
    moves = [p for p in pieces if p[2].figure("from") and p[2].figure("to")]
    if len(moves) != 1:
        return [claim for _, _, claim in sorted(pieces, key=lambda p: p[0])]
    low, high, move = moves[0]
    differences = _differences(sentence, move)
    texts = [f.value.text for _, _, f in differences]
    own = [f.value.text for f in move.figures]
    figures = list(move.figures)
    kept: list[tuple[int, Claim]] = []
    for start, end, claim in sorted(pieces, key=lambda p: p[0]):
        if claim is move:
            continue
        gap = sentence[high:start] if start >= high else sentence[end:low]
        allowed = [*texts, *own, *(f.value.text for f in claim.figures if f.role == "to")]
        if (
            claim.direction is move.direction
            and _restates(claim, move, texts)
            and _quiet(gap, allowed)
        ):
            figures.extend(f for f in claim.figures if f.role == "change" and f not in figures)
            low, high = min(low, start), max(high, end)
        else:
            kept.append((start, claim))
    for start, end, figure in differences:
        within = start >= low and end <= high
        gap = sentence[high:start] if start >= high else sentence[end:low]
        if (
            (within or _quiet(gap, [*texts, *own]))
            and _agrees(figure, move)
            and figure not in figures
        ):
            figures.append(figure)
    merged = (
        move if len(figures) == len(move.figures) else attrs.evolve(move, figures=tuple(figures))
    )
    kept.append((low, merged))
    return [claim for _, claim in sorted(kept, key=lambda pair: pair[0])]


def _restates(claim: Claim, move: Claim, differences: list[str]) -> bool:
    """True where ``claim`` has no figures of its own beyond the move's and a stated
    difference (taken for an end figure by the piece's own reading)."""
    for role in ("from", "to"):
        figure = claim.figure(role)
        own = move.figure(role)
        if figure is None or (own is not None and own.value == figure.value):
            continue
        if role == "to" and figure.value.text in differences:
            continue
        return False
    return True


def _agrees(figure: Figure, move: Claim) -> bool:
    """True where a difference fits the move: counts, and "fewer" for a stated fall."""
    start = move.figure("from")
    if start is None or start.unit != "count" or move.direction is None:
        return False
    return (figure.label in ("fewer", "less")) == (move.direction is Direction.REDUCE)
