"""One page read into lines and tables in reading order, then let go."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .layout import (
    Line,
    Word,
    compact_line,
    line_from_words,
    split_line,
    word_from_pdfplumber,
    words_to_lines,
)
from .settings import PdfSettings
from .tables import PageTable, find_unruled_tables, ruled_tables

__all__ = [
    "FlowLine",
    "PageContent",
    "closing_lines",
    "compact_page",
    "order_items",
    "prime_objects",
    "read_page",
]

BBox = tuple[float, float, float, float]


@attrs.frozen(slots=True)
class FlowLine:
    """A body line with the right edge of the text column it is set in.

    Attributes:
        line: The line.
        right: The column's right edge; a line ending well before it was broken by the
            writer, not wrapped.
        column: 0 for single-column text, 1 and 2 for the left and right column of a
            two-column band.
    """

    line: Line
    right: float
    column: int = 0


Item = FlowLine | PageTable


@attrs.frozen(slots=True)
class PageContent:
    """What one page holds, in reading order.

    Attributes:
        number: 1-based page number.
        width: Page width in points, as displayed (after its /Rotate).
        height: Page height in points, as displayed.
        items: Body lines and tables in reading order.
        chars: The number of characters with a text layer on the page.
        images: The number of images on the page.
        notes: Problems met on the page that did not stop it being read.
    """

    number: int
    width: float
    height: float
    items: tuple[Item, ...]
    chars: int = 0
    images: int = 0
    notes: tuple[str, ...] = ()


def _words(page: Any, number: int, word_gap: float) -> tuple[list[Word], str | None]:
    """The page's words, and the direction its text was turned from where most of it is set
    sideways (``None`` where it reads across already)."""
    found: Iterable[tuple[Word | None, bool]]
    if hasattr(page, "read_words"):  # a PdfiumPage makes the words without dictionaries
        found = page.read_words(word_gap)
    else:
        found = (
            (word_from_pdfplumber(item), item.get("upright", True))
            for item in page.extract_words(
                extra_attrs=["size", "fontname"],
                keep_blank_chars=False,
                use_text_flow=False,
                x_tolerance_ratio=word_gap,
            )
        )
    words: list[Word] = []
    rotated: list[Word] = []
    for word, upright in found:
        if word is not None:
            (words if upright else rotated).append(word)
    if rotated and len(rotated) > len(words):
        # Text set sideways (a landscape table printed on a portrait page): turn the page
        # so that the text reads across, and make words from the turned characters.
        direction = _sideways_direction(page)
        return _turned_words(page, direction), direction
    if rotated:
        # A few sideways labels on an upright page (a priority's name turned up the side of
        # its cell): each of their lines becomes one word where it stands on the page.
        words.extend(_sideways_labels(page))
    return words, None


def _upwards(char: dict[str, Any]) -> bool:
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return bool(matrix[1] > 0)


def _sideways_labels(page: Any) -> list[Word]:
    width, height = float(page.width), float(page.height)
    labels: list[Word] = []
    for direction in ("btt", "ttb"):
        chars = [
            c
            for c in page.chars
            if not c.get("upright", True) and _upwards(c) == (direction == "btt")
        ]
        if not chars:
            continue
        for line in words_to_lines(_turned_words(page, direction, chars), 0):
            x0, top, x1, bottom = _unturn_box(line.bbox, width, height, direction)
            labels.append(Word(line.text, x0, x1, top, bottom, line.size, line.bold, sideways=True))
    return labels


def _unturn_box(box: BBox, width: float, height: float, direction: str) -> BBox:
    """A box in the turned page's coordinates back in the upright page's."""
    x0, top, x1, bottom = box
    if direction == "btt":
        return (top, height - x1, bottom, height - x0)
    return (width - bottom, x0, width - top, x1)


def _turned_words(
    page: Any, direction: str, chars: Sequence[dict[str, Any]] | None = None
) -> list[Word]:
    width, height = float(page.width), float(page.height)
    glyphs: list[Word] = []
    for char in page.chars if chars is None else chars:
        if not char.get("upright", True):
            glyph = _turn(char, width, height, direction)
            if glyph is not None:
                glyphs.append(glyph)
    words: list[Word] = []
    for line in words_to_lines(glyphs, 0):
        current: list[Word] = [line.words[0]]
        for glyph in line.words[1:]:
            if glyph.x0 - current[-1].x1 > 0.2 * glyph.size:
                words.append(_glue(current))
                current = [glyph]
            else:
                current.append(glyph)
        words.append(_glue(current))
    return words


def _glue(glyphs: Sequence[Word]) -> Word:
    first = glyphs[0]
    return attrs.evolve(
        first,
        text="".join(g.text for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
    )


def _sideways_direction(page: Any) -> str:
    """``btt`` for text turned a quarter anticlockwise (it reads upwards), else ``ttb``."""
    ups = downs = 0
    for char in page.chars[:400]:
        if char.get("upright", True):
            continue
        matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
        if matrix[1] > 0:
            ups += 1
        else:
            downs += 1
    return "btt" if ups >= downs else "ttb"


def _turn(item: dict[str, Any], width: float, height: float, direction: str) -> Word | None:
    """A sideways word or character in the coordinates of the page turned to read across."""
    word = word_from_pdfplumber(item)
    if word is None:
        return None
    if direction == "btt":
        # Reading upwards: across is bottom to top, and the next line is to the right.
        return attrs.evolve(
            word, x0=height - word.bottom, x1=height - word.top, top=word.x0, bottom=word.x1
        )
    return attrs.evolve(
        word, x0=word.top, x1=word.bottom, top=width - word.x1, bottom=width - word.x0
    )


def _turn_box(box: BBox, width: float, height: float, direction: str) -> BBox:
    x0, top, x1, bottom = box
    if direction == "btt":
        return (height - bottom, x0, height - top, x1)
    return (top, width - x1, bottom, width - x0)


def closing_lines(edges: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal rules a table is missing where a page break cut it: two or more vertical
    rules that stop at the same height with no horizontal rule there. Without them the
    table finder cannot close the cells of the row cut by the page."""
    verticals = [e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] > 3]
    horizontals = [e for e in edges if e.get("orientation") == "h"]
    missing: list[dict[str, Any]] = []
    for key in ("top", "bottom"):
        ends: dict[int, list[float]] = {}
        for edge in verticals:
            ends.setdefault(round(edge[key]), []).append(float(edge["x0"]))
        for y, xs in ends.items():
            x0, x1 = min(xs), max(xs)
            if len({round(x) for x in xs}) < 2:
                continue
            spanning = [h for h in horizontals if h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2]
            covered = any(abs(h["top"] - y) <= 2 for h in spanning)
            # Only a grid (rules across the columns elsewhere) lost its closing rule; columns
            # divided by vertical rules alone are left to the unruled reader.
            if not covered and spanning:
                missing.append(
                    {
                        "object_type": "line",
                        "x0": x0,
                        "x1": x1,
                        "top": float(y),
                        "bottom": float(y),
                        "width": x1 - x0,
                        "height": 0.0,
                    }
                )
    return missing


