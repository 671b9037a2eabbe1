"""The PDF parser on synthetic fixtures built by tests/fixtures/build_pdf.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import cspplan
from cspplan.document import Document, Heading, ListItem, Paragraph, Table, block_text
from cspplan.errors import DocumentError, EncryptedDocumentError, SettingsError
from cspplan.parsers.pdf import PdfParser, PdfSettings
from cspplan.parsers.pdf.pdfium import PdfiumPage
from cspplan.parsers.registry import choose_parser
from fixtures.build_pdf import ACTIONS, build_all, build_encrypted
from test_pdf_support import document_json, paragraphs, tables, texts

FIXTURE_NAMES = [
    "text",
    "ruled",
    "boxed_columns",
    "unruled",
    "break_repeat",
    "break_plain",
    "landscape",
    "sideways_label",
    "two_column",
    "unruled_break",
    "scan",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("pdf"))


BACKENDS = ["pdfium", "pdfplumber"]


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test that reads a fixture runs once per backend: both must give the same
    Document, golden for golden."""
    return str(request.param)


@pytest.fixture(scope="module")
def parsed(built: dict[str, Path], backend: str) -> dict[str, Document]:
    parser = PdfParser()
    return {name: parser.parse(built[name], {"backend": backend}) for name in FIXTURE_NAMES}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_golden(
    name: str, built: dict[str, Path], parsed: dict[str, Document], golden: Callable[..., None]
) -> None:
    golden(f"pdf/{name}", document_json(parsed[name]), root=built[name].parent)


def test_fixtures_are_deterministic(built: dict[str, Path], tmp_path: Path) -> None:
    again = build_all(tmp_path)
    for name in ("text", "ruled", "landscape"):
        assert again[name].read_bytes() == built[name].read_bytes()


# --- text ---------------------------------------------------------------------------------


def test_headings_from_size_and_weight(parsed: dict[str, Document]) -> None:
    headings = [(b.text, b.level) for b in parsed["text"].blocks if isinstance(b, Heading)]
    assert headings == [
        ("Riverside Partnership Plan", 1),
        ("Our Priorities", 2),
        ("What we will do", 3),
        ("2. Working With Residents", 2),
        ("Next Steps", 2),
    ]


def test_hyphenation_undone_but_real_hyphens_kept(parsed: dict[str, Document]) -> None:
    intro = next(p for p in paragraphs(parsed["text"]) if p.startswith("The partnership"))
    assert "anti-social behaviour in every neighbourhood," in intro
    assert "Our co-ordination group" in intro
    assert "-\n" not in intro and "  " not in intro


def test_bullets_in_a_symbol_font_become_list_items(parsed: dict[str, Document]) -> None:
    items = [b for b in parsed["text"].blocks if isinstance(b, ListItem)]
    assert [(i.marker, i.level) for i in items] == [
        ("•", 0),
        ("•", 0),
        ("•", 0),
        ("1.", 0),
        ("2.", 0),
        ("•", 0),
        ("•", 1),
    ]
    # A wrapped item is one item.
    assert items[1].text.startswith("Give young people") and items[1].text.endswith("holidays")


def test_paragraph_continues_over_the_page_break(parsed: dict[str, Document]) -> None:
    long = next(b for b in parsed["text"].blocks if block_text(b).startswith("Residents told us"))
    assert isinstance(long, Paragraph)
    assert long.source.page == 1
    assert long.text.count("Residents told us") == 60
    assert long.text.endswith(
        "survey round 60 that they want to see more of the people who keep them safe."
    )


def test_running_header_and_page_numbers_are_furniture(parsed: dict[str, Document]) -> None:
    document = parsed["text"]
    furniture = [(block_text(b), b.source.page) for b in document.furniture]
    assert furniture == [
        ("Riverside Community Safety Partnership", 1),
        ("Page 1 of 2", 1),
        ("Riverside Community Safety Partnership", 2),
        ("Page 2 of 2", 2),
    ]
    assert not any(
        "Page 1 of 2" in t or t == "Riverside Community Safety Partnership" for t in texts(document)
    )


def test_blocks_carry_page_and_bbox(parsed: dict[str, Document]) -> None:
    for document in parsed.values():
        for block in document.blocks:
            assert block.source.page is not None and block.source.bbox is not None
            assert block.source.file == document.path
            x0, top, x1, bottom = block.source.bbox
            assert x0 <= x1 and top <= bottom


# --- tables -------------------------------------------------------------------------------


