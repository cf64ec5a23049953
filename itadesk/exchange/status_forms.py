"""Status forms: one workbook per responsible unit out, the filled workbooks back in.

The clerk does not know how each measure is going; the units do. ``write_forms``
makes one workbook per unit (measures without a unit go into one for the clerk),
listing its measures and their steps with the last report, and four yellow cells
per measure: status (a drop-down of the three states), progress %, date and note.
Everything else is locked (sheet protection without a password: a guard against
slips, not a secret), and the page prints on A4 landscape with the headers on
every page and a place to sign.

``read_forms`` takes the filled workbooks back: every cell is checked and every
problem named (file, sheet, row, column); with any problem nothing is returned.
Otherwise it returns the changes (measure, old → new) for the clerk to preview;
``apply_forms`` writes them as one undo step.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation

from ..atomic import atomic_path
from ..domain.models import StatusUpdate
from ..domain.thai_dates import fiscal_year_range, format_date_full, format_date_short, format_period
from ..domain.thai_numbers import digits
from ..domain.vocab import ROUNDS_TH, STATUS_TH, Change, Round, Status
from ..domain.year import MeasureState, YearView
from ..errors import ExportError
from ..store.store import Store
from . import styles
from . import workbook_checks as wc
from .workbook_checks import Problems

KIND = "itadesk-status-form"
SHEET = "แบบรายงาน"
HEADER_ROW = 7
NO_UNIT = "ไม่ระบุหน่วยงาน"
ROUNDS = (Round.SIX, Round.TWELVE)
# (header, width, filled in by the unit)
COLUMNS = [
    ("รหัส", 5, False), ("ลำดับ", 5, False), ("มาตรการ/โครงการ/กิจกรรม", 28, False), ("ขั้นตอนการดำเนินงาน", 34, False),
    ("ระยะเวลา", 11, False), ("รายงานครั้งล่าสุด", 17, False), ("สถานะ", 17, True), ("ร้อยละความก้าวหน้า", 9, True),
    ("วันที่รายงาน", 11, True), ("ผลการดำเนินงาน/ปัญหาอุปสรรค", 27, True),
]
HEADERS = [h for h, _w, _i in COLUMNS]
COL = {h: k for k, h in enumerate(HEADERS, 1)}
KEY, TITLE, STATUS, PROGRESS, DAY, NOTE = "รหัส", HEADERS[2], "สถานะ", "ร้อยละความก้าวหน้า", "วันที่รายงาน", HEADERS[-1]
# Excel date serials: 1 Jan 2000 and 31 Dec 2099 — a BE year typed into a CE date falls outside
_DATE_MIN, _DATE_MAX = "36526", "73050"


def round_dates(year: int, rnd: str) -> tuple[_dt.date, _dt.date]:
    """The period a round reports on: the measures of ITA year ``year`` run in fiscal year
    ``year + 1``; round 6 ends on 31 March, round 12 with the fiscal year."""
    start, end = fiscal_year_range(year + 1)
    return start, (_dt.date(end.year, 3, 31) if rnd == Round.SIX else end)


def _check_round(rnd: str) -> Round:
    if rnd not in ROUNDS:
        raise ExportError(f"รอบการรายงานต้องเป็น ๖ หรือ ๑๒ เดือน ไม่ใช่ {rnd}", f"round must be 6 or 12, not {rnd!r}")
    return Round(rnd)


def units_of(view: YearView) -> dict[str, list[MeasureState]]:
    """Each responsible unit with its measures, in the office's order of units."""
    out: dict[str, list[MeasureState]] = {u.name: [] for u in view.units}
    for s in view.states:
        for unit in s.measure.units or [NO_UNIT]:
            out.setdefault(unit, []).append(s)
    return {u: states for u, states in out.items() if states}


def file_name(year: int, rnd: str, unit: str) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "-", unit).strip("-.") or "หน่วยงาน"
    return f"แบบรายงาน-รอบ{rnd}เดือน-{year}-{safe}.xlsx"


