"""Reading the plans that ``cspplan export`` and ``cspplan report`` are given.

Each input is a plan document, a plan JSON written by ``cspplan parse`` or ``cspplan batch``,
a folder (walked for both) or a quoted glob pattern. A file that cannot be used is reported
through a callback and the others are still read, as ``cspplan check`` does.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from ..batch import MANIFEST_JSON, supported_suffixes
from ..batch.discover import _walk
from ..deadline import DEFAULT_TIME_LIMIT
from ..deadline import time_limit as limit
from ..document import Document
from ..errors import CspplanError
from ..model.plan import Plan

__all__ = ["NOT_PLANS", "Loaded", "expand_inputs", "read_plans"]

NOT_PLANS = frozenset({MANIFEST_JSON, "datapackage.json"})
"""JSON files a folder walk leaves out: they sit beside plan JSON but are not plans."""


@attrs.frozen(slots=True)
class Loaded:
    """One plan read from an input.

    Attributes:
        name: The file as given or found.
        plan: The plan.
        document: The blocks it was recognised from; ``None`` for plan JSON, whose document
            was not kept (so its text coverage is unknown).
    """

    name: str
    plan: Plan
    document: Document | None = None


def _is_json(path: Path, format: str | None) -> bool:
    return format is None and path.suffix.lower() == ".json"


def expand_inputs(inputs: Iterable[str], format: str | None = None) -> list[Path]:
    """The files named by ``inputs``: files as they are, folders walked (sorted, hidden files
    left out) for plan documents and plan JSON, glob patterns expanded. A file named twice
    is taken once. Raises :class:`CspplanError` for an input that names nothing."""
    suffixes = (*supported_suffixes(format), *((".json",) if format is None else ()))
    found: list[Path] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for file in _walk(path, suffixes, None):
                if file.name not in NOT_PLANS:
                    add(file)
        elif os.path.lexists(item):
            add(path)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise CspplanError(f"no file matches {item!r}")
            for match in matches:
                add(Path(match))
        else:
            raise CspplanError("no such file or folder", item)
    return found


def read_plans(
    inputs: Iterable[str],
    format: str | None = None,
    on_error: Callable[[CspplanError], None] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> Iterator[Loaded]:
    """Read every plan ``inputs`` name, in order: documents through their parser (keeping
    the document), ``.json`` files as plan JSON, each within ``time_limit`` seconds (``None``
    for no limit). A file that cannot be used is passed to ``on_error`` and skipped; without
    ``on_error`` its error is raised."""
    from .. import parse_document
    from ..cli.commands.check import read_plan
    from ..recognise import build_plan

    for path in expand_inputs(inputs, format):
        name = str(path)
        try:
            # The limit covers reading and recognition, not what the caller does with the
            # plan between one yield and the next.
            with limit(time_limit, name):
                if _is_json(path, format):
                    loaded = Loaded(name, read_plan(name, seconds=None))
                else:
                    document = parse_document(path, format, time_limit=None)
                    loaded = Loaded(name, build_plan(document), document)
        except CspplanError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        yield loaded
