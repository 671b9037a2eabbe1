"""The one way the project declares a regular expression: compiled on first use, run with a timeout.

Recognisers and parsers read text a stranger wrote, and a pattern with nested or open-ended
repetition can take exponential time on a hostile line. Every pattern is therefore a
:class:`Pattern` from :func:`lazy`: it runs on the ``regex`` engine and every call passes
:data:`TIMEOUT`, so a runaway match raises :class:`TimeoutError` (which the public readers
turn into "nothing found") instead of hanging. Compiling waits for the first call, so
importing a module with many patterns costs nothing until one of them is used.

>>> YEAR = lazy(r"(?:19|20)\\d{2}")
>>> YEAR.search("since 2008").group(0)
'2008'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import regex

__all__ = [
    "DOTALL",
    "IGNORECASE",
    "TIMEOUT",
    "VERBOSE",
    "Match",
    "Pattern",
    "escape",
    "lazy",
]

TIMEOUT = 0.5
"""Seconds any one call of a pattern may run before it raises :class:`TimeoutError`; the
patterns are bounded, so on real text this is only a backstop against hostile input."""

IGNORECASE = regex.IGNORECASE
"""Match letters in either case."""
VERBOSE = regex.VERBOSE
"""Let the pattern text hold white space and comments."""
DOTALL = regex.DOTALL
"""Let ``.`` match a line break too."""

Match: TypeAlias = "regex.Match[str]"
"""What a successful search, match or iteration gives."""


class Pattern:
    """A regular expression compiled on first use and always run with :data:`TIMEOUT`.

    ``pattern`` is the source text, so that a pattern can be built into a larger one
    (``rf"(?:{PERIOD.pattern})"``) without being compiled.
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"

    @property
    def is_compiled(self) -> bool:
        """True once the pattern has been used (and so compiled)."""
        return self._compiled is not None

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern, compiled now if this is the first use."""
        compiled = self._compiled
        if compiled is None:
            # Two threads may both compile on a first use; either result is the same.
            compiled = self._compiled = regex.compile(self.pattern, self.flags)
        return compiled

    def search(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> Match | None:
        """The first match anywhere in ``string[pos:endpos]``."""
        return self.compiled.search(string, pos, endpos, timeout=TIMEOUT)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> Match | None:
        """A match starting at ``pos`` (the start of ``string`` by default)."""
        return self.compiled.match(string, pos, endpos, timeout=TIMEOUT)

    def fullmatch(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> Match | None:
        """A match of the whole of ``string[pos:endpos]``."""
        return self.compiled.fullmatch(string, pos, endpos, timeout=TIMEOUT)

    def finditer(
        self, string: str, pos: int | None = None, endpos: int | None = None
    ) -> Iterator[Match]:
        """Every non-overlapping match, in order."""
        return iter(self.compiled.finditer(string, pos, endpos, timeout=TIMEOUT))

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None) -> list[Any]:
        """Every non-overlapping match as text (or as a tuple of its groups), in order."""
        return self.compiled.findall(string, pos, endpos, timeout=TIMEOUT)

    def sub(self, repl: str | Callable[[Match], str], string: str, count: int = 0) -> str:
        """``string`` with the first ``count`` matches (all where 0) replaced by ``repl``."""
        return self.compiled.sub(repl, string, count, timeout=TIMEOUT)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        """``string`` cut at each match (at most ``maxsplit`` times where not 0), with the
        text of any groups in the pattern between the pieces."""
        return self.compiled.split(string, maxsplit, timeout=TIMEOUT)


def lazy(pattern: str, flags: int = 0) -> Pattern:
    """Declare a pattern: compiled on first use, every call run with :data:`TIMEOUT`.

    Flags are this module's (:data:`IGNORECASE`, :data:`VERBOSE`, :data:`DOTALL`) or inline
    (``(?i)``).
    """
    return Pattern(pattern, flags)


def escape(text: str) -> str:
    """``text`` with every character that has a meaning in a pattern escaped, to build a
    literal (a set of bullet characters) into a pattern's source."""
    return regex.escape(text)
