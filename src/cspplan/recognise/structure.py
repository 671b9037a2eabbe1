"""A plan's outline: action plan sections, priority headings and lists, objectives, legends.

Small pure functions over the text of one block, used by :func:`cspplan.recognise.build_plan`
as it walks the document:

- :func:`action_plan_title`: "Anti-social Behaviour Action Plan" opens an action plan section,
  which becomes a priority holding that plan's objectives, actions and indicators;
- :func:`is_priorities_heading` / :func:`is_priorities_intro`: a "Priorities" heading or an
  "our priorities are:" / "The four key priorities ... are:" paragraph introduces priorities;
- :func:`ends_section`: headings such as "Performance", "Review" or "Contacts" end them;
- :func:`objective_line`: "Objective 3 Develop and implement ..." states an objective;
- :func:`named_prefix`: "Anti-social Behaviour - Strategic target to ..." names the priority
  a target belongs to;
- :func:`legend_entry`: "* Community reassurance related action" or "... indicated with ▲"
  explains a marker;
- :func:`priority_key` / :func:`match_priority`: whether two wordings name the same priority.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..text.patterns import DOTALL, IGNORECASE, lazy
from ..text.words import AUXILIARIES, FUNCTION_WORDS, singular

__all__ = [
    "action_plan_title",
    "bare_priority",
    "ends_section",
    "is_delivery_heading",
    "is_measures_heading",
    "is_priorities_heading",
    "is_priorities_intro",
    "is_priority_part",
    "is_sub_label",
    "legend_entry",
    "list_label",
    "match_priority",
    "match_score",
    "named_prefix",
    "objective_line",
    "priority_heading",
    "priority_key",
    "section_number",
]

ACTION_PLAN_CHARS = 120
"""The longest heading that may name an action plan."""
PRIORITIES_HEADING_CHARS = 100
"""The longest heading that may introduce the priorities."""
INTRO_CHARS = 400
"""The longest paragraph that may introduce a list of priorities."""
OBJECTIVES_INTRO_CHARS = 300
"""The longest line that may introduce a list of objectives."""
PRIORITY_PART_WORDS = 14
"""The most words a heading naming a part of a priority's section may have."""
SUB_LABEL_CHARS = 90
"""The longest line that may only label what follows."""
PREFIX_WORDS = 10
"""The most words a priority's name before a target statement may have."""
LEGEND_ITEM_WORDS = 20
"""The most words a list item bulleted with a marker symbol may have to explain it."""
LEGEND_MEANING_WORDS = 25
"""The most words a "▲ = ..." line may give as the marker's meaning."""
MATCH_SHARE = 0.6
"""The share of the shorter wording's key words the other must hold to name the same priority."""

_NO_THEME = lazy(r"(?:the|our|an?|this|year\s+\d+|\d{4}.*)", IGNORECASE)
"""What is left of "The Action Plan" or "2008 Action Plan" once "action plan" is cut: no theme."""
_PLEASE_NOTE = lazy(r"^please\s+note\s+(?:that\s+)?", IGNORECASE)
_LETTERS = lazy(r"[a-z]+")

