"""Rows become dataclasses here and nowhere else (reads only; the facade writes).

Lists are read in one query per table, never one per record, so a year of 60
measures costs the same handful of queries as a year of 6.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict

from ..domain.models import (
    Analysis,
    Category,
    Evidence,
    Framework,
    Indicator,
    Issue,
    Item,
    Level,
    Limitation,
    Measure,
    Memo,
    Office,
    Scores,
    Signer,
    StatusUpdate,
    Step,
    Tool,
    Unit,
)
from ..domain.results import build_result
from ..domain.validation import stored_date, usable_date
from ..errors import NotFoundError
from .sqlite import Database


def office(db: Database) -> Office:
    cur = db.execute("SELECT * FROM office WHERE id = 1")
    row = dict(zip([c[0] for c in cur.description], cur.fetchone(), strict=True))
    row.pop("id")
    return Office(**row)


def units(db: Database) -> list[Unit]:
    return [Unit(*r) for r in db.execute("SELECT id, name, sort FROM units ORDER BY sort, id")]


def signers(db: Database) -> list[Signer]:
    return [Signer(*r) for r in db.execute("SELECT id, name, position, role, sort FROM signers ORDER BY sort, id")]


def years(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT year FROM years ORDER BY year")]


def recorded_years(db: Database) -> list[int]:
    """Years with any score recorded (an overall, a tool or an indicator score)."""
    return [r[0] for r in db.execute("""
        SELECT y.year FROM years y WHERE y.overall IS NOT NULL
           OR EXISTS (SELECT 1 FROM tools t JOIN tool_scores s ON s.tool_id = t.id WHERE t.year = y.year)
           OR EXISTS (SELECT 1 FROM indicators i JOIN indicator_scores s ON s.indicator_id = i.id WHERE i.year = y.year)
        ORDER BY y.year""")]


def framework(db: Database, year: int) -> Framework:
    q = db.execute
    pass_mark, unverified, note, eit_from_parts = q(
        "SELECT pass_mark, unverified, note, eit_from_parts FROM years WHERE year=?", [year]).fetchone()
    tools = [Tool(*r) for r in q("SELECT code, name_th, weight, parent, sort FROM tools WHERE year=? ORDER BY sort, id", [year])]
    indicators = [Indicator(*r) for r in q("SELECT no, name_th, tool FROM indicators WHERE year=? ORDER BY no", [year])]
    items = [Item(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6]) for r in q(
        "SELECT code, tool, indicator, title_th, sub_indicator, uncertain, sort FROM items WHERE year=? ORDER BY sort, id", [year])]
    levels = [Level(*r) for r in q("SELECT name, min, max, tool_min, sort, explanation, id FROM levels WHERE year=? ORDER BY sort, id", [year])]
    categories = [Category(*r) for r in q(
        "SELECT name, overall_min, overall_max, tools, sort, id FROM categories WHERE year=? ORDER BY sort, id", [year])]
    return Framework(year, tools, indicators, items, levels, pass_mark, bool(unverified), note, categories, bool(eit_from_parts))


def scores(db: Database, year: int) -> Scores:
    q = db.execute
    s = Scores(year, q("SELECT overall FROM years WHERE year=?", [year]).fetchone()[0])
    s.tools = dict(q("SELECT t.code, s.score FROM tools t JOIN tool_scores s ON s.tool_id=t.id WHERE t.year=?", [year]).fetchall())
    s.indicators = dict(q("SELECT i.no, s.score FROM indicators i JOIN indicator_scores s ON s.indicator_id=i.id WHERE i.year=?", [year]).fetchall())
    for code, part, score in q("SELECT i.code, s.part, s.score FROM items i JOIN item_scores s ON s.item_id=i.id WHERE i.year=?", [year]):
        (s.items if part == 1 else s.items_part2)[code] = score
    return s


def level(fw: Framework, s: Scores) -> str | None:
    # the level's tool floors apply to the tools as reported (EIT parts included, EIT
    # derived from them when only they were entered): the one rule of domain.results
    return build_result(fw, s).level


def texts(db: Database, year: int) -> dict[str, str]:
    return dict(db.execute("SELECT key, body FROM texts WHERE year=?", [year]).fetchall())


def analyses(db: Database, year: int) -> list[Analysis]:
    return [Analysis(*r) for r in db.execute(
        "SELECT id, year, indicator, topic, assessment, analysis, development, sort, points FROM analyses WHERE year=? "
        "ORDER BY sort, id", [year])]


def issues(db: Database, year: int) -> list[Issue]:
    return [Issue(*r) for r in db.execute("SELECT id, year, title, detail, sort FROM issues WHERE year=? ORDER BY sort, id", [year])]


def limitations(db: Database, year: int) -> list[Limitation]:
    return [Limitation(*r) for r in db.execute(
        "SELECT id, year, limitation, impact, development, sort FROM limitations WHERE year=? ORDER BY sort, id", [year])]


_MEASURE_COLS = "id, year, title, kind, issue, start, end, period_text, monitoring, target, budget, sort, issue_id"


def measures(db: Database, *, year: int | None = None, measure_id: int | None = None) -> list[Measure]:
    """The measures of ``year`` (or the one ``measure_id``) with steps, units, links and evidence."""
    where, arg = ("m.year = ?", year) if measure_id is None else ("m.id = ?", measure_id)
    q = db.execute
    out: dict[int, Measure] = {}
    for r in q(f"SELECT {_MEASURE_COLS} FROM measures m WHERE {where} ORDER BY sort, id", [arg]):
        out[r[0]] = Measure(r[0], r[1], r[2], r[3], r[4], start=_date(r[5]), end=_date(r[6]), period_text=r[7],
                            monitoring=r[8], target=r[9], budget=r[10], sort=r[11], issue_id=r[12])
    if not out:
        return []
    of = f"measure_id IN (SELECT m.id FROM measures m WHERE {where})"
    for mid, text, unit, period, monitoring, status_text in q(
            f"SELECT measure_id, text, unit, period, monitoring, status_text FROM measure_steps WHERE {of} ORDER BY measure_id, sort", [arg]):
        out[mid].steps.append(text)
        out[mid].step_details.append(Step(text, unit, period, monitoring, status_text))
    for mid, name in q(f"SELECT mu.measure_id, u.name FROM measure_units mu JOIN units u ON u.id = mu.unit_id "
                       f"WHERE mu.{of} ORDER BY mu.measure_id, mu.sort", [arg]):
        out[mid].units.append(name)
    for mid, no in q(f"SELECT mi.measure_id, i.no FROM measure_indicators mi JOIN indicators i ON i.id = mi.indicator_id "
                     f"WHERE mi.{of} ORDER BY mi.measure_id, i.no", [arg]):
        out[mid].indicators.append(no)
    for mid, code in q(f"SELECT mi.measure_id, i.code FROM measure_items mi JOIN items i ON i.id = mi.item_id "
                       f"WHERE mi.{of} ORDER BY mi.measure_id, i.sort, i.id", [arg]):
        out[mid].items.append(code)
    for mid, title, link in q(f"SELECT measure_id, title, link FROM evidence WHERE {of} ORDER BY measure_id, sort, id", [arg]):
        out[mid].evidence.append(Evidence(title, link))
    return list(out.values())


def measure(db: Database, measure_id: int) -> Measure:
    found = measures(db, measure_id=measure_id)
    if not found:
        raise NotFoundError(f"ไม่พบมาตรการรหัส {measure_id}", f"no measure {measure_id}")
    return found[0]


def _date(text) -> _dt.date | None:
    """A stored date read without failing (problems are listed by ``store.problems``)."""
    return stored_date("", text)[0]


def _update(r) -> StatusUpdate:
    return StatusUpdate(r[0], r[1], _date(r[2]), r[3], r[4], r[5], r[6])


def _in_order(updates: list[StatusUpdate]) -> list[StatusUpdate]:
    """Oldest first, by date then entry order. A date the file holds wrongly (unreadable, out of
    range) counts as older than every other: it never hides the later, correct updates."""
    return sorted(updates, key=lambda u: (usable_date(u.date), u.date if usable_date(u.date) else _dt.date.min, u.id))


_UPDATE_COLS = "id, measure_id, date, status, round, progress, note"


def status_history(db: Database, year: int) -> dict[int, list[StatusUpdate]]:
    """Every measure of ``year`` with its updates, oldest first (date, then entry order)."""
    out: dict[int, list[StatusUpdate]] = defaultdict(list)
    for r in db.execute(f"SELECT {_UPDATE_COLS} FROM status_updates WHERE measure_id IN "
                        "(SELECT id FROM measures WHERE year = ?) ORDER BY measure_id, date, id", [year]):
        out[r[1]].append(_update(r))
    for mid in out:
        out[mid] = _in_order(out[mid])
    return out


def status_updates(db: Database, measure_id: int) -> list[StatusUpdate]:
    return _in_order([_update(r) for r in db.execute(
        f"SELECT {_UPDATE_COLS} FROM status_updates WHERE measure_id=? ORDER BY date, id", [measure_id])])


_MEMO_COLS = ("id, year, agency, number, date, subject, salutation, closing, signer_name, signer_position, "
              "table_style, include_table, status_round, comment_block")


def _memo(r, paragraphs: list[str]) -> Memo:
    return Memo(r[0], r[1], r[2], r[3], _date(r[4]), r[5], r[6], paragraphs, r[7], r[8], r[9], r[10],
                bool(r[11]), r[12], bool(r[13]))


def memos(db: Database, *, year: int | None = None, memo_id: int | None = None) -> list[Memo]:
    where, arg = ("year = ?", year) if memo_id is None else ("id = ?", memo_id)
    rows = db.execute(f"SELECT {_MEMO_COLS} FROM memos WHERE {where} ORDER BY id", [arg]).fetchall()
    paras: dict[int, list[str]] = defaultdict(list)
    for mid, text in db.execute(f"SELECT memo_id, text FROM memo_paragraphs WHERE memo_id IN "
                                f"(SELECT id FROM memos WHERE {where}) ORDER BY memo_id, sort", [arg]):
        paras[mid].append(text)
    return [_memo(r, paras[r[0]]) for r in rows]


def memo(db: Database, memo_id: int) -> Memo:
    found = memos(db, memo_id=memo_id)
    if not found:
        raise NotFoundError(f"ไม่พบบันทึกข้อความรหัส {memo_id}", f"no memo {memo_id}")
    return found[0]
