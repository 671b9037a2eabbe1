"""Tables on one page: ruled ones from their cell boxes, unruled ones from text alignment.

Both kinds end as a :class:`PageTable`: cells on a grid with their spans and their raw
lines. Turning lines into cell text waits until the whole document is read, because undoing
hyphenation needs the document's vocabulary.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Collection, Sequence

import attrs
import regex

from .alignment import (
    column_intervals,
    column_of,
    looks_like_prose,
    rows_of,
    split_close_columns,
)
from .layout import Line, Word, line_from_words, split_line, words_to_lines

__all__ = [
    "PageCell",
    "PageTable",
    "cells_to_table",
    "find_unruled_tables",
    "grid_positions",
    "ruled_tables",
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
        tables: Ruled tables drawn inside the cell, their words not in ``lines``.
    """

    lines: tuple[Line, ...]
    bbox: BBox
    right: float
    row: int
    column: int
    colspan: int = 1
    rowspan: int = 1
    tables: tuple[PageTable, ...] = ()


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


class _BoxColumns:
    """Boxes (with their indices, in a chosen order) by where they stand across: for an x
    position, the boxes whose left and right edges hold it, in that order."""

    def __init__(self, boxes: list[tuple[int, BBox]]) -> None:
        self._boxes = boxes
        breaks = sorted({b[0] for _, b in boxes} | {b[2] for _, b in boxes})
        # A coordinate that is not a number cannot be sorted: then every box is a candidate.
        self._breaks = breaks if all(b == b for b in breaks) else []
        self._slots: dict[int, list[tuple[int, BBox]]] = {}

    def around(self, x: float) -> list[tuple[int, BBox]]:
        """Every box with ``x0 <= x <= x1`` (and perhaps others), in the boxes' order."""
        breaks = self._breaks
        k = bisect.bisect_left(breaks, x)
        # Slot 2k is the edge position breaks[k] itself; 2k - 1 is the gap before it.
        slot = 2 * k if k < len(breaks) and breaks[k] == x else 2 * k - 1
        found = self._slots.get(slot)
        if found is None:
            if slot % 2 == 0:
                found = [(i, b) for i, b in self._boxes if b[0] <= x <= b[2]]
            elif 0 < k < len(breaks):
                low, high = breaks[k - 1], breaks[k]
                found = [(i, b) for i, b in self._boxes if b[0] <= low and high <= b[2]]
            else:
                found = list(self._boxes)  # outside every edge, or not a number
            self._slots[slot] = found
        return found


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
    columns = _BoxColumns([(index, boxes[index]) for index in order])
    ox0, oy0, ox1, oy1 = outer
    for word in words:
        mx = (word.x0 + word.x1) / 2
        my = (word.top + word.bottom) / 2
        if not (ox0 <= mx <= ox1 and oy0 <= my <= oy1):
            left.append(word)
            continue
        # _inside, unrolled, over the boxes that span the word's middle across.
        for index, (b0, b1, b2, b3) in columns.around(mx):
            if b0 <= mx <= b2 and b1 <= my <= b3:
                owned[index].append(word)
                break
        else:
            left.append(word)
    cells: list[PageCell] = []
    # Cells share their borders: each border is placed on the grid once.
    column_of: dict[float, int] = {}
    row_of: dict[float, int] = {}

    def place(value: float, positions: list[float], known: dict[float, int]) -> int:
        """``_nearest(positions, value)``, remembered."""
        found = known.get(value)
        if found is None:
            found = known[value] = _nearest(positions, value)
        return found

    for index, box in enumerate(boxes):
        c0, c1 = place(box[0], xs, column_of), place(box[2], xs, column_of)
        r0, r1 = place(box[1], ys, row_of), place(box[3], ys, row_of)
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


