"""Typing as a keyboard does, for the window tests.

``QTest.keyClicks`` aborts on non-ASCII text in PySide6, so Thai is sent as key
events that carry their text (what a Thai keyboard layout produces); ASCII and
the editing keys go through ``QTest`` itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` (which should have focus) key by key."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii() and ch.isprintable():
            QTest.keyClick(widget, ch)
        else:
            focus = QApplication.focusWidget()
            # the widget itself, or its own editor (a table cell's) — never a field of another window
            target = focus if focus is not None and (focus is widget or widget.isAncestorOf(focus)) else widget
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def click_into(qtbot, widget) -> None:
    """Click a field (focus lands there, as with a mouse) and go to its end."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # end of a multi-line box
    QTest.keyClick(widget, Qt.Key.Key_End)  # end of a one-line field


def select_all(widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def click_check(qtbot, box) -> None:
    """Click a check box on its box (a click far right of its text does nothing, as with a mouse)."""
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
