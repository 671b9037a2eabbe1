"""Rows of an action table to actions, milestones, workstreams and the cells above them.

:func:`rows_to_actions` reads a joined action table (see :mod:`.tables`) row by row:

- a row with a ref ("2.3", in its own column or at the start of the action text) or with
  action text starts an action; markers after the ref (``*``, ``▲``) are kept;
- a row with no ref and no action text but another output, date or lead continues the action
  above: it adds milestones and leads;
- a row that only names a group ("2. Prevention & Education", "Priority 1: Criminal damage")
  starts a workstream;
- rows above the header, and label rows before the first action, are returned as
  :class:`~.preamble.PreambleItem` for the action plan's priority (see :mod:`.preamble`).

How each column's cells are read, and which field of the action they fill, is set out once
in :data:`.columns.COLUMNS`; outputs and dates are paired into milestones by
:mod:`.milestones`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..document import Cell, Row, Table
from ..model.plan import (
    Action,
    Claim,
    ExtraField,
    Indicator,
    Lead,
    Marker,
    Milestone,
    TableColumn,
    Workstream,
)
from ..model.source import SourceRef
from ..text.continuation import row_cells_by_column
from ..text.patterns import DOTALL, IGNORECASE, escape, lazy
from .columns import COLUMNS, CellReading, ColumnKind, kinds_where
from .indicators import find_indicators
from .leads import split_leads
from .milestones import (
    FUNCTION,
    VERBS,
    cell_text,
    pair_milestones,
    split_outputs,
    strip_bullet,
)
from .preamble import PreambleItem, is_label_row, read_preamble
from .rowshape import TableShape, is_spacer_row, sum_claims, sum_label
from .tables import TableLayout, is_header_row

__all__ = [
    "ActionTableReading",
    "PreambleItem",
    "pair_milestones",
    "read_preamble",
    "rows_to_actions",
    "split_outputs",
    "split_ref",
    "table_columns",
]

TITLE_WORDS = 10
"""The most words a group's title may have."""
TITLE_CAPITALS = 0.6
"""The share of a title's significant words that must start with a capital or a digit."""
SENTENCE_CASE_TITLE_WORDS = 6
"""The most words a group name in sentence case ("Anti-social behaviour") may have."""
SHORT_TITLE_WORDS = 8
"""The most words a short capitalised title (a section in a merged row) may have."""
GROUP_PHRASE_WORDS = 4
"""The most words a lone phrase in a row may have to name a group of actions."""
NAMED_GROUP_WORDS = 12
"""The most words a title may have after a group word ("Priority 2 - ...")."""
GROUP_ROW_CELLS = 2
"""The most filled cells a row naming a group may have."""
NOTE_WORDS = 8
"""Beyond this many words, one merged cell under the header is a note, not a title."""

MARKER_CHARS = "*▲△▼▽■□◆◇●○★☆†‡#♦►✦✧"
"""Symbols a plan may print after an action's ref to flag it."""

_REF_CELL = lazy(
    r"^\s*\(?(?P<ref>(?:[A-Z]{1,4}\s?)?\d{1,2}(?:\.\d{1,2}){0,3}[a-z]?|[a-zA-Z]|[ivx]{1,4})"
    r"(?:\.|\)|(?=\s|$))"
    r"(?P<marks>(?:\s*[" + escape(MARKER_CHARS) + r"])*)\s*(?P<rest>.*)$",
    DOTALL,
)
_REF_IN_TEXT = lazy(
    r"^\s*(?P<ref>\d{1,2}(?:\.\d{1,2}){1,3}[a-z]?|\d{1,2}(?=[.)]\s+[A-Z]))[.)]?"
    r"(?P<marks>(?:\s*[" + escape(MARKER_CHARS) + r"])*)\s+(?P<rest>\S.*)$",
    DOTALL,
)
_GROUP_ROW = lazy(
    r"^\s*(?:(?P<word>priority|theme|area|workstream|work\s*stream|strand|section|outcome|"
    r"objective|aim)\s*)?(?P<ref>\d{1,2}|[A-Z](?=[.:)]))\s*[.:)\-–]?\s+(?P<title>\S.{0,100})$",
    IGNORECASE | DOTALL,
)
_SENTENCE_END = lazy(r"[.;:]\s*$")
_NUMBERED_START = lazy(r"^\s*\d{1,2}[.)]?\s")
"""A row that opens with a plain number ("3 ", "3. ", "3) "), which may name a group."""
_DIGIT_START = lazy(r"^\s*\d")
"""Text that opens with a digit, which a group title without a number never does."""


