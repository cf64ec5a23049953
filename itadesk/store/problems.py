"""Stored values the program cannot use, found so the clerk can see and fix them.

A file written by an older itadesk, another program or a script may hold a
strength threshold "abc", a budget of infinity or a date in the wrong era. None of
them may lock the clerk out: reads fall back (the default threshold, the date read
as the Buddhist year it was meant as, an unreadable date as none) and each such
value is listed here, with a Thai message, where it lives and how to fix it. The
window shows the list; every document still exports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlite_utils import Database

from ..domain import labels
from ..domain import validation as v
from ..errors import ValidationError
from .settings import DEFAULTS


@dataclass(frozen=True)
class StoredProblem:
    place: str  # the tab where it is fixed: "หน่วยงาน", "มาตรการ", "สถานะ", "บันทึกข้อความ"
    where: str  # the record, in Thai ("มาตรการ “…”")
    field: str  # the field's Thai label
    value: str  # what the file holds
    message: str  # why it cannot be used, and what the program does meanwhile
    record_id: int | None = None

    def text(self) -> str:
        return f"{self.where} — {self.message} (แก้ไขได้ที่แท็บ {self.place})"


def settings_problems(db: Database) -> list[StoredProblem]:
    out = []
    for key, value in db.execute("SELECT key, value FROM settings").fetchall():
        if key not in v.SETTING_LABELS:
            continue  # a setting of a newer itadesk: not ours to judge
        try:
            v.check_setting(key, value)
        except ValidationError as err:
            label = v.SETTING_LABELS[key]
            out.append(StoredProblem("หน่วยงาน", "การตั้งค่าเอกสาร", label, str(value),
                                     f"{err.message_th} (ค่าที่บันทึกไว้ “{value}”) โปรแกรมใช้ค่าเริ่มต้น {DEFAULTS[key]} แทน"))
    return out


def _date_problem(out: list, place: str, where: str, field: str, text, record_id: int) -> None:
    _day, message = v.stored_date(field, text)
    if message:
        out.append(StoredProblem(place, where, field, str(text), message, record_id))


def year_problems(db: Database, year: int) -> list[StoredProblem]:
    """Every value of ``year`` (and the office's settings) that the program cannot use as stored."""
    out = settings_problems(db)
    m_start, m_end, m_budget = (labels.MEASURE_FIELDS[k] for k in ("start", "end", "budget"))
    for mid, title, start, end, budget in db.execute(
            "SELECT id, title, start, end, budget FROM measures WHERE year = ? ORDER BY sort, id", [year]):
        where = f"มาตรการ “{title[:40]}”"
        _date_problem(out, "มาตรการ", where, m_start, start, mid)
        _date_problem(out, "มาตรการ", where, m_end, end, mid)
        if budget is not None and (not isinstance(budget, int | float) or not math.isfinite(budget) or not 0 <= budget <= v.MAX_BUDGET):
            out.append(StoredProblem("มาตรการ", where, m_budget, str(budget),
                                     f"{m_budget}: ค่าที่บันทึกไว้ “{budget}” ใช้ไม่ได้ กรุณากรอกงบประมาณใหม่", mid))
    for uid, title, day in db.execute(
            "SELECT u.id, m.title, u.date FROM status_updates u JOIN measures m ON m.id = u.measure_id "
            "WHERE m.year = ? ORDER BY m.sort, u.id", [year]):
        _date_problem(out, "สถานะ", f"รายงานสถานะของ “{title[:40]}”", "วันที่รายงาน", day, uid)
    for memo_id, subject, day in db.execute("SELECT id, subject, date FROM memos WHERE year = ? ORDER BY id", [year]):
        _date_problem(out, "บันทึกข้อความ", f"บันทึกข้อความ “{subject[:40]}”", labels.MEMO_FIELDS["date"], day, memo_id)
    return out
