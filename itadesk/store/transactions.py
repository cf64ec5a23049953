"""Transactions, undo steps and undo/redo of the store (a mixin of
:class:`~itadesk.store.store.Store`, kept apart so each module stays small).

Every write takes SQLite's write lock at once (``BEGIN IMMEDIATE``): a second
writer (another window, a script) waits its turn under the busy timeout instead of
failing half-way with "database is locked", and what a write reads inside its
transaction cannot change before it writes. SQLite's errors leave as Thai
:class:`~itadesk.errors.DatabaseError`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from ..errors import ConflictError, ReadOnlyError, ValidationError
from . import connect, undo


class Transactions:
    """Needs the Store's ``db``, ``path``, ``readonly``, ``readonly_reason``, ``owner`` and ``_depth``."""

    @contextmanager
    def _tx(self) -> Iterator[Database]:
        """One transaction that takes SQLite's write lock at once (``BEGIN IMMEDIATE``), so a
        second writer waits its turn (busy timeout) instead of failing half-way; nested
        calls become savepoints. SQLite's errors leave as Thai ``DatabaseError``."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise connect.translate(err, self.path) from err
        try:
            yield self.db
            if conn.in_transaction:  # SQLite may have rolled back itself (a full disk): nothing to commit
                conn.execute("COMMIT")
        except BaseException as err:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # SQLite rolled back already (a full disk); the file holds the last commit
            if isinstance(err, sqlite3.Error):
                raise connect.translate(err, self.path) from err
            if isinstance(err, UnicodeEncodeError):  # a lone surrogate that no check caught
                raise ValidationError("ข้อความ", "มีอักขระที่ไม่สมบูรณ์ซึ่งบันทึกไม่ได้", str(err)) from err
            raise

    def transaction(self):
        """Reads and writes of the caller in one transaction that holds the write lock: what
        it reads cannot change before it writes (the window checks a field it is about to
        save against the stored value inside one)."""
        self._refuse_if_readonly()
        return self._tx()

    def _refuse_if_readonly(self) -> None:
        if self.readonly:
            raise ReadOnlyError(f"{self.readonly_reason or 'ไฟล์นี้เปิดแบบอ่านอย่างเดียว'} จึงแก้ไขไม่ได้ "
                                "ใช้ “บันทึกสำเนาเป็น…” เพื่อแก้ไขในสำเนา", "database opened read-only")

    @contextmanager
    def _write(self, label: str, *, merge_key: str | None = None) -> Iterator[Database]:
        """One transaction and one undo step named ``label`` (Thai, shown in the Edit menu).

        Nested writes join the outer step; ``merge_key`` joins the previous step of the same key."""
        self._refuse_if_readonly()
        with self._tx():
            self._depth += 1
            try:
                before = undo.mark(self.db)
                yield self.db
                if self._depth == 1:
                    undo.record(self.db, label, before, owner=self.owner, merge_key=merge_key)
            finally:
                self._depth -= 1

    def undo(self) -> str | None:
        return self._replay("undo")

    def redo(self) -> str | None:
        return self._replay("redo")

    def _replay(self, kind: str) -> str | None:
        if self.readonly:
            return None
        with self._tx():
            label, done = undo.replay(self.db, kind, owner=self.owner)
        if label and not done:
            what = "เลิกทำ" if kind == "undo" else "ทำซ้ำ"
            raise ConflictError(f"{what} “{label}” ไม่ได้ เพราะข้อมูลเดียวกันถูกแก้ไขจากที่อื่น (อีกหน้าต่างหรือโปรแกรมอื่น) "
                                f"หลังจากนั้น จึงไม่ย้อนทับการแก้ไขนั้น ขั้นนี้ถูกนำออกจากรายการ{what}แล้ว",
                                f"{kind} of {label!r} skipped: changed elsewhere since")
        return label

    def clear_history(self) -> None:
        """Forget every undo/redo step (after building a demo, say)."""
        with self._tx():
            self.db.execute("DELETE FROM _undolog")
            self.db.execute("DELETE FROM _undosteps")

    def undo_label(self) -> str | None:
        return None if self.readonly else undo.label(self.db, "undo", owner=self.owner)

    def redo_label(self) -> str | None:
        return None if self.readonly else undo.label(self.db, "redo", owner=self.owner)
