"""Leads: who is responsible for an action, split into person, organisation and role.

Lead cells mix names, ranks, job titles and bodies with little punctuation: "Jo Marsh
Community Safety Team", "C/Insp Dale", "Sarah Pike (DV Co-ordinator)", "Probation
Service / Police", "Inspector Kay Rowe and Sam Holt". A person is a rank or title with
a name, or two or three capitalised words that are not organisation words, at the start of a
part; what follows is the organisation, or the role where it ends in a job title. Empty or
placeholder leads ("TBC", "Await outcome of review") yield no lead at all.
"""

from __future__ import annotations

import attrs

from ..model.plan import Lead
from ..model.source import SourceRef
from ..text.patterns import IGNORECASE, lazy
from ..text.words import AUXILIARIES, FUNCTION_WORDS

__all__ = ["is_placeholder_lead", "is_post", "looks_like_person", "split_lead", "split_leads"]

_RANKS = (
    r"c/insp\.?|c/supt\.?|ch\.?\s*insp\.?|det\.?\s*insp\.?|insp\.?|inspector|chief\s+inspector|"
    r"chief\s+superintendent|superintendent|supt\.?|sgt\.?|sergeant|pc|wpc|pcso|dc|ds|di|dci|dsupt|"
    r"cllr\.?|councillor|dr\.?|mr\.?|mrs\.?|ms\.?|miss|prof\.?|rev\.?|sir|dame|lord|lady|"
    r"chief\s+constable|acc|dcc\s+(?=[A-Z][a-z])"
)
_RANK = lazy(rf"^(?:{_RANKS})(?=\s|$)", IGNORECASE)
_RANK_INSIDE = lazy(rf"(?<=\s)(?:{_RANKS})\s+(?=[A-Z])", IGNORECASE)

