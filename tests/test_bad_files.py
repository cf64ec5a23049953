"""Bad files × what the clerk does with them (issue: two windows, read-only files, full disks and bad values).

Rows: random bytes, an empty file, a truncated database, another program's SQLite file, a
newer itadesk's file, a read-only file, a file in a read-only folder, a missing file, a file
in a missing folder, a directory. Columns: ``itadesk check``, ``itadesk export``, the window
opening it, the window opening it and the clerk typing into it. Every cell: a Thai message,
the exit code, no traceback, and the file byte for byte as it was (sha256) where nothing
should change. CI runs as root, which ignores file modes: read-only is ``chattr +i``.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from itadesk.store.store import Store

KINDS = ["random", "empty", "truncated", "foreign", "newer", "readonly_file", "readonly_folder",
         "missing_file", "missing_folder", "directory"]
# (check exit code, Thai words the check says) — export and the window say the same words
EXPECTED = {
    "random": (1, "ไม่ใช่ไฟล์ SQLite"),
    "empty": (1, "ว่างเปล่า"),
    "truncated": (1, "เสียหาย"),
    "foreign": (1, "ไม่ใช่ฐานข้อมูล itadesk"),
    "newer": (1, "ใหม่กว่า"),
    "readonly_file": (0, "ฐานข้อมูลสมบูรณ์"),
    "readonly_folder": (0, "ฐานข้อมูลสมบูรณ์"),
    "missing_file": (1, "ไม่พบไฟล์"),
    "missing_folder": (1, "ไม่พบโฟลเดอร์"),
    "directory": (1, "เป็นโฟลเดอร์"),
}
OPENS_READ_ONLY = {"readonly_file", "readonly_folder"}


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _chattr(flag: str, path: Path) -> bool:
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture
def bad_file(request, tmp_path, demo_template):
    """The file of one row; read-only ones are made immutable and made normal again after."""
    kind = request.param
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / f"{kind}.sqlite"
    immutable: list[Path] = []
    if kind == "random":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(Path(demo_template).read_bytes()[:24576])
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('สมชาย', '081')")
        conn.commit()
        conn.close()
    elif kind == "newer":
        shutil.copyfile(demo_template, path)
        db = Database(path)
        db.table("_sqlite_migrations").insert({"migration_set": "itadesk", "name": "m999_future", "applied_at": "x"})
        db.close()
    elif kind in OPENS_READ_ONLY:
        shutil.copyfile(demo_template, path)
        target = path if kind == "readonly_file" else folder
        if not _chattr("+i", target):
            pytest.skip("chattr +i is not supported on this file system")
        immutable.append(target)
    elif kind == "missing_folder":
        path = folder / "no-such-folder" / "x.sqlite"
    elif kind == "directory":
        path.mkdir()
    yield kind, path
    for target in immutable:
        _chattr("-i", target)


def _cli(*args, home: Path):
    import os

    env = dict(os.environ, ITADESK_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("bad_file", KINDS, indirect=True)
def test_check_and_export(bad_file, tmp_path):
    kind, path = bad_file
    code, words = EXPECTED[kind]
    before = _sha(path)
    r = _cli("check", str(path), home=tmp_path / "home")
    said = r.stdout + r.stderr
    assert r.returncode == code and words in said, said
    assert ("Traceback" not in said and "not an SQLite database" not in said) or kind == "random"
    out = tmp_path / "out" / "measures.pdf"
    r = _cli("export", "measures", "--db", str(path), "--year", "2568", "--out", str(out), home=tmp_path / "home")
    said = r.stdout + r.stderr
    assert "Traceback" not in said
    if code == 0:
        assert r.returncode == 0 and out.read_bytes().startswith(b"%PDF"), said
    else:
        assert r.returncode == 1 and "ผิดพลาด" in said and not out.exists(), said
        assert str(path) in said or words in said  # the path the clerk gave, never a ".part" name
        assert ".part" not in said
    assert _sha(path) == before  # reading never writes: not a migration, not an empty database
    assert path.exists() == (kind not in ("missing_file", "missing_folder"))
    assert [p.name for p in path.parent.glob("*-journal")] == [] if path.parent.exists() else True


@pytest.mark.parametrize("edit", [False, True], ids=["window", "window+edit"])
@pytest.mark.parametrize("bad_file", KINDS, indirect=True)
def test_window(bad_file, edit, qtbot, tmp_path):
    from keys import click_into, select_all, type_text
    from PySide6.QtCore import Qt

    from itadesk.errors import ItadeskError
    from itadesk.ui import app as ui_app
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.session import Session

    kind, path = bad_file
    _code, words = EXPECTED[kind]
    before = _sha(path)
    asked: list[str] = []

    def ask(_title, text):  # the clerk answers ไม่ใช่ to "create a new database here?"
        asked.append(text)
        return False

    if kind not in OPENS_READ_ONLY:
        with pytest.raises(ItadeskError) as info:
            ui_app.open_store(str(path), [], ask=ask)
        message = info.value.message_th
        assert words in message.replace("ไม่ใช่ไฟล์ฐานข้อมูล", "ไม่ใช่ไฟล์ SQLite") or words in message, message
        assert str(path) in message or kind in ("truncated", "newer"), message
        assert ".part" not in message
        assert bool(asked) == (kind == "missing_file")  # a missing file is asked about, never made silently
    else:
        store = ui_app.open_store(str(path), [], ask=ask)
        assert store.readonly and "อ่านอย่างเดียว" in store.readonly_reason and str(path.parent) in store.readonly_reason
        w = MainWindow(Session(store))
        w.quiet_errors = True
        qtbot.addWidget(w)
        w.show()
        qtbot.wait(10)  # the window becomes the active one
        messages: list[str] = []
        w.session.error.connect(lambda _t, m: messages.append(m))
        assert w.banners.readonly.isVisible()
        if edit:
            office = w.pages[0]
            w.tabs.setCurrentWidget(office)
            edit_box = office.fields_by_key["name"]
            click_into(qtbot, edit_box)
            select_all(edit_box)
            type_text(edit_box, "ไม่ควรถูกบันทึก")
            qtbot.keyClick(edit_box, Qt.Key.Key_Tab)
            assert edit_box.text() != "ไม่ควรถูกบันทึก"  # a read-only field takes no typing
            # a write that slips past the disabled widgets is refused with the same Thai message
            w.session.write(store.edit_office, "name", "ไม่ควรถูกบันทึก")
            assert messages and "อ่านอย่างเดียว" in messages[-1]
            w.undo()  # nothing to undo, nothing written
        w.close()
        store.close()
    assert _sha(path) == before
    assert path.exists() == (kind not in ("missing_file", "missing_folder"))
    if path.parent.exists():
        leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".itadesk-") or p.name.endswith("-journal")]
        assert leftovers == []
    assert not (Path(tmp_path / "home") / "crash.log").exists()


def test_read_only_file_saved_as_a_copy_opens_for_editing(qtbot, tmp_path, demo_template):
    """บันทึกสำเนาเป็น…: the read-only file's copy opens for editing; the original stays as it was."""
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.opening import open_for_window
    from itadesk.ui.session import Session

    path = tmp_path / "ro.sqlite"
    shutil.copyfile(demo_template, path)
    if not _chattr("+i", path):
        pytest.skip("chattr +i is not supported on this file system")
    try:
        before = _sha(path)
        w = MainWindow(Session(open_for_window(path)))
        w.quiet_errors = True
        qtbot.addWidget(w)
        assert w.session.store.readonly
        copy = tmp_path / "copy.sqlite"
        assert w.save_copy_to(copy)
        assert w.session.path == copy and not w.session.store.readonly and not w.banners.readonly.isVisible()
        w.session.write(w.session.store.edit_office, "name", "เทศบาลสำเนา")
        assert Store.open(copy, readonly=True).office().name == "เทศบาลสำเนา"
        assert not w.pages[0].fields_by_key["name"].isReadOnly()
        w.close()
        w.session.store.close()
        assert _sha(path) == before
    finally:
        _chattr("-i", path)


