"""Guards that keep a hostile PDF from hanging the parser, exhausting memory or ending in a
library's traceback: reference loops, lengths past the end of the file, broken fonts, and the
limits on pages, characters and inflated bytes.

pdfminer follows a reference to a reference without end (``7 0 obj 7 0 R endobj``), reads
as many bytes as a stream's ``/Length`` claims, and stops a page at the first font it cannot
build. :class:`LoopSafeDocument`, :func:`open_clamped` and :class:`FontSafeResourceManager`
are the pdfminer pieces that do not; :func:`survey` walks a file with them before pdfplumber,
which builds its own pdfminer document, is given it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator, Mapping
from typing import Any

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import LIT

__all__ = [
    "Budget",
    "FontSafeResourceManager",
    "LoopSafeDocument",
    "OverLimit",
    "ReferenceLoop",
    "close_quietly",
    "iter_pages",
    "open_clamped",
    "open_document",
    "survey",
]

_LOG = logging.getLogger("pdfminer")
"""What is logged here joins pdfminer's own complaints, which the parser reports per page."""


class OverLimit(Exception):
    """A document goes past one of :class:`~.settings.PdfSettings`' limits."""

    def __init__(self, description: str, setting: str, limit: int) -> None:
        self.setting = setting
        self.limit = limit
        super().__init__(
            f"{description} the limit ({setting}={limit}); raise PdfSettings.{setting} to read it"
        )


class Budget:
    """Inflated bytes of the streams reading text decodes (page contents, forms, fonts),
    counted per stream and per document."""

    def __init__(self, stream_limit: int, document_limit: int) -> None:
        self.stream_limit = stream_limit
        self.document_limit = document_limit
        self.total = 0

    def charge(self, count: int, stream_total: int) -> None:
        """Count ``count`` more inflated bytes, ``stream_total`` so far in this stream;
        raises :class:`OverLimit` past either limit."""
        self.total += count
        if stream_total > self.stream_limit:
            raise OverLimit(
                "a stream (page content, form or font) inflates to more than",
                "max_stream_bytes",
                self.stream_limit,
            )
        if self.total > self.document_limit:
            raise OverLimit(
                "the document's streams together inflate to more than",
                "max_document_bytes",
                self.document_limit,
            )


class _ClampedReader(io.BufferedReader):
    """A file that never reads past its end: pdfminer asks for a stream's ``/Length`` in
    one read, and a length of 100 GB would be allocated before the read found the end."""

    def __init__(self, raw: io.FileIO) -> None:
        super().__init__(raw)
        self._size = os.fstat(raw.fileno()).st_size

    def read(self, size: int | None = -1, /) -> bytes:
        """At most ``size`` bytes, and never more than are left in the file."""
        if size is not None and size > 0:
            size = min(size, max(0, self._size - self.tell()))
        return super().read(size)


def open_clamped(path: str | os.PathLike[str]) -> io.BufferedReader:
    """``path`` opened for reading, with reads clamped to the file's size."""
    return _ClampedReader(io.FileIO(os.fspath(path), "rb"))


class ReferenceLoop(PDFObjectNotFound):
    """An object is a reference that leads, through references only, back to itself.

    A subclass of ``PDFObjectNotFound`` so that pdfminer's ``resolve1`` reads the reference
    as null, which is what the PDF standard makes of a reference to no object."""

    def __init__(self, chain: list[int]) -> None:
        self.chain = chain
        if len(chain) == 2:
            text = f"object {chain[0]} refers to itself ({chain[0]} 0 R)"
        else:
            path = " -> ".join(f"{n} 0 R" for n in chain)
            text = (
                f"objects {', '.join(map(str, chain[:-1]))} refer to each other in a loop ({path})"
            )
        super().__init__(text)


