"""Count claims: "four priorities" and the items listed after them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal

from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...model.values import Number
from ...text.numbers import (
    NUMBER_WORDS,
    joined,
    number_word,
)
from ...text.patterns import IGNORECASE, lazy
from .common import FOOTNOTE_MARK, hedged

_COUNT_NOUNS = (
    r"priorities|objectives|aims|themes|areas|outcomes|strands|goals|targets|pledges|commitments"
    r"|principles|workstreams|work\s{1,3}streams|ambitions|action\s{1,3}teams|action\s{1,3}groups"
    r"|panels|challenges|issues|actions|measures|pillars"
)


_PLAN_NOUNS = lazy(
    r"(?i)^(?:priorities|objectives|aims|themes|outcomes|strands|goals|pledges|commitments"
    r"|principles|workstreams|work\s{1,3}streams|ambitions|pillars)$"
)


_COUNT = lazy(
    rf"(?<![\w,.£-])(?P<n>{NUMBER_WORDS}|\d{{1,2}})\s{{1,3}}(?:(?:key|main|strategic|core|overarching|local|clear"
    rf"|broad|new|cross[\s-]cutting|priority|thematic|specific|distinct|major|principal|equal)\s{{1,3}}){{0,2}}"
    rf"(?P<noun>{_COUNT_NOUNS})\b(?!\s{{0,2}}(?:[-–]|of\s{{1,3}}the))",
    IGNORECASE,
)


_LIST_MARK = lazy(r"^[\s\-–•▪▫◦●○■□❖➢➤►·*§]{1,6}")


_STOP_SPACE = lazy(r"[.;]\s")


_SENTENCE_STOP = lazy(r"[.;](?:\s|$)")


_LAST_AND = lazy(r"(?i)\s(?:and|&)\s")


_LEADING_AND = lazy(r"(?i)^(?:and|&)\s")


_LEAD_BEFORE = 40
"""Characters before a count read with the words after it for what makes its list a
selection ("three of our five priorities are ...")."""


_OWN_PLAN_BEFORE = 120
"""Characters before a count read for words tying it to this plan ("our three priorities")."""


_OWN_PLAN_AFTER = 20
"""Characters after a count read for the same."""


_PART_OF_WINDOW = 30
"""Characters before a count read for "of the", which makes it part of a larger count."""


_VERB_WINDOW = 80
"""Characters after a count read for the verb that runs its items in ("are A, B and C")."""


_COLON_WINDOW = 120
"""Most characters between a count and the colon that introduces its items."""


_ITEMS_WINDOW = 1200
"""Characters after that colon read for the items."""


_MAX_ITEMS = 40
"""Most items read after a count's colon."""


_MAX_RUN_IN = 400
"""Longest run-in list ("are A, B and C") read as a count's items."""


_MIN_COUNT = 2
"""Smallest count read as a claim: "one priority" asserts nothing to check."""


def count_claims(
    text: str,
    parts: list[tuple[int, str]],
    following: Sequence[str],
    source: SourceRef,
    depths: Sequence[int] = (),
) -> list[tuple[int, Claim]]:
    """The count claims of ``text`` ("four priorities"), each with the items it counts:
    listed in the text itself, or (where the text ends with a colon) the top-level items
    of the list in ``following``, whose nesting ``depths`` gives where known."""
    matches = list(_COUNT.finditer(text))
    if not matches:
        return []
    introduces = text.rstrip().endswith(":")
    listed_after = _following_items(following, depths) if introduces else ()
    starts = [start for start, _ in parts]
    claims: list[tuple[int, Claim]] = []
    for position, match in enumerate(matches):
        value = number_word(match.group("n"))
        before = text[max(0, match.start() - _PART_OF_WINDOW) : match.start()]
        if (
            value is None
            or value < _MIN_COUNT
            or hedged(text, match.start())
            or _PART_OF.search(before)
        ):
            continue
        noun = " ".join(match.group("noun").lower().split())
        where = bisect.bisect_right(starts, match.start()) - 1
        statement = joined(parts[where][1]) if where >= 0 else joined(text)
        own = bool(
            _PLAN_NOUNS.match(noun)
            and _OWN_PLAN.search(
                text[max(0, match.start() - _OWN_PLAN_BEFORE) : match.end() + _OWN_PLAN_AFTER]
            )
        )
        # Only a count of the plan's own parts is read as short of a run-in list that
        # names fewer ("15 areas of concern: litter, noise and graffiti being ...").
        items = _inline_items(text, match.end(), value, short=own)
        if not items and introduces and position == len(matches) - 1:
            items = listed_after
        if not items and not own:
            # A bare count is kept only where it is about this plan's own structure.
            continue
        figure = Figure(
            role="count",
            value=Number(value=Decimal(value), text=match.group("n")),
            label=noun,
            unit="count",
        )
        claim = Claim(
            id="",
            kind=ClaimKind.COUNT,
            statement=statement,
            figures=(figure,),
            items=items,
            source=source,
        )
        claims.append((match.start(), claim))
    return claims


_PART_OF = lazy(
    rf"(?i)(?:\b(?:of|among|from)\s{{1,3}}(?:the\s{{1,3}}|these\s{{1,3}}|those\s{{1,3}})?|\bup\s{{1,3}}to\s{{1,3}}"
    rf"|\b(?:{NUMBER_WORDS}|\d{{1,2}})\s{{1,3}}out\s{{1,3}}of\s{{1,3}}|\bthese\s{{1,3}}|\bthose\s{{1,3}})$"
)


