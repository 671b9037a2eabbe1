"""Running a batch's tasks: cspplan's own pool of killable worker processes, or any
:class:`concurrent.futures.Executor`.

The local pool enforces the time limit by killing the worker whose file outlives it and
starting another; a worker that dies fails only its file. On a caller's executor the time
limit is :func:`~cspplan.batch.worker.convert_task`'s to enforce (``isolate``).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Executor, Future, as_completed
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as wait_for_ready
from typing import TYPE_CHECKING, Any

from ..errors import CspplanError
from .worker import (
    _READY,
    Outcome,
    Task,
    _convert_here,
    _crash_outcome,
    _limit_memory,
    _outcome,
    _timeout_outcome,
    convert_task,
)

if TYPE_CHECKING:
    from multiprocessing.context import SpawnContext, SpawnProcess

__all__: list[str] = []

_START_ATTEMPTS = 3  # workers that die before they are ready, in a row, before giving up


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the batch process dies, however it dies
    (``kill -9`` included), so that no worker is left spinning on a file with nobody to
    stop it. Linux only; elsewhere a worker still ends when its pipe closes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _worker_main(conn: Connection, memory_limit: int | None, parent: int) -> None:
    """Loop of a worker process of the local pool: tasks in, outcomes out, until ``None``."""
    # Ctrl-C is the parent's to handle; it then kills the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    # Import the conversion machinery before saying so, so that a file's time limit does not
    # count the worker's start-up, and before the memory limit, which is for the files.
    from .. import parse_document, recognise, stats  # noqa: F401

    _limit_memory(memory_limit)

    try:
        conn.send(_READY)
    except OSError:
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(_convert_here(task))
        except OSError:
            return


class _Worker:
    """One worker process of the local pool, with the task it is busy on."""

    def __init__(self, context: SpawnContext, memory_limit: int | None) -> None:
        self.conn, child = context.Pipe()
        self.process: SpawnProcess = context.Process(
            target=_worker_main, args=(child, memory_limit, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()  # so that recv() sees EOF when the worker dies
        self.ready = False
        self.task: Task | None = None
        self.started = 0.0

    def submit(self, task: Task) -> None:
        self.conn.send(task)
        self.task = task
        self.started = time.perf_counter()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        self.kill()


def _receive(worker: _Worker, ready: set[Any]) -> tuple[bool, Any]:
    """(died, message) for a worker that ``wait`` reported; ``(False, None)`` if none yet."""
    if worker.conn not in ready and worker.process.sentinel not in ready:
        return False, None
    try:
        if worker.conn.poll():
            return False, worker.conn.recv()
    except (EOFError, OSError):
        pass
    if worker.process.is_alive():
        return False, None
    worker.process.join(1)
    return True, None


def _run_local(
    tasks: Sequence[Task],
    jobs: int,
    timeout: float | None,
    memory_limit: int | None,
) -> Generator[Outcome, None, None]:
    """Run ``tasks`` on ``jobs`` worker processes, killing and replacing any worker whose
    task outlives ``timeout``; yields outcomes as they finish."""
    # spawn, not fork: forking a process that has threads (a progress bar's, a caller's) can
    # deadlock the child, and spawn behaves the same on every platform.
    context = multiprocessing.get_context("spawn")
    queue = deque(tasks)
    workers = [_Worker(context, memory_limit) for _ in range(min(jobs, len(tasks)))]
    failed_starts = 0
    finished = False

    def hand_out() -> None:
        for index, worker in enumerate(workers):
            if worker.ready and worker.task is None and queue:
                task = queue.popleft()
                try:
                    worker.submit(task)
                except OSError:  # the worker died while idle: the file goes to a new one
                    queue.appendleft(task)
                    worker.kill()
                    workers[index] = _Worker(context, memory_limit)

    try:
        while True:
            hand_out()
            busy = [w for w in workers if w.task is not None]
            starting = [w for w in workers if not w.ready]
            if not busy and not (queue and starting):
                break
            wait: float | None = None
            if timeout is not None and busy:
                deadline = min(w.started for w in busy) + timeout
                wait = max(0.0, deadline - time.perf_counter())
            watched = busy + starting
            ready = set(
                wait_for_ready(
                    [w.conn for w in watched] + [w.process.sentinel for w in watched],
                    timeout=wait,
                )
            )
            now = time.perf_counter()
            done: list[Outcome] = []
            for index, worker in enumerate(workers):
                died, message = _receive(worker, ready)
                task = worker.task
                if not worker.ready:
                    if message == _READY:
                        worker.ready = True
                        failed_starts = 0
                    elif died:
                        failed_starts += 1
                        if failed_starts >= _START_ATTEMPTS:
                            raise CspplanError(
                                "batch worker processes die as they start "
                                f"(exit code {worker.process.exitcode})"
                            )
                        worker.kill()
                        workers[index] = _Worker(context, memory_limit)
                    continue
                if task is None:
                    continue
                outcome: Outcome | None = message
                if died:
                    outcome = _crash_outcome(
                        task["source"], f"exit code {worker.process.exitcode}", worker.started
                    )
                elif outcome is None and timeout is not None and now - worker.started >= timeout:
                    outcome = _timeout_outcome(task["source"], timeout, worker.started)
                if outcome is None:
                    continue
                worker.task = None
                if died or outcome["error_type"] == "Timeout" or not worker.process.is_alive():
                    worker.kill()
                    workers[index] = _Worker(context, memory_limit)
                done.append(outcome)
            # Hand out the next files before the caller writes these outputs, so that no
            # worker sits idle while it does.
            hand_out()
            yield from done
        finished = True
    finally:
        for worker in workers:
            if finished:
                worker.close()
            else:  # interrupted or the consumer stopped: do not wait on running conversions
                worker.kill()


def _run_executor(executor: Executor, tasks: Sequence[Task]) -> Generator[Outcome, None, None]:
    """Run ``tasks`` on a caller's executor; an executor failure fails only its file."""
    futures: dict[Future[Outcome], Task] = {executor.submit(convert_task, t): t for t in tasks}
    try:
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # a lost worker, a pickling problem
                yield _outcome(
                    task["source"],
                    "failed",
                    time.perf_counter(),
                    error=f"{task['source']}: the executor failed to run the conversion: "
                    f"{type(exc).__name__}: {exc}",
                    error_type=type(exc).__name__,
                )
    finally:
        for future in futures:
            future.cancel()
