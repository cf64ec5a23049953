"""The undo/redo journal (Qt-free): triggers that follow the live schema.

Each user action is one *step*: the log rows its writes produced. Undoing runs
the step's inverse SQL newest-first; the triggers log the inverse of that in
turn, which becomes the redo step. Foreign keys are checked at commit while a
step is replayed, because a cascade logs parent before children.

The triggers are generated here, from the columns each table has *now*, and
re-created whenever they no longer match (after a migration added a column or
a table, or sqlite-utils ``transform()`` rebuilt a table and dropped them).
Migrations written once with the columns of their day went blind to later
columns; deriving them from the live schema cannot.

Tables whose names start with ``_`` (the journal itself, UI state, sqlite-utils'
migration log) are never journaled: undo restores the clerk's data only.
"""

from __future__ import annotations

from .sqlite import Database

MAX_STEPS = 200
PREFIX = "_u_"


def journal_tables(db: Database) -> list[str]:
    """Every table whose rows the clerk's undo covers."""
    return [t for t in db.table_names() if not t.startswith(("_", "sqlite_"))]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def trigger_sql(table: str, columns: list[str]) -> dict[str, str]:
    """The three triggers of ``table`` (the classic technique of sqlite.org/undoredo.html).

    Each log row also says which row (``tbl``, ``rid``) and which columns (``cols``:
    ``|a|b|``, or ``*`` for a whole row) it restores. An update logs only the columns
    it changed, and nothing when it changed none: undoing a title edit never puts back
    a budget that another window changed meanwhile, and ``cols`` lets undo see such
    an overlap."""
    t = _q(table)
    name = "'" + table.replace("'", "''") + "'"
    # inside the logged SQL the names are quoted too, and the single quotes of the
    # generated literal are doubled by the outer SQL string
    cols = ", ".join(_q(c) for c in columns)
    old_vals = ", ".join(f"'||quote(old.{_q(c)})||'" for c in columns)
    differs = [f"old.{_q(c)} IS NOT new.{_q(c)}" for c in columns]
    sets = " || ".join(f"CASE WHEN {d} THEN ', {_q(c)}='||quote(old.{_q(c)}) ELSE '' END" for c, d in zip(columns, differs, strict=True))
    changed = " || ".join(f"CASE WHEN {d} THEN '{c.replace(chr(39), chr(39) * 2)}|' ELSE '' END"
                          for c, d in zip(columns, differs, strict=True))
    active = "WHEN (SELECT active FROM _undostate)"
    log = "INSERT INTO _undolog(sql, tbl, rid, cols) VALUES"
    return {
        f"{PREFIX}{table}_i": (
            f"CREATE TRIGGER {_q(PREFIX + table + '_i')} AFTER INSERT ON {t} {active} BEGIN "
            f"{log}('DELETE FROM {t} WHERE rowid='||new.rowid, {name}, new.rowid, '*'); END"),
        f"{PREFIX}{table}_u": (
            f"CREATE TRIGGER {_q(PREFIX + table + '_u')} AFTER UPDATE ON {t} {active} AND ({' OR '.join(differs)}) BEGIN "
            f"{log}('UPDATE {t} SET '||substr({sets}, 3)||' WHERE rowid='||old.rowid, {name}, old.rowid, '|'||{changed}); END"),
        f"{PREFIX}{table}_d": (
            f"CREATE TRIGGER {_q(PREFIX + table + '_d')} BEFORE DELETE ON {t} {active} BEGIN "
            f"{log}('INSERT INTO {t}(rowid, {cols}) VALUES('||old.rowid||', {old_vals})', {name}, old.rowid, '*'); END"),
    }


def _expected(db: Database) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for table in journal_tables(db):
        wanted.update(trigger_sql(table, [c.name for c in db.table(table).columns]))
    return wanted


