"""Writers: each turns plans into an output format.

Writers are found through the ``cspplan.writers`` entry-point group, as parsers are through
``cspplan.parsers``; JSON is built in and registered the same way as a third party's writer.
See :mod:`cspplan.writers.base` for the two contracts (one output per plan, or one output
for many plans), :mod:`cspplan.writers.registry` for discovery, and ``docs/plugins.md``.
"""

from .base import CollectionWriter, PlanWriter, Writer, writes_many, writes_per_plan
from .registry import (
    DEFAULT_WRITER,
    ENTRY_POINT_GROUP,
    available_writers,
    get_plan_writer,
    get_writer,
)

__all__ = [
    "DEFAULT_WRITER",
    "ENTRY_POINT_GROUP",
    "CollectionWriter",
    "PlanWriter",
    "Writer",
    "available_writers",
    "get_plan_writer",
    "get_writer",
    "writes_many",
    "writes_per_plan",
]
