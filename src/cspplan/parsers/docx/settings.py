"""The Word parser's settings."""

from __future__ import annotations

import attrs

from ..base import ParserSettings

__all__ = ["DocxSettings"]

_MIB = 1 << 20


@attrs.frozen(slots=True)
class DocxSettings(ParserSettings):
    """Settings of the Word parser, resolved with :func:`~cspplan.parsers.base.resolve_settings`.

    The size limits are checked against the zip directory before anything is inflated (and
    again while inflating, since a directory can lie). Real plans are far inside them: a
    100-page plan with pictures is a few megabytes, its ``document.xml`` compresses 5 to 20
    times.

    Attributes:
        max_members: The most files the zip may hold.
        max_member_size: The most bytes any one member may inflate to.
        max_total_size: The most bytes all members together may inflate to.
        max_compression_ratio: The highest inflated-to-compressed ratio allowed for a member
            of at least ``ratio_threshold`` bytes.
        ratio_threshold: Members smaller than this are not held to the ratio (tiny files
            compress oddly and cannot exhaust anything).
        headers_footers: Read running headers and footers into ``Document.furniture``.
        notes: Read footnotes and endnotes, appended after the body in the order the body
            refers to them, each located at the paragraph or cell that refers to it.
        split_inline_bullets: Split a table cell line at bullets typed inside it
            (``"• one • two"``), as lists pasted into Word as text often are.
        tab_tables: Read two or more consecutive one-line paragraphs whose words are laid out
            in columns with tabs as a table (one row per paragraph), as the text parser
            reads tab-separated lines.
        typed_markers: Take a body paragraph that starts with a typed bullet or number
            (``"• "``, ``"1.2 "``, ``"a) "``) as a list item with that marker.
        skip_toc: Leave out table-of-contents entries (paragraphs in Word's ``TOC`` styles),
            which repeat the headings with page numbers.
        skip_placeholders: Leave out the grey placeholder text of empty content controls
            ("Click or tap here to enter text.").
        max_table_cells: The most table cells the document's body may hold, nested tables
            included; a document with more is refused with
            :class:`~cspplan.errors.UnsafeDocumentError` (a 200,000-row table takes minutes
            and gigabytes to read, and no plan has one).
        huge_xml: Lift the XML parser's limits on nesting depth (256 levels, to 2048) and
            on the length of one text node (10 MB, to the part size limit), for a genuine
            file refused for them. DTDs and entities stay refused.
    """

    max_members: int = attrs.field(default=5000, validator=attrs.validators.ge(1))
    max_member_size: int = attrs.field(default=256 * _MIB, validator=attrs.validators.ge(1))
    max_total_size: int = attrs.field(default=1024 * _MIB, validator=attrs.validators.ge(1))
    max_compression_ratio: float = attrs.field(default=100.0, validator=attrs.validators.gt(1))
    ratio_threshold: int = attrs.field(default=_MIB, validator=attrs.validators.ge(0))
    headers_footers: bool = True
    notes: bool = True
    split_inline_bullets: bool = True
    tab_tables: bool = True
    typed_markers: bool = True
    skip_toc: bool = True
    skip_placeholders: bool = True
    max_table_cells: int = attrs.field(default=100_000, validator=attrs.validators.ge(1))
    huge_xml: bool = False
