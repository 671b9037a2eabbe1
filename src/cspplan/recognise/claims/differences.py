"""Differences in the figures' own unit: "95 fewer than the 1,265 the year before", "went
down by 74, from 486 to 412", "from 486 to 412, a fall of 74".

Each is a change claim with its start and end figures and a ``change`` figure of unit
``count`` labelled by its word ("fewer", "more"), so the audit checks the stated difference
against the two figures as it checks "330 fewer" beside a move. Only wordings that tie all
three figures together are read: a difference with no figure after "than" ("12 more than
planned") or no figure linked before it states nothing to check.
"""

from __future__ import annotations

from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...model.values import Direction, Number, Period
from ...text.numbers import NUMBER, PERCENT, joined, parse_number, parse_quantity
from ...text.patterns import IGNORECASE, Match, lazy
from ..periods import PERIOD_PATTERN, parse_period
from .changes import Spanned, figure_before
from .common import PERCENTAGE, hedged, is_year

__all__ = ["difference_claims"]

_NOT_PERCENT = r"(?!\s{0,2}(?:%|per\s?cent|percentage|points?\b|pp\b))"
_YEARISH = PERIOD_PATTERN.pattern

_FEWER_THAN = lazy(
    rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}})?\s{{1,3}}"
    rf"(?:(?P<down>fewer|less|lower)|(?P<up>more|higher|greater))\s{{1,3}}than\s{{1,3}}"
    rf"(?:the\s{{1,3}}|(?:last|the\s{{1,3}}previous)\s{{1,3}}year'?s\s{{1,3}}|(?:in\s{{1,3}})?(?P<p>{_YEARISH})(?:'s)?,?\s{{1,3}})?"
    rf"(?P<from>{NUMBER}){_NOT_PERCENT}(?![/\-–]\d)"
    rf"(?:(?:\s{{1,3}}[a-z][a-z\-]{{1,20}})?\s{{1,3}}in\s{{1,3}}(?P<p2>{_YEARISH}))?",
    IGNORECASE,
)
"""A difference with the figure it is counted from: "95 fewer than the 1,265", "25 fewer
than the 435 in 2020"."""

_BY_THEN_FROM = lazy(
    rf"\b(?:(?P<down>fell|fallen|dropped|decreased|reduced|declined|(?:went|gone)\s{{1,3}}down|down)"
    rf"|(?P<up>rose|risen|increased|grew|grown|(?:went|gone)\s{{1,3}}up|up))\s{{1,3}}by\s{{1,3}}"
    rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}?"
    rf"(?:\s{{0,2}}\(\s{{0,2}}(?P<pct>{PERCENT})\s{{0,2}}\))?"
    rf"(?:\s{{1,3}}(?:compared\s{{1,3}}(?:to|with)|on)\s{{1,3}}(?:last|the\s{{1,3}}previous)\s{{1,3}}year)?\s{{0,2}},?\s{{1,3}}"
    rf"from\s{{1,3}}(?P<from>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}(?:in\s{{1,3}})?(?P<p1>{_YEARISH}))?"
    rf"(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}?\s{{1,3}}to\s{{1,3}}(?P<to>{NUMBER}){_NOT_PERCENT}",
    IGNORECASE,
)
"""A difference, then the move: "went down by 74, from 486 to 412", "reduced by 340
incidents (8%) compared to last year, from 4,250 to 3,910"."""

_BY_THEN_TO = lazy(
    rf"\b(?:(?P<down>fell|fallen|dropped|decreased|reduced|declined|(?:went|gone)\s{{1,3}}down|down)"
    rf"|(?P<up>rose|risen|increased|grew|grown|(?:went|gone)\s{{1,3}}up|up))\s{{1,3}}by\s{{1,3}}"
    rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}?\s{{0,2}},?\s{{1,3}}"
    rf"to\s{{1,3}}(?P<to>{NUMBER}){_NOT_PERCENT}(?!\s{{0,3}},?\s{{0,3}}from\b|\s{{1,3}}(?:minutes|hours|days|weeks))",
    IGNORECASE,
)
"""A difference and the figure it led to, the start left to subtraction: "increased by 30
offences to 330" started from 300. Read only where the sentence also states the change as
a percentage ("..., a rise of 10%"), which is then checked against 300 and 330."""

