"""Narrative claims: the figures a plan asserts, with the numbers they relate.

Three kinds are read, each only where the wording ties the numbers together, because an
auditor is hurt more by a wrongly extracted claim than by a missed one:

- **change**: "2,581, a reduction of 44%", "425 ..., this was a 13.8% reduction from the
  2007 figure of 493", "3,500, up from 3,100 in 2013", "15% lower than five years ago¹"
  (with the figures of its footnote), "an increase of 11.1% from 2001". A change stated
  with a hedge ("around 20%", "almost 15,000") is not taken, since its figure is not meant
  exactly. Where the sentence gives the end figure but not the start, a baseline stated
  earlier in the same text ("from 4,632 (baseline 2003/04)") is the start.
- **share**: two or more percentages of one whole, each with its label, separated only by
  commas, semicolons or "and": "83% micro, 13% small, 3% medium and 1% large". Two parts
  count only where they make up the whole ("50.9% female and 49.1% male"); three or more
  where they come near it, so a list that misses 100 by a rounding slip is still read
  (and then checked), while "48% here, compared to 45% nationally" is not a share.
- **count**: "four key priorities", "11 key areas", with the items listed after a text
  ending in a colon, passed in ``following``.

Sentences that state a target ("reduce crime by 10% by 2008") make no change claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from ..model.plan import Claim, ClaimKind, Figure
from ..model.source import SourceRef
from ..model.values import Direction, Number, Period
from ..text.numbers import (
    NUMBER,
    NUMBER_WORDS,
    PERCENT,
    blank_markup,
    joined,
    number_word,
    parse_number,
    parse_quantity,
    sentences,
)
from ..text.patterns import IGNORECASE, Match, lazy
from .periods import PERIOD_PATTERN, parse_period
from .targets import report_period, target_sentences
from .timescales import find_dates

__all__ = ["find_claims", "footnotes"]

_DOWN = r"reduction|decrease|fall|drop|cut|decline|lower|fewer|less|down"
_UP = r"increase|rise|growth|improvement|higher|more|greater|up"
_HEDGE = lazy(
    r"(?i)\b(?:around|about|approximately|approx\.?|almost|nearly|over|more\s{1,3}than|less\s{1,3}than"
    r"|some|c\.|circa|up\s{1,3}to|at\s{1,3}least|roughly|just\s{1,3}(?:over|under)|under|estimated)"
    r"\s{1,3}$"
)
_CHANGE = rf"(?:{PERCENT}|{NUMBER}\s{{0,2}}percentage\s{{1,2}}points?\b)"
"""A change as printed: a percentage, or a number of percentage points."""
_PCT_AFTER = lazy(
    rf"(?P<pct>{_CHANGE})(?:\s{{0,2}}\((?P<count>{NUMBER})\))?\s{{1,3}}"
    rf"(?:(?P<down>reduction|decrease|fall|drop|cut|decline)|(?P<up>increase|rise|growth|improvement)"
    rf"|(?P<cmpdown>lower|fewer|less|down)\s{{1,3}}(?:than|on|compared)|(?P<cmpup>higher|more|greater|up)\s{{1,3}}(?:than|on|compared))\b",
    IGNORECASE,
)
_PCT_BEFORE = lazy(
    rf"\b(?:(?P<down>reduction|decrease|fall|drop|cut|decline)|(?P<up>increase|rise|growth|improvement))"
    rf"\s{{1,3}}(?:of|by)\s{{1,3}}(?:(?:[^%,.;:()]|(?<=\d)[,.](?=\d)){{1,40}}?\s{{1,3}}or\s{{1,3}})?(?P<pct>{_CHANGE})",
    IGNORECASE,
)
_PCT_VERB = lazy(
    r"(?<!\b(?:make|makes|made|making|add|adds|added|sum|sums|take|takes|took|end|ends|ended|set|sets"
    r"|build|builds|built|break|breaks|broken|account|accounts|round|rounded|signed|sign)\s{1,3})"
    rf"\b(?:(?P<down>fallen|fell|dropped|decreased|reduced|declined|gone\s{{1,3}}down|went\s{{1,3}}down|down)"
    rf"|(?P<up>risen|rose|increased|grown|grew|gone\s{{1,3}}up|went\s{{1,3}}up|up))"
    rf"\s{{1,3}}(?:by\s{{1,3}})?(?P<pct>{_CHANGE})",
    IGNORECASE,
)
_UP_DOWN_FROM = lazy(
    rf"\b(?:(?P<down>down|decreased|fell|fallen|dropped|reduced)|(?P<up>up|increased|rose|risen|grown))"
    rf"\s{{1,3}}from\s{{1,3}}(?:a\s{{1,3}}(?:total|figure)\s{{1,3}}of\s{{1,3}})?(?P<from>{PERCENT}|{NUMBER})",
    IGNORECASE,
)
_YEARISH = rf"(?:{PERIOD_PATTERN.pattern})"
_FROM = lazy(
    rf"^\s{{0,3}}\(?\s{{0,2}}(?:from|on|compared\s{{1,3}}(?:to|with)|since)\s{{1,3}}(?:the\s{{1,3}}|a\s{{1,3}}|an\s{{1,3}})?"
    rf"(?:(?P<fp1>{_YEARISH})(?:'s)?\s{{1,3}}(?:figure|total|level|baseline|count)\s{{1,3}}(?:of\s{{1,3}})?)?"
    rf"(?P<from>{NUMBER})(?!\s{{0,2}}%|\s{{0,2}}[/\-–]\s{{0,2}}\d)"
    rf"(?:\s{{1,3}}(?:figure\s{{1,3}})?(?:of|in|for)\s{{1,3}}(?P<fp2>{_YEARISH}))?",
    IGNORECASE,
)
_TO_AFTER = lazy(rf"^\s{{1,3}}to\s{{1,3}}(?P<to>{NUMBER})(?!\s{{0,2}}%)", IGNORECASE)
_FORECAST = lazy(r"(?i)\b(?:to|will|would|could|may|might|should|must)\s{1,3}$")
_LINKED_BEFORE = lazy(
    r"(?i)(?:,|–|—|-|;|\(|\band)\s{0,3}(?:(?:this|which|that)\s{1,3}(?:was|is|represents|being|"
    r"was\s{1,3}a|is\s{1,3}a)?\s{0,3})?(?:a|an)?\s{0,3}$"
)
_BASELINE = lazy(
    rf"(?:\bfrom\s{{1,3}}(?P<b1>{NUMBER})\s{{0,3}}\(\s{{0,3}}(?:baseline|base)\b(?P<p1>[^)]{{0,30}})\)"
    rf"|\bbaseline\s{{1,3}}(?:figure|level|total)?\s{{0,3}}(?:for\s{{1,3}}[^.,;()]{{1,40}}\s{{0,3}})?"
    rf"(?:\((?P<p2>[^)]{{1,30}})\)\s{{0,3}})?(?:was|of|is|stood\s{{1,3}}at)\s{{1,3}}(?P<b2>{NUMBER})(?!\s{{0,2}}%))",
    IGNORECASE,
)
_FOOTNOTE_MARK = lazy(
    r"(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|<sup>(?P<sup>\d{1,2})</sup>|\[(?P<br>\d{1,2})\]"
)
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_FOOTNOTE_FIGURE = lazy(
    rf"(?P<period>(?:[A-Z][a-z]{{2,8}}\s{{1,3}})?{_YEARISH})\s{{0,3}}\((?P<value>{NUMBER})\)"
)
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


def find_claims(text: str, source: SourceRef, following: Sequence[str] = ()) -> list[Claim]:
    """Every claim ``text`` makes, in order, with ``id=""`` for the caller to assign.

    ``following`` holds the texts that come right after ``text`` (the items of a list it
    introduces, a footnote), in order; a count claim in a text ending with a colon takes its
    items from there, up to the first empty one, and a footnote marker is resolved there.

    >>> [f.value.text for f in find_claims("It fell to 180, a fall of 10%.", SourceRef())[0].figures]
    ['180', '10%']
    """
    try:
        return _find_claims(blank_markup(text), source, [blank_markup(f) for f in following])
    except TimeoutError:
        return []


def footnotes(texts: Iterable[str]) -> list[str]:
    """The texts that are footnotes: those starting with a marker such as "¹", "<sup>2</sup>"
    or "[3]". A caller appends them to ``following`` so that a claim marked "¹" can read the
    figures its footnote gives, wherever in the document the footnote is printed."""
    return [text for text in texts if _FOOTNOTE_MARK.match(text.strip())]


def _find_claims(text: str, source: SourceRef, following: Sequence[str]) -> list[Claim]:
    found: list[tuple[int, Claim]] = []
    parts = sentences(text)
    # A sentence that states a target, or gives the figures of one, is not also a change claim.
    targeted = target_sentences(text, source)
    for offset, sentence in parts:
        found.extend((offset, claim) for claim in _shares(sentence, source))
        if offset in targeted:
            continue
        found.extend(
            (offset, claim) for claim in _changes(sentence, text[:offset], text, following, source)
        )
    found.extend(_counts(text, parts, following, source))
    found.sort(key=lambda pair: pair[0])
    return [claim for _, claim in found]


_YEAR = lazy(r"(?:19|20)\d{2}")
_FIGURE = lazy(NUMBER)
_PERCENTAGE = lazy(PERCENT)
_PERCENT_AFTER = lazy(r"\s{0,2}(?:%|per\s?cent)")
_PER_BEFORE = lazy(r"(?i)\bper\s{1,3}$")
_PERCENT_WORD = lazy(r"(?i)%|per\s?cent")
_PERCENT_WORD_CASED = lazy(r"%|per\s?cent")
"""A percent sign or "per cent" written in lower case."""
_THIS_WAS = lazy(r"(?i)\b(?:this|which)\s{1,3}(?:was|is)\b")
_DIGIT = lazy(r"\d")
_DASH_END = lazy(r"[,–—-]\s{0,3}$")
_PERIOD_GAP = lazy(r"\)?\s{0,2},?")
_STOP_MARK = lazy(r"[.;]")
_STOP_SPACE = lazy(r"[.;]\s")
_SENTENCE_STOP = lazy(r"[.;](?:\s|$)")
_TWO_LETTERS = lazy(r"[A-Za-z]{2}")
_LAST_AND = lazy(r"(?i)\s(?:and|&)\s")
_LEADING_AND = lazy(r"(?i)^(?:and|&)\s")

_HEDGE_WINDOW = 30
"""Characters before a figure read for a hedge ("around", "almost") or a forecast ("to")."""
_PERIOD_WINDOW = 70
"""Characters before a figure read for the period it is for."""
_FIGURE_WINDOW = 80
"""Characters before a change read for the figure it links to ("2,581, a reduction")."""
_LINK_GAP = 60
"""Most characters between a figure and the change it is linked to."""
_RELATE_WINDOW = 100
"""Characters after a change read for its "from N to M" figures."""
_MOVE_WINDOW = 60
"""Characters after "from N" read for the "to M" it moved to."""
_PERIOD_TAIL = 30
"""Characters after a figure read for the period printed after it ("in 2007/08")."""
_FROM_PERIOD_TAIL = 20
"""Characters after "up from N" read for the period of N."""
_BRACKET_WINDOW = 40
"""Characters after a move read for the change it states in brackets ("(20%)")."""
_COMPARED_WINDOW = 40
"""Characters before a figure read for "compared with", which makes it the start figure."""
_EARLIER_WINDOW = 600
"""Characters of the text before a change read for the baseline it started from."""
_FROM_TO_WINDOW = 200
"""Characters before a change read for a "from N to M" whose M is its end figure."""
_FOOTNOTE_WINDOW = 60
"""Characters after a change read for a footnote mark."""
_TOTAL_WINDOW = 120
"""Characters before a share read for the whole it divides ("of the 2,400 incidents,")."""
_LABEL_WINDOW = 60
"""Characters before a share's first percentage read for its label."""
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


