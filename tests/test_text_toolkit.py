"""The text toolkit: lazy patterns with a timeout, word lists, the stemmer, page furniture."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import regex

from cspplan.document import Paragraph
from cspplan.model.source import SourceRef
from cspplan.recognise import words as recognise_words
from cspplan.recognise.claims import find_claims
from cspplan.recognise.front import FrontMatter, read_front_matter, split_partnership
from cspplan.recognise.leads import split_leads
from cspplan.recognise.periods import find_period, parse_period
from cspplan.recognise.targets import find_targets, unit_of
from cspplan.recognise.timescales import find_dates, parse_timescale, split_timescales
from cspplan.text import numbers as text_numbers
from cspplan.text import patterns
from cspplan.text.furniture import DIGIT_RUN, PAGE_NUMBER, TEXT_PAGE_FURNITURE
from cspplan.text.patterns import IGNORECASE, TIMEOUT, lazy
from cspplan.text.words import AUXILIARIES, FUNCTION_WORDS, singular

SRC = Path(__file__).resolve().parents[1] / "src" / "cspplan"

# --- lazy patterns ---------------------------------------------------------------------


def test_pattern_compiles_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = regex.compile

    def counting(pattern: str, flags: int = 0) -> Any:
        calls.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(patterns.regex, "compile", counting)
    year = lazy(r"(?:19|20)\d{2}")
    assert not year.is_compiled and calls == []
    assert year.search("since 2008") is not None
    first = year.compiled
    assert year.findall("2001, 2002 and 2003") == ["2001", "2002", "2003"]
    assert year.compiled is first
    assert calls == [r"(?:19|20)\d{2}"]


def test_pattern_source_builds_larger_patterns_without_compiling() -> None:
    year = lazy(r"(?:19|20)\d{2}")
    span = lazy(rf"{year.pattern}\s?-\s?{year.pattern}")
    assert not year.is_compiled
    assert span.fullmatch("2008 - 2011") is not None


class _Spy:
    """Stands in for a compiled pattern and records the timeout of every call."""

    def __init__(self) -> None:
        self.timeouts: dict[str, object] = {}

    def __getattr__(self, name: str) -> Any:
        def call(*args: object, **kwargs: object) -> Any:
            self.timeouts[name] = kwargs.get("timeout")
            return [] if name in ("finditer", "findall", "split") else ""

        return call


def test_every_call_passes_the_timeout() -> None:
    pattern = lazy(r"x")
    spy = _Spy()
    pattern._compiled = spy  # type: ignore[assignment]
    pattern.search("x")
    pattern.match("x", 0)
    pattern.fullmatch("x", 0, 1)
    list(pattern.finditer("x"))
    pattern.findall("x")
    pattern.sub("y", "x")
    pattern.split("x", maxsplit=1)
    assert spy.timeouts == dict.fromkeys(
        ["search", "match", "fullmatch", "finditer", "findall", "sub", "split"], TIMEOUT
    )


def test_catastrophic_pattern_times_out() -> None:
    # (a|aa)+b tries every way of cutting the a's into ones and twos before it fails: about
    # 10**13 steps for 64 letters, so only the timeout can end it.
    catastrophic = lazy(r"(a|aa)+b")
    with pytest.raises(TimeoutError):
        catastrophic.search("a" * 64)


def test_pattern_methods_agree_with_the_engine() -> None:
    words = lazy(r"(?P<w>[a-z]+)", IGNORECASE)
    text = "Safer Streets, safer homes"
    assert words.match(text) is not None and words.match(text, 6).group("w") == "Streets"
    assert [m.group(0) for m in words.finditer(text, 6)] == ["Streets", "safer", "homes"]
    assert words.sub(lambda m: m.group(0).upper(), text, count=1) == "SAFER Streets, safer homes"
    assert lazy(r"(,)\s").split(text) == ["Safer Streets", ",", "safer homes"]
    assert words.fullmatch("homes") is not None and words.fullmatch("two words") is None


# --- readers give up cleanly when a pattern runs out of time ----------------------------


@pytest.fixture
def no_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern call times out at once, as on text hostile enough to run past TIMEOUT."""
    monkeypatch.setattr(patterns, "TIMEOUT", 1e-9)


