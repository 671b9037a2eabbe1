"""Plans held as plain text or markdown.

Tab-separated lines are table rows (as word processors and PDF converters export tables);
markdown pipe tables are read too. HTML fragments inside cells (``<p>``, ``<ul><li>``,
``<b>``, ``&amp;``) become the cell's lines. Markdown headings (``#``), bold-only lines and
bullets are recognised, and a short stand-alone line that reads like a title is taken as a
heading. Source references are 1-based line numbers.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

import attrs

from ..deadline import check_deadline
from ..document import Block, Cell, Document, Heading, ListItem, Paragraph, Row, Table
from ..errors import DocumentError, UnsafeDocumentError
from ..model.source import SourceRef
from ..text.patterns import IGNORECASE, escape, lazy
from .base import ParserSettings, describe_bytes, file_sha256, resolve_settings

__all__ = [
    "MAX_CELLS",
    "TextParser",
    "TextSettings",
    "cell_lines",
    "clean_inline",
    "text_to_blocks",
]

BULLETS = "-*•§❖▪●◦·‣⁃■□➢➤✓✔"
"""Characters that start a bulleted line."""

_HEADING = lazy(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = lazy(r"^(\s*)([" + escape(BULLETS) + r"])\s+(.*)$")
# Possessive: giving back a ".1" never lets the rest match (a digit follows the mark it
# would free), and the ``regex`` engine backtracks through a long "1.1.1..." slowly.
_NUMBERED = lazy(
    r"^(\s*)(\d{1,3}(?:\.\d{1,3})*+[.)]|\d{1,3}\.\d{1,3}|[a-z][.)]|[ivx]{1,5}[.)])\s+(\S.*)$"
)
_SEPARATOR_CELL = lazy(r"^\s*:?-{2,}:?\s*$")
_TAG = lazy(r"<[^<>]{0,2000}>")
_BREAK_TAG = lazy(r"<\s*(?:/?p|br|/?li|/?ul|/?ol|/?div|/?tr)\b[^<>]{0,2000}>", IGNORECASE)
_LINK = lazy(r"\[([^\[\]]{0,2000})\]\([^()\s]{0,2000}\)")
# The emphasised text may not hold the marker character, so each attempt stops at the next
# '*' or '_': a line full of markers is scanned in linear time, never re-read from each one.
_EMPHASIS = lazy(
    r"(\*{1,3})(?=[^*\s])([^*]{1,2000}?)(?<=\S)\1|(_{2,3})(?=[^_\s])([^_]{1,2000}?)(?<=\S)\3"
)
_INLINE_BULLET = lazy(r"\s*[•▪●◦■➢➤]\s+")
_BOLD_LINE = lazy(r"^\s*(\*{2,3}|_{2,3})(.+?)\1\s*$")
_SENTENCE_END = lazy(r"[.;,]\s*$")


@attrs.frozen(slots=True)
class TextSettings(ParserSettings):
    """Settings of the text parser.

    Attributes:
        encoding: Encoding to decode with; ``None`` tries UTF-8, then Windows-1252.
        infer_headings: Take a short stand-alone line that reads like a title as a heading.
        max_heading_words: The most words such a line may have.
        max_size: The largest file read, in bytes; a larger one is refused with
            :class:`~cspplan.errors.UnsafeDocumentError` (raise it to read one).
    """

    encoding: str | None = None
    infer_headings: bool = True
    max_heading_words: int = attrs.field(default=12, validator=attrs.validators.ge(1))
    max_size: int = attrs.field(default=64 << 20, validator=attrs.validators.ge(1))


class TextParser:
    """Parser for ``.txt`` and ``.md`` plans."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text", ".md", ".markdown")
    media_type: ClassVar[str] = "text/plain"

    def identify(self, path: Path) -> bool:
        """True for a file without a suffix whose start decodes as text and holds no NUL
        byte. A file with some other suffix (``.toml``, ``.html``, ``.csv``) is not claimed
        by sniffing: it is text but not a plan, and ``format="text"`` reads it anyway."""
        if Path(path).suffix:
            return False
        try:
            with open(path, "rb") as handle:
                head = handle.read(4096)
        except OSError:
            return False
        if b"\x00" in head:
            return False
        try:
            decoded = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut by the 4096-byte window is still UTF-8; anything
            # else may be an older Windows-1252 export, judged by its control characters.
            if exc.start >= len(head) - 4:
                decoded = head[: exc.start].decode("utf-8")
            else:
                decoded = head.decode("cp1252", errors="replace")
        controls = sum(1 for ch in decoded if ord(ch) < 32 and ch not in "\t\n\r\f")
        return controls <= len(decoded) // 100

    def parse(
        self, path: Path, settings: TextSettings | Mapping[str, Any] | None = None
    ) -> Document:
        """Read a text or markdown file into a Document."""
        options = resolve_settings(TextSettings, settings)
        sha = file_sha256(path)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(options.max_size + 1)
        except OSError as exc:
            raise DocumentError(f"cannot read file: {exc.strerror or exc}", path) from exc
        if len(raw) > options.max_size:
            raise UnsafeDocumentError(
                f"larger than the text size limit (max_size={options.max_size} bytes);"
                " raise TextSettings.max_size to read it",
                path,
            )
        if b"\x00" in raw:
            raise DocumentError(
                "not a text file (it contains NUL bytes): it looks like"
                f" {describe_bytes(raw[:4096])}",
                path,
            )
        text = _decode(raw, options.encoding, path)
        blocks = tuple(text_to_blocks(text, str(path), options))
        media = (
            "text/markdown" if Path(path).suffix.lower() in (".md", ".markdown") else "text/plain"
        )
        return Document(
            path=str(path), sha256=sha, media_type=media, parser=self.name, blocks=blocks
        )


