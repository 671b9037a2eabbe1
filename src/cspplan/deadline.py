"""Time limits for reading and auditing: a cooperative deadline, with an alarm behind it.

:func:`time_limit` sets a deadline for the work done inside it. The loops that can run long
(the parsers' page, paragraph and row loops, recognition's walk over blocks, the audit's
rules) call :func:`check_deadline`, which raises :class:`~cspplan.errors.TimeLimitError`
once the deadline has passed; each call costs a context-variable read and a clock read.

Work stuck where no check runs (a long call into a C library, or a library's own loop) is
stopped by an alarm (``SIGALRM``) set a little after the deadline, where that is possible:
on the main thread of a Unix process. The alarm and its handler are restored on leaving, so
an alarm the caller had set still goes off when it was due. Threads get the cooperative
checks only, since a signal handler can be installed only on the main thread.

>>> from cspplan.deadline import time_limit
>>> with time_limit(60, "plan.pdf"):        # doctest: +SKIP
...     document = read_it()
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, NamedTuple

from .errors import SettingsError, TimeLimitError

__all__ = ["ALARM_GRACE", "DEFAULT_TIME_LIMIT", "check_deadline", "remaining", "time_limit"]

DEFAULT_TIME_LIMIT: float = 300.0
"""Seconds :func:`cspplan.load`, :func:`cspplan.parse_document` and :func:`cspplan.check`
allow by default; ``time_limit=None`` lifts it. A plan of a few hundred pages reads in
seconds, so only runaway work reaches it."""

ALARM_GRACE: float = 2.0
"""Seconds after the deadline that the alarm goes off: the cooperative checks stop ordinary
work cleanly first, and the alarm only stops what they cannot reach."""


class _Deadline(NamedTuple):  # a NamedTuple, so ``import cspplan`` need not load attrs
    expires: float
    seconds: float
    name: str | None
    clock: Callable[[], float]
    outer: _Deadline | None  # the enclosing limit, checked too (it may read another clock)


_CURRENT: contextvars.ContextVar[_Deadline | None] = contextvars.ContextVar(
    "cspplan_deadline", default=None
)


def _error(deadline: _Deadline) -> TimeLimitError:
    return TimeLimitError(deadline.seconds, deadline.name)


def check_deadline() -> None:
    """Raise :class:`~cspplan.errors.TimeLimitError` where the current deadline has passed;
    do nothing where there is none. Cheap enough to call once per page, block or row."""
    deadline = _CURRENT.get()
    while deadline is not None:
        if deadline.clock() >= deadline.expires:
            raise _error(deadline)
        deadline = deadline.outer


def remaining() -> float | None:
    """Seconds left before the current deadline (negative once passed), or ``None``."""
    deadline = _CURRENT.get()
    return None if deadline is None else deadline.expires - deadline.clock()


def _real_clock() -> float:
    return time.monotonic()


_clock: Callable[[], float] = _real_clock
"""The clock :func:`time_limit` reads when given none; tests put a counting one here."""


def _validate(seconds: float | None) -> None:
    if seconds is None:
        return
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise SettingsError(f"time_limit must be seconds or None, not {type(seconds).__name__}")
    if not (seconds > 0 and math.isfinite(seconds)):
        raise SettingsError(f"time_limit must be a positive number of seconds, got {seconds!r}")


def _can_alarm() -> bool:
    return (
        os.name == "posix"
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )


@contextlib.contextmanager
def _alarm(deadline: _Deadline) -> Iterator[None]:
    """SIGALRM ``ALARM_GRACE`` seconds after the deadline, raising TimeLimitError in the
    main thread; the previous handler and any pending alarm are put back on leaving."""
    delay = max(deadline.expires - deadline.clock(), 0.0) + ALARM_GRACE
    started = time.monotonic()

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _error(deadline)

    try:
        previous_handler: Any = signal.signal(signal.SIGALRM, on_alarm)
    except (ValueError, OSError):  # not the main interpreter, or no such signal here
        yield
        return
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, 0)
    if previous_delay and previous_delay < delay:
        # The caller's own alarm is due first: leave it to go off as it would have.
        signal.setitimer(signal.ITIMER_REAL, previous_delay, previous_interval)
        signal.signal(signal.SIGALRM, previous_handler)
        yield
        return
    try:
        signal.setitimer(signal.ITIMER_REAL, delay)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            # An alarm that fell due meanwhile goes off at once rather than never.
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), previous_interval)


@contextlib.contextmanager
def time_limit(
    seconds: float | None,
    name: str | os.PathLike[str] | None = None,
    *,
    clock: Callable[[], float] | None = None,
    alarm: bool = True,
) -> Iterator[None]:
    """Allow the work inside the ``with`` block ``seconds`` seconds (``None``: no limit of
    its own); :class:`~cspplan.errors.TimeLimitError` naming ``name`` is raised once it has
    run out.

    Nested limits keep the sooner deadline, so a caller's limit also bounds the calls it
    makes. ``clock`` is the time source (by default :func:`time.monotonic`; a counting one in
    tests); ``alarm`` sets the ``SIGALRM`` backstop where it can be set (main thread, Unix)
    and the clock is the real one.
    A ``seconds`` that is not a positive number raises :class:`~cspplan.errors.SettingsError`.
    """
    _validate(seconds)
    outer = _CURRENT.get()
    if seconds is None:
        yield
        return
    clock = clock or _clock
    label = None if name is None else os.fspath(name)
    expires = clock() + seconds
    if outer is not None and outer.clock is clock and outer.expires <= expires:
        yield  # the enclosing deadline comes first and already has its alarm
        return
    deadline = _Deadline(expires, float(seconds), label, clock, outer)
    token = _CURRENT.set(deadline)
    try:
        if alarm and clock is _real_clock and _can_alarm():
            with _alarm(deadline):
                yield
        else:
            yield
    finally:
        _CURRENT.reset(token)