_SECTION_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
"""The number a heading may open with ("3.", "2.1"), as an optional pattern."""
_ACTION_PLAN = lazy(
    "^" + _SECTION_NUMBER + r"(?P<title>.{3,100}?)\s*[-–:]?\s*"
    r"(?:action|delivery|work|implementation)\s+plan\s*(?:\d{4}(?:\s*[-–/]\s*\d{2,4})?)?\s*$",
    IGNORECASE,
)
_ACTION_PLAN_FOR = lazy(
    r"^(?:action|delivery)\s+plan\s*(?:for|[-–:])\s*(?P<title>.{3,100})$", IGNORECASE
)
_PRIORITIES_HEADING = lazy(
    "^" + _SECTION_NUMBER + r"(?:(?:our|the|key|strategic|community\s+safety|"
    r"partnership|agreement|plan|\w+)\s+){0,5}(?:priorit(?:y|ies)|themes)\b(?:\s+(?:for\s+)?"
    r"(?:(?:19|20)\d{2}\s*[-–/]\s*\d{2,4}|(?:19|20)\d{2}))?\s*:?\s*$",
    IGNORECASE,
)
_PRIORITIES_INTRO = lazy(
    r"\b(?:our|key|main|top|strategic|(?:\w+\s+)?key)\s+(?:\w+\s+){0,3}priorities\b"
    r"(?:\s+(?:for|of|in)\s+[^.:]{0,60}?)?\s*(?:are|will\s+be|include|:)\s*:?\s*$"
    r"|\bpriorities\s+(?:have\s+been|were|are)\s+(?:identified|agreed|set|chosen)\b[^.]{0,160}:\s*$"
    r"|\bpriorities\s+(?:are|will\s+be)\s*:\s*$"
    r"|\b(?:partnership|plan|strategy|we|csp|board)\s+(?:has|have)\s+(?:(?:agreed|set|identified|adopted|chosen)\s+)?"
    r"(?:\w+\s+){0,3}priorities(?:\s+(?:for|of|in)\s+[^.:]{0,60}?)?\s*:\s*$"
    r"|\bthe\s+following\s+(?:\w+\s+){0,2}priorities(?:\s+(?:for|of|in)\s+[^.:]{0,60}?)?\s*:\s*$",
    IGNORECASE,
)
_SECTION_WORDS = lazy(
    "^" + _SECTION_NUMBER + r"(?:appendix|annex|performance|review|monitoring|governance|"
    r"contacts?|contact\s+us|introduction|foreword|resources|risk|data\s+sharing|glossary|"
    r"background|context|summary|executive\s+summary|how\s+(?:we|you)\b|who\s+will\b|"
    r"further\s+information|references|conclusion|the\s+way\s+forward|communication)\b",
    IGNORECASE,
)
_NUMBERED = lazy(r"^(?P<n>\d{1,2})(?:\.(?!\d)|\s)")
_OBJECTIVE = lazy(
    r"^\s*(?:objective|aim)\s+(?P<ref>\d{1,2}(?:\.\d{1,2})?|[A-Z])\s*[.:\-–)]?\s+(?P<text>\S.*)$",
    IGNORECASE | DOTALL,
)
_PREFIX = lazy(
    r"^(?P<name>[A-Z][^.:;!?]{2,80}?)\s*(?:\s[-–—]|[-–—]\s|:)\s*(?P<rest>.*\b(?i:targets?)\b.*)$",
    DOTALL,
)
_DELIVERY = lazy(
    r"\b(?:actions?|delivery|delivering|what\s+we\s+will\s+do|we\s+will|commitments?)\b",
    IGNORECASE,
)
_SUB_LABEL = lazy(
    r"^(?:(?:laa|local|national|key|relevant|our)\s+)?(?:targets?|indicators?|performance\s+"
    r"indicators?|measures?|outcomes?|we\s+(?:aim|will)\s+to|we\s+will|aims?|objectives?)\b"
    r"[^.]{0,80}[:;]?\s*$",
    IGNORECASE,
)
_STOPWORDS = (
    FUNCTION_WORDS
    | AUXILIARIES
    | frozenset(
        [
            "action",
            "actions",
            "area",
            "areas",
            "delivery",
            "group",
            "improve",
            "improving",
            "inc",
            "incl",
            "include",
            "includes",
            "including",
            "increase",
            "increasing",
            "its",
            "less",
            "level",
            "levels",
            "more",
            "number",
            "numbers",
            "our",
            "panel",
            "plan",
            "plans",
            "priorities",
            "priority",
            "reduce",
            "reduced",
            "reducing",
            "reduction",
            "strategic",
            "tackle",
            "tackled",
            "tackling",
            "target",
            "targets",
            "team",
            "their",
            "theme",
            "work",
            "year",
        ]
    )
)
_LEGEND_WITH = lazy(
    r"^(?P<meaning>.*?)[.,;:]?\s*(?:these\s+are\s+|they\s+are\s+|are\s+|is\s+)?"
    r"(?:indicated|marked|shown|highlighted|flagged|denoted|identified)\s+"
    r"(?:with|by|as)\s+(?:the\s+following\s+|an?\s+|the\s+)?(?:symbol\s+)?"
    r"(?P<symbol>\S)\s*\W{0,3}$",
    IGNORECASE | DOTALL,
)


def action_plan_title(text: str) -> str | None:
    """The section a heading opens where it names an action plan ("Property Crime Action
    Plan", "Action Plan: Domestic Abuse"); the heading's text as the title, else ``None``."""
    cleaned = " ".join(text.split())
    if len(cleaned) > ACTION_PLAN_CHARS:
        return None
    match = _ACTION_PLAN.match(cleaned) or _ACTION_PLAN_FOR.match(cleaned)
    if not match:
        return None
    title = match.group("title").strip(" -–:")
    if not title or _NO_THEME.fullmatch(title):
        return None
    if title.split()[-1].lower() in {"the", "our", "a", "an", "this", "of", "for", "to", "and"}:
        return None  # "Delivering the Action Plan" is about the plan, not a section of it
    return cleaned


_PRIORITY_HEADING = lazy(
    r"^(?:(?:strategic|key|our)\s+)?(?:priority|theme|strand|outcome|priority\s+area)\s+"
    r"(?P<ref>\d{1,2}|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.\-–—)]\s*"
    r"(?P<title>\S.{1,100})$",
    IGNORECASE,
)


