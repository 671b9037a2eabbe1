"""The Word parser on synthetic .docx fixtures built by tests/fixtures/build_docx.py."""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import cspplan
from cspplan.document import Block, Cell, Document, Heading, ListItem, Paragraph, Table
from cspplan.errors import (
    CspplanError,
    DocumentError,
    EncryptedDocumentError,
    SettingsError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)
from cspplan.parsers.docx import DocxParser, DocxSettings
from cspplan.parsers.docx.package import classify_ole, ole_stream_names

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx", FIXTURES / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_docx", module)
    spec.loader.exec_module(module)
    return module


build_docx = _load_builder()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("docx")
    return folder, build_docx.build_all(folder)


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_docx.build_bad_inputs(tmp_path_factory.mktemp("bad"))  # type: ignore[no-any-return]


def parse(path: Path, **settings: Any) -> Document:
    return DocxParser().parse(path, settings or None)


def source_data(ref: Any) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(ref).items() if v is not None}


def block_data(block: Block | Cell) -> dict[str, Any]:
    """A block as JSON-ready data, for golden files."""
    if isinstance(block, Table):
        return {
            "kind": "table",
            "source": source_data(block.source),
            "rows": [
                {
                    "is_header": row.is_header,
                    "source": source_data(row.source),
                    "cells": [block_data(cell) for cell in row.cells],
                }
                for row in block.rows
            ],
        }
    if isinstance(block, Cell):
        data: dict[str, Any] = {
            "lines": list(block.lines),
            "colspan": block.colspan,
            "rowspan": block.rowspan,
            "source": source_data(block.source),
        }
        if block.tables:
            data["tables"] = [block_data(t) for t in block.tables]
        return data
    data = {"kind": type(block).__name__.lower(), "text": block.text}
    if isinstance(block, Heading):
        data["level"] = block.level
    if isinstance(block, ListItem):
        data["level"] = block.level
        data["marker"] = block.marker
    if isinstance(block, Paragraph) and block.emphasis:
        data["emphasis"] = True
    data["source"] = source_data(block.source)
    return data


def document_data(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "media_type": document.media_type,
        "parser": document.parser,
        "page_count": document.page_count,
        "warnings": list(document.warnings),
        "blocks": [block_data(b) for b in document.blocks],
        "furniture": [block_data(b) for b in document.furniture],
    }


def texts(document: Document) -> list[str]:
    return [b.text for b in document.blocks if not isinstance(b, Table)]


def tables(document: Document) -> list[Table]:
    return list(document.iter_tables())


# --- golden -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(build_docx.BUILDERS))
def test_fixture_matches_golden(
    name: str, built: tuple[Path, dict[str, Path]], golden: Callable[..., None]
) -> None:
    folder, paths = built
    golden(f"docx/{name}", document_data(parse(paths[name])), root=folder)


def test_example_plan_matches_golden(tmp_path: Path, golden: Callable[..., None]) -> None:
    path = build_docx.build_example(tmp_path / "eastvale-violent-crime-plan.docx")
    golden("docx/example", document_data(parse(path)), root=tmp_path)


def test_committed_example_is_what_the_builder_makes(tmp_path: Path) -> None:
    committed = ROOT / "examples" / "plans" / "eastvale-violent-crime-plan.docx"
    rebuilt = build_docx.build_example(tmp_path / committed.name)

    # Compared as read, not byte for byte: another python-docx release may lay out the
    # package differently while the document stays the same.
    def read(path: Path) -> str:
        return json.dumps(document_data(parse(path))).replace(str(path), "<path>")

    assert read(committed) == read(rebuilt)


def test_builds_are_deterministic(tmp_path: Path) -> None:
    first = build_docx.build_tables(tmp_path / "a.docx").read_bytes()
    second = build_docx.build_tables(tmp_path / "b.docx").read_bytes()
    assert first == second


# --- body order, headings, paragraphs -----------------------------------------------------


def test_body_order_interleaves_paragraphs_and_tables(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["body_order"])
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds[:5] == ["Heading", "Heading", "Paragraph", "Table", "Paragraph"]
    assert kinds[-4:] == ["Paragraph", "Paragraph", "Table", "Table"]
    first_table = tables(document)[0]
    assert first_table.rows[1].texts == ("Reports of anti-social behaviour", "2,140", "1,985")


