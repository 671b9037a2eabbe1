"""Targets whose figures are spread over the sentences of a paragraph, or the next one.

A plan often states the aim in one sentence and its figures in the one before or after:
"We will cut break-ins to sheds by 8%. Over the plan the yearly count is to come down from
650 to 598", "Repeat cases made up 34% of the 2018/19 cohort. We will lower this to 30%".
After the sentence pass, a target missing its baseline or its target figure takes them from
an adjacent sentence when that sentence

- gives the pair itself ("from 650 to 598"), or two figures of the target's kind for two
  periods ("300 ... in 2019/20 and ... 264 ... in 2020/21"): the earlier is the baseline;
- or, for a target that has its target figure, states one figure of the same kind (both
  percentages, or both not) for a period, which the target sentence refers back to ("this",
  "that", "it", "them") or which is for an earlier period than the target's.

A baseline so taken must lie on the side the verb says the figure moves from: a target to
reduce takes a higher baseline, one to increase a lower one. A figure already used by
another target is not reused. Where the adjacent sentence is itself a target giving only
figures ("The target is to bring the annual total down from 902 to 812") and the first gives
only the change ("reduce burglary by a further 10%"), the two halves make one target.

A stated change in points written in words after the target ("four percentage points less",
"a fall of 0.4 percentage points") is the target's percent where it states none.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..document import Block, Paragraph
from ..model.plan import Target
from ..model.values import Direction, Measure, Number, Period, Unit
from ..text.numbers import NUMBER, NUMBER_WORDS, PERCENT, joined, number_word, parse_quantity
from ..text.patterns import IGNORECASE, lazy
from .periods import find_period
from .target_figures import NOT_AGE, looks_like_year, metric_name, unit_of

__all__ = ["Placed", "assemble", "neighbour_paragraphs"]

Placed = tuple[int, Target]
"""A target with the index of the sentence that states it."""

_FROM_TO = lazy(
    rf"\bfrom\s{{1,3}}(?:(?:a|an|the)\s{{1,3}}(?:[\w/\-]{{1,12}}\s{{1,3}}){{0,3}}(?:of\s{{1,3}})?)?"
    rf"(?P<base>{PERCENT}|{NUMBER}){NOT_AGE}(?P<mid>[^.;:]{{0,40}}?)\bto\s{{1,3}}"
    rf"(?P<tgt>{PERCENT}|{NUMBER}){NOT_AGE}(?P<after>[^.;:]{{0,30}})",
    IGNORECASE,
)
_FIGURE = lazy(rf"(?P<value>{PERCENT}|{NUMBER}){NOT_AGE}", IGNORECASE)
_PER = lazy(r"\bper\s{1,3}$", IGNORECASE)
_BACK = lazy(r"\b(?:this|that|it|them|these|those|the\s{1,3}(?:rate|figure|level|number|total))\b")
_CHANGE_NOUN = r"(?:fall|reduction|drop|decrease|cut|rise|increase|improvement)"
_POINTS_STATED = lazy(
    rf"(?:(?:a|an)\s{{1,3}}{_CHANGE_NOUN}\s{{1,3}}of\s{{1,3}}(?P<value>{NUMBER}|{NUMBER_WORDS})"
    rf"\s{{1,3}}(?P<unit>percentage\s{{1,3}}points?)\b(?!\s{{1,3}}(?:above|below|more|less|higher|lower)\b)"
    rf"|(?P<value>{NUMBER}|{NUMBER_WORDS})\s{{1,3}}(?P<unit>percentage\s{{1,3}}points?)\s{{1,3}}"
    rf"(?:{_CHANGE_NOUN}|less|lower|higher|more|down|up)\b(?!\s{{1,3}}than\b))",
    IGNORECASE,
)
"""A change in points stated after a target's figures ("a fall of 0.4 percentage points",
"four percentage points less"); a comparison ("2 percentage points higher than the
national rate") is not one."""
_REFERENT = lazy(
    r"(?:it|this|that|them|these|those|(?:(?:the|its|their)\s{1,3})?(?:(?:annual|yearly|overall)\s{1,3})?"
    r"(?:total|count|number|figure|rate|level|share|proportion))",
    IGNORECASE,
)
_TAIL_VERB = lazy(
    r"\s{1,3}(?:was|were|is|are|reached|stood\s{1,3}at|made\s{1,3}up|totalled|numbered|recorded"
    r"|had|of)\s{0,3}$|,\s{0,3}$",
    IGNORECASE,
)
_LEADING_PERIOD = lazy(
    r"^\s{0,3}(?:in|during|for)\s{1,3}(?:19|20)\d{2}(?:\s{0,2}/\s{0,2}\d{2,4})?\s{0,3},?\s{0,3}",
    IGNORECASE,
)
_CLAUSE_BREAK = lazy(r"[;,]|\band\b|\bbut\b", IGNORECASE)

_MOST_FOLD = 3
"""Most times larger one of a baseline and target taken from another sentence may be."""
_PERIOD_AFTER = 45
"""Characters after a figure read for the period it is for ("300 people called in 2019/20")."""


def neighbour_paragraphs(blocks: Sequence[Block], index: int) -> tuple[str, str]:
    """The text of the paragraphs just before and just after ``blocks[index]`` (``""`` where
    the neighbour is a heading, a list item or a table): a target may take its figures there."""
    before = blocks[index - 1] if 0 < index <= len(blocks) else None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        before.text if isinstance(before, Paragraph) else "",
        after.text if isinstance(after, Paragraph) else "",
    )


