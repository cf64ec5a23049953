"""How itadesk's workbooks look and print: one Thai font, header and input colours,
A4 page set-up. Shared by the year workbook and the status forms."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

# the font of Thai government documents (one of the 13 national fonts every office installs);
# at 16 pt it reads like 11 pt of a Latin font
FONT_NAME = "TH SarabunPSK"
FONT_SIZE = 16
LINE_POINTS = 21  # the height one line of it needs
# Thai characters of it that fit in one unit of Excel's column width (a digit of the default
# font), measured on a LibreOffice rendering; vowels and tone marks above or below take no width
# (``line_count``). Rows are sized from it; a unit may still change heights (rows are not locked)
CHARS_PER_WIDTH = 1.0

BODY = Font(name=FONT_NAME, size=FONT_SIZE)
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
TITLE = Font(name=FONT_NAME, size=FONT_SIZE + 4, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells a unit fills in: pale yellow
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="808080")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
DATE_FORMAT = "d/m/yyyy"


def header_cells(ws: Worksheet, row: int, headers: list[str]) -> None:
    for c, title in enumerate(headers, 1):
        cell = ws.cell(row, c, title)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, GRID, HEADER_ALIGN


def line_count(text: str, width_chars: float) -> int:
    """Lines a wrapped cell needs at ``width_chars`` characters per line (Thai vowels and
    tone marks sit above or below their consonant and take no width)."""
    lines = 0
    for part in str(text).split("\n"):
        spacing = sum(1 for ch in part if not ("\u0e31" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"))
        lines += max(1, -(-spacing // max(1, int(width_chars))))
    return lines


def page_setup(ws: Worksheet, *, landscape: bool, title_rows: str | None = None) -> None:
    """A4, fitted to the page width, margins of a Thai official form, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.6
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "หน้า &P / &N"
    ws.oddFooter.center.font = FONT_NAME
    ws.oddFooter.center.size = 14
