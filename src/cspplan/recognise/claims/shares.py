"""Share claims: percentages of one whole, each with its label."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import Decimal

from ...document import Row, Table
from ...model.plan import Claim, ClaimKind, Figure
from ...model.source import SourceRef
from ...model.values import Number
from ...text.numbers import (
    NUMBER,
    PERCENT,
    joined,
    parse_number,
    parse_quantity,
)
from ...text.patterns import IGNORECASE, lazy
from .common import PERCENTAGE, count_column, group_row, hedged, inside, is_year

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


_TWO_LETTERS = lazy(r"[A-Za-z]{2}")


_TOTAL_WINDOW = 120
"""Characters before a share read for the whole it divides ("of the 2,400 incidents,")."""


_LABEL_WINDOW = 60
"""Characters before a share's first percentage read for its label."""


_MIN_SHARE_PARTS = 2
"""Fewest parts of a share labelled after their percentages ("50.9% female and 49.1% male")."""


_MIN_LABEL_FIRST_PARTS = 3
"""Fewest parts of a share labelled before them ("theft 41%, violence 23%, other 36%"): two
such figures are as often a comparison ("here 48%, nationally 45%")."""


_PAIR_SHARE_BOUNDS = (Decimal(98), Decimal(102))
"""Where two parts of a share must sum to be one whole: only a rounding slip from 100."""


_COMPLEMENTS = (
    frozenset({"male", "female"}),
    frozenset({"males", "females"}),
    frozenset({"men", "women"}),
    frozenset({"boys", "girls"}),
    frozenset({"adult", "child"}),
    frozenset({"adults", "children"}),
)
"""Labels of two parts that make up one whole between them, whatever their figures."""


_COMPLEMENT_HIGH = Decimal(110)
"""How far over 100 two complementary parts ("58% female and 47% male") are still read as
one whole, so that the sum is checked; a pair that falls short is not read (the rest may be
unrecorded)."""


def _complementary(labels: Sequence[str | None]) -> bool:
    """True where two labels name the two halves of one whole ("female", "male")."""
    return len(labels) == 2 and frozenset((label or "").lower() for label in labels) in _COMPLEMENTS


_LABEL_FIRST_SHARE_BOUNDS = (Decimal(90), Decimal(110))
"""Where three or more parts labelled before their percentages must sum."""


_SHARE_BOUNDS = (Decimal(80), Decimal(120))
"""Where three or more parts labelled after their percentages must sum: a list that misses
100 by a slip is still read, and then checked."""


