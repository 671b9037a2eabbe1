"""The HTML report: its content, its charts, `cspplan report`, and a real headless browser."""

from __future__ import annotations

import html.parser
import json
import math
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cspplan
from cspplan.cli import main
from cspplan.errors import CspplanError
from cspplan.model import Measure, Milestone, Number, Period, Target, Timescale, TimescaleKind
from cspplan.report import plan_view, render_report, write_report
from cspplan.report.charts import chart_points, target_chart
from cspplan.report.working import working
from test_validate_plans import action_plan, faulty_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "plans").iterdir())


class _Page(html.parser.HTMLParser):
    """Collects ids, links, fetching attributes and tag counts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.fetches: list[str] = []
        self.tags: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs_:
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value:
                self.links.append(value)
            if name in ("src", "srcset", "data") or (name == "href" and tag == "link"):
                self.fetches.append(f"{tag} {name}={value}")


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


@pytest.fixture(scope="module")
def faulty_html() -> str:
    plan = faulty_plan()
    return render_report([plan_view(1, "faulty.txt", plan, cspplan.check(plan))])


def test_report_is_self_contained(faulty_html: str) -> None:
    page = _page(faulty_html)
    assert page.fetches == []
    assert "script" not in page.tags
    assert "default-src 'none'" in faulty_html
    assert "@import" not in faulty_html and "url(" not in faulty_html
    assert page.tags.get("style") == 1


def test_every_finding_links_to_the_item_it_is_about(faulty_html: str) -> None:
    page = _page(faulty_html)
    for link in page.links:
        assert link.startswith("#"), link
        assert link[1:] in page.ids, link
    findings = cspplan.check(faulty_plan())
    linked = {f.subject.id for f in findings if f.subject.id}
    for ident in linked:
        assert f"p1-{ident}" in page.ids
        assert f'href="#p1-{ident}"' in faulty_html


def test_findings_are_grouped_by_severity_with_working() -> None:
    plan = faulty_plan()
    view = plan_view(1, "faulty.txt", plan, cspplan.check(plan))
    severities = [s.value for s, _ in view.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert view.finding_count == len(cspplan.check(plan))
    c201 = next(f for _, g in view.findings for f in g if f.finding.code == "C201")
    assert c201.quote == "To reduce criminal damage by 10% by 2008/09"
    assert "stated in the plan: 10%" in c201.working
    assert c201.link == "#p1-O1"


def test_working_shows_the_percentage_change() -> None:
    plan = faulty_plan()
    finding = next(f for f in cspplan.check(plan) if f.subject.id == plan.targets[0].id)
    lines = working(plan, finding)
    target = plan.targets[0]
    assert target.baseline and target.target
    change = (target.target.value.value - target.baseline.value.value) / target.baseline.value.value
    assert any(f"{change * 100:+.1f}%".replace("-", "−") in line for line in lines), lines
    assert f"stated change: {target.percent.text}" in lines  # type: ignore[union-attr]


def test_share_claim_working_adds_the_parts() -> None:
    plan = faulty_plan()
    finding = next(f for f in cspplan.check(plan) if f.subject.id == "C9")
    assert "sum of the parts = 63% + 31% + 12% = 106" in working(plan, finding)


def test_each_target_chart_draws_its_figures_and_findings() -> None:
    plan = faulty_plan()
    findings = cspplan.check(plan)
    target = plan.targets[0]
    mine = [f for f in findings if f.subject.id == target.id]
    assert mine
    svg = target_chart(target, mine, "x")
    assert svg is not None
    points = chart_points(target)
    assert f'data-points="{len(points)}"' in svg
    assert svg.count('class="mark ') == len(points) + len(mine)
    assert 'class="straight"' in svg
    assert 'class="trajectory"' in svg or not target.trajectory
    assert f">{mine[0].code} {mine[0].severity.value}</text>" in svg
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    empty = Target(id="T99", statement="Reduce crime")
    assert target_chart(empty, [], "y") is None


def test_action_gaps_are_marked_in_words() -> None:
    plan = action_plan()
    first = plan.priorities[0]
    bare = attrs.evolve(first.actions[0], leads=(), milestones=(), outcome=None)
    plan = attrs.evolve(
        plan,
        priorities=(attrs.evolve(first, actions=(bare, *first.actions[1:])), *plan.priorities[1:]),
    )
    text = render_report([plan_view(1, "p.txt", plan, [])])
    row = re.search(rf'<tr id="p1-{bare.id}">.*?</tr>', text, re.S)
    assert row is not None
    for words in ("No lead named", "No milestone or date", "No outcome stated"):
        assert f'<span class="missing">{words}</span>' in row.group(0)
    tbc = attrs.evolve(
        first.actions[1],
        milestones=(Milestone("Report", Timescale("TBC", TimescaleKind.TO_BE_DECIDED)),),
    )
    plan = attrs.evolve(plan, priorities=(attrs.evolve(first, actions=(tbc,)),))
    text = render_report([plan_view(1, "p.txt", plan, [])])
    assert 'Report: TBC <span class="missing">date not set</span>' in text


def test_coverage_is_shown_when_the_document_is_given(tmp_path: Path) -> None:
    document = cspplan.parse_document(EXAMPLES[-1])
    plan = cspplan.load(EXAMPLES[-1])
    out = write_report([plan], None, tmp_path / "r.html", [document])
    assert "not known (read from plan JSON)" not in out.read_text(encoding="utf-8")
    out = write_report(plan, None, tmp_path / "r.html")
    assert "not known (read from plan JSON)" in out.read_text(encoding="utf-8")
    with pytest.raises(CspplanError):
        write_report([plan], [], tmp_path / "r.html")


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", *map(str, EXAMPLES), "-o", str(out)]) == 0
    assert "reported 3 plans" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    for path in EXAMPLES:
        assert cspplan.load(path).title in text  # type: ignore[operator]
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["report", str(bad), str(EXAMPLES[0]), "-o", str(out)]) == 2
    assert main(["report", str(bad), "-o", str(tmp_path / "none.html")]) == 2
    assert not (tmp_path / "none.html").exists()


_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")

_WATCH = """<script>
window.__errors = [];
window.addEventListener("error", e => window.__errors.push(String(e.message || (e.target && e.target.outerHTML))), true);
document.addEventListener("securitypolicyviolation", e => window.__errors.push("csp " + e.violatedDirective + " " + e.blockedURI));
const __error = console.error;
console.error = (...a) => { window.__errors.push(a.join(" ")); __error.apply(console, a); };
</script>"""

_MEASURE = """<script>
const charts = [...document.querySelectorAll("svg.chart")].map(svg => {
  const box = svg.getBoundingClientRect();
  return {
    width: box.width, height: box.height, points: Number(svg.dataset.points),
    marks: [...svg.querySelectorAll(".mark")].filter(m => m.getBBox().width > 0).length,
    lines: [...svg.querySelectorAll("polyline, line.straight")].map(l => l.getBBox().width + l.getBBox().height),
  };
});
const out = document.createElement("pre");
out.id = "__result";
out.textContent = JSON.stringify({errors: window.__errors, charts});
document.body.appendChild(out);
</script>"""


def _browser() -> str:
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium installed (apt-get install chromium)")


def _run_browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def test_report_renders_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _browser()
    report = tmp_path / "report.html"
    assert main(["report", *map(str, EXAMPLES), "-o", str(report), "-q"]) == 0
    text = report.read_text(encoding="utf-8")
    expected_charts = text.count('<svg class="chart"')
    assert expected_charts > 0
    # The probe scripts need leave to run; everything else the page's policy forbids still is.
    probed = text.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';")
    probed = probed.replace("<head>", "<head>\n" + _WATCH, 1).replace(
        "</body>", _MEASURE + "\n</body>"
    )
    page = tmp_path / "probed.html"
    page.write_text(probed, encoding="utf-8")
    done = _run_browser(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="__result">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-2000:]
    result = json.loads(html.unescape(found.group(1)))
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert result["errors"] == [] and console == [], (result["errors"], console)
    assert len(result["charts"]) == expected_charts
    for chart in result["charts"]:
        assert chart["width"] > 100 and chart["height"] > 50
        assert chart["marks"] >= chart["points"]
        assert all(size > 0 for size in chart["lines"])


_FIGURES = st.decimals(
    min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=2
)


@given(
    baseline=st.none() | _FIGURES,
    goal=st.none() | _FIGURES,
    trajectory=st.lists(
        st.tuples(_FIGURES, st.sampled_from(["2005/06", "2006/07", "May 2007", "later"])),
        max_size=6,
    ),
)
@settings(max_examples=60, deadline=None)
def test_any_figures_make_a_well_formed_chart(
    baseline: Decimal | None, goal: Decimal | None, trajectory: list[tuple[Decimal, str]]
) -> None:
    def measure(value: Decimal, period: str | None = None) -> Measure:
        return Measure(Number(value, str(value)), Period(period) if period else None)

    target = Target(
        id="T1",
        statement="A target",
        baseline=measure(baseline, "2005/06") if baseline is not None else None,
        target=measure(goal) if goal is not None else None,
        trajectory=tuple(measure(v, p) for v, p in trajectory),
    )
    svg = target_chart(target, [], "c")
    if not chart_points(target):
        assert svg is None
        return
    assert svg is not None
    tree = ElementTree.fromstring(str(svg))
    numbers = re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]+)"', str(svg))
    assert all(math.isfinite(float(n)) for n in numbers)
    assert len(tree.findall(".//{http://www.w3.org/2000/svg}*[@class]")) > 0
