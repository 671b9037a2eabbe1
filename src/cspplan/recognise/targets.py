"""Target statements: "reduce criminal damage by 16% from 1140 to 960 by 2007/08".

A target is a direction verb in a target frame followed by figures. The frame is what tells a
target from narrative: an infinitive or imperative ("to reduce", "Reduce ..." leading its
line), a modal ("we will increase", "aim to cut"), or the word *target* before a noun form
("Target: a 10% reduction in burglary"). Projections ("is expected to fall by 10%"),
achievements ("managed to reduce") and bare figures ("up 10% in 2007-08", "16.7% over the
age of 65") are not targets. After the verb come the metric and, in any order, the clauses
that carry the figures:

- the change: "by 16%", "was 30%", "by 3 percentage points";
- the baseline: "from 1140", "from 4,632 (baseline 2003/04)", "from a three year average of
  504 (in the period 2004 to 2006)";
- the target value: "to 960", "to 8%", "at or below 27%", "at least 85%";
- the deadline: "by 2007/08", "by 31 March 2008"; a period before the word target ("The
  2005 - 2008 target to ...") serves where no "by" clause gives one.

A later sentence of the same text reporting the figure achieved ("The year ending March 2008
figure was 2,581") becomes the target's outturn. A statement needs a change or a target
value to count: "NI 20 Reduce the number of assaults per 1,000 population" names an
indicator, not a target.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

import attrs

from ..model.plan import Indicator, Target
from ..model.source import SourceRef
from ..model.values import Direction, Measure, Number, Period, Unit
from ..text.numbers import NUMBER, PERCENT, blank_markup, joined, parse_quantity, sentences
from ..text.patterns import IGNORECASE, VERBOSE, Match, lazy
from .indicators import find_indicators
from .periods import find_period, parse_period
from .timescales import find_dates

__all__ = ["direction_of", "find_targets", "report_period", "unit_of"]

_VERBS = {
    Direction.REDUCE: r"reduce|reducing|decrease|decreasing|cut|cutting|lower|lowering"
    r"|bring\s{1,3}down|drive\s{1,3}down|minimise",
    Direction.INCREASE: r"increase|increasing|raise|raising|improve|improving|grow|growing"
    r"|boost|boosting|achieve\s{1,3}an?\s{1,3}increase\s{1,3}(?:in|of)",
    Direction.MAINTAIN: r"maintain|maintaining|hold|holding|keep|keeping|sustain|sustaining"
    r"|stabilise|stabilize|retain",
}
_VERB = lazy(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<{d.name}>{pattern})" for d, pattern in _VERBS.items())
    + r")(?![\w-])",
    IGNORECASE,
)
_NOUNS = {
    Direction.REDUCE: r"reduction|decrease|cut|fall",
    Direction.INCREASE: r"increase|rise|improvement|growth",
}
_NOUN_FORM = lazy(
    rf"(?:(?P<pct>{PERCENT}|{NUMBER}\s{{0,2}}percentage\s{{1,2}}points?)\s{{1,3}}(?:(?P<nr>{_NOUNS[Direction.REDUCE]})"
    rf"|(?P<ni>{_NOUNS[Direction.INCREASE]}))"
    rf"|(?:(?P<nr2>{_NOUNS[Direction.REDUCE]})|(?P<ni2>{_NOUNS[Direction.INCREASE]}))"
    rf"\s{{1,3}}(?:of|by)\s{{1,3}}(?P<pct2>{PERCENT}))"
    rf"(?:\s{{1,3}}on\s{{1,3}}(?:the\s{{1,3}})?(?:19|20)\d{{2}}(?:/\d{{2,4}})?\s{{1,3}}(?:levels?|figures?|baseline))?"
    rf"\s{{1,3}}(?:in|of)\b",
    IGNORECASE,
)
# "to achieve a 10% reduction in ...": an aim stated as a noun, without the word target.
_ACHIEVE = lazy(
    r"(?:^\W{0,3}|[:;]\s{0,3}|\b(?:to|will|shall|must|aim\s{1,3}to|aims\s{1,3}to)\s{1,3})(?:achieve|deliver|secure|see|make"
    r"|bring\s{1,3}about|realise)\s{1,3}(?:an?|the)\s{1,3}(?:further\s{1,3})?"
    r"(?=\d|(?:reduction|decrease|cut|increase|rise|improvement)\s{1,3}(?:of|by)\s{1,3}\d)",
    IGNORECASE,
)
_TARGET_WORD = lazy(
    r"\b(?:targets?|aims?|objectives?|goals?|ambitions?|commitments?|pledges?)\b", IGNORECASE
)
# Words before "to" that make the infinitive a forecast or a report, not a target.
_NOT_A_FRAME = lazy(
    r"\b(?:set|expected|projected|forecast|predicted|estimated|likely|due|going|anticipated"
    r"|thought|believed|said|continues?|continued|continuing|began|begun|begin|begins|seems?"
    r"|seemed|appears?|appeared|tends?|tended|used|managed|succeeded|able|has|have|had"
    r"|failed|is|are|was|were)\s{1,3}$",
    IGNORECASE,
)
_TARGET_IS = lazy(
    r"\b(?:target|aim|objective|goal|ambition|intention|priority)s?\s{1,3}(?:is|was|are|were)\s{1,3}$",
    IGNORECASE,
)
_MODAL = lazy(
    r"\b(?:will|shall|must|should|would|to|aims?\s{1,3}to|plans?\s{1,3}to|seeks?\s{1,3}to"
    r"|want\s{1,3}to|intends?\s{1,3}to|commit(?:ted)?\s{1,3}to|working\s{1,3}to|help\s{1,3}to"
    r"|helping\s{1,3}to|(?:target|aim|objective|goal)\s{1,3}(?:is|was|of)\s{1,3}(?:to\s{1,3})?)"
    r"\s{1,3}(?:(?:further|significantly|continue\s{1,3}to|seek\s{1,3}to|help|work\s{1,3}to)"
    r"\s{1,3}){0,2}$",
    IGNORECASE,
)
# The verb leads its line or clause: "Reduce ...", "NI 16 Reduce ...", "Target: reduce ...".
_LEADS = lazy(
    r"(?:^|[:;–—]|\s-\s|\.)\s{0,3}(?:[\W\d]{0,6}|(?:NI|BVPI|PSA|KPI|LPI)\s{0,2}-?\s{0,2}\d{1,3}"
    r"[a-z]{0,4}\s{0,3}[-–:]?\s{0,3}|(?:\w+\s{1,3}){0,1}(?:target|aim|objective|goal)s?"
    r"\s{0,3}[:\-–]?\s{0,3})$",
    IGNORECASE,
)

# "By 2023, reduce ...": the deadline leads the clause and the verb follows its comma.
_LEADING_BY = lazy(
    r"(?:^|[.;:]\s{0,3})(?:by|before)\s{1,3}(?:the\s{1,3}end\s{1,3}of\s{1,3})?"
    r"(?P<when>(?:[A-Za-z]{3,9}\s{1,3})?(?:19|20)\d{2}(?:\s{0,2}/\s{0,2}\d{2,4})?)\s{0,3},\s{0,3}"
    r"(?:(?:we|the\s{1,3}partnership|partners)\s{1,3}(?:will|aim\s{1,3}to|want\s{1,3}to|intend\s{1,3}to)\s{1,3})?$",
    IGNORECASE,
)
_VALUE = rf"(?:{PERCENT}|{NUMBER}(?:\s{{0,2}}percentage\s{{1,2}}points?|\s{{0,2}}pp\b)?)"
_NOT_AGE = (
    r"(?!\s{0,2}-?\s{0,2}(?:years?|yrs?)[\s-]{0,2}olds?)"
    # "within 48 hours", "in 2 working days": a duration, not a figure of the target.
    r"(?!\s{0,2}(?:years?|months?|weeks?|days?|working\s{1,3}days?|hours?|hrs?|minutes?|mins?"
    r"|times|miles?|km|metres?)\b)(?!\s{0,2}\+)"
)
_CONTEXT = (
    r"(?P<{name}ctx>(?:\s{{1,3}}(?:per|a)\s{{1,3}}(?:year|annum|1,?000|10,?000|100,?000|head|capita)"
    r"(?:\s{{1,3}}(?:population|people|residents|households|adults))?)?"
    r"(?:\s{{0,3}}\((?P<{name}paren>[^()\n]{{1,60}})\)"
    # "from 850 offences in 2023/24": up to two words naming what is counted may stand
    # between the figure and its period.
    r"|(?:\s{{1,3}}(?!(?:by|from|to|in|for|during|at|and|or|of|per|the|a|an|with|within)\b)[a-z][a-z\-]{{1,20}}){{0,2}}"
    r"\s{{1,3}}(?:in|for|during)\s{{1,3}}(?P<{name}in>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)(?![\d/]))?)"
)
_CLAUSE = lazy(
    rf"""
    (?P<pctclause>\b(?P<pctverb>by|was|is|be)\s{{1,3}}(?:a\s{{1,3}}|an\s{{1,3}})?(?:further\s{{1,3}}|minimum\s{{1,3}}of\s{{1,3}}|at\s{{1,3}}least\s{{1,3}})?
        (?P<pct>{PERCENT}|{NUMBER}\s{{0,2}}(?:percentage\s{{1,2}}points?|pp\b|points?\b)))
  | (?P<fromclause>\bfrom\s{{1,3}}(?P<fromwords>(?:(?:a|an|the|its|their|our)\s{{1,3}})?(?:[\w/\-]{{1,12}}\s{{1,3}}){{0,3}}
        (?:average|baseline|base|figure|level|total|rate|position)\s{{1,3}}(?:of\s{{1,3}})?)?
        (?P<base>{_VALUE}){_NOT_AGE}{_CONTEXT.format(name="b")})
  | (?P<baseclause>\bbaseline\s{{0,3}}(?:figure\s{{1,3}}|level\s{{1,3}})?(?:(?:for|in)\s{{1,3}})?(?:\(?(?P<bperiod>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)\)?\s{{0,3}})?
        (?:[:=\-–]|\s(?:of|was|is|=))\s{{0,3}}(?P<base2>{_VALUE}){_NOT_AGE}{_CONTEXT.format(name="c")})
  | (?P<countclause>\bby\s{{1,3}}(?!(?:19|20)\d{{2}}\b)(?P<count>{NUMBER})(?![\d.,]?\d|\s{{0,2}}(?:%|per\s?cent|percentage|pp\b|points?\b))
        (?=\s{{0,3}}[,(;]|\s{{1,3}}(?:from|to|by|in|over|on)\b))
  | (?P<toclause>\bto\s{{1,3}}(?:(?:a|an|the)\s{{1,3}}(?:(?!(?:by|from|to|in|for|at|on|with|than|and|or)\b)[\w/\-]{{1,12}}\s{{1,3}}){{0,3}}(?:of\s{{1,3}})?)?
        (?P<tgt>{_VALUE}){_NOT_AGE}{_CONTEXT.format(name="t")})
  | (?P<atclause>\b(?P<qual>at\s{{1,3}}or\s{{1,3}}(?:below|above|under|over|less|more)|at\s{{1,3}}least|at\s{{1,3}}most
        |no\s{{1,3}}(?:more|less|higher|lower|greater|fewer)\s{{1,3}}than|less\s{{1,3}}than|more\s{{1,3}}than
        |fewer\s{{1,3}}than|below|under|above|over|within|at)\s{{1,3}}(?:a\s{{1,3}}(?:rate|level)\s{{1,3}}of\s{{1,3}})?
        (?P<at>{_VALUE}){_NOT_AGE})
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
_OUTTURN = lazy(
    rf"\b(?P<what>figure|outturn|out-turn|result|actual|performance|position)\s{{1,3}}"
    rf"(?:(?:for|in|at)\s{{1,3}}[^,.;\n]{{1,40}}?\s{{1,3}})?(?:was|is|stood\s{{1,3}}at|reached|of)"
    rf"\s{{1,3}}(?P<value>{PERCENT}|{NUMBER}){_NOT_AGE}",
    IGNORECASE,
)
_NOT_OUTTURN = lazy(
    r"\b(?:baseline|base|target|milestone|trajectory|expected|projected|forecast)\s{1,3}(?:\w+\s{1,3}){0,1}$",
    IGNORECASE,
)
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_YEAR_ENDING = lazy(
    rf"\b(?:financial\s{{1,3}})?(?:year|12\s{{1,3}}months)\s{{1,3}}(?:ending|ended|to)\s{{1,3}}"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}})?(?P<month>(?:{_MONTHS})[a-z]{{0,6}})\.?\s{{1,3}}"
    rf"(?P<year>(?:19|20)\d{{2}})",
    IGNORECASE,
)


