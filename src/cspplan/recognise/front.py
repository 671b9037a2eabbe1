"""The plan's identity from its opening: title, partnership, area, period, kind, vision."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Block, Heading, ListItem, Paragraph, Table
from ..model.plan import PlanKind
from ..model.values import Period
from ..text.patterns import IGNORECASE, lazy
from .periods import PERIOD_PATTERN, find_period, title_period

__all__ = ["FrontMatter", "plan_kind", "read_front_matter", "split_partnership"]

_PLAN_WORD = lazy(
    r"\b(?:action\s+plan|delivery\s+plan|strategic\s+plan|partnership\s+plan|community\s+safety\s+plan"
    r"|plan|strategy|agreement|assessment|report"
    r"|(?:annual|performance|progress|year[- ]end)\s+(?:summary|review))\b",
    IGNORECASE,
)
"""Words that make an opening line the document's title: a plan's, or a report's ("Annual
Report 2018/19", "Performance Summary 2006/07"), which comes before any delivery plan the
report carries for the next year and is the document's title, not that plan's heading."""
_BODY_WORD = lazy(
    r"^(?P<body>.*?\b(?:partnership|cdrp|csp|board|crime\s+and\s+disorder\s+reduction\s+partnership))\b",
    IGNORECASE,
)
_AREA_STOP = lazy(
    r"\b(?:safer|safe|stronger|crime|community|communities|partnership|cdrp|csp|board|strategic|"
    r"action|plan|agreement|strategy|year|\d)",
    IGNORECASE,
)
_VISION = lazy(r"^\s*(?:our\s+)?vision\b", IGNORECASE)
_CONTENTS = lazy(r"^\s*(?:table\s+of\s+)?contents\s*$", IGNORECASE)
_SENTENCE = lazy(
    r"[.;:!?]\s*$|^(?:the|this|our|we)\s+\w+\s+(?:has|have|is|are|will|sets?|was|were)\b",
    IGNORECASE,
)
_WORD = lazy(r"[A-Za-z]+")
_AREA_PREFIX = lazy(r"(?i)safer|safe|the|stronger")
_MIN_TITLE_WORDS = 2
"""Fewest words a title after a partnership's name needs: "Community Safety Partnership Plan"
is one title, not a body and the word "Plan"."""
_FRONT_LIMIT = 15
"""How many opening blocks may hold the title; plans put it on the cover or first lines."""
_MAX_TITLE_WORDS = 25
"""Most words an opening paragraph may have and still be (part of) the title; a longer one
is body text, and the search for the title stops there."""
_TITLE_CONTINUATIONS = 2
"""How many lines after a title may carry it on ("2008 - 2011", "& Annual Delivery Plan")."""
_VISION_HEADING_WORDS = 4
"""Most words a "Vision" line may have and still head the statement below it."""
_VISION_LOOKAHEAD = 3
"""How many blocks after a "Vision" heading are read for the statement."""


@attrs.frozen(slots=True)
class FrontMatter:
    """What the opening of a plan says about the plan as a whole.

    Attributes:
        title: The plan's title.
        partnership: The publishing partnership.
        area: The area covered.
        period: The period covered.
        kind: The kind of plan.
        vision: The vision statement.
        used: Indices of the blocks this information was taken from.
    """

    title: str | None = None
    partnership: str | None = None
    area: str | None = None
    period: Period | None = None
    kind: PlanKind | None = None
    vision: str | None = None
    used: frozenset[int] = frozenset()


def plan_kind(title: str) -> PlanKind | None:
    """The kind of plan a title names."""
    lowered = title.lower()
    if "agreement" in lowered:
        return PlanKind.AGREEMENT
    if "action plan" in lowered:
        return PlanKind.ACTION_PLAN
    if "delivery plan" in lowered and "strateg" not in lowered:
        return PlanKind.DELIVERY_PLAN
    if "strateg" in lowered:
        return PlanKind.STRATEGY
    if "plan" in lowered:
        return PlanKind.PARTNERSHIP_PLAN
    return None


def split_partnership(text: str) -> tuple[str | None, str]:
    """Split "Derby Crime and Disorder Reduction Partnership Violent Crime Action Plan 2003/4"
    into the partnership and the rest; ``(None, text)`` where no body is named first."""
    try:
        match = _BODY_WORD.match(text)
        if not match:
            return None, text
        body = match.group("body").strip()
        rest = text[match.end() :].strip(" -–—:,")
        if not rest:
            return body, ""
        # "Community Safety Partnership Plan" is a title, not a body followed by a title.
        if len(_WORD.findall(rest)) < _MIN_TITLE_WORDS or not _PLAN_WORD.search(rest):
            return None, text
    except TimeoutError:
        return None, text
    return body, rest


def _area(name: str | None) -> str | None:
    if not name:
        return None
    words = name.split()
    while words and _AREA_PREFIX.fullmatch(words[0]):
        words.pop(0)
    kept: list[str] = []
    for word in words:
        if _AREA_STOP.match(word):
            break
        kept.append(word)
    area = " ".join(kept).strip(" ,-–")
    if not area:
        return None
    return area.title() if area.isupper() else area


def _candidates(blocks: Sequence[Block]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for index, block in enumerate(blocks[:_FRONT_LIMIT]):
        if isinstance(block, Table):
            break
        text = block.text.strip()
        if _CONTENTS.match(text) or _VISION.match(text):
            break
        if isinstance(block, Paragraph) and len(text.split()) > _MAX_TITLE_WORDS:
            break
        if isinstance(block, (Heading, Paragraph, ListItem)) and text:
            found.append((index, " ".join(text.split())))
    return found


def read_front_matter(blocks: Sequence[Block]) -> FrontMatter:
    """Read title, partnership, area, period and kind from the opening blocks, and the vision
    from a "Vision" heading and the text under it; nothing where the text is too hostile to
    read in time."""
    try:
        return _read_front_matter(blocks)
    except TimeoutError:
        return FrontMatter()


def _read_front_matter(blocks: Sequence[Block]) -> FrontMatter:
    candidates = _candidates(blocks)
    title: str | None = None
    partnership: str | None = None
    used: set[int] = set()
    for position, (index, text) in enumerate(candidates):
        if _SENTENCE.search(text):
            # "The partnership has agreed the following targets for this plan.": a sentence
            # about the plan is not its title.
            continue
        body, rest = split_partnership(text)
        if body and partnership is None:
            partnership = body
            used.add(index)
        if title is None and rest and _PLAN_WORD.search(rest):
            title = rest
            used.add(index)
            # A title continued on following lines: a bare period, or "& Annual Delivery Plan".
            following = candidates[position + 1 : position + 1 + _TITLE_CONTINUATIONS]
            for follow_index, follow in following:
                if PERIOD_PATTERN.fullmatch(follow.strip()) and not PERIOD_PATTERN.search(title):
                    title = f"{title} {follow}"
                    used.add(follow_index)
                elif follow in ("&", "and"):
                    used.add(follow_index)
                    title = f"{title} {follow}"
                elif title.endswith(("&", "and")) and _PLAN_WORD.search(follow):
                    title = f"{title} {follow}"
                    used.add(follow_index)
                else:
                    break
    if title and title.endswith((" &", " and")):
        title = title.rsplit(" ", 1)[0]
    period = title_period(title) if title else None
    if period is None:
        for _, text in candidates:
            period = find_period(text)
            if period:
                break
    vision, vision_used = _vision(blocks)
    return FrontMatter(
        title=title,
        partnership=partnership,
        area=_area(partnership) or _area(title),
        period=period,
        kind=plan_kind(title) if title else None,
        vision=vision,
        used=frozenset(used | vision_used),
    )


_VISION_IS = lazy(r"\bvision\s+(?:is|statement\s+is|will\s+be)\s*:\s*$", IGNORECASE)


def _vision(blocks: Sequence[Block]) -> tuple[str | None, set[int]]:
    # "To sum up, our vision is:" introduces the statement itself; prefer it to the text
    # straight under a "Vision" heading, which may be a lead-in ("We want people ...").
    for index, block in enumerate(blocks[:-1]):
        if isinstance(block, Table) or not _VISION_IS.search(block.text.strip()):
            continue
        following = blocks[index + 1]
        if isinstance(following, Paragraph) and following.text.strip():
            return following.text.strip().strip('"“”'), {index, index + 1}
    for index, block in enumerate(blocks):
        if isinstance(block, Table) or not _VISION.match(block.text):
            continue
        heading_only = (
            isinstance(block, Heading) or len(block.text.split()) <= _VISION_HEADING_WORDS
        )
        if not heading_only:
            continue
        below = blocks[index + 1 : index + 1 + _VISION_LOOKAHEAD]
        for offset, following in enumerate(below, start=index + 1):
            if isinstance(following, Paragraph) and following.text.strip():
                return following.text.strip().strip('"“”'), {index, offset}
            if isinstance(following, (Heading, Table)):
                break
    return None, set()
