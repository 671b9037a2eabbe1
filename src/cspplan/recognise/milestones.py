"""Milestones from an action table's output and date cells, paired in order.

Several outputs and several dates in one cell are paired in order; a cell that a text export
flattened to one line is cut at the phrase boundaries that best match the number of dates
(:func:`split_outputs`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..document import Cell
from ..model.plan import Milestone
from ..model.source import SourceRef
from ..text.patterns import lazy
from .timescales import parse_timescale, split_timescales
from .words import FUNCTION_WORDS

__all__ = [
    "BULLET",
    "FUNCTION",
    "VERBS",
    "cell_text",
    "pair_milestones",
    "split_outputs",
    "strip_bullet",
]

BULLET = lazy(r"^\s*[•▪●◦■➢➤\-–·§❖]\s*")

MAX_CUT_POINTS = 16
"""Beyond this many places to cut a flattened cell, it is kept whole (the combinations grow
too fast to weigh)."""
MAX_OUTPUTS = 8
"""Beyond this many dates, a flattened cell is not cut into as many outputs."""
BALANCE = 0.05
"""What each word of difference between the longest and shortest piece costs a cut: on
otherwise equal cuts, the one with the more even pieces wins."""


FUNCTION = FUNCTION_WORDS | {
    "into",
    "onto",
    "all",
    "any",
    "each",
    "per",
    "via",
    "its",
    "their",
    "our",
}


VERBS = frozenset(
    [
        "achieve",
        "agree",
        "appoint",
        "assess",
        "carry",
        "commission",
        "complete",
        "conduct",
        "consult",
        "continue",
        "create",
        "deliver",
        "design",
        "develop",
        "engage",
        "ensure",
        "establish",
        "evaluate",
        "expand",
        "extend",
        "hold",
        "identify",
        "implement",
        "improve",
        "increase",
        "introduce",
        "launch",
        "maintain",
        "monitor",
        "produce",
        "progress",
        "promote",
        "provide",
        "publish",
        "recruit",
        "reduce",
        "report",
        "research",
        "review",
        "run",
        "secure",
        "set",
        "submit",
        "support",
        "test",
        "train",
        "undertake",
        "update",
    ]
)


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line).strip()


def _boundary_score(words: list[str], index: int) -> float:
    word = words[index]
    previous = words[index - 1]
    following = words[index + 1] if index + 1 < len(words) else ""
    score = 0.0
    if previous.lower() in FUNCTION:
        score -= 2
    elif previous[:1].islower():
        score += 2
    if following[:1].islower() and following.lower() not in FUNCTION:
        score += 1
    if word.lower().strip(".,") in VERBS:
        score += 1
    if previous[:1].isupper() and (following[:1].isupper() or not following):
        score -= 1  # inside a run of capitalised words: a name, not a new phrase
    return score


def split_outputs(text: str, count: int) -> list[str]:
    """Cut a line holding ``count`` outputs written one after another ("Study completed
    Recommendations implemented") at the phrase boundaries that read best: after a lower-case
    word, before a capitalised word or a number, balancing the pieces' lengths on ties.

    >>> split_outputs("Project determined Project delivered", 2)
    ['Project determined', 'Project delivered']
    """
    words = text.split()
    if count <= 1 or len(words) < count:
        return [text.strip()] if text.strip() else []
    candidates = [
        i
        for i in range(1, len(words))
        if (words[i][:1].isupper() or words[i][:1].isdigit())
        and not words[i - 1].endswith(("-", "/"))
    ]
    if len(candidates) < count - 1 or len(candidates) > MAX_CUT_POINTS or count > MAX_OUTPUTS:
        return [text.strip()]
    scores = {i: _boundary_score(words, i) for i in candidates}
    best: tuple[float, tuple[int, ...]] | None = None
    for combo in itertools.combinations(candidates, count - 1):
        cuts = (0, *combo, len(words))
        lengths = [b - a for a, b in itertools.pairwise(cuts)]
        single = sum(1 for n in lengths if n == 1)
        value = sum(scores[i] for i in combo) - single - BALANCE * (max(lengths) - min(lengths))
        if best is None or value > best[0] + 1e-9:
            best = (value, combo)
    assert best is not None
    cuts = (0, *best[1], len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts)]


def cell_text(cells: Sequence[Cell]) -> str:
    return "\n".join(c.text.strip() for c in cells if not c.is_empty)


def _lines(cells: Sequence[Cell]) -> list[str]:
    return [strip_bullet(line) for c in cells for line in c.lines if strip_bullet(line)]


_CONNECTORS = FUNCTION_WORDS - {"as"}


def _merge_wrapped(lines: list[str]) -> list[str]:
    """Lines a PDF wrapped inside a cell, joined again: a line starting in lower case, or
    following a line that ends on a joining word or a comma, continues the line before."""
    merged: list[str] = []
    for line in lines:
        if merged and (
            line[:1].islower()
            or merged[-1].endswith((",", "-", "&"))
            or merged[-1].rsplit(" ", 1)[-1].lower() in _CONNECTORS
        ):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    return merged


def pair_milestones(
    outputs: Sequence[Cell], timescales: Sequence[Cell], source: SourceRef
) -> tuple[Milestone, ...]:
    """Milestones from an output cell and a timescale cell, paired in order.

    Several dates are paired with as many outputs: the cell's lines where they match in
    number, else its text cut into that many phrases. Several outputs with one date share it.
    """
    dates = split_timescales(" ".join(cell_text(timescales).split()))
    bullets = any(BULLET.match(line) for c in outputs for line in c.lines)
    lines = _lines(outputs)
    if not bullets:
        lines = _merge_wrapped(lines)
    if len(dates) > 1 and len(lines) != len(dates) and lines:
        pieces = split_outputs(" ".join(lines), len(dates))
        if len(pieces) == len(dates):
            lines = pieces
    if len(lines) > 1 and len(dates) == 1:
        return tuple(
            Milestone(output=line, timescale=parse_timescale(dates[0]), source=source)
            for line in lines
        )
    milestones: list[Milestone] = []
    for output, date in itertools.zip_longest(lines, dates):
        if output is None and date is None:
            continue
        milestones.append(
            Milestone(
                output=output,
                timescale=parse_timescale(date) if date is not None else None,
                source=source,
            )
        )
    return tuple(milestones)
