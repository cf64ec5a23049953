"""Undo/redo over the trigger journal of schema m002 (Qt-free).

Each user action is one *step*: the log rows its writes produced. Undoing runs
the step's inverse SQL newest-first; the triggers log the inverse of that in
turn, which becomes the redo step. Foreign keys are checked at commit while a
step is replayed, because a cascade logs parent before children.
"""

from __future__ import annotations

from sqlite_utils import Database

MAX_STEPS = 200


def _max_seq(db: Database) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM _undolog").fetchone()[0]


def mark(db: Database) -> int:
    """The log position before a step starts."""
    return _max_seq(db)


def record(db: Database, label: str, before: int, *, kind: str = "undo", clear_redo: bool = True) -> bool:
    """Close a step begun at ``before``; returns False when it changed nothing."""
    last = _max_seq(db)
    if last <= before:
        return False
    if clear_redo:
        _drop(db, "redo")
    db.execute("INSERT INTO _undosteps(label, first, last, kind) VALUES (?, ?, ?, ?)", [label, before + 1, last, kind])
    _trim(db)
    return True


def _drop(db: Database, kind: str) -> None:
    for first, last in db.execute("SELECT first, last FROM _undosteps WHERE kind = ?", [kind]).fetchall():
        db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
    db.execute("DELETE FROM _undosteps WHERE kind = ?", [kind])


def _trim(db: Database) -> None:
    rows = db.execute("SELECT id, first, last FROM _undosteps WHERE kind='undo' ORDER BY id DESC").fetchall()
    for _id, first, last in rows[MAX_STEPS:]:
        db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
        db.execute("DELETE FROM _undosteps WHERE id = ?", [_id])


def label(db: Database, kind: str = "undo") -> str | None:
    row = db.execute("SELECT label FROM _undosteps WHERE kind = ? ORDER BY id DESC LIMIT 1", [kind]).fetchone()
    return row[0] if row else None


def replay(db: Database, kind: str) -> str | None:
    """Undo (kind='undo') or redo (kind='redo') the newest step; returns its label.

    Must run inside a transaction (the store's ``atomic``).
    """
    row = db.execute(
        "SELECT id, label, first, last FROM _undosteps WHERE kind = ? ORDER BY id DESC LIMIT 1", [kind]
    ).fetchone()
    if row is None:
        return None
    step_id, step_label, first, last = row
    statements = [r[0] for r in db.execute(
        "SELECT sql FROM _undolog WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", [first, last])]
    db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
    db.execute("DELETE FROM _undosteps WHERE id = ?", [step_id])
    db.execute("PRAGMA defer_foreign_keys = ON")
    before = _max_seq(db)
    for sql in statements:
        db.execute(sql)
    record(db, step_label, before, kind="redo" if kind == "undo" else "undo", clear_redo=False)
    return step_label
