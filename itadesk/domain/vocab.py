"""The words itadesk stores and shows, as types: statuses, rounds, kinds, roles,
areas of change, and the one value every write returns.

They are ``StrEnum``s, so the stored text ('done', '6', 'มาตรการ') is the
member itself: rows read back compare equal to the members without mapping,
and a misspelt code is an error at the point it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def th(self) -> str:
        return STATUS_TH[self]


class Round(StrEnum):
    """Reporting rounds of the status of measures (6 and 12 months of the fiscal year)."""

    SIX = "6"
    TWELVE = "12"
    OTHER = "other"

    @property
    def th(self) -> str:
        return ROUNDS_TH[self]


class MeasureKind(StrEnum):
    MEASURE = "มาตรการ"
    PROJECT = "โครงการ"
    ACTIVITY = "กิจกรรม"


class OfficeKind(StrEnum):
    MUNICIPALITY = "เทศบาล"
    SAO = "อบต."


class SignerRole(StrEnum):
    EXECUTIVE = "executive"  # signs orders, receives the memo
    HEAD = "head"  # ปลัด / head of the administration
    REPORTER = "reporter"  # signs the memo as its author

    @property
    def th(self) -> str:
        return ROLES_TH[self]


class Area(StrEnum):
    """What a write changed, so a window refreshes only the views that show it."""

    SETTINGS = "settings"
    OFFICE = "office"
    YEARS = "years"
    FRAMEWORK = "framework"
    SCORES = "scores"
    ANALYSIS = "analysis"
    MEASURES = "measures"
    STATUS = "status"
    MEMOS = "memos"
    PLANS = "plans"  # plans across fiscal years (their hierarchy, measures and budgets)
    OUTLINE = "outline"  # the blocks of a document (issue 10)


ALL_AREAS: frozenset[Area] = frozenset(Area)

STATUS_TH: dict[str, str] = {
    Status.NOT_STARTED: "ยังไม่ดำเนินการ",
    Status.IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    Status.DONE: "ดำเนินการเรียบร้อยแล้ว",
}
ROUNDS_TH: dict[str, str] = {Round.SIX: "รอบ ๖ เดือน", Round.TWELVE: "รอบ ๑๒ เดือน", Round.OTHER: "อื่น ๆ"}
ROLES_TH: dict[str, str] = {
    SignerRole.EXECUTIVE: "ผู้บริหาร (ผู้สั่งการ)",
    SignerRole.HEAD: "ปลัด/หัวหน้าส่วนราชการ",
    SignerRole.REPORTER: "ผู้รายงาน",
}

# the year's free texts, with the Thai label the window and the documents give them
TEXT_LABELS: dict[str, str] = {
    "ranking": "ลำดับคะแนนและสรุป",
    "strengths": "จุดแข็ง (เพิ่มเติม)",
    "weaknesses": "จุดอ่อน (เพิ่มเติม)",
    "foreword": "คำนำ",
    "principles": "หลักการและเหตุผล",
    "recommend_general": "ข้อเสนอแนะภาพรวม",
}
TEXT_KEYS = ("foreword", "principles", "strengths", "weaknesses", "ranking", "recommend_IIT", "recommend_EIT",
             "recommend_OIT", "recommend_general", "foreword_signer")


@dataclass(frozen=True)
class Change:
    """What one write did: the areas it touched, and the id of the record it made or
    saved (or how many it copied). Always truthy, so ``if session.write(...)`` reads well."""

    areas: frozenset[Area]
    id: int | None = None
    count: int | None = None

    def __bool__(self) -> bool:
        return True


def change(*areas: Area, id: int | None = None, count: int | None = None) -> Change:  # noqa: A002
    return Change(frozenset(areas), id=id, count=count)