@attrs.frozen(slots=True)
class ActionTableReading:
    """What one action table holds.

    Attributes:
        actions: Its actions in order, with empty ids (the plan assigns them).
        groups: For each action, the text of its priority column, or of the "Priority N"
            row above it, where the table has one (an empty cell, or a cell merged down,
            repeats the value above).
        objectives: For each action, the text of its objective column, likewise.
        preamble: Objectives, indicators, review dates and areas of work stated above the rows.
        workstreams: The areas of work, in order, without repeats.
        leftovers: Rows that held text but were none of the above.
        sums: What its "Total" rows state, as claims of kind ``sum`` over the figures of
            the rows above them (ids left empty).
    """

    actions: tuple[Action, ...] = ()
    groups: tuple[str | None, ...] = ()
    objectives: tuple[str | None, ...] = ()
    preamble: tuple[PreambleItem, ...] = ()
    workstreams: tuple[Workstream, ...] = ()
    leftovers: tuple[Row, ...] = ()
    sums: tuple[Claim, ...] = ()


def split_ref(text: str, own_column: bool) -> tuple[str | None, tuple[str, ...], str]:
    """A ref, its markers and the rest of the text: ``"2.1 *"`` gives
    ``("2.1", ("*",), "")``; in action text only a dotted ref or "1." counts ("1.1 Identify ...")."""
    pattern = _REF_CELL if own_column else _REF_IN_TEXT
    match = pattern.match(text)
    if not match:
        return None, (), text.strip()
    marks = tuple(ch for ch in match.group("marks") if not ch.isspace())
    return match.group("ref").strip(), marks, match.group("rest").strip()


def _title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > TITLE_WORDS or _SENTENCE_END.search(text):
        return False
    significant = [w for w in words if w.lower() not in FUNCTION and w not in "&-–/"]
    if not significant:
        return False
    capitals = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    return capitals / len(significant) >= TITLE_CAPITALS


def _short_sentence_case_title(text: str) -> bool:
    """ "Anti-social behaviour", "Night-time economy": modern plans write group names in
    sentence case, which the capitals test misses; an action would start with a verb."""
    words = text.split()
    if not _short_title(text) or len(words) > SENTENCE_CASE_TITLE_WORDS:
        return False
    first = words[0].lower().strip(".,:")
    return first != "to" and first not in VERBS


_BULLET_MARK = lazy(r"^\s*[•▪●◦■➢➤\-–·§❖*]\s+\S")


def _bulleted_items(cells: Sequence[Cell]) -> tuple[str, ...]:
    """The items of an action cell that holds nothing but two or more bulleted lines."""
    lines = [line for c in cells for line in c.lines if line.strip()]
    if len(lines) < 2 or not all(_BULLET_MARK.match(line) for line in lines):
        return ()
    return tuple(" ".join(strip_bullet(line).split()) for line in lines)


_FIELD_COLUMNS = tuple(entry for entry in COLUMNS if entry.reading is CellReading.FIELD)
_DETAILS = kinds_where("detail")
_RULES_OUT_GROUP = kinds_where("rules_out_group")
_SHARED_DOWN = frozenset(kinds_where("shared_down"))
"""Columns whose merged-down cell holds for every row it covers. The action and ref columns
are not: a merged action cell over several rows is one action with several outputs."""


