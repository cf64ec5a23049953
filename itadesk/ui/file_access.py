"""The window's side of a file opened read-only, and its questions (a mixin of
:class:`~itadesk.ui.main_window.MainWindow`): edits off, "บันทึกสำเนาเป็น…" to get an
editable copy, "ลองเปิดแก้ไขอีกครั้ง" once the other window has closed the file."""

from __future__ import annotations

from pathlib import Path

from ..errors import ItadeskError
from . import dialogs


class FileAccess:
    """Needs the window's ``session``, ``pages``, ``year_actions``, ``banners``, ``switch_to``,
    ``save_pending``, ``show_error`` and ``_folder``."""

    def save_copy_as(self) -> None:
        src = self.session.path
        default = str(Path(self._folder()) / f"{src.stem if src else 'itadesk'}-สำเนา.sqlite")
        path = dialogs.save_file(self, "บันทึกสำเนาเป็น", default, "ฐานข้อมูล itadesk (*.sqlite)", confirm_overwrite=False)
        if path:
            self.save_copy_to(Path(path))

    def save_copy_to(self, target: Path) -> bool:
        """A copy of the file shown (read-only or not), then that copy opened for editing."""
        if Path(target).exists():
            self.show_error("บันทึกสำเนาไม่ได้", f"มีไฟล์ {target} อยู่แล้ว กรุณาตั้งชื่ออื่น (ไฟล์เดิมไม่ถูกแก้ไข)")
            return False
        self.save_pending()
        try:
            self.session.store.backup(target)
        except ItadeskError as err:
            self.show_error("บันทึกสำเนาไม่ได้", err.message_th)
            return False
        return self.switch_to(Path(target))

    def retry_editing(self) -> bool:
        """The file opened read-only because another window had it: open it for editing now."""
        if self.session.path is None or not self.session.store.readonly:
            return True
        self.switch_to(self.session.path, reopen=True)
        if self.session.store.readonly:
            self.show_error("ยังแก้ไขไม่ได้", self.session.store.readonly_reason or "ไฟล์นี้ยังเปิดได้แบบอ่านอย่างเดียว")
            return False
        return True

    def ask_user(self, title: str, text: str) -> bool:
        if getattr(self, "quiet_errors", False):
            return self.auto_answer
        return dialogs.ask_yes_no(self, title, text, default_yes=False)

    def _apply_access(self) -> None:
        """Edits on or off with the file: a read-only file shows everything and changes nothing."""
        ro = self.session.store.readonly
        for page in self.pages:
            page.set_read_only(ro)
        for action in self.year_actions:
            action.setEnabled(not ro)
        self.banners.refresh()
