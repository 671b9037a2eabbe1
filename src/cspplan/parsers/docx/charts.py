"""Charts: the figures a chart shows, from the values Word caches in the chart part.

A chart in a Word file keeps a copy of its data (``c:strCache``, ``c:numCache``) beside the
link to its workbook, so the categories and series can be read without the workbook. Plans
often draw their target trajectories as charts; read as a table (categories across, one row
per series) they look like the trajectory tables other plans print.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import attrs
import regex
from lxml import etree

__all__ = ["ChartData", "chart_data", "format_value"]

_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_MAX_POINTS = 10_000
_QUOTED = regex.compile(r'"([^"]{0,200})"')
_DIGITS = regex.compile(r"[0#?][0#?,]{0,40}(?:\.([0#?]{0,30}))?")


@attrs.frozen(slots=True)
class ChartData:
    """What a chart shows.

    Attributes:
        title: The chart's title, where it has one.
        rows: A header row (an empty corner, then the categories) and one row per series
            (its name, then its values as the chart's number format shows them).
    """

    title: str | None
    rows: tuple[tuple[str, ...], ...]


def _general(value: Decimal) -> str:
    # Excel's General format shows about ten significant digits, which also hides the
    # binary noise of cached floats (1094.9999999999 is shown as 1095).
    shown = Decimal(f"{float(value):.10g}")
    text = format(shown, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_value(raw: str, code: str | None) -> str:
    """A cached value as the number format ``code`` shows it; the common formats are
    understood (decimals, thousands separators, percentages, literal prefixes such as
    ``£``), anything else is shown as Excel's General format would."""
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        return raw.strip()
    if not value.is_finite():
        return raw.strip()
    section = (code or "General").split(";")[0]
    literal = _QUOTED.sub(lambda m: m.group(1), section).replace("\\", "")
    literal = regex.sub(r"\[[^\]]{0,40}\]", "", literal)
    digits = _DIGITS.search(literal)
    if section.strip().lower() == "general" or digits is None:
        return _general(value)
    percent = "%" in literal
    if percent:
        value *= 100
    decimals = len(digits.group(1) or "")
    # Excel rounds halves away from zero (12.25 shown with one decimal is 12.3).
    value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    grouped = "," in digits.group(0).split(".")[0]
    number = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    prefix = literal[: digits.start()].strip()
    suffix = literal[digits.end() :].replace("%", "").strip()
    return f"{prefix}{number}{'%' if percent else ''}{(' ' + suffix) if suffix else ''}"


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(t.text or "" for t in element.iter(f"{_A}t", f"{_C}v")).split())


def _points(ref: etree._Element | None) -> dict[int, str]:
    """Cached points of a category or value reference, by index, formatted."""
    if ref is None:
        return {}
    found: dict[int, str] = {}
    for cache in ref.iter(f"{_C}strCache", f"{_C}numCache", f"{_C}strLit", f"{_C}numLit"):
        code_el = cache.find(f"{_C}formatCode")
        code = code_el.text if code_el is not None else None
        for point in cache.iter(f"{_C}pt"):
            if len(found) >= _MAX_POINTS:
                break
            try:
                index = int(point.get("idx") or 0)
            except ValueError:
                continue
            value = point.find(f"{_C}v")
            raw = value.text or "" if value is not None else ""
            point_code = point.get("formatCode") or code
            numeric = cache.tag.endswith("numCache") or cache.tag.endswith("numLit")
            found.setdefault(index, format_value(raw, point_code) if numeric else raw.strip())
        if found:
            break
    return found


def _series_name(series: etree._Element, number: int) -> str:
    name = _text(series.find(f"{_C}tx"))
    return name or f"Series {number}"


def chart_data(root: etree._Element) -> ChartData | None:
    """The title and data of a chart part; ``None`` where it caches no values."""
    chart = root.find(f"{_C}chart")
    if chart is None:
        return None
    title_el = chart.find(f"{_C}title")
    title = _text(title_el.find(f"{_C}tx")) if title_el is not None else ""
    series = list(chart.iter(f"{_C}ser"))
    categories: dict[int, str] = {}
    values: list[tuple[str, dict[int, str]]] = []
    for number, ser in enumerate(series, start=1):
        cat = ser.find(f"{_C}cat")
        if cat is None:
            cat = ser.find(f"{_C}xVal")
        for index, label in _points(cat).items():
            categories.setdefault(index, label)
        val = ser.find(f"{_C}val")
        if val is None:
            val = ser.find(f"{_C}yVal")
        values.append((_series_name(ser, number), _points(val)))
    if not any(points for _, points in values):
        return None
    width = max([*categories, *(i for _, p in values for i in p)]) + 1
    header = ("", *(categories.get(i, "") for i in range(width)))
    rows = [header] + [(name, *(p.get(i, "") for i in range(width))) for name, p in values]
    return ChartData(title=title or None, rows=tuple(rows))
