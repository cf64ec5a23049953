"""The undo journal follows the live schema (issue: Core groundwork)."""

import pytest
from sqlite_utils import Database

from itadesk.domain.models import Measure
from itadesk.store import schema, undo
from itadesk.store.store import Store


def _journal_triggers(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND name LIKE '\\_u\\_%' ESCAPE '\\'"))


def test_every_user_table_has_triggers_naming_every_column(store):
    triggers = _journal_triggers(store.db)
    tables = undo.journal_tables(store.db)
    assert "measures" in tables and "_state" not in tables and "_undolog" not in tables
    for table in tables:
        for suffix in ("i", "u", "d"):
            assert f"_u_{table}_{suffix}" in triggers, f"{table} has no {suffix} trigger"
        for column in (c.name for c in store.db.table(table).columns):
            for suffix in ("u", "d"):  # update and delete must restore every column
                assert f'"{column}"' in triggers[f"_u_{table}_{suffix}"], f"{table}.{column} not journaled ({suffix})"


@pytest.fixture
def extra_migration(monkeypatch):
    """A throw-away migration that adds a column and a table, as a later release would."""
    migs = schema.Migrations("itadesk")
    for m in schema.migrations._migrations:
        migs._migrations.append(m)

    @migs()
    def m900_test_additions(db):
        db.execute("ALTER TABLE measures ADD COLUMN note_extra TEXT NOT NULL DEFAULT ''")
        db.execute("CREATE TABLE later_plans (id INTEGER PRIMARY KEY, title TEXT NOT NULL, budget REAL)")
        db.execute("UPDATE measures SET note_extra = 'migrated'")  # a data migration: no undo rows

    monkeypatch.setattr(schema, "migrations", migs)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(migs._migrations))


def test_a_later_column_and_table_are_undone_and_redone(demo_path, extra_migration):
    store = Store.open(demo_path)
    try:
        db = store.db
        # migrating wrote no log rows and kept no steps
        assert db.execute("SELECT count(*) FROM _undolog").fetchone()[0] == 0
        m = store.measures(2568)[0]
        assert db.execute("SELECT note_extra FROM measures WHERE id=?", [m.id]).fetchone()[0] == "migrated"

        with store._write("แก้หมายเหตุ") as d:
            d.execute("UPDATE measures SET note_extra = 'ใหม่' WHERE id=?", [m.id])
        store.undo()
        assert db.execute("SELECT note_extra FROM measures WHERE id=?", [m.id]).fetchone()[0] == "migrated"
        store.redo()
        assert db.execute("SELECT note_extra FROM measures WHERE id=?", [m.id]).fetchone()[0] == "ใหม่"

        store.delete_measure(m.id)
        store.undo()  # the measure comes back with the later column, not its default
        assert db.execute("SELECT note_extra FROM measures WHERE id=?", [m.id]).fetchone()[0] == "ใหม่"
        assert store.measure(m.id).steps == m.steps

        with store._write("เพิ่มแผน") as d:
            d.execute("INSERT INTO later_plans (title, budget) VALUES ('แผนปฏิบัติการ ๒๕๖๑–๒๕๖๔', 50000)")
        with store._write("แก้แผน") as d:
            d.execute("UPDATE later_plans SET budget = 75000")
        store.undo()
        assert db.execute("SELECT budget FROM later_plans").fetchone()[0] == 50000
        store.undo()
        assert db.execute("SELECT count(*) FROM later_plans").fetchone()[0] == 0
        store.redo()
        store.redo()
        assert db.execute("SELECT title, budget FROM later_plans").fetchone() == ("แผนปฏิบัติการ ๒๕๖๑–๒๕๖๔", 75000)
    finally:
        store.close()


def test_transform_rebuilt_table_gets_its_triggers_back(demo_path):
    store = Store.open(demo_path)
    store.set_scores(2568, overall=90)  # an older, unrelated step
    store.close()
    db = Database(demo_path)
    db.table("analyses").transform(types={"topic": str})  # sqlite-utils rebuilds the table: triggers are gone
    assert "_u_analyses_u" not in _journal_triggers(db)
    db.close()

    store = Store.open(demo_path)
    try:
        assert "_u_analyses_u" in _journal_triggers(store.db)
        a = store.analyses(2568)[0]
        a.topic = "ประเด็นที่แก้แล้ว"
        store.save_analysis(a)
        store.undo()
        # Ctrl+Z reverted the analysis, not the older score step
        assert store.analyses(2568)[0].topic != "ประเด็นที่แก้แล้ว"
        assert store.scores(2568).overall == 90
        assert store.undo_label() == "แก้ไขคะแนนปี 2568"
    finally:
        store.close()


def test_migrating_an_old_file_leaves_no_orphan_log_rows(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database(path)
    schema.migrations.apply(db, stop_before="m003_ui_state")
    db.execute("INSERT INTO office (id, name) VALUES (1, 'ทดสอบ')")
    db.execute("INSERT INTO years (year) VALUES (2567)")
    db.execute("INSERT INTO settings (key, value) VALUES ('current_year', '2567'), ('thai_digits', '0')")
    db.close()
    store = Store.open(path)
    try:
        assert store.db.execute("SELECT count(*) FROM _undolog").fetchone()[0] == 0
        assert store.undo_label() is None
        assert store.ui_state("current_year") == "2567"  # moved out of the journaled settings
        assert store.db.execute("SELECT count(*) FROM settings WHERE key='current_year'").fetchone()[0] == 0
        assert store.thai_digits is False
    finally:
        store.close()


def test_ui_state_is_not_an_undo_step(demo_store):
    demo_store.set_scores(2568, overall=91)
    demo_store.set_scores(2568, overall=92)
    demo_store.undo()
    labels = (demo_store.undo_label(), demo_store.redo_label())
    demo_store.set_ui_state("current_year", "2567")
    assert (demo_store.undo_label(), demo_store.redo_label()) == labels
    assert demo_store.redo() == "แก้ไขคะแนนปี 2568" and demo_store.scores(2568).overall == 92


def test_undo_covers_a_measure_saved_after_reopening(demo_path):
    store = Store.open(demo_path)
    store.close()
    store = Store.open(demo_path)  # triggers already current: opening again changes nothing
    try:
        before = store.db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone()[0]
        mid = store.save_measure(Measure(None, 2569, "กิจกรรมใหม่", steps=["ขั้นที่ ๑"])).id
        store.undo()
        assert store.db.execute("SELECT count(*) FROM measures WHERE id=?", [mid]).fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE type='trigger'").fetchone()[0] == before
    finally:
        store.close()
