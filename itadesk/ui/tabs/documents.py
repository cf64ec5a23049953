"""เอกสาร: preview any of the four documents, print it, save it as PDF.

Export is two steps: a snapshot of the year on the GUI thread, then rendering
on a worker thread, with a busy progress bar; the window stays usable.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from ...errors import ItadeskError
from ...export.kinds import KINDS
from ..pdf_view import PdfPreview, print_pdf
from ..session import Session
from ..widgets import button, row
from ..worker import run_in_background


class DocumentsTab(QWidget):
    TITLE = "เอกสาร"
    exported = Signal(str)  # path of a finished PDF
    failed = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.kind = QComboBox()
        self.kind.setObjectName("doc_kind")
        for code, title in KINDS.items():
            self.kind.addItem(title, code)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setMaximumWidth(200)
        self.status = QLabel()
        self.preview = PdfPreview()
        self.preview_button = button("แสดงตัวอย่าง", self.show_preview)
        self.print_button = button("พิมพ์…", self.print_document)
        self.save_button = button("บันทึกเป็น PDF…", self.save_as)
        lay = QVBoxLayout(self)
        lay.addWidget(row(QLabel("เอกสาร"), self.kind, self.preview_button, self.print_button, self.save_button,
                          self.progress, self.status, None))
        lay.addWidget(self.preview, 1)
        self._tmp = tempfile.TemporaryDirectory(prefix="itadesk-preview-")
        self.last_pdf: str | None = None
        self.busy = False

    def export(self, target: str, then=None) -> bool:
        """Render the chosen document to ``target`` in the background; ``then(path)`` on success."""
        if self.busy:
            return False
        try:
            snap = self.session.store.view(self.session.year)
        except ItadeskError as err:
            self.session.error.emit("ส่งออกไม่ได้", err.message_th)
            return False
        kind = self.kind.currentData()
        self.busy = True
        self.progress.setRange(0, 0)  # busy
        self.status.setText("กำลังสร้างเอกสาร…")

        def done(path):
            self.busy = False
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.status.setText(f"เสร็จแล้ว: {Path(path).name}")
            self.last_pdf = str(path)
            if then:
                then(str(path))
            self.exported.emit(str(path))

        def failed(err):
            self.busy = False
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            message = err.message_th if isinstance(err, ItadeskError) else f"สร้างเอกสารไม่สำเร็จ: {err}"
            self.status.setText("ไม่สำเร็จ")
            self.session.error.emit("ส่งออกไม่สำเร็จ", message)
            self.failed.emit(message)

        from ...export.documents import render  # reportlab loads on the first export, not at start-up

        run_in_background(lambda: render(kind, snap, Path(target)), done, failed)
        return True

    def _preview_path(self) -> str:
        return str(Path(self._tmp.name) / f"{self.kind.currentData()}-{self.session.year}.pdf")

    def show_preview(self) -> None:
        self.export(self._preview_path(), then=self.preview.show_pdf)

    def save_as(self) -> None:
        default = f"{self.kind.currentData()}-{self.session.year}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "บันทึกเป็น PDF", default, "PDF (*.pdf)")
        if path:
            self.export(path)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # the print stack loads only when printing

        def go(path: str) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle("พิมพ์เอกสาร")
            if dialog.exec():
                print_pdf(path, printer)

        self.export(self._preview_path(), then=go)
