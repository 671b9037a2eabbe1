"""Finding the files a batch converts, and where each one's output goes.

Inputs are files, folders (walked for the suffixes the installed parsers read) and glob
patterns; each source's output path mirrors its place under the folder or pattern it was
found through.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from ..errors import CspplanError
from ..fileio import output_name
from ..writers.registry import DEFAULT_WRITER, get_plan_writer
from .manifest import MANIFEST_CSV, MANIFEST_JSON

__all__ = ["Source", "collect_sources", "supported_suffixes"]

_SKIP_NAMES = ("~$",)  # Word's lock files sit beside open documents


@attrs.frozen(slots=True)
class Source:
    """A file to convert and where its output goes.

    Attributes:
        path: The source file, as found.
        output: The output's path relative to the output folder, with ``/`` separators.
    """

    path: Path
    output: str


def supported_suffixes(format: str | None = None) -> tuple[str, ...]:
    """File suffixes the installed parsers read (of the parser ``format`` only, if given).

    A plugin that fails to load contributes nothing, so one broken plugin does not stop a
    folder from being walked.
    """
    from ..parsers.registry import available_formats, get_parser

    names = [format] if format is not None else list(available_formats())
    found: set[str] = set()
    for name in names:
        try:
            found.update(s.lower() for s in get_parser(name).suffixes)
        except CspplanError:
            if format is not None:
                raise
    return tuple(sorted(found))


def _has_magic(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _glob_base(pattern: str) -> Path:
    """The folder a glob pattern starts from: its leading parts without wildcards."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if _has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


_FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})
"""Stems of the notes a folder of plans often carries ("README.md", "LICENSE.txt"): when a
folder is walked they are left out, since no plan is called that; named on their own they
are read."""


def _is_skipped_name(name: str) -> bool:
    return name.startswith(".") or name.startswith(_SKIP_NAMES)


def _is_folder_note(name: str) -> bool:
    return Path(name).stem.lower() in _FOLDER_NOTES


def _walk(folder: Path, suffixes: tuple[str, ...], exclude: Path | None) -> Iterator[Path]:
    """Regular files under ``folder`` with a supported suffix, in a stable order; hidden
    files and folders, Word lock files, a folder's README or LICENSE and the output folder
    are left out."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not _is_skipped_name(d)
            and (exclude is None or os.path.abspath(here / d) != str(exclude))
        )
        for name in sorted(files):
            path = here / name
            if (
                _is_skipped_name(name)
                or _is_folder_note(name)
                or path.suffix.lower() not in suffixes
            ):
                continue
            # FIFOs and devices would block a reader forever; only regular files are taken.
            if path.is_file():
                yield path


def _relative_output(path: Path, base: Path, suffix: str) -> str:
    relative = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base)))
    return (relative.parent / output_name(relative, suffix)).as_posix()


def collect_sources(
    inputs: Iterable[str | os.PathLike[str]],
    suffixes: Sequence[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    output_suffix: str | None = None,
) -> list[Source]:
    """The files named by ``inputs`` (files, folders or glob patterns) and their outputs.

    A folder is walked for files with the ``suffixes`` (by default those of the installed
    parsers) and its tree is mirrored in the output folder; a glob pattern's matches are
    placed relative to the pattern's fixed leading folder (``archive/**/*.pdf`` relative to
    ``archive``); a file named directly goes at the top. A file named twice is taken once.
    Each output is named by the source's name and ``output_suffix``, the writer's suffix
    (by default the JSON writer's: ``plan.pdf`` → ``plan.pdf.json``).

    Raises :class:`~cspplan.errors.CspplanError` when an input matches nothing, or when two
    different files would be written to the same output.
    """
    wanted = tuple(s.lower() for s in (suffixes if suffixes is not None else supported_suffixes()))
    suffix = output_suffix if output_suffix is not None else get_plan_writer(DEFAULT_WRITER).suffix
    exclude = Path(os.path.abspath(out_dir)) if out_dir is not None else None
    found: list[Source] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}

    def add(path: Path, base: Path) -> None:
        key = os.path.abspath(path)
        if key in seen:
            return
        seen.add(key)
        output = _relative_output(path, base, suffix)
        if output.startswith("../") or os.path.isabs(output):
            # A pattern that climbs out of its own folder ('names/*/../../x/*.txt') would
            # mirror the climb outside the output folder: outputs stay strictly inside it.
            raise CspplanError(
                f"its output would be written outside the output folder ({output});"
                " name the folder it is in instead of a pattern with '..'",
                path,
            )
        if output in (MANIFEST_JSON, MANIFEST_CSV):
            raise CspplanError(f"its output would overwrite the batch manifest {output}", path)
        if output in owners:
            raise CspplanError(
                f"{owners[output]} and {path} would both be written to {output};"
                " convert them in separate runs or name their folders instead",
                path,
            )
        owners[output] = str(path)
        found.append(Source(path=path, output=output))

    for item in inputs:
        raw = os.fspath(item)
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, wanted, exclude):
                add(file, path)
        elif os.path.lexists(raw):
            add(path, path.parent)
        elif _has_magic(raw):
            import glob

            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise CspplanError(f"no file matches {raw!r}")
            base = _glob_base(raw)
            for match in matches:
                hit = Path(match)
                if hit.is_dir():
                    for file in _walk(hit, wanted, exclude):
                        add(file, base)
                elif hit.is_file() and not _is_skipped_name(hit.name):
                    add(hit, base)
        else:
            raise CspplanError("no such file or folder", raw)
    return found
