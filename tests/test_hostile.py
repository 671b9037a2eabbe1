"""Hostile files: truncated and corrupted PDF and Word files, zip bombs, XML entity expansion,
a 5 MB single line, deeply nested tables.

Every file is built here at test time. Each is loaded with :func:`cspplan.load` in a child
process with a time and memory limit, so a parser that hangs or exhausts memory fails its
test instead of the test run. The outcome must be a plan or a :mod:`cspplan.errors` error
whose message names the file; never another exception, a hang or a crash. Finally the whole
set goes through :func:`cspplan.batch.convert`, which must finish and record every file.
"""

from __future__ import annotations

import importlib
import io
import multiprocessing
import random
import resource
import struct
import time
import zipfile
import zlib
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for_ready
from pathlib import Path
from typing import Any

import attrs
import pytest

from cspplan import errors
from cspplan.batch import convert

TIME_LIMIT = 20.0
MEMORY_LIMIT = 3 * 1024**3
GIB = 1024**3
ERROR_NAMES = set(errors.__all__)


def parser_available(name: str) -> bool:
    """True where ``cspplan.parsers.<name>`` imports (the PDF and Word parsers may not yet)."""
    if name == "text":
        return True
    try:
        importlib.import_module(f"cspplan.parsers.{name}")
    except ImportError:
        return False
    return True


# --- building the files -------------------------------------------------------------------


