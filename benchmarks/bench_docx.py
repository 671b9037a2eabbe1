"""Word parsing time against a plain python-docx walk of the same files.

The plain walk opens each file with python-docx and visits the body in order, reading every
paragraph's text and every table cell's text: the least any Word reader must do. cspplan's
figure is ``cspplan.parse_document`` (the Word parser's Document of blocks: numbering,
styles, headings, lists, merged cells, source references); the full ``cspplan.load`` (with
recognition) is shown beside it. Each time is the best of several runs.

Run: ``python benchmarks/bench_docx.py [--repeats 5]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import best_time, machine, wait_until_idle, write_plan_docx


def plain_walk(path: Path) -> int:
    """Visit a Word file's body with python-docx alone; the number of texts read."""
    import docx
    from docx.table import Table

    count = 0
    for item in docx.Document(str(path)).iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    count += bool(cell.text)
        else:
            count += bool(item.text)
    return count


def main() -> None:
    """Generate Word plans of three sizes and time both readers on them."""
    import cspplan

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeats", type=int, default=5, help="runs per measurement")
    args = options.parse_args()
    sizes = (5, 30, 120)  # priorities, each a heading, prose, a list and a 9-row table
    with tempfile.TemporaryDirectory() as folder:
        files = [write_plan_docx(Path(folder) / f"plan-{n}.docx", n) for n in sizes]
        for file in files:  # warm imports and caches before timing anything
            plain_walk(file)
            cspplan.parse_document(file)
        print(machine())
        total_plain = total_parse = total_load = 0.0
        for size, file in zip(sizes, files, strict=True):
            wait_until_idle()
            plain = best_time(lambda f=file: plain_walk(f), args.repeats)
            parse = best_time(lambda f=file: cspplan.parse_document(f), args.repeats)
            load = best_time(lambda f=file: cspplan.load(f), args.repeats)
            total_plain += plain
            total_parse += parse
            total_load += load
            print(
                f"{size:>4} priorities ({file.stat().st_size // 1024} KB): python-docx walk "
                f"{plain * 1000:7.1f} ms, cspplan parse {parse * 1000:7.1f} ms "
                f"(ratio {parse / plain:.2f}), cspplan load {load * 1000:7.1f} ms"
            )
    print(
        f"all files: parse / plain walk = {total_parse / total_plain:.2f}; "
        f"load / plain walk = {total_load / total_plain:.2f}"
    )


if __name__ == "__main__":
    main()
