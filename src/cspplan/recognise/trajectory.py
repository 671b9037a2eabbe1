"""Trajectory tables: a row of periods and a row of figures, the yearly path to a target.

::

                            2003/04 Benchmark  2004/05  2005/06  2006/07  2007/08 (Target-16%)
    Total Number of Crimes  1140               1095     1050     1005     960

The periods run across one row; each header cell may carry a label beside its period
("Benchmark", "Baseline", "(Target-16%)"). The figures sit in the row below, aligned by
column. The row label ("Total Number of Crimes", "Score Index from Citizens Panel") may lead
the value row, lead the period row (with the value row's first cell empty), or be missing.
The same shape turned on its side (periods down the first column, figures beside them) is
read too. Tables with text in their value cells (action tables, membership tables) or with
several rows of figures are not trajectories.

Columns headed by quarters ("Q1 2007/08", "Q2", "April to June") are a *profile*: how the
year's figure is spread over its parts, kept apart from the trajectory (a profile is never a
path from the baseline to the target). An "Actual" figure is an outturn, never a point of
the trajectory, and a table of outturns with change, trend or RAG columns is a performance
table (:mod:`.indicator_tables`), not a trajectory.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..document import Table
from ..model.plan import Target
from ..model.values import Direction, Measure, Number, Period, Unit
from ..text.numbers import parse_number, parse_quantity
from ..text.patterns import DOTALL, IGNORECASE, lazy
from ..text.words import FUNCTION_WORDS, singular
from .indicator_tables import read_indicator_table, worded_targets
from .indicators import find_indicators
from .periods import PERIOD_PATTERN, parse_period
from .targets import unit_of

__all__ = [
    "Trajectory",
    "apply_trajectory",
    "quarter_period",
    "read_trajectories",
    "read_trajectory",
    "scorecard_targets",
    "targets_from_table",
    "trajectory_fit",
]


@attrs.frozen(slots=True)
class Trajectory:
    """The figures a trajectory table gives, period by period.

    Attributes:
        measures: One figure per period, in the table's order, each with its period and any
            label its header carries ("Benchmark", "Target-16%").
        label: The row's label, e.g. ``"Total Number of Crimes"``, where the table gives one.
        target_percent: The change a header states for the end point ("Target-16%" gives
            ``16%``), where one does.
        profile: The figures of quarter columns ("Q1 2007/08"): the year's profile, kept
            apart from the yearly ``measures``.
    """

    measures: tuple[Measure, ...]
    label: str | None = None
    target_percent: Number | None = None
    profile: tuple[Measure, ...] = ()


_FIGURE = lazy(
    r"^\s{0,3}(?:£\s{0,2})?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?\s{0,2}%?\s{0,3}$"
)
_TARGET_PERCENT = lazy(
    r"(?i)target\s{0,3}[:\-–—]?\s{0,3}[+\-–−]?\s{0,2}(?P<pct>\d{1,3}(?:\.\d{1,2})?\s{0,2}%)"
)
_HEADER_PERIOD = lazy(
    rf"^\s{{0,3}}(?:(?:year|yr)\s{{0,2}}\d\s{{0,3}}[:\-–]?\s{{0,3}})?"
    rf"(?P<pre>(?:[A-Za-z][\w\-]{{0,15}}\s{{1,3}}){{0,3}})\(?(?P<period>{PERIOD_PATTERN.pattern})\)?"
    r"(?P<label>.{0,60})$",
    IGNORECASE | DOTALL,
)
_PLACEHOLDER = lazy(r"(?i)^\s{0,3}(?:n/?a|tbc|tbd|-|–|—|\*|not\s{1,3}available|nil)?\s{0,3}$")
_CHANGE_CELL = lazy(
    r"(?i)^\s{0,3}(?:[+\-–−]\s{0,2}\d{1,3}(?:\.\d{1,2})?\s{0,2}%"
    r"|\d{1,3}(?:\.\d{1,2})?\s{0,2}(?:%|per\s?cent)\s{1,3}(?:reduction|decrease|fall|cut|increase|rise))\s{0,3}$"
)
"""A cell stating a change, signed or named ("−5%", "10% reduction"), not a figure."""
_TRAILING = lazy(
    r"(?i)^\s{0,3}(?:desired\s{1,3}|target\s{1,3})?(?:direction(?:\s{1,3}of\s{1,3}travel)?|trend|polarity"
    r"|good\s{1,3}performance|better\s{1,3}is|comments?|notes?|status|rag|lead|owner|source"
    r"|%\s{0,2}(?:reduction|decrease|increase|change)|(?:reduction|decrease|increase|change)\s{0,3}(?:%|$))"
    r"|^\s{0,3}target\s{1,3}%"
)
"""Headers of columns that may follow the period columns of a table of figures."""
_TRAILING_CHANGE = lazy(
    r"(?i)^\s{0,3}(?:target\s{1,3})?(?:%\s{0,2})?(?:reduction|decrease|increase|change)"
    r"|^\s{0,3}target\s{1,3}%"
)
"""The header of a column after the periods stating each row's change ("Target reduction",
"% change"): the change the row's end figure is meant to make."""
_TRAILING_DIRECTION = lazy(
    r"(?i)^\s{0,3}(?:desired\s{1,3}|target\s{1,3})?(?:direction|trend|polarity|good\s{1,3}performance|better)"
)
_METRIC_HEADER = lazy(
    r"(?i)^\W{0,3}(?:key\s{1,3}|performance\s{1,3})?(?:indicators?|measures?|metrics?|kpis?|pis?)\W{0,3}$"
)
"""The header of the column that names what a row counts, among several label columns."""
_OUTTURN_WORDS = lazy(r"(?i)\b(?:actual|outturn|out-turn|achieved|result|performance)\b")
_BASE_WORDS = lazy(r"(?i)\b(?:benchmark|baseline|base)\b")
_AIMED = lazy(r"(?i)\b(?:targets?|baseline|trajectory|aims?|ambitions?|goals?)\b")
"""Words of a table of figures by year that make it a path to a target, not a history."""
_OUTTURN_ROW = lazy(
    r"(?i)^\W{0,3}(?:actuals?|outturns?|out-turns?|achieved|results?|actual\s{1,3}performance"
    r"|performance)\W{0,3}(?:\([^()]{0,30}\))?\W{0,3}$"
)
"""A row label naming the figures reached ("Actual", "Outturn"), not a path to a target."""
_TARGET_ROW = lazy(r"(?i)^\W{0,3}(?:targets?|target\s{1,3}(?:figures?|trajectory|path))\W{0,3}$")
"""A row label naming only its role ("Target"), where the header names the measure."""
_TARGET_WORD = lazy(r"(?i)target")
_LONG_NUMBER = lazy(r"\d{3,}")
"""A figure of three digits or more in a header label: the cell holds data, not a heading."""
_THREE_LETTERS = lazy(r"[A-Za-z]{3}")
_TREND_ONLY = lazy(
    r"(?i)\b(?:improv|deteriorat|better|worse|ris(?:ing|en)|falling|stable|steady|unchanged)"
)
"""Words of a direction-of-travel cell that state a trend, never the target's direction."""
_QUARTER = lazy(
    r"(?i)^\s{0,3}(?:q\s{0,2}(?P<q>[1-4])|quarter\s{1,3}(?P<q2>[1-4])|(?P<months>"
    r"(?:jan|apr|jul|oct)\w{0,6}\s{0,3}(?:to|-|–)\s{0,3}(?:mar|jun|sep|dec)\w{0,6}))\b"
    r"(?P<rest>.{0,40})$"
)
_MONTH_QUARTERS = {"apr": 1, "jul": 2, "oct": 3, "jan": 4}
"""The financial-year quarter a quarter's first month opens ("April to June" is Q1)."""
_RANK_HEADER = lazy(r"(?i)\b(?:position|rank(?:ing)?|league|placing)\b")
"""A header of positions in a league ("Position 2011/12"): ranks are not figures to reach."""
_RATE_LABEL = lazy(r"(?i)\bper\s{0,2}(?:1,?000|10,?000|100,?000|thousand|head|capita)\b|\brate\b")
_DIRECTION_WORDS = (
    (Direction.REDUCE, lazy(r"\b(?:reduc|decreas|lower|down|fewer|less)")),
    (Direction.INCREASE, lazy(r"\b(?:increas|rais|higher|up\b|more|improv|grow)")),
    (Direction.MAINTAIN, lazy(r"\b(?:maintain|hold|sustain|stable|keep)")),
)
"""The word stems a "Direction" cell states each direction with, tried in this order."""
_HEADER_ROWS = 3
"""How many rows at the top of a table may be its header (a title row or a wrapped label
row may come first)."""
_MIN_POINTS = 2
_BASE_HEADER_WORDS = 3
"""Most words of a header naming a baseline column without a period ("Baseline figure")."""
"""Fewest figures a row needs to be a trajectory: one figure is a value, not a path."""


