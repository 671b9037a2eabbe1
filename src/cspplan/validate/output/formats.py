"""The audit's findings written out for people and for tools: compiler-style text, JSON,
SARIF 2.1.0, GitHub Actions workflow commands and a Markdown table."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote as url_quote

import attrs

from ...model.plan import Plan
from ...model.source import SourceRef
from ..findings import Finding, Severity, finding_to_data
from ..rules import RULES

__all__ = [
    "FORMATS",
    "SARIF_SCHEMA",
    "CheckedFile",
    "Renderer",
    "Tally",
    "finding_line",
    "render_github",
    "render_json",
    "render_markdown",
    "render_sarif",
    "render_text",
    "tally",
]

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The published JSON Schema a SARIF log names in its ``$schema``."""

QUOTE_WIDTH = 96
"""Where ``--show-source`` wraps a quoted sentence or row."""


@attrs.frozen(slots=True)
class CheckedFile:
    """One file the audit read, with its plan and its findings.

    Attributes:
        name: The file's path as given (or found in a folder).
        plan: The plan read from it.
        findings: Its findings, explained (with their subject, quote and heading).
    """

    name: str
    plan: Plan
    findings: tuple[Finding, ...]


@attrs.frozen(slots=True)
class Tally:
    """What an audit checked and what it found, for its closing line.

    Attributes:
        files: How many files were checked.
        targets: How many targets they state.
        actions: How many actions.
        claims: How many narrative claims.
        errors: Findings of severity error.
        warnings: Findings of severity warning.
        infos: Findings of severity info.
    """

    files: int = 0
    targets: int = 0
    actions: int = 0
    claims: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    def line(self) -> str:
        """``"14 targets, 32 actions, 9 claims checked in 3 files: 1 error, 2 warnings,
        0 info"``."""
        checked = ", ".join(
            _count(n, word)
            for n, word in (
                (self.targets, "target"),
                (self.actions, "action"),
                (self.claims, "claim"),
            )
        )
        found = (
            f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}, {self.infos} info"
        )
        return f"{checked} checked in {_count(self.files, 'file')}: {found}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def tally(files: Sequence[CheckedFile]) -> Tally:
    """What ``files`` hold and what was found in them."""
    findings = [f for file in files for f in file.findings]
    return Tally(
        files=len(files),
        targets=sum(1 for file in files for _ in file.plan.all_targets()),
        actions=sum(1 for file in files for _ in file.plan.all_actions()),
        claims=sum(len(file.plan.claims) for file in files),
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        infos=sum(f.severity is Severity.INFO for f in findings),
    )


# --- text ------------------------------------------------------------------------------


def _rest(source: SourceRef) -> str:
    """The place beside the line a text line starts with: ``table 5, row 11``."""
    return attrs.evolve(source, line=None, end_line=None, page=None).location()


def _place(name: str, source: SourceRef) -> str:
    """``FILE:LINE`` for text sources, so editors can jump there; else ``FILE:page 2, …``."""
    if source.line is not None:
        return f"{name}:{source.line}"
    where = source.location()
    return f"{name}:{where}" if where else name


def _context(finding: Finding) -> str:
    """What the place at the start of the line leaves out: the table and row of a text
    source, and the heading the subject sits under."""
    parts = [_rest(finding.source)] if finding.source.line is not None else []
    if finding.heading:
        parts.append(f'under "{finding.heading}"')
    shown = ", ".join(p for p in parts if p)
    return f" ({shown})" if shown else ""


def finding_line(name: str, finding: Finding) -> str:
    """One finding as a compiler-style line:
    ``FILE:LINE: CODE severity SUBJECT: message (table 2, row 4, under "Heading")``."""
    about = f"{finding.about}: " if finding.about else ""
    return (
        f"{_place(name, finding.source)}: {finding.code} {finding.severity.value} "
        f"{about}{finding.message}{_context(finding)}"
    )


def _source_lines(finding: Finding) -> list[str]:
    """The quote under a finding, ruff-style, with the line number in the gutter."""
    if not finding.quote:
        return []
    number = str(finding.source.line) if finding.source.line is not None else ""
    width = max(len(number), 1)
    wrapped = textwrap.wrap(finding.quote, QUOTE_WIDTH) or [finding.quote]
    lines = [f"{' ' * width} |"]
    for i, part in enumerate(wrapped):
        gutter = number if i == 0 else ""
        lines.append(f"{gutter:>{width}} | {part}")
    lines.append(f"{' ' * width} |")
    return lines


