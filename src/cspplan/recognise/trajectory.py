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
"""

from __future__ import annotations

import attrs

from ..document import Table
from ..model.plan import Target
from ..model.values import Direction, Measure, Number, Period, Unit
from ..text.numbers import parse_number
from ..text.patterns import DOTALL, IGNORECASE, lazy
from .indicators import find_indicators
from .periods import PERIOD_PATTERN, parse_period
from .targets import unit_of

__all__ = [
    "Trajectory",
    "apply_trajectory",
    "read_trajectories",
    "read_trajectory",
    "scorecard_targets",
    "targets_from_table",
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
    """

    measures: tuple[Measure, ...]
    label: str | None = None
    target_percent: Number | None = None


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
_TRAILING = lazy(
    r"(?i)^\s{0,3}(?:desired\s{1,3}|target\s{1,3})?(?:direction(?:\s{1,3}of\s{1,3}travel)?|trend|polarity"
    r"|good\s{1,3}performance|better\s{1,3}is|comments?|notes?|status|rag|lead|owner|source)\b"
)
"""Headers of columns that may follow the period columns of a table of figures."""
_TRAILING_DIRECTION = lazy(
    r"(?i)^\s{0,3}(?:desired\s{1,3}|target\s{1,3})?(?:direction|trend|polarity|good\s{1,3}performance|better)"
)
_METRIC_HEADER = lazy(
    r"(?i)^\W{0,3}(?:key\s{1,3}|performance\s{1,3})?(?:indicators?|measures?|metrics?|kpis?|pis?)\W{0,3}$"
)
"""The header of the column that names what a row counts, among several label columns."""
_OUTTURN_WORDS = lazy(r"(?i)\b(?:actual|outturn|out-turn|achieved|result|performance)\b")
_BASE_WORDS = lazy(r"(?i)\b(?:benchmark|baseline|base)\b")
_TARGET_WORD = lazy(r"(?i)target")
_LONG_NUMBER = lazy(r"\d{3,}")
"""A figure of three digits or more in a header label: the cell holds data, not a heading."""
_THREE_LETTERS = lazy(r"[A-Za-z]{3}")
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


def _header(text: str) -> tuple[Period, str | None] | None:
    match = _HEADER_PERIOD.match(text)
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
    try:
        return _across(table) or _down(table)
    except TimeoutError:
        return None


def _across(table: Table) -> Trajectory | None:
    found = _period_rows(table)
    if found is None:
        return None
    header_label, rows, _ = found
    rows = [(label, measures) for label, measures in rows if len(measures) >= _MIN_POINTS]
    if len(rows) > 1:
        # A table with a planned row and an "Actual" row: the planned row is the trajectory.
        rows = [(label, m) for label, m in rows if not _OUTTURN_WORDS.search(label or "")]
    if len(rows) != 1:
        return None
    label, measures = rows[0]
    return _trajectory(measures, label or header_label)


def read_trajectories(table: Table) -> list[Trajectory]:
    """One trajectory per row of figures under a row of periods, each labelled by its first
    cells: the layout of target tables with one indicator per row::

        Indicator                          Baseline 2007/08  2008/09  2009/10  2010/11 Target
        NI 16 Serious acquisitive crime    6,120             5,930    5,750    5,580
        NI 20 Assault with injury          2,410             2,350    2,300    2,250

    Cells with "n/a", "TBC" or "-" are skipped; a row with words among its figures means the
    table is something else, and none is read.
    """
    return [_trajectory(measures, label) for label, measures, _ in _figure_rows(table)]


def _stated_directions(table: Table) -> list[Direction | None]:
    """The direction each figure row of ``table`` states in a "Direction" column, in the
    order :func:`read_trajectories` gives its rows (``None`` where a row states none)."""
    return [_direction_word(note) for _, _, note in _figure_rows(table)]


def _figure_rows(table: Table) -> list[tuple[str | None, list[Measure], str]]:
    """Each row of a period table with two figures or more: its label, its measures and the
    direction it states (or ""); empty for any other table, or one too slow to read."""
    try:
        found = _period_rows(table)
    except TimeoutError:
        return []
    if found is None:
        return []
    _, rows, notes = found
    return [
        (label, measures, notes.get(position, ""))
        for position, (label, measures) in enumerate(rows)
        if len(measures) >= _MIN_POINTS
    ]


