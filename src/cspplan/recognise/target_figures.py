"""The figures of a target statement: the clauses after its verb and the unit they count.

After a target's verb come its metric and, in any order, the clauses that carry the figures
(the change "by 16%", the baseline "from 1140", the target value "to 960" or "at or below
27%", the deadline "by 2007/08"). :func:`read_figures` reads them into a
:class:`~cspplan.model.plan.Target`; :func:`unit_of` says what the figures count.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..model.plan import Indicator, Target
from ..model.source import SourceRef
from ..model.values import Direction, Measure, Number, PercentBasis, Period, Unit
from ..text.numbers import NUMBER, NUMBER_WORDS, PERCENT, joined, number_word, parse_quantity
from ..text.patterns import IGNORECASE, VERBOSE, Match, lazy
from .indicators import find_indicators
from .periods import find_period, parse_period
from .timescales import find_dates

__all__ = [
    "BEFORE",
    "DEADLINE_WINDOW",
    "FRAME_WINDOW",
    "LEADING_BY",
    "NOT_AGE",
    "TARGET_WORD",
    "deadline_in",
    "looks_like_year",
    "metric_name",
    "period_in",
    "read_figures",
    "unit_of",
]

TARGET_WORD = lazy(
    r"\b(?:targets?|aims?|objectives?|goals?|ambitions?|commitments?|pledges?)\b", IGNORECASE
)
"""The word that names an aim: target, aim, objective, goal, ambition, commitment, pledge."""
# "By 2023, reduce ...": the deadline leads the clause and the verb follows its comma.
LEADING_BY = lazy(
    r"(?:^|[.;:]\s{0,3})(?:by|before)\s{1,3}(?:the\s{1,3}end\s{1,3}of\s{1,3})?"
    r"(?P<when>(?:[A-Za-z]{3,9}\s{1,3})?(?:19|20)\d{2}(?:\s{0,2}/\s{0,2}\d{2,4})?)\s{0,3},\s{0,3}"
    r"(?:(?:we|the\s{1,3}partnership|partners)\s{1,3}(?:will|aim\s{1,3}to|want\s{1,3}to|intend\s{1,3}to)\s{1,3})?$",
    IGNORECASE,
)
"""A deadline leading its clause: "By 2023, reduce ..."."""
_VALUE = rf"(?:{PERCENT}|{NUMBER}(?:\s{{0,2}}percentage\s{{1,2}}points?|\s{{0,2}}pp\b)?)"
NOT_AGE = (
    r"(?!\s{0,2}-?\s{0,2}(?:years?|yrs?)[\s-]{0,2}olds?)"
    # "within 48 hours", "in 2 working days": a duration, not a figure of the target.
    r"(?!\s{0,2}(?:years?|months?|weeks?|days?|working\s{1,3}days?|hours?|hrs?|minutes?|mins?"
    r"|times|miles?|km|metres?)\b)(?!\s{0,2}\+)"
)
"""A look-ahead that refuses a figure which is an age or a duration ("aged 18", "48 hours")."""
_CONTEXT = (
    r"(?P<{name}ctx>(?:(?:\s{{1,3}}(?!(?:by|from|to|in|for|and|or|per|a)\b)[a-z]{{2,20}}){{0,2}}?"
    r"\s{{1,3}}(?:per|a)\s{{1,3}}(?:year|annum|1,?000|10,?000|100,?000|head|capita)"
    r"(?:\s{{1,3}}(?:population|people|residents|households|adults))?)?"
    r"(?:\s{{0,3}}\((?P<{name}paren>[^()\n]{{1,60}})\)"
    # "from 850 offences in 2023/24": up to two words naming what is counted may stand
    # between the figure and its period.
    r"|(?:\s{{1,3}}(?!(?:by|from|to|in|for|during|at|and|or|of|per|the|a|an|with|within)\b)[a-z][a-z\-]{{1,20}}){{0,2}}"
    r"\s{{1,3}}(?:in|for|during)\s{{1,3}}(?P<{name}in>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)(?![\d/]))?)"
)
_CHANGE_NOUNS = r"reduction|decrease|cut|fall|increase|rise|improvement|change"
_CLAUSE = lazy(
    rf"""
    (?P<pctclause>\b(?P<pctverb>by|was|is|be|(?P<pctnoun>(?:increase|rise|reduction|decrease|fall|cut|drop|improvement)\s{{1,3}}of))\s{{1,3}}(?:a\s{{1,3}}|an\s{{1,3}})?(?:further\s{{1,3}}|another\s{{1,3}}|minimum\s{{1,3}}of\s{{1,3}}|at\s{{1,3}}least\s{{1,3}})?
        (?P<pct>{PERCENT}|{NUMBER}\s{{0,2}}(?:percentage\s{{1,2}}points?|pp\b|points?\b)
        |(?:{NUMBER_WORDS})\s{{1,2}}(?:per\s?cent|percent)\b))
  | (?P<fromclause>(?:\bfrom\s{{1,3}}|\((?=\s{{0,3}}{_VALUE}\s{{1,3}}to\s)\s{{0,3}})(?P<fromwords>(?:(?:a|an|the|its|their|our)\s{{1,3}})?(?:[\w/\-]{{1,12}}\s{{1,3}}){{0,3}}
        (?:average|baseline|base|figure|level|total|rate|position)\s{{1,3}}(?:of\s{{1,3}})?)?
        (?P<base>{_VALUE}){NOT_AGE}{_CONTEXT.format(name="b")})
  | (?P<baseclause>\bbaseline\s{{0,3}}(?:figure\s{{1,3}}|level\s{{1,3}})?(?:(?:for|in)\s{{1,3}})?(?:\(?(?P<bperiod>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)\)?\s{{0,3}})?
        (?:[:=\-–]|\s(?:of|was|is|=))?\s{{0,3}}(?P<base2>{_VALUE}){NOT_AGE}{_CONTEXT.format(name="c")})
  | (?P<priorclause>\(\s{{0,2}}(?P<pperiod>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)\s{{0,2}}:\s{{0,3}}
        (?P<base3>{_VALUE})\s{{0,2}}\))
  | (?P<tgtclause>\btarget\s{{0,3}}(?:figure\s{{1,3}}|level\s{{1,3}})?(?:[:=]|\s(?:of|is|=))?\s{{0,3}}
        (?P<tgt2>{_VALUE})(?![\d.,%])(?!\s{{0,3}}(?:per\s?cent\s{{1,3}}|percentage\s{{1,3}}points?\s{{1,3}})?(?:{_CHANGE_NOUNS})){NOT_AGE})
  | (?P<countclause>\bby\s{{1,3}}(?!(?:19|20)\d{{2}}\b)(?P<count>{NUMBER})(?![\d.,]?\d|\s{{0,2}}(?:%|per\s?cent|percentage|pp\b|points?\b))
        (?=\s{{0,3}}[,(;]|\s{{1,3}}(?:from|to|by|in|over|on)\b))
  | (?P<toclause>\bto\s{{1,3}}(?:(?:a|an|the)\s{{1,3}}(?:(?!(?:by|from|to|in|for|at|on|with|than|and|or)\b)[\w/\-]{{1,12}}\s{{1,3}}){{0,3}}(?:of\s{{1,3}})?)?
        (?P<tgt>{_VALUE}){NOT_AGE}{_CONTEXT.format(name="t")})
  | (?P<levelclause>\b(?:at|to|on|within|below|under|above)\s{{1,3}}(?:or\s{{1,3}}(?:below|above|under|over|less|more)\s{{1,3}})?
        (?:(?:the|their|its|current)\s{{1,3}})?(?P<lyear>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)\s{{1,3}}
        (?:levels?|figures?|rates?|outturns?)\b(?!\s{{0,3}}of\s))
  | (?P<atclause>\b(?P<qual>at\s{{1,3}}or\s{{1,3}}(?:below|above|under|over|less|more)|at\s{{1,3}}least|at\s{{1,3}}most
        |no\s{{1,3}}(?:more|less|higher|lower|greater|fewer)\s{{1,3}}than|less\s{{1,3}}than|more\s{{1,3}}than
        |fewer\s{{1,3}}than|below|under|above|over|within|at)\s{{1,3}}(?:(?:a|the|its|their)\s{{1,3}}(?P<levelyear>(?:19|20)\d{{2}}(?:\s{{0,2}}/\s{{0,2}}\d{{2,4}})?\s{{1,3}})?(?:rate|level|figure)\s{{1,3}}of\s{{1,3}})?
        (?P<at>{_VALUE}){NOT_AGE})
  | (?P<byclause>\b(?:by|before|in|during|until|for)\s{{1,3}}(?:the\s{{1,3}}end\s{{1,3}}of\s{{1,3}})?
        (?=(?:\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}})?(?:[A-Z][a-z]{{2,8}}\.?\s{{1,3}})?(?:19|20)\d{{2}}|[qQ][1-4]\s))
    """,
    VERBOSE | IGNORECASE,
)
_ASIDE = lazy(
    r"[,;(]\s{0,3}(?:which|who|where|whereas|while|whilst|although|but|as|currently|compared)\b"
    r"|\s[-–—]\s{1,3}(?:which|who|this)\b",
    IGNORECASE,
)
_METRIC_LEAD = lazy(
    r"^(?:the\s{1,3})?(?:(?:total|overall)\s{1,3})?(?:(?:number|numbers|level|levels|amount|incidence"
    r"|volume|count)\s{1,3}of\s{1,3})?(?:the\s{1,3})?",
    IGNORECASE,
)
BEFORE = 160
"""How many characters before a verb are read for its frame, label and indicator code."""
FRAME_WINDOW = 60
"""How many of those characters, nearest the verb, are read for the words that frame it as
an aim ("we will", "to", "Target:", "By 2023,")."""
DEADLINE_WINDOW = 40
"""Characters read for a deadline: after "by" or "in", or before the word target."""
_RANGE_PREFIX = 12
"""Characters before a "to N" read for the figure that makes it a range ("aged 10 to 17")."""
_FROM_TO_GAP = 3
"""Most characters between "from N" and "to M" for the two to be a baseline and a target."""
_MAX_TRAILING_METRIC = 120
"""Longest text after the figures read as the metric ("To reduce by 5% the number of ...")."""
_MAX_METRIC = 200
"""Longest metric kept; a longer one is a run of prose, not the name of a measure."""
_PERCENT_WORD = lazy(r"(?i)%|per\s?cent")
_POINTS_END = lazy(r"(?i)points?$|pp$")
_CLAUSE_END = lazy(r"[.;(]")
_YEAR = lazy(r"(?:19|20)\d{2}")
_BASELINE_ARTICLE = lazy(r"(?i)^(?:a|an|the|its|their|our)\s|\s?of$")
_TRAILING_JOINER = lazy(r"(?i)\s(?:and|or|with|which|that|to|at)$")
_TWO_LETTERS = lazy(r"[A-Za-z]{2}")
_INDEX_WORDS = lazy(r"\bindex\b|\bscore\b")
_RATE_WORDS = lazy(r"\brate\b|\bper\s{1,3}(?:1,?000|10,?000|100,?000|head|capita)\b")


def _is_percent(text: str) -> bool:
    return bool(_PERCENT_WORD.search(text))


def _is_points(text: str) -> bool:
    return bool(_POINTS_END.search(text.strip()))


def read_figures(
    sentence: str,
    begin: int,
    end: int,
    direction: Direction | None,
    before: str,
    source: SourceRef,
    percent_text: str | None = None,
) -> Target | None:
    """The target the clauses of ``sentence[begin:end]`` state after a verb pointing
    ``direction``, framed by the words ``before`` it; ``None`` where no change or target value
    is given. ``percent_text`` is a change already read from a noun form ("a 10% reduction")."""
    rest = sentence[begin:end]
    aside = _ASIDE.search(rest)
    if aside is not None:
        # "reduce re-offending, which is 25% higher than ...": figures in a relative clause
        # describe the metric, they are not the target's.
        rest = rest[: aside.start()]
    target_framed = TARGET_WORD.search(before) is not None
    percent = parse_quantity(percent_text, short_points=True) if percent_text else None
    baseline: Measure | None = None
    goal: Measure | None = None
    deadline: Period | None = None
    metric_end = len(rest)
    last_clause_end = 0
    deadline_start = -1
    seen_figure = False
    from_end = -100
    yearly: Match | None = None
    per: str | None = None
    held: Period | None = None
    for clause in _CLAUSE.finditer(rest):
        if clause.group("pctclause") and percent is None:
            # "by 8%", and "an increase of 19%" after the figures, state the change;
            # "is 8%" states it only after the word target.
            stated = clause.group("pctverb").lower() == "by" or clause.group("pctnoun")
            if looks_like_year(clause.group("pct")) or (not stated and not target_framed):
                continue
            percent = _percent_of(clause.group("pct"))
            yearly = _YEARLY.match(rest, clause.end())
        elif clause.group("fromclause") and baseline is None:
            value = _figure_of(clause.group("base"))
            if value is None:
                continue
            period = _context_period(clause, "b") or period_in(clause.group("fromwords") or "")
            label = _baseline_label(clause.group("fromwords"))
            baseline = Measure(value=value, period=period, label=label)
            per = per or _per(clause.group("bctx"))
            from_end = clause.end()
        elif clause.group("baseclause") and baseline is None:
            value = _figure_of(clause.group("base2"))
            if value is None:
                continue
            bperiod = clause.group("bperiod")
            period = parse_period(bperiod) if bperiod else _context_period(clause, "c")
            baseline = Measure(value=value, period=period, label="baseline")
        elif clause.group("priorclause") and baseline is None:
            # "to 250 in 2010/11 (2008/09: 180)": the figure of a year before the target's,
            # printed beside it, is where the target starts from.
            value = _figure_of(clause.group("base3"))
            period = parse_period(clause.group("pperiod"))
            aimed = goal.period if goal is not None and goal.period is not None else deadline
            if not _before(period, aimed) or value is None:
                continue
            baseline = Measure(value=value, period=period)
        elif clause.group("tgtclause") and goal is None:
            # "(2011/12 baseline 720; target 662)": the target figure named as such.
            value = _figure_of(clause.group("tgt2"))
            if value is None:
                continue
            goal = Measure(value=value, label="target")
        elif clause.group("countclause"):
            # "cut incidents by 250, from 3,250 to 3,000": a change in number, which ends the
            # metric but is not a percentage.
            pass
        elif clause.group("toclause") and goal is None:
            prefix = rest[max(0, clause.start() - _RANGE_PREFIX) : clause.start()].rstrip()
            # "aged 10 to 17" is a range; "from 1,100 to 990" is a baseline and a target.
            gap = clause.start() - from_end
            ranged = prefix[-1:].isdigit() and not (0 <= gap <= _FROM_TO_GAP)
            value = None if ranged else _figure_of(clause.group("tgt"))
            if value is None:
                continue
            goal = Measure(value=value, period=_context_period(clause, "t"))
            per = per or _per(clause.group("tctx"))
        elif clause.group("levelclause"):
            # "Maintain calls about youth disorder at 2009/10 levels": the level of a period
            # is the aim, with no figure printed for it.
            held = held or parse_period(" ".join(clause.group("lyear").split()))
        elif clause.group("atclause") and goal is None:
            if looks_like_year(clause.group("at")) or (
                clause.group("qual").lower() == "at" and not _is_percent(clause.group("at"))
            ):
                continue
            value = parse_quantity(clause.group("at"), short_points=True)
            if value is None:
                continue
            qualifier = " ".join(clause.group("qual").split()).lower()
            goal = Measure(value=value, label=None if qualifier == "at" else qualifier)
            level = clause.group("levelyear")
            if level and baseline is None:
                # "at or below the 2018/19 level of 7,412": that level is the baseline too.
                baseline = Measure(value=value, period=parse_period(level.strip()))
        elif clause.group("byclause"):
            if deadline is None:
                deadline = deadline_in(rest[clause.end() : clause.end() + DEADLINE_WINDOW])
                if deadline is not None:
                    deadline_start = clause.start()
            if deadline is None:
                continue
        else:
            continue
        if not seen_figure:
            metric_end = clause.start()
            seen_figure = True
        if not clause.group("byclause"):
            last_clause_end = clause.end()
    if percent is None and goal is None and held is None:
        return None
    if percent is not None or goal is not None:
        # A level stated beside figures is their baseline's period, not a figureless hold.
        held = None
    if deadline is None and TARGET_WORD.search(before):
        deadline = find_period(before[-DEADLINE_WINDOW:])
    leading = LEADING_BY.search(before[-FRAME_WINDOW:]) if deadline is None else None
    if leading is not None:
        deadline = deadline_in(leading.group("when"))
    if goal is not None and goal.period is None and deadline is not None:
        goal = attrs.evolve(goal, period=deadline)
    metric = metric_name(rest[:metric_end])
    if metric is None and not rest[:metric_end].strip():
        # "To reduce by 5% the number of deliberate fires": the metric comes after the figures.
        # The words after the last figure, up to the deadline ("... the number of
        # deliberate fires by 2010"): a deadline is never the metric.
        stop = deadline_start if deadline_start > last_clause_end else len(rest)
        trailing = _CLAUSE_END.split(rest[last_clause_end:stop], maxsplit=1)[0]
        metric = metric_name(trailing) if len(trailing) <= _MAX_TRAILING_METRIC else None
    # The statement is the whole sentence; where a sentence holds several targets the caller
    # narrows each to its own words, so the (possibly long) join is done once per sentence.
    statement = joined(sentence)
    nearby = sentence[max(0, begin - BEFORE) : end]
    indicators = [i for i in find_indicators(nearby, source) if i.code]
    indicator: Indicator | None = indicators[0] if indicators else None
    unit = unit_of(percent, baseline, goal, metric, nearby)
    if direction is Direction.MAINTAIN and percent is not None and goal is None:
        return None
    if direction is None and baseline is not None and goal is not None:
        # No verb says which way: the figures do.
        if goal.value.value < baseline.value.value:
            direction = Direction.REDUCE
        elif goal.value.value > baseline.value.value:
            direction = Direction.INCREASE
    return Target(
        id="",
        statement=statement,
        metric=metric,
        direction=direction,
        percent=percent,
        unit=unit,
        percent_basis=PercentBasis.PER_YEAR if yearly else None,
        span_years=_span(rest) if yearly else None,
        per=per,
        baseline=baseline,
        target=goal,
        deadline=deadline,
        indicator=indicator,
        source=source,
        level=held,
    )


_YEARLY = lazy(
    r"\s{0,3}(?:(?:a|per|each|every)\s{1,3}(?:year|annum)|annually|year[\s-]on[\s-]year)\b",
    IGNORECASE,
)
_OVER_YEARS = lazy(
    rf"\bover\s{{1,3}}(?:the\s{{1,3}}(?:next\s{{1,3}})?)?(?P<years>\d{{1,2}}|{NUMBER_WORDS})\s{{1,3}}years\b",
    IGNORECASE,
)
_PER_WORDS = lazy(
    r"(?i)^(?:\s{0,3}[a-z]{2,20}){0,2}?\s{0,3}(?:per|a)\s{1,3}(?P<per>(?:year|annum|1,?000|10,?000|100,?000|head|capita)"
    r"(?:\s{1,3}(?:population|people|residents|households|adults))?)"
)


def _per(context: str | None) -> str | None:
    """What a figure is per, from the words after it: "1,000 residents", "year"."""
    if not context or not context.strip():
        return None
    match = _PER_WORDS.match(context)
    return " ".join(match.group("per").split()) if match is not None else None


def _span(text: str) -> int | None:
    """The years a yearly rate runs over, where the words say: "over three years"."""
    match = _OVER_YEARS.search(text)
    return number_word(match.group("years")) if match is not None else None


def _percent_of(text: str) -> Number | None:
    """A stated change as a number: "16%", "3 points", or in words, "twenty per cent"."""
    found = parse_quantity(text, short_points=True)
    if found is not None:
        return found
    word = number_word(text.split()[0]) if text.split() else None
    return Number(value=Decimal(word), text=" ".join(text.split())) if word else None


def looks_like_year(text: str) -> bool:
    """True where ``text`` is a year ("2008"), never a figure of a target."""
    return bool(_YEAR.fullmatch(text.strip()))


def _figure_of(text: str) -> Number | None:
    """The figure a clause gives ("1,250", "31%", "2 points"); ``None`` for a year, which is
    never a figure of a target, or for text that reads as no figure."""
    if looks_like_year(text):
        return None
    return parse_quantity(text, short_points=True)


def _baseline_label(words: str | None) -> str | None:
    if not words:
        return None
    cleaned = " ".join(words.split())
    cleaned = _BASELINE_ARTICLE.sub("", cleaned).strip()
    return cleaned or None


def _before(earlier: Period | None, later: Period | None) -> bool:
    """True where both periods are known and ``earlier`` ends before ``later`` starts."""
    if earlier is None or later is None or earlier.end is None or later.start is None:
        return False
    return earlier.end < later.start


def _context_period(clause: Match, name: str) -> Period | None:
    paren = clause.group(f"{name}paren")
    if paren:
        return period_in(paren)
    inside = clause.group(f"{name}in")
    if inside:
        return parse_period(inside)
    return None


def period_in(text: str) -> Period | None:
    """The period a short phrase names: "baseline 2003/04", "in the period 2004 to 2006"."""
    found = find_period(text)
    if found is not None:
        return found
    dates = find_dates(text)
    if dates:
        span = dates[0]
        return Period(text=text[span.begin : span.stop], start=span.start, end=span.end)
    return None


def deadline_in(text: str) -> Period | None:
    """The period of the date ``text`` starts with ("March 2011", "2010/11"), else ``None``."""
    dates = find_dates(text)
    if not dates or text[: dates[0].begin].strip():
        return None
    span = dates[0]
    phrase = text[span.begin : span.stop]
    period = parse_period(phrase)
    if period is not None:
        return period
    return Period(text=phrase, start=span.start, end=span.end)


_CODE_ASIDE = lazy(r"\s{0,3}\((?:NI|BVPI|BV|PSA|KPI|LPI)\s{0,2}\d[^()]{0,30}\)")


def metric_name(text: str) -> str | None:
    """The metric ``text`` names, without its article, code aside and trailing joiner;
    ``None`` where it is no name (no letters, or a run of prose)."""
    cleaned = " ".join(text.split()).strip(" ,;:-–")
    cleaned = _CODE_ASIDE.sub("", cleaned).strip(" ,;:-–")
    cleaned = _METRIC_LEAD.sub("", cleaned, count=1).strip(" ,;:-–")
    cleaned = _TRAILING_JOINER.sub("", cleaned).strip()
    cleaned = cleaned.rstrip(".").rstrip()
    if not _TWO_LETTERS.search(cleaned) or len(cleaned) > _MAX_METRIC:
        return None
    return cleaned


def unit_of(
    percent: Number | None,
    baseline: Measure | None,
    target: Measure | None,
    metric: str | None,
    statement: str,
) -> Unit | None:
    """What a target's figures count, from how they are printed and what the metric says.

    Baseline and target printed as percentages make the change one of percentage points,
    unless the statement gives a relative change ("by 10% from 40% to 36%"); a metric that is
    a rate, an index or a score, or figures "per 1,000", make a rate or an index. Where the
    words are too hostile to read in time, no unit is given.
    """
    measures = [m for m in (baseline, target) if m is not None]
    words = f"{metric or ''} {statement}".lower()
    try:
        return _unit_from(percent, measures, words)
    except TimeoutError:
        return None


def _unit_from(percent: Number | None, measures: list[Measure], words: str) -> Unit | None:
    if percent is not None and _is_points(percent.text):
        return Unit.PERCENTAGE_POINTS
    if measures and all(_is_percent(m.value.text) for m in measures):
        if percent is not None and _is_percent(percent.text):
            return Unit.PERCENT
        return Unit.PERCENTAGE_POINTS
    if measures and any("£" in m.value.text for m in measures):
        return Unit.MONEY
    if _INDEX_WORDS.search(words):
        return Unit.INDEX
    if _RATE_WORDS.search(words):
        return Unit.RATE
    if measures:
        return Unit.COUNT
    return None
