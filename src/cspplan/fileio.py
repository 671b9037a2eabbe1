"""Small file helpers shared by the command line and batch conversion."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write_text", "output_name"]


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one,
    never half of it: the text goes to a temporary file beside it, which is then renamed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def output_name(source: str | os.PathLike[str], suffix: str = ".json") -> str:
    """The output file name for a source file: ``plan.pdf`` → ``plan.pdf.json``, so that
    ``plan.pdf`` and ``plan.docx`` in one folder do not overwrite each other."""
    return Path(source).name + suffix
