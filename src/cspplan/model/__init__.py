"""cspplan's domain model: frozen, slotted attrs value objects.

The model holds no parsing or serialisation logic; see :mod:`cspplan.recognise` for how a
plan is built from a document and :mod:`cspplan.serialise` for JSON.
"""

from .plan import (
    SCHEMA_VERSION,
    Action,
    Claim,
    ClaimKind,
    Entry,
    ExtraField,
    Figure,
    Indicator,
    Item,
    Lead,
    Marker,
    Membership,
    Milestone,
    Objective,
    Plan,
    PlanKind,
    Priority,
    Target,
    Unclassified,
    Workstream,
)
from .source import DocumentSource, SourceRef
from .values import Direction, Measure, Number, PercentBasis, Period, Timescale, TimescaleKind, Unit

__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "Claim",
    "ClaimKind",
    "Direction",
    "DocumentSource",
    "Entry",
    "ExtraField",
    "Figure",
    "Indicator",
    "Item",
    "Lead",
    "Marker",
    "Measure",
    "Membership",
    "Milestone",
    "Number",
    "Objective",
    "PercentBasis",
    "Period",
    "Plan",
    "PlanKind",
    "Priority",
    "SourceRef",
    "Target",
    "Timescale",
    "TimescaleKind",
    "Unclassified",
    "Unit",
    "Workstream",
]
