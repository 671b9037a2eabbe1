"""Target statements: "reduce criminal damage by 16% from 1140 to 960 by 2007/08".

A target is a direction verb in a target frame followed by figures. The frame is what tells a
target from narrative: an infinitive or imperative ("to reduce", "Reduce ..." leading its
line), a modal ("we will increase", "aim to cut"), or the word *target* before a noun form
("Target: a 10% reduction in burglary"). Projections ("is expected to fall by 10%"),
achievements ("managed to reduce") and bare figures ("up 10% in 2007-08", "16.7% over the
age of 65") are not targets. After the verb come the metric and, in any order, the clauses
that carry the figures:

- the change: "by 16%", "was 30%", "by 3 percentage points";
- the baseline: "from 1140", "from 4,632 (baseline 2003/04)", "from a three year average of
  504 (in the period 2004 to 2006)";
- the target value: "to 960", "to 8%", "at or below 27%", "at least 85%";
- the deadline: "by 2007/08", "by 31 March 2008"; a period before the word target ("The
  2005 - 2008 target to ...") serves where no "by" clause gives one.

A later sentence of the same text reporting the figure achieved ("The year ending March 2008
figure was 2,581") becomes the target's outturn. A statement needs a change or a target
value to count: "NI 20 Reduce the number of assaults per 1,000 population" names an
indicator, not a target.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

import attrs

from ..model.plan import Target
from ..model.source import SourceRef
from ..model.values import Measure, PercentBasis, Period
from ..text.numbers import NUMBER, PERCENT, blank_markup, parse_quantity, sentences
from ..text.patterns import IGNORECASE, lazy
from .periods import find_period
from .target_assembly import assemble
from .target_figures import NOT_AGE, unit_of
from .target_frames import direction_of, sentence_targets

__all__ = ["direction_of", "find_targets", "report_period", "target_sentences", "unit_of"]

_OUTTURN = lazy(
    rf"\b(?P<what>figure|outturn|out-turn|result|actual|performance|position)\s{{1,3}}"
    rf"(?:(?:for|in|at)\s{{1,3}}[^,.;\n]{{1,40}}?\s{{1,3}})?(?:was|is|stood\s{{1,3}}at|reached|of)"
    rf"\s{{1,3}}(?P<value>{PERCENT}|{NUMBER}){NOT_AGE}",
    IGNORECASE,
)
_NOT_OUTTURN = lazy(
    r"\b(?:baseline|base|target|milestone|trajectory|expected|projected|forecast)\s{1,3}(?:\w+\s{1,3}){0,1}$",
    IGNORECASE,
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_YEAR_ENDING = lazy(
    rf"\b(?:financial\s{{1,3}})?(?:year|12\s{{1,3}}months)\s{{1,3}}(?:ending|ended|to)\s{{1,3}}"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}})?(?P<month>(?:{_MONTHS})[a-z]{{0,6}})\.?\s{{1,3}}"
    rf"(?P<year>(?:19|20)\d{{2}})",
    IGNORECASE,
)


_OUTTURN_PREFIX = 40
"""Characters before an outturn's "figure was" read for words making it a baseline or aim."""
_POINTS = lazy(r"(?i)\bpoints?\b|\bpp\b")
_DAYS_A_YEAR = 365.25
"""Days in a year on average, to count the years between two period ends."""
_OUTTURN_SENTENCES = 3
"""How many sentences after a target are read for the figure it reached (its outturn)."""


def find_targets(text: str, source: SourceRef, before: str = "", after: str = "") -> list[Target]:
    """Every target ``text`` states, in order, with ``id=""`` for the caller to assign.

    ``before`` and ``after`` are the paragraphs around ``text``: a target of ``text`` may
    take its baseline or target figure from the last sentence of the one or the first of the
    other (see :mod:`~cspplan.recognise.target_assembly`).

    >>> [t.percent.text for t in find_targets("To cut burglary by 12% by 2009/10.", SourceRef())]
    ['12%']
    """
    try:
        return _find_targets(blank_markup(text), source, blank_markup(before), blank_markup(after))
    except TimeoutError:
        return []