def test_headings_from_styles_and_outline_levels(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["body_order"])
    headings = {b.text: b.level for b in document.blocks if isinstance(b, Heading)}
    assert headings == {
        "Northmoor Community Safety Partnership": 1,  # Title
        "Introduction": 1,
        "Our approach": 2,
        "Delivery and governance": 1,  # w:outlineLvl 0 on the paragraph
        "Funding": 3,  # w:outlineLvl 2 in the paragraph's custom style
    }
    # outlineLvl 9 ("body text") on a Heading 3 paragraph overrides its style.
    assert "Not a heading despite the style" not in headings


def test_hidden_deleted_field_and_toc_text(built: tuple[Path, dict[str, Path]]) -> None:
    found = texts(parse(built[1]["body_order"]))
    assert "Visible text" in found
    assert "Partners will meet monthly to review progress." in found
    assert "Last reviewed: March 2024" in found
    assert not any("hidden reviewer" in t or "quarterly" in t for t in found)
    assert parse(built[1]["body_order"]).warnings == (
        "the document has tracked changes; read as if they were all accepted",
    )
    assert not any(t.startswith("Introduction 2") for t in found)  # the TOC entry
    with_toc = texts(parse(built[1]["body_order"], skip_toc=False))
    assert "Introduction 2" in with_toc


def test_emphasis_soft_breaks_and_typed_markers(built: tuple[Path, dict[str, Path]]) -> None:
    blocks = parse(built[1]["body_order"]).blocks
    by_text = {b.text: b for b in blocks if not isinstance(b, Table)}
    bold = by_text["Priority areas for the first year"]
    assert isinstance(bold, Paragraph) and bold.emphasis
    assert "Hartley ward\nQuayside ward" in by_text
    bullet = by_text["Typed bullet for the night-time economy"]
    assert isinstance(bullet, ListItem) and bullet.marker == "•"
    ref = by_text["Typed reference for a licensing review"]
    assert isinstance(ref, ListItem) and ref.marker == "2.3"
    plain = texts(parse(built[1]["body_order"], typed_markers=False))
    assert "2.3 Typed reference for a licensing review" in plain


def test_columns_laid_out_with_tabs_become_a_table(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["body_order"])
    assert "Telephone: 01234 567890" in texts(document)  # one line with a tab stays text
    laid_out = tables(document)[1]
    assert [row.texts for row in laid_out.rows] == [
        ("Role", "Name", "Organisation"),
        ("Chair", "Cllr Priya Nair", "Northmoor Borough Council"),
        ("Vice chair", "Supt Dan Hale", "Northmoor Police"),
    ]
    assert laid_out.source.table is None
    assert [row.source.paragraph for row in laid_out.rows] == [19, 20, 21]
    assert tables(document)[2].source.table == 1  # Word's own tables keep their numbers
    plain = parse(built[1]["body_order"], tab_tables=False)
    assert "Chair Cllr Priya Nair Northmoor Borough Council" in texts(plain)


def test_paragraph_indices_count_empty_paragraphs(built: tuple[Path, dict[str, Path]]) -> None:
    blocks = parse(built[1]["body_order"]).blocks
    paragraphs = [b.source.paragraph for b in blocks if not isinstance(b, Table)]
    assert paragraphs == sorted(paragraphs)
    assert len(set(paragraphs)) == len(paragraphs)
    assert paragraphs[0] == 0 and paragraphs[1] == 2  # the TOC entry is paragraph 1
    assert all(b.source.file == str(built[1]["body_order"]) for b in blocks)


# --- numbering ----------------------------------------------------------------------------


def _markers(document: Document) -> dict[str, tuple[str, int]]:
    return {b.text: (b.marker, b.level) for b in document.blocks if isinstance(b, ListItem)}


def test_automatic_numbering_is_computed(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["numbering"])
    markers = _markers(document)
    assert markers["Map late-night hotspots each month"] == ("1.", 0)
    assert markers["Share door-staff incident logs"] == ("1.1", 1)
    assert markers["Agree a data-sharing protocol"] == ("1.2", 1)
    assert markers["Licensed premises"] == ("a)", 2)
    assert markers["Taxi marshals"] == ("b)", 2)
    assert markers["Weekend only"] == ("(i)", 3)
    assert markers["Review street lighting"] == ("1.3", 1)
    assert markers["Fund a second street pastor team"] == ("2.", 0)
    assert markers["Recruit volunteers"] == ("2.1", 1)  # lower level restarted


