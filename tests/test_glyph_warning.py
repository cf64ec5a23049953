"""L6 in the window: the preview says which characters no font prints, and before a
document is saved (or printed) they are named with their fields and the clerk chooses
to fix them or print anyway."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.test_window_state import Clerk, click, type_file_name


def test_export_warns_about_characters_no_font_prints(qtbot, window):
    store = window.session.store
    m = store.measures(window.session.year)[0]
    m.title = "โครงการ ភាសាខ្មែរ"
    store.save_measure(m)
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    docs.kind.setCurrentIndex(docs.kind.findData("plan"))
    # the live preview shows boxes: the line beside it says why, and asks nothing
    with qtbot.waitSignal(docs.previewed, timeout=60000):
        QTest.mouseClick(docs.preview_button, Qt.MouseButton.LeftButton)
    assert "ភ" in docs.status.text() and "ชื่อมาตรการ/โครงการ/กิจกรรม" in docs.status.toolTip()

    first = window.session.path.parent / "plan.pdf"  # the save dialog opens beside the file
    clerk = Clerk(type_file_name("plan", "บันทึก"), click("ยกเลิก"))  # the clerk goes back to fix the text
    QTest.mouseClick(docs.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: clerk.done, timeout=5000)
    seen = clerk.seen[1]
    assert seen["title"] == "อักษรที่พิมพ์ไม่ได้" and seen["buttons"] == {"ตกลง", "ยกเลิก"}
    text = "\n".join(seen["labels"])
    assert "ភ" in text and "ชื่อมาตรการ/โครงการ/กิจกรรม" in text
    assert not docs.busy and not first.exists()

    clerk = Clerk(type_file_name("plan", "บันทึก"), click("ตกลง"))  # prints anyway
    with qtbot.waitSignal(docs.exported, timeout=60000):
        QTest.mouseClick(docs.save_button, Qt.MouseButton.LeftButton)
    assert clerk.done and first.read_bytes().startswith(b"%PDF")
    # the same findings are not asked about again: only the file dialog opens
    second = first.with_name("again.pdf")
    clerk = Clerk(type_file_name("again", "บันทึก"))
    with qtbot.waitSignal(docs.exported, timeout=60000):
        QTest.mouseClick(docs.save_button, Qt.MouseButton.LeftButton)
    assert clerk.done and len(clerk.seen) == 1 and second.read_bytes().startswith(b"%PDF")

    # fixed: the preview's warning goes
    m.title = "โครงการภาษาไทย"
    store.save_measure(m)
    qtbot.waitUntil(lambda: "ភ" not in docs.status.text() and not docs.busy and not docs.previewing, timeout=60000)
