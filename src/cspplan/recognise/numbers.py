"""Printed numbers and sentences, now kept in :mod:`cspplan.text.numbers`, and the pattern
timeout from :mod:`cspplan.text.patterns`; re-exported here for the recognisers that still
import them from this module."""

from __future__ import annotations

from ..text.numbers import (
    NUMBER,
    NUMBER_WORDS,
    PERCENT,
    blank_markup,
    joined,
    number_word,
    parse_number,
    parse_quantity,
    sentences,
)
from ..text.patterns import TIMEOUT

__all__ = [
    "NUMBER",
    "NUMBER_WORDS",
    "PERCENT",
    "TIMEOUT",
    "blank_markup",
    "joined",
    "number_word",
    "parse_number",
    "parse_quantity",
    "sentences",
]
