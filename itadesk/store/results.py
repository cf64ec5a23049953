"""The year's rules and its published result, written field by field.

A mixin of :class:`~itadesk.store.store.Store`. The rules (pass mark, tool
weights, EIT from its parts, levels with their floors and explanations, result
categories) decide what ``domain.results`` computes; the statement is what the
clerk copied from the published result. Each edit is one undo step; typing in
one field for a while joins one step (``merge_key``).
"""

from __future__ import annotations

import datetime as _dt

from ..domain import validation as v
from ..domain.results import VERDICTS, Rank, Statement, ToolRule
from ..domain.thai_dates import parse_iso, parse_thai_date
from ..domain.thai_numbers import to_arabic_digits
from ..domain.vocab import Area, Change, change
from ..errors import NotFoundError, ValidationError
from .frameworks import default_framework
from .ordering import reordered, write_order
from .sqlite import Database

RESULT_FIELDS: dict[str, str] = {
    "published": "วันที่ประกาศผล",
    "rank_district": "ลำดับในอำเภอ",
    "rank_district_of": "จำนวนหน่วยงานในอำเภอ",
    "rank_province": "ลำดับในจังหวัด",
    "rank_province_of": "จำนวนหน่วยงานในจังหวัด",
    "level_stated": "ระดับผลการประเมินที่ประกาศ",
    "category_stated": "ผลการประเมินที่ประกาศ",
}
LEVEL_FIELDS: dict[str, str] = {
    "name": "ชื่อระดับ", "min": "คะแนนภาพรวมต่ำสุด", "max": "คะแนนภาพรวมสูงสุด",
    "tool_min": "คะแนนขั้นต่ำทุกเครื่องมือ", "explanation": "คำอธิบายระดับ",
}
CATEGORY_FIELDS: dict[str, str] = {
    "name": "ชื่อผลการประเมิน", "overall_min": "คะแนนภาพรวมตั้งแต่", "overall_max": "คะแนนภาพรวมไม่เกิน",
    "tools": "เงื่อนไขรายเครื่องมือ",
}
RULE_AREAS = (Area.FRAMEWORK, Area.SCORES, Area.ANALYSIS)  # a rule changes levels, verdicts and drafted text


def read_statement(db: Database, year: int) -> Statement:
    row = db.execute("SELECT published, rank_district, rank_district_of, rank_province, rank_province_of, level_stated, "
                     "category_stated FROM years WHERE year=?", [year]).fetchone()
    if row is None:
        return Statement()
    verdicts = dict(db.execute("SELECT code, stated_verdict FROM tools WHERE year=? AND stated_verdict != ''", [year]).fetchall())
    return Statement(parse_iso(row[0]), Rank(row[1], row[2]) if row[1] else None, Rank(row[3], row[4]) if row[3] else None,
                     row[5], row[6], verdicts)


