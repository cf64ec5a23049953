"""Kill the window 3 s after typing: nothing typed is lost (issue: every keystroke kept)."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from itadesk.store.store import Store

DRIVER = Path(__file__).parent / "drivers" / "kill_typing.py"


def _stored(store: Store, record: list):
    kind = record[0]
    if kind == "office":
        return getattr(store.office(), record[1])
    if kind == "units":
        return "\n".join(u.name for u in store.units())
    if kind == "measure":
        return getattr(store.measure(record[1]), record[2])
    if kind == "analysis":
        _, year, no, field = record
        return getattr(next(a for a in store.analyses(year) if a.indicator == no), field)
    if kind == "text":
        return store.text(record[1], record[2])
    if kind == "memo":
        return getattr(store.memo(record[1]), record[2])
    raise AssertionError(record)


def test_sigkill_after_a_pause_loses_nothing(demo_path, tmp_path):
    import shutil

    shutil.copyfile(demo_path, tmp_path / "before.sqlite")  # the values before any typing
    before = Store.open(tmp_path / "before.sqlite")
    originals = {}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ITADESK_HOME=str(tmp_path / "home"))
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(demo_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()[-2000:]
        typed = json.loads(line)["typed"]
        for t in typed:
            try:  # what the file held before; a memo made by "สร้างใหม่" in the window was not there
                originals[json.dumps(t["record"])] = _stored(before, t["record"])
            except Exception:
                originals[json.dumps(t["record"])] = t["shown"]
            assert originals[json.dumps(t["record"])] == t["shown"], t["record"]
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        before.close()
    assert proc.returncode == -signal.SIGKILL
    store = Store.open(demo_path)
    try:
        assert len(typed) == 7
        for t in typed:
            stored = _stored(store, t["record"])
            assert stored == originals[json.dumps(t["record"])] + t["text"], t["record"]
    finally:
        store.close()
