"""The frames that make words a target: a verb of change in an aim, a noun form, a value.

A target is a direction verb in a target frame: an infinitive or imperative ("to reduce",
"Reduce ..." leading its line), a modal ("we will increase", "aim to cut"), or the word
*target* before a noun form ("Target: a 10% reduction in burglary"). Projections ("is
expected to fall by 10%") and achievements ("managed to reduce") are not targets. Without a
verb, a value ("The target for 2010/11 is 2,950"), a labelled value ("Violent crime:
target 18.5") or a bound ("will ensure there are no more than 350 ...") may state one.
"""

from __future__ import annotations

import attrs

from ..model.plan import Target
from ..model.source import SourceRef
from ..model.values import Direction, Measure, Number, PercentBasis
from ..text.numbers import NUMBER, PERCENT, joined, parse_quantity
from ..text.patterns import IGNORECASE, Match, lazy
from .indicators import find_indicators
from .target_figures import (
    BEFORE,
    DEADLINE_WINDOW,
    FRAME_WINDOW,
    LEADING_BY,
    TARGET_WORD,
    deadline_in,
    looks_like_year,
    metric_name,
    period_in,
    read_figures,
    unit_of,
)

__all__ = ["direction_of", "sentence_targets"]

_VERBS = {
    Direction.REDUCE: r"reduce|reducing|decrease|decreasing|cut|cutting|lower|lowering|halve|halving"
    r"|bring\s{1,3}down|drive\s{1,3}down|minimise|fall|drop|decline|go\s{1,3}down"
    # "bring the crime rate down from 93 to 88": the particle after the measure it moves.
    r"|(?:bring|get|drive|push)\s{1,3}(?P<np>(?:(?!(?:down|from|to|by|and)\b)[\w'/-]{1,25}\s{1,3}){1,8}?)down"
    r"|reduced|decreased|lowered|brought\s{1,3}down|driven\s{1,3}down",
    Direction.INCREASE: r"increase|increasing|raise|raising|improve|improving|grow|growing|rise|go\s{1,3}up"
    r"|double|doubling"
    r"|boost|boosting|achieve\s{1,3}an?\s{1,3}increase\s{1,3}(?:in|of)"
    r"|increased|raised|improved",
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
    rf"(?:(?P<pct>{PERCENT}|{NUMBER}\s{{0,2}}percentage\s{{1,2}}points?)\s{{1,3}}"
    rf"(?:(?:further|overall|annual|yearly|year[\s-]on[\s-]year)\s{{1,3}})?(?:(?P<nr>{_NOUNS[Direction.REDUCE]})"
    rf"|(?P<ni>{_NOUNS[Direction.INCREASE]}))"
    rf"|(?:(?P<nr2>{_NOUNS[Direction.REDUCE]})|(?P<ni2>{_NOUNS[Direction.INCREASE]}))"
    rf"\s{{1,3}}(?:of|by)\s{{1,3}}(?P<pct2>{PERCENT}))"
    rf"(?:\s{{1,3}}on\s{{1,3}}(?:the\s{{1,3}})?(?:19|20)\d{{2}}(?:/\d{{2,4}})?\s{{1,3}}(?:levels?|figures?|baseline))?"
    rf"(?:\s{{1,3}}(?:in|of)\b|(?=\s{{0,3}},?\s{{0,3}}from\s)|(?P<bare>(?=\s{{0,3}}(?:[(;.]|$|(?:by|before)\s))))",
    IGNORECASE,
)
# "NI 30 Re-offending rate - target 15% reduction by 2011": the measure labels the target.
_LABEL_TARGET = lazy(
    r"^\W{0,3}(?:(?:NI|BVPI|PSA|KPI|LPI)\s{0,2}-?\s{0,2}\d{1,3}[a-z]{0,4}\s{1,3})?"
    r"(?P<what>[^:;.()]{3,80}?)\s{0,3}[-–:]\s{0,3}(?:local\s{1,3}|annual\s{1,3})?targets?\s{0,3}[:\-–]?\s{0,3}$",
    IGNORECASE,
)
_NOUN_AIM = lazy(
    # "Total crime – a reduction of 7% by 2015": the label of the measure may lead.
    r"(?i)^\W{0,3}(?:[a-z][\w'/&-]{1,25}(?:\s{1,3}[\w'/&-]{1,25}){0,5}\s{0,3}[:–]\s{1,3})?"
    r"(?:an?\s{1,3})?(?:\d{1,3}(?:\.\d{1,2})?\s{0,2}(?:%|per\s?cent)\s{1,3})?"
    r"(?:reduction|decrease|cut|increase|rise|improvement)\b"
)
_LEAD_LABEL = lazy(
    r"^\W{0,3}(?P<what>[A-Za-z][\w'/&-]{1,25}(?:\s{1,3}[\w'/&-]{1,25}){0,5})\s{0,3}[:–]\s"
)
_YEARLY_NOUN = lazy(r"(?i)\b(?:annual|yearly|year[\s-]on[\s-]year)\b")
_BY_DATE = lazy(r"(?i)\b(?:by|before)\s{1,3}(?:the\s{1,3}end\s{1,3}of\s{1,3})?")
_REPORTED = lazy(
    r"(?i)\b(?:was|were|has\s{1,3}been|have\s{1,3}been|had\s{1,3}been|achieved|recorded|saw|seen)\b"
)


