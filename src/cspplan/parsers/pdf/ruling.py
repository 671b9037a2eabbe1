"""Ruled tables from a page's edges: pdfplumber's ``lines`` table finder, made fast.

pdfplumber's :class:`~pdfplumber.table.TableFinder` snaps nearby rules together, joins
collinear pieces, finds where horizontal and vertical rules cross and reads cells off those
crossings. It copies a dictionary for every edge it moves, tests every vertical rule
against every horizontal one and, for every crossing, scans every later crossing; on a
page with a ruled table that is a third of the page's reading time. :func:`find_tables`
does the same steps on plain tuples -- crossings by sorting and bisecting, cells by
looking only along the crossing's own column and row -- and gives the same cells in the
same order, down to the last bit of every coordinate (it repeats pdfplumber's arithmetic
as pdfplumber writes it, since a snapped position depends on the order of the sum).

Only the ``lines`` and ``lines_strict`` strategies are done here; :func:`supported` says
whether a set of table settings can be, and the caller leaves the rest to pdfplumber.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

__all__ = ["FoundTable", "find_tables", "supported"]

BBox = tuple[float, float, float, float]
Point = tuple[float, float]

_Edge = tuple[float, float, float, float, float]
"""``(x0, top, x1, bottom, length)``: a rule's box and its length as pdfplumber keeps it
(the ``height`` of a vertical edge, the ``width`` of a horizontal one), which is not always
recomputed from the box."""

_LINE_STRATEGIES = ("lines", "lines_strict")


@attrs.frozen(slots=True)
class FoundTable:
    """One table the finder found: its cells as pdfplumber's ``Table.cells`` lists them.

    Attributes:
        cells: Cell boxes ``(x0, top, x1, bottom)``, in the order pdfplumber gives them.
    """

    cells: list[BBox]


def supported(settings: Any) -> bool:
    """True where resolved pdfplumber ``TableSettings`` ask only for what
    :func:`find_tables` does: ruling-line strategies, with explicit extra lines given as
    positions or as line and edge dictionaries."""
    if settings.vertical_strategy not in _LINE_STRATEGIES:
        return False
    if settings.horizontal_strategy not in _LINE_STRATEGIES:
        return False
    for lines in (settings.explicit_vertical_lines, settings.explicit_horizontal_lines):
        for desc in lines or ():
            if isinstance(desc, Mapping):
                kind = desc.get("object_type")
                if not isinstance(kind, str) or not (kind == "line" or "_edge" in kind):
                    return False
            elif not isinstance(desc, (int, float)):
                return False
    return True


def find_tables(
    edges: Sequence[Mapping[str, Any]], settings: Any, page_bbox: BBox
) -> list[FoundTable] | None:
    """The tables pdfplumber's ``TableFinder`` finds on a page with these ``edges`` (its
    ``edges`` dictionaries) and resolved ``TableSettings`` (which :func:`supported` must
    accept); ``page_bbox`` places explicit lines given as bare positions. ``None`` where a
    rule has a coordinate that is not a finite number, which sorting cannot order as
    pdfplumber's pairwise tests treat it: the caller asks pdfplumber."""
    vertical = _base_edges(edges, "v", settings.vertical_strategy, settings)
    vertical += _explicit(settings.explicit_vertical_lines, "v", page_bbox)
    horizontal = _base_edges(edges, "h", settings.horizontal_strategy, settings)
    horizontal += _explicit(settings.explicit_horizontal_lines, "h", page_bbox)
    # One sum tells: it is finite only if every coordinate is (or, past 1e308, it sends a
    # page of finite but absurd rules to pdfplumber, which is only slower).
    if not math.isfinite(sum(map(sum, vertical)) + sum(map(sum, horizontal))):
        return None
    if settings.snap_x_tolerance > 0 or settings.snap_y_tolerance > 0:
        vertical = _snap(vertical, 0, settings.snap_x_tolerance)
        horizontal = _snap(horizontal, 1, settings.snap_y_tolerance)
    minimum = settings.edge_min_length
    vertical = [e for e in _join(vertical, 0, settings.join_y_tolerance) if e[4] >= minimum]
    horizontal = [e for e in _join(horizontal, 1, settings.join_x_tolerance) if e[4] >= minimum]
    crossings = _intersections(
        vertical,
        horizontal,
        settings.intersection_x_tolerance,
        settings.intersection_y_tolerance,
    )
    return [FoundTable(cells) for cells in _cells_to_tables(_cells(crossings))]


# --- edges --------------------------------------------------------------------------------


