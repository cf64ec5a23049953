"""Writes of plans across years: the plan, its hierarchy (add, rename, reorder, move),
its measures with a budget per fiscal year, and drawing a year's measures from it.

A mixin of :class:`~itadesk.store.store.Store`; every method is one undo step,
and typing in one field for a while joins one step (``merge_key``).
"""

from __future__ import annotations

import datetime as _dt

from ..domain import validation as v
from ..domain.models import Evidence, Measure
from ..domain.plans import MAX_SPAN, Plan
from ..domain.thai_dates import fiscal_year_range
from ..domain.vocab import Area, Change, change
from ..errors import NotFoundError, ValidationError
from . import plan_rows
from .ordering import reordered, write_order
from .results import parse_day

PLAN_FIELDS: dict[str, str] = {
    "title": "ชื่อแผน", "first_year": "ปีงบประมาณแรกของแผน", "last_year": "ปีงบประมาณสุดท้ายของแผน", "note": "หมายเหตุของแผน",
}
PLAN_MEASURE_FIELDS: dict[str, str] = {
    "title": "ชื่อโครงการ/กิจกรรม/มาตรการ", "kind": "ประเภท", "units": "ผู้รับผิดชอบ", "note": "หมายเหตุ",
    "start": "วันเริ่มต้น", "end": "วันสิ้นสุด",
}


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day else None


