"""Excel in the window: a year out and in (File menu), status forms to the units and
back (status tab), scores from a sheet (scores tab).

Opening and writing workbooks runs on a worker thread (``worker.run_in_background``);
the database is read and written on the GUI thread only, so a worker gets a
YearView or a framework, never the store. Every import shows its changes first
(``ChangesDialog``) and is written through ``session.write`` as one undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from .. import paths
from ..domain.score_paste import score_label
from ..domain.thai_dates import format_date_short
from ..domain.vocab import ROUNDS_TH, Round
from ..errors import ItadeskError
from . import dialogs
from .changes_dialog import ChangesDialog
from .session import Session
from .worker import run_in_background


class _Later:
    """An ``itadesk.exchange`` module imported on first use. openpyxl (and numpy, which it
    imports) cost about half a second: the window must not pay it at every start for a
    clerk who does not touch Excel that day."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        import importlib

        return getattr(importlib.import_module(f"itadesk.exchange.{self._name}"), attr)


scores_sheet, status_forms, xlsx_year = _Later("scores_sheet"), _Later("status_forms"), _Later("xlsx_year")


def read_year_workbook(path):
    return _Later("year_reader").read_year_workbook(path)


def write_year_workbook(book, path):
    return _Later("year_sheets").write_year_workbook(book, path)

XLSX_FILTER = "สมุดงาน Excel (*.xlsx);;ทุกไฟล์ (*)"
_busy: set[str] = set()  # one run of each action at a time (a second click while the first works is ignored)


def _folder(session: Session) -> str:
    return str(session.path.parent if session.path else paths.data_home())


def _status(parent: QWidget, text: str, ms: int = 8000) -> None:
    window = parent.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, ms)


def _background(parent: QWidget, session: Session, key: str, busy_text: str, title: str, fn, on_done) -> None:
    """Run ``fn`` on a worker; ``on_done(result)`` on the GUI thread; a failure becomes a Thai message."""
    if key in _busy:
        return
    _busy.add(key)
    _status(parent, busy_text, 0)

    def done(result) -> None:
        _busy.discard(key)
        _status(parent, "", 1)
        try:
            on_done(result)
        except ItadeskError as err:
            session.error.emit(title, err.message_th)

    def failed(err: BaseException) -> None:
        _busy.discard(key)
        _status(parent, "", 1)
        if isinstance(err, ItadeskError):
            session.error.emit(title, err.message_th)
        elif isinstance(err, OSError):
            session.error.emit(title, f"อ่านหรือเขียนไฟล์ไม่ได้ ({err.strerror or err})")
        else:
            session.error.emit(title, f"เกิดข้อผิดพลาดที่ไม่คาดคิด ({type(err).__name__}) ฐานข้อมูลไม่ถูกเปลี่ยนแปลง")

    run_in_background(fn, done, failed)


# ------------------------------------------------------------------ a year
def export_year(parent: QWidget, session: Session) -> None:
    """ไฟล์ → ส่งออก Excel…: the year shown to one workbook."""
    view = session.view()
    if view is None:
        session.error.emit("ส่งออก Excel", "ยังไม่มีปีการประเมินให้ส่งออก")
        return
    session.flush()
    view = session.view()
    default = Path(_folder(session)) / f"itadesk-ปี{view.year}.xlsx"
    path = dialogs.save_file(parent, "ส่งออกข้อมูลทั้งปีเป็น Excel", str(default), XLSX_FILTER)
    if path:
        # the outlines and plans are read here, on the thread that owns the database
        book = _Later("year_book").year_book(session.store, view.year, view)
        _background(parent, session, "export_year", "กำลังส่งออก Excel…", "ส่งออก Excel",
                    lambda: write_year_workbook(book, path),
                    lambda out: _status(parent, f"ส่งออกข้อมูลปี {view.year} ไว้ที่ {out} แล้ว"))


def import_year(parent: QWidget, session: Session) -> None:
    """ไฟล์ → นำเข้า Excel…: a year's workbook into this database, after a preview."""
    path = dialogs.open_file(parent, "นำเข้าข้อมูลทั้งปีจาก Excel", _folder(session), XLSX_FILTER)
    if path:
        session.flush()
        _background(parent, session, "import_year", "กำลังตรวจไฟล์ Excel…", "นำเข้า Excel ไม่ได้",
                    lambda: read_year_workbook(path), lambda book: _preview_year(parent, session, path, book))


