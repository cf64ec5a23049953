"""Many records in one step: a whole year from another laptop, the status reports of
every unit. A mixin of :class:`~itadesk.store.store.Store`.

Each method is one transaction and one undo step, made of the store's own
validated saves (nested writes join the outer step): what a workbook brings in is
checked by the same rules as what a clerk types, and one Ctrl+Z takes it all back.
A failure half-way rolls the whole step back.
"""

from __future__ import annotations

import copy
import dataclasses
import sqlite3

from ..domain.models import Measure, StatusUpdate
from ..domain.plans import Plan
from ..domain.results import Statement
from ..domain.vocab import ALL_AREAS, Area, Change, change
from ..domain.year import YearView
from ..errors import DatabaseError, ValidationError
from ..outline.blocks import Outline
from . import year_parts


class BulkWrites:
    """Needs the Store's ``_write``, ``has_year`` and its record saves."""

    def is_fresh(self) -> bool:
        """A database nobody has filled in yet: no office name and no year."""
        return not self.office().name.strip() and not self.years()

    def put_year(self, view: YearView, *, replace: bool = False, office: bool = False,
                 outlines: dict[str, Outline] | None = None, plans: list[Plan] | None = None,
                 drawn: dict[int, int] | None = None, office_outlines: dict[str, Outline] | None = None) -> Change:
        """Write the whole of ``view`` as year ``view.year``, in one undo step.

        An existing year is refused unless ``replace`` (then it is deleted first, in
        the same step). ``office`` also writes the office, its units, signers and the
        two preferences the view carries (for a database nobody has filled in yet).

        With it come the year's rules, published result, item evidence and issues (from
        ``view``), its own document ``outlines`` (None: the office's defaults, as a year
        added by hand), and ``plans`` across years, each replacing the plan of its title
        (``year_parts``). ``drawn``: a measure's position in ``view.states`` (from 1) → the
        id, in ``plans``, of the plan measure it was drawn from (with ``plans`` None: the
        id of a plan measure in this database; plans are then left as they are).
        ``office_outlines`` (with ``office``): the office's default outlines for new years."""
        year = view.year
        exists = self.has_year(year)
        if exists and not replace:
            raise ValidationError("ปีงบประมาณ", f"มีปี {year} อยู่แล้วในฐานข้อมูล (เลือกแทนที่ หรือนำเข้าเป็นปีอื่น)",
                                  f"year {year} exists")
        label = f"{'แทนที่' if exists else 'นำเข้า'}ข้อมูลปี {year} จาก Excel"
        try:
            # a workbook's dates are the other file's data, copied as they are: a year imported
            # as another year keeps its own dates (the near-the-year question is for typing)
            with self.accepting_unusual(), self._write(label) as db:
                if exists:
                    db.execute("DELETE FROM years WHERE year = ?", [year])
                if office:
                    self._put_office(view)
                    for outline in (office_outlines or {}).values():
                        self._put_outline(db, None, outline)
                fw = dataclasses.replace(view.framework, year=year)
                db.table("years").insert({"year": year, "pass_mark": fw.pass_mark, "unverified": int(fw.unverified),
                                          "note": fw.note, "eit_from_parts": int(fw.eit_from_parts)})
                self._write_framework(db, year, copy.deepcopy(fw))  # (it fills defaults into what it is given)
                year_parts.write_rules(db, year, fw)
                sc = view.scores
                self.set_scores(year, overall=sc.overall, tools=sc.tools, indicators=sc.indicators, items=sc.items,
                                items_part2=sc.items_part2)
                year_parts.write_statement(db, year, view.result.stated if view.result else Statement())
                year_parts.write_item_evidence(db, year, view.evidence)
                for key, body in view.texts.items():
                    self.set_text(year, key, body)
                for a in view.analyses:
                    self.save_analysis(dataclasses.replace(a, id=None, year=year))
                for lim in view.limitations:
                    self.save_limitation(dataclasses.replace(lim, id=None, year=year))
                year_parts.write_issues(db, year, view.issues)
                ids = []
                for state in view.states:
                    m: Measure = dataclasses.replace(state.measure, id=None, year=year)
                    ids.append(mid := self.save_measure(m).id)
                    for u in state.history:
                        self.add_status(dataclasses.replace(u, id=None, measure_id=mid))
                for memo in view.memos:
                    self.save_memo(dataclasses.replace(memo, id=None, year=year, paragraphs=list(memo.paragraphs)))
                if outlines is None:
                    self._copy_office_outlines(db, year)
                for outline in (outlines or {}).values():
                    self._put_outline(db, year, outline)
                links = {ids[n - 1]: pm for n, pm in (drawn or {}).items() if 0 < n <= len(ids)}
                if plans is None:
                    year_parts.link_drawn(db, links)
                else:
                    year_parts.write_plans(db, plans, links)
        except sqlite3.DatabaseError as err:  # a rule the checks before missed: nothing was written
            raise DatabaseError(f"นำเข้าข้อมูลปี {year} ไม่ได้ ฐานข้อมูลไม่ถูกเปลี่ยนแปลง ({err})", str(err)) from err
        return Change(ALL_AREAS)

    def _put_office(self, view: YearView) -> None:
        self.save_office(view.office)
        self.save_units([u.name for u in view.units])
        self.save_signers(view.signers)
        self.set_setting("thai_digits", "1" if view.thai_digits else "0")
        self.set_setting("strength_threshold", f"{view.strength_threshold:g}")

    def add_statuses(self, updates: list[StatusUpdate], label: str) -> Change:
        """Record several status updates (each validated as one typed in) as one undo step."""
        with self._write(label):
            for u in updates:
                self.add_status(dataclasses.replace(u, id=None))
        return change(Area.STATUS, count=len(updates))