def _decode(raw: bytes, encoding: str | None, path: Path) -> str:
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DocumentError(f"cannot decode as {encoding}: {exc}", path) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older plans exported on Windows are commonly cp1252; it maps almost every byte.
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"not UTF-8 or Windows-1252 text: {exc}", path) from exc


def clean_inline(text: str) -> str:
    """Remove inline markup from a line: HTML tags and entities, markdown links and emphasis,
    and runs of white space."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    text = text.replace("\u00a0", " ")
    return " ".join(text.split())


def cell_lines(raw: str) -> tuple[str, ...]:
    """Split a cell's raw text into lines: HTML block tags and inline bullets start new lines;
    the bullet is kept at the start of its line."""
    pieces = _BREAK_TAG.sub("\n", raw).split("\n")
    lines: list[str] = []
    for piece in pieces:
        parts = _INLINE_BULLET.split(piece)
        for index, part in enumerate(parts):
            cleaned = clean_inline(part)
            if not cleaned:
                continue
            lines.append(cleaned if index == 0 else f"• {cleaned}")
    return tuple(lines)


MAX_CELLS = 200
"""Tab-separated lines with more cells than this are read as text, not as a table row: no
plan's table is that wide, and such a line is a damaged export or hostile input."""


def _is_table_line(line: str) -> bool:
    if "\t" in line:
        return line.count("\t") < MAX_CELLS
    stripped = line.strip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|")


def _split_cells(line: str) -> list[str]:
    stripped = line.strip()
    if "\t" not in line and stripped.startswith("|") and stripped.endswith("|"):
        return [c for c in stripped[1:-1].split("|")]
    return line.rstrip("\r\n").split("\t")


def _looks_like_heading(text: str, options: TextSettings) -> bool:
    words = text.split()
    if not words or len(words) > options.max_heading_words or len(text) > 120:
        return False
    if _SENTENCE_END.search(text) or text.endswith(":"):
        return False
    first = words[0]
    if not (first[0].isupper() or first[0].isdigit()):
        return False
    # A title has few lower-case function words; a sentence fragment has verbs and
    # lower-case words throughout. Count capitalised words against the rest.
    minor = {
        "and",
        "of",
        "the",
        "for",
        "in",
        "to",
        "a",
        "an",
        "on",
        "with",
        "&",
        "-",
        "–",
        "by",
        "at",
    }
    significant = [w for w in words if w.lower() not in minor]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return capitalised / len(significant) >= 0.6


