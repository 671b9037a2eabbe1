"""Indicator and performance tables, read by the role of each column, in any order.

::

    NI ref  Measure                          Polarity         Baseline        Target 2010/11  Year to date  % change  RAG
    NI 15   Reduce serious violent crime 5%  Lower is better  640 (2009/10)   608             590           -7.8%     Green

    Crime type       Count 2018/19  Count 2017/18  Change  Direction of travel
    Deliberate fires 97             88             +10.2%  Rising

Each header names a column's role: the label (Indicator, Measure, Crime type), an indicator
code (NI ref), a figure with its role and period (Baseline, Target, Actual / Outturn / Year
to date, or a plain period such as "Number 2014/15"), the stated change (Variance, % change,
Change since 2013/14; in percent or in points, from the cell's suffix or the header), the
direction of travel (a stated trend: Rising, Falling, Improving), a RAG rating or status,
and the polarity ("Lower is better"). A year in a header is the period of its column, and a
year in brackets in a cell is the period of that figure; two figure columns are ordered by
their periods, never by their places in the table.

A table with one Target column gives one :class:`Target` a row (baseline, target, outturn,
periods, unit, indicator code, the percent and direction the label states, the polarity,
the rating and the stated trend). A row's stated change and direction of travel become
change :class:`Claim` objects (the older figure to the newer, the stated change, the
direction the sign or the trend word gives) so that the audit checks them like any other
stated change. A table with no Target column but two figures by period and a change or
trend column gives the claims alone. A table of positions or ranks ("1 is the best") is
neither.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..document import Block, ListItem, Paragraph, Row, Table
from ..model.plan import Claim, ClaimKind, Figure, Target
from ..model.source import SourceRef
from ..model.values import (
    Direction,
    Measure,
    Number,
    Period,
    Polarity,
    Rating,
    RatingCondition,
)
from ..text.numbers import parse_number
from ..text.patterns import IGNORECASE, lazy
from .indicators import find_indicators
from .periods import PERIOD_PATTERN, parse_period
from .rowshape import sum_claims, sum_label
from .targets import find_targets, unit_of

__all__ = [
    "ColumnRole",
    "IndicatorTable",
    "RatingKey",
    "apply_rating_key",
    "find_rating_key",
    "header_roles",
    "read_indicator_table",
    "read_rating_key",
    "worded_targets",
]


class ColumnRole(str, enum.Enum):
    """What a column of an indicator table holds, from its header."""

    LABEL = "label"
    CODE = "code"
    BASELINE = "baseline"
    TARGET = "target"
    ACTUAL = "actual"
    FIGURE = "figure"
    CHANGE = "change"
    TREND = "trend"
    RAG = "rag"
    POLARITY = "polarity"
    DIRECTION = "direction"
    QUARTER = "quarter"
    RANK = "rank"
    OTHER = "other"


_FIGURE_ROLES = (ColumnRole.BASELINE, ColumnRole.TARGET, ColumnRole.ACTUAL, ColumnRole.FIGURE)
_STATED_ROLES = (ColumnRole.CHANGE, ColumnRole.TREND, ColumnRole.RAG)

# Tried in this order: "Change since 2013/14" is a change column although it names a year.
_ROLE_PATTERNS: tuple[tuple[ColumnRole, str], ...] = (
    (ColumnRole.RANK, r"\b(?:position|rank(?:ing)?|league|placing)\b"),
    (
        ColumnRole.CHANGE,
        r"^\W{0,3}(?:%|per\s?cent(?:age)?|pts?|points?)?\s{0,3}"
        r"(?:variance|change|difference|movement|\+\s{0,2}/\s{0,2}[-–])",
    ),
    (ColumnRole.TREND, r"direction\s{1,3}of\s{1,3}travel|^\W{0,3}(?:trend|dot)\b"),
    (ColumnRole.POLARITY, r"polarity|good\s{1,3}performance|better\s{1,3}is|is\s{1,3}better"),
    (ColumnRole.DIRECTION, r"^\W{0,3}(?:desired\s{1,3}|target\s{1,3}|intended\s{1,3})?direction\b"),
    (ColumnRole.RAG, r"^\W{0,3}(?:rag|r\s?/\s?a\s?/\s?g|status|rating|performance\s{1,3}status)\b"),
    (ColumnRole.QUARTER, r"^\W{0,3}(?:q[1-4]|quarter(?:\s{1,3}[1-4])?)\b"),
    # "Ambition 2015/16", "Goal", "Aim for 2016": other partnerships' word for the target.
    (
        ColumnRole.TARGET,
        r"\b(?:target|ambition|goal)s?\b(?!\s{1,3}dates?)|^\W{0,3}aim(?:\s{1,3}for\b|\W{0,3}$)",
    ),
    (ColumnRole.BASELINE, r"\b(?:baseline|benchmark|base\s{1,3}line|starting\s{1,3}point)\b"),
    (ColumnRole.ACTUAL, r"\b(?:actual|outturn|out-turn|year\s{1,3}to\s{1,3}date|ytd|achieved)\b"),
)
_ROLES = tuple((role, lazy(pattern, IGNORECASE)) for role, pattern in _ROLE_PATTERNS)
_CODE_HEADER = lazy(
    r"(?i)^\W{0,3}(?:ni|pi|kpi|bvpi|indicator)?\s{0,2}(?:ref(?:erence)?|code|no\.?)\W{0,3}$"
)
_METRIC_HEADER = lazy(
    r"(?i)^\W{0,3}(?:key\s{1,3}|performance\s{1,3})?(?:indicators?|measures?|metrics?|kpis?|pis?)\W{0,3}$"
)
_FIGURE_HEADER_WORDS = 6
"""The most words a header naming only a period may have ("Number of offences 2014/15")."""
_HEADER_ROWS = 3
"""How many rows at the top of a table may be its header."""
_POINTS_HEADER = lazy(r"(?i)\b(?:pts?|points?|pp)\b")
_PERCENT_HEADER = lazy(r"(?i)%|per\s?cent")
_AGAINST_TARGET = lazy(r"(?i)\b(?:against|from|to|vs\.?|versus|on)\s{1,3}(?:the\s{1,3})?target")

_CELL = lazy(
    r"^\s{0,3}(?P<value>(?:£\s{0,2})?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?\s{0,2}%?)"
    r"\s{0,3}(?:\(\s{0,2}(?P<period>[^()]{2,30})\s{0,2}\))?\s{0,3}$"
)
_CHANGE_CELL = lazy(
    r"^\s{0,3}(?P<sign>[+\-–−])?\s{0,2}(?P<number>(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?)"
    r"\s{0,2}(?P<unit>%|per\s?cent|percentage\s{1,2}points?|points?|pts?|ppts?|pp)?"
    # "5% reduction": the word says the sign.
    r"(?:\s{1,3}(?:(?P<down>reduction|decrease|fall|cut|lower)|(?P<up>increase|rise|higher)))?\s{0,3}$",
    IGNORECASE,
)
_CHANGE_WORD = lazy(
    r"(?i)\s{1,3}(?:reduction|decrease|fall|cut|lower|increase|rise|higher)\s{0,3}$"
)
_PLACEHOLDER = lazy(r"(?i)^\s{0,3}(?:n/?a|tbc|tbd|-|–|—|\*|not\s{1,3}available|nil|new)?\s{0,3}$")
_THREE_LETTERS = lazy(r"[A-Za-z]{3}")

_TRENDS = (
    ("improving", lazy(r"(?i)\b(?:improv\w*|better)\b")),
    ("deteriorating", lazy(r"(?i)\b(?:deteriorat\w*|worse\w*)\b")),
    ("stable", lazy(r"(?i)\b(?:stable|steady|unchanged|no\s{1,3}change|same|static|level)\b|↔|→")),
    ("rising", lazy(r"(?i)\b(?:ris\w*|rose|up|increas\w*|higher|grow\w*)\b|↑|▲")),
    ("falling", lazy(r"(?i)\b(?:fall\w*|fell|down|decreas\w*|reduc\w*|lower)\b|↓|▼")),
)
"""The trend words of a direction-of-travel cell, tried in this order."""
_POLARITIES = (
    (Polarity.LOWER_IS_BETTER, lazy(r"(?i)\b(?:low\w*|small\w*|less|fewer|down|reduc\w*)\b|↓")),
    (Polarity.HIGHER_IS_BETTER, lazy(r"(?i)\b(?:high\w*|big\w*|more|up|increas\w*)\b|↑")),
)
_LABEL_POLARITY = lazy(r"(?i)\((?P<word>higher|lower)\s{1,3}is\s{1,3}better\)")
_DIRECTIONS = (
    (Direction.REDUCE, lazy(r"(?i)\b(?:reduc\w*|decreas\w*|lower|down|fewer|less)\b")),
    (Direction.INCREASE, lazy(r"(?i)\b(?:increas\w*|rais\w*|higher|up|more|grow\w*)\b")),
    (Direction.MAINTAIN, lazy(r"(?i)\b(?:maintain\w*|hold|sustain\w*|stable|keep)\b")),
)
_COLOURS = {
    "red": "red",
    "r": "red",
    "amber": "amber",
    "a": "amber",
    "green": "green",
    "g": "green",
}
_RAG_CELL = lazy(r"(?i)^\W{0,3}(?P<colour>red|amber|green|[rag])\b")


_BODY_FIGURE = lazy(r"^\s{0,3}[-+–−£]?\s{0,2}\d[\d,]*(?:\.\d+)?\s{0,2}%?\s{0,3}$")
"""A cell holding a figure (not a year range such as "2009/10"): a body row's cell."""