class LoopSafeDocument(PDFDocument):
    """A pdfminer document whose objects are never bare references: a reference to a
    reference is followed here, once, with the objects seen so far, so that a loop is
    :class:`ReferenceLoop` (logged, and read as null by ``resolve1``), not a hang."""

    def __init__(self, parser: PDFParser, password: str = "") -> None:
        self.loops: list[ReferenceLoop] = []
        super().__init__(parser, password)

    def getobj(self, objid: int) -> object:
        """The object ``objid``, following references to references to their end. A
        stream whose data its reader dropped is read again, so that a stream a page names
        twice is counted twice against the limits, as it is inflated twice."""
        obj = super().getobj(objid)
        if isinstance(obj, PDFStream) and obj.rawdata is None and obj.data is None:
            self._cached_objs.pop(objid, None)
            obj = super().getobj(objid)
        chain = [objid]
        while isinstance(obj, PDFObjRef):
            chain.append(obj.objid)
            if obj.objid in chain[:-1]:
                loop = ReferenceLoop(chain[chain.index(obj.objid) :])
                _LOG.warning("%s; read as null", loop)
                self.loops.append(loop)
                raise loop
            obj = super().getobj(obj.objid)
        return obj


def open_document(handle: io.BufferedReader, password: str | None) -> LoopSafeDocument:
    """A loop-safe pdfminer document over an open (preferably clamped) file."""
    return LoopSafeDocument(PDFParser(handle), password=password or "")


_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")


class _BarePage:
    """What is left of a page whose attributes pdfminer cannot make a page of: its
    resources and content streams, where they can be found."""

    def __init__(self, attrs: Mapping[str, Any]) -> None:
        resources = _lenient(attrs.get("Resources"))
        self.resources = resources if isinstance(resources, dict) else {}
        contents = _lenient(attrs.get("Contents"))
        self.contents = contents if isinstance(contents, list) else [contents] if contents else []


def _lenient(value: Any) -> Any:
    try:
        return resolve1(value)
    except Exception:
        return None


def iter_pages(document: PDFDocument) -> Iterator[Any]:
    """The document's pages in order, as pdfminer's ``PDFPage.create_pages`` gives them,
    but one for every page the tree names even where a page is malformed (a ``/MediaBox``
    that is a loop, a kid that is a number): pdfminer's generator ends at the first such
    page, and every page after it would go unchecked. A page pdfminer cannot make is a
    :class:`_BarePage`, with a warning; a kid that is not a dictionary is left out, as
    pdfium leaves it out."""
    catalog = document.catalog
    if "Pages" not in catalog:
        yield from PDFPage.create_pages(document)
        return
    seen: set[int] = set()
    stack: list[tuple[Any, dict[str, Any]]] = [(catalog["Pages"], {})]
    while stack:
        node, inherited = stack.pop()
        if isinstance(node, PDFObjRef):
            if node.objid in seen:
                continue
            seen.add(node.objid)
        attrs = _lenient(node)
        if not isinstance(attrs, dict):
            _LOG.warning("the page tree names %r, which is not a page", node)
            continue
        attrs = {**inherited, **attrs}
        kind = getattr(attrs.get("Type"), "name", None)
        if kind == "Pages" or (kind is None and "Kids" in attrs):
            kids = _lenient(attrs.get("Kids"))
            passed = {k: attrs[k] for k in _INHERITED if k in attrs}
            if isinstance(kids, list):
                stack.extend((kid, passed) for kid in reversed(kids))
            continue
        if kind != "Page":  # neither a page nor a node of pages: pdfminer skips it too
            continue
        objid = node.objid if isinstance(node, PDFObjRef) else None
        loops = len(getattr(document, "loops", ()))
        try:
            page: Any = PDFPage(document, objid, attrs, None)
        except Exception as exc:
            if len(getattr(document, "loops", ())) == loops:  # a loop has said it already
                _LOG.warning(
                    "the page's attributes cannot be read (%s: %s)", type(exc).__name__, exc
                )
            page = _BarePage(attrs)
        yield page