def share_claims(sentence: str, source: SourceRef) -> list[Claim]:
    """The share claims of one sentence: lists of percentages of one whole, each with its
    label, and a part given both as a count and a percentage of a named whole."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    groups = (
        (_lead_in(sentence), _MIN_LABEL_FIRST_PARTS, False),
        (_labels_after(sentence), _MIN_SHARE_PARTS, False),
        (_labels_before(sentence), _MIN_LABEL_FIRST_PARTS, True),
    )
    for group, minimum, label_first in groups:
        for parts in group:
            if len(parts) < minimum or any(inside(taken, start) for start, _, _ in parts):
                continue
            claim = _share_claim(sentence, parts, source, strict=label_first)
            if claim is not None:
                claims.append(claim)
                bisect.insort(taken, (parts[0][0], parts[-1][0] + 1))
    if not claims:
        part_of = _part_of_whole(sentence, source)
        if part_of is not None:
            claims.append(part_of)
        else:
            claims.extend(_parts_of_whole(sentence, source))
    if not claims:
        counted = _counted_parts(sentence, source)
        if counted is not None:
            claims.append(counted)
    return claims


_COUNTED_PART = lazy(
    rf"^\s{{0,3}}(?:and\s{{1,3}})?(?P<n>{NUMBER})(?!\s{{0,2}}(?:%|per\s?cent))\s{{1,3}}"
    rf"(?:(?:were|was|are|is)\s{{1,3}})?(?:(?:for|of|in|as)\s{{1,3}})?(?P<label>[A-Za-z][A-Za-z'’\- ]{{1,60}}?)\s{{0,2}}\.?$"
)
"""One part of a counted breakdown: "150 possession of other drugs", "and 90 supply"."""
_COUNTED_SPLIT = lazy(
    r"(?i)\s{0,3}(?:;|,(?!\d{3}(?!\d)))\s{0,3}(?:and\s{1,3})?|\s{1,3}(?:and|&)\s{1,3}(?=\d)"
)
"""Between two counted parts: a comma (not the one inside "1,210"), a semicolon or "and"."""
_MIN_COUNTED_PARTS = 3
"""Fewest counts a breakdown of a named whole needs: two are as often a pair of examples."""


def _counted_parts(sentence: str, source: SourceRef) -> Claim | None:
    """A named whole broken down into counts with no percentages: "Of the 400 drug offences
    recorded, 180 were for possession of cannabis, 130 for other drugs and 90 for supply".
    The parts need not make up the whole (the rest may go unnamed), so the audit only asks
    whether they add up to more than it."""
    if PERCENTAGE.search(sentence) or hedged(sentence, 0):
        return None
    whole = _WHOLE_BEFORE.match(sentence)
    if whole is None or is_year(whole.group("total")) or "£" in whole.group("total"):
        return None
    total = parse_number(whole.group("total"))
    tail = sentence[whole.end() :].strip().rstrip(".")
    pieces = _COUNTED_SPLIT.split(tail)
    if total is None or len(pieces) < _MIN_COUNTED_PARTS:
        return None
    figures = [Figure(role="total", value=total, unit="count")]
    for piece in pieces:
        item = _COUNTED_PART.match(piece)
        if item is None or is_year(item.group("n")):
            return None
        value = parse_number(item.group("n"))
        if value is None:
            return None
        label = " ".join(item.group("label").split())
        figures.append(Figure(role="part", value=value, label=label, unit="count"))
    return _sentence_share(sentence, figures, source)


_LEAD_IN = lazy(
    r"(?i)(?:\bas\s{1,3}follows\s{0,2}:|:|\b(?:made|make|makes)\s{1,3}up\b|\baccounted\s{1,3}for\b)"
)
"""What opens a list of the parts of one whole: "as follows:", a colon, "made up"."""
_LEAD_ITEM = lazy(
    rf"^\s{{0,3}}(?:and\s{{1,3}}|&\s{{0,3}})?(?P<label>(?:the\s{{1,3}}|a\s{{1,3}}|an\s{{1,3}})?[A-Za-z][\w'’\-]{{0,25}}"
    rf"(?:\s{{1,3}}[A-Za-z][\w'’\-]{{0,25}}){{0,6}}?)\s{{1,3}}(?:(?:at|is|was|were|are)\s{{1,3}})?"
    rf"(?P<pct>{PERCENT})\s{{0,3}}$",
)
"""One item of a lead-in list: "the street pastor scheme 41%", "small grants to groups 12%"."""
_ITEM_SPLIT = lazy(r"(?i)\s{0,3}[,;]\s{0,3}(?:and\s{1,3})?|(?<=%|\bcent)\s{1,3}(?:and|&)\s{1,3}")
"""Between two items: a comma, or "and" after a percentage (a label may hold an "and")."""
_CLAUSE_START = lazy(r"[,;:]")
_ARTICLE = lazy(r"(?i)^(?:the|a|an)\s{1,3}")
_LABEL_ENDS_BADLY = lazy(r"(?i)\b(?:by|of|to|for|in|with|from|than)$")


def _lead_in(sentence: str) -> list[list[_Part]]:
    """Parts listed after a lead-in: "as follows: the analyst post 38%, publicity 19% and
    small grants 18%", each item a label and its percentage and nothing else."""
    opening = _LEAD_IN.search(sentence)
    if opening is None:
        return []
    start = opening.end()
    tail = sentence[start:].rstrip().rstrip(".")
    parts: list[_Part] = []
    position = start
    if not opening.group(0).endswith(":"):
        # "violence against the person made up 26%, other theft 25%, ...": the first
        # label stands before the verb, back to the clause's start.
        clause = _CLAUSE_START.split(sentence[: opening.start()])[-1]
        tail = f"{clause.strip()} {tail.lstrip()}"
        position = opening.start() - len(clause)
    for piece in _ITEM_SPLIT.split(tail):
        item = _LEAD_ITEM.match(piece)
        at = sentence.find(item.group("pct"), position) - item.start("pct") if item else -1
        if item is None:
            return []
        label = _ARTICLE.sub("", " ".join(item.group("label").split()))
        if _LABEL_ENDS_BADLY.search(label):
            return []  # "speeding by 84%": a rating by respondents, not a part
        parts.append((at + item.start("pct"), item.group("pct"), label))
        position = at + item.end("pct")
    return [parts] if len(parts) >= _MIN_LABEL_FIRST_PARTS else []


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
    for match in PERCENTAGE.finditer(sentence):
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
    if any(hedged(sentence, start) for start, _, _ in parts):
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
        if _complementary(labels):
            high = _COMPLEMENT_HIGH
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
    return _sentence_share(sentence, figures, source)


def _sentence_share(sentence: str, figures: Sequence[Figure], source: SourceRef) -> Claim:
    """A share claim stated by ``sentence`` with its ``figures``."""
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


