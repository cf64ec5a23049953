"""Opening a workbook that has been through someone else's hands, and reading its cells.

Every refusal is a Thai sentence that names the file, the sheet, the row and the
column (as Excel shows them: "แถว 7 คอลัมน์ H"), so a clerk can open the file and
fix the one cell. Problems are collected, not raised one by one: a unit that typed
five bad cells hears about all five at once. Nothing here writes to a database;
the callers write only when the list of problems is empty.

What is refused: a file that is not an .xlsx workbook (an old .xls, an .ods, a
renamed PDF), a workbook itadesk did not make or of another kind, a sheet without
its headers, formulas and error values, merged cells in a table, more rows than any
year holds, and dates typed as text (BE or CE) or with a BE year in an Excel date.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.thai_dates import MAX_BE, MIN_BE, be_year
from ..domain.thai_numbers import parse_decimal, to_arabic_digits
from ..domain.validation import parse_score
from ..errors import ItadeskError, ValidationError

KIND_SHEET = "_itadesk"  # hidden sheet: what the workbook is, for which version of the layout
FORMAT_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000  # far above any year (a few hundred measures and updates); 10,000 rows is not ours
MAX_SHOWN = 40  # problems listed in one message; the rest are counted
EXCEL_CELL_LIMIT = 32767  # characters Excel keeps in one cell

KIND_TH = {"itadesk-year": "ข้อมูลทั้งปีของ itadesk", "itadesk-status-form": "แบบรายงานสถานะมาตรการของ itadesk"}


class WorkbookError(ItadeskError):
    """A workbook was refused; ``problems`` lists every reason (Thai), nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        shown = self.problems[:MAX_SHOWN]
        more = len(self.problems) - len(shown)
        text = "\n".join(shown) + (f"\n… และอีก {more} รายการ" if more > 0 else "")
        super().__init__(text, f"{len(self.problems)} problem(s) in the workbook; nothing was changed")