def _grid(table: Table) -> list[dict[int, str]]:
    """Each row as a map from grid column to cell text, merged cells at their first column."""
    rows: list[dict[int, str]] = []
    for row in table.rows:
        column = 0
        cells: dict[int, str] = {}
        for cell in row.cells:
            cells[column] = " ".join(cell.text.split())
            column += max(1, cell.colspan)
        rows.append(cells)
    return rows


def quarter_period(text: str, year: Period | None = None) -> Period | None:
    """The quarter a header names ("Q1 2020/21", "Quarter 3", "April to June"), as a period
    with its dates where the header or ``year`` gives the year (UK financial quarters: Q1 of
    2020/21 is April to June 2020); ``None`` where the text is no quarter.

    >>> quarter_period("Q4 2020/21").start
    datetime.date(2021, 1, 1)
    """
    try:
        match = _QUARTER.match(text)
    except TimeoutError:
        return None
    if match is None:
        return None
    number = match.group("q") or match.group("q2")
    if number is None:
        number = str(_MONTH_QUARTERS[match.group("months")[:3].lower()])
    found = PERIOD_PATTERN.search(match.group("rest"))
    within = parse_period(found.group(0)) if found else year
    written = " ".join(text.split())
    if within is None or within.start is None:
        return Period(text=written)
    first_month = within.start.month + 3 * (int(number) - 1)
    start_year = within.start.year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = dt.date(start_year, month, 1)
    end_month = month + 2
    end = (
        dt.date(start_year, end_month + 1, 1) - dt.timedelta(days=1)
        if end_month < 12
        else (dt.date(start_year, 12, 31))
    )
    return Period(text=written, start=start, end=end)


