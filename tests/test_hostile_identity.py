"""Files that are not what their name says, plugins chosen by suffix as documented, and plan
JSON with numbers no plan holds: each gives a clear cspplan error or the right parser."""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import cspplan
from cspplan.errors import DocumentError, LoadError, UnsafeDocumentError, UnsupportedFormatError
from cspplan.parsers import registry
from cspplan.parsers.base import describe_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plans" / "northbrook-action-plan.txt"


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"<!DOCTYPE html><html><body>Plan</body></html>", "an HTML page"),
        (b"\xef\xbb\xbf  <html lang='en'>", "an HTML page"),
        (b"Priority 1: reduce burglary\n", "plain text"),
        (b"PK\x03\x04rest", "a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 8, "an OLE compound file"),
        (b"%PDF-1.7\n", "a PDF document"),
        (b"{\\rtf1\\ansi", "an RTF document"),
        (b"\x00\x01\x02binary", "binary data"),
        (b"", "an empty file"),
    ],
)
def test_describe_bytes_names_what_a_file_is(head: bytes, words: str) -> None:
    assert describe_bytes(head).startswith(words)


def test_web_page_saved_as_pdf_is_refused_naming_html(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("<!DOCTYPE html><html><body><h1>Priority 1</h1></body></html>")
    with pytest.raises(DocumentError, match="looks like an HTML page") as caught:
        cspplan.load(path)
    assert str(path) in str(caught.value)


def test_text_named_docx_is_refused_naming_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("Priority 1\nReduce burglary by 5%\n")
    with pytest.raises(DocumentError, match="looks like plain text"):
        cspplan.load(path)


def test_text_under_another_suffix_is_not_sniffed_as_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'example'\n")
    with pytest.raises(UnsupportedFormatError, match=r"\.toml.*plain text.*--format text"):
        cspplan.load(path)
    # Named explicitly, the text parser reads it.
    assert cspplan.parse_document(path, format="text").parser == "text"


def test_text_without_a_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "PLAN"
    path.write_bytes(EXAMPLE.read_bytes())
    assert cspplan.parse_document(path).parser == "text"


def test_text_parser_refuses_a_file_over_its_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(EXAMPLE.read_bytes())
    with pytest.raises(UnsafeDocumentError, match="max_size=100"):
        cspplan.parse_document(path, settings={"max_size": 100})
    assert cspplan.parse_document(path, settings={"max_size": 1 << 20}).blocks


def _documented_parser_source() -> str:
    """The ODT parser exactly as docs/plugins.md writes it (its first code block)."""
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block is not None
    return block.group(1)


@pytest.fixture
def documented_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The documented plugin installed as pip lays one out (module + dist-info)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "cspplan_odt.py").write_text(_documented_parser_source(), encoding="utf-8")
    info = site / "cspplan_odt-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cspplan-odt\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[cspplan.parsers]\nodt = cspplan_odt:OdtParser\n")
    monkeypatch.chdir(tmp_path)  # the documented example writes out/plan.odt on import
    monkeypatch.syspath_prepend(str(site))
    registry.reset()
    yield tmp_path
    sys.modules.pop("cspplan_odt", None)
    registry.reset()


def test_plugin_written_as_documented_wins_its_suffix(documented_plugin: Path) -> None:
    # content.xml written first: the "opendocument.text" mimetype is not in the first 100
    # bytes, so the documented identify() says no; the suffix claim still chooses the plugin.
    path = documented_plugin / "plan.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:text><text:h text:outline-level="1">Action Plan</text:h>'
            "<text:p>Reduce burglary by 5% from 400 to 380.</text:p>"
            "</office:text></office:body></office:document-content>",
        )
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    parser = registry.get_parser("odt")
    assert not parser.identify(path)
    document = cspplan.parse_document(path)
    assert document.parser == "odt"
    assert [type(b).__name__ for b in document.blocks] == ["Heading", "Paragraph"]


@pytest.mark.parametrize(
    "value", ['"1e999999999"', '"' + "9" * 100_000 + '"', '"1e-999999"', "9" * 100_000]
)
def test_extreme_numbers_in_plan_json_are_load_errors(tmp_path: Path, value: str) -> None:
    text = cspplan.dumps(cspplan.load(EXAMPLE))
    assert '"value": "20"' in text
    broken = tmp_path / "plan.json"
    broken.write_text(text.replace('"value": "20"', f'"value": {value}', 1))
    with pytest.raises(LoadError) as caught:
        cspplan.loads(broken.read_text(), path=broken)
    assert str(broken) in str(caught.value)
