"""Opening a Word file safely: the zip container, its parts and relationships.

Everything here runs before any XML is parsed. The container is sniffed (zip, OLE compound
file, RTF), the zip directory is checked against :class:`~.settings.DocxSettings` limits
(member count, sizes, compression ratio) so that a zip bomb is refused without inflating it,
and each XML part is parsed with a hardened lxml parser (no entities, no DTD, no network, no
huge trees).
"""

from __future__ import annotations

import os
import posixpath
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO

import attrs
from lxml import etree

from ...errors import DocumentError, EncryptedDocumentError, UnsafeDocumentError
from .settings import DocxSettings

__all__ = [
    "OLE_MAGIC",
    "ZIP_MAGIC",
    "WordPackage",
    "classify_ole",
    "ole_stream_names",
    "open_package",
    "parse_xml",
]

ZIP_MAGIC = b"PK\x03\x04"
"""First bytes of a zip archive with at least one member (every .docx)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""First bytes of an OLE compound file: a legacy .doc, or an encrypted .docx."""

_RTF_MAGIC = b"{\\rtf"

NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_MEDIA_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "application/vnd.ms-word.document.macroEnabled.12"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "application/vnd.ms-word.template.macroEnabled.12"
    ),
}
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Other Office formats, named in the error when someone hands us a workbook or a deck.
_OTHER_OFFICE = {
    "xl/workbook.xml": "an Excel workbook",
    "ppt/presentation.xml": "a PowerPoint presentation",
    "content.xml": "an OpenDocument file",
}


def _xml_parser(huge: bool) -> etree.XMLParser:
    # Word never writes a DTD, so nothing legitimate is lost by refusing to load or expand one.
    # huge_tree=False keeps libxml2's depth (256) and text-node (10 MB) limits in force;
    # DocxSettings.huge_xml lifts them for a genuine file (to 2048 levels, and text nodes
    # bounded by the member size limit). Entity amplification stays bounded either way.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_blank_text=False,
    )


_DTD_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
# What libxml2 says when a DTD or the entities it declares are at work: a part that gets
# past the byte checks (an encoding they do not look for) is still refused as unsafe. A bare
# "&" in text ("EntityRef: expecting ';'") is only malformed XML, and stays so.
_ENTITY_ERRORS = (
    "amplification",
    "doctype",
    "dtd",
    "internal subset",
    "entity reference loop",
    "entitydecl",
    "pereference",
)


def _declares_dtd(data: bytes) -> bool:
    # The whole part is searched, not only its start: a DTD can follow a long comment.
    # bytes.find runs at memory speed, so this costs little next to parsing.
    return any(data.find(mark) >= 0 for mark in _DTD_MARKS)


def _limit_error(
    exc: etree.XMLSyntaxError, part: str, path: str | os.PathLike[str]
) -> DocumentError | None:
    """The error in the user's terms for libxml2's resource limits and entity errors, or
    ``None`` for ordinary malformed XML."""
    message = str(exc)
    lowered = message.lower()
    if any(word in lowered for word in _ENTITY_ERRORS):
        return UnsafeDocumentError(
            f"{part} uses entities or a DTD, which Word never writes; refused ({message})", path
        )
    code = getattr(exc, "code", None)  # not in lxml-stubs
    limited = code == etree.ErrorTypes.ERR_RESOURCE_LIMIT or "XML_PARSE_HUGE" in message
    if not limited:
        return None
    if "depth" in lowered:
        what = (
            "nests elements more than 256 levels deep (tables inside tables, or content"
            " controls, nested very deeply)"
        )
    elif "text node" in lowered or "huge" in lowered:
        what = "holds a single run of text longer than 10 MB"
    else:
        what = f"is beyond the XML parser's limits ({message})"
    return UnsafeDocumentError(
        f"{part} {what}; refused, since no plan written in Word needs that. If the file is"
        " genuine, read it with the Word setting huge_xml=True (DocxSettings), which allows"
        " 2048 levels and text up to the part size limit",
        path,
    )