@attrs.define
class _Draft:
    """An action being read, before its continuation rows are all in."""

    text: str
    ref: str | None
    markers: tuple[str, ...]
    workstream: str | None
    leads: list[Lead]
    milestones: list[Milestone]
    fields: dict[ColumnKind, list[str]]
    indicators: list[Indicator]
    extra: list[ExtraField]
    source: SourceRef
    group: str | None
    objective: str | None = None
    bullets: tuple[str, ...] = ()
    """The items of an action cell that is only a bulleted list, one action each."""
    unmatched: tuple[list[Cell], list[Cell], int] | None = None
    """The last row's output and date cells where it gave more dates than outputs, and how
    many milestones that made: a PDF may carry the rest of the outputs into the next row."""

    def freeze(self) -> Action:
        """The action as read, its id left empty for the plan to assign."""
        fields: dict[str, Any] = {
            entry.field: "\n".join(self.fields.get(entry.kind, [])) or None
            for entry in _FIELD_COLUMNS
            if entry.field is not None
        }
        return Action(
            id="",
            text=self.text,
            ref=self.ref,
            workstream=self.workstream,
            leads=tuple(self.leads),
            milestones=tuple(self.milestones),
            indicators=tuple(self.indicators),
            markers=tuple(Marker(symbol=s) for s in self.markers),
            extra=tuple(self.extra),
            source=self.source,
            **fields,
        )


def _by_kind(
    row: Row, layout: TableLayout
) -> tuple[dict[ColumnKind, list[Cell]], list[tuple[str, Cell]]]:
    known: dict[ColumnKind, list[Cell]] = {}
    unknown: list[tuple[str, Cell]] = []
    for column, cell in row_cells_by_column(row):
        if column >= layout.width:
            unknown.append(("", cell))
            continue
        kind = layout.kinds[column]
        if kind is None:
            unknown.append((layout.headers[column], cell))
        else:
            known.setdefault(kind, []).append(cell)
    return known, unknown


def _indicators(cells: Sequence[Cell], source: SourceRef) -> list[Indicator]:
    found: list[Indicator] = []
    for cell in cells:
        for line in cell.lines:
            text = strip_bullet(line)
            if not text:
                continue
            coded = find_indicators(text, cell.source)
            found.extend(coded or [Indicator(text=text, scheme="local", source=cell.source)])
    return found


def _group_row(
    row: Row, known: dict[ColumnKind, list[Cell]]
) -> tuple[str | None, str, str | None] | None:
    """``(ref, title, word)`` where a row only names a group of actions; ``word`` is the
    kind of group the row names ("priority" in "PRIORITY 2 – PROTECTING VULNERABLE
    PEOPLE"), where it names one."""
    if any(not c.is_empty for kind in _RULES_OUT_GROUP for c in known.get(kind, [])):
        return None
    filled = [c for c in row.cells if not c.is_empty]
    if not filled or len(filled) > GROUP_ROW_CELLS:
        return None
    text = " ".join(" ".join(c.text.split()) for c in filled)
    match = _GROUP_ROW.match(text)
    if match and "." not in match.group("ref")[1:]:
        title = match.group("title").strip()
        named = (
            _title_like(title)
            or (match.group("word") and len(title.split()) <= NAMED_GROUP_WORDS)
            or _short_sentence_case_title(title)
            or (_spans_row(row) and _short_title(title))
        )
        if named and (not _REF_IN_TEXT.match(text) or _NUMBERED_START.match(text)):
            word = match.group("word")
            return match.group("ref"), title, " ".join(word.lower().split()) if word else None
    if len(filled) == 1 and _group_title(text) and not _DIGIT_START.match(text):
        return None, text, None
    if _spans_row(row) and _short_title(text):
        return None, text, None
    return None


def _spans_row(row: Row) -> bool:
    """One cell merged across the whole row: how Word and PDF tables set out a section."""
    return len(row.cells) == 1 and row.cells[0].colspan >= 2


def _short_title(text: str) -> bool:
    """Short, capitalised and not a sentence: in a row merged across the table this names a
    section even where it starts with a verb ("Support for victims")."""
    words = text.split()
    return (
        0 < len(words) <= SHORT_TITLE_WORDS
        and words[0][:1].isupper()
        and not _SENTENCE_END.search(text)
    )


