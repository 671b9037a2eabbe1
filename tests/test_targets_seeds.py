"""The text recognisers over the real seed plans (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

from cspplan.document import Block, ListItem, Table
from cspplan.model import Claim, ClaimKind, SourceRef, Target
from cspplan.parsers.text import TextParser
from cspplan.recognise.claims import find_claims, footnotes
from cspplan.recognise.indicators import find_indicators
from cspplan.recognise.targets import find_targets
from cspplan.recognise.trajectory import apply_trajectory, read_trajectory

SOURCE = SourceRef()


def blocks(path: Path) -> tuple[Block, ...]:
    return TextParser().parse(str(path), None).blocks


def texts(path: Path) -> list[tuple[str, list[str]]]:
    """Each non-table block's text with the list items after it and the plan's footnotes."""
    all_blocks = blocks(path)
    notes = footnotes(b.text for b in all_blocks if not isinstance(b, Table))
    result: list[tuple[str, list[str]]] = []
    for index, block in enumerate(all_blocks):
        if isinstance(block, Table):
            continue
        items: list[str] = []
        for later in all_blocks[index + 1 : index + 40]:
            if not isinstance(later, ListItem):
                break
            items.append(later.text)
        result.append((block.text, [*items, "", *notes]))
    return result


def all_claims(path: Path) -> list[Claim]:
    return [c for text, after in texts(path) for c in find_claims(text, SOURCE, after)]


def test_strategic_targets_with_trajectories(seeds: dict[str, Path]) -> None:
    targets: list[Target] = []
    pending: Target | None = None
    for block in blocks(seeds["000"]):
        if isinstance(block, Table):
            trajectory = read_trajectory(block)
            if trajectory is not None and pending is not None:
                targets.append(apply_trajectory(pending, trajectory))
            pending = None
            continue
        found = [t for t in find_targets(block.text, block.source) if "Strategic" in t.statement]
        pending = found[-1] if found else None
    assert len(targets) == 13
    distinct = {(t.metric, t.percent, t.baseline, t.target) for t in targets}
    assert len(distinct) == 12
    for target in targets:
        assert target.baseline is not None and target.baseline.period is not None
        assert target.target is not None and target.target.period is not None
        assert target.trajectory and target.deadline is not None
    by_metric = {t.metric: t for t in targets}
    damage = by_metric["criminal damage incidents"]
    assert damage.percent is not None and damage.percent.text == "16%"
    assert [m.value.text for m in damage.trajectory] == ["1140", "1095", "1050", "1005", "960"]
    assert (
        by_metric[
            "extent to which residents think anti-social behaviour occurs in their neighbourhood"
        ].baseline.value.text
        == "4976"
    )  # type: ignore[union-attr]


def test_past_targets_outturns_and_change_claims(seeds: dict[str, Path]) -> None:
    path = seeds["002"]
    targets = [t for text, _ in texts(path) for t in find_targets(text, SOURCE)]
    outturns = {t.metric: t.outturn.value.text for t in targets if t.outturn}
    assert outturns == {
        "violent crime": "12,299",
        "dwelling burglary": "2,581",
        "vehicle crime": "5942",
    }
    changes = {
        c.figure("change").value.text: (c.figure("from"), c.figure("to"))  # type: ignore[union-attr]
        for c in all_claims(path)
        if c.kind is ClaimKind.CHANGE and c.figure("to") is not None
    }
    for percent, start, end in (
        ("44%", "4,632", "2,581"),
        ("39%", "9,818", "5942"),
        ("13.8%", "493", "425"),
    ):
        found_start, found_end = changes[percent]
        assert found_start is not None and found_start.value.text == start
        assert found_end is not None and found_end.value.text == end


def test_indicator_codes(seeds: dict[str, Path]) -> None:
    path = seeds["002"]
    codes = {i.code for text, _ in texts(path) for i in find_indicators(text, SOURCE)}
    assert {"NI 16", "NI 18", "NI 20", "NI 47", "BVPI 206i", "BVPI 206ii"} <= codes
    assert all(c is None or c.split()[0] in {"NI", "BVPI"} for c in codes)


def test_share_and_count_claims(seeds: dict[str, Path]) -> None:
    shares = [c for c in all_claims(seeds["001"]) if c.kind is ClaimKind.SHARE]
    assert [[f.label for f in c.figures if f.role == "part"] for c in shares] == [
        ["micro", "small", "medium", "large"]
    ]
    claims = all_claims(seeds["004"])
    counted = {
        (c.figures[0].value.value, len(c.items)) for c in claims if c.kind is ClaimKind.COUNT
    }
    assert {(4, 4), (11, 11)} <= counted
    lower = next(
        c for c in claims if c.kind is ClaimKind.CHANGE and c.figure("change").value.text == "15%"
    )  # type: ignore[union-attr]
    assert [f.value.text for f in lower.figures] == ["27,889", "23,462", "15%"]


def test_action_plan_without_targets_yields_none(seeds: dict[str, Path]) -> None:
    path = seeds["003"]
    assert [t for text, _ in texts(path) for t in find_targets(text, SOURCE)] == []
    assert all_claims(path) == []
