"""Blocks far longer than any plan's are kept, unsearched, with a warning."""

from __future__ import annotations

from cspplan.document import Document, Paragraph
from cspplan.model import SourceRef
from cspplan.recognise import LONG_BLOCK, build_plan


def test_an_overlong_paragraph_is_kept_whole_and_reported() -> None:
    text = "Reduce burglary by 10% from 500 to 450 by 2026. " * (LONG_BLOCK // 40)
    doc = Document(
        path="long.txt",
        sha256="0" * 64,
        media_type="text/plain",
        parser="text",
        blocks=(Paragraph(text=text, source=SourceRef(file="long.txt", line=1)),),
    )
    plan = build_plan(doc)
    assert [u.text for u in plan.unclassified] == [text]
    assert not list(plan.all_targets())
    assert len(plan.warnings) == 1 and "long.txt: line 1" in plan.warnings[0]


def test_a_paragraph_under_the_limit_is_searched() -> None:
    doc = Document(
        path="p.txt",
        sha256="0" * 64,
        media_type="text/plain",
        parser="text",
        blocks=(
            Paragraph(text="Reduce burglary by 10% from 500 to 450 by 2026.", source=SourceRef()),
        ),
    )
    assert len(list(build_plan(doc).all_targets())) == 1
