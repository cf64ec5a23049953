"""The hierarchy of a plan across years as a tree: มิติ → ภารกิจ → ภารกิจย่อย → projects.

Each row carries what it shows — ("node", id) or ("measure", id) — so the plan
editor binds its form to the record, never to a row position. Refilling keeps
the rows the clerk opened and the one chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from ..domain.plans import Plan, PlanNode, node_label
from ..domain.thai_numbers import format_amount

REF = Qt.ItemDataRole.UserRole  # ("node" | "measure", id)


class PlanTree(QTreeWidget):
    def __init__(self):
        super().__init__()
        self.setObjectName("plan_tree")
        self.setAccessibleName("โครงสร้างแผน")
        self.setColumnCount(2)
        self.setHeaderLabels(["มิติ / ภารกิจ / โครงการ", "งบประมาณ (บาท)"])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._shape: list | None = None
        self._collapsed: set[tuple[str, int]] = set()
        self.itemCollapsed.connect(lambda it: self._collapsed.add(it.data(0, REF)))
        self.itemExpanded.connect(lambda it: self._collapsed.discard(it.data(0, REF)))

    def fill(self, plan: Plan | None, fiscal_year: int | None) -> None:
        """Show ``plan``; with ``fiscal_year``, only the measures planned that year and that year's budgets."""
        shape = None if plan is None else _shape(plan, fiscal_year)
        if shape == self._shape:
            return  # unchanged: the chosen row and the scroll position stay
        chosen = self.current_ref()
        self._shape = shape
        self.blockSignals(True)
        self.clear()
        if plan is not None:
            for path_no, node in enumerate(plan.nodes, 1):
                self.addTopLevelItem(self._node_item(plan, node, (path_no,), fiscal_year))
        self.blockSignals(False)
        for item in self._items():
            item.setExpanded(item.data(0, REF) not in self._collapsed)
        if chosen is not None:
            self.select(chosen)

    def _node_item(self, plan: Plan, node: PlanNode, path: tuple[int, ...], fy: int | None) -> QTreeWidgetItem:
        totals = plan.node_totals(node)
        amount = totals.get(fy, 0.0) if fy else sum(totals.values())
        item = QTreeWidgetItem([node_label(path, node.title, thai=False), format_amount(amount) if amount else ""])
        item.setData(0, REF, ("node", node.id))
        if len(path) == 1:
            font = QFont()
            font.setBold(True)
            item.setFont(0, font)
        for k, m in enumerate(node.measures, 1):
            if fy and not m.in_year(fy):
                continue
            money = m.budgets.get(fy) if fy else (sum(m.budgets.get(y, 0) or 0 for y in plan.years) if m.budgets else None)
            child = QTreeWidgetItem([f"{k}. [{m.kind}] {m.title}", "" if money is None else format_amount(money)])
            child.setData(0, REF, ("measure", m.id))
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.addChild(child)
        for c, sub in enumerate(node.children, 1):
            item.addChild(self._node_item(plan, sub, path + (c,), fy))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            it = stack.pop()
            out.append(it)
            stack.extend(it.child(i) for i in range(it.childCount()))
        return out

    def current_ref(self) -> tuple[str, int] | None:
        item = self.currentItem()
        return item.data(0, REF) if item is not None else None

    def select(self, ref: tuple[str, int]) -> bool:
        for item in self._items():
            if item.data(0, REF) == ref:
                self.setCurrentItem(item)
                return True
        return False


def _shape(plan: Plan, fy: int | None) -> list:
    """What the tree shows, to tell whether it must be rebuilt."""
    out: list = [plan.id, fy, plan.first_year, plan.last_year]
    for node, path in plan.walk():
        out.append((path, node.id, node.title, [(m.id, m.kind, m.title, tuple(sorted(m.budgets.items())), m.start, m.end)
                                                for m in node.measures]))
    return out
