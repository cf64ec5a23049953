"""PDF renderers of the measure blocks: the plan table grouped by assessment issue,
the eight-column development table, and the status table.

Grouped plans print one row per step: the issue and each measure once, on their
first row; steps numbered across the group; each step's own unit, period and
monitoring beside it (the measure's on its first step when the step has none).
"""

from __future__ import annotations

from reportlab.lib.units import cm

from ..domain import drafting as d
from ..domain.models import Measure
from ..domain.plan import PlanGroup, plan_groups
from ..domain.thai_dates import format_period
from ..domain.validation import STATUS_CODES, STATUS_TH
from ..domain.vocab import Status
from ..outline.blocks import Block
from ..pdf.tables import auto_widths, thai_table, widen_to_words
from ..pdf.thai_paragraph import Run, ThaiParagraph
from . import blocks as b
from .outline_doc import Ctx, renderer
from .outline_tables import caption, headers, lines, widths


def number(ctx: Ctx, blk: Block, k: int, style: str, text: str) -> str:
    if style == "dash":
        return f"- {text}"
    if style == "paren":
        return f"{ctx.n(k, blk)}) {text}"
    if style == "dot":
        return f"{ctx.n(k, blk)}. {text}"
    return text


def period(ctx: Ctx, blk: Block, m: Measure) -> str:
    return ctx.typed(m.period_text, blk) or format_period(m.start, m.end, thai=ctx.thai(blk))


def _money(ctx: Ctx, blk: Block, m: Measure) -> str:
    return ctx.n(f"{m.budget:,.0f}", blk) if m.budget else ""


PLAN_WEIGHTS = {"issue": 0.17, "measure": 0.18, "steps": 0.29, "units": 0.12, "period": 0.09, "monitoring": 0.15,
                "target": 0.12, "budget": 0.08}


def _grouped_rows(ctx: Ctx, blk: Block, group: PlanGroup, cols: list[str]) -> list[list]:
    """One row per step of the group's measures (a measure without steps: one row)."""
    t = lambda s: ctx.typed(s, blk)  # noqa: E731
    step_style = blk.opt("step_numbers") or "dot"
    # the issue's title and detail lines flow down the group's rows, one a row, the rest in the last:
    # a long detail never makes one giant first row beside one step
    issue_lines = ([[Run(t(group.title), bold=True)]] if group.title else []) + [t(x) for x in group.detail]
    steps = group.steps()
    count = sum(max(1, len(m.steps)) for m in group.measures)
    flow = [[x] for x in issue_lines[:count - 1]] + [issue_lines[count - 1:]] if issue_lines else []
    rows: list[list] = []
    n_measure = 0
    for m in group.measures:
        n_measure += 1
        mine = [(n, s) for mm, n, s in steps if mm is m] or [(None, None)]
        for k, (n, s) in enumerate(mine):
            first = k == 0
            unit = (s.unit if s is not None and s.unit else "") or (", ".join(m.units) if first else "")
            cells = {
                "issue": flow[len(rows)] if len(rows) < len(flow) else "",
                "measure": number(ctx, blk, n_measure, blk.opt("measure_numbers") or "none", t(m.title)) if first else "",
                "steps": number(ctx, blk, n, step_style, t(s.text)) if s is not None else "-",
                "units": t(unit),
                "period": t(s.period) if s is not None and s.period else (period(ctx, blk, m) if first else ""),
                "monitoring": t(s.monitoring) if s is not None and s.monitoring else (t(m.monitoring) if first else ""),
                "target": t(m.target) if first else "",
                "budget": _money(ctx, blk, m) if first else "",
            }
            rows.append([cells[c] for c in cols])
    return rows


def _measure_row(ctx: Ctx, blk: Block, k: int, m: Measure, cols: list[str]) -> list:
    t = lambda s: ctx.typed(s, blk)  # noqa: E731
    step_style = blk.opt("step_numbers") or "dot"
    details = [m.step(j) for j in range(len(m.steps))]
    units = list(dict.fromkeys([*m.units, *(s.unit for s in details if s.unit)]))
    periods = [period(ctx, blk, m)] if (m.period_text or m.start or m.end) else []
    periods += [s.period for s in details if s.period and s.period not in periods]
    follow = [m.monitoring] if m.monitoring else []
    follow += [s.monitoring for s in details if s.monitoring and s.monitoring not in follow]
    cells = {
        "issue": t(m.issue),
        "measure": number(ctx, blk, k, blk.opt("measure_numbers") or "none", t(m.title)),
        "steps": [number(ctx, blk, j, step_style, t(s.text)) for j, s in enumerate(details, 1)] or "-",
        "units": [t(u) for u in units], "period": [t(p) for p in periods], "monitoring": [t(x) for x in follow],
        "target": t(m.target), "budget": _money(ctx, blk, m),
    }
    return [cells[c] for c in cols]


