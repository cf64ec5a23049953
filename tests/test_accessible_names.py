"""Every input a clerk can reach is named by the Thai label they see (screen readers and tests find it)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

THAI = re.compile(r"[\u0E00-\u0E7F]")
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox, QAbstractItemView)


def _inputs(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS):
            continue
        parent = w.parent()
        # the editors and pop-ups Qt builds inside a spin box, combo box, date pop-up or table
        if isinstance(parent, QAbstractSpinBox | QComboBox | QAbstractItemView) or w.objectName().startswith("qt_"):
            continue
        if parent is not None and parent.objectName().startswith("qt_") and not isinstance(parent, QStackedWidget):
            continue  # Qt's own parts (a calendar's grid, a scroll area's bars); a tab's page is ours
        if w.window() is not root.window():
            continue  # a drop-down's pop-up list: a window of its own, named by its combo box
        out.append(w)
    return out


def _visible_label(w: QWidget) -> str | None:
    """The text a sighted clerk reads as this widget's label, when the layout says it."""
    if isinstance(w, QCheckBox):
        return w.text()
    for label in w.window().findChildren(QLabel):
        if label.buddy() is w:
            return label.text()
    parent = w.parentWidget()
    while parent is not None:
        lay = parent.layout()
        if isinstance(lay, QFormLayout):
            label = lay.labelForField(w)
            if isinstance(label, QLabel):
                return label.text()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            if tabs.indexOf(w) >= 0:
                return tabs.tabText(tabs.indexOf(w))
        parent = None if parent.isWindow() else parent.parentWidget()
    return None


def test_every_input_is_named_by_its_thai_label(window):
    problems = []
    checked = 0
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        title = window.tabs.tabText(i)
        assert THAI.search(title), f"tab {i} has no Thai title: {title!r}"
        page = window.tabs.widget(i)
        for w in _inputs(page):
            checked += 1
            name = w.accessibleName()
            where = f"{title} / {type(w).__name__} {w.objectName() or ''}"
            if not name or not THAI.search(name):
                problems.append(f"{where}: no Thai accessible name ({name!r})")
                continue
            label = _visible_label(w)
            if label is not None and label.strip().rstrip(":") != name:
                problems.append(f"{where}: accessible name {name!r} but the label shown is {label!r}")
    assert checked > 60  # every tab's forms were walked, not an empty window
    assert not problems, "\n".join(problems)
