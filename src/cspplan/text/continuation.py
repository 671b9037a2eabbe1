"""Whether a table row goes on across a page break: the one place that decides it.

A page break cuts a tall row in two: the rest of its text opens the next page's part of the
table, in a row of its own that a reader must join back. Two layers ask:

- the PDF parser, which joins a table's parts page by page and knows only the cells and
  whether the part above reached the foot of its page (``columns`` is ``None``);
- the action-table reader, which joins the tables a Word or text export left apart and knows
  what each column means (:class:`RowColumns`).

Both ask :func:`continues_row`; the evidence each can weigh differs with what it knows, and
is set out in the function's documentation. This module sits below the parsers and the
recognisers, so it imports neither.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Cell, Row
from .patterns import lazy
from .words import FUNCTION_WORDS

__all__ = [
    "PROSE_WORDS",
    "RowColumns",
    "continues_row",
    "leads_throughout",
    "line_continues_cell",
    "row_cells_by_column",
    "unfinished",
]

_JOINING = (FUNCTION_WORDS - {"as"}) | {"&"}
"""Words a cell the parser cut may end on: "as" ends phrases ("as well as") too often."""
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
"""Words an action table's cell cut by the break may end on."""
_JOINER_END = lazy(
    r"(?:[,&/\-\u2013]|(?<![\w-])(?:" + "|".join(sorted(_JOINING_WORDS)) + r"|e\.g\.|i\.e\.))\s*$"
)
_LOWER_START = lazy(r"^[a-z]")
_FINISHED = lazy(r"[.!?:;)\]\"'\u201d\u2019]\s*$")
_ENUMERATED = lazy(r"^\s*\(?(?P<n>[ivx]{1,4}|[a-h]|\d{1,2})(?P<p>[.)])\s+\S")
_BULLETED = lazy(r"^\s*(?P<b>[\u2022\u25aa\u25cf\u25e6\u25a0\u27a2\u27a4\u00b7\u00a7\u2756])\s*\S")
_DOTTED_REF = lazy(r"^\s*\d{1,2}(?:\.\d{1,2})+\b")
_REF_START = lazy(r"^\s*\d{1,2}(?:\.\d{1,2})*\b")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

PROSE_WORDS = 4
"""How many words a cell's last line needs to read as a sentence the break may have cut."""
JOINER_WORDS = 2
"""How many words a cell's last line needs before its joining word counts: a lone "-" or
"n/a" fills an empty cell and cuts nothing short."""
LEADS_SEEN = 2
"""How many action rows, each naming its lead, make a row without one stand out."""


def row_cells_by_column(row: Row) -> list[tuple[int, Cell]]:
    """The row's cells with the grid column each starts at (merged cells shift the rest)."""
    placed: list[tuple[int, Cell]] = []
    column = 0
    for cell in row.cells:
        placed.append((column, cell))
        column += max(1, cell.colspan)
    return placed


@attrs.frozen(slots=True)
class RowColumns:
    """What a reader knows of a table's grid columns.

    Attributes:
        action: The action column.
        lead: The lead column.
        timescale: The date column.
        starts: Columns a new row fills (ref, priority, objective): a row that goes on
            leaves them empty.
        terse: Columns of names and dates, which never end in a full stop.
    """

    action: int | None = None
    lead: int | None = None
    timescale: int | None = None
    starts: frozenset[int] = frozenset()
    terse: frozenset[int] = frozenset()


def unfinished(cell: Cell) -> bool:
    """True where a cell's text stops mid-phrase: on a joining word, a comma or a hyphen."""
    if cell.is_empty:
        return False
    last = cell.lines[-1].rstrip()
    return last[-1:] in ",-–&" or last.split()[-1].lower() in _JOINING


def line_continues_cell(line: str, above: Cell, bullet: str) -> bool:
    """True where ``line``, opening a page too few lines to show the table's columns, goes on
    in the cell ``above`` the break left: it starts in lower case, the cell stops mid-phrase,
    or the cell's list goes on with the same ``bullet``."""
    list_goes_on = (
        line.startswith(bullet) and bool(above.lines) and above.lines[-1].startswith(bullet)
    )
    return line[:1].islower() or unfinished(above) or list_goes_on


def _cells(row: Row) -> dict[int, Cell]:
    return dict(row_cells_by_column(row))


def _first_text(row: Row) -> str:
    for cell in row.cells:
        if not cell.is_empty:
            return cell.text.strip()
    return ""


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
    numbered_above = _ENUMERATED.match(above)
    numbered_below = _ENUMERATED.match(below)
    if numbered_above and numbered_below:
        return numbered_above.group("p") == numbered_below.group("p") and _successor(
            numbered_above.group("n"), numbered_below.group("n")
        )
    bullet_above = _BULLETED.match(above)
    bullet_below = _BULLETED.match(below)
    return (
        bool(bullet_above and bullet_below and bullet_above.group("b") == bullet_below.group("b"))
        and not own_lead
    )