def plan_pdf(path: Path, pages: int = 2, encrypt: Any = None) -> None:
    """A small plan PDF: a heading, prose and a ruled action table on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 15)
        pdf.drawString(56, 790, f"Priority {page}: Safer Evenings in Millbrook")
        pdf.setFont("Helvetica", 10)
        pdf.drawString(56, 765, f"We will reduce night-time violence by {5 + page}% by March 2027.")
        rows = [
            ("Ref", "Action", "Lead", "Timescale"),
            (f"{page}.1", "Street marshals on Friday nights", "Licensing Officer", "June 2025"),
            (f"{page}.2", "Taxi marshal at the rank", "Transport Lead", "Ongoing"),
        ]
        widths = (40, 230, 120, 80)
        top = 740
        for index, row in enumerate(rows):
            x = 56
            y = top - index * 20
            for width, text in zip(widths, row, strict=True):
                pdf.rect(x, y - 20, width, 20)
                pdf.drawString(x + 3, y - 14, text)
                x += width
        pdf.showPage()
    pdf.save()


def plan_docx(path: Path, paragraph: str | None = None) -> None:
    """A small plan in Word: a title, a heading, prose and an action table."""
    import docx

    document = docx.Document()
    document.add_heading("Millbrook Community Safety Partnership Plan 2025 – 2028", 0)
    document.add_heading("Priority 1: Safer Evenings", 1)
    document.add_paragraph(paragraph or "We will reduce night-time violence by 6% by March 2027.")
    table = document.add_table(rows=3, cols=4)
    cells = [
        ("Ref", "Action", "Lead", "Timescale"),
        ("1.1", "Street marshals on Friday nights", "Licensing Officer", "June 2025"),
        ("1.2", "Taxi marshal at the rank", "Transport Lead", "Ongoing"),
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))


def nested_tables_docx(path: Path, depth: int) -> None:
    """A Word file whose first table cell holds a table, and so on ``depth`` times."""
    import docx

    document = docx.Document()
    document.add_heading("Priority 1: Safer Parks", 1)
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    for level in range(depth):
        cell.paragraphs[0].text = f"Level {level}: reduce park thefts by 4%"
        cell = cell.add_table(rows=1, cols=2).cell(0, 0)
    cell.paragraphs[0].text = "innermost"
    document.save(str(path))


def replace_member(source: Path, target: Path, name: str, data: bytes) -> None:
    """Copy a zip file, replacing (or adding) member ``name``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info.filename))
        new.writestr(name, data)


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def _deflated_run(byte: bytes, size: int, crc: int = 0) -> tuple[bytes, int]:
    """Raw deflate data (not finished) for ``size`` copies of ``byte``, and their CRC-32.

    After a full flush the compressor keeps no history, so one compressed 16 MiB block can be
    repeated: a gigabyte costs a fraction of a second to build instead of seconds.
    """
    chunk_size = 1 << 24
    assert size % chunk_size == 0
    chunk = byte * chunk_size
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    for _ in range(size // chunk_size):
        crc = zlib.crc32(chunk, crc)
    return piece * (size // chunk_size), crc


_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a final, empty fixed-Huffman block ends a deflate stream


def write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """Write a zip by hand from (name, raw deflate data, CRC-32, uncompressed size), so that
    a member can claim a size no test machine could hold in memory."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size in members:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        out += encoded + data
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    start = len(out)
    out += central
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0
    )
    path.write_bytes(bytes(out))


def zip_bomb_docx(path: Path, template: Path, member: str) -> None:
    """A Word file with one member that inflates to 1 GiB: ``word/document.xml`` padded with
    white space after its root element, or an extra media part of zeros."""
    members: list[tuple[str, bytes, int, int]] = []
    with zipfile.ZipFile(template) as docx_zip:
        for info in docx_zip.infolist():
            data = docx_zip.read(info.filename)
            if info.filename == member:
                continue
            members.append(
                (
                    info.filename,
                    _raw_deflate(data) + _FINAL_EMPTY_BLOCK,
                    zlib.crc32(data),
                    len(data),
                )
            )
        if member == "word/document.xml":
            head = docx_zip.read(member)
            run, crc = _deflated_run(b" ", GIB, zlib.crc32(head))
            body = _raw_deflate(head) + run + _FINAL_EMPTY_BLOCK
            members.append((member, body, crc, len(head) + GIB))
        else:
            run, crc = _deflated_run(b"\x00", GIB)
            members.append((member, run + _FINAL_EMPTY_BLOCK, crc, GIB))
    write_zip(path, members)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def entity_docx(path: Path, template: Path, doctype: str, body_text: str) -> None:
    """A Word file whose ``word/document.xml`` declares entities in a DOCTYPE."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"{doctype}\n"
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        "<w:p><w:r><w:t>Priority 1: Safer Streets</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    replace_member(template, path, "word/document.xml", xml.encode("utf-8"))


BILLION_LAUGHS = (
    "<!DOCTYPE w:document [\n"
    ' <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + "]>"
)


def raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF written by hand from numbered object bodies (object 1 is the catalogue), with a
    correct cross-reference table: the malformation is only what the objects say."""
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def pdf_stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body: its dictionary (``/Length`` and ``extra``) and data."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


PAGE_TEXT = b"BT /F1 12 Tf 72 720 Td (Priority 1: cut street thefts by 5% by 2027) Tj ET"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page_pdf(
    *,
    kids: bytes = b"[3 0 R]",
    count: int = 1,
    parent: bytes = b"2 0 R",
    mediabox: bytes = b"[0 0 595 842]",
    contents: bytes = b"4 0 R",
    resources: bytes = b"<< /Font << /F1 5 0 R >> >>",
    font: bytes = HELVETICA,
    extra: dict[int, bytes] | None = None,
) -> bytes:
    """A one-page PDF (catalogue 1, pages 2, page 3, content 4, font 5) with one of its
    entries replaced by what a hostile file puts there; ``extra`` adds or replaces objects."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, count),
        3: b"<< /Type /Page /Parent %s /MediaBox %s /Contents %s /Resources %s >>"
        % (parent, mediabox, contents, resources),
        4: pdf_stream(PAGE_TEXT),
        5: font,
    }
    objects.update(extra or {})
    return raw_pdf(objects)


def _zlib_run(size: int) -> bytes:
    """A zlib stream of ``size`` bytes of white space (``size`` a multiple of 16 MiB)."""
    run, _ = _deflated_run(b" ", size)
    adler = 1
    chunk = b" " * (1 << 24)
    for _ in range(size >> 24):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + run + _FINAL_EMPTY_BLOCK + struct.pack(">I", adler)


def pdf_bomb(path: Path, size: int = GIB, streams: int = 1) -> None:
    """A one-page PDF whose content is ``streams`` streams, each inflating to ``size`` bytes
    of white space."""
    data = pdf_stream(_zlib_run(size), b"/Filter /FlateDecode ")
    refs = b" ".join(b"%d 0 R" % (10 + n) for n in range(streams))
    path.write_bytes(
        page_pdf(contents=b"[%s]" % refs, extra={10 + n: data for n in range(streams)})
    )


FORM_PAGE_TEXT = b"q /X1 Do Q " + PAGE_TEXT
"""Page text that also draws the form XObject named X1."""


def form_pdf(path: Path, form_data: bytes, extra: bytes = b"") -> None:
    """A one-page PDF that draws a form XObject (object 10) of ``form_data``, whose
    dictionary adds ``extra``."""
    form = pdf_stream(form_data, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + extra)
    path.write_bytes(
        page_pdf(
            resources=b"<< /Font << /F1 5 0 R >> /XObject << /X1 10 0 R >> >>",
            extra={4: pdf_stream(FORM_PAGE_TEXT), 10: form},
        )
    )


def font_program_font(program: int) -> bytes:
    """Helvetica with a font descriptor (object ``program`` + 1) whose embedded Type 1 program
    is object ``program``."""
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontDescriptor %d 0 R >>" % (
        program + 1
    )


