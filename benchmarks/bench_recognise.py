"""Recognition against the size of its input: time at 10x the input over time at 1x.

Three shapes that once grew much faster than their input are made at a small and a ten
times larger size, parsed once (the Document is not timed) and then recognised
(``cspplan.recognise.build_plan``), best of several runs. The two sizes take turns, so that
both see the same neighbours on a shared machine, and the time taken is the process's CPU
time: waiting for a CPU that another session holds is not recognition's work (the wall
time's ratio is printed beside it):

- ``headings``: a markdown file of ``## Priority i`` lines (3,000 and 30,000 lines);
- ``paragraphs``: a generated plan's prose and action tables as text, repeated;
- ``table rows``: one tab-separated action table of 2,000 and 20,000 rows.

The goal is a ratio of at most 12 for each: near-linear, with room for noise. A last row
times the whole ``cspplan parse`` command on the two heading files, start-up included
(the CPU time of the child process).

Run: ``python benchmarks/bench_recognise.py [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import ACTIONS, LEADS, TIMESCALES, machine, wait_until_idle, write_plan_text

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


def recognition_times(small: Path, large: Path, repeats: int) -> tuple[tuple[float, float], ...]:
    """Best CPU and wall times of recognising each file's Document (parsing excluded), the
    two files in turn: ``((cpu 1x, cpu 10x), (wall 1x, wall 10x))``."""
    import cspplan
    from cspplan.recognise import build_plan

    documents = [cspplan.parse_document(small), cspplan.parse_document(large)]
    cpu = [float("inf")] * 2
    wall = [float("inf")] * 2
    for _ in range(repeats):
        for i, document in enumerate(documents):
            started, started_cpu = time.perf_counter(), time.process_time()
            build_plan(document)
            cpu[i] = min(cpu[i], time.process_time() - started_cpu)
            wall[i] = min(wall[i], time.perf_counter() - started)
    return (cpu[0], cpu[1]), (wall[0], wall[1])


def command_time(path: Path) -> tuple[float, float]:
    """CPU and wall time of ``cspplan parse FILE -o OUT`` in a fresh interpreter."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cspplan", "parse", str(path), "-o", str(path) + ".json"],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    """Time each shape at 1x and 10x and print the ratios against the goal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    wait_until_idle()
    print(machine())
    print(
        f"{'shape':<12} {'size':>8} {'1x s':>8} {'10x s':>8} {'ratio':>6}"
        f" {'wall ratio':>10}  goal <= {GOAL:g} (CPU time)"
    )
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, size) in SHAPES.items():
            small = make(Path(folder, f"{name.replace(' ', '-')}-1.txt"), size)
            large = make(Path(folder, f"{name.replace(' ', '-')}-10.txt"), size * 10)
            (one, ten), (wall_one, wall_ten) = recognition_times(small, large, args.repeats)
            ratio = ten / one
            failed |= ratio > GOAL
            print(
                f"{name:<12} {size:>8} {one:>8.2f} {ten:>8.2f} {ratio:>6.2f}"
                f" {wall_ten / wall_one:>10.2f}"
            )
        small = headings(Path(folder, "cli-1.md"), 3000)
        large = headings(Path(folder, "cli-10.md"), 30000)
        runs = [(command_time(small), command_time(large)) for _ in range(args.repeats)]
        one, ten = (min(run[i][0] for run in runs) for i in (0, 1))
        wall_one, wall_ten = (min(run[i][1] for run in runs) for i in (0, 1))
        failed |= ten / one > GOAL
        print(
            f"{'parse (CLI)':<12} {3000:>8} {one:>8.2f} {ten:>8.2f} {ten / one:>6.2f}"
            f" {wall_ten / wall_one:>10.2f}"
        )
    print("goal not met" if failed else "goal met")


if __name__ == "__main__":
    main()
