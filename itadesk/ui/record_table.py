"""A table whose rows are stored records and whose cells write themselves.

Each row is one record (levels, categories, tool weights …) named by its key; a
cell the clerk edits is written at once (Enter, Tab, leaving the cell) through
``write(key, field, value)``, which returns None or the Thai reason it was
refused. A refused cell keeps what was typed, outlined red with the reason as
its tool tip, until the clerk fixes it: nothing typed is lost. Showing stored
records never rebuilds rows that are already shown as stored, so the cell being
edited and the current cell stay where they are.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

KEY = Qt.ItemDataRole.UserRole
BAD = QBrush(QColor("#F8D0D0"))


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Thai label): a drop-down
    editable: bool = True
    stretch: bool = False


def shown(value) -> str:
    """A stored value as the cell shows it: 85.0 → "85", 94.99 → "94.99", None → ""."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RecordTable(QTableWidget):
    def __init__(self, label: str, columns: list[Column], write: Callable[[Hashable, str, object], str | None]):
        super().__init__(0, len(columns))
        self.columns, self.write = columns, write
        self.setAccessibleName(label)
        self.setHorizontalHeaderLabels([c.header for c in columns])
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.horizontalHeader()
        for j, c in enumerate(columns):
            header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch if c.stretch else QHeaderView.ResizeMode.ResizeToContents)
        self._records: list[tuple[Hashable, list]] = []
        self.refused: dict[tuple[Hashable, str], tuple[str, str]] = {}  # (key, field) → (typed text, reason)
        self.itemChanged.connect(self._cell_edited)

    # ------------------------------------------------------------ showing
    def set_records(self, records: list[tuple[Hashable, list]]) -> None:
        """Show ``records`` [(key, [value per column])]; unchanged ones are left alone."""
        if records == self._records:
            return
        keep_key, keep_col = self.current_key(), max(self.currentColumn(), 0)
        self._records = records
        self.blockSignals(True)
        try:
            self.setRowCount(len(records))
            for r, (key, values) in enumerate(records):
                for j, (col, value) in enumerate(zip(self.columns, values, strict=True)):
                    if col.choices:
                        self._combo(r, j, key, col, value)
                        continue
                    typed = self.refused.get((key, col.field))
                    item = QTableWidgetItem(typed[0] if typed else shown(value))
                    item.setData(KEY, key)
                    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    if col.editable:
                        flags |= Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
                    if typed:
                        item.setBackground(BAD)
                        item.setToolTip(typed[1])
                    self.setItem(r, j, item)
        finally:
            self.blockSignals(False)
        keys = [k for k, _v in records]
        if keep_key in keys:
            self.setCurrentCell(keys.index(keep_key), keep_col)

    def _combo(self, r: int, j: int, key: Hashable, col: Column, value) -> None:
        """A drop-down cell; one made before is reused (a replaced widget lingers until Qt deletes it)."""
        combo = self.cellWidget(r, j)
        if not isinstance(combo, QComboBox):
            combo = QComboBox()
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            for stored, label in col.choices:
                combo.addItem(label, stored)
            combo.activated.connect(lambda _i, c=combo, j=j: self._combo_chosen(c, j))
            self.setCellWidget(r, j, combo)
        combo.setAccessibleName(f"{col.header} แถวที่ {r + 1}")
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def _combo_chosen(self, combo: QComboBox, j: int) -> None:
        row = next((r for r in range(self.rowCount()) if self.cellWidget(r, j) is combo), None)
        if row is not None and row < len(self._records):
            self._write(self._records[row][0], self.columns[j].field, combo.currentData())

    def current_key(self) -> Hashable | None:
        r = self.currentRow()
        return self._records[r][0] if 0 <= r < len(self._records) else None

    def select_key(self, key: Hashable) -> None:
        keys = [k for k, _v in self._records]
        if key in keys:
            self.setCurrentCell(keys.index(key), 0)

    # ------------------------------------------------------------ editing
    def _cell_edited(self, item: QTableWidgetItem) -> None:
        key, col = item.data(KEY), self.columns[item.column()]
        if key is not None and col.editable:
            self._write(key, col.field, item.text())

    def _write(self, key: Hashable, field: str, value) -> None:
        # the write refreshes the page, which may rebuild the rows: find the cell again after it
        message = self.write(key, field, value)
        if message:
            self.refused[(key, field)] = (str(value), message)
        else:
            self.refused.pop((key, field), None)
        keys = [k for k, _v in self._records]
        j = next((n for n, c in enumerate(self.columns) if c.field == field), None)
        item = self.item(keys.index(key), j) if key in keys and j is not None else None
        if item is not None:
            self.blockSignals(True)
            if message:
                item.setText(str(value))  # what was typed stays on screen
            item.setBackground(BAD if message else QBrush())
            item.setToolTip(message or "")
            self.blockSignals(False)
