"""Recognition against the size of its input: time at 10x the input over time at 1x.

Three shapes that once grew much faster than their input are made at a small and a ten
times larger size, parsed once (the Document is not timed) and then recognised
(``cspplan.recognise.build_plan``), best of several runs:

- ``headings``: a markdown file of ``## Priority i`` lines (3,000 and 30,000 lines);
- ``paragraphs``: a generated plan's prose and action tables as text, repeated;
- ``table rows``: one tab-separated action table of 2,000 and 20,000 rows.

The goal is a ratio of at most 12 for each: near-linear, with room for noise. A last row
times the whole ``cspplan parse`` command on the two heading files, start-up included.

Run: ``python benchmarks/bench_recognise.py [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import ACTIONS, LEADS, TIMESCALES, best_time, machine, wait_until_idle, write_plan_text

GOAL = 12.0


def headings(path: Path, size: int) -> Path:
    """``size`` markdown headings ``## Priority i``."""
    path.write_text("".join(f"## Priority {i}\n" for i in range(size)), encoding="utf-8")
    return path


def paragraphs(path: Path, size: int) -> Path:
    """A generated four-page text plan repeated ``size`` times."""
    one = write_plan_text(path.with_suffix(".one.txt"), 4).read_text(encoding="utf-8")
    path.write_text((one + "\n\n") * size, encoding="utf-8")
    return path


def table_rows(path: Path, size: int) -> Path:
    """One tab-separated action table of ``size`` rows under a header row."""
    lines = ["Ref\tAction\tLead\tTimescale"]
    for i in range(size):
        action = ACTIONS[i % len(ACTIONS)]
        lines.append(f"{i + 1}\t{action}\t{LEADS[i % len(LEADS)]}\t{TIMESCALES[i % 6]}")
    path.write_text("# Action plan\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


SHAPES: dict[str, tuple[Callable[[Path, int], Path], int]] = {
    "headings": (headings, 3000),
    "paragraphs": (paragraphs, 20),
    "table rows": (table_rows, 2000),
}


def recognition_time(path: Path, repeats: int) -> float:
    """Best time of recognising the file's Document (parsing excluded)."""
    import cspplan
    from cspplan.recognise import build_plan

    document = cspplan.parse_document(path)
    return best_time(lambda: build_plan(document), repeats)


def command_time(path: Path) -> float:
    """Wall time of ``cspplan parse FILE -o OUT`` in a fresh interpreter."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cspplan", "parse", str(path), "-o", str(path) + ".json"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    """Time each shape at 1x and 10x and print the ratios against the goal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    wait_until_idle()
    print(machine())
    print(f"{'shape':<12} {'size':>8} {'1x s':>8} {'10x s':>8} {'ratio':>6}  goal <= {GOAL:g}")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, size) in SHAPES.items():
            small = make(Path(folder, f"{name.replace(' ', '-')}-1.txt"), size)
            large = make(Path(folder, f"{name.replace(' ', '-')}-10.txt"), size * 10)
            one = recognition_time(small, args.repeats)
            ten = recognition_time(large, args.repeats)
            ratio = ten / one
            failed |= ratio > GOAL
            print(f"{name:<12} {size:>8} {one:>8.2f} {ten:>8.2f} {ratio:>6.2f}")
        small = headings(Path(folder, "cli-1.md"), 3000)
        large = headings(Path(folder, "cli-10.md"), 30000)
        one, ten = command_time(small), command_time(large)
        failed |= ten / one > GOAL
        print(f"{'parse (CLI)':<12} {3000:>8} {one:>8.2f} {ten:>8.2f} {ten / one:>6.2f}")
    print("goal not met" if failed else "goal met")


if __name__ == "__main__":
    main()
