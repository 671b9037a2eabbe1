"""The PDF parser: opening the file, reading pages one by one, reporting bad input."""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from ...deadline import check_deadline
from ...document import Document
from ...errors import DocumentError, EncryptedDocumentError, UnsafeDocumentError
from ..base import describe_bytes, file_sha256, read_head, resolve_settings
from .assemble import assemble
from .guard import (
    Budget,
    FontSafeResourceManager,
    OverLimit,
    ReferenceLoop,
    close_quietly,
    iter_pages,
    open_clamped,
    open_document,
    survey,
)
from .page import PageContent, compact_page, read_page
from .pdfium import PdfiumPage, descriptor_descents, font_descriptor, open_pdfium
from .settings import PdfSettings

__all__ = ["PdfParser"]

_MAGIC = b"%PDF-"
_PDFIUM_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_HEAD = 1024  # the PDF standard lets the header sit anywhere in the first kilobyte


def _is_pdf(head: bytes) -> bool:
    return _MAGIC in head[:_HEAD]


def _looks_truncated(path: Path) -> bool:
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            handle.seek(max(0, size - 1024))
            tail = handle.read()
    except OSError:
        return False
    return b"%%EOF" not in tail


def _reason(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's exceptions; the wrapped one says what went wrong."""
    if (
        type(exc).__name__ == "PdfminerException"
        and exc.args
        and isinstance(exc.args[0], BaseException)
    ):
        return exc.args[0]
    return exc


def _is_password_error(exc: BaseException) -> bool:
    return type(exc).__name__ in (
        "PDFPasswordIncorrect",
        "PDFEncryptionError",
        "PDFEncryptionWarning",
    )


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage()[:200])


@contextlib.contextmanager
def _pdfminer_complaints() -> Iterator[list[str]]:
    """Collect what pdfminer logs as warnings while a page is read (a damaged stream it
    read only in part), so the loss is reported in the Document instead of on stderr."""
    logger = logging.getLogger("pdfminer")
    handler = _Collect()
    logger.addHandler(handler)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


_CHECKED_BYTES = 64 << 20
"""How much of one content stream is inflated to check it: real pages' streams are far
smaller, and a deflate bomb must not be inflated twice (pdfium inflates it once)."""


def _check_stream(stream: Any, budget: Budget) -> bool:
    """Decode a content stream the way pdfminer would, to hear what it cannot decode, but
    without keeping its data: Flate (after ASCII85, as some producers write it) is
    inflated in pieces up to :data:`_CHECKED_BYTES`; other filters go to pdfminer.
    Returns True where the stream inflates to more than that: pdfium, which aborts the
    process when it runs out of memory, is not given such a page. Past that the bytes are
    only counted, in pieces, against ``budget``: a stream inflating beyond its limits
    raises :class:`~.guard.OverLimit` (a deflate bomb is refused, not read)."""
    import zlib

    from pdfminer.ascii85 import ascii85decode
    from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_FLATE_DECODE

    filters = [f for f, _ in stream.get_filters()]
    data = stream.rawdata
    if (
        data is None
        or not filters
        or not all(f in LITERALS_FLATE_DECODE or f in LITERALS_ASCII85_DECODE for f in filters)
    ):
        data = stream.get_data()
        budget.charge(len(data or b""), len(data or b""))
        return False
    for name in filters:
        if name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
            continue
        inflater = zlib.decompressobj()
        seen = 0
        try:
            piece = inflater.decompress(data, 1 << 20)
            while piece:
                seen += len(piece)
                budget.charge(len(piece), seen)
                piece = inflater.decompress(inflater.unconsumed_tail, 1 << 20)
        except zlib.error as exc:
            logging.getLogger("pdfminer").warning(
                "Data-loss while decompressing corrupted data (%s)", exc
            )
            return False
        # A filter after Flate would need the whole output: it is not checked.
        return seen >= _CHECKED_BYTES
    return False


_FONT_PROGRAMS = ("FontFile", "FontFile2", "FontFile3")
"""The font descriptor's keys for an embedded font program."""


_RESOURCE_STEPS = 10_000
"""Most resource dictionaries and fonts one page's walk visits, far more than a real page
has: the walk's work stays bounded however deep a hostile file nests its forms."""


