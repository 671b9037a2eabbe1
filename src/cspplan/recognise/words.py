"""Closed classes of small words, now kept in :mod:`cspplan.text.words`; re-exported here for
the recognisers that import them from this module."""

from __future__ import annotations

from ..text.words import FUNCTION_WORDS

__all__ = ["FUNCTION_WORDS"]