def test_ruled_table_cells_rows_and_spans(parsed: dict[str, Document]) -> None:
    document = parsed["ruled"]
    [table] = tables(document)
    assert table.rows[0].texts == ("No", "Action", "Lead", "Target", "Timescale", "Status")
    area = table.rows[1]
    assert (
        len(area.cells) == 1 and area.cells[0].colspan == 6 and area.cells[0].text == "1. Burglary"
    )
    first = table.rows[2]
    assert first.texts == (
        "1.1",
        "To map repeat burglary addresses with the housing team and share the list monthly",
        "Priya Nair Community Safety Team",
        "Monthly list shared",
        "June 2024",
        "On track",
    )
    milestone = table.rows[4]
    assert milestone.cells[3].lines == ("• Locks fitted", "• Visits logged")
    assert milestone.cells[4].text == "January 2025"
    for row_index, row in enumerate(table.rows):
        for cell in row.cells:
            assert cell.source.table == 0 and cell.source.row == row_index
            assert cell.source.page == 1 and cell.source.bbox is not None
    assert [c.source.column for c in first.cells] == [0, 1, 2, 3, 4, 5]


def test_ruled_columns_without_row_rules_split_by_reference(parsed: dict[str, Document]) -> None:
    [table] = tables(parsed["boxed_columns"])
    assert [row.texts[0] for row in table.rows] == ["No", "1.1", "1.2", "1.3", "2.1"]
    assert table.rows[2].texts == (
        "1.2",
        "To fit door and window locks at the homes of older victims of burglary",
        "Tom Baxter Riverside Homes",
        "150 homes secured",
        "March 2025",
    )
    assert [row.source.row for row in table.rows] == [0, 1, 2, 3, 4]


def test_table_text_is_not_also_a_paragraph(parsed: dict[str, Document]) -> None:
    for name in ("ruled", "unruled", "break_repeat", "landscape"):
        document = parsed[name]
        cell_words = {
            cell.text for table in tables(document) for row in table.rows for cell in row.cells
        }
        for text in texts(document):
            assert text not in cell_words, (name, text)


def test_unruled_tables_from_alignment(parsed: dict[str, Document]) -> None:
    document = parsed["unruled"]
    trajectory, members = tables(document)
    assert [row.texts for row in trajectory.rows] == [
        ("", "2023/24 Baseline", "2024/25", "2025/26", "2026/27 (Target -12%)"),
        ("Recorded burglaries", "850", "816", "782", "748"),
    ]
    assert members.rows[2].texts == (
        "Vice chair",
        "Supt Alan Reid",
        "Riverside Police, Neighbourhood Policing and Partnerships Command",
    )
    assert len(members.rows) == 4
    assert any(p.startswith("The board meets four times a year.") for p in paragraphs(document))


def test_table_over_page_break_with_repeated_header(parsed: dict[str, Document]) -> None:
    [table] = tables(parsed["break_repeat"])
    assert table.rows[0].is_header
    assert len(table.rows) == 25  # the header once, then 24 actions
    assert sum(1 for row in table.rows if row.texts[0] == "No") == 1
    pages = {cell.source.page for row in table.rows for cell in row.cells}
    assert pages == {1, 2}
    assert [row.source.row for row in table.rows] == list(range(25))
    assert all(cell.source.table == 0 for row in table.rows for cell in row.cells)


def test_table_over_page_break_without_header_and_cut_row(parsed: dict[str, Document]) -> None:
    [table] = tables(parsed["break_plain"])
    refs = [row.texts[0] for row in table.rows]
    assert refs[0] == "No" and not table.rows[0].is_header
    assert len(refs) == 26 and refs.count("1.4") == 1
    cut = table.rows[refs.index("1.4")]
    assert cut.cells[1].text.endswith(
        "step 15 of the programme is delivered with partners and reviewed."
    )
    assert not paragraphs(parsed["break_plain"]) or all(
        "programme" not in p for p in paragraphs(parsed["break_plain"])
    )


def test_landscape_turned_and_sideways_pages(parsed: dict[str, Document]) -> None:
    document = parsed["landscape"]
    wide, sideways = tables(document)
    assert wide.source.page == 1 and wide.width == 7
    assert wide.rows[0].texts[3] == "Partners"
    assert ("Turned Page Heading", 2) in [
        (b.text, b.source.page) for b in document.blocks if isinstance(b, Heading)
    ]
    assert (
        "This page is stored in portrait and displayed turned a quarter. "
        "Its text must still come out in reading order."
    ) in paragraphs(document)
    assert sideways.source.page == 3
    assert [row.texts for row in sideways.rows] == [
        ("Quarter", "Burglaries", "ASB calls"),
        ("Q1", "212", "610"),
        ("Q2", "204", "585"),
        ("Q3", "198", "560"),
    ]


