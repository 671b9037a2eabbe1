"""Word plans (.docx, .docm) into Documents, as a reader sees them.

The file is opened as a zip only after its directory has passed the size and compression
checks of :class:`DocxSettings`; each XML part is parsed with entity expansion, DTDs and
network access off. The body is read in order (paragraphs and tables interleaved), with
headings from styles and outline levels, Word's automatic list numbering computed from
``numbering.xml``, merged table cells read once, content controls, text boxes, SmartArt
text, chart data, footnotes and endnotes included, and running headers and footers kept apart
in ``Document.furniture``. See ``docs/docx.md`` for the full list.

Source references: body paragraphs (those inside block content controls included) are
numbered 0, 1, 2 ... in order, empty ones too, so an index can be matched to the document;
a text box's blocks carry the index of the paragraph they are anchored in. Tables, nested
ones included, are numbered 0, 1, 2 ... in document order; a cell's ``column`` is its first
grid column, so cells to the right of a horizontally merged cell keep their grid position.
Header and footer blocks are numbered within their own part.

Legacy binary ``.doc`` files and password-protected files (both OLE compound files) are
recognised and refused with a message saying so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree

from ...document import Block, Document
from ...errors import (
    CspplanError,
    DocumentError,
    EncryptedDocumentError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)
from ..base import describe_bytes, file_sha256, read_head, resolve_settings
from .body import BodyReader, clean_line, relocate_note, split_inline_bullets
from .charts import ChartData, chart_data
from .diagrams import diagram_texts
from .numbering import NumberingDefinitions, NumberingState, format_number
from .package import (
    DOCX_MEDIA_TYPE,
    WordPackage,
    classify_ole,
    is_word_zip,
    open_package,
    parse_xml,
    sniff,
)
from .settings import DocxSettings
from .styles import Styles
from .xml import NS_W, W, attr

__all__ = [
    "DocxParser",
    "DocxSettings",
    "clean_line",
    "format_number",
    "package_to_document",
    "split_inline_bullets",
]

_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": NS_W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": _NS_R.encode(),
}
_OLE_READ_LIMIT = 256 << 20


class DocxParser:
    """Parser for Word ``.docx`` and ``.docm`` files (and templates).

    ``.doc`` is claimed only to refuse it clearly: a Word 97-2003 binary file cannot be
    read, and the error says to save it as .docx.
    """

    name: ClassVar[str] = "docx"
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx", ".dotm", ".doc")
    media_type: ClassVar[str] = DOCX_MEDIA_TYPE

    def identify(self, path: Path) -> bool:
        """True for a zip holding ``word/document.xml`` and for an OLE compound file that is
        a legacy Word document or an encrypted Office package. A zip or OLE file named
        ``.docx``, ``.doc`` ... is claimed too, even when damaged, so that it is refused with
        this parser's precise message ("truncated", "password-protected", "legacy .doc")
        rather than a generic "no parser"."""
        kind = sniff(read_head(path, 8))
        named = Path(path).suffix.lower() in self.suffixes
        if kind == "zip":
            return named or is_word_zip(path)
        if kind == "ole":
            if named:
                return True
            try:
                with open(path, "rb") as handle:
                    data = handle.read(_OLE_READ_LIMIT)
            except OSError:
                return False
            return classify_ole(data) is not None
        # An RTF file saved with a Word name would otherwise be read as plain text.
        return kind == "rtf" and named

    def parse(
        self, path: Path, settings: DocxSettings | Mapping[str, Any] | None = None
    ) -> Document:
        """Read a Word file into a Document.

        Raises :class:`~cspplan.errors.DocumentError` for a file that is not a Word document
        or is damaged or truncated, :class:`~cspplan.errors.EncryptedDocumentError` for a
        password-protected one, :class:`~cspplan.errors.UnsafeDocumentError` for a zip bomb
        or a part declaring a DTD, and :class:`~cspplan.errors.UnsupportedFormatError` for a
        legacy .doc or an RTF file; each names the file.
        """
        options = resolve_settings(DocxSettings, settings)
        sha = file_sha256(path)
        _refuse_non_zip(path, options)
        package = open_package(path, options)
        try:
            blocks, furniture, warnings = package_to_document(package)
        except RecursionError as exc:
            raise DocumentError("tables or content controls nested too deeply", path) from exc
        finally:
            package.close()
        return Document(
            path=str(path),
            sha256=sha,
            media_type=package.media_type,
            parser=self.name,
            blocks=tuple(blocks),
            furniture=tuple(furniture),
            page_count=None,
            warnings=tuple(warnings),
        )


def _unsupported(path: str | os.PathLike[str], detail: str) -> UnsupportedFormatError:
    from ..registry import available_formats

    try:
        formats = available_formats()
    except CspplanError:  # pragma: no cover - the registry cannot list entry points
        formats = ("docx",)
    return UnsupportedFormatError(path, formats, detail)


def _refuse_non_zip(path: str | os.PathLike[str], options: DocxSettings) -> None:
    """Raise the right error for anything that is not a zip archive."""
    kind = sniff(read_head(path, 8))
    if kind == "zip":
        return
    suffix = Path(path).suffix.lower()
    if kind == "empty":
        raise DocumentError("empty file (0 bytes), not a Word document", path)
    if kind == "ole":
        try:
            with open(path, "rb") as handle:
                data = handle.read(min(options.max_total_size, _OLE_READ_LIMIT))
        except OSError as exc:
            raise DocumentError(f"cannot read file: {exc.strerror or exc}", path) from exc
        found = classify_ole(data)
        if found == "encrypted":
            raise EncryptedDocumentError(
                "password-protected (encrypted) Office document; open it in Word, remove the"
                " password (File > Info > Protect Document) and save it again",
                path,
            )
        if found == "doc":
            raise _unsupported(path, "legacy .doc (Word 97-2003) is not supported; save as .docx")
        raise DocumentError(
            "an OLE compound file that is not a Word document (an old Excel or Outlook file?)",
            path,
        )
    if kind == "rtf":
        raise _unsupported(path, "an RTF document is not supported; save as .docx")
    if suffix == ".doc":
        raise _unsupported(
            path,
            "legacy .doc is not supported (and this one is not a Word 97-2003 file either);"
            " save as .docx",
        )
    raise DocumentError(
        "not a Word .docx file: it is not a zip archive; it looks like"
        f" {describe_bytes(read_head(path, 4096))}",
        path,
    )


def _word_xml(package: WordPackage, part: str) -> etree._Element:
    data = package.read(part)
    # Strict OOXML uses other namespace names for the same vocabulary.
    for strict, transitional in _STRICT.items():
        if strict in data[:8192]:
            data = data.replace(strict, transitional)
    return parse_xml(data, part, package.path, package.settings.huge_xml)


def _optional_part(
    package: WordPackage, rels: Mapping[str, Any], kind: str, warnings: list[str]
) -> etree._Element | None:
    for rel in rels.values():
        if rel.type.rsplit("/", 1)[-1] == kind and not rel.external and package.has(rel.target):
            try:
                return _word_xml(package, rel.target)
            except UnsafeDocumentError:
                raise
            except DocumentError as exc:
                # Without styles or numbering the text is still readable, only less shaped.
                warnings.append(f"{rel.target} could not be read ({exc.message}); ignored")
                return None
    return None


def _has_part(package: WordPackage, rels: Mapping[str, Any], kind: str) -> bool:
    return any(
        rel.type.rsplit("/", 1)[-1] == kind and not rel.external and package.has(rel.target)
        for rel in rels.values()
    )


def _diagram_reader(
    package: WordPackage, rels: Mapping[str, Any], warnings: list[str]
) -> Callable[[str], list[str]]:
    """A function from a SmartArt data relationship id to the diagram's texts."""
    cache: dict[str, list[str]] = {}

    def read(rel_id: str) -> list[str]:
        if rel_id in cache:
            return cache[rel_id]
        rel = rels.get(rel_id)
        texts: list[str] = []
        if rel is None or rel.external or not package.has(rel.target):
            warnings.append(f"the data of a SmartArt diagram ({rel_id}) is missing; not read")
        else:
            try:
                texts = diagram_texts(package.xml(rel.target))
            except UnsafeDocumentError:
                raise
            except DocumentError as exc:
                warnings.append(f"{rel.target} could not be read ({exc.message}); ignored")
        cache[rel_id] = texts
        return texts

    return read


