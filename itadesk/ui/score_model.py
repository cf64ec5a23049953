"""A thin Qt table model over one year's scores (overall+tools, indicators or items).

Typed or pasted values are validated by the core; a bad value is not saved,
its cell turns red and its tooltip carries the Thai message naming the field.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.results import FAIL
from ..domain.score_paste import parse_scores_text
from ..domain.thai_numbers import format_score
from ..domain.validation import parse_score
from ..errors import ValidationError
from .session import Session

BAD = QBrush(QColor("#F8D0D0"))
LOW = QBrush(QColor("#FFF1C9"))
DERIVED = QBrush(QColor("#666666"))
VERDICT_HEADER, STATED_HEADER = "ผลเทียบเกณฑ์", "ผลที่ประกาศ"
VERDICT_COL, STATED_COL = 4, 5


class ScoreTableModel(QAbstractTableModel):
    """Roles: DisplayRole/EditRole text, BackgroundRole (red = rejected, amber = under
    the pass mark), ToolTipRole (the rejection message)."""

    def __init__(self, session: Session, kind: str):
        super().__init__()
        self.session, self.kind = session, kind  # kind: tools | indicators | items
        self.rows: list[tuple[str, object, str]] = []  # (key kind, key, label)
        self.values: dict = {}
        self.part2: dict = {}
        self.previous: dict = {}
        self.errors: dict[tuple[int, int], str] = {}
        self.pass_mark = 85.0
        self.result = None  # the year's YearResult: verdicts and a derived EIT (tools only)
        self._year = None
        self.reload()

    @property
    def headers(self) -> list[str]:
        if self.kind == "items":
            return ["รหัส", "ข้อคำถาม", "คะแนน", "คะแนนส่วนที่ ๒", "ปีก่อน"]
        if self.kind == "tools":  # each tool against the year's pass mark, and the verdict as published
            return ["รหัส", "รายการ", "คะแนน", "ปีก่อน", VERDICT_HEADER, STATED_HEADER]
        return ["รหัส", "รายการ", "คะแนน", "ปีก่อน"]

    def reload(self) -> None:
        self.beginResetModel()
        year = self.session.year
        # rejected cells stay marked while the clerk fixes them (saving others reloads the model)
        kept = self.errors if year == self._year else {}
        self._year = year
        self.rows, self.values, self.part2, self.previous, self.errors = [], {}, {}, {}, kept
        view = self.session.view()
        if view is not None:
            fw, sc, prev = view.framework, view.scores, view.previous_scores
            self.pass_mark = fw.pass_mark
            self.result = view.result
            if self.kind == "tools":
                self.rows.append(("overall", None, "คะแนนภาพรวม"))
                self.values[None] = sc.overall
                self.previous[None] = prev.overall if prev else None
                for t in fw.tools:
                    self.rows.append(("tool", t.code, t.name_th))
                    self.values[t.code] = sc.tools.get(t.code)
                    self.previous[t.code] = prev.tools.get(t.code) if prev else None
            elif self.kind == "indicators":
                for i in fw.indicators:
                    self.rows.append(("indicator", i.no, f"{i.name_th} ({i.tool})"))
                    self.values[i.no] = sc.indicators.get(i.no)
                    self.previous[i.no] = prev.indicators.get(i.no) if prev else None
            else:
                for it in fw.items:
                    label = it.title_th + (" (ยังไม่ยืนยัน)" if it.uncertain else "")
                    self.rows.append(("item", it.code, label))
                    self.values[it.code] = sc.items.get(it.code)
                    self.part2[it.code] = sc.items_part2.get(it.code)
                    self.previous[it.code] = prev.items.get(it.code) if prev else None
        self.endResetModel()

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def _score_cols(self) -> tuple[int, ...]:
        return (2, 3) if self.kind == "items" else (2,)

    def flags(self, index):
        if not index.isValid():  # Qt's model rules: the root has no flags
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (index.column() in self._score_cols() or (index.column() == 1 and self.kind in ("items", "indicators"))
                or (self.kind == "tools" and index.column() == STATED_COL and self._verdict(index.row()) is not None)):
            f |= Qt.ItemFlag.ItemIsEditable  # the framework is incomplete: titles and names are editable
        return f

    def _derived(self, row: int):
        """The tool's verdict when its score was derived (EIT from its parts), else None."""
        kind, key, _label = self.rows[row]
        if kind != "tool" or self.result is None or self.values.get(key) is not None:
            return None
        v = self.result.verdict(key)
        return v if v is not None and v.derived else None

    def _verdict(self, row: int):
        kind, key, _label = self.rows[row]
        return self.result.verdict(key) if kind == "tool" and self.result is not None else None

    def _value(self, row: int, col: int):
        _kind, key, _label = self.rows[row]
        if col == 2:
            derived = self._derived(row)
            return derived.score if derived else self.values.get(key)
        if col == 3 and self.kind == "items":
            return self.part2.get(key)
        return self.previous.get(key)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        _kind, key, label = self.rows[r]
        if self.kind == "tools" and c >= VERDICT_COL:
            return self._verdict_data(r, c, role)
        if c == 2 and self._derived(r) is not None:
            if role == Qt.ItemDataRole.EditRole:
                return ""  # typing here enters the score; the derived one is only shown
            if role == Qt.ItemDataRole.ForegroundRole:
                return DERIVED
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and self.result is not None:
                return f"คำนวณจากคะแนนส่วนย่อย: {self.result.eit_rule}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if c == 0:
                return "" if key is None else str(key)
            if c == 1:
                if role == Qt.ItemDataRole.EditRole:
                    return label.replace(" (ยังไม่ยืนยัน)", "").rsplit(" (", 1)[0] if self.kind == "indicators" else label.replace(" (ยังไม่ยืนยัน)", "")
                return label
            value = self._value(r, c)
            return "" if value is None else format_score(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (r, c) in self.errors:
                return BAD
            value = self._value(r, c) if c >= 2 else None
            if c == 2 and value is not None and value < self.pass_mark:
                return LOW
        if role == Qt.ItemDataRole.ToolTipRole and (r, c) in self.errors:
            return self.errors[(r, c)]
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _verdict_data(self, r: int, c: int, role):
        v = self._verdict(r)
        if v is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return v.computed if c == VERDICT_COL else v.stated
        if role == Qt.ItemDataRole.BackgroundRole:
            if (r, c) in self.errors:
                return BAD
            shown = v.computed if c == VERDICT_COL else v.stated
            return LOW if shown == FAIL else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if (r, c) in self.errors:
                return self.errors[(r, c)]
            if c == STATED_COL:
                return "พิมพ์ “ผ่าน” หรือ “ไม่ผ่าน” ตามที่ประกาศ (เว้นว่าง = ตามที่คำนวณ) เอกสารพิมพ์ผลที่ประกาศ"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole:
            return False
        if self.kind == "tools" and index.column() == STATED_COL and self._verdict(index.row()) is not None:
            code = self.rows[index.row()][1]
            message = self.session.try_write(self.session.store.set_tool_verdict, self.session.year, code, str(value).strip())
            if message:
                self.errors[(index.row(), STATED_COL)] = message
            else:
                self.errors.pop((index.row(), STATED_COL), None)
            self.dataChanged.emit(index, index)
            return message is None
        if index.column() == 1 and self.kind in ("items", "indicators"):
            return self._rename(index.row(), str(value))
        if index.column() not in self._score_cols():
            return False
        return self.set_many([(index.row(), index.column(), str(value))]) == 0

    def _rename(self, row: int, text: str) -> bool:
        store, year = self.session.store, self.session.year
        _kind, key, _label = self.rows[row]
        if self.kind == "indicators":
            return self.session.write(store.rename_indicator, year, key, text) is not None
        item = store.framework(year).item(key)
        item.title_th = text.replace(" (ยังไม่ยืนยัน)", "")
        item.uncertain = False  # the clerk checked it
        return self.session.write(store.save_item, year, item) is not None

    # ------------------------------------------------------------ writing
    def field_name(self, row: int, col: int) -> str:
        kind, key, label = self.rows[row]
        if kind == "overall":
            return "คะแนนภาพรวม"
        if kind == "tool":
            return f"คะแนนเครื่องมือ {key}"
        if kind == "indicator":
            return f"คะแนนตัวชี้วัดที่ {key} {label}"
        return f"คะแนนข้อ {key}" + (" (ส่วนที่ ๒)" if col == 3 else "")

    def paste_coded(self, text: str) -> int | None:
        """A block whose lines name their codes ("O1  โครงสร้าง  100", "ตัวชี้วัดที่ 3 … 97.10",
        "e1 93.10 95.20"), as copied from the NACC result pages: saved by code in one undo step,
        whatever cell is current, through the reader a sheet of scores goes through.
        Returns how many lines were refused; None when no line names a code (a plain block)."""
        view = self.session.view()
        if view is None:
            return None
        pasted = parse_scores_text(text, view.framework)
        if not pasted.values and not pasted.problems:
            return None
        if pasted.values:
            self.session.write(self.session.store.set_scores, self.session.year, **pasted.plan())
        if pasted.problems:
            self.session.error.emit("คะแนนไม่ถูกต้อง", f"{len(pasted.problems)} บรรทัดไม่ถูกบันทึก: " + "; ".join(pasted.problems[:3]))
        return len(pasted.problems)

    def set_many(self, cells: list[tuple[int, int, str]]) -> int:
        """Validate each cell; save the good ones in one undo step. Returns how many were rejected."""
        plan: dict = {}
        rejected = 0
        for r, c, text in cells:
            if not (0 <= r < len(self.rows)) or c not in self._score_cols():
                continue
            try:
                value = parse_score(self.field_name(r, c), text)
            except ValidationError as err:
                self.errors[(r, c)] = err.message_th
                rejected += 1
                idx = self.index(r, c)
                self.dataChanged.emit(idx, idx)
                continue
            self.errors.pop((r, c), None)
            kind, key, _label = self.rows[r]
            if kind == "overall":
                plan["overall"] = value
            elif kind == "tool":
                plan.setdefault("tools", {})[key] = value
            elif kind == "indicator":
                plan.setdefault("indicators", {})[key] = value
            else:
                plan.setdefault("items_part2" if c == 3 else "items", {})[key] = value
        if plan:
            self.session.write(self.session.store.set_scores, self.session.year, **plan)
        if rejected:
            first = next(iter(sorted(self.errors)))
            self.session.error.emit("คะแนนไม่ถูกต้อง", f"{rejected} ช่องไม่ถูกบันทึก: {self.errors[first]}")
        return rejected
