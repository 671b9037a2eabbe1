"""Share claims: percentages of one whole, each with its label."""

from __future__ import annotations

import bisect
from decimal import Decimal

from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...text.numbers import (
    NUMBER,
    PERCENT,
    joined,
    parse_number,
    parse_quantity,
)
from ...text.patterns import IGNORECASE, lazy
from .common import PERCENTAGE, hedged, inside

_SHARE_PART = lazy(
    rf"(?P<pct>{PERCENT})\s{{1,3}}(?:(?:are|were|is|was)\s{{1,3}})?"
    rf"(?:of\s{{1,3}}(?:the\s{{1,3}})?[a-z]{{2,20}}\s{{1,3}}(?:are|were|is|was)\s{{1,3}})?"
    rf"(?:(?:(?:related|relating|relate|due|attributed|attributable|linked|came|come|were|was)\s{{1,3}})?"
    rf"(?:to|from)\s{{1,3}}(?=[a-z])|(?:involved|involving|concerned|concerning|related)\s{{1,3}}(?=[a-z]))?"
    rf"(?P<label>[A-Za-z][\w\-]{{0,20}}(?:\s{{1,3}}(?!and\b)[A-Za-z][\w\-]{{0,20}}){{0,2}})",
    IGNORECASE,
)


_SHARE_JOIN = lazy(
    r"^(?:\s{0,3}\([^()%]{0,30}\))?\s{0,3}(?:[,;]\s{0,3}(?:and\s{1,3})?|and\s{1,3}|&\s{0,3})$"
)


_TOTAL = lazy(
    rf"(?i)\bof\s{{1,3}}(?:the|these|those|all)\s{{1,3}}(?P<total>{NUMBER})\s{{1,3}}(?P<what>[a-z][\w\- ]{{1,60}}?)"
    rf"(?:\s{{1,3}}(?:reported|recorded|logged|received|made|seen|dealt\s{{1,3}}with)\b[^,.;:]{{0,50}})?\s{{0,3}},"
)


_TWO_LETTERS = lazy(r"[A-Za-z]{2}")


_TOTAL_WINDOW = 120
"""Characters before a share read for the whole it divides ("of the 2,400 incidents,")."""


_LABEL_WINDOW = 60
"""Characters before a share's first percentage read for its label."""


_MIN_SHARE_PARTS = 2
"""Fewest parts of a share labelled after their percentages ("50.9% female and 49.1% male")."""


_MIN_LABEL_FIRST_PARTS = 3
"""Fewest parts of a share labelled before them ("theft 41%, violence 23%, other 36%"): two
such figures are as often a comparison ("here 48%, nationally 45%")."""


_PAIR_SHARE_BOUNDS = (Decimal(98), Decimal(102))
"""Where two parts of a share must sum to be one whole: only a rounding slip from 100."""


_LABEL_FIRST_SHARE_BOUNDS = (Decimal(90), Decimal(110))
"""Where three or more parts labelled before their percentages must sum."""


_SHARE_BOUNDS = (Decimal(80), Decimal(120))
"""Where three or more parts labelled after their percentages must sum: a list that misses
100 by a slip is still read, and then checked."""


def share_claims(sentence: str, source: SourceRef) -> list[Claim]:
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    groups = (
        (_labels_after(sentence), _MIN_SHARE_PARTS, False),
        (_labels_before(sentence), _MIN_LABEL_FIRST_PARTS, True),
    )
    for group, minimum, label_first in groups:
        for parts in group:
            if len(parts) < minimum or any(inside(taken, start) for start, _, _ in parts):
                continue
            claim = _share_claim(sentence, parts, source, strict=label_first)
            if claim is not None:
                claims.append(claim)
                bisect.insort(taken, (parts[0][0], parts[-1][0] + 1))
    return claims


_Part = tuple[int, str, str | None]
"""One part of a share: where its percentage starts, the percentage as printed, its label."""


