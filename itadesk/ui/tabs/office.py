"""หน่วยงาน: the office profile, units, signers, emblem and preferences.

Every field writes itself (``Page``); a signer is made at once by "เพิ่มผู้ลงนาม"
and each cell writes to the signer of its row.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.labels import OFFICE_FIELDS, SIGNER_FIELDS
from ...domain.models import Signer
from ...domain.vocab import ROLES_TH, Area, OfficeKind
from .. import dialogs
from ..page import Page
from ..widgets import LinesEdit, button, confirm, hint, row

OFFICE = "office"  # the one office record
THRESHOLD = "เกณฑ์จุดแข็ง (ตั้งแต่)"


def _same_number(shown: str, stored: str) -> bool:
    """"90" and "90.00" say the same threshold; an unusable text is only the same as itself."""
    try:
        return float(str(shown).strip()) == float(str(stored).strip())
    except ValueError:
        return str(shown).strip() == str(stored).strip()
SIGNER_ID = Qt.ItemDataRole.UserRole


class OfficeTab(Page):
    TITLE = "หน่วยงาน"
    AREAS = frozenset({Area.OFFICE, Area.SETTINGS})

    def build(self) -> None:
        self.fields_by_key: dict[str, QLineEdit] = {}
        form = QFormLayout()
        self.kind = QComboBox()
        for k in OfficeKind:
            self.kind.addItem(str(k), str(k))
        office = lambda: OFFICE  # noqa: E731
        for key in ("name", "amphoe", "province", "phone", "address", "website", "doc_prefix"):
            edit = QLineEdit()
            edit.setObjectName(f"office_{key}")
            self.fields_by_key[key] = edit
            self.field(edit, OFFICE_FIELDS[key], office, lambda _o, value, key=key: self.session.store.edit_office(key, value))
            form.addRow(OFFICE_FIELDS[key], edit)
            if key == "name":
                form.addRow(OFFICE_FIELDS["kind"], self.kind)
        self.field(self.kind, OFFICE_FIELDS["kind"], office, lambda _o, value: self.session.store.edit_office("kind", value))
        self.emblem = QLabel("ไม่มีตราครุฑ")
        self.emblem.setFixedHeight(64)
        form.addRow("ตราครุฑ (ภาพ PNG)", row(self.emblem, button("เลือกภาพ…", self.pick_emblem),
                                                button("ไม่ใช้ภาพ", self.clear_emblem), None))
        left = QGroupBox("ข้อมูลหน่วยงาน")
        left.setLayout(form)

        self.units = LinesEdit()
        self.units.setObjectName("units")
        units_label = "ส่วนราชการ/กอง (บรรทัดละหนึ่งหน่วย)"
        self.field(self.units, units_label, office, lambda _o, names: self.session.store.save_units(names))
        units_box = QGroupBox(units_label)
        QVBoxLayout(units_box).addWidget(self.units)

        self.signers = QTableWidget(0, 3)
        self.signers.setAccessibleName("ผู้บริหารและผู้ลงนาม")
        self.signers.setHorizontalHeaderLabels([SIGNER_FIELDS["name"], SIGNER_FIELDS["position"], SIGNER_FIELDS["role"]])
        self.signers.horizontalHeader().setStretchLastSection(True)
        self.signers.itemChanged.connect(self._signer_cell)
        sig_box = QGroupBox("ผู้บริหารและผู้ลงนาม")
        sl = QVBoxLayout(sig_box)
        sl.addWidget(self.signers)
        sl.addWidget(row(button("เพิ่มผู้ลงนาม", self.add_signer), button("ลบที่เลือก", self.remove_signer), None))

        prefs = QGroupBox("การตั้งค่าเอกสาร")
        pf = QFormLayout(prefs)
        self.thai_digits = QCheckBox("ใช้เลขไทยในเอกสาร")
        self.thai_digits.setToolTip("ตัวเลขในเอกสารเป็นเลขไทย เช่น ๑๒๓ แทน 123")
        self.field(self.thai_digits, "ใช้เลขไทยในเอกสาร", office,
                   lambda _o, on: self.session.store.set_setting("thai_digits", "1" if on else "0"))
        # typed text, validated like any field ("abc", 150 and -5 are refused with their reason)
        self.threshold = QLineEdit()
        self.threshold.setObjectName("strength_threshold")
        self.threshold.setPlaceholderText("คะแนน ๐–๑๐๐ เช่น 90")
        self.field(self.threshold, THRESHOLD, office,
                   lambda _o, text: self.session.store.set_setting("strength_threshold", text), same=_same_number)
        pf.addRow(self.thai_digits)
        pf.addRow(THRESHOLD, self.threshold)
        pf.addRow(hint("ตัวชี้วัดที่ได้คะแนนตั้งแต่เกณฑ์นี้ขึ้นไปนับเป็นจุดแข็ง ต่ำกว่านับเป็นจุดอ่อน"))

        right = QVBoxLayout()
        right.addWidget(units_box)
        right.addWidget(sig_box)
        right.addWidget(prefs)
        lay = QHBoxLayout(self)
        lay.addWidget(left, 3)
        lay.addLayout(right, 2)
        self._png: bytes | None = None
        self._signer_rows: list[Signer] = []
        self.load()

    # ------------------------------------------------------------ showing
    def load(self) -> None:
        store = self.session.store
        office = store.office()
        for key in self.fields_by_key:
            self.show_field(OFFICE_FIELDS[key], getattr(office, key))
        self.show_field(OFFICE_FIELDS["kind"], office.kind)
        self.show_field("ส่วนราชการ/กอง (บรรทัดละหนึ่งหน่วย)", [u.name for u in store.units()])
        self.show_field("ใช้เลขไทยในเอกสาร", store.thai_digits)
        # a stored value the program cannot use is shown as it is, outlined, with its message: the clerk fixes it here
        self.show_field(THRESHOLD, store.setting("strength_threshold"))
        bad = {p.field: p.message for p in store.setting_problems()}
        if THRESHOLD in bad and not self.is_pending(self._by_label[THRESHOLD]):
            self._by_label[THRESHOLD].mark(bad[THRESHOLD])
        self._png = office.emblem_png
        self._show_emblem()
        self._show_signers(store.signers())

    def _show_signers(self, signers: list[Signer]) -> None:
        if [(s.id, s.name, s.position, s.role) for s in signers] == [(s.id, s.name, s.position, s.role) for s in self._signer_rows]:
            return  # unchanged: never disturb a cell being edited
        self._signer_rows = signers
        self.signers.blockSignals(True)
        self.signers.setRowCount(0)
        for s in signers:
            r = self.signers.rowCount()
            self.signers.insertRow(r)
            for c, text in enumerate((s.name, s.position)):
                item = QTableWidgetItem(text)
                item.setData(SIGNER_ID, s.id)
                self.signers.setItem(r, c, item)
            combo = QComboBox()
            combo.setAccessibleName(f"{SIGNER_FIELDS['role']} {s.name}")
            for code, label in ROLES_TH.items():
                combo.addItem(label, str(code))
            combo.setCurrentIndex(max(0, combo.findData(s.role)))
            combo.activated.connect(lambda _i, sid=s.id, c=combo: self._write_signer(sid, "role", c.currentData()))
            self.signers.setCellWidget(r, 2, combo)
        self.signers.blockSignals(False)

    def _show_emblem(self) -> None:
        if self._png:
            pix = QPixmap()
            pix.loadFromData(QByteArray(self._png))
            self.emblem.setPixmap(pix.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))
        else:
            self.emblem.clear()
            self.emblem.setText("ไม่มีตราครุฑ")

    # ------------------------------------------------------------ editing
    def _signer_cell(self, item: QTableWidgetItem) -> None:
        """A cell was edited (Enter or leaving it): write it to the signer of its row."""
        field = ("name", "position")[item.column()] if item.column() < 2 else None
        sid = item.data(SIGNER_ID)
        if field and sid is not None:
            self._write_signer(sid, field, item.text())

    def _write_signer(self, signer_id: int, field: str, value) -> None:
        self.session.try_write(self.session.store.edit_signer, signer_id, field, value)

    def add_signer(self) -> None:
        self.flush()
        result = self.session.write(self.session.store.add_signer)
        if result:
            r = next(i for i, s in enumerate(self._signer_rows) if s.id == result.id)
            self.signers.setCurrentCell(r, 0)
            self.signers.editItem(self.signers.item(r, 0))

    def remove_signer(self) -> None:
        rows = sorted({i.row() for i in self.signers.selectedIndexes()})
        chosen = [self._signer_rows[r] for r in rows if r < len(self._signer_rows)]
        if chosen and confirm(self, "ลบผู้ลงนาม", "ลบ " + ", ".join(s.name for s in chosen) + "?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            for s in chosen:
                self.session.write(self.session.store.delete_signer, s.id)

    def pick_emblem(self) -> None:
        path = dialogs.open_file(self, "เลือกภาพตราครุฑ", "", "ภาพ (*.png *.jpg *.jpeg)")
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            dialogs.warn(self, "เลือกภาพตราครุฑ", f"อ่านไฟล์ {path} ไม่ได้ ({err.strerror or err})")
            return
        self.session.write(self.session.store.edit_office, "emblem_png", data)

    def clear_emblem(self) -> None:
        self.session.write(self.session.store.edit_office, "emblem_png", None)