def parse_xml(
    data: bytes, part: str, path: str | os.PathLike[str], huge: bool = False
) -> etree._Element:
    """Parse one XML part with entity expansion, DTDs and network access off.

    A part that declares a DTD is refused (:class:`UnsafeDocumentError`): Office never writes
    one, and a DTD is how entity-expansion ("billion laughs") and external-entity attacks
    start. A part beyond libxml2's depth or text-node limits is refused with
    :class:`UnsafeDocumentError` naming the limit and the setting that lifts it (``huge``,
    :attr:`DocxSettings.huge_xml`). Malformed XML raises :class:`DocumentError` naming the
    part.
    """
    if _declares_dtd(data):
        raise UnsafeDocumentError(
            f"{part} declares a DTD or entities, which Word never writes; refused", path
        )
    try:
        root = etree.fromstring(data, parser=_xml_parser(huge))
    except etree.XMLSyntaxError as exc:
        raise (_limit_error(exc, part, path) or _malformed(exc, part, path)) from exc
    if root is None:
        raise DocumentError(f"empty XML part {part}", path)
    doctype = getattr(root.getroottree().docinfo, "doctype", "")  # not in lxml-stubs
    if doctype:
        # Caught here too for encodings the byte check above cannot see (UTF-32, EBCDIC).
        raise UnsafeDocumentError(f"{part} declares a DTD, which Word never writes; refused", path)
    return root


def _malformed(exc: etree.XMLSyntaxError, part: str, path: str | os.PathLike[str]) -> DocumentError:
    return DocumentError(f"malformed XML in {part}: {exc}", path)


# --- OLE compound files -------------------------------------------------------------------

_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE


def ole_stream_names(data: bytes) -> frozenset[str]:
    """Names of the streams and storages in an OLE compound file's directory.

    Only the directory is read (header, FAT, directory chain), with every chain bounded by
    the file's size, so a damaged or hostile file cannot loop. Returns an empty set where the
    header is not that of a compound file.
    """
    if len(data) < 512 or not data.startswith(OLE_MAGIC):
        return frozenset()
    sector_shift = struct.unpack_from("<H", data, 30)[0]
    if sector_shift not in (9, 12):
        return frozenset()
    sector_size = 1 << sector_shift
    fat_sector_count, first_dir = struct.unpack_from("<II", data, 44)[0:2]
    first_difat, difat_count = struct.unpack_from("<II", data, 68)
    max_sectors = len(data) // sector_size + 1

    def sector(index: int) -> bytes:
        start = 512 + index * sector_size if sector_shift == 9 else (index + 1) * sector_size
        return data[start : start + sector_size]

    difat = [v for v in struct.unpack_from("<109I", data, 76) if v < _ENDOFCHAIN]
    next_difat, seen = first_difat, 0
    while next_difat < _ENDOFCHAIN and seen < min(difat_count, max_sectors):
        block = sector(next_difat)
        if len(block) < sector_size:
            break
        values = struct.unpack(f"<{sector_size // 4}I", block)
        difat.extend(v for v in values[:-1] if v < _ENDOFCHAIN)
        next_difat, seen = values[-1], seen + 1
    fat: list[int] = []
    for index in difat[: max(fat_sector_count, 0) or len(difat)]:
        block = sector(index)
        if len(block) == sector_size:
            fat.extend(struct.unpack(f"<{sector_size // 4}I", block))
    names: set[str] = set()
    current, steps = first_dir, 0
    while current < _ENDOFCHAIN and steps < max_sectors:
        block = sector(current)
        for offset in range(0, len(block) - 127, 128):
            length = struct.unpack_from("<H", block, offset + 64)[0]
            kind = block[offset + 66]
            if kind in (1, 2, 5) and 2 <= length <= 64:
                raw = block[offset : offset + length - 2]
                names.add(raw.decode("utf-16-le", errors="replace"))
        if current >= len(fat):
            break
        current, steps = fat[current], steps + 1
    return frozenset(names)


