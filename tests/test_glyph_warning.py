"""L6 in the window: before a document is made, characters no font prints are named
with their fields, and the clerk chooses to fix them or print anyway."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.test_window_state import Clerk, click


def test_export_warns_about_characters_no_font_prints(qtbot, window):
    store = window.session.store
    m = store.measures(window.session.year)[0]
    m.title = "โครงการ ភាសាខ្មែរ"
    store.save_measure(m)
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    docs.kind.setCurrentIndex(docs.kind.findData("plan"))

    clerk = Clerk(click("ยกเลิก"))  # the clerk goes back to fix the text
    QTest.mouseClick(docs.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=5000)
    seen = clerk.seen[0]
    assert seen["title"] == "อักษรที่พิมพ์ไม่ได้" and seen["buttons"] == {"ตกลง", "ยกเลิก"}
    text = "\n".join(seen["labels"])
    assert "ភ" in text and "ชื่อมาตรการ/โครงการ/กิจกรรม" in text
    assert not docs.busy and docs.last_pdf is None

    clerk = Clerk(click("ตกลง"))  # prints anyway
    with qtbot.waitSignal(docs.exported, timeout=60000):
        QTest.mouseClick(docs.preview_button, Qt.MouseButton.LeftButton)
    assert clerk.done and docs.last_pdf
    # the same findings are not asked about again
    with qtbot.waitSignal(docs.exported, timeout=60000):
        QTest.mouseClick(docs.preview_button, Qt.MouseButton.LeftButton)