@dataclass
class Problems:
    """Problems found so far, each a whole Thai sentence."""

    items: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        if message not in self.items:
            self.items.append(message)

    def at(self, where: Where, message: str) -> None:
        self.add(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise WorkbookError(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class Where:
    file: str
    sheet: str
    row: int | None = None
    column: int | None = None
    header: str = ""

    def __str__(self) -> str:
        text = f"ไฟล์ {self.file} แผ่นงาน “{self.sheet}”"
        if self.row is not None:
            text += f" แถว {self.row}"
        if self.column is not None:
            text += f" คอลัมน์ {get_column_letter(self.column)}"
            if self.header:
                text += f" ({self.header})"
        return text


# ---------------------------------------------------------------------- opening
def not_a_workbook(path: Path) -> str | None:
    """Why ``path`` is not an .xlsx file, or None when it looks like one."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "เป็นไฟล์ Excel รุ่นเก่า (.xls) กรุณาเปิดแล้วบันทึกเป็น “สมุดงาน Excel (.xlsx)” ก่อน"
    if not zipfile.is_zipfile(path):
        return "ไม่ใช่ไฟล์ Excel (.xlsx)"
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
    if "mimetype" in names and "content.xml" in names:
        return "เป็นไฟล์ LibreOffice (.ods) กรุณาบันทึกเป็นรูปแบบ Excel 2007-365 (.xlsx) ก่อน"
    if "xl/workbook.xml" not in names:
        return "ไม่ใช่ไฟล์ Excel (.xlsx) (เป็นไฟล์ zip หรือเอกสารชนิดอื่น)"
    return None


def open_workbook(path: str | Path, kind: str) -> tuple[Workbook, dict[str, str]]:
    """The workbook at ``path`` and its marks, when it is an itadesk workbook of ``kind``."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise WorkbookError([f"ไม่พบไฟล์ {path}"])
    if path.stat().st_size > MAX_BYTES:
        raise WorkbookError([f"ไฟล์ {name} ใหญ่เกินกว่าแบบรายงานหรือข้อมูลของ itadesk ({path.stat().st_size // 1_048_576} MB)"])
    why = not_a_workbook(path)
    if why:
        raise WorkbookError([f"ไฟล์ {name} {why}"])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and similar: not the clerk's concern
            wb = load_workbook(path, data_only=False)
    except Exception as err:
        raise WorkbookError([f"ไฟล์ {name} เปิดไม่ได้ ไฟล์อาจเสียหาย ({type(err).__name__})"]) from None
    marks = read_marks(wb)
    found = marks.get("kind", "")
    if not found:
        raise WorkbookError([f"ไฟล์ {name} ไม่ใช่{KIND_TH[kind]} (ไม่พบเครื่องหมายที่ itadesk ใส่ไว้ในไฟล์) "
                             "กรุณาใช้ไฟล์ที่ส่งออกจาก itadesk"])
    if found != kind:
        what = KIND_TH.get(found, f"ไฟล์ชนิด “{found}”")
        raise WorkbookError([f"ไฟล์ {name} เป็น{what} ไม่ใช่{KIND_TH[kind]}"])
    try:
        version = int(marks.get("version", "0"))
    except ValueError:
        version = 0
    if version > FORMAT_VERSION:
        raise WorkbookError([f"ไฟล์ {name} สร้างด้วย itadesk รุ่นที่ใหม่กว่า กรุณาปรับรุ่นโปรแกรม"])
    if version < 1:
        raise WorkbookError([f"ไฟล์ {name}: เครื่องหมายรุ่นของไฟล์เสียหาย"])
    return wb, marks


def mark(wb: Workbook, kind: str, marks: dict[str, object]) -> None:
    """The hidden sheet that says what the workbook is (survives Excel and LibreOffice)."""
    ws = wb.create_sheet(KIND_SHEET)
    ws.sheet_state = "hidden"
    for r, (key, value) in enumerate({"kind": kind, "version": FORMAT_VERSION, **marks}.items(), 1):
        ws.cell(r, 1, key)
        put(ws.cell(r, 2), str(value))


def read_marks(wb: Workbook) -> dict[str, str]:
    if KIND_SHEET not in wb.sheetnames:
        return {}
    ws = wb[KIND_SHEET]
    out = {}
    for key, value in ws.iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if isinstance(key, str) and value is not None:
            out[key] = str(value)
    return out


def put(cell: Cell, value) -> Cell:
    """Write ``value``; text stays text even when it starts with "=" (never a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


# ------------------------------------------------------------------------ tables
@dataclass
class Table:
    """A sheet read as a table: headers in ``header_row``, one record per row below it."""

    file: str
    ws: Worksheet
    header_row: int
    columns: dict[str, int]  # header → column number
    rows: list[int]  # row numbers with anything in them

    def where(self, row: int | None, header: str | None = None) -> Where:
        col = self.columns.get(header) if header else None
        return Where(self.file, self.ws.title, row, col, header or "")

    def cell(self, row: int, header: str) -> Cell:
        return self.ws.cell(row, self.columns[header])


def _norm(text) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def read_table(ws: Worksheet, file: str, headers: list[str], problems: Problems, *, header_row: int = 1,
               key_header: str | None = None, optional: frozenset[str] | set[str] = frozenset()) -> Table | None:
    """Find ``headers`` in ``header_row``; check the table for merged cells, formulas,
    error values and size. Returns None (with problems added) when it cannot be read.

    ``key_header``: only rows with something in this column are records (a form's
    signature lines below the table are not). ``optional``: headers a workbook of an
    older itadesk lacks; the table's ``columns`` has them only when they are there."""
    where = Where(file, ws.title)
    if ws.max_row - header_row > MAX_ROWS:
        problems.at(where, f"มี {ws.max_row - header_row:,} แถว เกินกว่าที่ itadesk รับได้ ({MAX_ROWS:,} แถว) "
                           "ไฟล์นี้ไม่น่าใช่ไฟล์ของ itadesk หรือมีแถวที่ไม่เกี่ยวข้องต่อท้าย")
        return None
    found = {_norm(c.value): c.column for c in ws[header_row] if c.value is not None} if ws.max_row >= header_row else {}
    missing = [h for h in headers if h not in found and h not in optional]
    if missing:
        problems.at(Where(file, ws.title, header_row), "ไม่พบหัวคอลัมน์ " + ", ".join(f"“{h}”" for h in missing)
                    + " (อย่าลบหรือแก้ไขหัวตาราง)")
        return None
    columns = {h: found[h] for h in headers if h in found}
    last_col = max(columns.values())
    for rng in ws.merged_cells.ranges:
        if rng.max_row >= header_row and rng.min_col <= last_col:
            problems.at(where, f"มีการผสานเซลล์ {rng.coord} ในตาราง กรุณายกเลิกการผสานเซลล์")
    rows = []
    key_col = columns.get(key_header) if key_header else None
    for r in range(header_row + 1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, last_col + 1)]
        for c in cells:
            check_plain(c, Where(file, ws.title, r, c.column, _header_of(columns, c.column)), problems)
        if key_col is not None:
            if ws.cell(r, key_col).value not in (None, ""):
                rows.append(r)
        elif any(c.value not in (None, "") for c in cells):
            rows.append(r)
    return Table(file, ws, header_row, columns, rows)


def _header_of(columns: dict[str, int], col: int) -> str:
    return next((h for h, c in columns.items() if c == col), "")


def check_plain(cell: Cell, where: Where, problems: Problems) -> None:
    value = cell.value
    if cell.data_type == "f" or isinstance(value, (ArrayFormula, DataTableFormula)):
        text = value.text if isinstance(value, ArrayFormula) else str(value)
        problems.at(where, f"มีสูตร “{text[:40]}” กรุณาพิมพ์ค่าลงในช่องแทนสูตร (คัดลอกแล้ววางแบบค่า)")
    elif cell.data_type == "e":
        problems.at(where, f"มีค่าผิดพลาด {value} กรุณาแก้ไขช่องนี้")


# ------------------------------------------------------------------------- cells
def text(cell: Cell) -> str:
    """A text cell; a number typed where text belongs becomes its digits ("123", not "123.0")."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def required_text(cell: Cell, where: Where, problems: Problems) -> str:
    value = text(cell).strip()
    if not value:
        problems.at(where, "ต้องไม่เว้นว่าง")
    return value


def number(cell: Cell, where: Where, problems: Problems, *, lo: float | None = None, hi: float | None = None,
           whole: bool = False) -> float | int | None:
    """A number cell, or digits typed as text (Thai or Arabic); empty gives None."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (_dt.date, _dt.datetime)):
        problems.at(where, f"ต้องเป็นตัวเลข ไม่ใช่ “{text(cell)}”")
        return None
    if isinstance(value, str):
        try:
            parsed = float(parse_decimal(value))
        except ValueError:
            problems.at(where, f"“{value.strip()}” ไม่ใช่ตัวเลข")
            return None
    else:
        parsed = float(value)
        if "%" in (cell.number_format or ""):
            parsed *= 100  # "40%" typed in Excel is stored as 0.4
    if whole and not parsed.is_integer():
        problems.at(where, f"ต้องเป็นจำนวนเต็ม ไม่ใช่ {_show(parsed)}")
        return None
    if (lo is not None and parsed < lo) or (hi is not None and parsed > hi):
        problems.at(where, f"ต้องอยู่ระหว่าง {_show(lo)} ถึง {_show(hi)} ไม่ใช่ {_show(parsed)}")
        return None
    return int(parsed) if whole else parsed


def _show(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def score(cell: Cell, where: Where, problems: Problems) -> float | None:
    """A score through the one rule for scores (``validation.parse_score``)."""
    value = cell.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        problems.at(where, "ต้องเป็นคะแนน ไม่ใช่วันที่")
        return None
    try:
        return parse_score(where.header or "คะแนน", value.strip() if isinstance(value, str) else value)
    except ValidationError as err:
        problems.at(where, err.message_th.removeprefix(f"{err.field}: "))
        return None


def date(cell: Cell, where: Where, problems: Problems) -> _dt.date | None:
    """An Excel date (a date cell). Text is refused with what it looks like (BE or CE), and
    so is a date whose year is a BE year typed into Excel's CE calendar."""
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        if not MIN_BE <= be_year(value.year) <= MAX_BE:
            if MIN_BE <= value.year <= MAX_BE:
                problems.at(where, f"วันที่ {value.day}/{value.month}/{value.year} มีปีเป็น พ.ศ. แต่ Excel ถือเป็น ค.ศ. "
                                   f"(พ.ศ. {be_year(value.year)}) กรุณาพิมพ์วันที่ใหม่ตามรูปแบบวันที่ของเครื่อง")
            else:
                problems.at(where, f"ปีของวันที่ ({value.year}) อยู่นอกช่วงที่ใช้ได้")
            return None
        return value
    if isinstance(value, str):
        raw = value.strip()
        years = [int(y) for y in re.findall(r"\d{4}", to_arabic_digits(raw))]
        era = (" (ปี พ.ศ.)" if years[0] >= 2400 else " (ปี ค.ศ.)") if years else ""
        problems.at(where, f"วันที่ “{raw}” พิมพ์ไว้เป็นข้อความ{era} ไม่ใช่วันที่ของ Excel "
                           "กรุณาพิมพ์ใหม่หรือเลือกจากปฏิทินให้ Excel รู้ว่าเป็นวันที่")
        return None
    problems.at(where, f"ต้องเป็นวันที่ ไม่ใช่ “{text(cell)}” (จัดรูปแบบช่องเป็นวันที่)")
    return None


def choice(cell: Cell, where: Where, problems: Problems, labels: dict[str, str], *, required: bool = True) -> str | None:
    """One of ``labels`` (code → Thai label); the Thai label or the code itself is accepted."""
    raw = _norm(text(cell))
    if not raw:
        if required:
            problems.at(where, "ต้องเลือกจากรายการ: " + ", ".join(labels.values()))
        return None
    for code, label in labels.items():
        if raw in (label, code, to_arabic_digits(label)):
            return code
    problems.at(where, f"“{raw}” ไม่อยู่ในรายการที่เลือกได้: " + ", ".join(labels.values()))
    return None


YES, NO = "ใช่", "ไม่ใช่"


def flag(cell: Cell, where: Where, problems: Problems) -> bool:
    value = cell.value
    if isinstance(value, bool):
        return value
    raw = _norm(text(cell)).lower()
    if raw in (YES, "1", "true", "yes"):
        return True
    if raw in (NO, "0", "false", "no", ""):
        return False
    problems.at(where, f"ต้องเป็น “{YES}” หรือ “{NO}” ไม่ใช่ “{raw}”")
    return False


def integer_list(cell: Cell, where: Where, problems: Problems) -> list[int]:
    """"1, 3, 10" → [1, 3, 10]."""
    out = []
    for part in to_arabic_digits(text(cell)).replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            problems.at(where, f"“{part}” ไม่ใช่เลขตัวชี้วัด (ใส่เลขคั่นด้วยจุลภาค เช่น 1, 3)")
            continue
        out.append(int(part))
    return out


def word_list(cell: Cell) -> list[str]:
    return [p.strip() for p in text(cell).replace(";", ",").split(",") if p.strip()]
