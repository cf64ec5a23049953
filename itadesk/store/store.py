"""The one facade over the SQLite file. Every write is one transaction and one undo step.

Reads map rows in ``rows``; the year's records are written by the ``RecordWrites``
mixin; ``year_view`` builds the one view of a year that the window and every
document read. Write methods return one ``Change`` (the areas touched, the id
saved) so that a window refreshes only what shows them.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from ..atomic import atomic_path, write_error
from ..domain import labels
from ..domain import validation as v
from ..domain.models import Framework, Item, Office, Scores, Signer, Unit
from ..domain.results import with_defaults
from ..domain.vocab import ALL_AREAS, Area, Change, change
from ..domain.year import YearView
from ..errors import DatabaseError, ItadeskError, NotFoundError, ValidationError
from . import connect, opening, rows, schema, settings, undo
from . import lock as lock_mod
from .bulk import BulkWrites
from .edits import FieldEdits
from .evidence import EvidenceWrites
from .frameworks import default_framework
from .issues import IssueWrites
from .outlines import OutlineWrites
from .plans import PlanWrites
from .records import RecordWrites, upsert
from .results import ResultWrites
from .sqlite import Database
from .transactions import Transactions
from .year_view import load_year

AREAS = tuple(Area)  # every area, for a refresh of everything (undo, another file)


class Store(Transactions, RecordWrites, FieldEdits, BulkWrites, ResultWrites, PlanWrites, EvidenceWrites, OutlineWrites,
            IssueWrites):
    """An open itadesk database. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, db: Database, path: Path | None):
        self.db = db
        self.path = path
        self._depth = 0  # nested writes join the outer undo step

    # ---------------------------------------------------------------- opening
    readonly = False  # opened for reading: every write raises ReadOnlyError
    readonly_reason = ""  # Thai: why (a read-only file, another window editing it)
    notes: tuple[str, ...] = ()  # Thai sentences for the clerk (a backup made before an upgrade)

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True, readonly: bool = False,
             lock: bool = True) -> Store:
        """Open ``path``; ``None`` opens a fresh in-memory database.

        For editing (the default) the file gets this process's edit lock
        (:class:`~itadesk.errors.FileInUseError` when another itadesk edits it; ``lock=False``
        for a script that shares the file deliberately) and is migrated, after a copy of it
        is made beside it. ``readonly`` opens with SQLite ``mode=ro`` and writes nothing,
        ever; a file that needs an upgrade is upgraded in a copy in memory.
        ``create=False`` refuses a missing or empty file instead of making a database."""
        if path is None:
            store = cls(Database(memory=True, execute_plugins=False), None)
            store.owner = lock_mod.SESSION
            store.db.execute("PRAGMA foreign_keys = ON")
            store._upgrade()
            return store
        file = Path(path)
        opened = opening.open_for_reading(file) if readonly else opening.open_for_editing(file, create=create, take_lock=lock)
        store = cls(Database(opened.conn, execute_plugins=False), file)
        store._lock = opened.lock
        store.readonly = opened.readonly
        # a script sharing the file without the lock is an undo owner of its own
        store.owner = lock_mod.SESSION if opened.lock is not None or readonly else uuid.uuid4().hex
        try:
            if not readonly:
                store.db.execute("PRAGMA foreign_keys = ON")
                # a clerk copies the one file to a USB stick: keep the classic journal, not WAL
                store.db.execute("PRAGMA synchronous = FULL")
            store._upgrade(in_memory_copy=opened.in_memory_copy)
            if opened.lock is not None:
                taken = opened.lock.taken_over
                with store._tx():
                    undo.adopt(store.db, store.owner, [taken.session] if taken else [])
        except BaseException:
            store.close()
            raise
        return store

    def _upgrade(self, *, in_memory_copy: bool = False) -> None:
        try:
            applied = schema.applied_count(self.db)
            tables = self.db.table_names()
        except sqlite3.DatabaseError as err:
            raise connect.translate(err, self.path) from err
        if applied > schema.SCHEMA_VERSION:
            raise DatabaseError(
                f"ไฟล์ {self.path or 'นี้'} สร้างด้วย itadesk รุ่นที่ใหม่กว่า กรุณาปรับรุ่นโปรแกรม",
                f"schema {applied} is newer than this itadesk ({schema.SCHEMA_VERSION})",
            )
        if applied == 0 and tables and "office" not in tables:
            raise DatabaseError(f"ไฟล์ {self.path or ''} ไม่ใช่ฐานข้อมูล itadesk".replace("  ", " "), "not an itadesk database")
        pending = applied < schema.SCHEMA_VERSION
        if self.readonly:
            if applied == 0:
                raise DatabaseError(f"ไฟล์ {self.path} ยังไม่มีข้อมูล itadesk (ฐานข้อมูลว่าง)", "empty database")
            if pending or not undo.triggers_current(self.db):
                # reading never writes: an older file is upgraded in a copy in memory
                if not in_memory_copy:
                    memory = sqlite3.connect(":memory:", check_same_thread=False)
                    self.db.conn.backup(memory)
                    self.db.conn.close()
                    self.db = Database(memory, execute_plugins=False)
                self._migrate(pending=pending)
            return
        if pending and applied > 0 and self.path is not None:
            backup = opening.migration_backup(self.db.conn, self.path, applied)
            self.notes = (f"ปรับโครงสร้างไฟล์ให้ตรงกับโปรแกรมรุ่นนี้แล้ว ไฟล์เดิมสำรองไว้ที่ {backup}",)
        self._migrate(pending=pending)
        if self.db.table("office").count == 0:
            with self._tx():
                undo.set_active(self.db, False)
                self.db.table("office").insert({"id": 1})
                undo.set_active(self.db, True)

    def _migrate(self, *, pending: bool) -> None:
        """Migrations run with the journal off; then the undo triggers are made to match
        the live schema. A schema change forgets the old steps: their inverse SQL was
        written for the columns of before."""
        if not pending and undo.triggers_current(self.db):
            return
        with self._tx():
            undo.set_active(self.db, False)
        try:
            schema.migrate(self.db)
        except sqlite3.Error as err:
            raise connect.translate(err, self.path) from err
        with self._tx():
            undo.install_triggers(self.db)
            if pending:
                undo.forget(self.db)
            else:
                undo.drop_orphans(self.db)
            undo.set_active(self.db, True)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if not self.readonly and (self._lock is None or self._lock.count == 1):
                with self._tx():  # the next editor of the file inherits this session's undo steps
                    undo.release(self.db, self.owner)
        except (ItadeskError, sqlite3.Error):
            pass  # a full disk or a file made read-only meanwhile: the steps stay with this session
        finally:
            self.db.close()
            if self._lock is not None:
                lock_mod.release(self._lock)
                self._lock = None

    closed = False
    _lock = None
    owner = lock_mod.SESSION

    def backup(self, target: str | Path, *, overwrite: bool = False) -> Path:
        """A consistent copy of the whole database (SQLite online backup), written atomically."""
        try:
            with atomic_path(target, overwrite=overwrite) as tmp:
                dest = sqlite3.connect(tmp)
                try:
                    self.db.conn.backup(dest)
                finally:
                    dest.close()
        except sqlite3.Error as err:
            raise connect.translate(err, Path(target)) from err
        except OSError as err:
            raise write_error(Path(target), err) from err
        return Path(target)

    def view(self, year: int) -> YearView:
        """The one view of ``year`` that the window and the documents read."""
        return load_year(self.db, year)

    # --------------------------------------------------------------- settings
    def setting(self, key: str) -> str:
        return settings.read(self.db, key)

    def set_setting(self, key: str, value: str) -> Change:
        text = v.check_setting(key, value)
        with self._write(f"เปลี่ยน{v.SETTING_LABELS[key]}", merge_key=f"setting:{key}") as db:
            upsert(db, "settings", {"key": key, "value": text}, "key")
        return change(Area.SETTINGS)

    def ui_state(self, key: str) -> str:
        """Window state kept with the file (the year shown); never an undo step."""
        return settings.ui_state(self.db, key)

    def set_ui_state(self, key: str, value: str) -> None:
        if self.readonly:
            return  # the year shown is not worth a write to a file opened for reading
        with self._tx():
            settings.set_ui_state(self.db, key, value)

    def setting_problems(self) -> list:
        """Stored preferences the program cannot use (shown beside their fields, with how to fix them)."""
        from .problems import settings_problems

        return settings_problems(self.db)

    @property
    def thai_digits(self) -> bool:
        return self.setting("thai_digits") == "1"

    @property
    def strength_threshold(self) -> float:
        return settings.threshold(self.setting("strength_threshold"))

    # ----------------------------------------------------------------- office
    def office(self) -> Office:
        return rows.office(self.db)

    def save_office(self, office: Office) -> Change:
        v.check_choice("ประเภทหน่วยงาน", office.kind, v.OFFICE_KINDS)
        v.check_texts(office, labels.OFFICE_FIELDS)
        with self._write("แก้ไขข้อมูลหน่วยงาน") as db:
            db.table("office").update(1, {
                "name": office.name.strip(), "kind": office.kind, "amphoe": office.amphoe.strip(),
                "province": office.province.strip(), "phone": office.phone.strip(),
                "address": office.address.strip(), "website": office.website.strip(),
                "doc_prefix": office.doc_prefix.strip(), "emblem_png": office.emblem_png,
            })
        return change(Area.OFFICE)

    def units(self) -> list[Unit]:
        return rows.units(self.db)

    def unit_id(self, name: str, *, declared: bool = False) -> int:
        """Id of unit ``name``, created when new (inside the caller's transaction).

        ``declared``: the office lists it (the units list), rather than a measure naming it."""
        name = v.require_text("หน่วยงานผู้รับผิดชอบ", name)
        row = self.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()
        if row:
            if declared:
                self.db.execute("UPDATE units SET declared = 1 WHERE id = ? AND declared = 0", [row[0]])
            return row[0]
        sort = self.db.execute("SELECT coalesce(max(sort), 0) + 1 FROM units").fetchone()[0]
        return self.db.table("units").insert({"name": name, "sort": sort, "declared": int(declared)}).last_pk

    def _drop_unused_units(self) -> None:
        """Units only a measure named, and no measure names now (inside the caller's transaction)."""
        self.db.execute("DELETE FROM units WHERE declared = 0 AND id NOT IN (SELECT unit_id FROM measure_units)")

    def save_units(self, names: list[str]) -> Change:
        """Replace the list of units, keeping ids (and so measure links) of kept names."""
        clean = []
        for n in names:
            n = v.check_text("ส่วนราชการ/กอง", n).strip()
            if n and n not in clean:
                clean.append(n)
        with self._write("แก้ไขรายชื่อส่วนราชการ") as db:
            for sort, name in enumerate(clean):
                uid = self.unit_id(name, declared=True)
                db.table("units").update(uid, {"sort": sort})
            placeholders = ",".join("?" * len(clean)) or "''"
            db.execute(f"DELETE FROM units WHERE name NOT IN ({placeholders})", clean)
        return change(Area.OFFICE, Area.MEASURES)

    def signers(self) -> list[Signer]:
        return rows.signers(self.db)

    def save_signers(self, signers: list[Signer]) -> Change:
        with self._write("แก้ไขผู้ลงนาม") as db:
            db.execute("DELETE FROM signers")
            for sort, s in enumerate(signers):
                v.check_texts(s, labels.SIGNER_FIELDS, prefix=f"ผู้ลงนามลำดับที่ {sort + 1} ")
                name = v.require_text(f"ชื่อผู้ลงนามลำดับที่ {sort + 1}", s.name)
                db.table("signers").insert({"name": name, "position": s.position.strip(), "role": s.role, "sort": sort})
        return change(Area.OFFICE)

    # ------------------------------------------------------------------ years
    def years(self) -> list[int]:
        return rows.years(self.db)

    def has_year(self, year: int) -> bool:
        return self.db.execute("SELECT 1 FROM years WHERE year = ?", [year]).fetchone() is not None

    def require_year(self, year: int) -> None:
        if not self.has_year(year):
            raise NotFoundError(f"ไม่มีข้อมูลปี {year} ในฐานข้อมูล", f"no year {year} in the database")

    def add_year(self, year: int, *, framework: Framework | None = None, eit_parts: bool = True) -> Change:
        """Add fiscal year ``year`` with its framework (the built-in default unless given)."""
        year = v.parse_year("ปีงบประมาณ", year)
        if self.has_year(year):
            raise ValidationError("ปีงบประมาณ", f"มีปี {year} อยู่แล้ว", f"year {year} exists")
        fw = framework or default_framework(year, eit_parts=eit_parts)
        with self._write(f"เพิ่มปี {year}") as db:
            db.table("years").insert({"year": year, "pass_mark": fw.pass_mark, "unverified": int(fw.unverified), "note": fw.note,
                                      "eit_from_parts": int(fw.eit_from_parts)})
            self._write_framework(db, year, fw)
            self._copy_office_outlines(db, year)
        return change(Area.YEARS, Area.FRAMEWORK, Area.SCORES, Area.OUTLINE)

    def delete_year(self, year: int) -> Change:
        self.require_year(year)
        with self._write(f"ลบปี {year}") as db:
            db.execute("DELETE FROM years WHERE year = ?", [year])
        return Change(ALL_AREAS)

    # -------------------------------------------------------------- framework
    def _write_framework(self, db: Database, year: int, fw: Framework) -> None:
        db.table("tools").insert_all(
            [{"year": year, "code": t.code, "name_th": t.name_th, "weight": t.weight, "parent": t.parent, "sort": t.sort} for t in fw.tools])
        db.table("indicators").insert_all(
            [{"year": year, "no": i.no, "name_th": i.name_th, "tool": i.tool} for i in fw.indicators])
        db.table("items").insert_all(
            [{"year": year, "code": i.code, "tool": i.tool, "indicator": i.indicator, "title_th": i.title_th,
              "sub_indicator": i.sub_indicator, "uncertain": int(i.uncertain), "sort": i.sort} for i in fw.items])
        fw = with_defaults(fw)  # a framework built by hand gets the default explanations and categories too
        db.table("levels").insert_all(
            [{"year": year, "name": lv.name, "min": lv.min, "max": lv.max, "tool_min": lv.tool_min, "sort": lv.sort,
              "explanation": lv.explanation} for lv in fw.levels])
        db.table("categories").insert_all(
            [{"year": year, "name": c.name, "overall_min": c.overall_min, "overall_max": c.overall_max, "tools": str(c.tools),
              "sort": c.sort} for c in fw.categories])

    def framework(self, year: int) -> Framework:
        self.require_year(year)
        return rows.framework(self.db, year)

    def save_item(self, year: int, item: Item, *, old_code: str | None = None) -> Change:
        """Add or edit one question item of ``year`` (codes are unique per year)."""
        self.require_year(year)
        code = v.require_text("รหัสข้อคำถาม", v.check_text("รหัสข้อคำถาม", item.code))
        v.check_text("ข้อคำถาม", item.title_th)
        if item.tool not in {t.code for t in self.framework(year).tools}:
            raise ValidationError("เครื่องมือ", f"ไม่มีเครื่องมือ {item.tool} ในปี {year}")
        with self._write(f"แก้ไขข้อคำถาม {code}") as db:
            row = {"year": year, "code": code, "tool": item.tool, "indicator": item.indicator,
                   "title_th": item.title_th.strip(), "sub_indicator": item.sub_indicator,
                   "uncertain": int(item.uncertain), "sort": item.sort}
            existing = db.execute("SELECT id FROM items WHERE year=? AND code=? COLLATE NOCASE", [year, old_code or code]).fetchone()
            clash = db.execute("SELECT id FROM items WHERE year=? AND code=? COLLATE NOCASE", [year, code]).fetchone()
            if clash and (not existing or clash[0] != existing[0]):
                raise ValidationError("รหัสข้อคำถาม", f"มีข้อ {code} อยู่แล้วในปี {year}")
            if existing:
                db.table("items").update(existing[0], row)
            else:
                row["sort"] = db.execute("SELECT coalesce(max(sort), -1) + 1 FROM items WHERE year=?", [year]).fetchone()[0]
                db.table("items").insert(row)
        return change(Area.FRAMEWORK, Area.SCORES)

    def delete_item(self, year: int, code: str) -> Change:
        with self._write(f"ลบข้อคำถาม {code}") as db:
            db.execute("DELETE FROM items WHERE year=? AND code=? COLLATE NOCASE", [year, code])
        return change(Area.FRAMEWORK, Area.SCORES, Area.MEASURES)

    def rename_indicator(self, year: int, no: int, name_th: str) -> Change:
        name = v.require_text(f"ชื่อตัวชี้วัดที่ {no}", v.check_text(f"ชื่อตัวชี้วัดที่ {no}", name_th))
        with self._write(f"แก้ไขชื่อตัวชี้วัดที่ {no}") as db:
            db.execute("UPDATE indicators SET name_th=? WHERE year=? AND no=?", [name, year, no])
        return change(Area.FRAMEWORK, Area.SCORES, Area.ANALYSIS)

    # ----------------------------------------------------------------- scores
    def _id(self, table: str, year: int, column: str, value: object) -> int:
        # codes are matched whatever their case: pages write "o1" as often as "O1"
        nocase = " COLLATE NOCASE" if column == "code" else ""
        row = self.db.execute(f"SELECT id FROM {table} WHERE year=? AND {column}=?{nocase}", [year, value]).fetchone()
        if row is None:
            raise NotFoundError(f"ไม่พบ {value} ในกรอบการประเมินปี {year}", f"{table}.{column}={value!r} not in {year}")
        return row[0]

    def scores(self, year: int) -> Scores:
        self.require_year(year)
        return rows.scores(self.db, year)

    def level(self, year: int) -> str | None:
        self.require_year(year)
        return rows.level(rows.framework(self.db, year), rows.scores(self.db, year))

    def set_scores(self, year: int, *, overall: object = ..., tools: dict | None = None,
                   indicators: dict | None = None, items: dict | None = None,
                   items_part2: dict | None = None) -> Change:
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
                        upsert(db, table, {col: key, "score": score}, col)
                else:
                    part = int(kind[-1])
                    if score is None:
                        db.execute("DELETE FROM item_scores WHERE item_id=? AND part=?", [key, part])
                    else:
                        upsert(db, "item_scores", {"item_id": key, "part": part, "score": score}, ("item_id", "part"))
        return change(Area.SCORES)