def test_sideways_label_in_a_merged_cell(parsed: dict[str, Document]) -> None:
    [table] = tables(parsed["sideways_label"])
    label = table.rows[1].cells[0]
    assert (label.text, label.rowspan) == ("Burglary", 3)
    assert [row.texts[-2] for row in table.rows[1:]] == [a[1] for a in ACTIONS[:3]]
    assert not any(t == "Burglary" or "yralgruB" in t for t in texts(parsed["sideways_label"]))


def test_two_columns_read_column_by_column(parsed: dict[str, Document]) -> None:
    starts = [t.split()[0:3] for t in paragraphs(parsed["two_column"])]
    assert starts == [
        ["The", "first", "column"],
        ["Officers", "and", "housing"],
        ["Where", "the", "same"],
        ["The", "second", "column"],
        ["Calls", "about", "groups"],
        ["We", "will", "keep"],
        ["Both", "stories", "continue"],
    ]
    assert not tables(parsed["two_column"])


def test_unruled_table_over_a_page_break(parsed: dict[str, Document]) -> None:
    document = parsed["unruled_break"]
    table, actions = tables(document)
    assert [row.texts for row in table.rows] == [
        ("", "2023/24 Baseline", "2024/25", "2025/26", "2026/27"),
        ("Recorded number of burglaries", "850", "816", "782", "748"),
    ]
    # The rest of a cut row, alone at the top of the next page, goes back into its cell.
    assert [row.texts for row in actions.rows] == [
        ("No", "Action", "Lead"),
        (
            "1.1",
            "To walk the estate with housing officers and the residents of each ward",
            "Priya Nair",
        ),
    ]
    assert paragraphs(document)[-1] == "Progress is reported to the board."
    assert table.source.page == 1 and table.rows[1].cells[1].source.page == 2
    # A lone aligned line mid-page is text, not a table.
    assert paragraphs(document)[0] == "Owner: Partnership Board Version 3 April 2024"


# --- bad input ----------------------------------------------------------------------------


def test_scanned_page_gives_a_warning(parsed: dict[str, Document]) -> None:
    document = parsed["scan"]
    assert document.page_count == 2
    assert len(document.warnings) == 1 and document.warnings[0].startswith("page 2: no text layer")
    assert texts(document) == ["This page has a text layer."]


