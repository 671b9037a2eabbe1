"""Parsers: each turns one file format into a :class:`~cspplan.document.Document`.

Parsers are found through the ``cspplan.parsers`` entry-point group; see
:mod:`cspplan.parsers.registry` and ``docs/plugins.md``.
"""

from .base import Parser, ParserSettings, resolve_settings
from .registry import ENTRY_POINT_GROUP, available_formats, choose_parser, get_parser

__all__ = [
    "ENTRY_POINT_GROUP",
    "Parser",
    "ParserSettings",
    "available_formats",
    "choose_parser",
    "get_parser",
    "resolve_settings",
]