def _stream_once(ref: Any, seen: set[int]) -> Any:
    """The stream ``ref`` refers to, the first time the document meets it; ``None`` after
    that, or where it is not a stream (streams are always indirect objects)."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1

    if not isinstance(ref, PDFObjRef) or ref.objid in seen:
        return None
    seen.add(ref.objid)
    stream = resolve1(ref)
    return stream if isinstance(stream, PDFStream) else None


def _subtype(stream: Any) -> str | None:
    from pdfminer.pdftypes import resolve1

    return getattr(resolve1(stream.get("Subtype")), "name", None)


def _resource_streams(resources: Any, seen: set[int]) -> Iterator[Any]:
    """The streams besides a page's own content that reading its text decodes: form
    XObjects (and what their resources use in turn), embedded font programs, ToUnicode maps
    and Type 3 glyph procedures. Each is given once per document, by object number, since
    both readers keep what they have decoded; images are left out, as text extraction
    never decodes them."""
    from pdfminer.pdftypes import resolve1

    pending = [resources]
    steps = 0
    while pending and steps < _RESOURCE_STEPS:
        steps += 1
        found = resolve1(pending.pop())
        if not isinstance(found, Mapping):
            continue
        xobjects = resolve1(found.get("XObject"))
        for ref in xobjects.values() if isinstance(xobjects, Mapping) else ():
            stream = _stream_once(ref, seen)
            if stream is not None and _subtype(stream) == "Form":
                yield stream
                pending.append(stream.get("Resources"))
        fonts = resolve1(found.get("Font"))
        for ref in fonts.values() if isinstance(fonts, Mapping) else ():
            steps += 1
            spec = resolve1(ref)
            if not isinstance(spec, Mapping):
                continue
            refs = [spec.get("ToUnicode")]
            descriptor = font_descriptor(spec)
            if descriptor is not None:
                refs.extend(descriptor.get(key) for key in _FONT_PROGRAMS)
            procs = resolve1(spec.get("CharProcs"))
            if isinstance(procs, Mapping):
                refs.extend(procs.values())
                pending.append(spec.get("Resources"))
            for found_ref in refs:
                stream = _stream_once(found_ref, seen)
                if stream is not None:
                    yield stream


class _ContentStreams:
    """Decodes each page's content streams with pdfminer (without interpreting them), so
    that a damaged stream, which pdfium reads as far as it can without a word, is reported
    as the pdfplumber backend reports it; and reads the descents of the page's fonts from
    their descriptors, which pdfium does not offer. Decoding is C (zlib) work, a small part of a
    page's reading; the decoded data is dropped at once so memory stays flat."""

    def __init__(self, file: Path, password: str | None, stack: contextlib.ExitStack) -> None:
        self._pages: Iterator[Any] | None = None
        self._seen: set[int] = set()
        try:
            handle = stack.enter_context(open_clamped(file))
            document = open_document(handle, password)
            self._pages = iter_pages(document)
        except Exception:  # pdfium opened what pdfminer cannot: nothing to compare with
            self._pages = None

    def check(self, index: int, budget: Budget) -> tuple[dict[str, float], bool]:
        """Decode page ``index``'s content streams (pages are checked in order); pdfminer
        logs what it could not decode. Returns the descents its fonts' descriptors give
        (see :func:`~.pdfium.descriptor_descents`), and whether a stream is too large to
        give to pdfium."""
        from pdfminer.pdftypes import PDFStream, resolve1

        if self._pages is None:
            return {}, False
        descents: dict[str, float] = {}
        oversized = False
        try:
            page = next(self._pages)
            descents = descriptor_descents(page.resources)
            # Resolved one at a time: a stream named twice is read again once dropped.
            streams = itertools.chain(
                (resolve1(ref) for ref in page.contents),
                _resource_streams(page.resources, self._seen),
            )
            for stream in streams:
                if isinstance(stream, PDFStream):
                    oversized = _check_stream(stream, budget) or oversized
                    stream.data = None
                    stream.rawdata = None
        except StopIteration:
            self._pages = None
        except OverLimit:
            raise
        except Exception as exc:  # a stream pdfminer cannot decode at all
            logging.getLogger("pdfminer").warning("%s", _describe(exc))
        return descents, oversized


def _budget(options: PdfSettings) -> Budget:
    return Budget(options.max_stream_bytes, options.max_document_bytes)