def _labels_after(sentence: str) -> list[list[_Part]]:
    """Runs of "83% micro, 13% small ... and 1% large": each percentage, its label after it."""
    groups: list[list[_Part]] = []
    previous_end = -1
    for part in _SHARE_PART.finditer(sentence):
        entry = (part.start(), part.group("pct"), _share_label(part.group("label")))
        if groups and _SHARE_JOIN.match(sentence[previous_end : part.start()]):
            groups[-1].append(entry)
        else:
            groups.append([entry])
        previous_end = part.end()
    return groups


def _labels_before(sentence: str) -> list[list[_Part]]:
    """Runs of "theft 41%, violence 23%, damage 20% and other crime 16%": label first."""
    groups: list[list[_Part]] = []
    previous_end = 0
    for match in PERCENTAGE.finditer(sentence):
        gap = sentence[previous_end : match.start()]
        join = _BEFORE_JOIN.match(gap) if groups and previous_end > 0 else None
        if join is not None:
            groups[-1].append((match.start(), match.group(0), _share_label(join.group("label"))))
        else:
            first = _FIRST_LABEL.search(gap[-_LABEL_WINDOW:])
            label = _share_label(first.group("label")) if first else None
            groups.append([(match.start(), match.group(0), label)])
        previous_end = match.end()
    return groups


_BEFORE_JOIN = lazy(
    r"^\s{0,3}(?:[,;]\s{0,3}(?:and\s{1,3})?|and\s{1,3}|&\s{0,3})"
    r"(?P<label>[A-Za-z][\w\-]{0,20}(?:\s{1,3}[A-Za-z][\w\-]{0,20}){0,2})\s{1,3}(?:(?:at|is|are)\s{1,3})?$",
    IGNORECASE,
)


_FIRST_LABEL = lazy(
    r"(?:^|[,;:(]\s{0,3}|\b(?:with|of\s{1,3}which|namely)\s{1,3})"
    r"(?P<label>[A-Za-z][\w\-]{0,20}(?:\s{1,3}[A-Za-z][\w\-]{0,20}){0,2}?)\s{1,3}"
    r"(?:(?:accounts?\s{1,3}for|makes?\s{1,3}up|made\s{1,3}up|represents?|comprises?|at|is|are|was|were)\s{1,3})?$",
    IGNORECASE,
)


def _share_claim(
    sentence: str, parts: list[_Part], source: SourceRef, strict: bool
) -> Claim | None:
    if any(hedged(sentence, start) for start, _, _ in parts):
        return None
    values = [parse_quantity(text) for _, text, _ in parts]
    labels = [label for _, _, label in parts]
    if any(v is None for v in values) or any(label is None for label in labels):
        return None
    if len(set(labels)) != len(labels):
        return None
    total = sum((v.value for v in values if v is not None), Decimal(0))
    if len(parts) == _MIN_SHARE_PARTS:
        low, high = _PAIR_SHARE_BOUNDS
    elif strict:
        low, high = _LABEL_FIRST_SHARE_BOUNDS
    else:
        low, high = _SHARE_BOUNDS
    if not low <= total <= high:
        return None
    figures = [
        Figure(role="part", value=value, label=label, unit="percent")
        for value, label in zip(values, labels, strict=True)
        if value is not None
    ]
    first = parts[0][0]
    whole = _TOTAL.search(sentence[max(0, first - _TOTAL_WINDOW) : first])
    if whole is not None:
        value = parse_number(whole.group("total"))
        if value is not None:
            figures.insert(
                0,
                Figure(role="total", value=value, label=whole.group("what").strip(), unit="count"),
            )
    return Claim(
        id="",
        kind=ClaimKind.SHARE,
        statement=joined(sentence),
        figures=tuple(figures),
        source=source,
    )


_LABEL_STOP = lazy(
    r"(?i)\b(?:of|in|for|at|by|from|to|with|compared|nationally|than|who|which|that|the|a|an)\b.*$"
)


def _share_label(text: str) -> str | None:
    label = _LABEL_STOP.sub("", text).strip(" -")
    if not label or not _TWO_LETTERS.search(label):
        return None
    return label