def test_an_older_file_is_upgraded_only_for_editing_after_a_copy(tmp_path):
    """Reading (check, export) never migrates; opening for editing copies the file beside it first."""
    from itadesk.store import schema

    path = tmp_path / "old.sqlite"
    db = Database(path, execute_plugins=False)
    schema.migrations.apply(db, stop_before="m013_undo_owner")
    db.execute("INSERT INTO office (id, name) VALUES (1, 'เทศบาลตำบลรุ่นเก่า')")
    db.execute("INSERT INTO years (year, overall) VALUES (2566, 91.5)")
    db.conn.commit()
    db.close()
    before = _sha(path)
    applied = [m.name for m in schema.migrations._migrations].index("m013_undo_owner")  # the ones before it
    for args in (("check", str(path)), ("export", "scores", "--db", str(path), "--year", "2566", "--out", str(tmp_path / "s.pdf"))):
        r = _cli(*args, home=tmp_path / "home")
        assert r.returncode == 0, r.stderr
    assert _sha(path) == before and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite") == ["old.sqlite"]
    readonly = Store.open(path, readonly=True)  # upgraded in memory for reading
    assert readonly.office().name == "เทศบาลตำบลรุ่นเก่า" and readonly.scores(2566).overall == 91.5
    readonly.close()
    assert _sha(path) == before
    store = Store.open(path)
    try:
        copy = tmp_path / f"old-ก่อนปรับรุ่น-{applied}.sqlite"
        assert str(copy) in store.notes[0]
        old = Store.open(copy, readonly=True)  # the file as it was: the old structure, the same data
        assert schema.applied_count(Database(sqlite3.connect(copy))) == applied
        assert old.office().name == "เทศบาลตำบลรุ่นเก่า" and old.scores(2566).overall == 91.5
        old.close()
        assert schema.applied_count(store.db) == schema.SCHEMA_VERSION
    finally:
        store.close()
