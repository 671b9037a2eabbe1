"""The time limit of load, parse_document and check: a cooperative deadline checked in the
parsers' and recognition's loops and the audit's rules, an alarm behind it on the main
thread, and ``--time-limit`` on the command line.

Deadlines are driven by a counting clock (one tick per reading), so each test says how many
checks may run, never how many seconds pass.
"""

from __future__ import annotations

import contextlib
import io
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cspplan
from cspplan import deadline
from cspplan.cli import main
from cspplan.deadline import DEFAULT_TIME_LIMIT, check_deadline, time_limit
from cspplan.errors import CspplanError, SettingsError, TimeLimitError
from cspplan.recognise import build_plan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "plans"
TEXT_PLAN = EXAMPLES / "northbrook-action-plan.txt"
WORD_PLAN = EXAMPLES / "eastvale-violent-crime-plan.docx"
PDF_PLAN = EXAMPLES / "riverside-action-plan.pdf"


class Ticks:
    """A clock that moves one unit each time it is read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


@pytest.fixture
def ticks(monkeypatch: pytest.MonkeyPatch) -> Ticks:
    """The counting clock, used by every time limit that is given no clock."""
    clock = Ticks()
    monkeypatch.setattr(deadline, "_clock", clock)
    return clock


def long_text(lines: int) -> str:
    return "\n\n".join(f"Action {n}: patrol ward {n % 40} on Friday evenings" for n in range(lines))


def test_a_deadline_already_past_raises_at_the_first_check() -> None:
    clock = Ticks()
    with time_limit(1, "plan.txt", clock=clock), pytest.raises(TimeLimitError) as caught:
        check_deadline()
    assert caught.value.path == "plan.txt"
    assert caught.value.limit == 1
    assert "time limit of 1 s" in str(caught.value)
    assert isinstance(caught.value, CspplanError)


def test_checks_pass_until_the_clock_reaches_the_deadline() -> None:
    clock = Ticks()
    with time_limit(10, clock=clock):  # set at reading 1: expires at 11
        for _ in range(9):
            check_deadline()  # readings 2 to 10
        with pytest.raises(TimeLimitError):
            check_deadline()  # reading 11
    check_deadline()  # outside any limit: nothing to check


def test_nested_limits_keep_the_sooner_deadline() -> None:
    clock = Ticks()
    with time_limit(3, "outer", clock=clock), time_limit(1000, "inner", clock=clock):
        check_deadline()
        with pytest.raises(TimeLimitError) as caught:
            check_deadline()
    assert caught.value.path == "outer"


def test_an_enclosing_limit_on_another_clock_still_holds() -> None:
    clock = Ticks()
    with (
        time_limit(2, "outer", clock=clock),
        time_limit(1000, "inner", clock=Ticks()),
        pytest.raises(TimeLimitError) as caught,
    ):
        check_deadline()
        check_deadline()
    assert caught.value.path == "outer"


def test_none_lifts_the_limit_and_bad_limits_are_settings_errors() -> None:
    with time_limit(None):
        assert deadline.remaining() is None
    for bad in (0, -1, float("inf"), float("nan"), "60", True):
        with pytest.raises(SettingsError), time_limit(bad):  # type: ignore[arg-type]
            pass
    assert DEFAULT_TIME_LIMIT == 300


def test_a_long_text_with_a_tiny_limit_stops_in_the_parser(ticks: Ticks) -> None:
    data = long_text(20_000).encode()
    with pytest.raises(TimeLimitError) as caught:
        cspplan.parse_document(data, name="long.txt", time_limit=50)
    assert caught.value.path == "long.txt"
    assert ticks.reads < 200  # stopped at the limit, not at the end of 20,000 lines


def test_the_same_text_reads_within_a_limit_it_fits(ticks: Ticks) -> None:
    document = cspplan.parse_document(long_text(200).encode(), name="short.txt", time_limit=10**6)
    assert len(document.blocks) == 200


def test_word_parsing_checks_its_paragraph_loop(ticks: Ticks) -> None:
    with pytest.raises(TimeLimitError):
        cspplan.parse_document(WORD_PLAN, time_limit=3)
    assert ticks.reads < 20


def test_pdf_parsing_checks_its_page_loop(ticks: Ticks) -> None:
    pytest.importorskip("pdfplumber")
    with pytest.raises(TimeLimitError) as caught:
        cspplan.parse_document(PDF_PLAN, time_limit=1)
    assert caught.value.path == str(PDF_PLAN)


def test_recognition_checks_its_walk_over_blocks() -> None:
    document = cspplan.parse_document(long_text(5_000).encode(), name="long.txt")
    clock = Ticks()
    with time_limit(100, "long.txt", clock=clock), pytest.raises(TimeLimitError):
        build_plan(document)
    assert clock.reads < 500  # 5,000 blocks would take at least 5,000 checks


def test_check_stops_between_rules(ticks: Ticks) -> None:
    plan = cspplan.load(TEXT_PLAN, time_limit=None)
    ticks.reads = 0
    with pytest.raises(TimeLimitError) as caught:
        cspplan.check(plan, time_limit=3)
    assert caught.value.path == plan.source.path
    assert ticks.reads <= 4


def test_load_covers_parsing_and_recognition_together(ticks: Ticks) -> None:
    data = long_text(2_000).encode()
    cspplan.parse_document(data, name="p.txt", time_limit=10**6)
    reads_to_parse = ticks.reads
    ticks.reads = 0
    # Enough for parsing alone, not for parsing and recognition.
    with pytest.raises(TimeLimitError):
        cspplan.load(data, name="p.txt", time_limit=reads_to_parse + 10)
    assert cspplan.load(data, name="p.txt", time_limit=None).source.path == "p.txt"


def test_the_command_line_reports_a_time_limit_as_unusable_input(
    ticks: Ticks, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(TEXT_PLAN), "--time-limit", "2", "-q"]) == 2
    err = capsys.readouterr().err
    assert f"{TEXT_PLAN}: stopped after the time limit of 2 s" in err
    assert main(["parse", str(TEXT_PLAN), "--time-limit", "2", "-q"]) == 2
    assert main(["parse", str(TEXT_PLAN), "--time-limit", "0", "-q"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["check", str(TEXT_PLAN), "--time-limit", "-5"])


def test_export_and_report_take_the_time_limit(
    ticks: Ticks, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (
        ["export", str(TEXT_PLAN), "--out-dir", str(tmp_path / "tables")],
        ["report", str(TEXT_PLAN), "-o", str(tmp_path / "report.html")],
    ):
        # The one plan runs out of time, so nothing is written.
        assert main([*command, "--time-limit", "2", "-q"]) == 2
        assert f"{TEXT_PLAN}: stopped after the time limit of 2 s" in capsys.readouterr().err
        assert main([*command, "--time-limit", "0", "-q"]) == 0
    assert (tmp_path / "report.html").exists() and (tmp_path / "tables").is_dir()


# --- the alarm ----------------------------------------------------------------------------


def spin(steps: int) -> int:
    """Pure Python work that never checks a deadline, like a library's own loop."""
    total = 0
    for n in range(steps):
        total += n & 7
    return total