def test_numbering_instances_overrides_and_restarts(built: tuple[Path, dict[str, Path]]) -> None:
    markers = _markers(parse(built[1]["numbering"]))
    assert markers["Continues through another instance"][0] == "3."
    assert markers["Restarted by a start override"][0] == "1."
    assert markers["And continues after it"][0] == "2."
    assert markers["Starts at four in roman"][0] == "IV."
    assert markers["Letter under roman"][0] == "IV.A"
    assert markers["Legal numbering in decimal"][0] == "4.1.1"
    assert markers["Next roman"][0] == "V."
    assert markers["Letter that never restarts"][0] == "V.B"
    assert markers["Linked through a numbering style"][0] == "A01"
    assert markers["Second level of the linked list"][0] == "1st step"
    # The empty numbered paragraph took number 3 of its list.
    assert markers["After the empty item"][0] == "4."


def test_bullet_glyphs_from_symbol_fonts(built: tuple[Path, dict[str, Path]]) -> None:
    markers = _markers(parse(built[1]["numbering"]))
    assert markers["Victim care hub"] == ("•", 0)
    assert markers["Referral within 48 hours"] == ("◦", 1)
    assert markers["Follow-up call"] == ("▪", 2)


def test_numbered_headings_and_switched_off_numbering(
    built: tuple[Path, dict[str, Path]],
) -> None:
    document = parse(built[1]["numbering"])
    headings = [(b.text, b.level) for b in document.blocks if isinstance(b, Heading)]
    assert headings == [
        ("1. Reducing violence", 1),
        ("1.1 Town centre", 2),
        ("2. Supporting victims", 1),
    ]
    by_text = {b.text: b for b in document.blocks if not isinstance(b, Table)}
    assert isinstance(by_text["List Number style switched off"], Paragraph)
    assert isinstance(by_text["Points at a definition that is missing"], Paragraph)
    assert isinstance(by_text["Numbered with no visible number"], Paragraph)
    assert document.warnings == ("numbering definition 404 is missing; list numbers left out",)


def test_numbering_inside_table_cells(built: tuple[Path, dict[str, Path]]) -> None:
    table = tables(parse(built[1]["numbering"]))[0]
    assert table.rows[1].cells[0].lines == (
        "4.1 Run a safer-streets week",
        "• Bulleted note in the cell",
        "◦ Sub-point:",
        "• typed",
        "• inline",
    )
    assert table.rows[2].cells[0].lines[0] == "4.2 Publish the results"
    refs = tables(parse(built[1]["numbering"]))[1]
    assert [row.texts for row in refs.rows] == [
        ("Ref", "Action"),
        ("R1", "Audit CCTV coverage"),
        ("R2", "Publish a night-time map"),
    ]


def test_clean_line_removes_invisible_characters() -> None:
    from cspplan.parsers.docx import clean_line

    assert clean_line("\tCom\u200bmunity\u00a0safety\u00adplan  ") == "Community safetyplan"


# --- tables -------------------------------------------------------------------------------


def test_merged_cells_are_read_once(built: tuple[Path, dict[str, Path]]) -> None:
    table = tables(parse(built[1]["tables"]))[0]
    spans = [[(c.source.column, c.colspan, c.rowspan) for c in row.cells] for row in table.rows]
    assert spans[1] == [(0, 1, 1), (1, 3, 1)]
    assert spans[4] == [(0, 1, 1), (1, 1, 1), (2, 1, 2), (3, 1, 3)]
    assert spans[5] == [(0, 1, 1), (1, 1, 1)]
    assert spans[6] == [(0, 1, 1), (1, 1, 1), (2, 1, 1)]
    assert table.rows[4].texts == ("A2", "Survey residents", "Police", "Ongoing")
    assert sum("Ongoing" in cell for row in table.rows for cell in row.texts) == 1
    assert table.width == 4


def test_section_row_and_header_rows(built: tuple[Path, dict[str, Path]]) -> None:
    table = tables(parse(built[1]["tables"]))[0]
    section = table.rows[2]
    assert len(section.cells) == 1 and section.cells[0].colspan == 4
    assert section.texts == ("Theme A: Safer streets",)
    assert [row.is_header for row in table.rows] == [True, True] + [False] * 5


