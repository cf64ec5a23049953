"""Which database the window opens, and how: for editing when it can, read-only when
another itadesk edits it or the file or its folder cannot be written.

A file that does not exist is never created behind the clerk's back: ``--db`` with
a mistyped name asks first (a new, empty database) and says which path it was given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import DatabaseError, FileInUseError, ReadOnlyError
from ..store.opening import missing_message
from ..store.store import Store


def open_for_window(path: Path, *, create: bool = False) -> Store:
    """The store the window shows: editable, or read-only with ``readonly_reason`` (Thai)
    when another process edits the file or it cannot be written. Unusable files raise
    :class:`~itadesk.errors.DatabaseError` naming ``path``."""
    try:
        return Store.open(path, create=create)
    except (FileInUseError, ReadOnlyError) as err:
        reason = err.message_th
    store = Store.open(path, readonly=True)
    store.readonly_reason = reason
    return store


def open_given(db: str, ask: Callable[[str, str], bool] | None) -> Store:
    """``itadesk --db FILE``: a missing FILE is made (empty) only after ใช่ to a question."""
    path = Path(db)
    if path.exists():
        return open_for_window(path)
    message = missing_message(path)
    if not path.parent.exists() or ask is None or not ask(
            "ไม่พบไฟล์ฐานข้อมูล", f"{message}\n\nสร้างฐานข้อมูลใหม่ (ยังไม่มีข้อมูล) ชื่อนี้หรือไม่?"):
        raise DatabaseError(message, f"database not found: {db}")
    return open_for_window(path, create=True)