def _noun_aim(sentence: str) -> Match | None:
    """A noun form leading its sentence as an aim, "A reduction of 15% in vehicle crime by
    March 2008": with a deadline, and no verb reporting it done ("was achieved")."""
    lead = _NOUN_AIM.match(sentence)
    if lead is None or _REPORTED.search(sentence):
        return None
    by = _BY_DATE.search(sentence, lead.end())
    return lead if by is not None and deadline_in(sentence[by.end() :]) is not None else None


_FIGURE = lazy(r"(?<![\w/])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\w/])")
"""A figure that is not a year."""
# "The target for serious violence was a reduction of 5%": the measure named before the noun.
_TARGET_FOR = lazy(
    r"\b(?:target|aim|ambition|goal)s?\s{1,3}(?:for|on)\s{1,3}(?P<what>[^,;:.()]{3,80}?)"
    r"\s{1,3}(?:is|was|are|were|will\s{1,3}be)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?[^,;:.]{0,20}$",
    IGNORECASE,
)
# "to achieve a 10% reduction in ...": an aim stated as a noun, without the word target.
_ACHIEVE = lazy(
    r"(?:^\W{0,3}|[:;]\s{0,3}|\b(?:to|will|shall|must|aim\s{1,3}to|aims\s{1,3}to)\s{1,3})(?:achieve|deliver|secure|see|make"
    r"|bring\s{1,3}about|realise)\s{1,3}(?:an?|the)\s{1,3}(?:further\s{1,3})?"
    r"(?=\d|(?:reduction|decrease|cut|increase|rise|improvement)\s{1,3}(?:of|by)\s{1,3}\d)",
    IGNORECASE,
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
    r"\s{1,3}(?:(?:also|further|significantly|continue\s{1,3}to|seek\s{1,3}to|help|work\s{1,3}to"
    r"|aim\s{1,3}to|try\s{1,3}to|look\s{1,3}to|strive\s{1,3}to)"
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

_VALUE_AFTER = 30
"""Characters after a stated target value read for what makes it a change, not a value."""
_PERIOD_BEFORE = 30
"""Characters before a stated target value read for the period it is for."""
_NOUN_WORDS = {direction: lazy(pattern) for direction, pattern in _NOUNS.items()}
_COORDINATED = lazy(r"(?:,|;|\band)\s{0,3}(?:to\s{1,3}|will\s{1,3})?$")
"""The end of the words before a second verb joined to the first ("reduce A, and cut B")."""
_OF_PREFIX = lazy(r"(?i)^\s{0,3}of\s")
_PERIOD_WORD = lazy(r"\s{0,3}(?:in|by|during|before)\s{1,3}")
_FRAME_START = lazy(r"(?i)(?:(?:,|;|\band)\s{0,3})?(?:\b(?:to|will)\s{1,3})?$")
_TO_END = lazy(r"(?i)\bto\s{1,3}$")
_WILL_VERB = lazy(r"(?i)\b(?:will|shall|must)\s{1,3}(?:\w+\s{1,3}){1,2}$")


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


_PASSIVE_BEFORE = lazy(
    r"(?i)\b(?:will|shall|must|(?:is|are)\s{1,3}to|needs?\s{1,3}to)\s{1,3}be\s{1,3}"
    r"(?:(?:further|significantly)\s{1,3})?$"
)
# "By 2017 we will have reduced ...": an aim in the future perfect.
_PERFECT_BEFORE = lazy(
    r"(?i)\b(?:will|shall|aims?\s{1,3}to|intends?\s{1,3}to|plans?\s{1,3}to|wants?\s{1,3}to)"
    r"\s{1,3}have\s{1,3}$"
)
_PARTICIPLE = lazy(
    r"(?i)reduced|decreased|lowered|brought\s{1,3}down|driven\s{1,3}down|increased|raised|improved"
)
_SUBJECT_START = lazy(r"(?:^|[.:;]\s)\s{0,3}(?P<subject>[^.:;]{3,120})$")
_INTRANSITIVE = lazy(r"(?i)fall|drop|decline|go\s{1,3}down|rise|go\s{1,3}up")
"""Verbs whose subject is the measure that moves: "burglary to fall by 8%"."""
_AIM_FOR = lazy(
    r"(?i)^\s{0,3}(?:(?:(?:our|the|their|its)\s{1,3})?(?:aim|target|ambition|goal|objective)"
    r"\s{1,3}(?:is|was|will\s{1,3}be)\s{1,3}for"
    r"|(?:we|partners|the\s{1,3}partnership)\s{1,3}(?:want|wants|would\s{1,3}like|need|needs"
    r"|intend|intends|expect|expects))\s{1,3}"
)
_ARTICLE_END = lazy(r"(?i)\b(?:an?|the)\s{1,3}(?:further\s{1,3}|small\s{1,3}|large\s{1,3})?$")
_MODAL_END = lazy(r"(?i)\s{1,3}(?:to|will|shall|must|should)\s{1,3}$")


def _subject(text: str) -> str | None:
    """The subject of a passive aim: the words of its clause before "will be cut"."""
    match = _SUBJECT_START.search(text)
    return match.group("subject") if match is not None else None


def sentence_targets(sentence: str, source: SourceRef) -> list[Target]:
    """Every target one sentence states: by a framed verb, else a noun form after the
    word target, else a stated value, a labelled value or a bound."""
    # "an increase of 19%" uses the verb's word as a noun: it neither frames a target nor
    # ends the clauses of the verb before it.
    verbs = [
        v
        for v in _VERB.finditer(sentence)
        if not _ARTICLE_END.search(sentence[max(0, v.start() - 16) : v.start()])
    ]
    targets: list[Target] = []
    starts: list[int] = []
    previous_end = -1
    for position, verb in enumerate(verbs):
        end = verbs[position + 1].start() if position + 1 < len(verbs) else len(sentence)
        # Only the words just before the verb frame it; a bounded window keeps long texts linear.
        window = max(0, verb.start() - BEFORE)
        before = sentence[window : verb.start()]
        coordinated = previous_end >= 0 and _COORDINATED.search(before)
        intransitive = _INTRANSITIVE.fullmatch(verb.group(0)) is not None
        if intransitive:
            # "burglary to fall by 8%" aims; "is expected to fall", "continues to fall"
            # and "a fall of 8%" do not.
            modal = _MODAL_END.search(before)
            if modal is None or not _is_frame(before, strict=True):
                continue
            subject = _subject(before[: modal.start()])
            if subject is not None:
                subject = _AIM_FOR.sub("", subject)
            target = read_figures(sentence, verb.end(), end, _direction(verb), before, source)
            if target is not None and subject:
                target = attrs.evolve(target, metric=metric_name(subject))
            if target is not None:
                targets.append(target)
                starts.append(window + _frame_start(before))
                previous_end = end
            continue
        perfect = _PERFECT_BEFORE.search(before)
        if not (coordinated or _is_frame(before) or _PASSIVE_BEFORE.search(before) or perfect):
            continue
        passive = _PASSIVE_BEFORE.search(before)
        if _PARTICIPLE.fullmatch(verb.group(0)) and passive is None and perfect is None:
            # "crime reduced by 5%" reports; only "will be reduced by 5%" aims.
            continue
        target = read_figures(sentence, verb.end(), end, _direction(verb), before, source)
        if target is not None and (verb.group("np") or passive):
            # The measure stands between the verb and its particle, or before a passive
            # (where words after the figures are never its metric).
            named = verb.group("np") or (_subject(before[: passive.start()]) if passive else None)
            if named or verb.group("np") or target.metric is None:
                target = attrs.evolve(target, metric=metric_name(named) if named else None)
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
        first_word = (
            TARGET_WORD.search(sentence) or _ACHIEVE.search(sentence) or _noun_aim(sentence)
        )
    if first_word is not None:
        for noun in _NOUN_FORM.finditer(sentence, first_word.start()):
            if noun.group("bare") is not None and _FIGURE.search(
                sentence, first_word.end(), noun.start()
            ):
                # "The target for 2011/12 is 3,400 offences, a reduction of 4%": the
                # change follows a stated value, which the value reading takes whole.
                break
            direction = (
                Direction.REDUCE if noun.group("nr") or noun.group("nr2") else (Direction.INCREASE)
            )
            pct = noun.group("pct") or noun.group("pct2")
            target = read_figures(
                sentence,
                noun.end(),
                len(sentence),
                direction,
                sentence[max(0, noun.start() - BEFORE) : noun.start()],
                source,
                percent_text=pct,
            )
            if target is not None and _YEARLY_NOUN.search(noun.group(0)):
                target = attrs.evolve(target, percent_basis=PercentBasis.PER_YEAR)
            if target is not None and target.metric is None:
                before_noun = sentence[max(0, noun.start() - BEFORE) : noun.start()]
                named = _TARGET_FOR.search(before_noun) or _LABEL_TARGET.search(before_noun)
                if named is not None:
                    target = attrs.evolve(target, metric=metric_name(named.group("what")))
            if target is not None:
                targets.append(target)
            break
    if len(targets) == 1 and targets[0].metric is None:
        # "Burglary: reduce by 8%": the label leading the sentence names the measure.
        label = _LEAD_LABEL.match(sentence)
        if label is not None and not TARGET_WORD.fullmatch(label.group("what").strip()):
            targets[0] = attrs.evolve(targets[0], metric=metric_name(label.group("what")))
    if not targets:
        stated = (
            _stated_value(sentence, source)
            or _labelled_value(sentence, source)
            or _bound(sentence, source)
            or _moved_by(sentence, source)
        )
        if stated is not None:
            targets.append(stated)
    return targets


_LABELLED_VALUE = lazy(
    rf"^\W{{0,3}}(?P<label>[^:;.]{{3,120}}?)\s{{0,3}}[:\-–]\s{{0,3}}(?:(?:local|laa|annual)\s{{1,3}})?targets?\s{{1,3}}"
    rf"(?:(?:rate|level|figure|value)\s{{1,3}}(?:of\s{{1,3}})?)?(?P<value>{PERCENT}|{NUMBER})(?![\w/%])\s{{0,3}}"
    rf"(?:(?:by|in|for)\s{{1,3}}(?P<when>[^,.;()]{{2,30}}?))?\s{{0,3}}(?:[.;,]|$)",
    IGNORECASE,
)


def _labelled_value(sentence: str, source: SourceRef) -> Target | None:
    """A target value after the name of what it measures: "BVPI 127a Violent crime per 1,000
    population: target 18.5 by 2007/08"."""
    match = _LABELLED_VALUE.search(sentence.strip())
    value = _value_of(match)
    if match is None or value is None:
        return None
    deadline = deadline_in(match.group("when")) if match.group("when") else None
    label = match.group("label")
    indicators = [i for i in find_indicators(label, source) if i.code]
    indicator = indicators[0] if indicators else None
    metric = metric_name(indicator.title if indicator and indicator.title else label)
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


_BOUND_QUALIFIER = (
    r"no\s{1,3}more\s{1,3}than|not\s{1,3}more\s{1,3}than|fewer\s{1,3}than|at\s{1,3}least"
    r"|at\s{1,3}most|a\s{1,3}maximum\s{1,3}of|a\s{1,3}minimum\s{1,3}of"
    r"|at\s{1,3}or\s{1,3}(?:below|under|less\s{1,3}than|above|over|more\s{1,3}than)"
)
# "No more than 64 casualties a year in accidental dwelling fires": the bound leads its
# sentence, or follows the label naming the measure ("Youth offending: no more than ...").
_LEADING_BOUND = lazy(
    rf"^\W{{0,3}}(?:(?P<label>[A-Za-z][\w'/&-]{{1,25}}(?:\s{{1,3}}[\w'/&-]{{1,25}}){{0,5}})\s{{0,3}}[:–-]\s{{1,3}})?"
    rf"(?P<qual>{_BOUND_QUALIFIER})\s{{1,3}}(?P<value>{PERCENT}|{NUMBER})(?![\w/])"
    rf"(?P<what>[^.;:()]{{0,160}})",
    IGNORECASE,
)
_FINITE = lazy(
    r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|shall|should"
    r"|can|could|may|might|must|fell|rose|remained|stayed|stood|got|took|saw|received|attended"
    r"|entered|completed|since|between|last|previous|past)\b"
)
"""Words that make the words after a bound a clause, not a measure: a verb (the figure is
reported or forecast, not aimed at), or a span in the past ("since 2008")."""
_PER_YEAR = lazy(
    r"(?i)\s{0,3},?\s{0,3}\b(?:(?:a|per|each|every)\s{1,3}(?:year|annum)|annually|yearly)\b"
)


def _leading_bound(sentence: str, source: SourceRef) -> Target | None:
    """A yearly ceiling or floor stated as the sentence itself: "No more than 64 casualties a
    year in accidental dwelling fires". Only a figure for each year (or by a date) makes
    it a target: "At least 40 young people each term" counts an output."""
    match = _LEADING_BOUND.match(sentence.strip())
    value = _value_of(match)
    if match is None:
        return None
    what = match.group("what")
    if _FINITE.search(what):
        return None  # "At least 450 users were in treatment each year": a report
    yearly = _PER_YEAR.search(what)
    label = match.group("label")
    # A share held under a ceiling after the measure's label ("Re-offending: no more than
    # 9.5%") is a standing target too; a count needs its year.
    rate = label is not None and "%" in match.group("value") and not what.strip()
    if value is None or (yearly is None and not rate):
        return None
    words = f"{what[: yearly.start()]} {what[yearly.end() :]}" if yearly else ""
    # "Alcohol-related admissions: no more than 1,200 a year": the label names the measure.
    metric = metric_name(_OF_PREFIX.sub("", words)) or metric_name(label or "")
    if metric is None:
        return None
    qualifier = " ".join(match.group("qual").split()).lower()
    goal = Measure(value=value, label=qualifier)
    nearby = sentence[: match.end()]
    indicators = [i for i in find_indicators(nearby, source) if i.code]
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        direction=Direction.MAINTAIN,
        unit=unit_of(None, None, goal, metric, nearby),
        per="year" if yearly else None,
        target=goal,
        indicator=indicators[0] if indicators else None,
        source=source,
    )


