"""Word files at the XML parser's limits, with hidden DTDs, without styles or with huge
tables: each refused or warned about in the user's terms, naming the setting to change.

The files come from tests/test_hostile.py's builders; here they are read in this process,
so the messages and settings can be looked at (test_hostile.py reads them in children under
memory and time limits).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

import cspplan
from cspplan.errors import DocumentError, UnsafeDocumentError
from test_hostile import (
    BILLION_LAUGHS,
    ONE_MB,
    W_NS,
    _hidden_dtd,
    entity_docx,
    long_table_docx,
    nested_tables_docx,
    plan_docx,
    prose,
    replace_member,
    without_member,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx-templates")
    plan_docx(folder / "plan.docx")
    return folder


def test_nesting_past_the_depth_limit_names_it_and_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "nested.docx"
    nested_tables_docx(path, 120)
    with pytest.raises(UnsafeDocumentError) as caught:
        cspplan.parse_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: word/document.xml nests elements more than 256 levels")
    assert "huge_xml=True" in message and "XML_PARSE_HUGE" not in message
    document = cspplan.parse_document(path, settings={"huge_xml": True})
    lines: list[str] = []
    tables = list(document.iter_tables())
    while tables:  # a loop, not recursion: the tables nest 120 deep
        table = tables.pop()
        for row in table.rows:
            for cell in row.cells:
                lines.extend(cell.lines)
                tables.extend(cell.tables)
    assert "Level 119: reduce park thefts by 4%" in lines and "innermost" in lines


def test_a_text_run_past_the_node_limit_names_it_and_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "long-run.docx"
    plan_docx(path, paragraph=prose(11 * ONE_MB))
    with pytest.raises(UnsafeDocumentError) as caught:
        cspplan.parse_document(path)
    assert "a single run of text longer than 10 MB" in str(caught.value)
    assert "huge_xml=True" in str(caught.value)
    document = cspplan.parse_document(path, settings={"huge_xml": True})
    assert max(len(getattr(b, "text", "")) for b in document.blocks) > 10 * ONE_MB


@pytest.mark.parametrize("huge", [False, True])
@pytest.mark.parametrize(
    "lead, encoding",
    [("<!--" + "a long comment " * 5000 + "-->\n", "utf-8"), ("", "utf-16"), ("\n\t \n", "utf-8")],
    ids=["after-comment", "utf-16", "whitespace"],
)
def test_a_hidden_dtd_is_unsafe_whatever_the_settings(
    template: Path, tmp_path: Path, lead: str, encoding: str, huge: bool
) -> None:
    path = tmp_path / "hidden.docx"
    _hidden_dtd(lead, encoding)(path, template)
    with pytest.raises(UnsafeDocumentError, match=r"DTD|entities"):
        cspplan.parse_document(path, settings={"huge_xml": huge})


def test_a_bare_ampersand_is_malformed_not_unsafe(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "ampersand.docx"
    replace_member(
        template / "plan.docx",
        path,
        "word/document.xml",
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>AT&T</w:t></w:r></w:p>'
        "</w:body></w:document>".encode(),
    )
    with pytest.raises(DocumentError, match=r"malformed XML in word/document\.xml") as caught:
        cspplan.parse_document(path)
    assert not isinstance(caught.value, UnsafeDocumentError)


def test_entity_attacks_stay_refused_with_huge_xml(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "laughs.docx"
    entity_docx(path, template / "plan.docx", BILLION_LAUGHS, "&lol9;")
    with pytest.raises(UnsafeDocumentError):
        cspplan.parse_document(path, settings={"huge_xml": True})


def test_a_missing_styles_part_is_a_warning_about_headings(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "no-styles.docx"
    without_member(template / "plan.docx", path, "word/styles.xml")
    document = cspplan.parse_document(path)
    assert any("headings set by paragraph style could not be read" in w for w in document.warnings)
    assert any("word/styles.xml" in w for w in cspplan.load(path).warnings)
    with_styles = cspplan.parse_document(template / "plan.docx")
    assert not any("styles" in w for w in with_styles.warnings)


def test_a_table_past_the_cell_limit_is_refused_naming_the_setting(
    template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "table.docx"
    long_table_docx(path, template / "plan.docx", 1_000)  # 3,000 cells
    with pytest.raises(UnsafeDocumentError) as caught:
        cspplan.parse_document(path, settings={"max_table_cells": 2_999})
    assert "more than 2999 cells" in str(caught.value)
    assert "max_table_cells" in str(caught.value)
    document = cspplan.parse_document(path, settings={"max_table_cells": 3_000})
    assert sum(len(t.rows) for t in document.iter_tables()) == 1_000
