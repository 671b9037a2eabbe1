"""The PDF parser's settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..base import ParserSettings

__all__ = ["PdfSettings"]


def _table_items(
    value: Mapping[str, Any] | tuple[tuple[str, Any], ...] | None,
) -> tuple[tuple[str, Any], ...]:
    if value is None:
        return ()
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), v) for k, v in pairs))


def _check_table_settings(
    _: object, __: attrs.Attribute[Any], value: tuple[tuple[str, Any], ...]
) -> None:
    from pdfplumber.table import TableSettings

    # pdfplumber rejects unknown keys and negative tolerances itself; asking it now turns a
    # typo into a SettingsError when the settings are made, not on the first ruled page.
    TableSettings.resolve(dict(value))


def _fraction(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value}")


@attrs.frozen(slots=True)
class PdfSettings(ParserSettings):
    """Settings of the PDF parser.

    Attributes:
        password: Password of an encrypted PDF; ``None`` tries the empty password, which opens
            files that are only restricted (no printing, no copying).
        ruled_tables: Find tables from their ruling lines (pdfplumber's table finder), on pages
            that have lines or rectangles.
        max_stream_bytes: The most bytes one stream that reading text decodes (a page's
            content, a form XObject, a font program or map) may inflate to; a larger one (a
            deflate bomb) is refused with UnsafeDocumentError naming this limit.
        max_document_bytes: The most bytes all those streams together may inflate to (each
            form or font counted once, each page's content each time a page names it); more
            is refused with UnsafeDocumentError naming this limit.
        max_pages: The most pages a document may have; more is refused with
            UnsafeDocumentError naming this limit.
        max_chars_per_page: The most characters one page may have; more is refused with
            UnsafeDocumentError naming this limit (a dense page of small type has about
            10,000).
        max_rules: Pages with more ruling lines and rectangle edges than this (a map, a chart)
            are not searched for ruled tables, which would take long and find none.
        table_settings: pdfplumber table-finder settings for ruled tables, as a mapping
            (``{"snap_tolerance": 4}``); stored as sorted ``(key, value)`` pairs.
        unruled_tables: Find tables without lines from the alignment of their text.
        unruled_min_rows: The fewest text lines with two or more aligned columns that make an
            unruled table.
        word_gap: The horizontal gap between two letters, in font sizes, that separates two
            words where the PDF has no space characters (TeX and some layout programs).
        column_gap: The horizontal gap, in font sizes, that separates two columns of text
            (an unruled table's cells, or the two columns of a page); a word space is about
            0.25.
        join_tables: Join a table that runs onto the next page to its first part when their
            columns line up; a repeated header row is dropped.
        heading_ratio: A line whose font is this many times the body size, or larger, is a
            heading.
        max_heading_words: The most words a heading may have; a longer large-type passage is a
            paragraph.
        paragraph_gap: The vertical gap between two lines, in font sizes, that starts a new
            paragraph.
        dehyphenate: Undo hyphenation at line ends (``reduc-`` / ``tion``); a hyphen is kept
            where the document spells the word with one elsewhere, or the first part is a
            prefix such as ``anti`` or ``co``.
        two_columns: Read pages set in two columns column by column.
        furniture_margin: The bands at the top and bottom of a page, as a fraction of its
            height, where running headers, footers and page numbers are looked for.
        furniture_repeat: The fraction of pages a line must repeat on (and at least two) to be
            taken as a running header or footer.
        backend: ``"pdfplumber"`` reads pages with pdfminer through pdfplumber;
            ``"pdfium"`` reads characters and rules through pdfium (pypdfium2), several
            times faster, and falls back to pdfplumber, with a warning, for a page it
            cannot read. See docs/pdf.md for where the two differ.
    """

    password: str | None = None
    ruled_tables: bool = True
    max_rules: int = attrs.field(default=5000, validator=attrs.validators.ge(0))
    max_stream_bytes: int = attrs.field(default=256 << 20, validator=attrs.validators.ge(1))
    max_document_bytes: int = attrs.field(default=1 << 30, validator=attrs.validators.ge(1))
    max_pages: int = attrs.field(default=10_000, validator=attrs.validators.ge(1))
    max_chars_per_page: int = attrs.field(default=100_000, validator=attrs.validators.ge(1))
    table_settings: tuple[tuple[str, Any], ...] = attrs.field(
        default=(), converter=_table_items, validator=_check_table_settings
    )
    unruled_tables: bool = True
    unruled_min_rows: int = attrs.field(default=2, validator=attrs.validators.ge(2))
    word_gap: float = attrs.field(default=0.2, validator=attrs.validators.gt(0.0))
    column_gap: float = attrs.field(default=1.0, validator=attrs.validators.gt(0.3))
    join_tables: bool = True
    heading_ratio: float = attrs.field(default=1.15, validator=attrs.validators.ge(1.0))
    max_heading_words: int = attrs.field(default=20, validator=attrs.validators.ge(1))
    paragraph_gap: float = attrs.field(default=0.7, validator=attrs.validators.gt(0.0))
    dehyphenate: bool = True
    two_columns: bool = True
    furniture_margin: float = attrs.field(default=0.1, validator=_fraction)
    furniture_repeat: float = attrs.field(default=0.5, validator=_fraction)
    backend: str = attrs.field(
        default="pdfium", validator=attrs.validators.in_(("pdfplumber", "pdfium"))
    )
