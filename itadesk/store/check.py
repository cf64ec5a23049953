"""``itadesk check``: is this file a sound itadesk database?

Reading never writes: the file is opened with ``mode=ro`` and never migrated. One
exception, said aloud: a file whose last save never finished (the program was
killed mid-save, the power went) carries a *hot journal* that only a writing
connection can roll back, and a read-only check would see half a save. ``check``
tells that apart from damage: when no itadesk is editing the file and its folder is
writable, it copies the file and its journal beside it and lets SQLite finish the
recovery (what opening the file in the window does anyway); otherwise it checks the
last complete save from a copy and says the file must be opened once.
"""

from __future__ import annotations

import datetime as _dt
import shutil
import sqlite3
from pathlib import Path

from ..atomic import atomic_path
from ..errors import FileInUseError
from . import connect, lock, opening, schema


def check_database(path: str | Path) -> list[str]:
    """Problems found in the database at ``path``, each "Thai / English"; empty when sound."""
    return check_file(path)[0]


def check_file(path: str | Path) -> tuple[list[str], list[str]]:
    """``(problems, notes)``: notes say what ``check`` did (a recovery, and where its copy is)."""
    file = Path(path)
    if file.is_dir():
        return [f"{file} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล / is a directory"], []
    if not file.exists():
        return [f"{opening.missing_message(file)} / file not found: {file}"], []
    if file.stat().st_size == 0:
        return [f"ไฟล์ {file} ว่างเปล่า ไม่ใช่ฐานข้อมูล itadesk / empty file"], []
    if not connect.looks_like_sqlite(file):
        return [f"ไฟล์ {file} ไม่ใช่ฐานข้อมูล itadesk (ไม่ใช่ไฟล์ SQLite) / not an SQLite database"], []
    notes: list[str] = []
    if connect.hot_journal(file):
        recovered = _recover(file, notes)
        if not recovered:
            problems = [f"ไฟล์ {file} มีการบันทึกที่ยังไม่เสร็จ (โปรแกรมถูกปิดกลางคันขณะบันทึก) ไม่ใช่ไฟล์เสียหาย: "
                        "เปิดไฟล์นี้ในโปรแกรม itadesk หนึ่งครั้ง (ในตำแหน่งที่เขียนได้) เพื่อกู้คืนให้เสร็จ / "
                        "unfinished save: open the file once to finish recovering"]
            try:
                conn = connect.memory_copy(file)
            except sqlite3.Error as err:
                return problems + [f"อ่านสำเนาการบันทึกล่าสุดไม่ได้ / {err}"], notes
            return problems + _check_connection(conn, file), notes
    try:
        conn = connect.connect_ro(file)
    except sqlite3.Error as err:
        return [connect.translate(err, file).message_th + f" / {err}"], notes
    return _check_connection(conn, file), notes


def _recover(file: Path, notes: list[str]) -> bool:
    """Finish an unfinished save in place, after copying the file and its journal beside it."""
    if not opening.writable(file):
        return False
    try:
        held = lock.acquire(file)
    except FileInUseError as err:
        # the journal belongs to a save happening now in another window, not to a crash
        notes.append(f"{err.message_th} ตรวจจากการบันทึกล่าสุดที่เสร็จสมบูรณ์")
        return False
    except OSError:
        return False
    try:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = file.with_name(f"{file.stem}-ก่อนกู้คืน-{stamp}{file.suffix or '.sqlite'}")
        n = 1
        while copy.exists():  # two recoveries within one second (kills in quick succession) keep both copies
            n += 1
            copy = file.with_name(f"{file.stem}-ก่อนกู้คืน-{stamp}-{n}{file.suffix or '.sqlite'}")
        for src, dst in ((file, copy), (connect.journal_path(file), connect.journal_path(copy))):
            with atomic_path(dst, overwrite=False) as tmp:
                shutil.copyfile(src, tmp)
        conn = connect.connect_rw(file)
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # SQLite rolls the journal back here
        finally:
            conn.close()
    except Exception as err:  # any failure leaves the recovery to the window's next opening
        notes.append(f"กู้คืนเองไม่สำเร็จ ({err})")
        return False
    finally:
        lock.release(held)
    notes.append(f"ไฟล์มีการบันทึกที่ยังไม่เสร็จ (โปรแกรมถูกปิดกลางคัน) กู้คืนกลับไปเป็นการบันทึกครั้งล่าสุดที่สมบูรณ์แล้ว "
                 f"สำเนาก่อนกู้คืนอยู่ที่ {copy} / recovered an unfinished save")
    return not connect.hot_journal(file)


def _check_connection(conn: sqlite3.Connection, file: Path) -> list[str]:
    problems: list[str] = []
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems += [f"โครงสร้างไฟล์เสียหาย / integrity: {r}" for r in rows[:20]]
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"ข้อมูลอ้างอิงขาดหาย / foreign key: {table} row {rowid} → {parent}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "_sqlite_migrations" not in tables:
            problems.append("ไม่ใช่ฐานข้อมูล itadesk / not an itadesk database (no migrations table)")
        else:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set='itadesk' ORDER BY rowid")]
            known = [m.name for m in schema.migrations._migrations]
            if len(names) > len(known):
                problems.append(f"สร้างด้วย itadesk รุ่นใหม่กว่า / schema {len(names)} newer than {len(known)}")
            elif names != known[: len(names)]:
                problems.append("ประวัติการปรับโครงสร้างไม่ตรงกัน / unknown migration history")
            missing = sorted(schema.expected_tables() - tables)
            if missing and len(names) == len(known):
                problems.append(f"ตารางขาดหาย / missing tables: {', '.join(missing)}")
        if "years" in tables and "tool_scores" in tables:
            bad = conn.execute(
                "SELECT count(*) FROM tool_scores WHERE score < 0 OR score > 100").fetchone()[0]
            if bad:
                problems.append(f"คะแนนนอกช่วง ๐–๑๐๐ / {bad} scores out of range")
    except sqlite3.DatabaseError as err:
        problems.append(f"{connect.translate(err, file).message_th} / {err}")
    finally:
        conn.close()
    return problems
