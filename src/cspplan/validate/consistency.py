"""C20x: targets the plan states more than once with different figures."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from ..model.plan import Plan
from ..model.values import Number
from ..text.patterns import IGNORECASE, lazy
from ..text.words import AUXILIARIES, FUNCTION_WORDS, singular
from .common import (
    OwnedTarget,
    overlapping,
    owned_targets,
    same_period,
    target_problem,
    target_subject,
)
from .findings import Problem, Severity
from .intervals import number_interval
from .reading import commensurable
from .settings import CheckSettings

__all__ = [
    "CLOSE_MATCH",
    "MIN_PARTIAL_WORDS",
    "check_duplicate_target",
    "check_objective_target",
    "local_words",
    "metric_words",
    "metrics_match",
    "statement_metric",
]

_WORD = lazy(r"[a-z]+")
# "from" stays a metric word: it tells "theft from vehicles" apart from "theft of vehicles".
_STOP = (
    (FUNCTION_WORDS - {"from"})
    | (AUXILIARIES - {"will"})
    | frozenset(
        [
            "achieve",
            "achieving",
            "all",
            "amount",
            "annual",
            "annually",
            "any",
            "baseline",
            "benchmark",
            "count",
            "cut",
            "cutting",
            "decrease",
            "decreasing",
            "deliver",
            "each",
            "improve",
            "improving",
            "increase",
            "increased",
            "increasing",
            "into",
            "it",
            "its",
            "level",
            "levels",
            "maintain",
            "maintaining",
            "number",
            "numbers",
            "objective",
            "objectives",
            "our",
            "overall",
            "per",
            "raise",
            "raising",
            "rate",
            "rates",
            "reduce",
            "reduced",
            "reducing",
            "reduction",
            "reductions",
            "strategic",
            "target",
            "targets",
            "that",
            "their",
            "these",
            "this",
            "those",
            "total",
            "which",
            "who",
            "whose",
            "within",
            "year",
            "years",
        ]
    )
)


def metric_words(text: str) -> frozenset[str]:
    """The words that say what a metric measures, singular and lower case:
    ``"Police calls for service"`` gives ``{"police", "call", "service"}``."""
    return frozenset(
        singular(w) for w in _WORD.findall(text.lower().replace("-", "")) if w not in _STOP
    )


MIN_PARTIAL_WORDS = 2
"""The fewest words a metric needs to match part of a longer one: "fires" alone says too
little to be "deliberate secondary fires"."""


def metrics_match(a: frozenset[str], b: frozenset[str], strict: bool = False) -> float:
    """How well two metrics' words match, 0 where they do not: 1 for the same words;
    otherwise (unless ``strict``) the share of words in common where one metric's words
    are all in the other's and the shorter has at least two."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if strict:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) >= MIN_PARTIAL_WORDS and small <= large:
        return len(small) / len(large)
    return 0.0


def _metric(owned: OwnedTarget, local: frozenset[str] = frozenset()) -> frozenset[str]:
    target = owned.target
    words = metric_words(target.metric or statement_metric(target.statement))
    # "house burglaries in South Derbyshire" and "house burglaries" measure the same thing
    # in a South Derbyshire plan: the plan's own place and partnership names drop out.
    return (words - local) or words


def local_words(plan: Plan) -> frozenset[str]:
    """Words of the plan's area and partnership names ("south", "derbyshire", "safer")."""
    return metric_words(" ".join(filter(None, (plan.area, plan.partnership))))


_VERB = lazy(r"\b(?:reduce|increase|cut|raise|improve|maintain|decrease|lower)\b", IGNORECASE)
_FIGURES = lazy(r"\b(?:by|from|to|at)\s+[£]?\d", IGNORECASE)


def statement_metric(statement: str) -> str:
    """The metric phrase of a target statement, for targets whose metric was not
    recognised: the words after the verb and before the first figure, so "Strategic target
    to reduce theft from motor vehicles by 20% from 597" gives "theft from motor
    vehicles"."""
    verb = _VERB.search(statement)
    rest = statement[verb.end() :] if verb else statement
    figures = _FIGURES.search(rest)
    return rest[: figures.start()] if figures else rest


def _comparable(a: OwnedTarget, b: OwnedTarget) -> bool:
    x, y = a.target, b.target
    if x.direction is not None and y.direction is not None and x.direction != y.direction:
        return False
    return overlapping(x.deadline, y.deadline)


def _agree(a: Number | None, b: Number | None, settings: CheckSettings) -> bool:
    if a is None or b is None or a.value == b.value or not commensurable(a, b):
        return True
    return number_interval(a, settings.rounding).overlaps(number_interval(b, settings.rounding))


