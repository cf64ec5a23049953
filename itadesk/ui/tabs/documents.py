"""เอกสาร: each document's outline beside its preview; print it, save it as PDF.

Export is two steps: a snapshot of the year (view, outline, memo) on the GUI
thread, then rendering in a worker process (``export.process``) waited on by a
worker thread, with a busy bar and a ยกเลิก button beside it; the window stays
usable. Cancelling, or closing the window, kills the worker process at once. The preview follows every change of the file while the tab is
shown: a change schedules one refresh, rendered and rasterised on a worker; a
change arriving meanwhile renders once more when that one is done. Printing,
after the print dialog, also runs on a worker, page by page, with a progress
dialog that can cancel.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QProgressDialog, QSplitter, QVBoxLayout

from ...atomic import sweep, sweep_dirs
from ...domain.thai_dates import format_date_full
from ...domain.thai_numbers import digits
from ...domain.vocab import ROUNDS_TH
from ...errors import ItadeskError
from ...export.kinds import KINDS
from ...export.process import ExportCancelledError, ExportProcess
from .. import dialogs
from ..outline_editor import OutlineEditor
from ..page import Page
from ..pdf_view import PdfPreview, page_images, print_pdf
from ..widgets import button, label_for, row
from ..worker import run_in_background, start_job


class DocumentsTab(Page):
    TITLE = "เอกสาร"
    exported = Signal(str)  # path of a finished PDF
    printed = Signal(int)  # pages painted on the printer; fewer than the document's when the clerk cancelled
    failed = Signal(str)
    previewed = Signal(int)  # pages shown by a preview refresh
    cancelled = Signal()

    def build(self) -> None:
        session = self.session
        self.kind = QComboBox()
        self.kind.setObjectName("doc_kind")
        self.kind.setAccessibleName("เอกสาร")
        for code, title in KINDS.items():
            self.kind.addItem(title, code)
        self.memo = QComboBox()
        self.memo.setAccessibleName("บันทึกข้อความที่พิมพ์")
        self.memo_label = QLabel("บันทึกฉบับ")
        self.editor = OutlineEditor(session)
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
        self.cancel_button = button("ยกเลิก", self.cancel_export)
        self.cancel_button.setObjectName("export_cancel")
        self.cancel_button.setVisible(False)
        lay.addWidget(row(label_for("เอกสาร", self.kind), self.kind, self.memo_label, self.memo, self.preview_button,
                          self.print_button, self.save_button, self.progress, self.cancel_button, self.status, None))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 760])
        lay.addWidget(split, 1)
        # previews of a window that was killed stay in the temporary folder: the pid tells them apart
        sweep_dirs(tempfile.gettempdir(), "itadesk-preview-")
        self._tmp = tempfile.TemporaryDirectory(prefix=f"itadesk-preview-{os.getpid()}-")
        self._worker = ExportProcess()
        self._target: str | None = None
        self.last_pdf: str | None = None
        self.busy = False
        self.print_progress: QProgressDialog | None = None  # while a print job runs
        self.previewing = False  # a preview refresh is rendering
        self.stale = False  # something changed while it rendered: render again when it is done
        self.toc: dict[tuple, dict] = {}  # (year, kind) → the pages of its headings, from the last render
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(60)  # changes arriving together (undo of many rows) make one refresh
        self._soon.timeout.connect(self.refresh_preview)
        self.kind.currentIndexChanged.connect(self._document_changed)
        self.memo.currentIndexChanged.connect(self._document_changed)
        session.changed.connect(lambda _areas: self.schedule_preview())
        self._fill_memos()
        self.editor.set_document(self.kind.currentData(), self.memo.currentData())
        self._undrawable_accepted: list | None = None  # findings the clerk chose to print anyway

    def load(self) -> None:
        """Another file or year: the preview shown was of the one before, so it goes."""
        self._fill_memos()
        if self.preview.pages and not self.busy:
            while self.preview.layout_.count():
                item = self.preview.layout_.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            self.preview.pages = []
            self.last_pdf = None
            self.status.clear()
        self.schedule_preview()

    # ------------------------------------------------------------- document
    def _fill_memos(self) -> None:
        """The year's memos (6- and 12-month rounds …), newest last; the last is printed unless chosen."""
        view = self.session.view()
        memos = view.memos if view is not None else []
        thai = view.thai_digits if view is not None else True
        items = [(f"{ROUNDS_TH.get(m.status_round, m.status_round)} — "
                  f"{format_date_full(m.date, thai=thai) if m.date else 'ไม่ระบุวันที่'}", m.id) for m in memos]
        current = self.memo.currentData()
        if [(self.memo.itemText(i), self.memo.itemData(i)) for i in range(self.memo.count())] != items:
            self.memo.blockSignals(True)
            self.memo.clear()
            for text, mid in items:
                self.memo.addItem(text, mid)
            ids = [mid for _t, mid in items]
            self.memo.setCurrentIndex(ids.index(current) if current in ids else len(ids) - 1)
            self.memo.blockSignals(False)
        is_memo = self.kind.currentData() == "memo"
        self.memo.setVisible(is_memo)
        self.memo_label.setVisible(is_memo)

    def _document_changed(self, _index: int = 0) -> None:
        self._fill_memos()
        self.editor.set_document(self.kind.currentData(), self.memo.currentData())
        self.schedule_preview()

    def snapshot(self):
        """(kind, view, outline, memo id) of what the tab shows, read on the GUI thread."""
        store, year = self.session.store, self.session.year
        kind = self.kind.currentData()
        view = store.view(year)
        return kind, view, store.outline(year, kind), (self.memo.currentData() if kind == "memo" else None)

    # -------------------------------------------------------------- preview
    def schedule_preview(self) -> None:
        if self.isVisible() and not self.session.store.closed:
            self._soon.start()

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._worker.warm()  # an export from this tab does not wait for the worker to start
        self.schedule_preview()

    def refresh_preview(self) -> bool:
        """Render the document as it stands and show it; at most one render at a time."""
        if self.previewing or self.busy:
            self.stale = True
            return False
        if self.session.store.closed:  # the window is closing
            return False
        view = self.session.view()
        if view is None:
            return False
        try:
            kind, view, outline, memo_id = self.snapshot()
        except ItadeskError as err:
            self.status.setText(err.message_th)
            return False
        if kind == "memo" and not view.memos:
            self.status.setText("ปีนี้ยังไม่มีบันทึกข้อความ (สร้างได้ที่แท็บบันทึกข้อความ)")
            return False
        self.previewing, self.stale = True, False
        toc = self.toc.setdefault((view.year, kind), {})
        target = self._preview_path()

        def work():
            from ...export.documents import render  # reportlab loads on the first preview, not at start-up
            from ...export.glyph_check import undrawable_fields

            render(kind, view, Path(target), memo_id=memo_id, outline=outline, toc=toc)
            return target, page_images(target, scale=1.0), undrawable_fields(view)

        def done(result):
            self.previewing = False
            path, images, undrawable = result
            self.last_pdf = path
            self.preview.show_images(images)
            self._show_undrawable(undrawable)
            self.previewed.emit(len(images))
            if self.stale:
                self.schedule_preview()

        def failed(err):
            self.previewing = False
            self.status.setText(err.message_th if isinstance(err, ItadeskError) else f"แสดงตัวอย่างไม่ได้: {err}")
            if self.stale:
                self.schedule_preview()

        run_in_background(work, done, failed)
        return True

    def export(self, target: str, then=None) -> bool:
        """Render the chosen document to ``target`` in the background; ``then(path)`` on success."""
        if self.busy:
            self.session.error.emit("กำลังสร้างเอกสาร", "กำลังสร้างเอกสารก่อนหน้าอยู่ รอให้เสร็จ หรือกด “ยกเลิก” ข้างแถบความคืบหน้า")
            return False
        self.editor.flush()  # what was just typed belongs in the document
        try:
            kind, snap, outline, memo_id = self.snapshot()
        except ItadeskError as err:
            self.session.error.emit("ส่งออกไม่ได้", err.message_th)
            return False
        if not self._may_print(snap):
            return False
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
            if self.stale:
                self.schedule_preview()

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
        run_in_background(lambda: worker.render(kind, snap, Path(target), memo_id=memo_id, outline=outline), done, failed)
        return True

    def set_read_only(self, on: bool) -> None:
        """Documents only read the file: preview, print and save as PDF stay on for a read-only file."""

    def cancel_export(self) -> None:
        """ยกเลิก: the worker process is killed; no half-written file stays beside the target."""
        if self.busy and self._target is not None:
            self.status.setText("กำลังยกเลิก…")
            self._worker.cancel()

    def shutdown(self) -> None:
        """The window closes: an export under way ends now, with its process."""
        if self.built:  # a tab never opened has no worker
            self._worker.close()

    def _may_print(self, snap) -> bool:
        """Characters no font prints would come out as boxes: say which and where, and let
        the clerk go back to fix them (asked once for the same findings)."""
        from ...export.glyph_check import undrawable_fields, warning_th

        found = undrawable_fields(snap)
        if not found or found == self._undrawable_accepted:
            return True
        if dialogs.ask_ok_cancel(self, "อักษรที่พิมพ์ไม่ได้", warning_th(found) + "\n\nสร้างเอกสารต่อหรือไม่?"):
            self._undrawable_accepted = found
            return True
        self.status.setText("ยกเลิก: มีอักษรที่พิมพ์ไม่ได้")
        return False

    def _show_undrawable(self, found: list) -> None:
        """The preview shows boxes where no font has the letters: say so beside it (the
        question comes before printing or saving, ``_may_print``)."""
        from ...export.glyph_check import warning_short, warning_th

        if found:
            self.status.setText(warning_short(found))
            self.status.setToolTip(warning_th(found))
        elif self.status.toolTip() and self.status.text().startswith("คำเตือน"):  # fixed since: the warning goes
            self.status.clear()
        if not found:
            self.status.setToolTip("")

    def _preview_path(self) -> str:
        return str(Path(self._tmp.name) / f"{self.kind.currentData()}-{self.session.year}.pdf")

    def show_preview(self) -> None:
        self.editor.flush()
        self.refresh_preview()

    def save_as(self) -> None:
        folder = self.session.path.parent if self.session.path else Path.home()
        default = str(folder / f"{self.kind.currentData()}-{self.session.year}.pdf")
        path = dialogs.save_file(self, "บันทึกเป็น PDF", default, "เอกสาร PDF (*.pdf)")
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
