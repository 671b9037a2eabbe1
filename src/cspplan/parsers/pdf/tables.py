"""Tables on one page: ruled ones from their cell boxes, unruled ones from text alignment.

Both kinds end as a :class:`PageTable`: cells on a grid with their spans and their raw
lines. Turning lines into cell text waits until the whole document is read, because undoing
hyphenation needs the document's vocabulary.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Sequence

import attrs
import regex

from .layout import Line, Word, split_line, words_to_lines

__all__ = [
    "PageCell",
    "PageTable",
    "cells_to_table",
    "find_unruled_tables",
    "grid_positions",
    "split_keyed_rows",
]

BBox = tuple[float, float, float, float]


@attrs.frozen(slots=True)
class PageCell:
    """One cell of a table on a page.

    Attributes:
        lines: The cell's printed lines, top to bottom.
        bbox: The cell's box ``(x0, top, x1, bottom)``.
        right: Where the cell's text may run to; a line ending well before it was broken by
            the writer, not wrapped.
        row: 0-based grid row of the cell's top.
        column: 0-based grid column of the cell's left edge.
        colspan: Grid columns the cell covers.
        rowspan: Grid rows the cell covers.
    """

    lines: tuple[Line, ...]
    bbox: BBox
    right: float
    row: int
    column: int
    colspan: int = 1
    rowspan: int = 1


@attrs.frozen(slots=True)
class PageTable:
    """A table as found on one page.

    Attributes:
        cells: Its cells in row, then column order.
        bbox: The table's box.
        columns: The x positions of its column boundaries, left to right (``n + 1`` for
            ``n`` columns); a table continued on the next page lines up with these.
        rows: The number of grid rows.
        page: 1-based page number.
        ruled: True where the table was found from ruling lines.
        tentative: True for a single aligned line at the top or bottom of a page (a header
            row left behind by a page break, or a last row carried over): it is kept as a
            table only where it joins a table on the neighbouring page.
        source_lines: The lines a tentative table was made from, to put back otherwise.
    """

    cells: tuple[PageCell, ...]
    bbox: BBox
    columns: tuple[float, ...]
    rows: int
    page: int
    ruled: bool = True
    tentative: bool = False
    source_lines: tuple[Line, ...] = ()

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return len(self.columns) - 1


def grid_positions(values: Sequence[float], tolerance: float = 2.0) -> list[float]:
    """Sorted positions with those closer than ``tolerance`` merged into their mean."""
    merged: list[list[float]] = []
    for value in sorted(values):
        if merged and value - merged[-1][-1] <= tolerance:
            merged[-1].append(value)
        else:
            merged.append([value])
    return [sum(group) / len(group) for group in merged]


def _nearest(positions: Sequence[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


def _inside(word: Word, box: BBox) -> bool:
    middle_x = (word.x0 + word.x1) / 2
    middle_y = (word.top + word.bottom) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def cells_to_table(
    boxes: Sequence[BBox], words: Sequence[Word], page: int
) -> tuple[PageTable | None, list[Word]]:
    """A ruled table from its cell boxes (as pdfplumber's table finder gives them) and the
    page's words; returns the table (``None`` where the boxes do not make one worth keeping,
    such as a single framed paragraph) and the words left outside it."""
    xs = grid_positions([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = grid_positions([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2 or (len(xs) == 2 and len(ys) == 2):
        return None, list(words)
    outer: BBox = (xs[0], ys[0], xs[-1], ys[-1])
    owned: dict[int, list[Word]] = {i: [] for i in range(len(boxes))}
    left: list[Word] = []
    # Sort boxes by area so a word on a shared border goes to the smaller, inner cell.
    order = sorted(
        range(len(boxes)), key=lambda i: (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1])
    )
    # _inside, unrolled: this loop meets every word of a ruled page against every cell.
    ordered = [(index, boxes[index]) for index in order]
    ox0, oy0, ox1, oy1 = outer
    for word in words:
        mx = (word.x0 + word.x1) / 2
        my = (word.top + word.bottom) / 2
        if not (ox0 <= mx <= ox1 and oy0 <= my <= oy1):
            left.append(word)
            continue
        for index, (b0, b1, b2, b3) in ordered:
            if b0 <= mx <= b2 and b1 <= my <= b3:
                owned[index].append(word)
                break
        else:
            left.append(word)
    cells: list[PageCell] = []
    for index, box in enumerate(boxes):
        c0, c1 = _nearest(xs, box[0]), _nearest(xs, box[2])
        r0, r1 = _nearest(ys, box[1]), _nearest(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        lines = tuple(words_to_lines(owned[index], page))
        padding = min((line.x0 - box[0] for line in lines), default=2.0)
        padding = max(1.0, min(padding, 8.0))
        cells.append(
            PageCell(
                lines=lines,
                bbox=box,
                right=box[2] - padding,
                row=r0,
                column=c0,
                colspan=c1 - c0,
                rowspan=r1 - r0,
            )
        )
    if not any(cell.lines for cell in cells):
        return None, list(words)
    cells.sort(key=lambda c: (c.row, c.column))
    cells, rows = split_keyed_rows(cells, len(ys) - 1)
    table = PageTable(
        cells=tuple(cells),
        bbox=outer,
        columns=tuple(xs),
        rows=rows,
        page=page,
        ruled=True,
    )
    return table, left


_REF = regex.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?$")


def _row_splits(row: Sequence[PageCell]) -> list[float]:
    """Where a ruled row holds several records: tops of lines in its first column that
    start with a reference ("1.2") while another column has a line on the same baseline."""
    key = next((c for c in row if c.column == 0), None)
    if key is None or len(key.lines) < 2:
        return []
    others = [line.top for c in row if c is not key for line in c.lines]
    return [
        line.top
        for line in key.lines[1:]
        if _REF.match(line.words[0].text) and any(abs(top - line.top) <= 2.0 for top in others)
    ]


def split_keyed_rows(cells: Sequence[PageCell], rows: int) -> tuple[list[PageCell], int]:
    """Split ruled rows that hold several records: a table whose rows have no rules between
    them (only its columns are ruled) comes out of the table finder as one tall row. Each
    line in the first column that starts with a reference ("1.2") level with text in
    another column starts a record. Returns the cells, renumbered, and the row count."""
    by_row: dict[int, list[PageCell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    out: list[PageCell] = []
    shift = 0
    for index in range(rows):
        row = by_row.get(index, [])
        spanning = any(c.rowspan > 1 for c in row)
        splits = [] if spanning else _row_splits(row)
        if not splits:
            out.extend(attrs.evolve(c, row=c.row + shift) for c in row)
            continue
        edges = [-math.inf, *(top - 0.5 for top in splits), math.inf]
        for part, (upper, lower) in enumerate(itertools.pairwise(edges)):
            for cell in row:
                lines = tuple(ln for ln in cell.lines if upper <= ln.top < lower)
                top = max(cell.bbox[1], upper) if part else cell.bbox[1]
                bottom = min(cell.bbox[3], lower) if part < len(splits) else cell.bbox[3]
                out.append(
                    attrs.evolve(
                        cell,
                        lines=lines,
                        row=index + shift + part,
                        bbox=(cell.bbox[0], top, cell.bbox[2], bottom),
                    )
                )
        shift += len(splits)
    return out, rows + shift


def _intervals(pieces: Sequence[Line]) -> list[list[float]]:
    spans = sorted([p.x0, p.x1] for p in pieces)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return merged


def _column_of(piece: Line, intervals: Sequence[Sequence[float]]) -> int:
    best, overlap = 0, -1.0
    for index, (x0, x1) in enumerate(intervals):
        amount = min(piece.x1, x1) - max(piece.x0, x0)
        if amount > overlap:
            best, overlap = index, amount
    return best


def _looks_like_prose(
    pieces: Sequence[Sequence[Line]], intervals: Sequence[Sequence[float]]
) -> bool:
    """True where the aligned columns are text columns (most lines fill their column, and
    the columns are about as wide as each other, as a page's columns are), not a table's
    cells."""
    if len(pieces) < 5:
        return False
    fills: dict[int, list[float]] = {}
    for line_pieces in pieces:
        for piece in line_pieces:
            column = _column_of(piece, intervals)
            x0, x1 = intervals[column]
            fills.setdefault(column, []).append((piece.x1 - piece.x0) / max(1.0, x1 - x0))
    if len(fills) < 2:
        return False
    full = [sum(1 for f in values if f >= 0.75) / len(values) for values in fills.values()]
    widths = [x1 - x0 for x0, x1 in intervals]
    return min(full) >= 0.5 and min(widths) >= 120 and min(widths) >= 0.8 * max(widths)


def _wrapped(above: Line, below: Line, right: float) -> bool:
    """True where ``below`` carries on a cell's text from ``above``: the first word of
    ``below`` would not have fitted on ``above`` within the column."""
    first = below.words[0]
    return above.x1 + 0.3 * above.size + (first.x1 - first.x0) > right - 1.5


_CONNECTORS = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "to",
        "for",
        "in",
        "on",
        "with",
        "by",
        "at",
        "from",
        "&",
        "-",
        "/",
        ",",
    ]
)


def _reads_on(above: Line, below: Line) -> bool:
    """True where ``below``'s text reads as the rest of ``above``'s sentence: it starts in
    lower case, or ``above`` ends on a joining word or mark (``of``, ``&``, a hyphen)."""
    last = above.words[-1].text.lower()
    return below.text[:1].islower() or last in _CONNECTORS or last[-1:] in "-,/&"


_KEY = regex.compile(r"^(?:[A-Z]{1,3} ?)?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.)]?$")


def _key_starts(
    run: Sequence[Sequence[Line]], intervals: Sequence[Sequence[float]], skip: Collection[int]
) -> list[bool] | None:
    """Where the first column holds only references ("1.2", "A3"), the lines that start a
    row: those with a reference there. ``None`` where the first column is not such a key
    (a line in it that is not a reference, past the header, or fewer than three references).
    """
    starts: list[bool] = []
    seen = 0
    for index, pieces in enumerate(run):
        first = next((p for p in pieces if _column_of(p, intervals) == 0), None)
        if index in skip or first is None:
            starts.append(False)
            continue
        if _KEY.match(first.text):
            seen += 1
            starts.append(True)
        elif seen:
            return None
        else:
            starts.append(False)
    return starts if seen >= 3 else None


def _row_gap_threshold(gaps: Sequence[float]) -> float:
    """The gap above which a line starts a new row: the first clear step up from the gaps
    between a wrapped cell's lines. Gaps come in levels (wrapped lines, rows, rows under a
    title set in the first column with more space); the step taken is the lowest, so the
    widest gaps do not swallow the rows."""
    levels: list[list[float]] = []
    for gap in sorted(gaps):
        if levels and gap - levels[-1][-1] <= max(0.75, 0.25 * abs(levels[-1][-1])):
            levels[-1].append(gap)
        else:
            levels.append([gap])
    for lower, upper in itertools.pairwise(levels):
        if upper[0] >= 1.5 * max(lower[-1], 0.5) + 1.0:
            return (lower[-1] + upper[0]) / 2
    return (max(gaps) + min(gaps)) / 2


def _same_group(i: int, lines: Sequence[Line], groups: Collection[int]) -> bool:
    """True where group line ``i`` carries on the group title on the line above."""
    return i - 1 in groups and lines[i].top - lines[i - 1].bottom <= 0.5 * lines[i].size


def _rows_of(
    run: Sequence[Sequence[Line]], lines: Sequence[Line], groups: Collection[int] = ()
) -> list[list[int]]:
    """Group the lines of an unruled table into rows (lists of line indexes into ``run``).

    A group row (``groups``, a title across the table) is always a row of its own. Rows set
    with padding leave a larger gap between rows than between the lines of a wrapped cell;
    that tells rows apart even where short cells are centred against a tall one. Where every
    gap is alike and the first column holds references, each reference starts a row and the
    lines without one carry on the row above. Otherwise a line continues the row above only
    where each of its pieces carries on text that ran out of room in the same column on the
    line above, and only in a table where some such line reads as the rest of a sentence
    (lower case, or after ``of``, ``&``): names in a list of members also fill their column,
    but each starts afresh.
    """
    intervals = _intervals([p for i, pieces in enumerate(run) if i not in groups for p in pieces])
    fresh = [
        (i in groups and not _same_group(i, lines, groups)) or (i - 1 in groups and i not in groups)
        for i in range(len(lines))
    ]
    gaps = [lines[i + 1].top - lines[i].bottom for i in range(len(lines) - 1)]
    # Gaps around a group row are often wider than between rows; they do not set the scale.
    inner = [gap for i, gap in enumerate(gaps, start=1) if not fresh[i]]
    rows: list[list[int]] = [[0]]
    if inner and max(inner) > 1.6 * max(min(inner), 0.5) + 1.0:
        threshold = _row_gap_threshold(inner)
        for i, gap in enumerate(gaps, start=1):
            if fresh[i] or gap > threshold:
                rows.append([i])
            else:
                rows[-1].append(i)
        return rows
    keys = _key_starts(run, intervals, groups)
    if keys is not None:
        first_key = keys.index(True)
        rows = [[0]]
        for i in range(1, len(lines)):
            before_keys = i < first_key and lines[i].top - lines[i - 1].bottom > 0.5 * lines[i].size
            if fresh[i] or keys[i] or before_keys or (i == first_key):
                rows.append([i])
            else:
                rows[-1].append(i)
        return rows
    placed = [
        {} if i in groups else {_column_of(p, intervals): p for p in pieces}
        for i, pieces in enumerate(run)
    ]
    # A column's text runs up to its longest line; measured this way rather than by where
    # the next column starts, because cell padding hides the true limit.
    rights = [x1 for _, x1 in intervals]
    wraps = [False] + [
        _same_group(i, lines, groups)
        if i in groups
        else not fresh[i]
        and all(
            column in placed[i - 1] and _wrapped(placed[i - 1][column], piece, rights[column])
            for column, piece in placed[i].items()
        )
        for i in range(1, len(lines))
    ]
    reads_on = [False] + [
        any(
            column in placed[i - 1] and _reads_on(placed[i - 1][column], piece)
            for column, piece in placed[i].items()
        )
        for i in range(1, len(lines))
    ]
    # Where no wrapped line anywhere in the table reads on mid-sentence, its cells do not
    # wrap at all (a list of names filling their column): every line is a row.
    wrapping = any(w and r for w, r in zip(wraps, reads_on, strict=True))
    for i in range(1, len(lines)):
        if wrapping and wraps[i]:
            rows[-1].append(i)
        else:
            rows.append([i])
    return rows


def _unruled_table(
    run: Sequence[Sequence[Line]],
    lines: Sequence[Line],
    page: int,
    groups: Collection[int] = (),
) -> PageTable:
    intervals = _intervals([p for i, pieces in enumerate(run) if i not in groups for p in pieces])
    rows = _rows_of(run, lines, groups)
    cells: list[PageCell] = []
    for row_index, members in enumerate(rows):
        top = min(lines[i].top for i in members)
        bottom = max(lines[i].bottom for i in members)
        if members[0] in groups:
            words = [w for i in members for p in run[i] for w in p.words]
            start = _nearest([iv[0] for iv in intervals], min(w.x0 for w in words))
            cells.extend(
                PageCell(lines=(), bbox=(x0, top, x1, bottom), right=x1, row=row_index, column=c)
                for c, (x0, x1) in enumerate(intervals[:start])
            )
            cells.append(
                PageCell(
                    lines=tuple(words_to_lines(words, page)),
                    bbox=(intervals[start][0], top, intervals[-1][1], bottom),
                    right=intervals[-1][1],
                    row=row_index,
                    column=start,
                    colspan=len(intervals) - start,
                )
            )
            continue
        by_column: dict[int, list[Word]] = {}
        for i in members:
            for piece in run[i]:
                by_column.setdefault(_column_of(piece, intervals), []).extend(piece.words)
        for column, (x0, x1) in enumerate(intervals):
            words = by_column.get(column, [])
            cell_lines = tuple(words_to_lines(words, page))
            cells.append(
                PageCell(
                    lines=cell_lines,
                    bbox=(x0, top, x1, bottom),
                    right=x1,
                    row=row_index,
                    column=column,
                )
            )
    bounds = [intervals[0][0]]
    for (_, x1), (x0, _) in itertools.pairwise(intervals):
        bounds.append((x1 + x0) / 2)
    bounds.append(intervals[-1][1])
    box: BBox = (
        intervals[0][0],
        min(line.top for line in lines),
        intervals[-1][1],
        max(line.bottom for line in lines),
    )
    return PageTable(
        cells=tuple(cells), bbox=box, columns=tuple(bounds), rows=len(rows), page=page, ruled=False
    )


def _spanning_block(
    j: int,
    run: Sequence[int],
    pieces: Sequence[Sequence[Line]],
    lines: Sequence[Line],
    intervals: Sequence[Sequence[float]],
    depth: int = 0,
) -> int:
    """How many lines from ``j`` make a row merged across several of the run's columns: a
    group title at the table's left edge, short beside the table's width ("2. Prevention"),
    or a note starting at an inner column and running across the rest, wrapped over up to
    three lines. Such a row counts only where the next line goes on in the table's columns,
    or starts another such row (a note, then a group title) that is followed by one; 0 where
    there is none."""
    if len(intervals) < 3 or len(pieces[j]) != 1:
        return 0
    piece, line = pieces[j][0], lines[j]
    column = _nearest([iv[0] for iv in intervals], piece.x0)
    if abs(piece.x0 - intervals[column][0]) > 3.0:
        return 0
    if column == 0 and piece.x1 - piece.x0 > 0.6 * (intervals[-1][1] - intervals[0][0]):
        return 0  # a paragraph at the margin, not a group title
    k = j + 1
    while k < len(lines) and k - j < 3 and len(pieces[k]) == 1:
        tight = lines[k].top - lines[k - 1].bottom <= 0.5 * lines[k].size
        if not tight or abs(pieces[k][0].x0 - piece.x0) > 3.0:
            break
        k += 1
    if k >= len(lines) or abs(lines[k].size - line.size) > 1.0:
        return 0
    if lines[k].top - lines[k - 1].bottom > 2.2 * max(lines[k].size, line.size):
        return 0
    if len(pieces[k]) < 2:
        following = _spanning_block(k, run, pieces, lines, intervals, depth + 1) if not depth else 0
        return k - j if following else 0
    candidate = _intervals([p for m in [*run, k] for p in pieces[m]])
    return k - j if len(candidate) >= len(intervals) else 0


def _page_top_groups(
    start: int,
    floor: int,
    run: Sequence[int],
    pieces: Sequence[Sequence[Line]],
    lines: Sequence[Line],
    head: float,
) -> list[int]:
    """The lines just above a run starting at ``start`` that are a group row opening the
    page ("2. Target / Hardening" carried over a break): one piece each, at the run's left
    edge, set as close as the run's lines, with only running headers above them."""
    intervals = _intervals([p for k in run for p in pieces[k]])
    if len(intervals) < 2:
        return []
    width = intervals[-1][1] - intervals[0][0]
    found: list[int] = []
    below = start
    k = start - 1
    while k >= floor and len(found) < 3:
        line = lines[k]
        if len(pieces[k]) != 1 or abs(line.size - lines[start].size) > 1.0:
            break
        if lines[below].top - line.bottom > 2.2 * line.size or line.top < head:
            break
        piece = pieces[k][0]
        if abs(piece.x0 - intervals[0][0]) > 3.0 or piece.x1 - piece.x0 > 0.6 * width:
            break
        found.insert(0, k)
        below = k
        k -= 1
    if not found or any(lines[m].top >= head for m in range(floor, found[0])):
        return []
    return found


