"""Build the one :class:`~itadesk.domain.year.YearView` of a year from the store.

A fixed number of queries whatever the year holds (no query per measure or per
memo): the window builds it on every refresh and each export takes one.
"""

from __future__ import annotations

from ..domain.results import build_result
from ..domain.year import MeasureState, PreviousYear, YearView
from ..errors import NotFoundError
from . import plan_rows, rows
from .evidence import read_item_evidence
from .problems import year_problems
from .results import read_statement
from .settings import read_settings
from .sqlite import Database


def previous_recorded_year(db: Database, year: int) -> int | None:
    """The latest year before ``year`` with scores recorded — its real number, never ``year - 1``."""
    earlier = [y for y in rows.recorded_years(db) if y < year]
    return earlier[-1] if earlier else None


def load_year(db: Database, year: int) -> YearView:
    if db.execute("SELECT 1 FROM years WHERE year = ?", [year]).fetchone() is None:
        raise NotFoundError(f"ไม่มีข้อมูลปี {year} ในฐานข้อมูล", f"no year {year} in the database")
    fw, sc = rows.framework(db, year), rows.scores(db, year)
    prev_year = previous_recorded_year(db, year)
    previous = None
    if prev_year is not None:
        prev_scores = rows.scores(db, prev_year)
        prev_result = build_result(rows.framework(db, prev_year), prev_scores, read_statement(db, prev_year))
        previous = PreviousYear(prev_year, prev_scores, prev_result.level_printed)
    history = rows.status_history(db, year)
    settings = read_settings(db)
    result = build_result(fw, sc, read_statement(db, year))
    return YearView(
        year=year,
        office=rows.office(db),
        signers=rows.signers(db),
        units=rows.units(db),
        framework=fw,
        scores=sc,
        level=result.level_printed,
        previous=previous,
        analyses=rows.analyses(db, year),
        limitations=rows.limitations(db, year),
        states=[MeasureState(m, history.get(m.id, [])) for m in rows.measures(db, year=year)],
        memos=rows.memos(db, year=year),
        texts=rows.texts(db, year),
        thai_digits=settings.thai_digits,
        strength_threshold=settings.strength_threshold,
        result=result,
        evidence=read_item_evidence(db, year),
        plan=plan_rows.plan_for_year(db, year),
        problems=year_problems(db, year),
        issues=rows.issues(db, year),
    )