def test_cell_lines_nested_tables_and_grid_before(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["tables"])
    table, indented = tables(document)
    action = table.rows[3].cells[1]
    assert action.lines == (
        "Install two new CCTV cameras",
        "Second paragraph of the action",
        "First line",
        "second line",
    )
    visits = table.rows[6].cells[1]
    assert visits.lines == ("Door-to-door visits", "Resources:", "• officer time", "• leaflets")
    (nested,) = visits.tables
    assert [row.texts for row in nested.rows] == [("Quarter", "Visits"), ("Q1", "120")]
    assert nested.source.table == 1 and indented.source.table == 2
    row = indented.rows[1]
    assert [(c.source.column, c.colspan, c.lines) for c in row.cells] == [
        (0, 1, ()),
        (1, 1, ("41",)),
        (2, 1, ("38",)),
    ]
    unsplit = tables(parse(built[1]["tables"], split_inline_bullets=False))[0]
    assert "Resources: • officer time • leaflets" in unsplit.rows[6].cells[1].lines


def test_table_source_refs(built: tuple[Path, dict[str, Path]]) -> None:
    table = tables(parse(built[1]["tables"]))[0]
    cell = table.rows[4].cells[3]
    assert (cell.source.table, cell.source.row, cell.source.column) == (0, 4, 3)
    assert table.rows[4].source.row == 4 and table.source.table == 0


# --- content controls, text boxes, furniture ----------------------------------------------


def test_content_controls_and_placeholders(built: tuple[Path, dict[str, Path]]) -> None:
    found = texts(parse(built[1]["controls"]))
    assert "Head of Community Safety, Westbrook Council" in found
    assert "Deputy: Partnership Analyst" in found
    assert "Approved on 12 April 2024 by the board." in found
    assert not any("Click or tap" in t for t in found)
    shown = texts(parse(built[1]["controls"], skip_placeholders=False))
    assert "Click or tap here to enter text." in shown


def test_text_boxes_are_read_once(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["controls"])
    found = texts(document)
    assert found.count("Report abuse: call 0300 000 0000") == 1
    index = found.index("Report abuse: call 0300 000 0000")
    assert found[index - 1] == "Key message:"
    box = [b for b in document.blocks if not isinstance(b, Table)][index]
    anchor = [b for b in document.blocks if not isinstance(b, Table)][index - 1]
    assert box.source.paragraph == anchor.source.paragraph
    table = tables(document)[0]
    assert table.rows[1].cells[1].lines == ("Outreach team", "Open 24 hours")


def test_rows_inside_content_controls(built: tuple[Path, dict[str, Path]]) -> None:
    table = tables(parse(built[1]["controls"]))[0]
    assert [row.texts[0] for row in table.rows] == ["Service", "Refuge"]


def test_footnotes_and_endnotes_follow_the_body(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["controls"])
    body = [b for b in document.blocks if not isinstance(b, Table)]
    claim = next(b for b in body if b.text.startswith("Reports of domestic abuse"))
    # The reference mark is not glued to the figure.
    assert claim.text == "Reports of domestic abuse rose by 18% last year."
    notes = body[-3:]
    assert [n.text for n in notes] == [
        "Funded until March 2025.",  # referred to from the table, which comes first
        "Police recorded incidents, 2022/23 against 2021/22.",
        "Figures are provisional.",
    ]
    assert (notes[0].source.table, notes[0].source.row, notes[0].source.column) == (0, 1, 0)
    assert notes[1].source == claim.source and notes[2].source == claim.source
    without = texts(parse(built[1]["controls"], notes=False))
    assert "Figures are provisional." not in without


def test_smartart_text_in_diagram_order(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["drawings"])
    found = texts(document)
    start = found.index("How the partnership is organised:")
    assert found[start + 1 : start + 5] == [
        "Strategic Board",
        "Violence Reduction Group",
        "Night-time Economy Task Team",
        "Anti-social Behaviour Group",
    ]
    word_table = next(t for t in tables(document) if t.source.table == 0)
    cell = word_table.rows[0].cells[1]
    assert cell.lines == (
        "Strategic Board",
        "Violence Reduction Group",
        "Night-time Economy Task Team",
        "Anti-social Behaviour Group",
    )
    assert document.warnings == (
        "a chart without cached data was not read",
        "an embedded object (a spreadsheet or similar) was not read",
    )


