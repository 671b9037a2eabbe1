"""A12x: changes stated in the plan's narrative claims ("down from 4,632 to 2,581, a
reduction of 44%"), and the base a stated percentage change was worked out on."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.plan import Claim, ClaimKind, Plan
from ..model.values import Direction
from ..text.patterns import lazy
from .cases import (
    ChangeCase,
    Verdict,
    against,
    claim_change_cases,
    figures_text,
    number_text,
    target_cases,
)
from .common import claim_problem, target_problem
from .findings import Problem, Severity
from .reading import claim_reader, commensurable
from .settings import CheckSettings

__all__ = ["check_change_base", "check_change_direction", "check_change_size"]


def check_change_size(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A claimed change does not match the figures it relates.

    An error where no reading of the printed figures gives the stated change; a warning
    where only truncation or a coarse rounding does.

    A difference in the figures' own unit ("95 fewer than the 1,265") is checked the same
    way, against the two figures' difference; a signed change from a table ("-12.0%") is
    shown with its size ("a fall of 12.0%"); where the plan gives a difference and the
    figure it led to but not the start ("increased by 30 to 330, a rise of 16%"), the start
    is the one less the other (300), and the message says so.

    Example: "2,581, a reduction of 40% on the 4,632 baseline" (a 44.3% fall) is an error;
    "down from 4,632 to 2,581, a reduction of 44%" holds; "1,180 cases, 95 fewer than the
    1,265 the year before" (85 fewer) is an error.
    """
    for claim, case, verdict in claim_change_cases(plan, settings):
        if verdict not in (Verdict.LENIENT, Verdict.FAILS):
            continue
        expected = case.expected()
        how = " only if truncated or coarsely rounded" if verdict is Verdict.LENIENT else ""
        yield claim_problem(
            Severity.WARNING if verdict is Verdict.LENIENT else Severity.ERROR,
            claim,
            f"claim states {_stated_text(claim, case)} but {_moved_text(claim, case)} is "
            f"{number_text(expected)}{how}",
            expected=expected,
            stated=case.change,
        )


_SIGN = lazy(r"^\s{0,2}[+\-−–]\s{0,2}")
"""A sign printed before a table's change ("-12.0%", "+4.9%")."""


def _stated_text(claim: Claim, case: ChangeCase) -> str:
    """The stated change as a reader finds it, with its size: a signed change as
    "-12.0% (a fall of 12.0%)", a difference with its word ("95 fewer")."""
    text = case.change.text
    figure = next((f for f in claim.figures if f.role == "change" and f.value == case.change), None)
    label = (figure.label or "") if figure is not None and figure.unit == "count" else ""
    if label in _DIFFERENCE_WORDS:
        return f"{text} {label}"
    sign = _SIGN.match(text)
    if sign is None:
        return text
    word = "fall" if sign.group(0).strip() in "-−–" else "rise"
    return f"{text} (a {word} of {text[sign.end() :]})"


def _moved_text(claim: Claim, case: ChangeCase) -> str:
    """The case's figures, with how a start the plan does not print was worked out ("by 30
    to 330": from 300 (330 less 30) to 330)."""
    start = claim.figure("from")
    difference = next((f for f in claim.figures if f.role == "change" and f.unit == "count"), None)
    if start is None or start.label != DERIVED or difference is None:
        return figures_text(case)
    how = "plus" if claim.direction is Direction.REDUCE else "less"
    return (
        f"from {case.base.text} ({case.new.text} {how} {difference.value.text}) to {case.new.text}"
    )


DERIVED = "derived"
"""The label of a start figure the plan does not print but gives as the end figure less the
stated difference ("increased by 30 to 330")."""


_DIFFERENCE_WORDS = frozenset({"fewer", "more", "less", "lower", "higher", "greater"})
"""Words of a difference in the figures' own unit that read after its figure."""


def check_change_direction(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A claim says a figure fell where its figures rose, or the other way round.

    An error where the claim's words ("down from", "a reduction of") give a direction and
    the new figure lies beyond rounding on the other side of the old one.

    Example: "down from 3,100 to 3,500" is an error; "up from 3,100 to 3,500" holds.
    """
    for claim in plan.claims:
        if claim.kind is not ClaimKind.CHANGE:
            continue
        base, new = claim.figure("from"), claim.figure("to")
        if base is None or new is None or not commensurable(base.value, new.value):
            continue
        reader = claim_reader(claim, settings)
        lenient = settings.lenient
        if against(
            claim.direction,
            reader.interval(base.value, lenient),
            reader.interval(new.value, lenient),
        ):
            said = "a fall" if claim.direction is Direction.REDUCE else "a rise"
            yield claim_problem(
                Severity.ERROR,
                claim,
                f"claim says {said} but its figures go from {base.value.text} to {new.value.text}",
                expected=base.value,
                stated=new.value,
            )


def check_change_base(plan: Plan, settings: CheckSettings) -> Iterator[Problem]:
    """A percentage change was worked out on the new figure instead of the old one.

    An error where the stated percentage matches the change divided by the new figure
    and no reading matches it divided by the old (the baseline), for targets and claims.

    Example: "fell from 120 to 100, a fall of 20%": 20 is a fifth of the new 100; the fall
    is 16.7% of the old 120.
    """
    for owned, case, verdict in target_cases(plan, settings):
        if verdict is Verdict.BY_NEW:
            yield target_problem(
                Severity.ERROR,
                owned,
                _by_new("target", case, "the baseline"),
                expected=case.expected(),
                stated=case.change,
            )
    for claim, case, verdict in claim_change_cases(plan, settings):
        if verdict is Verdict.BY_NEW:
            yield claim_problem(
                Severity.ERROR,
                claim,
                _by_new("claim", case, "the old figure"),
                expected=case.expected(),
                stated=case.change,
            )


def _by_new(what: str, case: ChangeCase, base: str) -> str:
    return (
        f"{what} states {case.change.text} {figures_text(case)}: that is the change divided by"
        f" the new figure; on {base} it is {number_text(case.expected())}"
    )