def _bound(sentence: str, source: SourceRef) -> Target | None:
    """A ceiling or a floor set as an aim: "will ensure there are no more than 350 hospital
    admissions for assault in 2021/22". Which way the figure is to move is not said."""
    match = _BOUND_FORM.search(sentence)
    value = _value_of(match)
    if match is None or value is None:
        return _leading_bound(sentence, source)
    metric = metric_name(_OF_PREFIX.sub("", match.group("what")))
    if value is None or metric is None:
        return None
    after = sentence[match.end() : match.end() + DEADLINE_WINDOW]
    period = _PERIOD_WORD.match(after)
    deadline = deadline_in(after[period.end() :]) if period is not None else None
    if deadline is None:
        # Without a date it is a standing output ("see at least 40 young people each term").
        return None
    qualifier = " ".join(match.group("qual").split()).lower()
    goal = Measure(value=value, period=deadline, label=qualifier)
    nearby = sentence[max(0, match.start() - BEFORE) : match.end() + DEADLINE_WINDOW]
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


_OR_WORDS = "fewer|less|lower|below|under|more|higher|above|over"
"""The words of a bound after a target value: "350 or fewer"."""
_VALUE_FORM = lazy(
    rf"\b(?:(?P<kind>milestone|annual|interim|stretch|year\s{{1,3}}\d|\d{{4}}/\d{{2}})\s{{1,3}})?targets?"
    rf"(?:\s{{1,3}}for\s{{1,3}}(?P<for>[^,.;:()]{{2,40}}?)|\s{{1,3}}(?P<for2>(?:19|20)\d{{2}}(?:/\d{{2}})?))?"
    rf"\s{{0,3}}(?P<verb>is|was|will\s{{1,3}}be|of|:|=|–|—|-(?=\s))\s{{1,3}}"
    rf"(?:to\s{{1,3}}(?:achieve|reach)\s{{1,3}})?(?P<value>{PERCENT}|{NUMBER})(?![\w/]|\s{{0,2}}(?:%|per\s?cent))"
    rf"(?P<what>(?:(?!\s{{1,3}}or\s{{1,3}}(?:{_OR_WORDS})\b)\s{{1,3}}[a-z][\w\-]{{1,20}}){{0,5}})"
    rf"(?:\s{{0,3}}[,(]\s{{0,3}}(?:a|an|which\s{{1,3}}is\s{{1,3}}a|representing\s{{1,3}}a)\s{{1,3}}"
    rf"(?:(?P<vpct>{PERCENT})\s{{1,3}}(?:(?P<vr>reduction|decrease|cut)|(?P<vi>increase|rise|improvement))"
    rf"|(?:(?P<vr2>reduction|decrease|cut)|(?P<vi2>increase|rise|improvement))\s{{1,3}}of\s{{1,3}}(?P<vpct2>{PERCENT})))?",
    IGNORECASE,
)
# "Target – 350 deliberate fires or fewer": the bound after the value.
_OR_BOUND = lazy(rf"(?i)\s{{1,3}}or\s{{1,3}}(?P<word>{_OR_WORDS})\b")
_NOT_A_VALUE = lazy(r"\s{0,3}(?:reduction|decrease|cut|increase|rise|improvement|of\s)", IGNORECASE)
# "Target: 2,280 (2010/11)": the period the value is for, in brackets after it.
_VALUE_PERIOD = lazy(
    r"^\s{0,3}\(\s{0,2}(?P<period>(?:19|20)\d{2}(?:\s{0,2}[/\-–]\s{0,2}\d{2,4})?)\s{0,2}\)"
)
# "180 (baseline 2010/11: 200)", "2,950, from a baseline of 3,100": the baseline after the value.
_BASELINE_AFTER = lazy(
    rf"^[^.;]{{0,40}}?\bbaseline\s{{0,3}}(?:(?:for|in)\s{{1,3}})?\(?(?P<period>(?:19|20)\d{{2}}(?:\s{{0,2}}[/\-–]\s{{0,2}}\d{{2,4}})?)?\)?"
    rf"\s{{0,3}}(?:[:=]|\s(?:of|was|is))?\s{{0,3}}(?P<value>{PERCENT}|{NUMBER})(?![\w/])",
    IGNORECASE,
)
_CHANGE_FIGURES = lazy(r"\s{0,3}(?:\(\s{0,2})?(?:from|on)\s", IGNORECASE)
_PREPOSITION = lazy(
    r"(?:by|in|for|to|and|from|of|at|on|per|the|a|an|was|is|will|which|that)\b", IGNORECASE
)


