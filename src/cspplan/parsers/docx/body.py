"""WordprocessingML → blocks: paragraphs, headings, list items and tables in body order.

The body's XML children are read in order, so paragraphs and tables stay interleaved as the
reader sees them. Wrappers that only group content (content controls ``w:sdt``, custom XML,
tracked insertions, markup-compatibility alternatives) are looked through; deleted text,
field codes, hidden text and the fallback copy of an ``mc:AlternateContent`` are left out, so
nothing is read twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
import regex
from lxml import etree

from ...deadline import check_deadline
from ...document import Block, Cell, Heading, ListItem, Paragraph, Row, Table
from ...errors import UnsafeDocumentError
from ...model.source import SourceRef
from ..text import BULLETS
from .charts import ChartData
from .numbering import NumberingState
from .settings import DocxSettings
from .styles import Styles
from .xml import MC, NS_W, W, attr, is_on

__all__ = ["BodyReader", "clean_line", "split_inline_bullets"]

_NS_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_NS_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_NS_O = "urn:schemas-microsoft-com:office:office"
_DIAGRAM_IDS = f"{{{_NS_DGM}}}relIds"
_CHART = f"{{{_NS_CHART}}}chart"
_OLE_OBJECT = f"{{{_NS_O}}}OLEObject"
_R_DM = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MATH_TEXT = f"{{{_NS_M}}}t"

# Elements whose children are read as if they stood in the element's place.
_INLINE_WRAPPERS = frozenset(
    {W.hyperlink, W.smartTag, W.customXml, W.ins, W.moveTo, W.fldSimple, W.dir, W.bdo}
)
_BLOCK_WRAPPERS = frozenset({W.customXml, W.ins, W.moveTo})
_DEL = f"{{{NS_W}}}del"  # "del" is a Python keyword, so W.del cannot be written
_TRACKED = "the document has tracked changes; read as if they were all accepted"

_WHITESPACE = regex.compile(r"[ \t\u00a0\u2007\u202f]+")
_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TABS = regex.compile(r"\t+")
_INLINE_BULLET = regex.compile(r"\s*[•▪●◦■➢➤❖]\s+")
_TYPED_BULLET = regex.compile(r"^([" + regex.escape(BULLETS) + r"])\s+(\S.{0,100000})$", regex.S)
_TYPED_NUMBER = regex.compile(
    r"^(\d{1,3}(?:\.\d{1,3}){0,4}[.)]|\d{1,3}(?:\.\d{1,3}){1,4}|[a-z][.)]|\([a-z0-9]{1,4}\)"
    r"|[ivx]{1,5}[.)])\s+(\S.{0,100000})$",
    regex.S,
)
_LIST_BULLET_STYLE = regex.compile(r"^\s*list\s+bullet\s*([2-9])?\s*$", regex.I)

# Symbol and Wingdings characters of w:sym, by code; others are left out.
_SYM_GLYPHS = {
    "F0B7": "•",
    "F0A7": "▪",
    "F06E": "■",
    "F0FC": "✓",
    "F0FB": "✗",
    "F0FD": "☒",
    "F0FE": "☑",
    "F0A8": "◻",
    "F0D8": "➢",
    "F0E0": "→",
    "F0AE": "→",
    "F0B3": "≥",
    "F0A3": "≤",
    "F0B1": "±",
    "F02D": "-",
    "F0BE": "—",
}


def clean_line(text: str) -> str:
    """One line with tabs and non-breaking spaces made single spaces, zero-width characters
    and soft hyphens removed, trimmed."""
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_inline_bullets(line: str) -> list[str]:
    """Split a line at bullets typed inside it: ``"Staff: • time • money"`` →
    ``["Staff:", "• time", "• money"]``."""
    parts = _INLINE_BULLET.split(line)
    lines: list[str] = []
    for index, part in enumerate(parts):
        part = part.strip()
        if part:
            lines.append(part if index == 0 else f"• {part}")
    return lines


def _choose_alternative(element: etree._Element) -> etree._Element | None:
    # The Choice is what current Word shows; the Fallback repeats the same content for older
    # readers (a text box as VML), so reading both would duplicate it.
    choice = element.find(MC.Choice)
    return choice if choice is not None else element.find(MC.Fallback)


def _is_placeholder(sdt: etree._Element) -> bool:
    props = sdt.find(W.sdtPr)
    return props is not None and is_on(props.find(W.showingPlcHdr))


@attrs.define(slots=True)
class _Text:
    """Text gathered from a paragraph's runs."""

    parts: list[str] = attrs.field(factory=list)
    boxes: list[etree._Element] = attrs.field(factory=list)
    bold_runs: int = 0
    plain_runs: int = 0