def _ruled_tables(
    page: Any, words: list[Word], number: int, settings: PdfSettings, turned: str | None
) -> tuple[list[PageTable], list[Word]]:
    tables: list[PageTable] = []
    table_settings = dict(settings.table_settings)
    extra = closing_lines(page.edges)
    if extra and table_settings.get("horizontal_strategy", "lines") == "lines":
        given = list(table_settings.get("explicit_horizontal_lines") or [])
        table_settings["explicit_horizontal_lines"] = given + extra
    found_boxes: list[list[BBox]] = []
    for found in page.find_tables(table_settings or None):
        boxes = [tuple(map(float, cell)) for cell in found.cells]
        if turned:
            boxes = [_turn_box(b, page.width, page.height, turned) for b in boxes]  # type: ignore[arg-type]
        found_boxes.append(boxes)  # type: ignore[arg-type]
    tables, words = ruled_tables(found_boxes, words, number)
    return tables, words


def _char(
    obj: Any, height: float, mb_x0: float, mb_top: float, doctop: float, norm: Any
) -> dict[str, Any]:
    text = obj.get_text()
    if norm is not None:
        text = unicodedata.normalize(norm, text)
    x0, x1 = obj.x0 + mb_x0, obj.x1 + mb_x0
    top = height - obj.y1 + mb_top
    bottom = height - obj.y0 + mb_top
    fontname = obj.fontname
    if isinstance(fontname, bytes):
        fontname = fontname.decode("latin-1")
    return {
        "object_type": "char",
        "text": text,
        "fontname": fontname,
        "size": obj.size,
        "adv": obj.adv,
        "upright": obj.upright,
        "matrix": obj.matrix,
        "x0": x0,
        "x1": x1,
        "y0": obj.y0,
        "y1": obj.y1,
        "top": top,
        "bottom": bottom,
        "doctop": doctop + top,
        "width": obj.width,
        "height": obj.height,
    }


