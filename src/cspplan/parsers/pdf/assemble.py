"""Pages into a Document: running furniture set apart, lines into headings, paragraphs and
list items, page tables into Tables joined across page breaks."""

from __future__ import annotations

import collections
import itertools
import math
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
import regex

from ...document import Block, Cell, Heading, ListItem, Paragraph, Row, Table
from ...model.source import SourceRef
from ...text.continuation import continues_row, line_continues_cell
from ...text.furniture import DIGIT_RUN as _DIGITS
from ...text.furniture import PAGE_NUMBER as _PAGE_NUMBER
from .layout import BULLET, Line, body_size
from .page import FlowLine, PageContent
from .paragraphs import (
    join_lines,
    join_texts,
    line_marker,
    split_inline_bullets,
    starts_block,
    vocabulary,
)
from .settings import PdfSettings
from .tables import PageCell, PageTable

__all__ = ["Assembly", "assemble", "furniture_keys"]

BBox = tuple[float, float, float, float]

_SENTENCE_END = regex.compile(r"[.!?:;]\s*$")


@attrs.frozen(slots=True)
class Assembly:
    """What :func:`assemble` made of the pages.

    Attributes:
        blocks: Body blocks in reading order.
        furniture: Running headers, footers and page numbers.
    """

    blocks: tuple[Block, ...]
    furniture: tuple[Block, ...]


def _union(boxes: Sequence[BBox]) -> BBox:
    return (
        round(min(b[0] for b in boxes), 2),
        round(min(b[1] for b in boxes), 2),
        round(max(b[2] for b in boxes), 2),
        round(max(b[3] for b in boxes), 2),
    )


def _round_box(box: BBox) -> BBox:
    return (round(box[0], 2), round(box[1], 2), round(box[2], 2), round(box[3], 2))


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _in_margin(line: Line, page: PageContent, margin: float) -> bool:
    return line.bottom <= page.height * margin or line.top >= page.height * (1 - margin)


def furniture_keys(pages: Sequence[PageContent], settings: PdfSettings) -> frozenset[str]:
    """The normalised texts (digits as ``#``) of lines in the top and bottom margins that
    repeat on enough pages to be running headers or footers."""
    if len(pages) < 2:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {
            _key(item.line.text)
            for item in page.items
            if isinstance(item, FlowLine) and _in_margin(item.line, page, settings.furniture_margin)
        }
        seen.update(keys)
    needed = max(2, math.ceil(settings.furniture_repeat * len(pages)))
    return frozenset(key for key, count in seen.items() if count >= needed)


def _is_furniture(
    item: FlowLine, page: PageContent, keys: frozenset[str], settings: PdfSettings
) -> bool:
    line = item.line
    if not _in_margin(line, page, settings.furniture_margin):
        return False
    if _key(line.text) in keys:
        return True
    # A lone page number in the margin needs no repetition.
    return bool(_PAGE_NUMBER.match(line.text.strip()))


def _heading_levels(lines: Sequence[Line], body: float, settings: PdfSettings) -> dict[float, int]:
    sizes = sorted(
        {
            round(line.size * 2) / 2
            for line in lines
            if line.size >= body * settings.heading_ratio
            and line.word_count <= settings.max_heading_words
        },
        reverse=True,
    )
    return {size: min(index + 1, 6) for index, size in enumerate(sizes)}


