"""Exports can be cancelled, and leave nothing behind (issue: two windows, read-only files, full
disks and bad values): ยกเลิก beside the busy bar kills the export's worker process; closing the
window ends it too; temporary files of interrupted exports and backups are swept the next time."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import Qt, QThreadPool

from itadesk import atomic


def _heavy_memo(window) -> None:
    """A memo long enough that its export is still running when the clerk cancels it."""
    store = window.session.store
    memo = store.memos(2568)[-1]  # the memo the documents tab prints (the latest of the year)
    text = " ".join(["การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"] * 3000)
    store.edit_memo(memo.id, "paragraphs", [text, text, text])
    window.year_box.setCurrentIndex(window.year_box.findData(2568))


def _busy_worker(qtbot, docs) -> None:
    qtbot.waitUntil(lambda: docs._worker._proc is not None and docs._worker._proc.is_alive(), timeout=20000)
    qtbot.wait(300)  # the worker has the job and is rendering it


def test_cancel_stops_the_export_at_once(qtbot, window, tmp_path):
    _heavy_memo(window)
    docs = window.pages[6]
    window.tabs.setCurrentWidget(docs)
    docs.kind.setCurrentIndex(docs.kind.findData("memo"))
    out = tmp_path / "out" / "memo.pdf"
    out.parent.mkdir()
    messages: list[str] = []
    window.session.error.connect(lambda _t, m: messages.append(m))
    assert docs.export(str(out))
    assert docs.cancel_button.isVisible() and docs.progress.maximum() == 0
    _busy_worker(qtbot, docs)
    proc = docs._worker._proc
    assert not docs.export(str(out))  # a second export is refused aloud, not silently
    assert "ยกเลิก" in messages[-1]
    started = time.monotonic()
    with qtbot.waitSignal(docs.cancelled, timeout=10000):
        qtbot.mouseClick(docs.cancel_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 5
    assert not proc.is_alive() and not docs.busy and not docs.cancel_button.isVisible()
    assert docs.status.text() == "ยกเลิกแล้ว"
    assert list(out.parent.iterdir()) == []  # no PDF, no half-written temporary file
    # the next export starts a fresh worker and succeeds
    docs.kind.setCurrentIndex(docs.kind.findData("scores"))
    with qtbot.waitSignal(docs.exported, timeout=60000):
        assert docs.export(str(tmp_path / "out" / "scores.pdf"))
    assert (tmp_path / "out" / "scores.pdf").read_bytes().startswith(b"%PDF")


def test_closing_the_window_ends_the_export(qtbot, window, tmp_path):
    _heavy_memo(window)
    docs = window.pages[6]
    docs.kind.setCurrentIndex(docs.kind.findData("memo"))
    out = tmp_path / "memo.pdf"
    assert docs.export(str(out))
    _busy_worker(qtbot, docs)
    proc = docs._worker._proc
    window.close()
    assert not proc.is_alive()
    assert QThreadPool.globalInstance().waitForDone(5000)  # nothing keeps the program alive
    qtbot.wait(50)
    assert not out.exists() and not list(tmp_path.glob(".itadesk-*"))


def _dead_pid() -> int:
    pid = 4_000_000
    while atomic.pid_alive(pid):
        pid -= 1
    return pid


def test_stale_temporary_files_are_swept(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f".itadesk-{dead}-abc.pdf.part"
    stale_journal = tmp_path / f".itadesk-{dead}-def.sqlite.part-journal"
    live = tmp_path / f".itadesk-{os.getpid()}-ghi.pdf.part"  # being written by this process now
    old = tmp_path / ".itadesk-k2j3h4.pdf"  # an older itadesk's name, without a pid, a day old
    fresh = tmp_path / ".itadesk-p9q8r7.pdf"
    mine = tmp_path / "report.pdf"
    for p in (stale, stale_journal, live, old, fresh, mine):
        p.write_bytes(b"%PDF-1.4 half")
    os.utime(old, (time.time() - 86400, time.time() - 86400))
    removed = atomic.sweep(tmp_path)
    assert sorted(removed) == sorted([stale, stale_journal, old])
    assert live.exists() and fresh.exists() and mine.exists()
    # a killed window's preview folder goes too; a running one's stays
    (tmp_path / f"itadesk-preview-{dead}-x1").mkdir()
    (tmp_path / f"itadesk-preview-{os.getpid()}-x2").mkdir()
    assert [p.name for p in atomic.sweep_dirs(tmp_path, "itadesk-preview-")] == [f"itadesk-preview-{dead}-x1"]
    assert (tmp_path / f"itadesk-preview-{os.getpid()}-x2").exists()


def test_an_export_sweeps_what_a_killed_export_left(demo_path, tmp_path):
    from itadesk.export.documents import export_document

    out = tmp_path / "out"
    out.mkdir()
    left = out / f".itadesk-{_dead_pid()}-zz.pdf.part"
    left.write_bytes(b"%PDF-1.4 half")
    export_document("scores", db=demo_path, year=2568, out=out / "scores.pdf")
    assert not left.exists() and [p.name for p in out.iterdir()] == ["scores.pdf"]
