"""The outline of a document beside its preview: the blocks in order, each switched
on or off by its tick, greyed "ไม่มีข้อมูล" when the year has nothing for it to
print; add, remove, move, rename a block; edit its text and its options; the
document's digits; start from a preset; save the outline as a preset file for
another office, or read one.

Every change is a store write (one undo step) through the session, which tells
the documents tab to refresh its preview. Fields use the editing model of
``ui.page``: typing writes itself after a pause, bound to the block it was typed
for; a drop-down or a tick writes at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocab import ALL_AREAS
from ..errors import ItadeskError
from ..outline import PRESETS, all_kinds, kind_spec, presets_for
from ..outline.blocks import OUTLINE_OPTIONS, Outline, fill, outline_from_json, outline_to_json, printed
from ..outline.drafts import draft
from . import dialogs
from .outline_form import BlockForm, option_widget
from .page import Field, Page
from .session import Session
from .widgets import button, hint, row

KEY = Qt.ItemDataRole.UserRole
NO_DATA = "ไม่มีข้อมูล"
PRESET_FILTER = "รูปแบบเอกสาร itadesk (*.json);;ทุกไฟล์ (*)"


class OutlineEditor(Page):
    TITLE = "โครงร่างเอกสาร"
    AREAS = ALL_AREAS  # any data may give a block something to print, or take it away

    def __init__(self, session: Session):
        super().__init__(session)
        self.kind = "memo"
        self.memo_id: int | None = None
        self.outline: Outline | None = None
        self.current: str | None = None  # key of the block shown in the form
        self.block_form: BlockForm | None = None

        self.presets = QComboBox()
        self.presets.setAccessibleName("รูปแบบเริ่มต้น")
        self.blocks = QListWidget()
        self.blocks.setObjectName("outline_blocks")
        self.blocks.setAccessibleName("บล็อกของเอกสาร")
        self.blocks.currentRowChanged.connect(self._picked)
        self.blocks.itemChanged.connect(self._ticked)
        self.add_kind = QComboBox()
        self.add_kind.setAccessibleName("ชนิดบล็อกที่จะเพิ่ม")
        for spec in all_kinds():
            self.add_kind.addItem(spec.label, spec.code)
        self.form_box = QGroupBox("บล็อกที่เลือก")
        self.form = QFormLayout(self.form_box)
        self.doc_box = QGroupBox("ทั้งเอกสาร")
        doc_form = QFormLayout(self.doc_box)
        shown = lambda: (self.session.year, self.kind) if self.session.year else None  # noqa: E731
        self.doc_fields: dict[str, Field] = {}
        for o in OUTLINE_OPTIONS:
            w = option_widget(o)
            f = self.field(w, o.label, shown, lambda rec, value, name=o.name: self.session.store.set_outline_option(*rec, name, value))
            self.doc_fields[o.name] = f
            doc_form.addRow(w) if isinstance(w, QCheckBox) else doc_form.addRow(o.label, w)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.addWidget(row(QLabel("รูปแบบ"), self.presets, button("ใช้รูปแบบนี้", self.use_preset), None))
        lay.addWidget(self.blocks, 1)
        lay.addWidget(row(self.add_kind, button("เพิ่มบล็อก", self.add_block)))
        lay.addWidget(row(button("เลื่อนขึ้น", lambda: self.move(-1)), button("เลื่อนลง", lambda: self.move(1)),
                          button("ลบบล็อก", self.remove_block), None))
        lay.addWidget(self.form_box)
        lay.addWidget(self.doc_box)
        lay.addWidget(row(button("ส่งออกรูปแบบ…", self.export_preset), button("นำเข้ารูปแบบ…", self.import_preset),
                          button("ตั้งเป็นค่าเริ่มต้นของหน่วยงาน", self.make_default), None))
        lay.addWidget(hint("ติ๊กหน้าบล็อกเพื่อพิมพ์หรือไม่พิมพ์ บล็อกสีเทาไม่มีข้อมูลของปีนี้ จึงไม่ถูกพิมพ์ ทุกการแก้ไขเลิกทำได้ด้วย Ctrl+Z"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self.setMinimumWidth(360)
        self._fill_presets()
        self.load()

    # ------------------------------------------------------------ showing
    def set_document(self, kind: str, memo_id: int | None) -> None:
        if (kind, memo_id) != (self.kind, self.memo_id):
            self.flush()
            self.kind, self.memo_id = kind, memo_id
            self._fill_presets()
            self.load()

    def _fill_presets(self) -> None:
        if self.presets.count() and self.presets.itemData(0) in {p.name for p in presets_for(self.kind)}:
            return
        self.presets.clear()
        for p in presets_for(self.kind):
            self.presets.addItem(p.label, p.name)

    def _memo(self, view):
        if self.kind != "memo" or view is None or not view.memos:
            return None
        return next((m for m in view.memos if m.id == self.memo_id), view.memos[-1])

    def load(self) -> None:
        store, year = self.session.store, self.session.year
        view = self.session.view()
        self.outline = store.outline(year, self.kind) if view is not None else None
        for f in self.doc_fields.values():
            f.widget.setEnabled(self.outline is not None)
        if self.outline is None:
            self.blocks.clear()
            self._build_form(None)
            return
        memo = self._memo(view)
        shows = printed(self.outline, view, memo)
        office = view.office
        names = {"office": office.name, "office_full": office.full_name, "amphoe": office.amphoe, "province": office.province,
                 "year": str(view.year), "plan_year": str(view.year + 1)}
        self.blocks.blockSignals(True)
        keys = [b.key for b in self.outline.blocks]
        if [self.blocks.item(i).data(KEY) for i in range(self.blocks.count())] != keys:
            self.blocks.clear()
            for _b in self.outline.blocks:
                self.blocks.addItem(QListWidgetItem())
        for i, b in enumerate(self.outline.blocks):
            item = self.blocks.item(i)
            # switched on yet not printed: nothing of this year for it (a heading: nothing under it)
            empty = b.enabled and b.key not in shows
            text = fill(b.label.splitlines()[0], names) + (f"  — {NO_DATA}" if empty else "")
            item.setText(text)
            item.setData(KEY, b.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if b.enabled else Qt.CheckState.Unchecked)
            item.setForeground(QColor("#9A9A9A") if (empty or not b.enabled) else QColor("#000000"))
            item.setToolTip(f"{kind_spec(b.kind).label}" + (f" — {NO_DATA}ของปีนี้ จึงไม่ถูกพิมพ์" if empty else ""))
        if self.current not in keys:
            self.current = keys[0] if keys else None
        if self.current is not None:
            self.blocks.setCurrentRow(keys.index(self.current))
        self.blocks.blockSignals(False)
        for name, f in self.doc_fields.items():
            f.show(self.outline.opt(name))
        index = self.presets.findData(self.outline.preset)
        if index >= 0:
            self.presets.setCurrentIndex(index)
        self._build_form(self.block())

    def block(self):
        if self.outline is None or self.current is None:
            return None
        return next((b for b in self.outline.blocks if b.key == self.current), None)

    def record(self):
        return (self.session.year, self.kind, self.current) if self.current and self.session.year else None

    # -------------------------------------------------------------- form
    def _drop_form(self) -> None:
        if self.block_form is None:
            return
        for f in self.block_form.fields:
            self.flush(f)
            self.fields.remove(f)
            self._by_label.pop(f.label, None)
            self._pending.pop(f, None)
        self.block_form = None
        while self.form.rowCount():
            self.form.removeRow(0)

    def _build_form(self, blk) -> None:
        if blk is not None and self.block_form is not None and self.block_form.key == blk.key and self.block_form.spec.code == blk.kind:
            self.block_form.show(blk)  # the same block: values refreshed, nothing the clerk is typing disturbed
            self._show_draft(blk)
            return
        self._drop_form()
        if blk is None:
            self.form_box.setTitle("บล็อกที่เลือก")
            return
        spec = kind_spec(blk.kind)
        self.form_box.setTitle(f"บล็อก: {spec.label}")
        store = self.session.store
        bf = BlockForm(self, self.form, spec, self.record, lambda rec, name, value: store.set_block_option(*rec, name, value))
        bf.key = blk.key
        self.block_form = bf
        title = QLineEdit()
        title.setObjectName("block_title")
        bf.add(spec.title_label, title, lambda rec, value: store.rename_block(*rec, value), lambda b: b.title)
        self.text_edit = None
        if spec.text_label or blk.kind == "paragraph":
            text = QPlainTextEdit()
            text.setObjectName("block_text")
            text.setFixedHeight(110)
            bf.add(spec.text_label or "ข้อความ", text, lambda rec, value: store.set_block_text(*rec, value), lambda b: b.text)
            self.text_edit = text
            if spec.drafted:
                self.form.addRow("", row(button("กลับไปใช้ข้อความที่ร่างไว้", self.back_to_draft),
                                         button("แก้จากข้อความที่ร่างไว้", self.edit_draft), None))
        bf.build_options()
        bf.show(blk)
        self._show_draft(blk)

    def _show_draft(self, blk) -> None:
        """A drafted paragraph shows its draft, greyed, while the clerk has typed nothing."""
        if self.text_edit is None or not kind_spec(blk.kind).drafted:
            return
        view = self.session.view()
        self.text_edit.setPlaceholderText(draft(blk.opt("draft"), view, self._memo(view)) if view else "")

    # ------------------------------------------------------------ editing
    def edited(self, f: Field) -> None:
        super().edited(f)
        if isinstance(f.widget, QComboBox | QCheckBox | QAbstractSpinBox):
            self.flush(f)  # a choice is made at once: the preview follows without a pause

    def _picked(self, index: int) -> None:
        if self.outline is None or not 0 <= index < len(self.outline.blocks):
            return
        self.flush()
        self.current = self.outline.blocks[index].key
        self._build_form(self.block())

    def _ticked(self, item: QListWidgetItem) -> None:
        key = item.data(KEY)
        blk = next((b for b in (self.outline.blocks if self.outline else []) if b.key == key), None)
        on = item.checkState() == Qt.CheckState.Checked
        if blk is not None and on != blk.enabled:
            self.session.write(self.session.store.set_block_enabled, self.session.year, self.kind, key, on)

    def _write(self, fn, *args, **kwargs):
        self.flush()
        if not self.session.year:
            return None
        return self.session.write(fn, self.session.year, self.kind, *args, **kwargs)

    def add_block(self) -> None:
        result = self._write(self.session.store.add_block, self.add_kind.currentData(), after=self.current)
        if result:
            self.current = str(result.id)
            self.load()

    def remove_block(self) -> None:
        blk = self.block()
        if blk is not None and dialogs.ask_yes_no(self, "ลบบล็อก", f"ลบบล็อก “{blk.label}” ออกจากเอกสาร?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            self._write(self.session.store.remove_block, blk.key)

    def move(self, offset: int) -> None:
        if self.current is not None:
            self._write(self.session.store.move_block, self.current, offset)

    def back_to_draft(self) -> None:
        if self.current is not None:
            self._write(self.session.store.set_block_text, self.current, "")

    def edit_draft(self) -> None:
        """Put the draft into the box as the clerk's own text, to edit from."""
        if self.text_edit is not None and not self.text_edit.toPlainText().strip():
            self.text_edit.setPlainText(self.text_edit.placeholderText())
            self.text_edit.setFocus()

    def use_preset(self) -> None:
        name = self.presets.currentData()
        if name and dialogs.ask_yes_no(self, "ใช้รูปแบบ", f"เปลี่ยนโครงร่างเอกสารเป็น “{PRESETS[name].label}”?\n"
                                                        "บล็อกที่แก้ไว้จะถูกแทนที่ (เลิกทำได้ด้วย Ctrl+Z)"):
            self._write(self.session.store.apply_preset, name)
            self.current = None
            self.load()

    def make_default(self) -> None:
        if self.session.year and dialogs.ask_yes_no(self, "ค่าเริ่มต้นของหน่วยงาน",
                                                     "ใช้โครงร่างนี้กับปีที่เพิ่มใหม่ทุกปี?\n(ปีที่มีอยู่แล้วไม่เปลี่ยน)"):
            self.flush()
            self.session.write(self.session.store.make_office_default, self.session.year, self.kind)

    def export_preset(self) -> None:
        if self.outline is None:
            return
        self.flush()
        path = dialogs.save_file(self, "ส่งออกรูปแบบเอกสาร", f"รูปแบบ-{self.kind}.json", PRESET_FILTER)
        if path:
            try:
                save_preset_file(self.session.store.outline(self.session.year, self.kind), path)
            except OSError as err:
                self.session.error.emit("ส่งออกไม่สำเร็จ", f"เขียนไฟล์ไม่ได้: {err}")

    def import_preset(self) -> None:
        path = dialogs.open_file(self, "นำเข้ารูปแบบเอกสาร", "", PRESET_FILTER)
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> bool:
        try:
            outline = outline_from_json(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            self.session.error.emit("นำเข้าไม่สำเร็จ", f"อ่านไฟล์ไม่ได้: {err}")
            return False
        except ItadeskError as err:
            self.session.error.emit("นำเข้าไม่สำเร็จ", err.message_th)
            return False
        if outline.kind != self.kind:
            self.session.error.emit("นำเข้าไม่สำเร็จ", f"ไฟล์นี้เป็นรูปแบบของเอกสารชนิดอื่น ({outline.kind})")
            return False
        self.flush()
        ok = bool(self.session.write(self.session.store.import_outline, self.session.year, outline))
        self.current = None
        self.load()
        return ok


def save_preset_file(outline: Outline, path: str | Path) -> Path:
    from ..atomic import atomic_path

    with atomic_path(path, overwrite=True) as tmp:
        Path(tmp).write_text(outline_to_json(outline), encoding="utf-8")
    return Path(path)
