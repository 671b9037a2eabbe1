"""Page furniture: the page numbers and running headers and footers a page carries.

Two readers meet it. The PDF parser sees each line's position, so a line in the top or bottom
margin that is only a page number (:data:`PAGE_NUMBER`: "12", "Page 3 of 20", "- 4 -",
"(iv)") is dropped, and so is one whose text, digits aside (:data:`DIGIT_RUN`), repeats in
the margins of many pages. Text exports carry no positions, so there only a line that cannot
be anything else is furniture (:data:`TEXT_PAGE_FURNITURE`: "12", "Page 3 of 20",
"(continued)"): a roman numeral or a bracketed number alone may be a list label there.
"""

from __future__ import annotations

from .patterns import IGNORECASE, lazy

__all__ = ["DIGIT_RUN", "PAGE_NUMBER", "TEXT_PAGE_FURNITURE"]

PAGE_NUMBER = lazy(
    r"^(?:page\s{0,3})?[-–(]?\s{0,2}(?:\d{1,4}|[ivxlc]{1,6})\s{0,2}[-–)]?"
    r"(?:\s{0,3}(?:of|/)\s{0,3}\d{1,4})?$",
    IGNORECASE,
)
"""A margin line that is only a page number, arabic or roman, bare, dashed or bracketed,
with or without "Page" and "of N"; match it against the stripped line."""

DIGIT_RUN = lazy(r"\d+")
"""A run of digits: replaced by one mark, it lets "Page 3" and "Page 4" be the same running
line."""

TEXT_PAGE_FURNITURE = lazy(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\(?(?:continued|cont(?:'d|\.)?)\)?\.?$",
    IGNORECASE,
)
"""A whole block of a text export (white space joined) that is a page number or a
"continued" mark left between the pieces of a table cut at a page break."""