def _base_edges(
    edges: Iterable[Mapping[str, Any]], orientation: str, strategy: str, settings: Any
) -> list[_Edge]:
    """The page's edges of one orientation, as ``utils.filter_edges`` keeps them."""
    dim = "height" if orientation == "v" else "width"
    strict = strategy == "lines_strict"
    minimum = settings.edge_min_length_prefilter
    return [
        (e["x0"], e["top"], e["x1"], e["bottom"], e[dim])
        for e in edges
        if e["orientation"] == orientation
        and (not strict or e["object_type"] == "line")
        and e[dim] >= minimum
    ]


def _explicit(lines: Sequence[Any] | None, orientation: str, page_bbox: BBox) -> list[_Edge]:
    """Explicit extra lines of one orientation: a bare position runs across the page."""
    out: list[_Edge] = []
    dim = "height" if orientation == "v" else "width"
    for desc in lines or ():
        if isinstance(desc, Mapping):
            if "_edge" in desc["object_type"]:
                facing = desc["orientation"]
            else:  # a line: pdfplumber's line_to_edge
                facing = "h" if desc["top"] == desc["bottom"] else "v"
            if facing == orientation:
                out.append((desc["x0"], desc["top"], desc["x1"], desc["bottom"], desc[dim]))
        elif orientation == "v":
            out.append((desc, page_bbox[1], desc, page_bbox[3], page_bbox[3] - page_bbox[1]))
        else:
            out.append((page_bbox[0], desc, page_bbox[2], desc, page_bbox[2] - page_bbox[0]))
    return out


