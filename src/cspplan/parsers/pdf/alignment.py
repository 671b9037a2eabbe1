"""Text alignment in an unruled table: its columns, its rows, and columns set too close.

Lines break into pieces at wide gaps; where pieces stand level over several lines they make
columns (:func:`column_intervals`). :func:`rows_of` tells which lines start a row and which
carry on a wrapped cell, and :func:`split_close_columns` splits a column that holds two
set closer than the piece gap. :mod:`.tables` builds the table from these.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence

import regex

from .layout import Line, Word, line_from_words

__all__ = [
    "column_intervals",
    "column_of",
    "looks_like_prose",
    "rows_of",
    "split_close_columns",
]


def column_intervals(pieces: Sequence[Line]) -> list[list[float]]:
    """The x extents the pieces cover, overlapping or touching ones merged: the columns."""
    spans = sorted([p.x0, p.x1] for p in pieces)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 1.0:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return merged


def column_of(piece: Line, intervals: Sequence[Sequence[float]]) -> int:
    """The index of the interval ``piece`` overlaps most."""
    best, overlap = 0, -1.0
    for index, (x0, x1) in enumerate(intervals):
        amount = min(piece.x1, x1) - max(piece.x0, x0)
        if amount > overlap:
            best, overlap = index, amount
    return best


def looks_like_prose(
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
            column = column_of(piece, intervals)
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
        first = next((p for p in pieces if column_of(p, intervals) == 0), None)
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


def rows_of(
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
    but each starts afresh. A line with text in the first column and another, none of it
    reading on, always starts a row.
    """
    intervals = column_intervals(
        [p for i, pieces in enumerate(run) if i not in groups for p in pieces]
    )
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
        {} if i in groups else {column_of(p, intervals): p for p in pieces}
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
    # A line with text in the first column and in another, none of it reading on, is a
    # new record even where every piece would have been too long for the line above: in a
    # dense listing, records whose cells fill their columns sit as close as wrapped lines.
    records = [
        0 in placed[i] and len(placed[i]) >= 2 and not reads_on[i] for i in range(len(lines))
    ]
    for i in range(1, len(lines)):
        if wrapping and wraps[i] and not records[i]:
            rows[-1].append(i)
        else:
            rows.append([i])
    return rows


def _rivers(rows: Sequence[Sequence[Word]], size: float, word_space: float) -> list[float]:
    """Where a column of a table holds two columns set closer than the gap that splits a
    line into pieces: x positions of vertical strips of white space that no word of
    ``rows`` (one column's words, a list per line) crosses, wider than the table's word
    spaces (``word_space``), with words starting level after the strip (a left-aligned
    column) or ending level before it (a right-aligned one) on three lines or more, and
    words on both sides of it on three lines or more. Aligned word edges over many rows are
    what a stream reader (Camelot, Tabula) takes for a column boundary."""
    if len(rows) < 3:
        return []
    least = max(0.4 * size, 1.5 * word_space)
    spans = sorted((w.x0, w.x1) for words in rows for w in words)
    if not spans:
        return []
    found: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= least:
            both = sum(
                1
                for words in rows
                if any(w.x1 <= reach + 0.5 for w in words) and any(w.x0 >= x0 - 0.5 for w in words)
            )
            level_starts = sum(1 for words in rows for w in words if abs(w.x0 - x0) <= 1.0)
            level_ends = sum(1 for words in rows for w in words if abs(w.x1 - reach) <= 1.0)
            if both >= 3 and max(level_starts, level_ends) >= 3:
                found.append((reach + x0) / 2)
        reach = max(reach, x1)
    return found


def _split_at(piece: Line, cuts: Sequence[float]) -> list[Line]:
    """``piece`` cut into several at the x positions ``cuts``."""
    parts: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for word in piece.words:
        parts[sum(1 for cut in cuts if word.x0 > cut)].append(word)
    if sum(1 for part in parts if part) < 2:
        return [piece]
    return [line_from_words(part, piece.page) for part in parts if part]


def split_close_columns(
    run: Sequence[Sequence[Line]], groups: Collection[int] = ()
) -> list[list[Line]]:
    """The pieces of a table's lines with each column that holds two or more columns set
    closer than the piece gap (see :func:`_rivers`) split into them. Group rows are left
    as they are."""
    body = [i for i in range(len(run)) if i not in groups]
    intervals = column_intervals([p for i in body for p in run[i]])
    by_column: dict[int, list[list[Word]]] = {}
    for i in body:
        words: dict[int, list[Word]] = {}
        for piece in run[i]:
            words.setdefault(column_of(piece, intervals), []).extend(piece.words)
        for column, found in words.items():
            by_column.setdefault(column, []).append(found)
    spaces = sorted(
        b.x0 - a.x1 for i in body for piece in run[i] for a, b in itertools.pairwise(piece.words)
    )
    size = max((p.size for i in body for p in run[i]), default=10.0)
    # The table's usual word space; where most of its spaces are column gaps (a table of
    # figures), a space is taken to be about a quarter of an em, as in most fonts.
    word_space = min(spaces[len(spaces) // 2], 0.3 * size) if spaces else 0.3 * size
    cuts = {column: _rivers(rows, size, word_space) for column, rows in by_column.items()}
    if not any(cuts.values()):
        return [list(pieces) for pieces in run]
    out: list[list[Line]] = []
    for i, pieces in enumerate(run):
        if i in groups:
            out.append(list(pieces))
            continue
        out.append(
            [
                part
                for piece in pieces
                for part in _split_at(piece, cuts.get(column_of(piece, intervals), []))
            ]
        )
    return out
