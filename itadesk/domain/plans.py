"""Plans across fiscal years (แผนปฏิบัติการป้องกันการทุจริต ๔ ปี and the like).

A plan spans fiscal years ``first_year``–``last_year`` and holds a hierarchy the
clerk edits: มิติ (dimensions) → ภารกิจ (missions, ๑.๑) → ภารกิจย่อย (๑.๑.๑), to
any depth the office uses. Measures (projects, activities, measures) hang on
any node, numbered within it, each with a budget per fiscal year and a หมายเหตุ.

The measures of one fiscal year are the plan's measures with a budget entered
for that year (0 included: planned without money) or a period inside it; the
yearly documents draw their measures from there.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from .models import Evidence
from .thai_dates import fiscal_year_range
from .thai_numbers import digits

MAX_SPAN = 10  # fiscal years in one plan: the longest plans offices keep are 5 (2566–2570)
DEPTH_TH = ("มิติ", "ภารกิจ", "ภารกิจย่อย")


@dataclass
class PlanMeasure:
    id: int | None
    plan_id: int
    node_id: int
    title: str
    kind: str = "โครงการ"
    units: str = ""  # responsible units, as the plan writes them
    start: _dt.date | None = None
    end: _dt.date | None = None
    note: str = ""  # หมายเหตุ
    budgets: dict[int, float] = field(default_factory=dict)  # fiscal year (BE) → baht
    links: list[Evidence] = field(default_factory=list)
    sort: int = 0

    def in_year(self, fiscal_year: int) -> bool:
        """Planned in ``fiscal_year``: a budget entered for it, or a period that touches it."""
        if self.budgets.get(fiscal_year) is not None:
            return True
        if self.start is None and self.end is None:
            return False
        first, last = fiscal_year_range(fiscal_year)
        start, end = self.start or self.end, self.end or self.start
        return start <= last and end >= first


@dataclass
class PlanNode:
    id: int | None
    plan_id: int
    parent_id: int | None
    title: str
    sort: int = 0
    children: list[PlanNode] = field(default_factory=list)
    measures: list[PlanMeasure] = field(default_factory=list)


@dataclass
class Plan:
    id: int | None
    title: str
    first_year: int
    last_year: int
    note: str = ""
    nodes: list[PlanNode] = field(default_factory=list)  # the dimensions, in order

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    # --------------------------------------------------------------- walking
    def walk(self) -> Iterator[tuple[PlanNode, tuple[int, ...]]]:
        """Every node with its path of positions, depth first: (dimension, (1,)), (mission, (1, 1)) …"""
        def go(nodes: list[PlanNode], path: tuple[int, ...]):
            for k, node in enumerate(nodes, 1):
                here = path + (k,)
                yield node, here
                yield from go(node.children, here)
        yield from go(self.nodes, ())

    def node(self, node_id: int) -> PlanNode | None:
        return next((n for n, _p in self.walk() if n.id == node_id), None)

    def path_of(self, node_id: int) -> tuple[int, ...]:
        return next((p for n, p in self.walk() if n.id == node_id), ())

    def measures(self) -> list[PlanMeasure]:
        """Every measure in the plan's order (node by node, depth first)."""
        return [m for node, _p in self.walk() for m in node.measures]

    def measure(self, measure_id: int) -> PlanMeasure | None:
        return next((m for m in self.measures() if m.id == measure_id), None)

    def measures_in(self, fiscal_year: int) -> list[PlanMeasure]:
        """The measures of one fiscal year (see :meth:`PlanMeasure.in_year`)."""
        return [m for m in self.measures() if m.in_year(fiscal_year)]

    def descendants(self, node_id: int) -> set[int]:
        """``node_id`` and every node under it."""
        node = self.node(node_id)
        if node is None:
            return set()
        out = {node.id}
        for child in node.children:
            out |= self.descendants(child.id)
        return out

    def dimension_of(self, node_id: int) -> PlanNode | None:
        path = self.path_of(node_id)
        return self.nodes[path[0] - 1] if path else None

    # ---------------------------------------------------------------- totals
    def node_totals(self, node: PlanNode) -> dict[int, float]:
        """Budget per fiscal year of everything under ``node`` (its own measures and below)."""
        out = dict.fromkeys(self.years, 0.0)
        stack = [node]
        while stack:
            n = stack.pop()
            for m in n.measures:
                for y, amount in m.budgets.items():
                    if y in out and amount is not None:
                        out[y] += amount
            stack.extend(n.children)
        return out

    def totals(self) -> dict[int, float]:
        """Budget per fiscal year of the whole plan."""
        out = dict.fromkeys(self.years, 0.0)
        for node in self.nodes:
            for y, v in self.node_totals(node).items():
                out[y] += v
        return out

    def count(self, node: PlanNode | None = None) -> int:
        """How many measures under ``node`` (the whole plan without one)."""
        if node is None:
            return len(self.measures())
        return len(node.measures) + sum(self.count(c) for c in node.children)


def node_label(path: tuple[int, ...], title: str, *, thai: bool = True) -> str:
    """"มิติที่ ๑ …" for a dimension, "๑.๒ …" for a mission, "๑.๒.๓ …" below."""
    if len(path) == 1:
        return digits(f"มิติที่ {path[0]} ", thai) + title
    return digits(".".join(str(p) for p in path), thai) + " " + title


def span_text(first: int, last: int, *, thai: bool = True) -> str:
    return digits(f"พ.ศ. {first}–{last}" if last != first else f"พ.ศ. {first}", thai)
