"""The grouped plan in the measures tab: a step's own unit, period, monitoring and
its wording in the status table, one row per step; and the detail lines of the
assessment issue the measure answers (printed under the issue in the plans).

A cell writes itself when the clerk leaves it (one undo step per cell); the step
texts themselves stay in the measure's step list above.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from ..domain.labels import STEP_FIELDS
from ..domain.models import Measure
from .session import Session

COLUMNS = ("text", "unit", "period", "monitoring", "status_text")


class StepTable(QTableWidget):
    """Rows of the shown measure's steps; the first column (the step) is read-only."""

    def __init__(self, session: Session):
        super().__init__(0, len(COLUMNS))
        self.session = session
        self.measure_id: int | None = None
        self.setObjectName("step_details")
        self.setAccessibleName("รายละเอียดขั้นตอน")
        self.setHorizontalHeaderLabels([STEP_FIELDS[c] for c in COLUMNS])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(120)
        self.itemChanged.connect(self._cell)

    def show_measure(self, m: Measure | None) -> None:
        self.blockSignals(True)
        try:
            self.measure_id = m.id if m is not None else None
            steps = [m.step(k) for k in range(len(m.steps))] if m is not None else []
            self.setRowCount(len(steps))
            for r, step in enumerate(steps):
                for c, name in enumerate(COLUMNS):
                    item = self.item(r, c) or QTableWidgetItem()
                    value = getattr(step, name)
                    if item.text() != value:
                        item.setText(value)
                    if name == "text":
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.setItem(r, c, item)
        finally:
            self.blockSignals(False)

    def _cell(self, item: QTableWidgetItem) -> None:
        name = COLUMNS[item.column()]
        if self.measure_id is None or name == "text":
            return
        self.session.write(self.session.store.edit_step, self.measure_id, item.row(), name, item.text())