@attrs.frozen(slots=True)
class _Column:
    col: int
    role: ColumnRole
    header: str
    period: Period | None = None


def _grid(table: Table) -> list[tuple[Row, dict[int, str]]]:
    """Each non-empty row with a map from grid column to cell text."""
    rows: list[tuple[Row, dict[int, str]]] = []
    for row in table.rows:
        column = 0
        cells: dict[int, str] = {}
        for cell in row.cells:
            cells[column] = " ".join(cell.text.split())
            column += max(1, cell.colspan)
        if any(cells.values()):
            rows.append((row, cells))
    return rows


def _header_period(text: str) -> Period | None:
    found = PERIOD_PATTERN.search(text)
    return parse_period(found.group(0)) if found else None


def _role(text: str) -> ColumnRole | None:
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    if _CODE_HEADER.match(text):
        return ColumnRole.CODE
    if _header_period(text) is not None and len(text.split()) <= _FIGURE_HEADER_WORDS:
        return ColumnRole.FIGURE
    return None


def header_roles(cells: Sequence[str]) -> list[ColumnRole]:
    """The role of each header cell, in order (labels before the first figure column,
    other text after it).

    >>> [r.value for r in header_roles(["Measure", "Baseline", "Target 2010/11", "RAG"])]
    ['label', 'baseline', 'target', 'rag']
    """
    return [c.role for c in _columns(dict(enumerate(cells)))]


