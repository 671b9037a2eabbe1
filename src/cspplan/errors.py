"""The exceptions cspplan raises.

Every exception is a :class:`CspplanError`, so a caller can guard a whole run with one
``except``. Exceptions are kept for input that cannot be used at all; problems *in* a plan's
content (arithmetic that fails, a missing lead) are returned as findings, never raised.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

__all__ = [
    "CspplanError",
    "DocumentError",
    "EncryptedDocumentError",
    "LoadError",
    "RecognitionError",
    "SettingsError",
    "TimeLimitError",
    "UnsafeDocumentError",
    "UnsupportedFormatError",
]


def _name(path: str | os.PathLike[str] | None) -> str | None:
    return None if path is None else os.fspath(path)


class CspplanError(Exception):
    """Root of every exception cspplan raises.

    ``path`` names the file the problem is in, where there is one; ``str(error)`` always starts
    with it so that a message printed on its own still says which file failed.
    """

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        self.path: str | None = _name(path)
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class UnsupportedFormatError(CspplanError):
    """No parser can read the file; the message lists the formats that are supported."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        supported: Iterable[str],
        detail: str = "no parser recognises this file",
    ) -> None:
        self.supported: tuple[str, ...] = tuple(sorted(supported))
        listed = ", ".join(self.supported) or "none installed"
        super().__init__(f"{detail}; supported formats: {listed}", path)


class DocumentError(CspplanError):
    """The file is of a supported kind but cannot be read: damaged, truncated or malformed.

    ``page`` is set where the problem is confined to one page of the document.
    """

    def __init__(
        self,
        message: str,
        path: str | os.PathLike[str] | None = None,
        page: int | None = None,
    ) -> None:
        self.page = page
        where = f"page {page}: " if page is not None else ""
        super().__init__(where + message, path)


class EncryptedDocumentError(DocumentError):
    """The file is password-protected and no (or a wrong) password was given."""


class UnsafeDocumentError(DocumentError):
    """The file was refused before reading because reading it could exhaust the machine
    (a zip bomb, an oversized member, entity expansion)."""


class SettingsError(CspplanError):
    """A settings object or dictionary has an unknown key or a value out of range."""


class TimeLimitError(CspplanError):
    """Reading or auditing took longer than its time limit and was stopped.

    ``limit`` is the limit in seconds. The default limit is
    :data:`cspplan.deadline.DEFAULT_TIME_LIMIT`; ``time_limit=`` (``--time-limit`` on the
    command line) raises it, and ``None`` (``--time-limit 0``) lifts it.
    """

    def __init__(self, limit: float, path: str | os.PathLike[str] | None = None) -> None:
        self.limit = limit
        super().__init__(
            f"stopped after the time limit of {limit:g} s; give a longer time_limit"
            " (--time-limit SECONDS), or None (--time-limit 0) for no limit",
            path,
        )


class RecognitionError(CspplanError):
    """A recogniser could not finish on a document (for instance a pattern timed out)."""


class LoadError(CspplanError):
    """Serialised JSON could not be turned back into a Plan.

    ``problems`` lists each problem with the JSON path it was found at, such as
    ``$.priorities[0].actions[2].ref: expected str``.
    """

    def __init__(
        self,
        problems: Sequence[str],
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        shown = "; ".join(self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"invalid plan JSON: {shown}{more}", path)