def _preview_year(parent: QWidget, session: Session, path: str, book) -> None:
    store = session.store
    view = book.view
    plan = xlsx_year.plan_from_book(store, path, book)
    replace = False
    if plan.exists:
        choice = dialogs.ask_choice(parent, "นำเข้า Excel", f"ฐานข้อมูลนี้มีปี {view.year} อยู่แล้ว",
                                    [f"แทนที่ข้อมูลปี {view.year} ทั้งปี", "นำเข้าเป็นปีอื่น…"])
        if choice is None:
            return
        if choice == 1:
            year = dialogs.ask_int(parent, "นำเข้าเป็นปีอื่น", "ปี พ.ศ. ที่จะนำเข้าเป็น", max(store.years()) + 1, 2550, 2700)
            if year is None:
                return
            plan = xlsx_year.plan_from_book(store, path, book.as_year(year))
        replace = plan.exists
    lines = plan.lines()
    rows = [[line.strip()] for line in lines[1:]]
    apply_text = f"แทนที่ปี {plan.view.year}" if replace else f"นำเข้าปี {plan.view.year}"
    dialog = ChangesDialog(parent, "นำเข้า Excel", lines[0], ["สิ่งที่จะนำเข้า"], rows, apply_text)
    if not dialog.exec():
        return
    if replace and not dialogs.ask_yes_no(parent, "แทนที่ข้อมูลทั้งปี",
                                          f"ข้อมูลปี {plan.view.year} ในฐานข้อมูลนี้จะถูกแทนที่ทั้งปี\n(เลิกทำได้ด้วย Ctrl+Z) ดำเนินการต่อหรือไม่?",
                                          default_yes=False):
        return
    if session.write(xlsx_year.apply_year_import, store, plan, replace=replace):
        session.set_year(plan.view.year)
        _status(parent, f"นำเข้าข้อมูลปี {plan.view.year} จาก {Path(path).name} แล้ว (เลิกทำได้ด้วย Ctrl+Z)")


# ------------------------------------------------------------- status forms
def _round_now(session: Session) -> int:
    """The round a clerk most likely means: 12 once the fiscal year of the measures has ended."""
    import datetime as _dt

    _start, end = status_forms.round_dates(session.year, Round.SIX)
    return 0 if _dt.date.today() <= end + _dt.timedelta(days=90) else 1


def send_forms(parent: QWidget, session: Session) -> None:
    """สถานะ → ส่งแบบรายงานให้หน่วยงาน: one workbook per responsible unit in a folder."""
    view = session.view()
    if view is None:
        session.error.emit("ส่งแบบรายงาน", "ยังไม่มีปีการประเมิน")
        return
    session.flush()
    view = session.view()
    k = dialogs.ask_choice(parent, "ส่งแบบรายงานให้หน่วยงาน", f"รอบการรายงานของมาตรการปี {view.year}",
                           [ROUNDS_TH[r] for r in status_forms.ROUNDS], _round_now(session))
    if k is None:
        return
    rnd = status_forms.ROUNDS[k]
    folder = dialogs.choose_folder(parent, "เลือกโฟลเดอร์ที่จะเก็บแบบรายงาน", _folder(session))
    if not folder:
        return
    groups = status_forms.units_of(view)
    existing = [status_forms.file_name(view.year, rnd, u) for u in groups
                if (Path(folder) / status_forms.file_name(view.year, rnd, u)).exists()]
    overwrite = False
    if existing:
        if not dialogs.ask_yes_no(parent, "ส่งแบบรายงานให้หน่วยงาน",
                                  f"มีแบบรายงาน {len(existing)} ไฟล์อยู่แล้วใน {folder}\n(อาจเป็นแบบที่หน่วยงานกรอกแล้ว)\n"
                                  "ต้องการเขียนทับด้วยแบบรายงานเปล่าหรือไม่?", default_yes=False):
            return
        overwrite = True

    def done(written: list[Path]) -> None:
        _status(parent, f"เขียนแบบรายงาน {len(written)} ไฟล์ไว้ที่ {folder} แล้ว")
        dialogs.inform(parent, "ส่งแบบรายงานให้หน่วยงาน",
                       f"เขียนแบบรายงาน{ROUNDS_TH[rnd]} {len(written)} ไฟล์ (หน่วยงานละหนึ่งไฟล์) ไว้ที่\n{folder}\n\n"
                       "ส่งไฟล์ให้แต่ละหน่วยงานกรอกช่องสีเหลือง แล้วนำไฟล์ที่ได้คืนเข้าด้วยปุ่ม “รับแบบรายงานคืน”")

    _background(parent, session, "send_forms", "กำลังเขียนแบบรายงาน…", "ส่งแบบรายงานไม่ได้",
                lambda: status_forms.write_forms(view, rnd, folder, overwrite=overwrite), done)


