"""A13x and A14x: shares of a whole ("62% micro, 25% small ..."), totals with their line
items ("£84,000 covers £36,000 for ..."), and counts of lists ("four areas of work: ...")."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model.plan import Claim, ClaimKind, Figure, Plan
from ..model.values import Number, Unit
from .cases import PERCENT_PLACES
from .common import claim_problem, computed, percent_text
from .findings import Problem, Severity
from .intervals import HUNDRED, quotient, total
from .reading import Reader, claim_reader, figure_is_percent, rate_scale
from .settings import CheckSettings

__all__ = ["check_count_items", "check_share_of_total", "check_share_sum", "check_sum_total"]

MIN_SHARES = 2
"""How many percentage parts a share claim needs before its sum is judged: one share of
a whole says nothing about the rest."""


def _percent_parts(claim: Claim) -> list[Figure]:
    return [f for f in claim.figures if f.role == "part" and figure_is_percent(f)]


MIN_EDGE_SHARES = 3
"""Fewest shares whose sum, reaching 100 only at the edge of rounding, is worth mentioning:
with two shares one exact half point makes the other one too."""


def check_share_sum(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """Shares of a whole add up to more than 100%, or clearly less where the whole is named.

    Each share stands for its rounding interval, so four shares printed to whole
    percentages may sum to anything from 98 to 102. An error where even the widest reading
    exceeds 100; a warning where only truncation or coarse rounding brings the sum to 100,
    or where the parts of a named whole ("of the 3,500 businesses") fall short of it, or
    where the sum reaches 100 only at the very edge of the rounding (every share rounded
    up from exactly half a point).

    Counts that break a named whole down ("Of the 400 offences, 180 were ..., 150 ... and
    90 ...") may leave some of it unnamed, so they are judged only where they add up to
    more than the whole: an error beyond any rounding, a warning where only a coarse
    rounding of round figures excuses it.

    Example: "62% micro, 25% small, 12% medium and 6% large" (105%) is an error;
    "83% micro, 13% small, 3% medium and 1% large" holds; "Of the 400 drug offences, 180
    were for cannabis, 150 for other drugs and 90 for supply" (420) is an error.
    """
    yield from _counted_over(plan, settings)
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
        edge = HUNDRED in (strict.lo, strict.hi)
        if strict.contains(HUNDRED) and not edge:
            continue
        # 38% + 27% + 19% + 18% = 102 reaches 100 only if every share was exactly half a
        # point above what it stands for: possible, so information, never an alarm. Two
        # shares at the edge need only one such coincidence (5.5% and 94.5% print as 6% and
        # 95%), which is too common to mention.
        if edge and len(parts) < MIN_EDGE_SHARES:
            continue
        over = strict.lo >= HUNDRED
        if not over and claim.figure("total") is None:
            continue  # a partial list of shares need not make a whole
        if edge:
            severity = Severity.INFO
        elif over and not loose.contains(HUNDRED):
            severity = Severity.ERROR
        else:
            severity = Severity.WARNING
        yield claim_problem(
            severity,
            claim,
            f"shares sum to {computed(exact).text}% ({' + '.join(f.value.text for f in parts)}), "
            f"{'over' if over else 'short of'} 100% "
            + (
                "unless every share was rounded from exactly half a point"
                if edge
                else f"beyond their rounding ({percent_text(strict)})"
            ),
            expected=Number(HUNDRED, "100%"),
            stated=computed(exact, max(f.value.decimals for f in parts), "%"),
        )


def _counted_over(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """Counts of a named whole, with no percentage beside them, that add up to more than it."""
    for claim in plan.claims:
        whole = claim.figure("total")
        if claim.kind is not ClaimKind.SHARE or whole is None or figure_is_percent(whole):
            continue
        parts = [f for f in claim.figures if f.role == "part"]
        if len(parts) < MIN_SHARES or any(f.unit != "count" for f in parts):
            continue
        reader = claim_reader(claim, settings)
        strict = total(reader.interval(f.value) for f in parts)
        whole_at = reader.interval(whole.value)
        if strict.lo <= whole_at.hi:
            continue
        loose = total(reader.interval(f.value, settings.lenient) for f in parts)
        lenient = settings.lenient and loose.lo <= reader.interval(whole.value, settings.lenient).hi
        exact = sum((f.value.value for f in parts), Decimal(0))
        added = computed(exact, max(f.value.decimals for f in parts))
        yield claim_problem(
            Severity.WARNING if lenient else Severity.ERROR,
            claim,
            f"parts of {whole.value.text} add up to {_grouped(added)} "
            f"({' + '.join(f.value.text for f in parts)}), more than the whole"
            + (" unless coarsely rounded" if lenient else ""),
            expected=whole.value,
            stated=Number(added.value, _grouped(added)),
        )


def _share_pairs(claim: Claim) -> list[tuple[Figure, Figure]]:
    """Parts given both as a percentage (or a rate per N) and as a count: "23% (98)"."""
    parts = [f for f in claim.figures if f.role == "part"]
    percents = [f for f in parts if figure_is_percent(f) or rate_scale(f.unit)]
    counts = [f for f in parts if not figure_is_percent(f) and not rate_scale(f.unit)]
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
    return share.scale(_scale(percent)).overlaps(reader.interval(percent.value, lenient))


def _scale(part: Figure) -> Decimal:
    """What a part's figure is per: 100 for a percentage, N for a rate per N."""
    per = rate_scale(part.unit)
    return Decimal(per) if per else HUNDRED


def check_share_of_total(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A part given as a percentage and a count does not match the whole it is a share of.

    Where a share claim names its whole ("of the 425 casualties") and gives a part both
    ways ("23% (98)"), the percentage must be the count over the whole within rounding:
    an error where no reading reconciles them, a warning where only truncation or coarse
    rounding does.

    A rate per head printed beside its count and population ("Population | Offences |
    Rate per 1,000") is checked the same way: the rate must be the count over the
    population times 1,000 (or 10,000, 100,000) within rounding.

    Example: "Of the 425 casualties, 28% (98) were motorcyclists" is an error (98 is 23%
    of 425); "23% (98)" holds; a district of 38,150 people with 2,104 offences and a rate
    of 60.2 per 1,000 is an error (55.2).
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
            scale = _scale(percent)
            exact = (
                count.value.value / whole.value.value * scale if whole.value.value else Decimal(0)
            )
            if scale != HUNDRED:
                # "Eastmoor | 38,150 | 2,104 | 60.2" under "Rate per 1,000 population".
                per = f" per {int(scale):,}"
                expected = computed(exact, max(PERCENT_PLACES, percent.value.decimals))
                message = (
                    f"claim gives a rate of {percent.value.text}{per} for {count.value.text} "
                    f"in {whole.value.text}, but {count.value.text} / {whole.value.text} x "
                    f"{int(scale):,} is {expected.text}{per}"
                )
            else:
                expected = computed(exact, max(PERCENT_PLACES, percent.value.decimals), "%")
                message = (
                    f"claim gives {percent.value.text} ({count.value.text}) of "
                    f"{whole.value.text}, but {count.value.text} is {expected.text} of it"
                )
            yield claim_problem(
                Severity.WARNING if lenient else Severity.ERROR,
                claim,
                message,
                expected=expected,
                stated=percent.value,
            )


MIN_LINES = 2
"""How many line items a total needs before it is checked against them."""


def check_sum_total(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """Line items do not add up to the total stated for them.

    Each figure stands for its rounding interval. An error where no reading of the
    printed figures makes the lines sum to the total; for counts, a warning where only
    truncation or a coarse rounding of round figures does. Sums of money are read at
    their printed precision only, since a budget line is the sum allocated.

    Example: "The £84,000 fund covers £36,000 for patrols, £30,000 for locks and £20,000
    for publicity" is an error (the lines make £86,000); with £18,000 for publicity it
    holds, as does a Budget column whose Total row is the sum of the rows above it, or a
    column of incidents by ward whose row labelled "Total" adds them up.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.SUM:
            continue
        whole = claim.figure("total")
        parts = [f for f in claim.figures if f.role == "part"]
        if whole is None or len(parts) < MIN_LINES:
            continue
        reader = claim_reader(claim, settings)
        strict = total(reader.interval(f.value) for f in parts)
        if strict.overlaps(reader.interval(whole.value)):
            continue
        # Money is allocated, not measured: "£36,000" for a line is that sum, so only the
        # printed precision is read; counts may have been rounded coarsely.
        money = whole.unit == Unit.MONEY.value or all(f.unit == Unit.MONEY.value for f in parts)
        loose = total(reader.interval(f.value, settings.lenient) for f in parts)
        lenient = (
            settings.lenient
            and not money
            and loose.overlaps(reader.interval(whole.value, settings.lenient))
        )
        exact = sum((f.value.value for f in parts), Decimal(0))
        places = max(f.value.decimals for f in parts)
        prefix = "£" if whole.value.text.lstrip().startswith("£") else ""
        stated_sum = computed(exact, places)
        yield claim_problem(
            Severity.WARNING if lenient else Severity.ERROR,
            claim,
            f"line items sum to {prefix}{_grouped(stated_sum)}, not the stated total "
            f"{whole.value.text}" + (" unless coarsely rounded" if lenient else ""),
            expected=Number(stated_sum.value, prefix + _grouped(stated_sum))
            if "," in whole.value.text
            else stated_sum,
            stated=whole.value,
        )


def _grouped(number: Number) -> str:
    """A computed sum printed with thousands separators, as plans print money."""
    whole, _, fraction = number.text.partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


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