def _chart_reader(
    package: WordPackage, rels: Mapping[str, Any], warnings: list[str]
) -> Callable[[str], ChartData | None]:
    """A function from a chart's relationship id to its title and cached data."""
    cache: dict[str, ChartData | None] = {}

    def read(rel_id: str) -> ChartData | None:
        if rel_id in cache:
            return cache[rel_id]
        rel = rels.get(rel_id)
        data: ChartData | None = None
        if rel is not None and not rel.external and package.has(rel.target):
            try:
                data = chart_data(package.xml(rel.target))
            except UnsafeDocumentError:
                raise
            except DocumentError as exc:
                warnings.append(f"{rel.target} could not be read ({exc.message}); ignored")
        cache[rel_id] = data
        return data

    return read


def _numbering_styles(styles: Styles) -> dict[str, str]:
    return {
        info.style_id: info.num_id
        for info in styles.by_id.values()
        if info.kind == "numbering" and info.num_id is not None
    }


def package_to_document(package: WordPackage) -> tuple[list[Block], list[Block], list[str]]:
    """Read an opened package: (body blocks, header and footer blocks, warnings)."""
    warnings: list[str] = []
    main = _word_xml(package, package.main_part)
    body = main.find(W.body)
    if body is None:
        raise DocumentError(f"{package.main_part} has no body (w:body)", package.path)
    rels = package.relationships(package.main_part)
    styles_root = _optional_part(package, rels, "styles", warnings)
    # Without the styles part a paragraph's style name is unknown, so a heading made by a
    # style reads as plain text; that matters only where the body uses paragraph styles.
    if (
        styles_root is None
        and not _has_part(package, rels, "styles")
        and body.find(f".//{W.pStyle}") is not None
    ):
        warnings.append(
            "the document has no styles part (word/styles.xml): headings set by paragraph"
            " style could not be read, so priorities and sections may be missing; open"
            " the file in Word and save it again"
        )
    styles = Styles.from_xml(styles_root)
    definitions = NumberingDefinitions.from_xml(
        _optional_part(package, rels, "numbering", warnings), _numbering_styles(styles)
    )
    reader = BodyReader(
        file=package.path,
        styles=styles,
        numbering=NumberingState(definitions),
        settings=package.settings,
        warnings=warnings,
        diagram_text=_diagram_reader(package, rels, warnings),
        chart_data=_chart_reader(package, rels, warnings),
    )
    blocks = reader.read_story(body)
    if package.settings.notes and reader.note_refs:
        blocks.extend(_notes(package, rels, reader, warnings))
    furniture: list[Block] = []
    if package.settings.headers_footers:
        for part in _furniture_parts(body, rels):
            if not package.has(part):
                warnings.append(f"header or footer part {part} is missing; ignored")
                continue
            root = _word_xml(package, part)
            story = BodyReader(
                file=package.path,
                styles=styles,
                numbering=NumberingState(definitions),
                settings=package.settings,
                warnings=warnings,
            )
            furniture.extend(story.read_story(root))
    return blocks, furniture, warnings