@renderer("plan")
def plan(ctx: Ctx, blk: Block) -> list:
    cols, head = headers(blk)
    rows = [head]
    if blk.opt("group") == "none":
        rows += [_measure_row(ctx, blk, k, m, cols) for k, m in enumerate(ctx.view.measures, 1)]
    else:
        for group in plan_groups(ctx.view):
            rows += _grouped_rows(ctx, blk, group, cols)
    align = {k: "center" for k, c in enumerate(cols) if c in ("period", "budget")}
    # columns share the width by what they hold (a short period column still fits its heading),
    # within a third of the fixed weights either way so a table keeps its familiar shape
    fixed = widths(cols, PLAN_WEIGHTS, ctx.width())
    fitted = auto_widths(rows, ctx.width(), size=9.5, header_rows=1)
    mixed = [max(w * 2 / 3, min(w * 4 / 3, f)) for w, f in zip(fixed, fitted, strict=True)]
    table = thai_table(rows, [w * ctx.width() / sum(mixed) for w in mixed], size=9.5, col_align=align)
    return caption(ctx, blk) + [b.gap(6), table]


# ------------------------------------------------------------- development
LEFT = ("questions", "analysis")
RIGHT = ("measures", "measure_analysis", "steps", "period", "units")
DEV_WEIGHTS = {"indicator": 0.11, "questions": 0.13, "analysis": 0.16, "measures": 0.13, "measure_analysis": 0.16,
               "steps": 0.17, "period": 0.07, "units": 0.09}


def _compact(score: float | None) -> str:
    return "-" if score is None else f"{score:.2f}".rstrip("0").rstrip(".")