def _group_title(text: str) -> bool:
    """A row's only text reads as the name of a group of actions: a title, or a phrase of a
    few words with nothing else in the row ("Support for victims"); an action has more words
    or a lead and a date beside it."""
    return _title_like(text) or (_short_title(text) and len(text.split()) <= GROUP_PHRASE_WORDS)


def _note_row(row: Row) -> bool:
    """A sentence in one cell merged across several columns, as plans put a note under the
    header before the first action."""
    filled = [c for c in row.cells if not c.is_empty]
    if len(filled) != 1 or filled[0].colspan < 2:
        return False
    text = " ".join(filled[0].text.split())
    return bool(_SENTENCE_END.search(text)) or len(text.split()) > NOTE_WORDS


def _fill_merged_down(rows: list[Row], layout: TableLayout) -> list[Row]:
    """Rows where a placeholder under a merged-down lead, date or status cell takes that
    cell's text, since in the document it covers this row too."""
    above: dict[int, Cell] = {}
    filled: list[Row] = []
    for row in rows:
        cells = list(row.cells)
        for position, (column, cell) in enumerate(row_cells_by_column(row)):
            kind = layout.kinds[column] if column < layout.width else None
            if cell.rowspan == 0 and kind in _SHARED_DOWN and column in above:
                cells[position] = attrs.evolve(above[column], rowspan=1, source=cell.source)
            elif cell.rowspan != 0:
                above[column] = cell
        filled.append(attrs.evolve(row, cells=tuple(cells)))
    return filled


