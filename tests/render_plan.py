"""Render a plan in the seed text format (``#`` headings, paragraphs, tab-separated table
rows, ``<ul><li>`` lists in cells) as a Word document and as a ruled PDF, so a mechanism's
fixture can be checked on the binary formats too."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

Block = tuple[str, object]


def _cell_lines(text: str) -> list[str]:
    items = _ITEM.findall(text)
    if items:
        return [f"• {_TAG.sub('', i).strip()}" for i in items]
    return [_TAG.sub("", text).strip()] if text.strip() else []


def blocks(text: str) -> list[Block]:
    """The plan's blocks: ``("heading", (level, text))``, ``("para", text)`` and
    ``("table", rows)`` with each cell as its lines."""
    found: list[Block] = []
    rows: list[list[list[str]]] = []
    for line in [*text.splitlines(), ""]:
        if "\t" in line:
            rows.append([_cell_lines(c) for c in line.split("\t")])
            continue
        if rows:
            width = max(len(r) for r in rows)
            found.append(("table", [r + [[]] * (width - len(r)) for r in rows]))
            rows = []
        stripped = line.strip()
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            found.append(("heading", (level, stripped.lstrip("#").strip())))
        elif stripped:
            found.append(("para", stripped))
    return found


def to_docx(text: str, path: Path) -> Path:
    """The plan as a Word document with one cell per column and a marked header row."""
    document = docx.Document()
    for kind, value in blocks(text):
        if kind == "heading":
            level, words = value  # type: ignore[misc]
            document.add_heading(words, level=min(level, 3))
        elif kind == "para":
            document.add_paragraph(str(value))
        else:
            rows: list[list[list[str]]] = value  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, lines in enumerate(row):
                    table.cell(r, c).text = "\n".join(lines)
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    document.save(str(path))
    return path


def to_pdf(text: str, path: Path) -> Path:
    """The plan as a PDF with ruled tables (landscape, so wide tables fit)."""
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("cell", fontSize=7, leading=8.5)
    story: list[object] = []
    for kind, value in blocks(text):
        if kind == "heading":
            level, words = value  # type: ignore[misc]
            story.append(Paragraph(words, styles[f"Heading{min(level, 3)}"]))
        elif kind == "para":
            story.append(Paragraph(str(value), styles["BodyText"]))
        else:
            rows: list[list[list[str]]] = value  # type: ignore[assignment]
            data = [[Paragraph("<br/>".join(lines), small) for lines in row] for row in rows]
            width = (landscape(A4)[0] - 72) / len(rows[0])
            table = Table(data, colWidths=[width] * len(rows[0]), repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
            story += [table, Spacer(1, 8)]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)  # type: ignore[arg-type]
    return path