def _clusters(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """Each distinct value's cluster: sorted values chained within ``tolerance`` of the
    previous one (pdfplumber's ``cluster_list``, and its ``make_cluster_dict``)."""
    ordered = sorted(set(values))
    out: dict[float, int] = {}
    if tolerance == 0 or len(ordered) < 2:
        return {value: index for index, value in enumerate(ordered)}
    index = 0
    last = ordered[0]
    for value in ordered:
        if value > last + tolerance:
            index += 1
        out[value] = index
        last = value
    return out


def _snap(edges: list[_Edge], key: int, tolerance: float) -> list[_Edge]:
    """Edges within ``tolerance`` of each other across their length moved to their mean
    position (``key`` 0: vertical edges by ``x0``; 1: horizontal ones by ``top``), cluster
    by cluster as pdfplumber's ``snap_objects`` orders them."""
    if not edges:
        return []
    cluster = _clusters([e[key] for e in edges], tolerance)
    groups: dict[int, list[_Edge]] = {}
    for edge in edges:
        groups.setdefault(cluster[edge[key]], []).append(edge)
    out: list[_Edge] = []
    for index in sorted(groups):
        group = groups[index]
        mean = sum([e[key] for e in group]) / len(group)
        for x0, top, x1, bottom, length in group:
            if key == 0:
                shift = mean - x0
                out.append((x0 + shift, top, x1 + shift, bottom, length))
            else:
                shift = mean - top
                out.append((x0, top + shift, x1, bottom + shift, length))
    return out


def _join(edges: list[_Edge], key: int, tolerance: float) -> list[_Edge]:
    """Collinear edges (the same ``x0`` for vertical ones, ``key`` 0; the same ``top`` for
    horizontal ones, ``key`` 1) that overlap or lie within ``tolerance`` end to end joined
    into one, as pdfplumber's ``merge_edges`` and ``join_edge_group`` join them."""
    start, end = (1, 3) if key == 0 else (0, 2)
    out: list[_Edge] = []
    ordered = sorted(edges, key=lambda e: e[key])
    i = 0
    while i < len(ordered):
        j = i + 1
        position = ordered[i][key]
        while j < len(ordered) and ordered[j][key] == position:
            j += 1
        group = sorted(ordered[i:j], key=lambda e: e[start])
        joined = [group[0]]
        for edge in group[1:]:
            last = joined[-1]
            if edge[start] <= last[end] + tolerance:
                if edge[end] > last[end]:
                    joined[-1] = _extend(last, key, edge[end])
            else:
                joined.append(edge)
        out.extend(joined)
        i = j
    return out


def _extend(edge: _Edge, key: int, value: float) -> _Edge:
    """``edge`` run on to ``value`` (pdfplumber's ``resize_object`` of its ``bottom`` or
    ``x1``): a vertical edge's height grows by the difference, a horizontal one's width is
    measured again."""
    x0, top, x1, bottom, length = edge
    if key == 0:
        return (x0, top, x1, value, length + (value - bottom))
    return (x0, top, value, bottom, value - x0)


# --- crossings and cells ------------------------------------------------------------------


_Crossings = dict[Point, tuple[set[int], set[int]]]
"""Each crossing point with the vertical and the horizontal edges through it (as indices
of distinct edge boxes: pdfplumber tells edges apart by their boxes)."""


def _intersections(
    vertical: list[_Edge], horizontal: list[_Edge], x_tolerance: float, y_tolerance: float
) -> _Crossings:
    """Where vertical and horizontal edges cross, within the tolerances (pdfplumber's
    ``edges_to_intersections``). Horizontal edges are sorted by ``top`` and each vertical
    edge meets only those in its span, found by bisecting."""
    ids: dict[BBox, int] = {}
    crossings: _Crossings = {}
    across = sorted(horizontal, key=lambda e: (e[1], e[0]))
    h_ids = [ids.setdefault(e[:4], len(ids)) for e in across]
    # Adding a constant keeps floating-point order, so these are sorted too, and bisecting
    # them applies pdfplumber's two tests on ``top`` exactly as it writes them.
    reach_down = [e[1] + y_tolerance for e in across]
    reach_up = [e[1] - y_tolerance for e in across]
    for v in vertical:
        vx, vtop, vbottom = v[0], v[1], v[3]
        v_id = ids.setdefault(v[:4], len(ids))
        lo = bisect.bisect_left(reach_down, vtop)  # the first with vtop <= top + tolerance
        hi = bisect.bisect_right(reach_up, vbottom)  # the first with vbottom < top - tolerance
        for k in range(lo, hi):
            h = across[k]
            if (
                vtop <= h[1] + y_tolerance
                and vbottom >= h[1] - y_tolerance
                and vx >= h[0] - x_tolerance
                and vx <= h[2] + x_tolerance
            ):
                entry = crossings.get((vx, h[1]))
                if entry is None:
                    entry = crossings[(vx, h[1])] = (set(), set())
                entry[0].add(v_id)
                entry[1].add(h_ids[k])
    return crossings


def _cells(crossings: _Crossings) -> list[BBox]:
    """The smallest cell each crossing is the top-left corner of, crossing by crossing in
    sorted order (pdfplumber's ``intersections_to_cells``): below it and to its right
    along shared edges, with the fourth corner joined to both."""
    points = sorted(crossings)
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in points:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    place_in_column: dict[Point, int] = {}
    for column in columns.values():
        for index, point in enumerate(column):
            place_in_column[point] = index
    place_in_row: dict[Point, int] = {}
    for row in rows.values():
        for index, point in enumerate(row):
            place_in_row[point] = index
    cells: list[BBox] = []
    for point in points[:-1]:
        verticals, horizontals = crossings[point]
        below = columns[point[0]][place_in_column[point] + 1 :]
        right = rows[point[1]][place_in_row[point] + 1 :]
        cell = _smallest_cell(point, verticals, horizontals, below, right, crossings)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    point: Point,
    verticals: set[int],
    horizontals: set[int],
    below: Sequence[Point],
    right: Sequence[Point],
    crossings: _Crossings,
) -> BBox | None:
    """pdfplumber's ``find_smallest_cell`` for one crossing."""
    if not right:
        return None
    for below_point in below:
        under = crossings[below_point]
        if verticals.isdisjoint(under[0]):
            continue
        for right_point in right:
            beside = crossings[right_point]
            if horizontals.isdisjoint(beside[1]):
                continue
            corner = crossings.get((right_point[0], below_point[1]))
            if (
                corner is not None
                and not corner[0].isdisjoint(beside[0])
                and not corner[1].isdisjoint(under[1])
            ):
                return (point[0], point[1], right_point[0], below_point[1])
    return None


def _corners(cell: BBox) -> tuple[Point, Point, Point, Point]:
    x0, top, x1, bottom = cell
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def _cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """Cells grouped into tables by shared corners, as pdfplumber's ``cells_to_tables``
    groups and orders them (pass after pass over the cells left, in their order, until a
    pass adds none), top to bottom, then left to right; a table of one cell is dropped."""
    remaining = list(cells)
    tables: list[list[BBox]] = []
    corners: set[Point] = set()
    current: list[BBox] = []
    while remaining:
        before = len(current)
        left: list[BBox] = []
        for cell in remaining:
            mine = _corners(cell)
            if not current or any(c in corners for c in mine):
                corners.update(mine)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(current)
            corners = set()
            current = []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]