class _Builder:
    """Turns the flow of lines and tables into blocks; one per document."""

    def __init__(
        self,
        file: str,
        body: float,
        levels: dict[float, int],
        vocab: frozenset[str],
        settings: PdfSettings,
    ) -> None:
        self.file = file
        self.body = body
        self.levels = levels
        self.vocab = vocab
        self.settings = settings
        self.blocks: list[Block] = []
        self.group: list[FlowLine] = []
        self.tables = 0
        # The last table (the part whose columns it is matched by, and its index), while it
        # may still continue on the next page; and the page its last part is on.
        self.open_table: tuple[PageTable, int] | None = None
        self.last_page = 0
        # Where the open table's last part ends, and where the body text ends on each page
        # (the foot of the text area for its paper size): a part that reaches the foot may
        # have had its last row cut by the page break.
        self.last_bottom = 0.0
        self.foot: dict[int, float] = {}
        # Each page's left text margin, from which list items' nesting is measured.
        self.page_left: dict[int, float] = {}

    # --- text -------------------------------------------------------------------------
    def add_line(self, item: FlowLine, first_on_page: bool) -> None:
        """Add a body line to the block being gathered, or start a new block with it."""
        self.open_table = None
        if self.group:
            previous = self.group[-1]
            if previous.line.page != item.line.page:
                if not (first_on_page and self._continues_over_page(previous, item)):
                    self.flush()
            elif (
                starts_block(previous.line, item.line, previous.right, self.settings.paragraph_gap)
                or previous.column != item.column
                or self._leaves_list_item(item.line)
            ):
                self.flush()
        self.group.append(item)

    def _leaves_list_item(self, line: Line) -> bool:
        """True where the block being gathered is a list item and ``line`` starts left of
        the item's text: a list item's wrapped lines hang under its text, not its bullet."""
        first = self.group[0].line
        if line_marker(first) is None or first.word_count < 2:
            return False
        return line.x0 < first.words[1].x0 - 0.5 * first.size

    def _continues_over_page(self, previous: FlowLine, item: FlowLine) -> bool:
        text = item.line.text
        return (
            not _SENTENCE_END.search(previous.line.text)
            and text[:1].islower()
            and abs(previous.line.size - item.line.size) < 0.6
            and previous.line.bold == item.line.bold
            and previous.line.x1 >= previous.right - 3 * previous.line.size
        )

    def flush(self) -> None:
        """Turn the gathered lines into a heading, list item or paragraph."""
        if not self.group:
            return
        lines = [item.line for item in self.group]
        self.group = []
        source = SourceRef(
            file=self.file, page=lines[0].page, bbox=_union([line.bbox for line in lines])
        )
        texts = [line.text for line in lines]
        marker = line_marker(lines[0])
        words = sum(line.word_count for line in lines)
        size = round(lines[0].size * 2) / 2
        text = join_lines(texts, self.vocab, self.settings.dehyphenate)
        bold = all(line.bold for line in lines)
        short = words <= self.settings.max_heading_words
        # A bullet always makes a list item; a number may start a heading ("2. Our
        # Priorities"), which keeps its number.
        if marker is None or marker[0] != BULLET:
            if size in self.levels and short and len(lines) <= 3:
                self.blocks.append(Heading(text=text, level=self.levels[size], source=source))
                return
            if bold and short and len(lines) <= 2 and not text.endswith("."):
                level = min(len(self.levels) + 1, 6)
                self.blocks.append(Heading(text=text, level=level, source=source))
                return
        if marker is not None:
            texts[0] = marker[1]
            text = join_lines(texts, self.vocab, self.settings.dehyphenate)
            level = max(0, round((lines[0].x0 - self._indent_base(lines[0])) / (2 * self.body)))
            self.blocks.append(
                ListItem(text=text, level=min(level, 4), marker=marker[0], source=source)
            )
            return
        self.blocks.append(Paragraph(text=text, emphasis=bold, source=source))

    def _indent_base(self, line: Line) -> float:
        return self.page_left.get(line.page, line.x0)

    # --- tables -----------------------------------------------------------------------
    def add_table(self, table: PageTable, first_on_page: bool) -> None:
        """Add a page's table, joining it to the table before the page break where it
        continues that one."""
        self.flush()
        rows = self._rows(table, self.tables)
        mapping = (
            _column_map(self.open_table[0], table)
            if self.settings.join_tables
            and first_on_page
            and self.open_table is not None
            and self.blocks
            and isinstance(self.blocks[-1], Table)
            and self.last_page + 1 == table.page
            else None
        )
        widen = None
        if (
            mapping is None
            and self.open_table is not None
            and self.settings.join_tables
            and first_on_page
            and self.last_page + 1 == table.page
            and not self.open_table[0].ruled
            and not table.ruled
            and self.blocks
            and isinstance(self.blocks[-1], Table)
        ):
            # The part before the break lacked a column (a header row with an empty first
            # cell): spread it over the new part's columns.
            widen = _column_map(table, self.open_table[0])
            last = self.blocks[-1]
            if widen is not None and isinstance(last, Table):
                self.blocks[-1] = attrs.evolve(
                    last, rows=tuple(_remap(r, widen, table.width) for r in last.rows)
                )
                self.open_table = (table, self.open_table[1])
                mapping = list(range(table.width))
        if mapping is not None and self.open_table is not None:
            previous = self.blocks[-1]
            assert isinstance(previous, Table)
            index = self.open_table[1]
            width = self.open_table[0].width
            if mapping != list(range(width)):
                rows = tuple(_remap(row, mapping, width) for row in rows)
            # The last row reached the foot of its page and is tall: the break may have cut it.
            box = previous.rows[-1].source.bbox if previous.rows else None
            cut = (
                self.last_bottom >= self.foot.get(self.last_page, math.inf) - 2.0 * self.body
                and box is not None
                and box[3] - box[1] >= 4 * self.body
            )
            joined = _join_rows(previous.rows, rows, self.vocab, self.settings.dehyphenate, cut)
            joined = tuple(_renumber(row, i, index) for i, row in enumerate(joined))
            self.blocks[-1] = attrs.evolve(previous, rows=joined)
            # Later pages line up with the fragment that shows every column.
            widest = table if table.width >= width else self.open_table[0]
            self.open_table = (widest, index)
            self.last_page = table.page
            self.last_bottom = table.bbox[3]
            return
        source = SourceRef(
            file=self.file, page=table.page, table=self.tables, bbox=_round_box(table.bbox)
        )
        self.blocks.append(Table(rows=rows, source=source))
        self.open_table = (table, self.tables)
        self.last_page = table.page
        self.last_bottom = table.bbox[3]
        self.tables += 1

    def absorb(self, page: PageContent) -> int:
        """Lines opening ``page`` that carry on an unruled table from the page before, each
        inside one of its columns, but too few to show the table's columns: the rest of a row
        the page break cut (added to that row's cells), or a row with text in an inner
        column only (added as a new row). Returns how many of the page's items were taken."""
        if self.open_table is None or self.open_table[0].ruled or not self.blocks:
            return 0
        table = self.blocks[-1]
        geometry = self.open_table[0]
        if not isinstance(table, Table) or self.last_page + 1 != page.number or not table.rows:
            return 0
        bounds = [-math.inf, *geometry.columns[1:-1], math.inf]
        last = table.rows[-1]
        taken: list[tuple[int, str]] = []
        for item in page.items:
            if not isinstance(item, FlowLine):
                break
            column = next(
                (
                    i
                    for i, (a, b) in enumerate(itertools.pairwise(bounds))
                    if a - 2 <= item.line.x0 and item.line.x1 <= b + 2
                ),
                None,
            )
            if column is None or column >= len(last.cells):
                break
            taken.append((column, item.line.text))
        if not taken:
            return 0
        column, text = taken[0]
        if line_continues_cell(text, last.cells[column], BULLET):
            rows = (*table.rows[:-1], self._fill(last, taken))
        elif column > 0 and len(last.cells) == geometry.width:
            # Text that starts in an inner column, where no paragraph starts: a new row
            # whose other cells are empty.
            index = self.open_table[1]
            number = len(table.rows)
            fresh = Row(
                cells=tuple(
                    Cell(
                        source=SourceRef(
                            file=self.file, page=page.number, table=index, row=number, column=c
                        )
                    )
                    for c in range(geometry.width)
                ),
                source=SourceRef(file=self.file, page=page.number, table=index, row=number),
            )
            rows = (*table.rows, self._fill(fresh, taken))
        else:
            return 0
        self.blocks[-1] = attrs.evolve(table, rows=rows)
        return len(taken)

    def _fill(self, row: Row, taken: Sequence[tuple[int, str]]) -> Row:
        """``row`` with lines of text added to the cells of their columns."""
        cells = list(row.cells)
        for column, text in taken:
            cell = cells[column]
            if not cell.lines:
                lines: tuple[str, ...] = (text,)
            elif text.startswith(BULLET) or _SENTENCE_END.search(cell.lines[-1]):
                # A new item or a new sentence after a finished one: a line of its own.
                lines = (*cell.lines, text)
            else:
                lines = (*cell.lines[:-1], join_texts(cell.lines[-1], text, self.vocab))
            cells[column] = attrs.evolve(cell, lines=lines)
        return attrs.evolve(row, cells=tuple(cells))

    def end_page(self, had_items_after_table: bool) -> None:
        """Close a page: a table followed by other content there cannot continue."""
        if had_items_after_table:
            self.open_table = None

    def _rows(self, table: PageTable, index: int) -> tuple[Row, ...]:
        by_row: dict[int, list[PageCell]] = {}
        for cell in table.cells:
            by_row.setdefault(cell.row, []).append(cell)
        rows: list[Row] = []
        for row_index in range(table.rows):
            cells = by_row.get(row_index)
            # A row with nothing in it (a spacer, or the empty rest of a row a page break
            # cut) carries nothing for a reader.
            if not cells or not any(cell.lines or cell.tables for cell in cells):
                continue
            built = tuple(
                Cell(
                    lines=self._cell_lines(cell),
                    colspan=cell.colspan,
                    rowspan=cell.rowspan,
                    tables=tuple(
                        Table(
                            rows=self._rows(inner, index),
                            source=SourceRef(
                                file=self.file,
                                page=inner.page,
                                table=index,
                                bbox=_round_box(inner.bbox),
                            ),
                        )
                        for inner in cell.tables
                    ),
                    source=SourceRef(
                        file=self.file,
                        page=table.page,
                        table=index,
                        row=len(rows),
                        column=cell.column,
                        bbox=_round_box(cell.bbox),
                    ),
                )
                for cell in sorted(cells, key=lambda c: c.column)
            )
            rows.append(
                Row(
                    cells=built,
                    source=SourceRef(
                        file=self.file,
                        page=table.page,
                        table=index,
                        row=len(rows),
                        bbox=_union([c.bbox for c in cells]),
                    ),
                )
            )
        return tuple(rows)

    def _cell_lines(self, cell: PageCell) -> tuple[str, ...]:
        out: list[str] = []
        current: list[str] = []
        previous: Line | None = None
        for line in cell.lines:
            if previous is not None and starts_block(
                previous, line, cell.right, self.settings.paragraph_gap
            ):
                out.append(join_lines(current, self.vocab, self.settings.dehyphenate))
                current = []
            marker = line_marker(line) if not current else None
            text = line.text
            if marker is not None and marker[0] == "•":
                text = f"• {marker[1]}"
            current.append(text)
            previous = line
        if current:
            out.append(join_lines(current, self.vocab, self.settings.dehyphenate))
        lines: list[str] = []
        for text in out:
            lines.extend(split_inline_bullets(text))
        return tuple(lines)