_SHORT_YEAR = lazy(
    r"^\s{0,3}(?P<first>\d{2})\s{0,2}/\s{0,2}(?P<second>\d{2})(?![\d/])(?P<label>.{0,40})$"
)
"""A financial year written short in a header, "08/09 target" (the years consecutive)."""


def _short_year(text: str) -> str | None:
    """The header with its short financial year written in full ("2008/09 target")."""
    match = _SHORT_YEAR.match(text)
    if match is None or (int(match.group("first")) + 1) % 100 != int(match.group("second")):
        return None
    return f"20{match.group('first')}/{match.group('second')}{match.group('label')}"


def _header(text: str) -> tuple[Period, str | None] | None:
    if _RANK_HEADER.search(text):
        return None
    match = _HEADER_PERIOD.match(text) or _HEADER_PERIOD.match(_short_year(text) or "")
    if match is None:
        return None
    period = parse_period(match.group("period"))
    if period is None:
        return None
    parts = (match.group("pre").strip(), match.group("label").strip().strip("()[]-–: ").strip())
    label = " ".join(part for part in parts if part) or None
    if label is not None and _LONG_NUMBER.search(label):
        return None
    return period, label


def _figure(text: str) -> Number | None:
    if not _FIGURE.match(text):
        return None
    return parse_number(text)


def read_trajectory(table: Table) -> Trajectory | None:
    """The trajectory a table holds, or ``None`` where the table is something else."""
    if read_indicator_table(table, performance_only=True) is not None:
        return None
    try:
        return _across(table) or _down(table)
    except TimeoutError:
        return None


def _across(table: Table) -> Trajectory | None:
    found = _period_rows(table)
    if found is None:
        return None
    header_label, rows, _, _ = found
    rows = [row for row in rows if len(row[1]) + len(row[2]) >= _MIN_POINTS]
    if len(rows) > 1:
        # A table with a planned row and an "Actual" row: the planned row is the trajectory.
        rows = [row for row in rows if not _OUTTURN_WORDS.search(row[0] or "")]
    if len(rows) != 1:
        return None
    label, measures, profile = rows[0]
    if label and header_label and _TARGET_ROW.match(label):
        label = header_label  # "Target" names the row's role; the header names the measure
    return _trajectory(measures, label or header_label, profile)


