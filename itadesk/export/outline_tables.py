"""PDF renderers of the score and analysis blocks: tool scores with a verdict per
tool, the indicator ranking, strengths, weaknesses with their development points,
the analyses, per-tool issue tables, the comparison table, limitations,
recommendations and the score summary's tables and chart."""

from __future__ import annotations

from reportlab.lib.units import cm

from ..domain import drafting as d
from ..domain.models import Analysis
from ..domain.thai_numbers import format_score
from ..outline.blocks import Block, kind_spec
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import Run, ThaiParagraph
from . import blocks as b
from .outline_blocks import paragraphs
from .outline_doc import Ctx, renderer
from .plan import TOOL_TH, tool_recommendation

TOOL_ORDER = {"IIT": 0, "EIT": 1, "EIT1": 2, "EIT2": 3, "OIT": 4}


def headers(blk: Block) -> tuple[list[str], list[str]]:
    """The block's columns and their headings (the kind's labels, renamed by the clerk)."""
    cols = blk.opt("columns") or []
    names = dict(kind_spec(blk.kind).option("columns").choices)
    labels = {**names, **(blk.opt("labels") or {})}
    return cols, [labels[c] for c in cols]


def widths(cols: list[str], weights: dict[str, float], total: float) -> list[float]:
    w = [weights.get(c, 1.0) for c in cols]
    return [total * x / sum(w) for x in w]


def lines(text: str) -> list[str]:
    return [x.strip() for x in (text or "").splitlines() if x.strip()]


def caption(ctx: Ctx, blk: Block) -> list:
    text = blk.opt("caption")
    return [b.gap(6), ThaiParagraph([Run(ctx.fill(text, blk), bold=True)], b.CENTER.but(keep_with_next=True))] if text else []


# ------------------------------------------------------------------ scores
def tool_label(ctx: Ctx, blk: Block, code: str, name: str) -> str:
    base, part = code[:3], code[3:]
    name = name.replace(f" ส่วนที่ {ctx.n(part, blk)}", "").replace(f" ส่วนที่ {part}", "") if part else name
    return f"{name} ({base})" + (f" ส่วนที่ {ctx.n(part, blk)}" if part else "")


def tool_verdict(ctx: Ctx, score: float, style: str) -> str:
    fw = ctx.view.framework
    if style == "pass":
        return "ผ่านเกณฑ์" if score >= fw.pass_mark else "ต่ำกว่าเกณฑ์"
    levels = sorted(fw.levels, key=lambda lv: lv.sort)
    if style == "excellent":
        if levels and score >= levels[0].min - 1e-9:
            return levels[0].name
        return "ผ่านเกณฑ์การประเมิน" if score >= fw.pass_mark else "ต่ำกว่าเกณฑ์"
    # a tool's own level: the band its score falls in (the tool floors apply to the overall level only)
    return next((lv.name for lv in levels if score >= lv.min - 1e-9), "-")


@renderer("tool_scores")
def tool_scores(ctx: Ctx, blk: Block) -> list:
    fw, sc, thai = ctx.view.framework, ctx.view.scores, ctx.thai(blk)
    tools = [t for t in sorted(fw.tools, key=lambda t: (TOOL_ORDER.get(t.code, 9), t.sort)) if sc.tools.get(t.code) is not None]
    style = blk.opt("verdict") or "level"
    if blk.opt("form") == "list":
        return caption(ctx, blk) + [b.body(f"{ctx.n(k, blk)}. {tool_label(ctx, blk, t.code, t.name_th)} ผลการประเมิน "
                                           f"{tool_verdict(ctx, sc.tools[t.code], style)} ได้คะแนนร้อยละ "
                                           f"{format_score(sc.tools[t.code], thai=thai)}") for k, t in enumerate(tools, 1)]
    cols, head = headers(blk)
    cell = {"tool": lambda t: tool_label(ctx, blk, t.code, t.name_th), "score": lambda t: format_score(sc.tools[t.code], thai=thai),
            "verdict": lambda t: tool_verdict(ctx, sc.tools[t.code], style)}
    rows = [head] + [[cell[c](t) for c in cols] for t in tools]
    align = {k: "center" for k, c in enumerate(cols) if c != "tool"}
    return caption(ctx, blk) + [b.gap(6), thai_table(rows, widths(cols, {"tool": 0.62, "score": 0.15, "verdict": 0.23}, ctx.width()),
                                                     size=10.5, col_align=align)]