@contextlib.contextmanager
def no_grace(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(deadline, "ALARM_GRACE", 0.0)
    yield


needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM here")


@needs_alarm
def test_the_alarm_stops_work_that_never_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    with no_grace(monkeypatch), pytest.raises(TimeLimitError), time_limit(0.05, "stuck.pdf"):
        spin(10**10)  # minutes of work, were it not stopped
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


@needs_alarm
def test_the_alarm_puts_back_the_previous_handler_and_alarm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fired: list[int] = []

    def mine(signum: int, frame: Any) -> None:
        fired.append(signum)

    before = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with no_grace(monkeypatch), time_limit(5, "plan.txt"):
            assert signal.getsignal(signal.SIGALRM) is not mine
            assert signal.getitimer(signal.ITIMER_REAL)[0] <= 5
        assert signal.getsignal(signal.SIGALRM) is mine
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 20 < left <= 30
        # A caller's alarm due before the deadline is left alone.
        signal.setitimer(signal.ITIMER_REAL, 1)
        with time_limit(60):
            assert signal.getsignal(signal.SIGALRM) is mine
        assert fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def test_threads_get_the_cooperative_check_without_an_alarm() -> None:
    outcome: list[BaseException | str] = []
    handler = signal.getsignal(signal.SIGALRM)

    def work() -> None:
        try:
            with time_limit(2, "thread.txt", clock=Ticks()):
                check_deadline()
                check_deadline()
        except BaseException as exc:  # reported to the test thread
            outcome.append(exc)
        else:
            outcome.append("finished")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], TimeLimitError)
    assert signal.getsignal(signal.SIGALRM) is handler
    # The real clock in a thread: no alarm is set, the work simply finishes.
    finished: list[int] = []

    def real_clock_work() -> None:
        with time_limit(60, "thread.txt"):
            finished.append(spin(1000))

    thread = threading.Thread(target=real_clock_work)
    thread.start()
    thread.join(30)
    assert finished == [spin(1000)]


def test_streams_are_read_within_the_limit(ticks: Ticks) -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            buffer[: len(buffer)] = b"x" * len(buffer)
            return len(buffer)

    with pytest.raises(TimeLimitError):
        cspplan.parse_document(io.BufferedReader(Endless()), time_limit=20)