def _columns(row: dict[int, str]) -> list[_Column]:
    found: list[_Column] = []
    seen_figure = False
    for col, text in sorted(row.items()):
        if not text:
            continue
        role = _role(text)
        if role is None:
            role = ColumnRole.OTHER if seen_figure else ColumnRole.LABEL
        if role in _FIGURE_ROLES:
            seen_figure = True
        found.append(_Column(col, role, text, _header_period(text)))
    return found


@attrs.frozen(slots=True)
class IndicatorTable:
    """What an indicator or performance table states, one row at a time.

    Attributes:
        targets: One target a row where the table has a Target column (ids empty).
        claims: The changes and trends the rows state, as change claims (ids empty).
        rated: True where the table gives RAG ratings (the plan's key may explain them).
    """

    targets: tuple[Target, ...] = ()
    claims: tuple[Claim, ...] = ()
    rated: bool = False


def read_indicator_table(table: Table, performance_only: bool = False) -> IndicatorTable | None:
    """The targets and stated changes of an indicator table, or ``None`` for another table.

    A table is read where one of its first rows is a header with a Target column and a
    baseline, actual, change, trend or RAG column, or with no Target column but two figure
    columns and a change or direction-of-travel column. ``performance_only`` keeps only
    tables with an actual, change, trend or RAG column (a plain table of baselines and
    targets is left to the trajectory reader). A table naming positions or ranks, with
    quarter columns, or with words where a figure should be is none of these.
    """
    try:
        return _read(table, performance_only)
    except TimeoutError:
        return None


def _read(table: Table, performance_only: bool) -> IndicatorTable | None:
    grid = _grid(table)
    for index, (row, header) in enumerate(grid[:_HEADER_ROWS]):
        headers = [(header, index + 1)]
        stacked = _stacked(row, grid[index + 1][1]) if index + 1 < len(grid) else None
        if stacked is not None:
            headers.insert(0, (stacked, index + 2))
        for cells, body in headers:
            columns = _columns(cells)
            roles = [c.role for c in columns]
            if ColumnRole.RANK in roles or ColumnRole.QUARTER in roles:
                return None
            if not _is_header(columns, performance_only):
                continue
            reading = _rows(table, columns, [c for _, c in grid[body:]], grid[body:])
            if reading is not None:
                return reading
    return None


def _is_header(columns: list[_Column], performance_only: bool) -> bool:
    """True where the columns are those of an indicator table (see
    :func:`read_indicator_table`)."""
    roles = [c.role for c in columns]
    figures = [c for c in columns if c.role in _FIGURE_ROLES]
    targets = [c for c in figures if c.role is ColumnRole.TARGET]
    if len(targets) > 1 or len(figures) < 2:
        return False
    if not targets:
        return ColumnRole.CHANGE in roles or ColumnRole.TREND in roles
    plain = [c for c in figures if c.role is ColumnRole.FIGURE]
    performance = any(r in _STATED_ROLES for r in roles) or ColumnRole.ACTUAL in roles
    if len(plain) > 1 or (performance_only and not performance):
        return False
    return performance or ColumnRole.BASELINE in roles


def _stacked(top: Row, below: dict[int, str]) -> dict[int, str] | None:
    """A header set out on two rows, a merged cell over the cells it heads ("2009/10" over
    "Target" and "Actual"), as one row: each column's text from the cell above it and its
    own ("2009/10 Target"). ``None`` where the top row merges no cells across or the row
    below holds a figure (it is then the first row of the body)."""
    if not any(cell.colspan > 1 for cell in top.cells):
        return None
    if any(_BODY_FIGURE.match(text) for text in below.values()):
        return None
    spans: dict[int, str] = {}
    column = 0
    for cell in top.cells:
        for covered in range(column, column + max(1, cell.colspan)):
            spans[covered] = " ".join(cell.text.split())
        column += max(1, cell.colspan)
    stacked: dict[int, str] = {}
    for col in sorted(set(spans) | set(below)):
        upper, lower = spans.get(col, ""), below.get(col, "")
        text = upper if lower == upper else " ".join(t for t in (upper, lower) if t)
        if text:
            stacked[col] = text
    return stacked