def _is_year(text: str) -> bool:
    return bool(_YEAR.fullmatch(text.strip()))


def _hedged(sentence: str, position: int) -> bool:
    return _HEDGE.search(sentence[max(0, position - _HEDGE_WINDOW) : position]) is not None


def _period_before(sentence: str, position: int) -> Period | None:
    window = sentence[max(0, position - _PERIOD_WINDOW) : position]
    ending = report_period(window)
    if ending is not None and "year" in ending.text.lower() and "end" in ending.text.lower():
        return ending
    last: Period | None = None
    for match in PERIOD_PATTERN.finditer(window):
        found = parse_period(match.group(0))
        if found is not None:
            last = found
    return last


def _last_figure_before(
    sentence: str, position: int, *, rates: bool
) -> tuple[str, int, Match] | None:
    """The characters before ``position`` (:data:`_FIGURE_WINDOW`), where they start, and
    the last figure in them that is neither a year nor a percentage (nor, unless ``rates``,
    the N of "per N")."""
    window_start = max(0, position - _FIGURE_WINDOW)
    window = sentence[window_start:position]
    candidates = [
        m
        for m in _FIGURE.finditer(window)
        if not _is_year(m.group(0))
        and not _PERCENT_AFTER.match(window[m.end() :])
        and (rates or not _PER_BEFORE.search(window[: m.start()]))
    ]
    return (window, window_start, candidates[-1]) if candidates else None


