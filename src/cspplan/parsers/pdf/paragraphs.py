"""Lines into paragraphs: where a block starts, list markers, and joining wrapped lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from .layout import BULLET, Line, drawn_as_bullet

__all__ = [
    "PREFIXES",
    "is_short",
    "join_lines",
    "join_texts",
    "line_marker",
    "split_inline_bullets",
    "starts_block",
    "vocabulary",
]

_UNORDERED = frozenset("•●▪■◦‣⁃➢➤►▶✓✔❖○□-–*>")
_ORDERED = regex.compile(
    r"^(?:\(?\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3}){1,3}\.?|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])$"
)
_INLINE_BULLET = regex.compile(r"\s+•\s+")
_TOKEN = regex.compile(r"[^\W\d_][\w'’-]{0,60}")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?"

PREFIXES = frozenset(
    [
        "anti",
        "co",
        "counter",
        "cross",
        "cyber",
        "e",
        "ex",
        "inter",
        "intra",
        "mid",
        "multi",
        "non",
        "post",
        "pre",
        "pro",
        "re",
        "self",
        "semi",
        "socio",
        "sub",
        "well",
        "long",
        "short",
        "high",
        "low",
        "full",
        "part",
        "under",
        "over",
        "out",
    ]
)
"""First parts of words that keep their hyphen when a line breaks after it (``co-`` /
``ordination``): British usage writes these with a hyphen."""


def line_marker(line: Line) -> tuple[str, str] | None:
    """The list marker a line starts with and the text after it: ``("•", "text")`` for any
    bullet glyph, ``("1.", "text")`` for a number; ``None`` when it starts with neither."""
    first = line.words[0].text
    rest = " ".join(w.text for w in line.words[1:])
    if first in _UNORDERED or (line.words[0].symbol and len(first) == 1 and drawn_as_bullet(first)):
        return (BULLET, rest) if rest else None
    if first[0] in _UNORDERED and first[0] not in "-–*>" and len(first) > 1:
        # A bullet glued to its text ("•Item").
        return BULLET, (first[1:] + (" " + rest if rest else "")).strip()
    if _ORDERED.match(first) and rest:
        return first, rest
    return None


def is_short(previous: Line, line: Line, right: float) -> bool:
    """True where ``previous`` ended before the text column's right edge by more than the
    width of ``line``'s first word: the writer broke the line, it did not wrap."""
    first = line.words[0]
    space = 0.3 * previous.size
    return previous.x1 + space + (first.x1 - first.x0) < right - 1.5


def starts_block(
    previous: Line,
    line: Line,
    right: float,
    paragraph_gap: float,
) -> bool:
    """True where ``line`` begins a new block instead of continuing ``previous``'s."""
    size = max(previous.size, line.size)
    gap = line.top - previous.bottom
    if gap > paragraph_gap * size or gap < -0.5 * size:
        return True
    if abs(previous.size - line.size) > 0.6 or previous.bold != line.bold:
        return True
    marker = line_marker(line)
    short = is_short(previous, line, right)
    if marker is not None and (marker[0] == BULLET or short):
        return True
    return short


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word of the document, lower case, hyphenated compounds included; used to decide
    whether a hyphen at a line's end belongs to the word."""
    words: set[str] = set()
    for text in texts:
        for token in _TOKEN.findall(text):
            words.add(token.lower().rstrip("-"))
    return frozenset(words)


def join_texts(first: str, second: str, vocab: frozenset[str], dehyphenate: bool = True) -> str:
    """Join two lines of one paragraph with a space, or without one where the first ends in
    a hyphen; the hyphen is dropped only where it was the layout's (``reduc-`` + ``tion``)."""
    if not first:
        return second
    if not second:
        return first
    if len(first) > 1 and first[-1] in "-\u2010" and first[-2].isalpha():
        stem = first.split()[-1][:-1].strip(_EDGE_PUNCTUATION).lower()
        head = second.split()[0].strip(_EDGE_PUNCTUATION).lower()
        if not dehyphenate or not second[0].islower():
            return first + second
        if f"{stem}{head}" in vocab:
            return first[:-1] + second
        if f"{stem}-{head}" in vocab or stem in PREFIXES:
            return first + second
        return first[:-1] + second
    return f"{first} {second}"


def join_lines(lines: Sequence[str], vocab: frozenset[str], dehyphenate: bool = True) -> str:
    """The lines of one paragraph as one string."""
    text = ""
    for line in lines:
        text = join_texts(text, line, vocab, dehyphenate)
    return text


def split_inline_bullets(text: str) -> list[str]:
    """A cell line holding several bulleted items run together (``"• a • b"``) as one line
    per item, each keeping its ``•``."""
    parts = [p.strip() for p in _INLINE_BULLET.split(text)]
    out: list[str] = []
    for index, part in enumerate(parts):
        if not part:
            continue
        out.append(part if index == 0 else f"{BULLET} {part}")
    return out