def read_trajectories(table: Table) -> list[Trajectory]:
    """One trajectory per row of figures under a row of periods, each labelled by its first
    cells: the layout of target tables with one indicator per row::

        Indicator                          Baseline 2007/08  2008/09  2009/10  2010/11 Target
        NI 16 Serious acquisitive crime    6,120             5,930    5,750    5,580
        NI 20 Assault with injury          2,410             2,350    2,300    2,250

    Cells with "n/a", "TBC" or "-" are skipped; a row with words among its figures means the
    table is something else, and none is read.
    """
    return [
        _trajectory(measures, label, profile, change)
        for label, measures, profile, _, change in _figure_rows(table)
    ]


def _stated_directions(table: Table) -> list[Direction | None]:
    """The direction each figure row of ``table`` states in a "Direction" column, in the
    order :func:`read_trajectories` gives its rows (``None`` where a row states none)."""
    return [_direction_word(note) for _, _, _, note, _ in _figure_rows(table)]


_Row = tuple[str | None, list[Measure], list[Measure]]
"""A row of figures: its label, its yearly measures and its quarterly profile."""


def _figure_rows(
    table: Table,
) -> list[tuple[str | None, list[Measure], list[Measure], str, Number | None]]:
    """Each row of a period table with two figures or more: its label, its measures, the
    direction it states (or "") and the change it states; empty for any other table, or one
    too slow to read."""
    try:
        found = _period_rows(table)
    except TimeoutError:
        return []
    if found is None:
        return []
    _, rows, notes, changes = found
    return [
        (label, measures, profile, notes.get(position, ""), _stated_change(changes.get(position)))
        for position, (label, measures, profile) in enumerate(rows)
        if len(measures) + len(profile) >= _MIN_POINTS
    ]


def _stated_change(text: str | None) -> Number | None:
    """A row's stated change ("10%", "-7%", "3 points"), as a size without its sign."""
    if not text:
        return None
    return parse_quantity(text.strip().lstrip("+-–−"), short_points=True)


def _direction_word(text: str) -> Direction | None:
    words = text.lower()
    if _TREND_ONLY.search(words):
        return None  # "Improving", "Rising": a stated trend, not where the target heads
    for direction, pattern in _DIRECTION_WORDS:
        if pattern.search(words):
            return direction
    return None


def _quarter_headers(row: dict[int, str]) -> dict[int, tuple[Period, str | None]]:
    """The quarter columns of a header row, each with its period (the year taken from
    another quarter or yearly header of the row where its own header names none)."""
    ordered = [t for _, t in sorted(row.items()) if t]
    in_quarters = [_header_year(t) for t in ordered if _QUARTER.match(t)]
    yearly = [_header_year(t) for t in reversed(ordered) if not _QUARTER.match(t)]
    years = [p for p in (*in_quarters, *yearly) if p is not None]
    found: dict[int, tuple[Period, str | None]] = {}
    for col, text in row.items():
        period = quarter_period(text, years[0] if years else None) if text else None
        if period is not None:
            found[col] = (period, " ".join(text.split()))
    return found


def _header_year(text: str) -> Period | None:
    found = PERIOD_PATTERN.search(text) if text else None
    return parse_period(found.group(0)) if found else None


