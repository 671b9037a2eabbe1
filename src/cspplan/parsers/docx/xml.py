"""WordprocessingML names and small helpers for reading its elements."""

from __future__ import annotations

from lxml import etree

__all__ = ["MC", "NS_MC", "NS_W", "W", "attr", "is_on", "local_name"]

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Strict OOXML files use another namespace for the same vocabulary; they are read the same
# way after the namespace is mapped (see body.normalise_namespace).
NS_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


class _Names:
    """Clark-notation names (``{namespace}local``) looked up as attributes: ``W.p``."""

    def __init__(self, namespace: str) -> None:
        self._namespace = namespace

    def __getattr__(self, local: str) -> str:
        # Called only on the first use of a name: the result is stored on the instance.
        name = f"{{{self._namespace}}}{local}"
        setattr(self, local, name)
        return name


W = _Names(NS_W)
"""Names in the main WordprocessingML namespace (``W.p``, ``W.tbl``, ``W.val``)."""

MC = _Names(NS_MC)
"""Names in the markup-compatibility namespace (``MC.AlternateContent``)."""


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def attr(element: etree._Element | None, name: str) -> str | None:
    """An attribute's value, or ``None`` where the element or attribute is absent."""
    if element is None:
        return None
    value = element.get(name)
    return None if value is None else str(value)


def is_on(element: etree._Element | None, name: str = W.val, absent: bool = True) -> bool:
    """A WordprocessingML on/off property: ``<w:b/>`` and ``<w:b w:val="true"/>`` are on,
    ``w:val`` of ``false``, ``0``, ``off`` or ``none`` is off. ``absent`` is the answer when
    the element has no such attribute."""
    if element is None:
        return False
    value = element.get(name)
    if value is None:
        return absent
    return str(value).strip().lower() not in ("false", "0", "off", "none")
