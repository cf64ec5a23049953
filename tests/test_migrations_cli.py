import subprocess
import sys

import pytest
from sqlite_utils import Database

from itadesk.store import schema
from itadesk.store.check import check_database
from itadesk.store.store import Store

MIGRATION_NAMES = [m.name for m in schema.migrations._migrations]


@pytest.mark.parametrize("stop_before", MIGRATION_NAMES[1:] + [None])
def test_every_schema_version_migrates_forward(tmp_path, stop_before):
    """A file left at any released schema version opens, upgrades and keeps its data."""
    path = tmp_path / "old.sqlite"
    db = Database(path, execute_plugins=False)
    schema.migrations.apply(db, stop_before=stop_before)
    db.execute("INSERT INTO office (id, name) VALUES (1, 'เทศบาลตำบลทดสอบ')")
    db.execute("INSERT INTO years (year, overall) VALUES (2566, 91.5)")
    db.conn.commit()
    db.close()
    store = Store.open(path)
    assert schema.applied_count(store.db) == schema.SCHEMA_VERSION
    assert store.office().name == "เทศบาลตำบลทดสอบ"
    assert store.scores(2566).overall == 91.5
    store.set_scores(2566, overall=92)
    store.undo()
    assert store.scores(2566).overall == 91.5
    store.close()
    assert check_database(path) == []


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    Store.open(path).close()
    db = Database(path)
    db.table("_sqlite_migrations").insert({"migration_set": "itadesk", "name": "m999_future", "applied_at": "x"})
    db.close()
    with pytest.raises(Exception, match="newer"):
        Store.open(path)
    assert any("newer" in p for p in check_database(path))


def _run(*args):
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True, text=True, timeout=120)


def test_cli_version_demo_check(tmp_path):
    assert _run("--version").stdout.startswith("itadesk ")
    target = tmp_path / "d.sqlite"
    assert _run("demo", str(target)).returncode == 0
    again = _run("demo", str(target))
    assert again.returncode == 1 and "overwrite" in again.stderr
    ok = _run("check", str(target))
    assert ok.returncode == 0, ok.stderr
    import sqlite3

    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_check_reports_damage(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    r = _run("check", str(bad))
    assert r.returncode == 1 and r.stderr.strip()
    r = _run("check", str(tmp_path / "none.sqlite"))
    assert r.returncode == 1 and "not found" in r.stderr


def test_check_finds_broken_references(demo_path):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM measures WHERE id = (SELECT min(id) FROM measures)")
    conn.commit()
    conn.close()
    assert any("foreign key" in p for p in check_database(demo_path))


CORE_MODULES = [
    "itadesk.cli", "itadesk.paths", "itadesk.errors", "itadesk.domain.models", "itadesk.domain.framework",
    "itadesk.domain.levels", "itadesk.domain.thai_dates", "itadesk.domain.validation", "itadesk.store.store",
    "itadesk.store.demo", "itadesk.store.check",
]


def test_core_never_loads_qt():
    code = "import sys\n" + "".join(f"import {m}\n" for m in CORE_MODULES) + (
        "import itadesk.cli as c\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_module_outside_ui_imports_pyside():
    """Import statements, read with ast (a script string that a module runs in a child
    process, like the print benchmark's, is not an import). lint-imports checks the same."""
    import ast
    from pathlib import Path

    import itadesk

    root = Path(itadesk.__file__).parent
    offenders = []
    for p in root.rglob("*.py"):
        if "ui" in p.relative_to(root).parts:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(p.relative_to(root)))
    assert offenders == []