def _period_rows(
    table: Table,
) -> tuple[str | None, list[_Row], dict[int, str], dict[int, str]] | None:
    """The header's own label, each figure row's label and measures, the direction each
    row states in a "Direction" column after the periods and the change it states in a
    "Target reduction" or "% change" column (both by row position), where one of the
    first three rows is a row of periods and every row under it holds only figures in its
    period columns; ``None`` for any other table. Columns after the periods headed
    "Direction", "Comments", "Lead" and the like are allowed and not read as figures."""
    grid = [row for row in _grid(table) if any(text for text in row.values())]
    for index, row in enumerate(grid[:_HEADER_ROWS]):
        quarters = _quarter_headers(row)
        headers = {col: quarters.get(col) or _header(text) for col, text in row.items() if text}
        periods = {col: found for col, found in headers.items() if found is not None}
        if len(periods) < _MIN_POINTS:
            continue
        first = min(periods)
        last = max(periods)
        below = grid[index + 1 :]
        for upper in reversed(grid[:index]):
            # A header on two rows, "Baseline 2007/08" merged down beside "Targets" over
            # the years: the label columns' headers are in the row above.
            for col, text in upper.items():
                if col < first and text and not row.get(col):
                    row = {**row, col: text}
                    headers[col] = None
        # After the periods, a column named as a note ("Direction", "Lead") or one holding
        # no figures ("LAA | Yes") is no figure column: it may follow them.
        trailing = {
            col
            for col, found in headers.items()
            if found is None
            and col > last
            and (_TRAILING.match(row[col]) or not any(_figure(r.get(col, "")) for r in below))
        }
        others = sorted(
            col for col, found in headers.items() if found is None and col not in trailing
        )
        if any(col > first for col in others):
            continue
        # "Indicator | Baseline | 2008/09 | 2009/10": a baseline column without a period
        # before the periods starts each row's path.
        base_col = next(
            (
                col
                for col in others
                if _BASE_WORDS.search(row[col])
                and len(row[col].split()) <= _BASE_HEADER_WORDS
                and any(_figure(r.get(col, "")) for r in below)
            ),
            None,
        )
        others = [col for col in others if col != base_col]
        header_label = " ".join(row[col] for col in others) or None
        named_col = next((col for col in others if _METRIC_HEADER.match(row[col])), None)
        labels = {col: label for col, (_, label) in periods.items()}
        body = grid[index + 1 :]
        if body and _is_label_row(body[0], periods, first):
            # Header labels wrapped onto a row of their own: "Benchmark", "(Target-16%)".
            for col in periods:
                extra = body[0].get(col, "").strip("()[] ")
                if extra:
                    labels[col] = " ".join(part for part in (labels[col], extra) if part)
            body = body[1:]
        rows: list[_Row] = []
        notes: dict[int, str] = {}
        changes: dict[int, str] = {}
        for values_row in body:
            measures: list[Measure] = []
            profile: list[Measure] = []
            if base_col is not None and not _PLACEHOLDER.match(values_row.get(base_col, "")):
                value = _figure(values_row.get(base_col, ""))
                if value is None:
                    return None
                measures.append(
                    Measure(value=value, period=_header_year(row[base_col]), label=row[base_col])
                )
            cells = [values_row.get(col, "") for col in periods]
            if any(_CHANGE_CELL.match(t) for t in cells) and all(
                _CHANGE_CELL.match(t) or _PLACEHOLDER.match(t) for t in cells
            ):
                # "10% reduction | 15% reduction | 20% reduction": changes by year, no path
                # of figures (see worded_targets), which leaves the other rows trajectories.
                continue
            for col, (period, _) in sorted(periods.items()):
                text = values_row.get(col, "")
                if _PLACEHOLDER.match(text):
                    continue
                value = _figure(text)
                if value is None:
                    return None
                point = Measure(value=value, period=period, label=labels[col])
                (profile if col in quarters else measures).append(point)
            for col in trailing:
                if _TRAILING_DIRECTION.match(row[col]) and values_row.get(col):
                    notes[len(rows)] = values_row[col]
                elif _TRAILING_CHANGE.match(row[col]) and values_row.get(col):
                    changes[len(rows)] = values_row[col]
            label_text = " ".join(
                t for c, t in sorted(values_row.items()) if c < first and t and c != base_col
            )
            if named_col is not None and values_row.get(named_col):
                # "Outcome | Indicator | 2010/11 ...": the indicator names what is counted.
                label_text = values_row[named_col]
            if label_text and _figure(label_text) is not None:
                return None
            rows.append((label_text or None, measures, profile))
        return header_label, rows, notes, changes
    return None


def _is_label_row(
    row: dict[int, str], periods: dict[int, tuple[Period, str | None]], first: int
) -> bool:
    cells = [row.get(col, "") for col in periods]
    if any(text for col, text in row.items() if col < first) or not any(cells):
        return False
    return all(
        not text or (_figure(text) is None and not _PLACEHOLDER.match(text)) for text in cells
    )