def test_chart_data_read_as_a_table(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["drawings"])
    found = texts(document)
    assert "Violence with injury: trajectory to 2024/25" in found
    chart = next(t for t in tables(document) if t.source.table is None)
    assert [row.texts for row in chart.rows] == [
        ("", "2021/22 Baseline", "2022/23", "2023/24", "2024/25 (Target -10%)"),
        ("Offences", "820", "800", "779", "738"),
        ("Share detected", "21.4%", "20.0%", "25.0%", ""),
        ("Spend", "£12,500", "£13,250", "£14,000", "£15,000"),
    ]
    title = next(
        b
        for b in document.blocks
        if getattr(b, "text", "") == "Violence with injury: trajectory to 2024/25"
    )
    assert chart.source == title.source and chart.source.paragraph == 3


def test_headers_and_footers_are_furniture(built: tuple[Path, dict[str, Path]]) -> None:
    document = parse(built[1]["controls"])
    assert [b.text for b in document.furniture] == [
        "Westbrook CSP – Domestic Abuse Plan 2024-25",
        "Page 1",
    ]
    assert not any("Westbrook CSP" in t for t in texts(document))
    assert parse(built[1]["controls"], headers_footers=False).furniture == ()


def test_readme_command_reads_the_example(tmp_path: Path) -> None:
    from cspplan.cli import main

    example = ROOT / "examples" / "plans" / "eastvale-violent-crime-plan.docx"
    status = main(["parse", str(example), "-o", str(tmp_path / "plan.json"), "-q"])
    assert status == 0
    plan = cspplan.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert plan.title == "Violent Crime Action Plan 2024/25"
    assert plan.source.parser == "docx"


# --- the parser contract ------------------------------------------------------------------