def _last_report(s: MeasureState, rnd: str, thai: bool) -> str:
    u = s.update_in(rnd)
    if u is None:
        return "ยังไม่เคยรายงาน"
    day = format_date_short(u.date, thai=thai) if u.date else "ไม่มีวันที่"  # a date the file holds wrongly reads as none
    text = f"{STATUS_TH[u.status]} ร้อยละ {digits(u.progress, thai)}\n{day} ({ROUNDS_TH[u.round]})"
    return text + (f"\n{u.note}" if u.note else "")


def write_forms(view: YearView, rnd: str, folder: str | Path, *, overwrite: bool = False) -> list[Path]:
    """One workbook per unit in ``folder``; an existing file is refused unless ``overwrite``
    (a filled form returned by a unit must not be replaced by a blank one)."""
    rnd = _check_round(rnd)
    folder = Path(folder)
    groups = units_of(view)
    if not groups:
        raise ExportError(f"ปี {view.year} ยังไม่มีมาตรการ จึงไม่มีแบบรายงานให้ส่ง", f"year {view.year} has no measures")
    targets = {unit: folder / file_name(view.year, rnd, unit) for unit in groups}
    existing = [p.name for p in targets.values() if p.exists()]
    if existing and not overwrite:
        raise ExportError(f"มีไฟล์อยู่แล้วใน {folder}: " + ", ".join(existing) + " (จะไม่เขียนทับ อาจเป็นแบบที่หน่วยงานกรอกแล้ว)",
                          "forms exist; refusing to overwrite")
    out = []
    for unit, states in groups.items():
        wb = _form(view, rnd, unit, states)
        try:
            with atomic_path(targets[unit]) as tmp:
                wb.save(tmp)
        except OSError as err:
            raise ExportError(f"เขียนไฟล์ {targets[unit]} ไม่ได้ ({err.strerror or err})", str(err)) from err
        out.append(targets[unit])
    return out


