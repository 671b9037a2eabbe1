"""Plans published as PDF, read through pdfium (pypdfium2) or pdfplumber.

The parser reads one page at a time and closes it before the next, so memory stays flat on
long documents. Pages come from pdfium by default (:mod:`.pdfium`: characters and paths,
several times faster than pdfminer) or from pdfplumber (``backend="pdfplumber"``, and for
any page pdfium cannot read); both offer the same page object to :mod:`.page`. Each page
gives words with their font size and weight; ruled tables come from pdfplumber's table
finder over the page's edges, run only on pages with ruling lines or rectangles; unruled tables from text that
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