@attrs.frozen(slots=True)
class _Reading:
    """What a paragraph turned out to be.

    Attributes:
        kind: ``heading``, ``list``, ``paragraph`` or ``toc`` (a contents entry, dropped).
        lines: Its non-empty lines of text (numbered headings start with their number).
        level: Heading level, or list level.
        marker: The list marker, for a list item.
        emphasis: True where every run with text is bold.
        boxes: Text boxes anchored in it.
        fields: For a one-line paragraph with tabs between its words, the tab-separated
            pieces (runs of tabs count as one); empty otherwise.
    """

    kind: str
    lines: list[str] = attrs.field(factory=list)
    level: int = 0
    marker: str = ""
    emphasis: bool = False
    boxes: list[etree._Element] = attrs.field(factory=list)
    fields: list[str] = attrs.field(factory=list)


@attrs.define(slots=True)
class _CellBuilder:
    column: int
    colspan: int
    lines: list[str]
    tables: list[Table]
    rowspan: int = 1


@attrs.define(slots=True)
class BodyReader:
    """Reads one story (the body, a header or a footer) into blocks.

    Counters run in document order: numbering, paragraph and table indices.

    Attributes:
        file: The file name recorded in every source reference.
        styles: The styles part.
        numbering: The running numbering counters.
        settings: The parser settings.
        warnings: Problems met on the way (shared with the caller).
        paragraph_index: Index of the next paragraph of this story.
        table_index: Index of the next table (nested tables included, in document order).
        cell_count: Table cells read so far, held to ``settings.max_table_cells``.
        note_refs: Footnote and endnote references met, in order: (``footnote`` or
            ``endnote``, note id, where the reference is).
        location: Where the paragraph being read is (a body paragraph or a table cell).
        diagram_text: The text of a SmartArt diagram, by the relationship id of its data
            part (one string per shape, in the diagram's order).
        chart_data: The title and cached data of a chart, by the relationship id of its
            part.
    """

    file: str
    styles: Styles
    numbering: NumberingState
    settings: DocxSettings
    warnings: list[str] = attrs.field(factory=list)
    paragraph_index: int = 0
    table_index: int = 0
    cell_count: int = 0
    note_refs: list[tuple[str, str, SourceRef]] = attrs.field(factory=list)
    location: SourceRef = attrs.field(factory=SourceRef)
    diagram_text: Callable[[str], list[str]] = attrs.field(default=lambda _: [])
    chart_data: Callable[[str], ChartData | None] = attrs.field(default=lambda _: None)

    # --- block level -------------------------------------------------------------------

    def read_story(self, container: etree._Element) -> list[Block]:
        """The blocks of a body, header, footer or text box, in order."""
        blocks: list[Block] = []
        tab_rows: list[tuple[list[str], Paragraph]] = []

        def flush() -> None:
            if len(tab_rows) >= 2:
                blocks.append(tab_rows_to_table(tab_rows, self.file))
            else:
                blocks.extend(paragraph for _, paragraph in tab_rows)
            tab_rows.clear()

        for element in self._block_elements(container):
            check_deadline()
            if element.tag == W.p:
                found, fields = self._paragraph_blocks(element)
                single = found[0] if len(found) == 1 else None
                if fields and self.settings.tab_tables and isinstance(single, Paragraph):
                    tab_rows.append((fields, single))
                    continue
                if found:
                    flush()
                blocks.extend(found)
            elif element.tag == W.tbl:
                flush()
                blocks.append(self._table(element))
            elif element.tag == W.altChunk:
                self._warn("an embedded document (w:altChunk) was not read")
        flush()
        return blocks

    def _block_elements(self, container: etree._Element) -> Iterator[etree._Element]:
        for child in container:
            tag = child.tag
            if tag in (W.p, W.tbl, W.altChunk):
                yield child
            elif tag == W.sdt:
                if self.settings.skip_placeholders and _is_placeholder(child):
                    continue
                content = child.find(W.sdtContent)
                if content is not None:
                    yield from self._block_elements(content)
            elif tag in _BLOCK_WRAPPERS:
                yield from self._block_elements(child)
            elif tag == MC.AlternateContent:
                branch = _choose_alternative(child)
                if branch is not None:
                    yield from self._block_elements(branch)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- paragraphs ----------------------------------------------------------------------

    def _paragraph_blocks(self, p: etree._Element) -> tuple[list[Block], list[str]]:
        """The paragraph's block (none for an empty one) and its text boxes' blocks, and
        the paragraph's tab-separated fields, if any."""
        index = self.paragraph_index
        self.paragraph_index += 1
        source = SourceRef(file=self.file, paragraph=index)
        self.location = source
        reading = self._read_paragraph(p)
        blocks: list[Block] = []
        if reading.kind == "toc":
            return blocks, []
        text = reading.lines
        if text:
            if reading.kind == "heading":
                blocks.append(Heading(text=" ".join(text), level=reading.level, source=source))
            elif reading.kind == "list":
                blocks.append(
                    ListItem(
                        text=" ".join(text),
                        level=reading.level,
                        marker=reading.marker,
                        source=source,
                    )
                )
            else:
                blocks.append(
                    Paragraph(text="\n".join(text), emphasis=reading.emphasis, source=source)
                )
        # Text boxes anchored in the paragraph follow it, located by their anchor.
        for box in reading.boxes:
            blocks.extend(self._box_blocks(box, source))
        return blocks, reading.fields

    def _read_paragraph(self, p: etree._Element) -> _Reading:
        """Read a paragraph's text and decide what it is (advancing list numbering)."""
        ppr = p.find(W.pPr)
        style_el = ppr.find(W.pStyle) if ppr is not None else None
        style_id = attr(style_el, W.val)
        if self.settings.skip_toc and self.styles.is_toc(style_id):
            return _Reading(kind="toc")
        gathered = _Text()
        self._inline(p, gathered, self.styles.bold(style_id, paragraph=True))
        raw = [line for line in "".join(gathered.parts).split("\n") if clean_line(line)]
        lines = [clean_line(line) for line in raw]
        fields = tab_fields(raw[0]) if len(raw) == 1 else []
        emphasis = gathered.bold_runs > 0 and gathered.plain_runs == 0
        boxes = gathered.boxes

        numbered = self._marker(ppr, style_id)
        heading = self._heading_level(ppr, style_id)
        if heading is not None:
            if numbered is not None and numbered[0] and lines:
                lines[0] = f"{numbered[0]} {lines[0]}"
            return _Reading("heading", lines, heading, "", emphasis, boxes)
        if numbered is not None and numbered[0]:
            return _Reading("list", lines, numbered[1], numbered[0], emphasis, boxes)
        if numbered is not None:
            # A level with no visible number (numFmt "none", empty level text) reads as an
            # ordinary paragraph, though it still counted for the list.
            return _Reading("paragraph", lines, 0, "", emphasis, boxes)
        bullet_style = _LIST_BULLET_STYLE.match(self.styles.name(style_id))
        if bullet_style:
            level = int(bullet_style.group(1) or 1) - 1
            return _Reading("list", lines, level, "•", emphasis, boxes)
        if self.settings.typed_markers and lines:
            joined = " ".join(lines)
            typed = _TYPED_BULLET.match(joined) or _TYPED_NUMBER.match(joined)
            if typed:
                return _Reading("list", [typed.group(2)], 0, typed.group(1), emphasis, boxes)
        return _Reading("paragraph", lines, 0, "", emphasis, boxes, fields)

    def _heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        outline = ppr.find(W.outlineLvl) if ppr is not None else None
        if outline is not None:
            value = _int(attr(outline, W.val))
            if value is not None:
                return value + 1 if 0 <= value <= 8 else None
        named = self.styles.heading_level(style_id)
        if named is not None:
            return named
        inherited = self.styles.outline_level(style_id)
        if inherited is not None and 0 <= inherited <= 8:
            return inherited + 1
        return None

    def _marker(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str, int] | None:
        """Advance numbering for the paragraph and return (marker, level), or ``None`` where
        it is not numbered."""
        style_num, style_ilvl = self.styles.numbering(style_id)
        num_pr = ppr.find(W.numPr) if ppr is not None else None
        direct_num = num_pr.find(W.numId) if num_pr is not None else None
        direct_ilvl = num_pr.find(W.ilvl) if num_pr is not None else None
        num_id = attr(direct_num, W.val) if direct_num is not None else style_num
        if num_id is None:
            return None
        ilvl = _int(attr(direct_ilvl, W.val)) if direct_ilvl is not None else style_ilvl
        if ilvl is None and style_id:
            ilvl = self.numbering.definitions.level_for_style(num_id, style_id)
        result = self.numbering.next_marker(num_id, ilvl or 0)
        if result is None and num_id != "0":
            self._warn(f"numbering definition {num_id} is missing; list numbers left out")
        return result

    def _inline(self, element: etree._Element, out: _Text, para_bold: bool | None) -> None:
        for child in element:
            tag = child.tag
            if tag == W.r:
                self._run(child, out, para_bold)
            elif tag in _INLINE_WRAPPERS:
                if tag in (W.ins, W.moveTo):
                    self._warn(_TRACKED)
                self._inline(child, out, para_bold)
            elif tag in (_DEL, W.moveFrom):
                self._warn(_TRACKED)
            elif tag == W.sdt:
                if self.settings.skip_placeholders and _is_placeholder(child):
                    continue
                content = child.find(W.sdtContent)
                if content is not None:
                    self._inline(content, out, para_bold)
            elif tag == MC.AlternateContent:
                branch = _choose_alternative(child)
                if branch is not None:
                    self._inline(branch, out, para_bold)
            elif tag == f"{{{_NS_M}}}oMathPara" or tag == f"{{{_NS_M}}}oMath":
                out.parts.append("".join(t.text or "" for t in child.iter(_MATH_TEXT)))

    def _run(self, run: etree._Element, out: _Text, para_bold: bool | None) -> None:
        rpr = run.find(W.rPr)
        if rpr is not None and is_on(rpr.find(W.vanish)):
            return  # hidden text is not what the reader sees
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W.t:
                parts.append(child.text or "")
            elif tag in (W.tab, W.ptab):
                parts.append("\t")
            elif tag == W.br:
                kind = attr(child, W.type)
                parts.append(" " if kind in ("page", "column") else "\n")
            elif tag == W.cr:
                parts.append("\n")
            elif tag == W.noBreakHyphen:
                parts.append("-")
            elif tag == W.sym:
                parts.append(_SYM_GLYPHS.get((attr(child, W.char) or "").upper(), ""))
            elif tag in (W.footnoteReference, W.endnoteReference):
                # The mark itself is left out: a superscript "1" after "44%" would read as
                # part of the number. The note's text is read later, located here.
                note_id = attr(child, W.id)
                if note_id is not None:
                    kind = "footnote" if tag == W.footnoteReference else "endnote"
                    self.note_refs.append((kind, note_id, self.location))
            elif tag in (W.drawing, W.pict, W.object):
                out.boxes.extend(self._drawing_content(child))
            elif tag == MC.AlternateContent:
                branch = _choose_alternative(child)
                if branch is not None:
                    out.boxes.extend(self._drawing_content(branch))
        text = "".join(parts)
        out.parts.append(text)
        if text.strip():
            if self._run_bold(rpr, para_bold):
                out.bold_runs += 1
            else:
                out.plain_runs += 1

    def _drawing_content(self, element: etree._Element) -> list[etree._Element]:
        """The text-bearing parts of a drawing, outermost first: text boxes
        (``w:txbxContent``), SmartArt diagrams (``dgm:relIds``) and charts (``c:chart``),
        reading one branch of any ``mc:AlternateContent`` on the way. Embedded objects,
        whose content cannot be read, are noted in the warnings."""
        found: list[etree._Element] = []
        for child in element:
            tag = child.tag
            if tag in (W.txbxContent, _DIAGRAM_IDS, _CHART):
                found.append(child)
            elif tag == MC.AlternateContent:
                branch = _choose_alternative(child)
                if branch is not None:
                    found.extend(self._drawing_content(branch))
            elif tag == _OLE_OBJECT:
                self._warn("an embedded object (a spreadsheet or similar) was not read")
            elif isinstance(tag, str):
                found.extend(self._drawing_content(child))
        return found

    def _chart(self, chart: etree._Element, anchor: SourceRef) -> tuple[str | None, Table | None]:
        """A chart's title and its data as a table, located at its anchor."""
        data = self.chart_data(attr(chart, _R_ID) or "")
        if data is None:
            self._warn("a chart without cached data was not read")
            return None, None
        rows = tuple(
            Row(
                cells=tuple(
                    Cell(
                        lines=(value,) if value else (),
                        source=attrs.evolve(anchor, row=row_index, column=column),
                    )
                    for column, value in enumerate(values)
                ),
                source=attrs.evolve(anchor, row=row_index),
            )
            for row_index, values in enumerate(data.rows)
        )
        return data.title, Table(rows=rows, source=anchor)

    def _box_blocks(self, box: etree._Element, anchor: SourceRef) -> list[Block]:
        """The blocks of a text box, SmartArt diagram or chart anchored at ``anchor``."""
        if box.tag == _DIAGRAM_IDS:
            texts = self.diagram_text(attr(box, _R_DM) or "")
            return [Paragraph(text=text, source=anchor) for text in texts]
        if box.tag == _CHART:
            title, table = self._chart(box, anchor)
            found: list[Block] = [Paragraph(text=title, source=anchor)] if title else []
            return found + ([table] if table is not None else [])
        saved = self.paragraph_index
        self.paragraph_index = anchor.paragraph or 0
        inner = self.read_story(box)
        self.paragraph_index = saved
        return [_relocate(block, anchor) for block in inner]

    def _run_bold(self, rpr: etree._Element | None, para_bold: bool | None) -> bool:
        if rpr is not None:
            bold = rpr.find(W.b)
            if bold is not None:
                return is_on(bold)
            style = rpr.find(W.rStyle)
            if style is not None:
                styled = self.styles.bold(attr(style, W.val))
                if styled is not None:
                    return styled
        if para_bold is not None:
            return para_bold
        return self.styles.default_bold

    # --- tables --------------------------------------------------------------------------

    def _table(self, tbl: etree._Element) -> Table:
        index = self.table_index
        self.table_index += 1
        rows: list[tuple[list[_CellBuilder], bool]] = []
        open_merges: dict[int, _CellBuilder] = {}  # grid column -> cell a vMerge continues
        for tr in _children(tbl, W.tr):
            check_deadline()
            trpr = tr.find(W.trPr)
            is_header = trpr is not None and is_on(trpr.find(W.tblHeader))
            before = _int(attr(trpr.find(W.gridBefore), W.val)) if trpr is not None else None
            column = before or 0
            cells: list[_CellBuilder] = []
            if column > 0:
                cells.append(_CellBuilder(column=0, colspan=column, lines=[], tables=[]))
            seen_columns: set[int] = set()
            for tc in _children(tr, W.tc):
                self._count_cell()
                tcpr = tc.find(W.tcPr)
                span = _int(attr(tcpr.find(W.gridSpan), W.val)) if tcpr is not None else None
                span = max(span or 1, 1)
                vmerge = tcpr.find(W.vMerge) if tcpr is not None else None
                hmerge = tcpr.find(W.hMerge) if tcpr is not None else None
                self.location = SourceRef(file=self.file, table=index, row=len(rows), column=column)
                lines, tables = self._cell_content(tc)
                continues = vmerge is not None and (attr(vmerge, W.val) or "continue") != "restart"
                owner = open_merges.get(column)
                if continues and owner is not None and owner.colspan == span:
                    owner.rowspan += 1
                    # Word shows only the first cell of a vertical merge, but text typed into
                    # a continuation cell must not be lost.
                    owner.lines.extend(lines)
                    owner.tables.extend(tables)
                    seen_columns.add(column)
                elif (
                    hmerge is not None
                    and (attr(hmerge, W.val) or "continue") != "restart"
                    and cells
                    and cells[-1].column + cells[-1].colspan == column
                ):
                    cells[-1].colspan += span
                    cells[-1].lines.extend(lines)
                    cells[-1].tables.extend(tables)
                else:
                    cell = _CellBuilder(column=column, colspan=span, lines=lines, tables=tables)
                    cells.append(cell)
                    if vmerge is not None:
                        open_merges[column] = cell
                        seen_columns.add(column)
                column += span
            for start in [c for c in open_merges if c not in seen_columns]:
                del open_merges[start]
            rows.append((cells, is_header))
        built_rows: list[Row] = []
        for row_index, (cells, is_header) in enumerate(rows):
            built = tuple(
                Cell(
                    lines=tuple(cell.lines),
                    colspan=cell.colspan,
                    rowspan=cell.rowspan,
                    tables=tuple(cell.tables),
                    source=SourceRef(
                        file=self.file, table=index, row=row_index, column=cell.column
                    ),
                )
                for cell in cells
            )
            built_rows.append(
                Row(
                    cells=built,
                    is_header=is_header,
                    source=SourceRef(file=self.file, table=index, row=row_index),
                )
            )
        return Table(rows=tuple(built_rows), source=SourceRef(file=self.file, table=index))

    def _count_cell(self) -> None:
        self.cell_count += 1
        limit = self.settings.max_table_cells
        if self.cell_count > limit:
            raise UnsafeDocumentError(
                f"the document's tables hold more than {limit} cells (the Word setting"
                " max_table_cells); refused, since reading them would take minutes and"
                " gigabytes. Raise max_table_cells (DocxSettings) to read it",
                self.file,
            )

    def _cell_content(self, tc: etree._Element) -> tuple[list[str], list[Table]]:
        lines: list[str] = []
        tables: list[Table] = []
        here = self.location
        for element in self._block_elements(tc):
            if element.tag == W.tbl:
                tables.append(self._table(element))
                self.location = here
            elif element.tag == W.p:
                lines.extend(self._cell_paragraph_lines(element, tables))
        return lines, tables

    def _cell_paragraph_lines(self, p: etree._Element, tables: list[Table]) -> list[str]:
        reading = self._read_paragraph(p)
        lines: list[str] = []
        text = reading.lines
        if reading.kind != "toc" and text:
            for line in text:
                if self.settings.split_inline_bullets:
                    lines.extend(split_inline_bullets(line))
                else:
                    lines.append(line)
            # The marker goes on after splitting, so Word's own glyph ("◦", "▪") is kept.
            if reading.kind == "list" and reading.marker and lines:
                lines[0] = f"{reading.marker} {lines[0]}"
        elif reading.kind == "list" and any(ch.isalnum() for ch in reading.marker):
            # An empty numbered paragraph shows its number alone: the usual way a "Ref"
            # column is numbered by Word, where the number is all the cell holds.
            lines.append(reading.marker)
        for box in reading.boxes:
            if box.tag == _DIAGRAM_IDS:
                lines.extend(self.diagram_text(attr(box, _R_DM) or ""))
                continue
            if box.tag == _CHART:
                title, chart = self._chart(box, self.location)
                lines.extend([title] if title else [])
                tables.extend([chart] if chart is not None else [])
                continue
            for element in self._block_elements(box):
                if element.tag == W.p:
                    lines.extend(self._cell_paragraph_lines(element, tables))
                elif element.tag == W.tbl:
                    tables.append(self._table(element))
        return lines