_BEFORE = 160
"""How many characters before a verb are read for its frame, label and indicator code."""
_FRAME_WINDOW = 60
"""How many of those characters, nearest the verb, are read for the words that frame it as
an aim ("we will", "to", "Target:", "By 2023,")."""
_DEADLINE_WINDOW = 40
"""Characters read for a deadline: after "by" or "in", or before the word target."""
_VALUE_AFTER = 30
"""Characters after a stated target value read for what makes it a change, not a value."""
_PERIOD_BEFORE = 30
"""Characters before a stated target value read for the period it is for."""
_OUTTURN_PREFIX = 40
"""Characters before an outturn's "figure was" read for words making it a baseline or aim."""
_OUTTURN_SENTENCES = 3
"""How many sentences after a target are read for the figure it reached (its outturn)."""
_RANGE_PREFIX = 12
"""Characters before a "to N" read for the figure that makes it a range ("aged 10 to 17")."""
_FROM_TO_GAP = 3
"""Most characters between "from N" and "to M" for the two to be a baseline and a target."""
_MAX_TRAILING_METRIC = 120
"""Longest text after the figures read as the metric ("To reduce by 5% the number of ...")."""
_MAX_METRIC = 200
"""Longest metric kept; a longer one is a run of prose, not the name of a measure."""
_NOUN_WORDS = {direction: lazy(pattern) for direction, pattern in _NOUNS.items()}
_COORDINATED = lazy(r"(?:,|;|\band)\s{0,3}(?:to\s{1,3}|will\s{1,3})?$")
"""The end of the words before a second verb joined to the first ("reduce A, and cut B")."""
_OF_PREFIX = lazy(r"(?i)^\s{0,3}of\s")
_PERIOD_WORD = lazy(r"\s{0,3}(?:in|by|during|before)\s{1,3}")
_FRAME_START = lazy(r"(?i)(?:(?:,|;|\band)\s{0,3})?(?:\b(?:to|will)\s{1,3})?$")
_TO_END = lazy(r"(?i)\bto\s{1,3}$")
_WILL_VERB = lazy(r"(?i)\b(?:will|shall|must)\s{1,3}(?:\w+\s{1,3}){1,2}$")
_PERCENT_WORD = lazy(r"(?i)%|per\s?cent")
_POINTS_END = lazy(r"(?i)points?$|pp$")
_CLAUSE_END = lazy(r"[.;(]")
_YEAR = lazy(r"(?:19|20)\d{2}")
_BASELINE_ARTICLE = lazy(r"(?i)^(?:a|an|the|its|their|our)\s|\s?of$")
_TRAILING_JOINER = lazy(r"(?i)\s(?:and|or|with|which|that|to|at)$")
_TWO_LETTERS = lazy(r"[A-Za-z]{2}")
_INDEX_WORDS = lazy(r"\bindex\b|\bscore\b")
_RATE_WORDS = lazy(r"\brate\b|\bper\s{1,3}(?:1,?000|10,?000|100,?000|head|capita)\b")