@renderer("ranking")
def ranking(ctx: Ctx, blk: Block) -> list:
    fw, sc, thai = ctx.view.framework, ctx.view.scores, ctx.thai(blk)
    ranks = d.ranking(fw, sc)
    if blk.opt("order") == "number":
        ranks = sorted(ranks, key=lambda r: r.no)
    cols, head = headers(blk)
    named = bool(blk.opt("with_number"))
    cell = {"rank": lambda r: ctx.n(r.rank, blk), "no": lambda r: ctx.n(r.no, blk),
            "indicator": lambda r: f"ตัวชี้วัดที่ {ctx.n(r.no, blk)} {r.name}" if named else r.name,
            "score": lambda r: format_score(r.score, thai=thai)}
    rows = [head] + [[cell[c](r) for c in cols] for r in ranks]
    spans = []
    if blk.opt("minmax") and ranks:
        best, worst = max(r.score for r in ranks), min(r.score for r in ranks)
        text = (f"คะแนนสูงสุด {format_score(best, thai=thai)} คะแนน   "
                f"คะแนนต่ำสุด {format_score(worst, thai=thai)} คะแนน")
        rows.append([text] + [""] * (len(cols) - 1))
        spans = [((0, len(rows) - 1), (len(cols) - 1, len(rows) - 1))] if len(cols) > 1 else []
    align = {k: "center" for k, c in enumerate(cols) if c != "indicator"}
    table = thai_table(rows, widths(cols, {"rank": 0.12, "no": 0.12, "indicator": 0.6, "score": 0.18}, ctx.width() * 0.9),
                       size=10.5, col_align=align, spans=spans)
    return caption(ctx, blk) + [table]


# ---------------------------------------------------------------- analysis
def _analyses_by_indicator(ctx: Ctx) -> dict[int, Analysis]:
    return {a.indicator: a for a in ctx.view.analyses if a.indicator}


def _listed(ctx: Ctx, blk: Block, heading: str, ranked, extra_key: str) -> list:
    view = ctx.v(blk)
    t = view.strength_threshold
    out: list = []
    if heading.strip():
        out.append(ThaiParagraph([Run(ctx.fill(heading, blk, count=len(ranked), threshold=f"{t:g}"), bold=True)],
                                 b.PLAIN.but(space_before=8, keep_with_next=True)))
    if blk.opt("extra"):
        out += [b.body(ctx.typed(p, blk)) for p in paragraphs(view.texts.get(extra_key, ""))]
    return out


@renderer("strengths")
def strengths(ctx: Ctx, blk: Block) -> list:
    view = ctx.v(blk)
    ranked = view.strengths()
    out = _listed(ctx, blk, blk.opt("heading") or "", ranked, "strengths")
    return out + [ThaiParagraph(d.indicator_line(r, k, thai=view.thai_digits), b.PLAIN.but(left_indent=b.INDENT))
                  for k, r in enumerate(ranked, 1)]


@renderer("weaknesses")
def weaknesses(ctx: Ctx, blk: Block) -> list:
    view = ctx.v(blk)
    ranked = view.weaknesses()
    out = _listed(ctx, blk, blk.opt("heading") or "", ranked, "weaknesses")
    by_no = _analyses_by_indicator(ctx)
    source = blk.opt("points") or "points"
    for k, r in enumerate(ranked, 1):
        out.append(ThaiParagraph(d.indicator_line(r, k, thai=view.thai_digits), b.PLAIN.but(left_indent=b.INDENT, space_before=4,
                                                                                          keep_with_next=True)))
        a = by_no.get(r.no)
        text = getattr(a, source, "") if (a is not None and source != "none") else ""
        if not text.strip():
            continue
        if blk.opt("sub_heading"):
            out.append(ThaiParagraph([Run(ctx.fill(blk.opt("sub_heading"), blk), bold=True)],
                                     b.PLAIN.but(left_indent=b.INDENT, space_before=4, keep_with_next=True)))
        if blk.opt("points_style") == "paragraph":
            out += [b.body(ctx.typed(p, blk)) for p in paragraphs(text)]
        else:
            out += [b.bullet(ctx.typed(x.lstrip("-• ").strip(), blk)) for x in lines(text)]
    return out


@renderer("analyses")
def analyses(ctx: Ctx, blk: Block) -> list:
    fw = ctx.view.framework
    out: list = []
    prefix = ctx.fill(blk.opt("prefix") or "", blk)
    for a in ctx.view.analyses:
        if not (a.analysis.strip() or a.development.strip()):
            continue
        ind = fw.indicator(a.indicator) if a.indicator else None
        label = ctx.typed(a.topic or (ind.name_th if ind else ""), blk)
        title = f"{prefix}{ctx.n(a.sort, blk)} {label}" if a.sort else label
        out.append(ThaiParagraph([Run(title, bold=True)], b.PLAIN.but(space_before=8, keep_with_next=True)))
        out += [b.body(ctx.typed(p, blk)) for p in paragraphs(a.analysis) + paragraphs(a.development)]
    return out


