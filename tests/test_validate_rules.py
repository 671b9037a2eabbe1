"""A passing and a failing case for every rule code, on hand-built plans."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from cspplan import check
from cspplan.model import ClaimKind, Direction, Plan, TableColumn, Unit
from cspplan.model.values import Timescale, TimescaleKind
from cspplan.validate import Finding, Severity
from test_validate_support import (
    action,
    claim,
    codes,
    figure,
    measure,
    objective,
    period,
    plan,
    priority,
    target,
    timescale,
)


def only(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


def one(plan_: Plan, code: str, **kwargs: object) -> Finding:
    found = only(check(plan_, select=[code], **kwargs), code)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def none_of(plan_: Plan, code: str) -> None:
    assert only(check(plan_, select=[code]), code) == []


def strategic(statement: str, percent: str, base: str, goal: str, **kw: object) -> Plan:
    return plan(
        targets=(
            target(statement, percent=percent, baseline=base, goal=goal, **kw),  # type: ignore[arg-type]
        )
    )


# --- A101 target-percent -----------------------------------------------------------------


def test_a101_holds_within_rounding() -> None:
    none_of(
        strategic("reduce criminal damage by 16% from 1140 to 960", "16%", "1140", "960"), "A101"
    )
    none_of(strategic("reduce drugs offences by 15% from 64 to 54", "15%", "64", "54"), "A101")


def test_a101_error_when_no_reading_reconciles() -> None:
    finding = one(strategic("reduce burglary by 20% from 500 to 450", "20%", "500", "450"), "A101")
    assert finding.severity is Severity.ERROR
    assert finding.expected is not None and finding.expected.value == Decimal("10.0")
    assert finding.stated is not None and finding.stated.text == "20%"
    assert finding.subject.kind == "target" and finding.subject.id == "T1"


def test_a101_warning_when_only_truncation_reconciles() -> None:
    # 500 to 421 is a 15.8% fall: "15%" only if the writer cut off the decimals.
    finding = one(strategic("reduce burglary by 15% from 500 to 421", "15%", "500", "421"), "A101")
    assert finding.severity is Severity.WARNING


def test_a101_printed_precision_is_part_of_the_claim() -> None:
    loose = strategic("reduce damage by 16% from 1140 to 960", "16%", "1140", "960")
    tight = strategic("reduce damage by 16.0% from 1140 to 960", "16.0%", "1140", "960")
    none_of(loose, "A101")
    # 15.8% is not 16.0%; only a coarse reading of the round 960 excuses it.
    assert one(tight, "A101").severity is Severity.WARNING
    assert one(tight, "A101", settings={"lenient": False}).severity is Severity.ERROR


def test_a101_values_in_a_table_of_round_tens_stand_for_five_either_side() -> None:
    # 100 to 70 is 30%; printed in a table of round tens both may be 5 out.
    trajectory = [
        ("100", "2004/05", None),
        ("90", "2005/06", None),
        ("80", "2006/07", None),
        ("70", "2007/08", None),
    ]
    tabled = strategic(
        "reduce incidents by 25% from 100 to 70", "25%", "100", "70", trajectory=trajectory
    )
    none_of(tabled, "A101")
    finding = one(tabled, "A101", settings={"table_rounding": False})
    assert finding.severity is Severity.WARNING


def test_a101_skips_a_milestone_figure_for_another_year() -> None:
    built = strategic(
        "reduce casualties by 40% from 675; the milestone for 2009 is 427",
        "40%",
        "675",
        "427",
        deadline="2010",
    )
    built = plan(
        targets=(
            target(
                built.targets[0].statement,
                percent="40%",
                baseline="675",
                goal=measure("427", "2009", "milestone"),
                deadline="2010",
            ),
        )
    )
    none_of(built, "A101")


# --- A102 percent-points -----------------------------------------------------------------


def test_a102_percent_confused_with_points() -> None:
    built = strategic(
        "reduce those feeling unsafe by 3% from 29% to 26%", "3%", "29%", "26%", unit=Unit.PERCENT
    )
    finding = one(built, "A102")
    assert finding.severity is Severity.WARNING
    assert only(check(built), "A101") == []


def test_a102_holds_for_relative_and_for_points() -> None:
    none_of(
        strategic(
            "reduce those feeling unsafe by 10% from 30% to 27%",
            "10%",
            "30%",
            "27%",
            unit=Unit.PERCENT,
        ),
        "A102",
    )
    none_of(
        strategic(
            "reduce those feeling unsafe by 3 percentage points from 29% to 26%",
            "3 points",
            "29%",
            "26%",
            unit=Unit.PERCENTAGE_POINTS,
        ),
        "A102",
    )


def test_a102_on_a_claim() -> None:
    built = plan(
        claims=(
            claim(
                ClaimKind.CHANGE,
                "a 3% reduction from 29% to 26%",
                figure("change", "3%"),
                figure("from", "29%"),
                figure("to", "26%"),
                direction=Direction.REDUCE,
            ),
        )
    )
    assert one(built, "A102").subject.kind == "claim"
    assert only(check(built), "A120") == []


# --- A103 target-drift -------------------------------------------------------------------


def test_a103_reports_drift_within_rounding_as_information() -> None:
    finding = one(
        strategic("reduce criminal damage by 16% from 1140 to 960", "16%", "1140", "960"), "A103"
    )
    assert finding.severity is Severity.INFO
    assert finding.expected is not None and finding.expected.value == Decimal("957.6")
    assert finding.stated is not None and finding.stated.value == Decimal("960")


def test_a103_quiet_when_the_target_is_the_rounded_product() -> None:
    none_of(strategic("reduce calls by 5% from 4293 to 4078", "5%", "4293", "4078"), "A103")
    none_of(strategic("reduce disturbances by 25% from 21 to 16", "25%", "21", "16"), "A103")


# --- A104 target-direction ---------------------------------------------------------------


def test_a104_target_figure_against_direction() -> None:
    built = strategic("reduce deliberate fires by 4% from 217 to 226", "4%", "217", "226")
    finding = one(built, "A104")
    assert finding.severity is Severity.ERROR
    assert finding.stated is not None and finding.stated.value == Decimal("226")


def test_a104_holds() -> None:
    none_of(strategic("reduce deliberate fires by 5% from 217 to 206", "5%", "217", "206"), "A104")
    built = strategic(
        "increase detections by 10% from 300 to 330",
        "10%",
        "300",
        "330",
        direction=Direction.INCREASE,
    )
    none_of(built, "A104")
    none_of(built, "A101")


# --- A110 / A111 / A112 trajectories ------------------------------------------------------


def _trajectory_plan(
    points: list[tuple[str, str | None, str | None]], base: str = "372", goal: str = "260"
) -> Plan:
    return plan(
        targets=(
            target(
                f"reduce house burglaries by 30% from {base} to {goal} by 2007/08",
                percent="30%",
                baseline=measure(base, "2003/04"),
                goal=goal,
                deadline="2007/08",
                trajectory=points,
            ),
        )
    )


GOOD = [
    ("372", "2003/04", "Benchmark"),
    ("344", "2004/05", None),
    ("316", "2005/06", None),
    ("288", "2006/07", None),
    ("260", "2007/08", "Target-30%"),
]


def test_trajectory_rules_hold_on_a_good_table() -> None:
    built = _trajectory_plan(GOOD)
    assert codes(check(built, select="A11")) == []


def test_a110_trajectory_start_differs_from_baseline() -> None:
    points = [("327", "2003/04", "Benchmark"), *GOOD[1:]]
    finding = one(_trajectory_plan(points), "A110")
    assert finding.severity is Severity.ERROR
    assert (finding.expected.value, finding.stated.value) == (Decimal(372), Decimal(327))  # type: ignore[union-attr]


def test_a110_matches_by_label_where_periods_are_missing() -> None:
    points = [("327", None, "Baseline"), ("300", None, None), ("260", None, "Target")]
    built = plan(
        targets=(
            target(
                "reduce by 30% from 372 to 260",
                percent="30%",
                baseline="372",
                goal="260",
                trajectory=points,
            ),
        )
    )
    assert one(built, "A110").stated.value == Decimal(327)  # type: ignore[union-attr]


def test_a111_trajectory_end_differs_from_target() -> None:
    points = [*GOOD[:-1], ("266", "2007/08", "Target-30%")]
    finding = one(_trajectory_plan(points), "A111")
    assert finding.severity is Severity.ERROR
    assert finding.stated.value == Decimal(266)  # type: ignore[union-attr]


def test_a111_warning_when_a_round_figure_could_be_coarse() -> None:
    points = [("1140", "2003/04", None), ("1050", "2005/06", None), ("955", "2007/08", None)]
    built = plan(
        targets=(
            target(
                "reduce damage by 16% from 1140 to 960 by 2007/08",
                percent="16%",
                baseline=measure("1140", "2003/04"),
                goal="960",
                deadline="2007/08",
                trajectory=points,
            ),
        )
    )
    assert one(built, "A111").severity is Severity.WARNING


def test_a112_trajectory_steps_against_direction() -> None:
    points = [
        ("64", "2003/04", None),
        ("61", "2004/05", None),
        ("63", "2005/06", None),
        ("56", "2006/07", None),
        ("54", "2007/08", None),
    ]
    built = plan(
        targets=(
            target(
                "reduce drugs offences by 15% from 64 to 54 by 2007/08",
                percent="15%",
                baseline=measure("64", "2003/04"),
                goal="54",
                deadline="2007/08",
                trajectory=points,
            ),
        )
    )
    finding = one(built, "A112")
    assert finding.severity is Severity.WARNING
    assert (finding.expected.value, finding.stated.value) == (Decimal(61), Decimal(63))  # type: ignore[union-attr]


def test_a112_a_flat_step_is_fine() -> None:
    points = [
        ("21", "2003/04", None),
        ("19", "2004/05", None),
        ("19", "2005/06", None),
        ("16", "2006/07", None),
    ]
    built = plan(
        targets=(
            target(
                "reduce by 25% from 21 to 16",
                percent="25%",
                baseline="21",
                goal="16",
                trajectory=points,
            ),
        )
    )
    none_of(built, "A112")


# --- A120 / A121 / A122 change claims ------------------------------------------------------


def change(
    statement: str, base: str, new: str, amount: str, direction: Direction | None = Direction.REDUCE
) -> Plan:
    return plan(
        claims=(
            claim(
                ClaimKind.CHANGE,
                statement,
                figure("from", base),
                figure("to", new),
                figure("change", amount),
                direction=direction,
            ),
        )
    )


def test_a120_holds() -> None:
    none_of(change("from 4,632 to 2,581, a reduction of 44%", "4,632", "2,581", "44%"), "A120")
    none_of(change("from 9,818 to 5,942, a reduction of 39%", "9,818", "5,942", "39%"), "A120")
    none_of(change("425, a 13.8% reduction from 493", "493", "425", "13.8%"), "A120")
    none_of(
        change("up 400 from 3,100 to 3,500", "3,100", "3,500", "400", Direction.INCREASE), "A120"
    )


def test_a120_error() -> None:
    finding = one(
        change("2,581, a reduction of 40% on the 4,632 baseline", "4,632", "2,581", "40%"), "A120"
    )
    assert finding.severity is Severity.ERROR
    assert finding.expected is not None and finding.expected.value == Decimal("44.3")
    # A round 40 is not read as a coarse 35 to 45: a round number stretches by 5% at most.
    assert (
        one(change("x", "4,632", "2,581", "40%"), "A120", settings={"lenient": True}).severity
        is Severity.ERROR
    )


def test_a120_warning_when_truncated() -> None:
    finding = one(change("a 15% fall from 1,000 to 841", "1,000", "841", "15%"), "A120")
    assert finding.severity is Severity.WARNING


def test_a120_amount_change_error() -> None:
    finding = one(
        change("up 500 from 3,100 to 3,500", "3,100", "3,500", "500", Direction.INCREASE), "A120"
    )
    assert finding.expected is not None and finding.expected.value == Decimal(400)


def test_a120_hedged_figure_reads_as_rounded() -> None:
    built = plan(
        claims=(
            claim(
                ClaimKind.CHANGE,
                "111,900, a growth of almost 15,000 people from 97,075",
                figure("from", "97,075"),
                figure("to", "111,900"),
                figure("change", "15,000"),
                direction=Direction.INCREASE,
            ),
        )
    )
    none_of(built, "A120")
    unhedged = plan(
        claims=(
            attrs_evolve_statement(
                built.claims[0], "111,900, a growth of 15,000 people from 97,075"
            ),
        )
    )
    assert one(unhedged, "A120").severity is Severity.WARNING


def attrs_evolve_statement(c: object, statement: str) -> object:
    import attrs

    return attrs.evolve(c, statement=statement)  # type: ignore[misc]


def test_a121_direction_contradicts_figures() -> None:
    built = plan(
        claims=(
            claim(
                ClaimKind.CHANGE,
                "enterprises are down from 3,100 to 3,500",
                figure("from", "3,100"),
                figure("to", "3,500"),
                direction=Direction.REDUCE,
            ),
        )
    )
    assert one(built, "A121").severity is Severity.ERROR


def test_a121_holds() -> None:
    built = plan(
        claims=(
            claim(
                ClaimKind.CHANGE,
                "enterprises are up from 3,100 to 3,500",
                figure("from", "3,100"),
                figure("to", "3,500"),
                direction=Direction.INCREASE,
            ),
        )
    )
    none_of(built, "A121")


def test_a122_divided_by_the_new_figure() -> None:
    built = change("fell from 120 to 100, a fall of 20%", "120", "100", "20%")
    finding = one(built, "A122")
    assert finding.severity is Severity.ERROR
    assert finding.expected is not None and finding.expected.value == Decimal("16.7")
    assert only(check(built), "A120") == []


def test_a122_on_a_target() -> None:
    built = strategic("reduce incidents by 25% from 500 to 400", "25%", "500", "400")
    assert one(built, "A122").subject.kind == "target"
    none_of(strategic("reduce incidents by 20% from 500 to 400", "20%", "500", "400"), "A122")


def test_a122_holds() -> None:
    none_of(change("fell from 120 to 100, a fall of 16.7%", "120", "100", "16.7%"), "A122")


# --- A130 share-sum --------------------------------------------------------------------------


def shares(*parts: str, total: str | None = None) -> Plan:
    figures = [figure("part", p, label=f"band {i}") for i, p in enumerate(parts)]
    if total:
        figures.append(figure("total", total))
    return plan(claims=(claim(ClaimKind.SHARE, "businesses by size", *figures),))


def test_a130_holds_within_rounding() -> None:
    none_of(shares("83%", "13%", "3%", "1%", total="3,500"), "A130")
    none_of(shares("50.9%", "49.1%"), "A130")
    none_of(shares("34%", "33%", "34%"), "A130")  # 101, within three halves


def test_a130_over_a_hundred_is_an_error() -> None:
    finding = one(shares("62%", "25%", "12%", "6%"), "A130")
    assert finding.severity is Severity.ERROR
    assert finding.stated is not None and finding.stated.value == Decimal(105)


def test_a130_at_the_edge_of_rounding_is_information() -> None:
    # 38 + 27 + 19 + 18 = 102: 100 only if each was 37.5, 26.5, 18.5 and 17.5 rounded up.
    finding = one(shares("38%", "27%", "19%", "18%"), "A130")
    assert finding.severity is Severity.INFO
    assert "exactly half" in finding.message
    # Two shares: 5.5% and 94.5% print as 6% and 95%, one coincidence, not worth a word.
    none_of(shares("6%", "95%"), "A130")


def test_a130_short_of_a_named_whole_is_a_warning() -> None:
    assert one(shares("60%", "20%", total="3,500"), "A130").severity is Severity.WARNING
    none_of(shares("60%", "20%"), "A130")


# --- M304 column-filled -------------------------------------------------------------------------

COLUMNS = (
    TableColumn("Ref", "ref"),
    TableColumn("Action", "action"),
    TableColumn("Budget (£)", "resources"),
    TableColumn("Success measure", "evaluation"),
    TableColumn("Comments", "status"),
)


def tabled(
    *cells: tuple[str | None, str | None], columns: tuple[TableColumn, ...] = COLUMNS
) -> Plan:
    """Actions of one table: (budget, success measure) per row; comments are left empty."""
    return plan(
        actions=tuple(
            attrs.evolve(
                action(f"A{i}", f"action {i}"), resources=money, evaluation=measure, columns=columns
            )
            for i, (money, measure) in enumerate(cells, start=1)
        )
    )


FULL = ("£2,000", "Referrals made")


def test_m304_placeholder_or_empty_cell_in_a_filled_column() -> None:
    found = check(tabled(FULL, FULL, FULL, ("n/a", "Report online"), ("Staff time", None)))
    m304 = sorted((f.subject.id, f.message) for f in found if f.code == "M304")
    assert [(i, m.split(" where")[0]) for i, m in m304] == [
        ("A4", "Budget (£) (resources) holds only 'n/a'"),
        ("A5", "Success measure (success measure) is empty"),
    ]
    assert all(f.severity is Severity.WARNING for f in found if f.code == "M304")


def test_m304_holds() -> None:
    # "Nil" and "Staff time" answer the question; a column most rows leave empty is not judged.
    none_of(tabled(FULL, FULL, ("Nil", "Report online"), ("Staff time", "Summit held")), "M304")
    none_of(tabled(FULL, (None, "w"), (None, "x"), ("£1", "y")), "M304")
    none_of(tabled(FULL, (None, "z")), "M304")  # one other row: too few to judge by
    # A priority column may merge its cells down: an action without a ref is not judged.
    grouped = (TableColumn("Priority", "priority"), *COLUMNS)
    built = tabled(FULL, FULL, FULL, (None, "w"), columns=grouped)
    built = attrs.evolve(built, actions=tuple(attrs.evolve(a, ref=None) for a in built.actions))
    none_of(built, "M304")


# --- A140 count-items -------------------------------------------------------------------------


def counted(word: str, items: list[str]) -> Plan:
    return plan(
        claims=(
            claim(
                ClaimKind.COUNT,
                f"the plan has {word} areas of work",
                figure("count", word),
                items=items,
            ),
        )
    )


def test_a140_count_differs_from_list() -> None:
    finding = one(counted("four", ["Data", "Prevention", "Enforcement"]), "A140")
    assert finding.severity is Severity.ERROR
    assert (finding.expected.value, finding.stated.value) == (Decimal(3), Decimal(4))  # type: ignore[union-attr]


def test_a140_holds() -> None:
    none_of(counted("three", ["Data", "Prevention", "Enforcement"]), "A140")
    none_of(counted("five", []), "A140")


# --- C201 objective-target ---------------------------------------------------------------------


def _calls(objective_percent: str) -> Plan:
    strategic_target = target(
        "Anti-social behaviour: strategic target to reduce police calls for service by 5% from 4293 to 4078 by 2007/08",
        id="T4",
        metric="police calls for service",
        percent="5%",
        baseline="4293",
        goal="4078",
        deadline="2007/08",
        line=40,
    )
    stated = target(
        f"To reduce Police calls for service by {objective_percent} by 2007/08",
        id="T20",
        metric="Police calls for service",
        percent=objective_percent,
        deadline="2007/08",
        line=90,
    )
    return plan(
        targets=(strategic_target,),
        priorities=(
            priority(
                "Anti-social Behaviour", objectives=(objective("O1", stated.statement, stated),)
            ),
        ),
    )


def test_c201_objective_contradicts_strategic_target() -> None:
    finding = one(_calls("10%"), "C201")
    assert finding.severity is Severity.ERROR
    assert finding.stated is not None and finding.stated.value == Decimal(10)
    assert finding.expected is not None and finding.expected.value == Decimal(5)
    assert finding.subject.kind == "objective" and finding.subject.id == "O1"
    assert [s.id for s in finding.related] == ["T4"]
    assert finding.source.line == 90


def test_c201_holds() -> None:
    none_of(_calls("5%"), "C201")


def test_c201_picks_the_better_matching_target() -> None:
    of = target(
        "reduce theft of motor vehicles by 10% from 234 to 211",
        id="T1",
        percent="10%",
        baseline="234",
        goal="211",
    )
    from_ = target(
        "reduce theft from motor vehicles by 20% from 597 to 478",
        id="T2",
        percent="20%",
        baseline="597",
        goal="478",
    )
    stated = target("To reduce thefts from motor vehicles by 20% by 2008", id="T3", percent="20%")
    stated_of = target("To reduce thefts of motor vehicles by 10% by 2008", id="T4", percent="10%")
    built = plan(
        targets=(of, from_), objectives=(objective("O1", "vehicle crime", stated, stated_of),)
    )
    none_of(built, "C201")
    none_of(built, "C202")


def test_c201_compares_target_figures() -> None:
    strategic_target = target(
        "reduce residents feeling unsafe at home at night from 11% to 8% by 2007/08",
        percent=None,
        baseline="11%",
        goal="8%",
        deadline="2007/08",
        unit=Unit.PERCENT,
    )
    stated = target(
        "To reduce residents feeling unsafe at home at night to 9% by 2007/08",
        id="T2",
        goal="9%",
        deadline="2007/08",
        unit=Unit.PERCENT,
    )
    built = plan(
        targets=(strategic_target,), objectives=(objective("O1", stated.statement, stated),)
    )
    assert one(built, "C201").stated.value == Decimal(9)  # type: ignore[union-attr]


# --- C202 duplicate-target ------------------------------------------------------------------------


def _violent(goal: str) -> Plan:
    first = target(
        "reduce violent crime by 10% from 952 to 857 by 2007/08",
        id="T7",
        percent="10%",
        baseline="952",
        goal="857",
        deadline="2007/08",
    )
    second = target(
        f"reduce violent crime by 10% from 952 to {goal} by 2007/08",
        id="T10",
        percent="10%",
        baseline="952",
        goal=goal,
        deadline="2007/08",
    )
    return plan(
        priorities=(
            priority("Violent Crime", targets=(first,)),
            priority("Substance Misuse", targets=(second,)),
        )
    )


def test_c202_same_target_with_different_figures() -> None:
    finding = one(_violent("875"), "C202")
    assert finding.severity is Severity.ERROR
    assert (finding.expected.value, finding.stated.value) == (Decimal(857), Decimal(875))  # type: ignore[union-attr]
    assert finding.subject.id == "T10"


def test_c202_holds_when_repeated_identically() -> None:
    none_of(_violent("857"), "C202")


def test_c202_different_deadlines_are_different_targets() -> None:
    first = target(
        "reduce violent crime by 10% by 2007/08", id="T1", percent="10%", deadline="2007/08"
    )
    second = target(
        "reduce violent crime by 20% by 2010/11", id="T2", percent="20%", deadline="2010/11"
    )
    none_of(plan(targets=(first, second)), "C202")


# --- C210 / C211 milestones --------------------------------------------------------------------


def milestone_plan(*milestones: tuple[str, object], own: str | None = None) -> Plan:
    """A plan for 2005/06 with one action; ``own`` is the period its section names."""
    made = action("A1", "To review the scheme", milestones=milestones)  # type: ignore[arg-type]
    if own is not None:
        made = attrs.evolve(made, period=period(own))
    return plan(period=period("2005/06"), actions=(made,))


SEPTEMBER_2006 = ("Review completed", timescale("September 2006", "2006-09-01", "2006-09-30"))


def test_c210_milestone_after_the_plan_is_information() -> None:
    # The plan's period comes from its title: an inferred reading for its actions.
    finding = one(milestone_plan(SEPTEMBER_2006), "C210")
    assert finding.severity is Severity.INFO
    assert finding.subject.kind == "milestone"
    assert "after the plan ends" in finding.message


def test_c210_milestone_after_its_own_period_is_a_warning() -> None:
    finding = one(milestone_plan(SEPTEMBER_2006, own="2005/06"), "C210")
    assert finding.severity is Severity.WARNING
    assert "set out for (2005/06" in finding.message
    early = ("Group set up", timescale("March 2005", "2005-03-01", "2005-03-31"))
    before = one(milestone_plan(early, own="2006/07"), "C210")
    assert before.severity is Severity.WARNING and "before the period" in before.message


def test_c210_outside_its_own_period_but_inside_the_plans_is_information() -> None:
    # Started in the report year (2005/06), before the delivery year its heading names.
    started = ("Group set up", timescale("March 2006", "2006-03-01", "2006-03-31"))
    assert one(milestone_plan(started, own="2006/07"), "C210").severity is Severity.INFO
    # A title written "2005 - 2006" may mean calendar years; its section says "2005/06".
    april = ("Pack produced", timescale("April 2006", "2006-04-01", "2006-04-30"))
    made = attrs.evolve(action("A1", "x", milestones=[april]), period=period("2005/06"))
    spanned = plan(period=period("2005 – 2006"), actions=(made,))
    assert one(spanned, "C210").severity is Severity.INFO


def test_c210_own_period_is_judged_instead_of_the_plans() -> None:
    # A report on 2005/06 with its actions for 2006/07: September 2006 is inside.
    none_of(milestone_plan(SEPTEMBER_2006, own="2006/07"), "C210")
    # A whole-year section period may be calendar or financial years.
    december = ("Report", timescale("December 2007", "2007-12-01", "2007-12-31"))
    none_of(milestone_plan(december, own="2006 - 2007"), "C210")


def test_c210_holds() -> None:
    built = milestone_plan(
        ("Review completed", timescale("March 2006", "2006-03-01", "2006-03-31")),
        ("Ongoing work", timescale("Ongoing")),
    )
    none_of(built, "C210")


def test_c211_milestones_out_of_order() -> None:
    built = milestone_plan(
        ("Evaluation complete", timescale("September 2005", "2005-09-01", "2005-09-30")),
        ("Group established", timescale("April 2005", "2005-04-01", "2005-04-30")),
    )
    assert one(built, "C211").severity is Severity.INFO


def test_c211_holds() -> None:
    built = milestone_plan(
        ("Study completed", timescale("September 2005", "2005-09-01", "2005-09-30")),
        ("Recommendations implemented", timescale("March 2006", "2006-03-01", "2006-03-31")),
    )
    none_of(built, "C211")


# --- M301 / M302 / M303 completeness ------------------------------------------------------------------


MARCH = timescale("March 2006", "2006-03-01", "2006-03-31")


def test_m301_action_without_lead_among_led_actions() -> None:
    built = plan(
        actions=(
            action("A1", "first", milestones=[("x", MARCH)]),
            action("A2", "second", lead=None, milestones=[("y", MARCH)]),
        )
    )
    finding = one(built, "M301")
    assert finding.severity is Severity.WARNING and finding.subject.id == "A2"


def test_m301_plan_without_lead_column_is_not_judged() -> None:
    built = plan(actions=(action("A1", "first", lead=None), action("A2", "second", lead=None)))
    none_of(built, "M301")


def test_m302_action_without_timescale() -> None:
    built = plan(
        actions=(
            action("A1", "first", milestones=[("x", MARCH)]),
            action("A2", "second", milestones=[("y", None)]),
        )
    )
    assert one(built, "M302").subject.id == "A2"


@pytest.mark.parametrize("held", ["TBC", "?", "To be determined", "tba", "-"])
def test_m302_a_placeholder_timescale_counts_as_none(held: str) -> None:
    kind = TimescaleKind.UNPARSED if held == "-" else TimescaleKind.TO_BE_DECIDED
    built = plan(
        actions=(
            action("A1", "first", milestones=[("x", MARCH)]),
            action("A2", "second", milestones=[("y", Timescale(held, kind))]),
        )
    )
    finding = one(built, "M302")
    assert finding.subject.id == "A2" and repr(held) in finding.message


def test_m302_holds() -> None:
    built = plan(
        actions=(
            action("A1", "first", milestones=[("x", MARCH)]),
            action("A2", "second", milestones=[("y", timescale("Ongoing"))]),
        )
    )
    none_of(built, "M302")
    none_of(plan(actions=(action("A1", "first"), action("A2", "second"))), "M302")


def test_m303_timescale_not_understood() -> None:
    built = plan(
        actions=(action("A1", "first", milestones=[("x", timescale("after the review"))]),)
    )
    finding = one(built, "M303")
    assert finding.severity is Severity.INFO


def test_m303_holds() -> None:
    built = plan(
        actions=(action("A1", "first", milestones=[("x", MARCH), ("y", timescale("Ongoing"))]),)
    )
    none_of(built, "M303")


@pytest.mark.parametrize("rounding", ["nearest", "truncate", "either"])
def test_every_rounding_mode_runs(rounding: str) -> None:
    built = strategic("reduce burglary by 20% from 500 to 450", "20%", "500", "450")
    assert "A101" in codes(check(built, settings={"rounding": rounding}))


def test_c210_whole_year_span_allows_calendar_reading() -> None:
    april = ("Pack produced", timescale("April 2006", "2006-04-01", "2006-04-30"))
    january = ("Report", timescale("January 2007", "2007-01-01", "2007-01-31"))
    spanned = plan(period=period("2005 – 2006"), actions=(action("A1", "x", milestones=[april]),))
    none_of(spanned, "C210")
    later = plan(period=period("2005 – 2006"), actions=(action("A1", "x", milestones=[january]),))
    assert one(later, "C210").severity is Severity.INFO
    for text in ("2005/06", "2005-06"):
        fiscal = plan(period=period(text), actions=(action("A1", "x", milestones=[april]),))
        assert one(fiscal, "C210").severity is Severity.INFO


def _objective_vs(strategic_metric: str, objective_metric: str, **fields: object) -> Plan:
    strategic_target = target(
        f"reduce {strategic_metric} by 20% by 2008",
        id="T1",
        metric=strategic_metric,
        percent="20%",
        deadline="2008",
    )
    stated = target(
        f"To reduce {objective_metric} by 10% by 2008",
        id="T2",
        metric=objective_metric,
        percent="10%",
        deadline="2008",
    )
    return plan(
        targets=(strategic_target,),
        objectives=(objective("O1", stated.statement, stated),),
        **fields,
    )


def test_c201_similar_metric_is_a_warning() -> None:
    finding = one(_objective_vs("deliberate secondary fires", "secondary fires"), "C201")
    assert finding.severity is Severity.WARNING


def test_c201_a_qualified_metric_is_another_metric() -> None:
    none_of(_objective_vs("alcohol related violent crime", "violent crime"), "C201")


def test_c201_plan_place_names_do_not_count() -> None:
    built = _objective_vs(
        "house burglaries",
        "house burglaries in Northfield",
        partnership="Safer Northfield Partnership",
    )
    assert one(built, "C201").severity is Severity.ERROR


def test_c201_prefers_targets_of_the_objectives_own_priority() -> None:
    elsewhere = target(
        "reduce secondary fires by 20%", id="T1", metric="secondary fires", percent="20%"
    )
    own = target(
        "reduce deliberate secondary fires by 10%",
        id="T2",
        metric="deliberate secondary fires",
        percent="10%",
    )
    stated = target(
        "To reduce secondary fires by 10%", id="T3", metric="secondary fires", percent="10%"
    )
    built = plan(
        priorities=(
            priority("Arson", targets=(elsewhere,)),
            priority(
                "Anti-social behaviour", targets=(own,), objectives=(objective("O1", "x", stated),)
            ),
        )
    )
    none_of(built, "C201")
    moved = plan(
        targets=(elsewhere,),
        priorities=(
            priority(
                "Anti-social behaviour", targets=(own,), objectives=(objective("O1", "x", stated),)
            ),
        ),
    )
    assert one(moved, "C201").expected.value == Decimal(20)  # type: ignore[union-attr]


# --- A131 share-of-total ------------------------------------------------------------------


def summed(whole: str, *parts: str, unit: str = "money") -> Plan:
    figures = [figure("total", whole, unit=unit)]
    figures.extend(figure("part", p, unit=unit) for p in parts)
    return plan(claims=(claim(ClaimKind.SUM, "the fund covers", *figures),))


def test_a132_holds() -> None:
    none_of(summed("£84,000", "£36,000", "£30,000", "£18,000"), "A132")
    none_of(summed("21,700", "8,500", "6,200", "7,000", unit="count"), "A132")
    none_of(summed("£84,000", "£84,000"), "A132")  # one line is no breakdown


def test_a132_lines_that_miss_their_total() -> None:
    finding = one(summed("£84,000", "£36,000", "£30,000", "£20,000"), "A132")
    assert finding.severity is Severity.ERROR
    assert finding.expected is not None and finding.expected.value == Decimal(86000)
    assert "£86,000" in finding.message and "£84,000" in finding.message


def test_a132_rounded_counts_are_only_a_warning() -> None:
    # 960 + 540 = 1,500; "1,510" holds only if 960 and 540 were rounded to tens.
    finding = one(summed("1,510", "960", "540", unit="count"), "A132")
    assert finding.severity is Severity.WARNING


def part_of(percent: str, count: str, whole: str = "425") -> Plan:
    return plan(
        claims=(
            claim(
                ClaimKind.SHARE,
                f"Of the {whole} casualties, {percent} ({count}) were motorcyclists",
                figure("total", whole),
                figure("part", percent, "motorcyclists"),
                figure("part", count, "motorcyclists"),
            ),
        )
    )


def test_a131_holds() -> None:
    none_of(part_of("23%", "98"), "A131")
    none_of(part_of("23.1%", "98"), "A131")


def test_a131_percentage_does_not_match_count() -> None:
    finding = one(part_of("28%", "98"), "A131")
    assert finding.severity is Severity.ERROR
    assert finding.expected is not None and finding.expected.value == Decimal("23.1")


def test_figures_of_different_kinds_are_not_compared() -> None:
    """A count and a percentage read into baseline and target (a recognition slip) are
    not judged against each other."""
    built = plan(
        targets=(
            target(
                "increase incidents reported by 15% from 420 to 483 by 2009/10",
                direction=Direction.INCREASE,
                baseline="420",
                goal="15%",
            ),
        ),
        claims=(
            claim(
                ClaimKind.CHANGE,
                "down from 420 to 15%",
                figure("from", "420"),
                figure("to", "15%"),
                figure("change", "3%"),
                direction=Direction.REDUCE,
            ),
        ),
    )
    assert check(built) == []


def test_a120_checks_every_stated_change() -> None:
    def both(amount: str) -> Plan:
        return plan(
            claims=(
                claim(
                    ClaimKind.CHANGE,
                    f"down {amount} (12%) from 3,333 to 2,933",
                    figure("from", "3,333"),
                    figure("to", "2,933"),
                    figure("change", "12%"),
                    figure("change", amount),
                    direction=Direction.REDUCE,
                ),
            )
        )

    none_of(both("400"), "A120")
    assert one(both("450"), "A120").stated.value == Decimal(450)  # type: ignore[union-attr]
