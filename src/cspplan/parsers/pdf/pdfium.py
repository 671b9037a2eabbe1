"""Pages read through pdfium (pypdfium2): characters, rules and rectangles without pdfminer.

pdfminer interprets every page's content stream in Python and builds an object per glyph
with its whole graphic state, which is most of the time a PDF takes to read. pdfium does the
same work in C. :class:`PdfiumPage` asks it only for what the parser uses -- each
character's text, box, font name and size and whether it is upright, and the straight
segments of the page's paths -- and presents them in the shape pdfplumber gives them
(character dictionaries in the page's top-left coordinates, ``edges`` for table finding), so
:func:`~.page.read_page` reads either backend's pages with the same code.

Boxes are made the way pdfminer makes them, not taken from pdfium's glyph boxes: a
character's box runs from its font's descent below the baseline to one font size above
that, and across its advance width. That keeps lines, gaps and sizes (and so every
threshold in the layout code) where the pdfplumber backend puts them.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import operator
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

from .layout import Word, make_word

__all__ = ["Glyph", "PdfiumPage", "PdfiumUnreadable", "open_pdfium", "words_from_glyphs"]

Matrix = tuple[float, float, float, float, float, float]
_LINE_END_HYPHEN = ("\ufffe", "\x02")
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


_W = TypeVar("_W")

_TextObject = tuple[str, float, float, Matrix, bool, bool, "dict[str, float] | None"]
"""Font name, size, descent, matrix as displayed, upright, set along the page's axes, and
the standard font's widths, shared by every character of one text object."""


Glyph = tuple[str, float, float, float, float, float, str, bool, Matrix]
"""One character: text, x0, x1, top, bottom, size, font name, upright, and its text
object's matrix as shown (of which only the first four numbers, the turn, count: the
character's own matrix moves that to its box's bottom left)."""