def _ref_like(row: Row) -> bool:
    return bool(row.cells) and bool(_REF_START.match(row.cells[0].text))


def leads_throughout(rows: Sequence[Row], columns: RowColumns) -> bool:
    """True where every action row of ``rows`` (two at least) names its lead, so that a row
    without one stands out; a table whose lead cells are merged down does not qualify."""
    action, lead = columns.action, columns.lead
    if action is None or lead is None:
        return False
    counted = 0
    for row in rows:
        cells = _cells(row)
        if sum(1 for c in cells.values() if not c.is_empty) < 2:
            continue  # a group row spanning the table
        if action in cells and not cells[action].is_empty:
            if lead not in cells or cells[lead].is_empty:
                return False
            counted += 1
    return counted >= LEADS_SEEN


def continues_row(
    upper: Row,
    lower: Row,
    columns: RowColumns | None = None,
    *,
    cut: bool = False,
    leads: bool = False,
) -> bool:
    """True where ``lower``, the first row after a page break, is the rest of ``upper``, the
    row the break cut, rather than a row of its own.

    Where nothing is known of the columns (``columns`` is ``None``, the PDF parser's case),
    the rows must have as many cells, and ``lower``'s first filled cell starts in lower case;
    or a cell above one of its filled cells stops on a joining word or mark and its first
    cell opens no numbered entry; or it fills fewer cells than ``upper``, all filled there
    too, its first among them, opening no numbered entry. Where ``cut`` (the part above
    reached the foot of its page and its last row is tall), a row with an empty first cell,
    filling only cells filled above, goes on too.

    Where the columns' meanings are known, a row whose text starts in lower case always goes
    on. Otherwise it must leave empty the cells that start a row (``columns.starts``, and a
    dotted ref at the start of the action text) and show one of:

    - a cell above that ends on a joining word or mark ("to", "and", "&", ",") with the
      rest below it;
    - a cell below that starts in lower case under a cell of prose that ends unfinished;
    - an action cell that goes on with the next item of the list the cell above closes;
    - no lead of its own (and no date) where the row above and every action row before it
      name one (``leads``, see :func:`leads_throughout`).
    """
    if columns is None:
        return _continues_by_place(upper, lower, cut)
    return _continues_by_meaning(upper, lower, columns, leads)


def _continues_by_place(upper: Row, lower: Row, cut: bool) -> bool:
    if len(upper.cells) != len(lower.cells):
        return False
    filled = [i for i, cell in enumerate(lower.cells) if not cell.is_empty]
    if not filled:
        return False
    if lower.cells[filled[0]].lines[0][:1].islower():
        return True
    first = lower.cells[0]
    new_entry = not first.is_empty and first.lines[0][:1].isdigit()
    # A cell above that stops on "the", "of", "and" or a comma has more to come, unless
    # the row below opens a new numbered entry.
    if not new_entry and any(unfinished(upper.cells[i]) for i in filled):
        return True
    above = {i for i, cell in enumerate(upper.cells) if not cell.is_empty}
    if 0 not in filled:
        return cut and set(filled) <= above
    return 0 in above and set(filled) < above and not new_entry


def _continues_by_meaning(upper: Row, lower: Row, columns: RowColumns, leads: bool) -> bool:
    if _LOWER_START.match(_first_text(lower)) and not _ref_like(lower):
        return True
    below, above = _cells(lower), _cells(upper)
    filled = [column for column, cell in below.items() if not cell.is_empty]
    if not filled or any(c in columns.starts for c in filled) or _ref_like(lower):
        return False
    action = columns.action
    if action is not None and action in below and _DOTTED_REF.match(below[action].text):
        return False
    lead = columns.lead
    own_lead = lead is not None and lead in below and not below[lead].is_empty
    for column in filled:
        top = above.get(column)
        if top is None or top.is_empty:
            continue
        last, first = _last_line(top), _first_line(below[column])
        if len(last.split()) >= JOINER_WORDS and _JOINER_END.search(last):
            return True
        # A sentence cut short: a status word ("Green" above "ongoing") is no sentence.
        prose = column not in columns.terse and len(last.split()) >= PROSE_WORDS
        if prose and _LOWER_START.match(first) and not _FINISHED.search(last):
            return True
        if column == action and _list_goes_on(last, first, own_lead):
            return True
    if lead is None or own_lead or not leads:
        return False
    timescale = columns.timescale
    dated = timescale is not None and timescale in below and not below[timescale].is_empty
    return lead in above and not above[lead].is_empty and not dated