def _figure_before(sentence: str, position: int) -> tuple[Number, int] | None:
    """The nearest plain figure before ``position`` that the wording links to it."""
    found = _last_figure_before(sentence, position, rates=False)
    if found is None:
        return None
    window, window_start, last = found
    between = window[last.end() :]
    if _PERCENT_WORD_CASED.search(between) or len(between) > _LINK_GAP:
        return None
    if not _LINKED_BEFORE.search(between) and not _THIS_WAS.search(between):
        return None
    if _hedged(window, last.start()):
        return None
    number = parse_number(last.group(0))
    return (number, window_start + last.start()) if number else None


def _changes(
    sentence: str, earlier: str, text: str, following: Sequence[str], source: SourceRef
) -> list[Claim]:
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    anchors: list[tuple[Match, str]] = []
    for pattern, kind in ((_PCT_AFTER, "after"), (_PCT_BEFORE, "before"), (_PCT_VERB, "verb")):
        anchors.extend((m, kind) for m in pattern.finditer(sentence))
    anchors.sort(key=lambda pair: pair[0].start())
    statement = joined(sentence)
    for anchor, kind in anchors:
        if _inside(taken, anchor.start("pct")):
            continue
        if _hedged(sentence, anchor.start("pct")) or (
            kind == "before" and _hedged(sentence, anchor.start())
        ):
            continue
        if kind == "before" and _FORECAST.search(
            sentence[max(0, anchor.start() - _HEDGE_WINDOW) : anchor.start()]
        ):
            # "is set to increase by 8.2%": a verb of a forecast or an aim, not a change.
            continue
        change = parse_quantity(anchor.group("pct"))
        if change is None:
            continue
        bisect.insort(taken, (anchor.start(), anchor.end()))
        down = any(anchor.groupdict().get(name) for name in ("down", "cmpdown"))
        direction = Direction.REDUCE if down else Direction.INCREASE
        figures: list[Figure] = []
        start_figure, end_figure = _relate(sentence, anchor, kind, earlier, text, following)
        if start_figure is not None:
            figures.append(start_figure)
        if end_figure is not None:
            figures.append(end_figure)
        unit = "percentage_points" if "point" in change.text.lower() else "percent"
        figures.append(Figure(role="change", value=change, unit=unit))
        count = anchor.groupdict().get("count")
        if count:
            value = parse_number(count)
            if value is not None:
                figures.append(Figure(role="change", value=value, unit="count"))
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.CHANGE,
                statement=statement,
                direction=direction,
                figures=tuple(figures),
                source=source,
            )
        )
    for anchor in _UP_DOWN_FROM.finditer(sentence):
        if _inside(taken, anchor.start()) or _hedged(sentence, anchor.start("from")):
            continue
        claim = _moved_from(sentence, anchor, statement, source)
        if claim is not None and not any(_same_move(claim, other) for other in claims):
            claims.append(claim)
    return claims


