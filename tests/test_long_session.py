"""A long session in the real window survives and stores every edit (issue: window aborts)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from itadesk.store.store import Store

DRIVER = Path(__file__).parent / "drivers" / "long_session.py"


def test_long_session_survives_and_keeps_every_edit(demo_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ITADESK_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, str(DRIVER), str(demo_path), "2000", "500"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, f"the window died (exit {proc.returncode}): {proc.stderr[-1500:]}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["switches"] == 2000 and report["edits"] == 500
    typed = report["typed"]
    store = Store.open(demo_path)
    try:
        office = store.office()
        for key, text in typed["office"].items():
            assert getattr(office, key) == text, f"office field {key}"
        for mid, text in typed["measures"].items():
            assert store.measure(int(mid)).title == text, f"measure {mid}"
        year = report["year"]
        topics = {a.indicator: a.topic for a in store.analyses(year)}
        for no, text in typed["analysis"].items():
            assert topics[int(no)] == text, f"analysis of indicator {no}"
    finally:
        store.close()
    assert len(typed["office"]) == 3 and typed["measures"] and typed["analysis"]
