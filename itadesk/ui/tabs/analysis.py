"""วิเคราะห์: per indicator analysis (drafted from the scores, then edited),
strengths/weaknesses/ranking texts and the limitations table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import Analysis, Limitation
from ...domain.vocab import TEXT_LABELS
from ..session import Session
from ..widgets import button, hint, row


class AnalysisTab(QWidget):
    TITLE = "วิเคราะห์"

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.analyses: list[Analysis] = []
        self.list = QListWidget()
        self.list.setObjectName("analysis_list")
        self.list.currentRowChanged.connect(self._show)
        self.topic, self.assessment = QLineEdit(), QLineEdit()
        self.analysis, self.development = QPlainTextEdit(), QPlainTextEdit()
        self.analysis.setObjectName("analysis_text")
        form = QFormLayout()
        form.addRow("ประเด็น", self.topic)
        form.addRow("ประเด็นการประเมิน", self.assessment)
        form.addRow("ผลการวิเคราะห์", self.analysis)
        form.addRow("ประเด็นที่ควรพัฒนา", self.development)
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.addLayout(form)
        el.addWidget(row(button("ร่างข้อความจากคะแนน", self.draft), button("บันทึก", self.save),
                         button("ร่างทุกตัวชี้วัดที่ว่าง", self.draft_all), None))
        per = QWidget()
        pl = QHBoxLayout(per)
        pl.addWidget(self.list, 1)
        pl.addWidget(editor, 3)

        texts = QWidget()
        tl = QVBoxLayout(texts)
        self.texts: dict[str, QPlainTextEdit] = {}
        inner = QTabWidget()
        for key, label in TEXT_LABELS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(f"text_{key}")
            self.texts[key] = edit
            inner.addTab(edit, label)
        tl.addWidget(hint("ข้อความเหล่านี้ใช้ในเอกสารมาตรการ ถ้าเว้นว่างไว้ โปรแกรมจะร่างจากคะแนนให้"))
        tl.addWidget(inner)
        tl.addWidget(row(button("ร่างลำดับคะแนนจากคะแนน", self.draft_ranking), button("บันทึกข้อความ", self.save_texts), None))

        self.limits = QTableWidget(0, 3)
        self.limits.setHorizontalHeaderLabels(["ข้อจำกัดของหน่วยงาน", "ผลกระทบ", "แนวทางการพัฒนา"])
        self.limits.horizontalHeader().setStretchLastSection(True)
        lim = QWidget()
        ll = QVBoxLayout(lim)
        ll.addWidget(self.limits)
        ll.addWidget(row(button("เพิ่มแถว", lambda: self.limits.insertRow(self.limits.rowCount())),
                         button("ลบแถวที่เลือก", self._remove_limit), button("บันทึกข้อจำกัด", self.save_limits), None))
        tabs = QTabWidget()
        tabs.addTab(per, "รายตัวชี้วัด")
        tabs.addTab(texts, "จุดแข็ง จุดอ่อน และข้อความ")
        tabs.addTab(lim, "ข้อจำกัด")
        QVBoxLayout(self).addWidget(tabs)
        session.changed.connect(lambda a: self.reload() if a & {"analysis", "scores", "years"} else None)
        session.year_changed.connect(lambda _y: self.reload())
        self.reload()

    def reload(self) -> None:
        store, year = self.session.store, self.session.year
        current = self.list.currentRow()
        self._shown = -1  # the stored values win over a form being rebuilt
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        if not year or not store.has_year(year):
            return
        fw = store.framework(year)
        existing = {a.indicator: a for a in store.analyses(year)}
        self.analyses = [existing.get(i.no) or Analysis(None, year, i.no, i.name_th, sort=i.no) for i in fw.indicators]
        self.analyses += [a for a in store.analyses(year) if a.indicator is None]
        for a in self.analyses:
            ind = fw.indicator(a.indicator) if a.indicator else None
            self.list.addItem(f"{a.indicator}. {ind.name_th}" if ind else (a.topic or "ประเด็นอื่น"))
        index = max(0, min(current, len(self.analyses) - 1))
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        self._shown = index
        self._show_fields(index)
        for key, edit in self.texts.items():
            edit.setPlainText(store.text(year, key))
        self.limits.setRowCount(0)
        self._limits = store.limitations(year)
        for lim in self._limits:
            r = self.limits.rowCount()
            self.limits.insertRow(r)
            for c, value in enumerate((lim.limitation, lim.impact, lim.development)):
                self.limits.setItem(r, c, QTableWidgetItem(value))

    def maybe_save(self) -> None:
        i = getattr(self, "_shown", -1)
        if 0 <= i < len(self.analyses):
            a = self.analyses[i]
            now = (self.topic.text(), self.assessment.text(), self.analysis.toPlainText(), self.development.toPlainText())
            if now != (a.topic, a.assessment, a.analysis, a.development):
                a.topic, a.assessment, a.analysis, a.development = now
                self.session.write(self.session.store.save_analysis, a)
        store, year = self.session.store, self.session.year
        if year and store.has_year(year):
            for key, edit in self.texts.items():
                if edit.toPlainText() != store.text(year, key):
                    self.session.write(store.set_text, year, key, edit.toPlainText())

    def _show(self, index: int) -> None:
        if getattr(self, "_shown", -1) != index:
            self.maybe_save()
        self._shown = index
        self._show_fields(index)

    def _show_fields(self, index: int) -> None:
        if 0 <= index < len(self.analyses):
            a = self.analyses[index]
            self.topic.setText(a.topic)
            self.assessment.setText(a.assessment)
            self.analysis.setPlainText(a.analysis)
            self.development.setPlainText(a.development)

    def _draft_text(self, no: int) -> str:
        return self.session.view().indicator_analysis(no)

    def draft(self) -> None:
        i = self.list.currentRow()
        if 0 <= i < len(self.analyses) and self.analyses[i].indicator:
            self.analysis.setPlainText(self._draft_text(self.analyses[i].indicator))

    def draft_all(self) -> None:
        for a in self.analyses:
            if a.indicator and not a.analysis.strip():
                a.analysis = self._draft_text(a.indicator)
                self.session.write(self.session.store.save_analysis, a)

    def save(self) -> None:
        i = self.list.currentRow()
        if not 0 <= i < len(self.analyses):
            return
        a = self.analyses[i]
        a.topic, a.assessment = self.topic.text(), self.assessment.text()
        a.analysis, a.development = self.analysis.toPlainText(), self.development.toPlainText()
        self.session.write(self.session.store.save_analysis, a)

    def draft_ranking(self) -> None:
        view = self.session.view()
        if view is not None:
            self.texts["ranking"].setPlainText(view.ranking_sentence())

    def save_texts(self) -> None:
        store, year = self.session.store, self.session.year
        for key, edit in self.texts.items():
            if edit.toPlainText() != store.text(year, key):
                self.session.write(store.set_text, year, key, edit.toPlainText())

    def _remove_limit(self) -> None:
        for r in sorted({i.row() for i in self.limits.selectedIndexes()}, reverse=True):
            self.limits.removeRow(r)

    def save_limits(self) -> None:
        rows = []
        for r in range(self.limits.rowCount()):
            cells = [(self.limits.item(r, c).text() if self.limits.item(r, c) else "") for c in range(3)]
            rows.append(Limitation(None, self.session.year, *cells, r))
        self.session.write(self.session.store.replace_limitations, self.session.year, rows)