_OWN_PLAN = lazy(
    r"(?i)\b(?:this|the)\s{1,3}(?:plan|strategy|document|agreement|action\s{1,3}plan|partnership\s{1,3}plan"
    r"|partnership)\b"
    r"|\bour\s{1,3}(?:\w+\s{1,3})?(?:key\s{1,3})?(?:priorities|objectives|aims|themes|outcomes)\b"
    r"|\bwe\s{1,3}(?:have|will|are|set|identified|agreed|chose|selected)\b"
)


_ARE = lazy(
    r"^\s{0,3}(?:for\s{1,3}[^.,:;]{1,40}?\s{1,3})?(?:are|will\s{1,3}be|include)\s{1,3}(?=[a-z])",
    IGNORECASE,
)


_ITEM_SPLIT = lazy(r"(?:^|\s)(?:\d{1,2}[.)]|[a-h][.)]|[ivx]{1,4}[.)]|[•▪◦●❖➢➤►■·])\s{1,3}")


def _inline_items(text: str, position: int, count: int, short: bool = False) -> tuple[str, ...]:
    """Items listed in the same text after a colon: "three areas of work: 1. A 2. B 3. C",
    one per line after it in a table cell, or "three themes: A, B and C" where the commas
    and the last "and" give exactly ``count`` items (an item may itself hold an "and")."""
    colon = text.find(":", position, position + _COLON_WINDOW)
    if colon < 0 or _STOP_SPACE.search(text[position:colon]):
        # "Our three priorities are A, B and C.": run in after the verb, no colon; only a
        # list of exactly the stated number of items counts.
        verb = _ARE.match(text[position : position + _VERB_WINDOW])
        if verb is None:
            return ()
        lead = text[max(0, position - _LEAD_BEFORE) : position + verb.end()]
        return _run_in_items(text[position + verb.end() :], count, lead if short else None)
    tail = text[colon + 1 : colon + 1 + _ITEMS_WINDOW]
    pieces = _ITEM_SPLIT.split(tail, maxsplit=_MAX_ITEMS)
    if len(pieces) >= 3 and not pieces[0].strip():
        items = tuple(joined(piece).strip(" ,;") for piece in pieces[1:])
    elif "\n" in tail.strip():
        items = tuple(joined(line).strip(" ,;") for line in tail.strip().split("\n")[:_MAX_ITEMS])
    else:
        lead = text[max(0, position - _LEAD_BEFORE) : colon]
        items = _run_in_items(tail, count, lead if short else None)
    return items if len(items) >= 2 and all(items) else ()


_PARTIAL = lazy(
    r"(?i)\b(?:include[sd]?|including|such\s{1,3}as|e\.\s?g\.?|for\s{1,3}example|among|amongst"
    r"|plus|as\s{1,3}well\s{1,3}as|others?|etc|notably|especially|particularly|namely\s{1,3}some)\b"
    r"|\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s{1,3}of\s{1,3}"
    r"(?:our|the|its|their|these|those)\b"
)
"""Words that make a list a selection ("include", "such as", "and others", "three of our
five"), or add to it past its last "and" ("plus", "as well as"): its length says nothing
of the count."""


def _run_in_items(tail: str, count: int, lead: str | None = None) -> tuple[str, ...]:
    """The items of a list run in after a count: exactly ``count`` of them on one reading
    of its commas and last "and"; or, given ``lead`` (the words from the count to the list,
    for a count of the plan's own parts), where even splitting at every "and" gives fewer
    and neither ``lead`` nor the list makes it a selection, the items it does name, which
    the audit finds short."""
    sentence_end = _SENTENCE_STOP.search(tail)
    run = joined(tail[: sentence_end.start()] if sentence_end else tail)
    if not run or len(run) > _MAX_RUN_IN:
        return ()
    commas = [piece.strip() for piece in run.split(",")]
    last = _LAST_AND.split(commas[-1].removeprefix("and ").strip(), maxsplit=1)
    readings = [
        tuple(_LEADING_AND.sub("", c).strip() for c in candidate)
        for candidate in ([*commas[:-1], *last], commas)
    ]
    for cleaned in readings:
        if len(cleaned) == count and all(cleaned):
            return cleaned
    most = sum(len(_LAST_AND.split(_LEADING_AND.sub("", c).strip())) for c in commas)
    if (
        len(commas) >= 2
        and most < count
        and all(all(r) for r in readings)
        and lead is not None
        and not _PARTIAL.search(lead)
        and not _PARTIAL.search(run)
    ):
        # Even split at every "and" the list is shorter than its count ("five priorities:
        # A, B, and C and D"): it names fewer, however its items are read. After a comma
        # before the last "and" that part is one item; without one, the "and" ends the list.
        return readings[1] if _LEADING_AND.match(commas[-1]) else readings[0]
    return ()


def _following_items(following: Sequence[str], depths: Sequence[int]) -> tuple[str, ...]:
    """The list items after a count's colon, up to the first empty entry; where the list
    nests ("1." with "1.1" and "1.2" beneath), only its top level, which is what a count
    of priorities or themes counts."""
    collected: list[tuple[str, int]] = []
    for index, entry in enumerate(following):
        cleaned = _LIST_MARK.sub("", entry).strip()
        if not cleaned or FOOTNOTE_MARK.match(cleaned):
            break
        collected.append((cleaned, depths[index] if index < len(depths) else 0))
    top = min((depth for _, depth in collected), default=0)
    return tuple(item for item, depth in collected if depth == top)
