"""The installed PySide6 must not leak references to ``None`` (issue: window aborts).

PySide6 6.12.0 drops one reference to ``None`` on every setter call. On Python
3.11 ``None`` is an ordinary object, so after a few thousand edits Python frees it
and the process dies with "none_dealloc". The check runs in a subprocess so that
a bad release kills the child, not the test run.
"""

import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6.QtWidgets")

CALLS = 20_000

PROBE = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit,
                                   QSpinBox, QTableWidget, QTableWidgetItem)

    app = QApplication([])
    line, text, combo, spin, date = QLineEdit(), QPlainTextEdit(), QComboBox(), QSpinBox(), QDateEdit()
    combo.addItems(["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ"])
    table = QTableWidget(1, 1)
    cell = QTableWidgetItem()
    table.setItem(0, 0, cell)
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    day = QDate(2026, 11, 22)
    setters = {{
        "QLineEdit.setText": lambda n: line.setText(str(n % 7)),
        "QPlainTextEdit.setPlainText": lambda n: text.setPlainText("ข้อความ"),
        "QComboBox.setCurrentIndex": lambda n: combo.setCurrentIndex(n % 2),
        "QSpinBox.setValue": lambda n: spin.setValue(n % 50),
        "QDateEdit.setDate": lambda n: date.setDate(day),
        "QTableWidgetItem.setText": lambda n: cell.setText("๙๘.๕๐"),
        "QStandardItemModel.setData": lambda n: model.setData(index, "88.37", Qt.ItemDataRole.EditRole),
    }}
    immortal = sys.version_info >= (3, 12)
    result = {{"immortal": immortal, "lost": {{}}}}
    for name, call in setters.items():
        before = sys.getrefcount(None)
        for n in range({CALLS}):
            call(n)
        result["lost"][name] = before - sys.getrefcount(None)
    print(json.dumps(result))
""")


def test_qt_setters_keep_references_to_none():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, f"the Qt setter loop died (exit {proc.returncode}): {proc.stderr[-800:]}"
    import json

    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["immortal"]:
        return  # None cannot be freed on this Python; the exit code above is the whole check
    # a few references may be cached by Qt's converters; a leak is one per call
    leaking = {name: lost for name, lost in result["lost"].items() if lost > 100}
    assert not leaking, f"PySide6 loses references to None ({CALLS} calls each): {leaking}"
