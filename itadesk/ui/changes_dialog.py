"""The preview of what an import will change: nothing is written until the clerk
clicks the apply button, and then it is one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dialogs import CANCEL


class ChangesDialog(QDialog):
    """A read-only table of changes (one row each) under a summary, with apply / ยกเลิก.

    ``exec()`` returns Accepted only when the apply button was clicked."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, headers: list[str], rows: list[list[str]],
                 apply_text: str):
        super().__init__(parent)
        self.setObjectName("changes_dialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("changes_summary")
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setObjectName("changes_table")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 0 else QHeaderView.ResizeMode.ResizeToContents)
        self.apply_button = QPushButton(apply_text)
        self.apply_button.setObjectName("apply_changes")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.apply_button.setEnabled(bool(rows))
        cancel = QPushButton(CANCEL)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(QLabel("ยังไม่มีการบันทึกจนกว่าจะกดปุ่มบันทึก และเลิกทำได้ทั้งชุดด้วย Ctrl+Z"))
        lay.addLayout(buttons)
        self.resize(980, 520)

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        # wrapped titles get their height once the columns have their widths
        self.table.resizeRowsToContents()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.table.resizeRowsToContents()
