"""Preview and printing of a PDF inside the window, rendered by PDFium (pypdfium2).

The PyPI Qt wheels carry no QtPdf, so pages are rendered to images here; the
same renderer feeds the system print dialog.

Printing renders, paints and frees one page at a time: a page at 600 dpi is
about 130 MB of pixels, and holding all twelve pages of the measures report
took 1.4 GiB. Painting on a QPrinter from a worker thread is supported by Qt
("Painting in Threads" in the Qt threading notes), so ``print_pdf`` runs on the
thread pool; it touches no widget.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ..errors import ItadeskError

# PDFium is not thread-safe, not even across different documents: two calls at
# the same time crash or corrupt the process (pypdfium2 documentation, "Incompatibility
# with Threading"). Printing runs on a worker while the preview renders on the GUI
# thread, so every PDFium call in the process goes through this one lock.
PDFIUM_LOCK = threading.RLock()

# Rasters are 32-bit "RGB32" QImages: the format Qt's PDF/CUPS print engine takes
# without converting (anything else is first copied to ARGB32, a second page-sized
# buffer). On a little-endian machine its bytes are B, G, R, 0xff, which is PDFium's
# BGRx; on the opaque white background PDFium writes 0xff in the x byte, as RGB32
# requires. A big-endian machine gets RGBX8888 (bytes R, G, B, x) instead.
if sys.byteorder == "little":
    _QT_FORMAT, _REV_BYTEORDER = QImage.Format.Format_RGB32, False
else:  # pragma: no cover - no big-endian desktop to test on
    _QT_FORMAT, _REV_BYTEORDER = QImage.Format.Format_RGBX8888, True

# Text printed at more than 600 dpi looks the same on paper, but a page's raster
# grows with the square of the resolution: a HighResolution QPrinter on the PDF and
# CUPS engines reports 1200 dpi (about 520 MB for one A4 page). Above this the
# page is rendered at 600 dpi and the printer scales it up.
MAX_PRINT_DPI = 600

# A page is handed to the printer in bands of this many raster rows. PySide6 keeps
# the GIL inside QPainter.drawImage, and Qt's PDF/CUPS engine JPEG-encodes the image
# there: one call for a whole 600 dpi page held the GUI thread for about 0.55 s,
# a band of 256 rows for about 30 ms. 256 is a multiple of JPEG's 16-pixel blocks, so the
# bands compress as the whole page would; on paper they abut on exact printer pixels.
BAND_ROWS = 256


def render_page(page, scale: float) -> QImage:
    """One PDFium page as a QImage that owns its pixels; call with ``PDFIUM_LOCK`` held.

    PDFium draws straight into the QImage's memory, so there is no second copy of
    the page (pypdfium2's own bitmap plus ``QImage.copy()`` was two). Because Qt
    owns the pixels, whatever a print engine keeps of the image after ``drawImage``
    (Qt's implicit sharing, e.g. the macOS engine until the page ends) stays valid;
    a QImage over pypdfium2's buffer would dangle once the bitmap is closed.
    """
    import pypdfium2 as pdfium  # deferred: only when a document is previewed or printed
    import pypdfium2.raw as pdfium_c

    held: dict[str, object] = {}

    def into_qimage(width, height, format, rev_byteorder):  # noqa: A002 - pypdfium2's keyword
        image = QImage(width, height, _QT_FORMAT)
        if image.isNull():
            raise MemoryError(f"no memory for a {width}x{height} page")
        view = image.bits()  # writable view of the QImage's own pixels
        buffer = (ctypes.c_ubyte * image.sizeInBytes()).from_buffer(view)
        held.update(image=image, view=view, buffer=buffer)
        return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=buffer, stride=image.bytesPerLine())

    bitmap = page.render(scale=scale, bitmap_maker=into_qimage,
                         force_bitmap_format=pdfium_c.FPDFBitmap_BGRx, rev_byteorder=_REV_BYTEORDER)
    bitmap.close()  # a native bitmap: frees PDFium's FPDF_BITMAP handle only, never the QImage's pixels
    image = held.pop("image")
    del held["buffer"]  # the ctypes array pins the view; drop it before releasing the view
    held.pop("view").release()
    return image


def page_images(path: str, *, scale: float = 1.4) -> list[QImage]:
    import pypdfium2 as pdfium  # deferred: only when a document is previewed or printed

    images = []
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            for k in range(len(pdf)):
                page = pdf[k]
                try:
                    images.append(render_page(page, scale))
                finally:
                    page.close()
        finally:
            pdf.close()
    return images


class PdfPreview(QScrollArea):
    """Pages one under the other, like a reader."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.container = QWidget()
        self.layout_ = QVBoxLayout(self.container)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.container)
        self.pages: list[QImage] = []

    def show_pdf(self, path: str) -> int:
        return self.show_images(page_images(path, scale=1.2))

    def show_images(self, images: list[QImage]) -> int:
        """Show pages already rendered (on a worker); the reader stays where it was."""
        at = self.verticalScrollBar().value()
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.pages = images
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.layout_.addWidget(label)
        self.container.adjustSize()
        self.verticalScrollBar().setValue(at)
        return len(self.pages)


def print_pdf(path: str, printer, *, progress: Callable[[int, int], object] | None = None,
              cancelled: Callable[[], bool] | None = None, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Print ``path`` on ``printer`` (a configured QPrinter), one page at a time; returns the pages printed.

    Each page is scaled to the printer's page rect, keeping its aspect ratio, and
    rendered at that size in printer pixels, so the engine gets it unresampled
    (above ``max_dpi`` it is rendered at ``max_dpi`` and the printer scales it).
    Only one page's raster exists at any time; it is drawn in bands of
    ``BAND_ROWS`` rows so that the GUI thread is never kept waiting long.

    ``progress(k, n)`` is called as page k (1-based) of n starts. ``cancelled()``
    is asked between pages: when it answers true the page being painted is
    finished, the job is aborted (``printer.abort()``; engines that cannot abort,
    such as PDF output and CUPS, keep the pages already painted) and the pages
    printed so far are returned. Both are called on the thread that prints, so
    they must be thread-safe (a queued signal, a ``threading.Event``).
    Safe to run off the GUI thread: it touches no widget and takes ``PDFIUM_LOCK``
    around each PDFium call.
    """
    import pypdfium2 as pdfium  # deferred: only when a document is previewed or printed

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        total = len(pdf)
    painted = 0
    painter = QPainter()
    try:
        for k in range(total):
            if cancelled is not None and cancelled():
                if painter.isActive():
                    printer.abort()
                break
            if progress is not None:
                progress(k + 1, total)
            if k == 0:
                # begun only now: a job cancelled before its first page sends nothing,
                # not even the blank page an ended painter leaves on engines that cannot abort
                if not painter.begin(printer):
                    raise ItadeskError("เริ่มพิมพ์ไม่ได้: เครื่องพิมพ์ไม่พร้อมหรือเปิดไฟล์ปลายทางไม่ได้",
                                       "QPainter.begin() failed on the printer")
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # used only above max_dpi
                area = painter.viewport()  # the printable page rect, in printer pixels
                shrink = min(1.0, max_dpi / printer.resolution())
            elif not printer.newPage():
                raise ItadeskError("พิมพ์หน้าถัดไปไม่ได้: เครื่องพิมพ์ไม่รับหน้าใหม่", "QPrinter.newPage() failed")
            with PDFIUM_LOCK:
                page = pdf[k]
                try:
                    width, height = page.get_size()  # points
                    fit = min(area.width() / width, area.height() / height)  # printer pixels per point
                    image = render_page(page, fit * shrink)
                finally:
                    page.close()
            for top in range(0, image.height(), BAND_ROWS):
                bottom = min(top + BAND_ROWS, image.height())
                y0, y1 = round(top / shrink), round(bottom / shrink)  # whole printer pixels: no seam, no overlap
                painter.drawImage(QRectF(area.x(), area.y() + y0, image.width() / shrink, y1 - y0),
                                  image, QRectF(0, top, image.width(), bottom - top))
            del image  # the only reference: the page's pixels go before the next page is rendered
            painted += 1
    except BaseException:
        if painter.isActive():
            printer.abort()  # a failed job is not sent half-printed, where the engine can stop it
        raise
    finally:
        if painter.isActive():
            painter.end()  # also after abort(): it closes the engine's job
        with PDFIUM_LOCK:
            pdf.close()
    return painted