@attrs.frozen(slots=True)
class _Cells:
    label: str
    code: str
    figures: dict[ColumnRole, list[Measure]]
    change: tuple[Number, str | None] | None
    trend: str | None
    rag: str | None
    polarity: Polarity | None
    direction: Direction | None
    text: str
    target_change: Number | None = None
    """The change printed beside the target figure: "1,100 (−8%)", "5% (1,140)"."""


def _rows(
    table: Table,
    columns: list[_Column],
    body: list[dict[int, str]],
    rows: list[tuple[Row, dict[int, str]]],
) -> IndicatorTable | None:
    first_figure = min(c.col for c in columns if c.role in _FIGURE_ROLES)
    labels = [c for c in columns if c.role is ColumnRole.LABEL and c.col < first_figure]
    named = next((c for c in labels if _METRIC_HEADER.match(c.header)), None)
    targets: list[Target] = []
    claims: list[Claim] = []
    has_target = any(c.role is ColumnRole.TARGET for c in columns)
    rated = any(c.role is ColumnRole.RAG for c in columns)
    headers = [""] * (max(c.col for c in columns) + 1)
    for column in columns:
        headers[column.col] = column.header
    summed: list[Row] = []
    for (row, _), values in zip(rows, body, strict=True):
        if sum_label(row) is not None:
            # "Total | 4,932 | 4,640": each column's total against the rows above it.
            claims.extend(sum_claims(row, summed, headers))
            summed = []
        else:
            summed.append(row)
        cells = _row_cells(columns, values, named, labels)
        if cells is None:
            return None
        if not cells.label or not any(cells.figures.values()):
            continue  # a section row ("Violent crime") or a row of placeholders
        source = row.source if row.source != SourceRef() else table.source
        target = _target(cells, source) if has_target else None
        if target is not None:
            targets.append(target)
        claims.extend(_claims(cells, target, source))
    if not targets and not claims:
        return None
    return IndicatorTable(targets=tuple(targets), claims=tuple(claims), rated=rated)


def _row_cells(
    columns: list[_Column],
    values: dict[int, str],
    named: _Column | None,
    labels: list[_Column],
) -> _Cells | None:
    figures: dict[ColumnRole, list[Measure]] = {}
    change: tuple[Number, str | None] | None = None
    trend = rag = None
    polarity: Polarity | None = None
    direction: Direction | None = None
    code = ""
    target_change: Number | None = None
    for column in columns:
        text = values.get(column.col, "")
        if not text:
            continue
        if column.role in _FIGURE_ROLES:
            if _PLACEHOLDER.match(text):
                continue
            beside = _with_change(text, column) if column.role is ColumnRole.TARGET else None
            if beside is not None:
                target_change = beside[1]
            measure = beside[0] if beside is not None else _figure(text, column)
            if measure is None:
                return None  # words where a figure should be: another kind of table
            figures.setdefault(column.role, []).append(measure)
        elif column.role is ColumnRole.CHANGE:
            change = _change(text, column.header)
        elif column.role is ColumnRole.TREND:
            trend = text
        elif column.role is ColumnRole.RAG:
            rag = text
        elif column.role is ColumnRole.POLARITY:
            polarity = _polarity(text)
        elif column.role is ColumnRole.DIRECTION:
            direction = _word_direction(text)
        elif column.role is ColumnRole.CODE:
            code = text
    label_col = named or next(
        (c for c in labels if _THREE_LETTERS.search(values.get(c.col, ""))), None
    )
    label = values.get(label_col.col, "") if label_col is not None else ""
    if not label:
        label = " ".join(values.get(c.col, "") for c in labels if values.get(c.col)).strip()
    if polarity is None:
        found = _LABEL_POLARITY.search(label)
        if found is not None:
            polarity = (
                Polarity.HIGHER_IS_BETTER
                if found.group("word").lower() == "higher"
                else Polarity.LOWER_IS_BETTER
            )
    text = " | ".join(t for _, t in sorted(values.items()) if t)
    return _Cells(
        label, code, figures, change, trend, rag, polarity, direction, text, target_change
    )


def _figure(text: str, column: _Column) -> Measure | None:
    match = _CELL.match(text)
    if match is None:
        return None
    value = parse_number(" ".join(match.group("value").split()))
    if value is None:
        return None
    written = match.group("period")
    period = parse_period(written.strip()) if written else None
    return Measure(value=value, period=period or column.period, label=column.header)


_VALUE_THEN_CHANGE = lazy(
    r"^\s{0,3}(?P<value>(?:£\s{0,2})?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?\s{0,2}%?)"
    r"\s{0,3}\(\s{0,2}(?P<change>[+\-–−]?\s{0,2}\d{1,3}(?:\.\d{1,2})?\s{0,2}%)\s{0,2}\)\s{0,3}$"
)
_CHANGE_THEN_VALUE = lazy(
    r"^\s{0,3}(?P<change>[+\-–−]?\s{0,2}\d{1,3}(?:\.\d{1,2})?\s{0,2}%)"
    r"\s{0,3}\(\s{0,2}(?P<value>(?:£\s{0,2})?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?)\s{0,2}\)\s{0,3}$"
)


