"""The audit's output: each finding explained (its subject named as a reader finds it, the
sentence or row it quotes, the heading above it) and written as text, JSON, SARIF, GitHub
Actions commands or Markdown.

>>> from cspplan.validate.output import CheckedFile, explain, render_text
>>> findings = explain(plan, cspplan.check(plan), document)          # doctest: +SKIP
>>> print(render_text([CheckedFile("plan.txt", plan, tuple(findings))], True))  # doctest: +SKIP
"""

from __future__ import annotations

from .explain import document_order, explain, first_words, subject_label
from .formats import (
    FORMATS,
    SARIF_SCHEMA,
    CheckedFile,
    Renderer,
    Tally,
    finding_line,
    render_github,
    render_json,
    render_markdown,
    render_sarif,
    render_text,
    tally,
)

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "CheckedFile",
    "Renderer",
    "Tally",
    "document_order",
    "explain",
    "finding_line",
    "first_words",
    "render_github",
    "render_json",
    "render_markdown",
    "render_sarif",
    "render_text",
    "subject_label",
    "tally",
]
