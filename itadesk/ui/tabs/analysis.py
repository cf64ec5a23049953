"""วิเคราะห์: per indicator analysis (drafted from the scores, then edited),
strengths/weaknesses/ranking texts and the limitations table.

Every field writes itself (``Page``) to the indicator it was typed for; a drafted
text goes through the same path, so it is one undo step like typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from ...domain.labels import ANALYSIS_FIELDS as A
from ...domain.labels import LIMITATION_FIELDS
from ...domain.models import Analysis, Limitation
from ...domain.vocab import TEXT_LABELS, Area
from ..page import Page
from ..widgets import button, confirm, hint, row

LIMIT_ID = Qt.ItemDataRole.UserRole
LIMIT_COLUMNS = ("limitation", "impact", "development")


class AnalysisTab(Page):
    TITLE = "วิเคราะห์"
    AREAS = frozenset({Area.ANALYSIS, Area.SCORES, Area.YEARS, Area.FRAMEWORK})

    def build(self) -> None:
        self.analyses: list[Analysis] = []
        self.current: tuple | None = None  # (year, indicator, analysis id) of the analysis shown
        self.list = QListWidget()
        self.list.setObjectName("analysis_list")
        self.list.setAccessibleName("รายการตัวชี้วัด")
        self.list.currentRowChanged.connect(self._picked)
        self.topic, self.assessment = QLineEdit(), QLineEdit()
        self.analysis, self.development = QPlainTextEdit(), QPlainTextEdit()
        self.points = QPlainTextEdit()  # listed under a weakness in the measures document (seed 004)
        self.analysis.setObjectName("analysis_text")
        form = QFormLayout()
        shown = lambda: self.current  # noqa: E731
        for widget, name in ((self.topic, "topic"), (self.assessment, "assessment"), (self.analysis, "analysis"),
                             (self.development, "development"), (self.points, "points")):
            form.addRow(A[name], widget)
            self.field(widget, A[name], shown, lambda rec, value, name=name: self._write_analysis(rec, name, value))
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.addLayout(form)
        el.addWidget(row(button("ร่างข้อความจากคะแนน", self.draft), button("ร่างทุกตัวชี้วัดที่ว่าง", self.draft_all), None))
        per = QWidget()
        pl = QHBoxLayout(per)
        pl.addWidget(self.list, 1)
        pl.addWidget(editor, 3)

        texts = QWidget()
        tl = QVBoxLayout(texts)
        self.texts: dict[str, QPlainTextEdit] = {}
        inner = QTabWidget()
        year_shown = lambda: self.session.year or None  # noqa: E731
        for key, label in TEXT_LABELS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(f"text_{key}")
            self.texts[key] = edit
            self.field(edit, label, year_shown, lambda year, body, key=key: self.session.store.edit_text(year, key, body))
            inner.addTab(edit, label)
        tl.addWidget(hint("ข้อความเหล่านี้ใช้ในเอกสารมาตรการ ถ้าเว้นว่างไว้ โปรแกรมจะร่างจากคะแนนให้"))
        tl.addWidget(inner)
        tl.addWidget(row(button("ร่างลำดับคะแนนจากคะแนน", self.draft_ranking), None))

        self.limits = QTableWidget(0, 3)
        self.limits.setAccessibleName("ตารางข้อจำกัด")
        self.limits.setHorizontalHeaderLabels([LIMITATION_FIELDS[c] for c in LIMIT_COLUMNS])
        self.limits.horizontalHeader().setStretchLastSection(True)
        self.limits.itemChanged.connect(self._limit_cell)
        lim = QWidget()
        ll = QVBoxLayout(lim)
        ll.addWidget(self.limits)
        ll.addWidget(row(button("เพิ่มแถว", self.add_limit), button("ลบแถวที่เลือก", self._remove_limit), None))
        tabs = QTabWidget()
        tabs.addTab(per, "รายตัวชี้วัด")
        tabs.addTab(texts, "จุดแข็ง จุดอ่อน และข้อความ")
        tabs.addTab(lim, "ข้อจำกัด")
        QVBoxLayout(self).addWidget(tabs)
        self._limit_rows: list[Limitation] = []
        self.load()

    # ------------------------------------------------------------ showing
    def load(self) -> None:
        view = self.session.view()
        if view is None:
            self.analyses, self.current = [], None
            self.list.clear()
            self._show_limits([])
            for f in self.fields:  # no year (a new file): nothing of the file shown before stays
                f.show("")
            return
        existing = {a.indicator: a for a in view.analyses if a.indicator is not None}
        self.analyses = [existing.get(i.no) or Analysis(None, view.year, i.no, i.name_th, sort=i.no) for i in view.framework.indicators]
        self.analyses += [a for a in view.analyses if a.indicator is None]
        labels = []
        for a in self.analyses:
            ind = view.framework.indicator(a.indicator) if a.indicator else None
            labels.append(f"{a.indicator}. {ind.name_th}" if ind else (a.topic or "ประเด็นอื่น"))
        keys = [self._key(a) for a in self.analyses]
        if self.current not in keys:
            self.current = self._key_like(self.current, keys)
        self.list.blockSignals(True)
        if [self.list.item(i).text() for i in range(self.list.count())] != labels:
            self.list.clear()
            self.list.addItems(labels)
        if self.current in keys:
            self.list.setCurrentRow(keys.index(self.current))
        self.list.blockSignals(False)
        self._show_analysis()
        for key, label in TEXT_LABELS.items():
            self.show_field(label, view.texts.get(key, ""))
        self._show_limits(view.limitations)

    @staticmethod
    def _key(a: Analysis) -> tuple:
        # an indicator's analysis is the same record before and after its first save
        return (a.year, a.indicator, a.id if a.indicator is None else None)

    @staticmethod
    def _key_like(old: tuple | None, keys: list[tuple]) -> tuple | None:
        if old is not None:
            for k in keys:
                if k[1] == old[1] and k[1] is not None:
                    return k
        return keys[0] if keys else None

    def _shown_analysis(self) -> Analysis | None:
        return next((a for a in self.analyses if self._key(a) == self.current), None)

    def _show_analysis(self) -> None:
        a = self._shown_analysis()
        if a is None:
            return
        for name in A:
            self.show_field(A[name], getattr(a, name))

    def _show_limits(self, limits: list[Limitation]) -> None:
        if [(x.id, x.limitation, x.impact, x.development) for x in limits] == \
                [(x.id, x.limitation, x.impact, x.development) for x in self._limit_rows]:
            return  # unchanged: never disturb a cell being edited
        self._limit_rows = limits
        self.limits.blockSignals(True)
        self.limits.setRowCount(0)
        for lim in limits:
            r = self.limits.rowCount()
            self.limits.insertRow(r)
            for c, name in enumerate(LIMIT_COLUMNS):
                item = QTableWidgetItem(getattr(lim, name))
                item.setData(LIMIT_ID, lim.id)
                self.limits.setItem(r, c, item)
        self.limits.blockSignals(False)

    def _picked(self, index: int) -> None:
        self.flush()  # what was typed belongs to the indicator it was typed for
        if 0 <= index < len(self.analyses):
            self.current = self._key(self.analyses[index])
            self._show_analysis()

    # ------------------------------------------------------------ editing
    def _write_analysis(self, record: tuple, name: str, value):
        year, indicator, analysis_id = record
        return self.session.store.edit_analysis(year, indicator, analysis_id, name, value)

    def draft(self) -> None:
        a = self._shown_analysis()
        view = self.session.view()
        if a is not None and a.indicator and view is not None:
            self.flush()
            self.session.write(self._write_analysis, self.current, "analysis", view.indicator_analysis(a.indicator))

    def draft_all(self) -> None:
        self.flush()
        view = self.session.view()
        if view is None:
            return
        for a in self.analyses:
            if a.indicator and not a.analysis.strip():
                self.session.write(self._write_analysis, self._key(a), "analysis", view.indicator_analysis(a.indicator))

    def draft_ranking(self) -> None:
        view = self.session.view()
        if view is not None:
            self.flush()
            self.session.write(self.session.store.edit_text, view.year, "ranking", view.ranking_sentence())

    def _limit_cell(self, item: QTableWidgetItem) -> None:
        lim_id = item.data(LIMIT_ID)
        if lim_id is not None:
            self.session.try_write(self.session.store.edit_limitation, lim_id, LIMIT_COLUMNS[item.column()], item.text())

    def add_limit(self) -> None:
        if not self.session.year:
            return
        self.flush()
        result = self.session.write(self.session.store.add_limitation, self.session.year)
        if result:
            r = next(i for i, x in enumerate(self._limit_rows) if x.id == result.id)
            self.limits.setCurrentCell(r, 0)
            self.limits.editItem(self.limits.item(r, 0))

    def _remove_limit(self) -> None:
        rows = sorted({i.row() for i in self.limits.selectedIndexes()})
        chosen = [self._limit_rows[r] for r in rows if r < len(self._limit_rows)]
        if chosen and confirm(self, "ลบข้อจำกัด", f"ลบข้อจำกัด {len(chosen)} แถว?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            for lim in chosen:
                self.session.write(self.session.store.delete_limitation, lim.id)