def targets_from_table(table: Table) -> list[Target]:
    """A target for each labelled row of a table of figures by period (see
    :func:`read_trajectories`), with ``id=""``: the metric and indicator from the row label,
    the baseline from the "Baseline"/"Benchmark" column (else the first), the target from the
    last column not reporting an actual figure, the latest actual figure as the outturn, and
    the direction from the baseline and target figures.

    A scorecard with "Baseline", "Target" and "Actual" columns whose cells carry their own
    periods ("1,200 (2010/11)") is read the same way, one target a row (see
    :func:`scorecard_targets`). A table too hostile to read in time gives none."""
    try:
        return _targets_from_table(table)
    except TimeoutError:
        return []


def _targets_from_table(table: Table) -> list[Target]:
    targets: list[Target] = []
    performance = read_indicator_table(table, performance_only=True)
    if performance is not None:
        return list(performance.targets)
    rows = read_trajectories(table)
    if not rows:
        read = scorecard_targets(table) or worded_targets(table)
        # Periods down the first column, each column of figures labelled by its header: a
        # target of its own where no statement claims it.
        rows = [] if read else [t for t in _columns_down(table) if t.label]
        if not rows or not _AIMED.search(" ".join(c.text for r in table.rows for c in r.cells)):
            # A history by year ("Year | Total crime") names no target, baseline or aim.
            return read
    stated = _stated_directions(table)
    # Rows stating their targets as changes ("10% reduction") beside the rows of figures.
    targets.extend(worded_targets(table, words_only=True))
    found = _period_rows(table)
    header_label = found[0] if found is not None else None
    for position, trajectory in enumerate(rows):
        label = trajectory.label
        if label is None or _OUTTURN_ROW.match(label):
            # "Actual | 720 | 690": the figures reached, never a target of their own.
            continue
        if _TARGET_ROW.match(label) and header_label:
            # "Burglary | 2008/09 | ..." over "Target | 700 | ...": the header names it.
            label = header_label
        measures = trajectory.measures
        profile = trajectory.profile
        planned = [m for m in measures if not _OUTTURN_WORDS.search(m.label or "")]
        actual = [m for m in measures if _OUTTURN_WORDS.search(m.label or "")]
        if len(planned) < _MIN_POINTS and not (
            planned and any(_before(m, planned[0]) for m in actual)
        ):
            continue
        labelled = next((m for m in planned if m.label and _BASE_WORDS.search(m.label)), None)
        earlier = [m for m in actual if _before(m, planned[0])]
        path = planned
        if labelled is None and earlier:
            # "2018/19 actual | 2019/20 target | ...": the last actual figure before the
            # targets is where they start from; later actual figures are outturns.
            base = earlier[-1]
            actual = [m for m in actual if m not in earlier]
            path = [base, *planned]
        else:
            base = labelled or planned[0]
        goal = planned[-1]
        direction: Direction | None = None
        if goal.value.value < base.value.value:
            direction = Direction.REDUCE
        elif goal.value.value > base.value.value:
            direction = Direction.INCREASE
        if position < len(stated) and stated[position] is not None:
            # The plan's own word for the direction is what it asserts.
            direction = stated[position]
        named = find_indicators(label, table.source)
        indicator = named[0] if named else None
        metric = (indicator.title if indicator and indicator.title else label).strip()
        cells = " | ".join([label, *(m.value.text for m in sorted_points(measures, profile))])
        targets.append(
            Target(
                id="",
                statement=cells,
                metric=metric or None,
                direction=direction,
                percent=trajectory.target_percent,
                unit=unit_of(trajectory.target_percent, base, goal, metric, label),
                baseline=base,
                target=goal,
                deadline=goal.period,
                # An actual is an outturn, never a point of the path; beside a quarterly
                # profile the yearly figures are the baseline and the target, not a path.
                trajectory=() if profile else tuple(path),
                outturn=actual[-1] if actual else None,
                indicator=indicator,
                source=table.source,
                profile=profile,
            )
        )
    return targets


def sorted_points(measures: tuple[Measure, ...], profile: tuple[Measure, ...]) -> list[Measure]:
    """Yearly figures and quarters together, in the order of their periods where known."""
    points = [*measures, *profile]
    if all(m.period is not None and m.period.start is not None for m in points):
        return sorted(points, key=lambda m: (m.period.start, m.period.end) if m.period else ())
    return points


def _before(first: Measure, second: Measure) -> bool:
    """True where ``first``'s period ends before ``second``'s begins."""
    one, two = first.period, second.period
    return bool(one and two and one.end and two.start and one.end < two.start)


