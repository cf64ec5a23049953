"""Printing page by page (pytest-qt): the pure ``print_pdf`` and the documents tab's worker path.

Printers are PDF-format QPrinters at 100 dpi, so the tests stay fast and the
output can be read back with PDFium. Memory is measured by ``python -m itadesk.bench``,
never here: a size or time bound in pytest would only make CI flaky.
"""

import threading
import time

import pytest

pytest.importorskip("PySide6.QtWidgets")
pypdfium2 = pytest.importorskip("pypdfium2")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from itadesk.export.documents import export_document  # noqa: E402
from itadesk.ui.pdf_view import print_pdf  # noqa: E402


def page_count(path) -> int:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


class SpyPrinter(QPrinter):
    """Remembers the thread of every ``newPage()``: ``print_pdf`` calls it between pages."""

    def __init__(self, out, delay: float = 0.0):
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.delay = delay
        self.setResolution(100)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(out))
        self.threads: list[threading.Thread] = []

    def newPage(self):  # noqa: N802 - Qt's name
        self.threads.append(threading.current_thread())
        time.sleep(self.delay)
        return super().newPage()


@pytest.fixture(scope="module")
def measures_pdf(tmp_path_factory):
    from itadesk.store.demo import write_demo

    folder = tmp_path_factory.mktemp("printing")
    db = write_demo(folder / "demo.sqlite")
    return export_document("measures", db=db, year=2568, out=folder / "measures.pdf")


def test_prints_every_page_with_progress(qapp, measures_pdf, tmp_path):
    n = page_count(measures_pdf)
    assert n > 2  # the measures report has a cover, the table and landscape pages
    out = tmp_path / "printed.pdf"
    printer = SpyPrinter(out)
    calls = []
    assert print_pdf(str(measures_pdf), printer, progress=lambda k, total: calls.append((k, total))) == n
    assert calls == [(k, n) for k in range(1, n + 1)]  # once per page, in order
    assert page_count(out) == n
    assert len(printer.threads) == n - 1


def test_cancel_after_page_two(qapp, measures_pdf, tmp_path):
    n = page_count(measures_pdf)
    out = tmp_path / "cancelled.pdf"
    stop = threading.Event()
    calls = []

    def progress(k, total):
        calls.append(k)
        if k == 2:  # asked while page 2 is being printed: page 2 is finished, nothing after it
            stop.set()

    printed = print_pdf(str(measures_pdf), SpyPrinter(out), progress=progress, cancelled=stop.is_set)
    assert printed == 2 < n
    assert calls == [1, 2]
    # the PDF engine cannot abort a job (QPrinter.abort() answers False), so what was painted is kept
    assert page_count(out) == 2


def test_cancelled_before_the_first_page_prints_nothing(qapp, measures_pdf, tmp_path):
    assert print_pdf(str(measures_pdf), SpyPrinter(tmp_path / "none.pdf"), cancelled=lambda: True) == 0
    assert not (tmp_path / "none.pdf").exists()  # no job begun, so not even a blank page goes out


def test_a_printer_that_cannot_start_is_reported_in_thai(qapp, measures_pdf, tmp_path):
    from itadesk.errors import ItadeskError

    with pytest.raises(ItadeskError) as err:
        print_pdf(str(measures_pdf), SpyPrinter(tmp_path / "no-such-folder" / "out.pdf"))
    assert err.value.message_th.startswith("เริ่มพิมพ์ไม่ได้")


@pytest.fixture
def docs_tab(qtbot, demo_path):
    from itadesk.store.store import Store
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.session import Session

    w = MainWindow(Session(Store.open(demo_path)))
    w.quiet_errors = True
    qtbot.addWidget(w)
    w.show()
    docs = w.pages[6]
    w.tabs.setCurrentWidget(docs)
    docs.kind.setCurrentIndex(docs.kind.findData("measures"))
    with qtbot.waitSignal(docs.exported, timeout=60000):
        assert docs.export(str(demo_path.parent / "measures.pdf"))
    yield docs
    w.close()
    w.session.store.close()


def test_tab_prints_on_a_worker_thread(qtbot, docs_tab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from itadesk.domain.thai_numbers import digits

    n = page_count(docs_tab.last_pdf)
    thai = docs_tab.session.store.thai_digits
    shown = []
    set_text = docs_tab.status.setText
    monkeypatch.setattr(docs_tab.status, "setText", lambda text: (shown.append(text), set_text(text)))
    printer = SpyPrinter(tmp_path / "tab.pdf")
    with qtbot.waitSignal(docs_tab.printed, timeout=60000) as blocker:
        assert docs_tab.print_to(printer)
        dialog = docs_tab.print_progress
        assert docs_tab.busy and dialog.isVisible()
        assert dialog.findChild(QPushButton).text() == "ยกเลิก"
        assert not docs_tab.export(str(tmp_path / "other.pdf"))  # the file being printed is not overwritten
    assert blocker.args == [n]
    # painted by a pool thread, reported on the GUI thread page by page
    assert len(printer.threads) == n - 1 and threading.main_thread() not in printer.threads
    assert shown == [f"กำลังพิมพ์หน้า {digits(k, thai)} จาก {digits(n, thai)}" for k in range(1, n + 1)] + [
        f"พิมพ์เสร็จแล้ว {digits(n, thai)} หน้า"]
    assert not docs_tab.busy and docs_tab.print_progress is None
    assert page_count(tmp_path / "tab.pdf") == n


def test_tab_cancel_stops_the_job(qtbot, docs_tab, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    n = page_count(docs_tab.last_pdf)
    printer = SpyPrinter(tmp_path / "cancel.pdf", delay=0.05)  # slow pages: the click lands mid-job
    with qtbot.waitSignal(docs_tab.printed, timeout=60000) as blocker:
        assert docs_tab.print_to(printer)
        qtbot.waitUntil(lambda: docs_tab.status.text().startswith("กำลังพิมพ์หน้า"), timeout=60000)
        # the ยกเลิก button: the worker finishes the page it is painting and stops
        qtbot.mouseClick(docs_tab.print_progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        assert docs_tab.status.text().startswith("กำลังยกเลิก")
    pages = blocker.args[0]
    assert 1 <= pages < n and not docs_tab.busy
    # the PDF engine cannot abort (QPrinter.abort() answers False): the pages painted stay, and the clerk is told
    assert docs_tab.status.text().startswith("หยุดพิมพ์แล้ว")
    assert page_count(tmp_path / "cancel.pdf") == pages
