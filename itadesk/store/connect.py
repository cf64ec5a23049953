"""How itadesk opens an SQLite file, and what SQLite's errors mean to a clerk.

* **Editing** opens the file normally, with a busy timeout: a backup, an export or
  a second window reading the file makes a write wait a moment, never fail.
* **Reading** (export, check, a read-only window) opens it with ``mode=ro``: reading
  never writes, not even to migrate or to roll back an unfinished save. A file that
  needs either is copied into memory first (with its journal, so the copy is the
  last complete save) and read there.
* SQLite's English errors become :class:`~itadesk.errors.DatabaseError` with a Thai
  message; "database is locked" never reaches the clerk as it is.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..errors import DatabaseError, ReadOnlyError

# a write waits this long for readers (an export, a backup, another window's refresh)
BUSY_TIMEOUT_S = 20.0
# the first eight bytes of a rollback journal that still holds an unfinished save
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
SQLITE_MAGIC = b"SQLite format 3\x00"


def file_uri(path: Path, **params: str) -> str:
    """``file:`` URI of ``path`` (percent-encoded: Thai names, spaces, '?' and '#' survive)."""
    uri = Path(path).absolute().as_uri()
    return uri + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def journal_path(path: Path) -> Path:
    return Path(str(path) + "-journal")


def hot_journal(path: Path) -> bool:
    """Does ``path`` have a rollback journal left by a save that never finished (a crash, a kill)?

    SQLite rolls it back on the next normal opening; a read-only opening cannot."""
    journal = journal_path(path)
    try:
        with open(journal, "rb") as fh:
            return fh.read(8) == JOURNAL_MAGIC
    except OSError:
        return False


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def connect_rw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    return conn


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path``, live (it sees later saves of other processes)."""
    return sqlite3.connect(file_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def memory_copy(path: Path) -> sqlite3.Connection:
    """The last complete save of ``path``, in memory: the file is never written.

    With an unfinished save (hot journal) the file and its journal are copied to a
    temporary folder and opened there, where SQLite rolls the journal back."""
    target = sqlite3.connect(":memory:", check_same_thread=False)
    copied = False
    if hot_journal(path):
        with tempfile.TemporaryDirectory(prefix="itadesk-recover-") as tmp:
            copy = Path(tmp) / "copy.sqlite"
            try:
                shutil.copyfile(path, copy)
                shutil.copyfile(journal_path(path), journal_path(copy))
                copied = True
            except FileNotFoundError:
                # the journal went while we copied: it was a save under way in another window,
                # which has finished; the file itself is complete now
                copied = False
            if copied:
                source = sqlite3.connect(str(copy))
                try:
                    source.backup(target)
                finally:
                    source.close()
    if not copied:
        source = connect_ro(path)
        try:
            source.backup(target)
        finally:
            source.close()
    return target


def translate(err: sqlite3.Error, path: Path | None = None) -> DatabaseError:
    """SQLite's error as a Thai message (the English one is kept for the log)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    where = f" ({path})" if path else ""
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "database is locked" in text:
        return DatabaseError("ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่นนานเกินไป จึงยังไม่ได้บันทึก "
                             "ข้อมูลเดิมไม่เปลี่ยนแปลง กรุณาลองอีกครั้ง", text)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyError(f"ไฟล์นี้เปิดแบบอ่านอย่างเดียว จึงแก้ไขไม่ได้{where} "
                             "ใช้ “บันทึกสำเนาเป็น…” เพื่อแก้ไขในสำเนา", text)
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DatabaseError(f"ดิสก์เต็ม บันทึกไม่ได้{where} ข้อมูลที่บันทึกไว้ก่อนหน้าไม่เสียหาย "
                             "กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง", text)
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return DatabaseError(f"เขียนไฟล์ฐานข้อมูลไม่สำเร็จ (ดิสก์เต็ม ไฟล์ใหญ่เกินกำหนด หรืออุปกรณ์มีปัญหา){where} "
                             "ข้อมูลที่บันทึกไว้ก่อนหน้าไม่เสียหาย", text)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return DatabaseError(f"เปิดไฟล์ฐานข้อมูลไม่ได้{where}", text)
    if name == "SQLITE_NOTADB" or "not a database" in text:
        return DatabaseError(f"ไฟล์{' ' + str(path) if path else 'นี้'} ไม่ใช่ฐานข้อมูล itadesk หรือเสียหาย", text)
    if name == "SQLITE_CORRUPT" or "malformed" in text:
        return DatabaseError(f"ไฟล์ฐานข้อมูลเสียหาย{where} กรุณาใช้ไฟล์สำรอง", text)
    return DatabaseError(f"ฐานข้อมูลมีปัญหา{where}: {text}", text)