def _checked(
    streams: _ContentStreams, index: int, budget: Budget, file: Path
) -> tuple[dict[str, float], bool]:
    """:meth:`_ContentStreams.check` of page ``index``, a limit passed refusing the file."""
    try:
        return streams.check(index, budget)
    except OverLimit as exc:
        raise UnsafeDocumentError(str(exc), file, page=index + 1) from exc


def _page_problems(number: int, complaints: list[str]) -> list[str]:
    """The warnings for what pdfminer complained of while reading page ``number``."""
    return [
        f"page {number}: problem reading the page, some content may be missing ({text})"
        for text in sorted(set(complaints))
    ]


def _finds_chars(page: Any, number: int, warnings: list[str]) -> bool:
    """Whether pdfplumber finds characters on ``page`` (which it keeps for the reading
    that follows), noting what pdfminer complains of on the way where it does (where it
    does not, pdfium's page stands, and the pre-pass has reported the page's damage); a page
    it cannot read finds none."""
    try:
        with _pdfminer_complaints() as complaints:
            found = bool(page.chars)
    except Exception:  # pdfminer raises many unrelated types for a bad page
        return False
    if found:
        warnings.extend(_page_problems(number, complaints))
    return found


def _check_page_count(count: int, options: PdfSettings, file: Path) -> None:
    if count > options.max_pages:
        exc = OverLimit("the document has more pages than", "max_pages", options.max_pages)
        raise UnsafeDocumentError(str(exc), file)


def _layout_chars(layout: Any) -> int:
    """The characters in pdfminer's layout of a page (which pdfplumber keeps, so that
    :func:`~.page.prime_objects` makes the character dictionaries from it afterwards)."""
    from pdfminer.layout import LTChar, LTContainer

    count = 0
    pending = [layout]
    while pending:
        for item in pending.pop():
            if isinstance(item, LTChar):
                count += 1
            elif isinstance(item, LTContainer):
                pending.append(item)
    return count


def _check_chars(page: Any, number: int, options: PdfSettings, file: Path) -> None:
    """Refuse a page with more characters than ``max_chars_per_page`` before it is laid
    out (a PdfiumPage has refused itself before reading them)."""
    count = page.char_count if hasattr(page, "char_count") else _layout_chars(page.layout)
    if count > options.max_chars_per_page:
        exc = OverLimit(
            "the page has more characters than", "max_chars_per_page", options.max_chars_per_page
        )
        raise UnsafeDocumentError(str(exc), file, page=number)


def _out_of_memory(file: Path, page: int | None = None) -> UnsafeDocumentError:
    return UnsafeDocumentError(
        "ran out of memory reading the PDF: the process's memory limit was reached", file, page
    )


def _open_pdfplumber(file: Path, options: PdfSettings, stack: contextlib.ExitStack) -> Any:
    """pdfplumber's PDF over a clamped file, with a resource manager that keeps the text of
    a broken font, closed without the traceback its ``close()`` raises for a page tree that
    cannot be read. pdfplumber's pdfminer document follows a reference loop for ever, so
    the file is first walked with a loop-safe one (:func:`~.guard.survey`), which also
    counts its pages: a loop or too many pages is :class:`UnsafeDocumentError`; a file
    pdfminer cannot read raises pdfminer's error."""
    import pdfplumber

    handle = stack.enter_context(open_clamped(file))
    try:
        with _pdfminer_complaints():  # what it logs is in the error, or said again later
            survey(handle, options.password, options.max_pages)
    except ReferenceLoop as exc:
        raise UnsafeDocumentError(f"{exc}: reading it would never end", file) from exc
    except OverLimit as exc:
        raise UnsafeDocumentError(str(exc), file) from exc
    handle.seek(0)
    pdf = pdfplumber.open(handle, password=options.password or "")
    stack.callback(close_quietly, pdf)
    pdf.rsrcmgr = FontSafeResourceManager()
    return pdf