def receive_forms(parent: QWidget, session: Session) -> None:
    """สถานะ → รับแบบรายงานคืน: the filled forms checked, the changes previewed, then one undo step."""
    files = dialogs.open_files(parent, "รับแบบรายงานคืน (เลือกได้หลายไฟล์)", _folder(session), XLSX_FILTER)
    if files:
        session.flush()
        _background(parent, session, "receive_forms", "กำลังตรวจแบบรายงาน…", "รับแบบรายงานไม่ได้",
                    lambda: status_forms.open_forms(files), lambda opened: _preview_forms(parent, session, opened))


def _preview_forms(parent: QWidget, session: Session, opened) -> None:
    result = status_forms.check_forms(session.store, opened)
    if not result.changes:
        dialogs.inform(parent, "รับแบบรายงานคืน", result.lines()[0] + "\n\nไม่มีสถานะที่ต้องบันทึกเพิ่ม")
        return
    rows = [[c.title, c.describe(c.old), c.describe(c.new), format_date_short(c.new.date, thai=False), c.new.note, c.source]
            for c in result.changes]
    dialog = ChangesDialog(parent, "รับแบบรายงานคืน", result.lines()[0],
                           ["มาตรการ", "เดิม", "ใหม่", "วันที่รายงาน", "ผลการดำเนินงาน", "จากแบบรายงาน"], rows,
                           f"บันทึกสถานะ {len(result.changes)} มาตรการ")
    if dialog.exec() and session.write(status_forms.apply_forms, session.store, result):
        if session.year != result.year:
            session.set_year(result.year)
        _status(parent, f"บันทึกสถานะจากแบบรายงานแล้ว {len(result.changes)} มาตรการ (เลิกทำได้ด้วย Ctrl+Z)")


# ------------------------------------------------------------------- scores
def import_scores(parent: QWidget, session: Session) -> None:
    """คะแนน → นำเข้าคะแนนจาก Excel…: any sheet whose rows start with a code and end with a score."""
    view = session.view()
    if view is None:
        session.error.emit("นำเข้าคะแนน", "ยังไม่มีปีการประเมิน")
        return
    path = dialogs.open_file(parent, f"นำเข้าคะแนนปี {view.year} จาก Excel", _folder(session), XLSX_FILTER)
    if path:
        fw, current = view.framework, view.scores
        _background(parent, session, "import_scores", "กำลังอ่านคะแนน…", "นำเข้าคะแนนไม่ได้",
                    lambda: scores_sheet.read_scores_workbook(path, fw),
                    lambda pasted: preview_scores(parent, session, pasted, current, Path(path).name))


def preview_scores(parent: QWidget, session: Session, pasted, current, source: str) -> bool:
    """Show the score changes and write them as one step when the clerk agrees."""
    changes = scores_sheet.score_changes(pasted, current)
    if not changes:
        dialogs.inform(parent, "นำเข้าคะแนน", f"คะแนนใน {source} ตรงกับที่บันทึกไว้แล้วทั้งหมด")
        return False
    rows = [[score_label(c.key), "-" if c.old is None else f"{c.old:.2f}", f"{c.new:.2f}"] for c in changes]
    dialog = ChangesDialog(parent, "นำเข้าคะแนน", f"คะแนนจาก {source}: เปลี่ยน {len(changes)} รายการ",
                           ["รายการ", "เดิม", "ใหม่"], rows, f"บันทึกคะแนน {len(changes)} รายการ")
    return bool(dialog.exec() and session.write(session.store.set_scores, session.year, **scores_sheet.changes_plan(changes)))