def _with_change(text: str, column: _Column) -> tuple[Measure, Number] | None:
    """A target cell giving its figure and its change, either way round: "1,100 (−8%)",
    "5% (1,140)" (the figure a count, the percentage its change); the change without
    its sign."""
    match = _VALUE_THEN_CHANGE.match(text) or _CHANGE_THEN_VALUE.match(text)
    if match is None:
        return None
    value = parse_number(" ".join(match.group("value").split()))
    change = parse_number(_unsigned(" ".join(match.group("change").split())))
    if value is None or change is None:
        return None
    return Measure(value=value, period=column.period, label=column.header), change


def _change(text: str, header: str) -> tuple[Number, str | None] | None:
    match = _CHANGE_CELL.match(text)
    if match is None:
        return None
    digits = match.group("number").replace(",", "")
    if match.group("sign") and match.group("down" if match.group("sign") == "+" else "up"):
        return None  # "+5% reduction" says two things
    falls = (match.group("sign") or "+") in "-–−" or match.group("down") is not None
    sign = "-" if falls else ""
    unit_text = (match.group("unit") or "").lower()
    if "point" in unit_text or unit_text in ("pt", "pts", "ppt", "ppts", "pp"):
        unit: str | None = "points"
    elif unit_text:
        unit = "percent"
    elif _POINTS_HEADER.search(header):
        unit = "points"
    elif _PERCENT_HEADER.search(header):
        unit = "percent"
    else:
        unit = None
    written = _CHANGE_WORD.sub("", " ".join(text.split()))
    if unit == "percent" and "%" not in written:
        written = f"{written}%"
    return Number(value=Decimal(f"{sign}{digits}"), text=written), unit


def _unsigned(text: str) -> str:
    """A stated change as a target's percent: "5%" for "−5%", as printed but for its sign."""
    return text.lstrip("+-–− ")


def _polarity(text: str) -> Polarity | None:
    for polarity, pattern in _POLARITIES:
        if pattern.search(text):
            return polarity
    return None


def _word_direction(text: str) -> Direction | None:
    for direction, pattern in _DIRECTIONS:
        if pattern.search(text):
            return direction
    return None


def _trend_word(text: str) -> str | None:
    for word, pattern in _TRENDS:
        if pattern.search(text):
            return word
    return None


def _latest(measures: list[Measure]) -> Measure:
    dated = [m for m in measures if m.period is not None and m.period.end is not None]
    if dated:
        return max(dated, key=lambda m: m.period.end if m.period and m.period.end else 0)
    return measures[-1]


def _target(cells: _Cells, source: SourceRef) -> Target | None:
    goals = cells.figures.get(ColumnRole.TARGET, [])
    if not goals:
        return None
    goal = goals[0]
    bases = cells.figures.get(ColumnRole.BASELINE, [])
    base = bases[0] if bases else None
    if base is None:
        earlier = [m for m in cells.figures.get(ColumnRole.FIGURE, []) if _before(m, goal)]
        base = earlier[-1] if earlier else None
    actuals = cells.figures.get(ColumnRole.ACTUAL, [])
    outturn = _latest(actuals) if actuals else None
    earlier = [m for m in actuals if _before(m, goal)]
    if base is None and earlier:
        # "2009/10 actual | 2010/11 target": the year's actual figure is where the target
        # starts from, not its outturn; later actual figures are outturns.
        base = _latest(earlier)
        later = [m for m in actuals if m not in earlier]
        outturn = _latest(later) if later else None
    # With no outturn, a change beside the baseline and the target is the target's own.
    carried = base is not None and outturn is None and not bases
    stated = find_targets(f"Target: {cells.label}", source)
    said = stated[0] if stated else None
    direction = said.direction if said is not None else None
    if direction is None and cells.polarity is not None:
        direction = (
            Direction.REDUCE if cells.polarity is Polarity.LOWER_IS_BETTER else Direction.INCREASE
        )
    direction = direction or cells.direction
    if direction is None and base is not None and goal.value.value != base.value.value:
        direction = Direction.REDUCE if goal.value.value < base.value.value else Direction.INCREASE
    percent = said.percent if said is not None and said.target is None else None
    if percent is None and cells.target_change is not None:
        percent = cells.target_change
    if carried and percent is None and cells.change is not None and cells.change[1]:
        change = cells.change[0]
        percent = Number(value=abs(change.value), text=_unsigned(change.text))
        if direction is None and change.value:
            direction = Direction.INCREASE if change.value > 0 else Direction.REDUCE
    found = find_indicators(f"{cells.code} {cells.label}".strip(), source)
    indicator = next((i for i in found if i.code), None)
    metric = (said.metric if said is not None and said.metric else None) or (
        indicator.title if indicator is not None and indicator.title else cells.label
    )
    rating = None
    if cells.rag:
        colour = _RAG_CELL.match(cells.rag)
        rating = Rating(
            text=cells.rag,
            colour=_COLOURS.get(colour.group("colour").lower()) if colour else None,
        )
    return Target(
        id="",
        statement=cells.text,
        metric=metric.strip() or None,
        direction=direction,
        percent=percent,
        unit=unit_of(percent, base, goal, metric, cells.label),
        baseline=base,
        target=goal,
        deadline=goal.period,
        outturn=outturn,
        indicator=indicator,
        source=source,
        polarity=cells.polarity,
        rating=rating,
        trend=cells.trend,
    )