def text_to_blocks(
    text: str, file: str | None = None, options: TextSettings | None = None
) -> Iterator[Block]:
    """Turn the text of a plan into blocks; ``file`` is recorded in each source reference."""
    options = options or TextSettings()
    lines = text.splitlines()
    table_index = 0
    pending: list[tuple[int, str]] = []  # lines of the paragraph being gathered
    i = 0

    def flush() -> Iterator[Block]:
        if not pending:
            return
        first, last = pending[0][0], pending[-1][0]
        joined = "\n".join(clean_inline(t) for _, t in pending if clean_inline(t))
        pending.clear()
        if not joined:
            return
        source = SourceRef(file=file, line=first, end_line=last)
        single = joined.replace("\n", " ")
        if options.infer_headings and "\n" not in joined and _looks_like_heading(single, options):
            level = 2 if single.isupper() else 3
            yield Heading(text=single, level=level, source=source)
        else:
            yield Paragraph(text=single if "\n" not in joined else joined, source=source)

    while i < len(lines):
        check_deadline()
        line = lines[i]
        number = i + 1
        stripped = line.strip()
        if not stripped:
            yield from flush()
            i += 1
            continue
        if _is_table_line(line):
            yield from flush()
            rows: list[Row] = []
            start = number
            while i < len(lines) and _is_table_line(lines[i]):
                check_deadline()
                raw_cells = _split_cells(lines[i])
                if all(_SEPARATOR_CELL.match(c) or not c.strip() for c in raw_cells):
                    if len(rows) >= 2:
                        # Under a header row a rule is markdown syntax; further down it is
                        # where a converter marked a page break, so the table is cut there
                        # and the recognisers decide whether it continues.
                        break
                    i += 1
                    continue
                row_index = len(rows)
                cells = tuple(
                    Cell(
                        lines=cell_lines(raw),
                        source=SourceRef(
                            file=file, line=i + 1, table=table_index, row=row_index, column=col
                        ),
                    )
                    for col, raw in enumerate(raw_cells)
                )
                rows.append(
                    Row(
                        cells=cells,
                        source=SourceRef(file=file, line=i + 1, table=table_index, row=row_index),
                    )
                )
                i += 1
            if rows:
                yield Table(
                    rows=tuple(rows),
                    source=SourceRef(file=file, line=start, end_line=i, table=table_index),
                )
                table_index += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            yield from flush()
            title = clean_inline(heading.group(2))
            if title:
                yield Heading(
                    text=title,
                    level=len(heading.group(1)),
                    source=SourceRef(file=file, line=number),
                )
            i += 1
            continue
        bold = _gather_bold(lines, i)
        if bold is not None:
            yield from flush()
            end, title = bold
            if title:
                yield Heading(
                    text=title, level=2, source=SourceRef(file=file, line=number, end_line=end + 1)
                )
            i = end + 1
            continue
        bullet = _BULLET.match(line) or _NUMBERED.match(line)
        if bullet and not (bullet.group(2) in "-*" and _is_rule(stripped)):
            yield from flush()
            indent, marker, rest = bullet.groups()
            # A nested marker ("- § item") is how converters write a styled bullet: the inner
            # glyph is the one the reader saw.
            inner = _BULLET.match(rest)
            if inner and marker in "-*":
                marker, rest = inner.group(2), inner.group(3)
            level = len(indent.expandtabs(4)) // 2
            item = clean_inline(rest)
            if item:
                yield ListItem(
                    text=item, level=level, marker=marker, source=SourceRef(file=file, line=number)
                )
            i += 1
            continue
        pending.append((number, line))
        i += 1
    yield from flush()


def _is_rule(stripped: str) -> bool:
    return len(set(stripped.replace(" ", ""))) == 1 and len(stripped) >= 3


def _gather_bold(lines: list[str], i: int) -> tuple[int, str] | None:
    """A bold-only line, or a bold run over several hard-broken lines: (last index, text)."""
    match = _BOLD_LINE.match(lines[i])
    if match:
        return i, clean_inline(match.group(2))
    first = lines[i].strip()
    opener = next((m for m in ("***", "**", "___", "__") if first.startswith(m)), None)
    if opener is None or opener in first[len(opener) :]:
        return None
    parts = [first[len(opener) :]]
    for j in range(i + 1, min(i + 8, len(lines))):
        current = lines[j].strip()
        if not current:
            return None
        if opener in current:
            head, _, tail = current.partition(opener)
            if tail.strip():
                return None
            parts.append(head)
            return j, clean_inline(" ".join(parts))
        parts.append(current)
    return None
