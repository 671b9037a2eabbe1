"""Printed numbers, number words and sentences: the shared ground of the text recognisers.

Targets, trajectories and claims all read figures as a plan prints them ("4,632", "16.0%",
"£35k", "four") and keep the printed text beside the value, so that a later check can take
the printed precision into account. Sentences are cut conservatively: a decimal point, an
abbreviation ("e.g.", "No.", "C/Insp.") or an initial never ends one.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

from ..model.values import Number
from .patterns import lazy

__all__ = [
    "NUMBER",
    "NUMBER_WORDS",
    "PERCENT",
    "blank_markup",
    "joined",
    "number_word",
    "parse_number",
    "parse_quantity",
    "sentences",
]

NUMBER = r"(?<![\w.,£$/-])(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?(?![\d,]\d|[./]\d|\w)"
"""A printed figure such as ``4,632``, ``960`` or ``12.5``; never part of a word or a date."""

PERCENT = rf"{NUMBER}\s{{0,2}}(?:%|per\s?cent\b|percent\b)"
"""A printed percentage: ``16%``, ``16.0 %``, ``5 per cent``."""

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
NUMBER_WORDS = "|".join(_WORDS)
"""The small numbers plans write as words, as a pattern alternation: ``one|two|...``."""
_COUNT_DIGITS = 3
"""Most digits a count written in figures may have for :func:`number_word` ("11", "120")."""


_JOINED_CACHE = 16
"""How many recent texts :func:`joined` remembers: a sentence is joined once for each of the
few claims and targets read from it, and those come one after another."""


@functools.lru_cache(maxsize=_JOINED_CACHE)
def joined(text: str) -> str:
    """``text`` with every run of whitespace made one space: a statement as quoted."""
    return " ".join(text.split())


def number_word(text: str) -> int | None:
    """The value of a small number written as a word or digits: "four" is 4, "11" is 11."""
    cleaned = text.strip().lower()
    if cleaned.isdigit() and len(cleaned) <= _COUNT_DIGITS:
        return int(cleaned)
    return _WORDS.get(cleaned)


def parse_number(text: str) -> Number | None:
    """A printed figure as a :class:`Number` keeping its text; ``None`` where it is none.

    "4,632" is 4632, "16.0%" is 16.0 printed "16.0%", "5 per cent" is 5; a trailing "k"
    or "m" of money ("£35k") is not expanded, because the printed text is the claim.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    digits = _PERCENT_SUFFIX.sub("", cleaned)
    digits = digits.replace(",", "").replace("£", "").replace("\u2212", "-").strip()
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return Number(value=value, text=cleaned)


_PERCENT_SUFFIX = lazy(r"(?i)\s*(?:%|per\s?cent|percent)$")
_POINTS_SUFFIX = lazy(r"(?i)\s{0,2}percentage\s{1,2}points?$")
_POINTS_OR_SHORT_SUFFIX = lazy(r"(?i)\s{0,2}(?:percentage\s{1,2}points?|pp|points?)$")
_PER_CENT_END = lazy(r"(?i)per\s?cent$")
_PER_CENT_SUFFIX = lazy(r"(?i)\s{0,2}per\s?cent$|\s{0,2}percent$")


def parse_quantity(text: str, *, short_points: bool = False) -> Number | None:
    """A printed figure that may carry its unit in words, as a :class:`Number` keeping the
    whole text: "3 percentage points" is 3, "5 per cent" is 5, "16%" is 16; with
    ``short_points`` a bare "3 points" or "3pp" is read too (a target table's shorthand).
    """
    cleaned = " ".join(text.split())
    points = (_POINTS_OR_SHORT_SUFFIX if short_points else _POINTS_SUFFIX).search(cleaned)
    if points:
        value = parse_number(cleaned[: points.start()])
        return Number(value=value.value, text=cleaned) if value else None
    if _PER_CENT_END.search(cleaned):
        value = parse_number(_PER_CENT_SUFFIX.sub("", cleaned))
        return Number(value=value.value, text=cleaned) if value else None
    return parse_number(cleaned)


_ABBREVIATIONS = (
    "e.g",
    "i.e",
    "etc",
    "no",
    "nos",
    "vs",
    "cf",
    "st",
    "dr",
    "mr",
    "mrs",
    "ms",
    "insp",
    "supt",
    "sgt",
    "det",
    "cllr",
    "approx",
    "inc",
    "incl",
    "ref",
    "fig",
    "para",
)
_SENTENCE_END = lazy(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9£])")


_TAG = lazy(r"<[^<>\n]{0,200}>")
_BULLET = lazy(r"(?:^|\s)[•▪◦●❖➢➤►■□·]\s")


def blank_markup(text: str) -> str:
    """``text`` with HTML tags ("<p>", "<li>") blanked out by spaces of the same length,
    so that offsets into it still point into the original."""
    try:
        return _TAG.sub(lambda match: " " * len(match.group(0)), text)
    except TimeoutError:
        return text


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` with the offset of each; a line break or an inline bullet
    ("• To reduce ... • To cut ...") always ends one.

    Abbreviations and initials do not end a sentence, so "C/Insp. Dale said" stays whole.
    """
    result: list[tuple[int, str]] = []
    pieces: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        cut = 0
        try:
            bullets = list(_BULLET.finditer(line))
        except TimeoutError:
            bullets = []
        for bullet in bullets:
            if bullet.start() > cut:
                pieces.append((offset + cut, line[cut : bullet.start()]))
            cut = bullet.end()
        pieces.append((offset + cut, line[cut:]))
        offset += len(line) + 1
    for offset, line in pieces:
        start = 0
        try:
            ends = list(_SENTENCE_END.finditer(line))
        except TimeoutError:
            ends = []
        for match in ends:
            before = line[start : match.start()].rstrip(".!?\"')]")
            word = before.rsplit(None, 1)[-1].lower().split("/")[-1] if before.split() else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            piece = line[start : match.start()]
            if piece.strip():
                result.append((offset + start, piece))
            start = match.end()
        if line[start:].strip():
            result.append((offset + start, line[start:]))
    return result
