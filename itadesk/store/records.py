"""The year's records: texts, analyses, limitations, measures, status updates, memos.

A mixin of :class:`~itadesk.store.store.Store` (kept apart so each module stays
small). Every write is one transaction and one undo step and returns one
:class:`~itadesk.domain.vocab.Change`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt

from ..domain import validation as v
from ..domain.models import Analysis, Limitation, Measure, Memo, StatusUpdate, Step
from ..domain.vocab import Area, Change, Round, Status, change
from ..errors import ValidationError
from . import rows


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _shift(day: _dt.date | None, years: int) -> _dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _steps(m: Measure) -> list[Step]:
    """The measure's step texts with the details they carried: a detail follows its step's
    text (a step moved keeps its unit and period); a step whose text was edited keeps the
    details of the step that stood at its place."""
    texts = [s.strip() for s in m.steps if s.strip()]
    details = list(m.step_details)
    used: set[int] = set()
    out: list[Step | None] = [None] * len(texts)
    for n, text in enumerate(texts):
        k = next((k for k, d in enumerate(details) if k not in used and d.text.strip() == text), None)
        if k is not None:
            used.add(k)
            out[n] = dataclasses.replace(details[k], text=text)
    for n, text in enumerate(texts):
        if out[n] is None:
            same_place = n < len(details) and n not in used
            if same_place:
                used.add(n)
            out[n] = dataclasses.replace(details[n], text=text) if same_place else Step(text)
    return [s for s in out if s is not None]


class RecordWrites:
    """Needs ``self.db``, ``self._write``, ``self.require_year``, ``self.unit_id``, ``self._id``, ``self.framework``."""

    # ------------------------------------------------------------------ texts
    def text(self, year: int, key: str) -> str:
        return rows.texts(self.db, year).get(key, "")

    def set_text(self, year: int, key: str, body: str) -> Change:
        self.require_year(year)
        with self._write("แก้ไขข้อความ") as db:
            upsert(db, "texts", {"year": year, "key": key, "body": body}, ("year", "key"))
        return change(Area.ANALYSIS)

    # --------------------------------------------------------------- analysis
    def analyses(self, year: int) -> list[Analysis]:
        return rows.analyses(self.db, year)

    def save_analysis(self, a: Analysis) -> Change:
        self.require_year(a.year)
        row = {"year": a.year, "indicator": a.indicator, "topic": a.topic.strip(), "assessment": a.assessment,
               "analysis": a.analysis, "development": a.development, "sort": a.sort, "points": a.points}
        with self._write("แก้ไขผลการวิเคราะห์") as db:
            if a.id is None:
                a.id = db.table("analyses").insert(row).last_pk
            else:
                db.table("analyses").update(a.id, row)
        return change(Area.ANALYSIS, id=a.id)

    def limitations(self, year: int) -> list[Limitation]:
        return rows.limitations(self.db, year)

    def save_limitation(self, lim: Limitation) -> Change:
        self.require_year(lim.year)
        text = v.require_text("ข้อจำกัด", lim.limitation)
        row = {"year": lim.year, "limitation": text, "impact": lim.impact, "development": lim.development, "sort": lim.sort}
        with self._write("แก้ไขข้อจำกัด") as db:
            if lim.id is None:
                lim.id = db.table("limitations").insert(row).last_pk
            else:
                db.table("limitations").update(lim.id, row)
        return change(Area.ANALYSIS, id=lim.id)

    def replace_limitations(self, year: int, limits: list[Limitation]) -> Change:
        """Replace the year's limitations table in one step (rows without text are dropped)."""
        self.require_year(year)
        with self._write("แก้ไขตารางข้อจำกัด") as db:
            db.execute("DELETE FROM limitations WHERE year=?", [year])
            for n, lim in enumerate(r for r in limits if r.limitation.strip()):
                db.table("limitations").insert({"year": year, "limitation": lim.limitation.strip(), "impact": lim.impact,
                                                "development": lim.development, "sort": n})
        return change(Area.ANALYSIS)

    # --------------------------------------------------------------- measures
    def measures(self, year: int) -> list[Measure]:
        return rows.measures(self.db, year=year)

    def measure(self, measure_id: int) -> Measure:
        return rows.measure(self.db, measure_id)

    def save_measure(self, m: Measure) -> Change:
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
            db.table("measure_steps").insert_all(
                [{"measure_id": m.id, "sort": n, "text": s.text, "unit": s.unit.strip(), "period": s.period.strip(),
                  "monitoring": s.monitoring.strip(), "status_text": s.status_text.strip()} for n, s in enumerate(_steps(m))])
            db.execute("UPDATE measures SET issue_id=? WHERE id=?", [self._issue_id(m.year, m.issue), m.id])
            for n, name in enumerate(dict.fromkeys(u.strip() for u in m.units if u.strip())):
                db.table("measure_units").insert({"measure_id": m.id, "unit_id": self.unit_id(name), "sort": n})
            for no in dict.fromkeys(m.indicators):
                db.table("measure_indicators").insert({"measure_id": m.id, "indicator_id": self._id("indicators", m.year, "no", no)})
            for code in dict.fromkeys(m.items):
                db.table("measure_items").insert({"measure_id": m.id, "item_id": self._id("items", m.year, "code", code)})
            kept = [e for e in m.evidence if e.title.strip() or e.link.strip()]
            db.table("evidence").insert_all([{"measure_id": m.id, "title": e.title, "link": e.link, "sort": n} for n, e in enumerate(kept)])
        return change(Area.MEASURES, Area.STATUS, id=m.id)

    def delete_measure(self, measure_id: int) -> Change:
        with self._write("ลบมาตรการ") as db:
            db.execute("DELETE FROM measures WHERE id=?", [measure_id])
        return change(Area.MEASURES, Area.STATUS)

    def move_measure(self, measure_id: int, offset: int) -> Change:
        m = self.measure(measure_id)
        ids = [r[0] for r in self.db.execute("SELECT id FROM measures WHERE year=? ORDER BY sort, id", [m.year])]
        i = ids.index(measure_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        with self._write("เลื่อนลำดับมาตรการ") as db:
            for n, mid in enumerate(ids):
                db.execute("UPDATE measures SET sort=? WHERE id=?", [n, mid])
        return change(Area.MEASURES, Area.STATUS)

    def copy_measures(self, from_year: int, to_year: int, *, only_titles: list[str] | None = None) -> Change:
        """Copy the measures of ``from_year`` (all, or those titled ``only_titles``) into
        ``to_year``, without status history.

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
                if only_titles is not None and m.title not in only_titles:
                    continue
                m.id = None
                m.year = to_year
                m.items = [c for c in m.items if c in codes]
                m.indicators = [n for n in m.indicators if fw.indicator(n)]
                m.start = _shift(m.start, shift)
                m.end = _shift(m.end, shift)
                self.save_measure(m)
                count += 1
        return change(Area.MEASURES, Area.STATUS, count=count)

    # ----------------------------------------------------------------- status
    def status_updates(self, measure_id: int) -> list[StatusUpdate]:
        return rows.status_updates(self.db, measure_id)

    def add_status(self, u: StatusUpdate) -> Change:
        v.check_choice("สถานะ", u.status, v.STATUS_TH)
        v.check_choice("รอบการรายงาน", u.round, v.ROUNDS_TH)
        progress = v.parse_progress("ความก้าวหน้า (ร้อยละ)", u.progress)
        if u.status == Status.DONE:
            progress = 100
        self.measure(u.measure_id)
        with self._write("บันทึกสถานะการดำเนินงาน") as db:
            u.id = db.table("status_updates").insert({
                "measure_id": u.measure_id, "date": u.date.isoformat(), "round": str(u.round),
                "status": str(u.status), "progress": progress, "note": u.note.strip()}).last_pk
        return change(Area.STATUS, id=u.id)

    def delete_status(self, update_id: int) -> Change:
        with self._write("ลบสถานะการดำเนินงาน") as db:
            db.execute("DELETE FROM status_updates WHERE id=?", [update_id])
        return change(Area.STATUS)

    # ------------------------------------------------------------------ memos
    def memos(self, year: int) -> list[Memo]:
        return rows.memos(self.db, year=year)

    def memo(self, memo_id: int) -> Memo:
        return rows.memo(self.db, memo_id)

    def save_memo(self, m: Memo) -> Change:
        self.require_year(m.year)
        v.check_choice("รูปแบบตารางสถานะ", m.table_style, ("three", "one"))
        v.check_choice("รอบการรายงาน", m.status_round, tuple(Round))
        row = {"year": m.year, "agency": m.agency.strip(), "number": m.number.strip(), "date": _iso(m.date),
               "subject": m.subject.strip(), "salutation": m.salutation.strip(), "closing": m.closing.strip(),
               "signer_name": m.signer_name.strip(), "signer_position": m.signer_position.strip(),
               "table_style": m.table_style, "include_table": int(m.include_table), "status_round": str(m.status_round),
               "comment_block": int(m.comment_block)}
        with self._write("บันทึกบันทึกข้อความ") as db:
            if m.id is None:
                m.id = db.table("memos").insert(row).last_pk
            else:
                db.table("memos").update(m.id, row)
                db.execute("DELETE FROM memo_paragraphs WHERE memo_id=?", [m.id])
            db.table("memo_paragraphs").insert_all(
                [{"memo_id": m.id, "sort": n, "text": p} for n, p in enumerate(m.paragraphs) if p.strip()])
        return change(Area.MEMOS, id=m.id)

    def delete_memo(self, memo_id: int) -> Change:
        with self._write("ลบบันทึกข้อความ") as db:
            db.execute("DELETE FROM memos WHERE id=?", [memo_id])
        return change(Area.MEMOS)


def upsert(db, table: str, row: dict, pk: str | tuple[str, ...]) -> None:
    """Insert ``row`` or update the one with its primary key — the one way itadesk upserts.

    ``INSERT … ON CONFLICT DO UPDATE`` changes an existing row in place, so the
    undo triggers see an update (not a delete and an insert) and the rowid stays."""
    keys = (pk,) if isinstance(pk, str) else pk
    cols = list(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in keys) or f"{keys[0]} = excluded.{keys[0]}"
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
               f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}", [row[c] for c in cols])
