"""``itadesk check``: is this file a sound itadesk database?"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import schema


def check_database(path: str | Path) -> list[str]:
    """Problems found in the database at ``path``, each "Thai / English"; empty when sound.

    Read-only: the file is opened with ``mode=ro`` and never migrated.
    """
    file = Path(path)
    if not file.exists():
        return [f"ไม่พบไฟล์ / file not found: {file}"]
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
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
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        problems.append(f"ไม่ใช่ไฟล์ฐานข้อมูล SQLite / not an SQLite database: {err}")
    return problems
