"""``cspplan --version`` and ``cspplan --help`` start without importing the commands, and so
without the parsers and recognisers they use."""

from __future__ import annotations

import subprocess
import sys

import pytest

_PROBE = """
import contextlib, io, sys
from cspplan.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        main({args!r})
    except SystemExit:
        pass
heavy = sorted(
    m for m in sys.modules
    if m.startswith(("cspplan.parsers", "cspplan.recognise", "cspplan.cli.commands.", "pdfplumber", "pypdfium2"))
)
print(repr(heavy))
print(out.getvalue())
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"], []])
def test_start_up_imports_no_command(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    heavy, _, shown = done.stdout.partition("\n")
    assert heavy == "[]"
    if args == ["--version"]:
        assert shown.startswith("cspplan ")
    if args == ["--help"]:
        for name in ("batch", "check", "parse", "rules", "schema"):
            assert name in shown


def test_the_chosen_command_alone_is_imported() -> None:
    probe = _PROBE.format(args=["rules", "--json"]).replace(
        "print(out.getvalue())", "print(out.getvalue()[:1])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    heavy = done.stdout.partition("\n")[0]
    assert "cspplan.cli.commands.rules" in heavy
    assert "cspplan.cli.commands.parse" not in heavy and "cspplan.parsers" not in heavy
    assert done.stdout.partition("\n")[2].startswith("[")
