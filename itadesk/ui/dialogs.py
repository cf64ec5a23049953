"""Dialogs in Thai: questions, messages, file choosers and number input.

Qt ships no Thai translation, so its static helpers (``QMessageBox.question``,
``QFileDialog.getSaveFileName``, ``QInputDialog.getInt``) show "Yes", "Cancel",
"File name:" and an English overwrite question. These helpers build the dialogs
themselves with Thai buttons and labels, the same words everywhere:

- a question: ใช่ / ไม่ใช่ (``ask_yes_no``) or ตกลง / ยกเลิก (``ask_ok_cancel``);
- a message: ตกลง (``warn``, ``inform``);
- a file: Qt's own (non-native) file dialog with Thai labels, เปิด or บันทึก / ยกเลิก,
  and our own Thai question before a file is replaced (``open_file``, ``save_file``);
- a number: ตกลง / ยกเลิก (``ask_int``).

:class:`ThaiQtTranslator` covers what remains of Qt's own English (the right-click
menu of a text field, the file dialog's tool tips and column headers, the standard
buttons of dialogs the tabs still open with Qt's static helpers); ``app.run``
installs it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

YES, NO = "ใช่", "ไม่ใช่"
OK, CANCEL = "ตกลง", "ยกเลิก"
OPEN, SAVE = "เปิด", "บันทึก"


def _ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         accept: str, reject: str | None, *, default_accept: bool = True) -> bool:
    """A message box with our own buttons; True when ``accept`` was clicked (Esc = ``reject``)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("itadesk_question")
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole if reject is None else QMessageBox.ButtonRole.YesRole)
    no = box.addButton(reject, QMessageBox.ButtonRole.NoRole) if reject is not None else None
    box.setDefaultButton(yes if default_accept or no is None else no)
    box.setEscapeButton(no or yes)
    box.exec()
    return box.clickedButton() is yes


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = True) -> bool:
    """ใช่ / ไม่ใช่; True for ใช่. Esc and closing the box answer ไม่ใช่."""
    return _ask(parent, QMessageBox.Icon.Question, title, text, YES, NO, default_accept=default_yes)


def ask_ok_cancel(parent: QWidget | None, title: str, text: str) -> bool:
    """ตกลง / ยกเลิก; True for ตกลง."""
    return _ask(parent, QMessageBox.Icon.Question, title, text, OK, CANCEL)


def warn(parent: QWidget | None, title: str, text: str, *, critical: bool = False) -> None:
    _ask(parent, QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning, title, text, OK, None)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _ask(parent, QMessageBox.Icon.Information, title, text, OK, None)


# ------------------------------------------------------------------- files
def _first_suffix(name_filter: str) -> str:
    """"itadesk (*.sqlite *.db);;ทุกไฟล์ (*)" → "sqlite" (added to a name typed without one)."""
    m = re.search(r"\*\.([A-Za-z0-9]+)", name_filter)
    return m.group(1) if m else ""


