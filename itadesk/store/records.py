"""The year's records: texts, analyses, limitations, measures, status updates, memos.

A mixin of :class:`~itadesk.store.store.Store` (kept apart so each module stays
small). Every write is one transaction and one undo step and returns one
:class:`~itadesk.domain.vocab.Change`.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from collections.abc import Iterator
from contextlib import contextmanager

from ..domain import labels
from ..domain import validation as v
from ..domain.models import Analysis, Limitation, Measure, Memo, StatusUpdate, Step
from ..domain.vocab import Area, Change, Round, Status, change
from ..errors import ValidationError
from . import rows
from .ordering import reordered, write_order


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

    _accept_unusual = False
    _notes: list[str] | None = None

    # ------------------------------------------------------------ checking
    @contextmanager
    def accepting_unusual(self) -> Iterator[None]:
        """Writes in this block keep a date far from its fiscal year (the clerk said yes)."""
        self._accept_unusual = True
        try:
            yield
        finally:
            self._accept_unusual = False

    def take_notes(self) -> list[str]:
        """Thai notes of the writes since the last call (a Buddhist year typed as a Christian one, converted)."""
        notes, self._notes = self._notes or [], []
        return notes

    def _date(self, field: str, day, year: int) -> _dt.date | None:
        """A date of a record of assessment year ``year``: in range (a BE year given as CE converted,
        with a note), and near the year unless the clerk accepted it."""
        day, note = v.check_date(field, day)
        if note:
            self._notes = (self._notes or []) + [note]
        v.check_near(field, day, year, accept_unusual=self._accept_unusual)
        return day

    # ------------------------------------------------------------------ texts
    def text(self, year: int, key: str) -> str:
        return rows.texts(self.db, year).get(key, "")

    def set_text(self, year: int, key: str, body: str) -> Change:
        self.require_year(year)
        v.check_text("ข้อความ", body)
        with self._write("แก้ไขข้อความ") as db:
            upsert(db, "texts", {"year": year, "key": key, "body": body}, ("year", "key"))
        return change(Area.ANALYSIS)

    # --------------------------------------------------------------- analysis
    def analyses(self, year: int) -> list[Analysis]:
        return rows.analyses(self.db, year)

    def save_analysis(self, a: Analysis) -> Change:
        self.require_year(a.year)
        v.check_texts(a, labels.ANALYSIS_FIELDS)
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
        v.check_texts(lim, labels.LIMITATION_FIELDS)
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
        for lim in limits:
            v.check_texts(lim, labels.LIMITATION_FIELDS)
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
        """Insert (id None) or update a measure with its steps, units, links and evidence.

        An update rewrites only what differs from the stored measure (read inside the
        write's transaction): its undo step sets back only that, and a list that did not
        change keeps its rows."""
        self.require_year(m.year)
        v.check_texts(m, labels.MEASURE_FIELDS)
        title = v.require_text(labels.MEASURE_FIELDS["title"], m.title)
        v.check_choice(labels.MEASURE_FIELDS["kind"], m.kind, v.MEASURE_KINDS)
        budget = v.check_budget(labels.MEASURE_FIELDS["budget"], m.budget)
        start = self._date(labels.MEASURE_FIELDS["start"], m.start, m.year)
        end = self._date(labels.MEASURE_FIELDS["end"], m.end, m.year)
        if start and end and end < start:
            raise ValidationError("ระยะเวลา", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "end before start")
        m.start, m.end, m.budget = start, end, budget
        row = {"year": m.year, "title": title, "kind": m.kind, "issue": m.issue, "start": _iso(start), "end": _iso(end),
               "period_text": m.period_text.strip(), "monitoring": m.monitoring, "target": m.target, "budget": budget}
        with self._write(f"บันทึกมาตรการ “{title[:30]}”") as db:
            if m.id is None:
                row["sort"] = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM measures WHERE year=?", [m.year]).fetchone()[0]
                m.id = db.table("measures").insert(row).last_pk
                stored = Measure(m.id, m.year, title)
            else:
                stored = rows.measure(db, m.id)
                row["sort"] = m.sort
                db.table("measures").update(m.id, row)
            steps = _steps(m)
            if [dataclasses.astuple(s) for s in steps] != [dataclasses.astuple(s) for s in _steps(stored)]:
                db.execute("DELETE FROM measure_steps WHERE measure_id=?", [m.id])
                db.table("measure_steps").insert_all(
                    [{"measure_id": m.id, "sort": n, "text": s.text, "unit": s.unit.strip(), "period": s.period.strip(),
                      "monitoring": s.monitoring.strip(), "status_text": s.status_text.strip()} for n, s in enumerate(steps)])
            issue_id = self._issue_id(m.year, m.issue)
            if issue_id != stored.issue_id:
                db.execute("UPDATE measures SET issue_id=? WHERE id=?", [issue_id, m.id])
                if stored.issue_id is not None:
                    # the issue this measure left, made by typing its name ("กระบวนการ", "กระบวนการปฏิ…" at
                    # each pause), goes when no measure is in it and the clerk gave it no detail of its own
                    db.execute("DELETE FROM issues WHERE id = ? AND detail = '' AND id NOT IN "
                               "(SELECT issue_id FROM measures WHERE issue_id IS NOT NULL)", [stored.issue_id])
            units = list(dict.fromkeys(u.strip() for u in m.units if u.strip()))
            if units != stored.units:
                db.execute("DELETE FROM measure_units WHERE measure_id=?", [m.id])
                for n, name in enumerate(units):
                    db.table("measure_units").insert({"measure_id": m.id, "unit_id": self.unit_id(name), "sort": n})
                self._drop_unused_units()
            indicators = list(dict.fromkeys(m.indicators))
            if sorted(indicators) != sorted(stored.indicators):
                db.execute("DELETE FROM measure_indicators WHERE measure_id=?", [m.id])
                for no in indicators:
                    db.table("measure_indicators").insert({"measure_id": m.id, "indicator_id": self._id("indicators", m.year, "no", no)})
            items = list(dict.fromkeys(m.items))
            if sorted(items) != sorted(stored.items):
                db.execute("DELETE FROM measure_items WHERE measure_id=?", [m.id])
                # "o14" and "O14" name one item: link it once
                for item_id in dict.fromkeys(self._id("items", m.year, "code", code) for code in items):
                    db.table("measure_items").insert({"measure_id": m.id, "item_id": item_id})
            kept = [e for e in m.evidence if e.title.strip() or e.link.strip()]
            if kept != stored.evidence:
                db.execute("DELETE FROM evidence WHERE measure_id=?", [m.id])
                db.table("evidence").insert_all([{"measure_id": m.id, "title": e.title, "link": e.link, "sort": n}
                                                 for n, e in enumerate(kept)])
        return change(Area.MEASURES, Area.STATUS, id=m.id)

    def delete_measure(self, measure_id: int) -> Change:
        with self._write("ลบมาตรการ") as db:
            db.execute("DELETE FROM measures WHERE id=?", [measure_id])
            self._drop_unused_units()
        return change(Area.MEASURES, Area.STATUS, Area.OFFICE)

    def move_measure(self, measure_id: int, offset: int) -> Change:
        m = self.measure(measure_id)
        ids = [r[0] for r in self.db.execute("SELECT id FROM measures WHERE year=? ORDER BY sort, id", [m.year])]
        with self._write("เลื่อนลำดับมาตรการ") as db:
            write_order(db, "measures", reordered(ids, measure_id, offset))
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
        note = v.check_text("หมายเหตุ", u.note)
        if u.status == Status.DONE:
            progress = 100
        measure = self.measure(u.measure_id)
        if u.date is None:
            raise ValidationError("วันที่รายงาน", "ต้องระบุวันที่", "a date is required")
        u.date = self._date("วันที่รายงาน", u.date, measure.year)
        with self._write("บันทึกสถานะการดำเนินงาน") as db:
            u.id = db.table("status_updates").insert({
                "measure_id": u.measure_id, "date": u.date.isoformat(), "round": str(u.round),
                "status": str(u.status), "progress": progress, "note": note.strip()}).last_pk
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
        v.check_texts(m, labels.MEMO_FIELDS)
        m.date = self._date(labels.MEMO_FIELDS["date"], m.date, m.year)
        row = {"year": m.year, "agency": m.agency.strip(), "number": m.number.strip(), "date": _iso(m.date),
               "subject": m.subject.strip(), "salutation": m.salutation.strip(), "closing": m.closing.strip(),
               "signer_name": m.signer_name.strip(), "signer_position": m.signer_position.strip(),
               "table_style": m.table_style, "include_table": int(m.include_table), "status_round": str(m.status_round),
               "comment_block": int(m.comment_block)}
        with self._write("บันทึกบันทึกข้อความ") as db:
            paragraphs = [p for p in m.paragraphs if p.strip()]
            if m.id is None:
                m.id = db.table("memos").insert(row).last_pk
                stored: list[str] = []
            else:
                stored = rows.memo(db, m.id).paragraphs
                db.table("memos").update(m.id, row)
            if paragraphs != stored:  # unchanged paragraphs keep their rows (and stay out of the undo step)
                db.execute("DELETE FROM memo_paragraphs WHERE memo_id=?", [m.id])
                db.table("memo_paragraphs").insert_all([{"memo_id": m.id, "sort": n, "text": p} for n, p in enumerate(paragraphs)])
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