def prime_objects(page: Any) -> None:
    """Fill pdfplumber's cache of the page's objects, making the character dictionaries
    directly from pdfminer's layout.

    pdfplumber copies and resolves every attribute of every character (colours, graphic
    state), which is most of the time a page takes to read; the parser needs only text,
    box, font and orientation. Other objects (rules, rectangles, images) still go through
    pdfplumber, so table finding sees exactly what it would. Where pdfplumber's internals
    are not as expected, the cache is left for pdfplumber to fill its own way.
    """
    from pdfminer.layout import LTChar, LTContainer

    layout = page.layout  # a page pdfminer cannot interpret raises here, as it would anyway
    try:
        height = float(page.height)
        mb_x0, mb_top = (float(v) for v in page.mediabox[:2])
        doctop = float(page.initial_doctop)
        norm = page.pdf.unicode_norm
        with_containers = page.pdf.laparams is not None
        objects: dict[str, list[dict[str, Any]]] = {}
        pending = [iter(layout._objs)]
        while pending:
            for obj in pending[-1]:
                if isinstance(obj, LTChar):
                    item = _char(obj, height, mb_x0, mb_top, doctop, norm)
                    item["page_number"] = page.page_number
                    objects.setdefault("char", []).append(item)
                    continue
                if isinstance(obj, LTContainer):
                    if with_containers:
                        processed = page.process_object(obj)
                        objects.setdefault(processed["object_type"], []).append(processed)
                    pending.append(iter(obj._objs))
                    break
                processed = page.process_object(obj)
                if processed["object_type"] != "anno":
                    objects.setdefault(processed["object_type"], []).append(processed)
            else:
                pending.pop()
    except (AttributeError, KeyError, TypeError, ValueError):
        return
    page._objects = objects


