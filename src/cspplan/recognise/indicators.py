"""Performance indicators: "NI 20 Reduce the number of assaults ...", "BVPI 206i", "(Local) ...".

National codes are read only in capitals and only with their number ("NI 16", "NI18",
"NI 47 -", "BVPI 206ii", "PSA 23", "KPI 4"), so ordinary words never become codes. A code
gets a title only where it leads its line (or follows a bullet, or an earlier indicator's
title in the same cell): "NI 20 Reduce the number of assaults" is titled, while "the
national indicator NI18 which will be implemented" is a bare mention. Local indicators are
the lines a plan marks as local: "(Local) Number of adult drug clients in treatment",
"Local – Drug users in effective treatment", "Local indicator: ...".
"""

from __future__ import annotations

from ..model.plan import Indicator
from ..model.source import SourceRef
from ..text.numbers import blank_markup
from ..text.patterns import IGNORECASE, lazy

__all__ = ["find_indicators", "indicator_code"]

_SCHEMES = r"NI|N\.I\.|BVPI|BV|PSA|KPI|LPI|National\s{1,3}Indicator(?:\s{1,3}\(NI\))?"
_SUFFIX = r"(?:\s?\(?(?P<suffix>i{1,3}|iv|vi{0,3}|ix|x|[a-d])\)?(?![A-Za-z0-9]))?"
_CODE = lazy(
    rf"(?<![A-Za-z0-9])(?P<scheme>{_SCHEMES})\s{{0,2}}(?:-\s{{0,2}}|no\.?\s{{0,2}})?"
    rf"(?P<number>\d{{1,3}})(?![\d,.]\d|\d|%){_SUFFIX}"
)
# "BVPI 206i and 206ii": a further number sharing the scheme of the code before it.
_SIBLING = lazy(rf"\s{{0,2}}(?:,|&|and|/)\s{{0,2}}(?P<number>\d{{1,3}})(?![\d,.]\d|\d|%){_SUFFIX}")
_LINE_LEAD = lazy(r"[\s\-–•▪▫◦●○■□❖➢➤►·*§]{0,6}(?:\(?[a-z0-9]{1,3}[.)]\s{1,3})?$")
_TITLE_SEP = lazy(r"^\s{0,3}(?:[-–—:.]\s{0,3})?")
_LOCAL = lazy(
    r"^[\s\-–•▪▫◦●○■□❖➢➤►·*§]{0,6}(?:\(local\)|local(?:\s{1,3}(?:indicator|measure|target|pi))?"
    r"\s{0,3}[-–—:])\s{0,3}(?P<title>\S.{2,300}?)\s*$",
    IGNORECASE,
)
_BLOCK_TAG = lazy(r"(?i)</?(?:p|li|br|div|tr|td|ul|ol)\b[^<>\n]{0,100}>")
_SCHEME_NAMES = {"N.I.": "NI", "BV": "BVPI"}
_MIN_TITLE = 3
"""Fewest characters, and letters in a row, a text after a code needs to be its title."""
_TITLE_LETTERS = lazy(rf"[A-Za-z]{{{_MIN_TITLE}}}")


def _scheme(written: str) -> str:
    if written.startswith("National"):
        return "NI"
    return _SCHEME_NAMES.get(written, written)


def indicator_code(scheme: str, number: str, suffix: str | None = None) -> str:
    """The normalised code: ``indicator_code("BV", "206", "ii")`` is ``"BVPI 206ii"``."""
    name = _scheme(scheme)
    return f"{name} {int(number)}{(suffix or '').lower()}"


def find_indicators(text: str, source: SourceRef) -> list[Indicator]:
    """Every indicator ``text`` names, in order, each with its title where the text gives one."""
    found: list[Indicator] = []
    try:
        lines = blank_markup(_BLOCK_TAG.sub("\n", text)).split("\n")
    except TimeoutError:
        return []
    for line in lines:
        try:
            found.extend(_line_indicators(line, source))
        except TimeoutError:
            continue
    return found


def _line_indicators(line: str, source: SourceRef) -> list[Indicator]:
    local = _LOCAL.match(line)
    if local is not None:
        local_title = local.group("title").strip().rstrip(".;,")
        return [Indicator(text=line.strip(), scheme="local", title=local_title, source=source)]
    matches = list(_CODE.finditer(line))
    if not matches:
        return []
    result: list[Indicator] = []
    titled_run = False
    for position, match in enumerate(matches):
        scheme = _scheme(match.group("scheme"))
        codes = [(match.group("number"), match.group("suffix"), match.start(), match.end())]
        cursor = match.end()
        while True:
            sibling = _SIBLING.match(line, cursor)
            if sibling is None or (scheme != "BVPI" and not sibling.group("suffix")):
                break
            codes.append(
                (sibling.group("number"), sibling.group("suffix"), sibling.start(), sibling.end())
            )
            cursor = sibling.end()
        next_start = matches[position + 1].start() if position + 1 < len(matches) else len(line)
        leads = _LINE_LEAD.fullmatch(line[: match.start()]) is not None
        title: str | None = None
        if (leads or titled_run) and len(codes) == 1:
            tail = line[cursor:next_start]
            title = _TITLE_SEP.sub("", tail, count=1).strip().rstrip(";,").strip() or None
            if title is not None and (len(title) < _MIN_TITLE or not _TITLE_LETTERS.search(title)):
                title = None
            titled_run = title is not None
        else:
            titled_run = False
        for number, suffix, start, end in codes:
            written = line[start:end].strip(" ,&/")
            if start != match.start():
                written = f"{match.group('scheme')} {written.lstrip(',&/ andAND')}"
            if written.endswith(")") and "(" not in written:
                written = written[:-1]
            text = written
            if title is not None:
                text = line[match.start() : next_start].strip().rstrip(";,").strip()
            result.append(
                Indicator(
                    text=text.strip(),
                    code=indicator_code(scheme, number, suffix),
                    scheme=scheme,
                    title=title,
                    source=source,
                )
            )
    return result