def priority_heading(text: str) -> tuple[str, str] | None:
    """``(ref, title)`` where a heading numbers a priority ("Priority 2: Hate crime",
    "Theme B - Safer roads"), else ``None``."""
    match = _PRIORITY_HEADING.match(" ".join(text.split()))
    if not match:
        return None
    return match.group("ref"), match.group("title").strip()


_BARE_PRIORITY = lazy(
    r"^(?:(?:strategic|key|our)\s+)?(?:priority|theme|strand|priority\s+area)\s+"
    r"(?P<ref>\d{1,2}|[A-Z]|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.\-–—]?$",
    IGNORECASE,
)


def bare_priority(text: str) -> str | None:
    """The ref where a heading numbers a priority and names nothing ("Priority 3", "THEME
    B:"): its name is on the line after it."""
    match = _BARE_PRIORITY.match(" ".join(text.split()))
    return match.group("ref") if match else None


def is_priorities_heading(text: str) -> bool:
    """True where a heading introduces the plan's priorities ("Priorities", "Our Priorities",
    "3. Community Safety Agreement Priorities 2008-2011")."""
    cleaned = " ".join(text.split())
    return len(cleaned) <= PRIORITIES_HEADING_CHARS and bool(_PRIORITIES_HEADING.match(cleaned))


def is_priorities_intro(text: str) -> bool:
    """True where a paragraph introduces a list of the plan's own priorities ("The four key
    priorities for community safety are:")."""
    cleaned = " ".join(text.split())
    return len(cleaned) <= INTRO_CHARS and bool(_PRIORITIES_INTRO.search(cleaned))


def ends_section(text: str) -> bool:
    """True where a heading starts a part of a plan that holds no priorities (performance,
    review, governance, contacts, appendices)."""
    return bool(_SECTION_WORDS.match(" ".join(text.split())))


def section_number(text: str) -> int | None:
    """The number a heading starts with ("3. Priorities" is 3), else ``None``."""
    match = _NUMBERED.match(text.strip())
    return int(match.group("n")) if match else None


def is_delivery_heading(text: str) -> bool:
    """True where a heading introduces what will be done ("Less crime - delivery actions")."""
    return bool(_DELIVERY.search(text))


_MEASURES = lazy(
    r"\b(?:how\s+we\s+will\s+(?:know|measure)|how\s+will\s+we\s+(?:know|measure)|measur\w*\s+(?:of\s+)?success|success\s+measures?|"
    r"performance\s+(?:indicators?|measures?)|we\s+will\s+measure)\b",
    IGNORECASE,
)


def is_measures_heading(text: str) -> bool:
    """True where a heading introduces how success will be measured ("How we will know we
    have improved things?"), so the lists under it are indicators."""
    return bool(_MEASURES.search(text))


_LIST_LABEL = lazy(
    r"^(?:(?:our|the|key|main|strategic|specific|local)\s+){0,2}(?P<kind>objectives|aims|"
    r"(?:performance\s+)?indicators|performance\s+measures|measures\s+of\s+success|"
    r"success\s+measures|actions|action\s+points|targets|"
    r"how\s+we\s+will\s+(?:measure|know)(?:\s+\w+){0,5}|what\s+success\s+(?:will\s+)?looks?\s+like)"
    r"(?:\s+(?:are|will\s+be|include))?\s*:\s*$",
    IGNORECASE,
)


_OBJECTIVES_INTRO = lazy(
    r"\b(?:plan|strategy|partnership|we|csp|board)\s+(?:has|have)\s+(?:(?:agreed|set|identified)\s+)?"
    r"(?:\w+\s+){0,3}objectives(?:\s+(?:for|of|in)\s+[^.:]{0,60}?)?\s*:\s*$"
    r"|\b(?:our|the)\s+(?:\w+\s+){0,2}objectives(?:\s+(?:for|of|in)\s+[^.:]{0,60}?)?\s+(?:are|will\s+be)\s*:\s*$",
    IGNORECASE,
)


def list_label(text: str) -> str | None:
    """``objective``, ``indicator`` or ``action`` where a line only labels the list after it
    ("Objectives:", "Our key actions are:", "Performance indicators:", "The plan has five
    strategic objectives:"), else ``None``."""
    cleaned = " ".join(text.split())
    if len(cleaned) <= OBJECTIVES_INTRO_CHARS and _OBJECTIVES_INTRO.search(cleaned):
        return "objective"
    match = _LIST_LABEL.match(cleaned)
    if not match:
        return None
    kind = match.group("kind").lower()
    if kind.startswith(("objective", "aim")):
        return "objective"
    if kind.startswith("action"):
        return "action"
    return "indicator"


