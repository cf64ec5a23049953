"""Plans across years, read from their rows into ``domain.plans`` (reads only).

One query per table for all the plans of a file, never one per node or measure.
"""

from __future__ import annotations

from collections import defaultdict

from ..domain.models import Evidence
from ..domain.plans import Plan, PlanMeasure, PlanNode
from ..domain.thai_dates import parse_iso
from ..errors import NotFoundError
from .sqlite import Database


def plans(db: Database, *, plan_id: int | None = None) -> list[Plan]:
    where, args = ("WHERE id = ?", [plan_id]) if plan_id is not None else ("", [])
    of = "WHERE plan_id = ?" if plan_id is not None else ""
    q = db.execute
    out = {r[0]: Plan(r[0], r[1], r[2], r[3], r[4]) for r in q(
        f"SELECT id, title, first_year, last_year, note FROM plans {where} ORDER BY sort, first_year, id", args)}
    if not out:
        return []
    nodes: dict[int, PlanNode] = {}
    for r in q(f"SELECT id, plan_id, parent_id, title, sort FROM plan_nodes {of} ORDER BY sort, id", args):
        nodes[r[0]] = PlanNode(*r)
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent else out[node.plan_id].nodes).append(node)
    measures: dict[int, PlanMeasure] = {}
    for r in q(f"SELECT id, plan_id, node_id, title, kind, units, start, end, note, sort FROM plan_measures {of} ORDER BY sort, id", args):
        m = PlanMeasure(r[0], r[1], r[2], r[3], r[4], r[5], parse_iso(r[6]), parse_iso(r[7]), r[8], sort=r[9])
        measures[m.id] = m
        nodes[m.node_id].measures.append(m)
    mine = f"WHERE measure_id IN (SELECT id FROM plan_measures {of})" if plan_id is not None else ""
    budgets: dict[int, dict[int, float]] = defaultdict(dict)
    for mid, year, amount in q(f"SELECT measure_id, year, amount FROM plan_budgets {mine}", args):
        budgets[mid][year] = amount
    for mid, title, link in q(f"SELECT measure_id, title, link FROM plan_links {mine} ORDER BY measure_id, sort, id", args):
        measures[mid].links.append(Evidence(title, link))
    for mid, m in measures.items():
        m.budgets = dict(sorted(budgets[mid].items()))
    return list(out.values())


def plan(db: Database, plan_id: int) -> Plan:
    found = plans(db, plan_id=plan_id)
    if not found:
        raise NotFoundError(f"ไม่พบแผนรหัส {plan_id}", f"no plan {plan_id}")
    return found[0]


def plan_for_year(db: Database, year: int) -> Plan | None:
    """The plan a year's documents print: the one spanning the fiscal year the year's measures are
    carried out in (``year + 1``), else the one spanning ``year``, else the latest plan."""
    rows = db.execute("SELECT id, first_year, last_year FROM plans ORDER BY sort, first_year, id").fetchall()
    for fy in (year + 1, year):
        hit = next((r[0] for r in rows if r[1] <= fy <= r[2]), None)
        if hit is not None:
            return plan(db, hit)
    return plan(db, max(rows, key=lambda r: (r[2], r[0]))[0]) if rows else None