def _direction_word(text: str) -> Direction | None:
    words = text.lower()
    for direction, pattern in _DIRECTION_WORDS:
        if pattern.search(words):
            return direction
    return None


def _period_rows(
    table: Table,
) -> tuple[str | None, list[tuple[str | None, list[Measure]]], dict[int, str]] | None:
    """The header's own label, each figure row's label and measures, and the direction each
    row states in a "Direction" column after the periods (by row position), where one of the
    first three rows is a row of periods and every row under it holds only figures in its
    period columns; ``None`` for any other table. Columns after the periods headed
    "Direction", "Comments", "Lead" and the like are allowed and not read as figures."""
    grid = [row for row in _grid(table) if any(text for text in row.values())]
    for index, row in enumerate(grid[:_HEADER_ROWS]):
        headers = {col: _header(text) for col, text in row.items() if text}
        periods = {col: found for col, found in headers.items() if found is not None}
        if len(periods) < _MIN_POINTS:
            continue
        first = min(periods)
        last = max(periods)
        trailing = {
            col
            for col, found in headers.items()
            if found is None and col > last and _TRAILING.match(row[col])
        }
        others = sorted(
            col for col, found in headers.items() if found is None and col not in trailing
        )
        if any(col > first for col in others):
            continue
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
        rows: list[tuple[str | None, list[Measure]]] = []
        notes: dict[int, str] = {}
        for values_row in body:
            measures: list[Measure] = []
            for col, (period, _) in sorted(periods.items()):
                text = values_row.get(col, "")
                if _PLACEHOLDER.match(text):
                    continue
                value = _figure(text)
                if value is None:
                    return None
                measures.append(Measure(value=value, period=period, label=labels[col]))
            for col in trailing:
                if _TRAILING_DIRECTION.match(row[col]) and values_row.get(col):
                    notes[len(rows)] = values_row[col]
            label_text = " ".join(t for c, t in sorted(values_row.items()) if c < first and t)
            if named_col is not None and values_row.get(named_col):
                # "Outcome | Indicator | 2010/11 ...": the indicator names what is counted.
                label_text = values_row[named_col]
            if label_text and _figure(label_text) is not None:
                return None
            rows.append((label_text or None, measures))
        return header_label, rows, notes
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
    if not read_trajectories(table):
        return scorecard_targets(table)
    stated = _stated_directions(table)
    for position, trajectory in enumerate(read_trajectories(table)):
        if trajectory.label is None:
            continue
        measures = trajectory.measures
        planned = [m for m in measures if not _OUTTURN_WORDS.search(m.label or "")]
        actual = [m for m in measures if _OUTTURN_WORDS.search(m.label or "")]
        if len(planned) < _MIN_POINTS and not (
            planned and any(_before(m, planned[0]) for m in actual)
        ):
            continue
        labelled = next((m for m in planned if m.label and _BASE_WORDS.search(m.label)), None)
        earlier = [m for m in actual if _before(m, planned[0])]
        if labelled is None and earlier:
            # "2018/19 actual | 2019/20 target | ...": the last actual figure before the
            # targets is where they start from; later actual figures are outturns.
            base = earlier[-1]
            actual = [m for m in actual if m not in earlier]
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
        named = find_indicators(trajectory.label, table.source)
        indicator = named[0] if named else None
        metric = (indicator.title if indicator and indicator.title else trajectory.label).strip()
        cells = " | ".join([trajectory.label, *(m.value.text for m in measures)])
        targets.append(
            Target(
                id="",
                statement=cells,
                metric=metric or None,
                direction=direction,
                percent=trajectory.target_percent,
                unit=unit_of(trajectory.target_percent, base, goal, metric, trajectory.label),
                baseline=base,
                target=goal,
                deadline=goal.period,
                trajectory=measures,
                outturn=actual[-1] if actual else None,
                indicator=indicator,
                source=table.source,
            )
        )
    return targets


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


def _trajectory(measures: list[Measure], label: str | None) -> Trajectory:
    percent: Number | None = None
    for measure in measures:
        found = _TARGET_PERCENT.search(measure.label or "")
        if found is not None:
            percent = parse_number(found.group("pct"))
    return Trajectory(measures=tuple(measures), label=label, target_percent=percent)


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
        return target
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
    return attrs.evolve(
        target,
        trajectory=measures,
        baseline=baseline,
        target=goal,
        percent=percent,
        unit=unit,
    )


