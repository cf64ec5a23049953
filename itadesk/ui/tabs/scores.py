"""คะแนน: overall, tools, indicators and items; typing and pasting from Excel; the level; a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import Item
from ...domain.vocab import Area
from .. import dialogs, excel
from ..chart import ScoreChart
from ..page import Page
from ..score_model import ScoreTableModel
from ..widgets import button, confirm, hint, row
from .evidence import EvidencePage

PASTE_LABEL = "วางรายการข้อคำถาม"


def result_line(view) -> str:
    """"ระดับผลการประเมิน: ผ่าน (ที่ประกาศ: ผ่านดี)  ผลการประเมิน: …": computed, and the stated beside it."""
    r = view.result
    if r is None:
        return f"ระดับผลการประเมิน: {view.level or '-'}"
    text = f"ระดับผลการประเมิน: {r.level or '-'}"
    if r.stated.level and r.stated.level != r.level:
        text += f" (ที่ประกาศ: {r.stated.level})"
    if r.category or r.stated.category:
        text += f"   ผลการประเมิน: {r.category or '-'}"
        if r.stated.category and r.stated.category != r.category:
            text += f" (ที่ประกาศ: {r.stated.category})"
    return text


class ScoreView(QTableView):
    """A table that takes a block pasted from Excel (tabs and new lines) at the current cell."""

    def keyPressEvent(self, event):  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectionModel().hasSelection():
            model: ScoreTableModel = self.model()
            model.set_many([(i.row(), i.column(), "") for i in self.selectionModel().selectedIndexes()])
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> int:
        model: ScoreTableModel = self.model()
        coded = model.paste_coded(text)  # lines that name their codes go by code, not by position
        if coded is not None:
            return coded
        start = self.currentIndex()
        r0 = max(start.row(), 0)
        c0 = start.column() if start.column() in model._score_cols() else 2
        cells = []
        for dr, line in enumerate(text.rstrip("\n").split("\n")):
            for dc, value in enumerate(line.rstrip("\r").split("\t")):
                cells.append((r0 + dr, c0 + dc, value.strip()))
        return model.set_many(cells)


class ScoresTab(Page):
    AREAS = frozenset({Area.SCORES, Area.FRAMEWORK, Area.YEARS, Area.SETTINGS})
    TITLE = "คะแนน"

    def build(self) -> None:
        session = self.session
        self.level = QLabel()
        self.level.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.level.setWordWrap(True)  # the level, the category and the stated ones beside them: never wider than the window
        self.models = {k: ScoreTableModel(session, k) for k in ("tools", "indicators", "items")}
        self.views = {}
        inner = QTabWidget()
        for key, title in (("tools", "ภาพรวมและเครื่องมือ"), ("indicators", "ตัวชี้วัด ๑๐ ตัว"), ("items", "ข้อคำถาม")):
            view = ScoreView()
            view.setModel(self.models[key])
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            view.verticalHeader().setVisible(False)
            view.setObjectName(f"scores_{key}")
            view.setAccessibleName(title)
            self.views[key] = view
            inner.addTab(view, title)
        self.inner = inner
        items_page = QWidget()
        il = QVBoxLayout(items_page)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(inner.widget(2))
        il.addWidget(row(hint("ข้อคำถามเริ่มต้นรวบรวมจากแหล่งรอง (ยังไม่ยืนยัน) ดับเบิลคลิกชื่อข้อเพื่อแก้ไข"),
                         button("เพิ่มข้อคำถาม…", self.add_item), button("ลบข้อที่เลือก", self.delete_item)))
        self.paste_box = QPlainTextEdit()
        self.paste_box.setObjectName("paste_items")
        self.paste_box.setAccessibleName(PASTE_LABEL)
        self.paste_box.setPlaceholderText("วางจาก Excel หรือเว็บไซต์ บรรทัดละข้อ: รหัส<แท็บ>ชื่อข้อ เช่น O1<แท็บ>โครงสร้าง "
                                          "(คอลัมน์ที่สามเป็นเลขตัวชี้วัดได้) ข้อที่กรอบการประเมินไม่รู้จักจะถูกทำเครื่องหมายว่ายังไม่ยืนยัน")
        self.paste_box.setMaximumHeight(70)
        self.paste_box.setTabChangesFocus(False)  # a pasted or typed tab separates the code from the title
        il.addWidget(row(self.paste_box, button("เพิ่มข้อที่ยังไม่มี", self.add_pasted_items)))
        inner.insertTab(2, items_page, "ข้อคำถาม")
        self.evidence = EvidencePage(session)
        inner.addTab(self.evidence, EvidencePage.TITLE)
        self.chart = ScoreChart()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(inner)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(self.level)
        lay.addWidget(hint("พิมพ์คะแนน ๐–๑๐๐ (ทศนิยมไม่เกิน ๒ ตำแหน่ง ใช้จุดทศนิยม) หรือคัดลอกทั้งช่วงจาก Excel แล้วกด Ctrl+V "
                           "(แถวที่ขึ้นต้นด้วยรหัส เช่น O1 หรือ i3 บันทึกตามรหัส) "
                           "ช่องสีแดงคือค่าที่ไม่ถูกบันทึก (ชี้เพื่อดูเหตุผล) ช่องสีเหลืองคือคะแนนต่ำกว่าเกณฑ์"))
        self.import_button = button("นำเข้าคะแนนจาก Excel…", lambda: excel.import_scores(self, self.session),
                                    tip="แถวที่ขึ้นต้นด้วยรหัส (O1, i3, EIT, ตัวชี้วัดที่ 3) และมีคะแนนท้ายแถว")
        self.import_button.setObjectName("import_scores")
        lay.addWidget(row(self.import_button, None))
        lay.addWidget(split)
        self.reload()

    def add_item(self) -> None:
        store, year = self.session.store, self.session.year
        code = dialogs.ask_text(self, "เพิ่มข้อคำถาม", "รหัสข้อ (เช่น i31, e16, O44)")
        if not code:
            return
        tool = {"i": "IIT", "e": "EIT", "o": "OIT"}.get(code[0].lower(), "OIT")
        title = dialogs.ask_text(self, "เพิ่มข้อคำถาม", f"ข้อคำถาม {code}")
        if title is None:
            return
        no = dialogs.ask_int(self, "เพิ่มข้อคำถาม", "อยู่ในตัวชี้วัดที่", 9 if tool == "OIT" else 1, 1, 10)
        if no is not None:
            self.session.write(store.save_item, year, Item(code, tool, no, title))

    def add_pasted_items(self) -> None:
        """Add the year's missing items from the pasted block, in one undo step; the block stays on a refusal."""
        text = self.paste_box.toPlainText()
        if not text.strip() or not self.session.year:
            return
        result = self.session.write(self.session.store.add_items_text, self.session.year, text)
        if result is not None:
            self.paste_box.clear()
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(f"เพิ่มข้อคำถาม {result.count} ข้อ (ข้อที่มีอยู่แล้วไม่ถูกแก้ไข)", 6000)

    def delete_item(self) -> None:
        view = self.views["items"]
        rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
        codes = [self.models["items"].rows[r][1] for r in rows]
        if codes and confirm(self, "ลบข้อคำถาม", f"ลบข้อ {', '.join(codes)} และคะแนนของข้อเหล่านี้? (เลิกทำได้ด้วย Ctrl+Z)"):
            for code in codes:
                self.session.write(self.session.store.delete_item, self.session.year, code)

    def load(self) -> None:
        self.reload()

    def reload(self) -> None:
        for m in self.models.values():
            m.reload()
        view = self.session.view()
        if view is None:
            self.level.setText("ยังไม่มีปีการประเมิน")
            self.chart.set_data([], 85.0)
            return
        year, sc, fw = view.year, view.scores, view.framework
        self.level.setText(f"ปี {year}: คะแนนภาพรวม {sc.overall if sc.overall is not None else '-'}  " + result_line(view)
                           + ("   (กรอบการประเมินยังไม่ยืนยัน แก้ไขได้ที่หน้าเกณฑ์และผลที่ประกาศ)" if fw.unverified else ""))
        prev = view.previous_scores
        self.chart.set_data([(f"{i.no}. {i.name_th}", sc.indicators.get(i.no), prev.indicators.get(i.no) if prev else None)
                             for i in fw.indicators], fw.pass_mark)