def direction_of(word: str) -> Direction | None:
    """Which way a verb or noun of change points: "cut" reduces, "improvement" increases."""
    try:
        match = _VERB.fullmatch(word.strip())
        if match is not None:
            return next(Direction[name] for name, value in match.groupdict().items() if value)
        lowered = word.strip().lower()
        for direction, pattern in _NOUN_WORDS.items():
            if pattern.fullmatch(lowered):
                return direction
    except TimeoutError:
        return None
    return None


def find_targets(text: str, source: SourceRef) -> list[Target]:
    """Every target ``text`` states, in order, with ``id=""`` for the caller to assign.

    >>> [t.percent.text for t in find_targets("To cut burglary by 12% by 2009/10.", SourceRef())]
    ['12%']
    """
    try:
        return _find_targets(blank_markup(text), source)
    except TimeoutError:
        return []


def _find_targets(text: str, source: SourceRef) -> list[Target]:
    parts = sentences(text)
    found: list[tuple[int, Target]] = []
    for index, (_, sentence) in enumerate(parts):
        for target in _sentence_targets(sentence, source):
            found.append((index, target))
    result: list[Target] = []
    for position, (index, target) in enumerate(found):
        stop = found[position + 1][0] if position + 1 < len(found) else len(parts)
        if found[position + 1 :] and found[position + 1][0] == index:
            result.append(target)
            continue
        outturn = _outturn(parts[index + 1 : min(stop, index + 1 + _OUTTURN_SENTENCES)])
        result.append(attrs.evolve(target, outturn=outturn) if outturn else target)
    return result


