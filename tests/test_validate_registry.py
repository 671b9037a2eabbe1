"""The rule registry: findings take their code from the rule, and each rule's findings have
only the severities it declares (a witness plan for every declared severity; random plans
never draw an undeclared one)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cspplan.validate
from cspplan import check
from cspplan.model import (
    ClaimKind,
    Direction,
    PercentBasis,
    Plan,
    Polarity,
    Rating,
    RatingCondition,
    Unit,
)
from cspplan.validate import (
    RULES,
    CheckSettings,
    Finding,
    Problem,
    Rule,
    RuleContractError,
    Severity,
    Subject,
)
from test_validate_rules import (
    FULL,
    GOOD,
    MARCH,
    _calls,
    _objective_vs,
    _trajectory_plan,
    _violent,
    change,
    counted,
    milestone_plan,
    part_of,
    shares,
    strategic,
    summed,
    tabled,
)
from test_validate_support import (
    action,
    claim,
    figure,
    measure,
    objective,
    period,
    plan,
    priority,
    target,
    timescale,
)
from test_validate_tables import MET, profiled, rated

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
EMPTY = plan()


def _problems(*severities: Severity) -> Callable[[Plan, CheckSettings], Iterator[Problem]]:
    def check_fake(plan_: Plan, settings_: CheckSettings) -> Iterator[Problem]:
        """A rule for tests."""
        for severity in severities:
            yield Problem(severity, f"a {severity.value} problem", Subject("plan"))

    return check_fake


# --- code stamping ----------------------------------------------------------------------


def test_findings_take_their_code_from_the_rule() -> None:
    fake = _problems(WARN)
    problem = next(iter(fake(EMPTY, CheckSettings())))
    for code in ("A199", "C299"):
        found = list(Rule(code, "fake", (WARN,), fake).run(EMPTY, CheckSettings()))
        assert [f.code for f in found] == [code]
        # Everything else the check said is kept as it said it; the explanation
        # (cspplan.validate.output.explain) is not yet filled in.
        assert attrs.asdict(found[0], recurse=False) == {
            **attrs.asdict(problem, recurse=False),
            "code": code,
            "about": None,
            "quote": None,
            "heading": None,
        }


def test_every_registered_rule_stamps_its_code() -> None:
    built = plan(
        targets=(strategic("reduce burglary by 20% from 500 to 450", "20%", "500", "450").targets),
        claims=shares("62%", "25%", "12%", "6%").claims,
    )
    found = check(built)
    assert {f.code for f in found} >= {"A101", "A130"}
    by_rule = {rule.code: list(rule.run(built, CheckSettings())) for rule in RULES}
    assert sorted(f.code for fs in by_rule.values() for f in fs) == sorted(f.code for f in found)
    assert all(f.code == code for code, fs in by_rule.items() for f in fs)


def test_a_check_may_not_code_its_own_finding() -> None:
    def check_coded(plan_: Plan, settings_: CheckSettings) -> Iterator[Problem]:
        """A rule that types its own code."""
        yield Finding(code="A101", severity=ERR, message="x", subject=Subject("plan"))

    rule = Rule("A199", "self-coded", (ERR,), check_coded)
    with pytest.raises(RuleContractError, match=r"A199 self-coded .*check_coded.*'A101'"):
        list(rule.run(EMPTY, CheckSettings()))


# --- severity checking ------------------------------------------------------------------


def test_an_undeclared_severity_is_a_contract_error_naming_the_rule() -> None:
    rule = Rule("A199", "fake-rule", (ERR, WARN), _problems(WARN, INFO))
    found = rule.run(EMPTY, CheckSettings())
    assert next(found).severity is WARN
    with pytest.raises(RuleContractError, match=r"A199 fake-rule .* info problem .*error, warning"):
        next(found)


def test_check_raises_for_a_rule_that_breaks_its_contract(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = Rule("A199", "fake-rule", (INFO,), _problems(ERR))
    monkeypatch.setattr(cspplan.validate, "RULES", (*RULES, fake))
    with pytest.raises(RuleContractError, match="A199 fake-rule"):
        check(EMPTY)
    assert check(EMPTY, ignore="A199") == []


@pytest.mark.parametrize(
    "severities",
    [(), (WARN, ERR), (ERR, ERR), [ERR], ("error",)],
    ids=["none", "unordered", "repeated", "list", "string"],
)
def test_a_rule_declares_distinct_severities_most_severe_first(severities: object) -> None:
    with pytest.raises(RuleContractError, match="A199 fake"):
        Rule("A199", "fake", severities, _problems())  # type: ignore[arg-type]


# --- every registered rule: a witness for each declared severity -----------------------


def _a101_truncated() -> Plan:
    return strategic("reduce burglary by 15% from 500 to 421", "15%", "500", "421")


def _a110_coarse() -> Plan:
    # 957 is not 960, but a round 960 may stand for 955 to 965.
    return _trajectory_plan([("957", "2003/04", "Baseline"), *GOOD[1:]], base="960", goal="672")


def _a111_coarse() -> Plan:
    points = [("1140", "2003/04", None), ("1050", "2005/06", None), ("955", "2007/08", None)]
    return plan(
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


def _a112() -> Plan:
    points = [("64", "2003/04", None), ("61", "2004/05", None), ("63", "2005/06", None)]
    return plan(
        targets=(
            target(
                "reduce drugs offences by 5% from 64 to 61 by 2005/06",
                percent="5%",
                baseline=measure("64", "2003/04"),
                goal="61",
                deadline="2005/06",
                trajectory=points,
            ),
        )
    )


def _a121() -> Plan:
    return plan(
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


def _based(built: Plan, basis: PercentBasis) -> Plan:
    """The plan's one target with its percent's basis set."""
    (only,) = built.targets
    return attrs.evolve(built, targets=(attrs.evolve(only, percent_basis=basis),))


def _actions(*built: object) -> Plan:
    return plan(actions=built)


WITNESSES: dict[tuple[str, Severity], Callable[[], Plan]] = {
    ("A101", ERR): lambda: strategic("reduce burglary by 20% from 500 to 450", "20%", "500", "450"),
    ("A101", WARN): _a101_truncated,
    # A yearly rate over a span the plan does not give: 3% a year is no 10% cut in one year.
    ("A101", INFO): lambda: _based(
        strategic("cut injuries by 3% a year from 800 to 720", "3%", "800", "720"),
        PercentBasis.PER_YEAR,
    ),
    ("A102", INFO): lambda: _based(
        strategic("a 4% reduction from 33% to 29%", "4%", "33%", "29%", unit=Unit.PERCENT),
        PercentBasis.POINTS_OR_WHOLE,
    ),
    ("A102", WARN): lambda: strategic(
        "reduce those feeling unsafe by 3% from 29% to 26%", "3%", "29%", "26%", unit=Unit.PERCENT
    ),
    ("A103", INFO): lambda: strategic(
        "reduce damage by 16% from 1140 to 960", "16%", "1140", "960"
    ),
    ("A104", ERR): lambda: strategic("reduce fires by 4% from 217 to 226", "4%", "217", "226"),
    ("A110", ERR): lambda: _trajectory_plan([("327", "2003/04", "Benchmark"), *GOOD[1:]]),
    ("A110", WARN): _a110_coarse,
    ("A111", ERR): lambda: _trajectory_plan([*GOOD[:-1], ("266", "2007/08", "Target")]),
    ("A111", WARN): _a111_coarse,
    ("A112", WARN): _a112,
    ("A120", ERR): lambda: change("a reduction of 40%", "4,632", "2,581", "40%"),
    ("A120", WARN): lambda: change("a 15% fall from 1,000 to 841", "1,000", "841", "15%"),
    ("A121", ERR): _a121,
    ("A122", ERR): lambda: change("fell from 120 to 100, a fall of 20%", "120", "100", "20%"),
    ("A130", ERR): lambda: shares("62%", "25%", "12%", "6%"),
    ("A130", WARN): lambda: shares("60%", "20%", total="3,500"),
    ("A130", INFO): lambda: shares("38%", "27%", "19%", "18%"),
    ("A131", ERR): lambda: part_of("28%", "98"),
    # 98 of 1,000 is 9.8%: "9%" only if the writer cut off the decimals.
    ("A131", WARN): lambda: part_of("9%", "98", "1,000"),
    ("A132", ERR): lambda: summed("£84,000", "£36,000", "£30,000", "£20,000"),
    ("A132", WARN): lambda: summed("1,510", "960", "540", unit="count"),
    ("M304", WARN): lambda: tabled(FULL, FULL, FULL, ("n/a", "Report online")),
    ("A140", ERR): lambda: counted("four", ["Data", "Prevention", "Enforcement"]),
    ("C201", ERR): lambda: _calls("10%"),
    ("C201", WARN): lambda: _objective_vs("deliberate secondary fires", "secondary fires"),
    ("C202", ERR): lambda: _violent("875"),
    ("C210", WARN): lambda: milestone_plan(
        ("Review completed", timescale("September 2006", "2006-09-01", "2006-09-30")),
        own="2005/06",
    ),
    ("C210", INFO): lambda: milestone_plan(
        ("Review completed", timescale("September 2006", "2006-09-01", "2006-09-30"))
    ),
    ("C211", INFO): lambda: milestone_plan(
        ("Evaluation complete", timescale("September 2005", "2005-09-01", "2005-09-30")),
        ("Group established", timescale("April 2005", "2005-04-01", "2005-04-30")),
    ),
    ("M301", WARN): lambda: _actions(action("A1", "first"), action("A2", "second", lead=None)),
    ("M302", WARN): lambda: _actions(
        action("A1", "first", milestones=[("x", MARCH)]),
        action("A2", "second", milestones=[("y", None)]),
    ),
    ("M303", INFO): lambda: _actions(
        action("A1", "first", milestones=[("x", timescale("after the review"))])
    ),
    ("A113", ERR): lambda: profiled("1,776", "450", "446", "442", "448"),
    ("A113", WARN): lambda: profiled("1,800", "450", "450", "450", "470"),
    ("A150", ERR): lambda: rated("Green", MET, "1,560", "1,482", "1,611"),
    ("A150", WARN): lambda: rated("Green", MET, "1,600", "1,500", "1,540"),
}
"""For each rule code and each severity it declares, a plan that draws that severity."""

DECLARED = [(rule, severity) for rule in RULES for severity in rule.severities]


@pytest.mark.parametrize("rule,severity", DECLARED, ids=lambda x: getattr(x, "code", x))
def test_every_declared_severity_has_a_witness(rule: Rule, severity: Severity) -> None:
    witness = WITNESSES.get((rule.code, severity))
    assert witness is not None, (
        f"rule {rule.code} {rule.name} declares {severity.value}: add a plan drawing it to"
        " WITNESSES, or drop the severity from the rule"
    )
    found = list(rule.run(witness(), CheckSettings()))
    assert severity in {f.severity for f in found}, found
    assert {f.code for f in found} == {rule.code}


def test_witnesses_are_for_declared_severities_only() -> None:
    declared = {(rule.code, severity) for rule, severity in DECLARED}
    assert set(WITNESSES) <= declared


def test_every_rule_keeps_to_its_severities_on_every_witness() -> None:
    for witness in WITNESSES.values():
        built = witness()
        for rule in RULES:
            # run() raises RuleContractError on an undeclared severity; say so plainly too.
            assert {f.severity for f in rule.run(built, CheckSettings())} <= set(rule.severities)


# --- every registered rule on random plans ---------------------------------------------

_counts = st.integers(0, 5000).map(str) | st.integers(1000, 99999).map("{:,}".format)
_percents = st.integers(0, 120).map("{}%".format) | st.decimals(
    0, 100, places=1, allow_nan=False
).map("{}%".format)
_figures = _counts | _percents
_years = st.sampled_from(["2003/04", "2005/06", "2007/08", "2008", "2005 - 2006"])
_directions = st.sampled_from([Direction.REDUCE, Direction.INCREASE, Direction.MAINTAIN, None])


@st.composite
def _targets(draw: st.DrawFn, id: str) -> object:
    metric = draw(st.sampled_from(["burglary", "violent crime", "secondary fires", None]))
    points = draw(
        st.lists(st.tuples(_figures, st.none() | _years, st.none() | st.just("Target")), max_size=4)
    )
    built = target(
        f"reduce {metric or 'incidents'} by some amount",
        id=id,
        metric=metric,
        direction=draw(_directions),
        percent=draw(st.none() | _percents | st.just("3 points")),
        baseline=draw(st.none() | _figures | st.builds(measure, _figures, _years)),
        goal=draw(st.none() | _figures),
        deadline=draw(st.none() | _years),
        trajectory=points,
        unit=draw(st.sampled_from([Unit.COUNT, Unit.PERCENT, Unit.PERCENTAGE_POINTS, None])),
    )
    # What a performance table adds: an outturn, a rating with its key, a quarterly profile.
    conditions = draw(st.lists(st.sampled_from(list(RatingCondition)), max_size=2, unique=True))
    return attrs.evolve(
        built,
        outturn=draw(st.none() | st.builds(measure, _figures)),
        polarity=draw(st.sampled_from([None, *Polarity])),
        rating=Rating("Green", "green", "key", tuple(conditions)) if conditions else None,
        profile=tuple(measure(v) for v in draw(st.lists(_figures, max_size=4))),
    )


@st.composite
def _claims(draw: st.DrawFn, id: str) -> object:
    kind = draw(
        st.sampled_from([ClaimKind.CHANGE, ClaimKind.SHARE, ClaimKind.COUNT, ClaimKind.SUM])
    )
    if kind is ClaimKind.COUNT:
        word = draw(st.sampled_from(["two", "three", "four", "5"]))
        items = draw(st.lists(st.sampled_from("abcdef"), max_size=6))
        return claim(kind, f"{word} areas", figure("count", word), items=items, id=id)
    if kind is ClaimKind.SUM:
        lines = [figure("part", p) for p in draw(st.lists(_counts, max_size=4))]
        return claim(kind, "Total", *lines, figure("total", draw(_counts)), id=id)
    if kind is ClaimKind.SHARE:
        parts = [
            figure("part", p, label=draw(st.sampled_from(["x", "y", None])))
            for p in draw(st.lists(_figures, max_size=5))
        ]
        whole = draw(st.none() | _counts)
        if whole is not None:
            parts.append(figure("total", whole))
        return claim(kind, "shares of a whole", *parts, id=id)
    base, new, amount = draw(_figures), draw(_figures), draw(_figures)
    hedge = draw(st.sampled_from(["", "almost ", "over "]))
    return claim(
        kind,
        f"from {base} to {new}, {hedge}{amount} points",
        figure("from", base),
        figure("to", new),
        figure("change", amount),
        direction=draw(_directions),
        id=id,
    )


_timescales = st.sampled_from(
    [
        None,
        MARCH,
        timescale("Ongoing"),
        timescale("after the review"),
        timescale("September 2006", "2006-09-01", "2006-09-30"),
        timescale("April 2005", "2005-04-01", "2005-04-30"),
    ]
)


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    strategic_targets = tuple(draw(_targets(f"T{i}")) for i in range(draw(st.integers(0, 3))))
    stated = tuple(draw(_targets(f"T{10 + i}")) for i in range(draw(st.integers(0, 2))))
    claims = tuple(draw(_claims(f"C{i}")) for i in range(draw(st.integers(0, 3))))
    actions = tuple(
        action(
            f"A{i}",
            "an action",
            lead=draw(st.sampled_from([None, "Police"])),
            milestones=[("output", ts) for ts in draw(st.lists(_timescales, max_size=3))],
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return plan(
        period=draw(st.none() | _years.map(period)),
        priorities=(priority("Crime", targets=strategic_targets[:1], actions=actions),),
        targets=strategic_targets[1:],
        objectives=(objective("O1", "objective", *stated),) if stated else (),
        claims=claims,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(built=_plans(), lenient=st.booleans())
def test_no_rule_draws_an_undeclared_severity_on_random_plans(built: Plan, lenient: bool) -> None:
    declared = {rule.code: set(rule.severities) for rule in RULES}
    for finding in check(built, settings={"lenient": lenient}):
        assert finding.severity in declared[finding.code]
