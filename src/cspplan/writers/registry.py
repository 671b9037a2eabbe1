"""Discovery of writers through the ``cspplan.writers`` entry-point group.

The built-in JSON writer is registered in cspplan's own ``pyproject.toml`` exactly as a third
party registers one, so there is a single path for both, as for parsers
(:mod:`cspplan.parsers.registry`). Entry points are listed once and each writer class is
imported only when it is first asked for, so a broken plugin costs nothing until it is named.
"""

from __future__ import annotations

import functools
from importlib.metadata import EntryPoint
from typing import cast

from ..errors import CspplanError
from ..plugins import entry_points_by_name, load_plugin
from .base import PlanWriter, Writer, writes_many, writes_per_plan

__all__ = [
    "DEFAULT_WRITER",
    "ENTRY_POINT_GROUP",
    "available_writers",
    "get_plan_writer",
    "get_writer",
    "reset",
]

ENTRY_POINT_GROUP = "cspplan.writers"
DEFAULT_WRITER = "json"
"""The writer ``parse`` and ``batch`` use when none is named."""


@functools.cache
def _entry_points() -> dict[str, EntryPoint]:
    return entry_points_by_name(ENTRY_POINT_GROUP)


def available_writers() -> tuple[str, ...]:
    """Names of every registered writer, sorted (loaded or not: listing imports nothing)."""
    return tuple(sorted(_entry_points()))


@functools.cache
def get_writer(name: str) -> Writer:
    """The writer registered under ``name``, loaded on first use.

    Raises :class:`~cspplan.errors.CspplanError` when no writer has that name (listing those
    that do), when the plugin cannot be imported, or when it implements neither contract.
    Only the writer named is loaded, so a broken plugin never stops the others.
    """
    ep = _entry_points().get(name)
    if ep is None:
        listed = ", ".join(available_writers()) or "none installed"
        raise CspplanError(f"no writer named {name!r}; available writers: {listed}")
    writer = load_plugin("writer", name, ep)
    if not (writes_per_plan(writer) or writes_many(writer)) or not all(
        isinstance(getattr(writer, field, None), str) for field in ("name", "suffix", "media_type")
    ):
        raise CspplanError(
            f"writer plugin {name!r} ({ep.value}) implements neither PlanWriter (write) nor"
            " CollectionWriter (write_many) with a name, suffix and media_type"
        )
    return cast(Writer, writer)


def get_plan_writer(name: str) -> PlanWriter:
    """The writer ``name``, which must write one output per plan (as ``batch`` needs).

    Raises :class:`~cspplan.errors.CspplanError` as :func:`get_writer` does, and where the
    writer only writes one output for many plans.
    """
    writer = get_writer(name)
    if not isinstance(writer, PlanWriter) or not writes_per_plan(writer):
        raise CspplanError(
            f"writer {name!r} writes one output for many plans, not one per plan;"
            " use `cspplan parse FILE... --to NAME -o OUT` for it"
        )
    return writer


def reset() -> None:
    """Forget discovered writers, so that entry points installed since are found."""
    _entry_points.cache_clear()
    get_writer.cache_clear()
