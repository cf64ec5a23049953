"""เกณฑ์และผลที่ประกาศ: the year's published result and the year's rules, editable.

Left, what NACC published for the year: the date, the ranks in the district and
the province ("n จาก N แห่ง"), the stated level and result category — each
beside the value computed from the rules. Right, the rules that compute them:
the pass mark, EIT from its parts, tool weights, levels (range, tool floor,
explanation) and result categories (overall range, tools against the pass mark).

Single fields write themselves (``Page``); table cells write when the clerk
leaves them (``RecordTable``). Every change is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.results import TOOL_RULES_TH
from ...domain.thai_dates import format_date_full
from ...domain.validation import parse_score
from ...domain.vocab import Area
from ...errors import ValidationError
from ...store.results import CATEGORY_FIELDS as CF
from ...store.results import LEVEL_FIELDS as LF
from ...store.results import RESULT_FIELDS as RF
from ..page import Page
from ..record_table import Column, RecordTable
from ..widgets import BEDateEdit, button, confirm, hint, row

PASS_MARK = "เกณฑ์ผ่าน (คะแนน)"
EIT_RULE = "คำนวณ EIT จากส่วนที่ ๑ และ ๒ เมื่อกรอกเฉพาะสองส่วน"
AS_COMPUTED = "ตามที่คำนวณ"


def _same_number(shown: str, stored: str) -> bool:
    """"85" and "85.00" say the same pass mark."""
    try:
        return parse_score("", shown) == parse_score("", stored)
    except ValidationError:
        return False


def _same_count(shown: str, stored) -> bool:
    return shown.strip() == ("" if stored is None else str(stored))


class RulesTab(Page):
    TITLE = "เกณฑ์และผลที่ประกาศ"
    AREAS = frozenset({Area.FRAMEWORK, Area.SCORES, Area.YEARS, Area.OFFICE})

    def build(self) -> None:
        year = lambda: self.session.year or None  # noqa: E731 — the record every field here belongs to
        store = lambda: self.session.store  # noqa: E731

        # ---------------------------------------------------- the published result
        self.published = BEDateEdit(allow_empty=True)
        self.published.setObjectName("result_published")
        self.field(self.published, RF["published"], year, lambda y, day: store().edit_result(y, "published", day))
        self.ranks: dict[str, QLineEdit] = {}
        for key in ("rank_district", "rank_district_of", "rank_province", "rank_province_of"):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setMaximumWidth(80)
            self.ranks[key] = edit
            self.field(edit, RF[key], year, lambda y, text, key=key: store().edit_result(y, key, text), same=_same_count)
        self.level_stated, self.category_stated = QComboBox(), QComboBox()
        for combo, key in ((self.level_stated, "level_stated"), (self.category_stated, "category_stated")):
            combo.setObjectName(key)
            self.field(combo, RF[key], year, lambda y, value, key=key: store().edit_result(y, key, value))
        self.level_computed, self.category_computed = QLabel(), QLabel()
        result = QGroupBox("ผลการประเมินที่ประกาศ")
        rf = QFormLayout(result)
        rf.addRow(RF["published"], self.published)
        self.district_label, self.province_label = QLabel(RF["rank_district"]), QLabel(RF["rank_province"])
        rf.addRow(self.district_label, row(QLabel("ลำดับที่"), self.ranks["rank_district"], QLabel("จาก"),
                                           self.ranks["rank_district_of"], QLabel("แห่ง"), None))
        rf.addRow(self.province_label, row(QLabel("ลำดับที่"), self.ranks["rank_province"], QLabel("จาก"),
                                           self.ranks["rank_province_of"], QLabel("แห่ง"), None))
        rf.addRow(RF["level_stated"], row(self.level_stated, self.level_computed, None))
        rf.addRow(RF["category_stated"], row(self.category_stated, self.category_computed, None))
        rf.addRow(hint("เอกสารพิมพ์ค่าที่ประกาศ ถ้าไม่ระบุจะพิมพ์ค่าที่คำนวณจากเกณฑ์ของปี ลำดับและวันที่เว้นว่างได้"))

        # ---------------------------------------------------------------- rules
        self.pass_mark = QLineEdit()
        self.pass_mark.setObjectName("pass_mark")
        self.pass_mark.setMaximumWidth(90)
        self.field(self.pass_mark, PASS_MARK, year, lambda y, text: store().set_pass_mark(y, text), same=_same_number)
        self.eit_rule = QCheckBox(EIT_RULE)
        self.eit_rule.setObjectName("eit_from_parts")
        self.field(self.eit_rule, EIT_RULE, year, lambda y, on: store().set_eit_from_parts(y, on))
        self.eit_text = hint("")
        self.tools = RecordTable("น้ำหนักเครื่องมือ", [Column("code", "เครื่องมือ", editable=False, stretch=True),
                                                        Column("weight", "น้ำหนัก (ร้อยละ)")],
                                 lambda code, _f, value: self.session.try_write(store().set_tool_weight, self.session.year, code, value))
        self.tools.setObjectName("tool_weights")
        self.tools.setMaximumHeight(170)
        self.levels = RecordTable("ระดับผลการประเมิน", [Column("name", LF["name"], stretch=True), Column("min", LF["min"]),
                                                         Column("max", LF["max"]), Column("tool_min", LF["tool_min"])],
                                  lambda lid, f, value: self.session.try_write(store().edit_level, lid, f, value))
        self.levels.setObjectName("levels")
        self.levels.currentCellChanged.connect(lambda *_a: self._level_picked())
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("level_explanation")
        self.explanation.setMaximumHeight(90)
        self.field(self.explanation, LF["explanation"], lambda: self.levels.current_key(),
                   lambda lid, text: store().edit_level(lid, "explanation", text))
        self.categories = RecordTable("ผลการประเมิน (ประเภท)", [
            Column("name", CF["name"], stretch=True), Column("overall_min", CF["overall_min"]),
            Column("overall_max", CF["overall_max"]),
            Column("tools", CF["tools"], choices=tuple(TOOL_RULES_TH.items()))],
            lambda cid, f, value: self.session.try_write(store().edit_category, cid, f, value))
        self.categories.setObjectName("categories")
        rules = QGroupBox("เกณฑ์ของปี (แก้ไขได้)")
        gl = QVBoxLayout(rules)
        top = QFormLayout()
        top.addRow(PASS_MARK, self.pass_mark)
        top.addRow(self.eit_rule)
        top.addRow(self.eit_text)
        gl.addLayout(top)
        gl.addWidget(QLabel("น้ำหนักของเครื่องมือในคะแนนภาพรวม (ส่วนที่ ๑ และ ๒: น้ำหนักในการคำนวณ EIT)"))
        gl.addWidget(self.tools)
        gl.addWidget(QLabel("ระดับผลการประเมิน (ตรวจตามลำดับ ระดับแรกที่เข้าเงื่อนไขคือผลของปี)"))
        gl.addWidget(self.levels)
        gl.addWidget(row(button("เพิ่มระดับ", self.add_level), button("ลบระดับ", self.delete_level),
                         button("เลื่อนขึ้น", lambda: self.move_level(-1)), button("เลื่อนลง", lambda: self.move_level(1)), None))
        gl.addWidget(QLabel(LF["explanation"] + " (พิมพ์ใต้ระดับในเอกสาร)"))
        gl.addWidget(self.explanation)
        gl.addWidget(QLabel("ผลการประเมิน (ตรวจตามลำดับ เทียบคะแนนภาพรวมและรายเครื่องมือกับเกณฑ์ผ่าน)"))
        gl.addWidget(self.categories)
        gl.addWidget(row(button("เพิ่มผลการประเมิน", self.add_category), button("ลบผลการประเมิน", self.delete_category),
                         button("เลื่อนขึ้น", lambda: self.move_category(-1)), button("เลื่อนลง", lambda: self.move_category(1)),
                         None, button("คืนค่าเริ่มต้นของปีนี้…", self.reset)))

        left = QVBoxLayout()
        left.addWidget(result)
        left.addStretch(1)
        body = QWidget()
        lay = QHBoxLayout(body)
        lay.addLayout(left, 2)
        lay.addWidget(rules, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    # ------------------------------------------------------------ showing
    def load(self) -> None:
        view = self.session.view()
        self.setEnabled(view is not None)
        if view is None:  # a file without a year: nothing of another file's year stays on screen
            self._clear()
            return
        fw, r, office = view.framework, view.result, view.office
        st = r.stated
        self.district_label.setText(f"{RF['rank_district']} {office.amphoe}".strip())
        self.province_label.setText(f"{RF['rank_province']} {office.province}".strip())
        self.show_field(RF["published"], st.published)
        for key, rank, part in (("rank_district", st.rank_district, "place"), ("rank_district_of", st.rank_district, "of"),
                                ("rank_province", st.rank_province, "place"), ("rank_province_of", st.rank_province, "of")):
            value = getattr(rank, part) if rank else None
            self.show_field(RF[key], "" if value is None else str(value))
        self._fill_choices(self.level_stated, [lv.name for lv in fw.levels], st.level, r.level)
        self._fill_choices(self.category_stated, [c.name for c in fw.categories], st.category, r.category)
        self.show_field(RF["level_stated"], st.level)
        self.show_field(RF["category_stated"], st.category)
        self.level_computed.setText(f"คำนวณได้: {r.level or '-'}" + ("  ⚠ ต่างจากที่ประกาศ" if r.level_differs else ""))
        self.category_computed.setText(f"คำนวณได้: {r.category or '-'}" + ("  ⚠ ต่างจากที่ประกาศ" if r.category_differs else ""))
        if st.published:
            self.published.setToolTip(format_date_full(st.published, thai=True))
        self.show_field(PASS_MARK, f"{fw.pass_mark:g}")
        has_parts = any(t.parent == "EIT" for t in fw.tools)
        self.eit_rule.setVisible(has_parts)
        self.show_field(EIT_RULE, fw.eit_from_parts)
        self.eit_text.setText(r.eit_rule if has_parts else "")
        self.tools.set_records([(t.code, [f"{t.code} {t.name_th}", t.weight]) for t in fw.tools])
        self.levels.set_records([(lv.id, [lv.name, lv.min, lv.max, lv.tool_min]) for lv in fw.levels])
        self.categories.set_records([(c.id, [c.name, c.overall_min, c.overall_max, c.tools]) for c in fw.categories])
        if self.levels.current_key() is None and fw.levels:
            self.levels.select_key(fw.levels[0].id)
        self._show_explanation()

    def _clear(self) -> None:
        for label in (RF["published"], PASS_MARK, LF["explanation"], *(RF[k] for k in self.ranks)):
            self.show_field(label, None if label == RF["published"] else "")
        for combo in (self.level_stated, self.category_stated):
            combo.clear()
        for table in (self.tools, self.levels, self.categories):
            table.set_records([])
        self.level_computed.clear()
        self.category_computed.clear()
        self.eit_text.clear()

    @staticmethod
    def _fill_choices(combo: QComboBox, names: list[str], stated: str, computed: str | None) -> None:
        """"ตามที่คำนวณ (…)" first, then the year's names; a stated name the rules no longer have stays listed."""
        items = [(f"{AS_COMPUTED} ({computed or '-'})", "")] + [(n, n) for n in names]
        if stated and stated not in names:
            items.append((stated, stated))
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
            return
        combo.blockSignals(True)
        combo.clear()
        for label, data in items:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(stated)))
        combo.blockSignals(False)

    def _level_picked(self) -> None:
        self.flush(self._by_label[LF["explanation"]])  # the explanation typed belongs to the level it was typed for
        self._show_explanation()

    def _show_explanation(self) -> None:
        view = self.session.view()
        lid = self.levels.current_key()
        level = next((lv for lv in view.framework.levels if lv.id == lid), None) if view else None
        self.explanation.setEnabled(level is not None)
        self.show_field(LF["explanation"], level.explanation if level else "")

    # ------------------------------------------------------------ actions
    def add_level(self) -> None:
        self.flush()
        result = self.session.write(self.session.store.add_level, self.session.year)
        if result:
            self.levels.select_key(result.id)
            self.levels.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_level(self) -> None:
        lid = self.levels.current_key()
        if lid is not None and confirm(self, "ลบระดับ", "ลบระดับที่เลือก? (เลิกทำได้ด้วย Ctrl+Z)"):
            self.flush()
            self.session.write(self.session.store.delete_level, lid)

    def move_level(self, offset: int) -> None:
        lid = self.levels.current_key()
        if lid is not None:
            self.flush()
            self.session.write(self.session.store.move_level, lid, offset)
            self.levels.select_key(lid)

    def add_category(self) -> None:
        self.flush()
        result = self.session.write(self.session.store.add_category, self.session.year)
        if result:
            self.categories.select_key(result.id)

    def delete_category(self) -> None:
        cid = self.categories.current_key()
        if cid is not None and confirm(self, "ลบผลการประเมิน", "ลบผลการประเมินที่เลือก? (เลิกทำได้ด้วย Ctrl+Z)"):
            self.session.write(self.session.store.delete_category, cid)

    def move_category(self, offset: int) -> None:
        cid = self.categories.current_key()
        if cid is not None:
            self.session.write(self.session.store.move_category, cid, offset)
            self.categories.select_key(cid)

    def reset(self) -> None:
        year = self.session.year
        if year and confirm(self, "คืนค่าเริ่มต้น", f"คืนเกณฑ์ของปี {year} เป็นค่าเริ่มต้นของโปรแกรม (เกณฑ์ผ่าน น้ำหนัก ระดับ "
                                                  "และผลการประเมิน)? คะแนนที่กรอกไว้ไม่เปลี่ยน (เลิกทำได้ด้วย Ctrl+Z)"):
            self.flush()
            self.session.write(self.session.store.reset_rules, year)
