"""A year out to one workbook and back in, on this laptop or another.

``export_year`` writes everything the year carries (``year_book``) through
``year_sheets``. ``plan_year_import`` reads and checks a workbook
(``year_reader``) and says what importing it would change, without writing;
``apply_year_import`` writes it as one undo step: a new year, or an existing
year replaced (only when asked — the window asks the clerk first, the command
line wants ``--replace``). The office, its units, signers and preferences come
along only into a database nobody has filled in yet; an office's own details are
never overwritten by another laptop's. Plans across years are matched by title
(``year_book``); a workbook of an older itadesk leaves the parts it lacks as
they are, and the summary says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.vocab import Change
from ..store.store import Store
from .year_book import PARTS, YearBook, fill_missing, summary, year_book
from .year_reader import read_year_workbook
from .year_sheets import write_year_workbook


def export_year(store: Store, year: int, out: str | Path) -> Path:
    """Year ``year`` of ``store`` to the workbook ``out`` (written atomically)."""
    return write_year_workbook(year_book(store, year), out)


@dataclass
class YearImport:
    """What importing a workbook would do; nothing is written until ``apply_year_import``."""

    path: Path
    book: YearBook  # as it will be written (the parts the file lacks filled in)
    exists: bool  # the year is in the database already: importing replaces it
    office: bool  # the database is empty: the office, units and signers come too
    current: dict[str, int] | None  # what the existing year holds
    replaced_plans: list[str]  # titles of the plans of this database the file's plans replace

    @property
    def view(self):
        return self.book.view

    def lines(self) -> list[str]:
        year = self.view.year
        new = summary(self.book)
        if self.exists:
            head = f"แทนที่ข้อมูลปี {year} ทั้งปีด้วยข้อมูลจากไฟล์ {self.path.name}:"
            body = [f"  {k}: {self.current.get(k, 0)} → {v}" for k, v in new.items()]
        else:
            head = f"เพิ่มปี {year} จากไฟล์ {self.path.name}:"
            body = [f"  {k}: {v}" for k, v in new.items()]
        body += self._plan_lines()
        if self.book.missing:
            kept = "คงไว้ตามที่มีในฐานข้อมูลนี้" if self.exists else "ใช้ค่าเริ่มต้นเหมือนปีที่เพิ่มเอง"
            if "plans" in self.book.missing:
                kept += " (แผนหลายปีในฐานข้อมูลนี้คงเดิม)"
            names = ", ".join(PARTS[k] for k in PARTS if k in self.book.missing)
            body.append(f"  ไฟล์นี้สร้างด้วย itadesk รุ่นก่อน ไม่มี {names}: {kept}")
        if self.office:
            defaults = f" รูปแบบเอกสารเริ่มต้นของหน่วยงาน {n} แบบ" if (n := len(self.book.office_outlines)) else ""
            tail = [f"  ข้อมูลหน่วยงาน “{self.view.office.name}” ส่วนราชการ {len(self.view.units)} แห่ง "
                    f"ผู้ลงนาม {len(self.view.signers)} คน{defaults} (ฐานข้อมูลนี้ยังว่าง)"]
        else:
            tail = ["  ข้อมูลหน่วยงาน ผู้ลงนาม รูปแบบเอกสารเริ่มต้น และการตั้งค่าของฐานข้อมูลนี้คงเดิม"]
        return [head] + body + tail

    def _plan_lines(self) -> list[str]:
        out = []
        for plan in self.book.plans or []:
            what = "แทนที่แผนชื่อเดียวกันในฐานข้อมูลนี้" if plan.title in self.replaced_plans else "เพิ่มเป็นแผนใหม่"
            out.append(f"  แผน “{plan.title}” ({plan.first_year}–{plan.last_year}): {what}")
        return out


def plan_year_import(store: Store, path: str | Path, *, year: int | None = None) -> YearImport:
    """Read and check the workbook; raises ``WorkbookError`` (every problem, Thai) when it is refused."""
    return plan_from_book(store, path, read_year_workbook(path, year=year))


def plan_from_book(store: Store, path: str | Path, book: YearBook) -> YearImport:
    """What importing ``book`` (read from ``path``, on a worker thread perhaps) would do to ``store``."""
    year = book.view.year
    exists = store.has_year(year)
    current = summary(year_book(store, year)) if exists else None
    titles = {p.title for p in store.plans()}
    replaced = [p.title for p in book.plans or [] if p.title in titles]
    return YearImport(Path(path), fill_missing(store, book), exists, store.is_fresh(), current, replaced)


def apply_year_import(store: Store, plan: YearImport, *, replace: bool = False) -> Change:
    """Write the planned import as one undo step; an existing year only with ``replace``."""
    b = plan.book
    return store.put_year(b.view, replace=replace, office=plan.office, outlines=b.outlines, plans=b.plans, drawn=b.drawn,
                          office_outlines=b.office_outlines)

