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
    if m.startswith(("cspplan.parsers", "cspplan.recognise", "cspplan.cli.commands.", "pdfplumber", "pypdfium2",
                     "cspplan.export", "cspplan.validate", "cspplan.serialise", "regex"))
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


# --- import cspplan -------------------------------------------------------------------------

_HEAVY = (
    "cspplan.document",
    "cspplan.export",
    "cspplan.model",
    "cspplan.parsers",
    "cspplan.recognise",
    "cspplan.serialise",
    "cspplan.text",
    "cspplan.validate",
    "attr",
    "cattrs",
    "importlib.metadata",
    "regex",
)

_IMPORT_PROBE = """
import sys
import cspplan
print(sorted(m for m in sys.modules if m.startswith({heavy!r})))
from cspplan import CheckSettings, tables
import cspplan.export, cspplan.validate
print(CheckSettings is cspplan.validate.CheckSettings, tables is cspplan.export.tables)
print(all(getattr(cspplan, name) is not None for name in cspplan.__all__))
print("tables" in dir(cspplan), cspplan.__version__.count(".") >= 2)
"""


def test_import_cspplan_imports_only_the_errors() -> None:
    probe = _IMPORT_PROBE.format(heavy=_HEAVY)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    heavy, same, every, listed = done.stdout.splitlines()
    assert heavy == "[]"
    # The names are all still there once asked for, the same objects as in their modules.
    assert same == "True True"
    assert every == "True"
    assert listed == "True True"


_COMPILE_PROBE = """
import gc, importlib, pkgutil, sys
import cspplan
from cspplan.text.patterns import Pattern

for package in ("model", "recognise", "serialise", "export", "text", "validate", "cli"):
    root = importlib.import_module(f"cspplan.{package}")
    for info in pkgutil.walk_packages(root.__path__, f"{root.__name__}."):
        if not info.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(info.name)
importlib.import_module("cspplan.parsers.text")
patterns = [p for p in gc.get_objects() if isinstance(p, Pattern)]
import regex
engine = [
    name
    for name, module in list(sys.modules.items())
    if name.startswith("cspplan.")
    for value in vars(module).values()
    if isinstance(value, regex.Pattern)
]
print(len(patterns), sum(p.is_compiled for p in patterns), len(engine))
"""


def test_importing_the_recognisers_and_validators_compiles_no_pattern() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _COMPILE_PROBE], capture_output=True, text=True, check=True
    )
    declared, compiled, compiled_at_import = map(int, done.stdout.split())
    assert declared > 200  # every recogniser's patterns were found
    assert compiled == 0
    assert compiled_at_import == 0
