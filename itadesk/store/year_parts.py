"""The parts of a year that come with its records when a year moves between databases:
the rules (level explanations, result categories, the EIT rule), the result as
published, the evidence of each question item, the assessment issues, the year's
own document outlines, and the plans across years that cover it.

``BulkWrites.put_year`` writes them through these functions inside its one undo
step. They write rows as given, after the workbook reader checked every cell:
a level explanation left empty stays empty, a year without categories keeps none
(the store's defaults are for a year made from nothing, not for one copied).

Plans are not records of one year: a plan is matched by its title. A plan of the
same title is replaced in place (its position kept), never duplicated, and the
measures of any year drawn from the replaced plan stay linked to the measure of
the same place and title in the new one.
"""

from __future__ import annotations

from ..domain.evidence import ItemEvidence
from ..domain.models import Framework, Issue
from ..domain.plans import Plan, PlanNode
from ..domain.results import Statement
from ..outline.blocks import DOCUMENT_KINDS, Outline
from .outlines import read_outline
from .plan_rows import plan as read_plan
from .sqlite import Database


# ------------------------------------------------------------------ reading
def own_outlines(db: Database, year: int | None) -> dict[str, Outline]:
    """The outlines ``year`` has of its own (kinds without one follow the office's default);
    ``year`` None: the office's defaults for new years."""
    return {kind: found for kind in DOCUMENT_KINDS if (found := read_outline(db, year, kind)) is not None}


def drawn(db: Database, year: int) -> dict[int, int]:
    """Measure id → the plan measure it was drawn from, for the measures of ``year`` drawn from a plan."""
    return dict(db.execute("SELECT id, plan_measure_id FROM measures WHERE year = ? AND plan_measure_id IS NOT NULL",
                           [year]).fetchall())


# ------------------------------------------------------------------ writing
def write_rules(db: Database, year: int, fw: Framework) -> None:
    """The year's levels (with their explanations) and result categories exactly as ``fw`` has them."""
    db.execute("DELETE FROM levels WHERE year = ?", [year])
    db.execute("DELETE FROM categories WHERE year = ?", [year])
    db.table("levels").insert_all(
        [{"year": year, "name": lv.name, "min": lv.min, "max": lv.max, "tool_min": lv.tool_min, "sort": n,
          "explanation": lv.explanation} for n, lv in enumerate(fw.levels)])
    db.table("categories").insert_all(
        [{"year": year, "name": c.name, "overall_min": c.overall_min, "overall_max": c.overall_max, "tools": str(c.tools),
          "sort": n} for n, c in enumerate(fw.categories)])


def write_statement(db: Database, year: int, st: Statement) -> None:
    """What was published: date, ranks, stated level and category, each tool's verdict."""
    d, p = st.rank_district, st.rank_province
    db.execute("UPDATE years SET published = ?, rank_district = ?, rank_district_of = ?, rank_province = ?, "
               "rank_province_of = ?, level_stated = ?, category_stated = ? WHERE year = ?",
               [st.published.isoformat() if st.published else None, d.place if d else None, d.of if d else None,
                p.place if p else None, p.of if p else None, st.level, st.category, year])
    db.execute("UPDATE tools SET stated_verdict = '' WHERE year = ?", [year])
    for code, verdict in st.verdicts.items():
        db.execute("UPDATE tools SET stated_verdict = ? WHERE year = ? AND code = ?", [verdict, year, code])


def write_item_evidence(db: Database, year: int, evidence: dict[str, ItemEvidence]) -> None:
    """Each item's links, published flag and steps to find it (items matched by code, any case)."""
    ids = {code.lower(): iid for iid, code in db.execute("SELECT id, code FROM items WHERE year = ?", [year])}
    for ev in evidence.values():
        iid = ids.get(ev.code.lower())
        if iid is None:
            continue
        db.execute("UPDATE items SET published = ?, find_steps = ? WHERE id = ?", [int(ev.published), ev.steps.strip(), iid])
        db.execute("DELETE FROM item_links WHERE item_id = ?", [iid])
        db.table("item_links").insert_all([{"item_id": iid, "title": e.title.strip(), "link": e.link.strip(), "sort": n}
                                           for n, e in enumerate(e for e in ev.links if e.title.strip() or e.link.strip())])


