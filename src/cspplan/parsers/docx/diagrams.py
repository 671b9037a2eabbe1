"""SmartArt diagrams: the text of their shapes, in the diagram's own order.

A SmartArt diagram keeps its text in a data part (``word/diagrams/data1.xml``): points
(``dgm:pt``) holding the text, and connections (``dgm:cxn``) saying which point is the parent
of which, in what order. The drawing Word renders from it is not read, so no text is read
twice.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["diagram_texts"]

_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_TEXT_TYPES = ("node", "asst")


def _point_text(point: etree._Element) -> str:
    body = point.find(f"{_DGM}t")
    if body is None:
        return ""
    paragraphs = [
        " ".join("".join(t.text or "" for t in p.iter(f"{_A}t")).split())
        for p in body.iter(f"{_A}p")
    ]
    return " ".join(p for p in paragraphs if p)


def _order(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def diagram_texts(root: etree._Element) -> list[str]:
    """One string per shape with text, parents before children and siblings in order; shapes
    no connection reaches follow in the order the part lists them."""
    points = {p.get("modelId") or "": p for p in root.iter(f"{_DGM}pt")}
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in root.iter(f"{_DGM}cxn"):
        if (cxn.get("type") or "parOf") != "parOf":
            continue
        source, dest = cxn.get("srcId") or "", cxn.get("destId") or ""
        children.setdefault(source, []).append((_order(cxn.get("srcOrd")), dest))
    ordered: list[str] = []
    seen: set[str] = set()
    roots = [key for key, p in points.items() if p.get("type") == "doc"]
    stack = list(reversed(roots))
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        ordered.append(key)
        stack.extend(dest for _, dest in sorted(children.get(key, []), reverse=True))
    ordered.extend(key for key in points if key not in seen)
    texts: list[str] = []
    for key in ordered:
        point = points.get(key)
        if point is None or (point.get("type") or "node") not in _TEXT_TYPES:
            continue
        text = _point_text(point)
        if text:
            texts.append(text)
    return texts