class PlanWrites:
    """Needs the Store's ``db``, ``_write``, ``require_year``, ``unit_id`` and ``save_measure``."""

    # ------------------------------------------------------------------ reads
    def plans(self) -> list[Plan]:
        return plan_rows.plans(self.db)

    def plan(self, plan_id: int) -> Plan:
        return plan_rows.plan(self.db, plan_id)

    # ------------------------------------------------------------------- plan
    def add_plan(self, title: str, first_year: int, last_year: int) -> Change:
        title = v.require_text(PLAN_FIELDS["title"], title)
        first = v.parse_year(PLAN_FIELDS["first_year"], first_year)
        last = v.parse_year(PLAN_FIELDS["last_year"], last_year)
        self._check_span(first, last)
        with self._write(f"เพิ่มแผน “{title[:30]}”") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plans").fetchone()[0]
            pid = db.table("plans").insert({"title": title, "first_year": first, "last_year": last, "sort": sort}).last_pk
        return change(Area.PLANS, id=pid)

    def edit_plan(self, plan_id: int, field: str, value) -> Change:
        row = self._get("plans", plan_id, "title, first_year, last_year")
        label = PLAN_FIELDS[field]
        if field == "title":
            stored: object = v.require_text(label, value)
        elif field == "note":
            stored = str(value or "").strip()
        else:
            stored = v.parse_year(label, value)
            first, last = (stored, row[2]) if field == "first_year" else (row[1], stored)
            self._check_span(first, last)
        # budgets of years left outside a shorter span are kept (shown again when it grows back)
        with self._write(f"แก้ไข{label}", merge_key=f"plan:{plan_id}:{field}") as db:
            db.execute(f"UPDATE plans SET {field}=? WHERE id=?", [stored, plan_id])
        return change(Area.PLANS, id=plan_id)

    @staticmethod
    def _check_span(first: int, last: int) -> None:
        if last < first:
            raise ValidationError(PLAN_FIELDS["last_year"], "ปีสุดท้ายต้องไม่ก่อนปีแรกของแผน", "last year before the first")
        if last - first + 1 > MAX_SPAN:
            raise ValidationError(PLAN_FIELDS["last_year"], f"แผนหนึ่งครอบคลุมได้ไม่เกิน {MAX_SPAN} ปีงบประมาณ", "span too long")

    def delete_plan(self, plan_id: int) -> Change:
        title = self._get("plans", plan_id, "title")[0]
        with self._write(f"ลบแผน “{title[:30]}”") as db:
            db.execute("DELETE FROM plans WHERE id=?", [plan_id])
        return change(Area.PLANS, Area.MEASURES)

    # -------------------------------------------------------------- hierarchy
    def add_node(self, plan_id: int, parent_id: int | None, title: str) -> Change:
        title = v.require_text("ชื่อมิติ/ภารกิจ", title)
        self._get("plans", plan_id, "id")
        if parent_id is not None and self._get("plan_nodes", parent_id, "plan_id")[0] != plan_id:
            raise ValidationError("ภารกิจ", "ภารกิจหลักอยู่ในแผนอื่น", "parent in another plan")
        with self._write(f"เพิ่ม “{title[:30]}”") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plan_nodes WHERE plan_id=? AND parent_id IS ?",
                              [plan_id, parent_id]).fetchone()[0]
            nid = db.table("plan_nodes").insert({"plan_id": plan_id, "parent_id": parent_id, "title": title, "sort": sort}).last_pk
        return change(Area.PLANS, id=nid)

    def rename_node(self, node_id: int, title: str) -> Change:
        self._get("plan_nodes", node_id, "id")
        title = v.require_text("ชื่อมิติ/ภารกิจ", title)
        with self._write("แก้ไขชื่อมิติ/ภารกิจ", merge_key=f"plan_node:{node_id}:title") as db:
            db.execute("UPDATE plan_nodes SET title=? WHERE id=?", [title, node_id])
        return change(Area.PLANS, id=node_id)

    def move_node(self, node_id: int, offset: int) -> Change:
        """Up (−1) or down (+1) among its siblings."""
        plan_id, parent_id = self._get("plan_nodes", node_id, "plan_id, parent_id")
        ids = [r[0] for r in self.db.execute("SELECT id FROM plan_nodes WHERE plan_id=? AND parent_id IS ? ORDER BY sort, id",
                                             [plan_id, parent_id])]
        return self._reorder("plan_nodes", ids, node_id, offset, "เลื่อนลำดับมิติ/ภารกิจ")

    def reparent_node(self, node_id: int, parent_id: int | None) -> Change:
        """Move a node (with everything under it) under ``parent_id`` (None: a dimension), last there."""
        plan_id, title = self._get("plan_nodes", node_id, "plan_id, title")
        if parent_id is not None:
            if self._get("plan_nodes", parent_id, "plan_id")[0] != plan_id:
                raise ValidationError("ย้ายไปไว้ใต้", "ย้ายข้ามแผนไม่ได้", "another plan")
            if parent_id in self.plan(plan_id).descendants(node_id):
                raise ValidationError("ย้ายไปไว้ใต้", f"ย้าย “{title}” ไปไว้ใต้ตัวเองหรือภารกิจย่อยของตัวเองไม่ได้", "cycle")
        with self._write(f"ย้าย “{title[:30]}”") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plan_nodes WHERE plan_id=? AND parent_id IS ? AND id != ?",
                              [plan_id, parent_id, node_id]).fetchone()[0]
            db.execute("UPDATE plan_nodes SET parent_id=?, sort=? WHERE id=?", [parent_id, sort, node_id])
        return change(Area.PLANS, id=node_id)

    def delete_node(self, node_id: int) -> Change:
        title = self._get("plan_nodes", node_id, "title")[0]
        with self._write(f"ลบ “{title[:30]}” และรายการภายใต้") as db:
            db.execute("DELETE FROM plan_nodes WHERE id=?", [node_id])
        return change(Area.PLANS, Area.MEASURES)

    # --------------------------------------------------------------- measures
    def add_plan_measure(self, node_id: int, title: str = "โครงการใหม่", kind: str = "โครงการ") -> Change:
        plan_id = self._get("plan_nodes", node_id, "plan_id")[0]
        title = v.require_text(PLAN_MEASURE_FIELDS["title"], title)
        v.check_choice(PLAN_MEASURE_FIELDS["kind"], kind, v.MEASURE_KINDS)
        with self._write(f"เพิ่ม “{title[:30]}” ในแผน") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plan_measures WHERE node_id=?", [node_id]).fetchone()[0]
            mid = db.table("plan_measures").insert({"plan_id": plan_id, "node_id": node_id, "title": title, "kind": kind,
                                                    "sort": sort}).last_pk
        return change(Area.PLANS, id=mid)

    def edit_plan_measure(self, measure_id: int, field: str, value) -> Change:
        title, start, end = self._get("plan_measures", measure_id, "title, start, end")
        label = PLAN_MEASURE_FIELDS[field]
        if field == "title":
            stored: object = v.require_text(label, value)
        elif field == "kind":
            stored = v.check_choice(label, str(value), v.MEASURE_KINDS)
        elif field in ("start", "end"):
            day = parse_day(label, value)
            other = parse_day("", end if field == "start" else start)
            first, last = (day, other) if field == "start" else (other, day)
            if first and last and last < first:
                raise ValidationError("ระยะเวลา", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "end before start")
            stored = _iso(day)
        else:
            stored = str(value or "").strip()
        with self._write(f"แก้ไข{label} “{title[:30]}”", merge_key=f"plan_measure:{measure_id}:{field}") as db:
            db.execute(f"UPDATE plan_measures SET {field}=? WHERE id=?", [stored, measure_id])
        return change(Area.PLANS, id=measure_id)

    def set_plan_budget(self, measure_id: int, year: int, value) -> Change:
        """The budget of fiscal ``year`` ("50,000"); empty text means not planned that year."""
        title = self._get("plan_measures", measure_id, "title")[0]
        amount = v.parse_budget(f"งบประมาณปี {year} (บาท)", value)
        with self._write(f"แก้ไขงบประมาณปี {year} “{title[:30]}”", merge_key=f"plan_budget:{measure_id}:{year}") as db:
            if amount is None:
                db.execute("DELETE FROM plan_budgets WHERE measure_id=? AND year=?", [measure_id, year])
            else:
                db.execute("INSERT INTO plan_budgets (measure_id, year, amount) VALUES (?, ?, ?) "
                           "ON CONFLICT (measure_id, year) DO UPDATE SET amount = excluded.amount", [measure_id, year, amount])
        return change(Area.PLANS, id=measure_id)

    def set_plan_links(self, measure_id: int, links: list[Evidence]) -> Change:
        title = self._get("plan_measures", measure_id, "title")[0]
        kept = [e for e in links if e.title.strip() or e.link.strip()]
        with self._write(f"แก้ไขหลักฐาน “{title[:30]}”", merge_key=f"plan_measure:{measure_id}:links") as db:
            db.execute("DELETE FROM plan_links WHERE measure_id=?", [measure_id])
            db.table("plan_links").insert_all([{"measure_id": measure_id, "title": e.title.strip(), "link": e.link.strip(), "sort": n}
                                               for n, e in enumerate(kept)])
        return change(Area.PLANS, id=measure_id)

    def move_plan_measure(self, measure_id: int, offset: int) -> Change:
        node_id = self._get("plan_measures", measure_id, "node_id")[0]
        ids = [r[0] for r in self.db.execute("SELECT id FROM plan_measures WHERE node_id=? ORDER BY sort, id", [node_id])]
        return self._reorder("plan_measures", ids, measure_id, offset, "เลื่อนลำดับโครงการในแผน")

    def place_plan_measure(self, measure_id: int, node_id: int) -> Change:
        """Move a measure to another mission (of the same plan), last there."""
        plan_id, title = self._get("plan_measures", measure_id, "plan_id, title")
        if self._get("plan_nodes", node_id, "plan_id")[0] != plan_id:
            raise ValidationError("ย้ายไปไว้ใต้", "ย้ายข้ามแผนไม่ได้", "another plan")
        with self._write(f"ย้าย “{title[:30]}”") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM plan_measures WHERE node_id=? AND id != ?",
                              [node_id, measure_id]).fetchone()[0]
            db.execute("UPDATE plan_measures SET node_id=?, sort=? WHERE id=?", [node_id, sort, measure_id])
        return change(Area.PLANS, id=measure_id)

    def delete_plan_measure(self, measure_id: int) -> Change:
        title = self._get("plan_measures", measure_id, "title")[0]
        with self._write(f"ลบ “{title[:30]}” ออกจากแผน") as db:
            db.execute("DELETE FROM plan_measures WHERE id=?", [measure_id])
        return change(Area.PLANS, Area.MEASURES)

    # ---------------------------------------------------------------- drawing
    def draw_plan_measures(self, plan_id: int, year: int, fiscal_year: int | None = None) -> Change:
        """Make the measures of assessment ``year`` from the plan's measures of ``fiscal_year``
        (``year + 1`` by default: a year's measures are carried out in the next fiscal year).

        Those already drawn into ``year`` are left as the clerk edited them; the count says
        how many were added."""
        self.require_year(year)
        fy = fiscal_year or year + 1
        plan = self.plan(plan_id)
        drawn = {r[0] for r in self.db.execute("SELECT plan_measure_id FROM measures WHERE year=? AND plan_measure_id IS NOT NULL", [year])}
        first, last = fiscal_year_range(fy)
        count = 0
        with self._write(f"ดึงมาตรการปีงบประมาณ {fy} จากแผน"):
            for pm in plan.measures_in(fy):
                if pm.id in drawn:
                    continue
                start = max(pm.start, first) if pm.start else None
                end = min(pm.end, last) if pm.end else None
                node = plan.node(pm.node_id)
                units = [u.strip() for u in pm.units.replace("\n", ",").split(",") if u.strip()]
                m = Measure(None, year, pm.title, pm.kind, issue=node.title if node else "", units=units,
                            start=start, end=end, budget=pm.budgets.get(fy), evidence=list(pm.links))
                mid = self.save_measure(m).id
                self.db.execute("UPDATE measures SET plan_measure_id=? WHERE id=?", [pm.id, mid])
                count += 1
        return change(Area.MEASURES, Area.STATUS, Area.PLANS, count=count)

    # ---------------------------------------------------------------- helpers
    def _get(self, table: str, row_id: int, columns: str) -> tuple:
        row = self.db.execute(f"SELECT {columns} FROM {table} WHERE id=?", [row_id]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบรายการรหัส {row_id} ในแผน", f"no {table} row {row_id}")
        return row

    def _reorder(self, table: str, ids: list[int], row_id: int, offset: int, label: str) -> Change:
        moved = reordered(ids, row_id, offset)
        if moved != ids:
            with self._write(label) as db:
                write_order(db, table, moved)
        return change(Area.PLANS, id=row_id)