def write_issues(db: Database, year: int, issues: list[Issue]) -> None:
    """The assessment issues in their order, before the measures that name them."""
    db.table("issues").insert_all([{"year": year, "title": i.title.strip(), "detail": i.detail.strip(), "sort": n}
                                   for n, i in enumerate(issues)])


def _keys(plan: Plan) -> dict[int, tuple]:
    """Plan measure id → where it stands: the titles of its node's path, its title and how many
    measures of that title came before it there (what survives a plan written anew)."""
    out: dict[int, tuple] = {}
    paths: dict[int, tuple[str, ...]] = {}
    for node, _pos in plan.walk():
        parent = paths.get(node.parent_id, ()) if node.parent_id is not None else ()
        paths[node.id] = parent + (node.title,)
        seen: dict[str, int] = {}
        for m in node.measures:
            seen[m.title] = seen.get(m.title, 0) + 1
            out[m.id] = (paths[node.id], m.title, seen[m.title])
    return out


def write_plans(db: Database, plans: list[Plan], links: dict[int, int]) -> None:
    """Each plan replaces the plan of the same title (or is added last); ``links``: a measure id
    of the year → the id of the plan measure in ``plans`` it was drawn from."""
    for plan in plans:
        title = plan.title.strip()
        row = db.execute("SELECT id, sort FROM plans WHERE title = ? ORDER BY sort, id", [title]).fetchone()
        relink: list[tuple[int, tuple]] = []
        if row is not None:
            old = _keys(read_plan(db, row[0]))
            relink = [(mid, old[pm]) for mid, pm in db.execute(
                "SELECT id, plan_measure_id FROM measures WHERE plan_measure_id IN (SELECT id FROM plan_measures WHERE plan_id = ?)",
                [row[0]]) if pm in old]
            db.execute("DELETE FROM plans WHERE id = ?", [row[0]])
            sort = row[1]
        else:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plans").fetchone()[0]
        pid = db.table("plans").insert({"title": title, "first_year": plan.first_year, "last_year": plan.last_year,
                                        "note": plan.note.strip(), "sort": sort}).last_pk
        new_ids: dict[int, int] = {}  # plan measure id in ``plan`` → its new row
        _put_nodes(db, pid, plan.nodes, None, new_ids)
        if relink:
            by_key = {key: pm for pm, key in _keys(read_plan(db, pid)).items()}
            for mid, key in relink:
                db.execute("UPDATE measures SET plan_measure_id = ? WHERE id = ?", [by_key.get(key), mid])
        for mid, pm in links.items():
            if pm in new_ids:
                db.execute("UPDATE measures SET plan_measure_id = ? WHERE id = ?", [new_ids[pm], mid])


def _put_nodes(db: Database, pid: int, nodes: list[PlanNode], parent_id: int | None, new_ids: dict[int, int]) -> None:
    for n, node in enumerate(nodes):
        nid = db.table("plan_nodes").insert({"plan_id": pid, "parent_id": parent_id, "title": node.title.strip(), "sort": n}).last_pk
        for k, m in enumerate(node.measures):
            mid = db.table("plan_measures").insert({
                "plan_id": pid, "node_id": nid, "kind": m.kind, "title": m.title.strip(), "units": m.units.strip(),
                "start": m.start.isoformat() if m.start else None, "end": m.end.isoformat() if m.end else None,
                "note": m.note.strip(), "sort": k}).last_pk
            new_ids[m.id] = mid
            db.table("plan_budgets").insert_all([{"measure_id": mid, "year": y, "amount": a} for y, a in m.budgets.items()])
            db.table("plan_links").insert_all([{"measure_id": mid, "title": e.title.strip(), "link": e.link.strip(), "sort": j}
                                               for j, e in enumerate(m.links)])
        _put_nodes(db, pid, node.children, nid, new_ids)


def link_drawn(db: Database, links: dict[int, int]) -> None:
    """Measure id → a plan measure of this database it was drawn from (one that is still there)."""
    for mid, pm in links.items():
        if db.execute("SELECT 1 FROM plan_measures WHERE id = ?", [pm]).fetchone():
            db.execute("UPDATE measures SET plan_measure_id = ? WHERE id = ?", [pm, mid])
