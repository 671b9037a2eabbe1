"""The PDF parser: opening the file, reading pages one by one, reporting bad input."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from ...document import Document
from ...errors import DocumentError, EncryptedDocumentError
from ..base import file_sha256, resolve_settings
from .assemble import assemble
from .page import PageContent, compact_page, read_page
from .settings import PdfSettings

__all__ = ["PdfParser"]

_MAGIC = b"%PDF-"
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


class PdfParser:
    """Parser for ``.pdf`` plans (pdfplumber)."""

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
        import pdfplumber

        options = resolve_settings(PdfSettings, settings)
        file = Path(path)
        sha = file_sha256(file)
        if not self.identify(file):
            raise DocumentError("not a PDF file (no %PDF- header)", path)
        warnings: list[str] = []
        pages: list[PageContent] = []
        shared: dict[Any, Any] = {}
        try:
            pdf = pdfplumber.open(file, password=options.password or "")
        except Exception as exc:  # pdfminer raises many unrelated types for a bad file
            raise self._open_error(exc, file, options) from exc
        with pdf:
            try:
                page_list = pdf.pages
            except Exception as exc:
                raise self._open_error(exc, file, options) from exc
            count = len(page_list)
            for number, page in enumerate(page_list, start=1):
                try:
                    with _pdfminer_complaints() as complaints:
                        content = read_page(page, number, options)
                    warnings.extend(
                        f"page {number}: problem reading the page, some content may be missing"
                        f" ({text})"
                        for text in sorted(set(complaints))
                    )
                except Exception as exc:  # one bad page must not lose the others
                    reason = _reason(exc)
                    if _is_password_error(reason):
                        raise self._open_error(exc, file, options) from exc
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

    def _open_error(self, exc: BaseException, file: Path, options: PdfSettings) -> DocumentError:
        reason = _reason(exc)
        if _is_password_error(reason):
            if options.password:
                return EncryptedDocumentError(
                    "the PDF is encrypted and the password is wrong", file
                )
            return EncryptedDocumentError(
                "the PDF is encrypted; give its password with the 'password' setting", file
            )
        if _looks_truncated(file):
            return DocumentError(f"the PDF is truncated or damaged ({_describe(reason)})", file)
        return DocumentError(f"cannot read the PDF ({_describe(reason)})", file)
