"""Convert folders of plans to JSON: in parallel, with a time limit per file, resumable.

:func:`convert` reads every source into ``OUT/<relative path>.json`` (or another per-plan
writer's output, named with its suffix: see :mod:`cspplan.writers`) and keeps a manifest
(``manifest.json`` and ``manifest.csv``) beside the outputs recording, for each file, its
SHA-256, what became of it, the error where it failed, what the plan holds and how long it
took. One bad file never stops the run:

- each file is converted in a worker process; a file that takes longer than ``timeout``
  seconds has its worker killed and replaced, and is recorded as ``timeout``;
- a file that cannot be read is recorded as ``failed`` with the :mod:`cspplan.errors` message
  naming it; so is a worker that dies (out of memory, a crash in a C library);
- every output and the manifest are written atomically (a temporary file renamed into
  place), so a crash or Ctrl-C never leaves half a JSON file;
- a re-run skips (``unchanged``) every file whose output is still the one a previous run wrote
  from the same source bytes, with the same cspplan version and options.

By default cspplan runs its own pool of worker processes, which it can kill. Any
:class:`concurrent.futures.Executor` can run the job instead (a Dask ``Client``'s
``get_executor()``, Ray's, a ``ProcessPoolExecutor``): the work function :func:`convert_task`
is a picklable top-level function taking and returning plain dicts, and with a time limit it
runs each conversion in a child process that it kills when the time is up, since an
executor's running task cannot be killed.

The package is split by job: :mod:`.discover` finds the sources and names their outputs,
:mod:`.worker` converts one file, :mod:`.supervise` runs the pool or the executor,
:mod:`.manifest` keeps the record, and :mod:`.run` ties them together in :func:`convert`.
"""

from __future__ import annotations

from .discover import Source, collect_sources, supported_suffixes
from .manifest import (
    COUNT_FIELDS,
    MANIFEST_CSV,
    MANIFEST_JSON,
    STATUSES,
    BatchResult,
    FileResult,
    manifest_csv,
    manifest_json,
    read_manifest,
)
from .run import DEFAULT_TIMEOUT, convert
from .worker import Outcome, Task, convert_task

__all__ = [
    "COUNT_FIELDS",
    "DEFAULT_TIMEOUT",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "STATUSES",
    "BatchResult",
    "FileResult",
    "Outcome",
    "Source",
    "Task",
    "collect_sources",
    "convert",
    "convert_task",
    "manifest_csv",
    "manifest_json",
    "read_manifest",
    "supported_suffixes",
]
