"""Time cspplan's PDF reading against a naive pdfplumber loop on the same files.

The naive loop is what a script would do with pdfplumber alone: ``extract_text()`` and
``extract_tables()`` on every page. cspplan does more (reading order, tables joined across
pages, furniture, headings), so the goal is only that it is no slower.

    python benchmarks/bench_pdf.py [FILE.pdf ...] [--repeat N] [--load]

With no files it times the sample plans in ../shared/samples (or $CSPPLAN_SHARED/samples)
and the example plan in examples/. ``--load`` times ``cspplan.load`` (parsing and
recognition) instead of ``cspplan.parse_document``. Each variant runs ``--repeat`` times in
turn and the best time counts, which keeps the comparison fair on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber

import cspplan

ROOT = Path(__file__).resolve().parents[1]


def naive(path: Path) -> int:
    """Extract text and tables from every page with pdfplumber's defaults."""
    size = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            size += len(page.extract_text() or "")
            size += sum(len(table) for table in page.extract_tables())
            page.close()
    return size


def with_cspplan(load: bool) -> Callable[[Path], int]:
    """``cspplan.load`` or ``cspplan.parse_document`` on a file."""

    def run(path: Path) -> int:
        if load:
            return sum(1 for _ in cspplan.load(path).all_actions())
        return len(cspplan.parse_document(path).blocks)

    return run


def best_time(function: Callable[[Path], int], files: Sequence[Path], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``function`` over every file, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path in files:
            function(path)
        best = min(best, time.perf_counter() - start)
    return best


def default_files() -> list[Path]:
    """The shared sample PDFs (where present) and the example plan."""
    shared = Path(os.environ.get("CSPPLAN_SHARED", ROOT.parent / "shared"))
    files = sorted((shared / "samples").glob("*.pdf"))
    example = ROOT / "examples" / "plans" / "riverside-action-plan.pdf"
    if example.exists():
        files.append(example)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--load", action="store_true", help="time cspplan.load, not parse_document")
    args = parser.parse_args(argv)
    files = args.files or default_files()
    if not files:
        parser.error("no PDF files given and none found")
    ours = with_cspplan(args.load)
    # Warm both up once so that imports and font caches do not count against either side.
    for path in files:
        naive(path)
        ours(path)
    naive_time = best_time(naive, files, args.repeat)
    ours_time = best_time(ours, files, args.repeat)
    label = "cspplan.load" if args.load else "cspplan.parse_document"
    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    print(f"files: {len(files)}, pages: {pages}, best of {args.repeat}")
    print(f"naive pdfplumber loop:  {naive_time:8.3f} s")
    print(f"{label + ':':23} {ours_time:8.3f} s")
    print(f"ratio (cspplan / naive): {ours_time / naive_time:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