def _area(box: BBox) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _holds(outer: BBox, inner: BBox, slack: float = 1.0) -> bool:
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def ruled_tables(
    found: Sequence[Sequence[BBox]], words: Sequence[Word], page: int
) -> tuple[list[PageTable], list[Word]]:
    """Ruled tables from the cell boxes of each table the table finder found (see
    :func:`cells_to_table`); returns them, top to bottom, and the words left outside.

    A table drawn inside a cell of another (a small grid of figures in an action table's
    cell) is kept as a table inside that cell, not flattened into the cell's text: tables
    are built smallest first, so the inner one takes its words before the outer one's cell
    does, and each is then put into the smallest cell of another table that holds it."""
    made: list[PageTable] = []
    left = list(words)
    for boxes in sorted(found, key=lambda b: _area(_union_box(b)) if b else 0.0):
        table, left = cells_to_table(boxes, left, page)
        if table is not None:
            made.append(table)
    # Smallest first: an inner table goes into its host before the host goes anywhere.
    made.sort(key=lambda t: _area(t.bbox))
    placed: list[PageTable | None] = list(made)
    for index in range(len(made)):
        table = placed[index]
        assert table is not None  # only a table's own turn takes it out of the list
        for host_index in range(index + 1, len(made)):
            host = placed[host_index]
            if host is None:
                continue
            cells = [c for c in host.cells if _holds(c.bbox, table.bbox)]
            if not cells or _area(cells[0].bbox) >= 0.98 * _area(host.bbox):
                continue
            cell = min(cells, key=lambda c: _area(c.bbox))
            nested = attrs.evolve(cell, tables=(*cell.tables, table))
            placed[host_index] = attrs.evolve(
                host, cells=tuple(nested if c is cell else c for c in host.cells)
            )
            placed[index] = None
            break
    tables = [t for t in placed if t is not None]
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables, left