def _before(first: Measure, second: Measure) -> bool:
    one, two = first.period, second.period
    return bool(one and two and one.end and two.start and one.end < two.start)


def _pair(cells: _Cells, target: Target | None) -> tuple[Measure, Measure] | None:
    """The older and the newer figure a row's change and trend compare."""
    if target is not None:
        newer = target.outturn
        if newer is None:
            return None
        older = target.baseline
        if cells.change is not None and _AGAINST_TARGET.search(cells.text):
            older = target.target
        elif cells.change is not None and older is not None and target.target is not None:
            # "Variance" beside a baseline, a target and an actual does not say which it
            # compares the actual with: it is read against the one whose figures give it.
            older = _nearer(cells.change, newer, older, target.target)
        return (older, newer) if older is not None else None
    measures = [m for role in _FIGURE_ROLES for m in cells.figures.get(role, [])]
    if len(measures) != 2:
        return None
    first, second = measures
    if _before(first, second):
        return first, second
    if _before(second, first):
        return second, first
    base = cells.figures.get(ColumnRole.BASELINE)
    actual = cells.figures.get(ColumnRole.ACTUAL)
    if base and actual:
        return base[0], actual[0]
    return None  # two figures with no order to read


def _nearer(
    change: tuple[Number, str | None], newer: Measure, first: Measure, second: Measure
) -> Measure:
    """Of two figures a stated change may run from, the one from which ``newer`` is
    nearest that change (``first`` where they tie or a figure is zero)."""
    stated, unit = change
    size = abs(stated.value)

    def miss(older: Measure) -> Decimal | None:
        difference = newer.value.value - older.value.value
        if unit in (None, "count", "points"):
            return abs(abs(difference) - size)
        if not older.value.value:
            return None
        return abs(abs(difference / older.value.value * 100) - size)

    one, two = miss(first), miss(second)
    if one is None or two is None or one <= two:
        return first
    return second


def _figure_of(role: str, measure: Measure) -> Figure:
    unit = "percent" if measure.value.text.rstrip().endswith("%") else "count"
    label = measure.period.text if measure.period is not None else measure.label
    return Figure(role=role, value=measure.value, label=label, unit=unit, period=measure.period)


def _trend_direction(word: str | None, polarity: Polarity | None) -> Direction | None:
    if word == "rising":
        return Direction.INCREASE
    if word == "falling":
        return Direction.REDUCE
    if word == "stable":
        return Direction.MAINTAIN
    if word in ("improving", "deteriorating") and polarity is not None:
        better = Direction.REDUCE if polarity is Polarity.LOWER_IS_BETTER else Direction.INCREASE
        worse = Direction.INCREASE if better is Direction.REDUCE else Direction.REDUCE
        return better if word == "improving" else worse
    return None


def _claims(cells: _Cells, target: Target | None, source: SourceRef) -> list[Claim]:
    pair = _pair(cells, target)
    if pair is None:
        return []
    older, newer = pair
    base = [_figure_of("from", older), _figure_of("to", newer)]
    polarity = cells.polarity
    if polarity is None and target is not None and target.direction is not None:
        polarity = {
            Direction.REDUCE: Polarity.LOWER_IS_BETTER,
            Direction.INCREASE: Polarity.HIGHER_IS_BETTER,
        }.get(target.direction)
    trend = _trend_direction(_trend_word(cells.trend or ""), polarity)
    claims: list[Claim] = []
    signed: Direction | None = None
    if cells.change is not None:
        change, unit = cells.change
        if change.value:
            signed = Direction.INCREASE if change.value > 0 else Direction.REDUCE
        figure = Figure(role="change", value=change, label=None, unit=unit or "count")
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.CHANGE,
                statement=cells.text,
                direction=signed,
                figures=(*base, figure),
                source=source,
            )
        )
    if trend is not None and trend is not signed:
        claims.append(
            Claim(
                id="",
                kind=ClaimKind.CHANGE,
                statement=cells.text,
                direction=trend,
                figures=tuple(base),
                source=source,
            )
        )
    return claims


# --- targets stated in words in a Target column ------------------------------------------


def worded_targets(table: Table, words_only: bool = False) -> list[Target]:
    """One target a row of a table whose Target column states each target in words or as
    a change, the row's label naming the measure::

        Indicator      Baseline   Target
        Burglary       1,200      Reduce by 5%
        Robbery                   −3%
        Confidence     51%        Increase to 60%
        Youth calls               Maintain at 2009/10 levels

    A signed change ("−3%", "5% reduction") is the target's percent, a plain figure its
    value, and words are read as a target statement about the label ("Burglary: reduce by
    5%"); a Baseline column's figure is the baseline where the words give none. A row whose
    words state no target gives none, and a table where no row does is no target table.
    Where several Target columns give a target by year, the last is read. ``words_only``
    leaves rows whose target is a plain figure to the trajectory reader.
    """
    try:
        return _worded(table, words_only)
    except TimeoutError:
        return []


