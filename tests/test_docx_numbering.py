"""Word's automatic numbering, computed from small numbering.xml fragments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cspplan.parsers.docx.numbering import (
    Level,
    NumberingDefinitions,
    NumberingState,
    bullet_glyph,
    format_number,
    to_letters,
    to_roman,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def definitions(body: str) -> NumberingDefinitions:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W}">{body}</w:numbering>')
    return NumberingDefinitions.from_xml(root)


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def run(state: NumberingState, items: list[tuple[str, int]]) -> list[str]:
    out = []
    for num_id, ilvl in items:
        result = state.next_marker(num_id, ilvl)
        out.append(result[0] if result else "-")
    return out


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (4, "decimalZero", "04"),
        (1, "lowerLetter", "a"),
        (26, "upperLetter", "Z"),
        (27, "lowerLetter", "aa"),
        (53, "upperLetter", "AAA"),
        (9, "lowerRoman", "ix"),
        (1994, "upperRoman", "MCMXCIV"),
        (2, "ordinal", "2nd"),
        (11, "ordinal", "11th"),
        (23, "ordinal", "23rd"),
        (3, "cardinalText", "Three"),
        (1, "ordinalText", "First"),
        (5, "decimalEnclosedParen", "(5)"),
        (5, "none", ""),
        (7, "someFutureFormat", "7"),
    ],
)
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_are_well_formed(value: int) -> None:
    roman = to_roman(value)
    assert set(roman) <= set("MDCLXVI")
    # Reading the numeral back gives the number: a subtractive pair counts negative.
    worth = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for here, after in zip(roman, [*roman[1:], ""], strict=True):
        total += -worth[here] if after and worth[after] > worth[here] else worth[here]
    assert total == value


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=2000))
def test_letters_repeat_after_z(value: int) -> None:
    letters = to_letters(value)
    assert len(set(letters)) == 1
    assert len(letters) == (value - 1) // 26 + 1


def test_out_of_range_values_fall_back_to_decimal() -> None:
    assert to_roman(0) == "0" and to_roman(4000) == "4000"
    assert to_letters(0) == "0"
    assert format_number(30, "cardinalText") == "30"


def test_levels_restart_after_a_higher_level_by_default() -> None:
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1.")
            + lvl(1, "decimal", "%1.%2")
            + lvl(2, "lowerLetter", "%3)")
            + '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        )
    )
    got = run(state, [("5", 0), ("5", 1), ("5", 2), ("5", 2), ("5", 1), ("5", 2), ("5", 0)])
    assert got == ["1.", "1.1", "a)", "b)", "1.2", "a)", "2."]
    assert run(state, [("5", 1)]) == ["2.1"]


def test_a_deeper_level_with_no_higher_item_uses_start_values() -> None:
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1.", start=3)
            + lvl(1, "decimal", "%1.%2")
            + '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        )
    )
    assert run(state, [("5", 1), ("5", 1)]) == ["3.1", "3.2"]


def test_lvl_restart_limits_which_levels_restart() -> None:
    # Level 2 restarts only after level 1 (w:lvlRestart 1), not after level 2.
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1.")
            + lvl(1, "decimal", "%1.%2")
            + lvl(2, "decimal", "(%3)", extra='<w:lvlRestart w:val="1"/>')
            + '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        )
    )
    got = run(state, [("5", 0), ("5", 2), ("5", 1), ("5", 2), ("5", 0), ("5", 2)])
    assert got == ["1.", "(1)", "1.1", "(2)", "2.", "(1)"]


def test_instances_share_counters_and_start_overrides_restart_once() -> None:
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1.")
            + "</w:abstractNum>"
            + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            + '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
            + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
        )
    )
    got = run(state, [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0), ("1", 0)])
    assert got == ["1.", "2.", "3.", "10.", "11.", "12."]


def test_level_override_replaces_a_level() -> None:
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1.")
            + '</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/>'
            + '<w:lvlOverride w:ilvl="0">'
            + lvl(0, "upperLetter", "Part %1", start=2)
            + "</w:lvlOverride></w:num>"
        )
    )
    assert run(state, [("2", 0), ("2", 0)]) == ["Part B", "Part C"]


def test_undefined_and_switched_off_numbering() -> None:
    state = NumberingState(definitions(""))
    assert run(state, [("0", 0), ("9", 0)]) == ["-", "-"]
    assert NumberingDefinitions.from_xml(None).resolve("1") is None


def test_style_link_cycles_end() -> None:
    defs = NumberingDefinitions.from_xml(
        etree.fromstring(
            f'<w:numbering xmlns:w="{W}">'
            '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="A"/></w:abstractNum>'
            '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="B"/></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
        ),
        {"A": "2", "B": "1"},
    )
    resolved = defs.resolve("1")
    assert resolved is not None and resolved[1] == {}


@pytest.mark.parametrize(
    ("text", "font", "glyph"),
    [
        ("\uf0b7", "Symbol", "•"),
        ("\uf0a7", "Wingdings", "▪"),
        ("\uf0d8", "Wingdings", "➢"),
        ("\uf0e9", "Wingdings", "•"),
        ("o", "Courier New", "◦"),
        ("–", "Calibri", "–"),
        ("", "", "•"),
    ],
)
def test_bullet_glyphs(text: str, font: str, glyph: str) -> None:
    assert bullet_glyph(Level(ilvl=0, num_fmt="bullet", lvl_text=text, font=font)) == glyph


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2), min_size=1, max_size=30))
def test_outline_numbers_match_a_hand_count(levels: list[int]) -> None:
    state = NumberingState(
        definitions(
            '<w:abstractNum w:abstractNumId="1">'
            + lvl(0, "decimal", "%1")
            + lvl(1, "decimal", "%1.%2")
            + lvl(2, "decimal", "%1.%2.%3")
            + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        )
    )
    counts = [0, 0, 0]
    for ilvl in levels:
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 3):
            counts[deeper] = 0
        # A level not used yet since its parent shows its start value, 1.
        expected = ".".join(str(max(counts[i], 1)) for i in range(ilvl + 1))
        assert run(state, [("1", ilvl)]) == [expected]