def read_page(page: Any, number: int, settings: PdfSettings) -> PageContent:
    """Read one page -- a pdfplumber page or a :class:`~.pdfium.PdfiumPage`, which offer
    the same characters, rules and table finder -- into words, ruled and unruled tables and
    lines in reading order.

    Table finding runs only on pages that have ruling lines or rectangles, and only the
    page's own objects are used (no cropping, which would copy them).
    """
    if hasattr(page, "layout"):  # a pdfplumber page; a PdfiumPage has its characters made
        prime_objects(page)
    # A PdfiumPage counts its characters without making pdfplumber's dictionaries of them.
    chars = page.char_count if hasattr(page, "char_count") else len(page.chars)
    images = len(page.images)
    width, height = float(page.width), float(page.height)
    if chars == 0:
        return PageContent(number, width, height, (), chars, images)
    words, turned = _words(page, number, settings.word_gap)
    if turned:
        width, height = height, width
    notes: list[str] = []
    unmapped = sum(1 for w in words if "(cid:" in w.text)
    if unmapped * 3 > len(words):
        notes.append(
            f"page {number}: most text is in fonts without a Unicode mapping ((cid:N) glyphs);"
            " it cannot be read as text"
        )
    tables: list[PageTable] = []
    if settings.ruled_tables and (page.rects or page.lines):
        if len(page.edges) <= settings.max_rules:
            try:
                tables, words = _ruled_tables(page, words, number, settings, turned)
            except Exception as exc:  # odd drawings must not cost the page its text
                notes.append(
                    f"page {number}: ruled tables could not be found ({type(exc).__name__}: {exc});"
                    " its text is read without them"
                )
        else:
            notes.append(
                f"page {number}: {len(page.edges)} ruling lines (a drawing?); not searched for ruled tables"
            )
    lines = words_to_lines(words, number)
    if settings.unruled_tables:

        def unruled_of(found: list[Line]) -> tuple[list[PageTable], list[Line]]:
            return find_unruled_tables(
                found,
                settings.column_gap,
                settings.unruled_min_rows,
                number,
                foot=height * (1 - settings.furniture_margin),
                head=height * settings.furniture_margin,
            )

        bands = [t for t in tables if _is_band(t)]
        unruled, rest = unruled_of(lines)
        if bands:
            # A header row in a shaded band (or boxed on its own) over rows set without
            # rules, or rows shaded in bands: their text is read again with the lines
            # around it, and the band is dropped where that text is then in an unruled
            # table of several rows and columns.
            def released(chosen: list[PageTable]) -> list[Line]:
                extra = [w for t in chosen for c in t.cells for ln in c.lines for w in ln.words]
                return words_to_lines([*words, *extra], number)

            again, again_rest = unruled_of(released(bands))
            heads = [b for b in bands if any(_heads(b, t) for t in again)]
            if heads:
                tables = [t for t in tables if t not in heads]
                unruled, rest = (
                    (again, again_rest) if len(heads) == len(bands) else unruled_of(released(heads))
                )
        lines = rest
        tables.extend(unruled)
    items = order_items(lines, tables, width, settings)
    return PageContent(number, width, height, tuple(items), chars, images, tuple(notes))


def _is_band(table: PageTable) -> bool:
    """True for a ruled table that may only be shading over text set in unruled columns: one
    row of three or more short cells (a header row in a band of its own), or one column
    (rows shaded in alternate bands)."""
    if not table.ruled:
        return False
    if table.width == 1:
        return True
    return table.rows == 1 and table.width >= 3 and all(len(c.lines) <= 2 for c in table.cells)


def _heads(band: PageTable, table: PageTable) -> bool:
    """True where the unruled ``table``, of several rows and columns, holds the text of
    ``band``."""
    tops = [line.top for cell in band.cells for line in cell.lines]
    if table.ruled or table.rows < 2 or table.width < 2 or not tops:
        return False
    return table.bbox[1] - 1.0 <= min(tops) <= table.bbox[3] + 1.0


def _gutter(lines: Sequence[Line], width: float, gap_ratio: float) -> float | None:
    """The x position of the gap between two text columns, where the page has one."""
    pieces = [split_line(line, max(gap_ratio, 1.5) * line.size) for line in lines]
    best: tuple[int, float] | None = None
    x = width * 0.3
    while x <= width * 0.7:
        left = right = crossing = 0
        for line_pieces in pieces:
            sides = set()
            for piece in line_pieces:
                if piece.x1 < x:
                    sides.add("l")
                elif piece.x0 > x:
                    sides.add("r")
                else:
                    sides.add("x")
            if "x" in sides:
                crossing += 1
            else:
                left += "l" in sides
                right += "r" in sides
        score = min(left, right)
        if score >= 3 and crossing * 2 < len(lines) and (best is None or score > best[0]):
            best = (score, x)
        x += 4.0
    return None if best is None else best[1]


def _aligned(starts: Sequence[float], size: float) -> bool:
    if len(starts) < 3:
        return False
    edge = min(starts)
    return sum(1 for s in starts if s - edge <= size) >= 0.6 * len(starts)