def _stated_value(sentence: str, source: SourceRef) -> Target | None:
    """A target given as a value: "The target for 2010/11 is 2,950 offences, a reduction of
    5%", "The milestone target for 2009 is 427", "LAA target: 82%"; or as a change with its
    figures and no verb, "The target was 30% from 4,632 (baseline 2003/04) to 3,242"."""
    match = _VALUE_FORM.search(sentence)
    value = _value_of(match)
    if match is None or value is None:
        return None
    following = sentence[match.end("value") : match.end("value") + _VALUE_AFTER]
    if _NOT_A_VALUE.match(following):
        return None
    if _CHANGE_FIGURES.match(following):
        verb = match.start("verb")
        return read_figures(
            sentence, verb, len(sentence), None, sentence[max(0, verb - BEFORE) : verb], source
        )
    after = sentence[match.end("value") :]
    bracketed = _VALUE_PERIOD.match(after)
    deadline = (
        period_in(match.group("for") or match.group("for2") or "")
        or period_in(sentence[max(0, match.start() - _PERIOD_BEFORE) : match.start()])
        or (period_in(bracketed.group("period")) if bracketed else None)
    )
    baseline = _baseline_after(after)
    pct_text = match.group("vpct") or match.group("vpct2")
    direction: Direction | None = None
    if match.group("vr") or match.group("vr2"):
        direction = Direction.REDUCE
    elif match.group("vi") or match.group("vi2"):
        direction = Direction.INCREASE
    percent = parse_quantity(pct_text, short_points=True) if pct_text else None
    what = (match.group("what") or "").strip()
    metric = metric_name(what) if what and not _PREPOSITION.match(what) else None
    kind = match.group("kind")
    bound = _OR_BOUND.match(sentence, match.end("value") if not what else match.end("what"))
    qualifier = f"or {bound.group('word').lower()}" if bound else None
    goal = Measure(value=value, period=deadline, label=kind.lower() if kind else qualifier)
    nearby = sentence[max(0, match.start() - BEFORE) : match.end()]
    indicators = [i for i in find_indicators(nearby, source) if i.code]
    if direction is None and baseline is not None and baseline.value.value != value.value:
        direction = Direction.REDUCE if value.value < baseline.value.value else Direction.INCREASE
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        direction=direction,
        percent=percent,
        unit=unit_of(percent, baseline, goal, metric, nearby),
        baseline=baseline,
        target=goal,
        deadline=deadline,
        indicator=indicators[0] if indicators else None,
        source=source,
    )


