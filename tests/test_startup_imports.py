"""What the window loads to start: heavy libraries a clerk may not need that day wait until used."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("PySide6.QtWidgets")


def test_window_start_does_not_load_spreadsheets_numpy_or_pdf_rendering():
    code = ("import sys, json; import itadesk.ui.main_window; "
            "print(json.dumps({m: m in sys.modules for m in ('openpyxl', 'numpy', 'pandas', 'reportlab', 'pypdfium2')}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    # openpyxl+numpy ~0.5 s, reportlab ~0.2 s: each is imported on the first Excel or PDF action
    assert loaded == {"openpyxl": False, "numpy": False, "pandas": False, "reportlab": False, "pypdfium2": False}, loaded