def _form(view: YearView, rnd: Round, unit: str, states: list[MeasureState]) -> Workbook:
    thai = view.thai_digits
    start, end = round_dates(view.year, rnd)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    lines = [
        ("แบบรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", styles.TITLE),
        (f"{view.office.full_name}  {ROUNDS_TH[rnd]} ({format_date_short(start, thai=thai)} – {format_date_short(end, thai=thai)}) "
         f"ปีงบประมาณ {digits(view.year + 1, thai)} (ผลการประเมิน ITA ปี {digits(view.year, thai)})", styles.BOLD),
        (f"หน่วยงานผู้รายงาน: {unit}", styles.BOLD),
        # one cell cannot wrap across columns without merging them (which imports refuse): short lines
        ("วิธีกรอก: กรอกเฉพาะช่องสีเหลือง เลือกสถานะจากรายการ กรอกร้อยละความก้าวหน้า ๐–๑๐๐ และผลการดำเนินงาน/ปัญหาอุปสรรค", styles.BODY),
        (f"วันที่รายงานเว้นว่างได้ (จะใช้วันที่ {format_date_full(end, thai=thai)}) แถวที่ไม่กรอกถือว่ายังไม่รายงาน "
         "ห้ามเพิ่ม ลบ หรือสลับแถว แล้วส่งไฟล์นี้คืนผู้รวบรวม", styles.BODY),
    ]
    for r, (text, font) in enumerate(lines, 1):
        wc.put(ws.cell(r, 2, None), text).font = font
    for k, (_h, width, _i) in enumerate(COLUMNS, 1):
        ws.column_dimensions[ws.cell(1, k).column_letter].width = width
    ws.column_dimensions["A"].hidden = True
    styles.header_cells(ws, HEADER_ROW, HEADERS)
    ws.row_dimensions[HEADER_ROW].height = styles.LINE_POINTS * 2 + 6
    first = HEADER_ROW + 1
    for n, s in enumerate(states, 1):
        r = HEADER_ROW + n
        m = s.measure
        steps = "\n".join(f"{digits(k, thai)}. {step}" for k, step in enumerate(m.steps, 1))
        values = [m.id, digits(n, thai), m.title, steps, m.period_text or format_period(m.start, m.end, thai=thai),
                  _last_report(s, rnd, thai), None, None, None, None]
        height = 1
        for k, ((_h, width, editable), value) in enumerate(zip(COLUMNS, values, strict=True), 1):
            cell = wc.put(ws.cell(r, k), value)
            cell.font, cell.border = styles.BODY, styles.GRID
            cell.alignment = styles.CENTER_TOP if k in (2, 5, 7, 8, 9) else styles.WRAP_TOP
            if editable:
                cell.fill, cell.protection = styles.INPUT_FILL, Protection(locked=False)
            else:
                cell.fill = styles.LOCKED_FILL
            if value and isinstance(value, str):
                height = max(height, styles.line_count(value, width * styles.CHARS_PER_WIDTH))
        ws.cell(r, COL[PROGRESS]).number_format = "0"
        ws.cell(r, COL[DAY]).number_format = styles.DATE_FORMAT
        ws.row_dimensions[r].height = styles.LINE_POINTS * max(2, height) + 6
    last = HEADER_ROW + len(states)
    _validations(ws, first, last)
    sign = last + 2
    for k, label in enumerate(("ผู้รายงาน (ลงชื่อ)", "ตำแหน่ง", "วันที่")):
        wc.put(ws.cell(sign + k, 3), label).font = styles.BODY
        cell = ws.cell(sign + k, 4)
        cell.font, cell.fill, cell.protection = styles.BODY, styles.INPUT_FILL, Protection(locked=False)
    ws.freeze_panes = ws.cell(first, 3)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths and heights may be changed
    styles.page_setup(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    ws.print_area = f"B1:J{sign + 2}"
    wc.mark(wb, KIND, {"year": view.year, "round": str(rnd), "unit": unit, "office": view.office.name})
    return wb


def _validations(ws, first: int, last: int) -> None:
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_TH.values()) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="สถานะ", error="กรุณาเลือกสถานะจากรายการ")
    progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                              showErrorMessage=True, errorTitle="ร้อยละความก้าวหน้า", error="กรอกจำนวนเต็ม ๐ ถึง ๑๐๐")
    day = DataValidation(type="date", operator="between", formula1=_DATE_MIN, formula2=_DATE_MAX, allow_blank=True,
                         showErrorMessage=True, errorTitle="วันที่รายงาน",
                         error="กรุณาพิมพ์วันที่ตามรูปแบบวันที่ของเครื่อง (ปี ค.ศ.) หรือเว้นว่าง")
    for dv, header in ((status, STATUS), (progress, PROGRESS), (day, DAY)):
        letter = ws.cell(1, COL[header]).column_letter
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(dv)


# --------------------------------------------------------------------- back in
@dataclass(frozen=True)
class StatusChange:
    """One measure's new report, with the report it replaces in the round (None: never reported)."""

    measure_id: int
    title: str
    old: StatusUpdate | None
    new: StatusUpdate
    source: str  # "กองคลัง.xlsx แถว 8"

    @staticmethod
    def describe(u: StatusUpdate | None) -> str:
        if u is None:
            return "ยังไม่เคยรายงาน"
        return f"{STATUS_TH[u.status]} ร้อยละ {u.progress}"

    def line(self) -> str:
        note = f" — {self.new.note}" if self.new.note else ""
        return f"{self.title}: {self.describe(self.old)} → {self.describe(self.new)} ({format_date_short(self.new.date, thai=False)}){note}"


@dataclass
class FormsImport:
    year: int
    round: str
    files: list[Path]
    changes: list[StatusChange] = field(default_factory=list)
    unchanged: int = 0  # rows that say what is already recorded
    blank: int = 0  # rows the units left empty

    @property
    def label(self) -> str:
        return f"รับแบบรายงานสถานะ{ROUNDS_TH[self.round]} ปี {self.year} ({len(self.changes)} มาตรการ)"

    def lines(self) -> list[str]:
        head = (f"แบบรายงาน {len(self.files)} ไฟล์ ปี {self.year} {ROUNDS_TH[self.round]}: เปลี่ยน {len(self.changes)} มาตรการ, "
                f"เหมือนเดิม {self.unchanged}, ไม่ได้กรอก {self.blank}")
        return [head] + [c.line() for c in self.changes]


