"""Bars above the tabs that tell the clerk about the file itself.

* **Read-only**: the file is open for reading (another itadesk edits it, or the file
  or its folder cannot be written). Edits are off; "บันทึกสำเนาเป็น…" makes an
  editable copy and opens it; "ลองเปิดแก้ไขอีกครั้ง" opens the file for editing
  once the other window has closed it.
* **Stored values**: values in the file the program cannot use as they are (a
  strength threshold "abc", a date in the wrong era), each with its message and the
  tab where it is fixed. The program works around them meanwhile.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .widgets import button

READONLY_STYLE = "background: #FFF3CD; border: 1px solid #E0B000; padding: 4px;"
PROBLEM_STYLE = "background: #FDE2E1; border: 1px solid #C0392B; padding: 4px;"


class FileBanners(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window = window
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.readonly = QWidget()
        self.readonly.setObjectName("readonly_banner")
        self.readonly.setStyleSheet(READONLY_STYLE)
        rl = QHBoxLayout(self.readonly)
        self.readonly_text = QLabel()
        self.readonly_text.setWordWrap(True)
        self.readonly_text.setObjectName("readonly_text")
        self.save_copy = button("บันทึกสำเนาเป็น…", window.save_copy_as)
        self.retry = button("ลองเปิดแก้ไขอีกครั้ง", window.retry_editing)
        rl.addWidget(self.readonly_text, 1)
        rl.addWidget(self.save_copy)
        rl.addWidget(self.retry)
        self.problems = QLabel()
        self.problems.setObjectName("problems_banner")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(PROBLEM_STYLE)
        lay.addWidget(self.readonly)
        lay.addWidget(self.problems)
        self.refresh()

    def refresh(self) -> None:
        session = self.window.session
        store = session.store
        if store.readonly and not store.closed:
            reason = store.readonly_reason or "ไฟล์นี้เปิดแบบอ่านอย่างเดียว"
            self.readonly_text.setText(f"เปิดแบบอ่านอย่างเดียว: {reason} — แก้ไขไม่ได้ "
                                       "ใช้ “บันทึกสำเนาเป็น…” เพื่อแก้ไขในสำเนา")
            self.readonly.show()
        else:
            self.readonly.hide()
        view = session.view() if not store.closed else None
        problems = view.problems if view is not None else []
        if problems:
            lines = [f"พบค่าที่บันทึกไว้ซึ่งใช้ไม่ได้ {len(problems)} รายการ (เอกสารทุกฉบับยังส่งออกได้):"]
            lines += [f"• {p.text()}" for p in problems[:8]]
            if len(problems) > 8:
                lines.append(f"… และอีก {len(problems) - 8} รายการ")
            self.problems.setText("\n".join(lines))
            self.problems.show()
        else:
            self.problems.hide()