def test_encrypted_needs_its_password(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "locked.pdf"
    build_encrypted(path, password="riverside")
    with pytest.raises(EncryptedDocumentError) as caught:
        PdfParser().parse(path, {"backend": backend})
    assert caught.value.path == str(path) and "password" in caught.value.message
    with pytest.raises(EncryptedDocumentError, match="wrong"):
        PdfParser().parse(path, {"password": "guess", "backend": backend})
    document = PdfParser().parse(path, PdfSettings(password="riverside", backend=backend))
    assert texts(document) == ["Restricted partnership briefing."]


def test_not_a_pdf(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "plan.pdf"
    path.write_text("Action plan\n1.1\tDo a thing\n", encoding="utf-8")
    assert not PdfParser().identify(path)
    with pytest.raises(DocumentError, match="not a PDF") as caught:
        PdfParser().parse(path, {"backend": backend})
    assert caught.value.path == str(path)


def test_truncated(built: dict[str, Path], tmp_path: Path, backend: str) -> None:
    data = built["break_repeat"].read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentError) as caught:
        PdfParser().parse(path, {"backend": backend})
    assert caught.value.path == str(path)
    assert "truncated" in caught.value.message


def test_garbage_after_header(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    with pytest.raises(DocumentError) as caught:
        PdfParser().parse(path, {"backend": backend})
    assert str(caught.value).startswith(str(path))


def test_damaged_page_stream_is_reported(
    built: dict[str, Path], tmp_path: Path, backend: str
) -> None:
    data = bytearray(built["break_repeat"].read_bytes())
    starts = [
        m.end()
        for m in re.finditer(rb"ASCII85Decode /FlateDecode \] /Length \d+\s*>>\s*stream\r?\n", data)
    ]
    assert len(starts) == 2  # one content stream per page
    for i in range(starts[1] + 100, starts[1] + 600):
        if data[i] != ord("~"):
            data[i] = ord("z")
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    document = PdfParser().parse(path, {"backend": backend})
    assert document.page_count == 2
    assert len(document.warnings) == 1 and document.warnings[0].startswith(
        "page 2: problem reading the page, some content may be missing"
    )
    assert tables(document)[0].rows[1].texts[0] == "1.1"


def test_unreadable_page_is_skipped_and_recorded(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    from cspplan.parsers.pdf import parser as parser_module

    real = parser_module.read_page

    def failing(page: Any, number: int, settings: PdfSettings) -> Any:
        if number == 1:
            raise ValueError("broken content stream")
        return real(page, number, settings)

    monkeypatch.setattr(parser_module, "read_page", failing)
    document = PdfParser().parse(built["text"], {"backend": backend})
    assert document.page_count == 2
    assert document.warnings == ("page 1: could not be read (ValueError: broken content stream)",)
    assert any(b.text == "Next Steps" for b in document.blocks)
    assert all(b.source.page == 2 for b in document.blocks)


def test_failed_table_finding_keeps_the_text(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    def broken(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("odd drawing")

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    monkeypatch.setattr(PdfiumPage, "find_tables", broken)
    document = PdfParser().parse(built["ruled"], {"backend": backend})
    assert document.warnings == (
        "page 1: ruled tables could not be found (ValueError: odd drawing);"
        " its text is read without them",
    )
    assert any("Progress is reported" in t for t in texts(document))


def test_unforeseen_layout_names_the_file(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    from cspplan.parsers.pdf import parser as parser_module

    def failing(*args: Any) -> Any:
        raise IndexError("no such column")

    monkeypatch.setattr(parser_module, "assemble", failing)
    with pytest.raises(DocumentError, match="could not be assembled") as caught:
        PdfParser().parse(built["ruled"], {"backend": backend})
    assert caught.value.path == str(built["ruled"])


def test_no_readable_page_is_an_error(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    from cspplan.parsers.pdf import parser as parser_module

    def failing(page: Any, number: int, settings: PdfSettings) -> Any:
        raise ValueError("broken")

    monkeypatch.setattr(parser_module, "read_page", failing)
    with pytest.raises(DocumentError, match="no page could be read") as caught:
        PdfParser().parse(built["ruled"], {"backend": backend})
    assert caught.value.path == str(built["ruled"])


# --- memory and work --------------------------------------------------------------------


def test_each_page_closed_and_tables_sought_only_where_ruled(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cspplan.parsers.pdf import parser as parser_module

    events: list[tuple[str, int]] = []
    real_read = parser_module.read_page
    real_close = pdfplumber.page.Page.close
    real_find = pdfplumber.page.Page.find_tables

    def read(page: Any, number: int, settings: PdfSettings) -> Any:
        events.append(("read", number))
        return real_read(page, number, settings)

    def close(self: Any) -> None:
        events.append(("close", self.page_number))
        real_close(self)

    def find_tables(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("tables", self.page_number))
        return real_find(self, *args, **kwargs)

    monkeypatch.setattr(parser_module, "read_page", read)
    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", find_tables)
    PdfParser().parse(built["text"], {"backend": "pdfplumber"})
    # Each page is let go before the next is read; no table search on pages without rules.
    assert events[:4] == [("read", 1), ("close", 1), ("read", 2), ("close", 2)]
    events.clear()
    PdfParser().parse(built["break_repeat"], {"backend": "pdfplumber"})
    assert events[:6] == [
        ("read", 1),
        ("tables", 1),
        ("close", 1),
        ("read", 2),
        ("tables", 2),
        ("close", 2),
    ]


def test_pdfium_closes_each_page_before_reading_it(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2

    from cspplan.parsers.pdf import parser as parser_module

    events: list[tuple[str, int]] = []
    real_read = parser_module.read_page
    real_page_close = pypdfium2.PdfPage.close
    real_text_close = pypdfium2.PdfTextPage.close
    real_find = PdfiumPage.find_tables

    def read(page: Any, number: int, settings: PdfSettings) -> Any:
        events.append(("read", number))
        return real_read(page, number, settings)

    def page_close(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("page closed", 0))
        return real_page_close(self, *args, **kwargs)

    def text_close(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("text closed", 0))
        return real_text_close(self, *args, **kwargs)

    def find_tables(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("tables", self.page_number))
        return real_find(self, *args, **kwargs)

    monkeypatch.setattr(parser_module, "read_page", read)
    monkeypatch.setattr(pypdfium2.PdfPage, "close", page_close)
    monkeypatch.setattr(pypdfium2.PdfTextPage, "close", text_close)
    monkeypatch.setattr(PdfiumPage, "find_tables", find_tables)
    PdfParser().parse(built["text"], {"backend": "pdfium"})
    # pdfium's page and text page are closed once read, before the layout work on them.
    closed = [("text closed", 0), ("page closed", 0)]
    assert events[:6] == [*closed, ("read", 1), *closed, ("read", 2)]
    events.clear()
    PdfParser().parse(built["break_repeat"], {"backend": "pdfium"})
    assert events[:8] == [*closed, ("read", 1), ("tables", 1), *closed, ("read", 2), ("tables", 2)]


def test_pdfium_falls_back_to_pdfplumber_for_a_page_it_cannot_read(
    built: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cspplan.parsers.pdf import parser as parser_module

    class Failing(PdfiumPage):
        def __init__(self, document: Any, index: int, *args: Any) -> None:
            if index == 1:
                raise RuntimeError("odd page")
            super().__init__(document, index, *args)

    expected = PdfParser().parse(built["break_repeat"], {"backend": "pdfplumber"})
    monkeypatch.setattr(parser_module, "PdfiumPage", Failing)
    document = PdfParser().parse(built["break_repeat"], {"backend": "pdfium"})
    assert document.warnings == ("page 2: read with pdfplumber (pdfium: RuntimeError: odd page)",)
    assert document.blocks == expected.blocks


# --- settings and registry ----------------------------------------------------------------


def test_settings_resolve_and_validate() -> None:
    from cspplan.parsers.base import resolve_settings

    settings = resolve_settings(PdfSettings, {"table_settings": {"snap_tolerance": 4}})
    assert settings.table_settings == (("snap_tolerance", 4),)
    with pytest.raises(SettingsError, match="unknown"):
        resolve_settings(PdfSettings, {"pasword": "x"})
    with pytest.raises(SettingsError):
        resolve_settings(PdfSettings, {"table_settings": {"no_such_setting": 1}})
    with pytest.raises(SettingsError):
        resolve_settings(PdfSettings, {"furniture_margin": 2.0})
    with pytest.raises(SettingsError):
        resolve_settings(PdfSettings, {"heading_ratio": 0.5})


def test_settings_change_behaviour(built: dict[str, Path], backend: str) -> None:
    plain = PdfParser().parse(built["unruled"], {"unruled_tables": False, "backend": backend})
    assert not tables(plain)
    no_furniture = PdfParser().parse(built["text"], {"furniture_margin": 0.0, "backend": backend})
    assert not no_furniture.furniture
    apart = PdfParser().parse(built["break_repeat"], {"join_tables": False, "backend": backend})
    assert len(tables(apart)) == 2
    unsearched = PdfParser().parse(built["ruled"], {"max_rules": 3, "backend": backend})
    assert unsearched.warnings == (
        "page 1: 27 ruling lines (a drawing?); not searched for ruled tables",
    )


def test_chosen_by_suffix_and_by_content(built: dict[str, Path], tmp_path: Path) -> None:
    assert choose_parser(built["ruled"]).name == "pdf"
    unnamed = tmp_path / "download"
    unnamed.write_bytes(built["ruled"].read_bytes())
    assert choose_parser(unnamed).name == "pdf"
    document = cspplan.parse_document(unnamed)
    assert document.media_type == "application/pdf" and document.parser == "pdf"
    assert len(document.sha256) == 64


def test_example_plan_is_current(tmp_path: Path) -> None:
    """examples/riverside-action-plan.pdf is what the builder makes now."""
    from fixtures.build_pdf import build_example

    example = (
        Path(__file__).resolve().parents[1] / "examples" / "plans" / "riverside-action-plan.pdf"
    )
    fresh = tmp_path / "example.pdf"
    build_example(fresh)
    assert example.read_bytes() == fresh.read_bytes()
    document = PdfParser().parse(example)
    [burglary, asb, actions] = [b for b in document.blocks if isinstance(b, Table)]
    assert burglary.rows[1].texts == ("Recorded burglaries", "850", "816", "782", "748")
    assert asb.rows[1].texts == ("Incidents reported", "2,400", "2,320", "2,240", "2,160")
    assert [
        row.texts[0]
        for row in actions.rows
        if row.texts[0][:1].isdigit() and "." in row.texts[0][:2]
    ][:3] == [
        "1. Burglary",
        "1.1",
        "1.2",
    ]
