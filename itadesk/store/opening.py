"""Opening a database file for editing or for reading, and nothing else on the way.

Every refusal names the path the clerk gave (never a temporary ``.part`` name) and
leaves the file exactly as it was: a missing file is not created (a new database is
made only by "new" or ``itadesk demo``), an empty file or another program's file is
not turned into an itadesk database, a read-only file or folder is opened read-only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseError, FileInUseError, ReadOnlyError
from . import connect, lock


@dataclass
class Opened:
    conn: sqlite3.Connection
    readonly: bool
    lock: lock.EditLock | None = None
    in_memory_copy: bool = False  # a read-only file that needed a migration or a recovery


def missing_message(given: Path) -> str:
    folder = given.parent
    if str(folder) not in ("", ".") and not folder.exists():
        return f"ไม่พบโฟลเดอร์ {folder} ของไฟล์ {given}"
    return f"ไม่พบไฟล์ฐานข้อมูล {given}"


def _refuse_unusable(given: Path, *, create: bool) -> None:
    """Refusals that need no SQLite: missing, a folder, empty, not an SQLite file."""
    if given.is_dir():
        raise DatabaseError(f"{given} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", f"{given} is a directory")
    if not given.exists():
        if not create:
            raise DatabaseError(missing_message(given), f"database not found: {given}")
        if not given.parent.exists():
            raise DatabaseError(missing_message(given), f"folder not found: {given.parent}")
        return
    try:
        size = given.stat().st_size
    except OSError as err:
        raise DatabaseError(f"อ่านไฟล์ {given} ไม่ได้ ({err.strerror or err})", str(err)) from err
    if size == 0:
        if create:
            return  # a file made empty on purpose (a test's temporary file) becomes a database
        raise DatabaseError(f"ไฟล์ {given} ว่างเปล่า ไม่ใช่ฐานข้อมูล itadesk", f"{given} is empty")
    if not connect.looks_like_sqlite(given):
        raise DatabaseError(f"ไฟล์ {given} ไม่ใช่ฐานข้อมูล itadesk (ไม่ใช่ไฟล์ SQLite)", f"{given} is not an SQLite file")


def writable(given: Path) -> bool:
    """Can this process change the file (and make a journal beside it)? ``os.access`` sees
    permissions, ``chattr +i`` and read-only mounts, for root too."""
    folder = given.parent if str(given.parent) else Path(".")
    if given.exists() and not os.access(given, os.W_OK):
        return False
    return os.access(folder, os.W_OK)


def read_only_reason(given: Path) -> str:
    if given.exists() and not os.access(given, os.W_OK):
        return f"ไฟล์ {given} เป็นไฟล์อ่านอย่างเดียว"
    return f"โฟลเดอร์ {given.parent} เป็นโฟลเดอร์อ่านอย่างเดียว"


def open_for_reading(given: Path) -> Opened:
    _refuse_unusable(given, create=False)
    if connect.hot_journal(given):
        return Opened(_or_translate(lambda: connect.memory_copy(given), given), True, in_memory_copy=True)
    conn = _or_translate(lambda: connect.connect_ro(given), given)
    _probe(conn, given)
    return Opened(conn, True)


def open_for_editing(given: Path, *, create: bool, take_lock: bool) -> Opened:
    _refuse_unusable(given, create=create)
    if not writable(given):
        raise ReadOnlyError(read_only_reason(given), f"{given} is not writable")
    held = None
    if take_lock:
        try:
            held = lock.acquire(given)
        except FileInUseError:
            raise
        except OSError as err:
            if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise ReadOnlyError(read_only_reason(given), str(err)) from err
            held = None  # a file system without locks (some network shares): edit without one
    try:
        conn = _or_translate(lambda: connect.connect_rw(given), given)
        _probe(conn, given)  # also rolls back an unfinished save left by a crash
    except BaseException:
        if held is not None:
            lock.release(held)
        raise
    return Opened(conn, False, held)


def _or_translate(fn, given: Path):
    try:
        return fn()
    except sqlite3.Error as err:
        raise connect.translate(err, given) from err
    except OSError as err:
        raise DatabaseError(f"เปิดไฟล์ {given} ไม่ได้ ({err.strerror or err})", str(err)) from err


def _probe(conn: sqlite3.Connection, given: Path) -> None:
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as err:
        conn.close()
        raise connect.translate(err, given) from err


def migration_backup(conn: sqlite3.Connection, given: Path, applied: int) -> Path:
    """A copy of a file as it was before this itadesk upgrades its structure, beside it."""
    from ..atomic import atomic_path

    target = given.with_name(f"{given.stem}-ก่อนปรับรุ่น-{applied}{given.suffix or '.sqlite'}")
    if target.exists():
        return target  # the copy from the first attempt is the one to keep
    with atomic_path(target, overwrite=False) as tmp:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    return target
