"""Word's automatic numbering: the number or bullet Word displays before a list paragraph.

The number is not in the paragraph's text; Word computes it from ``word/numbering.xml``.
A paragraph names a numbering instance (``w:numId``) and a level (``w:ilvl``); the instance
points at an abstract definition whose levels give a start value, a format (decimal,
letters, roman numerals, bullet) and a level text such as ``%1.%2`` in which ``%n`` stands for
the current count of level *n*. Counters belong to the abstract definition, so two instances
of one definition continue one sequence; an instance's ``w:startOverride`` restarts a level
the first time that instance is used; a level restarts whenever a higher level is used,
unless its ``w:lvlRestart`` says otherwise (ECMA-376 part 1, §17.9).
"""

from __future__ import annotations

import attrs
from lxml import etree

from .xml import W, attr, is_on

__all__ = [
    "Level",
    "NumberingDefinitions",
    "NumberingState",
    "format_number",
    "to_letters",
    "to_roman",
]

_MAX_LEVELS = 9
_MAX_LINKS = 8  # numStyleLink indirections followed before giving up (cycles)

# Private-use code points of the Symbol and Wingdings fonts that Word stores for bullets,
# mapped to the glyph a reader sees. Other private-use characters become a plain bullet.
_SYMBOL_GLYPHS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf06e": "■",
    "\uf071": "❑",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0e8": "➔",
    "\uf0fc": "✓",
    "\uf0fe": "☒",
    "\uf0a8": "◻",
    "\uf0b2": "◆",
    "\uf02d": "-",
    "\uf0be": "—",
}

_CARDINALS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


@attrs.frozen(slots=True)
class Level:
    """One level of a numbering definition.

    Attributes:
        ilvl: The level, 0 to 8.
        start: The value the level starts (and restarts) at.
        num_fmt: The number format (``decimal``, ``lowerLetter``, ``upperRoman``, ``bullet``,
            ``none`` ...).
        lvl_text: The level text, ``%1.%2`` style; for a bullet, the bullet character.
        restart: ``w:lvlRestart``: restart after this (1-based) level is used; 0 never;
            ``None`` after any higher level (the default).
        is_legal: ``w:isLgl``: show every level's count in decimal ("legal" numbering).
        font: The level's font, to read Symbol and Wingdings bullets.
        style: The paragraph style linked to the level (``w:pStyle``), as heading styles
            are linked to the levels of an outline numbering.
    """

    ilvl: int
    start: int = 1
    num_fmt: str = "decimal"
    lvl_text: str = ""
    restart: int | None = None
    is_legal: bool = False
    font: str = ""
    style: str | None = None


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _level(element: etree._Element, base: Level | None = None) -> Level:
    ilvl = _int(attr(element, W.ilvl), base.ilvl if base else 0)
    start = element.find(W.start)
    fmt = element.find(W.numFmt)
    text = element.find(W.lvlText)
    restart = element.find(W.lvlRestart)
    legal = element.find(W.isLgl)
    fonts = element.find(f"{W.rPr}/{W.rFonts}")
    style = element.find(W.pStyle)
    return Level(
        ilvl=ilvl,
        start=_int(attr(start, W.val), base.start if base else 1)
        if start is not None
        else (base.start if base else 1),
        num_fmt=(attr(fmt, W.val) or "decimal")
        if fmt is not None
        else (base.num_fmt if base else "decimal"),
        lvl_text=(attr(text, W.val) or "") if text is not None else (base.lvl_text if base else ""),
        restart=_int(attr(restart, W.val), 0) if restart is not None else None,
        is_legal=is_on(legal) if legal is not None else False,
        font=(attr(fonts, W.ascii) or attr(fonts, W.hAnsi) or "") if fonts is not None else "",
        style=attr(style, W.val) if style is not None else None,
    )


@attrs.frozen(slots=True)
class _Abstract:
    levels: dict[int, Level]
    style_link: str | None = None  # w:numStyleLink: the levels live in another definition


