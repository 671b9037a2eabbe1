"""load(), parse_document() and check() read a path, bytes or a binary file object, with an
optional name hint; what they make is the same as from the file, named by the hint."""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest

import cspplan
from cspplan.errors import DocumentError, SettingsError, UnsupportedFormatError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "plans"
PLANS = {
    "txt": EXAMPLES / "northbrook-action-plan.txt",
    "docx": EXAMPLES / "eastvale-violent-crime-plan.docx",
    "pdf": EXAMPLES / "riverside-action-plan.pdf",
}


def plan_data(plan: cspplan.Plan, path: str) -> str:
    """The plan's JSON with the name it was read under replaced by ``NAME``."""
    return cspplan.dumps(plan).replace(json.dumps(path)[1:-1], "NAME")


@pytest.mark.parametrize("kind", sorted(PLANS))
def test_bytes_with_a_name_give_the_plan_the_file_gives(kind: str) -> None:
    if kind == "pdf":
        pytest.importorskip("pdfplumber")
    path = PLANS[kind]
    from_file = cspplan.load(path)
    from_bytes = cspplan.load(path.read_bytes(), name=f"upload/plan.{kind}")
    assert from_bytes.source.path == f"upload/plan.{kind}"
    assert plan_data(from_bytes, f"upload/plan.{kind}") == plan_data(from_file, str(path))


@pytest.mark.parametrize("kind", sorted(PLANS))
def test_a_stream_without_a_name_is_sniffed(kind: str) -> None:
    if kind == "pdf":
        pytest.importorskip("pdfplumber")
    path = PLANS[kind]
    document = cspplan.parse_document(io.BytesIO(path.read_bytes()))
    assert document.parser == {"txt": "text"}.get(kind, kind)
    assert document.path == "<stream>"
    files = {b.source.file for b in document.blocks}
    assert files == {"<stream>"}


def test_an_open_file_is_named_by_its_own_name() -> None:
    with open(PLANS["txt"], "rb") as handle:
        plan = cspplan.load(handle)
    assert plan.source.path == str(PLANS["txt"])


def test_no_temporary_path_survives_in_the_document_or_its_tables() -> None:
    data = PLANS["docx"].read_bytes()
    document = cspplan.parse_document(data, name="eastvale.docx")
    text = repr(document)
    assert tempfile.gettempdir() not in text
    assert "eastvale.docx" in text


def test_the_temporary_copy_is_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = tempfile.mkdtemp

    def spy(*args: object, **kwargs: object) -> str:
        folder = real(*args, **kwargs)  # type: ignore[call-overload]
        made.append(folder)
        return str(folder)

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    cspplan.load(PLANS["txt"].read_bytes(), name="plan.txt")
    with pytest.raises(DocumentError):
        cspplan.load(b"%PDF-1.4 not really", name="broken.pdf")
    assert len(made) == 2 and not any(os.path.exists(f) for f in made)


def test_errors_name_the_hint_or_say_bytes_or_stream() -> None:
    with pytest.raises(DocumentError) as caught:
        cspplan.load(b"%PDF-1.4 not really", name="reports/broken.pdf")
    assert caught.value.path == "reports/broken.pdf"
    assert str(caught.value).startswith("reports/broken.pdf: ")
    assert tempfile.gettempdir() not in str(caught.value)
    with pytest.raises(UnsupportedFormatError) as unnamed:
        cspplan.load(b"\x00\x01\x02 binary")
    assert str(unnamed.value).startswith("<bytes>: ")
    with pytest.raises(DocumentError) as empty:
        cspplan.load(io.BytesIO(b""))
    assert str(empty.value).startswith("<stream>: ")


def test_a_hint_cannot_place_the_copy_outside_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "escaped.txt"
    plan = cspplan.load(b"Priority 1: Safer Streets\n", name=f"../../../{target}")
    assert plan.source.path == f"../../../{target}"
    assert not target.exists()


def test_wrong_kinds_of_input_are_settings_errors() -> None:
    with pytest.raises(SettingsError, match="a path names itself"):
        cspplan.load(PLANS["txt"], name="other.txt")
    with pytest.raises(SettingsError, match="binary mode"):
        cspplan.load(io.StringIO("Priority 1: Safer Streets"))
    with pytest.raises(SettingsError, match="a path, bytes or a binary file object"):
        cspplan.check(42)  # type: ignore[arg-type]


def test_check_loads_what_load_reads_keeping_its_options() -> None:
    data = PLANS["txt"].read_bytes()
    plan = cspplan.load(PLANS["txt"])
    expected = cspplan.check(plan, ignore=["A1"])
    assert cspplan.check(data, ignore=["A1"], name="plan.txt") == [
        f for f in cspplan.check(cspplan.load(data, name="plan.txt"), ignore=["A1"])
    ]
    assert [f.code for f in cspplan.check(PLANS["txt"], ignore="A1")] == [f.code for f in expected]
    assert all(not f.code.startswith("A1") for f in expected)
    assert cspplan.check(io.BytesIO(data), format="text", select=["C"]) == cspplan.check(
        cspplan.load(io.BytesIO(data), format="text"), select="C"
    )