_ORG_WORDS = frozenset(
    [
        "team",
        "teams",
        "service",
        "services",
        "council",
        "councils",
        "police",
        "constabulary",
        "department",
        "dept",
        "partnership",
        "partnerships",
        "unit",
        "group",
        "groups",
        "board",
        "authority",
        "authorities",
        "trust",
        "agency",
        "agencies",
        "office",
        "standards",
        "project",
        "projects",
        "network",
        "forum",
        "commission",
        "division",
        "directorate",
        "housing",
        "education",
        "health",
        "social",
        "probation",
        "fire",
        "rescue",
        "victim",
        "support",
        "community",
        "communities",
        "safety",
        "road",
        "roads",
        "licensing",
        "trading",
        "county",
        "city",
        "district",
        "borough",
        "centre",
        "center",
        "school",
        "schools",
        "college",
        "university",
        "nhs",
        "hospital",
        "court",
        "courts",
        "prison",
        "prisons",
        "panel",
        "watch",
        "scheme",
        "programme",
        "committee",
        "association",
        "society",
        "charity",
        "company",
        "ltd",
        "limited",
        "plc",
        "homes",
        "services'",
        "sector",
        "youth",
        "offending",
        "offender",
        "offenders",
        "management",
        "action",
        "neighbourhood",
        "neighbourhoods",
        "commercial",
        "environmental",
        "planning",
        "highways",
        "transport",
        "drug",
        "alcohol",
        "substance",
        "crime",
        "reduction",
        "safer",
        "stronger",
        "partners",
        "agencies'",
        "organisation",
        "organisations",
        "the",
        "and",
        "of",
        "for",
    ]
)
_ROLE_WORDS = frozenset(
    [
        "manager",
        "managers",
        "officer",
        "officers",
        "co-ordinator",
        "coordinator",
        "co-ordinators",
        "coordinators",
        "director",
        "directors",
        "head",
        "chair",
        "chairman",
        "chairperson",
        "analyst",
        "analysts",
        "worker",
        "workers",
        "adviser",
        "advisor",
        "advisers",
        "advisors",
        "lead",
        "leader",
        "leaders",
        "nurse",
        "administrator",
        "administrators",
        "clerk",
        "commissioner",
        "superintendent",
        "inspector",
        "sergeant",
        "constable",
        "consultant",
        "specialist",
        "practitioner",
        "practitioners",
        "caseworker",
        "caseworkers",
        "secretary",
        "member",
        "members",
        "holder",
        "engineer",
        "engineers",
        "planner",
        "planners",
        "warden",
        "wardens",
        "investigator",
        "investigators",
        "mentor",
        "mentors",
    ]
)
_BARE_BODIES = frozenset(
    {"council", "homes", "trust", "team", "partnership", "board", "forum", "unit", "department"}
)
"""Words that finish a body's name after a place ("Amber Vale Council"); "Police" is left
out because "Mia Ward Police" (a person and her force) is the commoner reading."""
_PLACE_KINDS = frozenset(
    {"district", "county", "borough", "city", "town", "parish", "metropolitan", "unitary"}
)
"""Words naming the kind of authority between a place and "Council"."""
_PLACEHOLDER = lazy(
    r"^\W*(?:tbc|tba|tbd|n/?a|none|nil|various|all|all\s+partners|to\s+be\s+"
    r"(?:confirmed|determined|decided|agreed|appointed|identified|allocated)|await(?:ing)?\b.*|"
    r"not\s+(?:yet\s+)?(?:known|allocated|assigned)|unknown|\?+|-+|–+)\W*$",
    IGNORECASE,
)
_ACRONYM = lazy(r"^[A-Z][A-Z&/]{1,9}s?$")
_NAME_WORD = lazy(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\.?$|^[A-Z]\.?$|^(?:Mc|Mac|O')[A-Z][a-z]+$")
_ABBREVIATIONS = (
    "insp",
    "supt",
    "sgt",
    "dr",
    "mr",
    "mrs",
    "ms",
    "cllr",
    "det",
    "ch",
    "prof",
    "rev",
    "st",
)
_SEPARATORS = lazy(
    r"\s*(?:;|\n|\s/\s|,(?=\s*[A-Z])|"
    + "".join(rf"(?<!\b{a})(?<!\b{a.title()})" for a in _ABBREVIATIONS)
    + r"(?<!\b[A-Z])\.\s+(?=[A-Z]))\s*"
)
_LEAD_LABEL = lazy(r"^(?:leads?|contact|responsible)\s*:?\s+(?=[A-Z])", IGNORECASE)
_DASH = lazy(r"\s+[–—-]\s+")
_FUNCTION_WORDS = FUNCTION_WORDS | AUXILIARIES
_AND = lazy(r"\s+and\s+")
"""Only "and" joins two leads: "&" is part of too many bodies' names ("Fire & Rescue")."""
_PARENS = lazy(r"^(?P<main>.*?)\s*\((?P<inner>[^()]{1,80})\)\s*(?P<rest>.*)$")


def is_placeholder_lead(text: str) -> bool:
    """True where a lead cell names nobody: empty, "TBC", "?", "Await outcome of review"."""
    return not text.strip() or bool(_PLACEHOLDER.match(" ".join(text.split())))


_NOT_NAMES = frozenset(
    [
        "senior",
        "seconded",
        "special",
        "branch",
        "deputy",
        "assistant",
        "chief",
        "principal",
        "acting",
        "interim",
        "national",
        "local",
        "regional",
        "strategic",
        "operational",
        "north",
        "south",
        "east",
        "west",
        "central",
        "greater",
        "joint",
        "multi",
        "integrated",
        "young",
        "older",
        "all",
        "each",
        "every",
        "various",
        "other",
        "new",
        "existing",
        "relevant",
        "appropriate",
        "named",
        "designated",
        "identified",
        "nominated",
        "dedicated",
        "specialist",
        "partner",
        "partners",
        "lead",
    ]
)
"""Capitalised words that begin a post or a body, never a person's first name."""


def _is_org_word(word: str) -> bool:
    cleaned = word.strip(".,:;()'").lower()
    return cleaned in _ORG_WORDS or bool(_ACRONYM.match(word.strip(".,:;()-")))


def _is_role_word(word: str) -> bool:
    return word.strip(".,:;()").lower() in _ROLE_WORDS


def _person_length(words: list[str]) -> int:
    """How many leading words of ``words`` name a person (0 where they name none)."""
    index = 0
    rank = False
    joined = " ".join(words)
    match = _RANK.match(joined)
    if match:
        rank = True
        index = len(match.group(0).split())
    names = 0
    if not rank and words and words[0].strip(".,").lower() in _NOT_NAMES:
        return 0
    while index + names < len(words) and names < _MAX_NAME_WORDS:
        word = words[index + names]
        if not _NAME_WORD.match(word) or _is_org_word(word) or _is_role_word(word):
            break
        following = words[index + names + 1] if index + names + 1 < len(words) else ""
        if len(word.rstrip(".")) == 1 and not _NAME_WORD.match(following):
            break  # "D Division": a lone letter is an initial only before a name
        names += 1
    after = words[index + names] if index + names < len(words) else ""
    if names == _MAX_NAME_WORDS and after and (_is_org_word(after) or _NAME_WORD.match(after)):
        # "Tessa Byrne Harbourside Police", "Omar Reid Fresh Start": the words after a
        # two-word name belong to the body.
        names = _MIN_NAME_WORDS
    if rank and names >= 1:
        return index + names
    rest = words[index + names :]
    if names >= _MIN_NAME_WORDS and len(rest) == 1 and rest[0].strip(".,").lower() in _BARE_BODIES:
        # "Ashford Valley Council", "Street Scene Team": a place or service and one word
        # for the body is a body's name; a person's body is named in full.
        return 0
    if (
        names >= _MIN_NAME_WORDS
        and rest
        and rest[0].strip(".,").lower() in _PLACE_KINDS
        and rest[-1].strip(".,").lower() in _BARE_BODIES
    ):
        # "Harlow Vale District Council": a place, the kind of authority and the body.
        return 0
    if not rank and names >= _MIN_NAME_WORDS and len(rest) == 1 and _is_role_word(rest[0]):
        # "Early Help Co-ordinator": two words and a job title are a post more often than a
        # person without a body.
        return 0
    if names >= _MIN_NAME_WORDS:
        # "Trading Standards" fails at "Standards"; a two-word name followed by its body passes.
        return names
    return 0


def is_post(text: str) -> bool:
    """True where ``text`` names a post rather than a person or a body ("Chair", "Vice
    Chair", "Head of Community Safety")."""
    words = text.split()
    return (
        bool(words)
        and _person_length(words) == 0
        and (_is_role_word(words[-1]) or _names_a_post(words))
    )


def looks_like_person(text: str) -> bool:
    """True where ``text`` starts with a person's name (with or without a rank)."""
    words = text.split()
    return _person_length(words) > 0


_SPLITTER = lazy(f"({_SEPARATORS.pattern})")
_MIN_NAME_WORDS = 2
"""Fewest capitalised words read as a person's name without a rank ("Jo Marsh"); with a
rank one will do ("Insp Dale")."""
_MAX_NAME_WORDS = 3
"""Most capitalised words read as a person's name after any rank ("Mary Anne Smith")."""
_SENTENCE_WORDS = 4
"""Fewest words a lead part needs to be read as a sentence rather than a name or a body..."""
_SENTENCE_LOWER = 2
"""...and fewest lower-case words other than function words among them."""
_POST_WORD_REACH = 3
"""How far into a post's words its job word may stand: "Cabinet Member for ...", "Head of ..."."""


def _parts(text: str) -> list[tuple[str, bool]]:
    """The lead parts of a cell, each with whether a comma set it off from the part before
    ("Head of Housing, Eastshire DC" is a post and its body; " / " joins two leads)."""
    pieces: list[tuple[str, bool]] = []
    comma = False
    for position, piece in enumerate(_SPLITTER.split(text)):
        if position % 2 == 1:
            comma = piece.strip() == ","
            continue
        piece = _LEAD_LABEL.sub("", piece.strip(" .,-–")).strip()
        if not piece:
            continue
        for index, part in enumerate(_split_and(piece)):
            pieces.append((part, comma and index == 0))
    result: list[tuple[str, bool]] = []
    for piece, after_comma in pieces:
        for index, part in enumerate(_split_repeated_rank(piece)):
            result.append((part, after_comma and index == 0))
    return result


def _split_and(piece: str) -> list[str]:
    """Split "A and B" where both sides are whole leads: two people, or two bodies."""
    match = _AND.search(piece)
    if not match:
        return [piece]
    left, right = piece[: match.start()], piece[match.end() :]
    right_words = right.split()
    left_words = left.split()
    if not left_words or not right_words:
        return [piece]
    if looks_like_person(right):
        return [left, *_split_and(right)]
    ends_with_body = (
        _is_org_word(left_words[-1])
        and left_words[-1][0].isupper()
        and (len(left_words) >= 2 or bool(_ACRONYM.match(left_words[0])))
    )
    # "Fire and Rescue Service" is one body: the right side must start a name of its own.
    right_is_body = bool(_ACRONYM.match(right_words[0])) or (
        len(right_words) >= 2
        and _is_org_word(right_words[-1])
        and right_words[0][0].isupper()
        and not _is_org_word(right_words[0])
    )
    if ends_with_body and right_is_body and looks_like_person(left) is False:
        return [left, *_split_and(right)]
    return [piece]


def _split_repeated_rank(piece: str) -> list[str]:
    """A second ranked name inside one part starts another lead ("Sgt A Team Sgt A Team")."""
    parts: list[str] = []
    start = 0
    for match in _RANK_INSIDE.finditer(piece):
        if match.start() > start and _is_org_word(piece[: match.start()].split()[-1]):
            parts.append(piece[start : match.start()].strip())
            start = match.start()
    parts.append(piece[start:].strip())
    return [p for p in parts if p]


def split_lead(text: str, source: SourceRef | None = None) -> Lead:
    """One lead part as person, organisation and role.

    >>> split_lead("Jo Marsh Community Safety Team").person
    'Jo Marsh'
    >>> split_lead("Sarah Pike (DV Co-ordinator)").role
    'DV Co-ordinator'
    """
    where = source or SourceRef()
    cleaned = " ".join(text.split())
    role: str | None = None
    paren = _PARENS.match(cleaned)
    main = cleaned
    if paren:
        inner = paren.group("inner").strip()
        main = " ".join(f"{paren.group('main')} {paren.group('rest')}".split())
        outer = main.split()
        if any(_is_role_word(w) for w in inner.split()):
            role = inner
        elif outer and _person_length(outer) == len(outer) and _is_body(inner):
            # "DCI Jane Moss (Police)": the brackets name the person's body.
            return Lead(text=cleaned, person=main, organisation=inner, source=where)
        elif (
            len(outer) >= 2
            and _person_length(outer) == 0
            and _is_role_word(outer[-1])
            and inner[:1].isupper()
        ):
            # "Domestic Abuse Co-ordinator (Women's Aid)": a post and, in brackets, its body.
            return Lead(text=cleaned, organisation=inner, role=main, source=where)
        else:
            main = f"{main} ({inner})" if main else inner
    words = main.split()
    if _is_sentence(words):
        # "Police will chair all conferences": commentary naming the body that leads.
        body: list[str] = []
        for word in words:
            if not word[:1].isupper() and not word[:1].isdigit():
                break
            body.append(word)
        return Lead(text=cleaned, organisation=" ".join(body) or None, source=where)
    length = _person_length(words)
    if length == 0 and _names_a_post(words):
        # "Head of Housing", "Cabinet Member for Communities": a post named by its remit.
        return Lead(text=cleaned, role=main, source=where)
    person = " ".join(words[:length]) or None
    rest = " ".join(words[length:]).strip(" ,-–") or None
    organisation: str | None = rest
    if rest is not None and _DASH.search(rest):
        body_part, post = _DASH.split(rest, maxsplit=1)
        if post and _is_role_word(post.split()[-1]):
            return Lead(
                text=cleaned, person=person, organisation=body_part or None, role=post, source=where
            )
    if rest is not None:
        rest_words = rest.split()
        if _is_role_word(rest_words[-1]) and (person is not None or not _has_body(rest_words)):
            role = role or rest
            organisation = None
        elif (
            _is_role_word(rest_words[-1])
            and role is None
            and not any(w.lower() == "of" for w in rest_words)  # "Office of the ... Commissioner"
        ):
            # "Youth Service Manager", "CCTV Manager": a post named after its body; the post
            # is the role and the body it names the organisation.
            role = rest
            organisation = _body_in(rest_words)
    elif person is None:
        organisation = main or None
    if person is None and organisation is None and role is None:
        organisation = cleaned or None
    return Lead(text=cleaned, person=person, organisation=organisation, role=role, source=where)


def _post_only(lead: Lead) -> str | None:
    """The post a lead names where it names only a post ("Head of Housing", or "ASB
    Co-ordinator" read as a body because of its acronym), else ``None``."""
    if lead.person is not None:
        return None
    if lead.role is not None and lead.organisation is None:
        return lead.role
    if (
        lead.role is None
        and lead.organisation == lead.text
        and _is_role_word(lead.text.split()[-1])
    ):
        return lead.organisation
    return None


def _names_a_post(words: list[str]) -> bool:
    """True where the words are a post named by its remit: a job word within the first three
    words, then "of" or "for" ("Head of Housing", "Cabinet Member for Communities")."""
    for index, word in enumerate(words[:_POST_WORD_REACH]):
        if _is_role_word(word) and index + 1 < len(words):
            return words[index + 1].lower() in ("of", "for") and all(
                w[:1].isupper() for w in words[:index]
            )
    return False


def _is_body(text: str, after_person: bool = False) -> bool:
    """True where ``text`` names a body: capitalised words ending in an organisation word
    or an acronym ("Police", "Eastshire DC", "Northbrook Homes"). Straight after a person
    ``after_person``, a place before the body ("Harlow Vale Police") is read as the body's
    name rather than as another person."""
    words = text.split()
    named_for = len(words) >= 3 and _is_org_word(words[0]) and words[1].lower() == "of"
    return (
        bool(words)
        and all(w[:1].isupper() or w.lower() in _FUNCTION_WORDS or w == "&" for w in words)
        and (_is_org_word(words[-1]) or named_for)  # "University of Oxley"
        and (after_person or named_for or _person_length(words) == 0)
    )


def _is_sentence(words: list[str]) -> bool:
    """True where a lead part reads as a sentence rather than a name or a body."""
    lower = [w for w in words if w[:1].islower() and w.lower() not in _FUNCTION_WORDS]
    return len(words) >= _SENTENCE_WORDS and len(lower) >= _SENTENCE_LOWER


_BODY_WORDS = frozenset({"service", "council", "police", "team", "department", "dept", "unit"})


def _body_in(words: list[str]) -> str | None:
    """The body a post's words begin with: "Youth Service" in "Youth Service Manager". An
    acronym alone names no body here: "ASB" and "CCTV" are subjects, not bodies."""
    last = max(
        (index for index, word in enumerate(words[:-1]) if word.lower() in _BODY_WORDS),
        default=-1,
    )
    return " ".join(words[: last + 1]) or None


def _has_body(words: list[str]) -> bool:
    """True where the words name a body as well as a post ("Head of Youth Offending Service")."""
    return any(_ACRONYM.match(w) for w in words[:-1]) or any(
        w.lower() in _BODY_WORDS for w in words[:-1]
    )


def split_leads(text: str, source: SourceRef | None = None) -> tuple[Lead, ...]:
    """Every lead a lead cell names, in order, without repeats; none for a placeholder.

    >>> [lead.organisation for lead in split_leads("Probation Service / Police")]
    ['Probation Service', 'Police']

    A cell too hostile to read in time is kept whole as one lead's text.
    """
    try:
        return _split_leads(text, source)
    except TimeoutError:
        cleaned = " ".join(text.split())
        return (Lead(text=cleaned, source=source or SourceRef()),) if cleaned else ()


def _split_leads(text: str, source: SourceRef | None) -> tuple[Lead, ...]:
    if is_placeholder_lead(text):
        return ()
    leads: list[Lead] = []
    seen: set[tuple[str | None, ...]] = set()
    for part, after_comma in _parts(text):
        if is_placeholder_lead(part):
            continue
        lead = split_lead(part, source)
        previous = leads[-1] if leads else None
        post = _post_only(previous) if previous is not None and after_comma else None
        if (
            previous is not None
            and post is not None
            and lead.person is None
            and lead.role is None
            and lead.organisation is not None
        ):
            # "Head of Housing, Eastshire DC", "ASB Co-ordinator, Lowfield Homes": a post,
            # then the body it belongs to.
            leads[-1] = attrs.evolve(
                previous,
                text=f"{previous.text}, {lead.text}",
                role=post,
                organisation=lead.organisation,
            )
            continue
        if (
            previous is not None
            and after_comma
            and previous.person is not None
            and previous.role is not None
            and previous.organisation is None
            and lead.person is None
            and lead.role is None
            and lead.organisation is not None
        ):
            # "Sarah Lee, ASB Officer, Northfield Council": a person, their post, their body.
            leads[-1] = attrs.evolve(
                previous, text=f"{previous.text}, {lead.text}", organisation=lead.organisation
            )
            continue
        if (
            previous is not None
            and after_comma
            and lead.person is not None
            and lead.role is None
            and not _RANK.match(lead.text)
            and previous.person is not None
            and previous.organisation is None
            and previous.role is None
            and _is_body(lead.text, after_person=True)
        ):
            # "Insp. Mark Hollis, Harlow Vale Police": a place and a body after a person.
            leads[-1] = attrs.evolve(
                previous, text=f"{previous.text}, {lead.text}", organisation=lead.text
            )
            continue
        if (
            previous is not None
            and lead.person is None
            and previous.person is not None
            and previous.organisation is None
            and previous.role is None
        ):
            # "John Stamp, DAAT Coordinator": the part after the comma describes the person.
            organisation, role = lead.organisation, lead.role
            if role is None and organisation and _is_role_word(organisation.split()[-1]):
                organisation, role = None, organisation
            leads[-1] = Lead(
                text=f"{previous.text}, {lead.text}",
                person=previous.person,
                organisation=organisation,
                role=role,
                source=previous.source,
            )
            continue
        key = (lead.person, lead.organisation, lead.role)
        if key in seen:
            continue
        seen.add(key)
        leads.append(lead)
    return tuple(leads)
