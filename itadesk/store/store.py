"""The one facade over the SQLite file. Every write is one transaction and one undo step.

Rows become dataclasses here and nowhere else. Write methods return the set of
areas they changed (``Changes``) so that a GUI can refresh only what shows them.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from ..domain import validation as v
from ..domain.framework import default_framework
from ..domain.levels import compute_level
from ..domain.models import (
    Analysis, Evidence, Framework, Indicator, Item, Level, Limitation, Measure, Memo,
    Office, Scores, Signer, StatusUpdate, Tool, Unit,
)
from ..domain.thai_dates import parse_iso
from ..errors import DatabaseError, NotFoundError, ValidationError
from . import schema, undo

Changes = frozenset[str]
AREAS = ("settings", "office", "years", "framework", "scores", "analysis", "measures", "status", "memos")

SETTING_DEFAULTS: dict[str, str] = {
    "thai_digits": "1",  # print numbers and dates in Thai digits
    "strength_threshold": "90",  # indicators at or above are strengths
    "current_year": "",
    "memo_table_style": "three",
}


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day else None


class Store:
    """An open itadesk database. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, db: Database, path: Path | None):
        self.db = db
        self.path = path
        self._depth = 0  # nested writes join the outer undo step

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True) -> "Store":
        """Open (and migrate) ``path``; ``None`` opens a fresh in-memory database."""
        if path is None:
            db = Database(memory=True, execute_plugins=False)
            file = None
        else:
            file = Path(path)
            if not file.exists() and not create:
                raise DatabaseError(f"ไม่พบไฟล์ฐานข้อมูล {file}", f"database file not found: {file}")
            try:
                db = Database(file, execute_plugins=False)
                db.execute("PRAGMA schema_version").fetchone()
            except sqlite3.DatabaseError as err:
                raise DatabaseError(f"ไฟล์ {file} ไม่ใช่ฐานข้อมูล itadesk หรือเสียหาย", str(err)) from err
        db.execute("PRAGMA foreign_keys = ON")
        # a clerk copies the one file to a USB stick: keep the classic journal, not WAL
        db.execute("PRAGMA synchronous = FULL")
        store = cls(db, file)
        store._upgrade()
        return store

    def _upgrade(self) -> None:
        try:
            applied = schema.applied_count(self.db)
        except sqlite3.DatabaseError as err:
            raise DatabaseError("ไฟล์ฐานข้อมูลเสียหาย", str(err)) from err
        if applied > schema.SCHEMA_VERSION:
            raise DatabaseError(
                "ไฟล์นี้สร้างด้วย itadesk รุ่นที่ใหม่กว่า กรุณาปรับรุ่นโปรแกรม",
                f"schema {applied} is newer than this itadesk ({schema.SCHEMA_VERSION})",
            )
        if applied == 0 and self.db.table_names() and "office" not in self.db.table_names():
            raise DatabaseError("ไฟล์นี้ไม่ใช่ฐานข้อมูล itadesk", "not an itadesk database")
        schema.migrate(self.db)
        if self.db.table("office").count == 0:
            with self.db.atomic():
                self.db.execute("UPDATE _undostate SET active = 0")
                self.db.table("office").insert({"id": 1})
                self.db.execute("UPDATE _undostate SET active = 1")

    def close(self) -> None:
        self.db.close()
        self.closed = True

    closed = False

    # ---------------------------------------------------------------- writing
    @contextmanager
    def _write(self, label: str) -> Iterator[Database]:
        """One transaction and one undo step named ``label`` (Thai, shown in the Edit menu)."""
        with self.db.atomic():
            self._depth += 1
            try:
                before = undo.mark(self.db)
                yield self.db
                if self._depth == 1:
                    undo.record(self.db, label, before)
            finally:
                self._depth -= 1

    def undo(self) -> str | None:
        with self.db.atomic():
            return undo.replay(self.db, "undo")

    def redo(self) -> str | None:
        with self.db.atomic():
            return undo.replay(self.db, "redo")

    def clear_history(self) -> None:
        """Forget every undo/redo step (after building a demo, say)."""
        with self.db.atomic():
            self.db.execute("DELETE FROM _undolog")
            self.db.execute("DELETE FROM _undosteps")

    def undo_label(self) -> str | None:
        return undo.label(self.db, "undo")

    def redo_label(self) -> str | None:
        return undo.label(self.db, "redo")

    def backup(self, target: str | Path) -> Path:
        """A consistent copy of the whole database (SQLite online backup)."""
        target = Path(target)
        tmp = target.with_name(target.name + ".part")
        if tmp.exists():
            tmp.unlink()
        dest = sqlite3.connect(tmp)
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
        return target

    # --------------------------------------------------------------- settings
    def setting(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else SETTING_DEFAULTS.get(key, "")

    def set_setting(self, key: str, value: str) -> Changes:
        with self._write("เปลี่ยนการตั้งค่า") as db:
            db.table("settings").upsert({"key": key, "value": str(value)}, pk="key")
        return frozenset({"settings"})

    @property
    def thai_digits(self) -> bool:
        return self.setting("thai_digits") == "1"

    @property
    def strength_threshold(self) -> float:
        return v.parse_score("เกณฑ์จุดแข็ง", self.setting("strength_threshold") or "90") or 90.0

    # ----------------------------------------------------------------- office
    def office(self) -> Office:
        row = self.db.table("office").get(1)
        row.pop("id")
        return Office(**row)

    def save_office(self, office: Office) -> Changes:
        v.check_choice("ประเภทหน่วยงาน", office.kind, v.OFFICE_KINDS)
        with self._write("แก้ไขข้อมูลหน่วยงาน") as db:
            db.table("office").update(1, {
                "name": office.name.strip(), "kind": office.kind, "amphoe": office.amphoe.strip(),
                "province": office.province.strip(), "phone": office.phone.strip(),
                "address": office.address.strip(), "website": office.website.strip(),
                "doc_prefix": office.doc_prefix.strip(), "emblem_png": office.emblem_png,
            })
        return frozenset({"office"})

    def units(self) -> list[Unit]:
        return [Unit(r["id"], r["name"], r["sort"]) for r in self.db.table("units").rows_where(order_by="sort, id")]

    def unit_id(self, name: str) -> int:
        """Id of unit ``name``, created when new (inside the caller's transaction)."""
        name = v.require_text("หน่วยงานผู้รับผิดชอบ", name)
        row = self.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        sort = self.db.execute("SELECT coalesce(max(sort), 0) + 1 FROM units").fetchone()[0]
        return self.db.table("units").insert({"name": name, "sort": sort}).last_pk

    def save_units(self, names: list[str]) -> Changes:
        """Replace the list of units, keeping ids (and so measure links) of kept names."""
        clean = []
        for n in names:
            n = n.strip()
            if n and n not in clean:
                clean.append(n)
        with self._write("แก้ไขรายชื่อส่วนราชการ") as db:
            for sort, name in enumerate(clean):
                uid = self.unit_id(name)
                db.table("units").update(uid, {"sort": sort})
            placeholders = ",".join("?" * len(clean)) or "''"
            db.execute(f"DELETE FROM units WHERE name NOT IN ({placeholders})", clean)
        return frozenset({"office", "measures"})

    def signers(self) -> list[Signer]:
        return [Signer(r["id"], r["name"], r["position"], r["role"], r["sort"])
                for r in self.db.table("signers").rows_where(order_by="sort, id")]

    def save_signers(self, signers: list[Signer]) -> Changes:
        with self._write("แก้ไขผู้ลงนาม") as db:
            db.execute("DELETE FROM signers")
            for sort, s in enumerate(signers):
                name = v.require_text(f"ชื่อผู้ลงนามลำดับที่ {sort + 1}", s.name)
                db.table("signers").insert({"name": name, "position": s.position.strip(), "role": s.role, "sort": sort})
        return frozenset({"office"})

    # ------------------------------------------------------------------ years
    def years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT year FROM years ORDER BY year")]

    def has_year(self, year: int) -> bool:
        return self.db.execute("SELECT 1 FROM years WHERE year = ?", [year]).fetchone() is not None

    def require_year(self, year: int) -> None:
        if not self.has_year(year):
            raise NotFoundError(f"ไม่มีข้อมูลปี {year} ในฐานข้อมูล", f"no year {year} in the database")

    def add_year(self, year: int, *, framework: Framework | None = None, eit_parts: bool = True) -> Changes:
        """Add fiscal year ``year`` with its framework (the built-in default unless given)."""
        year = v.parse_year("ปีงบประมาณ", year)
        if self.has_year(year):
            raise ValidationError("ปีงบประมาณ", f"มีปี {year} อยู่แล้ว", f"year {year} exists")
        fw = framework or default_framework(year, eit_parts=eit_parts)
        with self._write(f"เพิ่มปี {year}") as db:
            db.table("years").insert({"year": year, "pass_mark": fw.pass_mark, "unverified": int(fw.unverified), "note": fw.note})
            self._write_framework(db, year, fw)
        return frozenset({"years", "framework", "scores"})

    def delete_year(self, year: int) -> Changes:
        self.require_year(year)
        with self._write(f"ลบปี {year}") as db:
            db.execute("DELETE FROM years WHERE year = ?", [year])
        return frozenset(AREAS)

    # -------------------------------------------------------------- framework
    def _write_framework(self, db: Database, year: int, fw: Framework) -> None:
        db.table("tools").insert_all(
            [{"year": year, "code": t.code, "name_th": t.name_th, "weight": t.weight, "parent": t.parent, "sort": t.sort} for t in fw.tools])
        db.table("indicators").insert_all(
            [{"year": year, "no": i.no, "name_th": i.name_th, "tool": i.tool} for i in fw.indicators])
        db.table("items").insert_all(
            [{"year": year, "code": i.code, "tool": i.tool, "indicator": i.indicator, "title_th": i.title_th,
              "sub_indicator": i.sub_indicator, "uncertain": int(i.uncertain), "sort": i.sort} for i in fw.items])
        db.table("levels").insert_all(
            [{"year": year, "name": lv.name, "min": lv.min, "max": lv.max, "tool_min": lv.tool_min, "sort": lv.sort} for lv in fw.levels])

    def framework(self, year: int) -> Framework:
        self.require_year(year)
        y = self.db.table("years").get(year)
        q = self.db.execute
        tools = [Tool(*r) for r in q("SELECT code, name_th, weight, parent, sort FROM tools WHERE year=? ORDER BY sort, id", [year])]
        indicators = [Indicator(*r) for r in q("SELECT no, name_th, tool FROM indicators WHERE year=? ORDER BY no", [year])]
        items = [Item(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6]) for r in q(
            "SELECT code, tool, indicator, title_th, sub_indicator, uncertain, sort FROM items WHERE year=? ORDER BY sort, id", [year])]
        levels = [Level(*r) for r in q("SELECT name, min, max, tool_min, sort FROM levels WHERE year=? ORDER BY sort, id", [year])]
        return Framework(year, tools, indicators, items, levels, y["pass_mark"], bool(y["unverified"]), y["note"])

    def save_item(self, year: int, item: Item, *, old_code: str | None = None) -> Changes:
        """Add or edit one question item of ``year`` (codes are unique per year)."""
        self.require_year(year)
        code = v.require_text("รหัสข้อคำถาม", item.code)
        if item.tool not in {t.code for t in self.framework(year).tools}:
            raise ValidationError("เครื่องมือ", f"ไม่มีเครื่องมือ {item.tool} ในปี {year}")
        with self._write(f"แก้ไขข้อคำถาม {code}") as db:
            row = {"year": year, "code": code, "tool": item.tool, "indicator": item.indicator,
                   "title_th": item.title_th.strip(), "sub_indicator": item.sub_indicator,
                   "uncertain": int(item.uncertain), "sort": item.sort}
            existing = db.execute("SELECT id FROM items WHERE year=? AND code=?", [year, old_code or code]).fetchone()
            clash = db.execute("SELECT id FROM items WHERE year=? AND code=?", [year, code]).fetchone()
            if clash and (not existing or clash[0] != existing[0]):
                raise ValidationError("รหัสข้อคำถาม", f"มีข้อ {code} อยู่แล้วในปี {year}")
            if existing:
                db.table("items").update(existing[0], row)
            else:
                row["sort"] = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM items WHERE year=?", [year]).fetchone()[0]
                db.table("items").insert(row)
        return frozenset({"framework", "scores"})

    def delete_item(self, year: int, code: str) -> Changes:
        with self._write(f"ลบข้อคำถาม {code}") as db:
            db.execute("DELETE FROM items WHERE year=? AND code=?", [year, code])
        return frozenset({"framework", "scores", "measures"})

    def rename_indicator(self, year: int, no: int, name_th: str) -> Changes:
        name = v.require_text(f"ชื่อตัวชี้วัดที่ {no}", name_th)
        with self._write(f"แก้ไขชื่อตัวชี้วัดที่ {no}") as db:
            db.execute("UPDATE indicators SET name_th=? WHERE year=? AND no=?", [name, year, no])
        return frozenset({"framework", "scores", "analysis"})

    # ----------------------------------------------------------------- scores
    def _id(self, table: str, year: int, column: str, value: object) -> int:
        row = self.db.execute(f"SELECT id FROM {table} WHERE year=? AND {column}=?", [year, value]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบ {value} ในกรอบการประเมินปี {year}", f"{table}.{column}={value!r} not in {year}")
        return row[0]

    def scores(self, year: int) -> Scores:
        self.require_year(year)
        q = self.db.execute
        s = Scores(year, self.db.table("years").get(year)["overall"])
        s.tools = dict(q("SELECT t.code, s.score FROM tools t JOIN tool_scores s ON s.tool_id=t.id WHERE t.year=?", [year]).fetchall())
        s.indicators = dict(q("SELECT i.no, s.score FROM indicators i JOIN indicator_scores s ON s.indicator_id=i.id WHERE i.year=?", [year]).fetchall())
        for code, part, score in q("SELECT i.code, s.part, s.score FROM items i JOIN item_scores s ON s.item_id=i.id WHERE i.year=?", [year]):
            (s.items if part == 1 else s.items_part2)[code] = score
        return s

    def level(self, year: int) -> str | None:
        s = self.scores(year)
        fw = self.framework(year)
        # the level's tool floors apply to the tools as reported (EIT parts included)
        reported = [s.tools.get(t.code) for t in fw.tools if s.tools.get(t.code) is not None]
        return compute_level(s.overall, reported, fw.levels)

    def set_scores(self, year: int, *, overall: object = ..., tools: dict | None = None,
                   indicators: dict | None = None, items: dict | None = None,
                   items_part2: dict | None = None) -> Changes:
        """Set any scores of ``year`` in one step. Values may be typed text.

        Empty text clears a score. Everything is validated before anything is
        written; the first bad value raises ValidationError naming its field.
        """
        self.require_year(year)
        fw = self.framework(year)
        plan: list[tuple[str, object, float | None]] = []
        if overall is not ...:
            plan.append(("overall", None, v.parse_score("คะแนนภาพรวม", overall)))
        for code, value in (tools or {}).items():
            plan.append(("tool", self._id("tools", year, "code", code), v.parse_score(f"คะแนนเครื่องมือ {code}", value)))
        for no, value in (indicators or {}).items():
            ind = fw.indicator(int(no))
            field = f"คะแนนตัวชี้วัดที่ {no}" + (f" {ind.name_th}" if ind else "")
            plan.append(("indicator", self._id("indicators", year, "no", int(no)), v.parse_score(field, value)))
        for part, mapping in ((1, items or {}), (2, items_part2 or {})):
            for code, value in mapping.items():
                label = f"คะแนนข้อ {code}" + (" (ส่วนที่ ๒)" if part == 2 else "")
                plan.append((f"item{part}", self._id("items", year, "code", code), v.parse_score(label, value)))
        with self._write(f"แก้ไขคะแนนปี {year}") as db:
            for kind, key, score in plan:
                if kind == "overall":
                    db.execute("UPDATE years SET overall=? WHERE year=?", [score, year])
                elif kind in ("tool", "indicator"):
                    table, col = ("tool_scores", "tool_id") if kind == "tool" else ("indicator_scores", "indicator_id")
                    if score is None:
                        db.execute(f"DELETE FROM {table} WHERE {col}=?", [key])
                    else:
                        db.table(table).upsert({col: key, "score": score}, pk=col)
                else:
                    part = int(kind[-1])
                    if score is None:
                        db.execute("DELETE FROM item_scores WHERE item_id=? AND part=?", [key, part])
                    else:
                        db.table("item_scores").upsert({"item_id": key, "part": part, "score": score}, pk=("item_id", "part"))
        return frozenset({"scores"})

    # ------------------------------------------------------------------ texts
    def text(self, year: int, key: str) -> str:
        row = self.db.execute("SELECT body FROM texts WHERE year=? AND key=?", [year, key]).fetchone()
        return row[0] if row else ""

    def set_text(self, year: int, key: str, body: str) -> Changes:
        self.require_year(year)
        with self._write("แก้ไขข้อความ") as db:
            db.table("texts").upsert({"year": year, "key": key, "body": body}, pk=("year", "key"))
        return frozenset({"analysis"})

    # --------------------------------------------------------------- analysis
    def analyses(self, year: int) -> list[Analysis]:
        return [Analysis(r["id"], r["year"], r["indicator"], r["topic"], r["assessment"], r["analysis"], r["development"], r["sort"])
                for r in self.db.table("analyses").rows_where("year=?", [year], order_by="sort, id")]

    def save_analysis(self, a: Analysis) -> tuple[Changes, int]:
        self.require_year(a.year)
        row = {"year": a.year, "indicator": a.indicator, "topic": a.topic.strip(), "assessment": a.assessment,
               "analysis": a.analysis, "development": a.development, "sort": a.sort}
        with self._write("แก้ไขผลการวิเคราะห์") as db:
            if a.id is None:
                a.id = db.table("analyses").insert(row).last_pk
            else:
                db.table("analyses").update(a.id, row)
        return frozenset({"analysis"}), a.id

    def delete_analysis(self, analysis_id: int) -> Changes:
        with self._write("ลบผลการวิเคราะห์") as db:
            db.execute("DELETE FROM analyses WHERE id=?", [analysis_id])
        return frozenset({"analysis"})

    def limitations(self, year: int) -> list[Limitation]:
        return [Limitation(r["id"], r["year"], r["limitation"], r["impact"], r["development"], r["sort"])
                for r in self.db.table("limitations").rows_where("year=?", [year], order_by="sort, id")]

    def save_limitation(self, lim: Limitation) -> tuple[Changes, int]:
        self.require_year(lim.year)
        text = v.require_text("ข้อจำกัด", lim.limitation)
        row = {"year": lim.year, "limitation": text, "impact": lim.impact, "development": lim.development, "sort": lim.sort}
        with self._write("แก้ไขข้อจำกัด") as db:
            if lim.id is None:
                lim.id = db.table("limitations").insert(row).last_pk
            else:
                db.table("limitations").update(lim.id, row)
        return frozenset({"analysis"}), lim.id

    def replace_limitations(self, year: int, rows: list[Limitation]) -> Changes:
        """Replace the year's limitations table in one step (rows without text are dropped)."""
        self.require_year(year)
        with self._write("แก้ไขตารางข้อจำกัด") as db:
            db.execute("DELETE FROM limitations WHERE year=?", [year])
            for n, lim in enumerate(r for r in rows if r.limitation.strip()):
                db.table("limitations").insert({"year": year, "limitation": lim.limitation.strip(), "impact": lim.impact,
                                                "development": lim.development, "sort": n})
        return frozenset({"analysis"})

    def delete_limitation(self, lim_id: int) -> Changes:
        with self._write("ลบข้อจำกัด") as db:
            db.execute("DELETE FROM limitations WHERE id=?", [lim_id])
        return frozenset({"analysis"})

    # --------------------------------------------------------------- measures
    def measures(self, year: int) -> list[Measure]:
        ids = [r[0] for r in self.db.execute("SELECT id FROM measures WHERE year=? ORDER BY sort, id", [year])]
        return [self.measure(i) for i in ids]

    def measure(self, measure_id: int) -> Measure:
        q = self.db.execute
        r = q("SELECT id, year, title, kind, issue, start, end, period_text, monitoring, target, budget, sort FROM measures WHERE id=?",
              [measure_id]).fetchone()
        if r is None:
            raise NotFoundError(f"ไม่พบมาตรการรหัส {measure_id}", f"no measure {measure_id}")
        m = Measure(r[0], r[1], r[2], r[3], r[4], start=parse_iso(r[5]), end=parse_iso(r[6]), period_text=r[7],
                    monitoring=r[8], target=r[9], budget=r[10], sort=r[11])
        m.steps = [x[0] for x in q("SELECT text FROM measure_steps WHERE measure_id=? ORDER BY sort", [measure_id])]
        m.units = [x[0] for x in q("SELECT u.name FROM measure_units mu JOIN units u ON u.id=mu.unit_id WHERE mu.measure_id=? ORDER BY mu.sort", [measure_id])]
        m.indicators = [x[0] for x in q("SELECT i.no FROM measure_indicators mi JOIN indicators i ON i.id=mi.indicator_id WHERE mi.measure_id=? ORDER BY i.no", [measure_id])]
        m.items = [x[0] for x in q("SELECT i.code FROM measure_items mi JOIN items i ON i.id=mi.item_id WHERE mi.measure_id=? ORDER BY i.sort", [measure_id])]
        m.evidence = [Evidence(x[0], x[1]) for x in q("SELECT title, link FROM evidence WHERE measure_id=? ORDER BY sort", [measure_id])]
        return m

    def save_measure(self, m: Measure) -> tuple[Changes, int]:
        """Insert (id None) or replace a measure with its steps, units, links and evidence."""
        self.require_year(m.year)
        title = v.require_text("ชื่อมาตรการ/โครงการ/กิจกรรม", m.title)
        v.check_choice("ประเภท", m.kind, v.MEASURE_KINDS)
        if m.start and m.end and m.end < m.start:
            raise ValidationError("ระยะเวลา", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "end before start")
        if m.budget is not None and m.budget < 0:
            raise ValidationError("งบประมาณ", "ต้องไม่ติดลบ", "negative budget")
        row = {"year": m.year, "title": title, "kind": m.kind, "issue": m.issue, "start": _iso(m.start), "end": _iso(m.end),
               "period_text": m.period_text.strip(), "monitoring": m.monitoring, "target": m.target, "budget": m.budget}
        with self._write(f"บันทึกมาตรการ “{title[:30]}”") as db:
            if m.id is None:
                row["sort"] = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM measures WHERE year=?", [m.year]).fetchone()[0]
                m.id = db.table("measures").insert(row).last_pk
            else:
                row["sort"] = m.sort
                db.table("measures").update(m.id, row)
                for t in ("measure_steps", "measure_units", "measure_indicators", "measure_items", "evidence"):
                    db.execute(f"DELETE FROM {t} WHERE measure_id=?", [m.id])
            steps = [s.strip() for s in m.steps if s.strip()]
            db.table("measure_steps").insert_all([{"measure_id": m.id, "sort": n, "text": s} for n, s in enumerate(steps)])
            for n, name in enumerate(dict.fromkeys(u.strip() for u in m.units if u.strip())):
                db.table("measure_units").insert({"measure_id": m.id, "unit_id": self.unit_id(name), "sort": n})
            for no in dict.fromkeys(m.indicators):
                db.table("measure_indicators").insert({"measure_id": m.id, "indicator_id": self._id("indicators", m.year, "no", no)})
            for code in dict.fromkeys(m.items):
                db.table("measure_items").insert({"measure_id": m.id, "item_id": self._id("items", m.year, "code", code)})
            db.table("evidence").insert_all(
                [{"measure_id": m.id, "title": e.title, "link": e.link, "sort": n} for n, e in enumerate(m.evidence) if e.title.strip() or e.link.strip()])
        return frozenset({"measures", "status"}), m.id

    def delete_measure(self, measure_id: int) -> Changes:
        with self._write("ลบมาตรการ") as db:
            db.execute("DELETE FROM measures WHERE id=?", [measure_id])
        return frozenset({"measures", "status"})

    def move_measure(self, measure_id: int, offset: int) -> Changes:
        m = self.measure(measure_id)
        ids = [r[0] for r in self.db.execute("SELECT id FROM measures WHERE year=? ORDER BY sort, id", [m.year])]
        i = ids.index(measure_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        with self._write("เลื่อนลำดับมาตรการ") as db:
            for n, mid in enumerate(ids):
                db.execute("UPDATE measures SET sort=? WHERE id=?", [n, mid])
        return frozenset({"measures", "status"})

    def copy_measures(self, from_year: int, to_year: int) -> tuple[Changes, int]:
        """Copy every measure of ``from_year`` into ``to_year`` (without status history).

        Links to indicators and items are kept where ``to_year`` has the same
        indicator number or item code. Dates move forward by the years between.
        """
        self.require_year(from_year)
        self.require_year(to_year)
        fw = self.framework(to_year)
        codes = {i.code for i in fw.items}
        shift = to_year - from_year
        count = 0
        with self._write(f"คัดลอกมาตรการจากปี {from_year}"):
            for m in self.measures(from_year):
                m.id = None
                m.year = to_year
                m.items = [c for c in m.items if c in codes]
                m.indicators = [n for n in m.indicators if fw.indicator(n)]
                m.start = _shift(m.start, shift)
                m.end = _shift(m.end, shift)
                self.save_measure(m)
                count += 1
        return frozenset({"measures", "status"}), count

    # ----------------------------------------------------------------- status
    def status_updates(self, measure_id: int) -> list[StatusUpdate]:
        return [StatusUpdate(r["id"], r["measure_id"], _dt.date.fromisoformat(r["date"]), r["status"], r["round"], r["progress"], r["note"])
                for r in self.db.table("status_updates").rows_where("measure_id=?", [measure_id], order_by="date, id")]

    def add_status(self, u: StatusUpdate) -> tuple[Changes, int]:
        v.check_choice("สถานะ", u.status, v.STATUS_TH)
        v.check_choice("รอบการรายงาน", u.round, v.ROUNDS_TH)
        progress = v.parse_progress("ความก้าวหน้า (ร้อยละ)", u.progress)
        if u.status == "done":
            progress = 100
        self.measure(u.measure_id)
        with self._write("บันทึกสถานะการดำเนินงาน") as db:
            u.id = db.table("status_updates").insert({
                "measure_id": u.measure_id, "date": u.date.isoformat(), "round": u.round,
                "status": u.status, "progress": progress, "note": u.note.strip()}).last_pk
        return frozenset({"status"}), u.id

    def delete_status(self, update_id: int) -> Changes:
        with self._write("ลบสถานะการดำเนินงาน") as db:
            db.execute("DELETE FROM status_updates WHERE id=?", [update_id])
        return frozenset({"status"})

    def current_status(self, year: int, *, round: str | None = None) -> dict[int, StatusUpdate | None]:
        """The newest update of each measure of ``year`` (within ``round`` when given)."""
        result: dict[int, StatusUpdate | None] = {}
        for (mid,) in self.db.execute("SELECT id FROM measures WHERE year=? ORDER BY sort, id", [year]).fetchall():
            updates = [u for u in self.status_updates(mid) if round is None or u.round == round]
            result[mid] = updates[-1] if updates else None
        return result

    # ------------------------------------------------------------------ memos
    def memos(self, year: int) -> list[Memo]:
        return [self.memo(r[0]) for r in self.db.execute("SELECT id FROM memos WHERE year=? ORDER BY id", [year])]

    def memo(self, memo_id: int) -> Memo:
        r = self.db.execute("SELECT * FROM memos WHERE id=?", [memo_id]).fetchone()
        if r is None:
            raise NotFoundError(f"ไม่พบบันทึกข้อความรหัส {memo_id}", f"no memo {memo_id}")
        cols = [d[0] for d in self.db.execute("SELECT * FROM memos LIMIT 0").description]
        row = dict(zip(cols, r))
        paragraphs = [x[0] for x in self.db.execute("SELECT text FROM memo_paragraphs WHERE memo_id=? ORDER BY sort", [memo_id])]
        return Memo(row["id"], row["year"], row["agency"], row["number"], parse_iso(row["date"]), row["subject"],
                    row["salutation"], paragraphs, row["closing"], row["signer_name"], row["signer_position"],
                    row["table_style"], bool(row["include_table"]), row["status_round"], bool(row["comment_block"]))

    def save_memo(self, m: Memo) -> tuple[Changes, int]:
        self.require_year(m.year)
        v.check_choice("รูปแบบตารางสถานะ", m.table_style, ("three", "one"))
        v.check_choice("รอบการรายงาน", m.status_round, v.ROUNDS_TH)
        row = {"year": m.year, "agency": m.agency.strip(), "number": m.number.strip(), "date": _iso(m.date),
               "subject": m.subject.strip(), "salutation": m.salutation.strip(), "closing": m.closing.strip(),
               "signer_name": m.signer_name.strip(), "signer_position": m.signer_position.strip(),
               "table_style": m.table_style, "include_table": int(m.include_table), "status_round": m.status_round,
               "comment_block": int(m.comment_block)}
        with self._write("บันทึกบันทึกข้อความ") as db:
            if m.id is None:
                m.id = db.table("memos").insert(row).last_pk
            else:
                db.table("memos").update(m.id, row)
                db.execute("DELETE FROM memo_paragraphs WHERE memo_id=?", [m.id])
            db.table("memo_paragraphs").insert_all(
                [{"memo_id": m.id, "sort": n, "text": p} for n, p in enumerate(m.paragraphs) if p.strip()])
        return frozenset({"memos"}), m.id

    def delete_memo(self, memo_id: int) -> Changes:
        with self._write("ลบบันทึกข้อความ") as db:
            db.execute("DELETE FROM memos WHERE id=?", [memo_id])
        return frozenset({"memos"})


def _shift(day: _dt.date | None, years: int) -> _dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def copy_file(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
