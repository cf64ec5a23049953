"""Preview and printing of a PDF inside the window, rendered by PDFium (pypdfium2).

The PyPI Qt wheels carry no QtPdf, so pages are rendered to images here; the
same renderer feeds the system print dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def page_images(path: str, *, scale: float = 1.4) -> list[QImage]:
    import pypdfium2 as pdfium  # deferred: only when a document is previewed or printed

    pdf = pdfium.PdfDocument(path)
    images = []
    try:
        for page in pdf:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            w, h = bitmap.width, bitmap.height
            image = QImage(bytes(bitmap.buffer), w, h, bitmap.stride,
                           QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888)
            images.append(image.copy())
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
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.pages = page_images(path, scale=1.2)
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.layout_.addWidget(label)
        return len(self.pages)


def print_pdf(path: str, printer) -> int:
    """Draw every page of ``path`` on ``printer`` (a configured QPrinter)."""
    images = page_images(path, scale=printer.resolution() / 72)
    painter = QPainter(printer)
    try:
        for k, image in enumerate(images):
            if k:
                printer.newPage()
            rect = painter.viewport()
            size = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(rect.x(), rect.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(rect)
    finally:
        painter.end()
    return len(images)