_UNSIGNED = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?(?![\d,]\d|[./]\d|\w)"
"""A figure right after its sign ("-6", "+92"), which :data:`NUMBER` does not take."""

_BRACKETED_ON = lazy(
    rf"(?P<to>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}\s{{0,2}}\(\s{{0,2}}"
    rf"(?P<sign>[+\-−–])?\s{{0,2}}(?:(?P<pct>{_UNSIGNED}\s{{0,2}}(?:%|per\s?cent\b))|(?P<n>{_UNSIGNED}){_NOT_PERCENT})\s{{1,3}}"
    rf"(?:on|compared\s{{1,3}}(?:with|to)|against|vs\.?)\s{{1,3}}"
    rf"(?:(?:last|the\s{{1,3}}previous)\s{{1,3}}year'?s\s{{1,3}}|(?P<p1>{_YEARISH})(?:'s)?\s{{1,3}}|the\s{{1,3}})?"
    rf"(?:(?:figure|total)\s{{1,3}}of\s{{1,3}})?(?P<from>{NUMBER}){_NOT_PERCENT}\s{{0,2}}\)",
    IGNORECASE,
)
"""A figure with its change on an earlier one in brackets: "12,450 (-5% on last year's
13,100)"; the sign, where printed, gives the direction."""

_FROM_THEN_BY = lazy(
    rf"\bfrom\s{{1,3}}(?P<from>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}(?:in\s{{1,3}})?(?P<p1>{_YEARISH}))?"
    rf"(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}?\s{{1,3}}to\s{{1,3}}(?P<to>{NUMBER}){_NOT_PERCENT}"
    rf"(?:\s{{1,3}}(?:in\s{{1,3}})?{_YEARISH})?(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,2}}?\s{{0,2}}[,(–—-]\s{{0,3}}"
    rf"(?:(?:this|which|that)\s{{1,3}}(?:is|was)\s{{1,3}})?an?\s{{1,3}}"
    rf"(?:(?P<down>reduction|decrease|fall|drop|decline)|(?P<up>increase|rise))\s{{1,3}}of\s{{1,3}}"
    rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}})?"
    rf"(?:\s{{0,2}}\(\s{{0,2}}(?P<pct>{PERCENT})\s{{0,2}}\))?",
    IGNORECASE,
)
"""The move, then a difference: "from 486 to 412, a fall of 74", "from 190 to 213, an
increase of 23 incidents (12%)"."""

_THAN_BRACKET = lazy(
    rf"(?P<n>{NUMBER}){_NOT_PERCENT}(?:\s{{1,3}}[a-z][a-z\-]{{1,20}})?\s{{1,3}}"
    rf"(?:(?P<down>fewer|less|lower)|(?P<up>more|higher|greater))\s{{1,3}}than\s{{1,3}}"
    rf"(?:last\s{{1,3}}year|the\s{{1,3}}previous\s{{1,3}}year|(?:in\s{{1,3}})?(?P<p>{_YEARISH}))\s{{0,2}}"
    rf"\(\s{{0,2}}(?P<from>{NUMBER}){_NOT_PERCENT}\s{{0,2}}\)(?P<p2>)",
    IGNORECASE,
)
"""A difference with the figure counted from in brackets: "490 fewer than last year (9,800)"."""


