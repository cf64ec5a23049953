"""A clerk's long session in the real window (offscreen), run as its own process.

Usage: python long_session.py DB SWITCHES EDITS
Switches records with real key presses in the measure and analysis lists and
types edits (real key events) into office fields, measure titles and analysis
topics; closes the window; prints a JSON summary of what it typed. The parent
test checks the exit code and reads the database afterwards.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from itadesk.store.store import Store
from itadesk.ui.main_window import MainWindow
from itadesk.ui.session import Session


def retype(widget, text: str) -> None:
    """Click into a one-line field, select everything and type ``text`` over it."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def main() -> int:
    db, switches, edits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Session(Store.open(db)))
    window.quiet_errors = True
    window.show()
    office, analysis, measures = window.pages[0], window.pages[2], window.pages[3]
    typed = {"office": {}, "measures": {}, "analysis": {}}
    none_before = sys.getrefcount(None)
    done_switches = done_edits = 0
    step = 0
    while done_switches < switches or done_edits < edits:
        step += 1
        target = step % 3
        if target == 0:  # office: type, then Tab away (the field saves when left)
            window.tabs.setCurrentWidget(office)
            if done_edits < edits:
                key = ("name", "phone", "website")[(step // 3) % 3]
                text = f"office-{key}-{step}"
                retype(office.fields_by_key[key], text)
                QTest.keyClick(office.fields_by_key[key], Qt.Key.Key_Tab)
                typed["office"][key] = text
                done_edits += 1
            continue
        page, lst = (measures, measures.list) if target == 1 else (analysis, analysis.list)
        window.tabs.setCurrentWidget(page)
        if done_edits < edits:
            row = lst.currentRow()
            if target == 1:
                rid, text = measures.measures[row].id, f"measure-{step}"
                retype(measures.title_edit, text)
                typed["measures"][str(rid)] = text
            else:
                rid, text = analysis.analyses[row].indicator, f"topic-{step}"
                retype(analysis.topic, text)
                typed["analysis"][str(rid)] = text
            done_edits += 1
        # record switches: real key presses in the list (Down, wrapping with Home)
        for _ in range(8):
            if done_switches >= switches:
                break
            lst.setFocus()
            if lst.currentRow() >= lst.count() - 1:
                QTest.keyClick(lst, Qt.Key.Key_Home)
            else:
                QTest.keyClick(lst, Qt.Key.Key_Down)
            done_switches += 1
        app.processEvents()
    window.close()
    app.processEvents()
    window.session.store.close()
    print(json.dumps({"year": window.session.year, "switches": done_switches, "edits": done_edits, "typed": typed,
                      "none_lost": none_before - sys.getrefcount(None)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