def _starts(table: PageTable) -> list[float]:
    """Where the text of each of a table's columns starts (its leftmost line)."""
    starts = [math.inf] * table.width
    for cell in table.cells:
        for line in cell.lines:
            starts[cell.column] = min(starts[cell.column], line.x0)
    return starts


def _column_map(first: PageTable, second: PageTable) -> list[int] | None:
    """For each column of ``second`` (a table's part on the next page), the column of
    ``first`` it lines up with; ``None`` where they do not line up.

    Ruled parts must have the same columns, boundary for boundary (within 3 points). An
    unruled part may lack columns that happen to be empty on its page: each of its columns
    is matched to the column of ``first`` whose text starts at the same place (within 15
    points), left to right.
    """
    if first.ruled or second.ruled:
        if first.ruled and second.ruled and first.width == second.width:
            pairs = zip(first.columns, second.columns, strict=True)
            if all(abs(a - b) <= 3.0 for a, b in pairs):
                return list(range(first.width))
        return None
    if second.width > first.width:
        return None
    targets = _starts(first)
    mapping: list[int] = []
    for start in _starts(second):
        if start == math.inf:
            return None
        nearest = min(range(len(targets)), key=lambda i: abs(targets[i] - start))
        if abs(targets[nearest] - start) > 15.0 or (mapping and nearest <= mapping[-1]):
            return None
        mapping.append(nearest)
    return mapping


