"""Type into fields of the real window, pause, and wait to be killed (run as its own process).

Usage: python kill_typing.py DB
Prints one JSON line (what was typed, where) after a 3 s pause with the event
loop running, then keeps the window open until the parent test sends SIGKILL.
Nothing is saved by a button or by closing: only the fields' own writes count.
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from itadesk.store.store import Store
from itadesk.ui.main_window import MainWindow
from itadesk.ui.session import Session
from tests.keys import type_text


def click_into(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # end of a multi-line box
    QTest.keyClick(widget, Qt.Key.Key_End)  # end of a one-line field


def main() -> int:
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Session(Store.open(sys.argv[1])))
    window.quiet_errors = True
    window.show()
    office, analysis, measures, memo = window.pages[0], window.pages[2], window.pages[3], window.pages[5]
    typed = []

    def typing(page, widget, text, record, leave: bool) -> None:
        window.tabs.setCurrentWidget(page)
        shown = widget.text() if hasattr(widget, "text") and not hasattr(widget, "toPlainText") else widget.toPlainText()
        click_into(widget)
        type_text(widget, text)
        if leave:  # half the fields are left with Tab, the others only paused in
            QTest.keyClick(widget, Qt.Key.Key_Tab)
        typed.append({"record": record, "text": text, "shown": shown})

    typing(office, office.fields_by_key["name"], " ทดสอบ", ["office", "name"], True)
    typing(office, office.units, "\nกองสวัสดิการสังคม", ["units"], False)
    window.tabs.setCurrentWidget(measures)
    measures.list.setCurrentRow(1)
    mid = measures.current_id
    typing(measures, measures.title_edit, " (แก้ไข)", ["measure", mid, "title"], True)
    typing(measures, measures.target, " ร้อยละ ๙๐", ["measure", mid, "target"], False)
    window.tabs.setCurrentWidget(analysis)
    analysis.list.setCurrentRow(2)
    year, no, _ = analysis.current
    typing(analysis, analysis.analysis, " วิเคราะห์เพิ่ม", ["analysis", year, no, "analysis"], True)
    typing(analysis, analysis.texts["foreword"], "\n\nคำนำเพิ่มเติม", ["text", year, "foreword"], False)
    window.tabs.setCurrentWidget(memo)
    if memo.current_id is None:
        new = next(b for b in memo.findChildren(QPushButton) if b.text() == "สร้างใหม่")
        QTest.mouseClick(new, Qt.MouseButton.LeftButton)
    typing(memo, memo.subject, " รอบ ๖ เดือน", ["memo", memo.current_id, "subject"], False)

    def report() -> None:
        print(json.dumps({"typed": typed}, ensure_ascii=False), flush=True)

    QTimer.singleShot(3000, report)  # the clerk's pause: timers run, nothing else happens
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
