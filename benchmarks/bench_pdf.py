"""Time cspplan's PDF reading against references on the same files, in one run.

References: a naive pdfplumber loop (what a script would do with pdfplumber alone:
``extract_text()`` and ``extract_tables()`` on every page), pypdfium2's raw extraction
(every character's text, box and font size, and every path object's bounds: the least the
pdfium backend must ask of pdfium) and poppler's ``pdftotext -layout`` (skipped where it is
not installed). cspplan is timed with its default (pdfium) backend and with
``backend="pdfplumber"``. Goals: the default parse at most 0.25 of the naive loop and at
most 6 times ``pdftotext -layout``.

    python benchmarks/bench_pdf.py [FILE.pdf ...] [--repeat N] [--load] [--generated N]

With no files it times the sample plans in ../shared/samples and the corpus PDFs in
../shared/corpus/pdf (or under $CSPPLAN_SHARED) and the example plan in examples/.
``--generated N`` times a generated N-page plan instead. ``--load`` times ``cspplan.load``
(parsing and recognition) instead of ``cspplan.parse_document``. Each variant runs
``--repeat`` times in turn and the best time counts, which keeps the comparison fair on a
busy machine. Wall time and CPU time (the process's own, and pdftotext's as a child) are
both printed, with the ratios of each: on a shared machine the CPU times move far less with
the neighbours' load.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber
import pypdfium2
import pypdfium2.raw as praw

import cspplan

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, wait_until_idle, write_plan_pdf  # noqa: E402


def naive(path: Path) -> int:
    """Extract text and tables from every page with pdfplumber's defaults."""
    size = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            size += len(page.extract_text() or "")
            size += sum(len(table) for table in page.extract_tables())
            page.close()
    return size


def pdfium_raw(path: Path) -> int:
    """Every character's text, loose box and font size and every path object's bounds,
    through pypdfium2's raw API, page by page."""
    size = 0
    document = pypdfium2.PdfDocument(path)
    box = praw.FS_RECTF()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            for i in range(praw.FPDFText_CountChars(textpage.raw)):
                size += praw.FPDFText_GetUnicode(textpage.raw, i) > 0
                praw.FPDFText_GetLooseCharBox(textpage.raw, i, box)
                praw.FPDFText_GetFontSize(textpage.raw, i)
            for i in range(praw.FPDFPage_CountObjects(page.raw)):
                obj = praw.FPDFPage_GetObject(page.raw, i)
                if praw.FPDFPageObj_GetType(obj) == praw.FPDF_PAGEOBJ_PATH:
                    praw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                    size += 1
            textpage.close()
            page.close()
    finally:
        document.close()
    return size


def pdftotext(path: Path) -> int:
    """poppler's ``pdftotext -layout`` to standard output."""
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return len(done.stdout)


def with_cspplan(load: bool, backend: str | None = None) -> Callable[[Path], int]:
    """``cspplan.load`` or ``cspplan.parse_document`` on a file, with the given PDF backend
    (the default where ``None``)."""
    settings = None if backend is None else {"backend": backend}

    def run(path: Path) -> int:
        if load:
            return sum(1 for _ in cspplan.load(path, settings=settings).all_actions())
        return len(cspplan.parse_document(path, settings=settings).blocks)

    return run


def cpu_seconds() -> float:
    """CPU time used so far by this process and the children it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_time(
    function: Callable[[Path], int], files: Sequence[Path], repeat: int
) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``function`` over every file, in seconds of wall
    time and of CPU time (each the best of its own; CPU time, which other work on the
    machine barely moves, is the steadier of the two on a shared machine)."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        for path in files:
            function(path)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, cpu_seconds() - start_cpu)
    return best, best_cpu


def default_files() -> list[Path]:
    """The shared sample and corpus PDFs (where present) and the example plan."""
    shared = Path(os.environ.get("CSPPLAN_SHARED", ROOT.parent / "shared"))
    files = sorted((shared / "samples").glob("*.pdf"))
    files += sorted((shared / "corpus" / "pdf").glob("*.pdf"))
    example = ROOT / "examples" / "plans" / "riverside-action-plan.pdf"
    if example.exists():
        files.append(example)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the times and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--load", action="store_true", help="time cspplan.load, not parse_document")
    parser.add_argument("--generated", type=int, default=0, help="time a generated N-page plan")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        files = list(args.files)
        if args.generated:
            files.append(write_plan_pdf(Path(folder) / "generated.pdf", args.generated))
        files = files or default_files()
        if not files:
            parser.error("no PDF files given and none found")
        return _run(files, args.repeat, args.load)


def _run(files: Sequence[Path], repeat: int, load: bool) -> int:
    label = "cspplan.load" if load else "cspplan.parse_document"
    variants: list[tuple[str, Callable[[Path], int]]] = [
        ("naive pdfplumber loop", naive),
        (f"{label} (pdfium, default)", with_cspplan(load)),
        (f"{label} (pdfplumber)", with_cspplan(load, "pdfplumber")),
        ("pypdfium2 raw extraction", pdfium_raw),
    ]
    if shutil.which("pdftotext"):
        variants.append(("pdftotext -layout", pdftotext))
    # Warm every variant up once so that imports and font caches count against none.
    for path in files:
        for _, function in variants:
            function(path)
    wait_until_idle()
    measured = {name: best_time(function, files, repeat) for name, function in variants}
    pages = 0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages += len(pdf.pages)
    print(machine())
    print(f"files: {len(files)}, pages: {pages}, best of {repeat}; wall time, then CPU time")
    for name, (seconds, cpu) in measured.items():
        print(
            f"{name + ':':42} {seconds:8.3f} s  {1000 * seconds / max(pages, 1):7.2f} ms/page"
            f"  | CPU {cpu:8.3f} s  {1000 * cpu / max(pages, 1):7.2f} ms/page"
        )
    for kind, index in (("wall", 0), ("CPU", 1)):
        times = {name: pair[index] for name, pair in measured.items()}
        _ratios(f"{label} ({kind} time)", label, times)
    return 0


def _ratios(title: str, label: str, times: dict[str, float]) -> None:
    """Print cspplan's times against the references' (one kind of time)."""
    ours = times[f"{label} (pdfium, default)"]
    naive_time = times["naive pdfplumber loop"]
    print(title)
    print(f"  ratio (pdfium) / naive loop:       {ours / naive_time:.3f}  (goal <= 0.25)")
    print(f"  ratio (pdfplumber) / naive loop:   {times[f'{label} (pdfplumber)'] / naive_time:.3f}")
    print(f"  ratio (pdfium) / pypdfium2 raw:    {ours / times['pypdfium2 raw extraction']:.2f}")
    if "pdftotext -layout" in times:
        print(
            f"  ratio (pdfium) / pdftotext -layout: {ours / times['pdftotext -layout']:.2f}"
            "  (goal <= 6)"
        )
    else:
        print("  pdftotext not installed: its row is skipped")


if __name__ == "__main__":
    raise SystemExit(main())