def _sentence_targets(sentence: str, source: SourceRef) -> list[Target]:
    verbs = list(_VERB.finditer(sentence))
    targets: list[Target] = []
    starts: list[int] = []
    previous_end = -1
    for position, verb in enumerate(verbs):
        end = verbs[position + 1].start() if position + 1 < len(verbs) else len(sentence)
        # Only the words just before the verb frame it; a bounded window keeps long texts linear.
        window = max(0, verb.start() - _BEFORE)
        before = sentence[window : verb.start()]
        coordinated = previous_end >= 0 and _COORDINATED.search(before)
        if not (coordinated or _is_frame(before)):
            continue
        direction = next(Direction[name] for name, value in verb.groupdict().items() if value)
        target = _read_figures(sentence, verb.end(), end, direction, before, source)
        if target is not None:
            targets.append(target)
            starts.append(window + _frame_start(before))
            previous_end = end
    if len(targets) > 1:
        # Several targets in one sentence: each keeps its own words as its statement.
        starts[0] = 0
        bounds = [*starts[1:], len(sentence)]
        targets = [
            attrs.evolve(t, statement=" ".join(sentence[a:b].split()).rstrip(" ,;"))
            for t, a, b in zip(targets, starts, bounds, strict=True)
        ]
    first_word = None
    if not targets:
        first_word = _TARGET_WORD.search(sentence) or _ACHIEVE.search(sentence)
    if first_word is not None:
        for noun in _NOUN_FORM.finditer(sentence, first_word.start()):
            direction = (
                Direction.REDUCE if noun.group("nr") or noun.group("nr2") else (Direction.INCREASE)
            )
            pct = noun.group("pct") or noun.group("pct2")
            target = _read_figures(
                sentence,
                noun.end(),
                len(sentence),
                direction,
                sentence[max(0, noun.start() - _BEFORE) : noun.start()],
                source,
                percent_text=pct,
            )
            if target is not None:
                targets.append(target)
            break
    if not targets:
        stated = (
            _stated_value(sentence, source)
            or _labelled_value(sentence, source)
            or _bound(sentence, source)
        )
        if stated is not None:
            targets.append(stated)
    return targets