def difference_claims(sentence: str, source: SourceRef) -> list[Spanned]:
    """The change claims of ``sentence`` that state a difference in the figures' own unit,
    each with the span its wording covers."""
    found: list[Spanned] = []
    statement = joined(sentence)
    for match in (*_FEWER_THAN.finditer(sentence), *_THAN_BRACKET.finditer(sentence)):
        if hedged(sentence, match.start("n")) or hedged(sentence, match.start("from")):
            continue
        linked = figure_before(sentence, match.start("n"))
        if linked is None:
            continue
        printed = match.group("p") or match.group("p2")
        period = parse_period(printed) if printed else None
        claim = _claim(statement, source, match, match.group("from"), linked[0].text, period)
        if claim is not None:
            found.append((linked[1], match.end(), claim))
    for match in _BRACKETED_ON.finditer(sentence):
        if hedged(sentence, match.start("to")) or is_year(match.group("to")):
            continue
        claim = _bracketed(statement, source, match)
        if claim is not None:
            found.append((match.start(), match.end(), claim))
    if PERCENTAGE.search(sentence):
        for match in _BY_THEN_TO.finditer(sentence):
            claim = _derived(statement, source, match)
            if claim is not None and not hedged(sentence, match.start("n")):
                found.append((match.start(), match.end(), claim))
    for pattern in (_BY_THEN_FROM, _FROM_THEN_BY):
        for match in pattern.finditer(sentence):
            if hedged(sentence, match.start("n")) or hedged(sentence, match.start("from")):
                continue
            period = parse_period(match.group("p1")) if match.group("p1") else None
            claim = _claim(statement, source, match, match.group("from"), match.group("to"), period)
            if claim is not None:
                found.append((match.start(), match.end(), claim))
    return found


def _derived(statement: str, source: SourceRef, match: Match) -> Claim | None:
    """A claim "by N to M" whose start is M less N (or plus N, for a fall)."""
    if is_year(match.group("to")) or is_year(match.group("n")):
        return None
    difference = parse_number(match.group("n"))
    end = parse_number(match.group("to"))
    if difference is None or end is None:
        return None
    down = bool(match.group("down"))
    value = end.value + difference.value if down else end.value - difference.value
    if value <= 0:
        return None
    places = max(difference.decimals, end.decimals)
    text = f"{value:,.{places}f}" if "," in end.text else f"{value:.{places}f}"
    start = Figure(role="from", value=Number(value, text), label="derived", unit="count")
    return _move_claim(statement, source, match, start, end, difference)


def _bracketed(statement: str, source: SourceRef, match: Match) -> Claim | None:
    start = parse_number(match.group("from"))
    end = parse_number(match.group("to"))
    printed = match.group("pct") or match.group("n")
    change = parse_quantity(printed) if printed else None
    if start is None or end is None or change is None or is_year(match.group("from")):
        return None
    sign = match.group("sign")
    direction = None if sign is None else (Direction.INCREASE if sign == "+" else Direction.REDUCE)
    period = parse_period(match.group("p1")) if match.group("p1") else None
    unit = "percent" if match.group("pct") else "count"
    return Claim(
        id="",
        kind=ClaimKind.CHANGE,
        statement=statement,
        direction=direction,
        figures=(
            Figure(role="from", value=start, unit="count", period=period),
            Figure(role="to", value=end, unit="count"),
            Figure(role="change", value=change, unit=unit),
        ),
        source=source,
    )


def _claim(
    statement: str,
    source: SourceRef,
    match: Match,
    start_text: str,
    end_text: str,
    period: Period | None,
) -> Claim | None:
    if any(is_year(text) for text in (match.group("n"), start_text, end_text)):
        return None
    values: list[Number] = []
    for text in (start_text, end_text, match.group("n")):
        value = parse_number(text)
        if value is None:
            return None
        values.append(value)
    start, end, difference = values
    first = Figure(role="from", value=start, unit="count", period=period)
    return _move_claim(statement, source, match, first, end, difference)


def _move_claim(
    statement: str,
    source: SourceRef,
    match: Match,
    start: Figure,
    end: Number,
    difference: Number,
) -> Claim:
    """A change claim from ``start`` to ``end`` stating ``difference`` (and the percentage
    in brackets beside it, if any), its direction from the match's word."""
    down = bool(match.group("down"))
    word = match.group("down") or match.group("up") or ""
    return Claim(
        id="",
        kind=ClaimKind.CHANGE,
        statement=statement,
        direction=Direction.REDUCE if down else Direction.INCREASE,
        figures=(
            start,
            Figure(role="to", value=end, unit="count"),
            Figure(role="change", value=difference, label=word.lower(), unit="count"),
            *_stated_percent(match),
        ),
        source=source,
    )


def _stated_percent(match: Match) -> tuple[Figure, ...]:
    """The percentage a difference gives in brackets beside it ("340 incidents (8%)")."""
    printed = match.groupdict().get("pct")
    value = parse_quantity(printed) if printed else None
    return (Figure(role="change", value=value, unit="percent"),) if value is not None else ()