class PdfiumUnreadable(Exception):
    """The fast path cannot read a page the way the parser needs; the caller falls back to
    pdfplumber for that page."""


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (row-vector convention, as in PDF: ``p' = p * m * n``)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def display_matrix(mediabox: tuple[float, float, float, float], rotation: int) -> Matrix:
    """The matrix pdfminer puts in front of a page's content: PDF user space to the page as
    displayed (its ``/Rotate`` applied), origin at the bottom left."""
    x0, y0, x1, y1 = mediabox
    rotation %= 360
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


Metrics = tuple[float, dict[str, float]]


def _standard_metrics() -> dict[str, Metrics]:
    """Descent and advance widths (fractions of the font size) of the 14 standard fonts, as
    pdfminer takes them from their metrics; pdfium measures its substitute fonts instead."""
    try:
        from pdfminer.fontmetrics import FONT_METRICS
    except ImportError:  # pragma: no cover - pdfminer comes with pdfplumber
        return {}
    return {
        name: (
            float(cast(float, m[0].get("Descent", 0))) / 1000.0,
            {str(k): float(v) / 1000.0 for k, v in m[1].items()},
        )
        for name, m in FONT_METRICS.items()
    }


_STANDARD: dict[str, Metrics] | None = None


_PLAIN: dict[str, Any] = {}


def _plain(raw: Any, name: str, restype: Any, *argtypes: Any) -> Any:
    """pdfium's function ``name`` as a prototype over plain addresses (handles are
    ``int``, a NULL one ``None``): ctypes' checks of pypdfium2's typed pointers cost more
    than pdfium's work in the calls made for every character and every path segment."""
    function = _PLAIN.get(name)
    if function is None:
        address = int(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value or 0)
        function = _PLAIN[name] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
    return function


_VP, _INT = ctypes.c_void_p, ctypes.c_int


def _base(name: str) -> str:
    """A font name without its subset tag (``ABCDEF+``)."""
    return name.split("+", 1)[-1]


def font_descriptor(spec: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The font descriptor of a font dictionary (pdfminer objects): a composite (Type 0)
    font's is its descendant's."""
    from pdfminer.pdftypes import resolve1

    holder: Any = spec
    descendants = resolve1(spec.get("DescendantFonts"))
    if isinstance(descendants, list) and descendants:
        holder = resolve1(descendants[0])
    descriptor = resolve1(holder.get("FontDescriptor")) if isinstance(holder, dict) else None
    return descriptor if isinstance(descriptor, dict) else None


def descriptor_descents(resources: Any) -> dict[str, float]:
    """Descent (a negative fraction of the font size) of each font in a page's resources
    (pdfminer objects), from its font descriptor, as pdfminer takes it: pdfium measures
    the font program instead where the descriptor says 0, which would move every box of
    that font. Keyed by base font name, with and without its subset tag; fonts without a
    descriptor (the standard 14, Type 3) are left out."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    out: dict[str, float] = {}
    fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
    if not isinstance(fonts, dict):
        return out
    for ref in fonts.values():
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        name = resolve1(spec.get("BaseFont"))
        subtype = resolve1(spec.get("Subtype"))
        if not isinstance(name, PSLiteral) or getattr(subtype, "name", None) == "Type3":
            continue
        descriptor = font_descriptor(spec)
        if descriptor is None:
            continue
        value = resolve1(descriptor.get("Descent", 0))
        if not isinstance(value, (int, float)):
            continue
        basename = name.name.decode("latin-1") if isinstance(name.name, bytes) else str(name.name)
        out[basename] = out[_base(basename)] = -abs(float(value)) / 1000.0
    return out


_FontInfo = tuple[str, float, "dict[str, float] | None"]


def _font_info(raw: Any, font: Any, size: float) -> _FontInfo:
    """The font name, descent (a negative fraction of the size) and, for a standard font
    that is not embedded, its advance widths, of a text object's font (pdfium's handle)."""
    global _STANDARD
    if not font:
        return "", 0.0, None
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ""
    if length > 0:
        buffer = ctypes.create_string_buffer(length)
        raw.FPDFFont_GetBaseFontName(font, buffer, length)
        name = buffer.value.decode("utf-8", "replace")
    if _STANDARD is None:
        _STANDARD = _standard_metrics()
    base = name.split("+", 1)[-1]
    if base in _STANDARD and not raw.FPDFFont_GetIsEmbedded(font):
        descent, widths = _STANDARD[base]
        return name, descent, widths
    descent_out = ctypes.c_float()
    if size > 0 and raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(descent_out)):
        return name, min(0.0, descent_out.value / size), None
    return name, 0.0, None


class PdfiumPage:
    """One page read through pdfium, with the attributes of a pdfplumber page that
    :func:`~.page.read_page` uses: ``width``, ``height``, ``chars``, ``images``, ``rects``,
    ``lines``, ``edges``, ``bbox``, ``extract_words()`` and ``find_tables()``; and
    ``read_words()``, the parser's words made without pdfplumber's dictionaries.

    Everything is read when the page is made, then the pdfium page and its text page are
    closed, so nothing of pdfium's outlives the constructor.
    """

    def __init__(
        self,
        document: Any,
        index: int,
        descents: dict[str, float] | None = None,
        max_chars: int | None = None,
    ) -> None:
        import pypdfium2.raw as raw  # type: ignore[import-untyped]

        self.page_number = index + 1
        self._max_chars = max_chars
        self._descents = descents or {}
        self._fonts: dict[tuple[int | None, float], _FontInfo] = {}
        page = document[index]
        try:
            x0, y0, x1, y1 = (float(v) for v in page.get_mediabox())
            rotation = int(page.get_rotation())
            self._display = display_matrix((x0, y0, x1, y1), rotation)
            sideways = rotation % 180 == 90
            self.width = (y1 - y0) if sideways else (x1 - x0)
            self.height = (x1 - x0) if sideways else (y1 - y0)
            self.bbox = (0.0, 0.0, self.width, self.height)
            self.glyphs: list[Glyph] = []
            self._chars: list[dict[str, Any]] | None = None
            self.images: list[dict[str, Any]] = []
            self.rects: list[dict[str, Any]] = []
            self.lines: list[dict[str, Any]] = []
            self.edges: list[dict[str, Any]] = []
            self._read_paths(raw, page.raw)
            textpage = page.get_textpage()
            try:
                self._read_chars(raw, textpage.raw)
            finally:
                textpage.close()
        finally:
            page.close()

    # --- characters -------------------------------------------------------------------

    def _read_chars(self, raw: Any, textpage: Any) -> None:
        count = raw.FPDFText_CountChars(textpage)
        if count < 0:
            raise PdfiumUnreadable("pdfium could not read the page's text")
        if count == 0:
            return
        if self._max_chars is not None and count > self._max_chars:
            from .guard import OverLimit

            raise OverLimit(
                "the page has more characters than", "max_chars_per_page", self._max_chars
            )
        buffer = (ctypes.c_ushort * (count + 1))()
        written = raw.FPDFText_GetText(textpage, 0, count, buffer)
        units = list(buffer)[:count]
        aligned = written == count + 1 and not any(0xD800 <= u < 0xE000 for u in units)
        # One character a code unit: the text is read once, not a character at a time.
        texts = ctypes.string_at(buffer, 2 * count).decode("utf-16-le") if aligned else None
        display = self._display
        height = self.height
        box = raw.FS_RECTF()
        box_at = ctypes.addressof(box)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_at, oy_at = ctypes.addressof(ox), ctypes.addressof(oy)
        objects: dict[int, _TextObject] = {}
        glyphs = self.glyphs
        text_object = _plain(raw, "FPDFText_GetTextObject", _VP, _VP, _INT)
        loose_box = _plain(raw, "FPDFText_GetLooseCharBox", _INT, _VP, _INT, _VP)
        origin = _plain(raw, "FPDFText_GetCharOrigin", _INT, _VP, _INT, _VP, _VP)
        handle = int(ctypes.cast(textpage, ctypes.c_void_p).value or 0)
        offset, lift = display[4], display[5]
        current = 0
        no_widths: dict[str, float] = {}
        for i in range(count):
            key = text_object(handle, i)
            if not key:
                continue  # a space or line break pdfium made up; pdfminer has none
            text = texts[i] if texts is not None else "\ufffe"
            if text == "\ufffe":
                text = chr(raw.FPDFText_GetUnicode(textpage, i))
            if text in _LINE_END_HYPHEN:
                # pdfium marks a hyphen that ends a line (U+FFFE in its bulk text, U+0002
                # for the character); what was printed there is a hyphen.
                text = "-"
            if key != current:  # consecutive characters mostly share their text object
                info = objects.get(key)
                if info is None:
                    info = self._text_object(raw, handle, i, key)
                    objects[key] = info
                name, size, descent, shown, upright, plain, widths = info
                low = descent * size
                advances = no_widths if widths is None else widths
                current = key
            origin(handle, i, ox_at, oy_at)
            if plain:
                bottom_y = oy.value + low + lift
                cx0 = ox.value + offset
                advance = advances.get(text)
                if advance is None:
                    loose_box(handle, i, box_at)
                    cx1 = box.right + offset
                else:  # a standard font's width: pdfium's box is not asked for
                    cx1 = cx0 + advance * size
                top = height - (bottom_y + size)
                bottom = height - bottom_y
                glyphs.append((text, cx0, cx1, top, bottom, size, name, upright, shown))
            else:
                loose_box(handle, i, box_at)
                cx0, cx1, top, bottom = self._turned_box(box, ox.value, oy.value, objects[key])
                glyphs.append((text, cx0, cx1, top, bottom, bottom - top, name, upright, shown))

    def _text_object(self, raw: Any, textpage: int, index: int, key: int) -> _TextObject:
        """What the characters of the text object ``key`` share, read at its character
        ``index`` of the text page (plain handles, as in :meth:`_read_chars`)."""
        display = self._display
        size = float(
            _plain(raw, "FPDFText_GetFontSize", ctypes.c_double, _VP, _INT)(textpage, index)
        )
        matrix = raw.FS_MATRIX()
        get_matrix = _plain(raw, "FPDFText_GetMatrix", _INT, _VP, _INT, _VP)
        get_matrix(textpage, index, ctypes.addressof(matrix))
        m = (matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0)
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        turn: Matrix = (m[0] / scale, m[1] / scale, m[2] / scale, m[3] / scale, 0.0, 0.0)
        font = _plain(raw, "FPDFTextObj_GetFont", _VP, _VP)(key)
        # A page has many text objects in a few fonts and sizes: each is asked about once.
        known = self._fonts.get((font, size))
        if known is None:
            typed = ctypes.cast(ctypes.c_void_p(font), raw.FPDF_FONT) if font else None
            known = self._fonts[(font, size)] = _font_info(raw, typed, size)
        name, descent, widths = known
        if widths is None:
            descent = self._descents.get(name, self._descents.get(_base(name), descent))
        shown = _multiply(turn, display)
        upright = shown[0] * shown[3] > 0 and shown[1] * shown[2] <= 0
        # Glyphs set along the page's axes (nearly all) take the fast box.
        axis = abs(turn[1]) < 1e-6 and abs(turn[2]) < 1e-6 and turn[0] > 0 and turn[3] > 0
        plain = axis and display[:4] == _IDENTITY[:4]
        return (name, size, descent, shown, upright, plain, widths)

    def _turned_box(
        self, box: Any, ox: float, oy: float, info: _TextObject
    ) -> tuple[float, float, float, float]:
        """The box pdfminer gives a glyph set at an angle or on a turned page: the glyph's
        advance by one font size, from its descent, turned with the text and the page."""
        _, size, descent, shown, _, _, _ = info
        ux, uy, vx, vy = shown[0], shown[1], shown[2], shown[3]
        # The advance along the text's direction, from pdfium's box in page space.
        inverse = self._display
        ax, ay = _direction_in_page(ux, uy, inverse)
        advance = abs(ax) * (box.right - box.left) + abs(ay) * (box.top - box.bottom)
        px, py = _apply(self._display, ox, oy)
        low = descent * size
        corners = [
            (px + u * ux + v * vx, py + u * uy + v * vy)
            for u in (0.0, advance)
            for v in (low, low + size)
        ]
        xs = [c[0] for c in corners]
        ys = [c[1] for c in corners]
        return min(xs), max(xs), self.height - max(ys), self.height - min(ys)

    # --- paths --------------------------------------------------------------------------

    def _read_paths(self, raw: Any, page: Any) -> None:
        handle = ctypes.cast(page, ctypes.c_void_p).value
        count = _plain(raw, "FPDFPage_CountObjects", _INT, _VP)(handle)
        get_object = _plain(raw, "FPDFPage_GetObject", _VP, _VP, _INT)
        objects = (get_object(handle, i) for i in range(count))
        for obj, kind, matrix in _walk(raw, objects):
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                self.images.append({"object_type": "image"})
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                for points in _subpaths(raw, obj, _multiply(matrix, self._display)):
                    self._add_shape([(x, self.height - y) for x, y in points])

    def _add_shape(self, points: list[tuple[float, float]]) -> None:
        """Classify one subpath as pdfminer does (a line, an axis-aligned rectangle or a
        curve) and keep its edges as pdfplumber derives them."""
        if len(points) < 2:
            return
        if len(points) > 3 and points[-2] == points[0] and points[-1] == points[0]:
            points = points[:-1]  # a redundant segment back to the start, closed again
        if len(points) == 2:
            (ax, at), (bx, bt) = points
            item = _box("line", min(ax, bx), min(at, bt), max(ax, bx), max(at, bt))
            item["orientation"] = "h" if at == bt else "v"
            self.lines.append(item)
            self.edges.append(item)
            return
        if len(points) == 5 and points[4] == points[0]:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
            if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            ):
                self.rects.append(_box("rect", min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2)))
        for (ax, at), (bx, bt) in itertools.pairwise(points):
            edge = _box("curve_edge", min(ax, bx), min(at, bt), max(ax, bx), max(at, bt))
            edge["orientation"] = "v" if ax == bx else ("h" if at == bt else None)
            self.edges.append(edge)

    # --- what read_page asks of a page ----------------------------------------------------

    @property
    def char_count(self) -> int:
        """The number of characters on the page."""
        return len(self.glyphs)

    @property
    def chars(self) -> list[dict[str, Any]]:
        """The characters as pdfplumber's dictionaries (made on first use: only sideways
        text and the ``text`` table strategy need them)."""
        if self._chars is None:
            height = self.height
            self._chars = [
                {
                    "object_type": "char",
                    "page_number": self.page_number,
                    "text": g[0],
                    "fontname": g[6],
                    "size": g[5],
                    "upright": g[7],
                    "matrix": (g[8][0], g[8][1], g[8][2], g[8][3], g[1], height - g[4]),
                    "x0": g[1],
                    "x1": g[2],
                    "top": g[3],
                    "bottom": g[4],
                    "doctop": g[3],
                    "width": g[2] - g[1],
                    "height": g[4] - g[3],
                }
                for g in self.glyphs
            ]
        return self._chars

    def extract_words(self, **options: Any) -> list[dict[str, Any]]:
        """Words from the page's characters, as pdfplumber's ``Page.extract_words`` makes
        them: with the options :func:`~.page.read_page` passes, by
        :func:`words_from_glyphs`; with any others (a ``text`` table strategy's), by
        pdfplumber's own extractor over :attr:`chars`."""
        ratio = options.get("x_tolerance_ratio")
        if isinstance(ratio, (int, float)) and options == {
            **_READ_PAGE_WORDS,
            "x_tolerance_ratio": ratio,
        }:
            return words_from_glyphs(self.glyphs, float(ratio))
        from pdfplumber.utils.text import extract_words

        words: list[dict[str, Any]] = extract_words(self.chars, **options)
        return words

    def read_words(self, gap_ratio: float) -> list[tuple[Word | None, bool]]:
        """The parser's words (:func:`~.layout.word_from_pdfplumber` of each word
        :meth:`extract_words` gives with the options :func:`~.page.read_page` passes),
        each with whether it is upright, made straight from the characters."""
        return _group_words(self.glyphs, gap_ratio, _word)

    def find_tables(self, table_settings: dict[str, Any] | None = None) -> list[Any]:
        """Ruled tables from this page's edges, with the cells pdfplumber's table finder
        gives: by :func:`~.ruling.find_tables` for the ruling-line strategies, by
        pdfplumber's ``TableFinder`` for any other."""
        from pdfplumber.table import TableFinder, TableSettings

        from .ruling import find_tables, supported

        settings = TableSettings.resolve(table_settings)
        if supported(settings):
            found = find_tables(self.edges, settings, self.bbox)
            if found is not None:
                return list(found)
        return TableFinder(self, settings).tables  # type: ignore[arg-type]

    def close(self) -> None:
        """Nothing to release: pdfium's page was closed once it was read."""