def form_paths(sources: list[str | Path]) -> list[Path]:
    """The workbooks named, and every .xlsx in a folder named (not Office's ~$ lock files)."""
    out: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            out += sorted(f for f in p.glob("*.xlsx") if not f.name.startswith(("~$", ".~lock")))
        else:
            out.append(p)
    return out


@dataclass
class OpenedForms:
    """Filled forms opened and recognised (no database needed: this part may run on a worker thread)."""

    paths: list[Path]
    books: list[tuple[Path, object]]  # (path, workbook)
    year: int
    round: Round


def open_forms(sources: list[str | Path]) -> OpenedForms:
    """Open every form named (files or folders); ``WorkbookError`` for any that is not one,
    or when they are of different years or rounds."""
    paths = form_paths(sources)
    if not paths:
        raise wc.WorkbookError(["ไม่พบแบบรายงาน (.xlsx) ที่จะนำเข้า"])
    p = Problems()
    opened = []
    for path in paths:
        try:
            wb, marks = wc.open_workbook(path, KIND)
        except wc.WorkbookError as err:
            for item in err.problems:
                p.add(item)
            continue
        opened.append((path, wb, marks))
    p.raise_if_any()
    year, rnd = _one_year_and_round(opened, p)
    p.raise_if_any()
    return OpenedForms(paths, [(path, wb) for path, wb, _m in opened], year, rnd)


def check_forms(store: Store, opened: OpenedForms) -> FormsImport:
    """Every cell of the opened forms checked against the database; the changes they make,
    or ``WorkbookError`` naming every problem."""
    year, rnd = opened.year, opened.round
    if not store.has_year(year):
        raise wc.WorkbookError([f"แบบรายงานเป็นของปี {year} ซึ่งไม่มีในฐานข้อมูลนี้"])
    view = store.view(year)
    p = Problems()
    result = FormsImport(year, rnd, opened.paths)
    seen: dict[int, tuple[StatusChange, tuple]] = {}
    for path, wb in opened.books:
        if SHEET not in wb.sheetnames:
            p.add(f"ไฟล์ {path.name}: ไม่พบแผ่นงาน “{SHEET}” (อย่าเปลี่ยนชื่อแผ่นงาน)")
            continue
        table = wc.read_table(wb[SHEET], path.name, HEADERS, p, header_row=HEADER_ROW, key_header=KEY)
        if table is None:
            continue
        for r in table.rows:
            _read_row(table, r, view, rnd, p, result, seen)
        _rows_without_a_measure(table, p)
    p.raise_if_any()
    result.changes = [c for c, _k in seen.values()]
    return result


def read_forms(store: Store, sources: list[str | Path]) -> FormsImport:
    """``open_forms`` then ``check_forms``: the changes the filled forms make."""
    return check_forms(store, open_forms(sources))


def _rows_without_a_measure(table: wc.Table, p: Problems) -> None:
    """A report typed in a row the unit added itself (no measure behind it) would be lost
    without a word: say so. The signature lines below the table use other columns."""
    keyed = set(table.rows)
    for r in range(HEADER_ROW + 1, table.ws.max_row + 1):
        if r not in keyed and any(wc.text(table.cell(r, h)).strip() for h in (STATUS, PROGRESS, DAY, NOTE)):
            p.at(table.where(r), "แถวนี้ไม่ใช่แถวของมาตรการใด (เพิ่มแถวเองไม่ได้) กรุณากรอกในแถวของมาตรการที่มีอยู่")


def _one_year_and_round(opened, p: Problems) -> tuple[int, Round]:
    kinds = {}
    for path, _wb, marks in opened:
        try:
            kinds[path.name] = (int(marks.get("year", "")), Round(marks.get("round", "")))
        except ValueError:
            p.add(f"ไฟล์ {path.name}: เครื่องหมายปีหรือรอบของแบบรายงานเสียหาย")
    if len(set(kinds.values())) > 1:
        listing = ", ".join(f"{name} (ปี {y} {ROUNDS_TH[r]})" for name, (y, r) in kinds.items())
        p.add(f"แบบรายงานเป็นคนละปีหรือคนละรอบกัน กรุณานำเข้าทีละชุด: {listing}")
    return next(iter(kinds.values()), (0, Round.SIX))


