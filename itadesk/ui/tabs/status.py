"""สถานะ: each measure's current status and history; an update in two clicks;
counts by status; measures behind schedule stand out."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.models import StatusUpdate
from ...domain.thai_dates import format_date_short, format_period
from ...domain.validation import ROUNDS_TH, STATUS_TH
from ...domain.vocab import Area, Status
from ...errors import ItadeskError
from .. import excel
from ..page import Page
from ..widgets import BEDateEdit, button, confirm, hint, label_for, row

BEHIND = QBrush(QColor("#F8D0D0"))


class StatusTab(Page):
    AREAS = frozenset({Area.STATUS, Area.MEASURES, Area.YEARS})
    TITLE = "สถานะ"

    def build(self) -> None:
        self.today = _dt.date.today()
        self.counts = QLabel()
        self.counts.setObjectName("status_counts")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("status_table")
        self.table.setHorizontalHeaderLabels(["มาตรการ/โครงการ/กิจกรรม", "ระยะเวลา", "สถานะล่าสุด", "ร้อยละ", "วันที่รายงาน"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda r, *_: self._show_history(r))
        self.table.setAccessibleName("สถานะล่าสุดของแต่ละมาตรการ")
        self.history = QListWidget()
        self.history.setAccessibleName("ประวัติการรายงานของมาตรการที่เลือก")
        self.status = QComboBox()
        for code, label in STATUS_TH.items():
            self.status.addItem(label, str(code))
        self.status.setObjectName("status_choice")
        self.round = QComboBox()
        for code, label in ROUNDS_TH.items():
            self.round.addItem(label, str(code))
        self.progress = QSpinBox()
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.note = QLineEdit()
        self.note.setPlaceholderText("หมายเหตุ/ผลการดำเนินงาน")
        self.date = BEDateEdit(label="วันที่รายงาน")
        self.note.setAccessibleName("หมายเหตุ/ผลการดำเนินงาน")  # named by its placeholder
        self.add_button = button("บันทึกสถานะ", self.add_update)
        self.add_button.setObjectName("status_add")
        lay = QVBoxLayout(self)
        lay.addWidget(self.counts)
        lay.addWidget(hint("แถวสีแดง: เลยกำหนดแล้วแต่ยังไม่แล้วเสร็จ หรือเริ่มแล้วแต่ยังไม่มีการรายงาน "
                           "เลือกมาตรการ เลือกสถานะ แล้วกด “บันทึกสถานะ”"))
        lay.addWidget(self.table, 3)
        lay.addWidget(row(label_for("สถานะ", self.status), self.status, label_for("รอบ", self.round), self.round,
                          label_for("ความก้าวหน้า", self.progress), self.progress, label_for("วันที่รายงาน", self.date), self.date))
        lay.addWidget(row(self.note, self.add_button, button("ลบรายการประวัติที่เลือก", self.delete_update)))
        # the units report through Excel: one form each out, the filled forms back with a preview
        self.send_forms_button = button("ส่งแบบรายงานให้หน่วยงาน", lambda: excel.send_forms(self, self.session),
                                        tip="เขียนแบบรายงาน Excel หน่วยงานละหนึ่งไฟล์ ให้หน่วยงานกรอกสถานะ")
        self.receive_forms_button = button("รับแบบรายงานคืน", lambda: excel.receive_forms(self, self.session),
                                           tip="อ่านแบบรายงานที่หน่วยงานกรอกแล้ว ตรวจทุกช่อง และแสดงสิ่งที่จะเปลี่ยนก่อนบันทึก")
        self.send_forms_button.setObjectName("send_forms")
        self.receive_forms_button.setObjectName("receive_forms")
        lay.addWidget(row(self.send_forms_button, self.receive_forms_button, None))
        history_label = QLabel("ประวัติการรายงานของมาตรการที่เลือก")
        history_label.setBuddy(self.history)
        lay.addWidget(history_label)
        lay.addWidget(self.history, 1)
        self.measures = []
        self.reload()

    def load(self) -> None:
        self.reload()

    def reload(self) -> None:
        current = self.table.currentRow()
        view = self.session.view()
        states = view.states if view else []
        self.measures = [s.measure for s in states]
        thai = self.session.store.thai_digits
        self.table.setRowCount(len(self.measures))
        counts = view.counts() if view else dict.fromkeys(Status, 0)
        behind = 0
        for r, state in enumerate(states):
            m, u = state.measure, state.update_in(None)  # the newest report of any round
            status = state.status_in(None)
            cells = [m.title, m.period_text or format_period(m.start, m.end, thai=thai), STATUS_TH[status],
                     str(u.progress if u else 0), format_date_short(u.date, thai=thai) if u and u.date else "-"]
            late = state.behind(self.today)
            behind += late
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late:
                    item.setBackground(BEHIND)
                    item.setToolTip("ล่าช้ากว่ากำหนด")
                self.table.setItem(r, c, item)
        self.counts.setText("   ".join(f"{STATUS_TH[k]}: {v}" for k, v in counts.items()) + f"   ล่าช้า: {behind}")
        if self.measures:
            self.table.setCurrentCell(min(max(current, 0), len(self.measures) - 1), 0)
        self._show_history(self.table.currentRow())

    def _show_history(self, r: int) -> None:
        self.history.clear()
        if not 0 <= r < len(self.measures):
            return
        thai = self.session.store.thai_digits
        self._history = self.session.store.status_updates(self.measures[r].id)
        bad = {p.record_id: p.message for p in (self.session.view().problems if self.session.view() else [])
               if p.place == "สถานะ"}
        for u in self._history:
            day = format_date_short(u.date, thai=thai) if u.date else "ไม่มีวันที่"
            item = QListWidgetItem(f"{'⚠ ' if u.id in bad else ''}{day}  {ROUNDS_TH[u.round]}  {STATUS_TH[u.status]}  "
                                   f"{u.progress}%  {u.note}")
            if u.id in bad:  # a date the file holds wrongly: shown, explained; deleting and re-adding fixes it
                item.setToolTip(bad[u.id] + " (ลบรายการนี้แล้วบันทึกใหม่ด้วยวันที่ที่ถูกต้อง)")
                item.setBackground(BEHIND)
            self.history.addItem(item)

    def add_update(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.measures):
            self.session.error.emit("ยังไม่ได้เลือก", "กรุณาเลือกมาตรการก่อนบันทึกสถานะ")
            return
        try:
            day = self.date.day()
        except ItadeskError as err:  # never a report dated with anything but what the clerk typed
            self.session.error.emit("วันที่ไม่ถูกต้อง", err.message_th)
            return
        status = self.status.currentData()
        if status == Status.IN_PROGRESS and self.progress.value() == 100 and confirm(
                self, "ความก้าวหน้าร้อยละ ๑๐๐", "ความก้าวหน้าครบร้อยละ ๑๐๐ แล้ว\nบันทึกเป็น “ดำเนินการเรียบร้อยแล้ว” หรือไม่?"):
            status = Status.DONE
            self.status.setCurrentIndex(self.status.findData(str(Status.DONE)))
        update = StatusUpdate(None, self.measures[r].id, day, status,
                              self.round.currentData(), self.progress.value(), self.note.text())
        if self.session.write(self.session.store.add_status, update):
            self.note.clear()
            if note := self.date.take_note():  # a Christian year typed: converted, and said so
                self.session.notice.emit(note)

    def delete_update(self) -> None:
        i = self.history.currentRow()
        if 0 <= i < len(getattr(self, "_history", [])) and confirm(
                self, "ลบประวัติสถานะ", f"ลบรายการ “{self.history.item(i).text().strip()}” ออกจากประวัติ?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            self.session.write(self.session.store.delete_status, self._history[i].id)