def _references(value: Any) -> Iterator[int]:
    """The objects a value refers to directly (inside its arrays and dictionaries, and a
    stream's dictionary), leaving out ``/Parent``, which leads back up the page tree."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, PDFObjRef):
            yield item.objid
        elif isinstance(item, PDFStream):
            stack.append(item.attrs)
        elif isinstance(item, Mapping):
            stack.extend(v for k, v in item.items() if k != "Parent")
        elif isinstance(item, list | tuple):
            stack.extend(item)


def survey(handle: io.BufferedReader, password: str | None, max_pages: int) -> int:
    """Walk a PDF as pdfminer will read it, before pdfplumber (whose pdfminer document
    follows reference loops for ever) is given it: the trailer, the page tree and every
    object a page reaches, each object once. Returns the page count.

    Raises :class:`ReferenceLoop` for a loop, :class:`OverLimit` for more than
    ``max_pages`` pages, and pdfminer's errors for a file it cannot read."""
    document = open_document(handle, password)
    try:
        count = _walk(document, max_pages)
    except (ReferenceLoop, OverLimit):
        raise
    except Exception as exc:
        # pdfminer fails in its own way where a loop gave it null (a MediaBox of None):
        # the loop is what is wrong with the file.
        if document.loops:
            raise document.loops[0] from exc
        raise
    if document.loops:  # met by pdfminer itself, through resolve1, which reads it as null
        raise document.loops[0]
    return count


def _walk(document: LoopSafeDocument, max_pages: int) -> int:
    seen: set[int] = set()
    pending: list[int] = []
    for xref in document.xrefs:
        pending.extend(_references(xref.get_trailer()))
    count = 0
    for page in PDFPage.create_pages(document):
        count += 1
        if count > max_pages:
            raise OverLimit("the document has more pages than", "max_pages", max_pages)
        pending.extend(_references(page.attrs))
    while pending:
        objid = pending.pop()
        if objid in seen:
            continue
        seen.add(objid)
        try:
            obj = document.getobj(objid)
        except ReferenceLoop:
            raise
        except PDFObjectNotFound:  # a reference to no object is null
            continue
        if isinstance(obj, PDFStream):
            obj.rawdata = None  # only its dictionary is walked; the data is read again later
        pending.extend(_references(obj))
    return count


def close_quietly(pdf: Any) -> None:
    """Close a pdfplumber PDF. Its ``close()`` reads the page tree again, which raises
    again for the tree that failed to open; the file itself is closed by its owner."""
    # The error was reported when it first happened.
    with contextlib.suppress(Exception):
        pdf.close()


_HELVETICA = {"Type": LIT("Font"), "Subtype": LIT("Type1"), "BaseFont": LIT("Helvetica")}
"""The font a broken one is replaced with: one of the 14 standard fonts, whose metrics
pdfminer has without reading the file."""


def _font_name(objid: object, spec: Mapping[str, object]) -> str:
    base = spec.get("BaseFont") if isinstance(spec, Mapping) else None
    name = getattr(base, "name", base)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    label = str(name) if isinstance(name, str) and name else "unnamed"
    return f"{label} (object {objid})" if objid else label


def _check_font(font: Any) -> None:
    """Raise where a font's metrics are not numbers (pdfminer multiplies them while it
    places each character, and would stop the page there)."""
    numbers = [font.get_descent(), font.get_height(), font.get_width(), font.char_width(32)]
    numbers.append(getattr(font, "default_width", 0))
    numbers.extend(getattr(font, "widths", {}).values())
    for value in numbers:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise TypeError(f"a metric is {type(value).__name__}, not a number")


class FontSafeResourceManager(PDFResourceManager):
    """A resource manager that gives a font it cannot build, or whose metrics are not
    numbers, Helvetica's metrics with a warning naming the font, so the page's text is
    kept (placed approximately) instead of the page being lost."""

    def get_font(self, objid: object, spec: Mapping[str, object]) -> Any:
        """The font for ``spec``; Helvetica with a warning where it is broken."""
        try:
            font = super().get_font(objid, spec)
            _check_font(font)
        except Exception as exc:
            _LOG.warning(
                "font %s is broken (%s: %s); its text is placed with Helvetica's widths",
                _font_name(objid, spec),
                type(exc).__name__,
                exc,
            )
            font = super().get_font(None, _HELVETICA)
            if objid and self.caching:
                self._cached_fonts[objid] = font
        return font
