"""A self-contained HTML report on plans, for committees: what was read, what the audit
found (with its arithmetic), each target's chart and the action tables with gaps marked.

The page has no script and loads nothing: styles are inline, charts are inline SVG, and a
Content-Security-Policy forbids any fetch, so it can be mailed, archived or printed as is.

>>> import cspplan
>>> from cspplan.report import write_report
>>> plans = [cspplan.load("plan.pdf")]                          # doctest: +SKIP
>>> write_report(plans, None, "report.html")                    # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import attrs
import jinja2
from markupsafe import Markup

from .. import __version__
from ..document import Document
from ..errors import CspplanError
from ..fileio import atomic_write_text
from ..model.plan import Action, Plan, Target
from ..model.source import SourceRef
from ..stats import PlanStats, plan_stats
from ..validate import Finding, Severity, check
from ..validate.output.explain import explain
from .charts import target_chart
from .working import subject_target, working

__all__ = ["PlanView", "render_report", "write_report"]


@attrs.frozen(slots=True)
class FindingView:
    """A finding as the report shows it."""

    finding: Finding
    quote: str | None
    where: str
    link: str | None
    working: tuple[str, ...]


@attrs.frozen(slots=True)
class TargetView:
    """A target with its chart and the findings about it."""

    target: Target
    anchor: str
    chart: Markup | None
    findings: tuple[FindingView, ...]


@attrs.frozen(slots=True)
class ActionGroup:
    """The actions of one priority (or of the plan itself)."""

    title: str
    actions: tuple[Action, ...]


@attrs.frozen(slots=True)
class PlanView:
    """Everything the report shows about one plan.

    Attributes:
        anchor: The plan's id in the page (``p1``).
        name: The file the plan was read from.
        plan: The plan.
        stats: Its counts, and coverage where the document was at hand.
        findings: Its findings, grouped by severity, most severe first.
        targets: Its targets with their charts.
        groups: Its actions, by priority.
    """

    anchor: str
    name: str
    plan: Plan
    stats: PlanStats
    findings: tuple[tuple[Severity, tuple[FindingView, ...]], ...]
    targets: tuple[TargetView, ...]
    groups: tuple[ActionGroup, ...]

    @property
    def finding_count(self) -> int:
        """How many findings the plan has."""
        return sum(len(group) for _, group in self.findings)


def _where(name: str, source: SourceRef) -> str:
    location = source.location()
    return f"{source.file or name}: {location}" if location else source.file or name


def _view_finding(anchor: str, name: str, plan: Plan, finding: Finding) -> FindingView:
    """``finding`` (already explained: its quote is the subject's sentence or row) as the
    report shows it."""
    subject = finding.subject
    link = f"#{anchor}-{subject.id}" if subject.id and subject.kind != "plan" else None
    return FindingView(
        finding,
        finding.quote or finding.subject.name,
        _where(name, finding.source),
        link,
        tuple(working(plan, finding)),
    )


def plan_view(
    index: int,
    name: str,
    plan: Plan,
    findings: Sequence[Finding],
    document: Document | None = None,
) -> PlanView:
    """What the report shows about ``plan`` (the ``index``-th, from 1)."""
    anchor = f"p{index}"
    views = [_view_finding(anchor, name, plan, f) for f in explain(plan, findings, document)]
    grouped = tuple(
        (severity, tuple(v for v in views if v.finding.severity is severity))
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    targets = []
    for target in plan.all_targets():
        mine = tuple(
            v for v in views if (t := subject_target(plan, v.finding)) is not None and t is target
        )
        chart_anchor = f"{anchor}-{target.id}-chart"
        chart = target_chart(target, [v.finding for v in mine], chart_anchor)
        targets.append(TargetView(target, f"{anchor}-{target.id}", chart, mine))
    groups = [ActionGroup(p.title, p.actions) for p in plan.priorities if p.actions]
    if plan.actions:
        groups.append(ActionGroup("Actions outside any priority", plan.actions))
    return PlanView(
        anchor,
        name,
        plan,
        plan_stats(plan, document),
        tuple(g for g in grouped if g[1]),
        tuple(targets),
        tuple(groups),
    )


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: (
                files("cspplan.report").joinpath("templates").joinpath(name).read_text("utf-8")
            )
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["location"] = lambda source: source.location()
    return env


def render_report(views: Sequence[PlanView], title: str = "Plan audit report") -> str:
    """The report on ``views`` as one HTML page."""
    env = _environment()
    style = env.loader.get_source(env, "report.css")[0] if env.loader else ""
    return env.get_template("report.html.j2").render(
        title=title, views=views, style=Markup(style), version=__version__
    )


def write_report(
    plans: Plan | Sequence[Plan],
    findings: Sequence[Sequence[Finding]] | None,
    out: str | os.PathLike[str],
    documents: Sequence[Document | None] | None = None,
    names: Sequence[str] | None = None,
) -> Path:
    """Write the HTML report on ``plans`` to ``out``; returns its path.

    ``findings`` gives each plan's findings (``None`` runs :func:`cspplan.check`);
    ``documents`` the documents the plans were read from, for their text coverage;
    ``names`` the file names to show (by default the plans' source paths)."""
    items = [plans] if isinstance(plans, Plan) else list(plans)
    for extra, label in ((findings, "findings"), (documents, "documents"), (names, "names")):
        if extra is not None and len(extra) != len(items):
            raise CspplanError(f"{len(items)} plans but {len(extra)} {label}")
    views = [
        plan_view(
            n,
            names[n - 1] if names else plan.source.path,
            plan,
            findings[n - 1] if findings is not None else check(plan),
            documents[n - 1] if documents else None,
        )
        for n, plan in enumerate(items, 1)
    ]
    path = Path(out)
    try:
        atomic_write_text(path, render_report(views))
    except OSError as exc:
        raise CspplanError(f"cannot write the report: {exc.strerror or exc}", path) from exc
    return path
