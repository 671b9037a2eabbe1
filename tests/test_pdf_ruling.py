"""The ruled-table finder of the pdfium backend gives pdfplumber's cells on the same edges."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfplumber.table import TableFinder, TableSettings

from cspplan.parsers.pdf.pdfium import _box
from cspplan.parsers.pdf.ruling import find_tables, supported

PAGE = (0.0, 0.0, 612.0, 792.0)
Cells = list[list[tuple[float, float, float, float]]]


class _Page:
    """What pdfplumber's TableFinder reads of a page for the ruling-line strategies."""

    def __init__(self, edges: list[dict[str, Any]]) -> None:
        self.edges = edges
        self.bbox = PAGE


def _edge(kind: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    """An edge as PdfiumPage makes it."""
    edge = _box(kind, x0, top, x1, bottom)
    edge["orientation"] = "h" if top == bottom else "v" if x0 == x1 else None
    return edge


def hline(x0: float, x1: float, y: float, kind: str = "line") -> dict[str, Any]:
    """A horizontal rule."""
    return _edge(kind, x0, y, x1, y)


def vline(x: float, top: float, bottom: float, kind: str = "line") -> dict[str, Any]:
    """A vertical rule."""
    return _edge(kind, x, top, x, bottom)


def rect(x0: float, top: float, x1: float, bottom: float) -> list[dict[str, Any]]:
    """A rectangle's four edges, as pdfplumber's rect_to_edges makes them."""
    return [
        hline(x0, x1, top, "rect_edge"),
        hline(x0, x1, bottom, "rect_edge"),
        vline(x0, top, bottom, "rect_edge"),
        vline(x1, top, bottom, "rect_edge"),
    ]


def grid(xs: list[float], ys: list[float]) -> list[dict[str, Any]]:
    """A full grid of rules through every x and y."""
    return [hline(xs[0], xs[-1], y) for y in ys] + [vline(x, ys[0], ys[-1]) for x in xs]


def both(
    edges: list[dict[str, Any]], table_settings: dict[str, Any] | None = None
) -> tuple[Cells, Cells]:
    """The cells of each table found by pdfplumber and by ours, on the same edges."""
    resolved = TableSettings.resolve(table_settings)
    theirs = [t.cells for t in TableFinder(_Page(edges), resolved).tables]  # type: ignore[arg-type]
    assert supported(resolved)
    found = find_tables(edges, resolved, PAGE)
    assert found is not None
    return theirs, [t.cells for t in found]


def test_full_grid() -> None:
    theirs, ours = both(grid([50.0, 150.0, 300.0, 450.0], [100.0, 120.0, 160.0, 200.0, 260.0]))
    assert len(ours) == 1 and len(ours[0]) == 12
    assert ours == theirs


def test_grid_of_cell_rectangles() -> None:
    # How Word's export draws a table: each cell its own rectangle, neighbours sharing
    # borders, some borders off by a fraction of a point.
    edges: list[dict[str, Any]] = []
    xs, ys = [40.0, 140.2, 260.0, 380.1], [90.0, 110.0, 150.3, 190.0]
    for r in range(3):
        for c in range(3):
            edges += rect(xs[c] + 0.1 * r, ys[r], xs[c + 1], ys[r + 1] - 0.05 * c)
    theirs, ours = both(edges)
    assert len(ours) == 1 and len(ours[0]) == 9
    assert ours == theirs


def test_merged_cells() -> None:
    xs, ys = [50.0, 150.0, 250.0, 350.0], [100.0, 130.0, 160.0, 190.0]
    edges = [hline(xs[0], xs[-1], y) for y in ys]
    edges += [vline(xs[0], ys[0], ys[-1]), vline(xs[-1], ys[0], ys[-1])]
    # The middle row spans the last two columns; the first column spans the last two rows.
    edges += [vline(xs[1], ys[0], ys[-1]), vline(xs[2], ys[0], ys[1]), vline(xs[2], ys[2], ys[3])]
    edges = [e for e in edges if not (e["top"] == ys[2] and e["orientation"] == "h")]
    edges += [hline(xs[1], xs[-1], ys[2])]
    theirs, ours = both(edges)
    assert ours == theirs
    assert (xs[1], ys[1], xs[3], ys[2]) in ours[0]
    assert (xs[0], ys[1], xs[1], ys[3]) in ours[0]


def test_two_tables_on_a_page() -> None:
    edges = grid([50.0, 200.0, 400.0], [80.0, 100.0, 140.0])
    edges += grid([60.0, 120.0, 300.0, 500.0], [400.0, 430.0, 470.0, 520.0])
    theirs, ours = both(edges)
    assert [len(t) for t in ours] == [4, 9]
    assert ours == theirs


def test_near_miss_lines_within_tolerance() -> None:
    # Rules a point or two off their neighbours, and pieces with small gaps between them:
    # snapped and joined into one grid.
    edges = [
        hline(50.0, 120.0, 100.0),
        hline(121.5, 300.0, 101.2),
        hline(49.0, 301.0, 140.0),
        hline(50.0, 300.0, 181.9),
        vline(50.0, 100.0, 182.0),
        vline(51.4, 99.0, 140.0),
        vline(175.0, 100.0, 150.0),
        vline(176.0, 152.0, 182.0),
        vline(300.0, 100.0, 182.0),
    ]
    theirs, ours = both(edges)
    assert len(ours) == 1 and len(ours[0]) == 4
    assert ours == theirs


def test_lines_just_outside_tolerance() -> None:
    edges = [
        hline(50.0, 300.0, 100.0),
        hline(50.0, 300.0, 140.0),
        hline(50.0, 300.0, 180.0),
        vline(50.0, 100.0, 180.0),
        vline(300.0, 100.0, 180.0),
        vline(175.0, 100.0, 130.0),
        vline(175.0, 134.5, 180.0),  # a gap wider than the join tolerance
        vline(180.0, 141.0, 150.0),  # too far from the column to snap to it
    ]
    theirs, ours = both(edges)
    assert ours == theirs


@pytest.mark.parametrize(
    "edges",
    [
        [],
        [hline(50.0, 300.0, 100.0), hline(50.0, 300.0, 200.0)],
        rect(50.0, 100.0, 300.0, 200.0),  # a framed paragraph: one cell, no table
        [vline(50.0, 100.0, 300.0), _edge("curve_edge", 50.0, 100.0, 300.0, 300.0)],
    ],
)
def test_no_tables(edges: list[dict[str, Any]]) -> None:
    theirs, ours = both(edges)
    assert ours == theirs == []


@pytest.mark.parametrize(
    "table_settings",
    [
        {"snap_tolerance": 0},
        {"snap_x_tolerance": 0, "snap_y_tolerance": 5},
        {"join_tolerance": 0, "intersection_tolerance": 1},
        {"join_x_tolerance": 6, "intersection_y_tolerance": 0.5},
        {"edge_min_length": 45, "edge_min_length_prefilter": 20},
        {"vertical_strategy": "lines_strict", "horizontal_strategy": "lines_strict"},
        {"explicit_vertical_lines": [120.0, 330]},
        {"explicit_horizontal_lines": [hline(40.0, 360.0, 230.0), 260]},
    ],
)
def test_table_settings_are_honoured(table_settings: dict[str, Any]) -> None:
    edges = [
        hline(50.0, 120.0, 100.0),
        hline(121.5, 300.0, 101.2),
        hline(49.0, 301.0, 140.0),
        *rect(50.2, 140.4, 175.0, 182.0),
        *rect(175.3, 140.0, 300.0, 181.7),
        vline(50.0, 100.0, 230.0),
        vline(300.0, 100.0, 230.0),
        vline(175.5, 99.0, 141.0),
    ]
    theirs, ours = both(edges, table_settings)
    assert ours == theirs
    assert ours


def test_other_strategies_are_left_to_pdfplumber() -> None:
    assert not supported(TableSettings.resolve({"vertical_strategy": "text"}))
    assert not supported(TableSettings.resolve({"horizontal_strategy": "explicit"}))
    curve = {"object_type": "curve", "pts": [(0, 0), (1, 1)]}
    assert not supported(TableSettings.resolve({"explicit_vertical_lines": [curve]}))
    assert supported(TableSettings.resolve({"explicit_vertical_lines": [hline(0, 1, 2)]}))


def test_a_coordinate_that_is_not_a_number_is_left_to_pdfplumber() -> None:
    odd = {**vline(0.0, 0.0, 50.0), "x0": float("nan"), "x1": float("nan")}
    edges = [*grid([50.0, 150.0, 300.0], [100.0, 120.0, 160.0]), odd]
    assert find_tables(edges, TableSettings.resolve(None), PAGE) is None


_positions = st.lists(
    st.floats(min_value=20.0, max_value=560.0, allow_nan=False), min_size=2, max_size=6
)


@st.composite
def ruled_pages(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Grids with rules left out, cut into pieces and nudged off their positions."""
    xs = sorted(draw(_positions))
    ys = sorted(draw(_positions))
    nudge = st.sampled_from([0.0, 0.0, 0.3, -0.7, 1.5, 2.9, -3.2, 5.0])
    edges: list[dict[str, Any]] = []
    for y in ys:
        for a, b in itertools.pairwise(xs):
            if draw(st.integers(0, 5)):
                edges.append(hline(a + draw(nudge), b + draw(nudge), y + draw(nudge)))
    for x in xs:
        for a, b in itertools.pairwise(ys):
            if draw(st.integers(0, 5)):
                edges.append(vline(x + draw(nudge), a + draw(nudge), b + draw(nudge)))
    for _ in range(draw(st.integers(0, 3))):
        x0, top = draw(st.sampled_from(xs)), draw(st.sampled_from(ys))
        edges += rect(x0, top, x0 + draw(st.floats(1.0, 200.0)), top + draw(st.floats(1.0, 90.0)))
    # Keep only well-formed edges (a nudge may have turned one inside out).
    return [e for e in edges if e["x0"] <= e["x1"] and e["top"] <= e["bottom"]]


_tolerances = st.fixed_dictionaries(
    {},
    optional={
        "snap_tolerance": st.sampled_from([0, 1, 3, 4.5]),
        "join_tolerance": st.sampled_from([0, 1, 3, 6]),
        "intersection_tolerance": st.sampled_from([0, 1, 3, 5]),
        "edge_min_length": st.sampled_from([0, 3, 20]),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ruled_pages(), _tolerances)
def test_same_cells_as_pdfplumber_on_random_grids(
    edges: list[dict[str, Any]], table_settings: dict[str, Any]
) -> None:
    theirs, ours = both(edges, table_settings)
    assert ours == theirs
