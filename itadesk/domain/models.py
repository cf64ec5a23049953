"""Plain dataclasses for everything a clerk records; the store maps rows to them."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass
class Unit:
    id: int | None
    name: str
    sort: int = 0


@dataclass
class Signer:
    id: int | None
    name: str
    position: str
    role: str = "executive"  # executive | reporter | head
    sort: int = 0


@dataclass
class Office:
    name: str = ""
    kind: str = "เทศบาล"
    amphoe: str = ""
    province: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""
    doc_prefix: str = ""  # the "ที่" prefix of outgoing memos, e.g. "จบ ๕๒๑๐๑"
    emblem_png: bytes | None = None

    @property
    def full_name(self) -> str:
        parts = [self.name]
        if self.amphoe:
            parts.append(f"อำเภอ{self.amphoe}")
        if self.province:
            parts.append(f"จังหวัด{self.province}")
        return " ".join(p for p in parts if p)


@dataclass
class Tool:
    code: str  # IIT, EIT, EIT1, EIT2, OIT
    name_th: str
    weight: float | None = None
    parent: str | None = None  # EIT1/EIT2 are parts of EIT
    sort: int = 0


@dataclass
class Indicator:
    no: int
    name_th: str
    tool: str


@dataclass
class Item:
    code: str
    tool: str
    indicator: int | None
    title_th: str
    sub_indicator: str | None = None
    uncertain: bool = False
    sort: int = 0


@dataclass
class Level:
    name: str
    min: float
    max: float
    tool_min: float | None = None  # named levels from 2566 also need every tool ≥ this
    sort: int = 0
    explanation: str = ""  # what the level means, printed under it (editable default text per year)
    id: int | None = None


@dataclass
class Category:
    """A result category (from 2566): the overall against a range and the tools against the pass mark.

    ``tools`` is one of ``results.ToolRule``: any, all_pass (every tool at or above the
    pass mark), some_fail (at least one tool below it)."""

    name: str
    overall_min: float | None = None
    overall_max: float | None = None
    tools: str = "any"
    sort: int = 0
    id: int | None = None


@dataclass
class Framework:
    """What was assessed in one year; defaults come from resources/, users edit them."""

    year: int
    tools: list[Tool] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    pass_mark: float = 85.0
    unverified: bool = True
    note: str = ""
    categories: list[Category] = field(default_factory=list)
    eit_from_parts: bool = True  # EIT = the weighted mean of its parts when only the parts are entered

    def indicator(self, no: int) -> Indicator | None:
        return next((i for i in self.indicators if i.no == no), None)

    def item(self, code: str) -> Item | None:
        """The item ``code``, whatever its case: pages write "o1" as often as "O1"."""
        key = code.strip().casefold()
        return next((i for i in self.items if i.code.casefold() == key), None)

    def tool(self, code: str) -> Tool | None:
        return next((t for t in self.tools if t.code == code), None)


@dataclass
class Scores:
    """One year's results. Items may carry two values (EIT part 1 and part 2)."""

    year: int
    overall: float | None = None
    tools: dict[str, float | None] = field(default_factory=dict)
    indicators: dict[int, float | None] = field(default_factory=dict)
    items: dict[str, float | None] = field(default_factory=dict)
    items_part2: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Analysis:
    id: int | None
    year: int
    indicator: int | None
    topic: str = ""  # ประเด็น / assessment issue
    assessment: str = ""  # ประเด็นการประเมิน (what the question looked at)
    analysis: str = ""  # ผลการวิเคราะห์
    development: str = ""  # ประเด็นที่ควรพัฒนา
    sort: int = 0
    points: str = ""  # แนวทางการพัฒนาหรือการแก้ไข: the development points listed under a weakness, one a line


@dataclass
class Limitation:
    id: int | None
    year: int
    limitation: str
    impact: str = ""
    development: str = ""
    sort: int = 0


@dataclass
class Evidence:
    title: str
    link: str = ""


@dataclass
class Measure:
    id: int | None
    year: int
    title: str
    kind: str = "มาตรการ"
    issue: str = ""  # the assessment issue it answers (ประเด็นการประเมิน)
    steps: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # responsible unit names
    start: _dt.date | None = None
    end: _dt.date | None = None
    period_text: str = ""  # free text overriding the computed period ("ตลอดปีงบประมาณ")
    monitoring: str = ""
    target: str = ""
    budget: float | None = None
    indicators: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    sort: int = 0
    issue_id: int | None = None  # the Issue record that groups it (set by the store from ``issue``)
    # unit, period, monitoring and status wording of single steps, by position (see ``step``)
    step_details: list[Step] = field(default_factory=list)

    def step(self, n: int) -> Step:
        """Step ``n`` (0-based) with its own details, or the bare text when it has none."""
        found = self.step_details[n] if n < len(self.step_details) else None
        if found is not None and found.text == self.steps[n]:
            return found
        return Step(self.steps[n])


@dataclass
class Step:
    """One step of a measure. A step may carry its own responsible unit, period and
    monitoring (seed 002 prints them per step) and a shorter wording for the status
    table; empty means "as the measure"."""

    text: str
    unit: str = ""
    period: str = ""
    monitoring: str = ""
    status_text: str = ""


@dataclass
class Issue:
    """An assessment issue (ประเด็นที่ต้องพัฒนา) of a year: it groups the measures that answer
    it; the plan tables print it once with the measures under it and their steps numbered
    across the group. ``detail`` holds the lines printed under its title."""

    id: int | None
    year: int
    title: str
    detail: str = ""
    sort: int = 0


@dataclass
class StatusUpdate:
    id: int | None
    measure_id: int
    date: _dt.date
    status: str  # not_started | in_progress | done
    round: str = "6"  # 6 | 12 | other
    progress: int = 0
    note: str = ""


@dataclass
class Memo:
    id: int | None
    year: int
    agency: str = ""  # ส่วนราชการ
    number: str = ""  # ที่
    date: _dt.date | None = None
    subject: str = ""
    salutation: str = ""  # เรียน …
    paragraphs: list[str] = field(default_factory=list)
    closing: str = ""  # จึงเรียนมาเพื่อโปรดทราบ …
    signer_name: str = ""
    signer_position: str = ""
    table_style: str = "three"  # three status columns with a mark, or one column
    include_table: bool = True
    status_round: str = "6"
    comment_block: bool = True  # space for the superior's comment/order
