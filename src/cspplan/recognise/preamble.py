"""The cells above an action table's rows: objectives, indicators, review dates, areas of work.

Rows above the header, and label rows before the first action ("Objectives:", "Performance
Indicators:", "Next Review Date:", "... has 4 areas of work: 1. ... 2. ..."), are read by
:func:`read_preamble` into :class:`PreambleItem` for the action plan's priority.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..document import Row
from ..model.source import SourceRef
from ..text.continuation import row_cells_by_column
from ..text.patterns import DOTALL, IGNORECASE, lazy
from .milestones import strip_bullet

__all__ = ["PreambleItem", "is_label_row", "read_preamble"]

_SOURCE = SourceRef()

_LABEL = lazy(
    r"^\s*(?P<label>(?:key\s+|strategic\s+|our\s+)?(?:objectives?|aims?)|"
    r"(?:key\s+)?performance\s+(?:indicators?|measures?)|(?:key\s+)?indicators?|pis?|kpis?|"
    r"(?:next\s+)?review(?:\s+date)?|(?:date\s+of\s+)?next\s+review|"
    r"(?:key\s+)?(?:areas?|strands?|themes?)\s+of\s+work|workstreams?)\s*:\s*(?P<rest>.*)$",
    IGNORECASE | DOTALL,
)


_AREAS_OF_WORK = lazy(
    r"\b(?:areas?|strands?|themes?|streams?)\s+of\s+work\b|\bworkstreams\b|\bwork\s*streams\b",
    IGNORECASE,
)


_INLINE_NUMBERED = lazy(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+(?=\S)")


_TO_SPLIT = lazy(r"(?<=[a-z0-9.%)])\s+(?=To\s+[a-z])")


@attrs.frozen(slots=True)
class PreambleItem:
    """Something an action plan states above its action rows.

    Attributes:
        kind: ``objective``, ``indicator``, ``review``, ``workstream`` or ``text``.
        text: The item as written.
        ref: Its number, where it has one (a workstream's "2").
        source: The cell it is in.
    """

    kind: str
    text: str
    ref: str | None = None
    source: SourceRef = _SOURCE


def _split_objective_line(line: str) -> list[str]:
    """An objectives cell flattened to one line: "To reduce X by 2008 To reduce Y by 2008"."""
    pieces = [p.strip() for p in _TO_SPLIT.split(line) if p.strip()]
    return pieces or [line]


def _split_numbered(line: str) -> list[tuple[str | None, str]]:
    """ "1. Offenders 2. Target Hardening" as ``[("1", "Offenders"), ("2", "Target Hardening")]``."""
    matches = list(_INLINE_NUMBERED.finditer(line))
    if not matches:
        return [(None, line.strip())] if line.strip() else []
    items: list[tuple[str | None, str]] = []
    head = line[: matches[0].start()].strip()
    if head:
        items.append((None, head))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        title = line[match.end() : end].strip(" ,;")
        if title:
            items.append((match.group(1), title))
    return items


def _label_kind(label: str) -> str:
    lowered = label.lower()
    if "review" in lowered:
        return "review"
    if "objective" in lowered or "aim" in lowered:
        return "objective"
    if "work" in lowered:
        return "workstream"
    return "indicator"


def _items(kind: str, line: str, source: SourceRef) -> list[PreambleItem]:
    text = strip_bullet(line)
    if not text:
        return []
    if kind == "objective":
        return [
            PreambleItem("objective", part, None, source) for part in _split_objective_line(text)
        ]
    if kind == "workstream":
        return [
            PreambleItem("workstream" if ref else "text", title, ref, source)
            for ref, title in _split_numbered(text)
        ]
    return [PreambleItem(kind, text, None, source)]


def read_preamble(rows: Sequence[Row]) -> list[PreambleItem]:
    """The labelled items in rows above an action table's rows, column by column.

    A label ("Objectives:", "Performance Indicators:", "Next Review Date:", "has 3 areas of
    work:") applies to the lines after it in its cell and to the cells below it in its column.
    """
    state: dict[int, str] = {}
    items: list[PreambleItem] = []
    for row in rows:
        for column, cell in row_cells_by_column(row):
            for line in cell.lines:
                text = line.strip()
                if not text:
                    continue
                label = _LABEL.match(text)
                if label:
                    state[column] = _label_kind(label.group("label"))
                    rest = label.group("rest").strip()
                    if rest:
                        items.extend(_items(state[column], rest, cell.source))
                    continue
                if _AREAS_OF_WORK.search(text):
                    state[column] = "workstream"
                    head, colon, rest = text.partition(":")
                    if not colon:
                        # "has three areas of work 1. Offenders 2. ..." without a colon.
                        numbered = _split_numbered(text)
                        items.append(PreambleItem("text", numbered[0][1], None, cell.source))
                        items.extend(
                            PreambleItem("workstream", t, r, cell.source) for r, t in numbered[1:]
                        )
                        continue
                    items.append(PreambleItem("text", head.strip() + ":", None, cell.source))
                    if rest.strip():
                        items.extend(_items("workstream", rest, cell.source))
                    continue
                items.extend(_items(state.get(column, "text"), text, cell.source))
    return items


def is_label_row(row: Row) -> bool:
    first = next((c for c in row.cells if not c.is_empty), None)
    if first is None:
        return False
    line = first.lines[0] if first.lines else ""
    return bool(_LABEL.match(line) or _AREAS_OF_WORK.search(line))