def order_items(
    lines: Sequence[Line], tables: Sequence[PageTable], width: float, settings: PdfSettings
) -> list[Item]:
    """Lines and tables in reading order: top to bottom, except that bands of the page set
    in two columns are read left column first."""
    items: list[tuple[BBox, Line | PageTable]] = [(line.bbox, line) for line in lines]
    items += [(table.bbox, table) for table in tables]
    items.sort(key=lambda pair: (pair[0][1], pair[0][0]))
    gutter = _gutter(lines, width, settings.column_gap) if settings.two_columns else None
    single_right = max((line.x1 for line in lines), default=width)
    if gutter is None:
        return [FlowLine(obj, single_right) if isinstance(obj, Line) else obj for _, obj in items]
    # Split lines that hold text on both sides of the gutter into their two halves; each
    # half remembers its whole line, for bands that turn out not to be two columns.
    placed: list[tuple[BBox, Line | PageTable, str, Line | PageTable]] = []
    for box, obj in items:
        if isinstance(obj, PageTable):
            side = "l" if box[2] < gutter else "r" if box[0] > gutter else "x"
            placed.append((box, obj, side, obj))
            continue
        halves = split_line(obj, max(settings.column_gap, 1.5) * obj.size)
        left = [w for h in halves if h.x1 < gutter for w in h.words]
        right = [w for h in halves if h.x0 > gutter for w in h.words]
        if len(left) + len(right) != len(obj.words):
            placed.append((box, obj, "x", obj))
            continue
        for words, side in ((left, "l"), (right, "r")):
            if words:
                half = line_from_words(words, obj.page)
                placed.append((half.bbox, half, side, obj))
    placed.sort(key=lambda t: (t[0][1], t[0][0]))
    ordered: list[Item] = []
    band: list[tuple[BBox, Line | PageTable, str, Line | PageTable]] = []

    def flow(obj: Line | PageTable, right: float, column: int = 0) -> Item:
        """A line as a FlowLine in its column; a table as it is."""
        return FlowLine(obj, right, column) if isinstance(obj, Line) else obj

    def flush() -> None:
        """Emit the band gathered so far, column by column where it is two columns."""
        lefts = [t for t in band if t[2] == "l"]
        rights = [t for t in band if t[2] == "r"]
        left_starts = [t[0][0] for t in lefts if isinstance(t[1], Line)]
        right_starts = [t[0][0] for t in rights if isinstance(t[1], Line)]
        size = max((t[1].size for t in band if isinstance(t[1], Line)), default=10.0)
        if _aligned(left_starts, size) and _aligned(right_starts, size):
            left_edge = max((t[0][2] for t in lefts), default=gutter)
            right_edge = max((t[0][2] for t in rights), default=width)
            ordered.extend(flow(t[1], left_edge, 1) for t in lefts)
            ordered.extend(flow(t[1], right_edge, 2) for t in rights)
        else:
            # Not two columns after all: the whole lines, top to bottom.
            seen: set[int] = set()
            for entry in band:
                if id(entry[3]) not in seen:
                    seen.add(id(entry[3]))
                    ordered.append(flow(entry[3], single_right))
        band.clear()

    for entry in placed:
        if entry[2] == "x":
            flush()
            ordered.append(flow(entry[1], single_right))
        else:
            band.append(entry)
    flush()
    return ordered


def compact_page(page: PageContent, shared: dict[Any, Any]) -> PageContent:
    """``page`` with its lines compacted (:func:`~.layout.compact_line`) for keeping until
    the whole document is read: a 500-page plan otherwise holds hundreds of thousands of
    word objects that assembling never looks at. A line a tentative table shares with its
    cells stays one object."""
    done: dict[int, Line] = {}

    def slim(line: Line) -> Line:
        out = done.get(id(line))
        if out is None:
            out = done[id(line)] = compact_line(line, shared)
        return out

    def slim_table(table: PageTable) -> PageTable:
        cells = tuple(
            attrs.evolve(
                cell,
                lines=tuple(slim(line) for line in cell.lines),
                tables=tuple(slim_table(inner) for inner in cell.tables),
            )
            for cell in table.cells
        )
        source = tuple(slim(line) for line in table.source_lines)
        return attrs.evolve(table, cells=cells, source_lines=source)

    items: list[Item] = []
    for item in page.items:
        if isinstance(item, FlowLine):
            items.append(FlowLine(slim(item.line), item.right, item.column))
            continue
        items.append(slim_table(item))
    return attrs.evolve(page, items=tuple(items))