class PdfParser:
    """Parser for ``.pdf`` plans (pdfplumber, or pdfium with ``backend="pdfium"``)."""

    name: ClassVar[str] = "pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)
    media_type: ClassVar[str] = "application/pdf"

    def identify(self, path: Path) -> bool:
        """True where the file carries the PDF header (``%PDF-``) in its first kilobyte."""
        try:
            with open(path, "rb") as handle:
                return _is_pdf(handle.read(_HEAD))
        except OSError:
            return False

    def parse(
        self, path: Path, settings: PdfSettings | Mapping[str, Any] | None = None
    ) -> Document:
        """Read a PDF into a Document.

        Raises :class:`~cspplan.errors.DocumentError` when the file is not a PDF or is too
        damaged to open, and :class:`~cspplan.errors.EncryptedDocumentError` when it needs a
        password that was not given (or was wrong). A page that cannot be read is skipped and
        named in ``Document.warnings``, as is a page with no text layer (a scan).
        """
        options = resolve_settings(PdfSettings, settings)
        file = Path(path)
        sha = file_sha256(file)
        if not self.identify(file):
            raise DocumentError(
                f"not a PDF file (no %PDF- header): it looks like"
                f" {describe_bytes(read_head(file, 4096))}",
                path,
            )
        warnings: list[str] = []
        pages: list[PageContent] = []
        try:
            count = self._read_pages(file, options, warnings, pages)
        except MemoryError as exc:
            raise _out_of_memory(file) from exc
        if count and len(pages) == 0:
            raise DocumentError(f"no page could be read: {'; '.join(warnings[:3])}", path)
        if count and not any(p.chars for p in pages):
            warnings.append("no page has a text layer: the PDF is probably scanned; run OCR first")
        try:
            assembly = assemble(os.fspath(path), pages, options)
        except (ArithmeticError, LookupError, RecursionError, TypeError, ValueError) as exc:
            # A layout no rule foresaw must still name the file, not end in a traceback.
            raise DocumentError(
                f"the PDF's layout could not be assembled ({_describe(exc)})", path
            ) from exc
        return Document(
            path=str(path),
            sha256=sha,
            media_type=self.media_type,
            parser=self.name,
            blocks=assembly.blocks,
            furniture=assembly.furniture,
            page_count=count,
            warnings=tuple(warnings),
        )

    def _read_pages(
        self, file: Path, options: PdfSettings, warnings: list[str], pages: list[PageContent]
    ) -> int:
        """Read every page into ``pages``, noting each problem in ``warnings``; returns the
        page count."""
        shared: dict[Any, Any] = {}
        with contextlib.ExitStack() as stack:
            count, page_source = self._open(file, options, stack, warnings)
            for number, page in page_source:
                check_deadline()
                try:
                    with _pdfminer_complaints() as complaints:
                        _check_chars(page, number, options, file)
                        content = read_page(page, number, options)
                    warnings.extend(_page_problems(number, complaints))
                except UnsafeDocumentError:
                    raise
                except Exception as exc:  # one bad page must not lose the others
                    reason = _reason(exc)
                    if _is_password_error(reason):
                        raise self._open_error(exc, file, options) from exc
                    if isinstance(reason, MemoryError):
                        raise _out_of_memory(file, number) from exc
                    warnings.append(f"page {number}: could not be read ({_describe(reason)})")
                    continue
                finally:
                    page.close()
                warnings.extend(content.notes)
                if content.chars == 0 and content.images:
                    warnings.append(
                        f"page {number}: no text layer (a scanned image?); its content is not read"
                    )
                pages.append(compact_page(content, shared))
        return count

    def _open(
        self,
        file: Path,
        options: PdfSettings,
        stack: contextlib.ExitStack,
        warnings: list[str],
    ) -> tuple[int, Iterator[tuple[int, Any]]]:
        """The page count and the pages, one at a time, from the chosen backend. A file
        pdfium cannot open is opened by pdfplumber instead, which names what is wrong with
        it as the pdfplumber backend always has."""
        if options.backend == "pdfium":
            try:
                document = stack.enter_context(
                    contextlib.closing(open_pdfium(file, options.password))
                )
                count = len(document)
            except Exception as exc:  # pypdfium2.PdfiumError, or an unreadable page tree
                if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD_ERROR:
                    raise self._password_error(file, options) from exc
            else:
                _check_page_count(count, options, file)
                return count, self._pdfium_pages(file, options, document, stack, warnings)
        try:
            page_list = _open_pdfplumber(file, options, stack).pages
        except UnsafeDocumentError:
            raise
        except Exception as exc:  # pdfminer raises many unrelated types for a bad file
            raise self._open_error(exc, file, options) from exc
        return len(page_list), self._pdfplumber_pages(file, options, page_list, stack)

    def _pdfplumber_pages(
        self, file: Path, options: PdfSettings, page_list: list[Any], stack: contextlib.ExitStack
    ) -> Iterator[tuple[int, Any]]:
        """pdfplumber's pages, each after its content streams are counted against the
        limits on inflated bytes (pdfminer would inflate a deflate bomb whole)."""
        with _pdfminer_complaints():  # a loop met opening it is met again on its page
            streams = _ContentStreams(file, options.password, stack)
        budget = _budget(options)
        for index, page in enumerate(page_list):
            # pdfminer reports what it cannot decode again when it reads the page.
            with _pdfminer_complaints():
                _checked(streams, index, budget, file)
            yield index + 1, page

    def _pdfium_pages(
        self,
        file: Path,
        options: PdfSettings,
        document: Any,
        stack: contextlib.ExitStack,
        warnings: list[str],
    ) -> Iterator[tuple[int, Any]]:
        """Pages read through pdfium; a page pdfium cannot read is read by pdfplumber, with
        a warning naming why."""
        fallback: Any = None
        with _pdfminer_complaints():  # a loop met opening it is met again on its page
            streams = _ContentStreams(file, options.password, stack)
        budget = _budget(options)
        for index in range(len(document)):
            with _pdfminer_complaints() as complaints:
                descents, oversized = _checked(streams, index, budget, file)
            warnings.extend(_page_problems(index + 1, complaints))
            textless: PdfiumPage | None = None
            if oversized:
                problem = f"a content stream inflates to more than {_CHECKED_BYTES >> 20} MB"
            else:
                try:
                    page = PdfiumPage(document, index, descents, options.max_chars_per_page)
                except OverLimit as exc:
                    raise UnsafeDocumentError(str(exc), file, page=index + 1) from exc
                except Exception as exc:  # pdfium's errors for a page it cannot read
                    problem = _describe(exc)
                else:
                    if page.glyphs:
                        yield index + 1, page
                        continue
                    # pdfium drops the text of a font it cannot load (a broken Type 0 or
                    # Type 3 font) without a word; pdfminer repairs many such fonts. A page
                    # with no text at all (a scan) costs pdfplumber little to look at.
                    textless = page
                    problem = "no text found; its fonts may be ones it cannot load"
            if fallback is None:
                try:
                    fallback = _open_pdfplumber(file, options, stack).pages
                except UnsafeDocumentError as exc:
                    if textless is None:
                        raise
                    # Only a second look at a page pdfium read: what pdfium read stands.
                    fallback = str(exc)
                except Exception as exc:  # pdfminer cannot read it either
                    fallback = _describe(_reason(exc))
            if textless is not None:
                other = (
                    None if isinstance(fallback, str) or index >= len(fallback) else fallback[index]
                )
                if other is None or not _finds_chars(other, index + 1, warnings):
                    if other is not None:
                        other.close()
                    yield index + 1, textless  # neither reader finds text there
                    continue
            if isinstance(fallback, str) or index >= len(fallback):
                warnings.append(
                    f"page {index + 1}: could not be read (pdfium: {problem};"
                    f" pdfplumber: {fallback if isinstance(fallback, str) else 'no such page'})"
                )
                continue
            warnings.append(f"page {index + 1}: read with pdfplumber (pdfium: {problem})")
            yield index + 1, fallback[index]

    def _password_error(self, file: Path, options: PdfSettings) -> EncryptedDocumentError:
        if options.password:
            return EncryptedDocumentError("the PDF is encrypted and the password is wrong", file)
        return EncryptedDocumentError(
            "the PDF is encrypted; give its password with the 'password' setting", file
        )

    def _open_error(self, exc: BaseException, file: Path, options: PdfSettings) -> DocumentError:
        reason = _reason(exc)
        if _is_password_error(reason):
            return self._password_error(file, options)
        if isinstance(reason, MemoryError):
            return _out_of_memory(file)
        if _looks_truncated(file):
            return DocumentError(f"the PDF is truncated or damaged ({_describe(reason)})", file)
        return DocumentError(f"cannot read the PDF ({_describe(reason)})", file)
