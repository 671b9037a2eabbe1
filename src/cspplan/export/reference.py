"""Print the exported tables' reference for ``docs/export.md``.

Run ``python -m cspplan.export.reference`` and paste its output below the marker line of
``docs/export.md`` after changing a table; a test checks the page is current.
"""

from __future__ import annotations

from .schema import markdown

if __name__ == "__main__":
    print(markdown(), end="")
