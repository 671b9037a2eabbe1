"""The text and markdown parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from cspplan import parse_document
from cspplan.document import Heading, ListItem, Paragraph, Table
from cspplan.errors import CspplanError, DocumentError, SettingsError
from cspplan.parsers.text import TextParser, cell_lines, clean_inline, text_to_blocks


def blocks(text: str) -> list:
    return list(text_to_blocks(text, "t.txt"))


def test_markdown_headings_keep_their_level() -> None:
    out = blocks("# Plan title\n\n### Deeper **bold** part\n")
    assert [(type(b), b.text, b.level) for b in out] == [
        (Heading, "Plan title", 1),
        (Heading, "Deeper bold part", 3),
    ]


def test_bold_only_lines_are_headings_even_over_hard_breaks() -> None:
    out = blocks(
        "**WESTFORD  \nSAFER TOWNS STRATEGY  \n2012 / 2015**\n\n**Note:** body text follows here.\n"
    )
    assert isinstance(out[0], Heading)
    assert out[0].text == "WESTFORD SAFER TOWNS STRATEGY 2012 / 2015"
    assert isinstance(out[1], Paragraph)
    assert out[1].text == "Note: body text follows here."


@pytest.mark.parametrize("marker", ["-", "•", "§", "❖", "▪", "*"])
def test_bullets_are_list_items_with_their_marker(marker: str) -> None:
    (item,) = blocks(f"{marker} Fit window locks in 40 homes\n")
    assert isinstance(item, ListItem)
    assert item.marker == marker
    assert item.text == "Fit window locks in 40 homes"


def test_nested_converter_bullets_use_the_inner_glyph_and_indent_level() -> None:
    first, second = blocks("- § reduce repeat calls\n    - deeper point\n")
    assert (first.marker, first.text, first.level) == ("§", "reduce repeat calls", 0)
    assert (second.marker, second.level) == ("-", 2)


def test_numbered_lines_are_list_items_but_years_are_not() -> None:
    out = blocks("2. Prevention and education\n\n2009 / 2012 plan period\n")
    assert isinstance(out[0], ListItem) and out[0].marker == "2."
    assert isinstance(out[1], Paragraph)


def test_tab_separated_lines_form_one_table_with_line_refs() -> None:
    text = "Intro sentence that is long enough to be body text, not a heading.\n\nRef\tAction\tLead\n1.1\tFit locks\tJo Hart\n"
    para, table = blocks(text)
    assert isinstance(para, Paragraph) and isinstance(table, Table)
    assert [r.texts for r in table.rows] == [
        ("Ref", "Action", "Lead"),
        ("1.1", "Fit locks", "Jo Hart"),
    ]
    cell = table.rows[1].cells[2]
    assert (cell.source.line, cell.source.table, cell.source.row, cell.source.column) == (
        4,
        0,
        1,
        2,
    )


def test_blank_line_separates_tables_and_separator_rows_are_dropped() -> None:
    out = blocks("A\tB\n--\t---\n1\t2\n\n3\t4\n")
    assert [len(t.rows) for t in out] == [2, 1]
    assert [t.source.table for t in out] == [0, 1]


def test_a_rule_below_the_header_is_syntax_but_further_down_a_break() -> None:
    first, second = blocks("Ref\tAction\n--\t---\n1\tPatrols\n2\tLeaflets\n--\t---\n3\tCameras\n")
    assert [r.texts for r in first.rows] == [("Ref", "Action"), ("1", "Patrols"), ("2", "Leaflets")]
    assert [r.texts for r in second.rows] == [("3", "Cameras")]


def test_pipe_tables_are_read() -> None:
    (table,) = blocks("| Ref | Action |\n|---|---|\n| 1 | Patrols |\n")
    assert [r.texts for r in table.rows] == [(" Ref ".strip(), "Action"), ("1", "Patrols")]


def test_html_in_cells_becomes_lines() -> None:
    raw = '<p>Aims:</p> <ul style="x"> <li>• cut <b>thefts</b> by 8%</li><li>more &amp; better</li></ul>'
    assert cell_lines(raw) == ("Aims:", "• cut thefts by 8%", "more & better")


def test_inline_bullets_split_a_cell() -> None:
    assert cell_lines("Measures: • Calls logged • Survey score") == (
        "Measures:",
        "• Calls logged",
        "• Survey score",
    )


def test_clean_inline_removes_links_and_emphasis() -> None:
    assert (
        clean_inline("It [was](#) the 3<sup>rd</sup> **best** result")
        == "It was the 3rd best result"
    )


def test_short_title_lines_are_headings_sentences_are_not() -> None:
    out = blocks(
        "MONITORING AND REVIEW\n\nAction Group Members\n\nThe group meets monthly to review progress.\n"
    )
    assert [type(b) for b in out] == [Heading, Heading, Paragraph]
    assert out[0].level == 2 and out[1].level == 3


def test_heading_inference_can_be_switched_off(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("Action Group Members\n", encoding="utf-8")
    doc = parse_document(path, settings={"infer_headings": False})
    assert isinstance(doc.blocks[0], Paragraph)


def test_consecutive_lines_join_into_one_paragraph() -> None:
    (para,) = blocks("The partnership will review\nprogress every quarter.\n")
    assert para.text == "The partnership will review\nprogress every quarter."
    assert (para.source.line, para.source.end_line) == (1, 2)


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Budget \u00a3500 for the caf\u00e9 scheme \u2013 agreed.\n".encode("cp1252"))
    doc = parse_document(path)
    assert "£500" in doc.blocks[0].text and "–" in doc.blocks[0].text


def test_document_records_source_facts(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Title\n", encoding="utf-8")
    doc = parse_document(path)
    assert doc.parser == "text" and doc.media_type == "text/markdown"
    assert len(doc.sha256) == 64 and doc.blocks[0].source.file == str(path)


def test_nul_bytes_are_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc\x00def")
    with pytest.raises(DocumentError) as info:
        TextParser().parse(path)
    assert str(path) in str(info.value)


def test_unknown_setting_is_a_settings_error(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(SettingsError):
        parse_document(path, settings={"no_such_option": 1})
    with pytest.raises(CspplanError):
        parse_document(path, settings={"max_heading_words": 0})


def test_identify_rejects_binary(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    text = tmp_path / "plan"
    text.write_text("Plain words\n", encoding="utf-8")
    other = tmp_path / "pyproject.toml"
    other.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert not TextParser().identify(binary)
    assert TextParser().identify(text)
    # Text under another format's suffix is not a plan: sniffing leaves it to --format text.
    assert not TextParser().identify(other)


def test_a_line_with_more_cells_than_any_table_is_text() -> None:
    from cspplan.parsers.text import MAX_CELLS

    (block,) = blocks("a\t" * (MAX_CELLS + 5) + "\n")
    assert isinstance(block, Paragraph)
    (table,) = blocks("a\t" * 10 + "\n")
    assert isinstance(table, Table) and len(table.rows[0].cells) == 11
