"""The HTML report as a writer registered under ``cspplan.writers`` (``html``): many plans,
one self-contained page. ``cspplan report`` is the command made for it; ``cspplan parse
FILE... --to html -o report.html`` writes through it as through any writer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from ..export.writers import audited
from ..model.plan import Plan
from ..validate import Finding
from . import write_report

__all__ = ["HtmlReportWriter"]


class HtmlReportWriter:
    """Writes plans, their findings and their target charts as one HTML report. Its
    settings are :class:`~cspplan.export.writers.ExportSettings`."""

    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"

    def write_many(
        self,
        plans: Sequence[Plan],
        out: Path,
        findings: Sequence[Sequence[Finding]] | None = None,
        settings: Any = None,
    ) -> None:
        """Write the report on ``plans`` to the file ``out`` (see :func:`write_report`)."""
        write_report(plans, audited(plans, findings, settings), out)