def font_descriptor(program: int) -> bytes:
    """The font descriptor :func:`font_program_font` names, embedding object ``program``."""
    return (
        b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [0 0 1000 1000]"
        b" /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88"
        b" /FontFile %d 0 R >>" % program
    )


def font_program_pdf(path: Path, program: bytes, pages: int = 1) -> None:
    """A PDF of ``pages`` pages sharing one font whose embedded program stream is ``program``
    (a whole stream object, from :func:`pdf_stream`)."""
    kids = b" ".join(b"%d 0 R" % (20 + n) for n in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] >>" % (kids, pages),
        4: pdf_stream(PAGE_TEXT),
        5: font_program_font(10),
        10: program,
        11: font_descriptor(10),
    }
    objects.update({20 + n: page for n in range(pages)})
    path.write_bytes(raw_pdf(objects))


def bomb_after_bad_page(path: Path, mediabox: bytes, extra: dict[int, bytes] | None = None) -> None:
    """Two pages: the first with ``mediabox`` (with ``extra`` objects), the second a 1 GiB
    deflate bomb, which must still be counted."""
    objects = {
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R >>",
        8: pdf_stream(_zlib_run(GIB), b"/Filter /FlateDecode "),
        **(extra or {}),
    }
    path.write_bytes(page_pdf(kids=b"[3 0 R 6 0 R]", count=2, mediabox=mediabox, extra=objects))


def many_pages_pdf(path: Path, pages: int) -> None:
    """A PDF of ``pages`` pages sharing one content stream and font."""
    first = 10
    kids = b" ".join(b"%d 0 R" % (first + n) for n in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] >>" % (kids, pages),
        4: pdf_stream(PAGE_TEXT),
        5: HELVETICA,
    }
    objects.update({first + n: page for n in range(pages)})
    path.write_bytes(raw_pdf(objects))


def dense_page_pdf(path: Path, chars: int) -> None:
    """A one-page PDF showing ``chars`` characters in 2-point type, line after line."""
    per_line = 500
    lines = [b"BT /F1 2 Tf 2 TL 10 830 Td"]
    for start in range(0, chars, per_line):
        lines.append(b"(%s) '" % (b"a" * min(per_line, chars - start)))
    lines.append(b"ET")
    path.write_bytes(page_pdf(extra={4: pdf_stream(b"\n".join(lines))}))


