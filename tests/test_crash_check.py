"""``itadesk check`` after a kill in mid-save (issue: two windows, read-only files, full disks and
bad values): an unfinished save is told apart from damage and recovered after a copy, or the clerk
is told to open the file once; never "not an SQLite database". Reading it (export) writes nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.store.connect import hot_journal, journal_path

DRIVER = Path(__file__).parent / "drivers" / "store_writer.py"


def _crash(path: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]), ITADESK_HOME=str(tmp_path / "home"))
    r = subprocess.run([sys.executable, str(DRIVER), "crash", str(path)], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert hot_journal(path), "the kill left no unfinished save to recover"


def _cli(*args, tmp_path):
    env = dict(os.environ, ITADESK_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "itadesk", *args], capture_output=True, text=True, timeout=120, env=env)


def _content(path: Path) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, monitoring FROM measures ORDER BY id").fetchall()
    finally:
        conn.close()


def test_check_recovers_an_unfinished_save_after_a_copy(demo_path, tmp_path):
    before = _content(demo_path)
    _crash(demo_path, tmp_path)
    # reading writes nothing, even now: the export reads the last complete save from a copy
    sha = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    r = _cli("export", "measures", "--db", str(demo_path), "--year", "2568", "--out", str(tmp_path / "m.pdf"), tmp_path=tmp_path)
    assert r.returncode == 0, r.stderr
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == sha and hot_journal(demo_path)
    r = _cli("check", str(demo_path), tmp_path=tmp_path)
    said = r.stdout + r.stderr
    assert r.returncode == 0, said
    assert "ยังไม่เสร็จ" in said and "กู้คืน" in said and "not an SQLite database" not in said and "ไม่ใช่" not in said
    copies = sorted(demo_path.parent.glob("demo-ก่อนกู้คืน-*"))
    assert [p.suffix for p in copies] == [".sqlite", ".sqlite-journal"]  # the file and its journal, as they were
    assert not journal_path(demo_path).exists()
    assert _content(demo_path) == before  # the half save rolled back: the last complete save
    assert _cli("check", str(demo_path), tmp_path=tmp_path).returncode == 0


def test_check_in_a_read_only_folder_says_to_open_the_file_once(demo_path, tmp_path):
    _crash(demo_path, tmp_path)
    folder = demo_path.parent
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not supported on this file system")
    try:
        sha = hashlib.sha256(demo_path.read_bytes()).hexdigest()
        r = _cli("check", str(demo_path), tmp_path=tmp_path)
        said = r.stdout + r.stderr
        assert r.returncode == 1
        assert "ยังไม่เสร็จ" in said and "เปิดไฟล์นี้ในโปรแกรม itadesk หนึ่งครั้ง" in said and "ไม่ใช่ไฟล์เสียหาย" in said
        assert "not an SQLite database" not in said and "Traceback" not in said
        assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == sha
    finally:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)


def test_opening_for_editing_finishes_the_recovery(demo_path, tmp_path):
    from itadesk.store.store import Store

    before = _content(demo_path)
    _crash(demo_path, tmp_path)
    store = Store.open(demo_path)
    try:
        assert not hot_journal(demo_path)
        assert [(m.id, m.monitoring) for m in store.measures(2568)] == [r for r in before if r[0] in
                                                                       {m.id for m in store.measures(2568)}]
    finally:
        store.close()
    assert _cli("check", str(demo_path), tmp_path=tmp_path).returncode == 0


def test_kills_at_random_moments_of_saving(demo_path, tmp_path):
    """The window killed while saving, four times at random moments: every check ends sound."""
    import random
    import time

    code = ("import sys\nfrom itadesk.store.store import Store\ns = Store.open(sys.argv[1])\n"
            "mid = s.measures(2568)[0].id\nprint('go', flush=True)\nn = 0\n"
            "while True:\n    s.edit_measure(mid, 'monitoring', 'ติดตาม ' * (2000 + n % 7 * 500))\n    n += 1\n")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]), ITADESK_HOME=str(tmp_path / "home"))
    rng = random.Random(13)
    recovered = 0
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", code, str(demo_path)], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        unfinished = hot_journal(demo_path)
        r = _cli("check", str(demo_path), tmp_path=tmp_path)
        said = r.stdout + r.stderr
        assert r.returncode == 0 and "not an SQLite database" not in said, said
        recovered += unfinished and "กู้คืน" in said
    print(f"\n{recovered} of 4 kills left an unfinished save; check recovered each")