def assemble(parts: Sequence[str], found: list[Placed], own: range) -> list[Placed]:
    """``found`` with each half target completed from the sentences next to it.

    ``parts`` are the sentences read (the last of the paragraph before, the paragraph's
    own, the first of the paragraph after); ``own`` the indices of the paragraph's own
    sentences. Targets stated outside ``own`` are only read for their figures: the caller
    for that paragraph reports them.
    """
    by_sentence: dict[int, list[int]] = {}
    for position, (index, _) in enumerate(found):
        by_sentence.setdefault(index, []).append(position)
    targets = [target for _, target in found]
    absorbed: set[int] = set()
    used: set[tuple[int, str]] = set()
    for position, (index, target) in enumerate(found):
        if position in absorbed or len(by_sentence[index]) > 1:
            # Several targets in one sentence: which of them a neighbour's figures are for,
            # or a stated change in points, cannot be told.
            continue
        completed = _with_points(target, parts[index])
        if completed.baseline is not None and completed.target is not None:
            targets[position] = completed
            continue
        for other in (index + 1, index - 1):
            if not 0 <= other < len(parts):
                continue
            across = other not in own
            if across and not _BACK.search(parts[index]):
                # Another paragraph's figures are taken only where this one refers back.
                continue
            halves = by_sentence.get(other, [])
            if halves:
                if other == index + 1 and len(halves) == 1:
                    merged = _merge(completed, targets[halves[0]], parts[index], parts[other])
                    if merged is not None:
                        completed = merged
                        absorbed.add(halves[0])
                        break
                continue
            taken = _take(completed, parts[index], parts[other], other < index, used, other)
            if taken is not None:
                completed = taken
                break
        targets[position] = completed
    return [
        (index, targets[position])
        for position, (index, _) in enumerate(found)
        if position not in absorbed and index in own
    ]


def _with_points(target: Target, sentence: str) -> Target:
    """The target with a change in points stated in words after its figures."""
    figures = [m.value for m in (target.baseline, target.target) if m is not None]
    if target.percent is not None or not all(_is_percent(f) for f in figures):
        return target
    match = _POINTS_STATED.search(sentence)
    if match is None:
        return target
    word = match.group("value")
    amount = number_word(word) if word.isalpha() else None
    parsed = parse_quantity(word) if amount is None else Number(Decimal(amount), word)
    if parsed is None:
        return target
    # The printed text keeps the words ("four percentage points"), so the unit is plain.
    printed = sentence[match.start("value") : match.end("unit")]
    percent = Number(value=parsed.value, text=joined(printed))
    return attrs.evolve(target, percent=percent, unit=_unit(target, percent))


def _unit(target: Target, percent: Number | None) -> Unit | None:
    return unit_of(percent, target.baseline, target.target, target.metric, target.statement)


def _merge(first: Target, second: Target, text: str, other: str) -> Target | None:
    """One target from a change-only half and the figures-only half that follows it."""
    if first.baseline is not None or first.target is not None:
        return None
    if second.percent is not None or second.baseline is None or second.target is None:
        return None
    if first.direction and second.direction and first.direction is not second.direction:
        return None
    if second.metric is not None and not _REFERENT.fullmatch(second.metric):
        # The second half names a measure of its own: it is another target.
        return None
    merged = attrs.evolve(
        first,
        statement=joined(f"{text} {other}"),
        baseline=second.baseline,
        target=second.target,
        deadline=first.deadline or second.deadline,
        metric=first.metric or second.metric,
        indicator=first.indicator or second.indicator,
        direction=first.direction or second.direction,
    )
    return attrs.evolve(merged, unit=_unit(merged, merged.percent))