_READ_PAGE_WORDS: dict[str, Any] = {
    "extra_attrs": ["size", "fontname"],
    "keep_blank_chars": False,
    "use_text_flow": False,
}
"""The word options :func:`~.page.read_page` passes (with ``x_tolerance_ratio``)."""

_LINE_TOLERANCE = 3.0
"""How far apart, in points, the tops (the left edges, for sideways text) of two characters
may be and still be on one line: pdfplumber's default ``y_tolerance``."""


_Make = Callable[[Sequence[Glyph], float, str, bool], _W]


def words_from_glyphs(glyphs: Sequence[Glyph], gap_ratio: float) -> list[dict[str, Any]]:
    """Words from characters, exactly as pdfplumber's word extractor makes them with
    ``x_tolerance_ratio=gap_ratio``, ``extra_attrs=["size", "fontname"]`` and otherwise its
    defaults, without its general machinery.

    Consecutive characters in one font, size and orientation form a run; a run's
    characters are grouped into lines by their tops (their left edges, for sideways text)
    within 3 points, chained, and each line is read along the text; a word ends at a space,
    where the next character starts before the last one or more than ``gap_ratio`` font
    sizes after its end, or where it is more than 3 points off the line.
    """
    return _group_words(glyphs, gap_ratio, _merge)