def rows_to_actions(table: Table, layout: TableLayout) -> ActionTableReading:
    """Read an action table (joined across breaks) with its ``layout`` into actions."""
    preamble_rows: list[Row] = list(table.rows[: layout.header_row])
    body = list(table.rows[layout.header_row + 1 :])
    drafts: list[_Draft] = []
    workstreams: list[Workstream] = []
    leftovers: list[Row] = []
    current_workstream: str | None = None
    current_group: str | None = None
    current_objective: str | None = None
    current_outcome = ""
    leading_outcome = bool(layout.kinds) and layout.kinds[0] is ColumnKind.OUTCOME
    ref_column = layout.column(ColumnKind.REF) is not None
    body = _fill_merged_down(body, layout)
    shape = TableShape.of(body, layout.width)
    sums: list[Claim] = []
    summed: list[Row] = []  # the rows of actions since the last "Total" row
    for row in body:
        if is_spacer_row(row) or row.is_header or is_header_row(row):
            continue  # blanks, dashes, or a header repeated inside the table (a page break)
        if sum_label(row) is not None:
            # "Total": it adds up the rows above, it is no action.
            made = sum_claims(row, summed, layout.headers)
            if made:
                sums.extend(made)
            else:
                leftovers.append(row)
            summed = []
            continue
        known, unknown = _by_kind(row, layout)
        label_row = is_label_row(row)
        if (label_row or _note_row(row)) and not drafts:
            preamble_rows.append(row)
            continue
        ref_cells = known.get(ColumnKind.REF, [])
        action_cells = known.get(ColumnKind.ACTION, [])
        ref: str | None = None
        marks: tuple[str, ...] = ()
        rest = ""
        if ref_cells and not ref_cells[0].is_empty:
            ref, marks, rest = split_ref(ref_cells[0].text, own_column=True)
        action_text = cell_text(action_cells)
        if ref is None and action_text:
            ref, marks, action_text = split_ref(action_text, own_column=False)
            if ref_column and ref is None and rest:
                action_text = f"{rest}\n{action_text}"
        elif rest:
            action_text = f"{rest}\n{action_text}".strip()
        group = _group_row(row, known)
        is_sub_ref = ref is not None and "." in ref.strip(".")
        if group is not None and not is_sub_ref and not _has_details(known):
            group_ref, title, word = group
            if group_ref is not None or not drafts or _group_title(title) or _spans_row(row):
                current_workstream = title
                if word == "priority" and layout.column(ColumnKind.PRIORITY) is None:
                    # "PRIORITY 2 – PROTECTING VULNERABLE PEOPLE": the rows under it are that
                    # priority's, as they would be under a Priority column.
                    current_group = title
                if not any(w.ref == group_ref and group_ref for w in workstreams):
                    workstreams.append(Workstream(title=title, ref=group_ref, source=row.source))
                continue
        shaped = shape.group_title(row, layout) if ref is None else None
        if shaped is not None:
            # Alone in the first text cell where the other rows fill their details: a theme.
            current_workstream = shaped
            if not any(w.title == shaped and w.ref is None for w in workstreams):
                workstreams.append(Workstream(title=shaped, source=row.source))
            continue
        group_text = cell_text(known.get(ColumnKind.PRIORITY, [])) or None
        if group_text:
            current_group = " ".join(group_text.split())
        objective_text = cell_text(known.get(ColumnKind.OBJECTIVE, [])) or None
        if objective_text:
            current_objective = " ".join(objective_text.split())
        if (
            ref is None
            and drafts
            and action_text[:1].islower()
            and not _has_details(known)
            and not group_text
        ):
            # The action's text wrapped onto a row of its own.
            drafts[-1].text = f"{drafts[-1].text} {' '.join(action_text.split())}".strip()
            continue
        if ref is not None or action_text:
            drafts.append(
                _Draft(
                    text=strip_bullet(" ".join(action_text.split())) if action_text else "",
                    ref=ref,
                    markers=marks,
                    workstream=_workstream_for(ref, workstreams, current_workstream),
                    leads=[],
                    milestones=[],
                    fields={},
                    indicators=[],
                    extra=[],
                    source=row.source,
                    group=current_group,
                    objective=current_objective,
                    bullets=_bulleted_items(action_cells) if ref is None else (),
                )
            )
        elif not drafts or not (_has_details(known) or any(not c.is_empty for _, c in unknown)):
            leftovers.append(row)
            continue
        lead_column = layout.column(ColumnKind.LEAD)
        lead_header = layout.headers[lead_column] if lead_column is not None else "lead"
        new_action = drafts[-1].source is row.source
        if leading_outcome and new_action:
            # An outcome in the first column groups the rows under it (a merged cell).
            own = cell_text(known.get(ColumnKind.OUTCOME, []))
            current_outcome = own or current_outcome
            if not own and current_outcome:
                drafts[-1].fields.setdefault(ColumnKind.OUTCOME, []).append(current_outcome)
        _add_details(drafts[-1], known, unknown, row.source, lead_header)
        summed.append(row)
    preamble = read_preamble(preamble_rows)
    for item in preamble:
        if item.kind == "workstream" and not any(
            w.ref == item.ref and item.ref for w in workstreams
        ):
            workstreams.append(Workstream(title=item.text, ref=item.ref, source=item.source))
    ordered = _order_workstreams(workstreams)
    # A row whose action cell is a bulleted list holds one action per bullet, sharing the
    # row's lead and date; with several dates the pairing is unknown, so the row stays one.
    drafts = [
        attrs.evolve(d, text=item, bullets=())
        for d in drafts
        for item in (d.bullets if d.bullets and len(d.milestones) <= 1 else (d.text,))
    ]
    columns = table_columns(layout)
    actions = tuple(attrs.evolve(d.freeze(), columns=columns) for d in drafts)
    actions = tuple(attrs.evolve(a, workstream=_canonical_workstream(a, ordered)) for a in actions)
    return ActionTableReading(
        actions=actions,
        groups=tuple(d.group for d in drafts),
        objectives=tuple(d.objective for d in drafts),
        preamble=tuple(preamble),
        workstreams=tuple(ordered),
        leftovers=tuple(leftovers),
        sums=tuple(sums),
    )


