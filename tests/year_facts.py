"""The facts of a year that a workbook carries beyond its records, as plain values
(no database ids), so that two databases can be compared: what the clerk sees."""

from __future__ import annotations

import dataclasses

from itadesk.exchange.year_book import year_book


def plan_facts(plan) -> tuple | None:
    if plan is None:
        return None

    def node(n):
        return (n.title, [(m.kind, m.title, m.units, m.start, m.end, m.note, dict(m.budgets),
                           [dataclasses.astuple(e) for e in m.links]) for m in n.measures], [node(c) for c in n.children])

    return plan.title, plan.first_year, plan.last_year, plan.note, [node(n) for n in plan.nodes]


def outline_facts(outline) -> tuple:
    return (outline.kind, outline.preset, outline.options,
            [(b.key, b.kind, b.title, b.enabled, b.text, b.options) for b in outline.blocks])


def facts(store, year: int) -> dict:
    """Every new part of ``year`` by its domain values."""
    book = year_book(store, year)
    view = book.view
    fw, st = view.framework, view.result.stated
    titles = {m.id: m.title for p in book.plans for m in p.measures()}
    return {
        "eit_rule": fw.eit_from_parts,
        "levels": [(lv.name, lv.min, lv.max, lv.tool_min, lv.explanation) for lv in fw.levels],
        "categories": [(c.name, c.overall_min, c.overall_max, c.tools) for c in fw.categories],
        "statement": (st.published, st.rank_district, st.rank_province, st.level, st.category, st.verdicts),
        "result": (view.result.level_printed, view.result.category_printed, [(v.code, v.printed) for v in view.result.verdicts]),
        "level": view.level,
        "evidence": {code: (e.published, e.steps, [dataclasses.astuple(x) for x in e.links]) for code, e in view.evidence.items()},
        "issues": [(i.title, i.detail) for i in view.issues],
        "measure_issues": [(s.measure.title, s.measure.issue) for s in view.states],
        "steps": [[dataclasses.astuple(s.measure.step(k)) for k in range(len(s.measure.steps))] for s in view.states],
        "points": [(a.indicator, a.topic, a.points) for a in view.analyses],
        "outlines": {kind: outline_facts(o) for kind, o in book.outlines.items()},
        "office_outlines": {kind: outline_facts(o) for kind, o in book.office_outlines.items()},
        "plan": plan_facts(view.plan),
        "plans": [plan_facts(p) for p in book.plans],
        "drawn": sorted((view.states[n - 1].measure.title, titles[pm]) for n, pm in book.drawn.items()),
    }