def _group_words(glyphs: Sequence[Glyph], gap_ratio: float, make: _Make[_W]) -> list[_W]:
    """The words of :func:`words_from_glyphs`, each made by ``make`` from its glyphs."""
    words: list[_W] = []
    start = 0
    count = len(glyphs)
    while start < count:
        first = glyphs[start]
        size, font, upright = first[5], first[6], first[7]
        end = start + 1
        while end < count:
            other = glyphs[end]
            if other[5] != size or other[6] != font or other[7] != upright:
                break
            end += 1
        _run_words(glyphs[start:end], gap_ratio * size, make, words)
        start = end
    return words


_ACROSS = operator.itemgetter(1)
_DOWN = operator.itemgetter(3, 4)


def _run_words(run: Sequence[Glyph], gap: float, make: _Make[_W], out: list[_W]) -> None:
    first = run[0]
    upright = first[7]
    size, font = first[5], first[6]
    if upright:
        top = first[3]
        if all(g[3] == top for g in run):
            # One line (the usual run): no grouping, and usually already in reading order.
            line = list(run)
            if any(line[i][1] > line[i + 1][1] for i in range(len(line) - 1)):
                line.sort(key=_ACROSS)
            _upright_words(line, gap, size, font, make, out)
            return
        for line in _lines_by(run, [g[3] for g in run]):
            line.sort(key=_ACROSS)
            _upright_words(line, gap, size, font, make, out)
        return
    # Sideways: the line is a column; (across, start, end): where a glyph sits across the
    # line, and where it starts and ends along it.
    place = {id(g): (g[1], g[3], g[4]) for g in run}
    for line in _lines_by(run, [g[1] for g in run]):
        line.sort(key=_DOWN)
        word: list[Glyph] = []
        for g in line:
            if g[0].isspace():
                if word:
                    out.append(make(word, size, font, upright))
                word = []
                continue
            if word:
                across, start, _ = place[id(g)]
                prev_across, prev_start, prev_end = place[id(word[-1])]
                if (
                    start < prev_start
                    or start > prev_end + _LINE_TOLERANCE
                    or abs(across - prev_across) > gap
                ):
                    out.append(make(word, size, font, upright))
                    word = []
            word.append(g)
        if word:
            out.append(make(word, size, font, upright))