def table_columns(layout: TableLayout) -> tuple[TableColumn, ...]:
    """The columns of a table with ``layout`` as the model keeps them on each action: one
    per header (a header merged over several grid columns once), blank unknown ones left out."""
    columns: list[TableColumn] = []
    previous: tuple[str, ColumnKind | None] | None = None
    for header, kind in zip(layout.headers, layout.kinds, strict=False):
        if (header, kind) == previous or (not header and kind is None):
            previous = (header, kind)
            continue
        previous = (header, kind)
        columns.append(TableColumn(header=header, kind=kind.value if kind else None))
    return tuple(columns)


def _order_workstreams(workstreams: list[Workstream]) -> list[Workstream]:
    """Workstreams by ref where they have refs (the preamble list may come after the rows)."""
    if workstreams and all(w.ref and w.ref.isdigit() for w in workstreams):
        return sorted(workstreams, key=lambda w: int(w.ref or 0))
    return workstreams


def _canonical_workstream(action: Action, workstreams: list[Workstream]) -> str | None:
    if action.ref and "." in action.ref:
        head = action.ref.split(".")[0]
        for workstream in workstreams:
            if workstream.ref == head:
                return workstream.title
    return action.workstream


def _workstream_for(
    ref: str | None, workstreams: list[Workstream], current: str | None
) -> str | None:
    if ref and "." in ref:
        head = ref.split(".")[0]
        for workstream in workstreams:
            if workstream.ref == head:
                return workstream.title
    return current


def _has_details(known: dict[ColumnKind, list[Cell]]) -> bool:
    return any(not c.is_empty for kind in _DETAILS for c in known.get(kind, []))


def _add_details(
    draft: _Draft,
    known: dict[ColumnKind, list[Cell]],
    unknown: list[tuple[str, Cell]],
    source: SourceRef,
    lead_header: str,
) -> None:
    """Add a row's detail cells to ``draft``, each column read as its entry in
    :data:`.columns.COLUMNS` says; cells under unknown headers are kept by header."""
    for entry in COLUMNS:
        cells = known.get(entry.kind, [])
        if entry.reading is CellReading.LEADS:
            _add_leads(draft, cells, lead_header)
        elif entry.reading is CellReading.OUTPUTS:
            _add_milestones(draft, cells, known, source)
        elif entry.reading is CellReading.FIELD:
            text = cell_text(cells)
            if text:
                draft.fields.setdefault(entry.kind, []).append(text)
        elif entry.reading is CellReading.INDICATORS:
            draft.indicators.extend(_indicators(cells, source))
    for header, cell in unknown:
        if not cell.is_empty:
            draft.extra.append(ExtraField(name=header, value=cell.text.strip()))


def _add_leads(draft: _Draft, cells: Sequence[Cell], lead_header: str) -> None:
    for cell in cells:
        text = cell.text.strip()
        if not text:
            continue
        leads = split_leads(text, cell.source)
        if leads:
            for lead in leads:
                if all(
                    (x.person, x.organisation) != (lead.person, lead.organisation)
                    for x in draft.leads
                ):
                    draft.leads.append(lead)
        else:
            # A placeholder ("Await outcome of review") names nobody: no lead is invented,
            # and its words are kept under the column's header.
            draft.extra.append(ExtraField(name=lead_header, value=text))


def _add_milestones(
    draft: _Draft,
    output_cells: Sequence[Cell],
    known: dict[ColumnKind, list[Cell]],
    source: SourceRef,
) -> None:
    """Outputs paired with the dates of the row's date column (read here, with them)."""
    outputs = [c for c in output_cells if not c.is_empty]
    dates = [c for c in known.get(ColumnKind.TIMESCALE, []) if not c.is_empty]
    if outputs and not dates and draft.unmatched is not None:
        # The outputs the dates above were waiting for: pair them all again.
        before_outputs, before_dates, made = draft.unmatched
        del draft.milestones[len(draft.milestones) - made :]
        outputs, dates = before_outputs + outputs, before_dates
    paired = pair_milestones(outputs, dates, source)
    draft.milestones.extend(paired)
    draft.unmatched = (
        (outputs, dates, len(paired)) if any(m.output is None for m in paired) else None
    )
