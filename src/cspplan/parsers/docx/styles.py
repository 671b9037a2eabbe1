"""Word styles: what a paragraph inherits from its style chain.

A paragraph's heading level, outline level, list numbering and boldness often come from
its style (``Heading 2``, ``List Number``) or a style it is based on, not from the paragraph
itself. :class:`Styles` resolves those through ``w:basedOn`` with a bounded walk.
"""

from __future__ import annotations

import attrs
import regex
from lxml import etree

from .xml import W, attr, is_on

__all__ = ["StyleInfo", "Styles", "heading_level_from_name"]

_MAX_CHAIN = 32  # basedOn chains longer than this are cycles or garbage
_HEADING_NAME = regex.compile(r"^\s*heading\s*([1-9])\s*$", regex.IGNORECASE)
_TOC_NAME = regex.compile(r"^\s*(?:toc\s*[1-9]|toc heading|table of figures)\s*$", regex.I)


@attrs.frozen(slots=True)
class StyleInfo:
    """One style's own properties (not inherited).

    Attributes:
        style_id: The style's id, as paragraphs refer to it.
        name: Its display name (built-in names are English: ``heading 1``).
        kind: ``paragraph``, ``character``, ``table`` or ``numbering``.
        based_on: Id of the style it inherits from.
        outline_level: ``w:outlineLvl`` (0 to 8; 9 is body text), where set.
        num_id: ``w:numPr/w:numId``, where set.
        ilvl: ``w:numPr/w:ilvl``, where set.
        bold: ``w:rPr/w:b``, where set.
    """

    style_id: str
    name: str = ""
    kind: str = "paragraph"
    based_on: str | None = None
    outline_level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None


def heading_level_from_name(name: str) -> int | None:
    """The heading level a style name stands for: ``Heading 2`` → 2, ``Title`` → 1."""
    match = _HEADING_NAME.match(name)
    if match:
        return int(match.group(1))
    if name.strip().lower() == "title":
        return 1
    return None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _style_info(element: etree._Element) -> StyleInfo:
    ppr = element.find(W.pPr)
    num_pr = ppr.find(W.numPr) if ppr is not None else None
    outline = ppr.find(W.outlineLvl) if ppr is not None else None
    rpr = element.find(W.rPr)
    bold = rpr.find(W.b) if rpr is not None else None
    name_el = element.find(W.name)
    based = element.find(W.basedOn)
    num_id = num_pr.find(W.numId) if num_pr is not None else None
    ilvl = num_pr.find(W.ilvl) if num_pr is not None else None
    return StyleInfo(
        style_id=attr(element, W.styleId) or "",
        name=attr(name_el, W.val) or "" if name_el is not None else "",
        kind=attr(element, W.type) or "paragraph",
        based_on=attr(based, W.val) if based is not None else None,
        outline_level=_int(attr(outline, W.val)) if outline is not None else None,
        num_id=attr(num_id, W.val) if num_id is not None else None,
        ilvl=_int(attr(ilvl, W.val)) if ilvl is not None else None,
        bold=is_on(bold) if bold is not None else None,
    )


@attrs.frozen(slots=True)
class Styles:
    """The styles part, with inheritance resolved on demand.

    Attributes:
        by_id: Each style by its id.
        default_paragraph: Id of the default paragraph style (``Normal``).
        default_bold: Whether document defaults make text bold.
    """

    by_id: dict[str, StyleInfo] = attrs.field(factory=dict)
    default_paragraph: str | None = None
    default_bold: bool = False
    _chains: dict[str | None, list[StyleInfo]] = attrs.field(
        factory=dict, eq=False, repr=False, alias="_chains"
    )

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Styles:
        """Read ``word/styles.xml`` (``None`` where the package has none)."""
        if root is None:
            return cls()
        by_id: dict[str, StyleInfo] = {}
        default: str | None = None
        for element in root.iter(W.style):
            info = _style_info(element)
            if info.style_id and info.style_id not in by_id:
                by_id[info.style_id] = info
                if info.kind == "paragraph" and is_on(element, W.default, absent=False):
                    default = default or info.style_id
        defaults_bold = root.find(f"{W.docDefaults}/{W.rPrDefault}/{W.rPr}/{W.b}")
        return cls(
            by_id=by_id,
            default_paragraph=default,
            default_bold=is_on(defaults_bold) if defaults_bold is not None else False,
        )

    def chain(self, style_id: str | None) -> list[StyleInfo]:
        """The style and those it is based on, nearest first (cycles cut)."""
        cached = self._chains.get(style_id)
        if cached is not None:
            return cached
        found: list[StyleInfo] = []
        seen: set[str] = set()
        current = style_id
        while current and current not in seen and len(found) < _MAX_CHAIN:
            seen.add(current)
            info = self.by_id.get(current)
            if info is None:
                break
            found.append(info)
            current = info.based_on
        self._chains[style_id] = found
        return found

    def paragraph_chain(self, style_id: str | None) -> list[StyleInfo]:
        """The chain of a paragraph's style, or of the default style where it names none."""
        return self.chain(style_id if style_id in self.by_id else self.default_paragraph)

    def name(self, style_id: str | None) -> str:
        """A style's display name ('' where unknown)."""
        info = self.by_id.get(style_id or "")
        return info.name if info else ""

    def heading_level(self, style_id: str | None) -> int | None:
        """The heading level the style or a style it is based on stands for by name."""
        for info in self.paragraph_chain(style_id):
            level = heading_level_from_name(info.name) or heading_level_from_name(info.style_id)
            if level is not None:
                return level
        return None

    def outline_level(self, style_id: str | None) -> int | None:
        """``w:outlineLvl`` inherited through the style chain."""
        for info in self.paragraph_chain(style_id):
            if info.outline_level is not None:
                return info.outline_level
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` inherited through the style chain (each ``None`` where unset)."""
        num_id: str | None = None
        ilvl: int | None = None
        for info in self.paragraph_chain(style_id):
            if num_id is None and info.num_id is not None:
                num_id = info.num_id
            if ilvl is None and info.ilvl is not None:
                ilvl = info.ilvl
        return num_id, ilvl

    def bold(self, style_id: str | None, paragraph: bool = False) -> bool | None:
        """Whether the style chain makes text bold (``None`` where it says nothing)."""
        chain = self.paragraph_chain(style_id) if paragraph else self.chain(style_id)
        for info in chain:
            if info.bold is not None:
                return info.bold
        return None

    def is_toc(self, style_id: str | None) -> bool:
        """True for Word's table-of-contents entry styles (``toc 1`` ...)."""
        return any(
            _TOC_NAME.match(info.name) or _TOC_NAME.match(info.style_id)
            for info in self.chain(style_id)[:1]
        )
