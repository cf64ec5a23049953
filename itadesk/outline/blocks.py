"""A document as an ordered list of blocks, independent of any renderer.

A :class:`Block` is one part of a document — a heading, a paragraph the clerk
types, a drafted paragraph, a table of the year's data, a page break — with its
name, its switch, its free text and its options. An :class:`Outline` is the
ordered blocks of one document kind (memo, measures report, development plan,
score summary) for one year, or the office's default for new years.

What a kind of block is — its Thai name, its options and whether it has
anything to print for a year — is a :class:`KindSpec` in an open registry:
built-in kinds are registered by ``itadesk.outline.builtin``, later modules
(results, multi-year plans, evidence) register their own with
:func:`register_kind`, and a renderer registers a function per kind. The PDF
renderer lives in ``itadesk.export``; a .docx renderer would read the same
outline.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ValidationError

# document kinds an outline can shape (the order of the window's list)
DOCUMENT_KINDS = ("memo", "measures", "plan", "scores")

DIGITS_CHOICES = (("", "ตามเอกสาร"), ("thai", "เลขไทย"), ("arabic", "เลขอารบิก"))
DOC_DIGITS_CHOICES = (("", "ตามการตั้งค่าของหน่วยงาน"), ("thai", "เลขไทย"), ("arabic", "เลขอารบิก"))


@dataclass(frozen=True)
class Option:
    """One option of a block kind, as the editor shows it and the store checks it.

    ``type``: ``choice`` (one of ``choices``, pairs of value and Thai label),
    ``bool``, ``text`` (one line), ``lines`` (several lines), ``int``, or
    ``columns`` (an ordered subset of ``choices``; the labels may be renamed
    through the ``labels`` option, a mapping column → heading)."""

    name: str
    label: str
    type: str
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()

    def check(self, value: Any) -> Any:
        """The value as stored, or ValidationError naming the Thai label."""
        if self.type == "bool":
            if not isinstance(value, bool):
                raise ValidationError(self.label, "ต้องเป็นใช่หรือไม่ใช่", f"{self.name} must be a bool")
            return value
        if self.type == "int":
            try:
                return int(value)
            except (TypeError, ValueError) as err:
                raise ValidationError(self.label, "ต้องเป็นตัวเลข", f"{self.name} must be an int") from err
        if self.type == "choice":
            if value not in {c for c, _ in self.choices}:
                raise ValidationError(self.label, f"ไม่มีตัวเลือก “{value}”", f"{self.name}: {value!r} not a choice")
            return value
        if self.type == "columns":
            known = {c for c, _ in self.choices}
            if not isinstance(value, list) or not value or any(c not in known for c in value) or len(set(value)) != len(value):
                raise ValidationError(self.label, "ต้องเลือกอย่างน้อยหนึ่งช่องจากที่มีให้เลือก", f"{self.name}: bad columns {value!r}")
            return list(value)
        if self.type == "labels":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise ValidationError(self.label, "รูปแบบหัวตารางไม่ถูกต้อง", f"{self.name}: labels must map str to str")
            return {k: v for k, v in value.items() if v.strip()}
        if not isinstance(value, str):
            raise ValidationError(self.label, "ต้องเป็นข้อความ", f"{self.name} must be text")
        return value


@dataclass(frozen=True)
class KindSpec:
    """What a kind of block is. ``has_data(block, view, memo)`` says whether it has
    anything to print for a year (a block without data is not printed, and the editor
    greys it). ``text_label`` names its free text when it has one; ``drafted`` kinds
    show a draft until the clerk types over it."""

    code: str
    label: str
    group: str  # "text" | "data" | "page" | "memo"
    options: tuple[Option, ...] = ()
    has_data: Callable[..., bool] = lambda block, view, memo: True
    text_label: str = ""
    title_label: str = "ชื่อบล็อก"
    drafted: bool = False

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


_KINDS: dict[str, KindSpec] = {}


def register_kind(spec: KindSpec) -> KindSpec:
    """Add (or replace) a block kind; modules outside this package call it at import."""
    _KINDS[spec.code] = spec
    return spec


def kind_spec(code: str) -> KindSpec:
    spec = _KINDS.get(code)
    if spec is None:
        raise ValidationError("ชนิดบล็อก", f"ไม่รู้จักบล็อกชนิด “{code}”", f"unknown block kind {code!r}")
    return spec


def all_kinds() -> list[KindSpec]:
    return list(_KINDS.values())


@dataclass
class Block:
    kind: str
    title: str = ""  # the clerk's name of the block; the printed text of a heading
    text: str = ""  # free text; the clerk's own wording of a drafted paragraph
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    key: str = ""  # stable within its outline (the same in a year's copy and its default)
    id: int | None = None

    def opt(self, name: str) -> Any:
        """The option's value, or its kind's default."""
        if name in self.options:
            return self.options[name]
        spec = _KINDS.get(self.kind)
        o = spec.option(name) if spec else None
        return copy.deepcopy(o.default) if o else None

    @property
    def label(self) -> str:
        """What the editor lists: the block's own name, else its kind's."""
        return self.title.strip() or kind_spec(self.kind).label


@dataclass
class Outline:
    kind: str  # the document kind: memo | measures | plan | scores
    blocks: list[Block] = field(default_factory=list)
    preset: str = ""  # the preset it started from
    options: dict[str, Any] = field(default_factory=dict)  # digits, typed_digits, first numbered page …
    year: int | None = None  # None: the office's default for new years
    id: int | None = None

    def block(self, key: str) -> Block:
        for b in self.blocks:
            if b.key == key:
                return b
        raise ValidationError("บล็อก", f"ไม่พบบล็อก {key} ในเอกสาร", f"no block {key!r}")

    def next_key(self) -> str:
        used = [int(b.key) for b in self.blocks if b.key.isdigit()]
        return str(max(used, default=0) + 1)

    def opt(self, name: str) -> Any:
        if name in self.options:
            return self.options[name]
        o = next((o for o in OUTLINE_OPTIONS if o.name == name), None)
        return o.default if o else None


# options of a whole document (not of one block)
OUTLINE_OPTIONS: tuple[Option, ...] = (
    Option("digits", "ตัวเลขในเอกสาร", "choice", "", DOC_DIGITS_CHOICES),
    Option("typed_digits", "ใช้เลขไทยกับตัวเลขที่พิมพ์เองด้วย (เมื่อเลือกเลขไทย)", "bool", True),
    Option("first_numbered_page", "เริ่มพิมพ์เลขหน้าตั้งแต่หน้าที่", "int", 2),
    Option("orientation", "แนวกระดาษหน้าแรก", "choice", "portrait", (("portrait", "แนวตั้ง"), ("landscape", "แนวนอน"))),
)


def check_outline_option(name: str, value: Any) -> Any:
    o = next((o for o in OUTLINE_OPTIONS if o.name == name), None)
    if o is None:
        raise ValidationError("ตัวเลือกของเอกสาร", f"ไม่มีตัวเลือก {name}", f"no outline option {name!r}")
    return o.check(value)


def check_block_option(kind: str, name: str, value: Any) -> Any:
    spec = kind_spec(kind)
    o = spec.option(name)
    if o is None:
        raise ValidationError("ตัวเลือกของบล็อก", f"บล็อก{spec.label}ไม่มีตัวเลือก {name}", f"{kind} has no option {name!r}")
    return o.check(value)


def new_block(kind: str, title: str = "", text: str = "", **options) -> Block:
    """A block of ``kind`` with ``options`` checked against its kind."""
    spec = kind_spec(kind)
    checked = {name: check_block_option(kind, name, value) for name, value in options.items()}
    return Block(spec.code, title, text, checked)


# ------------------------------------------------------------------ placeholders
PLACEHOLDERS = {
    "{office}": "ชื่อหน่วยงาน",
    "{office_full}": "ชื่อหน่วยงาน อำเภอ จังหวัด",
    "{year}": "ปีที่ประเมิน",
    "{plan_year}": "ปีงบประมาณที่ดำเนินมาตรการ (ปีถัดไป)",
    "{count}": "จำนวนรายการ (จุดแข็ง จุดอ่อน)",
    "{threshold}": "เกณฑ์จุดแข็ง",
    "{amphoe}": "อำเภอ",
    "{province}": "จังหวัด",
}
_PLACEHOLDER = re.compile(r"\{(office_full|office|plan_year|year|count|threshold|amphoe|province)\}")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace the known placeholders only: a brace the clerk types prints as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


# ------------------------------------------------------------------ what prints
def has_data(block: Block, view, memo=None) -> bool:
    """Whether ``block`` has anything to print for the year ``view`` (and ``memo``)."""
    spec = _KINDS.get(block.kind)
    return spec is not None and bool(spec.has_data(block, view, memo))


def printed(outline: Outline, view, memo=None, *, renderable: set[str] | frozenset[str] | None = None) -> set[str]:
    """Keys of the blocks that print: switched on, of a kind the renderer knows, with data —
    and a heading only when its section (up to the next heading of its level or above)
    prints something, so an empty section leaves no orphan title."""
    on = [b for b in outline.blocks if b.enabled and (renderable is None or b.kind in renderable)]
    keys = {b.key for b in on if b.kind != "heading" and has_data(b, view, memo)}
    for i, b in enumerate(on):
        if b.kind != "heading" or not has_data(b, view, memo):
            continue
        if not b.opt("only_with_content"):
            keys.add(b.key)
            continue
        level = int(b.opt("level") or 1)
        for nxt in on[i + 1:]:
            if nxt.kind == "heading" and int(nxt.opt("level") or 1) <= level:
                break
            if nxt.kind not in ("heading", "page_break") and nxt.key in keys:
                keys.add(b.key)
                break
    return keys


# ----------------------------------------------------------------------- files
FILE_FORMAT = "itadesk-outline"
FILE_VERSION = 1


def outline_to_dict(outline: Outline) -> dict:
    return {
        "format": FILE_FORMAT, "version": FILE_VERSION, "kind": outline.kind, "preset": outline.preset,
        "options": outline.options,
        "blocks": [{"key": b.key, "kind": b.kind, "title": b.title, "text": b.text, "enabled": b.enabled,
                    "options": b.options} for b in outline.blocks],
    }


def outline_to_json(outline: Outline) -> str:
    """A preset file another office can import (UTF-8 JSON, Thai kept readable)."""
    return json.dumps(outline_to_dict(outline), ensure_ascii=False, indent=1)


def outline_from_json(text: str) -> Outline:
    """Read a preset file; every kind and option is checked, nothing unknown slips in."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise ValidationError("ไฟล์รูปแบบเอกสาร", "ไม่ใช่ไฟล์รูปแบบเอกสารของ itadesk (JSON ไม่ถูกต้อง)", str(err)) from err
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise ValidationError("ไฟล์รูปแบบเอกสาร", "ไม่ใช่ไฟล์รูปแบบเอกสารของ itadesk", "not an itadesk outline file")
    if int(data.get("version", 0)) > FILE_VERSION:
        raise ValidationError("ไฟล์รูปแบบเอกสาร", "ไฟล์นี้สร้างด้วย itadesk รุ่นที่ใหม่กว่า", "outline file from a newer itadesk")
    kind = data.get("kind")
    if kind not in DOCUMENT_KINDS:
        raise ValidationError("ไฟล์รูปแบบเอกสาร", f"ไม่รู้จักเอกสารชนิด “{kind}”", f"unknown document kind {kind!r}")
    options = {name: check_outline_option(name, value) for name, value in (data.get("options") or {}).items()}
    blocks: list[Block] = []
    for n, raw in enumerate(data.get("blocks") or [], 1):
        if not isinstance(raw, dict):
            raise ValidationError("ไฟล์รูปแบบเอกสาร", f"บล็อกที่ {n} ไม่ถูกต้อง", f"block {n} is not an object")
        b = new_block(str(raw.get("kind")), str(raw.get("title", "")), str(raw.get("text", "")), **(raw.get("options") or {}))
        b.enabled = bool(raw.get("enabled", True))
        b.key = str(raw.get("key") or n)
        blocks.append(b)
    if len({b.key for b in blocks}) != len(blocks):
        for n, b in enumerate(blocks, 1):
            b.key = str(n)
    return Outline(kind, blocks, str(data.get("preset", "")), options)
