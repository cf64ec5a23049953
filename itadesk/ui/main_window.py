"""The main window: year chooser, the tabs, menus with shortcuts, undo/redo,
open/new/backup/recent databases, and the state restored as it was left."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import paths
from ..domain.thai_dates import be_year
from ..domain.thai_numbers import to_thai_digits
from ..errors import ItadeskError
from . import dialogs, excel
from .banners import FileBanners
from .file_access import FileAccess
from .opening import open_for_window
from .session import Session
from .tabs.analysis import AnalysisTab
from .tabs.documents import DocumentsTab
from .tabs.measures import MeasuresTab
from .tabs.memo import MemoTab
from .tabs.office import OfficeTab
from .tabs.plans import PlansTab
from .tabs.rules import RulesTab
from .tabs.scores import ScoresTab
from .tabs.status import StatusTab

MAX_RECENT = 8
NO_OFFICE = "ยังไม่ได้ตั้งชื่อหน่วยงาน"
DB_FILTER = "ฐานข้อมูล itadesk (*.sqlite *.db);;ทุกไฟล์ (*)"
# the default window on a 1366×768 laptop, the smallest screen a clerk has
DEFAULT_SIZE = (1280, 720)


_SETTINGS: dict[str, QSettings] = {}


def settings() -> QSettings:
    """UI state only (geometry, tab, recent files); business data lives in the database.

    One QSettings per ini file for the whole run: each new one parses the file again
    (a measurable part of start-up), and a single object never reads back stale values.
    """
    path = str(paths.data_home() / "ui.ini")
    if path not in _SETTINGS:
        _SETTINGS[path] = QSettings(path, QSettings.Format.IniFormat)
    return _SETTINGS[path]


def _as_paths(value) -> list[str]:
    """A stored path list, whatever shape QSettings gives back: a JSON list (how it is
    written now), a plain list, or one path as a plain string (an ini file holding a
    one-item list reads back as a string, which once listed "/", "t", "m", …)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return [value]
        return [str(p) for p in loaded if p] if isinstance(loaded, list) else [value]
    if isinstance(value, (list, tuple)):
        return [str(p) for p in value if p]
    return []


def _stored_recent() -> list[str]:
    out: list[str] = []
    for p in _as_paths(settings().value("recent")):
        if p not in out:
            out.append(p)
    return out


def recent_files() -> list[str]:
    """The databases opened lately, newest first, whole paths, only those that exist now."""
    return [p for p in _stored_recent() if Path(p).is_file()][:MAX_RECENT]


def last_database() -> str | None:
    """The database the program had open last (it opens it again on the next start)."""
    value = settings().value("last_db")
    return str(value) if value else None


def remember_database(path: str | Path) -> None:
    """``path`` becomes the last database and the newest of the recent files."""
    path = str(Path(path).absolute())
    s = settings()
    s.setValue("last_db", path)
    rest = [p for p in _stored_recent() if p != path]
    # a file that is missing now (a USB stick taken out) keeps its place while there is room,
    # and shows again when it is back; files that exist go first
    rest = [p for p in rest if Path(p).is_file()] + [p for p in rest if not Path(p).is_file()]
    s.setValue("recent", json.dumps(([path] + rest)[:MAX_RECENT], ensure_ascii=False))
    s.sync()


def backup_name(source: Path | None, today: _dt.date | None = None) -> str:
    """``<stem>-สำรอง-๒๕๖๙-๑๑-๒๒.sqlite``: the Buddhist-era date in Thai digits, so a
    clerk sees which backup is which and one day's backup never replaces another's."""
    day = today or _dt.date.today()
    stamp = to_thai_digits(f"{be_year(day.year)}-{day.month:02d}-{day.day:02d}")
    return f"{source.stem if source else 'itadesk'}-สำรอง-{stamp}.sqlite"