_LABELLED_VALUE = lazy(
    rf"^\W{{0,3}}(?P<label>[^:;.]{{3,120}}?)\s{{0,3}}[:\-–]\s{{0,3}}(?:(?:local|laa|annual)\s{{1,3}})?targets?\s{{1,3}}"
    rf"(?P<value>{PERCENT}|{NUMBER})(?![\w/%])\s{{0,3}}"
    rf"(?:(?:by|in|for)\s{{1,3}}(?P<when>[^,.;()]{{2,30}}?))?\s{{0,3}}(?:[.;,]|$)",
    IGNORECASE,
)


def _labelled_value(sentence: str, source: SourceRef) -> Target | None:
    """A target value after the name of what it measures: "BVPI 127a Violent crime per 1,000
    population: target 18.5 by 2007/08"."""
    match = _LABELLED_VALUE.search(sentence.strip())
    if match is None or _looks_like_year(match.group("value")):
        return None
    value = parse_quantity(match.group("value"), short_points=True)
    if value is None:
        return None
    deadline = _deadline(match.group("when")) if match.group("when") else None
    label = match.group("label")
    indicators = [i for i in find_indicators(label, source) if i.code]
    indicator = indicators[0] if indicators else None
    metric = _metric(indicator.title if indicator and indicator.title else label)
    goal = Measure(value=value, period=deadline)
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        unit=unit_of(None, None, goal, metric, label),
        target=goal,
        deadline=deadline,
        indicator=indicator,
        source=source,
    )


_BOUND_FORM = lazy(
    rf"\b(?:will|shall|must|aims?\s{{1,3}}to|to)\s{{1,3}}(?:ensure|have|see|keep|limit|cap|record)"
    rf"\s{{1,3}}(?:that\s{{1,3}})?(?:there\s{{1,3}}(?:are|is|will\s{{1,3}}be)\s{{1,3}})?"
    rf"(?P<qual>no\s{{1,3}}more\s{{1,3}}than|not\s{{1,3}}more\s{{1,3}}than|fewer\s{{1,3}}than|at\s{{1,3}}least"
    rf"|at\s{{1,3}}most|a\s{{1,3}}maximum\s{{1,3}}of|a\s{{1,3}}minimum\s{{1,3}}of)\s{{1,3}}"
    rf"(?P<value>{PERCENT}|{NUMBER})(?![\w/])"
    rf"(?P<what>(?:\s{{1,3}}(?!(?:in|by|during|before)\b)[a-z][\w\-]{{0,20}}){{1,10}})",
    IGNORECASE,
)


