"""Discovery of parsers through the ``cspplan.parsers`` entry-point group.

Built-in parsers are registered in cspplan's own ``pyproject.toml`` exactly as a third party
registers one, so there is a single path for both. Entry points are listed once and each
parser class is imported only when it is first needed.
"""

from __future__ import annotations

import functools
import os
from importlib.metadata import EntryPoint, PackageNotFoundError, version
from pathlib import Path

from ..errors import CspplanError, DocumentError, UnsupportedFormatError
from ..plugins import entry_points_by_name, load_plugin
from .base import Parser, describe_bytes, read_head

__all__ = [
    "ENTRY_POINT_GROUP",
    "available_formats",
    "choose_parser",
    "get_parser",
    "parser_version",
    "reset",
]

ENTRY_POINT_GROUP = "cspplan.parsers"


@functools.cache
def _entry_points() -> dict[str, EntryPoint]:
    return entry_points_by_name(ENTRY_POINT_GROUP)


@functools.cache
def get_parser(name: str) -> Parser:
    """The parser registered under ``name``, loaded on first use.

    Raises :class:`~cspplan.errors.UnsupportedFormatError` when no parser has that name, and
    :class:`~cspplan.errors.CspplanError` when the plugin cannot be imported.
    """
    ep = _entry_points().get(name)
    if ep is None:
        raise UnsupportedFormatError(None, _entry_points(), f"no parser named {name!r}")
    parser = load_plugin("parser", name, ep)
    if not isinstance(parser, Parser):
        raise CspplanError(f"parser plugin {name!r} ({ep.value}) does not implement Parser")
    return parser


# The libraries doing the reading under cspplan's own parsers: their versions change what a
# parser makes of a file as much as cspplan's does. A plugin may list its own in a
# ``backends`` class attribute (distribution names).
_BACKENDS = {"pdf": ("pdfplumber", "pdfminer.six", "pypdfium2"), "docx": ("lxml",)}


def _distribution_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


@functools.cache
def parser_version(name: str) -> str:
    """What made a parser's output, for the batch manifest: the distribution that registered
    the parser and its version (``cspplan 1.4.0`` for the built-in parsers, the plugin's
    package for a plugin's), then the reading libraries' versions where known
    (``cspplan 1.4.0; pdfplumber 0.11.4, pdfminer.six 20231228, pypdfium2 4.30.0``).
    ``""`` where the parser is not registered."""
    ep = _entry_points().get(name)
    if ep is None:
        return ""
    dist = getattr(ep, "dist", None)
    dist_name = getattr(dist, "name", None) or "unknown"
    text = f"{dist_name} {getattr(dist, 'version', None) or '?'}"
    backends: tuple[str, ...] = ()
    if dist_name == "cspplan":
        backends = _BACKENDS.get(name, ())
    else:
        try:
            backends = tuple(getattr(get_parser(name), "backends", ()) or ())
        except CspplanError:
            backends = ()
    found = [f"{b} {v}" for b in backends if (v := _distribution_version(b)) is not None]
    return text + (f"; {', '.join(found)}" if found else "")


def available_formats() -> tuple[str, ...]:
    """Names of every registered parser, sorted."""
    return tuple(sorted(_entry_points()))


def reset() -> None:
    """Forget discovered parsers, so that entry points installed since are found."""
    _entry_points.cache_clear()
    get_parser.cache_clear()
    parser_version.cache_clear()


def _loadable_parsers() -> list[Parser]:
    # One broken plugin must not stop every other format from being read; naming it with
    # --format still reports why it failed.
    loaded = []
    for name in available_formats():
        try:
            loaded.append(get_parser(name))
        except CspplanError:
            continue
    return loaded


def choose_parser(path: str | os.PathLike[str], format: str | None = None) -> Parser:
    """The parser for a file: the one named by ``format``, else the one claiming its suffix
    (whatever its content: that parser refuses what is not its format), else the first whose
    ``identify()`` accepts its content."""
    if format is not None:
        try:
            return get_parser(format)
        except UnsupportedFormatError as exc:
            raise UnsupportedFormatError(path, available_formats(), exc.message) from None
    file = Path(path)
    if not file.exists():
        raise DocumentError("no such file", path)
    if file.is_dir():
        raise DocumentError("is a directory, not a file", path)
    if file.stat().st_size == 0:
        raise DocumentError("the file is empty", path)
    suffix = file.suffix.lower()
    parsers = list(_loadable_parsers())
    # A suffix claim wins (docs/plugins.md): the claiming parser refuses content that is not
    # its format, naming what the bytes look like; identify() is asked only to sniff files
    # whose suffix no parser claims.
    for parser in parsers:
        if suffix in parser.suffixes:
            return parser
    for parser in parsers:
        if parser.identify(file):
            return parser
    looks = describe_bytes(read_head(file, 4096))
    detail = f"no parser reads {suffix or 'files without a suffix'} (it looks like {looks})"
    if looks == "plain text":
        detail += "; name the text parser (--format text) to read it as a plan"
    raise UnsupportedFormatError(path, available_formats(), detail)