def render_text(files: Sequence[CheckedFile], show_source: bool = False) -> str:
    """One line a finding; with ``show_source`` the sentence or row under each."""
    lines: list[str] = []
    for file in files:
        for finding in file.findings:
            lines.append(finding_line(file.name, finding))
            if show_source:
                lines += _source_lines(finding)
    return "".join(line + "\n" for line in lines)


# --- JSON ------------------------------------------------------------------------------


def render_json(files: Sequence[CheckedFile], show_source: bool = False) -> str:
    """One JSON array of findings, each with its ``file``."""
    records = [{"file": file.name, **finding_to_data(f)} for file in files for f in file.findings]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


# --- SARIF -----------------------------------------------------------------------------

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(name: str) -> str:
    return url_quote(name.replace("\\", "/"), safe="/:")


def _sarif_result(name: str, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    source = finding.source
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(name)}}
    if source.line is not None:
        region: dict[str, Any] = {"startLine": source.line}
        if source.end_line is not None and source.end_line >= source.line:
            region["endLine"] = source.end_line
        if finding.quote:
            region["snippet"] = {"text": finding.quote}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    where = source.location()
    if where or finding.heading:
        said = ", ".join(
            p for p in (where, f'under "{finding.heading}"' if finding.heading else "") if p
        )
        location["message"] = {"text": said}
    data = finding_to_data(finding)
    about = f"{finding.about}: " if finding.about else ""
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": f"{about}{finding.message}"},
        "locations": [location],
        "properties": {
            k: data[k]
            for k in ("subject", "expected", "stated", "related", "quote", "heading", "source")
            if data.get(k) not in (None, [], {})
        },
    }


def render_sarif(files: Sequence[CheckedFile], show_source: bool = False) -> str:
    """A SARIF 2.1.0 log: one run, every rule described, one result a finding."""
    from ... import __version__

    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": _LEVELS[rule.severities[0]]},
        }
        for rule in RULES
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "cspplan", "version": __version__, "rules": rules}},
                "artifacts": [{"location": {"uri": _uri(file.name)}} for file in files],
                "results": [
                    _sarif_result(file.name, f, index) for file in files for f in file.findings
                ],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- GitHub Actions --------------------------------------------------------------------

_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(files: Sequence[CheckedFile], show_source: bool = False) -> str:
    """GitHub Actions workflow commands, ``::error file=F,line=N,title=CODE::message``, so
    findings show as annotations on the files of a pull request."""
    lines: list[str] = []
    for file in files:
        for finding in file.findings:
            source = finding.source
            props = [f"file={_escape_property(file.name)}"]
            if source.line is not None:
                props.append(f"line={source.line}")
                if source.end_line is not None and source.end_line > source.line:
                    props.append(f"endLine={source.end_line}")
            props.append(f"title={_escape_property(f'{finding.code} {finding.severity.value}')}")
            where = "" if source.line is not None else source.location()
            about = f"{finding.about}: " if finding.about else ""
            text = f"{where + ': ' if where else ''}{about}{finding.message}{_context(finding)}"
            if show_source and finding.quote:
                text += f"\n{finding.quote}"
            lines.append(f"::{_GITHUB[finding.severity]} {','.join(props)}::{_escape_data(text)}")
    return "".join(line + "\n" for line in lines)


# --- Markdown --------------------------------------------------------------------------


def _cell(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(files: Sequence[CheckedFile], show_source: bool = False) -> str:
    """A Markdown table a committee can read: per finding its plan, place, rule,
    severity, subject, finding and the plan's own words."""
    lines = [
        "# Audit findings",
        "",
        tally(files).line()[0].upper() + tally(files).line()[1:] + ".",
        "",
    ]
    findings = [(file, f) for file in files for f in file.findings]
    if not findings:
        return "\n".join([*lines, "No findings."]) + "\n"
    lines += [
        "| Plan | Where | Rule | Severity | About | Finding | The plan says |",
        "|---|---|---|---|---|---|---|",
    ]
    for file, finding in findings:
        where = finding.source.location()
        if finding.heading:
            where = f'{where}, under "{finding.heading}"' if where else f'under "{finding.heading}"'
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    file.name,
                    where,
                    finding.code,
                    finding.severity.value,
                    finding.about,
                    finding.message,
                    finding.quote,
                )
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


Renderer = Callable[[Sequence[CheckedFile], bool], str]
"""A writer of findings: the checked files and whether to show each subject's source."""

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "markdown": render_markdown,
}
"""The output formats of ``cspplan check --output-format``, by name."""
