"""Start the window: fonts, the database (the demo on first start), crash log."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import paths
from ..errors import ItadeskError


def _install_fonts(app: QApplication) -> None:
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
    app.setFont(QFont("Sarabun", 10))


def _excepthook(kind, value, tb) -> None:
    """Last resort: log the traceback beside the data and tell the clerk, in Thai."""
    log = paths.data_home() / "crash.log"
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, "เกิดข้อผิดพลาด", f"โปรแกรมพบข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่สูญหาย\n"
                                                    f"รายละเอียดอยู่ในไฟล์ {log}\n\n{value}")


def open_store(db: str | None):
    from ..store.store import Store

    path = Path(db) if db else paths.default_db_path()
    if not path.exists():
        from ..store.demo import write_demo

        write_demo(path)  # first start: the clerk sees a filled example to learn from
    return Store.open(path)


def run(db: str | None = None, screenshots: str | None = None, quit_when_ready: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("itadesk")
    _install_fonts(app)
    sys.excepthook = _excepthook
    try:
        store = open_store(db)
    except ItadeskError as err:
        QMessageBox.critical(None, "เปิดฐานข้อมูลไม่ได้", err.message_th)
        print(err.message_th, file=sys.stderr)
        return 1
    from .main_window import MainWindow
    from .session import Session

    window = MainWindow(Session(store))
    window.show()
    if screenshots:
        app.processEvents()
        for path in window.save_screenshots(Path(screenshots)):
            print(path)
        window.close()
        return 0
    if quit_when_ready:
        app.processEvents()
        QTimer.singleShot(0, app.quit)
    return app.exec()