def _moved_from(sentence: str, anchor: Match, statement: str, source: SourceRef) -> Claim | None:
    """A change told as a move: "3,500, up from 3,100 in 2013", "dropped from 9,870 to 8,410",
    "62% ..., up from 55% in 2007"."""
    written = anchor.group("from")
    percent = _is_percent_text(written)
    start_value = parse_quantity(written)
    if start_value is None or (not percent and _is_year(written)):
        return None
    unit = "percent" if percent else "count"
    tail = sentence[anchor.end() : anchor.end() + _FROM_PERIOD_TAIL]
    period_match = _AROUND_PERIOD.match(tail)
    start_period = parse_period(period_match.group("p")) if period_match else None
    after_from = anchor.end() + (period_match.end() if period_match else 0)
    end_figure: Figure | None = None
    change: Figure | None = None
    moved_to = _TO_ANY.match(sentence[after_from : after_from + _MOVE_WINDOW])
    if moved_to is not None and _is_percent_text(moved_to.group("to")) == percent:
        value = parse_quantity(moved_to.group("to"))
        if value is not None:
            end = after_from + moved_to.end()
            around = _AROUND_PERIOD.match(sentence[end : end + _PERIOD_TAIL])
            period = parse_period(around.group("p")) if around else None
            end_figure = Figure(role="to", value=value, unit=unit, period=period)
            later = end + (around.end() if around else 0)
            bracket = _BRACKETED_CHANGE.match(sentence[later : later + _BRACKET_WINDOW])
            stated = (
                parse_quantity(bracket.group("pct"))
                if bracket is not None and not percent
                else None
            )
            if stated is not None:
                # "from 210 in 2019/20 to 252 in 2020/21 (20%)": the change, in brackets.
                change = Figure(role="change", value=stated, unit="percent")
    elif percent:
        found = _percent_before(sentence, anchor.start())
        if found is not None:
            end_figure = Figure(
                role="to",
                value=found[0],
                unit=unit,
                period=_period_before(sentence, found[1] + 1),
            )
    else:
        found = _figure_before(sentence, anchor.start())
        if found is not None:
            end_figure = _figure_at(sentence, found[0], found[1], "to")
    if end_figure is None:
        return None
    return Claim(
        id="",
        kind=ClaimKind.CHANGE,
        statement=statement,
        direction=Direction.REDUCE if anchor.group("down") else Direction.INCREASE,
        figures=(
            Figure(role="from", value=start_value, unit=unit, period=start_period),
            end_figure,
            *((change,) if change is not None else ()),
        ),
        source=source,
    )


