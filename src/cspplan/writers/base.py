"""The writer contracts: what a plugin provides to be registered under ``cspplan.writers``.

There are two kinds of writer, because outputs come in two shapes:

- a :class:`PlanWriter` turns one plan into one file (JSON: ``plan.pdf`` → ``plan.pdf.json``);
  ``cspplan parse`` and ``cspplan batch`` write one output per source through it;
- a :class:`CollectionWriter` turns many plans into one output, a file or a folder (a
  workbook with a sheet per table, a data package, a report), with the audit findings where
  the caller has them.

A writer may implement both. Per-plan writers are handed a binary stream, never a path, so
that cspplan opens every output atomically (a temporary file renamed into place) and a
writer cannot leave half a file behind; it also lets the batch write in a worker process
and ship the bytes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, Protocol, runtime_checkable

from ..model.plan import Plan

if TYPE_CHECKING:
    from ..validate import Finding

__all__ = ["CollectionWriter", "PlanWriter", "Writer", "writes_many", "writes_per_plan"]


@runtime_checkable
class PlanWriter(Protocol):
    """A writer of one output per plan.

    Attributes:
        name: Short unique name, used as ``--to NAME`` (``"json"``).
        suffix: Appended to the source file's name to name its output, with the dot
            (``".json"``: ``plan.pdf`` → ``plan.pdf.json``).
        media_type: IANA media type of what it writes.
    """

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]

    def write(self, plan: Plan, stream: BinaryIO, settings: Any = None) -> None:
        """Write ``plan`` to the binary ``stream``, which the caller opened and will close.

        ``settings`` is the writer's settings object, a dict of overrides or ``None``. Raise a
        :class:`~cspplan.errors.CspplanError` subclass for settings or a plan it cannot
        write; the caller then discards the partial output.
        """
        ...


@runtime_checkable
class CollectionWriter(Protocol):
    """A writer of one output (a file or a folder) for many plans.

    Attributes:
        name: Short unique name, used as ``--to NAME`` (``"xlsx"``).
        suffix: Suffix of the file it writes, with the dot (``".xlsx"``), or ``""`` where it
            writes a folder.
        media_type: IANA media type of what it writes (of the folder's main file, for a
            folder).
    """

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]

    def write_many(
        self,
        plans: Sequence[Plan],
        out: Path,
        findings: Sequence[Sequence[Finding]] | None = None,
        settings: Any = None,
    ) -> None:
        """Write ``plans`` to ``out``, a file or a folder as :attr:`suffix` says.

        ``findings``, where given, runs parallel to ``plans``: ``findings[i]`` are the audit
        findings of ``plans[i]``; ``None`` means the caller did not audit. The writer
        replaces ``out`` whole or leaves it as it was (:func:`cspplan.fileio.atomic_open`
        for a file); it raises a :class:`~cspplan.errors.CspplanError` subclass naming
        ``out`` where it cannot write it.
        """
        ...


Writer = PlanWriter | CollectionWriter
"""Either kind of writer, as the registry returns it."""


def writes_per_plan(writer: object) -> bool:
    """True where ``writer`` can write one output per plan (it has ``write``)."""
    return callable(getattr(writer, "write", None))


def writes_many(writer: object) -> bool:
    """True where ``writer`` can write one output for many plans (it has ``write_many``)."""
    return callable(getattr(writer, "write_many", None))