def _worded(table: Table, words_only: bool) -> list[Target]:
    grid = _grid(table)
    for index, (_, header) in enumerate(grid[:_HEADER_ROWS]):
        columns = _columns(header)
        roles = [c.role for c in columns]
        goals = [c for c in columns if c.role is ColumnRole.TARGET][-1:]
        if not goals or ColumnRole.RANK in roles or ColumnRole.QUARTER in roles:
            continue
        labels = [c for c in columns if c.role is ColumnRole.LABEL and c.col < goals[0].col]
        # The column headed Indicator or Measure names the row's measure, wherever it
        # stands ("Target | Measure | By when"); else the label nearest the target (a theme
        # or priority column comes first).
        named = [
            c
            for c in columns
            if c.role in (ColumnRole.LABEL, ColumnRole.OTHER) and _METRIC_HEADER.match(c.header)
        ] or labels[::-1]
        if not named:
            continue
        found = []
        for row, values in grid[index + 1 :]:
            label = next((values[c.col] for c in named if values.get(c.col)), "")
            words = values.get(goals[0].col, "")
            if (
                not _THREE_LETTERS.search(label)
                or _PLACEHOLDER.match(words)
                or PERIOD_PATTERN.match(label.strip())
            ):
                continue  # no measure named ("2009/10 (baseline) | 1,500" runs down the years)
            if words_only and any(
                _CELL.match(values.get(c.col, "")) for c in columns if c.role in _FIGURE_ROLES
            ):
                continue  # a row of figures, which the trajectory reader takes
            source = row.source if row.source != SourceRef() else table.source
            target = _worded_target(label, words, goals[0], columns, values, source)
            if target is not None:
                found.append(target)
        if found:
            return found
    return []


def _worded_target(
    label: str,
    words: str,
    column: _Column,
    columns: list[_Column],
    values: dict[int, str],
    source: SourceRef,
) -> Target | None:
    """The target one row states in words (see :func:`worded_targets`)."""
    statement = " | ".join(t for _, t in sorted(values.items()) if t)
    bases = [
        m
        for c in columns
        if c.role is ColumnRole.BASELINE and values.get(c.col)
        for m in [_figure(values[c.col], c)]
        if m is not None
    ]
    base = bases[0] if bases else None
    change = _change(words, column.header)
    # "−8%", "5% reduction", or "10%" under "Target reduction" is a change; a plain "60%"
    # under "Target" is the figure to reach.
    said_change = (
        _SIGNED.match(words) or _CHANGE_WORD.search(words) or _HEADER_CHANGE.search(column.header)
    )
    if change is not None and said_change:
        stated, unit = change
        if unit is None:
            return None  # "−30": a change in number, which this reader does not state
        percent = Number(value=abs(stated.value), text=_unsigned(stated.text))
        return Target(
            id="",
            statement=statement,
            metric=label,
            direction=(
                Direction.INCREASE
                if stated.value > 0
                else Direction.REDUCE
                if stated.value
                else None
            ),
            percent=percent,
            unit=unit_of(percent, base, None, label, label),
            baseline=base,
            deadline=column.period,
            source=source,
        )
    beside = _with_change(words, column)
    bound = _SYMBOL_BOUND.match(words)
    figure = beside[0] if beside else _figure(words, column)
    if bound is not None:
        # "≤ 28%", "<2,000": a ceiling or a floor printed as a symbol.
        limit = parse_number(bound.group("value"))
        label_word = _BOUND_WORDS[bound.group("symbol").replace("=<", "<=").replace("=>", ">=")]
        figure = Measure(value=limit, period=column.period, label=label_word) if limit else None
    if figure is not None:
        printed = beside[1] if beside else None
        return Target(
            id="",
            statement=statement,
            metric=label,
            percent=printed,
            unit=unit_of(printed, base, figure, label, label),
            baseline=base,
            target=figure,
            deadline=figure.period,
            source=source,
        )
    said = find_targets(f"{label}: {words}", source) or find_targets(
        f"{label}: target {words}", source
    )
    if len(said) != 1:
        return None
    target = said[0]
    if target.baseline is None and base is not None:
        target = attrs.evolve(target, baseline=base)
    if target.target is not None and target.target.period is None and column.period:
        target = attrs.evolve(target, target=attrs.evolve(target.target, period=column.period))
    # The row's label names the measure; the words only say what to do with it.
    return attrs.evolve(
        target, statement=statement, metric=label, deadline=target.deadline or column.period
    )


