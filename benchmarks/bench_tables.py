"""Table structure on the project's own table fixtures: cspplan beside pdfplumber.

Builds every fixture of ``tests/fixtures/build_tables.py`` (one kind of table each: fully
ruled, a rule under the header only, shaded rows, group titles inside, rows at the plain
line pitch, columns closer than an em, signs and dashes in cells), reads each with
``cspplan.parse_document`` and with pdfplumber's ``extract_tables()`` on the same pages in
the same run, and prints cell accuracy and token F1 per fixture, per kind and over all
(see ``tests/fixtures/table_score.py`` for how they are counted).

    python benchmarks/bench_tables.py [--show NAME]

``--show NAME`` prints the cells cspplan found in one fixture. ``--picture NAME PNG``
draws the first page of one fixture with the cells cspplan found boxed on it (the picture
in docs/pdf.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from build_tables import CASES, KINDS, build_cases  # noqa: E402
from table_score import (  # noqa: E402
    Score,
    cspplan_tables,
    pdfplumber_tables,
    score_tables,
)

import cspplan  # noqa: E402


def draw_cells(path: Path, out: Path, scale: float = 2.0) -> None:
    """Write a PNG of ``path``'s first page with each table cell cspplan found boxed in
    red, cropped to the page's text."""
    import pypdfium2
    from PIL import ImageDraw

    document = cspplan.parse_document(path)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        image = pdf[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        pdf.close()
    draw = ImageDraw.Draw(image)
    boxes = [
        cell.source.bbox
        for table in document.iter_tables()
        for row in table.rows
        for cell in row.cells
        if cell.source.bbox is not None and cell.source.page in (None, 1)
    ]
    for x0, top, x1, bottom in boxes:
        draw.rectangle(
            [x0 * scale - 2, top * scale - 2, x1 * scale + 2, bottom * scale + 2],
            outline=(220, 30, 30),
            width=2,
        )
    if boxes:
        left = min(b[0] for b in boxes) * scale - 40
        right = max(b[2] for b in boxes) * scale + 40
        bottom = max(b[3] for b in boxes) * scale + 80
        image = image.crop((max(0, int(left)), 0, min(image.width, int(right)), int(bottom)))
    image.save(out, optimize=True)


def _total(scores: Sequence[Score]) -> Score:
    cells = sum(s.cells for s in scores)
    return Score(
        cells=cells,
        matched=sum(s.matched for s in scores),
        token_f1=sum(s.token_f1 * s.cells for s in scores) / cells if cells else 1.0,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Build the fixtures, score both readers and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", help="print the cells cspplan finds in this fixture")
    parser.add_argument(
        "--picture", nargs=2, metavar=("NAME", "PNG"), help="draw a fixture's detected cells"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_cases(Path(tmp))
        if args.picture:
            draw_cells(paths[args.picture[0]], Path(args.picture[1]))
            return 0
        if args.show:
            for table in cspplan_tables(paths[args.show]):
                for row in table:
                    print(" | ".join(c or "" for c in row))
                print("--")
            return 0
        results: dict[str, tuple[Score, Score]] = {}
        for name, path in paths.items():
            expected = CASES[name].expected
            results[name] = (
                score_tables(expected, cspplan_tables(path)),
                score_tables(expected, pdfplumber_tables(path)),
            )
    header = f"{'fixture':<14} {'kind':<13} {'cells':>5}  {'cspplan acc':>11} {'F1':>5}"
    print(f"{header}  {'pdfplumber acc':>14} {'F1':>5}")
    for name, (ours, theirs) in results.items():
        print(
            f"{name:<14} {CASES[name].kind:<13} {ours.cells:>5}  {ours.accuracy:>11.1%}"
            f" {ours.token_f1:>5.2f}  {theirs.accuracy:>14.1%} {theirs.token_f1:>5.2f}"
        )
    groups: dict[str, list[str]] = {f"kind {kind}": [] for kind in KINDS}
    for name in results:
        groups[f"kind {CASES[name].kind}"].append(name)
    groups["ruled"] = [n for n in results if CASES[n].kind == "ruled"]
    groups["unruled and partly ruled"] = [n for n in results if CASES[n].kind != "ruled"]
    groups["all"] = list(results)
    for label, names in groups.items():
        ours = _total([results[n][0] for n in names])
        theirs = _total([results[n][1] for n in names])
        print(
            f"{'TOTAL ' + label:<28} {ours.cells:>5}  {ours.accuracy:>11.1%}"
            f" {ours.token_f1:>5.2f}  {theirs.accuracy:>14.1%} {theirs.token_f1:>5.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
