"""มาตรการ: the list and the editor of measures/projects/activities."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import Evidence, Measure
from ...domain.thai_dates import fiscal_year_range
from ...domain.validation import MEASURE_KINDS
from ..session import Session
from ..widgets import BEDateEdit, LinesEdit, button, confirm, from_qdate, hint, row, to_qdate


class MeasuresTab(QWidget):
    TITLE = "มาตรการ"

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.measures: list[Measure] = []
        self.list = QListWidget()
        self.list.setObjectName("measure_list")
        self.list.currentRowChanged.connect(self._show)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(row(button("เพิ่ม", self.new), button("ลบ", self.delete), button("ขึ้น", lambda: self.move(-1)),
                           button("ลง", lambda: self.move(1))))
        left.addWidget(button("คัดลอกมาตรการจากปีก่อน", self.copy_last_year))

        self.kind = QComboBox()
        self.kind.addItems(list(MEASURE_KINDS))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("measure_title")
        self.issue = QLineEdit()
        self.steps = LinesEdit()
        self.steps.setObjectName("measure_steps")
        self.units = LinesEdit()
        self.units.setMaximumHeight(70)
        self.start, self.end = BEDateEdit(), BEDateEdit()
        self.period_text = QLineEdit()
        self.period_text.setPlaceholderText("เว้นว่างเพื่อคำนวณจากวันที่ เช่น “ตลอดปีงบประมาณ”")
        self.monitoring, self.target = QPlainTextEdit(), QPlainTextEdit()
        for w in (self.monitoring, self.target):
            w.setMaximumHeight(60)
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0, 1e9)
        self.budget.setDecimals(2)
        self.budget.setSuffix(" บาท")
        self.has_budget = QCheckBox("มีงบประมาณ")
        self.items = QLineEdit()
        self.items.setPlaceholderText("รหัสข้อคำถาม คั่นด้วยช่องว่าง เช่น O14 O15")
        self.evidence = LinesEdit()
        self.evidence.setMaximumHeight(70)
        self.ind_box = QGroupBox("ตัวชี้วัดที่เกี่ยวข้อง")
        self.ind_checks: dict[int, QCheckBox] = {}
        grid = QGridLayout(self.ind_box)
        for n in range(1, 11):
            cb = QCheckBox(str(n))
            self.ind_checks[n] = cb
            grid.addWidget(cb, (n - 1) // 5, (n - 1) % 5)
        form = QFormLayout()
        form.addRow("ประเภท", self.kind)
        form.addRow("ชื่อมาตรการ/โครงการ/กิจกรรม", self.title_edit)
        form.addRow("ประเด็นการประเมินที่ตอบ", self.issue)
        form.addRow("ขั้นตอน (บรรทัดละขั้น)", self.steps)
        form.addRow("ผู้รับผิดชอบ (บรรทัดละหน่วย)", self.units)
        form.addRow("ระยะเวลา", row(self.start, hint("ถึง"), self.end, button("ทั้งปีงบประมาณ", self._whole_year), None))
        form.addRow("ระยะเวลา (ข้อความ)", self.period_text)
        form.addRow("การกำกับติดตาม/รายงานผล", self.monitoring)
        form.addRow("เป้าหมาย/ตัวชี้วัดความสำเร็จ", self.target)
        form.addRow("งบประมาณ", row(self.has_budget, self.budget, None))
        form.addRow(self.ind_box)
        form.addRow("ข้อคำถามที่เกี่ยวข้อง", self.items)
        form.addRow("หลักฐาน (ชื่อ | ลิงก์ บรรทัดละรายการ)", self.evidence)
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.addLayout(form)
        el.addWidget(row(button("บันทึกมาตรการ", self.save), None))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(scroll, 3)
        self._editing: Measure | None = None
        self._loading_form = False
        session.changed.connect(lambda a: self.reload() if a & {"measures", "years", "framework"} else None)
        session.year_changed.connect(lambda _y: self.reload())
        self.reload()

    def reload(self) -> None:
        # rebuilding the list must never write the form back (stale form, other year, recursion)
        self._loading_form = True
        try:
            self._reload()
        finally:
            self._loading_form = False

    def _reload(self) -> None:
        store, year = self.session.store, self.session.year
        current = self.list.currentRow()
        keep_id = self._editing.id if self._editing else None
        self.list.blockSignals(True)
        self.list.clear()
        self.measures = store.measures(year) if year and store.has_year(year) else []
        for n, m in enumerate(self.measures, 1):
            self.list.addItem(f"{n}. [{m.kind}] {m.title}")
        self.list.blockSignals(False)
        ids = [m.id for m in self.measures]
        index = ids.index(keep_id) if keep_id in ids else min(max(current, 0), len(self.measures) - 1)
        if self.measures:
            self.list.blockSignals(True)
            self.list.setCurrentRow(index)
            self.list.blockSignals(False)
            self._fill_form(self.measures[index])
        else:
            self._fill_form(Measure(None, year, ""))
            self._editing = None

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.measures):
            return
        self.maybe_save()
        self._fill(self.measures[index])

    def maybe_save(self) -> None:
        """Save the form when it differs from what is stored (moving on never loses typing)."""
        if self._loading_form:
            return
        m = self.collect()
        if not m.title.strip():
            return
        stored = self.session.store.measure(m.id) if m.id else None
        if stored is None or stored != m:
            self.session.write(self.session.store.save_measure, m)

    def _fill(self, m: Measure) -> None:
        self._loading_form = True
        try:
            self._fill_form(m)
        finally:
            self._loading_form = False

    def _fill_form(self, m: Measure) -> None:
        self._editing = m
        self.kind.setCurrentText(m.kind)
        self.title_edit.setText(m.title)
        self.issue.setText(m.issue)
        self.steps.set_lines(m.steps)
        self.units.set_lines(m.units)
        start, end = fiscal_year_range(m.year + 1) if m.year else (None, None)
        self.start.setDate(to_qdate(m.start or start))
        self.end.setDate(to_qdate(m.end or end))
        self.period_text.setText(m.period_text)
        self.monitoring.setPlainText(m.monitoring)
        self.target.setPlainText(m.target)
        self.has_budget.setChecked(m.budget is not None)
        self.budget.setValue(m.budget or 0)
        for n, cb in self.ind_checks.items():
            cb.setChecked(n in m.indicators)
        self.items.setText(" ".join(m.items))
        self.evidence.set_lines([f"{e.title} | {e.link}" if e.link else e.title for e in m.evidence])

    def collect(self) -> Measure:
        base = self._editing or Measure(None, self.session.year, "")
        year = base.year if base.id else self.session.year  # a measure never moves to another year
        evidence = []
        for line in self.evidence.lines():
            title, _, link = line.partition("|")
            evidence.append(Evidence(title.strip(), link.strip()))
        return Measure(
            base.id, year, self.title_edit.text(), self.kind.currentText(), issue=self.issue.text(),
            steps=self.steps.lines(), units=self.units.lines(), start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()), period_text=self.period_text.text(), monitoring=self.monitoring.toPlainText(),
            target=self.target.toPlainText(), budget=self.budget.value() if self.has_budget.isChecked() else None,
            indicators=[n for n, cb in self.ind_checks.items() if cb.isChecked()], items=self.items.text().split(),
            evidence=evidence, sort=base.sort)

    def new(self) -> None:
        self.maybe_save()
        self.list.clearSelection()
        self._fill(Measure(None, self.session.year, "", start=None, end=None))
        self._editing = None
        self.title_edit.setFocus()

    def save(self) -> int | None:
        result = self.session.write(self.session.store.save_measure, self.collect())
        if result:
            mid = result.id
            self._editing = self.session.store.measure(mid)
            self.reload()
            return mid
        return None

    def delete(self) -> None:
        if self._editing and self._editing.id and confirm(self, "ลบมาตรการ", f"ลบ “{self._editing.title}” และประวัติสถานะทั้งหมด?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            self.session.write(self.session.store.delete_measure, self._editing.id)
            self._editing = None

    def move(self, offset: int) -> None:
        if self._editing and self._editing.id:
            self.session.write(self.session.store.move_measure, self._editing.id, offset)

    def copy_last_year(self) -> None:
        store, year = self.session.store, self.session.year
        earlier = [y for y in store.years() if y < year]
        if not earlier:
            self.session.error.emit("คัดลอกไม่ได้", "ไม่มีข้อมูลปีก่อนหน้า")
            return
        if confirm(self, "คัดลอกมาตรการ", f"คัดลอกมาตรการทั้งหมดของปี {earlier[-1]} มาไว้ในปี {year}?"):
            self.session.write(store.copy_measures, earlier[-1], year)

    def _whole_year(self) -> None:
        start, end = fiscal_year_range(self.session.year + 1)
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))