def _dev_header(ctx: Ctx, blk: Block, cols: list[str], head: list[str]) -> tuple[list[list], list]:
    left = [k for k, c in enumerate(cols) if c in LEFT]
    right = [k for k, c in enumerate(cols) if c in RIGHT]
    contiguous = all(ks == list(range(ks[0], ks[-1] + 1)) for ks in (left, right) if ks)
    if not (left and right and contiguous):
        return [head], []
    top = list(head)
    spans = []
    for ks, text in ((left, f"การวิเคราะห์ผลการประเมินในปีงบประมาณ {ctx.n(ctx.view.year, blk)}"),
                     (right, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร (การนำผลการวิเคราะห์ไปสู่การปรับปรุง หรือพัฒนาองค์กร "
                             "หรือรักษาระดับ)")):
        for k in ks:
            top[k] = ""
        top[ks[0]] = text
        spans.append(((ks[0], 0), (ks[-1], 0)))
    bottom = [head[k] if (k in left or k in right) else "" for k in range(len(cols))]
    for k in range(len(cols)):
        if k not in left and k not in right:
            spans.append(((k, 0), (k, 1)))
    return [top, bottom], spans


def _dev_rows(ctx: Ctx, blk: Block, no: int, cols: list[str]) -> list[list]:
    view, thai = ctx.view, ctx.thai(blk)
    fw, sc = view.framework, view.scores
    t = lambda s: ctx.typed(s, blk)  # noqa: E731
    ind = fw.indicator(no)
    measures = [m for m in view.measures if no in m.indicators]
    a = next((x for x in view.analyses if x.indicator == no), None)
    items = [it for it in fw.items if it.indicator == no]
    linked = {c for m in measures for c in m.items}
    shown = [it for it in items if it.code in linked] or items[:3]
    questions = [f"{ctx.n(it.code, blk)} {it.title_th}" for it in shown]
    analysis = t(a.analysis) if a and a.analysis else d.indicator_analysis(
        fw, sc, no, threshold=view.strength_threshold, pass_mark=fw.pass_mark, previous=view.previous_scores, thai=thai)
    label = f"{ctx.n(no, blk)}. {ind.name_th} ({ctx.n(_compact(sc.indicators.get(no)), blk)} คะแนน)"
    relevant = [t(x) for x in lines(a.development)] if a else []
    base = {"indicator": label, "questions": questions, "analysis": [analysis], "measure_analysis": relevant}
    if not measures:
        return [[base.get(c, "-") for c in cols]]
    if blk.opt("group") == "measure":
        out = []
        for k, m in enumerate(measures):
            details = [m.step(j) for j in range(len(m.steps))]
            cells = {**{c: (v if k == 0 else "") for c, v in base.items()}, "measures": t(m.title),
                     "steps": [f"{ctx.n(j, blk)}. {t(s.text)}" for j, s in enumerate(details, 1)],
                     "period": period(ctx, blk, m), "units": [t(u) for u in m.units]}
            out.append([cells[c] for c in cols])
        return out
    group = PlanGroup("", [], measures)
    periods = list(dict.fromkeys(period(ctx, blk, m) for m in measures if period(ctx, blk, m)))
    units = list(dict.fromkeys([*(u for m in measures for u in m.units), *(s.unit for _m, _n, s in group.steps() if s.unit)]))
    cells = {**base, "measures": [f"{ctx.n(k, blk)}. {t(m.title)}" for k, m in enumerate(measures, 1)],
             "steps": [f"{ctx.n(n, blk)}. {t(s.text)}" for _m, n, s in group.steps()],
             "period": periods, "units": [t(u) for u in units]}
    return [[cells[c] for c in cols]]


@renderer("development")
def development(ctx: Ctx, blk: Block) -> list:
    cols, head = headers(blk)
    header, spans = _dev_header(ctx, blk, cols, head)
    title = [ThaiParagraph([Run(ctx.fill(x, blk), bold=True)], b.CENTER.but(keep_with_next=True, space_after=2 if k else 0))
             for k, x in enumerate(lines(blk.opt("repeat_title") or ""))]
    indicators = [i.no for i in ctx.view.framework.indicators]
    every = {no: _dev_rows(ctx, blk, no, cols) for no in indicators}
    # the fixed shape, each column widened to its longest word: one set of widths for every page
    w = widen_to_words(widths(cols, DEV_WEIGHTS, ctx.width()), header + [r for rows in every.values() for r in rows],
                       size=9, header_rows=len(header))

    def table(rows: list[list]):
        return thai_table(header + rows, w, size=9, header_rows=len(header), spans=spans,
                          col_align={k: "center" for k, c in enumerate(cols) if c == "period"})

    if not blk.opt("per_indicator"):
        return title + [b.gap(6), table([r for no in indicators for r in every[no]])]
    out: list = []
    for k, no in enumerate(indicators):
        if k:
            ctx.story += out
            out = ctx.page_break()
        out += title + [b.gap(6), table(every[no])]
    return out


# ------------------------------------------------------------------ status
def status_rows(ctx: Ctx, blk: Block) -> tuple[list[list], int, list, list[str], str]:
    """(rows, header rows, spans, columns, style) of a status table: each measure's status in
    the round chosen (the memo's by default) by the one rule of ``domain.year``, as in the memo's text."""
    memo = ctx.memo
    style = blk.opt("style") or "memo"
    if style == "memo":
        style = memo.table_style if memo is not None else "three"
    rnd = blk.opt("round") or "memo"
    rnd = (memo.status_round if memo is not None else None) if rnd == "memo" else (None if rnd == "other" else rnd)
    cols, head = headers(blk)
    status_k = cols.index("status") if "status" in cols else None
    rows: list[list] = []
    spans: list = []
    if status_k is None:
        rows.append(head)
    elif style == "three":
        before, after = head[:status_k], head[status_k + 1:]
        rows.append([*before, head[status_k], "", "", *after])
        rows.append([""] * len(before) + [STATUS_TH[c] for c in STATUS_CODES] + [""] * len(after))
        spans.append(((status_k, 0), (status_k + 2, 0)))
        spans += [((k, 0), (k, 1)) for k in range(len(before))]
        spans += [((status_k + 3 + k, 0), (status_k + 3 + k, 1)) for k in range(len(after))]
    else:
        rows.append([*head[:status_k], head[status_k], "ผลการดำเนินงาน", *head[status_k + 1:]])
    header_rows = len(rows)
    wording = blk.opt("wording") or "status"
    for k, state in enumerate(ctx.view.states, 1):
        m = state.measure
        details = [m.step(j) for j in range(len(m.steps))]
        steps = [f"- {ctx.typed((s.status_text if wording == 'status' and s.status_text else s.text), blk)}" for s in details] or ["-"]
        cells = {"no": ctx.n(k, blk), "measure": number(ctx, blk, k, blk.opt("measure_numbers") or "none", ctx.typed(m.title, blk)),
                 "steps": steps}
        if status_k is None:
            rows.append([cells[c] for c in cols])
            continue
        left, right = [cells[c] for c in cols[:status_k]], [cells[c] for c in cols[status_k + 1:]]
        current, now = state.update_in(rnd), state.status_in(rnd)
        if style == "three":
            rows.append([*left, *["/" if now == code else "" for code in STATUS_CODES], *right])
        else:
            note = ctx.typed(current.note, blk) if current else ""
            if current and current.status == Status.IN_PROGRESS:
                note = f"ร้อยละ {ctx.n(current.progress, blk)} {note}".strip()
            rows.append([*left, STATUS_TH[now], note, *right])
    return rows, header_rows, spans, cols, style


@renderer("status")
def status(ctx: Ctx, blk: Block) -> list:
    rows, header_rows, spans, cols, style = status_rows(ctx, blk)
    status_k = cols.index("status") if "status" in cols else None
    unit = {"no": 0.9, "measure": 4.2, "steps": 4.9}
    status_w = [2.0, 2.0, 2.0] if style == "three" else [2.4, 3.1]
    raw = ([unit[c] for c in cols[:status_k]] + status_w + [unit[c] for c in cols[status_k + 1:]]) if status_k is not None \
        else [unit[c] for c in cols]
    ws = [x * ctx.width() / sum(raw) for x in raw]
    centered = {k: "center" for k, c in enumerate(cols[:status_k] if status_k is not None else cols) if c == "no"}
    if status_k is not None:
        centered.update({status_k + j: "center" for j in range(3 if style == "three" else 1)})
    table = thai_table(rows, ws, size=10, header_rows=header_rows, spans=spans, col_align=centered)
    return caption(ctx, blk) + [b.gap(8), table, b.gap(4)]


__all__ = ["cm", "development", "plan", "status", "status_rows"]
