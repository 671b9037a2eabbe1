"""Shared helpers of the benchmarks: synthetic plans of any size, timing, machine details.

The plans are made up here (a fictional partnership, invented actions and figures) in the
shapes real plans take: numbered priorities, prose with targets, ruled action tables with
Ref / Action / Lead / Timescale columns, bulleted objectives.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

ACTIONS = (
    "Run evening patrols at the bus interchange",
    "Fit brighter lighting along the canal towpath",
    "Offer free window locks to repeat burglary victims",
    "Hold a monthly problem-solving meeting with housing officers",
    "Train door staff to spot vulnerable customers",
    "Extend the youth outreach bus to the northern estates",
    "Map hotspots of vehicle crime each quarter",
    "Publish a quarterly newsletter on local crime trends",
    "Refer first-time shoplifters to the restorative scheme",
    "Review CCTV coverage of the market square",
)
LEADS = (
    "Neighbourhood Inspector",
    "Community Safety Manager",
    "Housing Services Lead",
    "Youth Service Co-ordinator",
    "Licensing Officer",
    "Fire Station Manager",
)
TIMESCALES = ("June 2025", "Ongoing", "March 2026", "Summer 2025", "2025 – 2026", "Quarterly")
THEMES = (
    "Safer Streets",
    "Reducing Burglary",
    "Tackling Anti-Social Behaviour",
    "Protecting Vulnerable People",
    "Reducing Reoffending",
    "Safer Roads",
)


def plan_outline(pages: int, seed: int = 1) -> list[tuple[str, list[str], list[tuple[str, ...]]]]:
    """Per page: a heading, paragraphs and action-table rows (header row first)."""
    rng = random.Random(seed)
    outline = []
    for page in range(1, pages + 1):
        theme = THEMES[(page - 1) % len(THEMES)]
        baseline = rng.randint(300, 3000)
        percent = rng.randint(4, 25)
        paragraphs = [
            f"The partnership will reduce incidents under this priority by {percent}% from "
            f"{baseline:,} in 2023/24 to {round(baseline * (100 - percent) / 100):,} by 2026/27.",
            "Progress is reported to the strategy group each quarter, with the figures for "
            f"ward {rng.randint(1, 30)} shown separately where numbers allow.",
        ]
        rows: list[tuple[str, ...]] = [("Ref", "Action", "Lead", "Timescale")]
        for row in range(1, 9):
            rows.append(
                (
                    f"{page}.{row}",
                    rng.choice(ACTIONS),
                    rng.choice(LEADS),
                    rng.choice(TIMESCALES),
                )
            )
        outline.append((f"Priority {page}: {theme}", paragraphs, rows))
    return outline


def write_plan_text(path: Path, pages: int, seed: int = 1) -> Path:
    """A plan as plain text with tab-separated tables."""
    lines = ["Millbrook Community Safety Partnership", "", "Partnership Plan 2024 – 2027", ""]
    for heading, paragraphs, rows in plan_outline(pages, seed):
        lines += [f"# {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        lines += ["\t".join(row) for row in rows]
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_plan_docx(path: Path, pages: int, seed: int = 1) -> Path:
    """A plan as a Word file: headings, paragraphs, a bulleted list and action tables."""
    import docx

    document = docx.Document()
    document.add_heading("Millbrook Community Safety Partnership Plan 2024 – 2027", 0)
    for heading, paragraphs, rows in plan_outline(pages, seed):
        document.add_heading(heading, 1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.add_paragraph("Fewer repeat victims", style="List Bullet")
        document.add_paragraph("Quicker follow-up visits", style="List Bullet")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(path))
    return path


def write_plan_pdf(path: Path, pages: int, seed: int = 1) -> Path:
    """A plan as a PDF, one priority per page: a heading, prose and a ruled action table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    widths = (40, 250, 140, 80)
    for heading, paragraphs, rows in plan_outline(pages, seed):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(50, 790, heading)
        pdf.setFont("Helvetica", 9)
        y = 765
        for paragraph in paragraphs:
            words = paragraph.split()
            line: list[str] = []
            for word in words:
                if pdf.stringWidth(" ".join([*line, word]), "Helvetica", 9) > 495:
                    pdf.drawString(50, y, " ".join(line))
                    y -= 12
                    line = []
                line.append(word)
            pdf.drawString(50, y, " ".join(line))
            y -= 20
        top = y - 10
        for index, row in enumerate(rows):
            x = 50
            row_top = top - index * 22
            pdf.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 8)
            for width, text in zip(widths, row, strict=True):
                pdf.rect(x, row_top - 22, width, 22)
                pdf.drawString(x + 3, row_top - 14, text)
                x += width
        pdf.setFont("Helvetica", 7)
        pdf.drawString(280, 30, f"Page {pdf.getPageNumber()}")
        pdf.showPage()
    pdf.save()
    return path


def best_time(run: Callable[[], object], repeats: int = 5) -> float:
    """The fastest of ``repeats`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def median(values: list[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)


def _cpu_times() -> tuple[int, int] | None:
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return idle, sum(fields)


def idle_share(seconds: float = 1.0) -> float | None:
    """Share of the machine's CPU time that was idle over the next ``seconds`` (Linux)."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def wait_until_idle(threshold: float = 0.9, patience: float = 300.0) -> float | None:
    """Wait (up to ``patience`` seconds) until other work leaves the CPUs idle, so that a
    timing measures cspplan rather than its neighbours; the idle share last seen."""
    deadline = time.monotonic() + patience
    share = idle_share()
    while share is not None and share < threshold and time.monotonic() < deadline:
        share = idle_share(2.0)
    return share


def machine() -> str:
    """One line naming the machine: CPUs, processor, Python, platform and how busy it is
    (other work on the machine skews every timing)."""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        model = platform.processor()
    try:
        load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "load average unknown"
    return (
        f"nproc {os.cpu_count()}, {model or 'unknown CPU'}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; {load}"
    )