def _lines_by(run: Sequence[Glyph], across: list[float]) -> list[list[Glyph]]:
    """The run's glyphs grouped into lines by where they sit across the line (``across``,
    one value per glyph), values within 3 points chained, in order of that value."""
    cluster: dict[float, int] = {}
    index = -1
    last = 0.0
    for value in sorted(set(across)):
        if index < 0 or value > last + _LINE_TOLERANCE:
            index += 1
        cluster[value] = index
        last = value
    lines: list[list[Glyph]] = [[] for _ in range(index + 1)]
    for g, value in zip(run, across, strict=True):
        lines[cluster[value]].append(g)
    return lines


def _upright_words(
    line: list[Glyph], gap: float, size: float, font: str, make: _Make[_W], out: list[_W]
) -> None:
    """Words of one line of upright glyphs in reading order."""
    word: list[Glyph] = []
    for g in line:
        if g[0].isspace():
            if word:
                out.append(make(word, size, font, True))
            word = []
            continue
        if word:
            prev = word[-1]
            if g[1] < prev[1] or g[1] > prev[2] + gap or abs(g[3] - prev[3]) > _LINE_TOLERANCE:
                out.append(make(word, size, font, True))
                word = []
        word.append(g)
    if word:
        out.append(make(word, size, font, True))


