"""Action tables: which columns mean what, where the header row is, and tables split by breaks.

A plan's action table is found by the meaning of its column headers, never by their position
or exact wording: "Lead", "Lead Officer", "Responsible", "Manager" and "Contact" all name who
leads. :data:`HEADER_PATTERNS` maps header wordings to a :class:`ColumnKind`; a column whose
header matches nothing is kept by its header text.

Word and PDF exports break long tables at page ends, sometimes repeating the header row,
sometimes not, and a text export may leave a blank line between the pieces, so
:func:`join_tables` glues a table to the action table before it when the columns line up.
A tall row cut by the break goes on in the next piece's first row, with its group cell
empty; :func:`continues_row` weighs the evidence that it does (an unfinished cell above, a
list that goes on, no lead where every row names one) before the two parts are joined.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from ..document import Cell, Row, Table
from .words import FUNCTION_WORDS

__all__ = [
    "HEADER_PATTERNS",
    "ColumnKind",
    "TableLayout",
    "column_kind",
    "continues_row",
    "expand_rowspans",
    "find_layout",
    "is_header_row",
    "join_tables",
    "row_cells_by_column",
]


class ColumnKind(str, enum.Enum):
    """What an action table's column holds."""

    REF = "ref"
    ACTION = "action"
    LEAD = "lead"
    TARGET = "target"
    TIMESCALE = "timescale"
    STATUS = "status"
    RESOURCES = "resources"
    EVALUATION = "evaluation"
    OUTCOME = "outcome"
    INDICATOR = "indicator"
    PRIORITY = "priority"
    OBJECTIVE = "objective"


def _pattern(*alternatives: str) -> re.Pattern[str]:
    qualifier = r"(?:(?:key|main|proposed|planned|specific|agreed|intended|expected|strategic)\s+)?"
    return re.compile(
        r"^\W*" + qualifier + "(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE
    )


HEADER_PATTERNS: tuple[tuple[ColumnKind, re.Pattern[str]], ...] = (
    (
        ColumnKind.REF,
        _pattern(
            r"(?:action\s+|item\s+|task\s+)?(?:no\.?|nos\.?|num(?:ber)?|ref(?:erence)?\.?(?:\s+no\.?)?)",
            r"#",
            r"id",
        ),
    ),
    (
        ColumnKind.EVALUATION,
        _pattern(
            r"evaluation",
            r"measures?\s+of\s+success",
            r"success\s+(?:measures?|criteria)",
            r"how\s+(?:we\s+)?(?:will\s+)?(?:we\s+)?(?:know|measure)",
            r"how\s+will\s+(?:success|progress|this|it)\s+be\s+measured",
            r"evidence",
        ),
    ),
    (
        ColumnKind.OUTCOME,
        _pattern(
            r"desired\s+outcomes?",
            r"outcomes?(?:\s+sought)?(?!\s*/\s*outputs?)",
            r"expected\s+outcomes?",
            r"impact",
        ),
    ),
    (
        ColumnKind.INDICATOR,
        _pattern(r"performance\s+indicators?", r"pis?", r"nis?", r"indicators?", r"kpis?"),
    ),
    (
        ColumnKind.TARGET,
        _pattern(
            r"targets?(?!\s+(?:dates?|completion|end|deadline))",
            r"outputs?",
            r"outcomes?\s*/\s*outputs?",
            r"milestones?",
            r"performance\s+measures?",
            r"measures?",
            r"deliverables?",
            r"success\s+indicators?",
        ),
    ),
    (
        ColumnKind.TIMESCALE,
        _pattern(
            r"time\s*scales?",
            r"time\s*frames?",
            r"deadlines?",
            r"by\s+when",
            r"due(?:\s+date)?",
            r"target\s+dates?",
            r"target\s+(?:completion|end|deadline)(?:\s+dates?)?",
            r"completion(?:\s+date)?",
            r"timelines?",
            r"end(?:\s+date)?",
            r"finish(?:\s+date)?",
            r"dates?",
            r"when",
        ),
    ),
    (
        ColumnKind.LEAD,
        _pattern(
            r"lead(?:\s+(?:officer|agency|partner|organisation|person))?s?",
            r"managers?",
            r"responsib(?:le|ility)",
            r"owners?",
            r"delivered\s+by",
            r"by\s+whom",
            r"contacts?",
            r"who",
            r"accountable",
        ),
    ),
    (
        ColumnKind.STATUS,
        _pattern(
            r"status",
            r"rag",
            r"progress",
            r"updates?",
            r"comments?",
            r"(?:current\s+)?position",
        ),
    ),
    (
        ColumnKind.RESOURCES,
        _pattern(r"resources?", r"funding", r"costs?", r"budget", r"finance"),
    ),
    (
        ColumnKind.ACTION,
        _pattern(
            r"actions?",
            r"activit(?:y|ies)",
            r"tasks?",
            r"projects?",
            r"what(?:\s+we\s+will\s+do)?",
            r"initiatives?",
            r"interventions?",
            r"key\s+actions?",
            r"description(?:\s+of\s+(?:action|activity|task|work))?",
        ),
    ),
    (ColumnKind.PRIORITY, _pattern(r"priorit(?:y|ies)", r"themes?", r"strands?")),
    (ColumnKind.OBJECTIVE, _pattern(r"objectives?", r"aims?")),
)
"""Header wordings and the column kind each means, tried in order (most specific first)."""

