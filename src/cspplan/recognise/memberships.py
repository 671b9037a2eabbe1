"""Membership tables: who sits on a partnership's groups, as role / person / organisation.

Plans list each panel's members in a table of three columns, with or without a header row
("Role | Name | Organisation"). Which column is which is judged by header meaning where
there is a header, else by content: the column whose cells read as people's names is the
person column, the one whose cells read as bodies the organisation column, the other the role.
A row with an empty role cell keeps the role above it ("Team Members" spans several rows); a
row with only an organisation-column entry names no one and is not a member.
"""

from __future__ import annotations

import attrs

from ..document import Row, Table
from ..model.plan import Membership
from ..text.patterns import IGNORECASE, lazy
from .leads import is_post, looks_like_person, split_lead

__all__ = ["MembershipReading", "table_to_memberships"]

_ROLE_HEADER = lazy(r"^\W*(?:role|position|post|title|capacity|job\s+title)\b", IGNORECASE)
_PERSON_HEADER = lazy(
    r"^\W*(?:names?|members?|person|representatives?|officer|contact)\b", IGNORECASE
)
_ORG_HEADER = lazy(
    r"^\W*(?:organi[sz]ations?|agency|agencies|body|bodies|representing|service|department|partner)\b",
    IGNORECASE,
)


_GROUP_HEADER = lazy(
    r"^\W*(?:(?:theme|task|sub|working|delivery|steering)[\s-]*)?(?:groups?|panels?|boards?|forums?|"
    r"themes?|meetings?)\b",
    IGNORECASE,
)


_MAX_WIDTH = 4
"""Most columns a membership table has: role, person, organisation and perhaps a group."""
_CONTENT_WIDTHS = (2, 3)
"""Widths of a table without header words whose columns are judged by their content."""
_PERSON_SHARE = 0.6
"""Share of a column's cells that must read as people's names for it to be the person column."""
_MIN_ROWS_FOR_HEADER = 3
"""Fewest rows a table needs before its first row, not a person, is taken for a header."""


@attrs.frozen(slots=True)
class MembershipReading:
    """The members a table lists, and the rows that named no one.

    Attributes:
        members: One membership per member row, in order.
        leftovers: Rows that held text but named no member.
    """

    members: tuple[Membership, ...] = ()
    leftovers: tuple[Row, ...] = ()


def _columns_by_header(row: Row) -> tuple[int, int, int] | None:
    texts = [" ".join(t.split()) for t in row.texts]
    if len(texts) < 2:
        return None
    role = next((i for i, t in enumerate(texts) if _ROLE_HEADER.match(t)), None)
    person = next((i for i, t in enumerate(texts) if _PERSON_HEADER.match(t)), None)
    org = next((i for i, t in enumerate(texts) if _ORG_HEADER.match(t)), None)
    if person is None or (role is None and org is None):
        return None
    return (role if role is not None else -1, person, org if org is not None else -1)


def _person_share(rows: tuple[Row, ...], column: int) -> float:
    values = [r.texts[column] for r in rows if column < len(r.cells) and r.texts[column].strip()]
    if not values:
        return 0.0
    return sum(1 for v in values if looks_like_person(" ".join(v.split()))) / len(values)


def _columns_by_content(table: Table) -> tuple[int, int, int] | None:
    if table.width not in _CONTENT_WIDTHS:
        return None
    shares = [_person_share(table.rows, c) for c in range(table.width)]
    person = max(range(len(shares)), key=lambda c: shares[c])
    if shares[person] < _PERSON_SHARE:
        return None
    if table.width == 2:
        # A two-column list: person and organisation, or role and person.
        other = 1 - person
        return (other, person, -1) if person == 1 else (-1, person, other)
    others = [c for c in range(3) if c != person]
    # Roles come before names in every membership table seen; bodies after them.
    return (others[0], person, others[1])


def table_to_memberships(table: Table, group: str | None = None) -> MembershipReading | None:
    """The members ``table`` lists, or ``None`` where it is not a membership table (or is too
    hostile to read in time)."""
    try:
        return _table_to_memberships(table, group)
    except TimeoutError:
        return None


def _table_to_memberships(table: Table, group: str | None) -> MembershipReading | None:
    if not table.rows or table.width > _MAX_WIDTH:
        return None
    columns = _columns_by_header(table.rows[0])
    rows = table.rows[1:] if columns else table.rows
    if columns is None:
        columns = _columns_by_content(table)
    if columns is None:
        return None
    role_col, person_col, org_col = columns
    members: list[Membership] = []
    leftovers: list[Row] = []
    role: str | None = None
    group_col = -1

    def cell(row: Row, column: int) -> str | None:
        if column < 0 or column >= len(row.cells):
            return None
        return " ".join(row.cells[column].text.split()) or None

    if (
        rows is table.rows
        and len(rows) >= _MIN_ROWS_FOR_HEADER
        and not looks_like_person(cell(rows[0], person_col) or "")
    ):
        # A header the header words did not catch ("Theme group | Chair"): the person
        # column's header may name the post its people hold, and another column the groups.
        header, rows = rows[0], rows[1:]
        post = cell(header, person_col)
        if post and is_post(post):
            role = post
        if _GROUP_HEADER.match(cell(header, role_col) or ""):
            group_col, role_col = role_col, -1

    for row in rows:
        person = cell(row, person_col)
        own_role = cell(row, role_col)
        organisation = cell(row, org_col)
        if own_role:
            role = own_role
        if not person:
            if any(not c.is_empty for c in row.cells):
                leftovers.append(row)
            continue
        lead = split_lead(person)
        members.append(
            Membership(
                person=lead.person or person,
                role=own_role or role,
                organisation=organisation,
                group=cell(row, group_col) or group,
                source=row.source,
            )
        )
    if not members:
        return None
    return MembershipReading(members=tuple(members), leftovers=tuple(leftovers))
