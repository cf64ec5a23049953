"""แผนปฏิบัติการป้องกันการทุจริต across fiscal years, as offices print it: landscape,
ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี ๒๕๖๑ งบประมาณ (บาท) | … | หมายเหตุ,
a row per dimension, its missions and their numbered measures, a total per
dimension and a total per year for the whole plan.

``multiyear_flowables`` takes a ``Plan`` and returns reportlab flowables (an
outline wraps them as a block); ``build_multiyear`` makes the document from a
YearView whose ``plan`` is the plan spanning the year.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import KeepTogether

from ..domain.plans import Plan, PlanNode, node_label, span_text
from ..domain.thai_numbers import digits
from ..domain.year import YearView
from ..errors import NotFoundError
from ..pdf.layout import ThaiDocTemplate, landscape_width, to_landscape
from ..pdf.tables import thai_table
from ..pdf.thai_paragraph import ParaStyle, Run, ThaiParagraph
from . import blocks as b

NO_BUDGET = "ไม่ใช้งบประมาณ"  # planned that year without money (a budget of 0 entered)


def amount(value: float | None, *, thai: bool = True) -> str:
    """"20,000" (baht, no satang unless there are some); "-" when not planned that year."""
    if value is None:
        return "-"
    if value == 0:
        return NO_BUDGET
    text = f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
    return digits(text, thai)


def _bold(text: str) -> list:
    """A cell holding ``text`` in bold (a cell is a list of paragraphs; a paragraph a list of runs)."""
    return [[Run(text, bold=True)]]


def multiyear_table(plan: Plan, width: float, *, thai: bool = True, size: float = 9.5):
    years = plan.years
    n_years = len(years)
    head = ["ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ"] + [[digits(f"ปี {y}", thai), "งบประมาณ (บาท)"] for y in years] + ["หมายเหตุ"]
    rows: list[list] = [head]
    dim_rows: list[int] = []
    total_rows: list[int] = []
    for dim_no, dim in enumerate(plan.nodes, 1):
        dim_rows.append(len(rows))
        rows.append([_bold(node_label((dim_no,), dim.title, thai=thai))] + [""] * (n_years + 2))
        _node_rows(plan, dim, (dim_no,), rows, years, thai, label_here=False)
        totals = plan.node_totals(dim)
        count = plan.count(dim)
        total_rows.append(len(rows))
        rows.append([_bold(digits(f"รวมมิติที่ {dim_no}", thai)), _bold(digits(f"{count} โครงการ/กิจกรรม/มาตรการ", thai))]
                    + [_bold(amount(totals[y], thai=thai) if totals[y] else "-") for y in years] + [""])
    grand = plan.totals()
    total_rows.append(len(rows))
    rows.append([_bold("รวมทั้งสิ้น"), _bold(digits(f"{plan.count()} โครงการ/กิจกรรม/มาตรการ", thai))]
                + [_bold(amount(grand[y], thai=thai) if grand[y] else "-") for y in years] + [""])
    # the year columns share what the text columns leave; each fits "๑,๒๓๔,๕๖๗" at this size
    year_w = max(2.15 * 28.35, min(2.6 * 28.35, width * 0.4 / max(n_years, 1)))
    note_w = width * 0.12
    rest = width - year_w * n_years - note_w
    widths = [rest * 0.38, rest * 0.62] + [year_w] * n_years + [note_w]
    spans = [((0, r), (-1, r)) for r in dim_rows]
    table = thai_table(rows, widths, size=size, col_align={2 + k: "right" for k in range(n_years)}, spans=spans)
    style = [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F3F3F3")) for r in dim_rows]
    style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#FAFAFA")) for r in total_rows]
    table.setStyle(style)
    return table


def _node_rows(plan: Plan, node: PlanNode, path: tuple[int, ...], rows: list, years: list[int], thai: bool, *, label_here: bool) -> None:
    """The node's own measures (its label beside the first), then its children's."""
    label = node_label(path, node.title, thai=thai) if label_here else ""
    for k, m in enumerate(node.measures, 1):
        title = digits(f"{k}. ", thai) + m.title
        rows.append([label if k == 1 else "", title] + [amount(m.budgets.get(y), thai=thai) for y in years] + [m.note])
    if label_here and not node.measures:
        rows.append([label, ""] + [""] * len(years) + [""])
    for c, child in enumerate(node.children, 1):
        _node_rows(plan, child, path + (c,), rows, years, thai, label_here=True)


def multiyear_flowables(plan: Plan, office_name: str, *, thai: bool = True) -> list:
    """Title, office and span, then the table (landscape width)."""
    title = ThaiParagraph([Run(plan.title, bold=True)], ParaStyle(size=15, leading=24, align="center"))
    sub = ThaiParagraph([Run(f"{span_text(plan.first_year, plan.last_year, thai=thai)}  {office_name}".strip(), bold=True)],
                        b.CENTER.but(space_after=8))
    story: list = [KeepTogether([title, sub])]
    if plan.note:
        story.append(b.body(plan.note))
    story.append(multiyear_table(plan, landscape_width(), thai=thai))
    return story


def build_multiyear(path: str, snap: YearView, title: str) -> None:
    if snap.plan is None:
        raise NotFoundError("ยังไม่มีแผนปฏิบัติการหลายปี เพิ่มแผนในหน้า “แผนหลายปี” ก่อน", "no plan across years in this file")
    story = to_landscape() + multiyear_flowables(snap.plan, snap.office.full_name, thai=snap.thai_digits)
    ThaiDocTemplate(path, title=title, thai_digits=snap.thai_digits, landscape_first=True).build(story)
