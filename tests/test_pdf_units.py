"""The PDF parser's small pure functions, on hand-made words and lines."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cspplan.document import Cell, Row
from cspplan.parsers.pdf.assemble import _join_rows
from cspplan.parsers.pdf.layout import (
    Line,
    Word,
    body_size,
    clean_text,
    compact_line,
    line_from_words,
    split_line,
    word_from_pdfplumber,
    words_to_lines,
)
from cspplan.parsers.pdf.page import closing_lines
from cspplan.parsers.pdf.paragraphs import (
    join_lines,
    join_texts,
    line_marker,
    split_inline_bullets,
    starts_block,
    vocabulary,
)
from cspplan.parsers.pdf.tables import (
    PageTable,
    cells_to_table,
    find_unruled_tables,
    grid_positions,
)
from cspplan.text.continuation import continues_row as _continues


def words(
    text: str, x: float = 50, top: float = 100, size: float = 10, bold: bool = False
) -> list[Word]:
    """Words of ``text`` set from ``x`` on one baseline, 6 points per character."""
    out = []
    for token in text.split():
        width = 6 * len(token)
        out.append(Word(token, x, x + width, top, top + size, size, bold))
        x += width + 3
    return out


def line(text: str, x: float = 50, top: float = 100, size: float = 10, bold: bool = False) -> Line:
    return line_from_words(words(text, x, top, size, bold), page=1)


def cells_line(*cells: tuple[float, str], top: float) -> Line:
    parts: list[Word] = []
    for x, text in cells:
        parts += words(text, x, top)
    return line_from_words(parts, page=1)


# --- text cleaning and words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("(cid:127) Item", "• Item"),
        ("(cid:127)Item", "(cid:127)Item"),
        ("(cid:12)(cid:13)(cid:14)", "(cid:12)(cid:13)(cid:14)"),
        ("\uf0b7 Item", "• Item"),
        ("e\ufb03cient", "efficient"),
        ("non\u00adbreaking\u00a0space", "nonbreaking space"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_symbol_font_letters_are_bullets() -> None:
    raw = {
        "text": "l",
        "x0": 1,
        "x1": 5,
        "top": 1,
        "bottom": 9,
        "size": 8,
        "fontname": "ZapfDingbats",
    }
    word = word_from_pdfplumber(raw)
    assert word is not None and word.text == "•" and word.symbol
    bold = word_from_pdfplumber({**raw, "text": "Plan", "fontname": "ABCDEF+Arial-BoldMT"})
    assert bold is not None and bold.bold and not bold.symbol
    assert word_from_pdfplumber({**raw, "text": "  "}) is None


def test_words_to_lines_groups_by_baseline() -> None:
    lines = words_to_lines(words("second line", top=120) + words("first line", top=100))
    assert [ln.text for ln in lines] == ["first line", "second line"]
    superscript = Word("th", 200, 210, 98, 104, 6)
    [single] = words_to_lines([*words("the 60"), superscript])
    assert single.text == "the 60 th" and single.size == 10


def test_split_line_at_wide_gaps() -> None:
    joined = cells_line((50, "Chair"), (200, "Dana Frost"), top=100)
    assert [p.text for p in split_line(joined, 10)] == ["Chair", "Dana Frost"]
    assert [p.text for p in split_line(line("a close pair"), 10)] == ["a close pair"]


# --- paragraphs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("to cut the harm of reduc-", "tion in crime", "to cut the harm of reduction in crime"),
        ("a co-", "ordination group", "a co-ordination group"),
        ("an anti-", "bullying policy", "an anti-bullying policy"),
        ("from Jan-", "March 2004", "from Jan-March 2004"),
        ("Insp Davey –", "Performance Support", "Insp Davey – Performance Support"),
        ("ten per", "cent", "ten per cent"),
        ("", "alone", "alone"),
    ],
)
def test_join_texts(first: str, second: str, joined: str) -> None:
    assert join_texts(first, second, frozenset()) == joined


def test_join_texts_follows_the_document_spelling() -> None:
    vocab = vocabulary(["the self-assessment was done", "a reassessment"])
    assert join_texts("the self-", "assessment", vocab) == "the self-assessment"
    assert join_texts("a re-", "assessment", vocab) == "a reassessment"
    assert join_texts("reduc-", "tion", vocab, dehyphenate=False) == "reduc-tion"


@given(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=12))
@settings(max_examples=50, deadline=None)
def test_join_lines_keeps_every_word(parts: Sequence[str]) -> None:
    assert join_lines(parts, frozenset()).split() == list(parts)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("• Street robbery", ("•", "Street robbery")),
        ("- Dash item", ("•", "Dash item")),
        ("•Glued item", ("•", "Glued item")),
        ("1. First", ("1.", "First")),
        ("1.1 Identify sources", ("1.1", "Identify sources")),
        ("a) Option", ("a)", "Option")),
        ("(iv) Fourth", ("(iv)", "Fourth")),
        ("2007/08 figures", None),
        ("Plain text", None),
        ("•", None),
    ],
)
def test_line_marker(text: str, marker: tuple[str, str] | None) -> None:
    assert line_marker(line(text)) == marker


def test_starts_block() -> None:
    full = line("this line runs right up to the edge of the column", x=50)
    right = full.x1
    follow = line("and carries on", top=112)
    assert not starts_block(full, follow, right, 0.7)
    assert starts_block(line("Short line.", x=50), follow, right, 0.7)  # broken, not wrapped
    assert starts_block(full, line("and carries on", top=130), right, 0.7)  # a gap
    assert starts_block(full, line("• an item", top=112), right, 0.7)
    assert starts_block(full, line("bold words", top=112, bold=True), right, 0.7)
    assert not starts_block(full, line("2. continues", top=112), right, 0.7)  # a wrapped number


def test_split_inline_bullets() -> None:
    assert split_inline_bullets("• Data checks • Responses from users") == [
        "• Data checks",
        "• Responses from users",
    ]
    assert split_inline_bullets("Objectives: • one") == ["Objectives:", "• one"]
    assert split_inline_bullets("no bullets here") == ["no bullets here"]


# --- tables -------------------------------------------------------------------------------


def test_grid_positions_merge_close_values() -> None:
    assert grid_positions([10, 11, 50, 50.5, 100]) == [10.5, 50.25, 100]


def test_cells_to_table_spans_and_words() -> None:
    boxes = [
        (0, 0, 100, 20),
        (100, 0, 200, 20),
        (0, 20, 200, 40),  # merged across both columns
        (0, 40, 100, 80),  # two rows tall
        (100, 40, 200, 60),
        (100, 60, 200, 80),
    ]
    text = words("Role", 5, 5) + words("Name", 105, 5) + words("Members", 5, 25)
    text += words("Chair", 5, 45) + words("Dana", 105, 45) + words("Alan", 105, 65)
    outside = words("Footnote", 5, 100)
    table, left = cells_to_table(boxes, text + outside, page=3)
    assert table is not None and [w.text for w in left] == ["Footnote"]
    spans = [
        (c.row, c.column, c.colspan, c.rowspan, " ".join(ln.text for ln in c.lines))
        for c in table.cells
    ]
    assert spans == [
        (0, 0, 1, 1, "Role"),
        (0, 1, 1, 1, "Name"),
        (1, 0, 2, 1, "Members"),
        (2, 0, 1, 2, "Chair"),
        (2, 1, 1, 1, "Dana"),
        (3, 1, 1, 1, "Alan"),
    ]
    assert table.rows == 4 and table.width == 2 and table.page == 3


def test_a_single_framed_box_is_not_a_table() -> None:
    table, left = cells_to_table([(0, 0, 300, 50)], words("Boxed note", 5, 5), page=1)
    assert table is None and len(left) == 2


def test_closing_lines_for_a_table_cut_by_the_page() -> None:
    def edge(
        orientation: str, x0: float, top: float, x1: float, bottom: float
    ) -> dict[str, object]:
        return {"orientation": orientation, "x0": x0, "top": top, "x1": x1, "bottom": bottom}

    edges = [edge("h", 0, 100, 300, 100)] + [edge("v", x, 100, x, 700) for x in (0, 150, 300)]
    [bottom] = closing_lines(edges)
    assert (bottom["top"], bottom["x0"], bottom["x1"]) == (700.0, 0.0, 300.0)
    closed = [*edges, edge("h", 0, 700, 300, 700)]
    assert closing_lines(closed) == []
    # Columns divided by vertical rules alone are not a grid to close.
    assert closing_lines([edge("v", x, 100, x, 700) for x in (0, 150, 300)]) == []


def test_unruled_table_from_aligned_lines() -> None:
    lines = [
        line("Targets for the coming year are set out below", top=60),
        cells_line((50, "Indicator"), (200, "2024/25"), (300, "2025/26"), top=100),
        cells_line((50, "Burglary"), (200, "816"), (300, "782"), top=125),
        cells_line((50, "Anti-social"), (200, "2,320"), (300, "2,240"), top=150),
        line("behaviour", x=50, top=162),
        line("The figures are reviewed each quarter by the board members", top=200),
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert [ln.text for ln in rest] == [lines[0].text, lines[-1].text]
    [table] = tables
    assert table.width == 3 and table.rows == 3 and not table.ruled
    last_row = [c for c in table.cells if c.row == 2]
    assert [" ".join(ln.text for ln in c.lines) for c in last_row] == [
        "Anti-social behaviour",
        "2,320",
        "2,240",
    ]


def test_two_columns_of_unequal_width_are_a_table() -> None:
    lines = [
        cells_line(
            (50, "objective " * 2 + "aims"), (250, "description " * 4 + "text"), top=100 + 12 * i
        )
        for i in range(8)
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert len(tables) == 1 and rest == []


def test_prose_in_two_columns_is_not_a_table() -> None:
    lines = [
        cells_line((50, "left column text " * 3), (330, "right column text " * 3), top=100 + 12 * i)
        for i in range(8)
    ]
    tables, rest = find_unruled_tables(lines, 1.0, 2, page=1)
    assert tables == [] and len(rest) == 8


# --- tables over page breaks --------------------------------------------------------------


def row(*texts: str) -> Row:
    return Row(cells=tuple(Cell(lines=(t,) if t else ()) for t in texts))


def test_row_continued_over_the_page() -> None:
    upper = row("6.1 To implement a media", "Owner", "• Media and")
    assert _continues(upper, row("and communications strategy", "", "Crimestoppers worker"))
    assert _continues(
        row("8.5 Policy for 2003/4 and a Alcohol", "Council", "Winter"),
        row("Harm Reduction Policy", "", ""),
    )
    assert not _continues(upper, row("6.2 Consider changes", "Team", "• Services"))
    assert not _continues(
        row("Elected member", "Kath Lauro", "Council"),
        row("Support officer", "Dana Price", "Team"),
    )
    finished = row("6.1 To implement a media plan", "Owner", "Report written")
    assert not _continues(finished, row("", "", "Second milestone"))
    cut = row("2.1", "To provide places in local schools for children at the", "Lesley Reece")
    assert _continues(cut, row("", "Safehouse", ""))
    assert not _continues(
        row("2.1", "To provide school places.", "Lesley Reece"), row("", "Safehouse", "")
    )


def test_join_rows_drops_a_repeated_header_and_merges_a_broken_row() -> None:
    before = [row("No", "Action"), row("1.1", "To map the streets with the most")]
    after = [row("No", "Action"), row("", "burglaries each month"), row("1.2", "To fit locks")]
    joined = _join_rows(before, after, frozenset(), True)
    assert [r.texts for r in joined] == [
        ("No", "Action"),
        ("1.1", "To map the streets with the most burglaries each month"),
        ("1.2", "To fit locks"),
    ]
    assert joined[0].is_header


def _row_texts(table: PageTable) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(" ".join(ln.text for ln in cell.lines))
    return list(rows.values())


def test_unruled_rows_without_padding_follow_wrapping() -> None:
    # Every line the same distance apart: a line continues a row only where each of its
    # pieces carries on text that ran out of room in its column on the line above.
    lines = [
        cells_line((50, "No"), (80, "Action"), (250, "Lead"), top=100),
        cells_line((50, "1.1"), (80, "To map the streets with"), (250, "Priya Nair"), top=112),
        cells_line((80, "the most burglaries"), (250, "Community"), top=124),
        cells_line((250, "Safety Team"), top=136),
        cells_line((50, "1.2"), (80, "To fit new locks for the"), (250, "Tom Baxter"), top=148),
        cells_line((80, "Older Victims"), top=160),
    ]
    [table] = find_unruled_tables(lines, 1.0, 2, page=1)[0]
    assert _row_texts(table) == [
        ["No", "Action", "Lead"],
        ["1.1", "To map the streets with the most burglaries", "Priya Nair Community Safety Team"],
        ["1.2", "To fit new locks for the Older Victims", "Tom Baxter"],
    ]


def test_unruled_list_of_names_is_a_row_per_line() -> None:
    lines = [
        cells_line((50, "Role"), (150, "Name"), (300, "Organisation"), top=100),
        cells_line((50, "Team Members"), (150, "Ian Duck"), (300, "Youth Service"), top=112),
        cells_line((150, "Karen Tal"), (300, "Police"), top=124),
        cells_line((150, "Sue Grief"), (300, "Neighbourhood Watch"), top=136),
        # A last row with text only in an inner column: no paragraph starts there.
        cells_line((300, "Fire Prevention"), top=148),
    ]
    [table] = find_unruled_tables(lines, 1.0, 2, page=1)[0]
    assert _row_texts(table) == [
        ["Role", "Name", "Organisation"],
        ["Team Members", "Ian Duck", "Youth Service"],
        ["", "Karen Tal", "Police"],
        ["", "Sue Grief", "Neighbourhood Watch"],
        ["", "", "Fire Prevention"],
    ]


def test_unruled_part_on_the_next_page_may_lack_an_empty_column() -> None:
    from cspplan.model.source import SourceRef
    from cspplan.parsers.pdf.assemble import _column_map, _remap
    from cspplan.parsers.pdf.tables import PageCell, PageTable

    def table(starts: Sequence[float], ruled: bool = False) -> PageTable:
        cells = tuple(
            PageCell(
                lines=(line("x", x=x),), bbox=(x, 0, x + 50, 10), right=x + 50, row=0, column=i
            )
            for i, x in enumerate(starts)
        )
        bounds = (*starts, starts[-1] + 60)
        return PageTable(
            cells=cells, bbox=(0, 0, 300, 10), columns=bounds, rows=1, page=1, ruled=ruled
        )

    first = table([50, 120, 200])
    assert _column_map(first, table([52, 118, 205])) == [0, 1, 2]
    # The part on the next page has text only in the first and last columns.
    mapping = _column_map(first, table([50, 201]))
    assert mapping == [0, 2]
    assert _column_map(first, table([50, 160])) is None  # a column that starts nowhere above
    assert _column_map(table([50, 120, 200], ruled=True), table([50, 201], ruled=True)) is None
    row = Row(
        cells=(
            Cell(lines=("1.4",), source=SourceRef(page=2, row=0, column=0)),
            Cell(lines=("March 2025",), source=SourceRef(page=2, row=0, column=1)),
        ),
        source=SourceRef(page=2, row=0),
    )
    spread = _remap(row, mapping, 3)
    assert spread.texts == ("1.4", "", "March 2025")
    assert [c.source.column for c in spread.cells] == [0, 1, 2]


def test_lines_opening_a_page_go_back_into_the_unruled_table() -> None:
    from cspplan.parsers.pdf.assemble import assemble
    from cspplan.parsers.pdf.page import FlowLine, PageContent
    from cspplan.parsers.pdf.settings import PdfSettings
    from cspplan.parsers.pdf.tables import find_unruled_tables

    rows = [
        cells_line((50, "No"), (100, "Action"), (300, "Lead"), top=600),
        cells_line((50, "1.1"), (100, "To walk the estate with"), (300, "Priya Nair"), top=612),
    ]
    [table], _ = find_unruled_tables(rows, 1.0, 2, page=1)
    first = PageContent(1, 600, 800, (table,), chars=100)

    def page_two(*texts: tuple[float, str]) -> PageContent:
        lines = [
            FlowLine(line(text, x=x, top=60 + 12 * i), 560) for i, (x, text) in enumerate(texts)
        ]
        lines.append(FlowLine(line("A closing paragraph at the margin.", x=50, top=200), 560))
        return PageContent(2, 600, 800, tuple(lines), chars=100)

    # The rest of the cut row, in the Action column.
    blocks = assemble(
        "x.pdf", [first, page_two((100, "residents of the ward"))], PdfSettings()
    ).blocks
    assert [r.texts for r in blocks[0].rows][1] == (
        "1.1",
        "To walk the estate with residents of the ward",
        "Priya Nair",
    )
    # A new row with text in the Lead column only: no paragraph starts there.
    blocks = assemble("x.pdf", [first, page_two((300, "Tom Baxter"))], PdfSettings()).blocks
    assert [r.texts for r in blocks[0].rows][2] == ("", "", "Tom Baxter")
    assert blocks[1].text == "A closing paragraph at the margin."
    # A paragraph at the margin that starts afresh stays a paragraph.
    blocks = assemble("x.pdf", [first, page_two((50, "Next Steps"))], PdfSettings()).blocks
    assert len(blocks[0].rows) == 2


# --- compacted lines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Single", "• Walk", "1. Reduce repeat burglary", "• Fund two outreach workers by March 2027"],
)
def test_a_compacted_line_reads_as_the_whole_line(text: str) -> None:
    whole = line(text, x=72.25, top=140.5)
    slim = compact_line(whole, {})
    assert len(slim.words) <= 3
    assert slim.text == whole.text
    assert slim.word_count == len(whole.words)
    assert line_marker(slim) == line_marker(whole)
    assert slim.bbox == whole.bbox and (slim.size, slim.bold, slim.page) == (
        whole.size,
        whole.bold,
        whole.page,
    )
    if len(whole.words) > 1:
        assert slim.words[1].x0 == whole.words[1].x0
    assert starts_block(line("Above it", top=120), slim, 500, 1.2) == starts_block(
        line("Above it", top=120), whole, 500, 1.2
    )


def test_compacted_lines_keep_the_characters_per_font_size() -> None:
    mixed = line_from_words(
        [*words("Headline words here", size=14), *words("then small print follows", 130, size=9)],
        page=3,
    )
    lines = [mixed, line("Short body", top=160, size=9)]
    shared: dict[object, object] = {}
    slim = [compact_line(x, shared) for x in lines]
    assert body_size(slim) == body_size(lines) == 9.0
    # Compacting twice changes nothing.
    assert compact_line(slim[0], shared) is slim[0]


def test_compacted_lines_share_equal_coordinates_but_keep_negative_zero() -> None:
    shared: dict[object, object] = {}
    a = compact_line(line("Left margin line", x=float("72.5"), top=-0.0), shared)
    b = compact_line(line("Another at the margin", x=float("72.5"), top=200), shared)
    assert a.x0 is b.x0
    assert str(a.top) == "-0.0"
