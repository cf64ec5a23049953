"""A full disk, simulated with a file size limit (issue: two windows, read-only files, full disks
and bad values): an export, a backup, a new demo and a database write each end with a Thai message,
leave no partial file beside their target, and the database still passes ``itadesk check``.

The child process gets ``RLIMIT_FSIZE`` and nothing else: itadesk itself must turn SIGXFSZ
(which would kill it) into a write error (``atomic.ignore_file_size_signal``)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

resource = pytest.importorskip("resource", reason="a file size limit needs the POSIX resource module")
pytestmark = pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no file size limit on this system")
LIMIT = 64 * 1024  # bytes any one file may grow to in the child


def _limited(args: list[str], tmp_path: Path, limit: int = LIMIT, **env) -> subprocess.CompletedProcess:
    def limit_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    environ = dict(os.environ, ITADESK_HOME=str(tmp_path / "home"), PYTHONDONTWRITEBYTECODE="1",
                   QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parents[1]), **env)
    return subprocess.run(args, capture_output=True, text=True, timeout=180, env=environ, preexec_fn=limit_size)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check(path: Path, tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "itadesk", "check", str(path)], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, ITADESK_HOME=str(tmp_path / "home")))
    assert r.returncode == 0, r.stdout + r.stderr


def test_export_on_a_full_disk(demo_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # the word list cache is made on the first start, before any disk fills up
    warm = subprocess.run([sys.executable, "-m", "itadesk", "export", "scores", "--db", str(demo_path), "--year", "2568",
                           "--out", str(tmp_path / "warm.pdf")], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, ITADESK_HOME=str(tmp_path / "home")))
    assert warm.returncode == 0, warm.stderr
    before = _sha(demo_path)
    r = _limited([sys.executable, "-m", "itadesk", "export", "measures", "--db", str(demo_path), "--year", "2568",
                  "--out", str(out / "report.pdf")], tmp_path)
    assert r.returncode == 1, r.stderr
    assert "ดิสก์เต็ม" in r.stderr and str(out / "report.pdf") in r.stderr and "Traceback" not in r.stderr
    assert list(out.iterdir()) == []  # no half PDF, no temporary file
    assert _sha(demo_path) == before
    _check(demo_path, tmp_path)


def test_demo_on_a_full_disk(tmp_path):
    target = tmp_path / "new" / "demo.sqlite"
    r = _limited([sys.executable, "-m", "itadesk", "demo", str(target)], tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert str(target) in r.stderr and ".part" not in r.stderr
    assert list(target.parent.iterdir()) == []


def test_backup_on_a_full_disk_in_the_window(demo_path, tmp_path):
    target = tmp_path / "backups" / "copy.sqlite"
    target.parent.mkdir()
    script = textwrap.dedent(f"""
        from PySide6.QtWidgets import QApplication
        from itadesk.atomic import ignore_file_size_signal
        from itadesk.store.store import Store
        from itadesk.ui.main_window import MainWindow
        from itadesk.ui.session import Session
        app = QApplication([])
        ignore_file_size_signal()  # as itadesk.ui.app.run does
        w = MainWindow(Session(Store.open({str(demo_path)!r})))
        w.quiet_errors = True
        print(w.backup_to(__import__("pathlib").Path({str(target)!r})))
        print(w.statusBar().currentMessage())
        w.close()
    """)
    before = _sha(demo_path)
    r = _limited([sys.executable, "-c", script], tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    ok, message = r.stdout.splitlines()[:2]
    assert ok == "False" and "ดิสก์เต็ม" in message and str(target) in message
    assert list(target.parent.iterdir()) == []
    assert _sha(demo_path) == before
    _check(demo_path, tmp_path)


def test_database_write_on_a_full_disk(demo_path, tmp_path):
    """The file may not grow: a large edit fails in Thai, the file keeps its last commit."""
    size = demo_path.stat().st_size
    script = textwrap.dedent(f"""
        from itadesk.errors import ItadeskError
        from itadesk.store.store import Store
        s = Store.open({str(demo_path)!r})
        mid = s.measures(2568)[0].id
        before = s.measure(mid).monitoring
        try:
            s.edit_measure(mid, "monitoring", "ติดตามทุกเดือน " * 20000)
            print("WRITTEN")
        except ItadeskError as err:
            print(err.message_th)
        print(s.measure(mid).monitoring == before)
        s.edit_office("phone", "0-1234-5678")  # a small write still works: the file is not broken
        print(s.office().phone)
        s.close()
    """)
    r = _limited([sys.executable, "-c", script], tmp_path, limit=size + 8192)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert "ดิสก์เต็ม" in lines[0] or "เขียนไฟล์ฐานข้อมูลไม่สำเร็จ" in lines[0], lines
    assert "ไม่เสียหาย" in lines[0] and lines[1] == "True" and lines[2] == "0-1234-5678"
    assert not Path(str(demo_path) + "-journal").exists()
    _check(demo_path, tmp_path)
