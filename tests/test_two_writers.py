"""Two processes on one file (issue: two windows, read-only files, full disks and bad values).

One writer per file (the edit lock, taken over from a killed process), readers that
never make a write fail, no lost update, undo that acts only on its own steps.
"""

from __future__ import annotations

import getpass
import json
import os
import platform
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.errors import ConflictError, FileInUseError, ReadOnlyError
from itadesk.store import lock
from itadesk.store.store import Store

DRIVER = Path(__file__).parent / "drivers" / "store_writer.py"


def _env(tmp_path):
    return dict(os.environ, ITADESK_HOME=str(tmp_path / "home2"), PYTHONPATH=str(Path(__file__).parents[1]))


def _holder(path, tmp_path) -> tuple[subprocess.Popen, dict]:
    proc = subprocess.Popen([sys.executable, str(DRIVER), "hold", str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    line = proc.stdout.readline()
    assert line, proc.stderr.read()[-2000:]
    return proc, json.loads(line)


def test_second_process_opens_read_only_and_says_who(demo_path, tmp_path, qtbot):
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.opening import open_for_window
    from itadesk.ui.session import Session

    proc, ready = _holder(demo_path, tmp_path)
    try:
        with pytest.raises(FileInUseError) as info:
            Store.open(demo_path)
        holder = info.value.holder
        assert (holder.user, holder.host, holder.pid) == (getpass.getuser(), platform.node(), ready["pid"])
        message = info.value.message_th
        assert str(demo_path) in message and getpass.getuser() in message and platform.node() in message
        assert "ตั้งแต่" in message and "เวลา" in message  # since when

        store = open_for_window(demo_path)  # the window's way: read-only, with the reason
        assert store.readonly and store.readonly_reason == message
        w = MainWindow(Session(store))
        w.quiet_errors = True
        qtbot.addWidget(w)
        w.show()
        banner = w.banners.readonly_text.text()
        assert w.banners.readonly.isVisible() and "อ่านอย่างเดียว" in banner and getpass.getuser() in banner
        assert w.pages[0].fields_by_key["name"].isReadOnly() and not w.year_actions[0].isEnabled()
        assert not w.pages[3].editor.isEnabled() or not w.pages[3].title_edit.isEnabled() or w.pages[3].title_edit.isReadOnly()
        docs = w.pages[6]
        assert docs.preview_button.isEnabled() and docs.save_button.isEnabled()  # documents still come out
        docs.kind.setCurrentIndex(docs.kind.findData("scores"))
        with qtbot.waitSignal(docs.exported, timeout=60000):
            assert docs.export(str(tmp_path / "scores.pdf"))
        with pytest.raises(ReadOnlyError):
            store.edit_office("name", "ไม่ควรบันทึก")
        assert not w.retry_editing()  # still held: stays read-only, and says so
        assert w.session.store.readonly
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0
    # the holder closed cleanly: "ลองเปิดแก้ไขอีกครั้ง" opens the file for editing, and inherits its step
    assert w.retry_editing()
    store = w.session.store
    assert not store.readonly and not w.banners.readonly.isVisible()
    assert store.undo_label() == ready["undo"] and w.undo_action.isEnabled()
    assert store._lock.taken_over is None  # released, not taken over
    assert not w.pages[0].fields_by_key["name"].isReadOnly() and w.year_actions[0].isEnabled()
    w.close()
    store.close()


def test_lock_of_a_killed_process_is_taken_over(demo_path, tmp_path):
    proc, ready = _holder(demo_path, tmp_path)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert lock.info_path(demo_path).exists()  # the killed process could not clean up
    store = Store.open(demo_path)
    try:
        taken = store._lock.taken_over
        assert taken is not None and taken.pid == ready["pid"]
        assert lock.read_holder(demo_path).pid == os.getpid()  # the description is ours now
        # the killed session's step is this session's to undo
        assert store.undo_label() == ready["undo"]
        assert store.office().phone == "0-0000-0000 (held)"
        store.undo()
        assert store.office().phone != "0-0000-0000 (held)"
    finally:
        store.close()
    assert not lock.info_path(demo_path).exists()


def test_a_concurrent_reader_never_makes_a_write_fail(demo_path, tmp_path):
    """An export reads the file again and again (read-only) while the store writes: no write fails."""
    out = tmp_path / "exports"
    out.mkdir()
    reader = subprocess.Popen([sys.executable, str(DRIVER), "export", str(demo_path), "5", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    store = Store.open(demo_path)
    writes = 0
    try:
        mid = store.measures(2568)[0].id
        while reader.poll() is None:
            store.edit_measure(mid, "monitoring", f"รายงานทุกเดือน ครั้งที่ {writes}")  # raises on any failure
            writes += 1
        assert store.measure(mid).monitoring == f"รายงานทุกเดือน ครั้งที่ {writes - 1}"
    finally:
        store.close()
    summary = json.loads(reader.stdout.read())
    assert reader.returncode == 0, reader.stderr.read()[-2000:]
    assert summary["errors"] == [] and summary["exports"] >= 2
    assert writes >= 20
    assert not list(out.glob(".itadesk-*")), "an export left a temporary file"


def test_undo_acts_only_on_the_steps_of_its_own_session(demo_path):
    """Window A and a second writer B on one file: A's Ctrl+Z never undoes B's memo subject."""
    a = Store.open(demo_path)
    b = Store.open(demo_path, lock=False)  # a second session sharing the file (a script)
    try:
        memo_id = a.memos(2568)[0].id
        subject = a.memo(memo_id).subject
        name = a.office().name
        a.edit_office("name", "เทศบาลตำบลเอ")
        b.edit_memo(memo_id, "subject", "เรื่องที่บีแก้")
        assert a.undo_label() == "แก้ไขชื่อหน่วยงาน" and b.undo_label().startswith("แก้ไขเรื่อง")
        assert a.undo() == "แก้ไขชื่อหน่วยงาน"
        assert a.office().name == name and a.memo(memo_id).subject == "เรื่องที่บีแก้"
        assert a.undo_label() is None  # B's step is not A's to undo
        b.undo()
        assert a.memo(memo_id).subject == subject
        a.redo()
        assert a.office().name == "เทศบาลตำบลเอ"

        # the same field changed by both: A's undo would set back B's later change, so it is refused
        mid = a.measures(2568)[0].id
        a.edit_measure(mid, "title", "ชื่อจากเอ")
        b.edit_measure(mid, "title", "ชื่อจากบี")
        a.edit_measure(mid, "budget", 5000)
        assert a.undo().startswith("แก้ไขงบประมาณ")  # a different column: fine
        with pytest.raises(ConflictError) as info:
            a.undo()
        assert "ที่อื่น" in info.value.message_th
        assert a.measure(mid).title == "ชื่อจากบี"  # never overwritten blindly
    finally:
        b.close()
        a.close()


def test_typing_over_a_change_made_elsewhere_is_reported_not_written(qtbot, window, demo_path):
    """A lost update: both edit one measure; the window's late save must not write its stale title."""
    from keys import click_into, select_all, type_text
    from PySide6.QtCore import Qt

    measures = window.pages[3]
    window.tabs.setCurrentWidget(measures)
    mid = measures.current_id
    other = Store.open(demo_path, lock=False)  # another window / a script, on the same file
    try:
        click_into(qtbot, measures.title_edit)
        select_all(measures.title_edit)
        type_text(measures.title_edit, "ชื่อที่หน้าต่างพิมพ์")
        other.edit_measure(mid, "title", "ชื่อที่อีกหน้าต่างบันทึก")
        other.edit_measure(mid, "target", "เป้าหมายจากอีกหน้าต่าง")
        qtbot.keyClick(measures.title_edit, Qt.Key.Key_Tab)  # leaving the field flushes it
        store = window.session.store
        assert store.measure(mid).title == "ชื่อที่อีกหน้าต่างบันทึก"  # not overwritten
        assert measures.title_edit.text() == "ชื่อที่หน้าต่างพิมพ์"  # nothing typed is lost
        assert "ชื่อที่อีกหน้าต่างบันทึก" in measures.title_edit.toolTip()
        assert measures.target.toPlainText() == "เป้าหมายจากอีกหน้าต่าง"  # the other field shows the new value
        # a field nobody else touched is written as usual, beside the other's change
        click_into(qtbot, measures.budget)
        select_all(measures.budget)
        type_text(measures.budget, "12,500")
        qtbot.keyClick(measures.budget, Qt.Key.Key_Tab)
        assert store.measure(mid).budget == 12500 and store.measure(mid).target == "เป้าหมายจากอีกหน้าต่าง"
        # Ctrl+S: the clerk keeps what they typed, knowingly
        qtbot.keyClick(measures.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert store.measure(mid).title == "ชื่อที่หน้าต่างพิมพ์"
    finally:
        other.close()


STRESS_SECONDS = 20


def test_two_writers_for_twenty_seconds(qtbot, window, demo_path, tmp_path):
    """A script writes through the store beside the window for 20 s while the clerk types:
    no crash, no untranslated error, no lost change (each side's last values are stored)."""
    import time

    from keys import click_into, select_all, type_text
    from PySide6.QtCore import Qt

    errors: list[str] = []
    window.session.error.connect(lambda _title, message: errors.append(message))
    window.year_box.setCurrentIndex(window.year_box.findData(2568))  # the year the script writes too
    assert window.session.year == 2568
    script = subprocess.Popen([sys.executable, str(DRIVER), "stress", str(demo_path), str(STRESS_SECONDS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path))
    measures, memo = window.pages[3], window.pages[5]
    typed: dict[int, str] = {}
    subject = None
    n = 0
    started = time.monotonic()
    while script.poll() is None and time.monotonic() - started < STRESS_SECONDS + 30:
        window.tabs.setCurrentWidget(measures)
        row = n % measures.list.count()
        measures.list.setCurrentRow(row)
        mid = measures.current_id
        click_into(qtbot, measures.title_edit)
        select_all(measures.title_edit)
        typed[mid] = f"มาตรการทดสอบ {n}"
        type_text(measures.title_edit, typed[mid])
        qtbot.keyClick(measures.title_edit, Qt.Key.Key_Tab)
        if n % 3 == 0:
            window.tabs.setCurrentWidget(memo)
            click_into(qtbot, memo.subject)
            select_all(memo.subject)
            subject = f"รายงานรอบที่ {n}"
            type_text(memo.subject, subject)
            qtbot.keyClick(memo.subject, Qt.Key.Key_Tab)
        n += 1
    out, err = script.communicate(timeout=60)
    assert script.returncode == 0, err[-2000:]
    summary = json.loads(out)
    print(f"\nstress {STRESS_SECONDS} s: script {summary['writes']} rounds (3 writes each), worst wait "
          f"{summary['worst_s']} s, errors {len(summary['errors'])}; window {n} title edits, {len(errors)} messages")
    assert summary["errors"] == [], summary["errors"][:5]
    assert errors == [], errors[:5]
    assert summary["writes"] >= 50 and n >= 10
    store = window.session.store
    for mid, title in typed.items():  # the window's last title of each measure
        assert store.measure(mid).title == title
    for key, k in summary["last"].items():  # the script's last values
        if key == "memo":
            assert store.memos(2568)[0].closing == f"จึงเรียนมาเพื่อโปรดทราบ ({k})"
        else:
            m = store.measure(int(key))
            assert (m.target, m.budget) == (f"เป้าหมายจากสคริปต์ {k}", float(1000 + k))
    assert store.memo(memo.current_id).subject == subject  # the memo the window showed (the latest of the year)
    from itadesk.store.check import check_database

    assert check_database(demo_path) == []