def _union_box(boxes: Sequence[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


_REF = regex.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?$")


def _row_splits(row: Sequence[PageCell]) -> list[float]:
    """Where a ruled row holds several records: tops of lines in its first column that
    start with a reference ("1.2") while another column has a line on the same baseline."""
    key = next((c for c in row if c.column == 0), None)
    if key is None or len(key.lines) < 2:
        return []
    others = [line.top for c in row if c is not key for line in c.lines]
    referenced = [
        line.top
        for line in key.lines[1:]
        if _REF.match(line.words[0].text) and any(abs(top - line.top) <= 2.0 for top in others)
    ]
    return referenced or _spaced_records(row, key)


def _space_above(cell: PageCell) -> dict[int, float]:
    """Each line's gap to the line above it in ``cell``, by index (from the second line)."""
    return {
        index: line.top - cell.lines[index - 1].bottom
        for index, line in enumerate(cell.lines)
        if index
    }


def _spaced_records(row: Sequence[PageCell], key: PageCell) -> list[float]:
    """Where a ruled row with no references holds several records (a table ruled between
    its columns only): tops of lines in the first column that stand apart from the line
    above by more than the row's wrapped lines do (the cell padding between records), with
    a line level with them in another column that stands as far apart from its own line
    above. Lines at the plain line pitch throughout give no split: there the rules alone
    cannot tell records from wrapped lines."""
    gaps = {id(c): _space_above(c) for c in row}
    every = [gap for c in row for gap in gaps[id(c)].values()]
    if not every:
        return []
    tight = min(every)
    wide = tight + max(1.0, 0.25 * key.lines[0].size)
    splits: list[float] = []
    for index, line in enumerate(key.lines):
        if not index or gaps[id(key)][index] <= wide:
            continue
        level = [
            (c, i)
            for c in row
            if c is not key
            for i, other in enumerate(c.lines)
            if abs(other.top - line.top) <= 2.0
        ]
        if level and all(i and gaps[id(c)][i] > wide for c, i in level):
            splits.append(line.top)
    return splits


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
            out.extend(attrs.evolve(c, row=c.row + shift) if shift else c for c in row)
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


def _unruled_table(
    run: Sequence[Sequence[Line]],
    lines: Sequence[Line],
    page: int,
    groups: Collection[int] = (),
) -> PageTable:
    intervals = column_intervals(
        [p for i, pieces in enumerate(run) if i not in groups for p in pieces]
    )
    rows = rows_of(run, lines, groups)
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
                by_column.setdefault(column_of(piece, intervals), []).extend(piece.words)
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
    candidate = column_intervals([p for m in [*run, k] for p in pieces[m]])
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
    intervals = column_intervals([p for k in run for p in pieces[k]])
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


def _set_apart(run: Sequence[int], j: int, lines: Sequence[Line]) -> bool:
    """True where line ``j`` stands clearly further below the run than the run's lines stand
    from each other: a paragraph after a table set at the plain line pitch, not a wrapped
    line of its last cell (which is never further from its row than the rows are apart)."""
    if len(run) < 2:
        return False
    spread = max(lines[b].top - lines[a].bottom for a, b in itertools.pairwise(run))
    gap = lines[j].top - lines[run[-1]].bottom
    return gap > 2 * max(spread, 0.5) and gap > spread + 0.8 * lines[j].size


def _tables_in_columns(
    run: Sequence[Sequence[Line]],
    lines: Sequence[Line],
    intervals: Sequence[Sequence[float]],
    column_gap: float,
    min_rows: int,
    page: int,
) -> tuple[list[PageTable], list[Line]]:
    """Tables inside the text columns of a page set in columns (a small table in the right
    column, prose beside it): each column's part of every line is read on its own as a
    page of one column. Returns the tables and the lines without the tables' words, whole
    across the columns as they came, for the column reader."""
    tables: list[PageTable] = []
    for index in range(len(intervals)):
        column = []
        for pieces in run:
            words = [w for p in pieces if column_of(p, intervals) == index for w in p.words]
            if words:
                column.append(line_from_words(words, page))
        found, _ = find_unruled_tables(column, column_gap, min_rows, page, nested=True)
        tables.extend(found)
    taken = {id(w) for t in tables for c in t.cells for ln in c.lines for w in ln.words}
    rest = []
    for line in lines:
        words = [w for w in line.words if id(w) not in taken]
        if len(words) == len(line.words):
            rest.append(line)
        elif words:
            rest.append(line_from_words(words, line.page))
    return tables, rest


def find_unruled_tables(
    lines: Sequence[Line],
    column_gap: float,
    min_rows: int,
    page: int,
    foot: float = math.inf,
    head: float = -math.inf,
    nested: bool = False,
) -> tuple[list[PageTable], list[Line]]:
    """Tables without ruling lines, found where consecutive lines break into pieces at the
    same horizontal positions; returns the tables and the lines that are not in one.

    ``foot`` is where the page's body ends (lines below it are footers): a table that runs
    to it may go on over the page, so its last lines are kept even where they hold only one
    column's text. ``head`` is where it starts: a group row above the first aligned line,
    with nothing but running headers above it, is the table carried over from the page
    before and is kept with it. ``nested`` marks a call on one text column of a page set in
    columns, which does not look for columns again.
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
        intervals = column_intervals(pieces[i])
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
                candidate = column_intervals(
                    [p for k in [*run, j] if k not in groups for p in pieces[k]]
                )
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
            if len(touching) == 1 and len(intervals) >= 2 and not _set_apart(run, j, lines):
                run.append(j)
                intervals = column_intervals([p for k in run if k not in groups for p in pieces[k]])
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
        columns = column_intervals([p for k in run if len(pieces[k]) >= 2 for p in pieces[k]])
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
        intervals = column_intervals([p for k in run if k not in groups for p in pieces[k]])
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
            if looks_like_prose(run_pieces, intervals) and nested:
                rest.extend(run_lines)
            elif looks_like_prose(run_pieces, intervals):
                # Text set in columns: leave it to the column reader, or a tail of the run
                # would be taken for a table on the next pass; but a table set inside one
                # of the columns is found there, column by column.
                inner, inner_rest = _tables_in_columns(
                    run_pieces, run_lines, intervals, column_gap, min_rows, page
                )
                tables.extend(inner)
                rest.extend(inner_rest if inner else run_lines)
            else:
                run_pieces = split_close_columns(run_pieces, marked)
                tables.append(_unruled_table(run_pieces, run_lines, page, marked))
            i = run[-1] + 1
            floor = i
            continue
        rest.append(lines[i])
        i += 1
    return tables, rest