def _extent(glyphs: Sequence[Glyph]) -> tuple[str, float, float, float, float]:
    """The text and box (x0, x1, top, bottom) of a word's glyphs."""
    if len(glyphs) == 1:
        g = glyphs[0]
        return g[0], g[1], g[2], g[3], g[4]
    text, x0, x1, top, bottom, *_ = zip(*glyphs, strict=True)
    return "".join(text), min(x0), max(x1), min(top), max(bottom)


def _merge(glyphs: Sequence[Glyph], size: float, font: str, upright: bool) -> dict[str, Any]:
    text, x0, x1, top, bottom = _extent(glyphs)
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "upright": upright,
        "height": bottom - top,
        "width": x1 - x0,
        "size": size,
        "fontname": font,
    }


def _word(
    glyphs: Sequence[Glyph], size: float, font: str, upright: bool
) -> tuple[Word | None, bool]:
    """The parser's word of a word's glyphs (as :func:`~.layout.word_from_pdfplumber`
    makes it from pdfplumber's), and whether it is upright."""
    text, x0, x1, top, bottom = _extent(glyphs)
    return make_word(text, x0, x1, top, bottom, size, font), upright


def _box(kind: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


def _direction_in_page(ux: float, uy: float, display: Matrix) -> tuple[float, float]:
    """A direction given on the displayed page, back in PDF user space (the display matrix
    is a quarter-turn rotation, so its inverse is its transpose)."""
    return (ux * display[0] + uy * display[1], ux * display[2] + uy * display[3])


def _object_matrix(raw: Any, obj: int, outer: Matrix) -> Matrix:
    """A page object's own matrix (where pdfium gives one) followed by ``outer``."""
    m = raw.FS_MATRIX()
    if _plain(raw, "FPDFPageObj_GetMatrix", _INT, _VP, _VP)(obj, ctypes.addressof(m)):
        return _multiply((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    return outer


def _walk(
    raw: Any, objects: Iterator[int | None], outer: Matrix = _IDENTITY
) -> Iterator[tuple[int, int, Matrix]]:
    """Every page object (as a plain handle) with its type, descending into form
    XObjects, with the matrix from the form's space to the page's."""
    get_type = _plain(raw, "FPDFPageObj_GetType", _INT, _VP)
    for obj in objects:
        if not obj:
            continue
        kind = get_type(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            inner = _object_matrix(raw, obj, outer)
            count = _plain(raw, "FPDFFormObj_CountObjects", _INT, _VP)(obj)
            get_object = _plain(raw, "FPDFFormObj_GetObject", _VP, _VP, _INT)
            yield from _walk(raw, (get_object(obj, i) for i in range(count)), inner)
        else:
            yield obj, kind, outer


def _subpaths(raw: Any, obj: int, outer: Matrix) -> Iterator[list[tuple[float, float]]]:
    """The end points of each subpath of a path object, in displayed coordinates (origin at
    the bottom left); a Bézier segment contributes only its end point, as in pdfminer."""
    matrix = _object_matrix(raw, obj, outer)
    segment_at = _plain(raw, "FPDFPath_GetPathSegment", _VP, _VP, _INT)
    segment_type = _plain(raw, "FPDFPathSegment_GetType", _INT, _VP)
    segment_point = _plain(raw, "FPDFPathSegment_GetPoint", _INT, _VP, _VP, _VP)
    segment_close = _plain(raw, "FPDFPathSegment_GetClose", _INT, _VP)
    moveto, bezierto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
    points: list[tuple[float, float]] = []
    bezier = 0
    for i in range(_plain(raw, "FPDFPath_CountSegments", _INT, _VP)(obj)):
        segment = segment_at(obj, i)
        kind = segment_type(segment)
        if kind == moveto and points:
            yield points
            points = []
        if kind == bezierto:
            bezier += 1
            if bezier % 3:
                continue  # a control point
        segment_point(segment, x_at, y_at)
        points.append(_apply(matrix, x.value, y.value))
        if segment_close(segment) and points[0] != points[-1]:
            points.append(points[0])
    if points:
        yield points


def open_pdfium(path: str | os.PathLike[str], password: str | None) -> Any:
    """The pypdfium2 document for ``path`` (raises ``pypdfium2.PdfiumError``)."""
    import pypdfium2

    return pypdfium2.PdfDocument(os.fspath(path), password=password or None)