def _read_row(table: wc.Table, r: int, view: YearView, rnd: Round, p: Problems, result: FormsImport,
              seen: dict[int, tuple[StatusChange, tuple]]) -> None:
    col = lambda h: (table.cell(r, h), table.where(r, h))  # noqa: E731
    key = wc.number(*col(KEY), p, whole=True)
    state = view.state(int(key)) if key is not None else None
    title = " ".join(wc.text(table.cell(r, TITLE)).split())
    if state is None or " ".join(state.measure.title.split()) != title:
        p.at(table.where(r), f"มาตรการ “{title[:40]}” ไม่ตรงกับมาตรการในฐานข้อมูลปี {view.year} "
                             "(ถูกลบหรือแก้ชื่อหลังส่งแบบรายงาน หรือแบบรายงานมาจากฐานข้อมูลอื่น) กรุณาส่งแบบรายงานใหม่")
        return
    status = wc.choice(*col(STATUS), p, STATUS_TH, required=False)
    progress = wc.number(*col(PROGRESS), p, lo=0, hi=100, whole=True)
    day = wc.date(*col(DAY), p)
    note = wc.text(table.cell(r, NOTE)).strip()
    raw = [table.cell(r, h).value for h in (STATUS, PROGRESS, DAY, NOTE)]
    if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
        result.blank += 1
        return
    if status is None:
        if table.cell(r, STATUS).value in (None, ""):
            p.at(col(STATUS)[1], "กรอกข้อมูลในแถวนี้แล้วแต่ยังไม่ได้เลือกสถานะ")
        return
    if progress is None and wc.text(table.cell(r, PROGRESS)).strip():
        return  # already reported as a problem
    if progress is None:
        if status == Status.IN_PROGRESS:
            p.at(col(PROGRESS)[1], "สถานะ “อยู่ระหว่างดำเนินการ” ต้องกรอกร้อยละความก้าวหน้า")
            return
        progress = 100 if status == Status.DONE else 0
    if status == Status.NOT_STARTED and progress > 0:
        p.at(col(PROGRESS)[1], f"สถานะ “{STATUS_TH[status]}” แต่ความก้าวหน้าร้อยละ {progress} กรุณาแก้ให้ตรงกัน")
        return
    if status == Status.DONE and progress != 100:
        p.at(col(PROGRESS)[1], f"สถานะ “{STATUS_TH[status]}” ต้องมีความก้าวหน้าร้อยละ ๑๐๐ (กรอก {progress})")
        return
    if table.cell(r, DAY).value not in (None, "") and day is None:
        return  # the date was reported as a problem
    start, end = round_dates(view.year, rnd)
    day = day or end
    if not start - _dt.timedelta(days=31) <= day <= end + _dt.timedelta(days=183):
        p.at(col(DAY)[1], f"วันที่ {format_date_full(day, thai=False)} อยู่นอกช่วงของรอบการรายงาน "
                          f"({format_date_full(start, thai=False)} – {format_date_full(end, thai=False)})")
        return
    new = StatusUpdate(None, state.measure.id, day, status, str(rnd), progress, note)
    old = state.update_in(rnd)
    facts = (new.status, new.progress, new.date, new.note)
    if old is not None and old.round == rnd and (old.status, old.progress, old.date, old.note) == facts:
        result.unchanged += 1
        return
    source = f"{table.file} แถว {r}"
    if state.measure.id in seen:
        earlier, earlier_facts = seen[state.measure.id]
        if earlier_facts != facts:
            p.at(table.where(r), f"มาตรการ “{title[:40]}” รายงานไว้ต่างจาก {earlier.source} กรุณาตกลงกันให้เหลือค่าเดียว")
        return
    seen[state.measure.id] = (StatusChange(state.measure.id, state.measure.title, old, new, source), facts)


def apply_forms(store: Store, result: FormsImport) -> Change:
    """Write the changes of ``result`` as one undo step."""
    return store.add_statuses([c.new for c in result.changes], result.label)


__all__ = ["FormsImport", "OpenedForms", "StatusChange", "apply_forms", "check_forms", "form_paths", "open_forms", "read_forms",
           "write_forms"]