def _analysis_rows(ctx: Ctx, blk: Block, chosen: list[Analysis]) -> list[list]:
    fw, sc, thai = ctx.view.framework, ctx.view.scores, ctx.thai(blk)
    cols, head = headers(blk)
    words = blk.opt("indicator_label") == "words"

    def label(a: Analysis) -> str:
        ind = fw.indicator(a.indicator) if a.indicator else None
        if ind is None:
            return f"{ctx.n(a.sort, blk)}. {ctx.typed(a.topic, blk)}" if a.sort else ctx.typed(a.topic, blk)
        return f"ตัวชี้วัดที่ {ctx.n(ind.no, blk)} {ind.name_th}" if words else f"{ctx.n(ind.no, blk)}. {ind.name_th}"

    cell = {"indicator": label,
            "score": lambda a: format_score(sc.indicators.get(a.indicator), thai=thai) if a.indicator else "",
            "assessment": lambda a: [ctx.typed(x, blk) for x in lines(a.assessment or a.topic)],
            "development": lambda a: [ctx.typed(x, blk) for x in lines(a.development)]}
    return [head] + [[cell[c](a) for c in cols] for a in chosen]


ANALYSIS_WEIGHTS = {"indicator": 0.22, "score": 0.11, "assessment": 0.30, "development": 0.37}


@renderer("issue_tables")
def issue_tables(ctx: Ctx, blk: Block) -> list:
    fw = ctx.view.framework
    out: list = []
    cols, _head = headers(blk)
    for tool in [t.strip() for t in (blk.opt("tools") or "").split(",") if t.strip()]:
        chosen = [a for a in ctx.view.analyses
                  if a.indicator and fw.indicator(a.indicator) and fw.indicator(a.indicator).tool[:3] == tool
                  and (a.assessment.strip() or a.development.strip())]
        if not chosen:
            continue
        out.append(ThaiParagraph([Run(TOOL_TH.get(tool, tool), bold=True)], b.PLAIN.but(space_before=10, keep_with_next=True)))
        out.append(thai_table(_analysis_rows(ctx, blk, chosen), widths(cols, ANALYSIS_WEIGHTS, ctx.width()), size=10,
                              col_align={k: "center" for k, c in enumerate(cols) if c == "score"}))
    return out


@renderer("compare")
def compare(ctx: Ctx, blk: Block) -> list:
    view = ctx.view
    chosen = list(view.analyses)
    which = blk.opt("which") or "all"
    if which == "weak":
        weak = {r.no for r in view.weaknesses()}
        chosen = [a for a in chosen if a.indicator in weak]
    elif which == "lowest":
        ranks = d.ranking(view.framework, view.scores)
        chosen = [a for a in chosen if ranks and a.indicator == ranks[-1].no]
    if not chosen:
        return []
    cols, _head = headers(blk)
    table = thai_table(_analysis_rows(ctx, blk, chosen), widths(cols, ANALYSIS_WEIGHTS, ctx.width()), size=10,
                       col_align={k: "center" for k, c in enumerate(cols) if c == "score"})
    return caption(ctx, blk) + [b.gap(4), table, b.gap(4)]


@renderer("limitations")
def limitations(ctx: Ctx, blk: Block) -> list:
    cols, head = headers(blk)
    cell = {"limitation": lambda k, lim: f"{ctx.n(k, blk)}. {ctx.typed(lim.limitation, blk)}",
            "impact": lambda k, lim: ctx.typed(lim.impact, blk), "development": lambda k, lim: ctx.typed(lim.development, blk)}
    rows = [head] + [[cell[c](k, lim) for c in cols] for k, lim in enumerate(ctx.view.limitations, 1)]
    return [thai_table(rows, widths(cols, {"limitation": 0.34, "impact": 0.30, "development": 0.36}, ctx.width()), size=10)]