_AMOUNT = rf"(?:£\d{{1,3}}(?:,\d{{3}}){{0,4}}(?:\.\d{{1,2}})?(?![\d,]\d|\.\d)|{NUMBER})"
"""A count or a sum of money in pounds ("£500,000")."""
_PCT_COUNT = lazy(
    rf"(?:(?P<p1>{PERCENT})\s{{0,2}}\(\s{{0,2}}(?P<n1>{_AMOUNT})\s{{0,2}}\)"
    rf"|(?P<n2>{_AMOUNT})\s{{0,2}}\(\s{{0,2}}(?P<p2>{PERCENT})\s{{0,2}}\))"
)
"""A part given both ways: "31% (192)", "97 (62%)", "£500,000 (45%)"."""
_WHOLE_AFTER = lazy(
    rf"^\s{{1,3}}of\s{{1,3}}(?:the|these|those|all|its|our|a\s{{1,3}}total\s{{1,3}}of)\s{{1,3}}(?P<total>{_AMOUNT})"
    rf"(?!\s{{0,2}}(?:%|per\s?cent|million|m\b|bn\b|billion))",
    IGNORECASE,
)
_WHOLE_BEFORE = lazy(
    rf"(?i)^\s{{0,3}}of\s{{1,3}}(?:(?:the|these|those|all|a\s{{1,3}}total\s{{1,3}}of)\s{{1,3}})?(?P<total>{_AMOUNT})"
    rf"(?!\s{{0,2}}(?:%|per\s?cent|million|m\b|bn\b|billion))[^,;:()%]{{0,80}},"
)


_OF_THEM = lazy(
    rf"(?P<n>{NUMBER})\s{{1,3}}of\s{{1,3}}(?:them|these|those)\s{{0,2}}\(\s{{0,2}}(?P<p>{PERCENT})\s{{0,2}}\)",
    IGNORECASE,
)
"""A part of the figure named before it: "225 of them (73%)"."""
_FIGURE = lazy(NUMBER)


def _part_of_whole(sentence: str, source: SourceRef) -> Claim | None:
    """A part of a named whole given as a count and a percentage: "Of the 620 casualties,
    31% (192) were pedestrians", "97 (62%) of the 156 casualties", only where the sentence
    gives one such part and no other percentage."""
    if len(list(PERCENTAGE.finditer(sentence))) != 1:
        return None
    of_them = _OF_THEM.search(sentence)
    if of_them is not None:
        # "recorded 308 hate crimes ..., and 225 of them (73%) were ...": the whole is the
        # one figure before, where there is only one.
        earlier = [
            m for m in _FIGURE.finditer(sentence[: of_them.start()]) if not is_year(m.group(0))
        ]
        if len(earlier) != 1 or hedged(sentence, of_them.start()):
            return None
        total_text, percent_text, count_text = (
            earlier[0].group(0),
            of_them.group("p"),
            of_them.group("n"),
        )
        label = " ".join(of_them.group(0).split())
    else:
        pairs = list(_PCT_COUNT.finditer(sentence))
        if len(pairs) != 1 or hedged(sentence, pairs[0].start()):
            return None
        pair = pairs[0]
        after = _WHOLE_AFTER.match(sentence[pair.end() :])
        before = _WHOLE_BEFORE.match(sentence)
        whole = after or (before if before is not None and before.end() <= pair.start() else None)
        if whole is None:
            return None
        total_text = whole.group("total")
        if is_year(total_text):
            return None  # "Of 2019, ...": a year, not a whole
        percent_text = pair.group("p1") or pair.group("p2")
        count_text = pair.group("n1") or pair.group("n2")
        label = " ".join(pair.group(0).split())
    percent = parse_quantity(percent_text)
    count = parse_number(count_text)
    total = parse_number(total_text)
    if percent is None or count is None or total is None:
        return None
    return _part_claim(sentence, source, total, percent, count, label)


def _part_claim(
    sentence: str, source: SourceRef, total: Number, percent: Number, count: Number, label: str
) -> Claim:
    """A share claim: one part of ``total`` given as ``percent`` and as ``count``."""
    return Claim(
        id="",
        kind=ClaimKind.SHARE,
        statement=joined(sentence),
        figures=(
            Figure(role="total", value=total, unit="count"),
            Figure(role="part", value=percent, label=label, unit="percent"),
            Figure(role="part", value=count, label=label, unit="count"),
        ),
        source=source,
    )


def _parts_of_whole(sentence: str, source: SourceRef) -> list[Claim]:
    """Several parts of a whole named first, each given as a count and a percentage: "Of
    the 1,120 offences, 610 (54%) were for possession, 340 (30%) for ... and 170 (15%) for
    supply". Each part is its own claim against the whole, so a list that names only some
    parts is never taken to fall short of it; a sentence with any percentage outside such
    a pair is left alone."""
    pairs = list(_PCT_COUNT.finditer(sentence))
    if len(pairs) < 2 or len(list(PERCENTAGE.finditer(sentence))) != len(pairs):
        return []
    whole = _WHOLE_BEFORE.match(sentence)
    if whole is None or whole.end() > pairs[0].start() or hedged(sentence, pairs[0].start()):
        return []
    total = parse_number(whole.group("total"))
    if total is None or is_year(whole.group("total")):
        return []
    claims: list[Claim] = []
    for pair in pairs:
        percent = parse_quantity(pair.group("p1") or pair.group("p2") or "")
        count = parse_number(pair.group("n1") or pair.group("n2") or "")
        if percent is None or count is None:
            return []
        label = " ".join(pair.group(0).split())
        claims.append(_part_claim(sentence, source, total, percent, count, label))
    return claims