@pytest.mark.usefixtures("no_time")
def test_readers_find_nothing_rather_than_fail() -> None:
    source = SourceRef()
    assert find_claims("It fell to 180, a fall of 10%.", source) == []
    assert find_targets("To cut burglary by 12% by 2009/10.", source) == []
    assert find_dates("March 2008") == []
    assert parse_timescale("March 2008").start is None
    assert split_timescales("July 2005 March 2006") == ["July 2005 March 2006"]
    assert parse_period("2008/09") is None and find_period("2008/09") is None
    assert split_partnership("Derby Partnership Action Plan") == (
        None,
        "Derby Partnership Action Plan",
    )
    assert read_front_matter([Paragraph(text="Derby Partnership Action Plan 2008")]) == (
        FrontMatter()
    )
    assert unit_of(None, None, None, "rate of burglary", "") is None
    # A lead cell is kept whole rather than lost.
    (lead,) = split_leads("Jo Marsh  Community Safety Team")
    assert lead.text == "Jo Marsh Community Safety Team" and lead.person is None


# --- word lists and the stemmer ---------------------------------------------------------


def test_function_words_are_kept_once() -> None:
    assert recognise_words.FUNCTION_WORDS is FUNCTION_WORDS
    assert {"the", "of", "and", "with", "from"} <= FUNCTION_WORDS
    assert not FUNCTION_WORDS & AUXILIARIES


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("burglaries", "burglary"),
        ("cities", "city"),
        ("ties", "tie"),
        ("calls", "call"),
        ("offences", "offence"),
        ("crimes", "crime"),
        ("business", "business"),
        ("gas", "gas"),
        ("is", "is"),
        ("crime", "crime"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_singular_is_idempotent_on_plain_singulars() -> None:
    for word in ("burglary", "offence", "police", "service", "victim"):
        assert singular(word) == word


# --- page furniture ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["12", "Page 3 of 20", "page 7/9", "- 4 -", "(iv)", "xii", "Page12", "3 / 40"]
)
def test_page_number_lines(line: str) -> None:
    assert PAGE_NUMBER.match(line) is not None


@pytest.mark.parametrize("line", ["12 crimes", "Section 4", "Page 3 of the plan", "2008/09 target"])
def test_not_page_number_lines(line: str) -> None:
    assert PAGE_NUMBER.match(line) is None


@pytest.mark.parametrize("text", ["12", "Page 3 of 20", "4/12", "(continued)", "Cont'd", "cont."])
def test_text_page_furniture(text: str) -> None:
    assert TEXT_PAGE_FURNITURE.match(text) is not None


@pytest.mark.parametrize("text", ["iv", "(3)", "- 4 -", "Continued overleaf", "12 actions"])
def test_not_text_page_furniture(text: str) -> None:
    # Without a position on the page, a roman numeral or bracketed number may be a list label.
    assert TEXT_PAGE_FURNITURE.match(text) is None


def test_running_lines_differ_only_in_digits() -> None:
    assert DIGIT_RUN.sub("#", "Page 3 of 20") == DIGIT_RUN.sub("#", "Page 14 of 20")


# --- numbers and layering ---------------------------------------------------------------


def test_numbers_read_units_in_words() -> None:
    value = text_numbers.parse_quantity("3 percentage points")
    assert value is not None and (value.value, value.text) == (3, "3 percentage points")
    assert text_numbers.parse_quantity("3pp") is None
    short = text_numbers.parse_quantity("3pp", short_points=True)
    assert short is not None and short.value == 3


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_toolkit_sits_below_parsers_and_recognisers() -> None:
    for path in (SRC / "text").glob("*.py"):
        imports = _imports(path)
        assert not any("parsers" in name or "recognise" in name for name in imports), path


# The PDF and Word parsers are being moved by their own change; every other module declares
# its patterns through the toolkit, so that importing it compiles nothing.
_PARSERS_NOT_YET_MIGRATED = (SRC / "parsers" / "pdf", SRC / "parsers" / "docx")


def test_modules_declare_patterns_only_through_the_toolkit() -> None:
    paths = [
        p
        for p in SRC.rglob("*.py")
        if p != SRC / "text" / "patterns.py"
        and not any(folder in p.parents for folder in _PARSERS_NOT_YET_MIGRATED)
    ]
    assert SRC / "recognise" / "structure.py" in paths
    assert SRC / "validate" / "completeness.py" in paths
    for path in paths:
        assert not _imports(path) & {"re", "regex"}, path
