"""หน่วยงาน: the office profile, units, signers, emblem and preferences. Saved as typed."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import Office, Signer
from ...domain.validation import OFFICE_KINDS
from ...domain.vocab import ROLES_TH
from ..session import Session
from ..widgets import LinesEdit, button, hint, row


class OfficeTab(QWidget):
    TITLE = "หน่วยงาน"

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self._loading = False
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItems(list(OFFICE_KINDS))
        self.kind.currentIndexChanged.connect(self.save_office)
        for key, label in (("name", "ชื่อหน่วยงาน"), ("amphoe", "อำเภอ"), ("province", "จังหวัด"), ("phone", "โทรศัพท์"),
                           ("address", "ที่อยู่"), ("website", "เว็บไซต์"), ("doc_prefix", "เลขที่หนังสือ (ที่)")):
            edit = QLineEdit()
            edit.setObjectName(f"office_{key}")
            edit.editingFinished.connect(self.save_office)
            self.fields[key] = edit
            form.addRow(label, edit)
            if key == "name":
                form.addRow("ประเภท", self.kind)
        self.emblem = QLabel("ไม่มีตราครุฑ")
        self.emblem.setFixedHeight(64)
        form.addRow("ตราครุฑ (ภาพ PNG)", row(self.emblem, button("เลือกภาพ…", self.pick_emblem),
                                                button("ไม่ใช้ภาพ", self.clear_emblem), None))
        left = QGroupBox("ข้อมูลหน่วยงาน")
        left.setLayout(form)

        self.units = LinesEdit()
        self.units.setObjectName("units")
        units_box = QGroupBox("ส่วนราชการ/กอง (บรรทัดละหนึ่งหน่วย)")
        ul = QVBoxLayout(units_box)
        ul.addWidget(self.units)
        ul.addWidget(button("บันทึกรายชื่อส่วนราชการ", self.save_units))

        self.signers = QTableWidget(0, 3)
        self.signers.setHorizontalHeaderLabels(["ชื่อ-สกุล", "ตำแหน่ง", "บทบาท"])
        self.signers.horizontalHeader().setStretchLastSection(True)
        sig_box = QGroupBox("ผู้บริหารและผู้ลงนาม")
        sl = QVBoxLayout(sig_box)
        sl.addWidget(self.signers)
        sl.addWidget(row(button("เพิ่มผู้ลงนาม", self.add_signer), button("ลบที่เลือก", self.remove_signer),
                         button("บันทึกผู้ลงนาม", self.save_signers), None))

        prefs = QGroupBox("การตั้งค่าเอกสาร")
        pf = QFormLayout(prefs)
        self.thai_digits = QCheckBox("ใช้เลขไทยในเอกสาร (๑๒๓)")
        self.thai_digits.toggled.connect(lambda on: self._set("thai_digits", "1" if on else "0"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setDecimals(2)
        self.threshold.setSuffix(" คะแนน")
        self.threshold.editingFinished.connect(lambda: self._set("strength_threshold", f"{self.threshold.value():g}"))
        pf.addRow(self.thai_digits)
        pf.addRow("เกณฑ์จุดแข็ง (ตั้งแต่)", self.threshold)
        pf.addRow(hint("ตัวชี้วัดที่ได้คะแนนตั้งแต่เกณฑ์นี้ขึ้นไปนับเป็นจุดแข็ง ต่ำกว่านับเป็นจุดอ่อน"))

        right = QVBoxLayout()
        right.addWidget(units_box)
        right.addWidget(sig_box)
        right.addWidget(prefs)
        lay = QHBoxLayout(self)
        lay.addWidget(left, 3)
        lay.addLayout(right, 2)
        self._png: bytes | None = None
        session.changed.connect(lambda a: self.reload() if a & {"office", "settings"} else None)
        session.store_replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self._loading = True
        try:
            store = self.session.store
            office = store.office()
            for key, edit in self.fields.items():
                edit.setText(getattr(office, key))
            self.kind.setCurrentText(office.kind)
            self._png = office.emblem_png
            self._show_emblem()
            self.units.set_lines([u.name for u in store.units()])
            self.signers.setRowCount(0)
            for s in store.signers():
                self._add_row(s.name, s.position, s.role)
            self.thai_digits.setChecked(store.thai_digits)
            self.threshold.setValue(store.strength_threshold)
        finally:
            self._loading = False

    def _show_emblem(self) -> None:
        if self._png:
            pix = QPixmap()
            pix.loadFromData(QByteArray(self._png))
            self.emblem.setPixmap(pix.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))
        else:
            self.emblem.setText("ไม่มีตราครุฑ")

    def office_from_form(self) -> Office:
        values = {k: e.text() for k, e in self.fields.items()}
        return Office(kind=self.kind.currentText(), emblem_png=self._png, **values)

    def save_office(self) -> None:
        if not self._loading:
            current = self.session.store.office()
            new = self.office_from_form()
            if new != current:
                self.session.write(self.session.store.save_office, new)

    def pick_emblem(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "เลือกภาพตราครุฑ", "", "ภาพ (*.png *.jpg *.jpeg)")
        if path:
            with open(path, "rb") as fh:
                self._png = fh.read()
            self._show_emblem()
            self.save_office()

    def clear_emblem(self) -> None:
        self._png = None
        self._show_emblem()
        self.save_office()

    def save_units(self) -> None:
        self.session.write(self.session.store.save_units, self.units.lines())

    def _add_row(self, name="", position="", role="executive") -> None:
        r = self.signers.rowCount()
        self.signers.insertRow(r)
        self.signers.setItem(r, 0, QTableWidgetItem(name))
        self.signers.setItem(r, 1, QTableWidgetItem(position))
        combo = QComboBox()
        for code, label in ROLES_TH.items():
            combo.addItem(label, code)
        combo.setCurrentIndex(list(ROLES_TH).index(role) if role in ROLES_TH else 0)
        self.signers.setCellWidget(r, 2, combo)

    def add_signer(self) -> None:
        self._add_row()

    def remove_signer(self) -> None:
        for r in sorted({i.row() for i in self.signers.selectedIndexes()}, reverse=True):
            self.signers.removeRow(r)

    def save_signers(self) -> None:
        signers = []
        for r in range(self.signers.rowCount()):
            name = (self.signers.item(r, 0).text() if self.signers.item(r, 0) else "").strip()
            position = self.signers.item(r, 1).text() if self.signers.item(r, 1) else ""
            role = self.signers.cellWidget(r, 2).currentData()
            if name or position:
                signers.append(Signer(None, name, position, role))
        self.session.write(self.session.store.save_signers, signers)

    def _set(self, key: str, value: str) -> None:
        if not self._loading and self.session.store.setting(key) != value:
            self.session.write(self.session.store.set_setting, key, value)