_MAX_HEADER_WORDS = 6
_HEADER_SCAN_ROWS = 10
"""How far down a table the header row may sit: plans put objectives and review dates above it."""


def column_kind(header: str) -> ColumnKind | None:
    """What a column holds, judged by the meaning of its ``header``; ``None`` when unknown.

    >>> column_kind("Lead Officer")
    <ColumnKind.LEAD: 'lead'>
    >>> column_kind("By when?")
    <ColumnKind.TIMESCALE: 'timescale'>
    """
    text = " ".join(header.split())
    if not text or len(text.split()) > _MAX_HEADER_WORDS or len(text) > 60:
        return None
    for kind, pattern in HEADER_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def row_cells_by_column(row: Row) -> list[tuple[int, Cell]]:
    """The row's cells with the grid column each starts at (merged cells shift the rest)."""
    placed: list[tuple[int, Cell]] = []
    column = 0
    for cell in row.cells:
        placed.append((column, cell))
        column += max(1, cell.colspan)
    return placed


def expand_rowspans(table: Table) -> Table:
    """The table with an empty placeholder cell (``rowspan`` 0) wherever a cell merged down
    from a row above covers the grid, so that every row's cells line up with the header's
    columns (Word writes a vertically merged cell once, in its first row)."""
    if all(cell.rowspan <= 1 for row in table.rows for cell in row.cells):
        return table
    covering: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, colspan)
    rows: list[Row] = []
    for row in table.rows:
        below = dict(covering)  # what rows above cover in this row
        covering = {c: (left - 1, span) for c, (left, span) in below.items() if left > 1}
        cells: list[Cell] = []
        column = 0
        queue = list(row.cells)
        while queue or any(c >= column for c in below):
            if column in below:
                cells.append(Cell(colspan=below[column][1], rowspan=0, source=row.source))
                column += below[column][1]
                continue
            if not queue:
                column = min(c for c in below if c >= column)
                continue
            cell = queue.pop(0)
            span = max(1, cell.colspan)
            cells.append(cell)
            if cell.rowspan > 1:
                covering[column] = (cell.rowspan - 1, span)
            column += span
        rows.append(attrs.evolve(row, cells=tuple(cells)))
    return attrs.evolve(table, rows=tuple(rows))


@attrs.frozen(slots=True)
class TableLayout:
    """The columns of an action table.

    Attributes:
        header_row: Index of the header row in the table that holds it.
        kinds: For each grid column, its kind, or ``None`` for a column cspplan has no field for.
        headers: Each grid column's header text as written.
    """

    header_row: int
    kinds: tuple[ColumnKind | None, ...]
    headers: tuple[str, ...]

    def column(self, kind: ColumnKind) -> int | None:
        """The first grid column of ``kind``, or ``None``."""
        for index, found in enumerate(self.kinds):
            if found is kind:
                return index
        return None

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return len(self.kinds)