def _disagreements(
    a: OwnedTarget, b: OwnedTarget, settings: CheckSettings
) -> list[tuple[str, Number, Number]]:
    """The figures two statements of one target give differently, as (what, a's, b's)."""
    x, y = a.target, b.target
    found: list[tuple[str, Number, Number]] = []
    if (
        x.percent is not None
        and y.percent is not None
        and not _agree(x.percent, y.percent, settings)
    ):
        found.append(("percentage", x.percent, y.percent))
    if (
        x.target is not None
        and y.target is not None
        and (
            x.target.period is None
            or y.target.period is None
            or same_period(x.target.period, y.target.period)
        )
        and not _agree(x.target.value, y.target.value, settings)
    ):
        found.append(("target figure", x.target.value, y.target.value))
    if x.baseline is not None and y.baseline is not None:
        same_base = (x.baseline.period is None and y.baseline.period is None) or same_period(
            x.baseline.period, y.baseline.period
        )
        if same_base and not _agree(x.baseline.value, y.baseline.value, settings):
            found.append(("baseline", x.baseline.value, y.baseline.value))
    return found


def _describe(owned: OwnedTarget) -> str:
    target = owned.target
    parts = []
    if target.percent is not None:
        parts.append(target.percent.text)
    if target.baseline is not None:
        parts.append(f"from {target.baseline.value.text}")
    if target.target is not None:
        parts.append(f"to {target.target.value.text}")
    return " ".join(parts) or target.statement


def _where(owned: OwnedTarget) -> str:
    location = owned.target.source.location()
    label = owned.target.id
    return f"{label}, {location}" if location else label


CLOSE_MATCH = 0.6
"""The least share of words two metrics must have in common (one's words all among the
other's) to be taken for the same metric: "secondary fires" and "deliberate secondary
fires" (2 of 3) are; "fires" and "deliberate secondary fires" (1 of 3) are not."""


def check_objective_target(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """An objective and a strategic target for the same metric give different figures.

    The objective's target is matched to the strategic targets (those of its own priority
    and of the plan first, then those of other priorities) by the words of its metric,
    leaving out the plan's own place names; where several match equally well and any of
    them agrees, nothing is reported. An error where the percentages or target figures of
    targets with the same metric words differ beyond rounding; a warning where one
    metric's words are most (at least 60%) of the other's ("secondary fires" and
    "deliberate secondary fires").

    Example: an objective "to reduce police calls for service by 10% by 2007/08" where the
    strategic target is "reduce police calls for service by 5% from 4293 to 4078 by
    2007/08".
    """
    owned = list(owned_targets(plan))
    local = local_words(plan)
    strategic = [(o, _metric(o, local)) for o in owned if o.objective is None]
    for stated in (o for o in owned if o.objective is not None):
        words = _metric(stated, local)
        scored = [
            (metrics_match(words, other_words), other)
            for other, other_words in strategic
            if _comparable(stated, other)
        ]
        # Targets of the objective's own priority, or of the plan, come before those of
        # other priorities.
        near = [
            (score, other)
            for score, other in scored
            if other.priority is None or other.priority is stated.priority
        ]
        if any(score >= CLOSE_MATCH for score, _ in near):
            scored = near
        best = max((score for score, _ in scored), default=0.0)
        if best < CLOSE_MATCH:
            continue
        candidates = [other for score, other in scored if score == best]
        problems = [(other, _disagreements(stated, other, settings)) for other in candidates]
        if any(not found for _, found in problems):
            continue
        other, found = problems[0]
        what, mine, theirs = found[0]
        exact = best == 1.0
        name = (
            stated.target.metric
            or other.target.metric
            or " ".join(statement_metric(stated.target.statement).split())
        )
        yield target_problem(
            Severity.ERROR if exact else Severity.WARNING,
            stated,
            f"objective states a {what} of {mine.text} for {name} but the "
            f"{'' if exact else 'similar '}strategic target ({_where(other)}) is "
            f"{_describe(other)}",
            expected=theirs,
            stated=mine,
            related=(target_subject(other.target),),
        )


def check_duplicate_target(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """The same target is stated twice with different figures.

    Two strategic targets (or two objectives' targets) with the same metric words, the
    same direction and overlapping deadlines must give the same percentage, target figure
    and, for the same baseline period, baseline. An error where they differ beyond
    rounding.

    Example: "reduce violent crime by 10% from 952 to 857" under one priority and "reduce
    violent crime by 10% from 952 to 875" under another.
    """
    owned = list(owned_targets(plan))
    local = local_words(plan)
    for level in (False, True):
        group = [o for o in owned if (o.objective is not None) is level]
        # Strictly matching metrics are the same words, so only targets with the same words
        # are paired, in the order combinations() of the whole group would give: a plan
        # with thousands of targets is not compared pair by pair.
        same: dict[frozenset[str], list[int]] = {}
        for index, owned_target in enumerate(group):
            words = _metric(owned_target, local)
            if words:
                same.setdefault(words, []).append(index)
        pairs = sorted(pair for indices in same.values() for pair in combinations(indices, 2))
        for first, second in ((group[i], group[j]) for i, j in pairs):
            if first.target is second.target or not _comparable(first, second):
                continue
            found = _disagreements(second, first, settings)
            if not found:
                continue
            what, mine, theirs = found[0]
            yield Problem(
                severity=Severity.ERROR,
                message=(
                    f"target gives a {what} of {mine.text}; the same target ({_where(first)}) "
                    f"gives {theirs.text}"
                ),
                subject=target_subject(second.target, second.objective),
                expected=theirs,
                stated=mine,
                source=second.target.source,
                related=(target_subject(first.target, first.objective),),
            )
