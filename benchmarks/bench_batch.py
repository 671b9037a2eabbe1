"""Batch throughput with two worker processes against one.

A corpus of generated plans (PDF and Word where those parsers are installed, and text) is
converted by ``cspplan.batch.convert`` with ``jobs=1`` and then ``jobs=2``, each into a
fresh output folder, so nothing is skipped; the time includes starting the workers. Goal on
a two-core machine: ``--jobs 2`` at least 1.7 times the files per second of ``--jobs 1``.

Run: ``python benchmarks/bench_batch.py [--files 72] [--pages 10] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
import time
from pathlib import Path

from common import (
    machine,
    median,
    wait_until_idle,
    write_plan_docx,
    write_plan_pdf,
    write_plan_text,
)


def available(name: str) -> bool:
    """True where the parser module ``cspplan.parsers.<name>`` imports."""
    try:
        importlib.import_module(f"cspplan.parsers.{name}")
    except ImportError:
        return False
    return True


def build_corpus(folder: Path, files: int, pages: int) -> list[Path]:
    """``files`` plans of ``pages`` pages, spread over the formats that can be read."""
    writers = [("txt", write_plan_text)]
    if available("docx"):
        writers.append(("docx", write_plan_docx))
    if available("pdf"):
        writers.append(("pdf", write_plan_pdf))
    corpus = []
    for index in range(files):
        suffix, write = writers[index % len(writers)]
        corpus.append(write(folder / f"plan-{index:03d}.{suffix}", pages, seed=index))
    return corpus


def main() -> None:
    """Build the corpus, convert it with one and two workers, and print the ratio."""
    from cspplan.batch import convert

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--files", type=int, default=72, help="files in the corpus")
    options.add_argument("--pages", type=int, default=10, help="priorities (pages) per file")
    options.add_argument("--rounds", type=int, default=3, help="runs of each")
    options.add_argument(
        "--patience", type=float, default=300, help="seconds to wait for idle CPUs before a run"
    )
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "corpus"
        source.mkdir()
        corpus = build_corpus(source, args.files, args.pages)
        kinds = sorted({p.suffix for p in corpus})
        print(machine())
        print(f"corpus: {len(corpus)} files ({', '.join(kinds)}), {args.pages} pages each")
        best: dict[int, float] = {}
        ratios: list[float] = []
        for round_ in range(args.rounds):
            rates: dict[int, float] = {}
            for jobs in (1, 2):
                out = Path(folder) / f"out-{jobs}-{round_}"
                idle = wait_until_idle(patience=args.patience)
                if idle is not None and idle < 0.9:
                    print(f"  (the machine is busy: only {idle:.0%} idle before this run)")
                started = time.perf_counter()
                result = convert([source], out, jobs=jobs, timeout=600)
                seconds = time.perf_counter() - started
                assert result.ok, [r.error for r in result.failures]
                rate = len(corpus) / seconds
                best[jobs] = max(best.get(jobs, 0.0), rate)
                rates[jobs] = rate
                print(f"round {round_ + 1}, --jobs {jobs}: {seconds:6.2f} s, {rate:6.2f} files/s")
            ratios.append(rates[2] / rates[1])
            print(f"round {round_ + 1}: --jobs 2 / --jobs 1 = {ratios[-1]:.2f}")
    print(machine())
    print(
        f"throughput --jobs 2 / --jobs 1: median of rounds {median(ratios):.2f}, "
        f"best against best {best[2] / best[1]:.2f} (goal >= 1.7); "
        f"best {best[1]:.2f} and {best[2]:.2f} files/s"
    )


if __name__ == "__main__":
    main()