def parse_count(field: str, value: object) -> int | None:
    """A place or a count ("2", "๗๖"); empty means not stated."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(to_arabic_digits(str(value)).strip())
    except ValueError:
        raise ValidationError(field, "ต้องเป็นจำนวนเต็ม เช่น ๒", "must be a whole number") from None
    if number < 1 or number > 100_000:
        raise ValidationError(field, "ต้องเป็นจำนวนเต็มตั้งแต่ ๑ ขึ้นไป", "must be 1 or more")
    return number


def parse_day(field: str, value: object) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    if not str(value).strip():
        return None
    try:
        return parse_thai_date(str(value))
    except ValueError:
        raise ValidationError(field, f"“{value}” ไม่ใช่วันที่ (เช่น ๘/๓/๒๕๖๗)", f"{value!r} is not a date") from None


def _weight(field: str, value: object) -> float | None:
    return v.parse_score(field, value)


class ResultWrites:
    """Needs the Store's ``db``, ``_write``, ``require_year`` and ``framework``."""

    # -------------------------------------------------------------- statement
    def statement(self, year: int) -> Statement:
        self.require_year(year)
        return read_statement(self.db, year)

    def edit_result(self, year: int, field: str, value) -> Change:
        """One field of what was published: date, ranks, stated level or category."""
        self.require_year(year)
        if field not in RESULT_FIELDS:
            raise KeyError(field)
        label = RESULT_FIELDS[field]
        if field == "published":
            day = parse_day(label, value)
            stored: object = day.isoformat() if day else None
        elif field.startswith("rank_"):
            stored = parse_count(label, value)
            place_col, of_col = (field.removesuffix("_of"), field if field.endswith("_of") else field + "_of")
            place, total = self.db.execute(f"SELECT {place_col}, {of_col} FROM years WHERE year=?", [year]).fetchone()
            place, total = (stored, total) if field == place_col else (place, stored)
            if place and total and place > total:
                raise ValidationError(label, f"ลำดับที่ {place} มากกว่าจำนวนทั้งหมด {total} แห่ง", "place beyond the total")
        else:
            stored = str(value or "").strip()
        with self._write(f"แก้ไข{label} ปี {year}", merge_key=f"result:{year}:{field}") as db:
            db.execute(f"UPDATE years SET {field}=? WHERE year=?", [stored, year])
        return change(Area.SCORES, Area.ANALYSIS)

    def set_tool_verdict(self, year: int, code: str, stated: str) -> Change:
        """The verdict of tool ``code`` as published (ผ่าน / ไม่ผ่าน; "" to follow the computed one)."""
        stated = (stated or "").strip()
        if stated and stated not in VERDICTS:
            raise ValidationError(f"ผลที่ประกาศของ {code}", "เลือก “ผ่าน” หรือ “ไม่ผ่าน” (หรือเว้นว่าง)", "ผ่าน or ไม่ผ่าน")
        self._tool_row(year, code)
        with self._write(f"แก้ไขผลที่ประกาศของ {code} ปี {year}") as db:
            db.execute("UPDATE tools SET stated_verdict=? WHERE year=? AND code=?", [stated, year, code])
        return change(Area.SCORES)

    # ------------------------------------------------------------------ rules
    def set_pass_mark(self, year: int, value) -> Change:
        self.require_year(year)
        mark = v.parse_score("เกณฑ์ผ่าน", value, allow_empty=False)
        with self._write(f"แก้ไขเกณฑ์ผ่านปี {year}", merge_key=f"rules:{year}:pass_mark") as db:
            db.execute("UPDATE years SET pass_mark=? WHERE year=?", [mark, year])
        return change(*RULE_AREAS)

    def set_tool_weight(self, year: int, code: str, value) -> Change:
        weight = _weight(f"น้ำหนักของ {code}", value)
        self._tool_row(year, code)
        with self._write(f"แก้ไขน้ำหนักของ {code} ปี {year}", merge_key=f"rules:{year}:weight:{code}") as db:
            db.execute("UPDATE tools SET weight=? WHERE year=? AND code=?", [weight, year, code])
        return change(*RULE_AREAS)

    def set_eit_from_parts(self, year: int, on: bool) -> Change:
        self.require_year(year)
        with self._write(f"แก้ไขวิธีคำนวณ EIT ปี {year}") as db:
            db.execute("UPDATE years SET eit_from_parts=? WHERE year=?", [int(bool(on)), year])
        return change(*RULE_AREAS)

    def _tool_row(self, year: int, code: str) -> int:
        row = self.db.execute("SELECT id FROM tools WHERE year=? AND code=?", [year, code]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่มีเครื่องมือ {code} ในปี {year}", f"no tool {code} in {year}")
        return row[0]

    # ----------------------------------------------------------------- levels
    def add_level(self, year: int) -> Change:
        self.require_year(year)
        with self._write(f"เพิ่มระดับผลการประเมินปี {year}") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM levels WHERE year=?", [year]).fetchone()[0]
            lid = db.table("levels").insert({"year": year, "name": "ระดับใหม่", "min": 0.0, "max": 0.0, "sort": sort}).last_pk
        return change(*RULE_AREAS, id=lid)

    def edit_level(self, level_id: int, field: str, value) -> Change:
        row = self._row("levels", level_id, "name, min, max, year")
        label = LEVEL_FIELDS[field]
        if field == "name":
            stored: object = v.require_text(label, value)
        elif field == "explanation":
            stored = str(value or "").strip()
        else:
            stored = v.parse_score(label, value, allow_empty=field == "tool_min")
            low, high = (stored, row[2]) if field == "min" else ((row[1], stored) if field == "max" else (None, None))
            if low is not None and high is not None and low > high:
                raise ValidationError(label, "คะแนนต่ำสุดต้องไม่มากกว่าคะแนนสูงสุดของระดับ", "min above max")
        with self._write(f"แก้ไข{label} “{row[0]}”", merge_key=f"level:{level_id}:{field}") as db:
            db.execute(f"UPDATE levels SET {field}=? WHERE id=?", [stored, level_id])
        return change(*RULE_AREAS, id=level_id)

    def delete_level(self, level_id: int) -> Change:
        name = self._row("levels", level_id, "name")[0]
        with self._write(f"ลบระดับ “{name}”") as db:
            db.execute("DELETE FROM levels WHERE id=?", [level_id])
        return change(*RULE_AREAS)

    def move_level(self, level_id: int, offset: int) -> Change:
        return self._move("levels", level_id, offset, "เลื่อนลำดับระดับผลการประเมิน")

    # ------------------------------------------------------------- categories
    def add_category(self, year: int) -> Change:
        self.require_year(year)
        with self._write(f"เพิ่มผลการประเมินปี {year}") as db:
            sort = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM categories WHERE year=?", [year]).fetchone()[0]
            cid = db.table("categories").insert({"year": year, "name": "ผลการประเมินใหม่", "tools": "any", "sort": sort}).last_pk
        return change(*RULE_AREAS, id=cid)

    def edit_category(self, category_id: int, field: str, value) -> Change:
        row = self._row("categories", category_id, "name, overall_min, overall_max")
        label = CATEGORY_FIELDS[field]
        if field == "name":
            stored: object = v.require_text(label, value)
        elif field == "tools":
            stored = v.check_choice(label, str(value), tuple(ToolRule))
        else:
            stored = v.parse_score(label, value)
            low, high = (stored, row[2]) if field == "overall_min" else (row[1], stored)
            if low is not None and high is not None and low > high:
                raise ValidationError(label, "คะแนนตั้งแต่ต้องไม่มากกว่าคะแนนไม่เกิน", "min above max")
        with self._write(f"แก้ไข{label} “{row[0]}”", merge_key=f"category:{category_id}:{field}") as db:
            db.execute(f"UPDATE categories SET {field}=? WHERE id=?", [stored, category_id])
        return change(*RULE_AREAS, id=category_id)

    def delete_category(self, category_id: int) -> Change:
        name = self._row("categories", category_id, "name")[0]
        with self._write(f"ลบผลการประเมิน “{name}”") as db:
            db.execute("DELETE FROM categories WHERE id=?", [category_id])
        return change(*RULE_AREAS)

    def move_category(self, category_id: int, offset: int) -> Change:
        return self._move("categories", category_id, offset, "เลื่อนลำดับผลการประเมิน")

    # ------------------------------------------------------------------ reset
    def reset_rules(self, year: int) -> Change:
        """The year's rules as shipped (pass mark, weights, EIT rule, levels, categories); scores stay."""
        self.require_year(year)
        fw = default_framework(year, eit_parts=True)
        with self._write(f"คืนค่าเกณฑ์เริ่มต้นของปี {year}") as db:
            db.execute("UPDATE years SET pass_mark=?, eit_from_parts=? WHERE year=?", [fw.pass_mark, int(fw.eit_from_parts), year])
            for t in fw.tools:
                db.execute("UPDATE tools SET weight=? WHERE year=? AND code=?", [t.weight, year, t.code])
            db.execute("DELETE FROM levels WHERE year=?", [year])
            db.execute("DELETE FROM categories WHERE year=?", [year])
            db.table("levels").insert_all([{"year": year, "name": lv.name, "min": lv.min, "max": lv.max, "tool_min": lv.tool_min,
                                            "sort": lv.sort, "explanation": lv.explanation} for lv in fw.levels])
            db.table("categories").insert_all([{"year": year, "name": c.name, "overall_min": c.overall_min, "overall_max": c.overall_max,
                                                "tools": str(c.tools), "sort": c.sort} for c in fw.categories])
        return change(*RULE_AREAS)

    # ---------------------------------------------------------------- helpers
    def _row(self, table: str, row_id: int, columns: str) -> tuple:
        row = self.db.execute(f"SELECT {columns} FROM {table} WHERE id=?", [row_id]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบรายการรหัส {row_id}", f"no {table} row {row_id}")
        return row

    def _move(self, table: str, row_id: int, offset: int, label: str) -> Change:
        year = self._row(table, row_id, "year")[0]
        ids = [r[0] for r in self.db.execute(f"SELECT id FROM {table} WHERE year=? ORDER BY sort, id", [year])]
        moved = reordered(ids, row_id, offset)
        if moved != ids:
            with self._write(label) as db:
                write_order(db, table, moved)
        return change(*RULE_AREAS, id=row_id)
