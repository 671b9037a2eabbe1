"""Every ```python block of README.md and docs/ runs as written, and type-checks.

A block runs in a fresh namespace from a scratch folder holding a copy of ``examples/``, so
the paths the docs use (``examples/plans/...``) are real and outputs land in the scratch
folder. An HTML comment just before a block marks it:

- ``<!-- sample: partial -->`` (a reason may follow in brackets): the block is not run (it needs a file the examples lack, or
  stands for a fragment), but it is still type-checked;
- ``<!-- sample: needs extra dask -->``: the block needs an optional extra; it is skipped
  only where the extra's module is not installed.

Every block, run or not, passes ``mypy --strict``; so does ``examples/client.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))

_BLOCK = re.compile(
    r"(?:<!--\s*sample:\s*(?P<marks>[^>]*?)\s*-->[ \t]*\n)?^```python[ \t]*\n(?P<code>.*?)^```",
    re.S | re.M,
)
# The module each optional extra (pyproject's [project.optional-dependencies]) provides.
EXTRAS = {"dask": "distributed", "pandas": "pandas"}
# Top-level modules a sample may import without declaring an extra: cspplan, its runtime
# dependencies, and the standard library.
_RUNTIME = {"cspplan", "attrs", "cattrs", "regex", "pdfplumber", "pypdfium2", "docx"}


@attrs.frozen
class Sample:
    """One ```python block of a page."""

    page: Path
    line: int
    code: str
    partial: bool
    extras: tuple[str, ...]

    @property
    def name(self) -> str:
        """``docs/batch.md:96``, the block's place for test ids and messages."""
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def module(self) -> str:
        """A module file name for the block, unique across the pages."""
        stem = re.sub(r"\W", "_", self.page.stem)
        return f"sample_{stem}_{self.line}.py"


def _marks(text: str | None) -> tuple[bool, tuple[str, ...]]:
    partial, extras = False, []
    # A mark may give its reason in brackets: "partial (needs an encrypted PDF)".
    for mark in (re.sub(r"\s*\(.*\)$", "", m.strip()) for m in (text or "").split(";")):
        if mark == "partial":
            partial = True
        elif mark.startswith("needs extra "):
            extras += mark.removeprefix("needs extra ").split()
        elif mark:
            raise ValueError(f"unknown sample mark {mark!r}")
    return partial, tuple(extras)


def collect(page: Path) -> list[Sample]:
    """The ```python blocks of ``page`` with their marks."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start("code"))  # the fence's line, counted from 1
        partial, extras = _marks(match.group("marks"))
        found.append(Sample(page, line, match.group("code"), partial, extras))
    return found


SAMPLES = [sample for page in PAGES for sample in collect(page)]


def test_the_docs_have_samples_and_the_collector_finds_their_marks() -> None:
    names = {s.name.split(":")[0] for s in SAMPLES}
    assert {"README.md", "docs/getting-started.md", "docs/api.md", "docs/plugins.md"} <= names
    assert any(s.partial for s in SAMPLES) and any(s.extras for s in SAMPLES)
    # A fence the regex missed would escape the test: count the fences another way.
    fences = sum(len(re.findall(r"^```python", p.read_text(encoding="utf-8"), re.M)) for p in PAGES)
    assert fences == len(SAMPLES)


def test_marks_are_read_and_unknown_marks_refused() -> None:
    assert _marks("partial; needs extra dask") == (True, ("dask",))
    assert _marks("partial (no encrypted example)") == (True, ())
    assert _marks(None) == (False, ())
    with pytest.raises(ValueError, match="unknown sample mark"):
        _marks("skip")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.name)
def test_sample_declares_the_extras_it_imports(sample: Sample) -> None:
    imported = set(re.findall(r"^\s*(?:from|import)\s+(\w+)", sample.code, re.M))
    outside = {
        name
        for name in imported
        if name not in _RUNTIME and name not in sys.stdlib_module_names and name != "__future__"
    }
    declared = {name for extra in sample.extras for name in (extra, EXTRAS.get(extra, ""))}
    undeclared = outside - declared
    assert not undeclared, f"{sample.name} imports {sorted(undeclared)} without a needs-extra mark"
    assert set(sample.extras) <= set(EXTRAS), f"{sample.name}: unknown extra"


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("sample", [s for s in SAMPLES if not s.partial], ids=lambda s: s.name)
def test_sample_runs_as_written(sample: Sample, scratch: Path) -> None:
    for extra in sample.extras:
        pytest.importorskip(EXTRAS[extra], reason=f"the {extra!r} extra is not installed")
    code = compile(sample.code, sample.name, "exec")
    exec(code, {"__name__": "__sample__"})


def test_samples_and_the_client_example_pass_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is not installed")
    files = []
    for sample in SAMPLES:
        path = tmp_path / sample.module
        path.write_text(sample.code, encoding="utf-8")
        files.append(str(path))
    client = tmp_path / "client.py"
    shutil.copyfile(ROOT / "examples" / "client.py", client)
    files.append(str(client))
    config = [
        "--config-file",
        str(ROOT / "pyproject.toml"),
        "--cache-dir",
        str(ROOT / ".mypy_cache"),
        # Dask's constructors carry no annotations: the extra's typing, not the sample's.
        "--untyped-calls-exclude",
        "distributed",
    ]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *config, *files],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    # Name each block by its page and fence line: "docs/batch.md:129 +5" is the block's 5th line.
    names = {sample.module: sample.name for sample in SAMPLES}
    report = re.sub(
        r"\S*?(sample_\w+?\.py):", lambda m: names.get(m.group(1), m.group(1)) + " +", result.stdout
    )
    assert result.returncode == 0, report + result.stderr
