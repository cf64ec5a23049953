"""เอกสาร: preview any of the four documents, print it, save it as PDF.

Export is two steps: a snapshot of the year on the GUI thread, then rendering
in a worker process (``export.process``) waited on by a worker thread, with a busy
bar and a ยกเลิก button beside it; the window stays usable. Cancelling, or closing
the window, kills the worker process at once.
Printing, after the print dialog, also runs on a worker, page by page, with a
progress dialog that can cancel.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QProgressDialog, QVBoxLayout

from ...atomic import sweep, sweep_dirs
from ...domain.thai_numbers import digits
from ...errors import ItadeskError
from ...export.kinds import KINDS
from ...export.process import ExportCancelledError, ExportProcess
from .. import dialogs
from ..page import Page
from ..pdf_view import PdfPreview, print_pdf
from ..session import Session
from ..widgets import button, row
from ..worker import run_in_background, start_job


class DocumentsTab(Page):
    TITLE = "เอกสาร"
    exported = Signal(str)  # path of a finished PDF
    printed = Signal(int)  # pages painted on the printer; fewer than the document's when the clerk cancelled
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, session: Session):
        super().__init__(session)
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
        self.cancel_button = button("ยกเลิก", self.cancel_export)
        self.cancel_button.setObjectName("export_cancel")
        self.cancel_button.setVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(row(QLabel("เอกสาร"), self.kind, self.preview_button, self.print_button, self.save_button,
                          self.progress, self.cancel_button, self.status, None))
        lay.addWidget(self.preview, 1)
        # previews of a window that was killed stay in the temporary folder: the pid tells them apart
        sweep_dirs(tempfile.gettempdir(), "itadesk-preview-")
        self._tmp = tempfile.TemporaryDirectory(prefix=f"itadesk-preview-{os.getpid()}-")
        self._worker = ExportProcess()
        self._target: str | None = None
        self.last_pdf: str | None = None
        self.busy = False
        self.print_progress: QProgressDialog | None = None  # while a print job runs

    def load(self) -> None:
        """Another file or year: the preview shown was of the one before, so it goes."""
        if self.preview.pages and not self.busy:
            while self.preview.layout_.count():
                item = self.preview.layout_.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            self.preview.pages = []
            self.last_pdf = None
            self.status.clear()

    def export(self, target: str, then=None) -> bool:
        """Render the chosen document to ``target`` in the background; ``then(path)`` on success."""
        if self.busy:
            self.session.error.emit("กำลังสร้างเอกสาร", "กำลังสร้างเอกสารก่อนหน้าอยู่ รอให้เสร็จ หรือกด “ยกเลิก” ข้างแถบความคืบหน้า")
            return False
        try:
            snap = self.session.store.view(self.session.year)
        except ItadeskError as err:
            self.session.error.emit("ส่งออกไม่ได้", err.message_th)
            return False
        kind = self.kind.currentData()
        self.busy = True
        self._target = target
        self.progress.setRange(0, 0)  # busy
        self.cancel_button.setVisible(True)
        self.status.setText("กำลังสร้างเอกสาร…")

        def done(path):
            self.busy = False
            self.cancel_button.setVisible(False)
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            self.status.setText(f"เสร็จแล้ว: {Path(path).name}")
            self.last_pdf = str(path)
            if then:
                then(str(path))
            self.exported.emit(str(path))

        def failed(err):
            self.busy = False
            self.cancel_button.setVisible(False)
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            if isinstance(err, ExportCancelledError):
                self.status.setText("ยกเลิกแล้ว")
                self.cancelled.emit()
                return
            message = err.message_th if isinstance(err, ItadeskError) else f"สร้างเอกสารไม่สำเร็จ: {err}"
            self.status.setText("ไม่สำเร็จ")
            self.session.error.emit("ส่งออกไม่สำเร็จ", message)
            self.failed.emit(message)

        sweep(Path(target).parent)  # what an export killed half-way left there
        worker = self._worker
        run_in_background(lambda: worker.render(kind, snap, Path(target)), done, failed)
        return True

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._worker.warm()  # the first preview does not wait for the worker to start

    def set_read_only(self, on: bool) -> None:
        """Documents only read the file: preview, print and save as PDF stay on for a read-only file."""

    def cancel_export(self) -> None:
        """ยกเลิก: the worker process is killed; no half-written file stays beside the target."""
        if self.busy and self._target is not None:
            self.status.setText("กำลังยกเลิก…")
            self._worker.cancel()

    def shutdown(self) -> None:
        """The window closes: an export under way ends now, with its process."""
        self._worker.close()

    def _preview_path(self) -> str:
        return str(Path(self._tmp.name) / f"{self.kind.currentData()}-{self.session.year}.pdf")

    def show_preview(self) -> None:
        self.export(self._preview_path(), then=self.preview.show_pdf)

    def save_as(self) -> None:
        folder = self.session.path.parent if self.session.path else Path.home()
        default = str(folder / f"{self.kind.currentData()}-{self.session.year}.pdf")
        path = dialogs.save_file(self, "บันทึกเป็น PDF", default, "PDF (*.pdf)")
        if path:
            self.export(path)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # the print stack loads only when printing

        def go(path: str) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle("พิมพ์เอกสาร")
            if dialog.exec():
                self.print_to(printer, path)

        self.export(self._preview_path(), then=go)

    def print_to(self, printer, path: str | None = None) -> bool:
        """Print ``path`` (by default the last exported PDF) on a configured QPrinter, off the GUI thread.

        The print dialog ends here; tests call this directly. Pages are rendered and
        painted one at a time on the thread pool (Qt supports painting on a QPrinter
        outside the GUI thread), so the window keeps repainting and the cancel button
        works. The tab stays busy until the job ends: an export meanwhile would
        overwrite the file being printed.
        """
        path = path or self.last_pdf
        if self.busy or not path:
            return False
        self.busy = True
        thai = self.session.store.thai_digits  # read here: the store belongs to the GUI thread
        seen = {"total": 0}
        dialog = QProgressDialog("กำลังเตรียมพิมพ์…", "ยกเลิก", 0, 0, self)
        dialog.setWindowTitle("พิมพ์เอกสาร")
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        self.print_progress = dialog
        self.progress.setRange(0, 0)

        def step(k: int, n: int) -> None:  # on the GUI thread, queued from the worker
            seen["total"] = n
            if job.cancelled():
                return
            text = f"กำลังพิมพ์หน้า {digits(k, thai)} จาก {digits(n, thai)}"
            for bar in (dialog, self.progress):
                bar.setRange(0, n)
                bar.setValue(k - 1)
            dialog.setLabelText(text)
            self.status.setText(text)

        def cancel() -> None:
            # the dialog hides itself; the worker stops after the page it is painting
            job.cancel()
            self.status.setText("กำลังยกเลิกการพิมพ์… รอให้หน้าที่กำลังพิมพ์เสร็จก่อน")

        def finish() -> None:
            self.busy = False
            self.print_progress = None
            dialog.hide()
            dialog.deleteLater()

        def done(pages: int) -> None:
            from PySide6.QtPrintSupport import QPrinter

            finish()
            total = seen["total"]
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(pages)
            if pages and not (job.cancelled() and pages < total):
                self.status.setText(f"พิมพ์เสร็จแล้ว {digits(pages, thai)} หน้า")
            elif not pages or printer.printerState() == QPrinter.PrinterState.Aborted:
                self.status.setText("ยกเลิกการพิมพ์แล้ว")
            else:  # PDF and CUPS print engines cannot abort: what was painted still goes out
                self.status.setText(f"หยุดพิมพ์แล้ว: {digits(pages, thai)} หน้าแรกถูกส่งไปก่อนยกเลิก")
            self.printed.emit(pages)

        def failed(err) -> None:
            finish()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            message = err.message_th if isinstance(err, ItadeskError) else f"พิมพ์ไม่สำเร็จ: {err}"
            self.status.setText("พิมพ์ไม่สำเร็จ")
            self.session.error.emit("พิมพ์ไม่สำเร็จ", message)
            self.failed.emit(message)

        # the closure holds the QPrinter for the worker, whatever happens to the caller's reference
        job = start_job(lambda j: print_pdf(path, printer, progress=j.report, cancelled=j.cancelled),
                        done, failed, on_progress=step)
        dialog.canceled.connect(cancel)
        dialog.show()
        return True
