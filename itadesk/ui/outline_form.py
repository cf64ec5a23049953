"""The widgets of one block's form: its name, its text, and one widget per option
of its kind, each bound to the block through the editing model of ``ui.page``.

Options are edited where the clerk sees them: a drop-down for a choice, a tick
for yes/no, a line or a box for text, one tick per table column with its
heading beside it. Each widget's accessible name is its Thai label.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ..outline.blocks import Block, KindSpec, Option
from .page import Field, Page

Record = tuple  # (year, document kind, block key)


def option_widget(o: Option) -> QWidget:
    if o.type == "choice":
        w = QComboBox()
        for value, label in o.choices:
            w.addItem(label, value)
        return w
    if o.type == "bool":
        return QCheckBox(o.label)
    if o.type == "int":
        w = QSpinBox()
        w.setRange(1, 99)
        return w
    if o.type == "lines":
        w = QPlainTextEdit()
        w.setFixedHeight(70)
        return w
    return QLineEdit()


class BlockForm:
    """Fields of one block, built into ``form`` of ``page``; ``fields`` to drop them again."""

    def __init__(self, page: Page, form: QFormLayout, spec: KindSpec, record: Callable[[], Record | None],
                 write_option: Callable[[Record, str, object], object]):
        self.page, self.form, self.spec = page, form, spec
        self.record, self.write_option = record, write_option
        self.fields: list[Field] = []
        self.shows: list[Callable[[Block], None]] = []  # each puts the stored value into its widget

    def add(self, label: str, widget: QWidget, write, show: Callable[[Block], object], *, row_label: str | None = None) -> Field:
        f = self.page.field(widget, label, self.record, write)
        self.fields.append(f)
        self.shows.append(lambda blk, f=f, show=show: f.show(show(blk)))
        if isinstance(widget, QCheckBox) and row_label is None:
            self.form.addRow(widget)
        else:
            self.form.addRow(row_label if row_label is not None else label, widget)
        return f

    def build_options(self) -> None:
        for o in self.spec.options:
            if o.type == "columns":
                self._columns(o)
            elif o.type == "labels":
                continue  # with the columns, one heading beside each tick
            else:
                w = option_widget(o)
                self.add(o.label, w, lambda rec, value, name=o.name: self.write_option(rec, name, value),
                         lambda blk, name=o.name: blk.opt(name), row_label="" if o.type == "bool" else None)

    def _columns(self, o: Option) -> None:
        """One tick per column (the columns printed, in the kind's order) and its heading."""
        ticks: dict[str, QCheckBox] = {}
        heads: dict[str, QLineEdit] = {}
        order = [c for c, _ in o.choices]

        def chosen() -> list[str]:
            return [c for c in order if ticks[c].isChecked()]

        def headings() -> dict[str, str]:
            return {c: heads[c].text() for c in order if heads[c].text().strip()}

        for code, default in o.choices:
            tick = QCheckBox(f"พิมพ์ช่อง “{default}”")
            head = QLineEdit()
            head.setPlaceholderText(default)
            ticks[code], heads[code] = tick, head
            self.add(f"พิมพ์ช่อง “{default}”", tick, lambda rec, _v: self.write_option(rec, o.name, chosen()),
                     lambda blk, code=code: code in (blk.opt(o.name) or []), row_label="")
            if self.spec.option("labels") is not None:
                self.add(f"หัวช่อง “{default}”", head, lambda rec, _v: self.write_option(rec, "labels", headings()),
                         lambda blk, code=code: (blk.opt("labels") or {}).get(code, ""), row_label="    หัวช่อง")

    def show(self, blk: Block) -> None:
        for show in self.shows:
            show(blk)
