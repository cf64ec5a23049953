"""Reading a year's workbook back into a :class:`YearView`, every cell checked.

The inverse of ``year_sheets``: the same sheets and headers, the same Thai words
for choices. Every problem in every sheet is collected (file, sheet, row, column
and the reason in Thai) and raised together as a ``WorkbookError``; a view is
returned only from a workbook without any. Records refer to each other by order
number (ลำดับมาตรการ, ลำดับบันทึก), checked here to exist.
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from pathlib import Path

from ..domain import labels
from ..domain.models import (
    Analysis,
    Evidence,
    Framework,
    Indicator,
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
from ..domain.validation import MEASURE_KINDS, parse_year
from ..domain.vocab import ROLES_TH, ROUNDS_TH, STATUS_TH
from ..domain.year import MeasureState, YearView
from ..errors import ValidationError
from . import workbook_checks as wc
from .extras_reader import read_extras
from .workbook_checks import Problems, Table
from .year_book import YearBook
from .year_extras import EIT_RULE, EXPLANATION, EXTRA_SHEETS, LAYOUT, NEW_COLUMNS, SHEET_PARTS, VERDICT, VERDICT_LABELS
from .year_sheets import EMBLEM_KEY, KIND, MEMO, OFFICE_KINDS, SHEETS, TABLE_STYLES, M


def _tables(path: Path, wb, p: Problems) -> tuple[dict[str, Table], set[str]]:
    """The sheets read as tables, and the parts (``year_book.PARTS``) the workbook lacks: a
    workbook of an older itadesk has no sheet and no column of a part added after it."""
    out, missing = {}, set()
    for name, columns in SHEETS.items():
        if name not in wb.sheetnames:
            p.add(f"ไฟล์ {path.name}: ไม่พบแผ่นงาน “{name}” (อย่าลบหรือเปลี่ยนชื่อแผ่นงาน)")
            continue
        optional = {h for (sheet, h) in NEW_COLUMNS if sheet == name}
        table = wc.read_table(wb[name], path.name, [h for h, _ in columns], p, optional=optional)
        if table is not None:
            out[name] = table
            missing |= {NEW_COLUMNS[(name, h)] for h in optional if h not in table.columns}
    for part in dict.fromkeys(SHEET_PARTS.values()):
        sheets = [name for name, of in SHEET_PARTS.items() if of == part]
        present = [name for name in sheets if name in wb.sheetnames]
        if not present:
            missing.add(part)
            continue
        for name in sheets:
            if name not in present:
                p.add(f"ไฟล์ {path.name}: มีแผ่นงาน “{present[0]}” แต่ไม่พบแผ่นงาน “{name}” ที่ต้องมีคู่กัน "
                      "(อย่าลบหรือเปลี่ยนชื่อแผ่นงาน)")
                continue
            table = wc.read_table(wb[name], path.name, [h for h, _ in EXTRA_SHEETS[name]], p)
            if table is not None:
                out[name] = table
    return out, missing


class _Reader:
    """The sheets of one workbook, read in dependency order (framework before measures)."""

    def __init__(self, tables: dict[str, Table], p: Problems):
        self.t, self.p = tables, p
        self.verdicts: dict[str, str] = {}  # tool code → the verdict as published (from the tools sheet)
        self.measure_numbers: list[int] = []  # ลำดับ of the measures, in the order they are read

    def has(self, sheet: str, header: str) -> bool:
        return header in self.t[sheet].columns

    def rows(self, sheet: str):
        table = self.t[sheet]
        for r in table.rows:
            yield r, lambda h, r=r, table=table: (table.cell(r, h), table.where(r, h))

    def text(self, c) -> str:
        return wc.text(c[0])

    def opt(self, c) -> str | None:
        return wc.text(c[0]) or None

    def req(self, c) -> str:
        return wc.required_text(*c, self.p)

    def num(self, c, **kw):
        return wc.number(*c, self.p, **kw)

    def whole(self, c, lo=0, hi=None, *, required=False):
        value = wc.number(*c, self.p, lo=lo, hi=hi, whole=True)
        if value is None and required:
            self.p.at(c[1], "ต้องไม่เว้นว่าง")
        return value

    def unique(self, seen: set, key, c, what: str) -> bool:
        if key in seen:
            self.p.at(c[1], f"{what} “{key}” ซ้ำกับแถวก่อนหน้า")
            return False
        seen.add(key)
        return True

    # ------------------------------------------------------------ framework
    def framework(self, year: int) -> tuple[Framework, Scores]:
        rows = list(self.rows("ปี"))
        fw, sc = Framework(year), Scores(year)
        if len(rows) != 1:
            self.p.at(self.t["ปี"].where(None), f"ต้องมีข้อมูลหนึ่งแถว (พบ {len(rows)} แถว)")
        for _r, col in rows[:1]:
            pass_mark = self.num(col("คะแนนผ่าน"), lo=0, hi=100)
            if pass_mark is None:
                self.p.at(col("คะแนนผ่าน")[1], "ต้องไม่เว้นว่าง")
            fw.pass_mark = pass_mark if pass_mark is not None else fw.pass_mark
            fw.unverified = wc.flag(*col("กรอบยังไม่ยืนยัน"), self.p)
            fw.note = self.text(col("หมายเหตุกรอบการประเมิน"))
            sc.overall = wc.score(*col("คะแนนภาพรวม"), self.p)
            if self.has("ปี", EIT_RULE):
                fw.eit_from_parts = wc.flag(*col(EIT_RULE), self.p)
        seen: set = set()
        for n, (_r, col) in enumerate(self.rows("เครื่องมือ")):
            code = self.req(col("รหัส"))
            if self.unique(seen, code, col("รหัส"), "รหัสเครื่องมือ"):
                fw.tools.append(Tool(code, self.req(col("ชื่อเครื่องมือ")), self.num(col("น้ำหนัก"), lo=0, hi=100),
                                     self.opt(col("อยู่ภายใต้")), n))
                score = wc.score(*col("คะแนน"), self.p)
                if score is not None:
                    sc.tools[code] = score
                verdict = wc.choice(*col(VERDICT), self.p, VERDICT_LABELS, required=False) if self.has("เครื่องมือ", VERDICT) else None
                if verdict:
                    self.verdicts[code] = verdict
        tools = {t.code for t in fw.tools}
        for t in fw.tools:
            if t.parent and t.parent not in tools:
                self.p.add(f"{self.t['เครื่องมือ'].where(None)}: เครื่องมือ {t.code} อยู่ภายใต้ {t.parent} ซึ่งไม่มีในแผ่นงาน")
        seen = set()
        for _r, col in self.rows("ตัวชี้วัด"):
            no = self.whole(col("ตัวชี้วัดที่"), 1, 99, required=True)
            tool = self.req(col("เครื่องมือ"))
            if tool and tool not in tools:
                self.p.at(col("เครื่องมือ")[1], f"ไม่มีเครื่องมือ {tool} ในแผ่นงาน “เครื่องมือ”")
            if no is not None and self.unique(seen, no, col("ตัวชี้วัดที่"), "ตัวชี้วัดที่"):
                fw.indicators.append(Indicator(no, self.req(col("ชื่อตัวชี้วัด")), tool))
                score = wc.score(*col("คะแนน"), self.p)
                if score is not None:
                    sc.indicators[no] = score
        fw.indicators.sort(key=lambda i: i.no)
        seen = set()
        for n, (_r, col) in enumerate(self.rows("ข้อคำถาม")):
            code, tool = self.req(col("รหัส")), self.req(col("เครื่องมือ"))
            if tool and tool not in tools:
                self.p.at(col("เครื่องมือ")[1], f"ไม่มีเครื่องมือ {tool} ในแผ่นงาน “เครื่องมือ”")
            indicator = self.whole(col("ตัวชี้วัดที่"), 1, 99)
            if indicator is not None and fw.indicator(indicator) is None:
                self.p.at(col("ตัวชี้วัดที่")[1], f"ไม่มีตัวชี้วัดที่ {indicator} ในแผ่นงาน “ตัวชี้วัด”")
            if code and self.unique(seen, code.lower(), col("รหัส"), "รหัสข้อ"):
                fw.items.append(Item(code, tool, indicator, self.text(col("ข้อคำถาม")), self.opt(col("ตัวชี้วัดย่อย")),
                                     wc.flag(*col("ยังไม่ยืนยัน"), self.p), n))
                for header, target in (("คะแนน", sc.items), ("คะแนนส่วนที่ 2", sc.items_part2)):
                    score = wc.score(*col(header), self.p)
                    if score is not None:
                        target[code] = score
        for n, (_r, col) in enumerate(self.rows("ระดับผลการประเมิน")):
            lo, hi = self.num(col("คะแนนต่ำสุด"), lo=0, hi=100), self.num(col("คะแนนสูงสุด"), lo=0, hi=100)
            if lo is None or hi is None:
                self.p.at(col("คะแนนต่ำสุด" if lo is None else "คะแนนสูงสุด")[1], "ต้องไม่เว้นว่าง")
                continue
            if lo > hi:
                self.p.at(col("คะแนนสูงสุด")[1], "คะแนนต่ำสุดต้องไม่มากกว่าคะแนนสูงสุดของระดับ")
            explanation = self.text(col(EXPLANATION)).strip() if self.has("ระดับผลการประเมิน", EXPLANATION) else ""
            fw.levels.append(Level(self.req(col("ระดับ")), lo, hi, self.num(col("คะแนนเครื่องมือขั้นต่ำ"), lo=0, hi=100), n,
                                   explanation))
        return fw, sc

    # -------------------------------------------------------------- records
    def texts(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for _r, col in self.rows("ข้อความ"):
            key = self.req(col("รหัส"))
            if key and self.unique(set(out), key, col("รหัส"), "รหัสข้อความ"):
                out[key] = self.text(col("ข้อความ"))
        return out

    def analyses(self, year: int, fw: Framework) -> list[Analysis]:
        out = []
        f = labels.ANALYSIS_FIELDS
        for n, (_r, col) in enumerate(self.rows("ผลการวิเคราะห์")):
            no = self.whole(col("ตัวชี้วัดที่"), 1, 99)
            if no is not None and fw.indicator(no) is None:
                self.p.at(col("ตัวชี้วัดที่")[1], f"ไม่มีตัวชี้วัดที่ {no} ในแผ่นงาน “ตัวชี้วัด”")
            out.append(Analysis(None, year, no, self.text(col(f["topic"])).strip(), self.text(col(f["assessment"])),
                                self.text(col(f["analysis"])), self.text(col(f["development"])), n, self.text(col(f["points"]))))
        return out

    def limitations(self, year: int) -> list[Limitation]:
        f = labels.LIMITATION_FIELDS
        return [Limitation(None, year, self.req(col(f["limitation"])), self.text(col(f["impact"])),
                           self.text(col(f["development"])), n) for n, (_r, col) in enumerate(self.rows("ข้อจำกัด"))]

    def measures(self, year: int, fw: Framework) -> list[MeasureState]:
        by_no: dict[int, MeasureState] = {}
        codes = {i.code.lower(): i.code for i in fw.items}
        for _r, col in self.rows("มาตรการ"):
            no = self.whole(col("ลำดับ"), 1, required=True)
            kind = wc.choice(*col(M["kind"]), self.p, {k: k for k in MEASURE_KINDS})
            m = Measure(None, year, self.req(col(M["title"])), kind or MEASURE_KINDS[0], issue=self.text(col(M["issue"])),
                        start=wc.date(*col(M["start"]), self.p), end=wc.date(*col(M["end"]), self.p),
                        period_text=self.text(col(M["period_text"])), monitoring=self.text(col(M["monitoring"])),
                        target=self.text(col(M["target"])), budget=self.num(col(M["budget"]), lo=0, hi=10_000_000_000))
            if m.start and m.end and m.end < m.start:
                self.p.at(col(M["end"])[1], "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น")
            for ind in wc.integer_list(*col(M["indicators"]), self.p):
                if fw.indicator(ind) is None:
                    self.p.at(col(M["indicators"])[1], f"ไม่มีตัวชี้วัดที่ {ind} ในแผ่นงาน “ตัวชี้วัด”")
                elif ind not in m.indicators:
                    m.indicators.append(ind)
            for code in wc.word_list(col(M["items"])[0]):
                if code.lower() not in codes:
                    self.p.at(col(M["items"])[1], f"ไม่มีข้อ {code} ในแผ่นงาน “ข้อคำถาม”")
                elif codes[code.lower()] not in m.items:
                    m.items.append(codes[code.lower()])
            if no is not None and self.unique(set(by_no), no, col("ลำดับ"), "ลำดับมาตรการ"):
                by_no[no] = MeasureState(m)
        parts: dict[str, dict[int, list]] = {name: defaultdict(list) for name in ("ขั้นตอน", "ผู้รับผิดชอบ", "หลักฐาน", "สถานะ")}
        for name in parts:
            for r, col in self.rows(name):
                no = self.whole(col("ลำดับมาตรการ"), 1, required=True)
                if no is not None and no not in by_no:
                    self.p.at(col("ลำดับมาตรการ")[1], f"ไม่มีมาตรการลำดับที่ {no} ในแผ่นงาน “มาตรการ”")
                elif no is not None:
                    parts[name][no].append((r, col))
        for no, state in by_no.items():
            m = state.measure
            steps = [(self.whole(col("ขั้นที่"), 1) or 0, r,
                      Step(self.req(col("ขั้นตอน")), self.text(col("ผู้รับผิดชอบขั้นตอน")), self.text(col("ระยะเวลาของขั้นตอน")),
                           self.text(col("การกำกับติดตามของขั้นตอน")), self.text(col("ข้อความในตารางสถานะ"))))
                     for r, col in parts["ขั้นตอน"][no]]
            m.steps = [st.text for _k, _r, st in sorted(steps, key=lambda x: (x[0], x[1]))]
            m.step_details = [st for _k, _r, st in sorted(steps, key=lambda x: (x[0], x[1]))]
            m.units = [self.req(col("หน่วยงานผู้รับผิดชอบ")) for _r, col in parts["ผู้รับผิดชอบ"][no]]
            m.evidence = [Evidence(self.text(col("ชื่อหลักฐาน")), self.text(col("ลิงก์"))) for _r, col in parts["หลักฐาน"][no]]
            for _r, col in parts["สถานะ"][no]:
                day = wc.date(*col("วันที่รายงาน"), self.p)
                if day is None:
                    self.p.at(col("วันที่รายงาน")[1], "ต้องไม่เว้นว่าง")
                rnd = wc.choice(*col("รอบการรายงาน"), self.p, ROUNDS_TH)
                status = wc.choice(*col("สถานะ"), self.p, STATUS_TH)
                progress = self.whole(col("ร้อยละความก้าวหน้า"), 0, 100) or 0
                if day and rnd and status:
                    state.history.append(StatusUpdate(None, no, day, status, rnd, progress, self.text(col("หมายเหตุ"))))
            state.history.sort(key=lambda u: u.date)  # stable: same-day updates keep their rows' order
        self.measure_numbers = sorted(by_no)
        return [by_no[k] for k in sorted(by_no)]

    def memos(self, year: int) -> list[Memo]:
        by_no: dict[int, Memo] = {}
        for _r, col in self.rows("บันทึกข้อความ"):
            no = self.whole(col("ลำดับ"), 1, required=True)
            memo = Memo(None, year, self.text(col(MEMO["agency"])), self.text(col(MEMO["number"])),
                        wc.date(*col(MEMO["date"]), self.p), self.text(col(MEMO["subject"])), self.text(col(MEMO["salutation"])),
                        [], self.text(col(MEMO["closing"])), self.text(col(MEMO["signer_name"])),
                        self.text(col(MEMO["signer_position"])),
                        wc.choice(*col(MEMO["table_style"]), self.p, TABLE_STYLES) or "three",
                        wc.flag(*col(MEMO["include_table"]), self.p),
                        wc.choice(*col(MEMO["status_round"]), self.p, ROUNDS_TH) or "6",
                        wc.flag(*col(MEMO["comment_block"]), self.p))
            if no is not None and self.unique(set(by_no), no, col("ลำดับ"), "ลำดับบันทึกข้อความ"):
                by_no[no] = memo
        paragraphs = defaultdict(list)
        for r, col in self.rows("ย่อหน้าบันทึก"):
            no = self.whole(col("ลำดับบันทึก"), 1, required=True)
            if no is not None and no not in by_no:
                self.p.at(col("ลำดับบันทึก")[1], f"ไม่มีบันทึกข้อความลำดับที่ {no} ในแผ่นงาน “บันทึกข้อความ”")
            elif no is not None:
                paragraphs[no].append((self.whole(col("ย่อหน้าที่"), 1) or 0, r, self.text(col("ข้อความ"))))
        for no, memo in by_no.items():
            memo.paragraphs = [text for _k, _r, text in sorted(paragraphs[no])]
        return [by_no[k] for k in sorted(by_no)]

    # ---------------------------------------------------------------- office
    def office(self) -> Office:
        office, emblem = Office(), []
        for _r, col in self.rows("หน่วยงาน"):
            key = self.text(col("รหัส")).strip()
            value = self.text(col("ค่า"))
            if key == EMBLEM_KEY:
                emblem.append(value.strip())
            elif key == "kind":
                office.kind = wc.choice(*col("ค่า"), self.p, OFFICE_KINDS) or office.kind
            elif key in labels.OFFICE_FIELDS:
                setattr(office, key, value)
            else:
                self.p.at(col("รหัส")[1], f"ไม่รู้จักรหัส “{key}”")
        if emblem:
            try:
                office.emblem_png = base64.b64decode("".join(emblem), validate=True)
            except (binascii.Error, ValueError):
                self.p.add(f"{self.t['หน่วยงาน'].where(None)}: ข้อมูลตราสัญลักษณ์เสียหาย")
        return office

    def units(self) -> list[Unit]:
        names: list[str] = []
        for _r, col in self.rows("ส่วนราชการ"):
            name = self.req(col("ชื่อส่วนราชการ"))
            if name and self.unique(set(names), name, col("ชื่อส่วนราชการ"), "ชื่อส่วนราชการ"):
                names.append(name)
        return [Unit(None, n, k) for k, n in enumerate(names)]

    def signers(self) -> list[Signer]:
        f = labels.SIGNER_FIELDS
        return [Signer(None, self.req(col(f["name"])), self.text(col(f["position"])),
                       wc.choice(*col(f["role"]), self.p, ROLES_TH) or "reporter", n)
                for n, (_r, col) in enumerate(self.rows("ผู้ลงนาม"))]

    def settings(self) -> tuple[bool, float]:
        thai, threshold = True, 90.0
        for _r, col in self.rows("การตั้งค่า"):
            key = self.text(col("รหัส")).strip()
            if key == "thai_digits":
                thai = wc.flag(*col("ค่า"), self.p)
            elif key == "strength_threshold":
                threshold = wc.score(*col("ค่า"), self.p) or threshold
            else:
                self.p.at(col("รหัส")[1], f"ไม่รู้จักรหัส “{key}”")
        return thai, threshold


def read_year_workbook(path: str | Path, *, year: int | None = None) -> YearBook:
    """The year in the workbook at ``path`` (as year ``year`` when given), with the parts its
    layout lacks named in ``missing`` (``year_book.fill_missing`` fills them before writing).

    Raises ``WorkbookError`` listing every problem; nothing is written anywhere."""
    path = Path(path)
    wb, marks = wc.open_workbook(path, KIND)
    p = Problems()
    tables, missing = _tables(path, wb, p)
    if not marks.get("layout", "1").strip().isdigit() or int(marks.get("layout", "1")) < LAYOUT:
        missing.add("points")  # the first layout wrote the development points' column empty
    p.raise_if_any()  # a sheet that cannot be read hides the rest: report these first
    r = _Reader(tables, p)
    stated = None
    for _r, col in list(r.rows("ปี"))[:1]:
        stated = r.whole(col("ปี พ.ศ."), 2550, 2700, required=True)
    target = year if year is not None else stated
    if target is None:
        p.add(f"ไฟล์ {path.name}: ไม่พบปี พ.ศ. ในแผ่นงาน “ปี”")
        p.raise_if_any()
    try:
        target = parse_year("ปีงบประมาณ", target)
    except ValidationError as err:
        raise wc.WorkbookError([err.message_th]) from None
    fw, sc = r.framework(target)
    view = YearView(
        year=target, office=r.office(), signers=r.signers(), units=r.units(), framework=fw, scores=sc, level=None,
        previous=None, analyses=r.analyses(target, fw), limitations=r.limitations(target),
        states=r.measures(target, fw), memos=r.memos(target), texts=r.texts())
    view.thai_digits, view.strength_threshold = r.settings()
    book = read_extras(r, view, missing)
    p.raise_if_any()
    return book