def _take(
    target: Target,
    text: str,
    other: str,
    before: bool,
    used: set[tuple[int, str]],
    index: int,
) -> Target | None:
    """The target completed from the figures of the adjacent sentence ``other``."""
    percent_kind = target.target is not None and _is_percent(target.target.value)
    if target.baseline is None and target.target is None:
        pair = _pair(other)
        if pair is None or any((index, m.value.text) in used for m in pair):
            return None
        base, goal = pair
        if goal.period is None and target.deadline is not None:
            goal = attrs.evolve(goal, period=target.deadline)
    elif target.baseline is None and target.target is not None:
        figures = [f for f in _figures(other) if _is_percent(f.value) == percent_kind]
        dated = [f for f in figures if f.period is not None]
        if len(dated) == 1:
            # "was 9.7% in 2012/13, above the national figure of 9.35%": the dated one.
            figures = dated
        if len(figures) != 1 or (index, figures[0].value.text) in used:
            return None
        base, goal = figures[0], target.target
        back = _BACK.search(text) is not None
        if not (back or (dated and _earlier(base.period, goal.period or target.deadline))):
            return None
    else:
        return None
    if not _moves(target.direction, base, goal) or not _near(base, goal):
        return None
    used.update({(index, base.value.text), (index, goal.value.text)})
    first, second = (other, text) if before else (text, other)
    completed = attrs.evolve(
        target, statement=joined(f"{first} {second}"), baseline=base, target=goal
    )
    if completed.direction is None:
        completed = attrs.evolve(completed, direction=_direction(base, goal))
    if completed.metric is None or _REFERENT.fullmatch(completed.metric):
        # "lower this to 30%": the measure is named where the baseline is.
        completed = attrs.evolve(completed, metric=_named(other) or completed.metric)
    return attrs.evolve(completed, unit=_unit(completed, completed.percent))


def _named(sentence: str) -> str | None:
    """The measure a sentence giving a figure names before it: "The proven reoffending
    rate" of "The proven reoffending rate was 9.7% in 2012/13"."""
    first = next(
        (m for m in _FIGURE.finditer(sentence) if not looks_like_year(m.group("value"))), None
    )
    if first is None:
        return None
    words = _LEADING_PERIOD.sub("", _TAIL_VERB.sub("", sentence[: first.start()]))
    return metric_name(words)


def _pair(sentence: str) -> tuple[Measure, Measure] | None:
    """The baseline and target a sentence gives: "from 650 to 598", else two figures of one
    kind for two periods, the earlier first."""
    match = _FROM_TO.search(sentence)
    if match is not None and not looks_like_year(match.group("base")):
        base = parse_quantity(match.group("base"), short_points=True)
        goal = parse_quantity(match.group("tgt"), short_points=True)
        if base is not None and goal is not None and not looks_like_year(match.group("tgt")):
            return (
                Measure(value=base, period=find_period(match.group("mid"))),
                Measure(value=goal, period=find_period(match.group("after"))),
            )
    figures = [f for f in _figures(sentence) if f.period is not None]
    if len(figures) != 2 or _is_percent(figures[0].value) != _is_percent(figures[1].value):
        return None
    first, second = figures
    if _earlier(first.period, second.period):
        return first, second
    if _earlier(second.period, first.period):
        return second, first
    return None


def _figures(sentence: str) -> list[Measure]:
    """The figures of a sentence that are not years, ages, durations or the 1,000 of a
    rate "per 1,000", each with the period its clause names."""
    found: list[Measure] = []
    for match in _FIGURE.finditer(sentence):
        text = match.group("value")
        if looks_like_year(text) or _PER.search(
            sentence[max(0, match.start() - 6) : match.start()]
        ):
            continue
        value = parse_quantity(text)
        if value is None:
            continue
        found.append(Measure(value=value, period=_period_of(sentence, match.start(), match.end())))
    return found


def _period_of(sentence: str, start: int, end: int) -> Period | None:
    """The period of a figure: named after it in its clause ("410 in 2019/20", "34% of the
    2018/19 cohort"), else before it in the sentence ("In 2015/16, 82% of ...")."""
    after = sentence[end : end + _PERIOD_AFTER]
    stops = (m for m in _FIGURE.finditer(after) if not looks_like_year(m.group("value")))
    stop = next(stops, None)
    clause = after[: stop.start()] if stop is not None else after
    found = find_period(clause)
    if found is not None:
        return found
    head = sentence[:start]
    pieces = _CLAUSE_BREAK.split(head)
    for piece in reversed(pieces[-2:]):
        if any(not looks_like_year(m.group("value")) for m in _FIGURE.finditer(piece)):
            # A clause with a figure of its own: its period is that figure's.
            return None
        found = find_period(piece)
        if found is not None:
            return found
    return None


def _is_percent(number: Number) -> bool:
    return "%" in number.text or "per" in number.text.lower()


def _earlier(first: Period | None, second: Period | None) -> bool:
    if first is None or second is None or first.end is None or second.end is None:
        return False
    return first.end < second.end


def _moves(direction: Direction | None, base: Measure, goal: Measure) -> bool:
    """True where the figures go the way the verb says (or the verb says none)."""
    if base.value.value == goal.value.value:
        return direction is Direction.MAINTAIN
    if direction is Direction.REDUCE:
        return goal.value.value < base.value.value
    if direction is Direction.INCREASE:
        return goal.value.value > base.value.value
    return direction is None


def _near(base: Measure, goal: Measure) -> bool:
    """True where the two figures are of one size: a target rarely moves a figure threefold,
    so "11,940 crimes" is no baseline for "18.5 per 1,000"."""
    low, high = sorted((abs(base.value.value), abs(goal.value.value)))
    return low > 0 and high <= low * _MOST_FOLD


def _direction(base: Measure, goal: Measure) -> Direction:
    return Direction.REDUCE if goal.value.value < base.value.value else Direction.INCREASE
