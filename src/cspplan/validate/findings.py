"""What an audit returns: findings, their severity and what they are about."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..model.source import SourceRef
from ..model.values import Number

__all__ = ["Finding", "Problem", "Severity", "Subject", "finding_to_data"]

_SOURCE = SourceRef()


class Severity(str, enum.Enum):
    """How sure a finding is that the plan is wrong (statcheck's scale).

    Severities are ordered: ``Severity.INFO < Severity.WARNING < Severity.ERROR``.
    """

    ERROR = "error"
    """No reading of the printed figures within their rounding makes the statement true."""
    WARNING = "warning"
    """Only truncation or a coarse rounding makes it true, or percent is confused with
    percentage points, or a milestone falls outside the plan or an action lacks a lead."""
    INFO = "info"
    """A derived figure drifts from its recomputation by less than rounding explains."""

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@attrs.frozen(slots=True)
class Subject:
    """The object of the plan a finding is about.

    Attributes:
        kind: ``"target"``, ``"objective"``, ``"action"``, ``"milestone"``, ``"claim"``
            or ``"plan"``.
        id: The object's id within the plan (``"T3"``, ``"A12"``, ``"C2"``), where it has one.
        ref: The plan's own number for it (action ``"2.3"``), where it has one.
        name: What it is about in words: a target's metric, an action's or claim's text.
    """

    kind: str
    id: str | None = None
    ref: str | None = None
    name: str | None = None

    def __str__(self) -> str:
        label = self.ref or self.id
        return f"{self.kind} {label}" if label else self.kind


@attrs.frozen(slots=True)
class Problem:
    """One problem a rule finds in a plan, before the audit names the rule that found it.

    A rule's check function yields problems; the registry turns each into a
    :class:`Finding` carrying the rule's code, so a rule never types its own code.

    Attributes:
        severity: How sure the finding is; one of the severities its rule declares.
        message: One line for people, naming the figures involved.
        subject: The target, action or claim the finding is about.
        expected: The figure the check computed or found elsewhere (the strategic
            target's 5%, the recomputed 15.8%), where there is one.
        stated: The figure the plan states that disagrees, as printed.
        source: Where the subject is written.
        related: Other objects the finding compares the subject with (the strategic target
            an objective contradicts).
    """

    severity: Severity
    message: str
    subject: Subject
    expected: Number | None = None
    stated: Number | None = None
    source: SourceRef = _SOURCE
    related: tuple[Subject, ...] = ()


@attrs.frozen(slots=True)
class Finding(Problem):
    """One problem found in a plan, with the code of the rule that found it.

    Its other attributes are those of :class:`Problem`. The last three are filled in after
    the audit by :func:`cspplan.validate.output.explain`, which has the plan (and the
    document) at hand; a rule never sets them.

    Attributes:
        code: The rule's stable code, e.g. ``"A101"``; the audit stamps it from the rule
            (pass it by keyword).
        about: The subject as a reader finds it: an action's ref and first words, a
            target's metric and period, a claim's first words.
        quote: The subject's sentence or table row as the plan prints it.
        heading: The nearest heading above the subject in the document.
    """

    code: str = attrs.field(kw_only=True)
    about: str | None = attrs.field(default=None, kw_only=True)
    quote: str | None = attrs.field(default=None, kw_only=True)
    heading: str | None = attrs.field(default=None, kw_only=True)

    @classmethod
    def stamped(cls, code: str, problem: Problem) -> Finding:
        """``problem`` as a finding of the rule with ``code``."""
        return cls(code=code, **attrs.asdict(problem, recurse=False))

    def __str__(self) -> str:
        where = self.source.location()
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.code} {self.severity.value} {self.message}"


def _number_data(number: Number | None) -> dict[str, str] | None:
    if number is None:
        return None
    return {"value": str(number.value), "text": number.text}


def _subject_data(subject: Subject) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(subject).items() if v is not None}


def finding_to_data(finding: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data; numbers keep their printed text beside their value.

    An explained finding also carries ``about``, ``quote`` and ``heading`` where they are
    known."""
    source = {k: v for k, v in attrs.asdict(finding.source).items() if v is not None}
    if "bbox" in source:
        source["bbox"] = list(source["bbox"])
    data: dict[str, Any] = {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "subject": _subject_data(finding.subject),
        "expected": _number_data(finding.expected),
        "stated": _number_data(finding.stated),
        "source": source,
        "related": [_subject_data(s) for s in finding.related],
    }
    # Set only once a finding is explained (cspplan.validate.output.explain), so the data
    # of a bare audit is what it always was.
    for key in ("about", "quote", "heading"):
        if getattr(finding, key) is not None:
            data[key] = getattr(finding, key)
    return data