def _baseline_after(text: str) -> Measure | None:
    """The baseline a stated value names after it: "(baseline 2010/11: 200)"."""
    match = _BASELINE_AFTER.match(text)
    value = _value_of(match)
    if match is None or value is None:
        return None
    period = period_in(match.group("period")) if match.group("period") else None
    return Measure(value=value, period=period, label="baseline")


# "Drug-related offending down 10% by 2015": a measure, which way, how much, by when.
_MOVED_BY = lazy(
    rf"^\W{{0,3}}(?P<what>[A-Za-z][^.;()%]{{2,80}}?)\s{{0,3}}[:–]?\s{{1,3}}(?P<way>down|up)\s{{1,3}}(?:by\s{{1,3}})?"
    rf"(?P<value>{PERCENT})\s{{1,3}}(?:by|before)\s{{1,3}}(?:the\s{{1,3}}end\s{{1,3}}of\s{{1,3}})?",
    IGNORECASE,
)


_SHOWN = lazy(r"(?i)\b(?:shows?|showed|shown|saw|sees?|seen|means?|meant|with|figures|data)\b")
"""Words before a headline change that make it a reading of figures, not an aim."""


def _moved_by(sentence: str, source: SourceRef) -> Target | None:
    """A change stated as a headline with a deadline: "Drug-related offending down 10% by
    2015". Without the deadline ("down 10% on last year") or with a verb ("crime was down
    10% by March") it reports a change, and is no target."""
    match = _MOVED_BY.match(sentence.strip())
    value = _value_of(match)
    if match is None or value is None or _FINITE.search(match.group("what")):
        return None
    rest = sentence.strip()[match.end() :]
    deadline = deadline_in(rest)
    metric = metric_name(match.group("what"))
    if deadline is None or metric is None or _SHOWN.search(match.group("what")):
        return None
    if rest[len(deadline.text) :].strip(" .;,") if rest.startswith(deadline.text) else True:
        return None  # more after the date ("compared with 2013/14"): a report's comparison
    return Target(
        id="",
        statement=joined(sentence),
        metric=metric,
        direction=Direction.REDUCE if match.group("way").lower() == "down" else Direction.INCREASE,
        percent=value,
        unit=unit_of(value, None, None, metric, sentence),
        deadline=deadline,
        source=source,
    )