def _fill(stated: Measure | None, point: Measure, measures: tuple[Measure, ...]) -> Measure:
    if stated is None:
        return point
    if stated.period is not None:
        return stated
    same = next((m for m in measures if m.value.value == stated.value.value), None)
    if same is None:
        return stated
    return attrs.evolve(stated, period=same.period, label=stated.label or same.label)


_SCORE_HEADERS = {
    "baseline": lazy(r"(?i)^\s{0,3}(?:baseline|benchmark|base\s{1,3}line|starting\s{1,3}point)\b"),
    "target": lazy(
        r"(?i)^\s{0,3}(?:end\s{1,3}|final\s{1,3}|annual\s{1,3})?target\b(?!\s{1,3}dates?)"
    ),
    "actual": lazy(r"(?i)^\s{0,3}(?:actual|outturn|out-turn|achieved|latest|result)\b"),
}
_SCORE_CELL = lazy(
    r"^\s{0,3}(?P<value>(?:£\s{0,2})?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.\d{1,4})?\s{0,2}%?)"
    r"\s{0,3}(?:\(\s{0,2}(?P<period>[^()]{2,30})\s{0,2}\))?\s{0,3}$"
)


def scorecard_targets(table: Table) -> list[Target]:
    """One target per row of a scorecard: a header row naming a "Baseline" column and a
    "Target" column (an "Actual"/"Outturn" column and a "Direction" column optional), a label
    in the first column holding words, and in each row a figure in both columns, each with
    its period in brackets or in the header ("Baseline 2010/11"). Any row with words where a
    figure should be means the table is something else, and none is read."""
    try:
        return _scorecard_targets(table)
    except TimeoutError:
        return []


def _scorecard_targets(table: Table) -> list[Target]:
    grid = [row for row in _grid(table) if any(text for text in row.values())]
    for index, header in enumerate(grid[:_HEADER_ROWS]):
        columns: dict[str, int] = {}
        for col, text in sorted(header.items()):
            for kind, pattern in _SCORE_HEADERS.items():
                if kind not in columns and pattern.match(text):
                    columns[kind] = col
        if "baseline" not in columns or "target" not in columns:
            continue
        figures = set(columns.values())
        direction_col = next(
            (c for c, t in header.items() if c not in figures and _TRAILING_DIRECTION.match(t)),
            None,
        )
        targets: list[Target] = []
        for row in grid[index + 1 :]:
            label_col = next(
                (
                    c
                    for c, t in sorted(row.items())
                    if c < min(figures) and _THREE_LETTERS.search(t)
                ),
                None,
            )
            cells = {
                kind: _score_cell(row.get(col, ""), header[col]) for kind, col in columns.items()
            }
            if label_col is None or cells["baseline"] is None or cells["target"] is None:
                if any(row.get(col, "") and not _PLACEHOLDER.match(row[col]) for col in figures):
                    return []
                continue
            base, goal = cells["baseline"], cells["target"]
            assert base is not None and goal is not None
            label = row[label_col]
            stated = (
                _direction_word(row.get(direction_col, "")) if direction_col is not None else None
            )
            direction = stated
            if direction is None and goal.value.value != base.value.value:
                direction = (
                    Direction.REDUCE if goal.value.value < base.value.value else Direction.INCREASE
                )
            named = find_indicators(label, table.source)
            indicator = named[0] if named else None
            metric = (indicator.title if indicator and indicator.title else label).strip()
            targets.append(
                Target(
                    id="",
                    statement=" | ".join(t for _, t in sorted(row.items()) if t),
                    metric=metric or None,
                    direction=direction,
                    unit=unit_of(None, base, goal, metric, label),
                    baseline=base,
                    target=goal,
                    deadline=goal.period,
                    outturn=cells.get("actual"),
                    indicator=indicator,
                    source=table.source,
                )
            )
        return targets
    return []


def _score_cell(text: str, header: str) -> Measure | None:
    match = _SCORE_CELL.match(text)
    if match is None:
        return None
    value = parse_number(" ".join(match.group("value").split()))
    if value is None:
        return None
    written = match.group("period")
    period = parse_period(written.strip()) if written else None
    if period is None:
        found = PERIOD_PATTERN.search(header)
        period = parse_period(found.group(0)) if found else None
    return Measure(value=value, period=period)