def target_sentences(text: str, source: SourceRef) -> set[int]:
    """The offsets of the sentences of ``text`` that state a target or give its figures:
    a change claim is not read from them."""
    try:
        cleaned = blank_markup(text)
        parts = sentences(cleaned)
        own = [sentence for _, sentence in parts]
        found = _placed(own, source)
        offsets = {parts[index][0] for index, _ in found}
        for index, target in found:
            # A sentence whose figures an assembled target took is part of its statement.
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(own) and own[neighbour] in target.statement:
                    offsets.add(parts[neighbour][0])
        return offsets
    except TimeoutError:
        return set()


def _placed(own: list[str], source: SourceRef) -> list[tuple[int, Target]]:
    found = [
        (index, target)
        for index, sentence in enumerate(own)
        for target in sentence_targets(sentence, source)
    ]
    return assemble(own, found, range(len(own)))


def _find_targets(text: str, source: SourceRef, before: str, after: str) -> list[Target]:
    parts = sentences(text)
    head = [s for _, s in sentences(before)][-1:] if before.strip() else []
    tail = [s for _, s in sentences(after)][:1] if after.strip() else []
    every = [*head, *(s for _, s in parts), *tail]
    found: list[tuple[int, Target]] = []
    for index, sentence in enumerate(every):
        for target in sentence_targets(sentence, source):
            found.append((index, target))
    own = range(len(head), len(head) + len(parts))
    placed = [(i - len(head), t) for i, t in assemble(every, found, own)]
    result: list[Target] = []
    for position, (index, target) in enumerate(placed):
        stop = placed[position + 1][0] if position + 1 < len(placed) else len(parts)
        if placed[position + 1 :] and placed[position + 1][0] == index:
            result.append(target)
            continue
        outturn = _outturn(parts[index + 1 : min(stop, index + 1 + _OUTTURN_SENTENCES)])
        result.append(attrs.evolve(target, outturn=outturn) if outturn else target)
    return [_with_basis(target) for target in result]


def _with_basis(target: Target) -> Target:
    """The target with what its percent is of, and the span of a yearly rate."""
    percent = target.percent
    if percent is None:
        return target
    if target.percent_basis is PercentBasis.PER_YEAR:
        if target.span_years is not None:
            return target
        end = target.target.period if target.target and target.target.period else target.deadline
        span = _years(target.baseline.period if target.baseline else None, end)
        return attrs.evolve(target, span_years=span)
    if target.percent_basis is not None:
        return target
    figures = [m.value.text for m in (target.baseline, target.target) if m is not None]
    if _POINTS.search(percent.text):
        basis = PercentBasis.POINTS
    elif len(figures) == 2 and all("%" in f for f in figures) and "%" in percent.text:
        basis = PercentBasis.POINTS_OR_WHOLE
    else:
        basis = PercentBasis.WHOLE
    return attrs.evolve(target, percent_basis=basis)


def _years(start: Period | None, end: Period | None) -> int | None:
    """Whole years from the end of one period to the end of another ("2019/20" to
    "2021/22" is 2), where both are known and the second is later."""
    if start is None or end is None or start.end is None or end.end is None:
        return None
    years = round((end.end - start.end).days / _DAYS_A_YEAR)
    return years if years >= 1 else None


def _outturn(following: Sequence[tuple[int, str]]) -> Measure | None:
    for _, sentence in following:
        for match in _OUTTURN.finditer(sentence):
            prefix = sentence[: match.start("what")]
            if _NOT_OUTTURN.search(prefix[-_OUTTURN_PREFIX:]):
                continue
            value = parse_quantity(match.group("value"), short_points=True)
            if value is None:
                continue
            return Measure(value=value, period=report_period(sentence[: match.end()]))
    return None


def report_period(text: str) -> Period | None:
    """The period a report figure is for: "year ending March 2008" (April 2007 to March
    2008), else the period :func:`~cspplan.recognise.periods.find_period` finds."""
    try:
        ending = _YEAR_ENDING.search(text)
    except TimeoutError:
        return None
    if ending is not None:
        month = _MONTHS.split("|").index(ending.group("month").lower()[:3]) + 1
        year = int(ending.group("year"))
        day = int(ending.group("day") or calendar.monthrange(year, month)[1])
        try:
            last = dt.date(year, month, day)
        except ValueError:
            return None
        # Twelve months ending then start on the first of the month after, a year before.
        first = dt.date(year - 1 + month // 12, month % 12 + 1, 1)
        return Period(text=" ".join(ending.group(0).split()), start=first, end=last)
    return find_period(text)
