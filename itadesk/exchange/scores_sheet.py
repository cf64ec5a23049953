"""Scores from any sheet: what a clerk pasted from the NACC result pages into Excel.

Not an itadesk workbook, so no marks are asked for: each row of each visible sheet
becomes one line (its cells joined by tabs) for ``domain.score_paste``, the same
reader as a paste into the scores tab. Formulas and error values are refused as
in every workbook; a merged heading above the scores is harmless here.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from ..domain.models import Framework, Scores
from ..domain.score_paste import PastedScores, parse_scores_text, score_label
from ..domain.thai_numbers import format_score
from . import workbook_checks as wc


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def read_scores_workbook(path: str | Path, fw: Framework) -> PastedScores:
    """The scores the workbook's rows give for the year of ``fw``; ``WorkbookError`` with every problem."""
    path = Path(path)
    if not path.is_file():
        raise wc.WorkbookError([f"ไม่พบไฟล์ {path}"])
    why = wc.not_a_workbook(path)
    if why:
        raise wc.WorkbookError([f"ไฟล์ {path.name} {why}"])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, data_only=False)
    except Exception as err:
        raise wc.WorkbookError([f"ไฟล์ {path.name} เปิดไม่ได้ ไฟล์อาจเสียหาย ({type(err).__name__})"]) from None
    year = fw.year
    p = wc.Problems()
    found = PastedScores()
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        where = wc.Where(path.name, ws.title)
        if ws.max_row > wc.MAX_ROWS:
            p.at(where, f"มี {ws.max_row:,} แถว เกินกว่าที่ itadesk รับได้ ({wc.MAX_ROWS:,} แถว)")
            continue
        lines = []
        for row in ws.iter_rows():
            for cell in row:
                wc.check_plain(cell, wc.Where(path.name, ws.title, cell.row, cell.column), p)
            lines.append("\t".join(_cell_text(c.value) for c in row))
        part = parse_scores_text("\n".join(lines), fw, where=f"{where} แถว")
        for item in part.problems:
            p.add(item)
        for key, value in part.values.items():
            if key in found.values and found.values[key] != value:
                p.add(f"{where}: {score_label(key)} มีสองค่าที่ไม่ตรงกัน ({format_score(found.values[key])} และ {format_score(value)})")
            found.values[key] = value
        found.skipped += part.skipped
    if not found.values and not p:
        p.add(f"ไฟล์ {path.name}: ไม่พบคะแนนที่มีรหัสข้อ รหัสเครื่องมือ หรือตัวชี้วัดของปี {year} "
              "(แต่ละแถวต้องขึ้นต้นด้วยรหัส เช่น O1 และมีคะแนนอยู่ท้ายแถว)")
    p.raise_if_any()
    return found


@dataclass(frozen=True)
class ScoreChange:
    key: tuple[str, object]
    old: float | None
    new: float

    def line(self) -> str:
        old = format_score(self.old) if self.old is not None else "-"
        return f"{score_label(self.key)}: {old} → {format_score(self.new)}"


def score_changes(pasted: PastedScores, current: Scores) -> list[ScoreChange]:
    """The scores that differ from what is recorded, in the order they were read."""
    out = []
    for (kind, key), value in pasted.values.items():
        old = {"overall": lambda k: current.overall, "tool": current.tools.get, "indicator": current.indicators.get,
               "item": current.items.get, "item2": current.items_part2.get}[kind](key)
        if old != value:
            out.append(ScoreChange((kind, key), old, value))
    return out


def changes_plan(changes: list[ScoreChange]) -> dict:
    """Keyword arguments for ``Store.set_scores`` that write only ``changes``."""
    return PastedScores({c.key: c.new for c in changes}).plan()