_BRACKETED_CHANGE = lazy(
    rf"^\s{{0,3}}\(\s{{0,2}}(?:an?\s{{1,3}}(?:increase|rise|reduction|fall|decrease)\s{{1,3}}of\s{{1,3}})?"
    rf"[+\-–−]?\s{{0,2}}(?P<pct>{PERCENT})(?:\s{{1,3}}(?:increase|rise|reduction|fall|decrease|up|down|higher|lower))?\s{{0,2}}\)",
    IGNORECASE,
)


def _same_move(first: Claim, second: Claim) -> bool:
    """True where two claims relate the same start and end figures."""
    return all(
        (a := first.figure(role)) is not None
        and (b := second.figure(role)) is not None
        and a.value == b.value
        for role in ("from", "to")
    )


_TO_ANY = lazy(rf"^\s{{1,3}}to\s{{1,3}}(?P<to>{PERCENT}|{NUMBER})", IGNORECASE)


def _is_percent_text(text: str) -> bool:
    return bool(_PERCENT_WORD.search(text))


def _percent_before(sentence: str, position: int) -> tuple[Number, int] | None:
    """The percentage a comma-linked "up from 55%" moved from: "62% of residents ..., up"."""
    window_start = max(0, position - _FIGURE_WINDOW)
    window = sentence[window_start:position]
    found = list(_PERCENTAGE.finditer(window))
    if not found:
        return None
    last = found[-1]
    between = window[last.end() :]
    if _DIGIT.search(between) or not _DASH_END.search(between):
        return None
    if _hedged(window, last.start()):
        return None
    value = parse_quantity(last.group(0))
    return (value, window_start + last.start()) if value else None


def _inside(taken: list[tuple[int, int]], position: int) -> bool:
    """True where ``position`` falls in one of the sorted, non-overlapping spans."""
    index = bisect.bisect_right(taken, (position, 1 << 62)) - 1
    return index >= 0 and taken[index][0] <= position < taken[index][1]


