"""What :func:`cspplan.load` accepts: a path, bytes, or a binary file object.

Every parser, built-in or plugin, reads a path (the :class:`~cspplan.parsers.base.Parser`
contract). Bytes and file objects are therefore copied once, here, into a private temporary
file that the parser reads, rather than every parser learning a second kind of input: one
place does it, plugins work unchanged, and the size checks, sniffing and hashing the parsers
already do on files hold for bytes too. The copy is named after the caller's name hint
(``name="plan.pdf"``), so the parser is chosen by its suffix; without a hint it has none and
the parser is chosen by content. What the parser reports is then relabelled: errors, the
Document's path and every source reference name the hint, or ``<bytes>``/``<stream>``, never
the temporary file, which is removed on leaving.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, TypeAlias

import attrs

from .deadline import check_deadline
from .document import Block, Cell, Document, Row, Table
from .errors import CspplanError, DocumentError, SettingsError, UnsafeDocumentError
from .model.source import SourceRef
from .text.patterns import lazy

__all__ = [
    "MAX_SPOOL_SIZE",
    "PlanInput",
    "ReadableBinary",
    "opened_source",
    "relabel_document",
    "source_label",
]


class ReadableBinary(Protocol):
    """A binary file object: anything with ``read(size) -> bytes`` (an open file,
    :class:`io.BytesIO`, a socket's file, an upload)."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes; ``b""`` at the end."""
        ...


PlanInput: TypeAlias = str | os.PathLike[str] | bytes | bytearray | memoryview | ReadableBinary
"""What :func:`cspplan.load`, :func:`cspplan.parse_document` and :func:`cspplan.check` read:
a path (``str`` or :class:`os.PathLike`), the file's bytes, or a binary file object. A ``str``
is always a path, never the text of a plan (give text as bytes)."""

MAX_SPOOL_SIZE = 4 << 30
"""The most bytes taken from a file object (4 GiB, above every parser's own size limit): a
stream that does not end is refused with :class:`~cspplan.errors.UnsafeDocumentError`
instead of filling the disk."""

_CHUNK = 1 << 20
_SAFE_NAME = lazy(r"[^\w.\-]+")


@attrs.frozen(slots=True)
class OpenedSource:
    """A source ready for a parser.

    Attributes:
        path: The file the parser reads (the caller's own, or the temporary copy).
        label: What errors and source references call it.
        spooled: True where ``path`` is a temporary copy to be relabelled as ``label``.
    """

    path: Path
    label: str
    spooled: bool


def _is_path(source: object) -> bool:
    return isinstance(source, (str, os.PathLike))


def _hint(source: object, name: str | os.PathLike[str] | None) -> str | None:
    if name is not None:
        return os.fspath(name)
    # An open file says which file it is; an in-memory stream has no such name.
    found = getattr(source, "name", None)
    return found if isinstance(found, str) and found else None


def _spool(source: object, handle: object, label: str) -> None:
    """Copy bytes or a stream into ``handle`` (an open binary file)."""
    write = handle.write  # type: ignore[attr-defined]
    if isinstance(source, (bytes, bytearray, memoryview)):
        write(source)
        return
    read = getattr(source, "read", None)
    if not callable(read):
        raise SettingsError(
            f"expected a path, bytes or a binary file object, not {type(source).__name__}"
        )
    total = 0
    while True:
        check_deadline()
        try:
            chunk = read(_CHUNK)
        except OSError as exc:
            raise DocumentError(f"cannot read the stream: {exc}", label) from exc
        if not chunk:
            return
        if isinstance(chunk, str):
            raise SettingsError(
                "the file object gives text (str), not bytes: open the file in binary mode ('rb')",
                label,
            )
        total += len(chunk)
        if total > MAX_SPOOL_SIZE:
            raise UnsafeDocumentError(
                f"the stream gives more than {MAX_SPOOL_SIZE} bytes (MAX_SPOOL_SIZE); refused",
                label,
            )
        write(chunk)


def source_label(source: PlanInput, name: str | os.PathLike[str] | None = None) -> str:
    """What errors call ``source``: the path, the name hint, a file object's own name, or
    ``<bytes>``/``<stream>``."""
    if _is_path(source):
        return os.fspath(source)  # type: ignore[arg-type]
    hint = _hint(source, name)
    if hint:
        return hint
    return "<bytes>" if isinstance(source, (bytes, bytearray, memoryview)) else "<stream>"


@contextlib.contextmanager
def opened_source(
    source: PlanInput, name: str | os.PathLike[str] | None = None
) -> Iterator[OpenedSource]:
    """The source as a file a parser can read, for the length of the ``with`` block.

    A path is used as it is (``name`` is refused: a path names itself). Bytes and file
    objects are copied into a private temporary folder, under the hint's file name where
    ``name`` (or a file object's ``name``) gives one; the folder is removed on leaving, and
    any :class:`~cspplan.errors.CspplanError` raised inside names the label instead of the
    copy.
    """
    if _is_path(source):
        if name is not None:
            raise SettingsError("name= is for bytes and file objects; a path names itself")
        path = Path(source)  # type: ignore[arg-type]
        yield OpenedSource(path=path, label=os.fspath(path), spooled=False)
        return
    hint = _hint(source, name)
    label = source_label(source, name)
    # Only the hint's last component, made safe: it names a file in our own folder.
    base = _SAFE_NAME.sub("_", Path(hint).name).lstrip(".") if hint else ""
    folder = tempfile.mkdtemp(prefix="cspplan-")
    copy = Path(folder) / (base or "document")
    try:
        with open(copy, "wb") as handle:
            _spool(source, handle, label)
        yield OpenedSource(path=copy, label=label, spooled=True)
    except CspplanError as exc:
        raise _relabel_error(exc, os.fspath(copy), label) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _relabel_error(exc: CspplanError, temporary: str, label: str) -> CspplanError:
    """The same exception, naming ``label`` wherever it named the temporary copy."""
    if exc.path == temporary:
        exc.path = label
    exc.message = exc.message.replace(temporary, label)
    exc.args = (f"{exc.path}: {exc.message}" if exc.path else exc.message,)
    return exc


def _ref(source: SourceRef, temporary: str, label: str) -> SourceRef:
    return attrs.evolve(source, file=label) if source.file == temporary else source


def _relabel_table(table: Table, temporary: str, label: str) -> Table:
    rows = tuple(
        Row(
            cells=tuple(
                Cell(
                    lines=cell.lines,
                    colspan=cell.colspan,
                    rowspan=cell.rowspan,
                    tables=tuple(_relabel_table(t, temporary, label) for t in cell.tables),
                    source=_ref(cell.source, temporary, label),
                )
                for cell in row.cells
            ),
            is_header=row.is_header,
            source=_ref(row.source, temporary, label),
        )
        for row in table.rows
    )
    return Table(rows=rows, source=_ref(table.source, temporary, label))


def _relabel_block(block: Block, temporary: str, label: str) -> Block:
    if isinstance(block, Table):
        return _relabel_table(block, temporary, label)
    return attrs.evolve(block, source=_ref(block.source, temporary, label))


def relabel_document(document: Document, temporary: str | os.PathLike[str], label: str) -> Document:
    """``document`` with ``label`` in place of the temporary copy's path: its ``path``, each
    block's source reference and its warnings."""
    old = os.fspath(temporary)
    return attrs.evolve(
        document,
        path=label if document.path == old else document.path,
        blocks=tuple(_relabel_block(b, old, label) for b in document.blocks),
        furniture=tuple(_relabel_block(b, old, label) for b in document.furniture),
        warnings=tuple(w.replace(old, label) for w in document.warnings),
    )