def find_unruled_tables(
    lines: Sequence[Line],
    column_gap: float,
    min_rows: int,
    page: int,
    foot: float = math.inf,
    head: float = -math.inf,
) -> tuple[list[PageTable], list[Line]]:
    """Tables without ruling lines, found where consecutive lines break into pieces at the
    same horizontal positions; returns the tables and the lines that are not in one.

    ``foot`` is where the page's body ends (lines below it are footers): a table that runs
    to it may go on over the page, so its last lines are kept even where they hold only one
    column's text. ``head`` is where it starts: a group row above the first aligned line,
    with nothing but running headers above it, is the table carried over from the page
    before and is kept with it.
    """
    pieces = [split_line(line, column_gap * line.size) for line in lines]
    tables: list[PageTable] = []
    rest: list[Line] = []
    floor = 0  # the first line after the last table found
    i = 0
    while i < len(lines):
        if len(pieces[i]) < 2:
            rest.append(lines[i])
            i += 1
            continue
        run = [i]
        groups: set[int] = set()
        intervals = _intervals(pieces[i])
        j = i + 1
        while j < len(lines):
            previous = lines[run[-1]]
            size = max(previous.size, lines[j].size)
            if lines[j].top - previous.bottom > 2.2 * size:
                break
            # A heading or a caption in another size is not part of the table.
            if abs(lines[j].size - lines[i].size) > 1.0:
                break
            if len(pieces[j]) >= 2:
                candidate = _intervals([p for k in [*run, j] if k not in groups for p in pieces[k]])
                # A line whose pieces bridge two of the run's columns belongs to something
                # else (the next table, or prose).
                if len(candidate) < len(intervals):
                    break
                run.append(j)
                intervals = candidate
                j += 1
                continue
            piece = pieces[j][0]
            touching = [iv for iv in intervals if piece.x0 < iv[1] + 2 and piece.x1 > iv[0] - 2]
            if len(touching) == 1 and len(intervals) >= 2:
                run.append(j)
                intervals = _intervals([p for k in run if k not in groups for p in pieces[k]])
                j += 1
                continue
            block = _spanning_block(
                j, [k for k in run if k not in groups], pieces, lines, intervals
            )
            if block:
                # A group row ("2. Prevention") or a note merged across the table: a row of
                # its own, spanning the columns, so the rows under it stay in the table.
                run.extend(range(j, j + block))
                groups.update(range(j, j + block))
                j += block
                continue
            break
        # Trailing one-piece lines stay only when set as tight as a wrapped cell's lines,
        # or when they start at one of the table's inner columns, where no paragraph starts.
        columns = _intervals([p for k in run if len(pieces[k]) >= 2 for p in pieces[k]])
        following = lines[run[-1] + 1 :]
        at_foot = all(line.top >= foot for line in following)
        while len(run) > 1 and len(pieces[run[-1]]) < 2 and not at_foot:
            last, before = lines[run[-1]], lines[run[-2]]
            if last.top - before.bottom <= 0.5 * last.size:
                break
            if any(abs(last.x0 - x0) <= 2.0 for x0, _ in columns[1:]):
                break
            run.pop()
        multi = sum(1 for k in run if len(pieces[k]) >= 2)
        lead_in = _page_top_groups(i, floor, run, pieces, lines, head)
        if lead_in and multi >= min_rows:
            del rest[len(rest) - len(lead_in) :]
            run = [*lead_in, *run]
            groups.update(lead_in)
        run_pieces = [pieces[k] for k in run]
        run_lines = [lines[k] for k in run]
        marked = {index for index, k in enumerate(run) if k in groups}
        intervals = _intervals([p for k in run if k not in groups for p in pieces[k]])
        if multi == 1 and len(run) >= 3 and len(pieces[run[0]]) >= 3:
            # A header row over rows that hold text in one column only ("Objectives: ...")
            # is a table too.
            tables.append(_unruled_table(run_pieces, run_lines, page))
            i = run[-1] + 1
            floor = i
            continue
        if multi == 1 and len(intervals) >= 3:
            # One aligned line of three or more columns: perhaps the part of a table that a
            # page break cut off; the document assembly decides.
            table = _unruled_table(run_pieces, run_lines, page)
            tables.append(attrs.evolve(table, tentative=True, source_lines=tuple(run_lines)))
            i = run[-1] + 1
            floor = i
            continue
        if multi >= min_rows and len(intervals) >= 2:
            if _looks_like_prose(run_pieces, intervals):
                # Text set in columns: leave all of it to the column reader, or a tail of
                # the run would be taken for a table on the next pass.
                rest.extend(run_lines)
            else:
                tables.append(_unruled_table(run_pieces, run_lines, page, marked))
            i = run[-1] + 1
            floor = i
            continue
        rest.append(lines[i])
        i += 1
    return tables, rest
