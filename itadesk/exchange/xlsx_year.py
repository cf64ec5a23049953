"""A year out to one workbook and back in, on this laptop or another.

``export_year`` writes the year's view (``year_sheets``). ``plan_year_import``
reads and checks a workbook (``year_reader``) and says what importing it would
change, without writing; ``apply_year_import`` writes it as one undo step: a new
year, or an existing year replaced (only when asked — the window asks the clerk
first, the command line wants ``--replace``). The office, its units, signers and
preferences come along only into a database nobody has filled in yet; an office's
own details are never overwritten by another laptop's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.vocab import Change
from ..domain.year import YearView
from ..store.store import Store
from .year_reader import read_year_workbook
from .year_sheets import write_year_workbook


def export_year(store: Store, year: int, out: str | Path) -> Path:
    """Year ``year`` of ``store`` to the workbook ``out`` (written atomically)."""
    return write_year_workbook(store.view(year), out)


def summary(view: YearView) -> dict[str, int]:
    """How much a year holds, by what a clerk counts."""
    sc = view.scores
    scores = (sc.overall is not None) + sum(len(d) for d in (sc.tools, sc.indicators, sc.items, sc.items_part2))
    return {
        "ข้อคำถาม": len(view.framework.items), "คะแนน": scores, "ข้อความ": sum(1 for t in view.texts.values() if t),
        "ผลการวิเคราะห์": len(view.analyses), "ข้อจำกัด": len(view.limitations), "มาตรการ": len(view.states),
        "ขั้นตอน": sum(len(s.measure.steps) for s in view.states),
        "รายงานสถานะ": sum(len(s.history) for s in view.states), "บันทึกข้อความ": len(view.memos),
    }


@dataclass
class YearImport:
    """What importing a workbook would do; nothing is written until ``apply_year_import``."""

    path: Path
    view: YearView
    exists: bool  # the year is in the database already: importing replaces it
    office: bool  # the database is empty: the office, units and signers come too
    current: dict[str, int] | None  # what the existing year holds

    def lines(self) -> list[str]:
        year = self.view.year
        new = summary(self.view)
        if self.exists:
            head = f"แทนที่ข้อมูลปี {year} ทั้งปีด้วยข้อมูลจากไฟล์ {self.path.name}:"
            body = [f"  {k}: {self.current.get(k, 0)} → {v}" for k, v in new.items()]
        else:
            head = f"เพิ่มปี {year} จากไฟล์ {self.path.name}:"
            body = [f"  {k}: {v}" for k, v in new.items()]
        if self.office:
            tail = [f"  ข้อมูลหน่วยงาน “{self.view.office.name}” ส่วนราชการ {len(self.view.units)} แห่ง "
                    f"และผู้ลงนาม {len(self.view.signers)} คน (ฐานข้อมูลนี้ยังว่าง)"]
        else:
            tail = ["  ข้อมูลหน่วยงาน ผู้ลงนาม และการตั้งค่าของฐานข้อมูลนี้คงเดิม"]
        return [head] + body + tail


def plan_year_import(store: Store, path: str | Path, *, year: int | None = None) -> YearImport:
    """Read and check the workbook; raises ``WorkbookError`` (every problem, Thai) when it is refused."""
    return plan_from_view(store, path, read_year_workbook(path, year=year))


def plan_from_view(store: Store, path: str | Path, view: YearView) -> YearImport:
    """What importing ``view`` (read from ``path``, on a worker thread perhaps) would do to ``store``."""
    exists = store.has_year(view.year)
    current = summary(store.view(view.year)) if exists else None
    return YearImport(Path(path), view, exists, store.is_fresh(), current)


def apply_year_import(store: Store, plan: YearImport, *, replace: bool = False) -> Change:
    """Write the planned import as one undo step; an existing year only with ``replace``."""
    return store.put_year(plan.view, replace=replace, office=plan.office)