def _relate(
    sentence: str,
    anchor: Match,
    kind: str,
    earlier: str,
    text: str,
    following: Sequence[str],
) -> tuple[Figure | None, Figure | None]:
    """The start and end figures a change phrase relates, where the wording ties them to it."""
    after_at = anchor.end()
    points = "point" in anchor.group("pct").lower()
    after = sentence[after_at : after_at + _RELATE_WINDOW]
    start_figure: Figure | None = None
    end_figure: Figure | None = None
    from_match = _FROM.match(after)
    unusable = from_match is None or _from_figure(from_match) is None  # "since 2010"
    since = _SINCE.match(after) if unusable else None
    if since is not None:
        # "has fallen by 23% since 2010, from 12,400 to 9,548": the figures after the span.
        later = _FROM.match(after[since.end() :])
        if later is not None and _from_figure(later) is not None:
            after_at += since.end()
            after = sentence[after_at : after_at + _RELATE_WINDOW]
            from_match = later
    if from_match is not None:
        start_figure = _from_figure(from_match)
        if start_figure is not None:
            end_figure = _to_after(sentence, after_at + from_match.end(), points)
    else:
        end_figure = _to_after(sentence, after_at, points)
        period_first = _AROUND_PERIOD.match(after) or _LAST_YEAR.match(after)
        if end_figure is None and period_first is not None:
            # "rose by 14% in 2017/18, to 1,596 offences": the period, then the figure.
            skip = _PERIOD_GAP.match(after[period_first.end() :])
            gap = period_first.end() + (skip.end() if skip else 0)
            end_figure = _to_after(sentence, after_at + gap, points)
            if end_figure is not None and end_figure.period is None and period_first.group("p"):
                period = parse_period(period_first.group("p"))
                end_figure = attrs.evolve(end_figure, period=period)
    if end_figure is None and kind in ("after", "before"):
        found = _figure_before(sentence, anchor.start())
        if found is not None:
            value, position = found
            window = max(0, position - _COMPARED_WINDOW)
            compared = _COMPARED.search(sentence[window:position])
            if compared is not None and start_figure is None:
                # "1,250 in 2008/09 compared with 1,420 in 2007/08, a fall of 12%": the figure
                # next to the change is the start; the end is the one before "compared".
                phrase_at = window + compared.start()
                start_figure = _figure_at(sentence, value, position, "from")
                earlier_figure = _plain_figure_before(sentence, phrase_at)
                end_figure = (
                    _figure_at(sentence, earlier_figure[0], earlier_figure[1], "to")
                    if earlier_figure is not None
                    else None
                )
                if end_figure is None:
                    start_figure = None
            else:
                end_figure = _figure_at(sentence, value, position, "to")
    if start_figure is None and end_figure is not None:
        before = sentence[max(0, anchor.start() - _EARLIER_WINDOW) : anchor.start()]
        start_figure = _from_to_before(before, end_figure) or _baseline_before(
            earlier[-_EARLIER_WINDOW:] + before
        )
    if start_figure is None and end_figure is None and kind == "after":
        pair = _footnote_figures(sentence, anchor.end(), text, following)
        if pair is not None:
            start_figure, end_figure = pair
    return start_figure, end_figure


_LAST_YEAR = lazy(
    r"^\s{1,3}(?:last|this|over\s{1,3}the\s{1,3}(?:last|past)(?:\s{1,3}\w{1,8})?)\s{1,3}"
    r"(?:years|year|twelve\s{1,3}months|12\s{1,3}months)\b(?P<p>)",
    IGNORECASE,
)
"""A span named in words between a change and its figure: "fell 6% last year, to 10,340"."""
_SINCE = lazy(
    rf"^\s{{1,3}}(?:(?:since|over|in|during|between)\s{{1,3}}(?:the\s{{1,3}}(?:last|past)\s{{1,3}}\w{{1,8}}\s{{1,3}}years?"
    rf"|(?:{PERIOD_PATTERN.pattern}|(?:19|20)\d{{2}})(?:\s{{1,3}}(?:and|to)\s{{1,3}}(?:{PERIOD_PATTERN.pattern}|(?:19|20)\d{{2}}))?)\s{{0,2}},"
    rf"|(?:on|compared\s{{1,3}}(?:with|to))\s{{1,3}}(?:the\s{{1,3}})?(?:previous|last|preceding)\s{{1,3}}(?:year|12\s{{1,3}}months)\s{{0,2}},?)",
    IGNORECASE,
)
"""A span between a change and its figures: "since 2010,", "on the previous year"."""
_COMPARED = lazy(
    r"(?i)\b(?:compared\s{1,3}(?:with|to)|against|versus|vs\.?|from)\s{1,3}(?:the\s{1,3})?"
    r"(?:[\w/]{1,12}\s{1,3}){0,3}$"
)
_AROUND_PERIOD = lazy(
    rf"^(?:\s{{1,3}}(?:in|for|during|at\s{{1,3}}the\s{{1,3}}end\s{{1,3}}of)\s{{1,3}}|\s{{0,3}}\(\s{{0,2}})(?P<p>{PERIOD_PATTERN.pattern})",
    IGNORECASE,
)
_FROM_TO = lazy(
    rf"\bfrom\s{{1,3}}(?P<from>{NUMBER})(?!\s{{0,2}}%)(?P<gap>[^%.;]{{0,40}}?)\s{{1,3}}to\s{{1,3}}(?P<to>{NUMBER})(?!\s{{0,2}}%)",
    IGNORECASE,
)


def _figure_at(sentence: str, value: Number, position: int, role: str) -> Figure:
    """A figure found at ``position``, with the period printed just after or before it."""
    end = position + len(value.text)
    around = _AROUND_PERIOD.match(sentence[end : end + _PERIOD_TAIL])
    period = parse_period(around.group("p")) if around else _period_before(sentence, position + 1)
    return Figure(role=role, value=value, unit="count", period=period)