def _down(table: Table) -> Trajectory | None:
    grid = [row for row in _grid(table) if any(text for text in row.values())]
    if len(grid) < 2:
        return None
    measures: list[Measure] = []
    row_label: str | None = None
    for position, row in enumerate(grid):
        cells = [(col, text) for col, text in sorted(row.items()) if text]
        if position == 0 and len(cells) <= 2 and _header(cells[0][1]) is None:
            row_label = cells[-1][1] if len(cells) == 2 else None
            continue
        if len(cells) != 2:
            return None
        header = _header(cells[0][1])
        value = _figure(cells[1][1])
        if header is None or value is None:
            return None
        measures.append(Measure(value=value, period=header[0], label=header[1]))
    if len(measures) < _MIN_POINTS:
        return None
    return _trajectory(measures, row_label)


def _columns_down(table: Table) -> list[Trajectory]:
    """One trajectory per column of figures under a header row, the periods down the first
    column ("Year | Burglary | Robbery" over "2009/10 | 640 | 95"); none where a row is led
    by no period or holds words among its figures."""
    grid = [row for row in _grid(table) if any(text for text in row.values())]
    if len(grid) <= _MIN_POINTS:
        return []
    first = min(grid[0])
    heads = {col: text for col, text in grid[0].items() if col != first and text}
    if not heads or _header(grid[0].get(first, "")) is not None:
        return []
    columns: dict[int, list[Measure]] = {col: [] for col in heads}
    for row in grid[1:]:
        header = _header(row.get(first, ""))
        if header is None or set(row) - set(heads) - {first}:
            return []
        for col in heads:
            text = row.get(col, "")
            if _PLACEHOLDER.match(text):
                continue
            value = _figure(text)
            if value is None:
                return []
            columns[col].append(Measure(value=value, period=header[0], label=header[1]))
    return [
        _trajectory(measures, heads[col])
        for col, measures in columns.items()
        if len(measures) >= _MIN_POINTS
    ]


def _trajectory(
    measures: list[Measure],
    label: str | None,
    profile: list[Measure] | None = None,
    stated: Number | None = None,
) -> Trajectory:
    percent: Number | None = stated
    for measure in measures:
        found = _TARGET_PERCENT.search(measure.label or "")
        if found is not None:
            percent = parse_number(found.group("pct"))
    return Trajectory(
        measures=tuple(measures),
        label=label,
        target_percent=percent,
        profile=tuple(profile or ()),
    )


def apply_trajectory(target: Target, trajectory: Trajectory) -> Target:
    """The target with the trajectory attached, and with its baseline, target figure, percent
    and unit filled from the trajectory only where the statement left them out.

    A baseline or target figure the statement gives keeps its value; it gains the period of
    the trajectory point with the same value where it had none. Where the labels are too
    hostile to read in time, the target is left as it was.
    """
    try:
        return _apply_trajectory(target, trajectory)
    except TimeoutError:
        return target


def _apply_trajectory(target: Target, trajectory: Trajectory) -> Target:
    measures = trajectory.measures
    if not measures:
        return attrs.evolve(target, profile=trajectory.profile) if trajectory.profile else target
    base = next((m for m in measures if m.label and _BASE_WORDS.search(m.label)), measures[0])
    end = next(
        (m for m in reversed(measures) if m.label and _TARGET_WORD.search(m.label)),
        measures[-1],
    )
    baseline = _fill(target.baseline, base, measures)
    goal = _fill(target.target, end, measures)
    percent = target.percent or trajectory.target_percent
    unit = target.unit
    if unit is None or (unit is Unit.COUNT and trajectory.label):
        label = trajectory.label or ""
        unit = unit_of(percent, baseline, goal, f"{target.metric or ''} {label}", label)
    planned = tuple(m for m in measures if not _OUTTURN_WORDS.search(m.label or ""))
    return attrs.evolve(
        target,
        # Beside a quarterly profile the yearly figures are the baseline and the target.
        trajectory=() if trajectory.profile else _path(planned, measures, baseline),
        profile=trajectory.profile or target.profile,
        baseline=baseline,
        target=goal,
        percent=percent,
        unit=unit,
    )