def test_contract_and_registry(built: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    parser = DocxParser()
    assert parser.name == "docx"
    assert {".docx", ".docm", ".doc"} <= set(parser.suffixes)
    assert parser.media_type.endswith("wordprocessingml.document")
    path = built[1]["tables"]
    assert parser.identify(path)
    renamed = tmp_path / "plan.bin"
    renamed.write_bytes(path.read_bytes())
    assert parser.identify(renamed)  # by content, not name
    text = tmp_path / "notes.txt"
    text.write_text("Just text.")
    assert not parser.identify(text)
    document = cspplan.parse_document(renamed)
    assert document.parser == "docx"
    assert document.sha256 and len(document.sha256) == 64


def test_docm_and_renamed_doc_are_read(built: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    doc = build_docx.build_renamed_doc(tmp_path / "old-name.doc")
    assert texts(cspplan.parse_document(doc)) == ["Renamed file, still Word 2007 format inside."]
    macro = tmp_path / "plan.docm"
    macro.write_bytes(built[1]["tables"].read_bytes())
    content_types = (
        zipfile.ZipFile(macro)
        .read("[Content_Types].xml")
        .replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        )
    )
    build_docx.replace_part(macro, "[Content_Types].xml", content_types)
    document = cspplan.parse_document(macro)
    assert document.media_type == "application/vnd.ms-word.document.macroEnabled.12"
    assert len(tables(document)) == 2


def test_strict_open_xml_reads_like_transitional(
    built: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    source = built[1]["tables"]
    strict = tmp_path / "strict.docx"
    strict.write_bytes(source.read_bytes())
    names = {
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
            b"http://purl.oclc.org/ooxml/wordprocessingml/main"
        ),
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(source) as archive:
        for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
            data = archive.read(part)
            for old, new in names.items():
                data = data.replace(old, new)
            build_docx.replace_part(strict, part, data)

    def read(path: Path) -> str:
        return json.dumps([block_data(b) for b in parse(path).blocks]).replace(str(path), "<f>")

    assert read(strict) == read(source)


def test_settings_resolve_and_validate() -> None:
    from cspplan.parsers.base import resolve_settings

    assert resolve_settings(DocxSettings, None) == DocxSettings()
    assert resolve_settings(DocxSettings, {"max_members": 10}).max_members == 10
    with pytest.raises(SettingsError):
        resolve_settings(DocxSettings, {"max_members": 0})
    with pytest.raises(SettingsError):
        resolve_settings(DocxSettings, {"zip_limit": 3})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DocxSettings().max_members = 3  # type: ignore[misc]


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("not_zip", DocumentError, "not a zip archive"),
        ("empty", DocumentError, "empty file"),
        ("no_document", DocumentError, "no word/document.xml"),
        ("workbook", DocumentError, "Excel workbook"),
        ("encrypted", EncryptedDocumentError, "password-protected"),
        ("legacy", UnsupportedFormatError, "legacy .doc"),
        ("other_ole", DocumentError, "not a Word document"),
        ("rich_text", UnsupportedFormatError, "RTF"),
        ("truncated", DocumentError, "truncated"),
        ("bomb", UnsafeDocumentError, "zip bomb"),
        ("entities", UnsafeDocumentError, "DTD"),
        ("malformed", DocumentError, "malformed XML in word/document.xml"),
    ],
)
def test_bad_input_raises_clear_error(
    name: str, error: type[CspplanError], words: str, bad: dict[str, Path]
) -> None:
    path = bad[name]
    with pytest.raises(error) as caught:
        DocxParser().parse(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(str(path))
    assert words in str(caught.value)


@pytest.mark.parametrize("name", ["encrypted", "legacy", "truncated", "bomb", "workbook"])
def test_bad_word_files_get_the_word_error_through_load(name: str, bad: dict[str, Path]) -> None:
    with pytest.raises(CspplanError) as caught:
        cspplan.load(bad[name])
    assert caught.value.path == str(bad[name])
    assert "docx" in str(caught.value) or "Word" in str(caught.value) or "zip" in str(caught.value)


def test_zip_limits_come_from_settings(built: tuple[Path, dict[str, Path]]) -> None:
    path = built[1]["tables"]
    with pytest.raises(UnsafeDocumentError, match="members"):
        parse(path, max_members=3)
    with pytest.raises(UnsafeDocumentError, match="inflates to"):
        parse(path, max_member_size=1000)
    with pytest.raises(UnsafeDocumentError, match="in all"):
        parse(path, max_total_size=20_000)
    with pytest.raises(UnsafeDocumentError, match="compressed"):
        parse(path, max_compression_ratio=1.5, ratio_threshold=0)


def test_member_larger_than_declared_is_refused(
    built: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    # A zip directory can understate a member's size; reading is bounded by it regardless.
    source = built[1]["tables"].read_bytes()
    with zipfile.ZipFile(built[1]["tables"]) as archive:
        info = archive.getinfo("word/document.xml")
        size = info.file_size
    lying = bytearray(source)
    marker = b"word/document.xml"
    # Patch the uncompressed size in the central directory entry (offset 24 from its start).
    central = source.rfind(marker) - 46
    assert source[central : central + 4] == b"PK\x01\x02"
    assert int.from_bytes(source[central + 24 : central + 28], "little") == size
    lying[central + 24 : central + 28] = (size // 2).to_bytes(4, "little")
    path = tmp_path / "lying.docx"
    path.write_bytes(bytes(lying))
    with pytest.raises(DocumentError):
        DocxParser().parse(path)


def test_utf16_part_with_a_dtd_is_refused(
    built: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    path = tmp_path / "utf16.docx"
    path.write_bytes(built[1]["tables"].read_bytes())
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
    )
    build_docx.replace_part(path, "word/document.xml", xml.encode("utf-16"))
    with pytest.raises(UnsafeDocumentError, match="DTD"):
        DocxParser().parse(path)


def test_ole_directory_reader(bad: dict[str, Path]) -> None:
    assert {"EncryptionInfo", "EncryptedPackage"} <= ole_stream_names(bad["encrypted"].read_bytes())
    assert classify_ole(bad["legacy"].read_bytes()) == "doc"
    assert classify_ole(bad["other_ole"].read_bytes()) is None
    assert ole_stream_names(b"not ole") == frozenset()
    # A header whose chains point nowhere must end, not loop.
    garbage = bytearray(bad["legacy"].read_bytes())
    garbage[48:52] = (7777).to_bytes(4, "little")
    assert classify_ole(bytes(garbage)) in ("doc", None)