_PRIORITY_PART = lazy(
    "^" + _SECTION_NUMBER + r"(?:why\s+(?:is\s+)?(?:this|it)\b|why\s+this\s+matters|"
    r"what\s+we\s+(?:will|want|are\s+going\s+to|plan\s+to)\b|what\s+will\s+we\b|"
    r"how\s+(?:we\s+will|will\s+we)\b|what\s+(?:the\s+)?(?:data|evidence|analysis)\b|"
    r"where\s+(?:we\s+are|are\s+we)\b|what\s+(?:does\s+)?success\b|our\s+(?:commitments?|approach|"
    r"ambitions?)\b|key\s+(?:actions|activities|facts|issues)\b|the\s+(?:issue|challenge|context)\b|"
    r"(?:context|background|the\s+evidence)\s*$)",
    IGNORECASE,
)


def is_priority_part(text: str) -> bool:
    """True where a heading names a part of the open priority's section rather than a new
    section ("Why is this a priority?", "What we will do", "How will we know we are making a
    difference?")."""
    cleaned = " ".join(text.split())
    return len(cleaned.split()) <= PRIORITY_PART_WORDS and bool(_PRIORITY_PART.match(cleaned))


def is_sub_label(text: str) -> bool:
    """True where a short line only labels what follows ("LAA Targets;", "We aim to:")."""
    cleaned = " ".join(text.split())
    return len(cleaned) <= SUB_LABEL_CHARS and bool(_SUB_LABEL.match(cleaned))


def objective_line(text: str) -> tuple[str, str] | None:
    """``(ref, text)`` where a line states a numbered objective ("Objective 2 Develop ...")."""
    match = _OBJECTIVE.match(" ".join(text.split()))
    if not match:
        return None
    return match.group("ref"), " ".join(match.group("text").split())


def named_prefix(text: str) -> str | None:
    """The name before a dash where a target statement starts with one
    ("Auto Crime - Strategic Target to reduce ..." gives "Auto Crime")."""
    match = _PREFIX.match(" ".join(text.split()))
    if not match:
        return None
    name = match.group("name").strip()
    if len(name.split()) > PREFIX_WORDS:
        return None
    return name


def legend_entry(text: str, marker: str | None, symbols: Sequence[str]) -> tuple[str, str] | None:
    """``(symbol, meaning)`` where a line explains one of the action markers ``symbols``:
    a list item whose bullet is the symbol, a line starting "▲ = ...", or a sentence ending
    "... indicated with the following ▲"."""
    cleaned = " ".join(text.split())
    if not cleaned or not symbols:
        return None
    if marker and marker in symbols and len(cleaned.split()) <= LEGEND_ITEM_WORDS:
        return marker, cleaned
    first = cleaned[0]
    if first in symbols:
        meaning = cleaned[1:].strip(" =:-–")
        if meaning and len(meaning.split()) <= LEGEND_MEANING_WORDS:
            return first, meaning
    match = _LEGEND_WITH.match(cleaned)
    if match and match.group("symbol") in symbols:
        meaning = match.group("meaning").strip(" .,;:")
        meaning = _PLEASE_NOTE.sub("", meaning)
        return match.group("symbol"), meaning[:1].upper() + meaning[1:] if meaning else cleaned
    return None


# Cached because every heading is matched against every priority's names: without it the
# keys are rebuilt for each comparison and recognition grows with the square of the headings.
@functools.lru_cache(maxsize=1 << 16)
def priority_key(title: str) -> frozenset[str]:
    """The words that identify a priority, without generic ones ("Reducing", "Action Plan")."""
    lowered = (
        title.lower().replace("anti-social", "antisocial").replace("anti social", "antisocial")
    )
    lowered = lowered.replace("re-offending", "reoffending")
    words = _LETTERS.findall(lowered)
    key = frozenset(singular(w) for w in words if w not in _STOPWORDS and len(w) > 1)
    return key


def match_score(wanted: frozenset[str], key: frozenset[str]) -> float | None:
    """How well the word key ``wanted`` matches a priority's key ``key`` (higher is better),
    or ``None`` where they do not name the same priority.

    Most of the shorter wording must be in the longer; among those that pass, the wording
    sharing the larger part of both wins ("less crime" must not take every heading that
    mentions crime).
    """
    shared = len(wanted & key)
    if not shared or shared / min(len(wanted), len(key)) < MATCH_SHARE:
        return None
    return shared / min(len(wanted), len(key)) + shared / max(len(wanted), len(key))


def match_priority(name: str, keys: Sequence[Sequence[frozenset[str]]]) -> int | None:
    """The index of the priority (each with one or more keys) that ``name`` names, or ``None``:
    the best :func:`match_score`, the earliest priority among equals.
    """
    wanted = priority_key(name)
    if not wanted:
        return None
    best: tuple[float, int] | None = None
    for index, aliases in enumerate(keys):
        for key in aliases:
            score = match_score(wanted, key) if key else None
            if score is not None and (best is None or score > best[0]):
                best = (score, index)
    return best[1] if best else None