def _existing(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE '\\_u\\_%' ESCAPE '\\'"))


def triggers_current(db: Database) -> bool:
    return _existing(db) == _expected(db)


def install_triggers(db: Database) -> bool:
    """Make the triggers match the live schema; returns True when anything changed.

    Runs inside the caller's transaction (the store's upgrade)."""
    wanted, existing = _expected(db), _existing(db)
    if wanted == existing:
        return False
    for name in existing:
        db.execute(f"DROP TRIGGER IF EXISTS {_q(name)}")
    for sql in wanted.values():
        db.execute(sql)
    return True


def set_active(db: Database, on: bool) -> None:
    """Switch the journal on or off (off while migrating or building the demo)."""
    if "_undostate" in db.table_names():
        db.execute("UPDATE _undostate SET active = ?", [int(on)])


def forget(db: Database) -> None:
    """Drop every step (after a schema change the old inverse SQL may not fit)."""
    db.execute("DELETE FROM _undolog")
    db.execute("DELETE FROM _undosteps")


def drop_orphans(db: Database) -> int:
    """Log rows that belong to no step (written while no step was open) are removed."""
    cur = db.execute("DELETE FROM _undolog WHERE NOT EXISTS "
                     "(SELECT 1 FROM _undosteps s WHERE _undolog.seq BETWEEN s.first AND s.last)")
    return cur.rowcount


def _max_seq(db: Database) -> int:
    return db.execute("SELECT coalesce(max(seq), 0) FROM _undolog").fetchone()[0]


def mark(db: Database) -> int:
    """The log position before a step starts (inside the write's transaction, which
    holds SQLite's write lock: no other process adds log rows until it commits)."""
    return _max_seq(db)


def record(db: Database, label: str, before: int, *, owner: str, kind: str = "undo", clear_redo: bool = True,
           merge_key: str | None = None) -> bool:
    """Close a step of ``owner`` begun at ``before``; returns False when it changed nothing.

    With ``merge_key``, a step that directly follows an undo step of the same owner with
    the same key (the same field of the same record, nothing else in between) joins it:
    typing in one field for a while is undone in one go, not letter by letter."""
    last = _max_seq(db)
    if last <= before:
        return False
    if clear_redo:
        _drop(db, "redo", owner)
    if merge_key is not None and kind == "undo":
        prev = db.execute("SELECT id, last, merge_key FROM _undosteps WHERE kind='undo' AND owner IS ? "
                          "ORDER BY id DESC LIMIT 1", [owner]).fetchone()
        if prev is not None and prev[2] == merge_key and prev[1] == before:
            db.execute("UPDATE _undosteps SET last = ? WHERE id = ?", [last, prev[0]])
            return True
    db.execute("INSERT INTO _undosteps(label, first, last, kind, merge_key, owner) VALUES (?, ?, ?, ?, ?, ?)",
               [label, before + 1, last, kind, merge_key, owner])
    _trim(db, owner)
    return True


def _drop(db: Database, kind: str, owner: str) -> None:
    for first, last in db.execute("SELECT first, last FROM _undosteps WHERE kind = ? AND owner IS ?", [kind, owner]).fetchall():
        db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
    db.execute("DELETE FROM _undosteps WHERE kind = ? AND owner IS ?", [kind, owner])


def _trim(db: Database, owner: str) -> None:
    rows = db.execute("SELECT id, first, last FROM _undosteps WHERE kind='undo' AND owner IS ? ORDER BY id DESC", [owner]).fetchall()
    for _id, first, last in rows[MAX_STEPS:]:
        db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
        db.execute("DELETE FROM _undosteps WHERE id = ?", [_id])


def label(db: Database, kind: str = "undo", *, owner: str) -> str | None:
    row = db.execute("SELECT label FROM _undosteps WHERE kind = ? AND owner IS ? ORDER BY id DESC LIMIT 1", [kind, owner]).fetchone()
    return row[0] if row else None


def adopt(db: Database, owner: str, sessions: list[str]) -> None:
    """``owner`` inherits the steps of sessions that ended: closed cleanly (owner NULL) or
    killed (``sessions``: the holder of the stale edit lock it took over)."""
    db.execute("UPDATE _undosteps SET owner = ? WHERE owner IS NULL", [owner])
    for s in sessions:
        db.execute("UPDATE _undosteps SET owner = ? WHERE owner = ?", [owner, s])


def release(db: Database, owner: str) -> None:
    """A session that closes leaves its steps to the next one that opens the file for editing."""
    db.execute("UPDATE _undosteps SET owner = NULL WHERE owner = ?", [owner])


def _touched(rows) -> dict[tuple[str, int], set[str] | None]:
    """(table, rowid) → the columns a set of log rows restores (None: the whole row)."""
    out: dict[tuple[str, int], set[str] | None] = {}
    for tbl, rid, cols in rows:
        key = (tbl, rid)
        if cols == "*" or cols is None:
            out[key] = None
        elif key not in out or out[key] is not None:
            out[key] = (out.get(key) or set()) | {c for c in cols.split("|") if c}
    return out


def overlaps(db: Database, first: int, last: int, owner: str) -> bool:
    """Did another session change, after the step ``first``–``last``, a row or a column
    that undoing (or redoing) the step would set back?"""
    mine = _touched(db.execute("SELECT tbl, rid, cols FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last]))
    later = _touched(db.execute(
        "SELECT l.tbl, l.rid, l.cols FROM _undolog l JOIN _undosteps s ON l.seq BETWEEN s.first AND s.last "
        "WHERE s.kind = 'undo' AND s.owner IS NOT ? AND s.first > ?", [owner, last]))
    for key, cols in mine.items():
        if key in later:
            theirs = later[key]
            if cols is None or theirs is None or cols & theirs:
                return True
    return False


def replay(db: Database, kind: str, *, owner: str) -> tuple[str | None, bool]:
    """Undo (kind='undo') or redo (kind='redo') the newest step of ``owner``.

    Returns ``(label, done)``: ``done`` is False when another session changed the same
    data since, in which case nothing is set back and the step leaves the history.
    Must run inside a transaction (the store's write transaction).
    """
    row = db.execute(
        "SELECT id, label, first, last FROM _undosteps WHERE kind = ? AND owner IS ? ORDER BY id DESC LIMIT 1", [kind, owner]
    ).fetchone()
    if row is None:
        return None, False
    step_id, step_label, first, last = row
    clash = overlaps(db, first, last, owner)
    statements = [r[0] for r in db.execute(
        "SELECT sql FROM _undolog WHERE seq BETWEEN ? AND ? ORDER BY seq DESC", [first, last])]
    db.execute("DELETE FROM _undolog WHERE seq BETWEEN ? AND ?", [first, last])
    db.execute("DELETE FROM _undosteps WHERE id = ?", [step_id])
    if clash:
        return step_label, False
    db.execute("PRAGMA defer_foreign_keys = ON")
    before = _max_seq(db)
    for sql in statements:
        db.execute(sql)
    record(db, step_label, before, owner=owner, kind="redo" if kind == "undo" else "undo", clear_redo=False)
    return step_label, True
