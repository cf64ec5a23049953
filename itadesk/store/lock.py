"""One writer per file: the edit lock beside a database, and who holds it.

``filelock`` takes an OS lock (``flock`` on Linux and macOS, ``LockFileEx`` on
Windows) on a hidden file beside the database. The OS releases it when the holding
process ends, however it ends: a lock left by a killed itadesk is simply free again
and is taken over. Beside the lock, a small JSON file says who holds it (user,
computer, since when, and the editing session, whose undo steps the next editor
inherits when it takes over after a crash); a second itadesk reads it to tell the
clerk in Thai who has the file open.

Within one process the lock is shared (two ``Store`` objects of one file in one
program are one writer); it is released when the last of them closes.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import platform
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import FileInUseError

# this process's editing session: undo steps are recorded under it
SESSION = uuid.uuid4().hex


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str  # ISO time, local
    session: str

    def describe_th(self) -> str:
        try:
            since = _dt.datetime.fromisoformat(self.since)
            when = f"{since.day}/{since.month}/{since.year + 543} เวลา {since:%H:%M} น."
        except ValueError:
            when = self.since or "ไม่ทราบเวลา"
        return f"ผู้ใช้ {self.user or 'ไม่ทราบชื่อ'} ที่เครื่อง {self.host or 'ไม่ทราบชื่อ'} ตั้งแต่ {when}"


def lock_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.lock")


def info_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.owner.json")


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        user = ""
    return Holder(user, platform.node(), os.getpid(), _dt.datetime.now().isoformat(timespec="seconds"), SESSION)


def read_holder(db: Path) -> Holder | None:
    try:
        data = json.loads(info_path(db).read_text(encoding="utf-8"))
        return Holder(str(data.get("user", "")), str(data.get("host", "")), int(data.get("pid", 0)),
                      str(data.get("since", "")), str(data.get("session", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


class EditLock:
    """The edit lock of one database file, held by this process."""

    def __init__(self, db: Path, lock: FileLock, taken_over: Holder | None):
        self.db, self._lock = db, lock
        self.taken_over = taken_over  # the holder a killed process left behind, if any
        self.count = 1


_held: dict[str, EditLock] = {}
_guard = threading.Lock()


def in_use_message(db: Path, holder: Holder | None) -> str:
    who = holder.describe_th() if holder else "โปรแกรม itadesk อีกหน้าต่างหนึ่ง"
    return f"ไฟล์ {db} กำลังเปิดแก้ไขอยู่โดย{who}"


def acquire(db: Path) -> EditLock:
    """The edit lock of ``db`` for this process. Raises :class:`FileInUseError` when another
    process holds it, ``OSError`` when the lock file cannot be made (a read-only folder)."""
    key = str(Path(db).resolve())
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return held
        lock = FileLock(str(lock_path(db)), timeout=0, thread_local=False, fallback_to_soft=False)
        try:
            lock.acquire()
        except Timeout:
            holder = read_holder(db)
            raise FileInUseError(in_use_message(db, holder), f"{db} is open for editing elsewhere", holder) from None
        # the lock was free: an info file still there was left by a process that did not end cleanly
        stale = read_holder(db)
        try:
            tmp = info_path(db).with_name(info_path(db).name + f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(asdict(_me()), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, info_path(db))
        except OSError:
            pass  # the lock holds without its description; a second window then names no one
        held = EditLock(Path(db), lock, stale if stale and stale.session != SESSION else None)
        _held[key] = held
        return held


def release(held: EditLock) -> None:
    key = str(held.db.resolve())
    with _guard:
        held.count -= 1
        if held.count > 0:
            return
        _held.pop(key, None)
        try:
            info = read_holder(held.db)
            if info is not None and info.session == SESSION:
                info_path(held.db).unlink(missing_ok=True)
        except OSError:
            pass
        held._lock.release()