def _remap(row: Row, mapping: Sequence[int], width: int) -> Row:
    """``row`` spread over ``width`` columns, its cell ``j`` in column ``mapping[j]`` and
    empty cells in the columns it lacks."""
    placed = {mapping[cell.source.column or 0]: cell for cell in row.cells}
    cells = tuple(
        attrs.evolve(placed[c], source=attrs.evolve(placed[c].source, column=c))
        if c in placed
        else Cell(source=attrs.evolve(row.source, column=c, bbox=None))
        for c in range(width)
    )
    return attrs.evolve(row, cells=cells)


def _plain(row: Row) -> tuple[str, ...]:
    """A row's cell texts without case or spacing differences, to spot a repeated header."""
    return tuple(" ".join(text.lower().split()) for text in row.texts)


def _join_rows(
    before: Sequence[Row],
    after: Sequence[Row],
    vocab: frozenset[str],
    dehyphenate: bool,
    cut: bool = False,
) -> tuple[Row, ...]:
    rows = list(after)
    if rows and before and _plain(rows[0]) == _plain(before[0]):
        # The header row repeated on the new page: drop the copy, mark the original.
        rows = rows[1:]
        before = [attrs.evolve(before[0], is_header=True), *before[1:]]
    if rows and before and continues_row(before[-1], rows[0], cut=cut):
        merged_cells = []
        for upper, lower in zip(before[-1].cells, rows[0].cells, strict=True):
            if upper.is_empty or lower.is_empty:
                lines = upper.lines + lower.lines if not upper.is_empty else lower.lines
            else:
                joined = join_texts(upper.lines[-1], lower.lines[0], vocab, dehyphenate)
                lines = (*upper.lines[:-1], joined, *lower.lines[1:])
            merged_cells.append(attrs.evolve(upper, lines=lines))
        before = [*before[:-1], attrs.evolve(before[-1], cells=tuple(merged_cells))]
        rows = rows[1:]
    return (*before, *rows)


