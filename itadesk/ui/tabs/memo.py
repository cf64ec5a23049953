"""บันทึกข้อความ: the memo's fields, prefilled from the office and the status table."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ...domain.models import Memo
from ...domain.validation import ROUNDS_TH
from ..session import Session
from ..widgets import BEDateEdit, button, from_qdate, hint, row, to_qdate


class MemoTab(QWidget):
    TITLE = "บันทึกข้อความ"

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.memos: list[Memo] = []
        self.picker = QComboBox()
        self.picker.currentIndexChanged.connect(self._show)
        self.agency, self.number, self.subject, self.salutation = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.subject.setObjectName("memo_subject")
        self.date = BEDateEdit()
        self.paragraphs = QPlainTextEdit()
        self.paragraphs.setObjectName("memo_paragraphs")
        self.closing = QLineEdit()
        self.signer = QComboBox()
        self.signer.setEditable(False)
        self.signer.currentIndexChanged.connect(self._pick_signer)
        self.signer_name, self.signer_position = QLineEdit(), QLineEdit()
        self.style = QComboBox()
        self.style.addItem("ตารางสถานะ ๓ ช่อง (ทำเครื่องหมาย /)", "three")
        self.style.addItem("ตารางสถานะช่องเดียว (ข้อความ)", "one")
        self.round = QComboBox()
        for code, label in ROUNDS_TH.items():
            self.round.addItem(label, code)
        self.include_table = QCheckBox("แนบตารางสถานะการดำเนินงาน")
        self.comment = QCheckBox("มีช่องความเห็นและข้อสั่งการของผู้บริหาร")
        form = QFormLayout()
        form.addRow("บันทึกข้อความ", row(self.picker, button("สร้างใหม่", self.new), button("ลบ", self.delete), None))
        form.addRow("ส่วนราชการ", self.agency)
        form.addRow("ที่", self.number)
        form.addRow("วันที่", self.date)
        form.addRow("เรื่อง", self.subject)
        form.addRow("เรียน", self.salutation)
        form.addRow("ข้อความ (เว้นบรรทัดระหว่างย่อหน้า)", self.paragraphs)
        form.addRow("ย่อหน้าปิด", self.closing)
        form.addRow("ผู้ลงนาม", self.signer)
        form.addRow("ชื่อผู้ลงนาม", self.signer_name)
        form.addRow("ตำแหน่ง", self.signer_position)
        form.addRow("รูปแบบตาราง", self.style)
        form.addRow("รอบการรายงาน", self.round)
        form.addRow(self.include_table)
        form.addRow(self.comment)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.addWidget(hint("กด “เติมจากข้อมูล” เพื่อร่างบันทึกจากข้อมูลหน่วยงาน คะแนน และสถานะมาตรการ แล้วแก้ไขได้ตามต้องการ"))
        il.addLayout(form)
        il.addWidget(row(button("เติมจากข้อมูล", self.prefill), button("บันทึก", self.save), None))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self._current: Memo | None = None
        session.changed.connect(lambda a: self.reload() if a & {"memos", "office", "years"} else None)
        session.year_changed.connect(lambda _y: self.reload())
        self.reload()

    def reload(self) -> None:
        self._reloading = True
        try:
            self._reload()
        finally:
            self._reloading = False

    def _reload(self) -> None:
        store, year = self.session.store, self.session.year
        keep = self._current.id if self._current else None
        self.memos = store.memos(year) if year and store.has_year(year) else []
        self.signer.blockSignals(True)
        self.signer.clear()
        self.signer.addItem("(พิมพ์เอง)", None)
        for s in store.signers():
            self.signer.addItem(f"{s.name} — {s.position}", (s.name, s.position))
        self.signer.blockSignals(False)
        self.picker.blockSignals(True)
        self.picker.clear()
        for m in self.memos:
            self.picker.addItem(f"#{m.id} {m.subject[:40]}", m.id)
        self.picker.blockSignals(False)
        ids = [m.id for m in self.memos]
        if keep in ids:
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(ids.index(keep))
            self.picker.blockSignals(False)
            self._fill(self.memos[ids.index(keep)])
        elif self.memos:
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(len(self.memos) - 1)
            self.picker.blockSignals(False)
            self._fill(self.memos[-1])
        else:
            self._current = None
            self._fill(Memo(None, year, date=_dt.date.today()))
            self._current = None

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.memos):
            self.maybe_save()
            self._fill(self.memos[index])

    def maybe_save(self) -> None:
        if getattr(self, "_reloading", False) or self._current is None or self._current.id is None:
            return
        memo = self.collect()
        if memo != self.session.store.memo(self._current.id):
            self.session.write(self.session.store.save_memo, memo)

    def _fill(self, m: Memo) -> None:
        self._current = m
        self.agency.setText(m.agency)
        self.number.setText(m.number)
        self.date.setDate(to_qdate(m.date or _dt.date.today()))
        self.subject.setText(m.subject)
        self.salutation.setText(m.salutation)
        self.paragraphs.setPlainText("\n\n".join(m.paragraphs))
        self.closing.setText(m.closing)
        self.signer_name.setText(m.signer_name)
        self.signer_position.setText(m.signer_position)
        self.style.setCurrentIndex(0 if m.table_style == "three" else 1)
        self.round.setCurrentIndex(list(ROUNDS_TH).index(m.status_round))
        self.include_table.setChecked(m.include_table)
        self.comment.setChecked(m.comment_block)

    def _pick_signer(self, _i: int) -> None:
        data = self.signer.currentData()
        if data:
            self.signer_name.setText(data[0])
            self.signer_position.setText(data[1])

    def collect(self) -> Memo:
        paragraphs = [p.strip() for p in self.paragraphs.toPlainText().split("\n\n") if p.strip()]
        year = self._current.year if self._current and self._current.id else self.session.year
        return Memo(self._current.id if self._current else None, year, self.agency.text(), self.number.text(),
                    from_qdate(self.date.date()), self.subject.text(), self.salutation.text(), paragraphs,
                    self.closing.text(), self.signer_name.text(), self.signer_position.text(), self.style.currentData(),
                    self.include_table.isChecked(), self.round.currentData(), self.comment.isChecked())

    def new(self) -> None:
        self._current = None
        self._fill(Memo(None, self.session.year, date=_dt.date.today(), include_table=True, comment_block=True))
        self._current = None
        self.prefill()

    def prefill(self) -> None:
        """Draft every empty field from the office, the scores and the measures' status."""
        view = self.session.view()
        if view is None:
            return
        fields = view.memo_fields()
        for key, edit in (("agency", self.agency), ("number", self.number), ("subject", self.subject),
                          ("salutation", self.salutation), ("closing", self.closing),
                          ("signer_name", self.signer_name), ("signer_position", self.signer_position)):
            if not edit.text().strip():
                edit.setText(fields[key])
        if not self.paragraphs.toPlainText().strip():
            # counted with the rule of the memo's status table, for the round chosen
            self.paragraphs.setPlainText("\n\n".join(view.memo_paragraphs(self.round.currentData())))

    def save(self) -> int | None:
        result = self.session.write(self.session.store.save_memo, self.collect())
        if result:
            self._current = self.session.store.memo(result.id)
            self.reload()
            return result.id
        return None

    def delete(self) -> None:
        if self._current and self._current.id:
            self.session.write(self.session.store.delete_memo, self._current.id)
            self._current = None
