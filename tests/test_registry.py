"""Parser discovery through entry points, including a third party's parser."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import cspplan
from cspplan.errors import CspplanError, DocumentError, UnsupportedFormatError
from cspplan.parsers import registry


def install_dist(site: Path, name: str, entry_points: str) -> None:
    """Lay out a distribution's metadata the way pip would, so importlib.metadata finds it."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[cspplan.parsers]\n{entry_points}\n", encoding="utf-8")


@pytest.fixture
def plugin_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A third-party distribution, installed the way pip would: a module and a dist-info
    folder whose entry_points.txt registers a parser under ``cspplan.parsers``."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "csv_plans.py").write_text(
        textwrap.dedent(
            """
            from pathlib import Path
            from cspplan.document import Cell, Document, Row, Table
            from cspplan.model import SourceRef

            class CsvPlanParser:
                name = "csvplan"
                suffixes = (".csvplan",)
                media_type = "text/csv"

                def identify(self, path):
                    return Path(path).read_bytes().startswith(b"#csvplan")

                def parse(self, path, settings=None):
                    lines = Path(path).read_text().splitlines()[1:]
                    rows = tuple(
                        Row(cells=tuple(Cell(lines=(c,)) for c in line.split(",")))
                        for line in lines
                    )
                    return Document(
                        path=str(path), sha256="0" * 64, media_type=self.media_type,
                        parser=self.name, blocks=(Table(rows=rows, source=SourceRef(file=str(path))),),
                    )
            """
        ),
        encoding="utf-8",
    )
    info = site / "csv_plans-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: csv-plans\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[cspplan.parsers]\ncsvplan = csv_plans:CsvPlanParser\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    registry.reset()
    yield site
    sys.modules.pop("csv_plans", None)
    registry.reset()


def test_builtin_parsers_are_registered_by_entry_point() -> None:
    assert {"text", "docx", "pdf"} <= set(registry.available_formats())
    assert registry.get_parser("text").name == "text"


def test_third_party_parser_is_found_and_used(plugin_on_path: Path, tmp_path: Path) -> None:
    assert "csvplan" in registry.available_formats()
    path = tmp_path / "plan.csvplan"
    path.write_text("#csvplan\nRef,Action\n1.1,Patrol the park\n", encoding="utf-8")
    doc = cspplan.parse_document(path)
    assert doc.parser == "csvplan"
    assert doc.blocks[0].rows[1].texts == ("1.1", "Patrol the park")
    plan = cspplan.load(path)
    assert plan.source.parser == "csvplan"


def test_third_party_parser_chosen_by_content_without_suffix(
    plugin_on_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "export.dat"
    path.write_text("#csvplan\nRef,Action\n", encoding="utf-8")
    assert cspplan.parse_document(path).parser == "csvplan"


def test_format_argument_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.weird"
    path.write_text("# A heading\n", encoding="utf-8")
    assert cspplan.parse_document(path, format="text").parser == "text"


def test_unknown_format_names_file_and_lists_formats(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        cspplan.load(path, format="nope")
    message = str(info.value)
    assert str(path) in message and "text" in message and "nope" in message


def test_unreadable_binary_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormatError) as info:
        cspplan.load(path)
    assert info.value.path == str(path)
    assert "text" in info.value.supported


def test_missing_file_and_directory_are_document_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        cspplan.load(tmp_path / "absent.txt")
    with pytest.raises(DocumentError, match="directory"):
        cspplan.load(tmp_path)


def test_broken_plugin_does_not_stop_other_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    info = site / "broken-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[cspplan.parsers]\nbroken = no_such_module:Parser\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    registry.reset()
    try:
        path = tmp_path / "p.txt"
        path.write_text("# Title\n", encoding="utf-8")
        assert cspplan.parse_document(path).parser == "text"
        with pytest.raises(CspplanError, match="failed to load"):
            cspplan.parse_document(path, format="broken")
    finally:
        registry.reset()


def test_an_empty_file_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty"):
        cspplan.load(path)