def long_line_pdf(path: Path, chars: int) -> None:
    """A one-page PDF with a single text line of ``chars`` characters (running off the page)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, 800, ("Reduce repeat thefts " * (chars // 21 + 1))[:chars])
    pdf.showPage()
    pdf.save()


VOCABULARY = [
    "the",
    "partnership",
    "will",
    "reduce",
    "increase",
    "repeat",
    "victims",
    "of",
    "burglary",
    "theft",
    "violence",
    "in",
    "town",
    "centre",
    "parks",
    "housing",
    "estates",
    "by",
    "per",
    "cent",
    "from",
    "baseline",
    "to",
    "target",
    "year",
    "police",
    "council",
    "youth",
    "service",
    "probation",
    "fire",
    "health",
    "schools",
    "evening",
    "weekend",
    "patrols",
    "lighting",
    "cameras",
    "licensing",
    "taxi",
    "marshals",
    "street",
    "pastors",
    "referrals",
    "outcomes",
    "review",
    "quarterly",
    "annual",
]


def prose(size: int, seed: int = 7) -> str:
    """``size`` characters of varied plan-like words on one line (varied, so that it
    compresses like real text rather than like a bomb)."""
    rng = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(VOCABULARY) + (f" {rng.randint(1, 2000)}" if rng.random() < 0.1 else "")
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def corrupt(data: bytes, seed: int, count: int, start: float = 0.2) -> bytes:
    """``data`` with ``count`` random bytes overwritten after the first ``start`` share."""
    rng = random.Random(seed)
    raw = bytearray(data)
    for _ in range(count):
        at = rng.randrange(int(len(raw) * start), len(raw))
        raw[at] = rng.randrange(256)
    return bytes(raw)


# --- the cases ----------------------------------------------------------------------------


@attrs.frozen
class Case:
    """A hostile file and what loading it must give.

    Attributes:
        name: The file name (its suffix chooses the parser).
        parser: The parser module it needs.
        build: Writes the file, given its path and a folder of templates.
        expect: ``plan``, ``error`` (a cspplan error naming the file) or ``either``.
        error: The exact error class expected, where one is.
        time_limit: Seconds the load may take.
        memory_limit: Bytes of address space the loading process may use.
        secret: Text that must not appear in the plan (an external entity's target).
        settings: The parser settings to load it with (``{"backend": "pdfplumber"}``).
    """

    name: str
    parser: str
    build: Callable[[Path, Path], None]
    expect: str = "either"
    error: str | None = None
    time_limit: float = TIME_LIMIT
    memory_limit: int = MEMORY_LIMIT
    secret: str | None = None
    settings: dict[str, Any] | None = None


def _truncate(template: str, share: float) -> Callable[[Path, Path], None]:
    def build(path: Path, templates: Path) -> None:
        data = (templates / template).read_bytes()
        path.write_bytes(data[: int(len(data) * share)])

    return build


def _corrupt(template: str, seed: int, count: int) -> Callable[[Path, Path], None]:
    def build(path: Path, templates: Path) -> None:
        path.write_bytes(corrupt((templates / template).read_bytes(), seed, count))

    return build


def _bytes(data: bytes) -> Callable[[Path, Path], None]:
    return lambda path, templates: path.write_bytes(data)


def _pdf_owner_only(path: Path, templates: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    plan_pdf(path, encrypt=StandardEncryption("", ownerPassword="owner-only", canPrint=1))


def _page(**entries: Any) -> Callable[[Path, Path], None]:
    return lambda path, templates: path.write_bytes(page_pdf(**entries))


LOOP = {10: b"11 0 R", 11: b"10 0 R"}
"""Two objects that are references to each other."""

MIB = 1 << 20
PLUMBER = {"backend": "pdfplumber"}

# Malformed PDFs with what each backend makes of them: (case name, builder, pdfium's outcome
# and error, pdfplumber's outcome and error). pdfium reads past a reference loop (read as
# null, named in the page's warnings); pdfplumber's pdfminer would follow it for ever, so
# that backend refuses the file, naming the loop.
MALFORMED_PDFS: list[tuple[str, Callable[[Path, Path], None], str, str | None, str, str | None]] = [
    (
        "selfref-mediabox.pdf",
        _page(mediabox=b"7 0 R", extra={7: b"7 0 R"}),
        "plan",
        None,
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-mediabox.pdf",
        _page(mediabox=b"10 0 R", extra=LOOP),
        "plan",
        None,
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-resources.pdf",
        _page(resources=b"10 0 R", extra=LOOP),
        "plan",
        None,
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-contents.pdf",
        _page(contents=b"10 0 R", extra=LOOP),
        "plan",
        None,
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-font.pdf",
        _page(resources=b"<< /Font << /F1 10 0 R >> >>", extra=LOOP),
        "plan",
        None,
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-kids-ref.pdf",
        _page(kids=b"10 0 R", extra=LOOP),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    (
        "loop-root.pdf",
        lambda p, t: p.write_bytes(raw_pdf({1: b"1 0 R"})),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    ("kids-include-pages.pdf", _page(kids=b"[2 0 R 3 0 R]"), "plan", None, "plan", None),
    ("parent-is-page.pdf", _page(parent=b"3 0 R"), "plan", None, "plan", None),
    ("kids-number.pdf", _page(kids=b"[3 0 R 42]"), "plan", None, "error", "DocumentError"),
    (
        "length-100gb.pdf",
        _page(extra={4: b"<< /Length 99999999999 >>\nstream\n" + PAGE_TEXT + b"\nendstream"}),
        "plan",
        None,
        "plan",
        None,
    ),
    # Broken fonts: the page is kept, with a warning naming the font.
    (
        "font-widths-number.pdf",
        _page(
            font=b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial"
            b" /FirstChar 32 /LastChar 126 /Widths 12 >>"
        ),
        "plan",
        None,
        "plan",
        None,
    ),
    (
        "font-no-subtype.pdf",
        _page(font=b"<< /Type /Font /BaseFont /Helvetica >>"),
        "plan",
        None,
        "plan",
        None,
    ),
    (
        "font-descriptor-number.pdf",
        _page(font=b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FontDescriptor 7 >>"),
        "plan",
        None,
        "plan",
        None,
    ),
    (
        "font-width-name.pdf",
        _page(
            font=b"<< /Type /Font /Subtype /Type0 /BaseFont /Cid"
            b" /Encoding /Identity-H /DescendantFonts"
            b" [<< /Subtype /CIDFontType2 /DW /wide >>] >>"
        ),
        "plan",
        None,
        "plan",
        None,
    ),
    (
        "font-type3-no-matrix.pdf",
        _page(font=b"<< /Type /Font /Subtype /Type3 /FontMatrix 5 /FontBBox /x /Widths 7 >>"),
        "plan",
        None,
        "plan",
        None,
    ),
    # A page pdfminer cannot make a page of must not end the counting of later pages'
    # streams: pdfium, which aborts the process when it runs out of memory, would be given
    # the bomb after it.
    (
        "loop-then-bomb.pdf",
        lambda p, t: bomb_after_bad_page(p, b"7 0 R", {7: b"7 0 R"}),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    (
        "bad-mediabox-then-bomb.pdf",
        lambda p, t: bomb_after_bad_page(p, b"5"),
        "error",
        "UnsafeDocumentError",
        "error",
        "DocumentError",
    ),
    # The limits: every page, character and inflated byte is counted, not kept.
    (
        "pages-10001.pdf",
        lambda p, t: many_pages_pdf(p, 10_001),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    (
        "chars-100001.pdf",
        lambda p, t: dense_page_pdf(p, 100_001),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    (
        "content-1040mb.pdf",
        lambda p, t: pdf_bomb(p, 16 * MIB, streams=65),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    # Reading a page's text decodes more than its content: the forms it draws and its
    # fonts' programs. A bomb there is refused as one in the content is.
    (
        "form-bomb.pdf",
        lambda p, t: form_pdf(p, _zlib_run(GIB), b"/Filter /FlateDecode "),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    (
        "font-bomb.pdf",
        lambda p, t: font_program_pdf(p, pdf_stream(_zlib_run(GIB), b"/Filter /FlateDecode ")),
        "error",
        "UnsafeDocumentError",
        "error",
        "UnsafeDocumentError",
    ),
    # A form that draws itself: the walk meets each stream once.
    (
        "form-loop.pdf",
        lambda p, t: form_pdf(p, b"q /X1 Do Q", b"/Resources << /XObject << /X1 10 0 R >> >> "),
        "plan",
        None,
        "plan",
        None,
    ),
]


def _on_both_backends(case: Case, **pdfplumber: Any) -> list[Case]:
    """``case``, and the same file read with the pdfplumber backend, with ``pdfplumber``'s
    changes to what it expects."""
    variant = attrs.evolve(
        case, name=case.name.replace(".pdf", "-pdfplumber.pdf"), settings=PLUMBER, **pdfplumber
    )
    return [case, variant]


BOMB_MEMORY_LIMITS = {
    "loop-then-bomb.pdf": GIB,
    "bad-mediabox-then-bomb.pdf": GIB,
    "form-bomb.pdf": GIB,
    "font-bomb.pdf": GIB,
}
"""An address space smaller than the bomb, so that a bomb given to pdfium aborts the test's
child (a crash) instead of being read."""


def _malformed_cases() -> list[Case]:
    cases = []
    for name, build, outcome, error, plumber_outcome, plumber_error in MALFORMED_PDFS:
        cases += _on_both_backends(
            Case(
                name,
                "pdf",
                build,
                expect=outcome,
                error=error,
                memory_limit=BOMB_MEMORY_LIMITS.get(name, MEMORY_LIMIT),
            ),
            expect=plumber_outcome,
            error=plumber_error,
        )
    return cases


def _xref_damaged(path: Path, templates: Path) -> None:
    data = (templates / "plan.pdf").read_bytes()
    path.write_bytes(data.replace(b"xref", b"xxxx").replace(b"startxref", b"startxxxx"))


def _xxe(path: Path, templates: Path) -> None:
    secret = templates / "secret.txt"
    secret.write_text("XXE-SECRET-7f3a", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    entity_docx(path, templates / "plan.docx", doctype, "Leak: &xxe;")


def _hidden_dtd(lead: str, encoding: str) -> Callable[[Path, Path], None]:
    """A billion-laughs DTD placed where a check of the first bytes does not look: after a
    long comment, or in UTF-16."""

    def build(path: Path, templates: Path) -> None:
        xml = (
            f'<?xml version="1.0" encoding="{encoding.upper()}" standalone="yes"?>\n'
            f"{lead}{BILLION_LAUGHS}\n"
            f'<w:document xmlns:w="{W_NS}"><w:body>'
            "<w:p><w:r><w:t>Priority 1: Safer Streets &lol9;</w:t></w:r></w:p>"
            "</w:body></w:document>"
        )
        replace_member(templates / "plan.docx", path, "word/document.xml", xml.encode(encoding))

    return build


def long_table_docx(path: Path, template: Path, rows: int) -> None:
    """A Word file whose body is one table of ``rows`` rows of three cells."""
    body = "".join(
        f"<w:tr><w:tc><w:p><w:r><w:t>{n}.1</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p><w:r><w:t>Patrol route {n * 7919 % 100003}</w:t></w:r></w:p></w:tc>"
        f"<w:tc><w:p><w:r><w:t>Ward {n % 97}</w:t></w:r></w:p></w:tc></w:tr>"
        for n in range(rows)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        f"<w:tbl>{body}</w:tbl></w:body></w:document>"
    )
    replace_member(template, path, "word/document.xml", xml.encode("utf-8"))


def without_member(source: Path, target: Path, name: str) -> None:
    """Copy a zip file, leaving out member ``name`` (its relationship stays)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info.filename))


