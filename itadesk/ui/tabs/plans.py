"""แผนหลายปี: a plan across fiscal years — its span, its hierarchy (มิติ → ภารกิจ → ภารกิจย่อย),
the projects placed in it with a budget per fiscal year and a หมายเหตุ — and drawing
the measures of a year from it.

The tree shows the plan (all years, or one fiscal year: the measures planned that
year and that year's budgets). The form beside it edits what is chosen; every
field writes itself (``Page``), bound to the record shown when the typing began.
Add, rename, reorder and move (under another dimension or mission) are one undo
step each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.evidence import link_lines, parse_link_lines
from ...domain.plans import MAX_SPAN, Plan, node_label
from ...domain.thai_numbers import format_amount
from ...domain.vocab import Area, MeasureKind
from ...store.plans import PLAN_FIELDS as PF
from ...store.plans import PLAN_MEASURE_FIELDS as MF
from .. import dialogs
from ..page import Page
from ..plan_tree import PlanTree
from ..widgets import BEDateEdit, LinesEdit, button, hint, row, same_amount

NODE_TITLE = "ชื่อมิติ/ภารกิจ"
LINKS = "หลักฐาน/เอกสารแนบ (ชื่อ | ลิงก์ บรรทัดละรายการ)"
YEAR_FILTER = "แสดงปีงบประมาณ"
MOVE_TO = "ย้ายไปไว้ใต้"
ALL_YEARS = 0


def budget_label(year: int) -> str:
    return f"ปี {year} งบประมาณ (บาท)"


def _form_page() -> tuple[QWidget, QFormLayout]:
    """A page whose form sits at the top (the rest of the height stays empty)."""
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    form = QFormLayout()
    box.addLayout(form)
    box.addStretch(1)
    return page, form


class PlansTab(Page):
    TITLE = "แผนหลายปี"
    AREAS = frozenset({Area.PLANS, Area.MEASURES})

    def build(self) -> None:
        self.plans: list[Plan] = []
        self.plan_id: int | None = None
        store = lambda: self.session.store  # noqa: E731

        # ----------------------------------------------------------- the plan
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("plan_box")
        self.plan_box.setAccessibleName("แผน")
        self.plan_box.activated.connect(self._plan_picked)
        self.title_edit, self.first, self.last = QLineEdit(), QLineEdit(), QLineEdit()
        self.title_edit.setObjectName("plan_title")
        for w in (self.first, self.last):
            w.setMaximumWidth(70)
        self.first.setObjectName("plan_first_year")
        self.last.setObjectName("plan_last_year")
        self.note = QPlainTextEdit()
        self.note.setObjectName("plan_note")
        self.note.setMaximumHeight(50)
        plan = lambda: self.plan_id  # noqa: E731
        for widget, key in ((self.title_edit, "title"), (self.first, "first_year"), (self.last, "last_year"), (self.note, "note")):
            self.field(widget, PF[key], plan, lambda pid, value, key=key: store().edit_plan(pid, key, value))
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("plan_year_filter")
        self.year_filter.setAccessibleName(YEAR_FILTER)
        self.year_filter.activated.connect(lambda _i: self.load())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        head = QGroupBox("แผน")
        hf = QFormLayout(head)
        hf.addRow("แผน", row(self.plan_box, button("เพิ่มแผน", self.add_plan), button("ลบแผน", self.delete_plan), None))
        hf.addRow(PF["title"], self.title_edit)
        hf.addRow("ช่วงปีงบประมาณ", row(QLabel(PF["first_year"]), self.first, QLabel(PF["last_year"]), self.last, None))
        hf.addRow(PF["note"], self.note)

        # -------------------------------------------------------- the hierarchy
        self.tree = PlanTree()
        self.tree.currentItemChanged.connect(lambda *_a: self._picked())
        self.move_to = QComboBox()
        self.move_to.setObjectName("plan_move_to")
        self.move_to.setAccessibleName(MOVE_TO)
        left = QVBoxLayout()
        left.addWidget(row(QLabel(YEAR_FILTER), self.year_filter, self.summary, None))
        left.addWidget(self.tree, 1)
        left.addWidget(row(button("เพิ่มมิติ", self.add_dimension), button("เพิ่มภารกิจย่อย", self.add_child),
                           button("เพิ่มโครงการ/กิจกรรม", self.add_measure), None))
        left.addWidget(row(button("เลื่อนขึ้น", lambda: self.move(-1)), button("เลื่อนลง", lambda: self.move(1)),
                           button("ลบ", self.delete), None))
        left.addWidget(row(QLabel(MOVE_TO), self.move_to, button("ย้าย", self.move_under), None))

        # ------------------------------------------------------------ the form
        chosen = lambda kind: (lambda: self._chosen_id(kind))  # noqa: E731
        self.node_title = QLineEdit()
        self.node_title.setObjectName("node_title")
        self.field(self.node_title, NODE_TITLE, chosen("node"), lambda nid, text: store().rename_node(nid, text))
        node_form, nf = _form_page()
        nf.addRow(NODE_TITLE, self.node_title)
        nf.addRow(hint("มิติ → ภารกิจ (๑.๑) → ภารกิจย่อย (๑.๑.๑) → โครงการ/กิจกรรม ลำดับเลขคำนวณจากตำแหน่ง "
                       "ใช้ปุ่มเลื่อนขึ้น/ลง และ “ย้ายไปไว้ใต้” เพื่อจัดโครงสร้าง"))
        self.kind = QComboBox()
        for k in MeasureKind:
            self.kind.addItem(str(k), str(k))
        self.m_title, self.units, self.m_note = QLineEdit(), QLineEdit(), QPlainTextEdit()
        self.m_title.setObjectName("plan_measure_title")
        self.m_note.setObjectName("plan_measure_note")
        self.m_note.setMaximumHeight(50)
        self.start, self.end = BEDateEdit(allow_empty=True), BEDateEdit(allow_empty=True)
        self.links = LinesEdit()
        self.links.setMaximumHeight(70)
        for widget, key in ((self.kind, "kind"), (self.m_title, "title"), (self.units, "units"), (self.m_note, "note"),
                            (self.start, "start"), (self.end, "end")):
            self.field(widget, MF[key], chosen("measure"), lambda mid, value, key=key: store().edit_plan_measure(mid, key, value))
        self.field(self.links, LINKS, chosen("measure"), lambda mid, lines: store().set_plan_links(mid, parse_link_lines(lines)))
        self.budget_edits: list[QLineEdit] = []
        self.budget_labels: list[QLabel] = []
        grid = QGridLayout()
        for k in range(MAX_SPAN):
            edit, label = QLineEdit(), QLabel()
            edit.setObjectName(f"plan_budget_{k}")
            edit.setPlaceholderText("เว้นว่าง = ไม่มีในปีนี้, 0 = ไม่ใช้งบประมาณ")
            self.field(edit, f"งบประมาณปีที่ {k + 1} ของแผน", lambda k=k: self._budget_record(k),
                       lambda rec, text: store().set_plan_budget(rec[0], rec[1], text), same=same_amount)
            self.budget_edits.append(edit)
            self.budget_labels.append(label)
            grid.addWidget(label, k, 0)
            grid.addWidget(edit, k, 1)
            edit.setVisible(False)  # shown for the years of the plan
            label.setVisible(False)
        measure_form, mf = _form_page()
        mf.addRow(MF["kind"], self.kind)
        mf.addRow(MF["title"], self.m_title)
        mf.addRow(MF["units"], self.units)
        mf.addRow("ระยะเวลา (ถ้ามี)", row(self.start, QLabel("ถึง"), self.end, None))
        mf.addRow(grid)
        mf.addRow(MF["note"], self.m_note)
        mf.addRow(LINKS, self.links)
        for combo in (self.plan_box, self.move_to):  # long titles must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(QLabel("เลือกมิติ ภารกิจ หรือโครงการทางซ้าย"))
        self.stack.addWidget(node_form)
        self.stack.addWidget(measure_form)
        self.draw_button = button("สร้างมาตรการประจำปีจากแผน", self.draw)
        scroll = QScrollArea()  # ten fiscal years of budgets fit a laptop screen too
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(row(self.draw_button, None))
        right.addWidget(hint("มาตรการของปีการประเมินดำเนินการในปีงบประมาณถัดไป: ปุ่มนี้สร้างมาตรการของปีที่เลือกจากโครงการในแผน "
                             "ที่มีงบประมาณหรือระยะเวลาในปีงบประมาณนั้น (โครงการที่สร้างแล้วไม่ซ้ำ)"))

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(body, 1)
        self.load()

    # ------------------------------------------------------------ showing
    def plan(self) -> Plan | None:
        return next((p for p in self.plans if p.id == self.plan_id), None)

    def fiscal_year(self) -> int | None:
        return self.year_filter.currentData() or None

    def _chosen_id(self, kind: str) -> int | None:
        ref = self.tree.current_ref()
        return ref[1] if ref and ref[0] == kind else None

    def _budget_record(self, k: int) -> tuple[int, int] | None:
        mid, plan = self._chosen_id("measure"), self.plan()
        if mid is None or plan is None or k >= len(plan.years):
            return None
        return mid, plan.years[k]

    def load(self) -> None:
        self.plans = self.session.store.plans()
        ids = [p.id for p in self.plans]
        if self.plan_id not in ids:
            self.plan_id = ids[0] if ids else None
        labels = [f"{p.title} ({p.first_year}–{p.last_year})" for p in self.plans]
        if [self.plan_box.itemText(i) for i in range(self.plan_box.count())] != labels:
            self.plan_box.clear()
            self.plan_box.addItems(labels)
        if self.plan_id is not None:
            self.plan_box.setCurrentIndex(ids.index(self.plan_id))
        plan = self.plan()
        for w in (self.title_edit, self.first, self.last, self.note, self.tree):
            w.setEnabled(plan is not None)
        self.show_field(PF["title"], plan.title if plan else "")
        self.show_field(PF["first_year"], str(plan.first_year) if plan else "")
        self.show_field(PF["last_year"], str(plan.last_year) if plan else "")
        self.show_field(PF["note"], plan.note if plan else "")
        self._fill_years(plan)
        self.tree.fill(plan, self.fiscal_year())
        self._fill_move_targets(plan)
        self._summary(plan)
        self._show_chosen()

    def _fill_years(self, plan: Plan | None) -> None:
        items = [("ทุกปี", ALL_YEARS)] + [(str(y), y) for y in (plan.years if plan else [])]
        if [(self.year_filter.itemText(i), self.year_filter.itemData(i)) for i in range(self.year_filter.count())] == items:
            return
        keep = self.year_filter.currentData()
        self.year_filter.clear()
        for label, data in items:
            self.year_filter.addItem(label, data)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(keep)))

    def _fill_move_targets(self, plan: Plan | None) -> None:
        items = [("(เป็นมิติ)", 0)] + ([(node_label(path, n.title, thai=False)[:70], n.id) for n, path in plan.walk()] if plan else [])
        if [(self.move_to.itemText(i), self.move_to.itemData(i)) for i in range(self.move_to.count())] != items:
            self.move_to.clear()
            for label, data in items:
                self.move_to.addItem(label, data)

    def _summary(self, plan: Plan | None) -> None:
        fy = self.fiscal_year()
        if plan is None:
            self.summary.setText("ยังไม่มีแผน กด “เพิ่มแผน”")
        elif fy:
            money = plan.totals().get(fy, 0.0)
            self.summary.setText(f"ปีงบประมาณ {fy}: {len(plan.measures_in(fy))} โครงการ งบประมาณรวม {format_amount(money)} บาท")
        else:
            self.summary.setText(f"{plan.count()} โครงการ งบประมาณรวม {format_amount(sum(plan.totals().values()))} บาท")

    def _picked(self) -> None:
        self.flush()  # what was typed belongs to the record it was typed into
        self._show_chosen()

    def _show_chosen(self) -> None:
        plan = self.plan()
        ref = self.tree.current_ref()
        if plan is None or ref is None:
            self.stack.setCurrentIndex(0)
            return
        if ref[0] == "node":
            node = plan.node(ref[1])
            self.stack.setCurrentIndex(1)
            self.show_field(NODE_TITLE, node.title if node else "")
            return
        m = plan.measure(ref[1])
        if m is None:
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(2)
        for key, value in (("kind", m.kind), ("title", m.title), ("units", m.units), ("note", m.note), ("start", m.start), ("end", m.end)):
            self.show_field(MF[key], value)
        self.show_field(LINKS, link_lines(m.links))
        for k, (edit, label) in enumerate(zip(self.budget_edits, self.budget_labels, strict=True)):
            visible = k < len(plan.years)
            edit.setVisible(visible)
            label.setVisible(visible)
            if visible:
                year = plan.years[k]
                label.setText(budget_label(year))
                edit.setAccessibleName(budget_label(year))
                amount = m.budgets.get(year)
                self.show_field(f"งบประมาณปีที่ {k + 1} ของแผน", "" if amount is None else format_amount(amount).removesuffix(".00"))

    # ------------------------------------------------------------ actions
    def _plan_picked(self, index: int) -> None:
        self.flush()
        if 0 <= index < len(self.plans):
            self.plan_id = self.plans[index].id
            self.load()

    def add_plan(self) -> None:
        self.flush()
        first = (self.session.year or 2568) + 1
        result = self.session.write(self.session.store.add_plan, "แผนปฏิบัติการป้องกันการทุจริต", first, first + 3)
        if result:
            self.plan_id = result.id
            self.load()
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.title_edit.selectAll()

    def delete_plan(self) -> None:
        plan = self.plan()
        if plan and dialogs.ask_yes_no(self, "ลบแผน", f"ลบ “{plan.title}” ทั้งแผน? (เลิกทำได้ด้วย Ctrl+Z)", default_yes=False):
            self.flush()
            self.session.write(self.session.store.delete_plan, plan.id)

    def _add_then_edit(self, result, ref_kind: str, editor: QLineEdit) -> None:
        if result:
            self.load()
            self.tree.select((ref_kind, result.id))
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            editor.selectAll()  # typing replaces the placeholder title

    def add_dimension(self) -> None:
        if self.plan_id is None:
            return
        self.flush()
        self._add_then_edit(self.session.write(self.session.store.add_node, self.plan_id, None, "มิติใหม่"), "node", self.node_title)

    def add_child(self) -> None:
        """A mission under the chosen dimension or mission (under the chosen project's mission)."""
        node_id = self._node_for_adding()
        if node_id is None:
            return
        self.flush()
        self._add_then_edit(self.session.write(self.session.store.add_node, self.plan_id, node_id, "ภารกิจใหม่"), "node", self.node_title)

    def add_measure(self) -> None:
        node_id = self._node_for_adding()
        if node_id is None:
            self.session.error.emit("เพิ่มไม่ได้", "เลือกมิติหรือภารกิจที่จะใส่โครงการก่อน")
            return
        self.flush()
        self._add_then_edit(self.session.write(self.session.store.add_plan_measure, node_id), "measure", self.m_title)

    def _node_for_adding(self) -> int | None:
        ref, plan = self.tree.current_ref(), self.plan()
        if ref is None or plan is None:
            return None
        if ref[0] == "node":
            return ref[1]
        m = plan.measure(ref[1])
        return m.node_id if m else None

    def move(self, offset: int) -> None:
        ref = self.tree.current_ref()
        if ref is None:
            return
        self.flush()
        fn = self.session.store.move_node if ref[0] == "node" else self.session.store.move_plan_measure
        self.session.write(fn, ref[1], offset)
        self.tree.select(ref)

    def move_under(self) -> None:
        """Move the chosen node or project under the dimension or mission picked in “ย้ายไปไว้ใต้”."""
        ref, target = self.tree.current_ref(), self.move_to.currentData()
        if ref is None:
            return
        self.flush()
        if ref[0] == "node":
            self.session.write(self.session.store.reparent_node, ref[1], target or None)
        elif target:
            self.session.write(self.session.store.place_plan_measure, ref[1], target)
        else:
            self.session.error.emit("ย้ายไม่ได้", "โครงการต้องอยู่ใต้มิติหรือภารกิจ เลือกปลายทางใน “ย้ายไปไว้ใต้”")
            return
        self.tree.select(ref)

    def delete(self) -> None:
        ref, plan = self.tree.current_ref(), self.plan()
        if ref is None or plan is None:
            return
        if ref[0] == "node":
            node = plan.node(ref[1])
            text = f"ลบ “{node.title}” พร้อมภารกิจและโครงการภายใต้ทั้งหมด?"
            fn = self.session.store.delete_node
        else:
            text = f"ลบ “{plan.measure(ref[1]).title}” ออกจากแผน?"
            fn = self.session.store.delete_plan_measure
        if dialogs.ask_yes_no(self, "ลบ", text + " (เลิกทำได้ด้วย Ctrl+Z)", default_yes=False):
            self.flush()
            self.session.write(fn, ref[1])

    def draw(self) -> None:
        plan, year = self.plan(), self.session.year
        if plan is None or not year:
            return
        fy = year + 1
        count = len(plan.measures_in(fy))
        if not dialogs.ask_yes_no(self, "สร้างมาตรการประจำปี", f"สร้างมาตรการของปีการประเมิน {year} (ดำเนินการในปีงบประมาณ {fy}) "
                                  f"จาก {count} โครงการในแผนที่มีงบประมาณหรือระยะเวลาในปีงบประมาณ {fy}?\n"
                                  "โครงการที่สร้างไว้แล้วจะไม่ถูกสร้างซ้ำ (เลิกทำได้ด้วย Ctrl+Z)"):
            return
        self.flush()
        result = self.session.write(self.session.store.draw_plan_measures, plan.id, year, fy)
        if result is not None:
            dialogs.inform(self, "สร้างมาตรการประจำปี", f"เพิ่มมาตรการในปี {year} แล้ว {result.count} รายการ (ดูได้ที่หน้ามาตรการ)")
