"""``itadesk typeset``: a UTF-8 Thai text file → an A4 PDF.

The input is the form the seed documents come in: blank lines separate
paragraphs; a line holding tabs is a table row (consecutive rows form a table,
and a table whose header repeats the previous one's continues it); cells may
hold ``<p>``, ``<ul>``, ``<li>`` and ``<br>``, which become paragraphs, bullets
and line breaks; ``#`` headings and ``**bold**`` are honoured. Everything else is
printed literally. Tables of six or more columns go on landscape pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Spacer

from ..text.breaks import dictionary_scope
from .layout import ThaiDocTemplate, build_atomic, landscape_width, portrait_width, to_landscape, to_portrait
from .tables import auto_widths, thai_table
from .thai_paragraph import ParaStyle, Run, ThaiParagraph

JUSTIFY = {"thai": "thai", "words": "words", "none": "left"}
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_TAG = re.compile(r"<(/?)(p|ul|ol|li|br)\b[^>]*>", re.I)
_RULE = re.compile(r"^[\s\-\u2500|]+$")
_ESCAPED = re.compile(r"\\([*_#\\`])")


def inline_runs(text: str, *, bold: bool = False) -> list[Run]:
    """``**bold**`` spans as bold runs; markdown escapes (``\\*``) unescaped."""
    runs, pos = [], 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            runs.append(Run(_unescape(text[pos:m.start()]), bold=bold))
        runs.append(Run(_unescape(m.group(1)), bold=True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(_unescape(text[pos:]), bold=bold))
    return [r for r in runs if r.text]


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def cell_paragraphs(text: str) -> list[tuple[str, str]]:
    """(kind, text) items of one cell: kind is "p" or "li"."""
    items: list[tuple[str, str]] = []
    kind, buf = "p", []

    def flush():
        chunk = "".join(buf).strip()
        if chunk:
            items.append((kind, chunk))
        buf.clear()

    pos = 0
    for m in _TAG.finditer(text):
        buf.append(text[pos:m.start()])
        pos = m.end()
        closing, tag = m.group(1), m.group(2).lower()
        if tag == "br":
            buf.append("\n")
            continue
        flush()
        kind = "li" if tag == "li" and not closing else "p"
    buf.append(text[pos:])
    flush()
    return items


def _blocks(source: str) -> list[tuple[str, object]]:
    """("para", lines) and ("table", rows) blocks in reading order."""
    blocks: list[tuple[str, object]] = []
    for chunk in re.split(r"\n[ \t\u00a0]*\n", source.replace("\r\n", "\n")):
        lines = chunk.split("\n")
        para: list[str] = []
        rows: list[list[str]] = []
        for line in lines:
            if "\t" in line:
                if para:
                    blocks.append(("para", para))
                    para = []
                cells = line.split("\t")
                if all(_RULE.match(c) or not c.strip() for c in cells):
                    continue  # a markdown rule row (-----)
                rows.append(cells)
            else:
                if rows:
                    blocks.append(("table", rows))
                    rows = []
                if line.strip():
                    para.append(line)
        if para:
            blocks.append(("para", para))
        if rows:
            blocks.append(("table", rows))
    # a table whose first row repeats the previous table's header continues it
    merged: list[tuple[str, object]] = []
    for kind, data in blocks:
        if (kind == "table" and merged and merged[-1][0] == "table"
                and [c.strip() for c in data[0]] == [c.strip() for c in merged[-1][1][0]]):
            merged[-1][1].extend(data[1:])
        elif kind == "table" and merged and merged[-1][0] == "table" and len(data[0]) == len(merged[-1][1][0]) \
                and not _looks_like_header(data[0]):
            merged[-1][1].extend(data)
        else:
            merged.append((kind, data))
    return merged


def _looks_like_header(cells: list[str]) -> bool:
    return not any("<p>" in c or len(c) > 60 for c in cells)


def build_story(source: str, *, justify: str = "thai") -> list:
    align = JUSTIFY[justify]
    body = ParaStyle(size=11, leading=18, align=align, first_indent=1.25 * cm, space_after=4)
    story: list = []
    landscape_on = False
    for kind, data in _blocks(source):
        if kind == "para":
            lines = [ln.rstrip() for ln in data]
            first = lines[0].lstrip()
            heading = re.match(r"^(#{1,6})\s+(.*)$", first)
            if heading and len(lines) == 1:
                level = len(heading.group(1))
                size = {1: 16, 2: 15, 3: 13}.get(level, 12)
                story.append(ThaiParagraph(inline_runs(heading.group(2), bold=True),
                                           ParaStyle(size=size, leading=size * 1.6, align="center" if level <= 2 else "left",
                                                     bold=True, space_before=6, space_after=6, keep_with_next=True)))
                continue
            text = "\n".join(ln.strip() for ln in lines)
            all_bold = all(ln.strip().startswith("**") and ln.strip().rstrip().endswith("**") for ln in lines)
            if all_bold:
                story.append(ThaiParagraph(inline_runs(text), body.but(align="center", first_indent=0, keep_with_next=True)))
            elif text.startswith(("- ", "• ")):
                story.append(ThaiParagraph(inline_runs(text[2:]), body.but(left_indent=1.25 * cm, first_indent=0, bullet="•")))
            else:
                story.append(ThaiParagraph(inline_runs(text), body))
            continue
        rows: list[list[str]] = data  # type: ignore[assignment]
        ncols = max(len(r) for r in rows)
        rows = [r + [""] * (ncols - len(r)) for r in rows]
        wide = ncols >= 6
        if wide != landscape_on:
            story += (to_landscape() if wide else to_portrait())
            story.append(CondPageBreak(1000 * cm))  # start the new orientation on a fresh page
            landscape_on = wide
        total = landscape_width() if wide else portrait_width()
        size = 9.5 if wide else 10
        cells = []
        plain = []
        for row in rows:
            out, texts = [], []
            for text in row:
                items = cell_paragraphs(text)
                out.append([_cell_item(k, t, size) for k, t in items])
                texts.append("\n".join(p.text for p in out[-1]))
            cells.append(out)
            plain.append(texts)
        # a second header row: empty first cell, short labels (the status columns of seed 001)
        header_rows = 2 if len(rows) > 2 and not rows[1][0].strip() and _looks_like_header(rows[1]) \
            and all(len(c) < 90 for c in rows[1]) else 1
        widths = auto_widths(plain, total, size=size, header_rows=header_rows)
        story.append(thai_table(cells, widths, size=size, header_rows=header_rows, spans=_header_spans(rows, header_rows)))
        story.append(Spacer(1, 8))
    return story


def _header_spans(rows: list[list[str]], header_rows: int) -> list:
    """Merged header cells as Word makes them: a label over the empty cells to its
    right (when the row below has labels there), and over the empty cell below it."""
    if header_rows < 2:
        return []
    top, below = rows[0], rows[1]
    spans = []
    j = 0
    while j < len(top):
        k = j
        while k + 1 < len(top) and not top[k + 1].strip() and below[k + 1].strip():
            k += 1
        if top[j].strip() and k > j:
            spans.append(((j, 0), (k, 0)))
        elif top[j].strip() and not below[j].strip():
            spans.append(((j, 0), (j, 1)))
        j = k + 1
    return spans


def _cell_item(kind: str, text: str, size: float):
    style = ParaStyle(size=size, leading=round(size * 1.45, 1), align="left")
    if kind == "li":
        return ThaiParagraph(inline_runs(text), style.but(left_indent=size, bullet="•"))
    return ThaiParagraph(inline_runs(text), style)


def typeset_file(source: Path, output: Path, *, justify: str = "thai") -> int:
    """Render ``source`` to ``output``; returns the number of pages."""
    text = Path(source).read_text(encoding="utf-8")
    pages = {}

    def build(tmp: str) -> None:
        doc = ThaiDocTemplate(tmp, title=Path(source).stem)
        doc.build(story)
        pages["n"] = doc.page

    # line breaking loads only the listed words the file can hold (breaks.dictionary_scope): the
    # text without its markup, whose removal joins letters (**ภาค**รัฐ); markup left as written
    # (a lone **) holds no letter that begins a listed word
    with dictionary_scope([_unescape(_TAG.sub("", text).replace("**", ""))]):
        story = build_story(text, justify=justify)
        build_atomic(Path(output), build)
    return pages["n"]
