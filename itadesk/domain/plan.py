"""Measures grouped by the assessment issue they answer, with their steps numbered
across the group — the one rule every plan table (measures report, memo,
development table) prints by, whatever the renderer."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Measure, Step
from .year import YearView


@dataclass
class PlanGroup:
    title: str  # the issue; "" for measures that answer none
    detail: list[str] = field(default_factory=list)  # the lines printed under the title
    measures: list[Measure] = field(default_factory=list)

    def steps(self) -> list[tuple[Measure, int, Step]]:
        """(measure, number across the group from 1, step) for every step of every measure."""
        out, n = [], 0
        for m in self.measures:
            for k in range(len(m.steps)):
                n += 1
                out.append((m, n, m.step(k)))
        return out


def plan_groups(view: YearView) -> list[PlanGroup]:
    """Issues in their order, each with its measures in measure order; measures without
    an issue record are grouped by their issue text, those without any come last."""
    by_id = {i.id: i for i in view.issues}
    groups: dict[object, PlanGroup] = {}
    for issue in view.issues:
        groups[("id", issue.id)] = PlanGroup(issue.title, [x.strip() for x in issue.detail.splitlines() if x.strip()])
    loose: dict[object, PlanGroup] = {}
    for m in view.measures:
        if m.issue_id in by_id:
            groups[("id", m.issue_id)].measures.append(m)
        else:
            title = m.issue.strip()
            loose.setdefault(("text", title), PlanGroup(title)).measures.append(m)
    ordered = [g for g in groups.values() if g.measures]
    ordered += sorted(loose.values(), key=lambda g: g.title == "")
    return ordered
