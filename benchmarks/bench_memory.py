"""Peak memory reading a generated 500-page PDF against a 10-page one.

Each file is loaded (parse and recognise) by ``cspplan.load`` in a fresh Python process,
which reports its peak resident set size (``ru_maxrss``) after importing cspplan and after
loading; the figures are the whole process, interpreter included, as the operating system
sees it. Goal: the 500-page peak at most 1.5 times the 10-page one.

Run: ``python benchmarks/bench_memory.py [--small 10] [--large 500]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, write_plan_pdf

CHILD = r"""
import json, resource, sys, time
import cspplan, cspplan.parsers.pdf, cspplan.recognise
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
base = rss()
started = time.perf_counter()
plan = cspplan.load(sys.argv[1])
seconds = time.perf_counter() - started
print(json.dumps({"base_mb": base, "peak_mb": rss(), "seconds": seconds,
                  "pages": plan.source.page_count, "blocks": len(plan.unclassified)}))
"""


def measure(path: Path) -> dict[str, float]:
    """Load ``path`` in a fresh process; its import baseline, peak RSS and seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    """Generate the two PDFs, measure each in a fresh process and print the ratio."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--small", type=int, default=10, help="pages of the small PDF")
    options.add_argument("--large", type=int, default=500, help="pages of the large PDF")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        small = write_plan_pdf(Path(folder) / f"plan-{args.small}.pdf", args.small)
        large = write_plan_pdf(Path(folder) / f"plan-{args.large}.pdf", args.large)
        print(
            f"generated in {time.perf_counter() - started:.1f} s: "
            f"{small.stat().st_size // 1024} KB and {large.stat().st_size // 1024} KB"
        )
        few = measure(small)
        many = measure(large)
    print(machine())
    for label, result in ((f"{args.small} pages", few), (f"{args.large} pages", many)):
        print(
            f"{label:>10}: peak RSS {result['peak_mb']:7.1f} MB (after imports "
            f"{result['base_mb']:.1f} MB, growth {result['peak_mb'] - result['base_mb']:.1f} MB), "
            f"{result['seconds']:.2f} s, {result['pages']} pages read"
        )
    ratio = many["peak_mb"] / few["peak_mb"]
    growth = (many["peak_mb"] - many["base_mb"]) / max(few["peak_mb"] - few["base_mb"], 0.1)
    print(
        f"peak RSS ratio {args.large}/{args.small} pages: {ratio:.2f} (goal <= 1.5); "
        f"growth above imports ratio {growth:.1f}"
    )


if __name__ == "__main__":
    main()