def _path(
    planned: tuple[Measure, ...], measures: tuple[Measure, ...], baseline: Measure | None
) -> tuple[Measure, ...]:
    """The points of the path: the planned figures, and an actual figure only where it is
    where the path starts (before the first planned one); later actuals are outturns."""
    if not planned:
        return measures
    first = planned[0]
    return tuple(m for m in measures if m in planned or _before(m, first))


def trajectory_fit(target: Target, trajectory: Trajectory) -> int:
    """How well a trajectory table fits a target: 0 where their units clash (a rate per
    1,000 against a percentage or a count, percentages against counts), else 1, plus 1 for
    a figure they share and 1 for a word of the metric the row label repeats."""
    points = [*trajectory.measures, *trajectory.profile]
    if not points:
        return 0
    label = trajectory.label or ""
    percent_points = all(m.value.text.rstrip().endswith("%") for m in points)
    rate_label = bool(_RATE_LABEL.search(label))
    figures = [m for m in (target.baseline, target.target) if m is not None]
    percent_target = target.unit in (Unit.PERCENT, Unit.PERCENTAGE_POINTS) or (
        bool(figures) and all(m.value.text.rstrip().endswith("%") for m in figures)
    )
    rate_target = target.unit is Unit.RATE
    if percent_target and (rate_label or not percent_points) and not _percent_label(label):
        return 0
    if rate_target and percent_points:
        return 0
    if target.unit is Unit.COUNT and figures and (percent_points or rate_label):
        return 0
    shared = _shares_figure(target, trajectory)
    own = _words(f"{target.metric or ''} {target.statement}")
    named = _words(label) - FUNCTION_WORDS - _GENERIC
    if named and not named & own and len(figures) == 2 and not shared:
        # The table names another measure, and the target, whole without it, gives
        # none of its figures: it is not this target's path.
        return 0
    score = 1
    if shared:
        score += 1
    if _words(label) & own:
        score += 1
    return score


_PERCENT_LABEL = lazy(r"(?i)%|per\s?cent|percentage|proportion|share")
_WORD = lazy(r"[A-Za-z]{4,}")
_COMMON = frozenset({"rate", "number", "total", "per", "residents", "target", "baseline"})
_GENERIC = frozenset(
    {
        "crime",
        "offence",
        "incident",
        "recorded",
        "reported",
        "level",
        "figure",
        "result",
        "trajectory",
        "actual",
        "performance",
        "year",
        "count",
        "score",
        "index",
        "survey",
    }
)
"""Words a trajectory row's label shares with many targets' metrics ("Total Number of
Crimes"): they do not name one target over another."""


def trajectory_claim(target: Target, trajectory: Trajectory) -> tuple[int, int]:
    """What ties a trajectory table to ``target`` by name or number: the words of the
    table's row label found in the target's metric, and whether they share a figure. A
    table under one target that names another of the section belongs to that other."""
    label = _words(trajectory.label or "") - FUNCTION_WORDS - _GENERIC
    named = len(label & _words(target.metric or ""))
    return named, int(_shares_figure(target, trajectory))


def _shares_figure(target: Target, trajectory: Trajectory) -> bool:
    """True where the target's baseline or target figure is one of the table's figures."""
    values = {m.value.value for m in (*trajectory.measures, *trajectory.profile)}
    return any(m is not None and m.value.value in values for m in (target.baseline, target.target))


def _percent_label(label: str) -> bool:
    return bool(_PERCENT_LABEL.search(label))


def _words(text: str) -> set[str]:
    return {singular(w.lower()) for w in _WORD.findall(text)} - _COMMON


def _fill(stated: Measure | None, point: Measure, measures: tuple[Measure, ...]) -> Measure:
    if stated is None:
        return point
    if stated.period is not None:
        return stated
    same = next((m for m in measures if m.value.value == stated.value.value), None)
    if same is None:
        return stated
    return attrs.evolve(stated, period=same.period, label=stated.label or same.label)


def scorecard_targets(table: Table) -> list[Target]:
    """One target per row of a scorecard: a header row naming a "Target" column and a
    "Baseline", "Actual", change, trend or RAG column, a label in a column holding words, and
    figures with their periods in brackets or in the header ("Baseline 2010/11"); see
    :func:`~.indicator_tables.read_indicator_table`. Any row with words where a figure should
    be means the table is something else, and none is read."""
    reading = read_indicator_table(table)
    return list(reading.targets) if reading is not None else []