def file_dialog(parent: QWidget | None, title: str, start: str, name_filter: str, *, save: bool) -> QFileDialog:
    """Qt's own file dialog (not the desktop's, which may speak English), labelled in Thai."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("itadesk_file_dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # we ask, in Thai
    dialog.setNameFilter(name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.setDefaultSuffix(_first_suffix(name_filter))
    where = Path(start) if start else Path.home()
    if where.is_dir():
        dialog.setDirectory(str(where))
    else:
        dialog.setDirectory(str(where.parent))
        dialog.selectFile(where.name)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, "ค้นหาใน:")
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, "ชื่อไฟล์:")
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, "ชนิดไฟล์:")
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, SAVE if save else OPEN)
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, CANCEL)
    return dialog


def open_file(parent: QWidget | None, title: str, start: str, name_filter: str) -> str | None:
    """The chosen existing file, or None when the clerk cancelled."""
    dialog = file_dialog(parent, title, start, name_filter, save=False)
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


def save_file(parent: QWidget | None, title: str, default: str, name_filter: str, *,
              confirm_overwrite: bool = True) -> str | None:
    """A file name to write, or None when the clerk cancelled.

    An existing file is only returned after ใช่ to our Thai question (``confirm_overwrite``);
    ไม่ใช่ opens the dialog again on the same name. With ``confirm_overwrite=False`` the
    caller asks (or refuses) itself.
    """
    start = default
    while True:
        dialog = file_dialog(parent, title, start, name_filter, save=True)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        path = dialog.selectedFiles()[0]
        if not confirm_overwrite or not Path(path).exists():
            return path
        if ask_yes_no(parent, title, f"มีไฟล์ {Path(path).name} อยู่แล้วใน {Path(path).parent}\nต้องการเขียนทับไฟล์เดิมหรือไม่?",
                      default_yes=False):
            return path
        start = path


def open_files(parent: QWidget | None, title: str, start: str, name_filter: str) -> list[str]:
    """The chosen existing files (several may be selected), or [] when the clerk cancelled."""
    dialog = file_dialog(parent, title, start, name_filter, save=False)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return list(dialog.selectedFiles()) if dialog.exec() else []


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    """A folder (made in the dialog if need be), or None when the clerk cancelled."""
    dialog = file_dialog(parent, title, start, "", save=False)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, "โฟลเดอร์:")
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "เลือก")
    if dialog.exec() and dialog.selectedFiles():
        return dialog.selectedFiles()[0]
    return None


def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    """The index of the item chosen from a drop-down, or None when the clerk cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("itadesk_choice_dialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(items[current])
    dialog.setOkButtonText(OK)
    dialog.setCancelButtonText(CANCEL)
    return items.index(dialog.textValue()) if dialog.exec() else None


# ------------------------------------------------------------------ text and numbers
def ask_text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    """A line of text (stripped), or None when the clerk cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("itadesk_text_dialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(value)
    dialog.setOkButtonText(OK)
    dialog.setCancelButtonText(CANCEL)
    return dialog.textValue().strip() if dialog.exec() else None


def ask_int(parent: QWidget | None, title: str, label: str, value: int, minimum: int, maximum: int) -> int | None:
    """A whole number between ``minimum`` and ``maximum``, or None when the clerk cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("itadesk_int_dialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(minimum, maximum)
    dialog.setIntValue(value)
    dialog.setOkButtonText(OK)
    dialog.setCancelButtonText(CANCEL)
    return dialog.intValue() if dialog.exec() else None


# ------------------------------------------------------- the rest of Qt's English
# (context, English source) → Thai. Contexts are the Qt classes whose tr() says it. Thai
# words carry no "&" mnemonic: Alt plus a Thai letter is no shortcut on a Thai keyboard.
_QT_THAI: dict[tuple[str, str], str] = {}
for _ctx, _pairs in {
    ("QLineEdit", "QWidgetTextControl"): {
        "&Undo": "เลิกทำ", "&Redo": "ทำซ้ำ", "Cu&t": "ตัด", "&Copy": "คัดลอก", "&Paste": "วาง",
        "Delete": "ลบ", "Select All": "เลือกทั้งหมด", "Copy &Link Location": "คัดลอกที่อยู่ลิงก์",
    },
    ("QAbstractSpinBox",): {"&Select All": "เลือกทั้งหมด", "&Step up": "เพิ่มขึ้น", "Step &down": "ลดลง"},
    ("QPlatformTheme", "QDialogButtonBox", "QMessageBox", "QInputDialog"): {
        "OK": OK, "&OK": OK, "Cancel": CANCEL, "&Cancel": CANCEL, "Yes": YES, "&Yes": YES, "No": NO, "&No": NO,
        "Save": SAVE, "&Save": SAVE, "Open": OPEN, "&Open": OPEN, "Close": "ปิด", "&Close": "ปิด",
        "Apply": "ใช้", "Reset": "ตั้งค่าใหม่", "Help": "วิธีใช้", "Discard": "ไม่บันทึก", "Don't Save": "ไม่บันทึก",
        "Abort": "ยกเลิก", "Retry": "ลองอีกครั้ง", "Ignore": "ข้าม", "Yes to All": "ใช่ทั้งหมด", "No to All": "ไม่ใช่ทั้งหมด",
        "Save All": "บันทึกทั้งหมด", "Restore Defaults": "คืนค่าเริ่มต้น",
        "Show Details...": "แสดงรายละเอียด…", "Hide Details...": "ซ่อนรายละเอียด…",
    },
    ("QFileDialog",): {
        "Look in:": "ค้นหาใน:", "File &name:": "ชื่อไฟล์:", "Files of type:": "ชนิดไฟล์:", "Directory:": "โฟลเดอร์:",
        "&Open": OPEN, "&Save": SAVE, "&Choose": "เลือก", "Cancel": CANCEL, "Open": OPEN, "Save As": "บันทึกเป็น",
        "Back": "ย้อนกลับ", "Forward": "ไปข้างหน้า", "Parent Directory": "โฟลเดอร์ที่อยู่เหนือขึ้นไป",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่", "List View": "แสดงเป็นรายการ", "Detail View": "แสดงรายละเอียด",
        "Go back": "ย้อนกลับ", "Go forward": "ไปข้างหน้า", "Go to the parent directory": "ไปโฟลเดอร์ที่อยู่เหนือขึ้นไป",
        "Create a New Folder": "สร้างโฟลเดอร์ใหม่", "Change to list view mode": "แสดงเป็นรายการ",
        "Change to detail view mode": "แสดงรายละเอียด", "New Folder": "โฟลเดอร์ใหม่", "&New Folder": "โฟลเดอร์ใหม่",
        "&Rename": "เปลี่ยนชื่อ", "&Delete": "ลบ", "Show &hidden files": "แสดงไฟล์ที่ซ่อนไว้",
        "Sidebar": "ทางลัด", "List of places and bookmarks": "ที่เก็บไฟล์และที่คั่นไว้", "Files": "ไฟล์",
        "File": "ไฟล์", "File Folder": "โฟลเดอร์", "Folder": "โฟลเดอร์", "Unknown": "ไม่ทราบ",
        "All Files (*)": "ทุกไฟล์ (*)", "Recent Places": "ที่ที่ใช้ล่าสุด", "My Computer": "คอมพิวเตอร์",
    },
    ("QAbstractFileIconProvider", "QFileIconProvider"): {
        "Folder": "โฟลเดอร์", "File": "ไฟล์", "%1 File": "ไฟล์ %1", "Drive": "ไดรฟ์", "Alias": "ทางลัด", "Shortcut": "ทางลัด",
    },
    ("QFileSystemModel",): {
        "Name": "ชื่อ", "Size": "ขนาด", "Type": "ชนิด", "Kind": "ชนิด", "Date Modified": "วันที่แก้ไข",
        "My Computer": "คอมพิวเตอร์", "Computer": "คอมพิวเตอร์",
    },
}.items():
    for _c in _ctx:
        for _en, _th in _pairs.items():
            _QT_THAI[(_c, _en)] = _th


class ThaiQtTranslator(QTranslator):
    """Thai for the strings Qt's own widgets show (Qt ships no qtbase_th.qm)."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # Qt override
        return _QT_THAI.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


__all__ = ["ThaiQtTranslator", "ask_choice", "ask_int", "ask_ok_cancel", "ask_text", "ask_yes_no", "choose_folder", "file_dialog",
           "inform", "open_file", "open_files", "save_file", "warn"]