@renderer("recommendations")
def recommendations(ctx: Ctx, blk: Block) -> list:
    view = ctx.v(blk)
    out: list = []
    for k, line in enumerate(lines(blk.opt("heading") or "")):
        style = b.CENTER.but(size=14 if k == 0 else b.BODY_SIZE, leading=22 if k == 0 else b.LEADING, keep_with_next=True,
                             space_before=10 if k == 0 else 0)
        out.append(ThaiParagraph([Run(ctx.fill(line, blk), bold=True)], style))
    if blk.opt("general"):
        general = view.texts.get("recommend_general") or (
            d.overall_sentence(view.office.name, view.scores, view.level, thai=view.thai_digits) + " " + view.change_sentence())
        out += [b.body(ctx.typed(p, blk)) for p in paragraphs(general.strip())]
    for tool in ("IIT", "EIT", "OIT"):
        text = tool_recommendation(view, tool)
        if text:
            out += [ThaiParagraph([Run(f"ข้อเสนอแนะสำหรับการประเมินตาม{TOOL_TH[tool]}", bold=True)],
                                  b.PLAIN.but(space_before=10, keep_with_next=True)),
                    *[b.body(ctx.typed(p, blk)) for p in paragraphs(text)]]
    return out


# ----------------------------------------------------------- score summary
def _delta(now: float | None, before: float | None, thai: bool) -> str:
    if now is None or before is None:
        return "-"
    diff = round(now - before, 2)
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    return sign + format_score(abs(diff), thai=thai)


@renderer("score_compare")
def score_compare(ctx: Ctx, blk: Block) -> list:
    view, thai = ctx.view, ctx.thai(blk)
    fw, sc, prev = view.framework, view.scores, view.previous_scores
    prev_label = f"ปี {ctx.n(view.previous.year, blk)}" if view.previous else "ปีก่อน"
    rows = [["รายการ", f"ปี {ctx.n(view.year, blk)}", prev_label, "เปลี่ยนแปลง"],
            ["คะแนนภาพรวม", format_score(sc.overall, thai=thai), format_score(prev.overall if prev else None, thai=thai),
             _delta(sc.overall, prev.overall if prev else None, thai)],
            ["ระดับผลการประเมิน", view.level or "-", view.previous_level or "-", ""]]
    for t in fw.tools:
        if sc.tools.get(t.code) is None:
            continue
        before = prev.tools.get(t.code) if prev else None
        rows.append([f"{t.code} {t.name_th}", format_score(sc.tools[t.code], thai=thai), format_score(before, thai=thai),
                     _delta(sc.tools[t.code], before, thai)])
    w = ctx.width()
    return [thai_table(rows, [w * 0.52, w * 0.16, w * 0.16, w * 0.16], size=10.5, col_align={1: "center", 2: "center", 3: "center"}),
            b.gap(10)]


@renderer("indicator_table")
def indicator_table(ctx: Ctx, blk: Block) -> list:
    view, thai = ctx.view, ctx.thai(blk)
    fw, sc, prev = view.framework, view.scores, view.previous_scores
    prev_label = f"ปี {ctx.n(view.previous.year, blk)}" if view.previous else "ปีก่อน"
    rows = [["ตัวชี้วัด", "คะแนน", "เกณฑ์", "ผล", prev_label, "เปลี่ยนแปลง"]]
    for i in fw.indicators:
        value = sc.indicators.get(i.no)
        before = prev.indicators.get(i.no) if prev else None
        verdict = "-" if value is None else ("ผ่าน" if value >= fw.pass_mark else "ไม่ถึงเกณฑ์")
        rows.append([f"{ctx.n(i.no, blk)}. {i.name_th}", format_score(value, thai=thai), format_score(fw.pass_mark, thai=thai),
                     verdict, format_score(before, thai=thai), _delta(value, before, thai)])
    w = ctx.width()
    return [thai_table(rows, [w * 0.40, w * 0.12, w * 0.10, w * 0.12, w * 0.12, w * 0.14], size=10,
                       col_align={k: "center" for k in range(1, 6)}), b.gap(10)]


@renderer("score_chart")
def score_chart(ctx: Ctx, blk: Block) -> list:
    view, thai = ctx.view, ctx.thai(blk)
    fw, sc, prev = view.framework, view.scores, view.previous_scores
    prev_label = f"ปี {ctx.n(view.previous.year, blk)}" if view.previous else "ปีก่อน"
    bars = b.ScoreBars([(f"{ctx.n(i.no, blk)}. {i.name_th}", sc.indicators.get(i.no), prev.indicators.get(i.no) if prev else None)
                        for i in fw.indicators], pass_mark=fw.pass_mark, thai_digits=thai, label_width=5.4 * cm,
                       legend=(f"ปี {ctx.n(view.year, blk)}", prev_label))
    return [b.keep(ThaiParagraph([Run("คะแนนรายตัวชี้วัดเทียบเกณฑ์ผ่านและปีก่อน", bold=True)], b.CENTER), bars)]
