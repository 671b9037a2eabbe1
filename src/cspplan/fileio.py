"""Small file helpers shared by the command line, the writers and batch conversion."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "atomic_open",
    "atomic_write_bytes",
    "atomic_write_text",
    "current_umask",
    "output_name",
]


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux
    ``/proc/self/status``); elsewhere set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace ``path`` only when the ``with`` block ends
    without an exception, so that readers see the old file or the whole new one, never half
    of it: the bytes go to a temporary file beside it, which is then renamed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file -rw------- whatever the umask: give it the mode an ordinary
        # open() would have, so that outputs are as readable as the user's other files.
        os.fchmod(fd, 0o666 & ~current_umask())
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_open`)."""
    with atomic_open(path) as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` in UTF-8, line ends as given, atomically (see
    :func:`atomic_open`)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def output_name(source: str | os.PathLike[str], suffix: str) -> str:
    """The output file name for a source file: ``plan.pdf`` → ``plan.pdf.json``, so that
    ``plan.pdf`` and ``plan.docx`` in one folder do not overwrite each other. ``suffix`` is
    the writer's (:attr:`cspplan.writers.PlanWriter.suffix`)."""
    return Path(source).name + suffix