_SHARE_HEADER = lazy(
    r"(?i)\bshare\b|%\s{0,2}of\b|\bper\s?cent(?:age)?\s{1,3}of\b|\bproportion\b|^\s{0,3}%\s{0,3}$"
)
"""A column header that names shares of one whole: "Share of all violence", "% of total"."""
_NOT_SHARE_HEADER = lazy(
    r"(?i)\bchange|\bvariance|\brate\b|satisf|\btarget|increase|decrease|reduction|\bdiff|\bpoints?\b"
)
_TOTAL_ROW = lazy(r"(?i)^\s{0,3}(?:grand\s{1,3})?(?:sub-?\s?)?total\b|^\s{0,3}all\b")


def share_columns(table: Table) -> list[Claim]:
    """Each column of a table whose header names shares of one whole and whose cells are
    all percentages: the rows are its parts, labelled by their first cell; a "Total" row
    is the whole, not a part. Read only where the rows come near 100 (as a list of shares
    in a sentence), and only in a table whose rows line up with its header."""
    rows = [row for row in table.rows if any(not cell.is_empty for cell in row.cells)]
    rows = rows[:1] + [row for row in rows[1:] if not group_row(row)]
    if len(rows) < _MIN_LABEL_FIRST_PARTS + 1:
        return []
    header, body = rows[0], rows[1:]
    width = len(header.cells)
    if any(len(row.cells) != width for row in body):
        return []
    claims: list[Claim] = []
    for column, head in enumerate(header.cells):
        if (
            column == 0
            or not _SHARE_HEADER.search(head.text)
            or _NOT_SHARE_HEADER.search(head.text)
        ):
            continue
        figures: list[Figure] = []
        for row in body:
            label = " ".join(row.cells[0].text.split())
            printed = row.cells[column].text.strip()
            if _TOTAL_ROW.match(label):
                continue
            value = parse_quantity(printed) if PERCENTAGE.fullmatch(printed) else None
            if value is None or not label:
                figures = []
                break
            figures.append(Figure(role="part", value=value, label=label, unit="percent"))
        if len(figures) < _MIN_LABEL_FIRST_PARTS:
            continue
        low, high = _SHARE_BOUNDS
        if not low <= sum((f.value.value for f in figures), Decimal(0)) <= high:
            continue
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.SHARE,
                statement=" ".join(head.text.split()),
                figures=tuple(figures),
                source=head.source,
            )
        )
        claims.extend(_row_shares(header, body, column))
    return claims


_HUNDRED_CELL = lazy(r"^\s{0,3}100(?:\.0{1,2})?\s{0,2}%\s{0,3}$")


def _row_shares(header: Row, body: Sequence[Row], column: int) -> list[Claim]:
    """Each row's share of the whole where the table gives the whole: a "Total" row whose
    share cell says 100% and which prints a total in exactly one column of counts beside
    it. Each row's count and share then make a part of that total ("230 | 23%" of 1,000),
    checked as "Of the 1,000 victims, 230 (23%) ..." is."""
    totals = [row for row in body if _TOTAL_ROW.match(" ".join(row.cells[0].text.split()))]
    if len(totals) != 1 or totals[0] is not body[-1]:
        return []
    last = totals[0]
    if not _HUNDRED_CELL.match(last.cells[column].text):
        return []
    counts = [
        index
        for index in range(1, len(header.cells))
        if index != column and count_column(body, index)
    ]
    if len(counts) != 1:
        return []
    count_at = counts[0]
    total = parse_number(last.cells[count_at].text.strip())
    if total is None:
        return []
    claims: list[Claim] = []
    for row in body[:-1]:
        label = " ".join(row.cells[0].text.split())
        percent = parse_quantity(row.cells[column].text.strip())
        count = parse_number(row.cells[count_at].text.strip())
        if percent is None or count is None:
            return []
        figures = (
            Figure(
                role="total", value=total, label=" ".join(last.cells[0].text.split()), unit="count"
            ),
            Figure(role="part", value=percent, label=label, unit="percent"),
            Figure(role="part", value=count, label=label, unit="count"),
        )
        statement = " | ".join(" ".join(cell.text.split()) for cell in row.cells)
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.SHARE,
                statement=statement,
                figures=figures,
                source=row.cells[column].source,
            )
        )
    return claims