_SIGNED = lazy(r"^\s{0,3}[+\-–−]")
_HEADER_CHANGE = lazy(r"(?i)\b(?:reduction|decrease|increase|change|cut)\b")
_SYMBOL_BOUND = lazy(
    r"^\s{0,3}(?P<symbol>≤|≥|<=|=<|>=|=>|<|>)\s{0,2}"
    r"(?P<value>(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?\s{0,2}%?)\s{0,3}$"
)
_BOUND_WORDS = {
    "≤": "at most",
    "<=": "at most",
    "<": "less than",
    "≥": "at least",
    ">=": "at least",
    ">": "more than",
}
"""The bound a symbol before a target figure sets, in the words of the prose bounds."""


# --- the plan's key to its ratings ------------------------------------------------------

RatingKey = dict[str, tuple[str, tuple[RatingCondition, ...]]]
"""A plan's key to its RAG colours: colour -> (its definition as written, what it requires)."""

_KEY_COLOUR = lazy(
    r"(?i)\b(?P<colour>green|amber|red)\b\s{0,3}(?P<sep>(?:[:=,\-–—]|means?|indicates?|shows?|is"
    r"|denotes|that|where|when)\s{0,3})?"
)
_KEY_LIMIT = 2000
"""Characters of a paragraph searched for a key: keys are a sentence or two."""
_SOFT = lazy(
    r"(?i)\b(?:within|tolerance|track|forecast|expected|likely|projected|risk|close|near|approach)"
)
_CONDITIONS = (
    (
        RatingCondition.TARGET_MISSED,
        lazy(
            r"(?i)(?:short\s{1,3}of|missed|miss(?:es|ing)|below|not\s{1,3}(?:met|achieved|reached))"
            r"\s{1,3}(?:the\s{1,3})?target|target\s{1,3}(?:was\s{1,3}|is\s{1,3}|has\s{1,3}been\s{1,3})?"
            r"(?:missed|not\s{1,3}(?:met|achieved|reached))"
        ),
    ),
    (
        RatingCondition.TARGET_MET,
        lazy(
            r"(?i)target\s{1,3}(?:was\s{1,3}|is\s{1,3}|has\s{1,3}been\s{1,3})?(?:met|achieved|reached"
            r"|exceeded)|(?:met|achieved|reached|exceeded|on)\s{1,3}(?:the\s{1,3})?target"
        ),
    ),
    (
        RatingCondition.BETTER_THAN_BASELINE,
        lazy(r"(?i)(?:better\s{1,3}than|improv\w{0,5}\s{1,3}on)\s{1,3}(?:the\s{1,3})?baseline"),
    ),
    (
        RatingCondition.WORSE_THAN_BASELINE,
        lazy(r"(?i)worse\s{1,3}than\s{1,3}(?:the\s{1,3})?baseline"),
    ),
)


def read_rating_key(text: str) -> RatingKey:
    """The RAG colours a sentence defines, each with its definition and what it requires.

    >>> key = read_rating_key("Green: target met. Red: worse than the baseline.")
    >>> key["green"][1], key["red"][1]
    ((<RatingCondition.TARGET_MET: 'target_met'>,), (<RatingCondition.WORSE_THAN_BASELINE: 'worse_than_baseline'>,))
    """
    try:
        return _key(text[:_KEY_LIMIT])
    except TimeoutError:
        return {}


def _key(text: str) -> RatingKey:
    marks = list(_KEY_COLOUR.finditer(text))
    key: RatingKey = {}
    for position, mark in enumerate(marks):
        if not mark.group("sep"):
            continue  # a colour named in passing, not defined
        end = marks[position + 1].start() if position + 1 < len(marks) else len(text)
        definition = text[mark.end() : end]
        definition = definition.split(".")[0].strip(" ,;:")
        for tail in (" and", " or", ","):
            definition = definition.removesuffix(tail).strip(" ,;")
        if not definition or mark.group("colour").lower() in key:
            continue
        conditions: tuple[RatingCondition, ...] = ()
        if not _SOFT.search(definition):
            conditions = tuple(c for c, pattern in _CONDITIONS if pattern.search(definition))
            if RatingCondition.TARGET_MISSED in conditions:
                conditions = tuple(c for c in conditions if c is not RatingCondition.TARGET_MET)
        key[mark.group("colour").lower()] = (definition, conditions)
    return key if len(key) >= 2 else {}


def find_rating_key(blocks: Sequence[Block], index: int) -> RatingKey:
    """The key to RAG colours the plan gives for the table at ``blocks[index]``: the nearest
    paragraph before it that defines at least two colours, else the nearest after it."""
    order = [*range(index - 1, -1, -1), *range(index + 1, len(blocks))]
    for position in order:
        block = blocks[position]
        if isinstance(block, (Paragraph, ListItem)):
            key = read_rating_key(block.text)
            if key:
                return key
    return {}


def apply_rating_key(target: Target, key: RatingKey) -> Target:
    """The target with its rating's meaning from ``key``, where the key defines its colour."""
    rating = target.rating
    if rating is None or rating.colour is None or rating.colour not in key:
        return target
    meaning, conditions = key[rating.colour]
    return attrs.evolve(target, rating=attrs.evolve(rating, meaning=meaning, conditions=conditions))
