"""The main window: year chooser, the tabs, menus with shortcuts, undo/redo,
open/new/backup/recent databases, and the state restored as it was left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from .. import paths
from ..errors import ItadeskError
from ..store.store import Store
from .session import Session
from .tabs.analysis import AnalysisTab
from .tabs.documents import DocumentsTab
from .tabs.measures import MeasuresTab
from .tabs.memo import MemoTab
from .tabs.office import OfficeTab
from .tabs.scores import ScoresTab
from .tabs.status import StatusTab

MAX_RECENT = 8


def settings() -> QSettings:
    """UI state only (geometry, tab, recent files); business data lives in the database."""
    return QSettings(str(paths.data_home() / "ui.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setObjectName("itadesk_main")
        self.year_box = QComboBox()
        self.year_box.setObjectName("year_box")
        self.year_box.currentIndexChanged.connect(self._year_picked)
        self.tabs = QTabWidget()
        self.pages = [OfficeTab(session), ScoresTab(session), AnalysisTab(session), MeasuresTab(session),
                      StatusTab(session), MemoTab(session), DocumentsTab(session)]
        for page in self.pages:
            self.tabs.addTab(page, page.TITLE)
        self.setCentralWidget(self.tabs)
        # forms save themselves when the clerk leaves them, and every 30 s (a dead battery loses nothing)
        self._last_page = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        from PySide6.QtCore import QTimer

        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self.save_pending)
        self.autosave.start(30_000)
        bar = QToolBar("ปี")
        bar.setObjectName("year_bar")
        bar.addWidget(QLabel(" ปีการประเมิน (พ.ศ.) "))
        bar.addWidget(self.year_box)
        self.addToolBar(bar)
        self._build_menus(bar)
        self.session.error.connect(self.show_error)
        self.session.changed.connect(self._changed)
        self.session.store_replaced.connect(self._store_replaced)
        self._fill_years()
        self._update_title()
        self._update_undo()
        self.restore_state()

    # ------------------------------------------------------------- menus
    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    def _build_menus(self, bar: QToolBar) -> None:
        m = self.menuBar().addMenu("ไฟล์")
        self._action(m, "เปิดฐานข้อมูล…", self.open_database, QKeySequence.StandardKey.Open)
        self._action(m, "สร้างฐานข้อมูลใหม่…", self.new_database, QKeySequence.StandardKey.New)
        self._action(m, "สำรองข้อมูล (คัดลอกไฟล์)…", self.backup, "Ctrl+Shift+S")
        self.recent_menu = m.addMenu("ไฟล์ที่ใช้ล่าสุด")
        m.addSeparator()
        self._action(m, "ออก", self.close, QKeySequence.StandardKey.Quit)
        e = self.menuBar().addMenu("แก้ไข")
        self.undo_action = self._action(e, "เลิกทำ", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(e, "ทำซ้ำ", self.redo, QKeySequence.StandardKey.Redo)
        y = self.menuBar().addMenu("ปี")
        self._action(y, "เพิ่มปีการประเมิน…", self.add_year)
        self._action(y, "ลบปีที่เลือก…", self.delete_year)
        v = self.menuBar().addMenu("หน้า")
        for k, page in enumerate(self.pages, 1):
            self._action(v, page.TITLE, lambda _=False, k=k: self.tabs.setCurrentIndex(k - 1), f"Ctrl+{k}")
        d = self.menuBar().addMenu("เอกสาร")
        docs = self.pages[-1]
        self._action(d, "แสดงตัวอย่าง", lambda: (self.tabs.setCurrentWidget(docs), docs.show_preview()), "F5")
        self._action(d, "พิมพ์…", lambda: (self.tabs.setCurrentWidget(docs), docs.print_document()), QKeySequence.StandardKey.Print)
        self._action(d, "บันทึกเป็น PDF…", lambda: (self.tabs.setCurrentWidget(docs), docs.save_as()), "Ctrl+E")
        save = QAction("บันทึกหน้าที่แก้ไข", self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save_current)
        self.addAction(save)
        self._fill_recent()

    # ------------------------------------------------------------- years
    def _fill_years(self) -> None:
        self.year_box.blockSignals(True)
        self.year_box.clear()
        years = self.session.store.years()
        for y in years:
            self.year_box.addItem(str(y), y)
        if self.session.year in years:
            self.year_box.setCurrentIndex(years.index(self.session.year))
        self.year_box.blockSignals(False)

    def _year_picked(self, _i: int) -> None:
        year = self.year_box.currentData()
        if year:
            self.session.set_year(year)
            self._update_title()

    def add_year(self) -> None:
        years = self.session.store.years()
        suggestion = (years[-1] + 1) if years else 2568
        year, ok = QInputDialog.getInt(self, "เพิ่มปีการประเมิน", "ปี พ.ศ. ของผลการประเมิน ITA", suggestion, 2550, 2700)
        if ok and self.session.write(self.session.store.add_year, year):
            self.session.set_year(year)
            self._fill_years()

    def delete_year(self) -> None:
        year = self.session.year
        if year and QMessageBox.question(self, "ลบปี", f"ลบข้อมูลทั้งหมดของปี {year}? (เลิกทำได้ด้วย Ctrl+Z)") == QMessageBox.StandardButton.Yes:
            self.session.write(self.session.store.delete_year, year)
            years = self.session.store.years()
            self.session.set_year(years[-1] if years else 0)
            self._fill_years()

    # ---------------------------------------------------------- databases
    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "เปิดฐานข้อมูล itadesk", str(paths.data_home()), "itadesk (*.sqlite *.db);;ทุกไฟล์ (*)")
        if path:
            self.switch_to(Path(path))

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "สร้างฐานข้อมูลใหม่", str(paths.data_home() / "ใหม่.sqlite"), "itadesk (*.sqlite)")
        if path:
            if Path(path).exists():
                self.show_error("สร้างไม่ได้", f"มีไฟล์ {path} อยู่แล้ว")
                return
            self.switch_to(Path(path), create=True)

    def switch_to(self, path: Path, *, create: bool = False) -> bool:
        try:
            store = Store.open(path, create=create)
        except ItadeskError as err:
            self.show_error("เปิดฐานข้อมูลไม่ได้", err.message_th)
            return False
        self.session.replace_store(store)
        self._remember(path)
        return True

    def backup(self) -> None:
        src = self.session.path
        default = (src.stem if src else "itadesk") + "-สำรอง.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, "สำรองข้อมูล", str(paths.data_home() / default), "itadesk (*.sqlite)")
        if path:
            self.session.store.backup(path)
            self.statusBar().showMessage(f"สำรองข้อมูลไว้ที่ {path} แล้ว", 6000)

    def _remember(self, path: Path) -> None:
        s = settings()
        recent = [p for p in (s.value("recent", []) or []) if p != str(path)]
        s.setValue("recent", ([str(path)] + recent)[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in settings().value("recent", []) or []:
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda _=False, p=p: self.switch_to(Path(p)))

    def _store_replaced(self) -> None:
        self._fill_years()
        self._update_title()
        self._update_undo()

    # --------------------------------------------------------------- edits
    def undo(self) -> None:
        label = self.session.undo()
        self.statusBar().showMessage(f"เลิกทำ: {label}" if label else "ไม่มีสิ่งที่เลิกทำได้", 4000)
        self._fill_years()

    def redo(self) -> None:
        label = self.session.redo()
        self.statusBar().showMessage(f"ทำซ้ำ: {label}" if label else "ไม่มีสิ่งที่ทำซ้ำได้", 4000)
        self._fill_years()

    def _tab_changed(self, _index: int) -> None:
        if hasattr(self._last_page, "maybe_save"):
            self._last_page.maybe_save()
        self._last_page = self.tabs.currentWidget()

    def save_pending(self) -> None:
        if self.session.store.closed:
            return
        page = self.tabs.currentWidget()
        if hasattr(page, "maybe_save"):
            page.maybe_save()

    def save_current(self) -> None:
        page = self.tabs.currentWidget()
        if hasattr(page, "save"):
            page.save()

    def _changed(self, areas) -> None:
        self._update_undo()
        if "years" in areas:
            self._fill_years()
        self.statusBar().showMessage("บันทึกแล้ว", 2000)

    def _update_undo(self) -> None:
        u, r = self.session.store.undo_label(), self.session.store.redo_label()
        self.undo_action.setText(f"เลิกทำ “{u}”" if u else "เลิกทำ")
        self.undo_action.setEnabled(bool(u))
        self.redo_action.setText(f"ทำซ้ำ “{r}”" if r else "ทำซ้ำ")
        self.redo_action.setEnabled(bool(r))

    def _update_title(self) -> None:
        office = self.session.store.office().name or "itadesk"
        where = self.session.path.name if self.session.path else "(ในหน่วยความจำ)"
        self.setWindowTitle(f"itadesk — {office} — ปี {self.session.year} — {where}")

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        if not getattr(self, "quiet_errors", False):
            QMessageBox.warning(self, title, message)

    # --------------------------------------------------------------- state
    def restore_state(self) -> None:
        s = settings()
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        state = s.value("state")
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(int(s.value("tab", 1)))

    def closeEvent(self, event):  # noqa: N802
        if not self.session.store.closed:
            self.autosave.stop()
            for page in self.pages:
                if hasattr(page, "maybe_save"):
                    page.maybe_save()
        s = settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState())
        s.setValue("tab", self.tabs.currentIndex())
        if self.session.path:
            self._remember(self.session.path)
        super().closeEvent(event)

    def save_screenshots(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for k, page in enumerate(self.pages, 1):
            self.tabs.setCurrentIndex(k - 1)
            target = folder / f"{k:02d}-{type(page).__name__.removesuffix('Tab').lower()}.png"
            self.grab().save(str(target))
            out.append(target)
        return out


__all__ = ["MainWindow", "Qt"]
