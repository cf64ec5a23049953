"""หลักฐาน OIT: per OIT item of the year's framework, the links that answer it (several,
each titled), whether it is published, and the steps to find it on the website.

A page of the scores tab. Every field writes itself (``Page``), bound to the item
shown when the typing began; choosing another item writes what was typed first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QListWidget, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ...domain.evidence import link_lines, parse_link_lines
from ...domain.vocab import Area
from ...store.evidence import ITEM_EVIDENCE_FIELDS as F
from ..page import Page
from ..session import Session
from ..widgets import LinesEdit, hint


class EvidencePage(Page):
    TITLE = "หลักฐาน OIT"
    AREAS = frozenset({Area.FRAMEWORK, Area.YEARS})

    def __init__(self, session: Session):
        super().__init__(session)
        self.codes: list[str] = []
        self.current: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("evidence_items")
        self.list.setAccessibleName("ข้อ OIT")
        self.list.currentRowChanged.connect(self._picked)
        self.links = LinesEdit()
        self.links.setObjectName("evidence_links")
        self.links.setPlaceholderText("ชื่อหลักฐาน | https://… (บรรทัดละหนึ่งลิงก์)")
        self.published = QCheckBox(F["published"])
        self.published.setObjectName("evidence_published")
        self.steps = QPlainTextEdit()
        self.steps.setObjectName("evidence_steps")
        self.steps.setMaximumHeight(80)
        self.steps.setPlaceholderText("เช่น หน้าแรก > ITA > O1")
        shown = lambda: (self.session.year, self.current) if self.current else None  # noqa: E731
        self.field(self.links, F["links"], shown,
                   lambda rec, lines: self.session.store.edit_item_evidence(rec[0], rec[1], "links", parse_link_lines(lines)))
        self.field(self.published, F["published"], shown,
                   lambda rec, on: self.session.store.edit_item_evidence(rec[0], rec[1], "published", on))
        self.field(self.steps, F["steps"], shown,
                   lambda rec, text: self.session.store.edit_item_evidence(rec[0], rec[1], "steps", text))
        form = QFormLayout()
        form.addRow(F["links"], self.links)
        form.addRow(self.published)
        form.addRow(F["steps"], self.steps)
        self.editor = QWidget()
        el = QVBoxLayout(self.editor)
        el.addWidget(hint("ลิงก์ที่ตอบข้อนี้ ข้อละหลายลิงก์ได้ พิมพ์ “ชื่อ | ลิงก์” หรือวางลิงก์อย่างเดียว "
                          "ทุกช่องบันทึกเองเมื่อหยุดพิมพ์ พิมพ์เป็นดัชนีหลักฐาน OIT ได้ที่หน้าเอกสาร"))
        el.addLayout(form)
        el.addStretch(1)
        scroll = QScrollArea()  # the scores tab keeps its height on a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        lay = QHBoxLayout(self)
        lay.addWidget(self.list, 2)
        lay.addWidget(scroll, 3)
        self.load()

    def load(self) -> None:
        view = self.session.view()
        items = [i for i in view.framework.items if i.tool == "OIT"] if view else []
        evidence = view.evidence if view else {}
        self.codes = [i.code for i in items]
        if self.current not in self.codes:
            self.current = self.codes[0] if self.codes else None
        labels = []
        for it in items:
            ev = evidence.get(it.code)
            mark = "✓" if ev and ev.published else "·"
            count = len(ev.links) if ev else 0
            labels.append(f"{mark} {it.code} {it.title_th}" + (f" ({count} ลิงก์)" if count else ""))
        self.list.blockSignals(True)
        if [self.list.item(i).text() for i in range(self.list.count())] != labels:
            self.list.clear()
            self.list.addItems(labels)
        if self.current is not None:
            self.list.setCurrentRow(self.codes.index(self.current))
        self.list.blockSignals(False)
        ev = evidence.get(self.current) if self.current else None
        self.editor.setEnabled(ev is not None)
        self.show_field(F["links"], link_lines(ev.links) if ev else [])
        self.show_field(F["published"], ev.published if ev else False)
        self.show_field(F["steps"], ev.steps if ev else "")

    def _picked(self, index: int) -> None:
        self.flush()  # what was typed belongs to the item it was typed for
        if 0 <= index < len(self.codes):
            self.current = self.codes[index]
            self.load()