def _not_zip_member(path: Path, templates: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "an ordinary zip, not a Word file")


def _docx_bad_xml(path: Path, templates: Path) -> None:
    replace_member(
        templates / "plan.docx",
        path,
        "word/document.xml",
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Priority'.encode(),
    )


ONE_MB = 1024 * 1024
FIVE_MB = 5 * ONE_MB

CASES = [
    # PDF
    Case("control.pdf", "pdf", lambda p, t: plan_pdf(p), expect="plan"),
    # Empty or text content under a .pdf or .docx name: the suffix's parser refuses it.
    Case("empty.pdf", "pdf", _bytes(b""), expect="error"),
    Case("header-only.pdf", "pdf", _bytes(b"%PDF-1.7\n%%EOF\n"), expect="error"),
    Case("text-named.pdf", "pdf", _bytes(b"Priority 1: not a PDF at all\n"), expect="error"),
    Case("truncated-10.pdf", "pdf", _truncate("plan.pdf", 0.10)),
    Case("truncated-50.pdf", "pdf", _truncate("plan.pdf", 0.50)),
    Case("truncated-95.pdf", "pdf", _truncate("plan.pdf", 0.95)),
    Case("xref-damaged.pdf", "pdf", _xref_damaged),
    Case("corrupted-a.pdf", "pdf", _corrupt("plan.pdf", 1, 40)),
    Case("corrupted-b.pdf", "pdf", _corrupt("plan.pdf", 2, 400)),
    Case(
        "encrypted.pdf",
        "pdf",
        lambda p, t: plan_pdf(p, encrypt="user-password"),
        expect="error",
        error="EncryptedDocumentError",
    ),
    Case("owner-password-only.pdf", "pdf", _pdf_owner_only, expect="plan"),
    # 1 MB that inflates to 1 GiB: refused at PdfSettings.max_stream_bytes (counted, not
    # kept) inside an address space smaller than the stream. The bound is those counts, not
    # the clock: the time limit is only the hang guard every case has.
    *_on_both_backends(
        Case(
            "flate-bomb.pdf",
            "pdf",
            lambda p, t: pdf_bomb(p),
            expect="error",
            error="UnsafeDocumentError",
            memory_limit=GIB,
        )
    ),
    Case("long-line.pdf", "pdf", lambda p, t: long_line_pdf(p, 50_000)),
    *_malformed_cases(),
    # A 240 MiB stream (under max_stream_bytes) in a 448 MiB address space: pdfminer's
    # MemoryError is an UnsafeDocumentError saying the memory limit was reached.
    *_on_both_backends(
        Case(
            "memory-limit.pdf",
            "pdf",
            lambda p, t: pdf_bomb(p, 240 * MIB),
            expect="error",
            error="UnsafeDocumentError",
            memory_limit=448 * MIB,
        )
    ),
    # Word
    Case("control.docx", "docx", lambda p, t: plan_docx(p), expect="plan"),
    Case("empty.docx", "docx", _bytes(b""), expect="error"),
    Case("text-named.docx", "docx", _bytes(b"Priority 1: not a Word file\n"), expect="error"),
    Case(
        "ole-named.docx",
        "docx",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
        expect="error",
    ),
    Case("truncated-50.docx", "docx", _truncate("plan.docx", 0.50), expect="error"),
    Case("truncated-95.docx", "docx", _truncate("plan.docx", 0.95), expect="error"),
    Case("corrupted.docx", "docx", _corrupt("plan.docx", 3, 60)),
    Case("plain-zip.docx", "docx", _not_zip_member, expect="error"),
    Case("bad-xml.docx", "docx", _docx_bad_xml, expect="error"),
    Case(
        "zip-bomb-document.docx",
        "docx",
        lambda p, t: zip_bomb_docx(p, t / "plan.docx", "word/document.xml"),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case(
        "zip-bomb-media.docx",
        "docx",
        lambda p, t: zip_bomb_docx(p, t / "plan.docx", "word/media/image1.png"),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case(
        "billion-laughs.docx",
        "docx",
        lambda p, t: entity_docx(p, t / "plan.docx", BILLION_LAUGHS, "&lol9;"),
    ),
    Case("external-entity.docx", "docx", _xxe, secret="XXE-SECRET-7f3a"),
    Case(
        "hidden-dtd-after-comment.docx",
        "docx",
        _hidden_dtd("<!--" + "a long comment " * 5000 + "-->\n", "utf-8"),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case(
        "hidden-dtd-utf16.docx",
        "docx",
        _hidden_dtd("", "utf-16"),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case("nested-40.docx", "docx", lambda p, t: nested_tables_docx(p, 40)),
    # Beyond libxml2's depth limit: refused naming the limit and the setting that lifts it.
    Case(
        "nested-120.docx",
        "docx",
        lambda p, t: nested_tables_docx(p, 120),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case(
        "long-run.docx",
        "docx",
        lambda p, t: plan_docx(p, paragraph=prose(11 * ONE_MB)),
        expect="error",
        error="UnsafeDocumentError",
    ),
    Case(
        "no-styles.docx",
        "docx",
        lambda p, t: without_member(t / "plan.docx", p, "word/styles.xml"),
        expect="plan",
    ),
    # Refused at the cell limit, after about 33,000 rows, not read for minutes.
    Case(
        "long-table-200000-rows.docx",
        "docx",
        lambda p, t: long_table_docx(p, t / "plan.docx", 200_000),
        expect="error",
        error="UnsafeDocumentError",
        time_limit=60,
    ),
    Case(
        "long-paragraph.docx",
        "docx",
        lambda p, t: plan_docx(p, paragraph=prose(ONE_MB)),
        expect="plan",
    ),
    # Text
    Case(
        "long-line.txt",
        "text",
        lambda p, t: p.write_text(prose(FIVE_MB), encoding="utf-8"),
        expect="plan",
        # The recognisers take 8 s on this paragraph on an idle machine (more when it is
        # busy); a limit that still catches a hang without failing on a loaded machine.
        time_limit=60,
    ),
    # Markup-like long lines are 1 MB: enough to show a quadratic pattern, cheap otherwise.
    Case("long-pipes.txt", "text", _bytes(b"|" * ONE_MB), expect="plan"),
    Case("long-tags.txt", "text", _bytes(b"<" * ONE_MB), expect="plan"),
    Case("long-numbering.txt", "text", _bytes(b"1." * (ONE_MB // 2)), expect="plan"),
    Case(
        "long-emphasis.txt",
        "text",
        _bytes(b"**a " * (ONE_MB // 8)),
        expect="plan",
        time_limit=3,
    ),
]

KNOWN_BUGS: dict[str, str] = {}


def _load_and_report(
    path: str, secret: str, limit: int, settings: dict[str, Any] | None, conn: Connection
) -> None:
    """In a child process: load ``path`` under a memory limit and send back what happened."""
    import cspplan

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    result: dict[str, Any]
    started = time.monotonic()
    try:
        text = cspplan.dumps(cspplan.load(path, settings=settings))
        result = {"outcome": "plan", "leaked": bool(secret) and secret in text}
    except errors.CspplanError as exc:
        result = {"outcome": "error", "type": type(exc).__name__, "message": str(exc)}
    except BaseException as exc:
        result = {"outcome": "uncaught", "type": type(exc).__name__, "message": str(exc)[:300]}
    result["seconds"] = round(time.monotonic() - started, 2)
    conn.send(result)


def load_each_in_child(jobs: list[tuple[Path, Case]]) -> dict[str, dict[str, Any]]:
    """Load each file in its own child process, two at a time, killing any child that
    outlives its case's time limit. Children are forked from a fork server that has already
    imported cspplan and its parsers, so each costs milliseconds, not an interpreter start."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["cspplan", "cspplan.recognise", "cspplan.serialise"]
        + [f"cspplan.parsers.{name}" for name in ("text", "pdf", "docx") if parser_available(name)]
    )
    pending = list(jobs)
    running: dict[str, tuple[Any, Connection, float]] = {}
    results: dict[str, dict[str, Any]] = {}
    while pending or running:
        while pending and len(running) < 2:
            path, case = pending.pop(0)
            receive, send = context.Pipe(duplex=False)
            child = context.Process(
                target=_load_and_report,
                args=(str(path), case.secret or "", case.memory_limit, case.settings, send),
            )
            child.start()
            send.close()
            running[case.name] = (child, receive, time.monotonic() + case.time_limit)
        nearest = min(deadline for _, _, deadline in running.values())
        wait_for_ready(
            [conn for _, conn, _ in running.values()],
            timeout=max(0.0, nearest - time.monotonic()),
        )
        for name, (child, conn, deadline) in list(running.items()):
            if conn.poll():
                try:
                    results[name] = conn.recv()
                except EOFError:
                    child.join(5)
                    results[name] = {"outcome": "crash", "message": f"exit {child.exitcode}"}
            elif time.monotonic() >= deadline:
                child.kill()
                results[name] = {"outcome": "timeout"}
            else:
                continue
            child.join(5)
            conn.close()
            del running[name]
    return results


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Build every case whose parser imports and load each in a child process."""
    folder = tmp_path_factory.mktemp("hostile")
    templates = tmp_path_factory.mktemp("templates")
    wanted = [c for c in CASES if parser_available(c.parser)]
    if any(c.parser == "pdf" for c in wanted):
        plan_pdf(templates / "plan.pdf")
    if any(c.parser == "docx" for c in wanted):
        plan_docx(templates / "plan.docx")
    for case in wanted:
        case.build(folder / case.name, templates)
    return folder, load_each_in_child([(folder / c.name, c) for c in wanted])


def _param(case: Case) -> Any:
    marks = []
    if case.name in KNOWN_BUGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case.name]))
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_file_gives_a_plan_or_a_named_cspplan_error(
    case: Case, hostile: tuple[Path, dict[str, dict[str, Any]]]
) -> None:
    if not parser_available(case.parser):
        pytest.skip(f"cspplan.parsers.{case.parser} is not available yet")
    folder, results = hostile
    result = results[case.name]
    assert result["outcome"] in ("plan", "error"), result
    if result["outcome"] == "error":
        assert result["type"] in ERROR_NAMES
        assert str(folder / case.name) in result["message"]
    assert case.expect in ("either", result["outcome"]), result
    if case.error is not None:
        assert result.get("type") == case.error, result
    if case.secret is not None and result["outcome"] == "plan":
        assert not result["leaked"], "an external entity was read into the plan"


def test_hostile_files_built_are_what_they_claim(tmp_path: Path) -> None:
    """The bomb builders make archives that really inflate to a gigabyte: check the zip
    directory and stream the first megabytes through zipfile's CRC-checked reader."""
    pytest.importorskip("docx")
    plan_docx(tmp_path / "plan.docx")
    zip_bomb_docx(tmp_path / "bomb.docx", tmp_path / "plan.docx", "word/document.xml")
    assert (tmp_path / "bomb.docx").stat().st_size < 3 * 1024 * 1024
    with zipfile.ZipFile(tmp_path / "bomb.docx") as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size > GIB
        with archive.open(info) as member:
            head = member.read(1 << 20)
        assert head.lstrip().startswith(b"<?xml")
        assert archive.read("[Content_Types].xml").startswith(b"<?xml")
    raw = io.BytesIO()
    plan_pdf(tmp_path / "plan.pdf")
    raw.write((tmp_path / "plan.pdf").read_bytes())
    assert raw.getvalue().startswith(b"%PDF")


def test_batch_survives_every_hostile_file(
    hostile: tuple[Path, dict[str, dict[str, Any]]], tmp_path: Path
) -> None:
    folder, results = hostile
    # Each file had its own test above; the batch needs only to survive them together, so the
    # slow ones (a hang already reported there, the long lines) are left out to keep it quick.
    quick = [
        folder / name
        for name, r in results.items()
        if r["outcome"] in ("plan", "error") and not name.startswith("long-")
    ]
    good = tmp_path / "good.txt"
    good.write_text(
        "Priority 1: Safer Streets\n\nWe will cut street thefts by 5%.\n", encoding="utf-8"
    )
    # A gigabyte per worker: the bombs then fail fast instead of being read slowly.
    result = convert([good, *quick], tmp_path / "out", jobs=2, timeout=TIME_LIMIT, memory_limit=GIB)
    assert len(result.results) == len(quick) + 1
    statuses = {Path(r.file).name: r for r in result.results}
    assert statuses["good.txt"].status == "converted"
    for row in result.results:
        assert row.status in ("converted", "failed"), row
        if row.status == "failed":
            assert row.error_type in ERROR_NAMES, row
            assert row.error is not None and row.file in row.error
