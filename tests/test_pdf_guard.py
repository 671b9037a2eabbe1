"""The PDF guards (cspplan.parsers.pdf.guard) and the limits they give the parser.

The files are the hand-written PDFs of tests/test_hostile.py. Reference loops are tested
through the guard's own calls, which return at once; what a whole parse does with them is
left to test_hostile.py, which reads each file in a child with a time limit.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdftypes import PDFObjRef, resolve1

from cspplan.errors import DocumentError, UnsafeDocumentError
from cspplan.parsers.pdf import PdfParser
from cspplan.parsers.pdf import parser as pdf_parser
from cspplan.parsers.pdf.guard import (
    Budget,
    LoopSafeDocument,
    OverLimit,
    ReferenceLoop,
    iter_pages,
    open_clamped,
    open_document,
    survey,
)
from cspplan.parsers.pdf.settings import PdfSettings
from test_hostile import (
    LOOP,
    PAGE_TEXT,
    font_program_pdf,
    form_pdf,
    many_pages_pdf,
    page_pdf,
    pdf_stream,
    plan_pdf,
)

BACKENDS = ["pdfium", "pdfplumber"]


def _document(data: bytes) -> LoopSafeDocument:
    return open_document(io.BufferedReader(io.BytesIO(data)), None)  # type: ignore[arg-type]


def _write(tmp_path: Path, data: bytes, name: str = "plan.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _parse(path: Path, backend: str, **settings: Any) -> Any:
    return PdfParser().parse(path, PdfSettings(backend=backend, **settings))


# --- reference loops --------------------------------------------------------------------


def test_an_object_that_refers_to_itself_is_a_loop_read_as_null() -> None:
    document = _document(page_pdf(mediabox=b"7 0 R", extra={7: b"7 0 R"}))
    with pytest.raises(ReferenceLoop) as raised:
        document.getobj(7)
    assert raised.value.chain == [7, 7]
    assert "object 7 refers to itself (7 0 R)" in str(raised.value)
    # resolve1, which pdfminer calls everywhere, now ends: the loop is null.
    assert resolve1(PDFObjRef(document, 7)) is None
    assert document.loops


def test_objects_referring_to_each_other_are_named_in_order() -> None:
    document = _document(page_pdf(resources=b"10 0 R", extra=LOOP))
    with pytest.raises(ReferenceLoop) as raised:
        document.getobj(11)
    assert raised.value.chain == [11, 10, 11]
    assert "11 0 R -> 10 0 R -> 11 0 R" in str(raised.value)


def test_a_chain_of_references_that_ends_is_followed_to_its_end() -> None:
    document = _document(
        page_pdf(
            resources=b"10 0 R", extra={10: b"11 0 R", 11: b"12 0 R", 12: b"<< /Font << >> >>"}
        )
    )
    assert document.getobj(10) == {"Font": {}}
    assert not document.loops


@pytest.mark.parametrize(
    ("entries", "chain"),
    [
        ({"mediabox": b"7 0 R", "extra": {7: b"7 0 R"}}, [7, 7]),
        ({"contents": b"10 0 R", "extra": LOOP}, [10, 11, 10]),
        ({"resources": b"<< /Font << /F1 10 0 R >> >>", "extra": LOOP}, [10, 11, 10]),
        ({"kids": b"10 0 R", "extra": LOOP}, [10, 11, 10]),
    ],
    ids=["mediabox", "contents", "font", "kids"],
)
def test_survey_finds_a_loop_wherever_the_page_reaches_it(
    entries: dict[str, Any], chain: list[int]
) -> None:
    data = page_pdf(**entries)
    with pytest.raises(ReferenceLoop) as raised:
        survey(io.BufferedReader(io.BytesIO(data)), None, 10)  # type: ignore[arg-type]
    assert sorted(set(raised.value.chain)) == sorted(set(chain))


def test_survey_finds_a_loop_in_the_trailer() -> None:
    from test_hostile import raw_pdf

    with pytest.raises(ReferenceLoop, match="object 1 refers to itself"):
        survey(io.BufferedReader(io.BytesIO(raw_pdf({1: b"1 0 R"}))), None, 10)  # type: ignore[arg-type]


def test_survey_counts_each_page_once_in_a_tree_that_names_itself() -> None:
    for data in (page_pdf(kids=b"[2 0 R 3 0 R]"), page_pdf(parent=b"3 0 R")):
        assert survey(io.BufferedReader(io.BytesIO(data)), None, 10) == 1  # type: ignore[arg-type]


def test_every_page_is_given_after_one_pdfminer_cannot_make() -> None:
    # pdfminer's create_pages ends at the first page whose MediaBox is a loop (and at a kid
    # that is a number); every later page's streams would then go unchecked.
    second = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"
    data = page_pdf(
        kids=b"[3 0 R 42 6 0 R]", count=2, mediabox=b"7 0 R", extra={7: b"7 0 R", 6: second}
    )
    pages = list(iter_pages(_document(data)))
    assert len(pages) == 2
    assert [getattr(ref, "objid", None) for ref in pages[1].contents] == [4]
    assert list(pages[0].resources) == ["Font"]


def test_pdfplumber_refuses_a_loop_naming_it_and_pdfium_reads_past_it(tmp_path: Path) -> None:
    path = _write(tmp_path, page_pdf(mediabox=b"10 0 R", extra=LOOP))
    with pytest.raises(UnsafeDocumentError) as raised:
        _parse(path, "pdfplumber")
    assert str(path) in str(raised.value)
    assert "objects 10, 11 refer to each other in a loop" in str(raised.value)
    document = _parse(path, "pdfium")
    assert any("Priority 1" in b.text for b in document.blocks)
    assert any("page 1:" in w and "refer to each other in a loop" in w for w in document.warnings)


# --- the file's end, the clean-up, broken fonts, memory ---------------------------------


def test_reads_are_clamped_to_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, b"0123456789")
    with open_clamped(path) as handle:
        handle.seek(4)
        assert handle.read(99_999_999_999) == b"456789"
        assert handle.read(5) == b""


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_length_past_the_end_of_the_file_is_not_allocated(tmp_path: Path, backend: str) -> None:
    stream = b"<< /Length 99999999999 >>\nstream\n" + PAGE_TEXT + b"\nendstream"
    path = _write(tmp_path, page_pdf(extra={4: stream}))
    document = _parse(path, backend)
    assert not any("MemoryError" in w for w in document.warnings)


def test_a_page_tree_pdfminer_cannot_read_is_a_document_error(tmp_path: Path) -> None:
    path = _write(tmp_path, page_pdf(kids=b"[3 0 R 42]"))
    with pytest.raises(DocumentError, match="PDFObjectNotFound: 42") as raised:
        _parse(path, "pdfplumber")
    assert type(raised.value) is DocumentError
    assert any("Priority 1" in b.text for b in _parse(path, "pdfium").blocks)


@pytest.mark.parametrize(
    "font",
    [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Cid /Encoding /Identity-H"
        b" /DescendantFonts [<< /Subtype /CIDFontType2 /BaseFont /Cid /DW /wide >>] >>",
        b"<< /Type /Font /Subtype /Type3 /FontMatrix 5 /FontBBox /x /Widths 7 >>",
    ],
    ids=["width-a-name", "type3-no-matrix"],
)
def test_a_broken_font_keeps_its_page_with_a_warning_naming_it(tmp_path: Path, font: bytes) -> None:
    path = _write(tmp_path, page_pdf(font=font))
    document = _parse(path, "pdfplumber")
    assert document.blocks, document.warnings
    broken = [w for w in document.warnings if "is broken" in w]
    assert broken and all(w.startswith("page 1:") and "font " in w for w in broken), broken
    assert not any("could not be read" in w for w in document.warnings)


@pytest.mark.parametrize(
    "font",
    [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Cid /Encoding /Identity-H >>",
        b"<< /Type /Font /Subtype /Type3 /FontMatrix 5 /FontBBox /x /Widths 7 >>",
    ],
    ids=["type0-no-descendants", "type3-no-matrix"],
)
def test_text_in_a_font_pdfium_cannot_load_is_read_by_pdfplumber(
    tmp_path: Path, font: bytes
) -> None:
    # pdfium drops such text without a word, which read as a scanned page.
    document = _parse(_write(tmp_path, page_pdf(font=font)), "pdfium")
    assert any("Priority 1" in b.text for b in document.blocks), document.warnings
    assert "page 1: read with pdfplumber (pdfium: no text found" in "\n".join(document.warnings)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_without_text_stays_a_page_without_text(tmp_path: Path, backend: str) -> None:
    blank = page_pdf(extra={4: pdf_stream(b"0 0 100 100 re f")})
    document = _parse(_write(tmp_path, blank), backend)
    assert not document.blocks
    assert not any("read with pdfplumber" in w for w in document.warnings), document.warnings


@pytest.mark.parametrize(
    "font",
    [
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /Widths 12 >>",
        b"<< /Type /Font /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FontDescriptor 7 >>",
    ],
    ids=["widths-a-number", "no-subtype", "descriptor-a-number"],
)
@pytest.mark.parametrize("backend", BACKENDS)
def test_fonts_pdfminer_repairs_keep_their_text(tmp_path: Path, font: bytes, backend: str) -> None:
    document = _parse(_write(tmp_path, page_pdf(font=font)), backend)
    assert any("Priority 1" in b.text for b in document.blocks)


@pytest.mark.parametrize("backend", BACKENDS)
def test_running_out_of_memory_on_a_page_says_the_limit_was_reached(
    tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(*args: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(pdf_parser, "read_page", exhausted)
    path = _write(tmp_path, page_pdf())
    with pytest.raises(UnsafeDocumentError, match="memory limit was reached") as raised:
        _parse(path, backend)
    assert raised.value.page == 1


def test_running_out_of_memory_opening_says_the_limit_was_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(*args: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(pdf_parser, "survey", exhausted)
    with pytest.raises(UnsafeDocumentError, match="memory limit was reached"):
        _parse(_write(tmp_path, page_pdf()), "pdfplumber")


# --- the limits ---------------------------------------------------------------------------


def test_budget_counts_per_stream_and_per_document() -> None:
    budget = Budget(stream_limit=100, document_limit=150)
    budget.charge(80, 80)
    with pytest.raises(OverLimit, match=r"max_stream_bytes=100\); raise PdfSettings"):
        budget.charge(30, 110)
    budget = Budget(stream_limit=100, document_limit=150)
    budget.charge(90, 90)
    budget.charge(50, 50)
    with pytest.raises(OverLimit, match=r"max_document_bytes=150") as raised:
        budget.charge(20, 70)
    assert raised.value.setting == "max_document_bytes"


@pytest.mark.parametrize("backend", BACKENDS)
def test_too_many_pages_are_refused_naming_the_setting(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "pages.pdf"
    many_pages_pdf(path, 6)
    assert _parse(path, backend, max_pages=6).page_count == 6
    with pytest.raises(UnsafeDocumentError, match=r"more pages than the limit \(max_pages=5\)"):
        _parse(path, backend, max_pages=5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_too_many_characters_on_a_page_are_refused(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "plan.pdf"
    plan_pdf(path, pages=2)
    assert _parse(path, backend, max_chars_per_page=2000).page_count == 2
    with pytest.raises(UnsafeDocumentError, match="max_chars_per_page=40") as raised:
        _parse(path, backend, max_chars_per_page=40)
    assert raised.value.page == 1
    assert "raise PdfSettings.max_chars_per_page" in str(raised.value)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_stream_named_twice_counts_twice_against_the_document(
    tmp_path: Path, backend: str
) -> None:
    import zlib

    text = PAGE_TEXT + b" " * 20_000
    stream = pdf_stream(zlib.compress(text), b"/Filter /FlateDecode ")
    once = _write(tmp_path, page_pdf(contents=b"[10 0 R]", extra={10: stream}), "once.pdf")
    twice = _write(tmp_path, page_pdf(contents=b"[10 0 R 10 0 R]", extra={10: stream}), "2.pdf")
    limit = len(text) * 3 // 2
    assert _parse(once, backend, max_document_bytes=limit).blocks
    with pytest.raises(UnsafeDocumentError, match=f"max_document_bytes={limit}"):
        _parse(twice, backend, max_document_bytes=limit)
    with pytest.raises(UnsafeDocumentError, match="max_stream_bytes=1000"):
        _parse(once, backend, max_stream_bytes=1000)


@pytest.mark.parametrize("backend", BACKENDS)
def test_forms_and_font_programs_count_against_the_limits(tmp_path: Path, backend: str) -> None:
    import zlib

    filler = zlib.compress(b" " * 20_000)
    form = tmp_path / "form.pdf"
    form_pdf(form, filler, b"/Filter /FlateDecode ")
    font = tmp_path / "font.pdf"
    font_program_pdf(font, pdf_stream(filler, b"/Filter /FlateDecode "))
    for path in (form, font):
        assert _parse(path, backend, max_stream_bytes=30_000).blocks
        with pytest.raises(UnsafeDocumentError, match="max_stream_bytes=10000"):
            _parse(path, backend, max_stream_bytes=10_000)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_font_the_pages_share_counts_once(tmp_path: Path, backend: str) -> None:
    import zlib

    program = pdf_stream(zlib.compress(b" " * 20_000), b"/Filter /FlateDecode ")
    path = tmp_path / "shared.pdf"
    font_program_pdf(path, program, pages=5)
    # Counted on every page the font would come to 100,000 bytes; it is counted once.
    assert _parse(path, backend, max_document_bytes=30_000).page_count == 5
    with pytest.raises(UnsafeDocumentError, match="max_document_bytes=15000"):
        _parse(path, backend, max_document_bytes=15_000)