def classify_ole(data: bytes) -> str | None:
    """What an OLE compound file holds, for the error message: ``"encrypted"`` (an encrypted
    OOXML package: a password-protected .docx), ``"doc"`` (a Word 97-2003 document), or
    ``None`` for anything else (a workbook, a message, a damaged file)."""
    names = ole_stream_names(data)
    if not names:
        # A directory we could not walk: fall back on the UTF-16 stream names themselves.
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        return None
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return "encrypted"
    if "WordDocument" in names:
        return "doc"
    return None


# --- the zip package ------------------------------------------------------------------------


def check_zip_limits(
    infos: list[zipfile.ZipInfo], settings: DocxSettings, path: str | os.PathLike[str]
) -> None:
    """Refuse an archive whose directory announces more than the settings allow: too many
    members, a member or a total too large once inflated, or a compression ratio no Word
    file has. Runs on the zip directory only, before any member is inflated."""
    if len(infos) > settings.max_members:
        raise UnsafeDocumentError(
            f"the zip holds {len(infos)} members (limit {settings.max_members}); refused", path
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(
                f"zip member {info.filename} is encrypted; remove the password and save again",
                path,
            )
        if info.file_size > settings.max_member_size:
            raise UnsafeDocumentError(
                f"zip member {info.filename} inflates to {info.file_size} bytes"
                f" (limit {settings.max_member_size}); refused as a possible zip bomb",
                path,
            )
        total += info.file_size
        if info.file_size >= settings.ratio_threshold:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > settings.max_compression_ratio:
                raise UnsafeDocumentError(
                    f"zip member {info.filename} is compressed {ratio:.0f} to 1"
                    f" (limit {settings.max_compression_ratio:g}); refused as a possible zip bomb",
                    path,
                )
    if total > settings.max_total_size:
        raise UnsafeDocumentError(
            f"the zip inflates to {total} bytes in all (limit {settings.max_total_size});"
            " refused as a possible zip bomb",
            path,
        )


@attrs.frozen(slots=True)
class Relationship:
    """One relationship of a part.

    Attributes:
        id: The relationship id (``rId3``).
        type: The relationship type URI.
        target: The target part's name inside the zip (resolved), or the external URI.
        external: True where the target is outside the package (a hyperlink).
    """

    id: str
    type: str
    target: str
    external: bool = False


@attrs.define(slots=True)
class WordPackage:
    """An opened, size-checked Word package.

    Attributes:
        path: The file's path as given.
        archive: The open zip archive.
        settings: The limits and options in force.
        main_part: Name of the main document part (``word/document.xml``).
        media_type: The file's media type, from the main part's content type.
    """

    path: str
    archive: zipfile.ZipFile
    settings: DocxSettings
    main_part: str
    media_type: str

    def has(self, part: str) -> bool:
        """True where the package holds the part."""
        return _member(self.archive, part) is not None

    def read(self, part: str) -> bytes:
        """A part's bytes, read with the size limit enforced while inflating."""
        info = _member(self.archive, part)
        if info is None:
            raise DocumentError(f"the package has no part {part}", self.path)
        return _read_member(self.archive, info, self.settings, self.path)

    def xml(self, part: str) -> etree._Element:
        """A part parsed as XML with the hardened parser."""
        return parse_xml(self.read(part), part, self.path, self.settings.huge_xml)

    def relationships(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` by id (empty where it has none)."""
        return _relationships(self, part)

    def close(self) -> None:
        """Close the archive."""
        self.archive.close()


def _member(archive: zipfile.ZipFile, part: str) -> zipfile.ZipInfo | None:
    try:
        return archive.getinfo(part)
    except KeyError:
        # Part names are case-insensitive in OPC; a few writers capitalise them differently.
        lowered = part.lower()
        for info in archive.infolist():
            if info.filename.lower() == lowered:
                return info
        return None


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    settings: DocxSettings,
    path: str | os.PathLike[str],
) -> bytes:
    limit = min(settings.max_member_size, max(info.file_size, 0))
    try:
        with archive.open(info) as handle:
            data = _bounded_read(handle, limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise DocumentError(
            f"damaged or truncated file: cannot inflate {info.filename} ({exc})", path
        ) from exc
    except NotImplementedError as exc:
        raise DocumentError(f"cannot inflate {info.filename}: {exc}", path) from exc
    if len(data) > limit:
        raise UnsafeDocumentError(
            f"zip member {info.filename} inflates beyond its declared size; refused", path
        )
    return data


def _bounded_read(handle: IO[bytes], limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = handle.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve_target(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    folder = posixpath.dirname(source_part)
    return posixpath.normpath(posixpath.join(folder, target))


def _relationships(package: WordPackage, part: str) -> dict[str, Relationship]:
    name = "_rels/.rels" if part == "" else _rels_name(part)
    if not package.has(name):
        return {}
    root = package.xml(name)
    found: dict[str, Relationship] = {}
    for rel in root.iter(f"{{{NS_REL}}}Relationship"):
        rel_id = rel.get("Id") or ""
        target = rel.get("Target") or ""
        external = (rel.get("TargetMode") or "").lower() == "external"
        found[rel_id] = Relationship(
            id=rel_id,
            type=rel.get("Type") or "",
            target=target if external else _resolve_target(part, target),
            external=external,
        )
    return found


def _content_types(package: WordPackage) -> dict[str, str]:
    if not package.has("[Content_Types].xml"):
        return {}
    root = package.xml("[Content_Types].xml")
    types: dict[str, str] = {}
    for override in root.iter(f"{{{NS_CT}}}Override"):
        name = (override.get("PartName") or "").lstrip("/")
        types[name.lower()] = override.get("ContentType") or ""
    return types


def _find_main_part(package: WordPackage) -> str | None:
    for rel in _relationships(package, "").values():
        if rel.type in _REL_OFFICE_DOCUMENT and not rel.external and package.has(rel.target):
            return rel.target
    return "word/document.xml" if package.has("word/document.xml") else None


def sniff(head: bytes) -> str:
    """The container kind from a file's first bytes: ``"zip"``, ``"ole"``, ``"rtf"``,
    ``"empty"`` or ``"other"``."""
    if not head:
        return "empty"
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(_RTF_MAGIC):
        return "rtf"
    return "other"


def is_word_zip(path: Path) -> bool:
    """True where the file is a zip archive holding a Word main document part; reads only
    the zip directory."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.lower() for n in archive.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "word/document.xml" in names


def open_package(path: str | os.PathLike[str], settings: DocxSettings) -> WordPackage:
    """Open a .docx after checking its zip directory against the settings' limits.

    The caller has already sniffed the file as a zip. Raises :class:`DocumentError` for a
    truncated or damaged zip and for a zip that is not a Word document,
    :class:`UnsafeDocumentError` for a zip bomb and :class:`EncryptedDocumentError` for
    encrypted members.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise DocumentError(
            f"damaged or truncated .docx: its zip directory cannot be read ({exc})", path
        ) from exc
    except (OSError, ValueError) as exc:
        raise DocumentError(f"cannot open as a zip archive: {exc}", path) from exc
    try:
        check_zip_limits(archive.infolist(), settings, path)
        package = WordPackage(
            path=os.fspath(path),
            archive=archive,
            settings=settings,
            main_part="",
            media_type=DOCX_MEDIA_TYPE,
        )
        main = _find_main_part(package)
        if main is None:
            names = {n.lower() for n in archive.namelist()}
            kind = next((label for part, label in _OTHER_OFFICE.items() if part in names), None)
            what = f"it looks like {kind}" if kind else "it has no word/document.xml"
            raise DocumentError(f"a zip archive but not a Word document: {what}", path)
        content_type = _content_types(package).get(main.lower(), "")
        if content_type and content_type not in _WORD_MAIN_TYPES and main != "word/document.xml":
            raise DocumentError(
                f"a zip archive but not a Word document: {main} is {content_type}", path
            )
        package.main_part = main
        package.media_type = _MEDIA_TYPES.get(content_type, DOCX_MEDIA_TYPE)
        return package
    except BaseException:
        archive.close()
        raise
