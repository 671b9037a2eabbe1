"""A13x and A14x: shares of a whole ("62% micro, 25% small ...") and counts of lists
("four areas of work: ...")."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.plan import Claim, ClaimKind, Figure, Plan
from ..model.values import Number
from .cases import PERCENT_PLACES
from .common import claim_problem, computed, percent_text
from .findings import Problem, Severity
from .intervals import HUNDRED, quotient, total
from .reading import Reader, claim_reader, figure_is_percent
from .settings import CheckSettings

__all__ = ["check_count_items", "check_share_of_total", "check_share_sum"]

MIN_SHARES = 2
"""How many percentage parts a share claim needs before its sum is judged: one share of
a whole says nothing about the rest."""


def _percent_parts(claim: Claim) -> list[Figure]:
    return [f for f in claim.figures if f.role == "part" and figure_is_percent(f)]


def check_share_sum(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """Shares of a whole add up to more than 100%, or clearly less where the whole is named.

    Each share stands for its rounding interval, so four shares printed to whole
    percentages may sum to anything from 98 to 102. An error where even the widest reading
    exceeds 100; a warning where only truncation or coarse rounding brings the sum to 100,
    or where the parts of a named whole ("of the 3,500 businesses") fall short of it.

    Example: "62% micro, 25% small, 12% medium and 6% large" (105%) is an error;
    "83% micro, 13% small, 3% medium and 1% large" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SHARE:
            continue
        parts = _percent_parts(claim)
        if len(parts) < MIN_SHARES:
            continue
        reader = claim_reader(claim, settings)
        exact = sum((f.value.value for f in parts), Decimal(0))
        strict = total(reader.interval(f.value) for f in parts)
        loose = total(reader.interval(f.value, settings.lenient) for f in parts)
        if strict.contains(HUNDRED):
            continue
        over = strict.lo >= HUNDRED
        if not over and claim.figure("total") is None:
            continue  # a partial list of shares need not make a whole
        severity = Severity.ERROR if over and not loose.contains(HUNDRED) else Severity.WARNING
        yield claim_problem(
            severity,
            claim,
            f"shares sum to {computed(exact).text}% ({' + '.join(f.value.text for f in parts)}), "
            f"{'over' if over else 'short of'} 100% beyond their rounding ({percent_text(strict)})",
            expected=Number(HUNDRED, "100%"),
            stated=computed(exact, max(f.value.decimals for f in parts), "%"),
        )


def _share_pairs(claim: Claim) -> list[tuple[Figure, Figure]]:
    """Parts given both as a percentage and as a count: "23% (98)"."""
    parts = [f for f in claim.figures if f.role == "part"]
    percents = [f for f in parts if figure_is_percent(f)]
    counts = [f for f in parts if not figure_is_percent(f)]
    labelled = [
        (p, c) for p in percents for c in counts if p.label is not None and p.label == c.label
    ]
    if labelled:
        return labelled
    if len(percents) == 1 and len(counts) == 1:
        return [(percents[0], counts[0])]
    return []


def _share_agrees(
    reader: Reader, percent: Figure, count: Figure, whole: Figure, lenient: bool
) -> bool:
    share = quotient(reader.interval(count.value, lenient), reader.interval(whole.value, lenient))
    if share is None:
        return True
    return share.scale(HUNDRED).overlaps(reader.interval(percent.value, lenient))


def check_share_of_total(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A part given as a percentage and a count does not match the whole it is a share of.

    Where a share claim names its whole ("of the 425 casualties") and gives a part both
    ways ("23% (98)"), the percentage must be the count over the whole within rounding:
    an error where no reading reconciles them, a warning where only truncation or coarse
    rounding does.

    Example: "Of the 425 casualties, 28% (98) were motorcyclists" is an error (98 is 23%
    of 425); "23% (98)" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SHARE:
            continue
        whole = claim.figure("total")
        if whole is None or figure_is_percent(whole):
            continue
        reader = claim_reader(claim, settings)
        for percent, count in _share_pairs(claim):
            if _share_agrees(reader, percent, count, whole, False):
                continue
            lenient = settings.lenient and _share_agrees(reader, percent, count, whole, True)
            exact = (
                count.value.value / whole.value.value * HUNDRED if whole.value.value else Decimal(0)
            )
            expected = computed(exact, max(PERCENT_PLACES, percent.value.decimals), "%")
            yield claim_problem(
                Severity.WARNING if lenient else Severity.ERROR,
                claim,
                f"claim gives {percent.value.text} ({count.value.text}) of {whole.value.text}, "
                f"but {count.value.text} is {expected.text} of it",
                expected=expected,
                stated=percent.value,
            )


def check_count_items(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A stated count does not match the list it introduces.

    An error where a claim such as "five priorities" is followed by a list of a different
    length.

    Example: "The plan has four areas of work: 1. Data 2. Prevention 3. Enforcement" is an
    error (three listed).
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.COUNT or not claim.items:
            continue
        count = claim.figure("count")
        if count is None or count.value.value != count.value.value.to_integral_value():
            continue
        listed = len(claim.items)
        if Decimal(listed) == count.value.value:
            continue
        yield claim_problem(
            Severity.ERROR,
            claim,
            f"claim counts {count.value.text} but lists {listed}",
            expected=Number(Decimal(listed), str(listed)),
            stated=count.value,
        )