def _bound(sentence: str, source: SourceRef) -> Target | None:
    """A ceiling or a floor set as an aim: "will ensure there are no more than 350 hospital
    admissions for assault in 2021/22". Which way the figure is to move is not said."""
    match = _BOUND_FORM.search(sentence)
    if match is None or _looks_like_year(match.group("value")):
        return None
    value = parse_quantity(match.group("value"), short_points=True)
    metric = _metric(_OF_PREFIX.sub("", match.group("what")))
    if value is None or metric is None:
        return None
    after = sentence[match.end() : match.end() + _DEADLINE_WINDOW]
    period = _PERIOD_WORD.match(after)
    deadline = _deadline(after[period.end() :]) if period is not None else None
    if deadline is None:
        # Without a date it is a standing output ("see at least 40 young people each term").
        return None
    qualifier = " ".join(match.group("qual").split()).lower()
    goal = Measure(value=value, period=deadline, label=qualifier)
    nearby = sentence[max(0, match.start() - _BEFORE) : match.end() + _DEADLINE_WINDOW]
    indicators = [i for i in find_indicators(nearby, source) if i.code]
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        unit=unit_of(None, None, goal, metric, nearby),
        target=goal,
        deadline=deadline,
        indicator=indicators[0] if indicators else None,
        source=source,
    )


_VALUE_FORM = lazy(
    rf"\b(?:(?P<kind>milestone|annual|interim|stretch|year\s{{1,3}}\d|\d{{4}}/\d{{2}})\s{{1,3}})?targets?"
    rf"(?:\s{{1,3}}for\s{{1,3}}(?P<for>[^,.;:()]{{2,40}}?)|\s{{1,3}}(?P<for2>(?:19|20)\d{{2}}(?:/\d{{2}})?))?"
    rf"\s{{0,3}}(?P<verb>is|was|will\s{{1,3}}be|of|:|=)\s{{1,3}}"
    rf"(?:to\s{{1,3}}(?:achieve|reach)\s{{1,3}})?(?P<value>{PERCENT}|{NUMBER})(?![\w/]|\s{{0,2}}(?:%|per\s?cent))"
    rf"(?P<what>(?:\s{{1,3}}[a-z][\w\-]{{1,20}}){{0,5}})"
    rf"(?:\s{{0,3}}[,(]\s{{0,3}}(?:a|an|which\s{{1,3}}is\s{{1,3}}a|representing\s{{1,3}}a)\s{{1,3}}"
    rf"(?:(?P<vpct>{PERCENT})\s{{1,3}}(?:(?P<vr>reduction|decrease|cut)|(?P<vi>increase|rise|improvement))"
    rf"|(?:(?P<vr2>reduction|decrease|cut)|(?P<vi2>increase|rise|improvement))\s{{1,3}}of\s{{1,3}}(?P<vpct2>{PERCENT})))?",
    IGNORECASE,
)
_NOT_A_VALUE = lazy(r"\s{0,3}(?:reduction|decrease|cut|increase|rise|improvement|of\s)", IGNORECASE)
_CHANGE_FIGURES = lazy(r"\s{0,3}(?:\(\s{0,2})?(?:from|on)\s", IGNORECASE)
_PREPOSITION = lazy(
    r"(?:by|in|for|to|and|from|of|at|on|per|the|a|an|was|is|will|which|that)\b", IGNORECASE
)


def _stated_value(sentence: str, source: SourceRef) -> Target | None:
    """A target given as a value: "The target for 2010/11 is 2,950 offences, a reduction of
    5%", "The milestone target for 2009 is 427", "LAA target: 82%"; or as a change with its
    figures and no verb, "The target was 30% from 4,632 (baseline 2003/04) to 3,242"."""
    match = _VALUE_FORM.search(sentence)
    if match is None or _looks_like_year(match.group("value")):
        return None
    value = parse_quantity(match.group("value"), short_points=True)
    if value is None:
        return None
    following = sentence[match.end("value") : match.end("value") + _VALUE_AFTER]
    if _NOT_A_VALUE.match(following):
        return None
    if _CHANGE_FIGURES.match(following):
        verb = match.start("verb")
        return _read_figures(
            sentence, verb, len(sentence), None, sentence[max(0, verb - _BEFORE) : verb], source
        )
    deadline = _period_in(match.group("for") or match.group("for2") or "") or _period_in(
        sentence[max(0, match.start() - _PERIOD_BEFORE) : match.start()]
    )
    pct_text = match.group("vpct") or match.group("vpct2")
    direction: Direction | None = None
    if match.group("vr") or match.group("vr2"):
        direction = Direction.REDUCE
    elif match.group("vi") or match.group("vi2"):
        direction = Direction.INCREASE
    percent = parse_quantity(pct_text, short_points=True) if pct_text else None
    what = (match.group("what") or "").strip()
    metric = _metric(what) if what and not _PREPOSITION.match(what) else None
    kind = match.group("kind")
    goal = Measure(value=value, period=deadline, label=kind.lower() if kind else None)
    nearby = sentence[max(0, match.start() - _BEFORE) : match.end()]
    indicators = [i for i in find_indicators(nearby, source) if i.code]
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        direction=direction,
        percent=percent,
        unit=unit_of(percent, None, goal, metric, nearby),
        target=goal,
        deadline=deadline,
        indicator=indicators[0] if indicators else None,
        source=source,
    )