def _renumber(row: Row, index: int, table: int) -> Row:
    cells = tuple(
        attrs.evolve(cell, source=attrs.evolve(cell.source, row=index, table=table))
        for cell in row.cells
    )
    return attrs.evolve(row, cells=cells, source=attrs.evolve(row.source, row=index, table=table))


def _with_text_edges(pages: Sequence[PageContent]) -> list[PageContent]:
    """Pages whose single-column lines carry the right edge of the body text: the furthest
    any of the page's lines reach (running headers and footers, which may reach further,
    are gone by now), or, where the page has few lines to tell, the edge of the document's
    fuller pages of the same size."""

    def lines(page: PageContent) -> list[Line]:
        return [i.line for i in page.items if isinstance(i, FlowLine) and i.column == 0]

    edges: dict[tuple[int, int], list[float]] = {}
    for page in pages:
        own = lines(page)
        if len(own) >= 5:
            size = (round(page.width), round(page.height))
            edges.setdefault(size, []).append(max(line.x1 for line in own))
    out: list[PageContent] = []
    for page in pages:
        known = sorted(edges.get((round(page.width), round(page.height)), []))
        typical = known[len(known) // 2] if known else 0.0
        right = max([typical, *(line.x1 for line in lines(page))])
        items = tuple(
            attrs.evolve(i, right=right) if isinstance(i, FlowLine) and i.column == 0 else i
            for i in page.items
        )
        out.append(attrs.evolve(page, items=items))
    return out


def _joins(first: PageTable, second: PageTable) -> bool:
    return _column_map(first, second) is not None or (
        not first.ruled and not second.ruled and _column_map(second, first) is not None
    )


def _settle_tentative(pages: Sequence[PageContent], join: bool) -> list[PageContent]:
    """Keep a tentative table (one aligned line at a page's top or bottom) only where it
    joins a table across the page break; put the others back as lines."""
    settled: list[PageContent] = []
    for index, page in enumerate(pages):
        items = list(page.items)
        kept: list[FlowLine | PageTable] = []
        right = max((i.right for i in items if isinstance(i, FlowLine)), default=page.width)
        for position, item in enumerate(items):
            if not isinstance(item, PageTable) or not item.tentative:
                kept.append(item)
                continue
            confirmed = False
            if join and position == 0 and index > 0 and pages[index - 1].items:
                before = pages[index - 1].items[-1]
                confirmed = isinstance(before, PageTable) and _joins(before, item)
            if join and not confirmed and position == len(items) - 1 and index + 1 < len(pages):
                after = pages[index + 1].items[:1]
                confirmed = (
                    bool(after) and isinstance(after[0], PageTable) and _joins(item, after[0])
                )
            if confirmed:
                kept.append(item)
            else:
                kept.extend(FlowLine(line, max(right, line.x1)) for line in item.source_lines)
        settled.append(attrs.evolve(page, items=tuple(kept)))
    return settled


def _all_lines(pages: Sequence[PageContent]) -> Iterator[Line]:
    for page in pages:
        for item in page.items:
            if isinstance(item, FlowLine):
                yield item.line
            else:
                for cell in item.cells:
                    yield from cell.lines


def assemble(file: str, pages: list[PageContent], settings: PdfSettings) -> Assembly:
    """Turn the pages' lines and tables into body blocks and furniture.

    ``pages`` is emptied once read, and each page let go as soon as its blocks are made, so
    a long plan's lines are not held twice nor kept beside the blocks made from them.
    """
    keys = furniture_keys(pages, settings)
    furniture: list[Block] = []
    body_pages: list[PageContent] = []
    for page in pages:
        kept: list[FlowLine | PageTable] = []
        for item in page.items:
            if isinstance(item, FlowLine) and _is_furniture(item, page, keys, settings):
                furniture.append(
                    Paragraph(
                        text=item.line.text,
                        source=SourceRef(
                            file=file, page=page.number, bbox=_round_box(item.line.bbox)
                        ),
                    )
                )
            else:
                kept.append(item)
        body_pages.append(attrs.evolve(page, items=tuple(kept)))
    pages.clear()
    body_pages = _with_text_edges(body_pages)
    body_pages = _settle_tentative(body_pages, settings.join_tables)
    flow = [item.line for page in body_pages for item in page.items if isinstance(item, FlowLine)]
    body = body_size(flow)
    levels = _heading_levels(flow, body, settings)
    del flow
    builder = _Builder(
        file, body, levels, vocabulary(line.text for line in _all_lines(body_pages)), settings
    )
    feet: dict[tuple[int, int], float] = {}
    for page in body_pages:
        size = (round(page.width), round(page.height))
        bottoms = [i.line.bottom if isinstance(i, FlowLine) else i.bbox[3] for i in page.items]
        feet[size] = max([feet.get(size, 0.0), *bottoms])
    builder.foot = {p.number: feet[(round(p.width), round(p.height))] for p in body_pages}
    builder.page_left = {
        page.number: min((i.line.x0 for i in page.items if isinstance(i, FlowLine)), default=0.0)
        for page in body_pages
    }
    queue = collections.deque(body_pages)
    del body_pages
    while queue:
        page = queue.popleft()
        skip = builder.absorb(page)
        if skip and skip == len(page.items) and builder.open_table is not None:
            # The whole page carried on the table (a tall row): it may go on again.
            builder.last_page = page.number
            continue
        for position, item in enumerate(page.items):
            if position < skip:
                continue
            if isinstance(item, FlowLine):
                builder.add_line(item, position == skip)
            else:
                builder.add_table(item, position == skip)
        last_is_table = bool(page.items) and isinstance(page.items[-1], PageTable)
        builder.end_page(not last_is_table)
    builder.flush()
    return Assembly(blocks=tuple(builder.blocks), furniture=tuple(furniture))
