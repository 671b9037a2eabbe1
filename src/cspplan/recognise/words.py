"""Closed classes of small words that several recognisers weigh.

Whether a capitalised run is a title, where a flattened cell breaks into phrases, whether a
line cut at a page or cell end stops mid-phrase: each turns on the same few articles,
conjunctions and prepositions, kept here once so that the readers agree on them.
"""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS"]

FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as"]
)
"""Articles, conjunctions and prepositions: a title or a name may hold them in lower case, and
text that ends on one is unfinished."""