def _frame_start(before: str) -> int:
    """Where the words introducing a verb begin: "and to " or "To " before "reduce"."""
    match = _FRAME_START.search(before)
    return match.start() if match is not None else len(before)


def _is_frame(before: str) -> bool:
    tail = before[-_FRAME_WINDOW:]
    if _MODAL.search(tail):
        to_before = _TO_END.sub("", tail)
        forecast = to_before != tail and _NOT_A_FRAME.search(to_before)
        # "target is to reduce" and "will continue to reduce" are aims, not forecasts.
        aimed = _TARGET_IS.search(to_before) or _WILL_VERB.search(to_before)
        return not forecast or bool(aimed)
    if _LEADING_BY.search(tail) is not None:
        return True
    return _LEADS.search(tail) is not None


def _is_percent(text: str) -> bool:
    return bool(_PERCENT_WORD.search(text))


def _is_points(text: str) -> bool:
    return bool(_POINTS_END.search(text.strip()))


def _read_figures(
    sentence: str,
    begin: int,
    end: int,
    direction: Direction | None,
    before: str,
    source: SourceRef,
    percent_text: str | None = None,
) -> Target | None:
    rest = sentence[begin:end]
    aside = _ASIDE.search(rest)
    if aside is not None:
        # "reduce re-offending, which is 25% higher than ...": figures in a relative clause
        # describe the metric, they are not the target's.
        rest = rest[: aside.start()]
    target_framed = _TARGET_WORD.search(before) is not None
    percent = parse_quantity(percent_text, short_points=True) if percent_text else None
    baseline: Measure | None = None
    goal: Measure | None = None
    deadline: Period | None = None
    metric_end = len(rest)
    last_clause_end = 0
    seen_figure = False
    from_end = -100
    for clause in _CLAUSE.finditer(rest):
        if clause.group("pctclause") and percent is None:
            if _looks_like_year(clause.group("pct")) or (
                clause.group("pctverb").lower() != "by" and not target_framed
            ):
                continue
            percent = parse_quantity(clause.group("pct"), short_points=True)
        elif clause.group("fromclause") and baseline is None:
            if _looks_like_year(clause.group("base")):
                continue
            value = parse_quantity(clause.group("base"), short_points=True)
            if value is None:
                continue
            period = _context_period(clause, "b") or _period_in(clause.group("fromwords") or "")
            label = _baseline_label(clause.group("fromwords"))
            baseline = Measure(value=value, period=period, label=label)
            from_end = clause.end()
        elif clause.group("baseclause") and baseline is None:
            value = parse_quantity(clause.group("base2"), short_points=True)
            if value is None:
                continue
            bperiod = clause.group("bperiod")
            period = parse_period(bperiod) if bperiod else _context_period(clause, "c")
            baseline = Measure(value=value, period=period, label="baseline")
        elif clause.group("countclause"):
            # "cut incidents by 250, from 3,250 to 3,000": a change in number, which ends the
            # metric but is not a percentage.
            pass
        elif clause.group("toclause") and goal is None:
            prefix = rest[max(0, clause.start() - _RANGE_PREFIX) : clause.start()].rstrip()
            # "aged 10 to 17" is a range; "from 1,100 to 990" is a baseline and a target.
            gap = clause.start() - from_end
            ranged = prefix[-1:].isdigit() and not (0 <= gap <= _FROM_TO_GAP)
            if _looks_like_year(clause.group("tgt")) or ranged:
                continue
            value = parse_quantity(clause.group("tgt"), short_points=True)
            if value is None:
                continue
            goal = Measure(value=value, period=_context_period(clause, "t"))
        elif clause.group("atclause") and goal is None:
            if _looks_like_year(clause.group("at")) or (
                clause.group("qual").lower() == "at" and not _is_percent(clause.group("at"))
            ):
                continue
            value = parse_quantity(clause.group("at"), short_points=True)
            if value is None:
                continue
            qualifier = " ".join(clause.group("qual").split()).lower()
            goal = Measure(value=value, label=None if qualifier == "at" else qualifier)
        elif clause.group("byclause"):
            if deadline is None:
                deadline = _deadline(rest[clause.end() : clause.end() + _DEADLINE_WINDOW])
            if deadline is None:
                continue
        else:
            continue
        if not seen_figure:
            metric_end = clause.start()
            seen_figure = True
        last_clause_end = clause.end()
    if percent is None and goal is None:
        return None
    if deadline is None and _TARGET_WORD.search(before):
        deadline = find_period(before[-_DEADLINE_WINDOW:])
    leading = _LEADING_BY.search(before[-_FRAME_WINDOW:]) if deadline is None else None
    if leading is not None:
        deadline = _deadline(leading.group("when"))
    if goal is not None and goal.period is None and deadline is not None:
        goal = attrs.evolve(goal, period=deadline)
    metric = _metric(rest[:metric_end])
    if metric is None and not rest[:metric_end].strip():
        # "To reduce by 5% the number of deliberate fires": the metric comes after the figures.
        trailing = _CLAUSE_END.split(rest[last_clause_end:], maxsplit=1)[0]
        metric = _metric(trailing) if len(trailing) <= _MAX_TRAILING_METRIC else None
    # The statement is the whole sentence; where a sentence holds several targets the caller
    # narrows each to its own words, so the (possibly long) join is done once per sentence.
    statement = joined(sentence)
    nearby = sentence[max(0, begin - _BEFORE) : end]
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
        baseline=baseline,
        target=goal,
        deadline=deadline,
        indicator=indicator,
        source=source,
    )


