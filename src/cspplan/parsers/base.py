"""The parser contract and the helpers every parser shares."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar, runtime_checkable

import attrs

from ..document import Document
from ..errors import DocumentError, SettingsError

__all__ = [
    "Parser",
    "ParserSettings",
    "describe_bytes",
    "file_sha256",
    "read_head",
    "resolve_settings",
]


@runtime_checkable
class Parser(Protocol):
    """What a parser must provide to be registered under ``cspplan.parsers``.

    Attributes:
        name: Short unique name, used as the ``format`` argument (``"pdf"``).
        suffixes: File name endings it reads, lower case with the dot (``(".pdf",)``).
        media_type: IANA media type of the files it reads.
    """

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    media_type: ClassVar[str]

    def identify(self, path: Path) -> bool:
        """True where this parser can read the file, judged from its content (magic bytes),
        not its name. Called only when no parser claims the file's suffix (a suffix claim
        wins; ``parse`` then refuses content that is not its format)."""
        ...

    def parse(self, path: Path, settings: Any = None) -> Document:
        """Read the file into a Document. Raises :class:`cspplan.errors.CspplanError`
        subclasses naming the file when it cannot be read."""
        ...


@attrs.frozen(slots=True)
class ParserSettings:
    """Base for a parser's frozen settings object; subclasses add fields with defaults."""


# Any attrs class, not only ParserSettings: writers' settings resolve the same way.
S = TypeVar("S", bound=attrs.AttrsInstance)


def resolve_settings(cls: type[S], settings: S | Mapping[str, Any] | None) -> S:
    """Turn ``None``, a dict of overrides or a settings object into a ``cls`` instance.

    An unknown key or a value the class's validators reject raises
    :class:`~cspplan.errors.SettingsError`.
    """
    if settings is None:
        return cls()
    if isinstance(settings, cls):
        return settings
    if isinstance(settings, Mapping):
        known = {f.name for f in attrs.fields(cls)}
        unknown = sorted(set(settings) - known)
        if unknown:
            raise SettingsError(
                f"unknown {cls.__name__} setting(s): {', '.join(unknown)};"
                f" known: {', '.join(sorted(known))}"
            )
        try:
            return cls(**settings)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"invalid {cls.__name__}: {exc}") from exc
    raise SettingsError(f"expected {cls.__name__}, a dict or None, got {type(settings).__name__}")


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror or exc}", path) from exc
    return digest.hexdigest()


def read_head(path: str | os.PathLike[str], size: int = 8) -> bytes:
    """The first ``size`` bytes of a file (empty where it cannot be read), for ``identify``."""
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")


def describe_bytes(head: bytes) -> str:
    """What a file's first bytes look like, in words for an error message: ``"an HTML
    page"``, ``"plain text"``, ``"a zip archive"``, ``"an OLE compound file (an old Office
    document)"`` ... so that a file refused for its content says what it is instead."""
    if not head:
        return "an empty file"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "a PDF document"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "a zip archive"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an OLE compound file (an old Office document)"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    if stripped.startswith(_HTML_STARTS) or b"<html" in stripped[:1024]:
        return "an HTML page"
    if stripped.startswith(b"<?xml"):
        return "an XML file"
    if b"\x00" in head:
        return "binary data"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:
            return "binary data"
    return "plain text"
