"""Tabs are built when first shown: the window opens on one, and a tab opened later
shows the file as it is then, takes typing like any other, and honours a read-only file."""

from __future__ import annotations

from keys import click_into, select_all, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from itadesk.store.store import Store


def _click_tab(qtbot, window, page) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(page)).center())


def test_the_window_opens_with_only_its_current_tab_built(window):
    built = [page.built for page in window.pages]
    assert built[window.tabs.currentIndex()] is True
    assert sum(built) == 1, built
    # every tab has its Thai title before it is built
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [type(p).TITLE for p in window.pages]
    assert all(window.tabs.tabText(i) for i in range(window.tabs.count()))


def test_a_tab_opened_later_shows_what_was_stored_meanwhile_and_keeps_typing(qtbot, window):
    memo = window.pages[5]
    assert not memo.built
    store = window.session.store
    window.year_box.setCurrentIndex(window.year_box.findData(2568))  # the demo's year with memos
    assert window.session.year == 2568 and not memo.built
    latest = store.memos(2568)[-1]
    # another program (or this window's undo) changes the memo while its tab was never opened
    window.session.write(store.edit_memo, latest.id, "subject", "เรื่องที่เขียนก่อนเปิดแท็บ")
    _click_tab(qtbot, window, memo)
    assert window.tabs.currentWidget() is memo and memo.built
    qtbot.waitUntil(lambda: memo.subject.isVisible())
    assert memo.current_id == latest.id
    assert memo.subject.text() == "เรื่องที่เขียนก่อนเปิดแท็บ"
    click_into(qtbot, memo.subject)
    select_all(memo.subject)
    type_text(memo.subject, "รายงานผล 12 เดือน")
    qtbot.wait(1600)  # the pause timer writes it
    assert store.memo(latest.id).subject == "รายงานผล 12 เดือน"
    assert memo.subject.text() == "รายงานผล 12 เดือน"


def test_a_tab_first_opened_in_a_read_only_file_is_read_only(qtbot, demo_path):
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.session import Session

    w = MainWindow(Session(Store.open(demo_path, readonly=True)))
    w.quiet_errors = True
    qtbot.addWidget(w)
    w.show()
    try:
        office = w.pages[0]
        assert not office.built
        _click_tab(qtbot, w, office)
        edits = [f.widget for f in office.fields if isinstance(f.widget, QLineEdit)]
        assert edits and all(e.isReadOnly() for e in edits)
    finally:
        w.close()
        w.session.store.close()


def test_closing_never_builds_tabs_that_were_not_opened(window):
    window.close()
    assert sum(page.built for page in window.pages) == 1