class MainWindow(FileAccess, QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setObjectName("itadesk_main")
        self.year_box = QComboBox()
        self.year_box.setObjectName("year_box")
        self.year_box.currentIndexChanged.connect(self._year_picked)
        self.tabs = QTabWidget()
        # each tab is built when first shown (or first asked for): the window opens on one
        tabs = [OfficeTab, ScoresTab, AnalysisTab, MeasuresTab, StatusTab, MemoTab, DocumentsTab,
                RulesTab, PlansTab]  # the year's rules and published result; plans across years
        self.pages = [tab(session, lazy=True) for tab in tabs]
        for page in self.pages:
            self.tabs.addTab(page, page.TITLE)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.banners = FileBanners(self)  # read-only file; stored values the program cannot use
        column.addWidget(self.banners)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.auto_answer = False  # what questions answer while errors are quiet (tests)
        session.ask = self.ask_user
        session.notice.connect(lambda text: self.statusBar().showMessage(text, 15000))
        # forms save themselves when the clerk leaves them, and every 30 s (a dead battery loses nothing)
        self._last_page = self.tabs.currentWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        bar = QToolBar("ปี")
        bar.setObjectName("year_bar")
        bar.addWidget(QLabel(" ปีการประเมิน (พ.ศ.) "))
        bar.addWidget(self.year_box)
        self.addToolBar(bar)
        self._build_menus(bar)
        self.session.error.connect(self.show_error)
        self.session.notice.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.session.changed.connect(self._changed)
        self.session.typing.connect(self._typing)
        self.session.store_replaced.connect(self._store_replaced)
        self._fill_years()
        self._update_title()
        self._update_undo()
        self.restore_state()
        # the title names the office, the year and the file, whatever changes them
        self.session.changed.connect(self._title_areas_changed)
        self.session.year_changed.connect(self._year_shown)
        self.session.changed.connect(lambda _areas: self.banners.refresh())
        self.session.year_changed.connect(lambda _year: self.banners.refresh())
        self._apply_access()

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
        self._action(m, "บันทึกสำเนาเป็น… (แล้วแก้ไขในสำเนา)", self.save_copy_as)
        m.addSeparator()
        self.export_excel_action = self._action(m, "ส่งออก Excel…", lambda: excel.export_year(self, self.session))
        self.import_excel_action = self._action(m, "นำเข้า Excel…", lambda: excel.import_year(self, self.session))
        m.addSeparator()
        self.recent_menu = m.addMenu("ไฟล์ที่ใช้ล่าสุด")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)  # a file deleted meanwhile is not offered
        m.addSeparator()
        self._action(m, "ออก", self.close, QKeySequence.StandardKey.Quit)
        e = self.menuBar().addMenu("แก้ไข")
        self.undo_action = self._action(e, "เลิกทำ", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(e, "ทำซ้ำ", self.redo, QKeySequence.StandardKey.Redo)
        y = self.menuBar().addMenu("ปี")
        self.year_actions = [self._action(y, "เพิ่มปีการประเมิน…", self.add_year), self._action(y, "ลบปีที่เลือก…", self.delete_year)]
        v = self.menuBar().addMenu("หน้า")
        for k, page in enumerate(self.pages, 1):
            self._action(v, page.TITLE, lambda _=False, k=k: self.tabs.setCurrentIndex(k - 1), f"Ctrl+{k}")
        d = self.menuBar().addMenu("เอกสาร")
        docs = next(p for p in self.pages if isinstance(p, DocumentsTab))
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
        year = dialogs.ask_int(self, "เพิ่มปีการประเมิน", "ปี พ.ศ. ของผลการประเมิน ITA", suggestion, 2550, 2700)
        if year is not None and self.session.write(self.session.store.add_year, year):
            self.session.set_year(year)
            self._fill_years()

    def delete_year(self) -> None:
        year = self.session.year
        if year and self.session.store.has_year(year) and dialogs.ask_yes_no(
                self, "ลบปี", f"ลบข้อมูลทั้งหมดของปี {year}? (เลิกทำได้ด้วย Ctrl+Z)", default_yes=False):
            self.session.write(self.session.store.delete_year, year)
            years = self.session.store.years()
            self.session.set_year(years[-1] if years else 0)
            self._fill_years()

    # ---------------------------------------------------------- databases
    def _folder(self) -> str:
        """Where the file dialogs start: beside the database open now."""
        return str(self.session.path.parent if self.session.path else paths.data_home())

    def open_database(self) -> None:
        path = dialogs.open_file(self, "เปิดฐานข้อมูล itadesk", self._folder(), DB_FILTER)
        if path:
            self.switch_to(Path(path))

    def new_database(self) -> None:
        path = dialogs.save_file(self, "สร้างฐานข้อมูลใหม่", str(Path(self._folder()) / "ใหม่.sqlite"),
                                 "ฐานข้อมูล itadesk (*.sqlite)", confirm_overwrite=False)
        if path:
            if Path(path).exists():
                self.show_error("สร้างไม่ได้", f"มีไฟล์ {path} อยู่แล้ว กรุณาตั้งชื่ออื่น (ไฟล์เดิมไม่ถูกแก้ไข)")
                return
            self.switch_to(Path(path), create=True)

    def switch_to(self, path: Path, *, create: bool = False, reopen: bool = False) -> bool:
        """Show ``path`` in this window: every tab, the years, the title, undo; remembered for the next start."""
        path = Path(path)
        if not reopen and self.session.path and path.exists() and path.resolve() == self.session.path.resolve():
            self.statusBar().showMessage(f"เปิด {path.name} อยู่แล้ว", 4000)
            return True
        self.save_pending()  # what was typed belongs to the file it was typed in
        if reopen:
            self.session.store.close()  # the lock and the connection of the read-only view go first
        try:
            store = open_for_window(path, create=create)
        except ItadeskError as err:
            self.show_error("เปิดฐานข้อมูลไม่ได้", err.message_th)
            self._fill_recent()
            return False
        self.session.replace_store(store)
        self._remember(path)
        done = f"{'สร้าง' if create else 'เปิด'}ฐานข้อมูล {path} แล้ว" + (" (อ่านอย่างเดียว)" if store.readonly else "")
        self.statusBar().showMessage("  ".join([done, *store.notes]), 10000)
        return True

    def backup(self) -> None:
        default = Path(paths.data_home()) / backup_name(self.session.path)
        path = dialogs.save_file(self, "สำรองข้อมูล", str(default), "ฐานข้อมูล itadesk (*.sqlite)", confirm_overwrite=False)
        if path:
            self.backup_to(Path(path))

    def backup_to(self, target: Path) -> bool:
        """Copy the database to ``target``; an existing file is replaced only after ใช่ to the question."""
        target = Path(target)
        src = self.session.path
        if src and target.exists() and target.resolve() == src.resolve():
            self.show_error("สำรองข้อมูลไม่ได้", "ไฟล์สำรองต้องเป็นคนละไฟล์กับฐานข้อมูลที่เปิดอยู่ กรุณาตั้งชื่ออื่น")
            return False
        overwrite = False
        if target.exists():
            if not dialogs.ask_yes_no(self, "สำรองข้อมูล", f"มีไฟล์ {target.name} อยู่แล้วใน {target.parent}\n"
                                      "ต้องการเขียนทับด้วยข้อมูลปัจจุบันหรือไม่?", default_yes=False):
                self.statusBar().showMessage("ยังไม่ได้สำรองข้อมูล: ไฟล์เดิมไม่ถูกเขียนทับ", 6000)
                return False
            overwrite = True
        self.save_pending()  # the copy holds what was just typed
        try:
            self.session.store.backup(target, overwrite=overwrite)
        except ItadeskError as err:
            self.show_error("สำรองข้อมูลไม่ได้", err.message_th)
            return False
        except OSError as err:
            self.show_error("สำรองข้อมูลไม่ได้", f"เขียนไฟล์ {target} ไม่ได้ ({err.strerror or err})")
            return False
        self.statusBar().showMessage(f"สำรองข้อมูลไว้ที่ {target} แล้ว", 8000)
        return True

    def _remember(self, path: Path) -> None:
        remember_database(path)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for p in files:
            action = self.recent_menu.addAction(p.replace("&", "&&"))  # a path, not a mnemonic
            action.setData(p)
            action.triggered.connect(lambda _=False, p=p: self.switch_to(Path(p)))
        if not files:
            self.recent_menu.addAction("(ยังไม่มี)").setEnabled(False)

    def _store_replaced(self) -> None:
        self._fill_years()
        self._update_title()
        self._update_undo()
        self._apply_access()

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
        self.session.flush()  # leaving a tab writes what was typed there
        self._last_page = self.tabs.currentWidget()

    def save_pending(self) -> None:
        """Ctrl+S: write everything pending, on every tab (fields also write themselves)."""
        if self.session.store.closed:
            return
        if self.session.flush(force=True):  # Ctrl+S: what the clerk typed, even over a change made elsewhere
            self.statusBar().showMessage("บันทึกแล้ว", 3000)

    save_current = save_pending

    def _changed(self, areas) -> None:
        self._update_undo()
        if "years" in areas:
            self._fill_years()
        self.statusBar().showMessage("บันทึกแล้ว", 2000)

    def _typing(self) -> None:
        """Unwritten typing can be undone too: Ctrl+Z writes it, then takes it back."""
        if not self.undo_action.isEnabled():
            self.undo_action.setText("เลิกทำ “การพิมพ์”")
            self.undo_action.setEnabled(True)

    def _update_undo(self) -> None:
        u, r = self.session.store.undo_label(), self.session.store.redo_label()
        self.undo_action.setText(f"เลิกทำ “{u}”" if u else "เลิกทำ")
        self.undo_action.setEnabled(bool(u))
        self.redo_action.setText(f"ทำซ้ำ “{r}”" if r else "ทำซ้ำ")
        self.redo_action.setEnabled(bool(r))

    def _update_title(self) -> None:
        """"itadesk — <office> — ปี <year> — <file>": which file a clerk is typing into, always."""
        store = self.session.store
        if store.closed:
            return
        office = store.office().name.strip() or NO_OFFICE
        year = self.session.year if self.session.year and store.has_year(self.session.year) else "-"
        where = self.session.path.name if self.session.path else "(ในหน่วยความจำ)"
        self.setWindowTitle(f"itadesk — {office} — ปี {year} — {where}")

    def _title_areas_changed(self, areas) -> None:
        if {"office", "years"} & set(areas):
            self._update_title()

    def _year_shown(self, year: int) -> None:
        self._update_title()
        if self.year_box.currentData() != year:
            self._fill_years()  # a year chosen elsewhere (an import goes to the year it brought)

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        if not getattr(self, "quiet_errors", False):
            dialogs.warn(self, title, message)

    # --------------------------------------------------------------- state
    def restore_state(self) -> None:
        s = settings()
        geometry = s.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.default_geometry()
        else:
            self.keep_on_screen()
        state = s.value("state")
        if state is not None:
            self.restoreState(state)
        try:
            self.tabs.setCurrentIndex(int(s.value("tab", 1)))
        except (TypeError, ValueError):
            self.tabs.setCurrentIndex(1)

    @staticmethod
    def _available():
        screen = QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen else None

    def default_geometry(self) -> None:
        """1280×720 at most, 90 % of the screen on a smaller one, in the middle of the primary screen."""
        avail = self._available()
        if avail is None:
            self.resize(*DEFAULT_SIZE)
            return
        self._fit(DEFAULT_SIZE[0], DEFAULT_SIZE[1], avail)

    def keep_on_screen(self) -> None:
        """A geometry saved on a larger or another monitor comes back onto the primary screen."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return
        geo = self.geometry()
        if any(screen.availableGeometry().contains(geo) for screen in QGuiApplication.screens()):
            return
        avail = self._available()
        if avail is None:
            return
        self._fit(geo.width(), geo.height(), avail)

    def _fit(self, width: int, height: int, avail) -> None:
        """At most ``width``×``height`` and 90 % of ``avail`` (never under the window's minimum), centred in it."""
        least = self.minimumSizeHint()
        self.resize(max(min(width, int(avail.width() * 0.9)), least.width()),
                    max(min(height, int(avail.height() * 0.9)), least.height()))
        # move() places the frame (title bar included); keep its top-left on the screen
        x = avail.x() + max(0, (avail.width() - self.frameGeometry().width()) // 2)
        y = avail.y() + max(0, (avail.height() - self.frameGeometry().height()) // 2)
        self.move(x, y)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        if visible:
            self.tabs.currentWidget().ensure_built()  # the tab the window opens on, before it shows
        super().setVisible(visible)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not event.spontaneous():
            # the keyboard goes to the window just opened: a bare X server (no window manager,
            # a kiosk, Xvfb) gives it to no one, and every key the clerk types would be lost
            self.activateWindow()

    def closeEvent(self, event):  # noqa: N802
        if not self.session.store.closed:
            self.session.flush()
            if any(page.conflicts() for page in self.pages) and self.ask_user(
                    "ข้อมูลถูกแก้ไขจากที่อื่น", "บางช่องที่คุณพิมพ์ยังไม่ได้บันทึก เพราะถูกแก้ไขจากที่อื่นระหว่างนั้น\n"
                                               "บันทึกสิ่งที่คุณพิมพ์แทนค่าที่แก้ไขจากที่อื่นหรือไม่?"):
                self.session.flush(force=True)
        for page in self.pages:  # an export under way ends with the window
            page.shutdown()
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
