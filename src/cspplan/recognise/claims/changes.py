"""Change claims: a figure that moved, with its start, end and stated change."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...model.values import Direction, Number, Period
from ...text.numbers import (
    NUMBER,
    PERCENT,
    joined,
    parse_number,
    parse_quantity,
    sentences,
)
from ...text.patterns import IGNORECASE, Match, lazy
from ..periods import PERIOD_PATTERN, parse_period
from ..timescales import find_dates
from .common import (
    FOOTNOTE_MARK,
    HEDGE_WINDOW,
    PERCENTAGE,
    hedged,
    inside,
    is_percent_text,
    is_year,
    period_before,
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
    rf"^\s{{0,3}}(?:,\s{{0,3}}(?=from\b))?\(?\s{{0,2}}(?:from|on|compared\s{{1,3}}(?:to|with)|since)\s{{1,3}}(?:the\s{{1,3}}|a\s{{1,3}}|an\s{{1,3}})?"
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


_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


_FOOTNOTE_FIGURE = lazy(
    rf"(?P<period>(?:[A-Z][a-z]{{2,8}}\s{{1,3}})?{_YEARISH})\s{{0,3}}\((?P<value>{NUMBER})\)"
)


_FIGURE = lazy(NUMBER)


_PERCENT_AFTER = lazy(r"\s{0,2}(?:%|per\s?cent)")


_PER_BEFORE = lazy(r"(?i)\bper\s{1,3}$")


_PERCENT_WORD_CASED = lazy(r"%|per\s?cent")
"""A percent sign or "per cent" written in lower case."""


_THIS_WAS = lazy(r"(?i)\b(?:this|which)\s{1,3}(?:was|is)\b")


_DIGIT = lazy(r"\d")


_DASH_END = lazy(r"[,–—-]\s{0,3}$")


_PERIOD_GAP = lazy(r"\)?\s{0,2},?")


_STOP_MARK = lazy(r"[.;]")


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
        if not is_year(m.group(0))
        and not _PERCENT_AFTER.match(window[m.end() :])
        and (rates or not _PER_BEFORE.search(window[: m.start()]))
    ]
    return (window, window_start, candidates[-1]) if candidates else None


def figure_before(sentence: str, position: int) -> tuple[Number, int] | None:
    """The nearest plain figure before ``position`` that the wording links to it ("2,581, a
    reduction": a comma, a dash, "and" or "this was" between), with where it starts."""
    found = _last_figure_before(sentence, position, rates=False)
    if found is None:
        return None
    window, window_start, last = found
    between = window[last.end() :]
    if _PERCENT_WORD_CASED.search(between) or len(between) > _LINK_GAP:
        return None
    if not _LINKED_BEFORE.search(between) and not _THIS_WAS.search(between):
        return None
    if hedged(window, last.start()):
        return None
    number = parse_number(last.group(0))
    return (number, window_start + last.start()) if number else None


Spanned = tuple[int, int, Claim]
"""A claim with the span of the sentence its wording covers (start, end)."""


def change_claims(
    sentence: str, earlier: str, text: str, following: Sequence[str], source: SourceRef
) -> list[Spanned]:
    """The change claims of one sentence, each with the span its wording covers; the
    caller folds those that state the same move into one (:mod:`.merge`)."""
    claims: list[Spanned] = []
    taken: list[tuple[int, int]] = []
    anchors: list[tuple[Match, str]] = []
    for pattern, kind in ((_PCT_AFTER, "after"), (_PCT_BEFORE, "before"), (_PCT_VERB, "verb")):
        anchors.extend((m, kind) for m in pattern.finditer(sentence))
    anchors.sort(key=lambda pair: pair[0].start())
    statement = joined(sentence)
    for anchor, kind in anchors:
        if inside(taken, anchor.start("pct")):
            continue
        if hedged(sentence, anchor.start("pct")) or (
            kind == "before" and hedged(sentence, anchor.start())
        ):
            continue
        if kind == "before" and _FORECAST.search(
            sentence[max(0, anchor.start() - HEDGE_WINDOW) : anchor.start()]
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
        claim = Claim(
            id="",
            kind=ClaimKind.CHANGE,
            statement=statement,
            direction=direction,
            figures=tuple(figures),
            source=source,
        )
        claims.append((anchor.start(), anchor.end(), claim))
    for anchor in _UP_DOWN_FROM.finditer(sentence):
        if inside(taken, anchor.start()) or hedged(sentence, anchor.start("from")):
            continue
        moved = _moved_from(sentence, anchor, statement, source)
        if moved is not None and not any(same_move(moved[0], other) for _, _, other in claims):
            claims.append((anchor.start(), moved[1], moved[0]))
    return claims


def _moved_from(
    sentence: str, anchor: Match, statement: str, source: SourceRef
) -> tuple[Claim, int] | None:
    """A change told as a move: "3,500, up from 3,100 in 2013", "dropped from 9,870 to 8,410",
    "went down from 2,640 offences to 2,310", "62% ..., up from 55% in 2007"; with where
    its wording ends."""
    written = anchor.group("from")
    percent = is_percent_text(written)
    start_value = parse_quantity(written)
    if start_value is None or (not percent and is_year(written)):
        return None
    unit = "percent" if percent else "count"
    tail = sentence[anchor.end() : anchor.end() + _FROM_PERIOD_TAIL]
    period_match = _AROUND_PERIOD.match(tail)
    start_period = parse_period(period_match.group("p")) if period_match else None
    after_from = anchor.end() + (period_match.end() if period_match else 0)
    if period_match is None:
        # "from 2,640 offences to 2,310": the unit named after the first figure only.
        noun = _UNIT_WORDS.match(sentence[after_from : after_from + _MOVE_WINDOW])
        after_from += noun.end() if noun else 0
    finish = anchor.end()
    end_figure: Figure | None = None
    change: Figure | None = None
    moved_to = _TO_ANY.match(sentence[after_from : after_from + _MOVE_WINDOW])
    if moved_to is not None and is_percent_text(moved_to.group("to")) == percent:
        value = parse_quantity(moved_to.group("to"))
        if value is not None:
            end = after_from + moved_to.end()
            around = _AROUND_PERIOD.match(sentence[end : end + _PERIOD_TAIL])
            period = parse_period(around.group("p")) if around else None
            end_figure = Figure(role="to", value=value, unit=unit, period=period)
            later = end + (around.end() if around else 0)
            finish = later
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
                period=period_before(sentence, found[1] + 1),
            )
    else:
        found = figure_before(sentence, anchor.start())
        if found is not None:
            end_figure = _figure_at(sentence, found[0], found[1], "to")
    if end_figure is None:
        return None
    claim = Claim(
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
    return claim, finish


_UNIT_WORDS = lazy(
    r"^(?:\s{1,3}(?!(?:to|and|or|but|in|for|of|on|by|at|from|than|with)\b)[a-z][a-z\-]{2,20}){1,2}(?=\s{1,3}to\s)"
)
"""One or two lower-case words naming the unit between "from N" and "to M" ("offences")."""


_BRACKETED_CHANGE = lazy(
    rf"^\s{{0,3}}\(\s{{0,2}}(?:an?\s{{1,3}}(?:increase|rise|reduction|fall|decrease)\s{{1,3}}of\s{{1,3}})?"
    rf"[+\-–−]?\s{{0,2}}(?P<pct>{PERCENT})(?:\s{{1,3}}(?:increase|rise|reduction|fall|decrease|up|down|higher|lower))?\s{{0,2}}\)",
    IGNORECASE,
)


def same_move(first: Claim, second: Claim) -> bool:
    """True where two claims relate the same start and end figures (both must have them)."""
    return all(
        (a := first.figure(role)) is not None
        and (b := second.figure(role)) is not None
        and a.value == b.value
        for role in ("from", "to")
    )


_TO_ANY = lazy(rf"^\s{{1,3}}to\s{{1,3}}(?P<to>{PERCENT}|{NUMBER})", IGNORECASE)


def _percent_before(sentence: str, position: int) -> tuple[Number, int] | None:
    """The percentage a comma-linked "up from 55%" moved from: "62% of residents ..., up"."""
    window_start = max(0, position - _FIGURE_WINDOW)
    window = sentence[window_start:position]
    found = list(PERCENTAGE.finditer(window))
    if not found:
        return None
    last = found[-1]
    between = window[last.end() :]
    if _DIGIT.search(between) or not _DASH_END.search(between):
        return None
    if hedged(window, last.start()):
        return None
    value = parse_quantity(last.group(0))
    return (value, window_start + last.start()) if value else None


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
    if from_match is None and (
        anchor.groupdict().get("cmpdown") or anchor.groupdict().get("cmpup")
    ):
        # "12% fewer than the 1,160 recorded in 2020": the figure compared with is the start.
        from_match = _THAN_FIGURE.match(after) if anchor.group(0).lower().endswith("than") else None
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
            at = after_at + from_match.end()
            noun = _UNIT_WORDS.match(sentence[at : at + _MOVE_WINDOW])
            end_figure = _to_after(sentence, at + (noun.end() if noun else 0), points)
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
    if start_figure is None and end_figure is None:
        # "reduced by 17 per cent: 150 offences compared with 180 last year".
        start_figure, end_figure = _compared_after(sentence, anchor.end())
    if end_figure is None and kind in ("after", "before"):
        found = figure_before(sentence, anchor.start())
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
        # "to 426 offences (2021/22: 400)": the old figure in brackets after the new one.
        start_figure, end_figure = _prior_in_brackets(sentence, anchor, end_figure)
    if start_figure is None and end_figure is not None:
        before = sentence[max(0, anchor.start() - _EARLIER_WINDOW) : anchor.start()]
        start_figure = (
            _from_to_before(before, end_figure)
            or _baseline_before(earlier[-_EARLIER_WINDOW:] + before)
            or _referred_back(sentence, earlier[-_EARLIER_WINDOW:])
        )
    if start_figure is None and end_figure is None and kind == "after":
        pair = _footnote_figures(sentence, anchor.end(), text, following)
        if pair is not None:
            start_figure, end_figure = pair
    if start_figure is None and end_figure is None:
        pair = _next_sentence_figures(sentence, anchor.end(), earlier, text)
        if pair is not None:
            start_figure, end_figure = pair
    return start_figure, end_figure


_PRIOR_PAIR = lazy(
    rf"(?P<to>{NUMBER})(?!\s{{0,2}}%)(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,3}}\s{{0,3}}\(\s{{0,2}}"
    rf"(?:(?P<p>{_YEARISH})|(?:the\s{{1,3}})?(?:previous|last|prior)\s{{1,3}}year)"
    rf"(?:\s{{1,3}}(?:figure|total))?\s{{0,2}}[:=]\s{{0,2}}(?P<from>{NUMBER})(?!\s{{0,2}}%)\s{{0,2}}\)",
    IGNORECASE,
)
"""A figure with the one it is compared with in brackets: "426 offences (2021/22: 400)"."""


_PAIR_WINDOW = 120
"""Most characters between a change and the bracketed pair of figures it relates."""


def _prior_in_brackets(
    sentence: str, anchor: Match, end_figure: Figure
) -> tuple[Figure | None, Figure]:
    """The start figure printed in brackets after the end figure ("to 426 offences
    (2021/22: 400)"), with the end figure; where the figure read as the end is the
    bracketed one ("426 (2021/22: 400), a rise of 6.5%"), the figure before the brackets
    becomes the end."""
    low = max(0, anchor.start() - _PAIR_WINDOW)
    for pair in _PRIOR_PAIR.finditer(sentence, low, anchor.end() + _PAIR_WINDOW):
        start_value = parse_number(pair.group("from"))
        end_value = parse_number(pair.group("to"))
        if start_value is None or end_value is None or is_year(pair.group("to")):
            continue
        text = end_figure.value.text
        if text not in (pair.group("to"), pair.group("from")):
            continue
        period = parse_period(pair.group("p")) if pair.group("p") else None
        start = Figure(role="from", value=start_value, unit="count", period=period)
        if text == pair.group("from") and pair.end() <= anchor.start():
            end_figure = Figure(role="to", value=end_value, unit="count")
        return start, end_figure
    return None, end_figure


_THEN_COMPARED = lazy(
    rf"^(?:\s{{1,3}}(?:(?:than\s{{1,3}})?in|on|since)\s{{1,3}}{_YEARISH}|\s{{1,3}}(?:this|last)\s{{1,3}}year)?"
    rf"\s{{0,3}}[:(–—-]\s{{0,3}}(?P<to>{NUMBER})(?!\s{{0,2}}%)(?:\s{{1,3}}[a-z][a-z\-]{{1,20}}){{0,3}}?"
    rf"(?:\s{{1,3}}(?:this\s{{1,3}}year|in\s{{1,3}}{_YEARISH}))?,?\s{{1,3}}(?:compared\s{{1,3}}(?:with|to)|against|versus|vs\.?)"
    rf"\s{{1,3}}(?:the\s{{1,3}})?(?P<from>{NUMBER})(?!\s{{0,2}}%|\s{{0,2}}[/\-–]\s{{0,2}}\d)",
    IGNORECASE,
)
"""The figures after a change and a colon or bracket: ": 150 offences compared with 180 last
year", "higher than in 2019 (230 compared with 200)"."""


_THAN_FIGURE = lazy(
    rf"^\s{{1,3}}(?:the\s{{1,3}}|(?:last|the\s{{1,3}}previous)\s{{1,3}}year'?s\s{{1,3}})?(?P<fp1>)(?P<from>{NUMBER})"
    rf"(?!\s{{0,2}}(?:%|per\s?cent)|\s{{0,2}}[/\-–]\s{{0,2}}\d)"
    rf"(?:(?:\s{{1,3}}[a-z]{{2,12}})?\s{{1,3}}in\s{{1,3}}(?P<fp2>{_YEARISH}))?",
    IGNORECASE,
)
"""The figure a comparison is made with: "12% fewer than| the 1,160 recorded in 2020"."""


def _compared_after(sentence: str, position: int) -> tuple[Figure | None, Figure | None]:
    """The start and end figures a change is followed by, as ": N compared with M"."""
    match = _THEN_COMPARED.match(sentence[position : position + _RELATE_WINDOW])
    if match is None or is_year(match.group("to")) or is_year(match.group("from")):
        return None, None
    new = parse_number(match.group("to"))
    old = parse_number(match.group("from"))
    if new is None or old is None:
        return None, None
    return (
        Figure(role="from", value=old, unit="count"),
        Figure(role="to", value=new, unit="count"),
    )


_SINCE_PERIOD = lazy(
    rf"(?i)^\s{{1,3}}since\s{{1,3}}(?P<p>{PERIOD_PATTERN.pattern})\s{{0,3}}[.;]?\s{{0,3}}$"
)
_FIGURE_IN = lazy(
    rf"(?<![\w/£])(?P<n>{NUMBER})(?![\w/%]|\s{{0,2}}per\s?cent)(?:\s{{1,3}}[a-z-]{{2,20}}){{0,3}}?\s{{1,3}}in\s{{1,3}}"
    rf"(?P<p>{PERIOD_PATTERN.pattern})",
    IGNORECASE,
)


def _next_sentence_figures(
    sentence: str, position: int, earlier: str, text: str
) -> tuple[Figure, Figure] | None:
    """The figures a change "since <period>" ending its sentence gets from the next one:
    "Burglary has fallen by 18% since 2004/05. There were 1,020 burglaries in 2004/05 and
    796 in 2006/07." The next sentence must give exactly two figures, each "in" a period,
    one of them the period the change runs from, and no percentage."""
    since = _SINCE_PERIOD.match(sentence[position:])
    start = len(earlier)  # the caller's ``earlier`` is the text before ``sentence``
    if since is None or not text.startswith(sentence, start):
        return None
    base_period = parse_period(since.group("p"))
    following = sentences(text[start + len(sentence) :])
    if base_period is None or not following or "%" in following[0][1]:
        return None
    figures: list[Figure] = []
    for match in _FIGURE_IN.finditer(following[0][1]):
        value = parse_number(match.group("n"))
        period = parse_period(match.group("p"))
        if value is None or period is None:
            return None
        figures.append(Figure(role="from", value=value, unit="count", period=period))
    starts = [f for f in figures if f.period == base_period]
    ends = [f for f in figures if f.period != base_period]
    if len(figures) != 2 or len(starts) != 1:
        return None
    end = ends[0]
    return starts[0], Figure(role="to", value=end.value, unit="count", period=end.period)


_LAST_YEAR = lazy(
    r"^\s{1,3}(?:last|this|over\s{1,3}the\s{1,3}(?:last|past)(?:\s{1,3}\w{1,8})?)\s{1,3}"
    r"(?:years|year|twelve\s{1,3}months|12\s{1,3}months)\b(?P<p>)",
    IGNORECASE,
)
"""A span named in words between a change and its figure: "fell 6% last year, to 10,340"."""


_SINCE = lazy(
    rf"^\s{{1,3}}(?:(?:since|over|in|during|between)\s{{1,3}}(?:(?:the\s{{1,3}}(?:last|past)\s{{1,3}})?\w{{1,8}}\s{{1,3}}(?:years?|months)|the\s{{1,3}}(?:year|twelve\s{{1,3}}months|12\s{{1,3}}months)"
    rf"|(?:{PERIOD_PATTERN.pattern}|(?:19|20)\d{{2}})(?:\s{{1,3}}(?:and|to)\s{{1,3}}(?:{PERIOD_PATTERN.pattern}|(?:19|20)\d{{2}}))?)\s{{0,2}},"
    rf"|(?:on|compared\s{{1,3}}(?:with|to))\s{{1,3}}(?:the\s{{1,3}})?(?:previous|last|preceding)\s{{1,3}}(?:year|12\s{{1,3}}months)\s{{0,2}},?"
    rf"|(?:this|last)\s{{1,3}}(?:financial\s{{1,3}})?(?:year|quarter|twelve\s{{1,3}}months|12\s{{1,3}}months)\s{{0,2}},?)",
    IGNORECASE,
)
"""A span between a change and its figures: "since 2010,", "over three years,", "on the previous
year", "this year,"."""


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
    period = parse_period(around.group("p")) if around else period_before(sentence, position + 1)
    return Figure(role=role, value=value, unit="count", period=period)


def _to_after(sentence: str, position: int, points: bool = False) -> Figure | None:
    """The "to N" just after ``position``; "to 68%" only after a change in points, since after
    "fell by 2%" a percentage could be read two ways."""
    match = (_TO_ANY if points else _TO_AFTER).match(sentence[position : position + _MOVE_WINDOW])
    if match is None or (points and not is_percent_text(match.group("to"))):
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
    if _PERCENT_WORD_CASED.search(window[last.end() :]) or hedged(window, last.start()):
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
    if is_year(match.group("from")):
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


_REFERS_BACK = lazy(
    r"(?i)^\W{0,3}(?:(?:by|in|during|over)\s{1,3}[\w/ ]{2,25},?\s{1,3})?"
    r"(?:this|that|these|the\s{1,3}(?:number|figure|total|count|level)s?)\b"
    r"(?:\s{1,3}(?:figure|number|total))?\s{1,3}(?:had|has|have|was|is|then)?\b"
)
"""A sentence whose subject is the figure of the sentence before: "By 2006/07 this had
fallen to 2,581"."""
_PLAIN_FIGURE = lazy(rf"(?<![\w/£]){NUMBER}(?![\w/]|\s{{0,2}}(?:%|per\s?cent))")


def _referred_back(sentence: str, earlier: str) -> Figure | None:
    """The figure a sentence refers back to ("... 4,632 incidents. By 2006/07 this had
    fallen to 2,581"): the one figure, not a year or a percentage, of the sentence before,
    with its period."""
    if not _REFERS_BACK.match(sentence):
        return None
    pieces = sentences(earlier)
    if not pieces:
        return None
    previous = pieces[-1][1]
    figures = [m for m in _PLAIN_FIGURE.finditer(previous) if not is_year(m.group(0))]
    if len(figures) != 1:
        return None
    value = parse_number(figures[0].group(0))
    if value is None:
        return None
    found = PERIOD_PATTERN.search(previous)
    period = parse_period(found.group(0)) if found else None
    return Figure(role="from", value=value, unit="count", period=period)


def _footnote_figures(
    sentence: str, position: int, text: str, following: Sequence[str]
) -> tuple[Figure, Figure] | None:
    """The two figures a footnote marked just after a claim gives: "December 2005 (27,889)
    compared to December 2010 (23,462)", earlier period first."""
    window = sentence[position : position + _FOOTNOTE_WINDOW]
    mark = FOOTNOTE_MARK.search(window)
    if mark is None or _STOP_MARK.search(window[: mark.start()]):
        return None
    key = (
        (mark.group("mark") or "").translate(_SUPERSCRIPTS) or mark.group("sup") or mark.group("br")
    )
    for line in [*text.split("\n"), *following]:
        stripped = line.strip()
        lead = FOOTNOTE_MARK.match(stripped)
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
