"""Closed classes of small words that several readers weigh.

Whether a capitalised run is a title, where a flattened cell breaks into phrases, whether a
line cut at a page or cell end stops mid-phrase, which words of a metric say what it
measures: each turns on the same few articles, conjunctions and prepositions, kept here once
so that the readers agree on them. A reader that needs a few more words adds them to these
sets where it is defined (``FUNCTION_WORDS | {"into", "via"}``) rather than copying them.
"""

from __future__ import annotations

__all__ = ["AUXILIARIES", "FUNCTION_WORDS", "singular"]

FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "as"]
)
"""Articles, conjunctions and prepositions: a title or a name may hold them in lower case, and
text that ends on one is unfinished."""

AUXILIARIES = frozenset(["is", "are", "be", "will"])
"""The commonest auxiliary verbs: lower-case words that make a phrase a sentence ("Police will
chair") but say nothing of what it names."""

_MIN_IES = 5
"""Shortest word whose "-ies" stands for "-y" ("cities" → "city"); a shorter one loses only
its "s" ("ties" → "tie")."""
_MIN_S = 4
"""Shortest word whose final "s" is a plural ending ("calls" → "call"); "bus" and "gas" keep it."""


def singular(word: str) -> str:
    """A lower-case word made singular by its regular ending, so that two wordings of one
    metric share their words: "burglaries" → "burglary", "calls" → "call"; "ss" stays
    ("business"), and short words stay as they are.

    >>> [singular(w) for w in ("offences", "priorities", "business", "gas")]
    ['offence', 'priority', 'business', 'gas']
    """
    if len(word) >= _MIN_IES and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= _MIN_S and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
