"""Model-based random test: seeded sequences of what a clerk does in the window,
checked against a plain-Python oracle of what the database must hold.

Actions: type, paste (with line breaks), pause, switch record, switch tab, switch
year, new, delete, undo, redo, copy from the previous year. The oracle knows
the rules the window promises: typing is written to the record it was typed
into; a burst of typing in one field is one undo step; nothing else changes.
Any divergence fails with the seed and the action list, so it can be replayed.
"""

import random
from dataclasses import dataclass, field

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from itadesk.domain.models import Measure
from itadesk.store.store import Store
from itadesk.ui import page as page_module
from itadesk.ui.main_window import MainWindow
from itadesk.ui.session import Session
from tests.keys import click_into, type_text

SEQUENCES = 200
ACTIONS = 10
PAUSE_MS = 40  # the fields' pause, shortened so 200 sequences run in CI time
WORDS = ["ประชุม", "abc", "รายงาน", "x1", "ตากใบ", "โครงการ", "99", "ก่อ"]


@dataclass
class Oracle:
    titles: dict[int, str]  # measure id -> title, every year
    year_of: dict[int, int]
    undo: list = field(default_factory=list)  # (titles before, merge key)
    redo: list = field(default_factory=list)
    last_key: object = None  # merge key of the newest step, while nothing else happened

    def write(self, key, titles_after: dict[int, str]) -> None:
        if titles_after == self.titles:
            return
        if not (key is not None and key == self.last_key and self.undo):
            self.undo.append((dict(self.titles), dict(self.year_of)))
        self.titles = dict(titles_after)
        self.redo.clear()
        self.last_key = key

    def do_undo(self) -> None:
        if self.undo:
            before, years = self.undo.pop()
            self.redo.append((dict(self.titles), dict(self.year_of)))
            self.titles, self.year_of = before, years
        self.last_key = None

    def do_redo(self) -> None:
        if self.redo:
            after, years = self.redo.pop()
            self.undo.append((dict(self.titles), dict(self.year_of)))
            self.titles, self.year_of = after, years
        self.last_key = None


def _store() -> Store:
    s = Store.open(None)
    for year in (2568, 2569):
        s.add_year(year)
    for year, titles in ((2568, ["กิจกรรมหนึ่ง", "กิจกรรมสอง", "กิจกรรมสาม"]), (2569, ["มาตรการสี่"])):
        for t in titles:
            s.save_measure(Measure(None, year, t))
    s.set_ui_state("current_year", "2568")
    s.clear_history()
    return s


def _button(page, text):
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def run_sequence(qtbot, seed: int, monkeypatch) -> None:
    rng = random.Random(seed)
    store = _store()
    window = MainWindow(Session(store))
    window.quiet_errors = True
    qtbot.addWidget(window)
    window.show()
    measures = window.pages[3]
    window.tabs.setCurrentWidget(measures)
    oracle = Oracle({m.id: m.title for y in (2568, 2569) for m in store.measures(y)},
                    {m.id: y for y in (2568, 2569) for m in store.measures(y)})
    pending: dict[int, str] = {}  # measure id -> the title its field shows, not yet written
    log: list[str] = []

    def flushed() -> None:
        # the window writes pending typing before anything else happens: mirror it
        for mid, value in list(pending.items()):
            after = dict(oracle.titles)
            after[mid] = value
            oracle.write(("title", mid), after)
        pending.clear()

    def check(where: str) -> None:
        stored = {m.id: m.title for y in store.years() for m in store.measures(y)}
        assert stored == oracle.titles, f"seed {seed}, after {where}: {log}"

    for _ in range(ACTIONS):
        action = rng.choice(["type", "type", "type", "paste", "pause", "switch", "tab", "year", "new", "delete",
                             "undo", "redo", "copy"])
        log.append(action)
        mid = measures.current_id
        if action in ("type", "paste") and mid is not None:
            if window.tabs.currentWidget() is not measures:
                flushed()
                window.tabs.setCurrentWidget(measures)
            if not measures.title_edit.hasFocus():
                click_into(qtbot, measures.title_edit)
            text = " " + rng.choice(WORDS)
            if action == "paste":
                QGuiApplication.clipboard().setText(text + "\nบรรทัดสอง")
                qtbot.keyClick(measures.title_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
                text += " บรรทัดสอง"  # a one-line field: the line break became a space
            else:
                type_text(measures.title_edit, text)
            pending[mid] = pending.get(mid, oracle.titles[mid]) + text
        elif action == "pause":
            qtbot.wait(PAUSE_MS * 3)
            flushed()
        elif action == "switch" and measures.list.count() > 1:
            flushed()
            measures.list.setFocus()
            qtbot.keyClick(measures.list, Qt.Key.Key_Down if measures.list.currentRow() < measures.list.count() - 1
                           else Qt.Key.Key_Home)
        elif action == "tab":
            flushed()
            window.tabs.setCurrentIndex(0 if window.tabs.currentWidget() is measures else 3)
        elif action == "year":
            flushed()
            box = window.year_box
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() == 0 else Qt.Key.Key_Up)
        elif action == "new":
            flushed()
            window.tabs.setCurrentWidget(measures)
            qtbot.mouseClick(_button(measures, "เพิ่ม"), Qt.MouseButton.LeftButton)
            new_id = measures.current_id
            after = dict(oracle.titles)
            after[new_id] = "มาตรการใหม่"
            oracle.year_of[new_id] = window.session.year
            oracle.write(("new", new_id), after)
            word = rng.choice(WORDS)
            type_text(measures.title_edit, word)  # the placeholder is selected: typing replaces it
            pending[new_id] = word
        elif action == "delete" and mid is not None:
            flushed()
            window.tabs.setCurrentWidget(measures)
            monkeypatch.setattr("itadesk.ui.tabs.measures.confirm", lambda *a: True)
            qtbot.mouseClick(_button(measures, "ลบ"), Qt.MouseButton.LeftButton)
            oracle.write(("delete", mid), {k: v for k, v in oracle.titles.items() if k != mid})
        elif action == "undo" and window.undo_action.isEnabled():
            flushed()
            window.undo_action.trigger()
            oracle.do_undo()
        elif action == "redo" and window.redo_action.isEnabled():  # a greyed-out Ctrl+Y does nothing
            flushed()
            window.redo_action.trigger()
            oracle.do_redo()
        elif action == "copy":
            flushed()
            monkeypatch.setattr("itadesk.ui.tabs.measures.confirm", lambda *a: True)
            measures.copy_last_year()
            stored = {m.id: m.title for y in store.years() for m in store.measures(y)}
            new = {k: v for k, v in stored.items() if k not in oracle.titles}
            if new:
                after = dict(oracle.titles)
                after.update(new)
                oracle.write(("copy", tuple(sorted(new))), after)
        if not pending:
            check(action)
    window.session.flush()
    flushed()
    check("the end")
    window.close()


@pytest.mark.parametrize("block", range(10))
def test_random_clerk_sequences(qtbot, monkeypatch, block):
    monkeypatch.setattr(page_module, "PAUSE_MS", PAUSE_MS)
    for seed in range(block * SEQUENCES // 10, (block + 1) * SEQUENCES // 10):
        run_sequence(qtbot, seed, monkeypatch)