def _to_after(sentence: str, position: int, points: bool = False) -> Figure | None:
    """The "to N" just after ``position``; "to 68%" only after a change in points, since after
    "fell by 2%" a percentage could be read two ways."""
    match = (_TO_ANY if points else _TO_AFTER).match(sentence[position : position + _MOVE_WINDOW])
    if match is None or (points and not _is_percent_text(match.group("to"))):
        return None
    value = parse_quantity(match.group("to"))
    if value is None:
        return None
    end = position + match.end()
    around = _AROUND_PERIOD.match(sentence[end : end + _PERIOD_TAIL])
    period = parse_period(around.group("p")) if around else None
    unit = "percent" if points else "count"
    return Figure(role="to", value=value, unit=unit, period=period)


def _plain_figure_before(sentence: str, position: int) -> tuple[Number, int] | None:
    """The nearest figure before ``position`` with no percentage or other figure between."""
    found = _last_figure_before(sentence, position, rates=True)
    if found is None:
        return None
    window, window_start, last = found
    if _PERCENT_WORD_CASED.search(window[last.end() :]) or _hedged(window, last.start()):
        return None
    value = parse_number(last.group(0))
    return (value, window_start + last.start()) if value else None


def _from_to_before(before: str, end_figure: Figure) -> Figure | None:
    """The start of a "from N to M" earlier in the sentence whose M is the end figure."""
    last: Match | None = None
    for match in _FROM_TO.finditer(before[-_FROM_TO_WINDOW:]):
        last = match
    if last is None or last.group("to") != end_figure.value.text:
        return None
    value = parse_number(last.group("from"))
    if value is None:
        return None
    gap = _AROUND_PERIOD.match(last.group("gap"))
    period = parse_period(gap.group("p")) if gap else None
    return Figure(role="from", value=value, unit="count", period=period)


def _from_figure(match: Match) -> Figure | None:
    if _is_year(match.group("from")):
        return None
    value = parse_number(match.group("from"))
    if value is None:
        return None
    period_text = match.group("fp1") or match.group("fp2")
    period = parse_period(period_text) if period_text else None
    return Figure(role="from", value=value, unit="count", period=period)


def _baseline_before(earlier: str) -> Figure | None:
    last: Match | None = None
    for match in _BASELINE.finditer(earlier[-_EARLIER_WINDOW:]):
        last = match
    if last is None:
        return None
    value = parse_number(last.group("b1") or last.group("b2"))
    if value is None:
        return None
    period_text = last.group("p1") or last.group("p2") or ""
    period_match = PERIOD_PATTERN.search(period_text)
    period = parse_period(period_match.group(0)) if period_match else None
    return Figure(role="from", value=value, label="baseline", unit="count", period=period)


def _footnote_figures(
    sentence: str, position: int, text: str, following: Sequence[str]
) -> tuple[Figure, Figure] | None:
    """The two figures a footnote marked just after a claim gives: "December 2005 (27,889)
    compared to December 2010 (23,462)", earlier period first."""
    window = sentence[position : position + _FOOTNOTE_WINDOW]
    mark = _FOOTNOTE_MARK.search(window)
    if mark is None or _STOP_MARK.search(window[: mark.start()]):
        return None
    key = (
        (mark.group("mark") or "").translate(_SUPERSCRIPTS) or mark.group("sup") or mark.group("br")
    )
    for line in [*text.split("\n"), *following]:
        stripped = line.strip()
        lead = _FOOTNOTE_MARK.match(stripped)
        if lead is None or lead.start() != 0:
            continue
        lead_key = (
            (lead.group("mark") or "").translate(_SUPERSCRIPTS)
            or lead.group("sup")
            or lead.group("br")
        )
        if lead_key != key or stripped == sentence.strip():
            continue
        found = list(_FOOTNOTE_FIGURE.finditer(stripped))
        if len(found) != 2:
            return None
        figures: list[tuple[Period | None, Figure]] = []
        for match in found:
            value = parse_number(match.group("value"))
            if value is None:
                return None
            period = _named_period(match.group("period"))
            figures.append(
                (period, Figure(role="from", value=value, unit="count", period=period, label=None))
            )
        first, second = figures
        if (
            first[0]
            and second[0]
            and first[0].start
            and second[0].start
            and first[0].start > second[0].start
        ):
            first, second = second, first
        to = second[1]
        return first[1], Figure(role="to", value=to.value, unit="count", period=to.period)
    return None