@attrs.frozen(slots=True)
class _Instance:
    abstract_id: str
    overrides: dict[int, Level]  # whole-level replacements (w:lvlOverride/w:lvl)
    start_overrides: dict[int, int]  # w:lvlOverride/w:startOverride


@attrs.frozen(slots=True)
class NumberingDefinitions:
    """The numbering part: abstract definitions and the instances that use them.

    Attributes:
        abstracts: Abstract definitions by ``w:abstractNumId``.
        instances: Numbering instances by ``w:numId``.
        style_nums: For numbering styles, the ``w:numId`` the style points at (to follow
            ``w:numStyleLink``).
    """

    abstracts: dict[str, _Abstract] = attrs.field(factory=dict)
    instances: dict[str, _Instance] = attrs.field(factory=dict)
    style_nums: dict[str, str] = attrs.field(factory=dict)

    @classmethod
    def from_xml(
        cls, root: etree._Element | None, style_nums: dict[str, str] | None = None
    ) -> NumberingDefinitions:
        """Read ``word/numbering.xml``; ``style_nums`` maps numbering style ids to the numId
        in their ``w:numPr`` (from the styles part)."""
        if root is None:
            return cls(style_nums=dict(style_nums or {}))
        abstracts: dict[str, _Abstract] = {}
        for element in root.iter(W.abstractNum):
            abstract_id = attr(element, W.abstractNumId)
            if abstract_id is None or abstract_id in abstracts:
                continue
            levels: dict[int, Level] = {}
            for lvl in element.iter(W.lvl):
                level = _level(lvl)
                if 0 <= level.ilvl < _MAX_LEVELS:
                    levels.setdefault(level.ilvl, level)
            link = element.find(W.numStyleLink)
            abstracts[abstract_id] = _Abstract(
                levels=levels, style_link=attr(link, W.val) if link is not None else None
            )
        instances: dict[str, _Instance] = {}
        for element in root.iter(W.num):
            num_id = attr(element, W.numId)
            ref = element.find(W.abstractNumId)
            if num_id is None or ref is None or num_id in instances:
                continue
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in element.iter(W.lvlOverride):
                ilvl = _int(attr(override, W.ilvl), -1)
                if not 0 <= ilvl < _MAX_LEVELS:
                    continue
                start = override.find(W.startOverride)
                if start is not None:
                    starts[ilvl] = _int(attr(start, W.val), 1)
                replacement = override.find(W.lvl)
                if replacement is not None:
                    overrides[ilvl] = attrs.evolve(_level(replacement), ilvl=ilvl)
            instances[num_id] = _Instance(
                abstract_id=attr(ref, W.val) or "", overrides=overrides, start_overrides=starts
            )
        return cls(abstracts=abstracts, instances=instances, style_nums=dict(style_nums or {}))

    def resolve(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        """The abstract id that holds the counters of instance ``num_id`` and the levels in
        force for it (instance overrides applied); ``None`` where it is not defined."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract_id = instance.abstract_id
        abstract = self.abstracts.get(abstract_id)
        for _ in range(_MAX_LINKS):
            if abstract is None or abstract.style_link is None:
                break
            linked_num = self.style_nums.get(abstract.style_link)
            linked = self.instances.get(linked_num or "")
            if linked is None or linked.abstract_id == abstract_id:
                break
            abstract_id = linked.abstract_id
            abstract = self.abstracts.get(abstract_id)
        if abstract is None:
            return None
        levels = dict(abstract.levels)
        levels.update(instance.overrides)
        return abstract_id, levels

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level of instance ``num_id`` linked to a paragraph style (``w:lvl/w:pStyle``),
        which is how heading styles pick their level of an outline numbering."""
        resolved = self.resolve(num_id)
        if resolved is None:
            return None
        for ilvl, level in sorted(resolved[1].items()):
            if level.style == style_id:
                return ilvl
        return None


def to_roman(value: int) -> str:
    """``value`` in upper-case roman numerals (1 to 3999; other values in decimal)."""
    if not 0 < value < 4000:
        return str(value)
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out: list[str] = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def to_letters(value: int) -> str:
    """``value`` as Word writes letter numbering: A ... Z, then AA, BB ... ZZ, then AAA."""
    if value <= 0:
        return str(value)
    letter = chr(ord("A") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _ordinal_suffix(value: int) -> str:
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def format_number(value: int, num_fmt: str) -> str:
    """A counter value in a Word number format; unknown formats fall back to decimal."""
    if num_fmt == "none":
        return ""
    if num_fmt == "lowerLetter":
        return to_letters(value).lower()
    if num_fmt == "upperLetter":
        return to_letters(value)
    if num_fmt == "lowerRoman":
        return to_roman(value).lower()
    if num_fmt == "upperRoman":
        return to_roman(value)
    if num_fmt == "decimalZero":
        return f"{value:02d}"
    if num_fmt == "ordinal":
        return f"{value}{_ordinal_suffix(value)}"
    if num_fmt == "cardinalText":
        return _CARDINALS[value].capitalize() if 0 <= value < len(_CARDINALS) else str(value)
    if num_fmt == "ordinalText":
        return _ORDINALS[value].capitalize() if 0 <= value < len(_ORDINALS) else str(value)
    if num_fmt == "decimalEnclosedParen":
        return f"({value})"
    return str(value)


def bullet_glyph(level: Level) -> str:
    """The bullet a reader sees for a bullet level: Symbol/Wingdings private-use characters
    mapped to their glyphs, Courier New's ``o`` to a hollow bullet."""
    text = level.lvl_text.strip()
    if not text:
        return "•"
    glyph = _SYMBOL_GLYPHS.get(text[0])
    if glyph is not None:
        return glyph
    if "\ue000" <= text[0] <= "\uf8ff":
        return "•"
    if text == "o" and "courier" in level.font.lower():
        return "◦"
    return text


@attrs.define(slots=True)
class NumberingState:
    """Running counters while paragraphs are read in document order.

    Attributes:
        definitions: The numbering part.
        counters: Current count of each level, per abstract definition.
        used: Instances (and levels) already seen, for ``w:startOverride``.
    """

    definitions: NumberingDefinitions
    counters: dict[str, dict[int, int]] = attrs.field(factory=dict)
    used: set[tuple[str, int]] = attrs.field(factory=set)

    def next_marker(self, num_id: str, ilvl: int) -> tuple[str, int] | None:
        """Advance the counters for a paragraph numbered ``(num_id, ilvl)`` and return the
        marker Word displays with the level; ``None`` where the numbering is undefined.
        A ``w:numId`` of 0 means "no numbering" and also gives ``None``."""
        if num_id == "0":
            return None
        resolved = self.definitions.resolve(num_id)
        if resolved is None:
            return None
        abstract_id, levels = resolved
        ilvl = min(max(ilvl, 0), _MAX_LEVELS - 1)
        level = levels.get(ilvl) or Level(ilvl=ilvl)
        counters = self.counters.setdefault(abstract_id, {})
        instance = self.definitions.instances[num_id]
        if (num_id, ilvl) not in self.used:
            self.used.add((num_id, ilvl))
            if ilvl in instance.start_overrides:
                counters.pop(ilvl, None)
                counters[ilvl] = instance.start_overrides[ilvl] - 1
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level(ilvl=deeper)).restart
            if restart is None or restart > deeper:
                restart = deeper
            if restart != 0 and ilvl < restart:
                del counters[deeper]
        if level.num_fmt == "bullet":
            return bullet_glyph(level), ilvl
        return self._level_text(level, levels, counters), ilvl

    def _level_text(self, level: Level, levels: dict[int, Level], counters: dict[int, int]) -> str:
        text = level.lvl_text
        out: list[str] = []
        i = 0
        while i < len(text):
            char = text[i]
            if char == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                ref = int(text[i + 1]) - 1
                ref_level = levels.get(ref) or Level(ilvl=ref)
                value = counters.get(ref, ref_level.start)
                fmt = "decimal" if level.is_legal else ref_level.num_fmt
                out.append(format_number(value, "decimal" if fmt == "bullet" else fmt))
                i += 2
                continue
            out.append(char)
            i += 1
        return "".join(out).strip()