def tab_fields(line: str) -> list[str]:
    """The pieces of a line that tabs separate (a run of tabs aligns one column, so it counts
    as one separator); empty where the line has fewer than two pieces."""
    pieces = [clean_line(piece) for piece in _TABS.split(line.strip(" \t\u00a0"))]
    pieces = [piece for piece in pieces if piece]
    return pieces if len(pieces) >= 2 else []


def tab_rows_to_table(rows: list[tuple[list[str], Paragraph]], file: str) -> Table:
    """Consecutive paragraphs laid out in columns with tabs, as a table: one row per
    paragraph, one cell per tab-separated piece. Located by paragraph index, not by table
    index, since Word does not count it as a table."""
    built: list[Row] = []
    for row_index, (fields, paragraph) in enumerate(rows):
        where = paragraph.source.paragraph
        cells = tuple(
            Cell(
                lines=(field,),
                source=SourceRef(file=file, paragraph=where, row=row_index, column=column),
            )
            for column, field in enumerate(fields)
        )
        built.append(Row(cells=cells, source=SourceRef(file=file, paragraph=where, row=row_index)))
    first = rows[0][1].source.paragraph
    return Table(rows=tuple(built), source=SourceRef(file=file, paragraph=first))


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and other wrappers (rows and
    cells can sit inside a ``w:sdt``)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == W.sdt:
            content = child.find(W.sdtContent)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag)
        elif child.tag == MC.AlternateContent:
            branch = _choose_alternative(child)
            if branch is not None:
                yield from _children(branch, tag)


def _relocate(block: Block, anchor: SourceRef) -> Block:
    """A text box block keeps its table location but takes its anchor paragraph's index."""
    if isinstance(block, Table):
        return block
    return attrs.evolve(block, source=attrs.evolve(block.source, paragraph=anchor.paragraph))


def relocate_note(block: Block, reference: SourceRef) -> Block:
    """A footnote's or endnote's block, located where the body refers to the note."""
    if isinstance(block, Table):
        return block
    return attrs.evolve(block, source=reference)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None