def _header_kinds(row: Row) -> tuple[list[ColumnKind | None], list[str]] | None:
    kinds: list[ColumnKind | None] = []
    headers: list[str] = []
    for _, cell in row_cells_by_column(row):
        text = " ".join(cell.text.split())
        kind = column_kind(text) if text else None
        for _ in range(max(1, cell.colspan)):
            kinds.append(kind)
            headers.append(text)
    details = {ColumnKind.LEAD, ColumnKind.TARGET, ColumnKind.TIMESCALE}
    if (
        ColumnKind.ACTION not in kinds
        and ColumnKind.OBJECTIVE in kinds
        and len(details.intersection(kinds)) >= 2
    ):
        # "Objective | Lead | Target | Deadline": each objective row is worked as an action.
        kinds = [ColumnKind.ACTION if k is ColumnKind.OBJECTIVE else k for k in kinds]
    return kinds, headers


def is_header_row(row: Row) -> bool:
    """True where the row reads as an action table's header: an action column and at least one
    other known column, and no cell that reads as data."""
    found = _header_kinds(row)
    if found is None:
        return False
    kinds, headers = found
    filled = [h for h in headers if h]
    known = [k for k in kinds if k is not None]
    if ColumnKind.ACTION not in known and ColumnKind.PRIORITY not in known:
        return False
    distinct = set(known)
    if len(distinct) < 2:
        return False
    # Most non-empty cells must be known headers: a data row mentioning "action" is not one.
    unknown_filled = sum(1 for k, h in zip(kinds, headers, strict=False) if h and k is None)
    return unknown_filled <= max(1, len(filled) // 3)


_PARTNERS = re.compile(
    r"^\W*(?:(?:key|main|delivery|lead)\s+)?(?:partners?|partner\s+agenc(?:y|ies)|agenc(?:y|ies))\W*$",
    re.IGNORECASE,
)


def find_layout(table: Table) -> TableLayout | None:
    """The layout of ``table`` where one of its first rows is an action table's header row."""
    for index, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        if not is_header_row(row):
            continue
        found = _header_kinds(row)
        assert found is not None
        kinds, headers = found
        if ColumnKind.LEAD not in kinds:
            # "Partners" beside a "Lead" column lists helpers; with no lead column, the
            # partners named are who delivers the action.
            for position, (kind, header) in enumerate(zip(kinds, headers, strict=False)):
                if kind is None and _PARTNERS.match(header):
                    kinds[position] = ColumnKind.LEAD
                    break
        width = max(table.width, len(kinds))
        kinds += [None] * (width - len(kinds))
        headers += [""] * (width - len(headers))
        return TableLayout(header_row=index, kinds=tuple(kinds), headers=tuple(headers))
    return None


_LOWER_START = re.compile(r"^[a-z]")


def _first_text(row: Row) -> str:
    for cell in row.cells:
        if not cell.is_empty:
            return cell.text.strip()
    return ""


def _fits(layout: TableLayout, table: Table) -> bool:
    """A headerless table continues an action table where its rows are no wider than the
    header and at most two trailing columns narrower (text exports drop empty last cells)."""
    width = table.width
    return layout.width - 2 <= width <= layout.width and width >= 2


def _merge_rows(upper: Row, lower: Row) -> Row:
    """A row broken by a page end: append the lower part's cell text to the upper part's."""
    upper_cells = list(row_cells_by_column(upper))
    lower_by_column = dict(row_cells_by_column(lower))
    cells: list[Cell] = []
    for column, cell in upper_cells:
        below = lower_by_column.get(column)
        if below is None or below.is_empty:
            cells.append(cell)
            continue
        lines = cell.lines
        if lines and below.lines and _LOWER_START.match(below.lines[0]):
            lines = (*lines[:-1], f"{lines[-1]} {below.lines[0]}", *below.lines[1:])
        else:
            lines = (*lines, *below.lines)
        cells.append(attrs.evolve(cell, lines=lines))
    return attrs.evolve(upper, cells=tuple(cells))


def join_tables(first: Table, layout: TableLayout, following: Sequence[Table]) -> tuple[Table, int]:
    """Join to ``first`` (an action table with ``layout``) the tables of ``following`` that
    continue it; return the joined table and how many of ``following`` were used.

    A continuation either repeats the header row (dropped) or has none and is no wider than
    the header. Its first row finishes the row the break cut where :func:`continues_row`
    finds the evidence for it; so does the row after a header repeated inside ``first``
    (a parser that joined the pages itself but kept the repeated header).
    """
    rows = _rejoin_inside(list(first.rows), layout)
    changed = len(rows) != len(first.rows)
    used = 0
    for table in following:
        if not table.rows:
            used += 1
            continue
        own = find_layout(table)
        if own is not None:
            if own.header_row != 0 or [k for k in own.kinds if k] != [k for k in layout.kinds if k]:
                break
            body = list(table.rows[1:])
        elif _fits(layout, table):
            body = list(table.rows)
        else:
            break
        if (
            body
            and len(rows) > layout.header_row + 1
            and continues_row(
                rows[-1], body[0], layout, _leads_throughout(rows[layout.header_row + 1 :], layout)
            )
        ):
            rows[-1] = _merge_rows(rows[-1], body[0])
            body = body[1:]
        rows.extend(body)
        used += 1
    if used == 0 and not changed:
        return first, 0
    return attrs.evolve(first, rows=tuple(rows)), used


def _rejoin_inside(rows: list[Row], layout: TableLayout) -> list[Row]:
    """``rows`` with each row that follows a repeated header row merged into the last row
    before that header, where it continues it."""
    start = layout.header_row + 1
    index = start + 1
    while index < len(rows):
        repeated = rows[index - 1]
        if index - 2 >= start and is_header_row(repeated):
            upper, lower = rows[index - 2], rows[index]
            if not is_header_row(upper) and continues_row(
                upper, lower, layout, _leads_throughout(rows[start : index - 1], layout)
            ):
                rows[index - 2] = _merge_rows(upper, lower)
                del rows[index]
                continue
        index += 1
    return rows


_GROUP_KINDS = frozenset([ColumnKind.REF, ColumnKind.PRIORITY, ColumnKind.OBJECTIVE])
"""Columns a new action row fills (or a new group row): a row that continues one leaves them
empty."""
_TERSE_KINDS = frozenset([ColumnKind.LEAD, ColumnKind.TIMESCALE, *_GROUP_KINDS])
"""Columns of names and dates, which never end in a full stop: no sign of a cut cell."""
_PROSE_WORDS = 4
"""How many words a cell's last line needs to read as a sentence the break may have cut."""
_FINISHED = re.compile(r"[.!?:;)\]\"'\u201d\u2019]\s*$")
_JOINING_WORDS = FUNCTION_WORDS | {
    "into",
    "via",
    "than",
    "between",
    "including",
    "inc",
    "such",
    "who",
    "which",
    "that",
}
_JOINER_END = re.compile(
    r"(?:[,&/\-\u2013]|(?<![\w-])(?:" + "|".join(sorted(_JOINING_WORDS)) + r"|e\.g\.|i\.e\.))\s*$"
)
_ENUMERATED = re.compile(r"^\s*\(?(?P<n>[ivx]{1,4}|[a-h]|\d{1,2})(?P<p>[.)])\s+\S")
_BULLETED = re.compile(
    r"^\s*(?P<b>[\u2022\u25aa\u25cf\u25e6\u25a0\u27a2\u27a4\u00b7\u00a7\u2756])\s*\S"
)
_DOTTED_REF = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\b")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _cells_by_column(row: Row) -> dict[int, Cell]:
    return {column: cell for column, cell in row_cells_by_column(row)}


def _last_line(cell: Cell) -> str:
    lines = [line.strip() for line in cell.lines if line.strip()]
    return lines[-1] if lines else ""


def _first_line(cell: Cell) -> str:
    lines = [line.strip() for line in cell.lines if line.strip()]
    return lines[0] if lines else ""


def _successor(upper: str, lower: str) -> bool:
    """True where list number ``lower`` follows ``upper``: 2 after 1, b after a, ii after i."""
    if upper.isdigit() and lower.isdigit():
        return int(lower) == int(upper) + 1
    if upper in _ROMAN and lower in _ROMAN:
        return _ROMAN.index(lower) == _ROMAN.index(upper) + 1
    return len(upper) == len(lower) == 1 and ord(lower) == ord(upper) + 1


def _list_goes_on(above: str, below: str, own_lead: bool) -> bool:
    """True where ``below`` opens with the next item of the list ``above`` closes: the next
    number always; the same bullet only where the row names no lead of its own (a plan that
    bullets every action cell starts each new action with a bullet too)."""
    numbered_above, numbered_below = _ENUMERATED.match(above), _ENUMERATED.match(below)
    if numbered_above and numbered_below:
        return numbered_above.group("p") == numbered_below.group("p") and _successor(
            numbered_above.group("n"), numbered_below.group("n")
        )
    bullet_above, bullet_below = _BULLETED.match(above), _BULLETED.match(below)
    return (
        bool(bullet_above and bullet_below and bullet_above.group("b") == bullet_below.group("b"))
        and not own_lead
    )


def _leads_throughout(rows: Sequence[Row], layout: TableLayout) -> bool:
    """True where every action row so far (two at least) names its lead, so that a row
    without one stands out; a table whose lead cells are merged down does not qualify."""
    action, lead = layout.column(ColumnKind.ACTION), layout.column(ColumnKind.LEAD)
    if action is None or lead is None:
        return False
    counted = 0
    for row in rows:
        cells = _cells_by_column(row)
        if sum(1 for c in cells.values() if not c.is_empty) < 2:
            continue  # a group row spanning the table
        if action in cells and not cells[action].is_empty:
            if lead not in cells or cells[lead].is_empty:
                return False
            counted += 1
    return counted >= 2


def continues_row(upper: Row, lower: Row, layout: TableLayout, leads_throughout: bool) -> bool:
    """True where ``lower``, the first row after a break in an action table, is the rest of
    ``upper``, the row the break cut, rather than an action of its own.

    A row whose text starts in lower case always continues. Otherwise the row must leave
    empty the cells that start an action or a group (ref, priority, objective, a dotted ref
    at the start of the action text) and show one of:

    - a cell above that ends on a joining word or mark ("to", "and", "&", ",") with the
      rest below it;
    - a cell below that starts in lower case under a cell of prose that ends unfinished;
    - an action cell that goes on with the next item of the list the cell above closes;
    - no lead of its own (and no date) where the row above and every action row before it
      name one, ``leads_throughout``.
    """
    if _LOWER_START.match(_first_text(lower)) and not _ref_like(lower):
        return True
    below, above = _cells_by_column(lower), _cells_by_column(upper)

    def kind(column: int) -> ColumnKind | None:
        return layout.kinds[column] if column < layout.width else None

    filled = [column for column, cell in below.items() if not cell.is_empty]
    if not filled or any(kind(c) in _GROUP_KINDS for c in filled) or _ref_like(lower):
        return False
    action = layout.column(ColumnKind.ACTION)
    if action is not None and action in below and _DOTTED_REF.match(below[action].text):
        return False
    lead = layout.column(ColumnKind.LEAD)
    own_lead = lead is not None and lead in below and not below[lead].is_empty
    for column in filled:
        top = above.get(column)
        if top is None or top.is_empty:
            continue
        last, first = _last_line(top), _first_line(below[column])
        if len(last.split()) >= 2 and _JOINER_END.search(last):
            # (A lone "-" or "n/a" fills an empty cell; it cuts nothing short.)
            return True
        # A sentence cut short: a status word ("Green" above "ongoing") is no sentence.
        prose = kind(column) not in _TERSE_KINDS and len(last.split()) >= _PROSE_WORDS
        if prose and _LOWER_START.match(first) and not _FINISHED.search(last):
            return True
        if column == action and _list_goes_on(last, first, own_lead):
            return True
    if lead is None or own_lead or not leads_throughout:
        return False
    timescale = layout.column(ColumnKind.TIMESCALE)
    dated = timescale is not None and timescale in below and not below[timescale].is_empty
    return lead in above and not above[lead].is_empty and not dated


_REF_START = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\b")


def _ref_like(row: Row) -> bool:
    return bool(row.cells) and bool(_REF_START.match(row.cells[0].text))
