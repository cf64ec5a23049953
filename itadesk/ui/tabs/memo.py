"""บันทึกข้อความ: the memo's fields, prefilled from the office and the status table.

"สร้างใหม่" makes the memo at once, drafted from the year view; every field then
writes itself (``Page``) to the memo that was shown when the typing began.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ...domain.labels import MEMO_FIELDS as M
from ...domain.models import Memo
from ...domain.vocab import ROUNDS_TH, Area, Round
from ..page import Page
from ..widgets import BEDateEdit, button, confirm, hint, row

TEXT_FIELDS = ("agency", "number", "subject", "salutation", "closing", "signer_name", "signer_position")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


class MemoTab(Page):
    TITLE = "บันทึกข้อความ"
    AREAS = frozenset({Area.MEMOS, Area.OFFICE, Area.YEARS})

    def build(self) -> None:
        self.memos: list[Memo] = []
        self.current_id: int | None = None
        self.picker = QComboBox()
        self.picker.setAccessibleName("บันทึกข้อความ")
        self.picker.currentIndexChanged.connect(self._picked)
        self.edits: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.agency, self.number, self.subject = self.edits["agency"], self.edits["number"], self.edits["subject"]
        self.salutation, self.closing = self.edits["salutation"], self.edits["closing"]
        self.signer_name, self.signer_position = self.edits["signer_name"], self.edits["signer_position"]
        self.subject.setObjectName("memo_subject")
        self.date = BEDateEdit(allow_empty=True)
        self.paragraphs = QPlainTextEdit()
        self.paragraphs.setObjectName("memo_paragraphs")
        self.signer = QComboBox()
        self.signer.setAccessibleName("ผู้ลงนาม")
        self.signer.activated.connect(self._pick_signer)
        self.style = QComboBox()
        self.style.addItem("ตารางสถานะ ๓ ช่อง (ทำเครื่องหมาย /)", "three")
        self.style.addItem("ตารางสถานะช่องเดียว (ข้อความ)", "one")
        self.round = QComboBox()
        for code, label in ROUNDS_TH.items():
            self.round.addItem(label, str(code))
        self.include_table = QCheckBox(M["include_table"])
        self.comment = QCheckBox(M["comment_block"])

        shown = lambda: self.current_id  # noqa: E731
        write = self.session.store.edit_memo
        for name, edit in self.edits.items():
            self.field(edit, M[name], shown, lambda mid, value, name=name: write(mid, name, value))
        self.field(self.date, M["date"], shown, lambda mid, day: write(mid, "date", day))
        self.field(self.paragraphs, M["paragraphs"], shown, lambda mid, text: write(mid, "paragraphs", _paragraphs(text)),
                   same=lambda shown_text, stored: _paragraphs(shown_text) == _paragraphs(stored))
        for widget, name in ((self.style, "table_style"), (self.round, "status_round"), (self.include_table, "include_table"),
                             (self.comment, "comment_block")):
            self.field(widget, M[name], shown, lambda mid, value, name=name: write(mid, name, value))

        form = QFormLayout()
        form.addRow("บันทึกข้อความ", row(self.picker, button("สร้างใหม่", self.new), button("ลบ", self.delete), None))
        for name in ("agency", "number"):
            form.addRow(M[name], self.edits[name])
        form.addRow(M["date"], self.date)
        for name in ("subject", "salutation"):
            form.addRow(M[name], self.edits[name])
        form.addRow(M["paragraphs"], self.paragraphs)
        form.addRow(M["closing"], self.closing)
        form.addRow("ผู้ลงนาม", self.signer)
        form.addRow(M["signer_name"], self.signer_name)
        form.addRow(M["signer_position"], self.signer_position)
        form.addRow(M["table_style"], self.style)
        form.addRow(M["status_round"], self.round)
        form.addRow(self.include_table)
        form.addRow(self.comment)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.addWidget(hint("กด “สร้างใหม่” เพื่อร่างบันทึกจากข้อมูลหน่วยงาน คะแนน และสถานะมาตรการ แล้วแก้ไขได้ตามต้องการ "
                          "ทุกช่องบันทึกเองเมื่อหยุดพิมพ์หรือออกจากช่อง"))
        il.addLayout(form)
        il.addWidget(row(button("ร่างข้อความจากสถานะ (รอบที่เลือก)", self.redraft), None))
        self.editor = inner
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self.load()

    # ------------------------------------------------------------ showing
    def load(self) -> None:
        store, year = self.session.store, self.session.year
        self.memos = store.memos(year) if year and store.has_year(year) else []
        ids = [m.id for m in self.memos]
        if self.current_id not in ids:
            self.current_id = ids[-1] if ids else None
        self.signer.clear()
        self.signer.addItem("(พิมพ์เอง)", None)
        for s in store.signers():
            self.signer.addItem(f"{s.name} — {s.position}", (s.name, s.position))
        self.picker.blockSignals(True)
        labels = [f"#{m.id} {m.subject[:40]}" for m in self.memos]
        if [self.picker.itemText(i) for i in range(self.picker.count())] != labels:
            self.picker.clear()
            for m, label in zip(self.memos, labels, strict=True):
                self.picker.addItem(label, m.id)
        if self.current_id is not None:
            self.picker.setCurrentIndex(ids.index(self.current_id))
        self.picker.blockSignals(False)
        self._show()

    def current(self) -> Memo | None:
        return next((m for m in self.memos if m.id == self.current_id), None)

    def _show(self) -> None:
        m = self.current()
        self.editor.setEnabled(True)
        for f in self.fields:
            f.widget.setEnabled(m is not None)
        if m is None:
            return
        for name in TEXT_FIELDS:
            self.show_field(M[name], getattr(m, name))
        self.show_field(M["date"], m.date)
        self.show_field(M["paragraphs"], "\n\n".join(m.paragraphs))
        for name in ("table_style", "status_round", "include_table", "comment_block"):
            self.show_field(M[name], getattr(m, name))
        self.mark_problems("บันทึกข้อความ", m.id)

    def _picked(self, index: int) -> None:
        self.flush()  # what was typed belongs to the memo it was typed into
        if 0 <= index < len(self.memos):
            self.current_id = self.memos[index].id
            self._show()

    # ------------------------------------------------------------ actions
    def _pick_signer(self, _i: int) -> None:
        data = self.signer.currentData()
        if data and self.current_id is not None:
            self.flush()
            self.session.write(self.session.store.edit_memo, self.current_id, "signer_name", data[0])
            self.session.write(self.session.store.edit_memo, self.current_id, "signer_position", data[1])

    def new(self) -> None:
        """A new memo, made at once and drafted from the year view (fields and paragraphs)."""
        self.flush()
        view = self.session.view()
        if view is None:
            self.session.error.emit("สร้างไม่ได้", "ยังไม่มีปีการประเมิน เพิ่มปีก่อน (เมนู ปี)")
            return
        round_ = Round(self.round.currentData() or Round.SIX)
        fields = view.memo_fields()
        memo = Memo(None, view.year, date=_dt.date.today(), paragraphs=view.memo_paragraphs(round_), status_round=round_,
                    **{name: fields[name] for name in TEXT_FIELDS})
        result = self.session.write(self.session.store.save_memo, memo)
        if result:
            self.current_id = result.id
            self.load()
            self.subject.setFocus()

    def redraft(self) -> None:
        """Replace the paragraphs with the draft for the round chosen (undo brings the old ones back)."""
        m, view = self.current(), self.session.view()
        if m is None or view is None:
            return
        self.flush()
        if m.paragraphs and not confirm(self, "ร่างข้อความใหม่", "แทนที่ข้อความเดิมด้วยข้อความที่ร่างจากสถานะ?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            return
        self.session.write(self.session.store.edit_memo, m.id, "paragraphs", view.memo_paragraphs(m.status_round))

    def delete(self) -> None:
        m = self.current()
        if m and confirm(self, "ลบบันทึกข้อความ", f"ลบบันทึกข้อความ “{m.subject or m.id}”?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            self.flush()
            self.session.write(self.session.store.delete_memo, m.id)
