"""A target's figures as an inline SVG chart, drawn by hand so the report needs no script.

The chart puts the periods along the bottom in time order and the figures up the side. A
dashed straight line joins the baseline to the target: the even path a plan's yearly
milestones are usually meant to follow. The trajectory is drawn as a solid line with round
points, an outturn as a diamond, the target as a square with its figure written beside it,
and a finding as a triangle with its rule code, so no mark depends on colour alone.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal

import attrs
from markupsafe import Markup, escape

from ..model.plan import Target
from ..model.values import Measure, Period
from ..validate import Finding

__all__ = ["Point", "chart_points", "target_chart"]

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 72, 24, 48


@attrs.frozen(slots=True)
class Point:
    """One figure placed on a chart.

    Attributes:
        role: ``baseline``, ``trajectory``, ``target`` or ``outturn``.
        value: The figure's value.
        text: The figure as printed.
        period: The period's text, or the role where the plan gives no period.
        order: Where the period falls in time, for sorting; ``None`` where unknown.
    """

    role: str
    value: Decimal
    text: str
    period: str
    order: dt.date | None


def _point(role: str, measure: Measure, fallback: Period | None = None) -> Point:
    period = measure.period or fallback
    return Point(
        role,
        measure.value.value,
        measure.value.text,
        period.text if period else role,
        (period.end or period.start) if period else None,
    )


def chart_points(target: Target) -> list[Point]:
    """The figures a target's chart shows: baseline, trajectory, target and outturn."""
    points: list[Point] = []
    if target.baseline is not None:
        points.append(_point("baseline", target.baseline))
    points += [_point("trajectory", m) for m in target.trajectory]
    if target.target is not None:
        points.append(_point("target", target.target, target.deadline))
    if target.outturn is not None:
        points.append(_point("outturn", target.outturn))
    return points


def _columns(points: Sequence[Point]) -> list[str]:
    """The periods along the x axis, in time order where dates are known; a baseline with
    no period comes first and a target with none last."""
    known: dict[str, dt.date | None] = {}
    for point in points:
        if point.period not in known or known[point.period] is None:
            known[point.period] = point.order
    first = [p for p in known if p == "baseline"]
    last = [p for p in known if p in ("target", "outturn")]
    middle = [p for p in known if p not in first and p not in last]
    dated = sorted(
        (p for p in middle if known[p] is not None), key=lambda p: known[p] or dt.date.min
    )
    undated = [p for p in middle if known[p] is None]
    return first + dated + undated + last


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    if high <= low:
        return [low]
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.2g}"


def _marker(role: str, x: float, y: float) -> str:
    if role == "target":
        return f'<rect class="mark target" x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12"/>'
    if role == "outturn":
        return (
            f'<path class="mark outturn" d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f}'
            f' L{x:.1f} {y + 7:.1f} L{x - 7:.1f} {y:.1f} Z"/>'
        )
    return f'<circle class="mark {role}" cx="{x:.1f}" cy="{y:.1f}" r="4.5"/>'


def _finding_point(finding: Finding, points: Sequence[Point]) -> Point | None:
    """The point a finding is about: the one printing its stated figure, else the target."""
    if finding.stated is not None:
        for point in points:
            if point.text == finding.stated.text:
                return point
    return next((p for p in points if p.role == "target"), points[-1] if points else None)


def describe(target: Target, points: Sequence[Point], findings: Sequence[Finding]) -> str:
    """The chart in words, for its ``<desc>`` and for readers who cannot see it."""
    parts = [f"{p.role} {p.text} ({p.period})" for p in points]
    text = "Figures: " + "; ".join(parts) + "."
    baseline = next((p for p in points if p.role == "baseline"), None)
    goal = next((p for p in points if p.role == "target"), None)
    if baseline and goal:
        text += f" The dashed line runs straight from the baseline {baseline.text} to the target {goal.text}."
    if findings:
        text += (
            " Findings marked: " + ", ".join(f"{f.code} {f.severity.value}" for f in findings) + "."
        )
    return text


def target_chart(target: Target, findings: Sequence[Finding], anchor: str) -> Markup | None:
    """The SVG chart of ``target`` with ``findings`` marked, or ``None`` where the target has
    no figure to draw. ``anchor`` makes the chart's element ids unique in the page."""
    points = chart_points(target)
    if not points:
        return None
    columns = _columns(points)
    values = [float(p.value) for p in points]
    low, high = min(values), max(values)
    span = high - low or max(abs(high), 1.0) * 0.2
    low, high = low - span * 0.15, high + span * 0.15
    if min(values) >= 0 > low:
        low = 0.0
    ticks = _ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(period: str) -> float:
        if len(columns) == 1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * columns.index(period) / (len(columns) - 1)

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    out = [
        f'<svg class="chart" data-points="{len(points)}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{anchor}-t {anchor}-d"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{anchor}-t">{escape(target.metric or target.statement)}: figures by period</title>',
        f'<desc id="{anchor}-d">{escape(describe(target, points, findings))}</desc>',
    ]
    for tick in ticks:
        y = y_of(tick)
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        out.append(
            f'<text class="tick" x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{_fmt(tick)}</text>'
        )
    for period in columns:
        out.append(
            f'<text class="tick" x="{x_of(period):.1f}" y="{HEIGHT - BOTTOM + 18}"'
            f' text-anchor="middle">{escape(period)}</text>'
        )
    out.append(
        f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
    )
    baseline = next((p for p in points if p.role == "baseline"), None)
    goal = next((p for p in points if p.role == "target"), None)
    if baseline and goal:
        out.append(
            f'<line class="straight" x1="{x_of(baseline.period):.1f}" y1="{y_of(float(baseline.value)):.1f}"'
            f' x2="{x_of(goal.period):.1f}" y2="{y_of(float(goal.value)):.1f}"/>'
        )
    # The solid line joins only what the plan gives as its path; the target stands apart as
    # a square, so a trajectory that stops short of it shows as a gap, not a made-up line.
    path = [p for p in points if p.role in ("baseline", "trajectory")]
    path.sort(key=lambda p: columns.index(p.period))
    if len(path) > 1:
        coords = " ".join(f"{x_of(p.period):.1f},{y_of(float(p.value)):.1f}" for p in path)
        out.append(f'<polyline class="trajectory" points="{coords}"/>')
    for point in points:
        x, y = x_of(point.period), y_of(float(point.value))
        out.append(_marker(point.role, x, y))
        if point.role in ("target", "baseline", "outturn"):
            dy = -12 if point.role != "outturn" else 20
            # At the plot's edges the label runs inwards, clear of the axis figures.
            anchor_to = "start" if x <= LEFT + 1 else "end" if x >= WIDTH - RIGHT - 1 else "middle"
            out.append(
                f'<text class="label" x="{x:.1f}" y="{y + dy:.1f}" text-anchor="{anchor_to}">'
                f"{escape(point.role)} {escape(point.text)}</text>"
            )
    for n, finding in enumerate(findings):
        at = _finding_point(finding, points)
        if at is None:
            continue
        x, y = x_of(at.period), y_of(float(at.value)) + 16 + 14 * n
        out.append(
            f'<path class="mark finding {finding.severity.value}" d="M{x:.1f} {y - 7:.1f}'
            f' L{x + 7:.1f} {y + 5:.1f} L{x - 7:.1f} {y + 5:.1f} Z"/>'
        )
        out.append(
            f'<text class="label finding" x="{x + 10:.1f}" y="{y + 4:.1f}">'
            f"{escape(finding.code)} {escape(finding.severity.value)}</text>"
        )
    out.append("</svg>")
    return Markup("\n".join(out))