def _notes(
    package: WordPackage, rels: Mapping[str, Any], reader: BodyReader, warnings: list[str]
) -> list[Block]:
    """The footnotes and endnotes the body refers to, in the order it refers to them."""
    stories: dict[str, dict[str, etree._Element]] = {}
    for kind in ("footnote", "endnote"):
        root = _optional_part(package, rels, f"{kind}s", warnings)
        stories[kind] = {}
        if root is not None:
            for note in root.iter(getattr(W, kind)):
                note_id = attr(note, W.id)
                if note_id is not None and (attr(note, W.type) or "normal") == "normal":
                    stories[kind].setdefault(note_id, note)
    blocks: list[Block] = []
    seen: set[tuple[str, str]] = set()
    note_reader = BodyReader(
        file=package.path,
        styles=reader.styles,
        numbering=NumberingState(reader.numbering.definitions),
        settings=package.settings,
        warnings=warnings,
    )
    for kind, note_id, where in reader.note_refs:
        story = stories[kind].get(note_id)
        if (kind, note_id) in seen or story is None:
            continue
        seen.add((kind, note_id))
        blocks.extend(relocate_note(b, where) for b in note_reader.read_story(story))
    return blocks


def _furniture_parts(body: etree._Element, rels: Mapping[str, Any]) -> list[str]:
    """Header and footer parts in section order (headers before footers in each section),
    each once, then any the sections do not reference."""
    parts: list[str] = []
    r_id = f"{{{_NS_R}}}id"
    for sect in body.iter(W.sectPr):
        for tag in (W.headerReference, W.footerReference):
            for ref in sect.iter(tag):
                rel = rels.get(attr(ref, r_id) or "")
                if rel is not None and not rel.external and rel.target not in parts:
                    parts.append(rel.target)
    for kind in ("header", "footer"):
        for rel in rels.values():
            if rel.type.rsplit("/", 1)[-1] == kind and not rel.external and rel.target not in parts:
                parts.append(rel.target)
    return parts
