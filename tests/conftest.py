"""Shared test fixtures: golden files, the optional ../shared material, fixture paths."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
SHARED = Path(os.environ.get("CSPPLAN_SHARED", ROOT.parent / "shared"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden JSON files from the current output instead of comparing",
    )


def _normalise(value: Any, replacements: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {
            k: _normalise(v, replacements)
            for k, v in value.items()
            if k != "sha256"  # builders may embed timestamps; the hash is tested elsewhere
        }
    if isinstance(value, list):
        return [_normalise(v, replacements) for v in value]
    if isinstance(value, str):
        for old, new in replacements.items():
            value = value.replace(old, new)
        return value
    return value


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[..., None]:
    """``golden("area/name", data, root=dir)`` compares ``data`` (JSON-ready) with
    ``tests/golden/area/name.json``; ``root`` is replaced by ``<root>`` in every string so
    temporary paths do not leak into the file. ``pytest --update-golden`` rewrites it."""
    update = request.config.getoption("--update-golden")

    def check(name: str, data: Any, root: str | os.PathLike[str] | None = None) -> None:
        replacements = {}
        if root is not None:
            replacements[str(Path(root).resolve())] = "<root>"
            replacements[str(root)] = "<root>"
        normalised = _normalise(data, replacements)
        path = GOLDEN / f"{name}.json"
        text = json.dumps(normalised, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if update or not path.exists():
            if not update and os.environ.get("CI"):
                pytest.fail(f"golden file {path} is missing; run pytest --update-golden")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert normalised == expected, f"output differs from {path}; run pytest --update-golden"

    return check


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``../shared`` folder of real plans; tests using it skip where it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (real seed plans) is not available in this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> dict[str, Path]:
    """The seed plan texts by their three-digit prefix (``"000"`` ... ``"004"``)."""
    return {p.name[:3]: p for p in sorted((shared_dir / "seeds").glob("*.txt"))}