def _value_of(match: Match | None) -> Number | None:
    """The figure a form's ``value`` group holds; ``None`` for a year, never a target's
    figure, or for no match."""
    if match is None or looks_like_year(match.group("value")):
        return None
    return parse_quantity(match.group("value"), short_points=True)


def _frame_start(before: str) -> int:
    """Where the words introducing a verb begin: "and to " or "To " before "reduce"."""
    match = _FRAME_START.search(before)
    return match.start() if match is not None else len(before)


def _direction(verb: Match) -> Direction:
    """The direction of the verb ``_VERB`` matched."""
    return next(
        Direction[name] for name, value in verb.groupdict().items() if value and name != "np"
    )


def _is_frame(before: str, strict: bool = False) -> bool:
    """True where the words ``before`` a verb make it an aim. ``strict`` (for verbs whose
    subject moves, "crime will continue to fall") takes "will continue to" as a forecast."""
    tail = before[-FRAME_WINDOW:]
    if _MODAL.search(tail):
        to_before = _TO_END.sub("", tail)
        forecast = to_before != tail and _NOT_A_FRAME.search(to_before)
        # "target is to reduce" and "will continue to reduce" are aims, not forecasts.
        aimed = _TARGET_IS.search(to_before) or (not strict and _WILL_VERB.search(to_before))
        return not forecast or bool(aimed)
    if strict:
        return False
    if LEADING_BY.search(tail) is not None:
        return True
    return _LEADS.search(tail) is not None