def _named_period(text: str) -> Period | None:
    spans = find_dates(text)
    if not spans:
        return parse_period(text)
    span = spans[0]
    return Period(text=" ".join(text.split()), start=span.start, end=span.end)


def _shares(sentence: str, source: SourceRef) -> list[Claim]:
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    groups = (
        (_labels_after(sentence), _MIN_SHARE_PARTS, False),
        (_labels_before(sentence), _MIN_LABEL_FIRST_PARTS, True),
    )
    for group, minimum, label_first in groups:
        for parts in group:
            if len(parts) < minimum or any(_inside(taken, start) for start, _, _ in parts):
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
    for match in _PERCENTAGE.finditer(sentence):
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
    if any(_hedged(sentence, start) for start, _, _ in parts):
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


def _counts(
    text: str, parts: list[tuple[int, str]], following: Sequence[str], source: SourceRef
) -> list[tuple[int, Claim]]:
    matches = list(_COUNT.finditer(text))
    if not matches:
        return []
    introduces = text.rstrip().endswith(":")
    listed_after = _following_items(following) if introduces else ()
    starts = [start for start, _ in parts]
    claims: list[tuple[int, Claim]] = []
    for position, match in enumerate(matches):
        value = number_word(match.group("n"))
        before = text[max(0, match.start() - _PART_OF_WINDOW) : match.start()]
        if (
            value is None
            or value < _MIN_COUNT
            or _hedged(text, match.start())
            or _PART_OF.search(before)
        ):
            continue
        noun = " ".join(match.group("noun").lower().split())
        where = bisect.bisect_right(starts, match.start()) - 1
        statement = joined(parts[where][1]) if where >= 0 else joined(text)
        items = _inline_items(text, match.end(), value)
        if not items and introduces and position == len(matches) - 1:
            items = listed_after
        if not items and not (
            _PLAN_NOUNS.match(noun)
            and _OWN_PLAN.search(
                text[max(0, match.start() - _OWN_PLAN_BEFORE) : match.end() + _OWN_PLAN_AFTER]
            )
        ):
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


def _inline_items(text: str, position: int, count: int) -> tuple[str, ...]:
    """Items listed in the same text after a colon: "three areas of work: 1. A 2. B 3. C",
    one per line after it in a table cell, or "three themes: A, B and C" where the commas
    and the last "and" give exactly ``count`` items (an item may itself hold an "and")."""
    colon = text.find(":", position, position + _COLON_WINDOW)
    if colon < 0 or _STOP_SPACE.search(text[position:colon]):
        # "Our three priorities are A, B and C.": run in after the verb, no colon; only a
        # list of exactly the stated number of items counts.
        verb = _ARE.match(text[position : position + _VERB_WINDOW])
        return _run_in_items(text[position + verb.end() :], count) if verb else ()
    tail = text[colon + 1 : colon + 1 + _ITEMS_WINDOW]
    pieces = _ITEM_SPLIT.split(tail, maxsplit=_MAX_ITEMS)
    if len(pieces) >= 3 and not pieces[0].strip():
        items = tuple(joined(piece).strip(" ,;") for piece in pieces[1:])
    elif "\n" in tail.strip():
        items = tuple(joined(line).strip(" ,;") for line in tail.strip().split("\n")[:_MAX_ITEMS])
    else:
        items = _run_in_items(tail, count)
    return items if len(items) >= 2 and all(items) else ()


def _run_in_items(tail: str, count: int) -> tuple[str, ...]:
    sentence_end = _SENTENCE_STOP.search(tail)
    run = joined(tail[: sentence_end.start()] if sentence_end else tail)
    if not run or len(run) > _MAX_RUN_IN:
        return ()
    commas = [piece.strip() for piece in run.split(",")]
    last = _LAST_AND.split(commas[-1].removeprefix("and ").strip(), maxsplit=1)
    for candidate in ([*commas[:-1], *last], commas):
        cleaned = tuple(_LEADING_AND.sub("", c).strip() for c in candidate)
        if len(cleaned) == count and all(cleaned):
            return cleaned
    return ()


def _following_items(following: Sequence[str]) -> tuple[str, ...]:
    collected: list[str] = []
    for entry in following:
        cleaned = _LIST_MARK.sub("", entry).strip()
        if not cleaned or _FOOTNOTE_MARK.match(cleaned):
            break
        collected.append(cleaned)
    return tuple(collected)
