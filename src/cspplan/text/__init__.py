"""The text toolkit: what parsers and recognisers both need to read text, kept once.

- :mod:`~cspplan.text.patterns`: :func:`~cspplan.text.patterns.lazy`, the one way to
  declare a regular expression (compiled on first use, every call run with
  :data:`~cspplan.text.patterns.TIMEOUT`);
- :mod:`~cspplan.text.words`: function words and the one stemmer,
  :func:`~cspplan.text.words.singular`;
- :mod:`~cspplan.text.numbers`: printed figures, number words and sentences;
- :mod:`~cspplan.text.furniture`: page numbers and running headers and footers;
- :mod:`~cspplan.text.continuation`: whether a table row goes on across a page break.

This package sits below :mod:`cspplan.parsers` and :mod:`cspplan.recognise` and imports
neither. See ``docs/text-toolkit.md``.
"""

from __future__ import annotations

from .patterns import TIMEOUT, Match, Pattern, lazy
from .words import AUXILIARIES, FUNCTION_WORDS, singular

__all__ = ["AUXILIARIES", "FUNCTION_WORDS", "TIMEOUT", "Match", "Pattern", "lazy", "singular"]
