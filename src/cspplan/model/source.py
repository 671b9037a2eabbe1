"""Where an extracted object came from."""

from __future__ import annotations

import attrs

__all__ = ["DocumentSource", "SourceRef"]


@attrs.frozen(slots=True)
class SourceRef:
    """A place in a source document.

    Every block a parser produces and every object a recogniser extracts carries one, so an
    auditor can go from a finding to the page, paragraph or table row it is about. Only the
    fields that make sense for the format are set: a text file has lines, a Word file
    paragraphs, a PDF pages and boxes.

    The indices are 0-based, as code counts; :meth:`location` writes them for people,
    counting paragraphs, tables, rows and columns from 1 as a reader of the document does
    (``table=0, row=3`` is "table 1, row 4"). Pages and lines are 1-based throughout.

    Attributes:
        file: Path of the source file as it was given to the parser.
        page: 1-based page number (PDF).
        line: 1-based first line (text formats).
        end_line: 1-based last line, where the object spans several lines.
        paragraph: 0-based index of the paragraph in the document body (Word).
        table: 0-based index of the table in the document.
        row: 0-based row index within ``table``.
        column: 0-based column index within ``row``.
        bbox: ``(x0, top, x1, bottom)`` in PDF points from the page's top-left corner.
    """

    file: str | None = None
    page: int | None = None
    line: int | None = None
    end_line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def location(self) -> str:
        """The place without the file, for people: ``page 3, table 2, row 4``, every part
        counted from 1 (the 0-based paragraph, table, row and column indices plus one)."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            span = f"-{self.end_line}" if self.end_line not in (None, self.line) else ""
            parts.append(f"line {self.line}{span}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph + 1}")
        if self.table is not None:
            parts.append(f"table {self.table + 1}")
        if self.row is not None:
            parts.append(f"row {self.row + 1}")
        if self.column is not None:
            parts.append(f"column {self.column + 1}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        if self.file and where:
            return f"{self.file}: {where}"
        return self.file or where


@attrs.frozen(slots=True)
class DocumentSource:
    """The file a plan was read from.

    Attributes:
        path: Path of the file as given.
        sha256: Hex SHA-256 of the file's bytes, so a plan can be matched to its source.
        media_type: IANA media type, e.g. ``application/pdf``.
        parser: Name of the parser that read it (``text``, ``docx``, ``pdf`` or a plugin's).
        page_count: Number of pages, where the format has pages.
    """

    path: str
    sha256: str
    media_type: str
    parser: str
    page_count: int | None = None
