"""Start the window: the X libraries on Linux, fonts, Thai for Qt's own words,
the database (the one used last; the demo on the very first start), crash log.

Qt is imported inside the functions, after :func:`missing_x_libraries` has made
sure the X libraries its xcb platform plugin links against can be loaded: without
one of them Qt aborts with "Could not load the Qt platform plugin" and a core dump,
which tells a clerk nothing. Without them we print which Debian packages to
install, in Thai and English, and exit with code 2.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path

from .. import paths
from ..errors import ItadeskError

# What Qt's xcb platform plugin (PySide6 6.11: plugins/platforms/libqxcb.so and
# lib/libQt6XcbQpa.so.6) links against beyond libc, as `ldd` lists it, with the
# Debian/Ubuntu package that ships each; libGL/libEGL/fontconfig are Qt Gui's own.
X_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
)


def _loadable(soname: str) -> bool:
    """Can the dynamic loader load ``soname`` (and everything it needs)? As Qt will."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Will Qt start its xcb (X11) platform plugin here?"""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    # unset: a Wayland session tries Qt's wayland plugin first, X11 only when that fails
    return not (env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"))


def missing_x_libraries(loadable: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """(library, Debian package) for each X library Qt's xcb plugin needs that cannot be loaded."""
    can_load = loadable or _loadable
    return [(lib, pkg) for lib, pkg in X_LIBRARIES if not can_load(lib)]


def x_libraries_message(missing: list[tuple[str, str]]) -> str:
    libs = ", ".join(lib for lib, _pkg in missing)
    command = "sudo apt-get install " + " ".join(dict.fromkeys(pkg for _lib, pkg in missing))
    return (
        f"itadesk เปิดหน้าต่างไม่ได้: เครื่องนี้ยังไม่มีไลบรารีของ X11 ที่ Qt ต้องใช้ ({libs})\n"
        f"ติดตั้งด้วยคำสั่งนี้ แล้วเปิด itadesk อีกครั้ง:\n\n"
        f"    {command}\n\n"
        f"itadesk cannot open its window: the X11 libraries Qt's xcb platform plugin needs are missing ({libs}).\n"
        f"Install them with the command above (Debian, Ubuntu), then start itadesk again."
    )


def check_linux_desktop(environ: Mapping[str, str] | None = None, platform: str | None = None,
                        loadable: Callable[[str], bool] | None = None) -> str | None:
    """None when the window can start; otherwise the Thai+English message naming the packages."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_x_libraries(loadable)
    return x_libraries_message(missing) if missing else None


# ---------------------------------------------------------------- the database
def open_store(db: str | None, notices: list[str] | None = None, ask: Callable[[str, str], bool] | None = None):
    """The database to start on: ``--db``; else the one used last; else the default file.

    The demo is written only on the very first start: no database remembered and no
    default file yet. A remembered file that is gone (a USB stick taken out) falls back
    to the default file, and ``notices`` gets a Thai sentence saying so. ``--db`` with a
    file that does not exist asks (``ask``) before making a new, empty one there.
    A file another itadesk edits, or that cannot be written, opens read-only.
    """
    from .main_window import last_database, remember_database
    from .opening import open_for_window, open_given

    if db:
        store = open_given(db, ask)
        remember_database(Path(db))
        return store
    last = last_database()
    if last and Path(last).exists():
        path = Path(last)
    else:
        path = paths.default_db_path()
        if last and notices is not None:
            notices.append(f"ไม่พบไฟล์ที่ใช้ครั้งล่าสุด {last} จึงเปิด {path.name} แทน")
    if path.exists() or last:
        store = open_for_window(path, create=True)  # after the first start a missing default file starts empty
    else:
        from ..store.demo import write_demo

        write_demo(path)  # first start: the clerk sees a filled example to learn from
        store = open_for_window(path)
    remember_database(path)
    return store


# --------------------------------------------------------------------- start
_translator = None  # Thai for Qt's own words, installed once and kept alive here


def _install_fonts(app) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
    app.setFont(QFont("Sarabun", 10))


def _excepthook(kind, value, tb) -> None:
    """Last resort: log the traceback beside the data and tell the clerk, in Thai."""
    from PySide6.QtWidgets import QApplication

    log = paths.data_home() / "crash.log"
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        from .dialogs import warn

        warn(None, "เกิดข้อผิดพลาด", f"โปรแกรมพบข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่สูญหาย\n"
                                      f"รายละเอียดอยู่ในไฟล์ {log}\n\n{value}", critical=True)


def run(db: str | None = None, screenshots: str | None = None, quit_when_ready: bool = False) -> int:
    problem = check_linux_desktop()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    # The Qt-free core first: PySide6 reads the source of every module imported after
    # it (its ``__feature__`` check), 20–40 ms of every start spent on files without Qt.
    importlib.import_module("itadesk.store.store")  # the store, the domain and sqlite-utils with it
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .dialogs import ThaiQtTranslator, ask_yes_no, warn

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("itadesk")
    global _translator
    if _translator is None:
        _translator = ThaiQtTranslator(app)
        app.installTranslator(_translator)
    _install_fonts(app)
    sys.excepthook = _excepthook
    from ..atomic import ignore_file_size_signal, sweep

    ignore_file_size_signal()  # a full disk or a size limit ends a write with a Thai message
    notices: list[str] = []
    try:
        store = open_store(db, notices, ask=lambda title, text: ask_yes_no(None, title, text, default_yes=False))
    except ItadeskError as err:
        print(err.message_th, file=sys.stderr)
        warn(None, "เปิดฐานข้อมูลไม่ได้", err.message_th, critical=True)
        return 1
    from .main_window import MainWindow
    from .session import Session

    if store.path is not None:
        sweep(store.path.parent)  # temporaries of a backup or an export interrupted last time
    sweep(paths.data_home())
    notices += list(store.notes)
    window = MainWindow(Session(store))
    window.show()
    if notices:
        window.statusBar().showMessage("  ".join(notices), 15000)
    if screenshots:
        app.processEvents()
        for path in window.save_screenshots(Path(screenshots)):
            print(path)
        window.close()
        window.session.store.close()
        return 0
    if quit_when_ready:
        app.processEvents()
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.session.store.close()  # the edit lock and its description go now; the next start finds them free
    return code
