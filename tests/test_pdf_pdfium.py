"""The pdfium page source: characters, words and rules as the pdfplumber backend sees them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils import extract_words

from cspplan.parsers.pdf.layout import BULLET, Word, word_from_pdfplumber
from cspplan.parsers.pdf.pdfium import Glyph, PdfiumPage, display_matrix, words_from_glyphs
from fixtures.build_pdf import build_all


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("pdfium"))


def _glyph_chars(glyphs: list[Glyph]) -> list[dict[str, Any]]:
    return [
        {
            "text": g[0],
            "x0": g[1],
            "x1": g[2],
            "top": g[3],
            "bottom": g[4],
            "doctop": g[3],
            "height": g[4] - g[3],
            "width": g[2] - g[1],
            "size": g[5],
            "fontname": g[6],
            "upright": g[7],
        }
        for g in glyphs
    ]


def _reference_words(glyphs: list[Glyph], ratio: float) -> list[tuple[Any, ...]]:
    words = extract_words(
        _glyph_chars(glyphs),
        extra_attrs=["size", "fontname"],
        keep_blank_chars=False,
        use_text_flow=False,
        x_tolerance_ratio=ratio,
    )
    return [_key(w) for w in words]


def _key(word: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("text", "x0", "x1", "top", "bottom", "upright", "size", "fontname")
    return tuple(word[k] for k in keys)


_coordinate = st.integers(0, 400).map(lambda v: v / 4)


@st.composite
def _glyphs(draw: st.DrawFn) -> list[Glyph]:
    out: list[Glyph] = []
    for _ in range(draw(st.integers(0, 40))):
        x0 = draw(_coordinate)
        top = draw(_coordinate)
        size = draw(st.sampled_from([8.0, 10.0]))
        upright = draw(st.booleans().map(lambda b: b or draw(st.integers(0, 5)) > 0))
        out.append(
            (
                draw(st.sampled_from(["a", "b", " ", "-", "1"])),
                x0,
                x0 + draw(st.integers(1, 24).map(lambda v: v / 4)),
                top,
                top + size,
                size,
                draw(st.sampled_from(["Helvetica", "Helvetica-Bold"])),
                upright,
                (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
            )
        )
    return out


@settings(max_examples=200, deadline=None)
@given(_glyphs(), st.sampled_from([0.1, 0.2, 0.5]))
def test_words_are_pdfplumbers_words(glyphs: list[Glyph], ratio: float) -> None:
    ours = [_key(w) for w in words_from_glyphs(glyphs, ratio)]
    assert ours == _reference_words(glyphs, ratio)


@settings(max_examples=200, deadline=None)
@given(_glyphs(), st.sampled_from([0.1, 0.2, 0.5]))
def test_parser_words_are_the_words_of_pdfplumbers_dictionaries(
    glyphs: list[Glyph], ratio: float
) -> None:
    page = PdfiumPage.__new__(PdfiumPage)
    page.glyphs = glyphs
    expected = [(word_from_pdfplumber(w), w["upright"]) for w in words_from_glyphs(glyphs, ratio)]
    assert page.read_words(ratio) == expected


@pytest.mark.parametrize(
    "name", ["text", "ruled", "landscape", "sideways_label", "two_column", "unruled_break"]
)
def test_pages_read_as_pdfplumber_reads_them(name: str, built: dict[str, Path]) -> None:
    """Upright words (as the parser cleans them), rules and images agree with pdfplumber's
    on the fixtures. Bullets differ before cleaning (pdfium maps a ZapfDingbats ``n`` to
    ``■`` and an unmapped glyph to ``•`` where pdfminer gives ``n`` and ``(cid:127)``, with
    no width); sideways words are compared through the documents in test_pdf.py."""
    document = pypdfium2.PdfDocument(built[name])
    with pdfplumber.open(built[name]) as pdf:
        for index, reference in enumerate(pdf.pages):
            page = PdfiumPage(document, index)
            assert (page.width, page.height) == pytest.approx(
                (float(reference.width), float(reference.height)), abs=0.01
            )
            ours = _upright(
                page.extract_words(
                    extra_attrs=["size", "fontname"],
                    keep_blank_chars=False,
                    use_text_flow=False,
                    x_tolerance_ratio=0.2,
                )
            )
            theirs = _upright(
                reference.extract_words(extra_attrs=["size", "fontname"], x_tolerance_ratio=0.2)
            )
            assert [w.text for w in ours] == [w.text for w in theirs]
            # pdfium gives an unmapped bullet glyph a width, so the rest of its line moves.
            bulleted = {round(w.top) for w in ours if w.text == BULLET}
            for mine, other in zip(ours, theirs, strict=True):
                assert (mine.top, mine.bottom) == pytest.approx((other.top, other.bottom), abs=0.15)
                if round(mine.top) not in bulleted:
                    assert (mine.x0, mine.x1) == pytest.approx((other.x0, other.x1), abs=0.15)
                assert (mine.size, mine.bold, mine.symbol) == (other.size, other.bold, other.symbol)
            edges = sorted(
                (e["orientation"], round(e["x0"], 1), round(e["top"], 1)) for e in page.edges
            )
            assert edges == sorted(
                (e["orientation"], round(e["x0"], 1), round(e["top"], 1)) for e in reference.edges
            )
            assert bool(page.rects or page.lines) == bool(reference.rects or reference.lines)
            assert len(page.images) == len(reference.images)
            reference.close()
    document.close()


def _upright(words: list[dict[str, Any]]) -> list[Word]:
    out = [word_from_pdfplumber(w) for w in words if w["upright"]]
    return [w for w in out if w is not None]


def test_other_word_options_go_to_pdfplumbers_extractor(built: dict[str, Path]) -> None:
    document = pypdfium2.PdfDocument(built["ruled"])
    page = PdfiumPage(document, 0)
    assert [
        _key(w) for w in page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1)
    ] == [
        _key(w) for w in extract_words(page.chars, extra_attrs=["size", "fontname"], x_tolerance=1)
    ]
    document.close()


def test_display_matrix_turns_the_page_as_pdfminer_does() -> None:
    box = (0.0, 0.0, 600.0, 800.0)
    assert display_matrix(box, 0) == (1.0, 0.0, 0.0, 1.0, -0.0, -0.0)
    # A point at the bottom left of a page turned a quarter clockwise is at the top left.
    a, b, c, d, e, f = display_matrix(box, 90)
    assert (0 * a + 0 * c + e, 0 * b + 0 * d + f) == (0.0, 600.0)
    a, b, c, d, e, f = display_matrix(box, 180)
    assert (0 * a + 0 * c + e, 0 * b + 0 * d + f) == (600.0, 800.0)


def test_shapes_classified_as_pdfminer_does() -> None:
    page = PdfiumPage.__new__(PdfiumPage)
    page.rects, page.lines, page.edges = [], [], []
    page._add_shape([(0.0, 10.0), (100.0, 10.0)])  # a rule
    page._add_shape([(0.0, 0.0), (50.0, 0.0), (50.0, 20.0), (0.0, 20.0), (0.0, 0.0)])  # a box
    page._add_shape([(0.0, 0.0), (10.0, 5.0), (20.0, 0.0)])  # a zigzag
    assert [line["orientation"] for line in page.lines] == ["h"]
    assert [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in page.rects] == [
        (0.0, 0.0, 50.0, 20.0)
    ]
    orientations = sorted(str(e["orientation"]) for e in page.edges)
    assert orientations == ["None", "None", "h", "h", "h", "v", "v"]
