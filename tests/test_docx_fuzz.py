"""Damaged Word files: whatever the damage, the parser returns a Document or raises a
cspplan error naming the file, never anything else."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspplan.document import Document
from cspplan.errors import CspplanError
from cspplan.parsers.docx import DocxParser

_BUILDER = Path(__file__).resolve().parent / "fixtures" / "build_docx.py"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx_fuzz", _BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz")
    path: Path = _builder().build_numbering(folder / "numbering.docx")
    return path.read_bytes()


def _outcome(data: bytes, folder: Path, name: str) -> Document | CspplanError:
    path = folder / name
    path.write_bytes(data)
    try:
        return DocxParser().parse(path)
    except CspplanError as exc:
        assert exc.path == str(path)
        return exc


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cut=st.integers(min_value=0, max_value=100_000),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=100_000), st.integers(1, 255)),
        max_size=6,
    ),
)
def test_corrupted_bytes(
    original: bytes, tmp_path: Path, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(original[: max(cut % (len(original) + 1), 1)] if cut else original)
    for position, mask in flips:
        data[position % len(data)] ^= mask
    _outcome(bytes(data), tmp_path, "damaged.docx")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    part=st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml"]),
    start=st.integers(min_value=0, max_value=200_000),
    length=st.integers(min_value=1, max_value=400),
    insert=st.sampled_from(["", "<w:p>", "</w:tbl>", '<w:numId w:val="x"/>', "&amp;", "\x00"]),
)
def test_damaged_xml_parts(
    original: bytes, tmp_path: Path, part: str, start: int, length: int, insert: str
) -> None:
    source = zipfile.ZipFile(io.BytesIO(original))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                at = start % (len(content) + 1)
                content = content[:at] + insert.encode() + content[at + length :]
            target.writestr(info.filename, content)
    _outcome(buffer.getvalue(), tmp_path, "edited.docx")
