"""What the parser and writer registries share: reading an entry-point group and loading a
plugin from it, so that both kinds of plugin are found and fail the same way."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from .errors import CspplanError

__all__ = ["entry_points_by_name", "load_plugin"]


def entry_points_by_name(group: str) -> dict[str, EntryPoint]:
    """The entry points of ``group`` by name; where two distributions claim a name, the
    first found wins, so that a plugin cannot silently shadow a built-in one merely by being
    installed later on the path."""
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=group):
        found.setdefault(ep.name, ep)
    return found


def load_plugin(kind: str, name: str, ep: EntryPoint) -> object:
    """Import the class ``ep`` names and make an instance; any failure becomes a
    :class:`~cspplan.errors.CspplanError` naming the ``kind`` of plugin, its name and where
    it points, so that a broken plugin never looks like a broken document or plan."""
    try:
        return ep.load()()
    except Exception as exc:
        raise CspplanError(f"{kind} plugin {name!r} ({ep.value}) failed to load: {exc}") from exc
