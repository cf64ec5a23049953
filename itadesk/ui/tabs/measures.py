"""มาตรการ: the list and the editor of measures/projects/activities.

Every field writes itself (``Page``): there is no save button. "เพิ่ม" makes the
new measure at once, so what the clerk types next is bound to it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from ...domain import validation as v
from ...domain.evidence import parse_link_lines
from ...domain.labels import ISSUE_FIELDS
from ...domain.labels import MEASURE_FIELDS as L
from ...domain.models import Evidence, Measure
from ...domain.thai_dates import fiscal_year_range
from ...domain.thai_numbers import format_amount
from ...domain.vocab import Area, MeasureKind
from ..page import Page
from ..step_details import StepTable
from ..widgets import BEDateEdit, LinesEdit, button, confirm, hint, row, same_amount

NEW_TITLE = "มาตรการใหม่"


def _evidence(lines: list[str]) -> list[Evidence]:
    """Several attachments, each "file name | link" (a bare link is a link, not a title)."""
    return parse_link_lines(lines)


class MeasuresTab(Page):
    TITLE = "มาตรการ"
    AREAS = frozenset({Area.MEASURES, Area.YEARS, Area.FRAMEWORK})

    def build(self) -> None:
        session = self.session
        self.measures: list[Measure] = []
        self.current_id: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("measure_list")
        self.list.setAccessibleName("รายการมาตรการ")
        self.list.currentRowChanged.connect(self._picked)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(row(button("เพิ่ม", self.new), button("ลบ", self.delete), button("ขึ้น", lambda: self.move(-1)),
                           button("ลง", lambda: self.move(1))))
        left.addWidget(button("คัดลอกมาตรการจากปีก่อน", self.copy_last_year))

        self.kind = QComboBox()
        for k in MeasureKind:
            self.kind.addItem(str(k), str(k))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("measure_title")
        self.issue = QLineEdit()
        self.steps = LinesEdit()
        self.steps.setObjectName("measure_steps")
        self.units = LinesEdit()
        self.units.setMaximumHeight(70)
        self.start, self.end = BEDateEdit(allow_empty=True), BEDateEdit(allow_empty=True)
        self.period_text = QLineEdit()
        self.period_text.setPlaceholderText("เว้นว่างเพื่อคำนวณจากวันที่ เช่น “ตลอดปีงบประมาณ”")
        self.monitoring, self.target = QPlainTextEdit(), QPlainTextEdit()
        for w in (self.monitoring, self.target):
            w.setMaximumHeight(60)
        self.budget = QLineEdit()
        self.budget.setPlaceholderText("เว้นว่างถ้าไม่ใช้งบประมาณ เช่น 50,000")
        self.items = QLineEdit()
        self.items.setPlaceholderText("รหัสข้อคำถาม คั่นด้วยช่องว่าง เช่น O14 O15")
        self.evidence = LinesEdit()
        self.evidence.setMaximumHeight(70)
        self.issue_detail = QPlainTextEdit()  # the lines printed under the issue, shared by its measures
        self.issue_detail.setMaximumHeight(60)
        self.step_table = StepTable(session)
        self.ind_box = QGroupBox(L["indicators"])
        self.ind_grid = QGridLayout(self.ind_box)
        self.ind_checks: dict[int, QCheckBox] = {}
        for n in range(1, 11):
            cb = QCheckBox(str(n))
            self.ind_checks[n] = cb
            self.ind_grid.addWidget(cb, (n - 1) // 2, (n - 1) % 2)

        shown = lambda: self.current_id  # noqa: E731 — the record the form shows
        for widget, name in ((self.kind, "kind"), (self.title_edit, "title"), (self.issue, "issue"), (self.steps, "steps"),
                             (self.units, "units"), (self.start, "start"), (self.end, "end"), (self.period_text, "period_text"),
                             (self.monitoring, "monitoring"), (self.target, "target")):
            self.field(widget, L[name], shown, lambda mid, value, name=name: self.session.store.edit_measure(mid, name, value))
        self.field(self.budget, L["budget"], shown,
                   lambda mid, text: self.session.store.edit_measure(mid, "budget", v.parse_budget(L["budget"], text)),
                   same=same_amount)
        self.field(self.items, L["items"], shown, lambda mid, text: self.session.store.edit_measure(mid, "items", text.split()))
        self.field(self.evidence, L["evidence"], shown, lambda mid, lines: self.session.store.edit_measure(mid, "evidence", _evidence(lines)))
        for n, cb in self.ind_checks.items():
            self.field(cb, f"ตัวชี้วัดที่ {n}", shown, lambda mid, _on: self.session.store.edit_measure(mid, "indicators", self._checked()))
        issue_shown = lambda: self.current().issue_id if self.current() else None  # noqa: E731 — the issue the measure answers
        self.field(self.issue_detail, ISSUE_FIELDS["detail"], issue_shown,
                   lambda iid, text: self.session.store.edit_issue(iid, "detail", text))

        form = QFormLayout()
        form.addRow(L["kind"], self.kind)
        form.addRow(L["title"], self.title_edit)
        form.addRow(L["issue"], self.issue)
        form.addRow(ISSUE_FIELDS["detail"], self.issue_detail)
        form.addRow(L["steps"], self.steps)
        form.addRow("รายละเอียดขั้นตอน", self.step_table)
        form.addRow(L["units"], self.units)
        form.addRow("ระยะเวลา", row(self.start, hint("ถึง"), self.end, button("ทั้งปีงบประมาณ", self._whole_year),
                                    button("ไม่ระบุวันที่", self._no_dates), None))
        form.addRow(L["period_text"], self.period_text)
        form.addRow(L["monitoring"], self.monitoring)
        form.addRow(L["target"], self.target)
        form.addRow(L["budget"], self.budget)
        form.addRow(self.ind_box)
        form.addRow(L["items"], self.items)
        form.addRow(L["evidence"], self.evidence)
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.addWidget(hint("ทุกช่องบันทึกเองเมื่อหยุดพิมพ์หรือออกจากช่อง ไม่ต้องกดบันทึก"))
        el.addLayout(form)
        self.editor = editor
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(scroll, 3)
        self.load()

    # ------------------------------------------------------------ showing
    def _checked(self) -> list[int]:
        return [n for n, cb in self.ind_checks.items() if cb.isChecked()]

    def load(self) -> None:
        view = self.session.view()
        self.measures = view.measures if view else []
        for n, cb in self.ind_checks.items():
            ind = view.framework.indicator(n) if view else None
            cb.setText(f"{n}. {ind.name_th}" if ind else str(n))
            cb.setAccessibleName(cb.text())  # what the clerk reads beside the box
            cb.setVisible(ind is not None or view is None)
        ids = [m.id for m in self.measures]
        if self.current_id not in ids:
            self.current_id = ids[0] if ids else None
        self.list.blockSignals(True)
        labels = [f"{n}. [{m.kind}] {m.title}" for n, m in enumerate(self.measures, 1)]
        if [self.list.item(i).text() for i in range(self.list.count())] != labels:
            self.list.clear()
            self.list.addItems(labels)
        if self.current_id is not None:
            self.list.setCurrentRow(ids.index(self.current_id))
        self.list.blockSignals(False)
        self._show(self.current())

    def current(self) -> Measure | None:
        return next((m for m in self.measures if m.id == self.current_id), None)

    def _show(self, m: Measure | None) -> None:
        self.editor.setEnabled(m is not None)
        if m is None:  # no measure (a new file, a year without any): the form is empty, not the last one shown
            m = Measure(None, self.session.year, "")
        values = {"kind": m.kind, "title": m.title, "issue": m.issue, "steps": m.steps, "units": m.units, "start": m.start,
                  "end": m.end, "period_text": m.period_text, "monitoring": m.monitoring, "target": m.target,
                  "items": " ".join(m.items), "evidence": [f"{e.title} | {e.link}" if e.link else e.title for e in m.evidence]}
        for name, value in values.items():
            self.show_field(L[name], value)
        self.show_field(L["budget"], "" if m.budget is None else format_amount(m.budget))
        for n in self.ind_checks:
            self.show_field(f"ตัวชี้วัดที่ {n}", n in m.indicators)
        self.mark_problems("มาตรการ", m.id)
        view = self.session.view()
        issue = next((i for i in (view.issues if view else []) if i.id == m.issue_id), None)
        self.issue_detail.setEnabled(issue is not None)  # a measure without an issue has no detail to edit
        self.show_field(ISSUE_FIELDS["detail"], issue.detail if issue else "")
        self.step_table.show_measure(m if m.id is not None else None)

    def _picked(self, index: int) -> None:
        self.flush()  # what was typed belongs to the measure it was typed into
        if 0 <= index < len(self.measures):
            self.current_id = self.measures[index].id
            self._show(self.current())

    # ------------------------------------------------------------ actions
    def new(self) -> None:
        self.flush()
        year = self.session.year
        if not year:
            self.session.error.emit("เพิ่มไม่ได้", "ยังไม่มีปีการประเมิน เพิ่มปีก่อน (เมนู ปี)")
            return
        result = self.session.write(self.session.store.save_measure, Measure(None, year, NEW_TITLE))
        if result:
            self.current_id = result.id
            self.load()
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.title_edit.selectAll()  # typing replaces the placeholder title

    def delete(self) -> None:
        m = self.current()
        if m and confirm(self, "ลบมาตรการ", f"ลบ “{m.title}” และประวัติสถานะทั้งหมด?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            self.flush()
            self.session.write(self.session.store.delete_measure, m.id)

    def move(self, offset: int) -> None:
        if self.current_id is not None:
            self.flush()
            self.session.write(self.session.store.move_measure, self.current_id, offset)

    def copy_last_year(self) -> None:
        self.flush()
        store, year = self.session.store, self.session.year
        earlier = [y for y in store.years() if y < year and store.measures(y)]
        if not earlier:
            self.session.error.emit("คัดลอกไม่ได้", "ไม่มีมาตรการของปีก่อนหน้า")
            return
        source = earlier[-1]
        have = {m.title.strip() for m in self.measures}
        missing = [m for m in store.measures(source) if m.title.strip() not in have]
        if have:
            if not missing:
                self.session.error.emit("ไม่มีอะไรต้องคัดลอก", f"ปี {year} มีมาตรการทุกรายการของปี {source} อยู่แล้ว")
                return
            if not confirm(self, "คัดลอกมาตรการ", f"ปี {year} มีมาตรการอยู่แล้ว {len(have)} รายการ\n"
                                                  f"คัดลอกเฉพาะ {len(missing)} รายการของปี {source} ที่ยังไม่มี?"):
                return
            self.session.write(store.copy_measures, source, year, only_titles=[m.title for m in missing])
        elif confirm(self, "คัดลอกมาตรการ", f"คัดลอกมาตรการทั้งหมดของปี {source} มาไว้ในปี {year}?"):
            self.session.write(store.copy_measures, source, year)

    def _whole_year(self) -> None:
        m = self.current()
        if m is None:
            return
        self.flush()
        self.session.write(self.session.store.set_measure_dates, m.id, *fiscal_year_range(m.year + 1))

    def _no_dates(self) -> None:
        m = self.current()
        if m is None:
            return
        self.flush()
        self.session.write(self.session.store.set_measure_dates, m.id, None, None)
