"""Words and lines: the slim geometry the PDF parser works on once a page is closed.

pdfplumber's word dictionaries carry a dozen keys each and keep the page's caches alive; the
parser copies what it needs into these small frozen objects and lets the page go.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import regex

__all__ = [
    "BULLET",
    "Line",
    "Word",
    "body_size",
    "clean_text",
    "compact_line",
    "drawn_as_bullet",
    "line_from_words",
    "make_word",
    "size_weights",
    "split_line",
    "word_from_pdfplumber",
    "words_to_lines",
]

BULLET = "•"
"""The one glyph every unordered list marker is normalised to."""

# A glyph with no Unicode mapping, standing alone: in plans that is nearly always a bullet.
# A run of them is a whole font without a mapping, whose text cannot be recovered.
_LONE_CID = regex.compile(r"(?<![\w)])\(cid:\d{1,6}\)(?![\w(])")
# Private-use code points are where symbol fonts (Symbol, Wingdings) put their bullets when
# the PDF has no Unicode mapping for them.
_PRIVATE_USE = regex.compile(r"[\uE000-\uF8FF]")
# Signs that Word prints from the Symbol font as private-use code points (U+F000 plus the
# font's own code): text, not bullets. Arrows and shapes there stay list markers.
_SYMBOL_SIGNS = str.maketrans(
    {
        "\uf02d": "-",
        "\uf0a3": "≤",
        "\uf0b3": "≥",
        "\uf0b1": "±",
        "\uf0b4": "×",
        "\uf0b8": "÷",
        "\uf0b9": "≠",
        "\uf0bb": "≈",
        "\uf0be": "—",
        "\uf025": "%",
        "\uf02b": "+",
        "\uf03c": "<",
        "\uf03d": "=",
        "\uf03e": ">",
    }
)
_BOLD_FONT = regex.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b", regex.IGNORECASE)
_SYMBOL_FONT = regex.compile(r"symbol|wingding|webding|dingbat", regex.IGNORECASE)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


@attrs.frozen(slots=True)
class Word:
    """One word as printed.

    Attributes:
        text: The word's text, cleaned (ligatures split, unmapped glyphs kept as ``(cid:N)``).
        x0: Left edge, in points from the page's left.
        x1: Right edge.
        top: Top edge, in points from the page's top.
        bottom: Bottom edge.
        size: Font size in points.
        bold: True where the font is a bold face.
        symbol: True where the font is a symbol or dingbat font (a bullet's font).
        sideways: True for a line of text set sideways on an upright page (a label turned up
            the side of a table cell), kept whole as one word in page coordinates.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    symbol: bool = False
    sideways: bool = False


@attrs.frozen(slots=True)
class Line:
    """Words that share a baseline, left to right.

    Attributes:
        words: The words.
        x0: Left edge of the first word.
        x1: Right edge of the last word.
        top: Top of the tallest word.
        bottom: Bottom of the lowest word.
        size: The font size most of its characters are set in.
        bold: True where every word is bold.
        page: 1-based page number.
        count: The number of words the line was printed with, where ``words`` was compacted
            (see :func:`compact_line`); 0 where ``words`` holds every word.
        weights: Where ``words`` was compacted, the characters set in each font size
            (rounded to 0.1 pt), as ``(size, characters)`` pairs; empty otherwise.
    """

    words: tuple[Word, ...]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int = 0
    count: int = 0
    weights: tuple[tuple[float, int], ...] = ()

    @property
    def word_count(self) -> int:
        """The number of words the line was printed with."""
        return self.count or len(self.words)

    @property
    def text(self) -> str:
        """The words joined by single spaces."""
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """``(x0, top, x1, bottom)``."""
        return (self.x0, self.top, self.x1, self.bottom)


def clean_text(text: str) -> str:
    """Text as a reader sees it: ligatures split, non-breaking and odd spaces made plain,
    soft hyphens dropped, and glyphs with no Unicode mapping turned into ``•``: a lone
    ``(cid:127)`` (a run of them is left alone: it is unmapped text, not a bullet) and
    private-use code points, where symbol fonts put their bullets, except those of the
    Symbol font's signs and dashes ("≥", "−"), which are read as those signs."""
    if text.isascii() and "(cid:" not in text:
        return text  # nothing below touches plain ASCII (most words)
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    text = _LONE_CID.sub(BULLET, text)
    return _PRIVATE_USE.sub(BULLET, text.translate(_SYMBOL_SIGNS))


# Unicode categories of the signs a symbol font also prints as text: mathematical signs
# ("≥", "±", "−"), dashes, currency signs and digits or letters.
_TEXT_CATEGORIES = frozenset(["Sm", "Pd", "Sc", "Nd", "Lu", "Ll", "Lo", "No"])


def drawn_as_bullet(glyph: str) -> bool:
    """True where a single glyph in a symbol font is a list marker: a shape or a mark
    ("●", "■", "✓", "·"), not a sign or a dash, which are text ("≥ 25%", a lone "-")."""
    return unicodedata.category(glyph) not in _TEXT_CATEGORIES and glyph not in "%()[]/.,:;"


_FONT_KINDS: dict[str, tuple[bool, bool]] = {}


def _font_kind(font: str) -> tuple[bool, bool]:
    """Whether a font is bold, and whether it is a symbol font (remembered by name: a page
    has thousands of words in a handful of fonts)."""
    kind = _FONT_KINDS.get(font)
    if kind is None:
        kind = (bool(_BOLD_FONT.search(font)), bool(_SYMBOL_FONT.search(font)))
        if len(_FONT_KINDS) < 4096:
            _FONT_KINDS[font] = kind
    return kind


def make_word(
    text: str, x0: float, x1: float, top: float, bottom: float, size: float, font: str
) -> Word | None:
    """A :class:`Word` of printed text in ``font`` with this box and font size; ``None``
    for a word of only spaces."""
    text = clean_text(text).strip()
    if not text:
        return None
    bold, symbol = _font_kind(font)
    if symbol and len(text) == 1 and drawn_as_bullet(text):
        text = BULLET
    elif symbol and text in ("o", "§", "q", "v", "Ø", "ü", "n", "l"):
        # Wingdings letters that draw as bullets, arrows and ticks.
        text = BULLET
    return Word(
        text=text,
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=round(size, 2),
        bold=bold,
        symbol=symbol,
    )


def word_from_pdfplumber(raw: Mapping[str, Any]) -> Word | None:
    """A :class:`Word` from one of pdfplumber's word dictionaries (extracted with the
    ``size`` and ``fontname`` extra attributes); ``None`` for a word of only spaces."""
    return make_word(
        str(raw["text"]),
        float(raw["x0"]),
        float(raw["x1"]),
        float(raw["top"]),
        float(raw["bottom"]),
        float(raw.get("size", raw["bottom"] - raw["top"])),
        str(raw.get("fontname", "")),
    )


def line_from_words(words: Sequence[Word], page: int = 0) -> Line:
    """A :class:`Line` of ``words`` (sorted left to right here)."""
    ordered = tuple(sorted(words, key=lambda w: w.x0))
    weights: dict[float, int] = {}
    for word in ordered:
        weights[word.size] = weights.get(word.size, 0) + len(word.text)
    size = max(weights.items(), key=lambda item: (item[1], item[0]))[0]
    return Line(
        words=ordered,
        x0=min(w.x0 for w in ordered),
        x1=max(w.x1 for w in ordered),
        top=min(w.top for w in ordered),
        bottom=max(w.bottom for w in ordered),
        size=size,
        bold=all(w.bold for w in ordered if w.text != BULLET),
        page=page,
    )


def words_to_lines(words: Iterable[Word], page: int = 0) -> list[Line]:
    """Group words into lines by their vertical overlap, top to bottom.

    A word joins a line when its vertical middle lies within the line's first word's
    extent, or that word's middle within its own, so a superscript stays on its line but
    the next line never swallows it. A sideways word is a line of its own.
    """
    ordered = sorted(words, key=lambda w: (round(w.top, 1), w.x0))
    groups: list[tuple[float, float, list[Word]]] = []
    lines = [line_from_words([w], page) for w in ordered if w.sideways]
    for word in ordered:
        if word.sideways:
            continue
        middle = (word.top + word.bottom) / 2
        for top, bottom, members in reversed(groups[-4:]):
            centre = (top + bottom) / 2
            if top - 0.5 <= middle <= bottom + 0.5 or word.top <= centre <= word.bottom:
                members.append(word)
                break
        else:
            groups.append((word.top, word.bottom, [word]))
    lines += [line_from_words(members, page) for _, _, members in groups]
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def split_line(line: Line, gap: float) -> list[Line]:
    """The pieces of a line separated by horizontal gaps wider than ``gap`` points."""
    pieces: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        # A bullet that starts a piece is followed by a tab stop, not a column.
        marker = previous.text == BULLET and len(pieces[-1]) == 1
        if word.x0 - previous.x1 > gap and not marker:
            pieces.append([word])
        else:
            pieces[-1].append(word)
    if len(pieces) == 1:
        return [line]
    return [line_from_words(piece, line.page) for piece in pieces]


def size_weights(line: Line) -> tuple[tuple[float, int], ...]:
    """The characters of ``line`` set in each font size (rounded to 0.1 pt)."""
    if line.weights:
        return line.weights
    weights: dict[float, int] = {}
    for word in line.words:
        weights[round(word.size, 1)] = weights.get(round(word.size, 1), 0) + len(word.text)
    return tuple(weights.items())


def _share(value: float, shared: dict[Any, Any]) -> float:
    """The object ``shared`` holds for ``value``; a zero is kept as it is, as ``-0.0``
    equals ``0.0`` but prints otherwise."""
    return value if value == 0 else shared.setdefault(value, value)


def _shared_word(word: Word, shared: dict[Any, Any]) -> Word:
    """``word`` with its coordinates taken from ``shared``, so that equal values (the same
    top on every word of a line, the same margin on every page) are one object."""
    return Word(
        text=word.text,
        x0=_share(word.x0, shared),
        x1=_share(word.x1, shared),
        top=_share(word.top, shared),
        bottom=_share(word.bottom, shared),
        size=_share(word.size, shared),
        bold=word.bold,
        symbol=word.symbol,
        sideways=word.sideways,
    )


def compact_line(line: Line, shared: dict[Any, Any]) -> Line:
    """``line`` slimmed for keeping until the whole document is read: its first two words
    as they are and the rest glued into one word, so its text, its list marker and where
    its second word starts read as before, with the word count and the characters per font
    size kept aside. Equal coordinates and weights are shared through ``shared`` (one
    dictionary per document), as thousands of lines repeat them.

    Only what assembling the document reads survives: a compacted line must not be split
    into columns or regrouped into lines again.
    """
    if line.count:
        return line
    words = line.words
    kept = [_shared_word(word, shared) for word in words[:2]]
    count, weights = 0, line.weights
    if len(words) > 2:
        rest = words[2:]
        kept.append(
            _shared_word(
                Word(
                    text=" ".join(w.text for w in rest),
                    x0=rest[0].x0,
                    x1=rest[-1].x1,
                    top=min(w.top for w in rest),
                    bottom=max(w.bottom for w in rest),
                    size=rest[0].size,
                    bold=all(w.bold for w in rest),
                    symbol=rest[0].symbol,
                    sideways=rest[0].sideways,
                ),
                shared,
            )
        )
        count = len(words)
        weights = size_weights(line)
        weights = shared.setdefault(weights, weights)
    return Line(
        words=tuple(kept),
        x0=_share(line.x0, shared),
        x1=_share(line.x1, shared),
        top=_share(line.top, shared),
        bottom=_share(line.bottom, shared),
        size=_share(line.size, shared),
        bold=line.bold,
        page=line.page,
        count=count,
        weights=weights,
    )


def body_size(lines: Iterable[Line]) -> float:
    """The font size most characters are set in (the body text's size)."""
    weights: dict[float, int] = {}
    for line in lines:
        for size, chars in size_weights(line):
            weights[size] = weights.get(size, 0) + chars
    if not weights:
        return 10.0
    return max(weights.items(), key=lambda item: (item[1], -item[0]))[0]
