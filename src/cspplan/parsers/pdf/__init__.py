"""Plans published as PDF, read with pdfplumber.

The parser reads one page at a time and closes it before the next (pdfplumber keeps every
object of a page cached until then), so memory stays flat on long documents. Each page
gives words with their font size and weight; ruled tables come from pdfplumber's table
finder, run only on pages with ruling lines or rectangles; unruled tables from text that
breaks into the same columns line after line; the rest is read in order, column by column
where a page is set in two columns. Once every page is read, lines that repeat in the top
and bottom margins become furniture, lines become headings (by size and weight against the
body text), list items and paragraphs, and a table that runs onto the next page is joined
to its first part.
"""

from __future__ import annotations

from .parser import PdfParser
from .settings import PdfSettings

__all__ = ["PdfParser", "PdfSettings"]