def _looks_like_year(text: str) -> bool:
    return bool(_YEAR.fullmatch(text.strip()))


def _baseline_label(words: str | None) -> str | None:
    if not words:
        return None
    cleaned = " ".join(words.split())
    cleaned = _BASELINE_ARTICLE.sub("", cleaned).strip()
    return cleaned or None


def _context_period(clause: Match, name: str) -> Period | None:
    paren = clause.group(f"{name}paren")
    if paren:
        return _period_in(paren)
    inside = clause.group(f"{name}in")
    if inside:
        return parse_period(inside)
    return None


def _period_in(text: str) -> Period | None:
    """The period a short phrase names: "baseline 2003/04", "in the period 2004 to 2006"."""
    found = find_period(text)
    if found is not None:
        return found
    dates = find_dates(text)
    if dates:
        span = dates[0]
        return Period(text=text[span.begin : span.stop], start=span.start, end=span.end)
    return None


def _deadline(text: str) -> Period | None:
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


def _metric(text: str) -> str | None:
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


def _outturn(following: Sequence[tuple[int, str]]) -> Measure | None:
    for _, sentence in following:
        for match in _OUTTURN.finditer(sentence):
            prefix = sentence[: match.start("what")]
            if _NOT_OUTTURN.search(prefix[-_OUTTURN_PREFIX:]):
                continue
            value = parse_quantity(match.group("value"), short_points=True)
            if value is None:
                continue
            return Measure(value=value, period=report_period(sentence[: match.end()]))
    return None


def report_period(text: str) -> Period | None:
    """The period a report figure is for: "year ending March 2008" (April 2007 to March
    2008), else the period :func:`~cspplan.recognise.periods.find_period` finds."""
    try:
        ending = _YEAR_ENDING.search(text)
    except TimeoutError:
        return None
    if ending is not None:
        month = _MONTHS.split("|").index(ending.group("month").lower()[:3]) + 1
        year = int(ending.group("year"))
        day = int(ending.group("day") or calendar.monthrange(year, month)[1])
        try:
            last = dt.date(year, month, day)
        except ValueError:
            return None
        # Twelve months ending then start on the first of the month after, a year before.
        first = dt.date(year - 1 + month // 12, month % 12 + 1, 1)
        return Period(text=" ".join(ending.group(0).split()), start=first, end=last)
    return find_period(text)
